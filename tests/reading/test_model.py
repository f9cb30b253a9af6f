"""Offsets: the original text is never rewritten, and every offset indexes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fontes
from fontes.model import Document, Span, SpanSet
from fontes.reading.paged import PagedText

SPECIAL = "\u2018\u2019\u201c\u201d\u2013\u2014\u2212\u00a0\u2009\ufeff\t\r\n\f\v"

LF = (
    "The Quay Board (1880-99)\n"
    "\n"
    "The board was chaired by Mary Haloran* and it quietly sided with: and\n"
    "the dues were raised (Ibid., p. 4).[3] Peter Quint* kept the ledger\n"
    "(Rosewarne: 'The Harbourmaster's Ledger'; p. 2).\n"
    "\n"
    "HALLORAN, Mary, teacher (1870-1930); secretary (1901-05).\n"
    "QUINT, Peter, physician (1860-1920); coroner (1910-05).\n"
    "ROWE, Susan, clerk (1861-1925); treasurer (1890-99).\n"
    "\n"
    "Bibliography\n"
    "\n"
    "Tremayne, Hilda: 'Wages and Tides'; Falmouth; 1961.\n"
    "Rosewarne, Jory: 'The Harbourmaster's Ledger'; Truro\n"
)


def finding_texts(doc: Document) -> list[tuple[str, str]]:
    return [(f.rule, doc.text[f.start : f.end]) for f in doc.findings]


@pytest.mark.parametrize(
    ("original", "folded"),
    [
        ("\u2018a\u2019", "'a'"),
        ("\u201ca\u201d", '"a"'),
        ("1885\u20131938", "1885-1938"),
        ("a\u2014b", "a-b"),
        ("a\u00a0b\tc", "a b c"),
        ("\ufeffa", " a"),
        ("a\r\nb", "a \nb"),
        ("a\rb", "a\nb"),
        ("a\fb", "a\nb"),
    ],
)
def test_folding(original: str, folded: str) -> None:
    assert Document(original).folded == folded


@given(st.text(alphabet=st.sampled_from("ab :.'\"-" + SPECIAL)))
def test_folding_never_changes_length(text: str) -> None:
    doc = Document(text)
    assert len(doc.folded) == len(doc.text)
    assert doc.text == text


def test_line_column_counts_from_one() -> None:
    doc = Document("ab\ncd\n\nef")
    assert doc.line_column(0) == (1, 1)
    assert doc.line_column(1) == (1, 2)
    assert doc.line_column(3) == (2, 1)
    assert doc.line_column(7) == (4, 1)


def test_line_column_with_crlf_and_lone_cr() -> None:
    assert Document("ab\r\ncd").line_column(4) == (2, 1)
    assert Document("ab\rcd").line_column(3) == (2, 1)


def test_excerpt_is_taken_from_the_original() -> None:
    doc = Document("\u201cWages\u201d rose")
    assert doc.excerpt(Span(0, 7)) == "\u201cWages\u201d"


def test_span_set_merges_touching_ranges() -> None:
    spans = SpanSet()
    for start, end in [(10, 20), (30, 40), (20, 25), (50, 60), (35, 55)]:
        spans.add(Span(start, end))
    assert list(spans) == [Span(10, 25), Span(30, 60)]
    assert 24 in spans and 25 not in spans and 59 in spans and 60 not in spans


def test_the_lf_document_has_the_findings_these_tests_rely_on() -> None:
    rules = [rule for rule, _ in finding_texts(fontes.analyze(LF))]
    # No XR003 for `[3]`: the text has no notes at all (the rule's premise).
    assert rules == ["XR005", "QU001", "CI001", "CH002", "XR002", "CI003", "TR002"]


def test_crlf_gives_the_same_findings_at_the_same_places() -> None:
    lf, crlf = fontes.analyze(LF), fontes.analyze(LF.replace("\n", "\r\n"))
    assert finding_texts(crlf) == finding_texts(lf)
    assert [(f.line, f.column) for f in crlf.findings] == [(f.line, f.column) for f in lf.findings]


def test_a_bom_gives_the_same_findings() -> None:
    lf, bom = fontes.analyze(LF), fontes.analyze("\ufeff" + LF)
    assert finding_texts(bom) == finding_texts(lf)


def test_curly_quotes_and_en_dashes_give_the_same_findings_at_the_same_offsets() -> None:
    curly = LF.replace("'", "\u2019").replace("-", "\u2013")
    lf, folded = fontes.analyze(LF), fontes.analyze(curly)
    assert [(f.rule, f.start, f.end) for f in folded.findings] == [
        (f.rule, f.start, f.end) for f in lf.findings
    ]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("crlf.txt", LF.replace("\n", "\r\n").encode()),
        ("bom.txt", b"\xef\xbb\xbf" + LF.encode()),
        ("bom-crlf.txt", b"\xef\xbb\xbf" + LF.replace("\n", "\r\n").encode()),
    ],
)
def test_files_give_the_same_findings_as_lf_text(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    doc = fontes.analyze_file(path)
    assert doc.text == data.decode("utf-8")
    assert finding_texts(doc) == finding_texts(fontes.analyze(LF))
    assert path.read_bytes() == data


def test_span_set_gaps_are_what_no_range_covers() -> None:
    spans = SpanSet()
    for start, end in [(5, 10), (20, 25), (30, 40)]:
        spans.add(Span(start, end))
    assert list(spans.gaps(0, 50)) == [(0, 5), (10, 20), (25, 30), (40, 50)]
    assert list(spans.gaps(7, 22)) == [(10, 20)]
    assert list(spans.gaps(31, 39)) == []
    assert list(SpanSet().gaps(3, 9)) == [(3, 9)]


def test_a_source_names_the_page_images_that_are_missing(tmp_path: Path) -> None:
    (tmp_path / "p1.png").write_bytes(b"")
    builder = PagedText("alto")
    for image in ("p1.png", "p2.png", "p2.png", None, "https://example.org/p5.jp2"):
        builder.page(image=image)
        builder.word("Quay")
    source = builder.build("scan.xml", "0", folder=str(tmp_path)).source
    assert source.missing_images() == ["p2.png"]
    assert source.image_path(source.pages[0]) == tmp_path / "p1.png"
    assert source.image_path(source.pages[3]) is None
    assert source.image_path(source.pages[4]) is None  # an image elsewhere is not fetched
