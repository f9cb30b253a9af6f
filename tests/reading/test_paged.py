"""A paged source laid out as plain text, with the zones that say where each word lies."""

from __future__ import annotations

from fontes.model import Box
from fontes.reading.paged import PagedText


def _two_pages() -> PagedText:
    builder = PagedText("hocr")
    builder.page(label="87", width=100, height=200, image="p87.png")
    builder.block()
    builder.line(Box(0, 0, 60, 10))
    builder.word("The", Box(0, 0, 10, 10), 0.9)
    builder.word("imme\u00ad", Box(12, 0, 30, 10), 0.5)
    builder.line()
    builder.word("diately", Box(0, 12, 20, 22), 0.8)
    builder.line()  # a line with no words leaves no trace
    builder.block(Box(0, 40, 90, 60))
    builder.line()
    builder.word("  Quay ", Box(0, 40, 15, 50))
    builder.page()
    builder.line()
    builder.word("Next")
    return builder


def test_the_text_is_laid_out_as_an_ocr_engines_plain_text() -> None:
    doc = _two_pages().build("scan.hocr", "0")
    # words by a space, lines by a line break, blocks by a blank line, a form feed a page;
    # a soft hyphen at a line end prints as a hyphen, white space in a word goes
    assert doc.text == "The imme-\ndiately\n\nQuay\n\fNext\n\f"
    pages = doc.source.pages
    assert [(p.index, p.label, p.image) for p in pages] == [(1, "87", "p87.png"), (2, None, None)]
    assert [doc.text[p.start : p.end] for p in pages] == [
        "The imme-\ndiately\n\nQuay\n\f",
        "Next\n\f",
    ]
    assert [doc.excerpt(w) for w in doc.source.words] == ["The", "imme-", "diately", "Quay", "Next"]
    assert [doc.excerpt(line) for line in doc.source.lines] == [
        "The imme-",
        "diately",
        "Quay",
        "Next",
    ]
    assert [doc.excerpt(b) for b in doc.source.blocks] == ["The imme-\ndiately", "Quay", "Next"]


def test_zones_keep_the_boxes_given_and_cover_their_words_otherwise() -> None:
    source = _two_pages().build("scan.hocr", "0").source
    assert source.lines[0].box == Box(0, 0, 60, 10)  # as the source gives it
    assert source.blocks[0].box == Box(0, 0, 60, 22)  # its lines' boxes, covered
    assert source.blocks[1].box == Box(0, 40, 90, 60)
    assert source.lines[3].box is None and source.lines[3].page == 2


def test_lookups_by_offset() -> None:
    doc = _two_pages().build("scan.hocr", "0")
    source = doc.source
    at = doc.text.index("diately")
    assert source.line_at(at + 3) == (2, 4)  # the second line on its page, fourth column
    assert source.line_at(doc.text.index("Next")) == (1, 1)
    assert source.page_at(doc.text.index("Next")).index == 2
    # a span's box covers its words on the page where it starts
    assert source.box_of(0, at + 7) == (1, Box(0, 0, 30, 22))
    assert source.box_of(doc.text.index("Quay"), len(doc.text)) == (1, Box(0, 40, 15, 50))
    assert source.confidence_of(0, at + 7) == 0.5
    assert source.confidence_of(doc.text.index("Quay"), doc.text.index("Quay") + 4) is None


def test_a_span_between_words_has_the_box_of_the_words_either_side() -> None:
    doc = _two_pages().build("scan.hocr", "0")
    gap = doc.text.index("\n\nQuay")
    assert doc.source.box_of(gap, gap + 2) == (1, Box(0, 12, 20, 50))  # `diately`, `Quay`
