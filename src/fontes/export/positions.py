"""Where a passage lies, as a reader finds it again: the printed page where the text shows
one, and in a paged source (a PDF, OCR output) the page of the file where it does not, with
the line counted on that page as its image shows it, not in the text fontes laid out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from fontes.model import Document


@dataclass(frozen=True, slots=True)
class PagePlace:
    """A page by its printed number (`label`), or by its place in a paged source's file."""

    label: str | None
    index: int | None

    def __str__(self) -> str:
        """`p. 42`, or `#4` where the page prints no number."""
        return f"p. {self.label}" if self.label else f"#{self.index}"

    @property
    def number(self) -> str:
        """`42`, or `#4`: for a column headed Page."""
        return self.label or f"#{self.index}"


class Position(NamedTuple):
    """A line and column, on the page where `on_page` (a paged source), else in the text."""

    line: int
    column: int
    page: PagePlace | None
    on_page: bool


def page_place(doc: Document, offset: int) -> PagePlace | None:
    """The page an offset is on; None where the text shows none and the source has none."""
    label = doc.page_label(offset)
    source_page = doc.source.page_at(offset) if doc.source.paged else None
    if label is None and source_page is None:
        return None
    return PagePlace(label, source_page.index if source_page is not None else None)


def position(doc: Document, offset: int) -> Position:
    """The line and column of an offset and its page; in a paged source the line is counted
    on the page (as `fontes check` prints it), where the source has the line."""
    page = page_place(doc, offset)
    spot = doc.source.line_at(offset) if doc.source.paged else None
    if spot is not None:
        return Position(spot[0], spot[1], page, on_page=True)
    line, column = doc.line_column(offset)
    return Position(line, column, page, on_page=False)
