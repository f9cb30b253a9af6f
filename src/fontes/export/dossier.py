"""The JSON dossier: everything fontes found in one document, as a stable contract.

The dossier is a projection of the model, declared once below: each record kind names the
model fields it publishes (their types come from the model's own annotations) and the few
values it computes from a record, such as its text or a person's dates of birth and death.
Everything else is derived from these kinds: the JSON, its JSON Schema
(`dossier.schema.json`, rewritten by `make schema` and checked by a test), the CSV columns,
and the typed records that `load_dossier` gives back. Dates are EDTF strings; offsets are
Python str indices into the text as decoded.
"""

from __future__ import annotations

import json
import weakref
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from fontes.checks.citation import unresolved_reason
from fontes.checks.name_variant import canonical_reason
from fontes.checks.quotation import elision_reason
from fontes.export.kinds import (
    DEFINITIONS,
    KINDS,
    Field,
    Kind,
    dump,
    edtf_of,
    kind_schema,
    load,
    object_schema,
)
from fontes.model import (
    EDTF,
    Box,
    Citation,
    CrossReference,
    Document,
    Elision,
    Entity,
    EntityKind,
    Event,
    Finding,
    Furniture,
    GlossaryEntry,
    Mention,
    Note,
    Page,
    Quotation,
    Role,
    Section,
    SourcePage,
    Span,
    TimeExpression,
    Work,
    Year,
)

SCHEMA = "https://fontes.dev/schema/dossier/1.5"


def _text(doc: Document, record: Any) -> str:
    return doc.excerpt(record)


def _spoken(doc: Document, record: Any) -> str:
    return doc.spoken(record)


def _entry(doc: Document, entity: Entity) -> GlossaryEntry | None:
    return doc.glossary_entry(entity.glossary)


def _variants(doc: Document, entity: Entity) -> list[str]:
    return sorted({doc.spoken(m) for m in entity.mentions} - {entity.name})


# Where a record is in the printed original, so that a reader can cite it as `p. 42`.
ON_PAGE = Field(
    "page",
    str | None,
    lambda doc, record: doc.page_label(record.start),
    "the printed page it begins on, where the text shows one",
)

BOX = Kind("box", Box, ["left", "top", "right", "bottom"])


def _source_page(doc: Document, record: Any) -> int | None:
    page = doc.source.page_at(record.start) if doc.source.paged else None
    return page.index if page is not None else None


def _box(doc: Document, record: Any) -> Any:
    found = doc.source.box_of(record.start, record.end)
    return BOX.project(doc, found[1]) if found is not None else None


# Where a record lies in a paged source (a PDF, OCR output), to go back to the page image.
IN_SOURCE = [
    Field(
        "source_page",
        int | None,
        _source_page,
        "the page of the source file it begins on (from 1), in a paged source",
    ),
    Field(
        "box",
        BOX.record | None,
        _box,
        "the box that covers its words on that page, in the source's units (pixels of the "
        "scan, or PDF points), from the page's top-left corner",
    ),
]

# Markers per note, counted once per document and again only if the markers change (a weak
# key: no document is kept alive), so that the notes of a long text are not each a search.
_MARKERS: weakref.WeakKeyDictionary[Document, tuple[int, Counter[str]]] = (
    weakref.WeakKeyDictionary()
)


def _markers(doc: Document, note: Note) -> int:
    counted = _MARKERS.get(doc)
    if counted is None or counted[0] != len(doc.note_markers):
        counted = len(doc.note_markers), Counter(m.note for m in doc.note_markers if m.note)
        _MARKERS[doc] = counted
    return counted[1][note.id]


SPAN = Kind("span", Span, ["start", "end"])
MENTION = Kind("mention", Mention, ["start", "end", *IN_SOURCE, Field("text", str, _text)])
ROLE = Kind("role", Role, ["title", "period", "start", "end"])
ELISION = Kind(
    "elision",
    Elision,
    [
        "start",
        "end",
        Field("reason", str, lambda doc, e: elision_reason(e), "what shows that words were cut"),
    ],
)

