"""The dossier: derived from the model's record kinds, loadable back, unchanged on the golden texts.

`tests/golden/` holds the dossiers of the example and the shared sample as fontes wrote them
before the dossier was derived from the model; only the fields added since may differ.
"""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import fontes
from fontes.export.dossier import (
    DOSSIER,
    SCHEMA,
    Dossier,
    DossierError,
    derived_schema,
    load_dossier,
    load_schema,
    to_dossier,
)
from fontes.export.kinds import DEFINITIONS, KINDS
from fontes.export.tables import COLUMNS, SPECS
from fontes.model import Document, Note, NoteMarker, PageRange, Reference, Severity

ROOT = Path(__file__).parents[2]
GOLDEN = ROOT / "tests" / "golden"
TEXTS = {
    "dock-strike": ROOT / "examples" / "dock-strike.txt",
    "industrial-party": ROOT.parent / "shared" / "samples" / "industrial-party.txt",
}
# Fields the dossier gained after the golden files were written, by record kind; and the
# record kinds it gained, at the top level (neither golden text shows a page, so every
# `page` is null there).
# Where a record lies in a paged source (null in plain text).
_IN_SOURCE = {"source_page", "box"}
ADDED = {
    "findings": {"fingerprint", "page", "confidence", *_IN_SOURCE},
    "citations": {"locus", "page", *_IN_SOURCE},
    "notes": {"page", "markers", *_IN_SOURCE},
    "cross_references": {"mark"},
    "quotations": _IN_SOURCE,
    "times": _IN_SOURCE,
}
# Each entity's mentions gained them too.
ENTITY_KEYS = ("people", "organisations", "places")
ADDED_KINDS = {"pages", "furniture", "source_pages"}


@pytest.fixture(scope="module", params=sorted(TEXTS))
def analysed(request: pytest.FixtureRequest) -> tuple[str, Document]:
    path = TEXTS[request.param]
    if not path.exists():
        pytest.skip(f"{path} not found (../shared is absent)")
    return request.param, fontes.analyze_file(path)


def test_the_shipped_schema_is_the_one_the_record_kinds_derive() -> None:
    assert load_schema() == derived_schema(), "dossier.schema.json is stale: run `make schema`"
    jsonschema.Draft202012Validator.check_schema(load_schema())


def test_every_published_kind_has_a_schema_of_its_own() -> None:
    definitions = load_schema()["$defs"]
    assert not set(DEFINITIONS) & {kind.name for kind in KINDS.values()}  # none shadows a type
    for kind in KINDS.values():
        properties = definitions[kind.name]["properties"]
        assert list(properties) == [f.key for f in kind.fields]
        assert [f.name for f in fields(kind.record)] == [f.key for f in kind.fields]


def test_the_dossier_is_the_golden_one_but_for_the_added_fields(
    analysed: tuple[str, Document],
) -> None:
    name, doc = analysed
    golden = json.loads((GOLDEN / f"{name}.dossier.json").read_text(encoding="utf-8"))
    dossier = to_dossier(doc)
    assert dossier["schema"] == SCHEMA
    for data in (golden, dossier):
        del data["schema"]
        data["source"]["path"] = None  # the golden files were written from another folder
    for key, added in ADDED.items():
        for record in dossier[key]:
            assert added <= set(record)
            for field in added:
                del record[field]
    for key in ENTITY_KEYS:
        for entity in dossier[key]:
            for mention in entity["mentions"]:
                assert mention.pop("source_page") is None and mention.pop("box") is None
    assert dossier["source"].pop("format") == "text"
    assert set(dossier) - set(golden) == ADDED_KINDS
    for key in ADDED_KINDS:
        assert dossier.pop(key) == []
    assert dossier == golden


def test_the_dossier_validates_and_loads_back_as_typed_records(
    analysed: tuple[str, Document], tmp_path: Path
) -> None:
    _, doc = analysed
    path = tmp_path / "dossier.json"
    data = to_dossier(doc)
    path.write_text(json.dumps(data), encoding="utf-8")
    jsonschema.validate(data, load_schema())

    loaded = load_dossier(path)

    assert loaded.to_json() == data
    assert loaded == Dossier.of(doc)
    assert [w.year for w in loaded.works] == [w.year for w in doc.all_works]
    assert all(isinstance(f.severity, Severity) for f in loaded.findings)
    assert all(isinstance(c.reference, Reference) for c in loaded.citations)
    assert all(isinstance(p, PageRange) for c in loaded.citations for p in c.pages)
    assert all(isinstance(e.earliest, date | None) for e in loaded.events)
    assert [f.fingerprint for f in loaded.findings] == [f.fingerprint for f in doc.findings]
    with pytest.raises(AttributeError):
        loaded.no_such_records  # noqa: B018


