"""Glossary of biographical notes: one person record per entry.

Three layouts are read:

- `SURNAME, Forenames, description (birth-death); role (years); ...`, the surname in
  capitals, optionally an honorific after the forenames (`DUFFY, Ellen M., Lady, ...`);
- `Surname, Forename (1885–1938): description; role (years); ...`;
- a biographical dictionary's `SURNAME, FORENAMES, TITLE (1711-1776).--Description ...` or
  `Surname, Forename (b. 1801, d. 1870). Description ...`: the lifespan is the parenthesis
  that closes the name (never a year further down, which dates a work or an episode), `fl.`
  gives a floruit and no lifespan, and the body is prose, not a list of roles.

Entries run from their first line to the next entry or the end of the paragraph, so that
hard-wrapped entries are read whole; a dictionary entry runs on over the paragraphs (its
sources, its summary) up to the next entry.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import NamedTuple

from fontes.model import Document, GlossaryEntry, Period, Role, Span
from fontes.text.deaths import DEATH_WORD
from fontes.text.markup import without_markup
from fontes.text.names import TITLES, fold, unique_id
from fontes.text.periods import YEAR, find_periods, parse_floruit, parse_period
from fontes.text.sentences import sentences

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
# A dictionary entry's head: the surname (with a variant, `KEAST, or KEST,`), a comma, its
# names with any alias or title in parentheses (`(TREWIN)`, `(2ND EARL OF)`), then the
# first parenthesis that holds a year, the lifespan or floruit, and what closes the head:
# `.--` (or a dash, after a pseudonym in quotes), a full stop before the description, or a
# second person's name (`PENHALE, JORY (1701-1760), AND VOSPER, HUGH ...`, `ROWE,
# ANN (1790-1841), and SUSAN ...`), whose entry this reader does not make. A head with no
# lifespan closes with the dash alone (`TREGEAR, SIR HUGH.--`): all within `_HEAD_CHARS`.
_DICTIONARY_ENTRY = re.compile(
    rf"(?P<surname>{_SURNAME})(?:,?[ ]+(?:or|originally)[ ]+{_SURNAME})?,[ ]+"
    rf"(?P<names>(?:[^()]|\((?![^()\n]*{YEAR})[^()\n]*\))*?)[ ]*"
    rf"(?:\((?P<life>(?:[^()\n]|\(\?\))*?{YEAR}(?:[^()\n]|\(\?\))*)\)"
    r"(?:(?:[ ]+\"[^\"\n]{1,40}\")?\.?[ ]?-{1,2}(?![\d-])|\.(?=\s+[\"'_(]?[A-Z])"
    r"|,\s+(?:(?:AND|and)\s+)?(?=[A-Z'\-]{2,}[ ,]))"
    r"|\.-{1,2}(?![\d-]))"
)
_HEAD_CHARS = 240
# A head of a form the reader does not take for an entry (`HUGH II., KING OF KERNOW
# (1301-1340).--`): it ends the entry before it, whose text it is not.
_OTHER_HEAD = re.compile(r"[A-Z][A-Z'\-]+\b[^\n]{0,160}?\)\.[ ]?-{2}")
# Words a dictionary head may print among the names besides capitalised ones.
_NAME_PARTICLES = frozenset(
    "de la le du da di del van von der den ten ter of or originally d' etc etc.".split()
)
_MAX_NAME_WORDS = 12
# The description: the head of the body, up to its first clause of circumstance.
_DESCRIPTION_END = re.compile(
    r",\s+(?:_|(?:was|is|who|whose|which|born|known)\b|and\s+_)|[.;](?:\s|$)"
)
# A sentence of the body that tells what the person did, and when: `In 1771 he opened
# a library`, `She settled at Truro in 1790`. Its subject is the person (he, she, or the
# initial that dictionaries print for the name); a year in any other sentence dates a work,
# an edition or someone else's act.
_OWN_ACT = re.compile(
    rf"(?:(?:In|About|By)\s+(?P<lead>{YEAR}),?\s+)?(?:[Hh]e|[Ss]he|[A-Z]\.)\s+(?=[a-z_])"
)
_IN_YEAR = re.compile(rf"\bin\s+(?P<year>{YEAR})\b")
_CLAUSE_END = re.compile(r"[,;:]\s")
# Where an italic mark stood before a stop, once the marks are blanked: `_Courant_.`.
_SPACE_BEFORE_STOP = re.compile(r"\s+([.,;:)]|$)")
_FLOURISHED = "flourished"
# At most this many paragraphs are read into a dictionary entry after its first: enough for
# a long entry's summary and sources, too few to swallow a chapter between two entries.
_MAX_HELD = 40
_BETWEEN_YEARS = re.compile(rf"\bbetween\s+{YEAR}\s+and\s+{YEAR}")


def read_glossary(doc: Document) -> None:
    """Find glossary entries in paragraphs that begin with one."""
    taken: set[str] = set()
    # The last entry read, kept open while the paragraphs after it may still be its own: a
    # dictionary entry's sources or summary, read into it once the next entry shows that
    # they lie between two entries.
    open_entry: _OpenEntry | None = None
    held: list[Span] = []
    for paragraph in doc.paragraphs:
        starts = [] if doc.claimed(paragraph) else list(_entry_starts(doc, paragraph))
        if not starts or starts[0][0] != paragraph.start:
            if _continues(doc, open_entry, held, paragraph):
                held.append(paragraph)
            elif open_entry is not None:
                doc.glossary.append(open_entry.close(doc, open_entry.end, taken))
                open_entry, held = None, []
            continue
        if open_entry is not None:
            end = held[-1].end if held else open_entry.end
            doc.glossary.append(open_entry.close(doc, end, taken))
            for continuation in held:
                doc.apparatus.add(continuation)
        for (start, match, layout), (following, _, _) in itertools.pairwise(starts):
            doc.glossary.append(_parse_entry(doc, start, following, match, layout, taken))
        open_entry, held = _OpenEntry(*starts[-1], paragraph.end), []
        doc.apparatus.add(paragraph)
    if open_entry is not None:
        doc.glossary.append(open_entry.close(doc, open_entry.end, taken))


class _OpenEntry(NamedTuple):
    """An entry whose start and head are read but whose end may still move on."""

    start: int
    match: re.Match[str]
    layout: str
    end: int

    def close(self, doc: Document, end: int, taken: set[str]) -> GlossaryEntry:
        return _parse_entry(doc, self.start, end, self.match, self.layout, taken)


def _continues(
    doc: Document, open_entry: _OpenEntry | None, held: list[Span], paragraph: Span
) -> bool:
    """Whether `paragraph` may belong to the dictionary entry before it: it is no part of
    another apparatus, no head of an entry of another form and no heading (`SUPPLEMENT`, a
    letter of the alphabet), unless the heading names the entry's subject (`CHRONOLOGICAL
    TABLE OF KEAST'S WORKS`)."""
    if open_entry is None or open_entry.layout != "dictionary" or len(held) >= _MAX_HELD:
        return False
    text = doc.folded[paragraph.start : paragraph.end].strip()
    heading = "\n" not in text and not any(ch.islower() for ch in text)
    if heading and open_entry.match["surname"] not in text:
        return False
    return not (doc.claimed(paragraph) or _OTHER_HEAD.match(text))


