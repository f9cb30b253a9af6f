"""The hand-made gold annotations in `tests/gold/` are consistent with their texts.

Each gold file annotates one text (a real cut in `tests/data/real/` or an example in
`examples/`): its notes, note markers, bibliography entries and citations, by character offsets
into the text as Python reads it (`newline=""`, so CRLF stays). Here every span must still hold
the text recorded with it and every link must point at something that exists; nothing here runs
fontes or judges what it finds (`bench/bench_apparatus.py` measures that).
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parents[1]
GOLD = ROOT / "tests" / "gold"
FILES = sorted(GOLD.glob("*.json"))
KINDS = {"full", "short", "ibid", "op-cit", "loc-cit", "idem", "author-date"}
REFERENCES = {"short", "ibid", "op-cit", "loc-cit", "idem"}


def load(path: Path) -> tuple[dict[str, Any], str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    with open(ROOT / gold["text"], encoding="utf-8", newline="") as f:
        return gold, f.read()


def spans(gold: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every record of the gold that carries start/end/text, with where it is."""
    found: list[tuple[str, dict[str, Any]]] = []
    for kind in ("notes", "markers", "bibliography", "citations", "skip", "date_headings"):
        found += [(f"{kind}[{i}]", record) for i, record in enumerate(gold.get(kind, []))]
    for i, page in enumerate(gold.get("printed_pages", [])):
        if page["running_head"]:
            found.append((f"printed_pages[{i}].running_head", page["running_head"]))
    return found


def test_there_is_gold() -> None:
    assert len(FILES) >= 7


@pytest.mark.parametrize("path", FILES, ids=[p.stem[:24] for p in FILES])
def test_the_gold_describes_its_text(path: Path) -> None:
    gold, text = load(path)
    assert gold["schema"] == "fontes-gold/1"
    assert gold["sha256"] == hashlib.sha256((ROOT / gold["text"]).read_bytes()).hexdigest()
    assert gold["chars"] == len(text)


@pytest.mark.parametrize("path", FILES, ids=[p.stem[:24] for p in FILES])
def test_every_span_holds_its_text(path: Path) -> None:
    gold, text = load(path)
    for where, record in spans(gold):
        assert 0 <= record["start"] < record["end"] <= len(text), where
        assert text[record["start"] : record["end"]] == record["text"], where
    for i, note in enumerate(gold["notes"]):
        assert note["start"] <= note["body_start"] < note["body_end"] <= note["end"], i
        assert text[note["body_start"] : note["body_end"]] == note["body"], i
    for planted in gold.get("planted", []):
        if "start" in planted:
            assert 0 <= planted["start"] < planted["end"] <= len(text)


@pytest.mark.parametrize("path", FILES, ids=[p.stem[:24] for p in FILES])
def test_every_link_points_at_something(path: Path) -> None:
    gold, _ = load(path)
    notes = {n["id"]: n for n in gold["notes"]}
    entries = {b["id"] for b in gold["bibliography"]}
    works = {w["id"]: w for w in gold["works"]}
    citations = {c["id"]: c for c in gold["citations"]}
    for kind in ("notes", "markers", "bibliography", "works", "citations"):
        ids = [record["id"] for record in gold[kind]]
        assert len(ids) == len(set(ids)), kind
    for marker in gold["markers"]:
        assert marker["note"] is None or marker["note"] in notes, marker["id"]
    for work in gold["works"]:
        assert work["entry"] is None or work["entry"] in entries, work["id"]
        if work["first_citation"] is not None:
            assert citations[work["first_citation"]]["work"] == work["id"]
    for c in gold["citations"]:
        assert c["kind"] in KINDS, c["id"]
        assert all(isinstance(page, str) and page for page in c["pages"]), c["id"]
        if c["note"] is not None:
            note = notes[c["note"]]
            assert note["body_start"] <= c["start"] and c["end"] <= note["body_end"], c["id"]
        if c["work"] is None:
            assert c["resolves_to"] is None
            continue
        work = works[c["work"]]
        if work["entry"] is not None:
            assert c["resolves_to"] == {"entry": work["entry"]}, c["id"]
        else:
            first = citations[work["first_citation"]]
            assert c["resolves_to"] == {"citation": first["id"], "note": first["note"]}, c["id"]
    for planted in gold.get("planted", []):
        assert planted.get("citation") is None or planted["citation"] in citations
        assert planted.get("entry") is None or planted["entry"] in entries


