"""Citations in parentheses and in numbered notes, parsed and resolved to works.

A citation is parsed into the cited author, title, an `in:` container, the reference word
(*ibid.*, *op. cit.*, *loc. cit.*, *idem*) and the pages (`p. 209-10` is 209–210). It is then
resolved in reading order: *ibid.* and *idem* to the previous citation's work, *op. cit.* and
*loc. cit.* to the work by that author cited before or, failing that, the only one listed in
the bibliography; a full reference to the bibliography entry it names. A full reference to a
work the bibliography lacks becomes a work of its own, so that later *ibid.*s still resolve.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from rapidfuzz import fuzz

from fontes.model import Citation, Document, PageRange, Reference, Unresolved, Work
from fontes.text.names import drop_editor_marks, fold, surname_of, unique_id
from fontes.text.periods import YEAR

_PAGE = r"(?:[0-9]+[a-z]?|[ivxlcdm]+)"
_PAGE_ITEM = rf"{_PAGE}(?:\s*-\s*{_PAGE})?(?:\s*ff?\.?)?"
_PAGES = re.compile(
    rf"[\s;,.:]*\b(?:pp?\.|pages?|s\.|col\.)\s*(?P<pages>{_PAGE_ITEM}(?:\s*(?:,|and|&)\s*{_PAGE_ITEM})*)"
    r"\s*\.?\s*$",
    re.IGNORECASE,
)
_AUTHOR_DATE = re.compile(
    rf"(?P<name>[A-Z][\w'\-]+(?:\s+(?:and|&)\s+[A-Z][\w'\-]+)?(?:\s+et al\.)?),?\s+"
    rf"(?P<year>{YEAR})[a-z]?(?:\s*[:,]\s*(?:pp?\.\s*)?(?P<pages>{_PAGE_ITEM}(?:\s*,\s*{_PAGE_ITEM})*))?"
)
_REFERENCE_WORDS = [
    (Reference.IBID, re.compile(r"\b(?:ibid(?:em)?|ib)\b\.?", re.IGNORECASE)),
    (Reference.OP_CIT, re.compile(r"\bop\.?\s*cit\b\.?", re.IGNORECASE)),
    (Reference.LOC_CIT, re.compile(r"\bloc\.?\s*cit\b\.?", re.IGNORECASE)),
    (Reference.IDEM, re.compile(r"\b(?:idem|eadem|id)\b\.?", re.IGNORECASE)),
]
_IN = re.compile(r",?\s+in:\s+", re.IGNORECASE)
_IMPRINT = re.compile(rf"\((?P<imprint>[^()]*?(?P<year>{YEAR})[a-z]?)\)")
_TITLE_MATCH = 80
_PARENTHESIS = re.compile(r"[()]")


def read_citations(doc: Document) -> None:
    """Parse parenthetical citations in the body and citations in notes, then resolve them."""
    found = [c for c in _parenthetical(doc) if _cites_listed_author(doc, c)]
    found += _in_notes(doc)
    reading_position: dict[str, int] = {}
    for marker in doc.note_markers:
        if marker.note is not None:
            reading_position.setdefault(marker.note, marker.start)
    found.sort(key=lambda c: reading_position.get(c.note or "", c.start))
    doc.citations.extend(resolve(doc, found))


def _parenthetical(doc: Document) -> Iterator[Citation]:
    for paragraph in doc.paragraphs:
        if doc.in_apparatus(paragraph.start):
            continue
        for start, end in _balanced_parentheses(doc.folded, paragraph.start, paragraph.end):
            citation = parse_citation(doc.folded[start + 1 : end - 1], start, end)
            if citation is not None:
                doc.apparatus.add(citation)
                yield citation


def _cites_listed_author(doc: Document, citation: Citation) -> bool:
    """`(Moscow 1930)` reads like an author-date citation; only a listed author makes it one."""
    if citation.reference is not Reference.AUTHOR_DATE:
        return True
    surname = fold(surname_of(citation.author or ""))
    return any(surname in (fold(s) for s in work.surnames) for work in doc.works)


def _in_notes(doc: Document) -> Iterator[Citation]:
    for note in doc.notes:
        text = doc.folded[note.text_start : note.end]
        citation = parse_citation(text, note.text_start, note.end)
        if citation is not None:
            yield replace(citation, note=note.id)


def _balanced_parentheses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Outermost parenthesised spans, allowing nesting such as `(Marlow (Ed.): ...)`."""
    depth, opened = 0, 0
    for match in _PARENTHESIS.finditer(text, start, end):
        if match[0] == "(":
            if depth == 0:
                opened = match.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                yield opened, match.end()


