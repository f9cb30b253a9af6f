"""Lint reports of findings: text lines as compilers print them, JSON, and SARIF 2.1.0."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from fontes.checks import Rule
from fontes.export.dossier import FINDING
from fontes.export.positions import position
from fontes.model import Document, Finding, Severity

_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# The name of fontes' fingerprint among a result's partial fingerprints; versioned, as SARIF
# advises, so that a change of how it is computed is not mistaken for a changed finding.
FINGERPRINT_KEY = "fontes/context/v2"


def text_report(docs: Iterable[Document]) -> str:
    """`path:line:col: CODE [severity] message`, one finding a line, and `(p. 42)` after
    it where the text shows the printed page; in a paged source (a PDF, OCR output),
    `path:p.87:line:col:` (`path:#9:line:col:` where the page shows no number), the line
    counted on that page as its image shows it."""
    return "".join(
        f"{doc.path}:{_where(doc, f)}: {f.rule} [{f.severity}] {f.message}{_on_page(doc, f)}\n"
        for doc in docs
        for f in doc.findings
    )


def _where(doc: Document, finding: Finding) -> str:
    """`12:5`, the line and column in the text; in a paged source `p.87:12:5`, the printed
    page (`#9` where it shows no number), the line on that page and the column."""
    where = position(doc, finding.start)
    if where.on_page and where.page is not None:
        page = f"p.{where.page.label}" if where.page.label else where.page.number
        return f"{page}:{where.line}:{where.column}"
    return f"{where.line}:{where.column}"


def _on_page(doc: Document, finding: Finding) -> str:
    """` (p. 42)` after a finding in a text that shows its printed pages."""
    where = position(doc, finding.start)
    return f" ({where.page})" if where.page is not None and not where.on_page else ""


def json_report(docs: Iterable[Document]) -> str:
    records = [{"path": doc.path, **FINDING.json(doc, f)} for doc in docs for f in doc.findings]
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def sarif_report(
    docs: Iterable[Document],
    rules: Iterable[Rule],
    version: str,
    unreadable: Iterable[tuple[Path, str]] = (),
) -> str:
    """A SARIF log that code-scanning tools and editors can display.

    Files that could not be read are tool execution notifications, and make the invocation
    unsuccessful, so that a scan that skipped a file never looks like a clean one.
    """
    rules = list(rules)
    failures = [_sarif_notification(path, reason) for path, reason in unreadable]
    index = {rule.code: position for position, rule in enumerate(rules)}
    results = [_sarif_result(doc, finding, index) for doc in docs for finding in doc.findings]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "fontes",
                        "version": version,
                        "informationUri": "https://fontes.dev",
                        "rules": [_sarif_rule(rule) for rule in rules],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not failures,
                        "toolExecutionNotifications": failures,
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _sarif_notification(path: Path, reason: str) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": reason},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": path.as_posix()}}}],
    }


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {"category": str(rule.category)},
    }


def _sarif_result(doc: Document, finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    end_line, end_column = doc.line_column(max(finding.end, finding.start))
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": _SARIF_LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": Path(doc.path or "-").as_posix()},
                    "region": {
                        "startLine": finding.line,
                        "startColumn": finding.column,
                        "endLine": end_line,
                        "endColumn": end_column,
                        "charOffset": finding.start,
                        "charLength": finding.end - finding.start,
                    },
                }
            }
        ],
        # Code-scanning tools match results across runs by this, not by line.
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {"category": str(finding.category), "suggestion": finding.suggestion},
    }
    if page := doc.page_label(finding.start):
        result["properties"]["page"] = page  # the printed page, for a reader of the book
    if doc.source.paged:  # the words are in no line of the file: show them, and where they lie
        region = result["locations"][0]["physicalLocation"]["region"]
        region["snippet"] = {"text": doc.excerpt(finding)}
        if (source_page := doc.source.page_at(finding.start)) is not None:
            result["properties"]["sourcePage"] = source_page.index
        if (found := doc.source.box_of(finding.start, finding.end)) is not None:
            box = found[1]
            result["properties"]["box"] = [box.left, box.top, box.right, box.bottom]
    if finding.confidence is not None:
        result["rank"] = round(100 * finding.confidence, 1)  # SARIF's 0-100, for sorting
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    return result
