"""The README documents the rules the code registers, kept in sync by this test."""

from __future__ import annotations

from pathlib import Path

from fontes.checks import RULES

README = Path(__file__).parents[1] / "README.md"


def rules_table() -> str:
    rows = [f"| {r.code} | {r.name} | {r.category} | {r.severity} |" for r in RULES.values()]
    return "\n".join(["| code | name | category | severity |", "|---|---|---|---|", *sorted(rows)])


def test_readme_rules_table_matches_the_registry() -> None:
    text = README.read_text(encoding="utf-8")
    table = text.split("<!-- rules:start -->\n", 1)[1].split("\n<!-- rules:end -->", 1)[0]
    assert table == rules_table(), "update the README's rules table from `fontes rules`"
