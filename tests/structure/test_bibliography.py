"""The bibliography: one `Work` per entry, in each of the layouts read."""

from __future__ import annotations

import fontes
from fontes.model import Document, Work
from fontes.structure.bibliography import parse_work

BODY = "The quay was rebuilt after the storm of that winter.\n\n"


def listed(doc: Document) -> list[Work]:
    return [work for work in doc.works if work.listed]


def read(entry: str) -> Work:
    (work,) = listed(fontes.analyze(BODY + "Bibliography\n\n" + entry + "\n"))
    return work


def test_author_colon_quoted_title_place_year() -> None:
    work = read("Tremayne, Hilda: 'Wages and Tides'; Falmouth; 1961.")
    assert work.authors == ["Tremayne, Hilda"]
    assert (work.title, work.place, work.year) == ("Wages and Tides", "Falmouth", 1961)
    assert work.complete and not work.anonymous
    assert work.id == "work-tremayne-1961"


def test_a_title_containing_a_semicolon_and_an_apostrophe() -> None:
    work = read("Rosewarne, Jory: 'The Harbourmaster's Ledger; or, Tides and Dues'; Truro; 1974.")
    assert work.title == "The Harbourmaster's Ledger; or, Tides and Dues"
    assert (work.place, work.year) == ("Truro", 1974)


def test_a_title_ending_in_an_apostrophe() -> None:
    work = read("Rosewarne, Jory: 'Ships' Cats'; Truro; 1974.")
    assert work.title == "Ships' Cats"


def test_a_title_in_double_quotes() -> None:
    work = read('Tremayne, Hilda: "Wages and Tides"; Falmouth; 1961.')
    assert work.title == "Wages and Tides"


def test_a_title_in_curly_quotes() -> None:
    text = BODY + "Bibliography\n\nPenhale, Dora: \u2018Salt and Sail\u2019; Redruth; 1950.\n"
    (work,) = listed(fontes.analyze(text))
    assert (work.title, work.authors, work.year) == ("Salt and Sail", ["Penhale, Dora"], 1950)
    assert text[work.start : work.end] == "Penhale, Dora: \u2018Salt and Sail\u2019; Redruth; 1950."


def test_an_anonymous_work() -> None:
    work = read("-- : 'Annuaire des ports'; Paris; 1931.")
    assert work.anonymous
    assert work.authors == [] and work.editors == []
    assert (work.title, work.place, work.year) == ("Annuaire des ports", "Paris", 1931)


def test_an_editor() -> None:
    work = read("Vosper, Alan (Ed.): 'Letters from the Quay'; Plymouth; 1980.")
    assert work.editors == ["Vosper, Alan"]
    assert work.authors == []
    assert work.surnames == ["Vosper"]


def test_two_authors() -> None:
    work = read("Tremayne, Hilda and Rosewarne, Jory: 'Two Hands'; Falmouth; 1961.")
    assert work.authors == ["Tremayne, Hilda", "Rosewarne, Jory"]


def test_two_editors() -> None:
    work = parse_work("Tremayne, Hilda and Rosewarne, Jory (Eds.): 'Two Hands'; Falmouth; 1961.")
    assert work is not None
    assert work.editors == ["Tremayne, Hilda", "Rosewarne, Jory"]


def test_an_untitled_author_with_volume() -> None:
    work = read("'Mariners' Almanack', Volume 21; Bristol; 1899.")
    assert work.authors == [] and not work.anonymous
    assert (work.title, work.volume, work.place, work.year) == (
        "Mariners' Almanack",
        "21",
        "Bristol",
        1899,
    )


def test_a_translated_title_in_parentheses_is_not_the_place() -> None:
    work = read("Keast, Rowena: 'Vie des marins' (Lives of Sailors); Brest; 1931.")
    assert (work.title, work.place, work.year) == ("Vie des marins", "Brest", 1931)


