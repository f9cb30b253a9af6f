"""Pages and page furniture: an edition's header and licence, page breaks, printed page
numbers, running heads and signatures, found by their evidence alone, and claimed."""

from __future__ import annotations

from pathlib import Path

import pytest

import fontes
from fontes.model import Document, FurnitureKind, Span
from fontes.reading import find_paragraphs
from fontes.reading.pages import read_pages

REAL = Path(__file__).parents[2].parent / "shared" / "samples" / "real"
NO_SPACY = ["mentions", "linking", "ocr", "events"]
K = FurnitureKind


def paged(text: str) -> Document:
    doc = Document(text)
    find_paragraphs(doc)
    read_pages(doc)
    return doc


def furniture(doc: Document) -> list[tuple[FurnitureKind, str]]:
    return [(f.kind, doc.text[f.start : f.end]) for f in doc.furniture]


def pages(doc: Document) -> list[tuple[int, str | None]]:
    return [(p.index, p.number) for p in doc.pages]


GUTENBERG = """\ufeffThe Project Gutenberg EBook of The Quay, by Mary Halloran\r
\r
This eBook is for the use of anyone anywhere at no cost and with\r
almost no restrictions whatsoever.\r
\r
Title: The Quay\r
\r
Author: Mary Halloran\r
\r
Release Date: May 4, 2010 [EBook #9999]\r
\r
*** START OF THIS PROJECT GUTENBERG EBOOK THE QUAY ***\r
\r
\r
Produced by Jane Roe and the Online Distributed\r
Proofreading Team\r
\r
\r
THE STRIKE\r
\r
The dockers struck in 1889, and the quay stood idle for a month.\r
\r
End of the Project Gutenberg EBook of The Quay, by Mary Halloran\r
\r
*** END OF THIS PROJECT GUTENBERG EBOOK THE QUAY ***\r
\r
***** This file should be named 9999.txt or 9999.zip *****\r
Updated editions will replace the previous one.\r
"""


def test_a_gutenberg_header_and_licence_are_furniture_and_no_pages() -> None:
    doc = paged(GUTENBERG)
    (header, credits, licence) = doc.furniture
    assert (header.kind, credits.kind, licence.kind) == (K.HEADER, K.HEADER, K.LICENCE)
    assert doc.text[header.start : header.end].startswith("The Project Gutenberg EBook")
    assert doc.text[header.start : header.end].endswith("EBOOK THE QUAY ***")
    assert doc.text[credits.start : credits.end] == (
        "Produced by Jane Roe and the Online Distributed\r\nProofreading Team"
    )
    assert doc.text[licence.start : licence.end].startswith("End of the Project Gutenberg")
    assert doc.text[licence.start : licence.end].endswith("previous one.")
    assert doc.pages == []
    assert all(doc.in_apparatus(offset) for offset in range(header.start, header.end))


def test_no_reader_takes_the_header_for_a_heading_a_date_or_a_quotation() -> None:
    doc = fontes.analyze(GUTENBERG, disable=NO_SPACY)
    assert [s.title for s in doc.sections] == ["THE STRIKE"]
    assert [doc.text[t.start : t.end] for t in doc.times] == ["1889", "for a month"]
    assert not doc.quotations
    assert not [f for f in doc.findings if f.rule == "TR001"]


def test_the_older_small_print_header_ends_where_its_marker_says() -> None:
    text = (
        "The Project Gutenberg Etext of The Quay\n\n"
        "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n\n"
        "The dockers struck.\n"
    )
    assert [kind for kind, _ in furniture(paged(text))] == [K.HEADER]


