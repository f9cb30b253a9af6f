"""Pathological but fair texts: every stage and every export answers, none crashes.

Each text is small, so the suite stays fast; the benchmark `bench/bench_linearity.py`
measures the same shapes at sizes where quadratic work would show.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest
from lxml import etree

from fontes import analyze
from fontes.export.dossier import to_dossier
from fontes.export.graph import to_graphml
from fontes.export.report import render_report
from fontes.export.tables import TABLES, write_tables
from fontes.export.tei import to_tei


def _capitalised_words(size: int) -> str:
    """One paragraph of names and capitalised words, as newspaper OCR without breaks."""
    rng = random.Random(9)
    forenames = ["Anna", "Boris", "Clara", "Dmitri", "Edith", "Felix", "Greta", "Hugo"]
    surnames = ["Adler", "Brandt", "Corvin", "Dahl", "Engel", "Falk", "Gorski", "Holm"]
    words: list[str] = []
    while sum(map(len, words)) + len(words) < size:
        pick = rng.random()
        if pick < 0.3:
            words.append(f"{rng.choice(forenames)} {rng.choice(surnames)}")
        elif pick < 0.6:
            words.append(rng.choice(surnames))
        else:
            words.append(rng.choice(["Mr.", "The", "Of", "And", "Company", "Board", "Quay"]))
    return " ".join(words)[:size]


HOSTILE = {
    "one-paragraph-of-names": _capitalised_words(20_000),
    "asterisks": "*" * 5_000,
    "open-parentheses": "(" * 5_000,
    "colons": ":" * 5_000,
    "nested-parentheses": "(" * 500 + "Smith 1901" + ")" * 500,
    "quotes": '"' * 2_000 + "'" * 2_000,
    "ellipses": "... " * 5_000,
    "note-markers": "word.[1] " * 2_000 + "\n\nNotes\n\n" + "1. Ibid.\n" * 200,
    "other-digits": "The board met.^\u0663 [\u0663] \u00b3\u00b9\n\n[\u0663] Ibid., p. \u0664.\n",
    "one-long-line": "a" * 50_000,
    "one-word-per-line": "\n".join(["Smith"] * 2_000),
    "blank-lines": "\n" * 20_000 + "The end.",
    "crlf-and-cr": "A line.\r\nAnother.\rA third.\r\n\r\n" * 500,
    "years": " ".join(str(year) for year in range(1000, 3000)),
    "ranges": " ".join(f"({y}-{y - 7})" for y in range(1500, 2000)),
    "glossary-shapes": "SMITH, John, clerk (1850-1910); porter (1880-85).\n\n" * 300,
    "bibliography-shapes": "Bibliography\n\n" + "Smith, John: 'A Title'; London; 1901.\n" * 500,
    "citations": "(Smith: op. cit.; p. 4) (ibid.; p. 5) (Smith 1901: 4) " * 500,
    "right-to-left": "\u0642\u0627\u0644 \u0627\u0644\u0631\u062c\u0644 (\u0661\u0669). " * 999,
    "combining-marks": "e\u0301" * 10_000,
    "control-characters": "".join(chr(c) for c in range(1, 32) if c not in (10, 13)) * 200,
    "private-use-and-astral": "\ue000\U0001f600\U00010348 " * 3_000,
    "lone-surrogates": "John Smith \udc80 met \ud800 Mary Jones in 1901.",
    "byte-order-marks": "\ufeff" * 3 + "Text.\ufeff More.",
}


@pytest.mark.parametrize("name", HOSTILE)
def test_every_stage_and_export_answers(name: str) -> None:
    text = HOSTILE[name]
    doc = analyze(text)
    for record in [*doc.mentions, *doc.times, *doc.citations, *doc.findings, *doc.notes]:
        assert 0 <= record.start <= record.end <= len(text), record
    to_dossier(doc)
    assert render_report(doc).startswith("<!DOCTYPE html>")
    etree.fromstring(to_tei(doc))
    etree.fromstring(to_graphml(doc))
    with tempfile.TemporaryDirectory() as folder:
        assert len(write_tables(doc, Path(folder))) == len(TABLES)
