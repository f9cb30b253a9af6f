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
from fontes.structure.bibliography import read_entry
from fontes.structure.references import parse_reference
from fontes.text.markup import ITALIC, unmarked, without_entities, without_markup
from fontes.text.names import drop_editor_marks, fold, surname_of, unique_id
from fontes.text.periods import MONTH, YEAR

_PAGE = r"(?:[0-9]+[a-z]?|[ivxlcdm]+)"
_PAGE_ITEM = rf"{_PAGE}(?:\s*-\s*{_PAGE})?(?:\s*(?:ff?\.?|et\s+seq\.?))?"
_PAGE_WORD = r"(?:pp?\.|pages?|s\.|col\.)"
_PAGES = re.compile(
    rf"[\s;,.:]*\b{_PAGE_WORD}\s*"
    rf"(?P<pages>{_PAGE_ITEM}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:{_PAGE_WORD}\s*)?{_PAGE_ITEM})*)"
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
    rf"(?:(?<=[,):])|(?<=,[\"'\u201d\u2019]))\s*(?!{YEAR}\s*\.?\s*$)(?!{YEAR}\s*,)"
    r"(?P<pages>\d{1,4}[a-z]?(?:\s*-\s*\d{1,4})?(?:\s*,\s*\d{1,4}(?:\s*-\s*\d{1,4})?)*)"
    r"\s*\.?\s*$"
)
# A diary's or a journal's entry by its day: `Penhale's Diary, June 2`, `Journals, April 27`.
_DATE_LOCATOR = re.compile(
    rf",\s*(?:{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\.?)\s*$",
    re.IGNORECASE,
)
_VOLUME_LOCATOR = re.compile(r",\s*vols?\.\s*(?:[ivxlc]+|\d{1,4})\.?\s*$", re.IGNORECASE)
_PAGE_LIST = re.compile(rf"{_PAGE_ITEM}(?:\s*(?:,|and|&)\s*{_PAGE_ITEM})*")
# An archive's reference for a document, its shelfmark: `D1834/2/7`, `DX 14/3`.
_SHELFMARK = re.compile(r",\s*(?:[A-Z]{1,5}\s?)?\d+(?:[/.]\d+)+[a-z]?\s*\.?\s*$")
_PASSIM = re.compile(r"[\s,]*\bpassim\b\.?\s*$", re.IGNORECASE)
# The pages right after `Ibid.`, before the note goes on in prose.
_LEADING_PAGES = re.compile(
    r"[\s,]*(?:pp?\.\s*)?(?P<pages>\d{1,4}[a-z]?(?:\s*-\s*\d{1,4})?"
    r"(?:\s*,\s*\d{1,4}(?:\s*-\s*\d{1,4})?)*)\s*(?:\.|$)"
)
# A note's year after a comma, with no imprint around it: `Blome's Britannia, 1673.`
_TRAILING_YEAR = re.compile(rf",\s*(?P<year>{YEAR})\s*\.?\s*$")
# The 19th century's way of naming a work by its author: `Penhale's Diary`.
_POSSESSIVE_TITLE = re.compile(r"(?P<author>[A-Z][\w\-]+)'s?\s+(?P<title>[A-Z][^,;:]*)")
# A short form inside a sentence: a surname, a short title in capitals or `op. cit.`, a page.
_EMBEDDED = re.compile(
    r"(?<![\w'])[A-Z][\w'\u2019-]+,\s+(?:op\.\s*cit\.|loc\.\s*cit\.|_?[A-Z][^,;()\n_]{1,60}_?),"
    r"\s+pp?\.\s*\d{1,4}(?:\s*-\s*\d{1,4})?"
)
_SEE_WORDS = (
    r"(?:see(?: also)?(?: e\.g\.,?)?|cf\.|compare|voir(?: aussi)?(?: par exemple)?|siehe|vgl\."
    r"|vedi|véase)"
)
# The words that send the reader of a note in prose to its sources.
_SEE = re.compile(
    rf"(?:(?<=[.;:(])|(?<=[.;:(][\"'\u201d\u2019])|^)\s*{_SEE_WORDS}\s+",
    re.IGNORECASE | re.MULTILINE,
)
_LEADING_SEE = re.compile(rf"{_SEE_WORDS}\s+", re.IGNORECASE)
# `_Ibid._, p. 12, and Harbour Pamphlet, p. 40`: a second citation joined to a first that
# ends with its page.
_AND_ANOTHER = re.compile(r",\s+and\s+(?=[A-Z_*\"])")
_ENDS_WITH_PAGE = re.compile(r"\d[a-z]?\.?\s*$")
_NEW_CITATION = re.compile(
    r"\s*(?!pp?\.|ibid|op\.|loc\.|(?:and\s+)?vols?\.)[A-Z_'\"]", re.IGNORECASE
)
# A full stop after a year or page, then a citation by possessive (`Penhale's Diary, 1684`):
# one 19th-century citation after another. (A modern reference's sentences, `_Title_.
# 1991. Truro Press.`, run on without one.)
_SENTENCE_AFTER_NUMBER = re.compile(r"\d\.\s+(?=[A-Z][\w\-]*'s\s)")
# Web addresses, bare, in angle brackets or as Markdown links: no part of a locator.
_LINKS = re.compile(r"\[[^\]\n]*\]\(\S+?\)|<https?://[^>\s]+>|\[?https?://\S+")
# `and Vosper, _Early Cornish Voyages_` after a semicolon: the `and` joins, it names no one.
_AND_FIRST = re.compile(r"^and\s+(?=[A-Z_])")
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
# How many author-date citations of listed authors show that a text cites author-date, so
# that an unlisted author's `(Marsh 1972)` is a citation, not a place and a year.
_AUTHOR_DATE_CONVENTION = 3
# Below this, a title the author's work does not have is another work of theirs.
_AUTHOR_TITLE_MATCH = 60
# A surname one letter off (`Rosewarn`, `ROSEWARNE`) is the author's when the title is his too.
_MISSPELT_SURNAME = 85
_MISSPELT_SURNAME_LENGTH = 5
_MISSPELT_TITLE_MATCH = 90
# Longer than these, the parts of a `Name, Title` citation are a sentence, not a citation.
_LONGEST_NAME = 6
_LONGEST_TITLE = 30
_LONGEST_REFERENCE = 80
_ETC = re.compile(r",?\s*\betc\.?(?=\s*(?:[,;]|$))", re.IGNORECASE)
_PARENTHESIS = re.compile(r"[()]")


