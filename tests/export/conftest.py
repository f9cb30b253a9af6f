"""A small printed document for the export tests: numbered pages, page-foot notes, citations
in the text and in notes, findings on several pages, and a last page with no folio."""

from __future__ import annotations

import re

import pytest

import fontes
from fontes.model import Box, Document
from fontes.pipeline import process
from fontes.reading.paged import PagedText

PAGES = [
    "The pans at Shields were leased in 1905 by Pavel Orlov.\u00b9 The rent was paid in salt "
    "(Volkov, Mills of Tver, p. 12).\n\n"
    "1 Volkov, Mills of Tver, p. 20.",
    "A lease ran for twenty-one years.\u00b2 The tenant, Sergei Volkov\u2075, kept the pans in "
    "repair.\u00b2\n\n"
    "2 Ibid., p. 31.",
    "The receiver's clerk noted it in 1875.\u00b3 The lease book is lost.\n\n"
    "3 The lease book of the Shields pans, kept by the receiver's clerk from 1899 onwards, "
    "is lost; a copy survives.\n"
    "4 A note that no marker points to.",
]
# Each page's body, a blank line, its folio; a form feed between pages. The appendix after
# the last break prints no folio: a page with no label.
PRINTED = (
    "\f".join(f"{body}\n\n{folio}\n" for body, folio in zip(PAGES, (41, 42, 43), strict=True))
    + "\fAn appendix of rents, sent by Ivan Petrov on June 31, 1910.\n"
)


@pytest.fixture(scope="session")
def printed() -> Document:
    return fontes.analyze(PRINTED)


def scan_of(pages: list[str], labels: list[str | None]) -> Document:
    """`pages` as a paged source lays them out (an OCR engine's words, each with its box and
    the engine's confidence, ten units a character and twenty a line), with printed numbers
    `labels` as the source records them."""
    builder = PagedText("hocr")
    for page, label in zip(pages, labels, strict=True):
        builder.page(label=label, width=1000, height=1400)
        row = 0
        for block in page.split("\n\n"):
            builder.block()
            for line in block.splitlines():
                builder.line()
                row += 1
                for word in re.finditer(r"\S+", line):
                    box = Box(10 * word.start(), 20 * row, 10 * word.end(), 20 * row + 16)
                    builder.word(word[0], box, 0.95)
            row += 1
    return process(builder.build("scan.hocr", "0" * 64))


@pytest.fixture(scope="session")
def scanned() -> Document:
    """The printed pages as a scan's OCR output, the printed page numbers in the source."""
    appendix = "An appendix of rents, sent by Ivan Petrov on June 31, 1910."
    return scan_of([*PAGES, appendix], ["41", "42", "43", None])
