"""The HTML report, opened in headless Chromium: it renders, responds and runs no document code.

Chromium and ChromeDriver come from Debian (`chromium`, `chromium-driver`), which `make test`
installs; without them these tests skip and say so.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

import fontes
from fontes.export.report import _opening, render_report
from fontes.model import Document

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
ROOT = Path(__file__).parents[2]
SAMPLE = ROOT.parent / "shared" / "samples" / "industrial-party.txt"
EXAMPLE = ROOT / "examples" / "dock-strike.txt"

needs_browser = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="Debian chromium and chromium-driver are not installed (`make test` installs them)",
)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def write_report(path: Path, text: str) -> Path:
    path.write_text(render_report(fontes.analyze(text, path=str(path))), encoding="utf-8")
    return path


def png_colours(png: bytes) -> int:
    """How many distinct byte values the decoded image rows hold: 1-2 for a blank page."""
    chunks, position = [], 8
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        if kind == b"IDAT":
            chunks.append(png[position + 8 : position + 8 + length])
        position += 12 + length
    return len(set(zlib.decompress(b"".join(chunks))))


def severe_console_messages(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


@needs_browser
@pytest.mark.skipif(not SAMPLE.exists(), reason=f"shared sample not found at {SAMPLE}")
def test_the_sample_report_renders_responds_and_logs_no_error(browser, tmp_path) -> None:
    from selenium.webdriver.common.by import By

    report = write_report(tmp_path / "sample.html", SAMPLE.read_text(encoding="utf-8"))
    browser.get(report.as_uri())
    assert png_colours(browser.get_screenshot_as_png()) > 50

    first = browser.find_element(By.CSS_SELECTOR, "#finding-list li[data-i]")
    code = first.find_element(By.CSS_SELECTOR, ".code").text
    first.click()
    detail = browser.find_element(By.ID, "detail").text
    assert code in detail and "message:" in detail and "suggestion:" in detail

    browser.find_element(By.CSS_SELECTOR, "#text span[data-m]").click()
    assert "mentions:" in browser.find_element(By.ID, "detail").text

    assert len(browser.find_elements(By.CSS_SELECTOR, "#timeline-svg rect")) > 10
    assert len(browser.find_elements(By.CSS_SELECTOR, "#timeline-svg circle")) > 5
    assert len(browser.find_elements(By.CSS_SELECTOR, "#network-svg circle")) > 3
    assert len(browser.find_elements(By.CSS_SELECTOR, "#network-svg line")) > 3
    assert severe_console_messages(browser) == []


@needs_browser
def test_filters_hide_findings_of_an_unticked_severity(browser, tmp_path) -> None:
    from selenium.webdriver.common.by import By

    report = write_report(tmp_path / "example.html", EXAMPLE.read_text(encoding="utf-8"))
    browser.get(report.as_uri())
    items = browser.find_elements(By.CSS_SELECTOR, "#finding-list li[data-i]")
    warnings = [i for i in items if i.find_elements(By.CSS_SELECTOR, ".code.sev-warning")]
    assert warnings
    browser.find_element(By.CSS_SELECTOR, '#filters input[value="warning"]').click()
    assert all(not item.is_displayed() for item in warnings)
    assert any(item.is_displayed() for item in items if item not in warnings)
    assert severe_console_messages(browser) == []


@needs_browser
def test_a_finding_on_a_printed_page_says_which_in_its_details(
    browser, printed: Document, tmp_path
) -> None:
    from selenium.webdriver.common.by import By

    report = tmp_path / "printed.html"
    report.write_text(render_report(printed), encoding="utf-8")
    browser.get(report.as_uri())
    items = browser.find_elements(By.CSS_SELECTOR, "#finding-list li[data-i]")
    items[1].click()
    detail = browser.find_element(By.ID, "detail").text
    assert re.search(r"^where: line 7, column \d+, p\. 42$", detail, re.MULTILINE), detail
    items[3].click()  # on the appendix, which prints no folio
    detail = browser.find_element(By.ID, "detail").text
    assert re.search(r"^where: line 20, column \d+$", detail, re.MULTILINE), detail
    assert severe_console_messages(browser) == []


@needs_browser
def test_a_document_with_script_and_markup_runs_nothing(browser, tmp_path) -> None:
    from selenium.webdriver.common.by import By

    hostile = (
        "The clerk wrote <script>window.pwned = 1;</script> in the ledger of 1889, and "
        '<img src="x" onerror="window.pwned = 2"> beside the name of Walter Pascoe*.\n\n'
        '"</script><script>window.pwned = 3;</script>" was all he said.\n'
    )
    report = write_report(tmp_path / "hostile.html", hostile)
    browser.get(report.as_uri())
    assert browser.execute_script("return window.pwned === undefined")
    text = browser.find_element(By.ID, "text").text
    assert "<script>window.pwned = 1;</script>" in text
    assert '<img src="x" onerror="window.pwned = 2">' in text
    assert not browser.find_elements(By.CSS_SELECTOR, "#text img, #text script")


def test_the_report_is_self_contained(tmp_path) -> None:
    html = render_report(fontes.analyze(EXAMPLE.read_text(encoding="utf-8")))
    for outside in ("http://", "https://", 'src="//', '<link rel="stylesheet"'):
        assert outside not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "Content-Security-Policy" in html


def test_pages_cited_are_printed_as_pages_in_page_order() -> None:
    html = render_report(fontes.analyze(EXAMPLE.read_text(encoding="utf-8")))
    sources = html.split('id="sources"')[1].split("</section>")[0]
    rows = re.findall(r"<tr><td>([^<]*)</td>.*?<td>([^<]*)</td></tr>", sources, re.DOTALL)
    pages = {label.split(":")[0]: cell for label, cell in rows}
    # Cited at p. 88 and, in a note, at pp. 102-04.
    assert pages["Ashby, Margaret"] == "88, 102-104"
    assert "PageRange" not in sources


def section(html: str, name: str) -> str:
    return html.split(f'<section id="{name}">')[1].split("</section>")[0]


def test_the_findings_list_gives_the_printed_page_after_the_line(printed: Document) -> None:
    listed = re.findall(r"</span> (line [^:]*):", section(render_report(printed), "reading"))
    # The last is on the appendix, which prints no folio.
    assert listed == ["line 3, p. 41", "line 7, p. 42", "line 16, p. 43", "line 20"]


def test_each_citation_under_its_work_gives_its_page_and_note(printed: Document) -> None:
    cited = re.findall(r"(line [^:<]*): ", section(render_report(printed), "sources"))
    assert cited == ["line 3, p. 41, note 1", "line 1, p. 41", "line 9, p. 42, note 2"]


def test_notes_are_listed_by_number_and_page_with_their_opening_words(
    printed: Document,
) -> None:
    html = render_report(printed)
    assert '<a href="#notes">Notes</a>' in html
    rows = re.findall(
        r"<tr><td>(\d+)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", section(html, "notes")
    )
    assert rows == [
        ("1", "41", "Volkov, Mills of Tver, p. 20."),
        ("2", "42", "Ibid., p. 31."),
        (
            "3",
            "43",
            "The lease book of the Shields pans, kept by the receiver&#39;s clerk from 1899…",
        ),
        ("4", "43", "A note that no marker points to."),
    ]


def test_notes_without_printed_pages_have_no_page_column() -> None:
    html = render_report(fontes.analyze(EXAMPLE.read_text(encoding="utf-8")))
    notes = section(html, "notes")
    assert "<th>Page</th>" not in notes
    assert re.findall(r"<tr><td>(\d+)</td><td>([^<]*)</td></tr>", notes) == [
        ("1", "Quayle, op. cit., p. 112."),
        ("2", "Ashby, op. cit., p. 102-04."),
    ]


def test_a_document_without_notes_has_no_notes_section() -> None:
    html = render_report(fontes.analyze("Mary Halloran spoke at the dock gates in 1889."))
    assert 'id="notes"' not in html and 'href="#notes"' not in html


def test_a_long_note_is_cut_at_a_word_end_and_a_long_word_within_it() -> None:
    words = (
        "The lease book of the Shields pans was kept by the clerk from 1899 until the fire of 1911."
    )
    opening = _opening(words)
    assert (
        opening == "The lease book of the Shields pans was kept by the clerk from 1899 until the…"
    )
    assert len(opening) <= 80 and words.startswith(opening[:-1])
    assert _opening("x" * 100) == "x" * 79 + "…"
    assert _opening("short note") == "short note"
