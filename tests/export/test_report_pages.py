"""The HTML report of a paged source: page numbers, page breaks, the OCR engine's doubtful
words, and each finding's passage cut from the page image, embedded in the file."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib import resources
from pathlib import Path

import pytest
from test_report import browser, needs_browser, section, severe_console_messages

import fontes
from fontes.export import report
from fontes.export.report import MARGIN_ACROSS, MARGIN_DOWN, _box_of, _crop, _pages, render_report
from fontes.model import Box, Category, Document, Finding, Severity, SourcePage
from fontes.pipeline import process
from fontes.reading.paged import PagedText
from images import png

__all__ = ["browser"]  # a fixture, shared with the other report tests

WIDTH, HEIGHT = 1000, 1400  # a page in box units: ten a character, twenty a line
TOP = 5  # the first line's row: the text starts 100 units down the page
PAGES = [
    "The pans at Shields were leased by Pavel Orlov on June 31, 1905.\n"
    "The tenant died on February 30, 1911, and the lease lapsed.",
    "The clerk noted the lapse on April 31, 1912.",
    "The lease book was sent on September 31, 1913.",
]
IMAGES = ["page1.png", "page2.png", "page3.tif"]  # the second is not beside the source
UNSURE = {"Shields": 0.41, "June": 0.55}  # the engine's confidence in these; 0.95 in others


def scan(folder: Path, named_from: str | None = "source") -> Document:
    """`PAGES` as an OCR engine's output in `folder`, its page images named as an ALTO file
    names them: a PNG a tenth of the page's units, no second image, a TIFF for the third.
    The images are named from the source's folder, or (`named_from=None`) from the file's."""
    (folder / "page1.png").write_bytes(png(WIDTH // 10, HEIGHT // 10))
    (folder / "page3.tif").write_bytes(b"II*\x00" + bytes(64))
    builder = PagedText("alto")
    for page, image in zip(PAGES, IMAGES, strict=True):
        builder.page(width=WIDTH, height=HEIGHT, image=image)
        builder.block()
        for row, line in enumerate(page.splitlines(), start=TOP):
            builder.line()
            for word in re.finditer(r"\S+", line):
                box = Box(10 * word.start(), 20 * row, 10 * word.end(), 20 * row + 16)
                builder.word(word[0], box, UNSURE.get(word[0], 0.95))
    source_folder = str(folder) if named_from == "source" else None
    return process(builder.build(str(folder / "scan.xml"), "0" * 64, source_folder))


def report_data(html: str) -> dict:
    found = re.search(r'<script type="application/json" id="fontes-data">(.*?)</script>', html)
    assert found
    return json.loads(found[1])


def finding_on(data: dict, words: str) -> dict:
    (finding,) = [f for f in data["findings"] if f["text"].startswith(words)]
    return finding


def test_a_finding_shows_its_box_cut_from_the_page_image_with_a_margin(tmp_path) -> None:
    data = report_data(render_report(scan(tmp_path)))
    crop = finding_on(data, "June 31")["crop"]
    # `June 31` is in the words `June 31,`, characters 50-58 of the page's first line: 500-580
    # across, 100-116 down.
    across, down = MARGIN_ACROSS * WIDTH, MARGIN_DOWN * HEIGHT
    assert crop["box"] == [500, 100, 80, 16]
    assert crop["view"] == pytest.approx([500 - across, 100 - down, 80 + 2 * across, 16 + 2 * down])
    # The image is laid over the page's units, whatever its size in pixels.
    assert (crop["page"], crop["width"], crop["height"]) == (1, WIDTH, HEIGHT)
    assert crop["image"] == "page1.png"


def test_a_crop_stops_at_the_pages_edges_and_a_box_off_the_page_has_none() -> None:
    page = SourcePage(0, 10, 1, None, WIDTH, HEIGHT, "page1.png")
    crop = _crop(page, Box(10, 5, 60, 21))
    assert crop is not None
    assert crop["view"] == pytest.approx(
        [0, 0, 60 + MARGIN_ACROSS * WIDTH, 21 + MARGIN_DOWN * HEIGHT]
    )
    assert _crop(page, Box(2 * WIDTH, 10, 2 * WIDTH + 50, 26)) is None
    assert _crop(SourcePage(0, 10, 1, None, None, None, "page1.png"), Box(10, 5, 60, 21)) is None


def test_a_finding_between_words_is_shown_around_the_words_either_side(tmp_path) -> None:
    doc = scan(tmp_path)
    line_end = doc.text.index("\n")  # after `1905.`, before `The` of the next line
    cut = Finding(
        "QU001", Category.QUOTATION, Severity.WARNING, "cut", line_end, line_end + 1, 1, 1
    )
    # `1905.` is characters 59-64 of the first line (row 5), `The` 0-3 of the second.
    assert _box_of(doc, cut) == (1, Box(0, 100, 640, 136))


def test_each_page_image_is_embedded_once_as_a_data_uri(tmp_path) -> None:
    html = render_report(scan(tmp_path))
    data = report_data(html)
    encoded = base64.b64encode((tmp_path / "page1.png").read_bytes()).decode()
    assert data["images"] == {"1": f"data:image/png;base64,{encoded}"}
    assert html.count(encoded) == 1
    # Both findings of the first page are cut from it.
    assert finding_on(data, "February 30")["crop"]["page"] == 1


@pytest.mark.parametrize("named_from", ["source", None])
def test_page_images_are_found_from_the_sources_folder_else_the_files(tmp_path, named_from) -> None:
    data = report_data(render_report(scan(tmp_path, named_from)))
    assert finding_on(data, "June 31")["crop"] is not None


def test_a_missing_image_gives_no_crop_and_a_tiff_none_with_a_note(tmp_path) -> None:
    html = render_report(scan(tmp_path))
    data = report_data(html)
    assert finding_on(data, "April 31")["crop"] is None  # page 2: no image beside it
    assert finding_on(data, "September 31")["crop"] is None  # page 3: a TIFF
    notes = re.findall(r'<p class="legend image-note">([^<]*)</p>', section(html, "reading"))
    assert notes == [
        "Findings are shown on 1 page image (1 kB embedded).",
        "No crops on page #2: no image where the source names it.",
        "No crops on page #3: images in TIFF, which browsers do not show (a PNG or JPEG copy "
        "where the source names it would be).",
    ]


def test_page_images_past_the_reports_limit_are_left_out_with_a_note(tmp_path, monkeypatch) -> None:
    doc = scan(tmp_path)
    monkeypatch.setattr(report, "MOST_IMAGE_BYTES", (tmp_path / "page1.png").stat().st_size - 1)
    html = render_report(doc)
    data = report_data(html)
    assert data["images"] == {}
    assert all(finding["crop"] is None for finding in data["findings"])
    assert "No crops on page #1: a report embeds at most 0 MB of page images." in html
    assert '<template id="crop">' not in html


def test_pages_left_out_are_named_in_runs() -> None:
    assert _pages([3]) == "page #3"
    assert _pages([2, 5, 6, 7, 9, 10]) == "pages #2, #5-#7, #9-#10"


def test_the_policy_allows_the_reports_own_script_and_data_images_alone(tmp_path) -> None:
    html = render_report(scan(tmp_path))
    script = resources.files("fontes.export").joinpath("report.js").read_bytes()
    digest = base64.b64encode(hashlib.sha256(script).digest()).decode()
    (policy,) = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert policy == (
        f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'"
    )
    addresses = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert addresses and all(a.startswith(("data:", "#")) for a in addresses)


def test_words_the_engine_was_unsure_of_are_marked_with_its_confidence(tmp_path) -> None:
    html = render_report(scan(tmp_path))
    text = html.split('<div id="text">')[1].split("</div>")[0]
    marked = re.findall(r'<span class="([^"]*)"[^>]* title="OCR confidence ([\d.]+)">([^<]*)', text)
    assert [(word, confidence) for _, confidence, word in marked] == [
        ("Shields", "0.41"),
        ("June", "0.55"),
    ]
    assert all("doubt" in classes.split() for classes, _, _ in marked)
    assert "2 words the OCR engine was less than 60% sure of" in html
    data = report_data(html)
    assert finding_on(data, "June 31")["ocr_confidence"] == 0.55  # the lower of its words
    assert finding_on(data, "February 30")["ocr_confidence"] == 0.95


def test_page_breaks_are_ruled_with_the_page_of_the_file_and_its_number(
    scanned: Document,
) -> None:
    html = render_report(scanned)
    text = html.split('<div id="text">')[1].split("</div>")[0]
    rules = re.findall(r'<span class="pb" data-page="([^"]*)"></span>', text)
    assert rules == ["#1 · p. 41", "#2 · p. 42", "#3 · p. 43", "#4"]
    assert "\f" not in text


def test_findings_of_a_scan_give_the_line_on_the_page_and_the_page_of_the_file(
    scanned: Document,
) -> None:
    listed = re.findall(r"</span> (line [^:]*):", section(render_report(scanned), "reading"))
    # As `fontes check` prints them: p.42:1:61 and, on the page with no folio, #4:1:46.
    assert listed[1] == "line 1, p. 42"
    assert listed[-1] == "line 1, #4"


def test_a_plain_text_report_has_no_page_rules_doubts_or_crops() -> None:
    html = render_report(fontes.analyze("Mary Halloran spoke at the dock\fgates on June 31, 1889."))
    assert 'class="pb"' not in html and "doubt" not in html.split("</style>")[1]
    assert '<template id="crop">' not in html and report_data(html)["images"] == {}


@needs_browser
def test_a_findings_crop_shows_the_page_image_in_its_details(browser, tmp_path) -> None:
    from selenium.webdriver.common.by import By

    page = tmp_path / "scan.html"
    html = render_report(scan(tmp_path))
    page.write_text(html, encoding="utf-8")
    index = finding_on(report_data(html), "June 31")["index"]
    browser.get(page.as_uri())
    browser.find_element(By.CSS_SELECTOR, f'#finding-list li[data-i="{index}"]').click()
    crop = browser.find_element(By.CSS_SELECTOR, "#detail svg.crop")
    view = [float(value) for value in crop.get_dom_attribute("viewBox").split()]
    assert view == pytest.approx(finding_on(report_data(html), "June 31")["crop"]["view"])
    assert crop.size["width"] > 100 and crop.size["height"] > 20
    drawn = crop.screenshot_as_png
    browser.execute_script("arguments[0].querySelector('image').remove()", crop)
    assert crop.screenshot_as_png != drawn  # the page image was drawn (a blocked one is not)
    assert "page image: page1.png" in browser.find_element(By.ID, "detail").text
    assert severe_console_messages(browser) == []