def read_citations(doc: Document) -> None:
    """Parse parenthetical citations in the body and citations in notes, then resolve them."""
    parenthetical = list(_parenthetical(doc))
    found = [c for c in parenthetical if _cites_listed_author(doc, c)]
    if sum(c.reference is Reference.AUTHOR_DATE for c in found) >= _AUTHOR_DATE_CONVENTION:
        found = parenthetical  # a text that cites author-date: `(Marsh 1972)` cites too
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
        found = list(_segmented(doc.folded, note.text_start, note.end))
        if not found:  # a note in prose, with its sources after `See`
            for see in _SEE.finditer(doc.folded, note.text_start, note.end):
                found += _segmented(
                    doc.folded, see.end(), _referred_end(doc.folded, see.end(), note.end)
                )
        if not found and (learned := _learned_reference(doc.folded, note.text_start, note.end)):
            found = [learned]
        if not found:  # short forms inside its sentences: `given as 29 August in Keast,
            # Quays, p. 52, and as 30 August in Vosper, op. cit., p. 238`
            for short in _EMBEDDED.finditer(doc.folded, note.text_start, note.end):
                text = short[0]
                found += filter(None, [parse_citation(text, short.start(), short.end())])
        for citation in found:
            yield replace(_with_marked_title(doc.folded, citation), note=note.id)


_QUOTE_MARKS = frozenset('"\u201c\u00ab')


