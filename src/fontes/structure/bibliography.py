"""Bibliography or list of sources: one `Work` per entry.

Layouts read:

- `Author, First: 'Title'; Place; Year.` — with `(Ed.)` for editors, `--` for an anonymous
  work, extra parts such as `Volume 21` or a translated title in parentheses;
- `'Title', Volume 21; Place; Year.` — no author;
- `Author, First, Title (Place, Year).` — also `(Place: Publisher, Year)`;
- `Author, First. Title. Place: Publisher, Year.`

A paragraph is a bibliography when most of its lines are complete entries, or when it
follows a heading such as `Bibliography` or `Sources`. A short paragraph right after a
bibliography that starts like an entry is read as one, complete or not, so that an entry
cut off by the end of the document is still found (and reported as truncated).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fontes.model import Document, Span, Work
from fontes.text.names import EDITOR_MARK, all_editors, is_editor, unique_id, without_editor
from fontes.text.periods import YEAR

HEADINGS = re.compile(
    r"(?:select(?:ed)? )?(?:bibliography|sources|works cited|references|literature|"
    r"further reading|sources and literature)\s*:?",
    re.IGNORECASE,
)
_NAME = r"[^\W\d_][\w'\-]*(?: [^\W\d_][\w'\-]*)?, [^\W\d_][^:;,()\n]*?"
_ANONYMOUS = re.compile(r"(?:-{2,}|_{2,}|anon\.?|anonymous)", re.IGNORECASE)
_EDITED_NAME = rf"{_NAME}(?:\s*{EDITOR_MARK})?"
_WHO_COLON = re.compile(
    rf"(?P<who>-{{2,}}|_{{2,}}|anon\.?|anonymous|{_EDITED_NAME}"
    rf"(?:\s*(?:and|&|;)\s*{_EDITED_NAME})*)\s*:\s*(?=['\"])",
    re.IGNORECASE,
)
_TITLE_IMPRINT = re.compile(
    rf"(?P<who>{_NAME}(?:\s*{EDITOR_MARK})?),\s+(?P<title>['\"]?[A-Z0-9].+?)\s*"
    rf"\((?P<imprint>[^()]*?(?P<year>{YEAR})[a-z]?)\)\.?",
    re.IGNORECASE,
)
_CHICAGO = re.compile(
    rf"(?P<who>[^\W\d_][\w'\-]+, (?:[A-Z][a-z]+|[A-Z]\.)(?: (?:[A-Z][a-z]+|[A-Z]\.))*)\.?"
    rf"\s+(?P<title>[A-Z][^.]+?)\.\s+(?P<place>[^.:;]+?):\s*[^,.]+,\s*(?P<year>{YEAR})\.?"
)
_OPEN_QUOTE = re.compile(r"['\"](?=[^\W_])")
# What follows the quote mark that closes a title: punctuation, or nothing.
_AFTER_TITLE = re.compile(r"\s*(?:[;,.(:]|\Z)")
# An entry longer than this, its lines together, is running text that happens to start like
# one; re-reading it at each further line would cost its length squared.
LONGEST_ENTRY = 5_000
_VOLUME = re.compile(r"(?:vol(?:ume)?\.?|bd\.|tome)\s*(?P<number>[\w.]+)", re.IGNORECASE)


def read_bibliography(doc: Document) -> None:
    taken: set[str] = set()
    after_heading = False
    previous_was_bibliography = False
    for paragraph in doc.paragraphs:
        text = doc.folded[paragraph.start : paragraph.end]
        if HEADINGS.fullmatch(text.strip()):
            after_heading, previous_was_bibliography = True, False
            continue
        if doc.claimed(paragraph):
            after_heading = previous_was_bibliography = False
            continue
        entries = _entries(doc, paragraph)
        complete = sum(work.complete for work in entries)
        lines = text.count("\n") + 1
        is_bibliography = bool(entries) and (
            after_heading
            or complete * 2 > lines
            or (previous_was_bibliography and len(entries) == lines and lines <= 3)
        )
        if not is_bibliography:
            after_heading = previous_was_bibliography = False
            continue
        for work in entries:
            work_id = unique_id("work", f"{_id_name(work)} {work.year or ''}", taken)
            doc.works.append(replace(work, id=work_id))
        doc.apparatus.add(paragraph)
        previous_was_bibliography = True


def _id_name(work: Work) -> str:
    surnames = work.surnames
    return surnames[0] if surnames else work.title.split()[0] if work.title else "anonymous"


def _entries(doc: Document, paragraph: Span) -> list[Work]:
    """Parse each line; lines that start no entry continue the one before."""
    works: list[Work] = []
    position = paragraph.start
    for line in doc.folded[paragraph.start : paragraph.end].split("\n"):
        lead = len(line) - len(line.lstrip())
        start, end = position + lead, position + len(line.rstrip())
        position += len(line) + 1
        if start >= end:
            continue
        work = parse_work(doc.folded[start:end], start)
        if work is None and works:
            if end - works[-1].start > LONGEST_ENTRY:
                return []
            work = parse_work(doc.folded[works[-1].start : end], works[-1].start)
            if work is not None:
                works[-1] = work
                continue
        if work is None:
            return []
        works.append(work)
    return works


def parse_work(text: str, offset: int = 0) -> Work | None:
    """Read one bibliography entry, or None when `text` does not start like one."""
    text = text.replace("\n", " ")
    end = offset + len(text.rstrip())
    if match := _WHO_COLON.match(text):
        return _with_people(_quoted(text, match.end(), offset, end), match["who"])
    if _OPEN_QUOTE.match(text):
        return _quoted(text, 0, offset, end)
    if match := _TITLE_IMPRINT.fullmatch(text.rstrip()):
        work = Work(
            id="",
            start=offset,
            end=end,
            title=match["title"].strip(" '\""),
            year=int(match["year"]),
            place=match["imprint"].split(":")[0].split(",")[0].strip() or None,
        )
        return _with_people(work, match["who"])
    if match := _CHICAGO.fullmatch(text.rstrip()):
        work = Work(
            id="",
            start=offset,
            end=end,
            title=match["title"].strip(),
            year=int(match["year"]),
            place=match["place"].strip(),
        )
        return _with_people(work, match["who"])
    return None


def _quoted(text: str, at: int, offset: int, end: int) -> Work:
    """An entry whose title is in quotation marks starting at `at`."""
    quote = text[at]
    close = _closing_quote(text, at + 1, quote)
    if close is None:
        return Work(id="", start=offset, end=end, title=text[at + 1 :].strip(), complete=False)
    year, volume, place = None, None, None
    for part in _imprint_parts(text[close + 1 :]):
        if re.fullmatch(YEAR + r"[a-z]?", part):
            year = int(part[:4])
        elif number := _VOLUME.fullmatch(part):
            volume = number["number"]
        elif part[0].isupper() and place is None and year is None:
            place = part.split(":")[0].strip()
    title = text[at + 1 : close].strip()
    return Work(
        id="",
        start=offset,
        end=end,
        title=title,
        year=year,
        volume=volume,
        place=place,
        complete=year is not None,
    )


def _closing_quote(text: str, start: int, quote: str) -> int | None:
    """The quote mark that ends the title: one followed by punctuation or the end."""
    index = text.find(quote, start)
    while index != -1 and not _AFTER_TITLE.match(text, index + 1):
        index = text.find(quote, index + 1)
    return index if index != -1 else None


def _imprint_parts(rest: str) -> list[str]:
    rest = re.sub(r"\([^()]*\)", " ", rest)
    return [part.strip(" .") for part in re.split(r"[;,]", rest) if part.strip(" .")]


def _with_people(work: Work, who: str) -> Work:
    """The work with the authors and editors (or the anonymity) that `who` names."""
    who = who.strip()
    if _ANONYMOUS.fullmatch(who):
        return replace(work, anonymous=True)
    every_one = all_editors(who)  # `A and B (Eds.)`
    authors: list[str] = []
    editors: list[str] = []
    for name in re.split(r"\s*(?:;|\band\b|&)\s*", who):
        if not name:
            continue
        editor = every_one or is_editor(name)
        (editors if editor else authors).append(without_editor(name).strip(" ,"))
    return replace(work, authors=authors, editors=editors)
