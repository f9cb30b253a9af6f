"""Biographical dictionaries read as glossaries, measured against lifespans read by hand.

Two dictionaries: a real one, a cut of John W. Cousin's *Short Biographical Dictionary of
English Literature* (`tests/data/real/10_cousin-...`, entries MACAULAY to MOIR), and the
invented example `examples/ashby-vale-biographical-dictionary.txt`. Each entry's lifespan,
or its floruit, was read by hand from the entry's head into `tests/gold/*-lifespans.tsv`;
at least 95 % of them must come out right, and no entry may be read that the gold lacks.

On the real dictionary every finding must be a real problem, and it has none: a
dictionary's entries are full of years after their subject's death (editions, biographies,
a son's dates), which no chronology rule may read as the subject's own acts.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import pytest

from fontes import analyze_file
from fontes.model import Document, GlossaryEntry, Severity

ROOT = Path(__file__).parents[1]
GOLD = ROOT / "tests" / "gold"
REAL = ROOT / "tests" / "data" / "real" / "10_cousin-biographical-dictionary-mac-moir.txt"
EXAMPLE = ROOT / "examples" / "ashby-vale-biographical-dictionary.txt"
DICTIONARIES = {
    "real": (REAL, GOLD / "10_cousin-biographical-dictionary-mac-moir-lifespans.tsv"),
    "example": (EXAMPLE, GOLD / "ashby-vale-biographical-dictionary-lifespans.tsv"),
}
SHARE_RIGHT = 0.95


class Person(NamedTuple):
    surname: str
    forenames: str
    lifespan: str | None
    floruit: str | None


def gold(path: Path) -> list[Person]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    return [
        Person(row["surname"], row["forenames"], row["lifespan"] or None, row["floruit"] or None)
        for row in csv.DictReader(lines, delimiter="\t")
    ]


def as_read(entry: GlossaryEntry) -> Person:
    floruit = next(
        (r.period.edtf for r in entry.roles if r.title == "flourished" and r.period), None
    )
    lifespan = entry.lifespan.edtf if entry.lifespan else None
    return Person(entry.surname, entry.forenames, lifespan, floruit)


@pytest.fixture(scope="module", params=sorted(DICTIONARIES))
def dictionary(request: pytest.FixtureRequest) -> tuple[Document, list[Person]]:
    text, lifespans = DICTIONARIES[request.param]
    return analyze_file(text), gold(lifespans)


@pytest.fixture(scope="module")
def real() -> Document:
    return analyze_file(REAL)


def test_the_gold_is_large_enough() -> None:
    assert len(gold(DICTIONARIES["real"][1])) >= 60
    assert len(gold(DICTIONARIES["example"][1])) >= 30


def test_lifespans_are_read_right(dictionary: tuple[Document, list[Person]]) -> None:
    doc, expected = dictionary
    found = Counter(as_read(entry) for entry in doc.glossary)
    right = sum(min(count, found[person]) for person, count in Counter(expected).items())
    assert right / len(expected) >= SHARE_RIGHT, sorted(set(expected) - set(found))


def test_every_entry_read_is_in_the_gold(dictionary: tuple[Document, list[Person]]) -> None:
    doc, expected = dictionary
    names = {(person.surname, person.forenames) for person in expected}
    assert len(doc.glossary) <= len(expected)
    misread = [as_read(e) for e in doc.glossary if (e.surname, e.forenames) not in names]
    assert len(misread) <= (1 - SHARE_RIGHT) * len(expected), misread


def test_names_read_in_prose_order(real: Document) -> None:
    names = {entry.name for entry in real.glossary}
    assert {"Thomas Babington Macaulay", "Mary de la Riviere Manley", "James M'Cosh"} <= names
    assert all(not entry.forenames.isupper() for entry in real.glossary)


def test_no_chronology_error_on_the_real_dictionary(real: Document) -> None:
    assert [f.message for f in real.findings if f.rule.startswith("CH")] == []


def test_no_error_and_no_warning_on_the_real_dictionary(real: Document) -> None:
    """Its `(_q.v._)` cross-references point at entries in the cut or outside its letters;
    it marks no name with an asterisk, so no entry is unreferenced."""
    assert [f.message for f in real.findings if f.severity is not Severity.INFO] == []


def test_the_example_reports_its_planted_problems_and_no_other() -> None:
    doc = analyze_file(EXAMPLE)
    reported = sorted(
        (f.rule, entry.surname, doc.text[f.start : f.end])
        for f in doc.findings
        for entry in doc.glossary
        if entry.start <= f.start < entry.end
    )
    assert reported == [
        ("CH001", "ROOKSBY", "1788-1738"),
        ("CH003", "TREGANNON", "1771"),
        ("CH003", "WARBECK", "1738"),
        ("XR001", "GARLICK", "Nathaniel Quarrie\n(_q.v._)"),
    ]
