"""Source-dependence checks: how many independent sources the claims rest on."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from fontes.checks.registry import Problem, rule
from fontes.model import Category, Document, Severity

_MIN_CITATIONS = 3


@rule("SD001", "single-source", Category.SOURCE_DEPENDENCE, Severity.WARNING)
def single_source(doc: Document) -> Iterator[Problem]:
    """Every citation in the document rests on one and the same work.

    Why it matters: a narrative documented from a single source inherits all its biases and
    errors; when that source is, say, the official record of a trial, nothing in the text
    checks it against an independent account, whatever the bibliography lists.

    Example: five citations, all to the published transcript edited by one editor.

    Premise: at least three citations were resolved to works, and all to the same one.
    """
    cited = Counter(c.work for c in doc.citations if c.work is not None)
    if len(cited) != 1:
        return
    ((work_id, count),) = cited.items()
    if count < _MIN_CITATIONS:
        return
    work = next(w for w in doc.all_works if w.id == work_id)
    others = sum(1 for w in doc.all_works if w.listed and w.complete and w.id != work_id)
    listed = f"; the other {others} works in the bibliography are never cited" if others else ""
    anchor = work if work.listed else next(c for c in doc.citations if c.work == work_id)
    yield Problem(
        anchor.start,
        anchor.end,
        f"all {count} citations rest on one work, {work.label()}{listed}",
        "check the claims against an independent source",
    )
