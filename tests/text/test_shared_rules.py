"""The rules every stage shares, each defined once in the text layer: each is the union of the
copies the stages used to keep, and each stage that reads one now reads all of it."""

from __future__ import annotations

import re

import pytest

import fontes
from fontes.model import EventKind, GlossaryEntry, display_surname
from fontes.structure.bibliography import parse_work
from fontes.structure.citations import parse_citation
from fontes.text.deaths import DEATH_VERB, DEATH_WORD, DIED, KILLED
from fontes.text.names import (
    EDITOR_MARK,
    EDITOR_WORDS,
    all_editors,
    is_editor,
    possessive_at,
    strip_possessive,
    surname_of,
    without_editor,
)
from fontes.text.periods import CIRCA, MONTH, MONTH_NAME, MONTHS, YEAR, parse_period
from fontes.text.spelling import OCR_CONFUSIONS, Difference, compare, ocr_key
from fontes.time.expressions import find_time_expressions

# --- OCR confusions ---------------------------------------------------------------------------

# What the two tables held before they were merged.
_NAME_KEY_TABLE = [
    ("ij", "u"),
    ("rn", "m"),
    ("in", "m"),
    ("li", "h"),
    ("cl", "d"),
    ("vv", "w"),
    ("1", "l"),
    ("|", "l"),
    ("c", "e"),
]
_GARBLE_TABLE = [
    ("Ij", "U"),
    ("IJ", "U"),
    ("ij", "u"),
    ("rn", "m"),
    ("m", "rn"),
    ("cl", "d"),
    ("d", "cl"),
    ("vv", "w"),
    ("li", "h"),
    ("1", "l"),
    ("1", "i"),
    ("0", "o"),
    ("5", "s"),
    ("c", "e"),
    ("e", "c"),
    ("l", "i"),
    ("i", "l"),
    ("I", "l"),
]


def test_the_confusion_table_is_the_union_of_both_old_tables() -> None:
    pairs = [(c.printed, c.meant) for c in OCR_CONFUSIONS]
    assert set(_NAME_KEY_TABLE) | set(_GARBLE_TABLE) == set(pairs)
    assert len(pairs) == len(set(pairs))


def test_name_keys_fold_what_they_folded_in_the_same_order() -> None:
    folded = [(c.printed, c.meant) for c in OCR_CONFUSIONS if c.in_names and c.printed.islower()]
    assert [pair for pair in folded if pair in _NAME_KEY_TABLE] == [
        pair for pair in _NAME_KEY_TABLE if pair[0].islower()
    ]


def test_name_keys_never_fold_a_pair_and_its_reverse() -> None:
    folded = {(c.printed, c.meant) for c in OCR_CONFUSIONS if c.in_names}
    assert not {(meant, printed) for printed, meant in folded} & folded


def test_name_keys_now_fold_the_digits_the_garble_reader_knew() -> None:
    assert ocr_key("J0nes") == ocr_key("Jones")
    assert compare("Jones", "J0nes") is Difference.OCR
    assert compare("Bass", "Ba5s") is Difference.OCR


def test_names_that_differ_by_l_and_i_stay_apart() -> None:
    assert ocr_key("Bell") != ocr_key("Beil")


def test_the_garble_reader_now_undoes_in_for_m() -> None:
    doc = fontes.analyze("The sinall crowd waited at the gate of the yard.\n")
    assert [(doc.text[g.start : g.end], g.correction) for g in doc.garbles] == [("sinall", "small")]


# --- circa words, years, months ---------------------------------------------------------------


@pytest.mark.parametrize("word", ["c.", "ca.", "circa", "about", "around", "approximately"])
def test_a_circa_word_makes_a_year_approximate_in_the_apparatus_and_the_text(word: str) -> None:
    assert re.fullmatch(CIRCA, word)
    period = parse_period(f"{word} 1900")
    assert period is not None and period.edtf == "1900~"
    [time] = find_time_expressions(f"It was built {word} 1900.")
    assert (time.mod, time.edtf) == ("APPROX", "1900~")


