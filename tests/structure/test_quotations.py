"""Quotations and elisions: declared cuts (ellipses) and silent ones (colons that introduce
nothing, sentences that break off), with few false alarms on ordinary colons."""

from __future__ import annotations

import pytest

import fontes
from fontes.model import Elision, ElisionCause


def elisions(text: str) -> list[Elision]:
    doc = fontes.analyze(text)
    return [e for q in doc.quotations for e in q.elisions]


def silent(text: str) -> list[tuple[ElisionCause, str]]:
    """The causes of the silent cuts found in `text`, each with the word it names."""
    return [(e.cause, e.word) for e in elisions(text) if not e.declared]


# Three cuts that show themselves anywhere: the sign of a document whose quotations were
# stripped, in which the weaker signs below are read too.
STRIPPED = (
    "The guild sided with: and also engaged in: sabotage.\n\n"
    "At the inquest the harbour master testified:\n\n"
)


def stripped(text: str) -> list[tuple[ElisionCause, str]]:
    """The silent cuts found in `text` when it follows `STRIPPED`."""
    return [(e.cause, e.word) for e in elisions(STRIPPED + text) if e.start >= len(STRIPPED)]


def at(text: str) -> list[tuple[int, str]]:
    """Where each silent cut was found: its offset and the text it covers."""
    return [(e.start, text[e.start : e.end]) for e in elisions(text) if not e.declared]


# Silent cuts


def test_colon_at_paragraph_end_followed_by_a_non_quotation() -> None:
    text = "At the meeting the secretary told the members:\n\nThe strike ended a week later.\n"
    assert silent(text) == [(ElisionCause.NOTHING_FOLLOWS, "")]
    assert at(text) == [(text.index(":"), ":")]


def test_colon_after_a_preposition() -> None:
    text = "The guild quietly sided with: and also engaged in sabotage at the docks.\n"
    assert silent(text) == [(ElisionCause.BREAKS_OFF, "with")]
    assert at(text) == [(text.index(":"), ":")]


def test_colon_after_an_auxiliary() -> None:
    cuts = silent("The secretary said the dues had been: and nobody disagreed with him.\n")
    assert cuts == [(ElisionCause.BREAKS_OFF, "been")]


def test_an_auxiliary_ending_a_comparison_is_no_cut() -> None:
    assert silent("He used jokes the same way many of us do: to disarm the critics.\n") == []
    assert silent("The porters struck harder than the coal trimmers did: for a fortnight.\n") == []


def test_the_specific_cuts_mark_a_document_as_stripped() -> None:
    assert silent(STRIPPED) == [
        (ElisionCause.BREAKS_OFF, "with"),
        (ElisionCause.BREAKS_OFF, "in"),
        (ElisionCause.NOTHING_FOLLOWS, ""),
    ]


def test_colon_followed_by_a_clause_opener() -> None:
    text = "The secretary praised the board: which was then dissolved by the council.\n"
    assert stripped(text) == [(ElisionCause.NEW_CLAUSE, "which")]
    assert silent(text) == []  # in prose whose quotations were not stripped, a run-on


def test_colon_followed_by_a_new_sentence() -> None:
    text = "The secretary praised the board: It was a fine body of men, he said.\n"
    assert stripped(text) == [(ElisionCause.NEW_SENTENCE, "It")]
    assert silent(text) == []


def test_older_prose_running_on_after_a_colon_is_no_cut() -> None:
    assert silent("The garrison wavered: and the townsmen fled: It was dusk.\n") == []


def test_a_fragment_between_two_colons() -> None:
    text = "The secretary described the town as: a fortress: and left the meeting early.\n"
    assert (ElisionCause.FRAGMENT, "") in stripped(text)
    assert silent(text) == []


def test_a_colon_after_a_speech_verb_with_nothing_after_it() -> None:
    text = "Before the magistrates Jory Keast wrote to his brother:\n\nThe trial ended in May.\n"
    assert silent(text) == [(ElisionCause.NOTHING_FOLLOWS, "")]