def _with_marked_title(text: str, citation: Citation) -> Citation:
    """A full reference whose quoted title the patterns cut at its inner comma (`Keast,
    "Dues, Tolls, and Wharfage," Cornish Notes 8 (2019)`), read again as a
    bibliography entry is."""
    if citation.reference is not Reference.FULL or not _QUOTE_MARKS & set(citation.title or ""):
        return citation
    work = read_entry(text[citation.start : citation.end], citation.start)
    if work is None or _QUOTE_MARKS & set(work.title) or not work.authors:
        return citation
    return replace(
        citation, author=work.authors[0], title=work.title, year=citation.year or work.year
    )


def _referred_end(text: str, start: int, end: int) -> int:
    """Where what `See` refers to ends: the note's end, or the bracket around `(See ...)`."""
    depth = 0
    for index in range(start, end):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            if depth == 0:
                return index
            depth -= 1
    return end


# Words of sentences rather than of titles: pronouns, auxiliaries, relatives.
_PROSE_WORDS = frozenset(
    """i we he she it they you our his her their its was were is are be been has have had
    which who whom that this these those as but not would could should will shall may""".split()
)
_PROSE_WORDS_IN_A_REFERENCE = 3
_PROSE_SENTENCE = 8
_PROSE_SHARE = 0.6
# Quoted titles, which may read like prose: `"Why we read: a study"`.
_QUOTED_SPANS = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|\u00ab[^\u00bb]*\u00bb")


def _before_prose(text: str) -> int:
    """How much of a note is its reference: the sentences before the first that is prose,
    quoted and italic titles and links aside. A sentence is prose when it has the words of
    sentences (`Keast, as we learn from his son, kept ...`) or is long and mostly
    in lower case (`In 1845 the quantity of salt brought into ...`), as the titles a note
    cites unquoted, in title case, are not."""
    blank = _blanked(_LINKS, _blanked(ITALIC, _blanked(_QUOTED_SPANS, text)))
    start = 0
    for boundary in [*re.finditer(r"(?<=[.!?;])\s+", blank), None]:
        end = boundary.start() if boundary else len(text)
        words = re.findall(r"[^\W\d_][\w'\u2019-]*", blank[start:end])
        lower = [word for word in words if word.islower()]
        if sum(word in _PROSE_WORDS for word in lower) >= _PROSE_WORDS_IN_A_REFERENCE or (
            len(words) >= _PROSE_SENTENCE and len(lower) >= _PROSE_SHARE * len(words)
        ):
            return start
        start = boundary.end() if boundary else len(text)
    return len(text)