def test_author_title_place_year_in_parentheses() -> None:
    work = read("Keast, Rowena, A Sailor's Wife (London, 1996).")
    assert work.authors == ["Keast, Rowena"]
    assert (work.title, work.place, work.year) == ("A Sailor's Wife", "London", 1996)


def test_author_title_place_publisher_year_in_parentheses() -> None:
    work = read("Keast, Rowena, A Sailor's Wife (London: Gullhaven Press, 1996).")
    assert (work.title, work.place, work.year) == ("A Sailor's Wife", "London", 1996)


def test_chicago_style_entry() -> None:
    work = read("Keast, Rowena. A Fisherman's Son. London: Gullhaven Press, 1996.")
    assert work.authors == ["Keast, Rowena"]
    assert (work.title, work.place, work.year) == ("A Fisherman's Son", "London", 1996)


def test_several_entries_in_one_paragraph_get_distinct_ids() -> None:
    doc = fontes.analyze(
        BODY + "Keast, Rowena, A Sailor's Wife (London, 1996).\n"
        "Keast, Rowena. A Fisherman's Son. London: Gullhaven Press, 1996.\n"
    )
    assert [w.id for w in listed(doc)] == ["work-keast-1996", "work-keast-1996-2"]


def test_entry_offsets_cover_the_line() -> None:
    line = "Tremayne, Hilda: 'Wages and Tides'; Falmouth; 1961."
    text = BODY + line + "\n"
    (work,) = listed(fontes.analyze(text))
    assert text[work.start : work.end] == line


def test_a_truncated_last_entry_is_reported() -> None:
    text = (
        BODY + "Bibliography\n\n"
        "Tremayne, Hilda: 'Wages and Tides'; Falmouth; 1961.\n"
        "Trounce, Ned: 'The Unfinished"
    )
    doc = fontes.analyze(text)
    last = listed(doc)[-1]
    assert (last.title, last.complete) == ("The Unfinished", False)
    (finding,) = [f for f in doc.findings if f.rule == "TR002"]
    assert text[finding.start : finding.end] == "Trounce, Ned: 'The Unfinished"
    assert "the document ends inside it" in finding.message


def test_a_short_paragraph_after_the_bibliography_is_read_as_an_entry() -> None:
    doc = fontes.analyze(
        BODY + "Tremayne, Hilda: 'Wages and Tides'; Falmouth; 1961.\n"
        "Rosewarne, Jory: 'The Harbourmaster's Ledger'; Truro; 1974.\n\n"
        "Trounce, Ned: 'The Unfinished\n"
    )
    assert [w.complete for w in listed(doc)] == [True, True, False]
    assert [f.rule for f in doc.findings if f.rule.startswith("TR")] == ["TR002"]


def test_entries_after_a_heading_are_read_even_when_incomplete() -> None:
    doc = fontes.analyze(
        BODY + "Sources\n\n"
        "Tremayne, Hilda: 'Wages and Tides'; Falmouth.\n"
        "Rosewarne, Jory: 'The Harbourmaster's Ledger'; Truro.\n"
    )
    assert [w.title for w in listed(doc)] == ["Wages and Tides", "The Harbourmaster's Ledger"]
    assert [w.complete for w in listed(doc)] == [False, False]


def test_incomplete_entries_without_a_heading_are_not_a_bibliography() -> None:
    doc = fontes.analyze(
        BODY + "Tremayne, Hilda: 'Wages and Tides'; Falmouth.\n"
        "Rosewarne, Jory: 'The Harbourmaster's Ledger'; Truro.\n"
    )
    assert doc.works == []


def test_the_heading_itself_is_not_an_entry() -> None:
    doc = fontes.analyze(
        BODY + "Select Bibliography\n\nTremayne, Hilda: 'Wages and Tides'; Falmouth; 1961.\n"
    )
    assert [w.title for w in listed(doc)] == ["Wages and Tides"]


