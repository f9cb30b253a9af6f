"""Finding fingerprints: the same finding keeps its fingerprint when the document is edited
elsewhere, and entity ids and fingerprints are the same in every run on the same text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import fontes
from fontes.model import Document

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "dock-strike.txt"

TEXT = (
    "Pavel Orlov* ran the mill from 1901. Sergei Volkov* met him at the works in 1905.\n\n"
    "Later, Ivan Petrov* wrote that 'the mill ... was lost'.\n\n"
    "ORLOV, Pavel A., miller (1861-1930).\n\n"
    "VOLKOV, Sergei, engineer (1880-1875).\n"
)
INSERTED = (
    "A new paragraph about the river trade in 1870, with Anna Petrova* and 'words ... cut'.\n\n"
)


def fingerprints(doc: Document) -> dict[str, tuple[str, str]]:
    """Each finding's fingerprint, with its rule and text, to compare across edits."""
    return {f.fingerprint: (f.rule, doc.excerpt(f)) for f in doc.findings}


def test_findings_keep_their_fingerprints_when_a_paragraph_is_inserted_before_them() -> None:
    before = fontes.analyze(TEXT)
    paragraph = TEXT.index("Later,")
    after = fontes.analyze(TEXT[:paragraph] + INSERTED + TEXT[paragraph:])

    assert before.findings, "the text must raise findings for this test to mean anything"
    old, new = fingerprints(before), fingerprints(after)
    assert len(old) == len(before.findings)  # unique within the document
    assert old.items() <= new.items()
    assert {f.rule for f in after.findings if f.fingerprint not in old} >= {"XR001"}
    moved = [f for f in after.findings if f.fingerprint in old and f.start > paragraph]
    assert moved and all(f.line > 2 for f in moved)  # same finding, now further down


def test_a_finding_whose_own_words_change_gets_a_new_fingerprint() -> None:
    before = fontes.analyze(TEXT)
    after = fontes.analyze(TEXT.replace("Ivan Petrov*", "Ivan Petrovsky*"))
    old = {f.fingerprint for f in before.findings if f.rule == "XR001" and f.start > 80}
    new = {f.fingerprint for f in after.findings if f.rule == "XR001" and f.start > 80}
    assert old and new and old.isdisjoint(new)


def test_the_same_finding_twice_in_one_paragraph_is_told_apart_by_rank() -> None:
    doc = fontes.analyze(
        "Boris Zhukov came.[7] Boris Zhukov came.[7] Boris Zhukov came.[7] He left.[1]\n\n"
        "[1] Keast, Quays, 4.\n"
    )
    prints = [f.fingerprint for f in doc.findings if f.rule == "XR003"]
    assert len(set(prints)) == len(prints) == 3


def run(seed: str) -> dict[str, list[str]]:
    script = (
        "import json, sys, fontes\n"
        "from fontes.export.dossier import to_dossier\n"
        "d = to_dossier(fontes.analyze_file(sys.argv[1]))\n"
        "print(json.dumps({k: [r.get('id') or r.get('fingerprint') for r in d[k]]"
        " for k in ('people', 'organisations', 'places', 'works', 'findings')}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(EXAMPLE)],
        env={**os.environ, "PYTHONHASHSEED": seed},
        capture_output=True,
        text=True,
        check=True,
    )
    ids: dict[str, list[str]] = json.loads(done.stdout)
    return ids


def test_ids_and_fingerprints_are_the_same_in_every_run_on_the_same_text() -> None:
    first, second = run("1"), run("2")
    assert first["people"] and first["findings"]
    assert first == second
