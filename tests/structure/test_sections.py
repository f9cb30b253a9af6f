"""Sections: standalone headings and headings run into the paragraph before them."""

from __future__ import annotations

import fontes
from fontes.model import Document, Section


def headings(doc: Document) -> list[tuple[str, bool]]:
    return [(s.title, s.run_in) for s in doc.sections]


def only(text: str) -> Section:
    (section,) = fontes.analyze(text).sections
    return section


def test_a_standalone_heading() -> None:
    section = only("The Quay Board\n\nThe board was formed by the merchants of the town.\n")
    assert (section.title, section.run_in, section.period) == ("The Quay Board", False, None)


def test_a_standalone_heading_with_a_period() -> None:
    text = "The Quay Board (1880-99)\n\nThe board was formed by the merchants of the town.\n"
    section = only(text)
    assert section.title == "The Quay Board"
    assert section.period is not None and section.period.edtf == "1880/1899"
    assert text[section.period.start : section.period.end] == "1880-99"
    assert text[section.heading_start : section.heading_end] == "The Quay Board (1880-99)"


def test_a_heading_in_capitals() -> None:
    assert only("THE LOCK-OUT\n\nThe gates were shut at dawn.\n").title == "THE LOCK-OUT"


def test_a_section_runs_to_the_next_heading() -> None:
    text = (
        "The Quay Board\n\nThe board was formed.\n\nIt met weekly.\n\n"
        "The Lock-Out\n\nThe gates were shut.\n"
    )
    first, second = fontes.analyze(text).sections
    assert (
        text[first.start : first.end] == "The Quay Board\n\nThe board was formed.\n\nIt met weekly."
    )
    assert text[second.start : second.end] == "The Lock-Out\n\nThe gates were shut."


def test_a_run_in_heading_with_a_period_at_a_line_end() -> None:
    text = (
        "The board was formed by the merchants of the town. It soon turned against\n"
        "the carters, whom it saw as the agents of disorder: The Growth of the Guild (1928-30)\n"
        "The guild grew quickly among the carters and the porters.\n"
    )
    section = only(text)
    assert (section.title, section.run_in) == ("The Growth of the Guild", True)
    assert section.period is not None and section.period.edtf == "1928/1930"
    assert text[section.heading_start : section.heading_end] == "The Growth of the Guild (1928-30)"


def test_a_run_in_heading_after_a_full_stop() -> None:
    section = only(
        "The board was dissolved. Years of Struggle (1931-34)\n"
        "The guild fought on for three years.\n"
    )
    assert (section.title, section.run_in) == ("Years of Struggle", True)
    assert section.period is not None and section.period.edtf == "1931/1934"


def test_a_short_run_in_heading_without_a_period() -> None:
    text = "The board lost its case: Aftermath\nTwo years later the board was dissolved.\n"
    section = only(text)
    assert (section.title, section.run_in, section.period) == ("Aftermath", True, None)
    assert text[section.heading_start : section.heading_end] == "Aftermath"


def test_a_run_in_heading_with_an_inverted_period_is_reported() -> None:
    doc = fontes.analyze(
        "The board was dissolved. Years of Struggle (1934-31)\nThe guild fought on for years.\n"
    )
    (section,) = doc.sections
    assert section.period is not None and section.period.inverted
    assert [f.rule for f in doc.findings if f.rule == "CH002"] == ["CH002"]


def test_a_normal_sentence_is_not_a_heading() -> None:
    doc = fontes.analyze("The board met on Tuesday.\n\nThe Members Then Went Home.\n")
    assert doc.sections == []


def test_a_long_lower_case_line_is_not_a_heading() -> None:
    doc = fontes.analyze("the board met on tuesday and nobody came\n\nIt was raining.\n")
    assert doc.sections == []


def test_a_sentence_ending_in_a_capitalised_word_is_not_a_run_in_heading() -> None:
    doc = fontes.analyze(
        "The guild met in the hall. It elected Kevin.\nThe vote was close and bitter.\n"
    )
    assert doc.sections == []


def test_a_year_in_parentheses_after_a_lower_case_phrase_is_not_a_heading() -> None:
    doc = fontes.analyze(
        "The guild met in the hall. The vote was lost by the carters (1928-30)\n"
        "The porters then left the guild.\n"
    )
    assert doc.sections == []


def test_in_hard_wrapped_text_short_capitalised_line_ends_are_not_headings() -> None:
    doc = fontes.analyze(
        "The guild met in the hall behind the quay on a wet\n"
        "evening in the spring, and the carters came in from\n"
        "the yards to hear the secretary. Then Mary\n"
        "Halloran spoke for an hour about the dues and the\n"
        "wages of the porters on the north side of the quay.\n"
    )
    assert doc.sections == []


def test_a_name_with_dates_at_a_line_end_continued_in_lower_case_is_not_a_heading() -> None:
    doc = fontes.analyze(
        "The school was opened by the council in the spring. It grew fast.\n"
        "Its first teacher was very able. Agnes Pellow (1871-1939)\n"
        "was the teacher there for thirty years.\n"
    )
    assert doc.sections == []


def test_headings_are_apparatus_for_later_readers() -> None:
    doc = fontes.analyze("Chapter 3: The Strike\n\nThe dockers walked out in May.\n")
    assert headings(doc) == [("Chapter 3: The Strike", False)]
    assert doc.quotations == []


def test_a_citation_on_a_line_of_its_own_is_not_a_heading() -> None:
    doc = fontes.analyze(
        "The Port (1880-90)\n\nThe men were hired at the gates.\n\n"
        "(Tremayne, Wages and Tides (Falmouth, 1961), p. 64-65)\n\n"
        "The foremen took a penny in the shilling.\n"
    )
    assert [s.title for s in doc.sections] == ["The Port"]


def test_chapter_headings_ending_with_a_full_stop() -> None:
    doc = fontes.analyze(
        "The walls were old and the garrison small, and the whole city knew it.\n\n"
        "Chapter VI: The Siege And Fall Of The City.--Part II.\n\n"
        "The walls were breached in the spring, and the city fell within the week.\n\n"
        "CHAPTER VII.\n\n"
        "The survivors fled to the islands.\n"
    )
    assert [s.title for s in doc.sections] == [
        "Chapter VI: The Siege And Fall Of The City.--Part II",
        "CHAPTER VII",
    ]


def test_a_sentence_on_a_line_of_its_own_is_no_heading() -> None:
    doc = fontes.analyze("The walls were old.\n\nThe Garrison Was Small.\n\nThe city fell.\n")
    assert doc.sections == []