def _entry_starts(doc: Document, paragraph: Span) -> Iterator[tuple[int, re.Match[str], str]]:
    position = paragraph.start
    lines = doc.folded[paragraph.start : paragraph.end].split("\n")
    for index, line in enumerate(lines):
        lead = len(line) - len(line.lstrip())
        stripped = line.strip()
        # Within a paragraph a dictionary entry starts only after a line that ends one: a
        # wrapped line of prose may begin `Thornby, Kellingford (1850). He ...` too.
        after_an_end = index == 0 or lines[index - 1].rstrip().endswith((".", ")"))
        if after_an_end and (match := _dictionary_head(doc.folded, position + lead, paragraph.end)):
            yield position + lead, match, "dictionary"
        elif (match := _CAPITALS_ENTRY.match(stripped)) and _is_capitals(match["surname"]):
            # The lifespan may be on the next line of a hard-wrapped entry.
            if _has_lifespan(" ".join(lines[index : index + _HEAD_LINES])):
                yield position + lead, match, "capitals"
        elif (match := _LIFESPAN_ENTRY.match(stripped)) and parse_period(match["life"]):
            yield position + lead, match, "lifespan"
        position += len(line) + 1


def _dictionary_head(text: str, start: int, end: int) -> re.Match[str] | None:
    """The head of a dictionary entry at `start`: names, then a lifespan or floruit."""
    head = _DICTIONARY_ENTRY.match(text, start, min(end, start + _HEAD_CHARS))
    if head is None or not _name_like(without_markup(head["names"])):
        return None
    if head["life"] is None:
        return head
    life = _plain_life(head["life"])
    return head if parse_period(life) or parse_floruit(life) else None


def _plain_life(life: str) -> str:
    """The lifespan as the period reader takes it: no italic marks, `1691(?)` as `1691?`;
    same length, so that offsets stay the text's."""
    return without_markup(life).replace("(?)", "?  ")