def parse_citation(text: str, start: int, end: int) -> Citation | None:
    """Read `text` as a citation, or None when it cites nothing."""
    core = text.strip()
    pages: list[PageRange] = []
    if match := _PAGES.search(core):
        pages = parse_pages(match["pages"])
        core = core[: match.start()]
    reference = Reference.FULL
    for kind, pattern in _REFERENCE_WORDS:
        if pattern.search(core):
            reference = kind
            core = pattern.sub(" ", core)
            break
    if reference is Reference.FULL and not _IMPRINT.search(core):
        citation = _author_date(core, start, end)
        if citation is not None or not pages:
            return replace(citation, pages=pages) if citation is not None and pages else citation
    contribution_author = contribution_title = year = None
    contribution, *container = _IN.split(core, maxsplit=1)
    if container:  # `Author: Title, in: Editor (Ed.): Book`
        contribution_author, _, contribution_title = contribution.partition(":")
        contribution_title = contribution_title.strip() or None
        core = container[0]
    if imprint := _IMPRINT.search(core):
        year = int(imprint["year"])
        core = core[: imprint.start()] + core[imprint.end() :]
    core = drop_editor_marks(core).strip(" ,.;:")
    author = title = None
    parts = re.split(r"\s*[:,]\s*", core, maxsplit=1)
    if len(parts) == 2:
        author, title = parts[0].strip() or None, parts[1].strip(" '\"") or None
    elif core and (reference is not Reference.FULL or _looks_like_name(core)):
        author = core
    elif core:
        title = core.strip(" '\"")
    if reference is Reference.FULL and author is None and title is None:
        return None
    return Citation(
        start=start,
        end=end,
        reference=reference,
        author=author,
        title=title,
        year=year,
        contribution_author=contribution_author,
        contribution_title=contribution_title,
        pages=pages,
    )


def _author_date(core: str, start: int, end: int) -> Citation | None:
    match = _AUTHOR_DATE.fullmatch(core.strip(" ,.;"))
    if match is None:
        return None
    return Citation(
        start=start,
        end=end,
        reference=Reference.AUTHOR_DATE,
        author=match["name"],
        year=int(match["year"]),
        pages=parse_pages(match["pages"]) if match["pages"] else [],
    )


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 4 and all(word[:1].isupper() for word in words)


def parse_pages(text: str) -> list[PageRange]:
    """`20, 26, 36` → three pages; `209-10` → 209–210; `107-09` → 107–109."""
    ranges = []
    for item in re.split(r"\s*(?:,|\band\b|&)\s*", text.strip()):
        item = re.sub(r"\s*ff?\.?$", "", item)
        if not item:
            continue
        first, _, last = (part.strip() for part in item.partition("-"))
        if last.isdigit() and first.isdigit() and len(last) < len(first):
            last = first[: len(first) - len(last)] + last
        ranges.append(PageRange(first=first, last=last or first))
    return ranges


def resolve(doc: Document, citations: list[Citation]) -> list[Citation]:
    """Each citation with its work, or the code of the reason it has none (`Unresolved`).

    A work that a citation names but no bibliography lists becomes one of `doc.cited_works`.
    """
    taken = {work.id for work in doc.works}
    works = {work.id: work for work in doc.works}
    previous: Citation | None = None
    last_by_author: dict[str, str] = {}
    resolved = []
    for citation in citations:
        if citation.reference in (Reference.IBID, Reference.IDEM) and not citation.title:
            citation = _resolve_ibid(citation, previous)
        elif citation.reference in (Reference.OP_CIT, Reference.LOC_CIT):
            citation = _resolve_op_cit(doc, citation, last_by_author)
        else:
            citation = _resolve_full(doc, citation, taken)
            works.update((work.id, work) for work in doc.all_works[len(works) :])
        if citation.work is not None:
            for surname in works[citation.work].surnames:
                last_by_author[fold(surname)] = citation.work
        resolved.append(citation)
        previous = citation
    return resolved


def _resolve_ibid(citation: Citation, previous: Citation | None) -> Citation:
    if previous is None:
        return replace(citation, unresolved=Unresolved.NO_PRECEDING)
    if previous.work is None:
        return replace(citation, unresolved=Unresolved.PRECEDING_UNRESOLVED)
    return replace(citation, work=previous.work)


def _resolve_op_cit(doc: Document, citation: Citation, last_by_author: dict[str, str]) -> Citation:
    if not citation.author:
        return replace(citation, unresolved=Unresolved.NO_AUTHOR)
    surname = fold(surname_of(citation.author))
    if surname in last_by_author:
        return replace(citation, work=last_by_author[surname])
    candidates = [w for w in doc.all_works if surname in (fold(s) for s in w.surnames)]
    if len(candidates) == 1:
        return replace(citation, work=candidates[0].id)
    if candidates:
        ids = [w.id for w in candidates]
        return replace(citation, unresolved=Unresolved.AMBIGUOUS, candidates=ids)
    return replace(citation, unresolved=Unresolved.NO_WORK)


def _resolve_full(doc: Document, citation: Citation, taken: set[str]) -> Citation:
    surname = fold(surname_of(citation.author)) if citation.author else None
    best, best_score = None, 0.0
    for work in doc.all_works:
        by_author = surname is not None and surname in (fold(s) for s in work.surnames)
        score = (
            fuzz.token_set_ratio(fold(citation.title), fold(work.title)) if citation.title else 0
        )
        if by_author and (
            score >= _TITLE_MATCH
            or (citation.year is not None and citation.year == work.year)
            or not citation.title
        ):
            score += 100
        if score > best_score and (by_author or score >= _TITLE_MATCH):
            best, best_score = work, score
    if best is not None:
        return replace(citation, work=best.id)
    # A work the citation names but no bibliography lists: it becomes a work of its own.
    work = Work(
        id=unique_id("work", f"{surname or 'anonymous'} {citation.year or ''}", taken),
        start=citation.start,
        end=citation.end,
        title=citation.title or "",
        authors=[citation.author] if citation.author else [],
        year=citation.year,
        listed=False,
    )
    doc.cited_works.append(work)
    return replace(citation, work=work.id)