def _blanked(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(lambda match: " " * len(match[0]), text)


def _learned_reference(text: str, start: int, end: int) -> Citation | None:
    """A note that is a full reference in a layout the patterns do not read, read as a
    bibliography entry is (`Keast, Rowena. "Dues and Tides," _Cornish
    Notes_, 2016.`): a work with a title and an author or a year."""
    text = without_entities(text)
    start += len(text[start:end]) - len(text[start:end].lstrip())
    if see := _LEADING_SEE.match(text, start, end):
        start = see.end()
    body = text[start:end]
    body = body[: _before_prose(body)].rstrip()  # a reference, perhaps with a comment after
    if not body or len(body.split()) > _LONGEST_REFERENCE:
        return None  # a note in prose
    if len(_pieces(body, 0, len(body))) > 1:
        return None  # several references, which the parser would read as one
    work = read_entry(body, start)
    if work is None or not (work.authors or work.year):
        return None
    if not 0 < len(work.title.split()) <= _LONGEST_TITLE:
        return None
    match = _PAGES.search(body) or _BARE_PAGES.search(body)
    # pages mid-reference, before its link: `(IEEE, 2021), 351-366. [https://...]`
    pages = match["pages"] if match else parse_reference(without_markup(body)).pages
    return Citation(
        start=work.start,
        end=work.end,
        reference=Reference.FULL,
        author=work.authors[0] if work.authors else None,
        title=work.title,
        year=work.year,
        pages=parse_pages(pages) if pages and _PAGE_LIST.fullmatch(pages) else [],
    )


def _segmented(text: str, start: int, end: int) -> Iterator[Citation]:
    """The citations of `text[start:end]`: one, or several separated by semicolons
    (`Penhale's Diary, 1654; Vosper's Log, 1660.`), each with its own offsets."""
    pieces = _pieces(text, start, end)
    if len(pieces) > 1:
        parsed = [parse_citation(text[a:b], a, b) for a, b in pieces]
        unread = [
            text[a:b] for (a, b), citation in zip(pieces, parsed, strict=True) if not citation
        ]
        # all read, or those not read too short to be the one citation the whole would be
        # (`Acts of 1740 and 1800, and Keast, _Men of the Quay_, p. 108`)
        if all(len(piece.split()) <= _LONGEST_NAME for piece in unread) and len(unread) < len(
            pieces
        ):
            yield from (citation for citation in parsed if citation is not None)
            return
    citation = parse_citation(text[start:end], start, end)
    if citation is not None:
        yield citation


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`text[start:end]` cut at each semicolon outside parentheses that a new citation
    follows (a capital, not a page: `op. cit.; p. 20` stays whole), at a full stop after a
    number that a citation by possessive follows, and at `, and` after a page."""
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
        elif char == "." and depth == 0 and _SENTENCE_AFTER_NUMBER.match(text, index - 1, end):
            pieces.append((begin, index))  # `Journals, March 20, 1688-9. Penhale's Diary, 1684.`
            begin = index + 1
        elif (
            char == ","
            and depth == 0
            and (joined := _AND_ANOTHER.match(text, index, end))
            and _ENDS_WITH_PAGE.search(text, begin, index)
        ):
            pieces.append((begin, index))
            begin = joined.end()
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
    text = without_entities(text)  # `«&nbsp;Analyse ...&nbsp;»`
    citation = _parse_citation(text, start, end)
    titled = _TITLED.match(_AND_FIRST.sub("", text.strip()))
    if citation is None or titled is None or citation.reference is not Reference.FULL:
        return citation
    # The edition's italics say which words are the title: `_Proceedings of the Harb. Soc._,
    # etc., 1801, p. 12` has no author, `Keast, _Quays of N.C._, p. 74` has one.
    author = titled["author"].strip(" ,") if titled["author"] else None
    title = " ".join(titled["title"].split())
    if title.endswith(".") and len(title.split()[-1]) > _ABBREVIATION:
        title = title[:-1]  # `_Harbour Dues._`, but `_Dues in Cwl._`
    return replace(citation, author=author, title=title)


# A reference that opens with its title in quotation marks, an article's, has no author.
_QUOTED_TITLE = re.compile(r'["\u201c\u00ab]\s*(?P<title>[^"\u201d\u00bb]+?)[\s,.]*["\u201d\u00bb]')
_ABBREVIATION = 5  # the most letters, with its full stop, of an abbreviated word (`Harb.`)
# An italic title at the start of a citation, perhaps after its author's name.
_TITLED = re.compile(
    r"(?:(?P<author>[^\W\d_][^_*,;()]{0,60}?),\s*)?(?P<mark>[_*])(?!passim|ibid|et\s+seq)"
    r"(?=\S)(?P<title>[^_*]+?)"
    r"(?<=\S)(?P=mark)(?![\w*])"
)


def _parse_citation(text: str, start: int, end: int) -> Citation | None:
    core = unmarked(text).strip()  # `_Ibid._`, `*History of Hale County*`
    core = _LINKS.sub("", _AND_FIRST.sub("", _ETC.sub("", core))).strip()
    if see := _LEADING_SEE.match(core):
        core = core[see.end() :]
    if classical := _classical(core, start, end):
        return classical
    pages: list[PageRange] = []
    passim = _PASSIM.search(core) or _SHELFMARK.search(core)
    if passim:  # `An Address to the Shipowners of Falmouth, _passim_`: the whole work;
        core = core[: passim.start()]  # `Truro Record Office, TR 4/2`: a document in it
    elif match := _PAGES.search(core) or _BARE_PAGES.search(core):
        pages = parse_pages(match["pages"])
        core = core[: match.start()]
    reference = Reference.FULL
    for kind, pattern in _REFERENCE_WORDS:
        if found := pattern.search(core):
            reference = kind
            if kind in (Reference.IBID, Reference.IDEM) and not core[: found.start()].strip():
                # `Ibid., 1801, Report from New York`: what follows is a locator
                if not pages and (leading := _LEADING_PAGES.match(core, found.end())):
                    pages = parse_pages(leading["pages"])  # `Ibid., 106, 114-120. He ...`
                core = ""
            core = pattern.sub(" ", core)
            break
    if reference is Reference.FULL and not _IMPRINT.search(core):
        citation = _author_date(core, start, end)
        if citation is not None:
            return replace(citation, pages=pages) if pages else citation
        if not pages and not passim and not _TRAILING_YEAR.search(core):
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
    core = _DATE_LOCATOR.sub("", core)  # `Penhale's Diary, June 2`: the entry, not a title
    core = _VOLUME_LOCATOR.sub("", core)  # `_Cornish Repository_, vol. ii.`
    author = title = None
    parts = re.split(r"\s*[:,]\s*", core, maxsplit=1)
    if quoted := _QUOTED_TITLE.match(core):  # `"Keast Dies, Aged 86," The Packet`: no author
        title = quoted["title"]
    elif len(parts) == 2:
        author, title = parts[0].strip() or None, parts[1].strip(" '\"") or None
    elif possessive := _POSSESSIVE_TITLE.fullmatch(core):  # `Penhale's Diary`
        author, title = possessive["author"], possessive["title"]
    elif core and (reference is not Reference.FULL or _looks_like_name(core)):
        author = core
    elif core:
        title = core.strip(" '\"")
    if reference is Reference.FULL and author is None and title is None:
        return None
    if len((author or "").split()) > _LONGEST_NAME or len((title or "").split()) > _LONGEST_TITLE:
        return None  # `Paul Keast, a son of the harbourmaster, said: "In my boyhood ..."`
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
    match = _AUTHOR_DATE.fullmatch(core.strip(" ,.;:"))
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
    """`Hart`, `E. M. Hart`, `Keast and Vosper`, `Penhale et al.`"""
    words = [word for word in text.split() if word not in _NAME_JOINERS]
    return 1 <= len(words) <= 4 and all(word[:1].isupper() for word in words)


_NAME_JOINERS = frozenset(("and", "&", "et", "et.", "al", "al."))


def parse_pages(text: str) -> list[PageRange]:
    """`20, 26, 36` → three pages; `209-10` → 209–210; `107-09` → 107–109."""
    ranges = []
    for item in re.split(r"\s*(?:,|\band\b|&)\s*", text.strip()):
        item = re.sub(r"^(?:pp?\.|pages?|s\.|col\.)\s*|\s*(?:ff?\.?|et\s+seq\.?)$", "", item)
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
    cited_by_author: dict[str, dict[str, None]] = {}  # surname → the works cited, in order
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
            citation = _resolve_op_cit(doc, citation, cited_by_author)
        else:
            citation = _resolve_full(doc, citation, taken)
        if citation.work is not None and citation.reference is not Reference.CLASSICAL:
            works.update((work.id, work) for work in doc.all_works[len(works) :])
            for surname in works[citation.work].surnames:
                cited_by_author.setdefault(fold(surname), {})[citation.work] = None
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


def _resolve_op_cit(
    doc: Document, citation: Citation, cited_by_author: dict[str, dict[str, None]]
) -> Citation:
    """The author's work cited before; ambiguous when two of theirs were (an *op. cit.*
    then cannot say which)."""
    if not citation.author:
        return replace(citation, unresolved=Unresolved.NO_AUTHOR)
    surname = fold(surname_of(citation.author))
    if len(cited := list(cited_by_author.get(surname, {}))) == 1:
        return replace(citation, work=cited[0])
    if cited:
        return replace(citation, unresolved=Unresolved.AMBIGUOUS, candidates=cited)
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
    dated = citation.reference is Reference.AUTHOR_DATE and citation.year is not None
    of_other_years: list[str] = []
    for work in doc.all_works:
        by_author = surname is not None and (
            surname in (fold(s) for s in work.surnames)
            or fold(citation.author or "") in (fold(a) for a in work.authors)  # `... Office`
        )
        if surname is not None and work.surnames and not by_author:
            if not (_misspelt(surname, work) and citation.title):
                continue  # Penhale's Diary is not Vosper's, however alike the titles
            if title_score(citation.title, work.title) < _MISSPELT_TITLE_MATCH:
                continue  # `Rosewarn, _Remarks on the Pilots_` is ROSEWARNE's, titled alike
        if surname is not None and not work.surnames and citation.title:
            continue  # nor is an anonymous work anyone's
        if by_author and dated and work.year is not None and work.year != citation.year:
            of_other_years.append(work.id)
            continue  # `(Smith 1992, 40)` is not Smith's work of 1990
        # `Harbour Pamphlet, p. 40` names by its title a work that has no author
        named = citation.title or (citation.author if not work.surnames else None)
        score = title_score(named, work.title) if named and work.title else 0.0
        if by_author and (
            score >= _TITLE_MATCH
            or (citation.year is not None and citation.year == work.year)
            or not citation.title
        ):
            score += 100
        if by_author and named and score < _AUTHOR_TITLE_MATCH and work.year != citation.year:
            continue  # another title by the same author: another work
        if score > best_score and (by_author or score >= _TITLE_MATCH):
            best, best_score = work, score
    if best is None and of_other_years:  # the author's, but of no year of theirs
        return replace(citation, unresolved=Unresolved.NO_YEAR, candidates=of_other_years)
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


_TITLE_WORD = re.compile(r"[^\W_]+\.?")
# How much each word of a full title that a short title leaves out lowers the match, and
# the most it may: of two works whose titles both hold `Pilots of North Cornwall`, the
# shorter, closer title is the one cited.
_LEFT_OUT = 0.5
_MOST_LEFT_OUT = 10
# How far apart, for each of its words, the words of a short title may lie in the full one.
_SPREAD = 2


def _misspelt(surname: str, work: Work) -> bool:
    """Whether a cited surname is one of the work's misspelt (`Rosewarn` for `ROSEWARNE`)."""
    return len(surname) >= _MISSPELT_SURNAME_LENGTH and any(
        fuzz.ratio(surname, fold(listed)) >= _MISSPELT_SURNAME for listed in work.surnames
    )