@pytest.mark.parametrize(("text", "is_year"), [("1000", True), ("1930", True), ("2099", True)])
def test_the_year_pattern(text: str, is_year: bool) -> None:
    assert bool(re.fullmatch(YEAR, text)) is is_year


@pytest.mark.parametrize("text", ["999", "0999", "2100", "19300"])
def test_what_is_no_year(text: str) -> None:
    assert re.fullmatch(YEAR, text) is None


def test_a_heading_parenthesis_without_a_year_stays_in_the_title() -> None:
    doc = fontes.analyze(
        "Appendix (Form 3456)\n\nThe men met.\n\nThe Strike (1889)\n\nThey left.\n"
    )
    assert [(s.title, s.period.edtf if s.period else None) for s in doc.sections] == [
        ("Appendix (Form 3456)", None),
        ("The Strike", "1889"),
    ]


def test_every_printed_month_has_its_number() -> None:
    printed = re.findall(r"[A-Z][a-z]+", MONTH)
    assert len(printed) == len(MONTHS)
    assert {MONTHS[name.lower()] for name in printed} == set(range(1, 13))
    assert re.fullmatch(MONTH, "Sept.") and re.fullmatch(MONTH, "Sep")
    assert re.fullmatch(MONTH_NAME, "September") and not re.fullmatch(MONTH_NAME, "Sept")


def test_the_running_text_reads_every_month_spelling() -> None:
    times = find_time_expressions("On 3 Sept. 1930, in Sep 1931, on 4 Jan 1932 and in May 1933.")
    assert [t.value for t in times] == ["1930-09-03", "1931-09", "1932-01-04", "1933-05"]


# --- editors' marks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Marlow, R. (Ed.)", "Marlow (eds.)", "Marlow (Hrsg.)", "Marlow (comp.)", "Marlow ( Comps. )"],
)
def test_every_editors_mark_is_recognised(name: str) -> None:
    assert is_editor(name)
    assert re.search(EDITOR_MARK, name, re.IGNORECASE)
    assert without_editor(name).strip(" ,") in ("Marlow, R.", "Marlow")
    assert surname_of(name) == "Marlow"


def test_a_bare_mark_after_a_name() -> None:
    assert is_editor("Marlow, Rose, comp.")
    assert without_editor("Marlow, Rose, ed.") == "Marlow, Rose"
    assert surname_of("Rose Marlow, ed.") == "Marlow"


def test_a_plural_mark_makes_every_name_an_editor() -> None:
    assert all_editors("A and B (Eds.)") and all_editors("A and B (comps.)")
    assert not all_editors("A and B (Ed.)")
    assert {"ed", "eds", "hrsg", "comp", "comps"} <= EDITOR_WORDS


def test_a_compiler_in_the_bibliography() -> None:
    work = parse_work("Marlow, Rose (comp.): 'Ballads of the Quays'; Stanmouth; 1931.")
    assert work is not None and work.editors == ["Marlow, Rose"] and work.authors == []
    work = parse_work("Marlow, Rose (Comp.), Ballads of the Quays (Stanmouth, 1931).")
    assert work is not None and work.editors == ["Marlow, Rose"] and work.year == 1931
    work = parse_work("Tremayne, Hilda and Rosewarne, Jory (Comps.): 'Two Hands'; Falmouth; 1961.")
    assert work is not None and work.editors == ["Tremayne, Hilda", "Rosewarne, Jory"]


def test_a_compiler_in_a_citation() -> None:
    citation = parse_citation("Marlow (comp.): Ballads of the Quays (Stanmouth 1931), p. 4", 0, 1)
    assert citation is not None
    assert (citation.author, citation.title, citation.year) == (
        "Marlow",
        "Ballads of the Quays",
        1931,
    )


def test_an_edition_in_a_citation_is_no_editor() -> None:
    citation = parse_citation("Marlow: Ballads, 2nd ed. (Stanmouth 1931)", 0, 1)
    assert citation is not None and citation.title == "Ballads, 2nd ed"


# --- deaths -----------------------------------------------------------------------------------


