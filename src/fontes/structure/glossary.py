"""Glossary of biographical notes: one person record per entry.

Two layouts are read:

- `SURNAME, Forenames, description (birth-death); role (years); ...`, the surname in
  capitals, optionally an honorific after the forenames (`DUFFY, Ellen M., Lady, ...`);
- `Surname, Forename (1885–1938): description; role (years); ...`.

Entries run from their first line to the next entry or the end of the paragraph, so that
hard-wrapped entries are read whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fontes.model import Document, GlossaryEntry, Period, Role, Span
from fontes.text.deaths import DEATH_WORD
from fontes.text.names import TITLES, fold, unique_id
from fontes.text.periods import YEAR, find_periods, parse_period

_LETTERS = r"[^\W\d_]"
_SURNAME = rf"{_LETTERS}[^\W\d_'\-]*(?:['\- ]{_LETTERS}[^\W\d_'\-]*){{0,3}}"
_CAPITALS_ENTRY = re.compile(rf"(?P<surname>{_SURNAME}),[ ]+(?P<forenames>[^,;()\n]+?)[ ]*(?=[,(])")
_LIFESPAN_ENTRY = re.compile(
    rf"(?P<surname>{_SURNAME}),[ ]+(?P<forenames>[^,;()\n:]+?)[ ]*"
    rf"\((?P<life>[^()\n]*{YEAR}[^()\n]*)\)[ ]*:"
)
# Places are read only where the wording says someone was somewhere.
_PLACE = re.compile(
    r"\b(?:(?:born|lived|exiled|evacuated|fled|emigrated|moved|returned|settled|deported|"
    rf"buried|{DEATH_WORD})(?:\s+\w+)?\s+(?:in|at|to)|^to)\s+"
    r"(?P<place>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})"
)
_MAC = re.compile(r"^Ma?c(?=[A-Z]{2})")
_HEAD_LINES = 3
_BETWEEN_YEARS = re.compile(rf"\bbetween\s+{YEAR}\s+and\s+{YEAR}")


def read_glossary(doc: Document) -> None:
    """Find glossary entries in paragraphs that begin with one."""
    taken: set[str] = set()
    for paragraph in doc.paragraphs:
        if doc.claimed(paragraph):
            continue
        starts = list(_entry_starts(doc, paragraph))
        if not starts or starts[0][0] != paragraph.start:
            continue
        for index, (start, match, layout) in enumerate(starts):
            end = starts[index + 1][0] if index + 1 < len(starts) else paragraph.end
            end = start + len(doc.folded[start:end].rstrip())
            doc.glossary.append(_parse_entry(doc, start, end, match, layout, taken))
        doc.apparatus.add(paragraph)


def _entry_starts(doc: Document, paragraph: Span) -> Iterator[tuple[int, re.Match[str], str]]:
    position = paragraph.start
    lines = doc.folded[paragraph.start : paragraph.end].split("\n")
    for index, line in enumerate(lines):
        lead = len(line) - len(line.lstrip())
        stripped = line.strip()
        if (match := _CAPITALS_ENTRY.match(stripped)) and _is_capitals(match["surname"]):
            # The lifespan may be on the next line of a hard-wrapped entry.
            if _has_lifespan(" ".join(lines[index : index + _HEAD_LINES])):
                yield position + lead, match, "capitals"
        elif (match := _LIFESPAN_ENTRY.match(stripped)) and parse_period(match["life"]):
            yield position + lead, match, "lifespan"
        position += len(line) + 1


def _is_capitals(surname: str) -> bool:
    """`BRONTE`, `O'KEEFFE`, and with a Scottish or Irish prefix in lower case, `McBRIDE`."""
    letters = [ch for ch in _MAC.sub("", surname) if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _has_lifespan(line: str) -> bool:
    head = _split_clauses(line, 0)[0][0]
    return bool(find_periods(head))


def _parse_entry(
    doc: Document,
    start: int,
    end: int,
    match: re.Match[str],
    layout: str,
    taken: set[str],
) -> GlossaryEntry:
    surname = match["surname"]
    body_offset = start + match.end()
    clauses = _split_clauses(doc.folded[body_offset:end], body_offset)
    honorific, description = "", ""
    if layout == "lifespan":
        lifespan = parse_period(match["life"], start + match.start("life"))
        if clauses:
            description = clauses[0][0].strip().rstrip(".")
            clauses = clauses[1:] if not find_periods(clauses[0][0]) else clauses
    else:
        head, head_offset = clauses[0]
        honorific, description, lifespan = _read_head(head, head_offset)
        clauses = clauses[1:]
    places: list[str] = []
    for clause in [description] + [clause for clause, _ in clauses]:
        places.extend(place for place in _places(clause) if place not in places)
    return GlossaryEntry(
        id=unique_id("person", surname, taken),
        surname=surname,
        forenames=match["forenames"].strip(),
        start=start,
        end=end,
        surname_start=start + match.start("surname"),
        surname_end=start + match.end("surname"),
        description=description,
        honorific=honorific,
        lifespan=lifespan,
        roles=[_read_role(clause, offset) for clause, offset in clauses],
        places=places,
    )


def _split_clauses(text: str, offset: int) -> list[tuple[str, int]]:
    """Split at semicolons outside parentheses; unbalanced closers do not go negative."""
    clauses, depth, begin = [], 0, 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char == ";" and depth == 0:
            clauses.append((text[begin:index], offset + begin))
            begin = index + 1
    clauses.append((text[begin:], offset + begin))
    return [(clause, at) for clause, at in clauses if clause.strip()]


def _read_head(head: str, offset: int) -> tuple[str, str, Period | None]:
    """The part before the first semicolon: honorific, description and lifespan."""
    periods = find_periods(head, offset)
    lifespan = periods[-1] if periods else None
    description = head.strip(" ,")
    if lifespan is not None:
        cut = head.rfind("(", 0, lifespan.start - offset)
        description = head[:cut].strip(" ,")
    honorific = ""
    first, _, rest = description.partition(", ")
    if rest and first[:1].isupper() and fold(first.split()[0]) in TITLES:
        honorific, description = first, rest
    return honorific, description, lifespan


def _read_role(clause: str, offset: int) -> Role:
    stripped = clause.strip().rstrip(".")
    lead = len(clause) - len(clause.lstrip())
    start, end = offset + lead, offset + lead + len(stripped)
    periods = find_periods(stripped, start)
    # The period closes the clause, allowing a stray extra `)` after it.
    if periods and re.fullmatch(r"\)+", stripped[periods[-1].end - start :]):
        period = periods[-1]
        title = stripped[: stripped.rfind("(", 0, period.start - start)].strip(" ,")
        return Role(title=title, start=start, end=end, period=period)
    if between := _BETWEEN_YEARS.search(stripped):
        return Role(
            title=stripped[: between.start()].strip(" ,"),
            start=start,
            end=end,
            period=parse_period(between[0], start + between.start()),
        )
    return Role(title=stripped.rstrip(")").strip(), start=start, end=end)


def _places(clause: str) -> Iterator[str]:
    for match in _PLACE.finditer(clause.strip()):
        yield match["place"]
