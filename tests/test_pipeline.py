"""The pipeline's stages: their order, `disable`, and the settings they are given."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import fontes
from fontes import pipeline
from fontes.entities import nlp
from fontes.entities.nlp import ModelError
from fontes.model import Document, Work
from fontes.pipeline import STAGES, ContractError, check_contracts, enabled_stages

TEXT = """The Quay (1901-03)

The foreman, Mary Halloran*, told the inquiry: "We were paid by the hour." He taught at the
Ijniversity for ten years.
(Marlow, Edith: Evidence, in: Peter Quill (Ed.): op. cit.; p. 4).

HALLORAN, Mary, dock foreman (1860-1921); union organiser (1889-1901).

Quill, Peter (Ed.): 'The Quay Inquiry'; Bristol; 1904.
"""
NAMES = [
    "paragraphs",
    "pages",
    "glossary",
    "bibliography",
    "notes",
    "sections",
    "citations",
    "cross-references",
    "quotations",
    "dates",
    "mentions",
    "linking",
    "ocr",
    "events",
]
ENTITY_STAGES = ["mentions", "linking", "ocr", "events"]  # everything that reaches spaCy


def test_the_stages_keep_their_order_and_names() -> None:
    assert [stage.name for stage in STAGES] == NAMES


def test_every_kind_has_one_writer_that_runs_before_its_readers() -> None:
    check_contracts(STAGES)
    writers = [kind for stage in STAGES for kind in stage.assigns]
    assert len(writers) == len(set(writers)) == len(Document.KINDS) - 1  # findings: checks
    fresh = Document("text")
    lists = {name for name, value in vars(fresh).items() if isinstance(value, list)}
    assert lists == set(Document.KINDS)


def test_contracts_that_do_not_hold_are_refused_when_the_pipeline_is_built() -> None:
    by_name = {stage.name: stage for stage in STAGES}
    twice = replace(by_name["citations"], assigns=("citations", "works"))
    with pytest.raises(ContractError, match="citations and bibliography both assign works"):
        check_contracts([s if s.name != "citations" else twice for s in STAGES])
    early = [by_name["paragraphs"], by_name["linking"], by_name["mentions"]]
    with pytest.raises(ContractError, match="linking reads glossary before any stage assigns"):
        check_contracts(early)
    with pytest.raises(ContractError, match="no stage assigns"):
        check_contracts(STAGES[:-1])


def test_a_stage_that_writes_a_kind_it_does_not_assign_is_stopped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def sneaky(doc: Document, settings: fontes.Settings) -> None:
        doc.works.append(Work(id="work-x", start=0, end=1, title="x"))

    stages = [replace(s, run=sneaky) if s.name == "dates" else s for s in STAGES]
    monkeypatch.setattr(pipeline, "STAGES", stages)
    with pytest.raises(ContractError, match="dates changed works, which it does not assign"):
        fontes.analyze(TEXT)


def test_works_known_only_from_a_citation_are_the_citation_stages_own() -> None:
    doc = fontes.analyze(TEXT + "\nLater (Vane, The Docks, p. 3).\n")
    assert all(work.listed for work in doc.works)
    assert doc.cited_works and not any(work.listed for work in doc.cited_works)
    assert doc.all_works == doc.works + doc.cited_works


def test_nothing_disabled_runs_every_stage() -> None:
    assert enabled_stages() == STAGES


def test_an_unknown_stage_is_refused_with_the_valid_names() -> None:
    with pytest.raises(ValueError, match="no stage named 'ner'") as raised:
        fontes.analyze(TEXT, disable=["ner"])
    assert ", ".join(NAMES) in str(raised.value)


def test_disabling_a_stage_a_later_one_requires_is_refused() -> None:
    with pytest.raises(ValueError) as raised:
        fontes.analyze(TEXT, disable=["mentions"])
    assert str(raised.value) == (
        "cannot disable 'mentions': 'linking', 'ocr', 'events' need it; disable those too"
    )
    with pytest.raises(ValueError, match="cannot disable 'paragraphs': 'pages', 'glossary', "):
        fontes.analyze(TEXT, disable=["paragraphs"])


def test_disabling_ocr_finds_no_garbles() -> None:
    full = fontes.analyze(TEXT)
    assert [TEXT[g.start : g.end] for g in full.garbles] == ["Ijniversity"]
    doc = fontes.analyze(TEXT, disable=["ocr"])
    assert doc.garbles == [] and not [f for f in doc.findings if f.category == "ocr"]
    assert doc.mentions == full.mentions and doc.citations == full.citations


def test_one_name_may_be_given_as_a_string() -> None:
    assert fontes.analyze(TEXT, disable="ocr").garbles == []


def test_disabling_the_entity_stages_leaves_the_structure() -> None:
    doc = fontes.analyze(TEXT, disable=ENTITY_STAGES)
    assert not (doc.mentions or doc.entities or doc.garbles or doc.events)
    assert doc.citations and doc.glossary and doc.works and doc.quotations


def test_a_bad_disable_is_refused_before_the_file_is_read(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no stage named 'nope'"):
        fontes.analyze_file(tmp_path / "missing.txt", disable=["nope"])
    with pytest.raises(fontes.InputError):
        fontes.analyze_file(tmp_path / "missing.txt", disable=["ocr"])


def test_the_settings_name_the_model() -> None:
    with pytest.raises(ModelError, match=r"no spaCy model found \(tried no_such_model_pkg\)"):
        fontes.analyze(TEXT, settings=fontes.Settings(spacy_model="no_such_model_pkg"))
    assert nlp.model_name() in nlp.DEFAULT_MODELS  # passed to the stage, never kept


def test_the_library_reads_no_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FONTES_SPACY_MODEL", "no_such_model_pkg")
    assert fontes.analyze(TEXT).mentions  # the command line reads it; the library does not


def test_the_settings_are_frozen() -> None:
    settings = fontes.Settings(spacy_model="x")
    with pytest.raises(AttributeError):
        settings.spacy_model = "y"  # type: ignore[misc]
    assert fontes.Settings() == fontes.Settings(spacy_model=None)