def title_score(cited: str, listed: str) -> float:
    """How well a cited title matches a listed one (0-100), either being the short form of
    the other: the words of the shorter found in order in the longer, an abbreviation
    matching the start of a word (`Harb. Soc.` is `Harbour Society`, `N.C.` is `North
    Cornwall`), or the two alike letter by letter; less for each word they differ by."""
    one, other = _title_words(cited), _title_words(listed)
    if not one or not other:
        return 0.0
    short, full = sorted((one, other), key=len)
    fuzzy = fuzz.ratio(fold(cited), fold(listed))  # the same title, misspelt
    left_out = min(_MOST_LEFT_OUT, _LEFT_OUT * (len(full) - len(short)))
    return max(_in_order(short, full), fuzzy) - left_out


def _title_words(title: str) -> list[tuple[str, bool]]:
    """The folded words of a title, each with whether it was abbreviated (`Soc.`)."""
    return [(fold(word.rstrip(".")), word.endswith(".")) for word in _TITLE_WORD.findall(title)]


def _abbreviates(short: str, word: str) -> bool:
    """`Soc.` for `Society`, `Cwl.` for `Cornwall`: the first letter, then the others
    in order."""
    letters = iter(word[1:])
    return word[:1] == short[:1] and all(letter in letters for letter in short[1:])


def _in_order(short: list[tuple[str, bool]], full: list[tuple[str, bool]]) -> float:
    """The share of the short title's words found in order in the full one (0-100)."""
    matched, position, first = 0, 0, None
    for word, abbreviated in short:
        for index in range(position, len(full)):
            candidate = full[index][0]
            if (
                candidate == word
                or (abbreviated and _abbreviates(word, candidate))
                or (len(word) >= 4 and candidate.startswith(word))
            ):
                matched, position = matched + 1, index + 1
                first = index if first is None else first
                break
    if first is not None and position - first > _SPREAD * len(short) + 2:
        return 0.0  # words scattered over a long title: `Harb. Soc.` in `... Harbours ...
        # Friendly Society` is no short form of it
    return 100 * matched / len(short)
