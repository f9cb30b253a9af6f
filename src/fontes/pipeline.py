"""The pipeline: readers in data-flow order, then the checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial, wraps
from pathlib import Path

from fontes.checks import Rule, run_checks
from fontes.entities.linking import link_entities
from fontes.entities.mentions import find_mentions
from fontes.entities.ocr import find_garbles
from fontes.model import Document
from fontes.reading import find_paragraphs
from fontes.reading.formats import read_any
from fontes.reading.pages import read_pages
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

# The shared layer of apparatus regions (`doc.apparatus`): the stages that `claim` add to it;
# a stage that requires it reads what every claiming stage before it has added.
APPARATUS = "apparatus"


@dataclass(frozen=True, slots=True)
class Stage:
    """One step of the pipeline and its contract, as spaCy's components declare theirs.

    `run(doc, settings)` assigns the record kinds in `assigns` (lists of `Document.KINDS`:
    no other stage writes them), reading only the kinds in `requires` (and `apparatus`, the
    regions that the stages which `claims` have added); `annotates` names kinds assigned
    earlier whose declared annotation fields it fills in (`model.annotate`).
    """

    name: str
    run: StageRun
    assigns: tuple[str, ...]
    requires: tuple[str, ...] = ()
    annotates: tuple[str, ...] = ()
    claims: bool = False


class ContractError(RuntimeError):
    """A stage broke its contract: it wrote a kind it does not assign. A bug, never input."""


def _plain(read: Callable[[Document], None]) -> StageRun:
    """A stage that needs no settings."""

    @wraps(read)
    def run(doc: Document, settings: Settings) -> None:
        read(doc)

    return run


def _mentions(doc: Document, settings: Settings) -> None:
    find_mentions(doc, settings.spacy_model)


# Apparatus readers come before prose readers: each claims its regions, so that later
# stages do not mistake a bibliography colon for a cut quotation.
STAGES: list[Stage] = [
    Stage("paragraphs", _plain(find_paragraphs), assigns=("paragraphs",)),
    # Page furniture first: no later reader takes a header line for a heading.
    Stage(
        "pages",
        _plain(read_pages),
        assigns=("pages", "furniture"),
        requires=("paragraphs",),
        claims=True,
    ),
    Stage(
        "glossary",
        _plain(read_glossary),
        assigns=("glossary",),
        requires=("paragraphs", APPARATUS),
        claims=True,
    ),
    Stage(
        "bibliography",
        _plain(read_bibliography),
        assigns=("works",),
        requires=("paragraphs", APPARATUS),
        claims=True,
    ),
    Stage(
        "notes",
        _plain(read_notes),
        assigns=("notes", "note_markers"),
        requires=("paragraphs", APPARATUS),
        claims=True,
    ),
    Stage(
        "sections",
        _plain(read_sections),
        assigns=("sections",),
        requires=("paragraphs", "glossary", "works", "notes", APPARATUS),
        claims=True,
    ),
    Stage(
        "citations",
        _plain(read_citations),
        assigns=("citations", "cited_works"),
        requires=("paragraphs", "works", "notes", "note_markers", APPARATUS),
        claims=True,
    ),
    Stage(
        "cross-references",
        _plain(read_cross_references),
        assigns=("cross_references",),
        requires=("glossary", APPARATUS),
    ),
    Stage(
        "quotations",
        _plain(read_quotations),
        assigns=("quotations",),
        requires=("paragraphs", "sections", APPARATUS),
    ),
    Stage(
        "dates",
        _plain(read_dates),
        assigns=("times",),
        requires=("paragraphs", APPARATUS),
    ),
    Stage(
        "mentions",
        _mentions,
        assigns=("mentions",),
        requires=("paragraphs", "glossary", "cross_references", APPARATUS),
    ),
    Stage(
        "linking",
        _plain(link_entities),
        assigns=("entities",),
        requires=("paragraphs", "glossary", "mentions"),
        annotates=("mentions",),
    ),
    Stage(
        "ocr",
        _plain(find_garbles),
        assigns=("garbles",),
        requires=("paragraphs", "furniture", "entities"),
    ),
    Stage(
        "events",
        _plain(build_timeline),
        assigns=("events",),
        requires=(
            "paragraphs",
            "glossary",
            "works",
            "cited_works",
            "mentions",
            "entities",
            "times",
        ),
    ),
]
# The checks run last, as one more step with a contract: they assign the findings.
CHECKS = "checks"


def _needs(stage: Stage, stages: list[Stage]) -> set[str]:
    """The names of the stages of `stages` before `stage` whose work it reads."""
    needs = set()
    for earlier in stages[: stages.index(stage)]:
        if set(earlier.assigns) & {*stage.requires, *stage.annotates}:
            needs.add(earlier.name)
        if earlier.claims and APPARATUS in stage.requires:
            needs.add(earlier.name)
    return needs


def check_contracts(stages: list[Stage]) -> None:
    """Raise `ContractError` unless every kind has one writer, each stage reads only kinds
    assigned before it, and every kind of the document is assigned (the findings by checks)."""
    writers: dict[str, str] = {"findings": CHECKS}
    for stage in stages:
        for kind in stage.assigns:
            if kind in writers:
                raise ContractError(f"{stage.name} and {writers[kind]} both assign {kind}")
            if kind not in Document.KINDS:
                raise ContractError(f"{stage.name} assigns {kind}, which is no record kind")
            writers[kind] = stage.name
        for kind in dict.fromkeys([*stage.requires, *stage.annotates]):  # in declared order
            if kind == APPARATUS:
                continue
            if kind not in writers or writers[kind] == stage.name:
                raise ContractError(f"{stage.name} reads {kind} before any stage assigns it")
    if unassigned := set(Document.KINDS) - set(writers):
        raise ContractError(f"no stage assigns {', '.join(sorted(unassigned))}")


check_contracts(STAGES)


def enabled_stages(disable: Iterable[str] = ()) -> list[Stage]:
    """The stages that run when those named in `disable` are skipped, in order.

    Raises `ValueError` for a name that is no stage, or for a stage that a stage left
    running needs (naming every stage that would have to be disabled with it).
    """
    skipped = {disable} if isinstance(disable, str) else set(disable)
    names = [stage.name for stage in STAGES]
    if unknown := sorted(skipped - set(names)):
        raise ValueError(f"no stage named {_listed(unknown)}; the stages are {', '.join(names)}")
    running = [stage for stage in STAGES if stage.name not in skipped]
    needed = {name for stage in running for name in _needs(stage, STAGES)} & skipped
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
    for stage in running:  # in order: a stage needs only earlier ones
        if gone & _needs(stage, STAGES):
            gone.add(stage.name)
            dependents.append(stage.name)
    return dependents


def _check(doc: Document, rules: Iterable[Rule] | None) -> None:
    run_checks(doc, rules)


def _checked(doc: Document, name: str, assigns: tuple[str, ...], run: Callable[[], None]) -> None:
    """Run one step and raise `ContractError` if it wrote a kind it does not assign, or
    assigned a kind that already had records (each kind is assigned once)."""
    before = {kind: (records := getattr(doc, kind), list(records)) for kind in Document.KINDS}
    for kind in assigns:
        if before[kind][1]:
            raise ContractError(f"{name}: {kind} were assigned before it ran")
    run()
    for kind, (records, items) in before.items():
        if kind in assigns:
            continue
        now = getattr(doc, kind)
        same = now is records and len(now) == len(items)
        if not same or any(a is not b for a, b in zip(now, items, strict=True)):
            raise ContractError(f"{name} changed {kind}, which it does not assign")


def _listed(names: Iterable[str]) -> str:
    return ", ".join(repr(name) for name in names)


def _run(
    doc: Document, rules: Iterable[Rule] | None, settings: Settings | None, stages: list[Stage]
) -> Document:
    chosen = Settings() if settings is None else settings
    for stage in stages:
        _checked(doc, stage.name, stage.assigns, partial(stage.run, doc, chosen))
    _checked(doc, CHECKS, ("findings",), lambda: _check(doc, rules))
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
    form: str | None = None,
) -> Document:
    """Read a file (never modifying it) in its format (`form` forces one: `reading.formats`)
    and analyse it (see `process`); raises `InputError` on bad input, and `ValueError` for a
    bad `disable` before the file is read."""
    stages = enabled_stages(disable)
    return _run(read_any(path, encoding, form), rules, settings, stages)
