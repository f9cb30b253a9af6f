"""Lint reports: each finding with its printed page where the text shows one."""

from __future__ import annotations

import json

import fontes
from fontes.checks import RULES
from fontes.export.lint import json_report, sarif_report, text_report
from fontes.model import Document


def test_a_finding_on_a_printed_page_says_so(printed: Document) -> None:
    lines = text_report([printed]).splitlines()
    pages = [printed.page_label(f.start) for f in printed.findings]
    assert pages and any(pages)
    for line, page in zip(lines, pages, strict=True):
        assert line.endswith(f" (p. {page})") if page else "(p. " not in line


def test_json_and_sarif_carry_the_page(printed: Document) -> None:
    records = json.loads(json_report([printed]))
    results = json.loads(sarif_report([printed], RULES.values(), "0"))["runs"][0]["results"]
    pages = [printed.page_label(f.start) for f in printed.findings]
    assert [record["page"] for record in records] == pages
    assert [result["properties"].get("page") for result in results] == pages


def test_a_text_without_pages_reads_as_before() -> None:
    doc = fontes.analyze("The quay was rebuilt.[3] The men came back.[1]\n\n[1] Keast, Quays, 4.\n")
    (line,) = text_report([doc]).splitlines()
    assert line.endswith("note marker 3 has no note")


def test_a_weighed_finding_carries_its_confidence_and_sarif_ranks_it() -> None:
    doc = fontes.analyze("He taught at the Ijniversity for years. The board resolved that the\n")
    (score,) = [g.score for g in doc.garbles]
    assert {f.rule: f.confidence for f in doc.findings} == {"OC001": score, "TR001": None}
    records = {r["rule"]: r for r in json.loads(json_report([doc]))}
    assert (records["OC001"]["confidence"], records["TR001"]["confidence"]) == (score, None)
    results = json.loads(sarif_report([doc], RULES.values(), "0"))["runs"][0]["results"]
    ranks = {result["ruleId"]: result.get("rank") for result in results}
    assert ranks == {"OC001": round(100 * score, 1), "TR001": None}


def test_a_finding_in_a_paged_source_gives_its_page_line_and_column(scanned: Document) -> None:
    lines = text_report([scanned]).splitlines()
    assert lines[1] == "scan.hocr:p.42:1:61: XR003 [error] note marker 5 has no note"
    assert lines[-1].startswith("scan.hocr:#4:1:46: CH008 [warning] 'June 31' is no date")


def test_sarif_shows_a_paged_findings_words_page_and_box(scanned: Document) -> None:
    results = json.loads(sarif_report([scanned], RULES.values(), "0"))["runs"][0]["results"]
    for finding, result in zip(scanned.findings, results, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["snippet"]["text"] == scanned.excerpt(finding)
        page, box = scanned.source.box_of(finding.start, finding.end) or (None, None)
        assert page is not None and box is not None
        assert result["properties"]["sourcePage"] == page
        assert result["properties"]["box"] == [box.left, box.top, box.right, box.bottom]