def test_the_death_words_are_the_union_of_the_old_lists() -> None:
    old = {"died", "killed", "executed", "shot", "murdered", "assassinated", "perished", "hanged"}
    assert set(DIED + KILLED) == old
    assert all(re.fullmatch(DEATH_WORD, word) for word in old)


@pytest.mark.parametrize("verb", ["died", "perished", "was killed", "was shot", "was hanged"])
def test_a_sentence_verb_of_death(verb: str) -> None:
    assert re.fullmatch(DEATH_VERB, verb)


def test_an_active_killing_is_no_death_of_the_killer() -> None:
    assert re.fullmatch(DEATH_VERB, "killed") is None


_NOTE = "\n\nPASCOE, Walter J., docker and organiser (1851-1921); {role} (1921).\n"


def test_a_sentence_now_reads_was_hanged_as_a_death() -> None:
    doc = fontes.analyze(
        "Walter Pascoe* was hanged in 1921." + _NOTE.format(role="secretary of the union")
    )
    [entry] = doc.glossary
    deaths = [e for e in doc.events if e.kind is EventKind.DEATH and e.start < entry.start]
    assert [e.participants for e in deaths] == [[entry.id]]


@pytest.mark.parametrize("verb", ["murdered", "assassinated", "hanged", "perished"])
def test_a_glossary_clause_and_its_place(verb: str) -> None:
    doc = fontes.analyze(
        "Walter Pascoe* led the strike." + _NOTE.format(role=f"{verb} in Stanmouth")
    )
    [entry] = doc.glossary
    assert entry.places == ["Stanmouth"]
    assert [e.kind for e in doc.events if e.start >= entry.roles[0].start] == [EventKind.DEATH]


# --- possessives and surnames -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "bare"),
    [
        ("Pascoe's", "Pascoe"),
        ("Pascoe\u2019s", "Pascoe"),
        ("Jones'", "Jones"),
        ("Pascoe", "Pascoe"),
    ],
)
def test_strip_possessive(word: str, bare: str) -> None:
    assert strip_possessive(word) == bare


@pytest.mark.parametrize(
    ("text", "possessive"),
    [
        ("Pascoe's letter", True),
        ("Pascoe\u2019s letter", True),
        ("Halloran*'s letter", True),
        ("Jones' letter", True),
        ("the 'Halloran' faction", False),
        ("Pascoe wrote", False),
    ],
)
def test_possessive_after_a_name(text: str, possessive: bool) -> None:
    name = re.search(r"[A-Z][a-z]+", text)
    assert name is not None
    assert possessive_at(text, name.end()) is possessive


@pytest.mark.parametrize(
    ("surname", "shown"),
    [("HALLORAN", "Halloran"), ("O'KEEFFE", "O'Keeffe"), ("McBRIDE", "McBRIDE"), ("Ross", "Ross")],
)
def test_display_surname_agrees_with_the_glossary_entry_name(surname: str, shown: str) -> None:
    assert display_surname(surname) == shown
    entry = GlossaryEntry(
        id="x", surname=surname, forenames="Ann", start=0, end=1, surname_start=0, surname_end=1
    )
    assert entry.name == f"Ann {shown}"


def test_a_capitalised_glossary_surname_links_its_prose_spelling() -> None:
    note = _NOTE.format(role="secretary of the union").replace("PASCOE, Walter J.", "HALLORAN, Ann")
    doc = fontes.analyze("Halloran spoke first." + note)
    [person] = [e for e in doc.entities if e.glossary]
    assert person.surname == "Halloran"
    assert any(doc.text[m.start : m.end] == "Halloran" for m in person.mentions)


def test_one_list_of_speech_verbs_serves_speakers_and_silent_cuts() -> None:
    """A verb that makes `Quenby testified` a speaker makes `Quenby testified:` a cut."""
    for verb in ("testified", "declared", "asked"):
        cut = fontes.analyze(f"Before the magistrates Jory Quenby {verb}:\n\nThe court rose.\n")
        assert [f.rule for f in cut.findings] == ["QU001"], verb
