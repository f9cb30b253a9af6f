"""Checks on days: a day the month lacks, and a journal's entries out of order."""

from __future__ import annotations

import fontes
from fontes.model import Document


def found(doc: Document, rule: str) -> list[str]:
    return [doc.text[f.start : f.end] for f in doc.findings if f.rule == rule]


JOURNAL = (
    "_May 1, 1792._ A fine morning and the wind westerly.\n\n"
    "_May 4._ Rain all day.\n\n"
    "_May 12._ Still north-east and very cold.\n\n"
    "_May 9._ The wind came round in the night.\n\n"
    "_June 31._ Calm, and very hot.\n"
)


def test_a_day_the_month_does_not_have() -> None:
    doc = fontes.analyze(JOURNAL)
    assert found(doc, "CH008") == ["June 31"]


def test_days_a_month_has_and_counts_are_not_reported() -> None:
    doc = fontes.analyze(
        "On February 29 the ice broke. On the 30th of April the ships sailed, and by May 40 "
        "men had signed on. March 31 was a Sunday.\n"
    )
    assert found(doc, "CH008") == []


def test_an_entry_dated_before_the_one_above_it() -> None:
    doc = fontes.analyze(JOURNAL)
    assert found(doc, "CH009") == ["May 9"]
    (finding,) = [f for f in doc.findings if f.rule == "CH009"]
    assert "1792-05-09 follows one dated 1792-05-12" in finding.message


def test_paragraphs_opening_with_dates_out_of_order_are_no_journal_under_three() -> None:
    doc = fontes.analyze(
        "May 12, 1792. The ships sailed.\n\nMay 9, 1792. The owners had met three days before.\n"
    )
    assert found(doc, "CH009") == []
