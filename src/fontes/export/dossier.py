"""The JSON dossier: everything fontes found in one document, as a stable contract.

Its shape is fixed by `dossier.schema.json` beside this module; `SCHEMA` names the version.
Dates are EDTF strings; offsets are Python str indices into the text as decoded.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from fontes.model import (
    Citation,
    Document,
    Entity,
    EntityKind,
    Event,
    Finding,
    GlossaryEntry,
    Mention,
    PageRange,
    Period,
    Quotation,
    Section,
    TimeExpression,
    Work,
)

SCHEMA = "https://fontes.dev/schema/dossier/1.0"


def load_schema() -> dict[str, Any]:
    text = resources.files("fontes.export").joinpath("dossier.schema.json").read_text()
    schema: dict[str, Any] = json.loads(text)
    return schema


def to_dossier(doc: Document) -> dict[str, Any]:
    entries = {entry.id: entry for entry in doc.glossary}
    return {
        "schema": SCHEMA,
        "source": {"path": doc.path, "sha256": doc.sha256, "chars": len(doc.text)},
        "sections": [_section(s) for s in doc.sections],
        "people": [
            person_record(doc, e, entries.get(e.glossary or ""))
            for e in doc.entities
            if e.kind is EntityKind.PERSON
        ],
        "organisations": [
            _entity(doc, e) for e in doc.entities if e.kind is EntityKind.ORGANISATION
        ],
        "places": [_entity(doc, e) for e in doc.entities if e.kind is EntityKind.PLACE],
        "ambiguous_mentions": [
            {**_mention(doc, m), "candidates": m.candidates} for m in doc.mentions if m.candidates
        ],
        "works": [work_record(w) for w in doc.works],
        "citations": [citation_record(doc, c) for c in doc.citations],
        "notes": [
            {
                "id": n.id,
                "number": n.number,
                "start": n.start,
                "end": n.end,
                "text": doc.text[n.text_start : n.end],
            }
            for n in doc.notes
        ],
        "cross_references": [
            {"start": r.start, "end": r.end, "text": doc.text[r.start : r.end], "target": r.target}
            for r in doc.cross_references
        ],
        "quotations": [_quotation(doc, q) for q in doc.quotations],
        "times": [_time(doc, t) for t in doc.times],
        "events": [event_record(doc, e) for e in doc.events],
        "findings": [finding_record(f) for f in doc.findings],
    }


def _edtf(period: Period | None) -> str | None:
    return period.edtf if period is not None else None


def year_text(year: int | None) -> str | None:
    return f"{year:04d}" if year is not None else None


def _section(section: Section) -> dict[str, Any]:
    return {
        "title": section.title,
        "start": section.start,
        "end": section.end,
        "period": _edtf(section.period),
        "run_in": section.run_in,
        "heading": {"start": section.heading_start, "end": section.heading_end},
    }


def _mention(doc: Document, mention: Mention) -> dict[str, Any]:
    return {
        "start": mention.start,
        "end": mention.end,
        "text": doc.text[mention.start : mention.end],
    }


def _entity(doc: Document, entity: Entity) -> dict[str, Any]:
    """What every entity has: its canonical name, other spellings, and every mention."""
    spellings = {doc.spoken(m) for m in entity.mentions}
    return {
        "id": entity.id,
        "name": entity.name,
        "canonical_because": entity.canonical_because,
        "variants": sorted(spellings - {entity.name}),
        "mentions": [_mention(doc, m) for m in entity.mentions],
    }


def person_record(doc: Document, entity: Entity, entry: GlossaryEntry | None) -> dict[str, Any]:
    lifespan = entry.lifespan if entry else None
    return {
        **_entity(doc, entity),
        "surname": entity.surname,
        "forenames": entity.forenames,
        "glossary": entry.id if entry else None,
        "honorific": entry.honorific or None if entry else None,
        "description": entry.description if entry else None,
        "lifespan": _edtf(lifespan),
        "born": year_text(lifespan.first_year) if lifespan else None,
        "died": year_text(lifespan.last_year) if lifespan else None,
        "roles": [
            {"title": r.title, "period": _edtf(r.period), "start": r.start, "end": r.end}
            for r in (entry.roles if entry else [])
        ],
        "places": entry.places if entry else [],
        "entry": {"start": entry.start, "end": entry.end} if entry else None,
    }


def work_record(work: Work) -> dict[str, Any]:
    return {
        "id": work.id,
        "authors": work.authors,
        "editors": work.editors,
        "title": work.title,
        "place": work.place,
        "year": year_text(work.year),
        "volume": work.volume,
        "anonymous": work.anonymous,
        "complete": work.complete,
        "listed": work.listed,
        "start": work.start,
        "end": work.end,
    }


def _pages(page: PageRange) -> dict[str, Any]:
    def number(value: str) -> int | str:
        return int(value) if value.isdigit() else value

    return {"first": number(page.first), "last": number(page.last)}


def citation_record(doc: Document, citation: Citation) -> dict[str, Any]:
    return {
        "start": citation.start,
        "end": citation.end,
        "text": doc.text[citation.start : citation.end],
        "reference": str(citation.reference),
        "author": citation.author,
        "title": citation.title,
        "work": citation.work,
        "pages": [_pages(p) for p in citation.pages],
        "note": citation.note,
        "unresolved": citation.unresolved,
    }


def _quotation(doc: Document, quotation: Quotation) -> dict[str, Any]:
    return {
        "start": quotation.start,
        "end": quotation.end,
        "text": doc.text[quotation.start : quotation.end],
        "elided": quotation.elided,
        "elisions": [
            {"start": e.start, "end": e.end, "reason": e.reason} for e in quotation.elisions
        ],
    }


def finding_record(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "category": str(finding.category),
        "severity": str(finding.severity),
        "message": finding.message,
        "start": finding.start,
        "end": finding.end,
        "line": finding.line,
        "column": finding.column,
        "suggestion": finding.suggestion,
    }


def _time(doc: Document, time: TimeExpression) -> dict[str, Any]:
    return {
        "start": time.start,
        "end": time.end,
        "text": doc.spoken(time),
        "type": time.type.value,
        "value": time.value,
        "edtf": time.edtf,
        "mod": time.mod or None,
        "anchor": time.anchor,
    }


def event_record(doc: Document, event: Event) -> dict[str, Any]:
    return {
        "start": event.start,
        "end": event.end,
        "kind": event.kind.value,
        "date": event.edtf,
        "earliest": event.earliest.isoformat() if event.earliest else None,
        "latest": event.latest.isoformat() if event.latest else None,
        "date_span": {"start": event.date_start, "end": event.date_end},
        "text": doc.spoken(event),
        "participants": event.participants,
    }