@pytest.mark.parametrize("path", FILES, ids=[p.stem[:24] for p in FILES])
def test_bibliography_entries_are_complete(path: Path) -> None:
    gold, _ = load(path)
    for entry in gold["bibliography"]:
        assert isinstance(entry["authors"], list), entry["id"]
        assert all(isinstance(a, str) and a.strip() for a in entry["authors"]), entry["id"]
        assert isinstance(entry["title"], str) and entry["title"].strip(), entry["id"]
        assert entry["year"] is None or 1400 < entry["year"] < 2100, entry["id"]


@pytest.mark.parametrize("path", FILES, ids=[p.stem[:24] for p in FILES])
def test_markers_and_notes_agree(path: Path) -> None:
    """A marker carries its note's number; a note's spans do not overlap another's."""
    gold, _ = load(path)
    notes = {n["id"]: n for n in gold["notes"]}
    for marker in gold["markers"]:
        if marker["note"] is not None:
            assert notes[marker["note"]]["number"] == marker["number"], marker["id"]
            assert marker["text"].strip("[]^()") == marker["number"] or len(marker["text"]) == 1
    ordered = sorted(gold["notes"], key=lambda n: n["start"])
    for before, after in itertools.pairwise(ordered):
        assert before["end"] <= after["start"], (before["id"], after["id"])
    # each note is numbered once within its scope
    numbered = Counter((n.get("scope"), n["number"]) for n in gold["notes"])
    assert max(numbered.values(), default=1) == 1


@pytest.mark.parametrize("path", FILES, ids=[p.stem[:24] for p in FILES])
def test_ibid_points_where_the_citation_before_it_does(path: Path) -> None:
    """In reading order an ibid. has the work of the citation before it (unless ambiguous)."""
    gold, _ = load(path)
    position = {}
    for marker in gold["markers"]:
        if marker["note"] is not None:
            position.setdefault(marker["note"], marker["start"])
    citations = sorted(
        gold["citations"],
        key=lambda c: (
            position.get(c["note"], c["start"]) if c["note"] else c["start"],
            c["start"],
        ),
    )
    for previous, c in itertools.pairwise(citations):
        if c["kind"] == "ibid" and not c.get("ambiguous"):
            assert c["work"] == previous["work"], c["id"]
    for c in gold["citations"]:
        if c.get("ambiguous"):
            assert c["work"] is None and c["kind"] in {"ibid", "op-cit", "loc-cit", "idem"}


def test_the_gold_is_large_enough() -> None:
    """The issue's measure needs at least 60 bibliography entries across styles and 60
    ibid./short-form/op. cit. citations that resolve to a source other than themselves."""
    entries = references = notes = 0
    styles = set()
    for path in FILES:
        gold, _ = load(path)
        entries += len(gold["bibliography"])
        notes += len(gold["notes"])
        styles |= {b["kind"] for b in gold["bibliography"]}
        works = {w["id"]: w for w in gold["works"]}
        for c in gold["citations"]:
            if c["kind"] not in REFERENCES:
                continue
            work = works.get(c["work"]) if c["work"] else None
            if work is None or work["entry"] is not None or work["first_citation"] != c["id"]:
                references += 1
    assert entries >= 60 and references >= 60 and notes >= 150
    assert {"book", "article", "newspaper", "archival"} <= styles


def test_every_real_text_has_gold_and_a_header_line() -> None:
    real = sorted((ROOT / "tests" / "data" / "real").glob("[0-9]*"))
    described = (ROOT / "tests" / "data" / "real" / "README.md").read_text(encoding="utf-8")
    annotated = {json.loads(p.read_text(encoding="utf-8"))["text"] for p in FILES}
    assert real
    for path in real:
        assert f"tests/data/real/{path.name}" in annotated, path.name
        assert path.name in described, path.name
        with open(path, encoding="utf-8", newline="") as f:
            assert f.readline().startswith("[... fontes test cut: "), path.name