def test_a_paragraph_ending_in_a_colon_without_a_speech_verb_is_no_cut_alone() -> None:
    text = "The ledgers were kept in a cellar:\n\nThe trial ended in May.\n"
    assert silent(text) == []
    assert stripped(text) == [(ElisionCause.NOTHING_FOLLOWS, "")]


def test_an_auxiliary_before_a_new_sentence_is_no_cut_alone() -> None:
    text = "Harsh indeed will the reckoning be: Shall the guild pay for it all?\n"
    assert silent(text) == []
    assert stripped(text) == [(ElisionCause.BREAKS_OFF, "be")]


def test_a_paragraph_stopping_mid_sentence_and_resuming_in_lower_case() -> None:
    text = "The secretary said that the board had\n\nbeen dissolved by the council in spring.\n"
    assert silent(text) == [(ElisionCause.PARAGRAPH_BREAK, "")]
    assert at(text) == [(text.index("\n\n"), "\n\n")]


def test_silent_cuts_are_reported_as_qu001() -> None:
    doc = fontes.analyze("The guild quietly sided with: and also engaged in sabotage.\n")
    assert [(f.rule, doc.text[f.start : f.end]) for f in doc.findings] == [("QU001", ":")]


# Declared cuts


def test_an_ellipsis_inside_a_double_quoted_quotation() -> None:
    text = 'The secretary said "we have waited ... long enough for our pay" and sat down.\n'
    doc = fontes.analyze(text)
    (quotation,) = doc.quotations
    assert quotation.elided
    assert text[quotation.start : quotation.end] == '"we have waited ... long enough for our pay"'
    (elision,) = quotation.elisions
    assert elision.declared and text[elision.start : elision.end] == "..."
    assert elision.cause is ElisionCause.ELLIPSIS
    assert [f.rule for f in doc.findings] == ["QU002"]


@pytest.mark.parametrize(
    ("quoted", "cut"),
    [
        ("\u201cwe have waited \u2026 long enough for our pay\u201d", "\u2026"),
        ("'we have waited [...] long enough for our pay'", "[...]"),
    ],
)
def test_other_ellipses_and_quotation_marks(quoted: str, cut: str) -> None:
    text = f"The secretary wrote {quoted} and left.\n"
    (elision,) = elisions(text)
    assert elision.declared and text[elision.start : elision.end] == cut


def test_a_quotation_without_an_ellipsis_is_not_elided() -> None:
    doc = fontes.analyze(
        'The secretary said "we have waited long enough for our pay" and sat down.\n'
    )
    (quotation,) = doc.quotations
    assert not quotation.elided
    assert doc.findings == []


# True negatives: ordinary colons


@pytest.mark.parametrize(
    "text",
    [
        "The dockers made three demands: higher pay, shorter hours and recognition.\n",
        'He said: "We will not return."\n',
        "He said: \u201cWe will not return.\u201d\n",
        "The meeting opened at 10:30 and closed at noon.\n",
        "The preacher took Genesis 3:16 as his text that Sunday.\n",
        "The vote was carried 3:1 by the members of the guild.\n",
        "See http://example.org/guild for the minutes of the strike committee.\n",
        "The secretary was blunt: the dues would rise in the spring.\n",
        "He wrote about it: namely the dues, the tides and the ledgers.\n",
        "The result of :ui accident was that the quay was closed.\n",
        "The excuse for these pages\n:\nmust be that they are short.\n",
    ],
)
def test_ordinary_colons_in_prose(text: str) -> None:
    assert stripped(text) == []


@pytest.mark.parametrize(
    "following",
    [
        "| Rank | Term |\n| --- | --- |\n| 1 | dues |\n",
        "```\nprint(dues)\n```\n",
        "$$ Y = a + bX $$\n",
        "#### The dues\n\nThey rose.\n",
    ],
)
def test_a_colon_before_a_table_code_a_formula_or_a_heading(following: str) -> None:
    assert stripped(f"The dues rose as the table shows:\n\n{following}") == []