def _name_like(names: str) -> bool:
    """Forenames and titles only: capitalised words, initials, ordinals and particles."""
    if "\n\n" in names:
        return False
    bare = re.sub(r"\([^()]*\)", " ", names)
    words = re.findall(r"[^\s,\[\]\"]+", bare)
    return 0 < len(words) <= _MAX_NAME_WORDS and all(
        word[0].isupper() or word[0].isdigit() or word.lower() in _NAME_PARTICLES for word in words
    )


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
    end = start + len(doc.folded[start:end].rstrip())
    if layout == "dictionary":
        return _dictionary_entry(doc, start, end, match, taken)
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


def _dictionary_entry(
    doc: Document, start: int, end: int, head: re.Match[str], taken: set[str]
) -> GlossaryEntry:
    """A dictionary entry: names and lifespan from its head, acts from its prose body."""
    forenames, honorific = _names_and_titles(without_markup(head["names"]))
    lifespan, roles = None, []
    if head["life"] is not None:
        life_text, life_start = _plain_life(head["life"]), head.start("life")
        if floruit := parse_floruit(life_text, life_start):
            roles.append(Role(_FLOURISHED, life_start, head.end("life"), floruit))
        else:
            lifespan = _lifespan(life_text, life_start)
    body = head.end()
    cut = _DESCRIPTION_END.search(doc.folded, body, end)
    description = " ".join(without_markup(doc.folded[body : cut.start() if cut else end]).split())
    roles.extend(_own_acts(doc, body, end))
    return GlossaryEntry(
        id=unique_id("person", head["surname"], taken),
        surname=head["surname"],
        forenames=forenames,
        start=start,
        end=end,
        surname_start=head.start("surname"),
        surname_end=head.end("surname"),
        description=description,
        honorific=honorific,
        lifespan=lifespan,
        roles=roles,
        places=list(dict.fromkeys(_places(description))),
    )


def _lifespan(text: str, offset: int) -> Period | None:
    """The lifespan of a dictionary head. A lone year is a birth, in a dictionary that
    includes the living (`KEAST, JORY (1844).--`): a death would be printed `d. 1912`."""
    period = parse_period(text, offset)
    if period is not None and re.fullmatch(YEAR, period.edtf):
        return Period(period.start, period.end, f"{period.edtf}/..", period.first_year, None)
    return period


def _names_and_titles(names: str) -> tuple[str, str]:
    """`JORY TREMAYNE, LORD` → (`Jory Tremayne`, `Lord`); `SIR GEORGE` → (`George`,
    `Sir`). Titles before the forenames and after them go to the honorific; a variant of the
    name (`HUGH, or HUGH DE TREWIN`) and an alias in parentheses are left out."""
    parts = [part.strip() for part in re.sub(r"\([^()]*\)", " ", names).split(",")]
    words = parts[0].split()
    leading = 0
    while leading < len(words) - 1 and _is_title(words[leading]):
        leading += 1
    titles = words[:leading]
    for part in parts[1:]:
        first = part.split()[0] if part.split() else ""
        if first[:1].isdigit() or _is_title(first):
            titles.append(part)
    return _natural_case(" ".join(words[leading:])), _natural_case(", ".join(titles))


# Words of address a dictionary prints before the forenames, beyond the titles of prose.
_STYLES = frozenset({"right", "hon", "honourable", "honorable", "very"})


def _is_title(word: str) -> bool:
    return fold(word.rstrip(".")) in TITLES | _STYLES


def _natural_case(name: str) -> str:
    """A name printed in capitals as prose writes it: `HUGH MACQUOID` → `Hugh Macquoid`,
    `ANN DE LA ROSE` → `Ann de la Rose`, `1ST BARON` → `1st Baron`. A name that
    has small letters already is left as printed."""
    if any(ch.islower() for ch in name):
        return name
    words = []
    for index, word in enumerate(name.split()):
        lower = word.lower()
        if (index and lower in _NAME_PARTICLES) or word[:1].isdigit():
            words.append(lower)
        else:
            words.append(word.title())
    return " ".join(words)


def _own_acts(doc: Document, start: int, end: int) -> Iterator[Role]:
    """The dated acts of the person that the body tells of, as roles: one per sentence whose
    subject is the person, dated by its leading `In 1771` or its first `in 1771`; the role's
    title is the sentence up to the end of the clause that holds the year."""
    body = without_markup(doc.folded[start:end])
    for begin, finish in sentences(body, 0, len(body)):
        act = _OWN_ACT.match(body, begin, finish)
        if act is None:
            continue
        dated = act if act["lead"] else _IN_YEAR.search(body, act.end(), finish)
        if dated is None:
            continue
        year_start, year_end = dated.span("lead" if act["lead"] else "year")
        clause_end = _CLAUSE_END.search(body, year_end, finish)
        title = _SPACE_BEFORE_STOP.sub(
            r"\1", " ".join(body[begin : clause_end.start() if clause_end else finish].split())
        )
        period = parse_period(body[year_start:year_end], start + year_start)
        yield Role(title.rstrip("."), start + begin, start + finish, period)


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