def test_prose_is_not_a_bibliography() -> None:
    doc = fontes.analyze(
        "Tremayne, the harbourmaster, kept a ledger. Its title was 'Dues'; it ran to 1961.\n"
    )
    assert doc.works == []


def bibliography(text: str) -> list[Work]:
    return listed(fontes.analyze(BODY + text))


def test_chicago_entries_under_subheadings_with_a_hanging_indent() -> None:
    works = bibliography(
        "BIBLIOGRAPHY                          251\n\n"
        "MANUSCRIPT SOURCES\n\n"
        "Truro Record Office. Harbour Dues Book, 1702-1731. TR 4/2.\n\n"
        "PRINTED SOURCES\n\n"
        "Keast, R. M. The Quays of Truro in the Eighteenth Century. Fal-\n"
        "    mouth: Penryn Press, 1931.\n"
        'Vosper, Alan. "The Dues and the Pilots, 1690-1730."\n'
        "    Cornish Economic Review 4, no. 2 (1933): 201-19.\n"
    )
    assert [(w.surnames, w.title, w.year) for w in works] == [
        (["Truro Record Office"], "Harbour Dues Book, 1702-1731", None),
        (["Keast"], "The Quays of Truro in the Eighteenth Century", 1931),
        (["Vosper"], "The Dues and the Pilots, 1690-1730", 1933),
    ]


def test_nineteenth_century_entries_with_italic_titles_and_a_dash_for_the_author() -> None:
    works = bibliography(
        "BIBLIOGRAPHY\n\n"
        "The books below are those on the port in the period of this study.\n\n"
        "BOOKS ON THE PORT\n\n"
        "PENHALE, D.W. _The Pilots of the Fal, with a Sketch of the\n"
        "Harbour_. (Truro, 1862.) A useful account of the pilots,\n"
        "written by one of them.\n\n"
        "---- _The Quay Dues of 1840_. (Truro, 1868.)\n\n"
        "_An Address to the Shipowners of Falmouth._ (Falmouth, 1839.)\n"
    )
    assert [(w.surnames, w.title, w.year) for w in works] == [
        (["PENHALE"], "The Pilots of the Fal, with a Sketch of the Harbour", 1862),
        (["PENHALE"], "The Quay Dues of 1840", 1868),
        ([], "An Address to the Shipowners of Falmouth", 1839),
    ]


def test_a_markdown_list_of_references_with_several_authors() -> None:
    works = bibliography(
        "# References and Further Reading\n\n"
        '- Tremayne, Hilda, and Jory Rosewarne. "Tides and Wages," _Cornish Notes_, '
        "March 10, 2016. https://example.org/tides\n\n"
        "- van Hoorn, Pieter, Ann Keast, and Ned Trounce, eds. _Harbour Books_. "
        "Truro: Penryn Press, 2010.\n"
    )
    assert [(w.authors, w.editors, w.title, w.year) for w in works] == [
        (["Tremayne, Hilda", "Rosewarne, Jory"], [], "Tides and Wages", 2016),
        ([], ["van Hoorn, Pieter", "Keast, Ann", "Trounce, Ned"], "Harbour Books", 2010),
    ]


def test_newspapers_listed_under_their_places() -> None:
    works = bibliography(
        "Sources\n\n"
        "NEWSPAPERS\n\n"
        "  Cornwall.\n"
        "    _The Royal Cornwall Gazette_.\n"
        "    _The West Briton._\n"
    )
    assert [(w.authors, w.title) for w in works] == [
        ([], "The Royal Cornwall Gazette"),
        ([], "The West Briton"),
    ]


def test_the_bibliography_ends_at_the_next_chapter() -> None:
    works = bibliography(
        "Bibliography\n\n"
        "Keast, Rowena. A Fisherman's Son. London: Gullhaven Press, 1996.\n\n"
        "CHAPTER II\n\n"
        "Pascoe, Walter. He wrote of the quays. His son kept the ledger after him.\n"
    )
    assert [w.title for w in works] == ["A Fisherman's Son"]
