"""CSV tables of people, events, works, citations and findings, for spreadsheets and pandas.

Each row is drawn from the dossier's record of the same thing, so that the two exports never
disagree. Offsets are integers, lists are joined with `; `, an absent value is an empty cell.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from fontes.checks import RULES
from fontes.export.dossier import (
    citation_record,
    event_record,
    finding_record,
    person_record,
    work_record,
)
from fontes.export.files import OutputError, check_outputs, write_output
from fontes.model import Document, EntityKind

PEOPLE = "people.csv"
EVENTS = "events.csv"
WORKS = "works.csv"
CITATIONS = "citations.csv"
FINDINGS = "findings.csv"
# The only names `write_tables` writes in its directory, in the order it writes them.
TABLES = (PEOPLE, EVENTS, WORKS, CITATIONS, FINDINGS)

COLUMNS: dict[str, tuple[str, ...]] = {
    PEOPLE: (
        "id",
        "name",
        "canonical_because",
        "variants",
        "born",
        "died",
        "lifespan",
        "roles",
        "mentions",
        "glossary",
    ),
    EVENTS: ("kind", "date", "earliest", "latest", "text", "participants", "start", "end"),
    WORKS: (
        "id",
        "authors",
        "editors",
        "title",
        "place",
        "year",
        "listed",
        "complete",
        "times_cited",
    ),
    CITATIONS: ("start", "end", "text", "reference", "work", "pages", "unresolved"),
    FINDINGS: (
        "rule",
        "name",
        "category",
        "severity",
        "line",
        "column",
        "start",
        "end",
        "text",
        "message",
        "suggestion",
    ),
}

Row = dict[str, Any]


def write_tables(doc: Document, directory: Path) -> list[Path]:
    """Write the five tables into `directory` (created if missing) and return their paths.

    Each table replaces its old version atomically (`write_output`), so a reader never sees
    half a table. No table is written if any would replace the document's own file.
    """
    inputs = [Path(doc.path)] if doc.path else []
    check_tables(directory, inputs)
    directory.mkdir(parents=True, exist_ok=True)
    rows = {
        PEOPLE: _people(doc),
        EVENTS: _events(doc),
        WORKS: _works(doc),
        CITATIONS: _citations(doc),
        FINDINGS: _findings(doc),
    }
    paths = [directory / name for name in TABLES]
    for path in paths:
        write_output(path, _csv(COLUMNS[path.name], rows[path.name]), inputs)
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


def _people(doc: Document) -> Iterator[Row]:
    entries = {entry.id: entry for entry in doc.glossary}
    for entity in doc.entities:
        if entity.kind is not EntityKind.PERSON:
            continue
        person = person_record(doc, entity, entries.get(entity.glossary or ""))
        yield {
            "id": person["id"],
            "name": person["name"],
            "canonical_because": person["canonical_because"],
            "variants": person["variants"],
            "born": person["born"],
            "died": person["died"],
            "lifespan": person["lifespan"],
            "roles": [
                f"{role['title']} ({role['period']})" if role["period"] else role["title"]
                for role in person["roles"]
            ],
            "mentions": len(person["mentions"]),
            "glossary": person["glossary"],
        }


def _events(doc: Document) -> Iterator[Row]:
    for event in doc.events:
        record = event_record(doc, event)
        yield {column: record[column] for column in COLUMNS[EVENTS]}


def _works(doc: Document) -> Iterator[Row]:
    cited = Counter(citation.work for citation in doc.citations if citation.work)
    for work in doc.works:
        record = work_record(work)
        yield {
            **{column: record.get(column) for column in COLUMNS[WORKS]},
            "times_cited": cited[work.id],
        }


def _citations(doc: Document) -> Iterator[Row]:
    for citation in doc.citations:
        record = citation_record(doc, citation)
        yield {
            **{column: record.get(column) for column in COLUMNS[CITATIONS]},
            "pages": [str(page) for page in citation.pages],
        }


def _findings(doc: Document) -> Iterator[Row]:
    for finding in doc.findings:
        rule = RULES.get(finding.rule)
        yield {
            **finding_record(finding),
            "name": rule.name if rule else None,
            "text": doc.text[finding.start : finding.end],
        }