def write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "dossier.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_a_file_that_is_not_a_dossier_of_this_version_is_refused(tmp_path: Path) -> None:
    data = to_dossier(fontes.analyze("Mary Halloran spoke at the dock gates in 1889."))
    with pytest.raises(DossierError, match="not a readable dossier"):
        load_dossier(write(tmp_path, "{not json"))
    with pytest.raises(
        DossierError, match=r"its schema is 'https://fontes\.dev/schema/dossier/1\.0'"
    ):
        load_dossier(write(tmp_path, {**data, "schema": "https://fontes.dev/schema/dossier/1.0"}))
    broken = {**data, "works": [{"id": "work-x"}]}
    with pytest.raises(DossierError, match="works/0"):
        load_dossier(write(tmp_path, broken))
    with pytest.raises(DossierError, match="not a readable dossier"):
        load_dossier(tmp_path / "missing.json")


def test_each_csv_column_is_a_field_of_its_kind_or_declared_by_the_table() -> None:
    for name, table in SPECS.items():
        published = {f.key for f in table.kind.fields}
        own = [f.key for f in table.fields() if f.key not in published]
        assert COLUMNS[name] == table.names
        boxes = {f"box_{side}" for side in ("left", "top", "right", "bottom")}
        assert set(own) <= {"roles", "mentions", "times_cited", "pages", "name", "text", *boxes}
        assert table.key in DOSSIER


def test_findings_citations_and_notes_carry_the_printed_page_they_begin_on(
    printed: Document,
) -> None:
    dossier = to_dossier(printed)
    assert [page["number"] for page in dossier["pages"]] == ["41", "42", "43", None]
    assert [(n["id"], n["page"], n["markers"]) for n in dossier["notes"]] == [
        ("note-1", "41", 1),
        ("note-2", "42", 2),  # its marker twice on its page
        ("note-3", "43", 1),
        ("note-4", "43", 0),
    ]
    # The page a citation is printed on, beside the pages it cites.
    citations = {c["text"]: c for c in dossier["citations"]}
    assert {text: (c["page"], c["note"], c["pages"]) for text, c in citations.items()} == {
        "(Volkov, Mills of Tver, p. 12)": ("41", None, [{"first": 12, "last": 12}]),
        "Volkov, Mills of Tver, p. 20.": ("41", "note-1", [{"first": 20, "last": 20}]),
        "Ibid., p. 31.": ("42", "note-2", [{"first": 31, "last": 31}]),
    }
    # A finding on the appendix, whose page prints no folio, has no page.
    assert [(f["rule"], f["page"]) for f in dossier["findings"]] == [
        ("SD001", "41"),
        ("XR003", "42"),
        ("XR004", "43"),
        ("CH008", None),
    ]


def test_a_dossier_with_pages_and_notes_validates_and_loads_back(
    printed: Document, tmp_path: Path
) -> None:
    data = to_dossier(printed)
    jsonschema.validate(data, load_schema())
    loaded = load_dossier(write(tmp_path, data))
    assert loaded == Dossier.of(printed)
    assert loaded.to_json() == data
    assert [(n.page, n.markers) for n in loaded.notes] == [
        ("41", 1),
        ("42", 2),
        ("43", 1),
        ("43", 0),
    ]
    assert [f.page for f in loaded.findings] == ["41", "42", "43", None]


def test_a_notes_markers_are_counted_again_when_markers_are_added() -> None:
    doc = Document("It rained.[1] It poured.[1]\n\nNotes\n\n[1] The log.\n")
    doc.notes.append(Note("note-1", "1", 36, 48, 40))
    doc.note_markers.append(NoteMarker("1", 10, 13, "note-1"))
    doc.note_markers.append(NoteMarker("9", 10, 13, None))  # a marker with no note
    assert [(n["text"], n["page"], n["markers"]) for n in to_dossier(doc)["notes"]] == [
        ("The log.", None, 1)
    ]
    doc.note_markers.append(NoteMarker("1", 24, 27, "note-1"))
    assert [n["markers"] for n in to_dossier(doc)["notes"]] == [2]


def test_every_finding_on_a_paged_source_has_its_page_and_a_box_over_its_words(
    scanned: Document,
) -> None:
    dossier = to_dossier(scanned)
    assert dossier["source"]["format"] == "hocr"
    assert [p["label"] for p in dossier["source_pages"]] == ["41", "42", "43", None]
    assert dossier["findings"]
    for finding, record in zip(scanned.findings, dossier["findings"], strict=True):
        words = scanned.source.words_in(finding.start, finding.end)
        on_page = [w for w in words if w.page == record["source_page"]]
        assert on_page and record["source_page"] == scanned.source.page_at(finding.start).index
        box = record["box"]
        for word in on_page:
            assert word.box is not None
            assert box["left"] <= word.box.left and box["top"] <= word.box.top
            assert box["right"] >= word.box.right and box["bottom"] >= word.box.bottom


def test_a_plain_text_has_no_source_pages_and_no_boxes() -> None:
    dossier = to_dossier(fontes.analyze("The quay was rebuilt in 1905.[3]\n"))
    assert dossier["source"]["format"] == "text" and dossier["source_pages"] == []
    assert all(f["source_page"] is None and f["box"] is None for f in dossier["findings"])