SOURCE = Kind(
    "source",
    None,
    [
        Field("path", str | None, lambda doc, _: doc.path),
        Field("sha256", str, lambda doc, _: doc.sha256),
        Field("chars", int, lambda doc, _: len(doc.text)),
        Field(
            "format",
            str,
            lambda doc, _: doc.source.format,
            "what it was read as: text, pdf, alto, page, hocr or tei",
        ),
    ],
)
SOURCE_PAGE = Kind(
    "source_page", SourcePage, ["index", "label", "width", "height", "image", "start", "end"]
)
PAGE = Kind("printed_page", Page, ["start", "end", "number", "index"])
FURNITURE = Kind("furniture", Furniture, ["start", "end", "kind"])
SECTION = Kind(
    "section",
    Section,
    [
        "title",
        "start",
        "end",
        "period",
        "run_in",
        Field(
            "heading",
            SPAN.record,
            SPAN.one(lambda s: Span(s.heading_start, s.heading_end)),
        ),
    ],
)
_ENTITY: list[str | Field] = [
    "id",
    "name",
    Field(
        "canonical_because",
        str,
        lambda doc, e: canonical_reason(e),
        "why the name is the canonical spelling",
    ),
    Field("variants", list[str], _variants, "other spellings of the name in the text"),
    Field("mentions", MENTION.array, MENTION.many(lambda e: e.mentions)),
]
PERSON = Kind(
    "person",
    Entity,
    [
        *_ENTITY,
        "surname",
        "forenames",
        Field(
            "glossary",
            str | None,
            lambda doc, e: e.glossary if _entry(doc, e) else None,
            "the glossary entry, if any",
        ),
        Field("honorific", str | None, lambda doc, e: _on_entry(doc, e, "honorific", "")),
        Field("description", str | None, lambda doc, e: _on_entry(doc, e, "description")),
        Field("lifespan", EDTF | None, lambda doc, e: edtf_of(_on_entry(doc, e, "lifespan"))),
        Field("born", Year | None, lambda doc, e: _on_entry(doc, e, "born")),
        Field("died", Year | None, lambda doc, e: _on_entry(doc, e, "died")),
        Field(
            "roles",
            ROLE.array,
            lambda doc, e: [ROLE.project(doc, role) for role in _on_entry(doc, e, "roles") or []],
        ),
        Field("places", list[str], lambda doc, e: _on_entry(doc, e, "places") or []),
        Field(
            "entry",
            SPAN.record | None,
            lambda doc, e: SPAN.project(doc, entry) if (entry := _entry(doc, e)) else None,
            "where the glossary entry is",
        ),
    ],
)
ENTITY = Kind("entity", Entity, _ENTITY)
AMBIGUOUS_MENTION = Kind(
    "ambiguous_mention", Mention, ["start", "end", Field("text", str, _text), "candidates"]
)
WORK = Kind(
    "work",
    Work,
    [
        "id",
        "authors",
        "editors",
        "title",
        "place",
        "year",
        "volume",
        "anonymous",
        "complete",
        "listed",
        "start",
        "end",
    ],
)
CITATION = Kind(
    "citation",
    Citation,
    [
        "start",
        "end",
        replace(
            ON_PAGE,
            description="the printed page it begins on, where the text shows one (not a page "
            "it cites)",
        ),
        *IN_SOURCE,
        Field("text", str, _text),
        "reference",
        "author",
        "title",
        "work",
        "pages",
        "locus",
        "note",
        Field("unresolved", str | None, unresolved_reason, "why no work was found, if none was"),
    ],
)
NOTE = Kind(
    "note",
    Note,
    [
        "id",
        "number",
        ON_PAGE,
        *IN_SOURCE,
        "start",
        "end",
        Field("text", str, lambda doc, n: doc.text[n.text_start : n.end]),
        Field("markers", int, _markers, "how many note markers in the text point to it"),
    ],
)
CROSS_REFERENCE = Kind(
    "cross_reference", CrossReference, ["start", "end", Field("text", str, _text), "target", "mark"]
)
QUOTATION = Kind(
    "quotation",
    Quotation,
    [
        "start",
        "end",
        *IN_SOURCE,
        Field("text", str, _text),
        Field("elided", bool, lambda doc, q: q.elided),
        Field("elisions", ELISION.array, ELISION.many(lambda q: q.elisions)),
    ],
)
TIME = Kind(
    "time",
    TimeExpression,
    [
        "start",
        "end",
        *IN_SOURCE,
        Field("text", str, _spoken),
        "type",
        "value",
        "edtf",
        Field("mod", str | None, lambda doc, t: t.mod or None, "TimeML mod"),
        "anchor",
    ],
)
EVENT = Kind(
    "event",
    Event,
    [
        "start",
        "end",
        "kind",
        "date=edtf",
        "earliest",
        "latest",
        Field("date_span", SPAN.record, SPAN.one(lambda e: Span(e.date_start, e.date_end))),
        Field("text", str, _spoken),
        "participants",
    ],
)
FINDING = Kind(
    "finding",
    Finding,
    [
        "rule",
        "category",
        "severity",
        "message",
        "start",
        "end",
        "line",
        "column",
        ON_PAGE,
        *IN_SOURCE,
        "suggestion",
        "fingerprint",
        "confidence",
    ],
)


def _on_entry(doc: Document, entity: Entity, attribute: str, absent: Any = None) -> Any:
    """A field of the person's glossary entry; `None` for a person without one."""
    entry = _entry(doc, entity)
    if entry is None:
        return None
    value = getattr(entry, attribute)
    return None if value == absent else value


def _entities(kind: EntityKind) -> Callable[[Document], list[Entity]]:
    return lambda doc: [e for e in doc.entities if e.kind is kind]


