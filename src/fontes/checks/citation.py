"""Citation checks: references that cannot be followed to a work."""

from __future__ import annotations

from collections.abc import Iterator
from typing import assert_never

from fontes.checks.registry import Problem, rule
from fontes.model import Category, Citation, Document, Reference, Severity, Unresolved

_SHORT_FORM = {
    Reference.IBID: "ibid.",
    Reference.IDEM: "idem",
    Reference.OP_CIT: "op. cit.",
    Reference.LOC_CIT: "loc. cit.",
}


@rule("CI001", "unresolved-citation", Category.CITATION, Severity.ERROR)
def unresolved_citation(doc: Document) -> Iterator[Problem]:
    """A short form or an author-date citation that cannot be traced to a work.

    The short forms: *ibid.*, *idem*, *op. cit.*, *loc. cit.*; an author-date citation of a
    listed author whose year none of their works has.

    Why it matters: these short forms only mean something relative to an earlier citation or
    a bibliography. When that is missing or ambiguous, the claim has no checkable source.

    Example: `(Ibid., p. 12)` as the first citation of a chapter; `Smith, op. cit.` when the
    bibliography lists two books by Smith; `(Smith 1991, 14)` when it lists Smith 1990 and
    Smith 1992.

    Premise: a short form, or an author-date citation whose author the bibliography lists.
    """
    for citation in doc.citations:
        reason = unresolved_reason(doc, citation)
        if reason is not None and (
            citation.reference in _SHORT_FORM or citation.unresolved is Unresolved.NO_YEAR
        ):
            form = _SHORT_FORM.get(citation.reference) or doc.spoken(citation).strip("()")
            yield Problem(
                citation.start,
                citation.end,
                f"'{form}' cannot be resolved: {reason}",
                "give the author and short title of the work meant",
            )


def unresolved_reason(doc: Document, citation: Citation) -> str | None:
    """Why `citation` has no work (`Citation.unresolved`), in words; None when nothing is amiss.

    CI001 reports it, and the dossier publishes it as the citation's `unresolved`.
    """
    match citation.unresolved:
        case None:
            return None
        case Unresolved.NO_PRECEDING:
            return "no citation precedes it, so there is nothing for it to repeat"
        case Unresolved.PRECEDING_UNRESOLVED:
            return "the citation it repeats could not be resolved either"
        case Unresolved.PRECEDING_SEVERAL:
            return f"the note before it cites {_works(doc, citation.candidates)}"
        case Unresolved.NO_AUTHOR:
            return "it names no author, so the work cannot be identified"
        case Unresolved.AMBIGUOUS:
            return f"there are {_works(doc, citation.candidates, by=citation.author)}"
        case Unresolved.NO_WORK:
            return f"no work by {citation.author} is cited before it or listed"
        case Unresolved.NO_YEAR:
            return (
                f"none of the {_works(doc, citation.candidates, by=citation.author)} "
                f"is of {citation.year}"
            )
        case unknown:
            assert_never(unknown)


def _works(doc: Document, ids: list[str], by: str | None = None) -> str:
    """`2 works (Tremayne, Hilda: 'Wages and Tides' (1961); ...)`, `by` their author."""
    works = {work.id: work for work in doc.all_works}
    titles = "; ".join(works[id_].label() for id_ in ids)
    return f"{len(ids)} works{f' by {by}' if by else ''} ({titles})"


@rule("CI002", "citation-not-in-bibliography", Category.CITATION, Severity.WARNING)
def citation_not_in_bibliography(doc: Document) -> Iterator[Problem]:
    """A cited work that the document's bibliography does not list (reported once a work).

    Why it matters: the bibliography is where a reader finds the full details of a source;
    a citation outside it cannot be looked up, and often signals a misremembered title.

    Example: a note citing `Marlow, The Long Quay (Bristol, 1974)` in a document whose
    bibliography lacks Marlow.

    Premise: the document has a bibliography (at least one listed work); without one, every
    cited work would be "not in it".
    """
    if not any(work.listed for work in doc.all_works):
        return
    works = {work.id: work for work in doc.all_works}
    reported: set[str] = set()
    for citation in doc.citations:
        work = works.get(citation.work or "")
        if work is not None and not work.listed and work.id not in reported:
            reported.add(work.id)
            yield Problem(
                citation.start,
                citation.end,
                f"cited work {work.label()} is not in the bibliography",
                "add it to the bibliography or correct the citation",
            )


@rule("CI003", "uncited-bibliography-entry", Category.CITATION, Severity.INFO)
def uncited_bibliography_entry(doc: Document) -> Iterator[Problem]:
    """A bibliography entry that no citation in the text refers to.

    Why it matters: often harmless (further reading), but in an edited or abridged text it
    shows which sources the surviving passages no longer use.

    Example: `Pryce, Eleanor: 'Ships and Wages'; Cardiff; 1962.` listed but never cited.

    Premise: the text's citations were read and reach the bibliography (at least one cites a
    listed work); a bibliography beside notes fontes could not read is not "never cited".
    """
    works = {work.id: work for work in doc.all_works}
    cited = {citation.work for citation in doc.citations}
    if not any(work_id in works and works[work_id].listed for work_id in cited):
        return
    for work in doc.all_works:
        if work.listed and work.complete and work.id not in cited:
            yield Problem(work.start, work.end, f"bibliography entry {work.label()} is never cited")
