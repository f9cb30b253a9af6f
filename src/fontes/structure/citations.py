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
# A Chicago note's locator without `p.`: `Hart, The Mill (London, 1961), 12-14.` (a year
# at the end, `Blome's Britannia, 1673.`, is no page).
_BARE_PAGES = re.compile(
    rf"(?<=[,)])\s*(?!{YEAR}\s*\.?\s*$)"
    r"(?P<pages>\d{1,4}[a-z]?(?:\s*-\s*\d{1,4})?(?:\s*,\s*\d{1,4}(?:\s*-\s*\d{1,4})?)*)"
    r"\s*\.?\s*$"
)
# Plain-text editions' italics, `_Ann._` and `*Ann.*`: the marks are no part of a citation.
_ITALIC = re.compile(r"(?<![\w*])([_*])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
# A note's year after a comma, with no imprint around it: `Blome's Britannia, 1673.`
_TRAILING_YEAR = re.compile(rf",\s*(?P<year>{YEAR})\s*\.?\s*$")
# The 19th century's way of naming a work by its author: `Evelyn's Diary`.
_POSSESSIVE_TITLE = re.compile(r"(?P<author>[A-Z][\w\-]+)'s?\s+(?P<title>[A-Z][^,;:]*)")
_NEW_CITATION = re.compile(r"\s*(?!pp?\.|ibid|op\.|loc\.)[A-Z_'\"]", re.IGNORECASE)
# A classical locus: book, chapter or letter numbers, roman or arabic, dotted (`ii. 9`,
# `l. xxi. p. 42`, `cap. 28`, `1.2`).
_LOCUS_PART = r"(?:(?:l|lib|bk|cap|c|ch|ep|epist|sect?|§)\.?\s*)?(?:[ivxlcdm]+|\d{1,4})\.?"
_CLASSICAL = re.compile(
    r"(?P<author>[A-Z][a-z]+\.?,?)\s+"
    r"(?P<work>_?[A-Z][^_,;()]{0,60}?_?,?\s+)?"
    rf"(?P<locus>{_LOCUS_PART}(?:\s*[,.]?\s*(?:p\.\s*)?{_LOCUS_PART})*)"
)
# What only a classical locus has: a roman numeral, a book or chapter word, or `1.2` numbering.
_CLASSICAL_LOCUS = re.compile(
    r"\b(?:[ivxlc]{1,7}|l|lib|bk|cap|ch|ep|epist)\b\.?|\d\.\d", re.IGNORECASE
)
_NARRATIVE_DATE = re.compile(
    rf"\s*(?P<year>{YEAR})[a-z]?(?:\s*[:,]\s*(?:pp?\.\s*)?(?P<pages>{_PAGE_ITEM}(?:\s*,\s*{_PAGE_ITEM})*))?\s*"
)
_NARRATIVE_NAME = re.compile(
    r"(?P<name>[A-Z][\w'\-]+(?:\s+(?:and|&)\s+[A-Z][\w'\-]+)?(?:\s+et al\.)?)\s*$"
)
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
        if doc.claimed(paragraph):
            continue
        for start, end in _balanced_parentheses(doc.folded, paragraph.start, paragraph.end):
            if citation := _narrative_author_date(doc.folded, start, end):
                doc.apparatus.add(citation)
                yield citation
                continue
            found = list(_segmented(doc.folded, start + 1, end - 1))
            if len(found) == 1:  # one citation: it spans its parentheses
                found = [replace(found[0], start=start, end=end)]
            for citation in found:
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
        for citation in _segmented(doc.folded, note.text_start, note.end):
            yield replace(citation, note=note.id)


def _segmented(text: str, start: int, end: int) -> Iterator[Citation]:
    """The citations of `text[start:end]`: one, or several separated by semicolons
    (`Evelyn's Diary, 1654; Pepys's Diary, 1660.`), each with its own offsets."""
    pieces = _pieces(text, start, end)
    if len(pieces) > 1:
        parsed = [parse_citation(text[a:b], a, b) for a, b in pieces]
        if all(citation is not None for citation in parsed):
            yield from (citation for citation in parsed if citation is not None)
            return
    citation = parse_citation(text[start:end], start, end)
    if citation is not None:
        yield citation


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`text[start:end]` cut at each semicolon outside parentheses that a new citation
    follows (a capital, not a page: `op. cit.; p. 20` stays whole)."""
    pieces, depth, begin = [], 0, start
    for index in range(start, end):
        char = text[index]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif char == ";" and depth == 0 and _NEW_CITATION.match(text, index + 1, end):
            pieces.append((begin, index))
            begin = index + 1
    pieces.append((begin, end))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in pieces]


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
    core = _ITALIC.sub(r"\2", text).strip()  # `_Ibid._`, `*History of Hale County*`
    if classical := _classical(core, start, end):
        return classical
    pages: list[PageRange] = []
    if match := _PAGES.search(core) or _BARE_PAGES.search(core):
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
        if citation is not None:
            return replace(citation, pages=pages) if pages else citation
        if not pages and not _TRAILING_YEAR.search(core):
            return None
    contribution_author = contribution_title = year = None
    contribution, *container = _IN.split(core, maxsplit=1)
    if container:  # `Author: Title, in: Editor (Ed.): Book`
        contribution_author, _, contribution_title = contribution.partition(":")
        contribution_title = contribution_title.strip() or None
        core = container[0]
    if imprint := _IMPRINT.search(core):
        year = int(imprint["year"])
        core = core[: imprint.start()] + core[imprint.end() :]
    elif trailing := _TRAILING_YEAR.search(core):
        year = int(trailing["year"])
        core = core[: trailing.start()]
    core = drop_editor_marks(core).strip(" ,.;:")
    author = title = None
    parts = re.split(r"\s*[:,]\s*", core, maxsplit=1)
    if len(parts) == 2:
        author, title = parts[0].strip() or None, parts[1].strip(" '\"") or None
    elif possessive := _POSSESSIVE_TITLE.fullmatch(core):  # `Evelyn's Diary`
        author, title = possessive["author"], possessive["title"]
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


def _classical(core: str, start: int, end: int) -> Citation | None:
    """`Tac. Ann. ii. 9`, `Livy, l. xxi. p. 42`, `Jornandes, De Rebus Geticis, cap. 28`: an
    author (often abbreviated), perhaps a work, and a locus by book and chapter."""
    match = _CLASSICAL.fullmatch(core.strip(" ."))
    if match is None or not _CLASSICAL_LOCUS.search(match["locus"]):
        return None
    title = match["work"].strip(" _,") if match["work"] else None
    return Citation(
        start=start,
        end=end,
        reference=Reference.CLASSICAL,
        author=match["author"].strip(" ,"),
        title=title or None,
        locus=match["locus"].strip(" ,."),
    )


def _narrative_author_date(text: str, start: int, end: int) -> Citation | None:
    """`Smith (1990, 45)`: the author named in the sentence, the year and pages in brackets."""
    inside = _NARRATIVE_DATE.fullmatch(text, start + 1, end - 1)
    name = _NARRATIVE_NAME.search(text, max(0, start - 40), start)
    if inside is None or name is None:
        return None
    return Citation(
        start=name.start("name"),
        end=end,
        reference=Reference.AUTHOR_DATE,
        author=name["name"],
        year=int(inside["year"]),
        pages=parse_pages(inside["pages"]) if inside["pages"] else [],
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
    cited_in: dict[str, list[str]] = {}  # note id → the works its citations resolved to
    resolved = []
    for citation in citations:
        if citation.reference in (Reference.IBID, Reference.IDEM) and not citation.title:
            several = cited_in.get(previous.note or "", []) if previous else []
            if len(set(several)) > 1 and citation.note != (previous and previous.note):
                citation = replace(
                    citation,
                    unresolved=Unresolved.PRECEDING_SEVERAL,
                    candidates=list(dict.fromkeys(several)),
                )
            else:
                citation = _resolve_ibid(citation, previous)
        elif citation.reference is Reference.CLASSICAL:
            citation = _resolve_classical(doc, citation, taken)
        elif citation.reference in (Reference.OP_CIT, Reference.LOC_CIT):
            citation = _resolve_op_cit(doc, citation, last_by_author)
        else:
            citation = _resolve_full(doc, citation, taken)
        if citation.work is not None and citation.reference is not Reference.CLASSICAL:
            works.update((work.id, work) for work in doc.all_works[len(works) :])
            for surname in works[citation.work].surnames:
                last_by_author[fold(surname)] = citation.work
        if citation.note and citation.work:
            cited_in.setdefault(citation.note, []).append(citation.work)
        resolved.append(citation)
        previous = citation
    return resolved


def _resolve_classical(doc: Document, citation: Citation, taken: set[str]) -> Citation:
    """An ancient author's work, one for each author and title however often cited: its
    books and chapters are loci of it, not works of their own."""
    key = fold(f"{citation.author} {citation.title or ''}")
    for work in doc.cited_works:
        if fold(" ".join([*work.authors, work.title])) == key:
            return replace(citation, work=work.id)
    work = Work(
        id=unique_id("work", key, taken),
        start=citation.start,
        end=citation.end,
        title=citation.title or "",
        authors=[citation.author] if citation.author else [],
        listed=False,
    )
    doc.cited_works.append(work)
    return replace(citation, work=work.id)


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
        if surname is not None and work.surnames and not by_author:
            continue  # Pepys's Diary is not Evelyn's, however alike the titles
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
