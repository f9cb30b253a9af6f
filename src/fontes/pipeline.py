"""The pipeline: readers in data-flow order, then the checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from fontes.checks import Rule, run_checks
from fontes.entities.linking import link_entities
from fontes.entities.mentions import find_mentions
from fontes.entities.ocr import find_garbles
from fontes.model import Document
from fontes.reading import find_paragraphs, read_document
from fontes.structure.bibliography import read_bibliography
from fontes.structure.citations import read_citations
from fontes.structure.crossrefs import read_cross_references
from fontes.structure.glossary import read_glossary
from fontes.structure.notes import read_notes
from fontes.structure.quotations import read_quotations
from fontes.structure.sections import read_sections
from fontes.time.events import build_timeline
from fontes.time.expressions import read_dates

Stage = Callable[[Document], None]

# Apparatus readers come before prose readers: each claims its regions, so that later
# stages do not mistake a bibliography colon for a cut quotation.
STAGES: list[tuple[str, Stage]] = [
    ("paragraphs", find_paragraphs),
    ("glossary", read_glossary),
    ("bibliography", read_bibliography),
    ("notes", read_notes),
    ("sections", read_sections),
    ("citations", read_citations),
    ("cross-references", read_cross_references),
    ("quotations", read_quotations),
    ("dates", read_dates),
    ("mentions", find_mentions),
    ("linking", link_entities),
    ("ocr", find_garbles),
    ("events", build_timeline),
]


def process(doc: Document, rules: Iterable[Rule] | None = None) -> Document:
    """Run every stage and the checks on `doc`, in place, and return it."""
    for _, stage in STAGES:
        stage(doc)
    run_checks(doc, rules)
    return doc


def analyze(text: str, path: str | None = None, rules: Iterable[Rule] | None = None) -> Document:
    """Read `text` and return the document with its structure and findings."""
    return process(Document(text, path=path), rules)


def analyze_file(
    path: str | Path, encoding: str = "utf-8", rules: Iterable[Rule] | None = None
) -> Document:
    """Read a file (never modifying it) and analyse it; raises `InputError` on bad input."""
    return process(read_document(path, encoding), rules)