# The dossier's top level: each key, the kind of its records and where they come from.
DOSSIER: dict[str, tuple[Kind, Callable[[Document], Iterable[Any]]]] = {
    "source_pages": (SOURCE_PAGE, lambda doc: doc.source.pages),
    "pages": (PAGE, lambda doc: doc.pages),
    "furniture": (FURNITURE, lambda doc: doc.furniture),
    "sections": (SECTION, lambda doc: doc.sections),
    "people": (PERSON, _entities(EntityKind.PERSON)),
    "organisations": (ENTITY, _entities(EntityKind.ORGANISATION)),
    "places": (ENTITY, _entities(EntityKind.PLACE)),
    "ambiguous_mentions": (
        AMBIGUOUS_MENTION,
        lambda doc: [m for m in doc.mentions if m.candidates],
    ),
    "works": (WORK, lambda doc: doc.all_works),
    "citations": (CITATION, lambda doc: doc.citations),
    "notes": (NOTE, lambda doc: doc.notes),
    "cross_references": (CROSS_REFERENCE, lambda doc: doc.cross_references),
    "quotations": (QUOTATION, lambda doc: doc.quotations),
    "times": (TIME, lambda doc: doc.times),
    "events": (EVENT, lambda doc: doc.events),
    "findings": (FINDING, lambda doc: doc.findings),
}


class Dossier:
    """The records of one dossier, typed as its kinds declare them.

    `dossier.works[0].title`, `dossier.findings[0].fingerprint`; `source` is one record,
    every other key a list of records.
    """

    def __init__(self, source: Any, records: dict[str, list[Any]]) -> None:
        self.source = source
        self.records = records

    def __getattr__(self, key: str) -> list[Any]:
        try:
            return self.__dict__["records"][key]  # type: ignore[no-any-return]
        except KeyError:
            raise AttributeError(key) from None

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Dossier)
            and self.source == other.source
            and self.records == other.records
        )

    __hash__ = None  # type: ignore[assignment]

    @classmethod
    def of(cls, doc: Document) -> Dossier:
        return cls(
            SOURCE.project(doc, doc),
            {
                key: [kind.project(doc, r) for r in read(doc)]
                for key, (kind, read) in DOSSIER.items()
            },
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "source": dump(SOURCE.record, self.source),
            **{key: dump(kind.array, self.records[key]) for key, (kind, _) in DOSSIER.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Dossier:
        return cls(
            load(SOURCE.record, data["source"]),
            {key: load(kind.array, data[key]) for key, (kind, _) in DOSSIER.items()},
        )


def to_dossier(doc: Document) -> dict[str, Any]:
    """The dossier of an analysed document, as JSON data."""
    return Dossier.of(doc).to_json()


class DossierError(ValueError):
    """A file that is not a fontes dossier of this version; the message says why."""


def load_dossier(path: str | Path) -> Dossier:
    """Read a dossier that `fontes analyze` wrote back into typed records.

    It is checked against the schema first, so a file of another version or a hand-edited
    one that breaks the contract is refused with a `DossierError` that names the problem.
    """
    import jsonschema

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DossierError(f"{path}: not a readable dossier ({error})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        found = data.get("schema") if isinstance(data, dict) else None
        raise DossierError(f"{path}: not a dossier of {SCHEMA} (its schema is {found!r})")
    problem = jsonschema.exceptions.best_match(
        jsonschema.Draft202012Validator(load_schema()).iter_errors(data)
    )
    if problem is not None:
        where = "/".join(str(part) for part in problem.absolute_path) or "the top level"
        raise DossierError(f"{path}: {where}: {problem.message}")
    return Dossier.from_json(data)


def derived_schema() -> dict[str, Any]:
    """The dossier's JSON Schema, derived from the kinds above."""
    kinds = {kind.name: kind for kind in KINDS.values()}
    records = {
        key: {"type": "array", "items": {"$ref": f"#/$defs/{kind.name}"}}
        for key, (kind, _) in DOSSIER.items()
    }
    properties = {"schema": {"const": SCHEMA}, "source": {"$ref": "#/$defs/source"}, **records}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA,
        "title": "fontes dossier",
        **object_schema(
            properties,
            "Everything fontes found in one document. Offsets are Python str indices (end "
            "exclusive) into the text as decoded; dates are EDTF strings.",
        ),
        "$defs": {
            **DEFINITIONS,
            **{name: kind_schema(kind) for name, kind in sorted(kinds.items())},
        },
    }


def load_schema() -> dict[str, Any]:
    """The dossier's JSON Schema as the package ships it."""
    text = resources.files("fontes.export").joinpath("dossier.schema.json").read_text()
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_text() -> str:
    """The derived schema as `dossier.schema.json` holds it (`make schema` writes it)."""
    return json.dumps(derived_schema(), indent=2, ensure_ascii=False) + "\n"