def test_a_label_line_is_no_cut() -> None:
    assert stripped("FOOTNOTES:\n\nThe board met.\n") == []


def test_a_colon_before_a_paragraph_that_is_the_quotation() -> None:
    text = (
        "The secretary then read the resolution:\n\n"
        '"The guild will not return to work until the board yields."\n'
    )
    assert silent(text) == []


def test_a_colon_before_a_list() -> None:
    text = "The board adopted two rules:\n\n- no work on Sundays;\n- no work at night.\n"
    assert silent(text) == []


def test_a_colon_before_a_name_used_elsewhere_in_the_text() -> None:
    text = (
        "The strike had one cause: Tremayne had doubled the dues.\n\n"
        "The council blamed Tremayne for it.\n"
    )
    assert silent(text) == []


def test_colons_inside_a_parenthetical_citation() -> None:
    text = (
        "The dues were raised (Tremayne: 'Wages and Tides'; p. 4) that spring.\n\n"
        "Bibliography\n\nTremayne, Hilda: 'Wages and Tides'; Falmouth; 1961.\n"
    )
    assert silent(text) == []


def test_colons_in_bibliography_entries_and_their_titles() -> None:
    text = (
        "The quay was rebuilt that winter.\n\nBibliography\n\n"
        "Tremayne, Hilda: 'Wages and Tides: A Study'; Falmouth; 1961.\n"
        "Rosewarne, Jory: 'Ledgers: which Survive'; Truro; 1974.\n"
    )
    assert silent(text) == []


def test_colons_in_glossary_and_notes() -> None:
    text = (
        "The board met.[1]\n\n"
        "Marren, Tobias (1885-1938): printer; editor of the Northern Star (1901-05).\n\n"
        "Notes\n\n1. Tremayne: 'Wages and Tides'; p. 4.\n"
    )
    assert silent(text) == []


def test_a_colon_in_a_heading() -> None:
    assert silent("Chapter 3: The Strike\n\nThe dockers walked out in May.\n") == []


def test_a_colon_in_a_quoted_title_in_prose() -> None:
    assert silent("The pamphlet 'Wages: A Plea' was sold at the gate by the dockers.\n") == []


def test_a_name_in_quotation_marks_is_not_a_quotation() -> None:
    doc = fontes.analyze("The steamer 'Pellinore' sailed on the morning tide with coal.\n")
    assert doc.quotations == []


def test_a_title_in_quotation_marks_is_not_a_quotation() -> None:
    doc = fontes.analyze('The dockers sang "The Song of the Long Quay" at every meeting.\n')
    assert doc.quotations == []


def test_plural_possessives_are_not_quotation_marks() -> None:
    doc = fontes.analyze("The dockers' demands and the carters' wages were both ignored.\n")
    assert doc.quotations == []


def test_a_paragraph_ending_in_a_full_stop_is_not_a_broken_sentence() -> None:
    assert silent("The board met.\n\nthe guild did not.\n") == []


def test_a_hard_wrapped_paragraph_broken_after_a_full_line_is_the_layouts_break() -> None:
    lines = [
        "The secretary told the meeting that the board of the harbour had met",
        "twice in the spring and had at last agreed that the new dues must go",
        "before the council, which would meet again in the summer to hear the",
        "masters of the coasting trade and the owners of the larger vessels,",
        "who had asked that the dues be laid on tonnage and not on the cargo",
        "carried, since a ship in ballast paid as much as one laden with coal.",
    ]
    opening = "\n".join(lines[:2])
    full = f"{opening}\n\n" + "\n".join(lines[2:]) + "\n"
    assert silent(full) == []  # an OCR engine split the paragraph at a full line
    short = f"{opening}\nbefore the\n\n" + "\n".join(lines[2:]) + "\n"
    assert silent(short) == [(ElisionCause.PARAGRAPH_BREAK, "")]
