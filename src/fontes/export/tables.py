"""CSV tables of people, events, works, citations, findings, notes and pages, for spreadsheets
and pandas.

Each table is one of the dossier's record kinds (`export/dossier.py`): its columns name
fields of that kind, so a row holds the same values as the dossier's record of the same
thing, or are declared here as values only a spreadsheet needs (how often a work is cited).
Offsets are integers, lists are joined with `; `, an absent value is an empty cell.
"""

from __future__ import annotations

import csv
import io
import weakref
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fontes.checks import RULES
from fontes.export.dossier import DOSSIER
from fontes.export.files import OutputError, check_outputs, write_output
from fontes.export.kinds import Field, Kind, dump
from fontes.model import Document, Entity, Finding, Work


@dataclass(frozen=True)
class Table:
    """A CSV table: the records of one dossier key, and its columns in order.

    A column is a field of the key's kind, by name, or a `Field` of the table's own.
    """

    key: str
    columns: tuple[str | Field, ...]

    @property
    def kind(self) -> Kind:
        return DOSSIER[self.key][0]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.key if isinstance(c, Field) else c for c in self.columns)

    def fields(self) -> list[Field]:
        published = {f.key: f for f in self.kind.fields}
        try:
            return [c if isinstance(c, Field) else published[c] for c in self.columns]
        except KeyError as missing:
            raise TypeError(f"{self.key} table: its kind has no field {missing}") from None

    def rows(self, doc: Document) -> Iterable[dict[str, Any]]:
        fields = self.fields()
        for record in DOSSIER[self.key][1](doc):
            yield {f.key: dump(f.type, f.get(doc, record)) for f in fields}


# Citations per work, counted once per document (a weak key: no document is kept alive).
_CITED: weakref.WeakKeyDictionary[Document, Counter[str]] = weakref.WeakKeyDictionary()


def _times_cited(doc: Document, work: Work) -> int:
    if doc not in _CITED:
        _CITED[doc] = Counter(c.work for c in doc.citations if c.work)
    return _CITED[doc][work.id]


def _role_labels(doc: Document, person: Entity) -> list[str]:
    entry = doc.glossary_entry(person.glossary)
    return [role.label for role in entry.roles] if entry else []


def _rule_name(doc: Document, finding: Finding) -> str | None:
    return RULES[finding.rule].name if finding.rule in RULES else None


PEOPLE = "people.csv"
EVENTS = "events.csv"
WORKS = "works.csv"
CITATIONS = "citations.csv"


def _box_side(side: str) -> Field:
    """One side of the box that covers a finding's words on its page, in a paged source."""

    def get(doc: Document, finding: Finding) -> float | None:
        found = doc.source.box_of(finding.start, finding.end)
        return getattr(found[1], side) if found is not None else None

    return Field(f"box_{side}", float | None, get)


FINDINGS = "findings.csv"
NOTES = "notes.csv"
PAGES = "pages.csv"
SPECS: dict[str, Table] = {
    PEOPLE: Table(
        "people",
        (
            "id",
            "name",
            "canonical_because",
            "variants",
            "born",
            "died",
            "lifespan",
            Field("roles", list[str], _role_labels),
            Field("mentions", int, lambda doc, person: len(person.mentions)),
            "glossary",
        ),
    ),
    EVENTS: Table(
        "events",
        ("kind", "date", "earliest", "latest", "text", "participants", "start", "end"),
    ),
    WORKS: Table(
        "works",
        (
            "id",
            "authors",
            "editors",
            "title",
            "place",
            "year",
            "listed",
            "complete",
            Field("times_cited", int, _times_cited),
        ),
    ),
    CITATIONS: Table(
        "citations",
        (
            "start",
            "end",
            "page",
            "text",
            "reference",
            "work",
            Field("pages", list[str], lambda doc, c: [str(page) for page in c.pages]),
            "note",
            "unresolved",
        ),
    ),
    FINDINGS: Table(
        "findings",
        (
            "rule",
            Field("name", str | None, _rule_name),
            "category",
            "severity",
            "line",
            "column",
            "page",
            "source_page",
            *(_box_side(side) for side in ("left", "top", "right", "bottom")),
            "start",
            "end",
            Field("text", str, lambda doc, f: doc.excerpt(f)),
            "message",
            "suggestion",
            "fingerprint",
            "confidence",
        ),
    ),
    NOTES: Table("notes", ("id", "number", "page", "start", "end", "text", "markers")),
    PAGES: Table("pages", ("index", "number", "start", "end")),
}
# The only names `write_tables` writes in its directory, in the order it writes them.
TABLES = tuple(SPECS)
COLUMNS: dict[str, tuple[str, ...]] = {name: spec.names for name, spec in SPECS.items()}

Row = dict[str, Any]


def write_tables(doc: Document, directory: Path) -> list[Path]:
    """Write the tables (`TABLES`) into `directory` (created if missing) and return their paths.

    Each table replaces its old version atomically (`write_output`), so a reader never sees
    half a table. No table is written if any would replace the document's own file.
    """
    inputs = [Path(doc.path)] if doc.path else []
    check_tables(directory, inputs)
    directory.mkdir(parents=True, exist_ok=True)
    paths = [directory / name for name in TABLES]
    for path in paths:
        write_output(path, _csv(COLUMNS[path.name], SPECS[path.name].rows(doc)), inputs)
    return paths


def check_tables(directory: Path, inputs: Sequence[Path]) -> None:
    """Raise `OutputError` if the tables cannot go into `directory` or one would replace an
    input; the command line asks before it reads the document, `write_tables` again."""
    if directory.exists() and not directory.is_dir():
        raise OutputError(f"{directory}: is a file; csv needs a folder")
    if directory.is_dir():  # a folder still to be made holds no input
        check_outputs([directory / name for name in TABLES], inputs)


def _csv(columns: tuple[str, ...], rows: Iterable[Row]) -> str:
    stream = io.StringIO(newline="")
    writer = csv.DictWriter(stream, fieldnames=columns)
    writer.writeheader()
    writer.writerows({key: _cell(value) for key, value in row.items()} for row in rows)
    return stream.getvalue()


# A spreadsheet runs a cell that begins with one of these as a formula (`=HYPERLINK(...)`);
# OWASP's advice is to begin such a cell with an apostrophe, which shows it as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str | int:
    """A CSV cell: lists joined, booleans as in JSON, None empty, never a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = "; ".join(str(item) for item in value)
    if isinstance(value, int):
        return value
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
