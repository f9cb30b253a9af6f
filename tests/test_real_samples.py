"""End to end on the real dev set (`../shared/samples/real/`): every command answers on every
text, as a user's first run does. What fontes should find there is judged elsewhere, by
reading; here no document may crash a command or stop the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from fontes.cli import app
from fontes.export.tables import TABLES

REAL = Path(__file__).parents[1].parent / "shared" / "samples" / "real"
SAMPLES = sorted(REAL.glob("*.txt")) if REAL.is_dir() else []

pytestmark = pytest.mark.skipif(not SAMPLES, reason=f"no real samples at {REAL}")


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem[:12] for p in SAMPLES])
def test_report_and_exports_exit_0_and_leave_the_input_alone(sample: Path, tmp_path) -> None:
    before = sample.read_bytes()
    runner = CliRunner()
    commands = [
        ["report", str(sample), "-o", str(tmp_path / "report.html")],
        ["export", str(sample), "--format", "csv", "-o", str(tmp_path / "tables")],
    ]
    for command in commands:
        result = runner.invoke(app, command)
        assert result.exit_code == 0, (command[0], result.output)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'id="network-svg"' in html
    assert len(list((tmp_path / "tables").iterdir())) == len(TABLES)
    assert sample.read_bytes() == before
