"""hOCR: pages, paragraphs as blocks, lines and words with their boxes and confidence, read as
the plain text the OCR engine gives for the same pages."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from analysis import analysis_of

from fontes.model import Box
from fontes.pipeline import analyze, process
from fontes.reading.formats import read_any
from fontes.reading.hocr import read
from fontes.reading.source import InputError

DATA = Path(__file__).parents[1] / "data" / "formats" / "ocr"


def hocr(body: str, page: str = 'image "scan-12.png"; bbox 0 0 1200 1800; ppageno 0') -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title></title>'
        "<meta name='ocr-system' content='test'/></head><body>"
        f"<div class='ocr_page' title='{page}'>{body}</div></body></html>"
    )


def par(*lines: str, box: str = "10 10 500 100") -> str:
    return f"<p class='ocr_par' title='bbox {box}'>{''.join(lines)}</p>"


def line(*words: str, kind: str = "ocr_line", box: str = "10 10 500 40") -> str:
    return f"<span class='{kind}' title='bbox {box}; baseline 0 -4'>{''.join(words)}</span>"


def word(text: str, box: str = "10 10 60 40", conf: int | None = 90) -> str:
    confidence = f"; x_wconf {conf}" if conf is not None else ""
    return f"<span class='ocrx_word' title='bbox {box}{confidence}'>{text}</span>"


def write(tmp_path: Path, text: str, name: str = "page.hocr") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_tesseracts_hocr_reads_as_its_plain_text() -> None:
    """One tesseract run over two pages gave the hOCR and the text: the same records and
    findings. tesseract writes a form feed between pages; the reader ends each page with one,
    as pdftotext does, and a form feed at the end is no page break."""
    doc = read(DATA / "derwent.hocr")
    plain = (DATA / "derwent.txt").read_text(encoding="utf-8")
    assert doc.text == plain + "\f"
    analysis = analysis_of(process(doc))
    assert analysis == analysis_of(analyze(plain))
    assert analysis["citations"] and analysis["works"] and analysis["findings"]


def test_tesseracts_hocr_gives_pages_and_each_words_box_and_confidence() -> None:
    path = DATA / "derwent.hocr"
    doc = read(path)
    source = doc.source
    assert source.format == "hocr"
    assert [(p.index, p.label, p.width, p.height, p.image) for p in source.pages] == [
        (1, None, 1240, 1754, "page1.png"),
        (2, None, 1240, 1754, "page2.png"),
    ]
    assert len(source.words) == len(doc.text.split())
    assert all(w.box is not None and w.confidence is not None for w in source.words)
    assert all(0 < w.confidence <= 1 for w in source.words if w.confidence is not None)
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert source.folder == str(DATA)
    assert source.missing_images() == []
    assert read_any(path).text == doc.text


def test_a_word_gives_its_box_and_confidence_as_a_fraction(tmp_path: Path) -> None:
    body = par(line(word("Harbour", "12 30 95 61", 91), word("dues", "100 29 150 60", None)))
    doc = read(write(tmp_path, hocr(body)))
    assert doc.text == "Harbour dues\n\f"
    first, second = doc.source.words
    assert first.box == Box(12, 30, 95, 61) and first.confidence == 0.91
    assert second.box == Box(100, 29, 150, 60) and second.confidence is None
    assert doc.source.lines[0].box == Box(10, 10, 500, 40)
    assert doc.source.blocks[0].box == Box(10, 10, 500, 100)
    page = doc.source.pages[0]
    assert (page.width, page.height, page.image, page.label) == (1200, 1800, "scan-12.png", None)


def test_paragraphs_are_blocks_within_a_content_area(tmp_path: Path) -> None:
    body = (
        "<div class='ocr_carea' title='bbox 0 0 600 400'>"
        + par(line(word("Wages")), line(word("rose.")))
        + par(line(word("Rents")), line(word("fell.")))
        + "</div><div class='ocr_carea' title='bbox 0 500 600 600'>"
        + line(word("Tolls"))
        + "</div>"
    )
    doc = read(write(tmp_path, hocr(body)))
    assert doc.text == "Wages\nrose.\n\nRents\nfell.\n\nTolls\n\f"
    assert len(doc.source.blocks) == 3
    assert doc.source.blocks[2].box == Box(0, 500, 600, 600)


def test_header_caption_and_float_lines_are_lines(tmp_path: Path) -> None:
    lines = (
        line(word("CHAPTER"), kind="ocr_header"),
        line(word("Fig."), word("2"), kind="ocr_caption"),
        line(word("margin"), kind="ocr_textfloat"),
    )
    doc = read(write(tmp_path, hocr(par(*lines))))
    assert doc.text == "CHAPTER\nFig. 2\nmargin\n\f"
    assert len(doc.source.lines) == 3


def test_a_footer_region_of_lines_is_a_block(tmp_path: Path) -> None:
    footer = f"<div class='ocr_footer' title='bbox 0 1700 1200 1790'>{line(word('Printed'))}</div>"
    doc = read(write(tmp_path, hocr(par(line(word("Body"))) + footer)))
    assert doc.text == "Body\n\nPrinted\n\f"
    assert doc.source.blocks[1].box == Box(0, 1700, 1200, 1790)


def test_the_printed_page_number_is_the_pages_label(tmp_path: Path) -> None:
    recorded = 'image "a.png"; bbox 0 0 10 10; ppageno 4; lpageno xiv'
    marked = par(line(word("ix"), kind="ocr_pageno"))
    first = hocr(par(line(word("Preface"))), page=recorded)
    second = hocr(marked + par(line(word("Index"))))
    assert read(write(tmp_path, first)).source.pages[0].label == "xiv"
    doc = read(write(tmp_path, second))
    assert doc.source.pages[0].label == "ix"
    assert doc.text == "ix\n\nIndex\n\f"


def test_a_line_without_words_gives_its_words_without_boxes(tmp_path: Path) -> None:
    doc = read(write(tmp_path, hocr(par(line("Quay  dues <em>doubled</em>")))))
    assert doc.text == "Quay dues doubled\n\f"
    assert [w.box for w in doc.source.words] == [None, None, None]


def test_a_words_markup_and_entities_are_its_text(tmp_path: Path) -> None:
    doc = read(write(tmp_path, hocr(par(line(word("<strong>M</strong>&amp;Co."))))))
    assert doc.text == "M&Co.\n\f"


def test_pages_follow_one_another(tmp_path: Path) -> None:
    pages = hocr(par(line(word("one")))).replace(
        "</div></body>",
        "</div><div class='ocr_page' title='bbox 0 0 800 900'>"
        + par(line(word("two")))
        + "</div></body>",
    )
    doc = read(write(tmp_path, pages))
    assert doc.text == "one\n\ftwo\n\f"
    assert [(p.index, p.width, p.image) for p in doc.source.pages] == [
        (1, 1200, "scan-12.png"),
        (2, 800, None),
    ]
    assert [w.page for w in doc.source.words] == [1, 2]


def test_hocr_written_as_html_is_read(tmp_path: Path) -> None:
    html = (
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>x</title></head><body>"
        "<div class=ocr_page title='bbox 0 0 100 100'>"
        "<p class=ocr_par><span class=ocr_line title='bbox 1 1 90 20'>"
        "<span class=ocrx_word title='bbox 1 1 40 20; x_wconf 77'>Pier&nbsp;</span>"
        "<span class=ocrx_word title='bbox 45 1 90 20; x_wconf 80'>dues</span>"
        "</span></p></div></body></html>"
    )
    doc = read(write(tmp_path, html, "page.html"))
    assert doc.text == "Pier dues\n\f"
    assert [w.confidence for w in doc.source.words] == [0.77, 0.80]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (hocr(par(line(word("cut")))).replace("</body></html>", ""), "not well-formed hOCR XML"),
        ("", "not well-formed hOCR XML at line 1"),
        ("<html><body><p>no OCR here</p></body></html>", "no ocr_page element"),
        ("this is not markup at all", "not well-formed hOCR XML"),
        (hocr(par(line())), "has no words"),
    ],
)
def test_what_is_not_hocr_is_a_one_line_error(tmp_path: Path, content: str, reason: str) -> None:
    path = write(tmp_path, content)
    with pytest.raises(InputError, match=reason) as raised:
        read(path)
    assert "\n" not in str(raised.value)
    assert path.read_text(encoding="utf-8") == content
