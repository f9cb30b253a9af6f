"""The pipeline: readers in data-flow order, then the checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from pathlib import Path

from fontes.checks import Rule, run_checks
from fontes.entities.linking import link_entities
from fontes.entities.mentions import find_mentions
from fontes.entities.nlp import using_model
from fontes.entities.ocr import find_garbles
from fontes.model import Document
from fontes.reading import find_paragraphs, read_document
from fontes.settings import Settings
from fontes.structure.bibliography import read_bibliography
from fontes.structure.citations import read_citations
from fontes.structure.crossrefs import read_cross_references
from fontes.structure.glossary import read_glossary
from fontes.structure.notes import read_notes
from fontes.structure.quotations import read_quotations
from fontes.structure.sections import read_sections
from fontes.time.events import build_timeline
from fontes.time.expressions import read_dates

StageRun = Callable[[Document, Settings], None]


@dataclass(frozen=True, slots=True)
class Stage:
    """One step of the pipeline: `run(doc, settings)` adds its records to `doc`.

    `requires` names the earlier stages whose work it reads, so that none of them is skipped
    while it runs (see `enabled_stages`).
    """

    name: str
    run: StageRun
    requires: tuple[str, ...] = ()


def _plain(read: Callable[[Document], None]) -> StageRun:
    """A stage that needs no settings."""

    @wraps(read)
    def run(doc: Document, settings: Settings) -> None:
        read(doc)

    return run


def _mentions(doc: Document, settings: Settings) -> None:
    """`find_mentions` with the spaCy model the settings name."""
    with using_model(settings.spacy_model):
        find_mentions(doc)


# The stages that claim regions as apparatus (`doc.apparatus`): a prose reader after them
# reads what they leave, so it requires them all.
_APPARATUS = ("glossary", "bibliography", "notes", "sections", "citations")

# Apparatus readers come before prose readers: each claims its regions, so that later
# stages do not mistake a bibliography colon for a cut quotation.
STAGES: list[Stage] = [
    Stage("paragraphs", _plain(find_paragraphs)),
    Stage("glossary", _plain(read_glossary), ("paragraphs",)),
    Stage("bibliography", _plain(read_bibliography), ("paragraphs", "glossary")),
    Stage("notes", _plain(read_notes), ("paragraphs", "glossary", "bibliography")),
    Stage("sections", _plain(read_sections), ("paragraphs", *_APPARATUS[:3])),
    Stage("citations", _plain(read_citations), ("paragraphs", *_APPARATUS[:4])),
    Stage("cross-references", _plain(read_cross_references), _APPARATUS),
    Stage("quotations", _plain(read_quotations), ("paragraphs", *_APPARATUS)),
    Stage("dates", _plain(read_dates), ("paragraphs", *_APPARATUS)),
    Stage("mentions", _mentions, ("paragraphs", *_APPARATUS, "cross-references")),
    Stage("linking", _plain(link_entities), ("paragraphs", "glossary", "mentions")),
    Stage("ocr", _plain(find_garbles), ("paragraphs", "linking")),
    Stage(
        "events",
        _plain(build_timeline),
        ("paragraphs", "glossary", "bibliography", "dates", "mentions", "linking"),
    ),
]


def enabled_stages(disable: Iterable[str] = ()) -> list[Stage]:
    """The stages that run when those named in `disable` are skipped, in order.

    Raises `ValueError` for a name that is no stage, or for a stage that a stage left
    running requires (naming every stage that would have to be disabled with it).
    """
    skipped = {disable} if isinstance(disable, str) else set(disable)
    names = [stage.name for stage in STAGES]
    if unknown := sorted(skipped - set(names)):
        raise ValueError(f"no stage named {_listed(unknown)}; the stages are {', '.join(names)}")
    running = [stage for stage in STAGES if stage.name not in skipped]
    needed = {name for stage in running for name in stage.requires} & skipped
    if needed:
        missing = [name for name in names if name in needed]
        dependents = _needing(set(missing), running)
        raise ValueError(
            f"cannot disable {_listed(missing)}: {_listed(dependents)} "
            f"{'needs' if len(dependents) == 1 else 'need'} {'it' if len(missing) == 1 else 'them'}"
            "; disable those too"
        )
    return running


def _needing(missing: set[str], running: list[Stage]) -> list[str]:
    """The stages of `running` that need one in `missing`, directly or through another."""
    gone = set(missing)
    dependents = []
    for stage in running:  # in order: a stage requires only earlier ones
        if gone.intersection(stage.requires):
            gone.add(stage.name)
            dependents.append(stage.name)
    return dependents


def _listed(names: Iterable[str]) -> str:
    return ", ".join(repr(name) for name in names)


def _run(
    doc: Document, rules: Iterable[Rule] | None, settings: Settings | None, stages: list[Stage]
) -> Document:
    settings = Settings() if settings is None else settings
    for stage in stages:
        stage.run(doc, settings)
    run_checks(doc, rules)
    return doc


def process(
    doc: Document,
    rules: Iterable[Rule] | None = None,
    *,
    settings: Settings | None = None,
    disable: Iterable[str] = (),
) -> Document:
    """Run the stages (all but those named in `disable`) and the checks on `doc`, in place,
    and return it. An unknown or required stage in `disable` raises `ValueError`."""
    return _run(doc, rules, settings, enabled_stages(disable))


def analyze(
    text: str,
    path: str | None = None,
    rules: Iterable[Rule] | None = None,
    *,
    settings: Settings | None = None,
    disable: Iterable[str] = (),
) -> Document:
    """Read `text` and return the document with its structure and findings (see `process`)."""
    stages = enabled_stages(disable)
    return _run(Document(text, path=path), rules, settings, stages)


def analyze_file(
    path: str | Path,
    encoding: str = "utf-8",
    rules: Iterable[Rule] | None = None,
    *,
    settings: Settings | None = None,
    disable: Iterable[str] = (),
) -> Document:
    """Read a file (never modifying it) and analyse it (see `process`); raises `InputError` on
    bad input, and `ValueError` for a bad `disable` before the file is read."""
    stages = enabled_stages(disable)
    return _run(read_document(path, encoding), rules, settings, stages)
