"""Checks: rules that read the document model and report findings, like a linter's."""

from fontes.checks import (
    chronology,
    citation,
    cross_reference,
    days,
    name_variant,
    ocr,
    quotation,
    source_dependence,
    truncation,
)
from fontes.checks.registry import RULES, Rule, rule, run_checks, selected_rules, unknown_selectors

__all__ = [
    "RULES",
    "Rule",
    "chronology",
    "citation",
    "cross_reference",
    "days",
    "name_variant",
    "ocr",
    "quotation",
    "rule",
    "run_checks",
    "selected_rules",
    "source_dependence",
    "truncation",
    "unknown_selectors",
]