def page_text(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


BODY = [
    "The dockers gathered at the gates before dawn, as they had done every",
    "morning since the strike began, and waited for the foreman to call the",
    "names of the men who would be taken on; but that morning no name was",
    "called, and the crowd, which had grown to some hundreds, stood in the",
    "rain and talked of the meeting to be held that evening at the hall.",
]
FORM_FEEDS = "\f".join(
    [
        page_text(["THE HISTORY OF THE QUAY", "", *BODY, "", "1"]),
        page_text(["2 THE HISTORY OF THE QUAY", *BODY[:4], "and they sang for the con-"]),
        page_text(["THE GREAT STRIKE 3", "ductor of the band, a cen-", "tury old.", *BODY]),
        page_text(["4 THE HISTORY OF THE QUAY", *BODY]),
    ]
)


def test_form_feeds_make_pages_with_their_printed_numbers_and_running_heads() -> None:
    doc = paged(FORM_FEEDS)
    assert pages(doc) == [(1, "1"), (2, "2"), (3, "3"), (4, "4")]
    assert furniture(doc) == [
        (K.RUNNING_HEAD, "THE HISTORY OF THE QUAY"),
        (K.PAGE_NUMBER, "1"),
        (K.PAGE_MARKER, "\f"),
        (K.PAGE_NUMBER, "2"),
        (K.RUNNING_HEAD, "THE HISTORY OF THE QUAY"),
        (K.PAGE_MARKER, "\f"),
        (K.RUNNING_HEAD, "THE GREAT STRIKE"),
        (K.PAGE_NUMBER, "3"),
        (K.PAGE_MARKER, "\f"),
        (K.PAGE_NUMBER, "4"),
        (K.RUNNING_HEAD, "THE HISTORY OF THE QUAY"),
    ]
    feeds = [i for i, char in enumerate(FORM_FEEDS) if char == "\f"]
    assert [(p.start, p.end) for p in doc.pages] == list(
        zip([0, *(f + 1 for f in feeds)], [*feeds, len(FORM_FEEDS)], strict=True)
    )


def test_page_of_finds_the_page_an_offset_is_on() -> None:
    doc = paged(FORM_FEEDS)
    third = FORM_FEEDS.index("ductor")
    assert doc.page_of(third) is doc.pages[2]
    assert doc.page_of(0) is doc.pages[0]
    assert doc.page_of(len(FORM_FEEDS)) is None
    assert paged("No pages here.").page_of(3) is None


def test_a_paragraph_that_opens_with_a_running_head_is_still_read() -> None:
    text = "\f".join(
        page_text([f"{n} THE HISTORY OF THE QUAY", *BODY[:2], "She said: hard times."])
        for n in (12, 13, 14)
    )
    doc = fontes.analyze(text, disable=NO_SPACY)
    assert len(doc.pages) == 3
    first = doc.paragraphs[0]
    assert doc.text[first.start : first.start + 2] == "12" and not doc.claimed(first)
    inner = doc.without_furniture(first)
    assert inner is not None and doc.text[inner.start :].startswith("The dockers")
    assert not any("HISTORY" in s.title for s in doc.sections)
    assert not [t for t in doc.times if doc.in_apparatus(t.start)]


def test_the_ocr_reader_sees_a_word_hyphenated_over_a_page_break_whole() -> None:
    # Read line by line, `ductor` (over the page break) and `tury` were `doctor` and `try`.
    doc = fontes.analyze(FORM_FEEDS)
    assert doc.garbles == []


def test_a_garble_split_by_a_line_end_is_found_whole_and_mapped_back() -> None:
    text = "The committee agreed that the gover-\nnrnent would pay the men.\n"
    (garble,) = fontes.analyze(text).garbles
    assert text[garble.start : garble.end] == "gover-\nnrnent"
    assert garble.correction == "government"
    (finding,) = [f for f in fontes.analyze(text).findings if f.rule == "OC001"]
    assert "\n" not in finding.message and "'gover- nrnent'" in finding.message


HATHI = """## p. (#7) ##################################################

THE COLONATE.
Those who are familiar with the mass of literature dealing with the
question of the origin of the colonate will turn with impatience from
a fresh attempt to answer it.
A 2

## p. 8 (#8) ################################################

8
The point which needs explanation may be briefly stated as follows.

## p. ix (#9) ###############################################

PREFACE.
ix
"""


def test_hathitrust_markers_make_pages_labelled_as_printed() -> None:
    doc = paged(HATHI)
    assert pages(doc) == [(1, None), (2, "8"), (3, "ix")]
    assert furniture(doc) == [
        (K.PAGE_MARKER, "## p. (#7) " + "#" * 50),
        (K.SIGNATURE, "A 2"),
        (K.PAGE_MARKER, "## p. 8 (#8) " + "#" * 48),
        (K.PAGE_NUMBER, "8"),
        (K.PAGE_MARKER, "## p. ix (#9) " + "#" * 47),
        (K.PAGE_NUMBER, "ix"),
    ]
    assert doc.pages[0].start == 0 and doc.pages[1].start == HATHI.index("## p. 8")


def test_a_number_that_disagrees_with_the_marker_is_no_page_number() -> None:
    text = "## p. 12 (#20) ####\n\n41\nThe text of the page, which begins here.\n"
    doc = paged(text)
    assert pages(doc) == [(1, "12")]
    assert [kind for kind, _ in furniture(doc)] == [K.PAGE_MARKER]


def test_gutenberg_page_markers_open_pages() -> None:
    text = "Preface words.\n\n[Pg 1]\nThe first page.\n\n[Pg 2]\nThe second page.\n"
    doc = paged(text)
    assert pages(doc) == [(1, "1"), (2, "2")]
    assert [kind for kind, _ in furniture(doc)] == [K.PAGE_MARKER, K.PAGE_MARKER]


def test_folios_in_a_regular_sequence_make_pages_without_any_break() -> None:
    block = "\n".join(BODY)
    text = "".join(f"{n}\n{block}\n{block}\n\n" for n in (41, 42, 43, 44))
    doc = paged(text)
    assert pages(doc) == [(1, "41"), (2, "42"), (3, "43"), (4, "44")]
    assert {kind for kind, _ in furniture(doc)} == {K.PAGE_NUMBER}
    assert doc.pages[0].start == 0 and doc.pages[1].start == text.index("42\n")


def test_a_stray_number_does_not_break_the_sequence_of_folios() -> None:
    block = "\n".join(BODY)
    pages_text = [f"{n}\n{block}\n{block}\n\n" for n in (41, 42, 43, 44)]
    pages_text[2] += "43\nThe table of wages.\n\n"  # a number of the text, late on page 43
    doc = paged("".join(pages_text))
    assert pages(doc) == [(1, "41"), (2, "42"), (3, "43"), (4, "44")]


@pytest.mark.parametrize(
    "text",
    [
        "The dockers struck in 1889.\n\nThey won.\n",
        # numbers on lines of their own, but not a page's worth of text apart
        "1\nThe first point.\n\n2\nThe second point.\n\n3\nThe third point.\n",
        # a chronological table: years alone on their lines
        "\n".join(f"{year}\n{BODY[0]}\n{BODY[1]}" for year in (1815, 1848, 1866)),
        # a page's worth apart, but counting down
        "".join(f"{n}\n" + "\n".join(BODY * 2) + "\n" for n in (9, 8, 7)),
    ],
)
def test_a_text_with_no_page_evidence_has_no_pages_and_no_furniture(text: str) -> None:
    doc = paged(text)
    assert doc.pages == [] and doc.furniture == []


def test_without_furniture_trims_furniture_and_space_at_both_ends() -> None:
    doc = paged(FORM_FEEDS)
    second = FORM_FEEDS.index("2 THE HISTORY")
    page_end = FORM_FEEDS.index("\f", second)
    inner = doc.without_furniture(Span(second, page_end + 1))
    assert inner is not None
    assert doc.text[inner.start : inner.end].startswith("The dockers")
    assert doc.text[inner.start : inner.end].endswith("the con-")
    only_furniture = FORM_FEEDS.index("\n", second)
    assert doc.without_furniture(Span(second, only_furniture)) is None


# The real dev set, end to end.
def real(name: str) -> Path:
    matches = sorted(REAL.glob(f"{name}*.txt")) if REAL.is_dir() else []
    if not matches:
        pytest.skip(f"no {name} in {REAL} (../shared is absent)")
    return matches[0]


def test_hathitrust_samples_give_pages_with_the_printed_numbers_where_printed() -> None:
    doc = fontes.analyze_file(real("05_hathitrust"), disable=NO_SPACY)
    assert pages(doc) == [(1, None), (2, "1"), (3, "10"), (4, "xiii"), (5, None), (6, "7")]
    kinds = [f.kind for f in doc.furniture]
    assert kinds.count(K.PAGE_MARKER) == 6
    assert [doc.text[f.start : f.end] for f in doc.furniture if f.kind is K.SIGNATURE] == ["A 2"]
    numbers = [f for f in doc.furniture if f.kind is K.PAGE_NUMBER]
    assert [doc.text[f.start : f.end] for f in numbers] == ["7"]
    assert doc.page_of(numbers[0].start) is doc.pages[5]
    for page in doc.pages:
        marker = doc.text[page.start : doc.text.index("\n", page.start)]
        assert marker.startswith("## p. ")
        assert (page.number or "") in marker


@pytest.mark.parametrize("name", ["01_macaulay", "02_bryce", "03_carlyle"])
def test_gutenberg_headers_are_furniture_and_no_section_of_the_real_books(name: str) -> None:
    doc = fontes.analyze_file(real(name), disable=NO_SPACY)
    assert doc.pages == []
    assert [f.kind for f in doc.furniture] == [K.HEADER, K.HEADER]  # header and credits
    header = doc.furniture[0]
    assert "*** START OF" in doc.text[header.start : header.end]
    for section in doc.sections:
        assert not doc.in_apparatus(section.start - 1) or section.start > header.end
        assert not section.title.startswith(("Release Date", "Title:", "Author:", "Produced"))
    assert not [t for t in doc.times if t.end <= doc.furniture[-1].end]


def test_newspaper_ocr_without_page_evidence_has_no_pages() -> None:
    doc = fontes.analyze_file(real("04_chronam"), disable=NO_SPACY)
    assert doc.pages == []
    assert {f.kind for f in doc.furniture} <= {K.SEPARATOR}


def test_a_note_repeated_at_every_pages_foot_is_no_running_footer() -> None:
    bodies = [
        "The quay was rebuilt after the storm.\u00b2 The men came back.",
        "The pilots struck in the spring.\u00b2 The owners gave way.",
        "The dues fell in the autumn.\u00b2 Nobody was pleased.",
    ]
    doc = fontes.analyze(
        "\f".join(
            f"{body}\n\n\u00b9 Keast, Quays, {i}.\n\u00b2 Ibid., 99.\n\n{41 + i}\n"
            for i, body in enumerate(bodies)
        )
    )
    assert [f.kind for f in doc.furniture if f.kind is FurnitureKind.RUNNING_HEAD] == []
    assert [doc.text[n.text_start : n.end] for n in doc.notes].count("Ibid., 99.") == 3


def test_a_form_feed_at_the_end_ends_the_last_page_and_is_no_break() -> None:
    # pdftotext ends every page with a form feed, tesseract only those before another.
    between = paged("The quay.\n\f\nThe mill.\n")
    after_each = paged("The quay.\n\f\nThe mill.\n\f\n")
    assert pages(between) == pages(after_each) == [(1, None), (2, None)]
    assert furniture(between) == furniture(after_each) == [(K.PAGE_MARKER, "\f")]
