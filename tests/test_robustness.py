"""Whatever the input, `fontes check` answers with findings or one line of error, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from typer.testing import CliRunner

from fontes import analyze
from fontes.cli import app
from fontes.export.graph import to_graphml
from fontes.export.report import render_report
from fontes.export.tables import TABLES, write_tables
from fontes.export.tei import to_tei

# Pieces of apparatus, so that random texts reach deep into the readers, not just the edges.
FRAGMENTS = [
    "\n",
    "\n\n",
    "\r\n",
    ": ",
    ":",
    "*",
    "(",
    ")",
    "'",
    '"',
    "\u2019",
    "...",
    "[3]",
    "^2",
    "\u00b3",
    "; ",
    ", ",
    "(1900-10)",
    "(1993-1954)",
    "(1921-17)",
    "(b. 1850)",
    "SMITH, John, clerk (1850-1910); porter (1880-85).",
    "Smith, John (1850\u20131910): porter.",
    "Smith, John: 'A Title'; London; 1901.",
    "-- : 'Title'; Paris; 1931.",
    "Smith, John, A Title (London, 1901).",
    "(Smith: Title, in: Jones (Ed.): op. cit.; p. 209-10)",
    "(ibid.; p. 4)",
    "(Smith 1901: 4)",
    "Notes\n\n1. Ibid., p. 3.",
    "Bibliography\n\n",
    "The Quay (1901-03)\n",
    "John Smith*",
    " in: ",
    "op. cit.",
    "p. ",
    "\ufeff",
    "\u00a0",
    "^\u0663",
    "[\u0663]",
    "=HYPERLINK(",
    "@SUM(A1)",
]

texts = st.lists(st.one_of(st.text(max_size=40), st.sampled_from(FRAGMENTS)), max_size=40).map(
    "".join
)

_folder = tempfile.TemporaryDirectory()
_runner = CliRunner()


def _check_bytes(data: bytes) -> None:
    path = Path(_folder.name) / "input.txt"
    path.write_bytes(data)
    result = _runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2)
    if result.exit_code == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("fontes: error:"), result.stderr
        assert "internal error" not in lines[0]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_check_survives_random_bytes(data: bytes) -> None:
    _check_bytes(data)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_check_survives_random_unicode_texts(text: str) -> None:
    _check_bytes(text.encode("utf-8"))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_every_record_points_inside_the_text(text: str) -> None:
    doc = analyze(text)
    records = [
        *doc.sections,
        *doc.glossary,
        *doc.all_works,
        *doc.citations,
        *doc.quotations,
        *doc.cross_references,
        *doc.notes,
        *doc.mentions,
        *doc.times,
        *doc.events,
        *doc.findings,
    ]
    for record in records:
        assert 0 <= record.start <= record.end <= len(text), record
    for finding in doc.findings:
        line, column = doc.line_column(finding.start)
        assert (finding.line, finding.column) == (line, column)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_every_export_survives_random_texts(text: str) -> None:
    doc = analyze(text)
    html = render_report(doc)
    assert html.count("<script") == 2  # the data and the report's own script, nothing else
    etree.fromstring(to_tei(doc))
    etree.fromstring(to_graphml(doc))
    with tempfile.TemporaryDirectory() as folder:
        assert len(write_tables(doc, Path(folder))) == len(TABLES)
