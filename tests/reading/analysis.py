"""What a document's analysis found, positions aside: to show that a paged or encoded source
reads as its plain-text equivalent does (same records and findings, wherever they lie)."""

from __future__ import annotations

import dataclasses
from typing import Any

from fontes.model import Document

# Fields that say where, not what: offsets, and the line and column counted from them.
_POSITIONS = {
    "start",
    "end",
    "line",
    "column",
    "date_start",
    "date_end",
    "anchor",
    "text_start",
    "heading_start",
    "heading_end",
    "surname_start",
    "surname_end",
}


def analysis_of(doc: Document, sources: bool = True) -> dict[str, list[Any]]:
    """Each record kind's records as (field, value) pairs, each span as the words it covers
    (white space folded), in text order; offsets, lines and columns left out, and with
    `sources` False what found each mention (an edition's markup, the model, a rule)."""
    left_out = _POSITIONS if sources else _POSITIONS | {"source"}
    return {
        kind: [_what(doc, record, left_out) for record in getattr(doc, kind)] for kind in doc.KINDS
    }


def _what(doc: Document, record: Any, left_out: set[str]) -> Any:
    if not dataclasses.is_dataclass(record):
        return record
    found: list[tuple[str, Any]] = []
    if hasattr(record, "start") and hasattr(record, "end"):
        found.append(("text", " ".join(doc.text[record.start : record.end].split())))
    for field in dataclasses.fields(record):
        if field.name in left_out:
            continue
        value = getattr(record, field.name)
        if isinstance(value, list):
            value = [_what(doc, item, left_out) for item in value]
        found.append((field.name, _what(doc, value, left_out)))
    return tuple(found)
