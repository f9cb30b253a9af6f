"""The rule registry: every rule documented for a historian, selectable like ruff's."""

from __future__ import annotations

import re

import pytest

from fontes.checks import RULES, rule, selected_rules, unknown_selectors
from fontes.model import Category, Severity


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_explains_what_why_and_gives_an_example(code: str) -> None:
    doc = RULES[code].doc
    assert re.fullmatch(r"[A-Z]{2}[0-9]{3}", code)
    assert doc.splitlines()[0].endswith(".")
    assert "Why it matters:" in doc and "Example:" in doc


def test_codes_share_a_prefix_per_category() -> None:
    prefixes: dict[Category, set[str]] = {}
    for code, registered in RULES.items():
        prefixes.setdefault(registered.category, set()).add(code[:2])
    assert all(len(codes) == 1 for codes in prefixes.values())


def test_a_code_cannot_be_registered_twice() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        rule("XR001", "duplicate", Category.CROSS_REFERENCE, Severity.INFO)(lambda doc: [])


def test_selection_by_prefix_name_and_category() -> None:
    assert [r.code for r in selected_rules(["XR00"], ["XR002"])] == [
        "XR001",
        "XR003",
        "XR004",
        "XR005",
    ]
    assert [r.code for r in selected_rules(["elided-quotation"])] == ["QU001"]
    assert {r.category for r in selected_rules(["truncation"])} == {Category.TRUNCATION}
    assert unknown_selectors(["CI", "nonsense"]) == ["nonsense"]
