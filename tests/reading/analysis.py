"""What a document's analysis found, positions aside: to show that a paged or encoded source
reads as its plain-text equivalent does (same records and findings, wherever they lie)."""

from __future__ import annotations

import dataclasses
from typing import Any

from fontes.model import Document

# Fields that say where, not what: offsets, and the line and column counted from them.
_POSITIONS = {"start", "end", "line", "column", "date_start", "date_end", "anchor"}


def analysis_of(doc: Document) -> dict[str, list[Any]]:
    """Each record kind's records as (field, value) pairs, each span as the words it covers
    (white space folded), in text order; offsets, lines and columns left out."""
    return {kind: [_what(doc, record) for record in getattr(doc, kind)] for kind in doc.KINDS}


def _what(doc: Document, record: Any) -> Any:
    if not dataclasses.is_dataclass(record):
        return record
    found: list[tuple[str, Any]] = []
    if hasattr(record, "start") and hasattr(record, "end"):
        found.append(("text", " ".join(doc.text[record.start : record.end].split())))
    for field in dataclasses.fields(record):
        if field.name in _POSITIONS:
            continue
        value = getattr(record, field.name)
        if isinstance(value, list):
            value = [_what(doc, item) for item in value]
        found.append((field.name, _what(doc, value)))
    return tuple(found)
