"""Mentions of people, organisations and places in the body of the text.

spaCy's statistical mentions are combined with what the document itself knows, which is more
reliable for its own names: the glossary's people, the asterisked names, names defined with
an alias in parentheses (`the 'Trade Committee' (Torgkom)`), and close spellings of those
names that OCR or transliteration produced. Titles and ranks (`General`, `Professor`) are
kept out of the name; a forename introduced by kinship (`his brother Ivan`) is a person too.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator

from fontes.entities.recognise import recognise
from fontes.model import Document, EntityKind, Mention, Span, SpanSet, display_surname
from fontes.text.names import EDITOR_WORDS, TITLES, WORD, fold, strip_possessive
from fontes.text.spelling import Difference, compare, is_known_word, transliteration_key

_CAPITALISED = re.compile(r"[A-Z\u00c0-\u00de\u0400-\u042f][\w\-]*[\w]")
# Lower-case words that may stand inside a name (`Board of Trade`).
_JOINING = ("of", "and", "for", "the", "de", "du")
# The parenthesised alias that ends an `_ALIAS` match.
_ALIAS_PART = r"\((?P<alias>['\"]?[A-Z][\w\-]+['\"]?)\)"
_ALIAS = re.compile(
    rf"(?P<quote>['\"]?)(?P<name>[A-Z][\w\-]*(?:\s+(?:[A-Z][\w\-]*|{'|'.join(_JOINING)}))*"
    rf"\s*[A-Z][\w\-]*)(?P=quote)\s*{_ALIAS_PART}"
)
# The alias alone; what cannot be in a name; its words; a word that can end one (`Trade`,
# `deGaulle`).
_ALIAS_PAREN = re.compile(_ALIAS_PART)
_NOT_IN_NAME = re.compile(r"[^\w\s\-]")
_NAME_WORD = re.compile(r"[\w\-]+")
_ENDS_NAME = re.compile(rf"(?:{'|'.join(_JOINING)})?[A-Z]")
_KINSHIP = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:brother|sister|son|daughter|father|mother|wife|husband|"
    r"cousin|nephew|niece|uncle|aunt)\s+(?P<forename>[A-Z][a-z]+)"
    r"(?:[ \t]+(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?))?\b"
)
# Capitalised words that start a clause rather than continue a name: `his brother Ivan Then`.
_NOT_SURNAMES = frozenset("The And But In On At As Then When While If Or So Of To By".split())
_ORGANISATION_WORDS = frozenset(
    """
    committee party company union association institute institution ministry council
    centre center society bank league school university office board commission army
    government church corporation federation movement front club academy tribunal court
    """.split()
)
_PARTICLES = frozenset("de da di del van von der den la le du dos das ter ten y".split())
_NOT_NAMES = EDITOR_WORDS | frozenset("cit op ibid ibidem idem loc p pp vol".split())
_WORD_BEFORE = re.compile(r"(\w+)\.?\s+$")


def find_mentions(doc: Document, model: str | None = None) -> None:
    """Fill `doc.mentions` in text order; no two mentions overlap. `model` names the spaCy
    pipeline (`Settings.spacy_model`; None: the default)."""
    body = [p for p in doc.paragraphs if not doc.claimed(p)]
    taken = SpanSet()
    mentions: list[Mention] = []

    def add(mention: Mention) -> None:
        if mention.start in taken or (mention.end - 1) in taken:
            return
        if doc.in_apparatus(mention.start):
            return  # a citation's author, a heading's words (`The Coal Porters Organise`)
        taken.add(mention)
        mentions.append(mention)

    for reference in doc.cross_references:
        add(_person(doc, reference.start, reference.end - 1, "cross-reference"))
    aliases = dict(_aliases(doc, body, add))
    for mention in _kinship(doc, body):
        add(mention)
    people = {fold(entry.surname): entry.surname for entry in doc.glossary}
    people.update((fold(r.name.split()[-1]), r.name.split()[-1]) for r in doc.cross_references)
    for span in recognise(doc.text, [(p.start, p.end) for p in body], model):
        cleaned = _clean(doc, span.start, span.end, EntityKind(span.kind), people, aliases)
        if cleaned is not None:
            add(cleaned)
    # Surnames the text gives with forenames are names it may repeat alone.
    people.update((fold(m.surname), m.surname) for m in mentions if m.forenames and m.surname)
    for mention in list(_gazetteer(doc, body, people, aliases)):
        add(mention)
    mentions.sort(key=lambda m: m.start)
    doc.mentions.extend(mentions)


def _person(doc: Document, start: int, end: int, source: str) -> Mention:
    """A person mention, its titles trimmed off and its name split into parts."""
    words = list(WORD.finditer(doc.folded, start, end))
    while len(words) > 1 and fold(words[0][0].rstrip(".")) in TITLES:
        words.pop(0)
    start = words[0].start() if words else start
    surname = strip_possessive(words[-1][0]) if words else ""
    forenames = " ".join(w[0] for w in words[:-1])
    if words and words[-1][0] != surname:
        end = words[-1].start() + len(surname)
    return Mention(
        start=start,
        end=end,
        kind=EntityKind.PERSON,
        source=source,
        forenames=forenames,
        surname=surname,
    )


def _aliases(
    doc: Document, body: list[Span], add: Callable[[Mention], None]
) -> Iterator[tuple[str, EntityKind]]:
    """`the 'Russian Trade Committee' (Torgkom)`: a name and its alias, both mentions."""
    for paragraph in body:
        for match in _alias_matches(doc.folded, paragraph.start, paragraph.end):
            name, alias = match["name"], match["alias"].strip("'\"")
            words = {w.lower() for w in name.split()}
            kind = EntityKind.ORGANISATION if words & _ORGANISATION_WORDS else None
            if kind is None and not (len(name.split()) > 1 or is_known_word(alias)):
                continue
            kind = kind or EntityKind.ORGANISATION
            alias_start = match.start("alias") + (1 if match["alias"][0] in "'\"" else 0)
            add(
                Mention(start=match.start("name"), end=match.end("name"), kind=kind, source="alias")
            )
            add(Mention(start=alias_start, end=alias_start + len(alias), kind=kind, source="alias"))
            yield name, kind
            yield alias, kind


def _alias_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """What `_ALIAS.finditer(text, start, end)` finds, in time linear in the text.

    Searched plainly, the pattern is tried at every capital of a run of capitalised words and
    follows the run to its end: quadratic in a paragraph of them. A match ends at an alias in
    parentheses, and its name is made of the words just before it, so each alias is searched
    for only from the earliest place a name reaching it could begin.
    """
    for paren in _ALIAS_PAREN.finditer(text, start, end):
        before = text[start : paren.start()].rstrip()
        quoted = before.endswith(("'", '"'))
        before = before[:-1] if quoted else before
        run = max((m.end() for m in _NOT_IN_NAME.finditer(before)), default=0)
        if quoted:  # only the quote that opens the run can open the name
            match = _ALIAS.match(text, start + run - 1, paren.end()) if run else None
        else:
            match = _ALIAS.search(text, start + _name_bound(before, run), paren.end())
        if match:
            yield match
        start = paren.end()  # a name holds no parenthesis


def _name_bound(before: str, run: int) -> int:
    """Where in `before` a name ending it can begin at the earliest: not before a word that
    cannot continue a name, and inside the last word if that word cannot end one."""
    words = list(_NAME_WORD.finditer(before, run))
    if not words:
        return len(before)
    if not _ENDS_NAME.match(words[-1][0]):
        return words[-1].start()
    inside = [w.start() for w in words[:-1] if not ("A" <= w[0][0] <= "Z" or w[0] in _JOINING)]
    return max(max(inside, default=run) - 1, 0)


def _clean(
    doc: Document,
    start: int,
    end: int,
    kind: EntityKind,
    people: dict[str, str],
    aliases: dict[str, EntityKind],
) -> Mention | None:
    """Trim a statistical mention to the name itself, and type it by what the document knows."""
    text = doc.folded[start:end]
    cut = min((text.find(mark) for mark in (":", "*") if mark in text), default=len(text))
    end = start + cut
    while end > start and not doc.folded[end - 1].isalnum():
        end -= 1
    while start < end and not doc.folded[start].isalnum():
        start += 1
    words = WORD.findall(doc.folded, start, end)
    if words and words[0].lower() == "the":
        start = doc.folded.index(words[0], start) + len(words[0])
        while start < end and not doc.folded[start].isalnum():
            start += 1
        words = words[1:]
    if not words or not any(ch.isupper() for ch in "".join(words)):
        return None
    if words[-1].lower() in _NOT_NAMES or fold(words[-1]) in TITLES:
        return None  # `Ed`, `op. cit`, `the White Russian General`
    name = doc.folded[start:end]
    if name in aliases:
        return Mention(start=start, end=end, kind=aliases[name], source="ner")
    if fold(strip_possessive(words[-1])) in people:
        return _person(doc, start, end, "ner")
    if kind is EntityKind.PERSON:
        # `Recorder of Stanmouth` is an office; a lone word (`Tyne`) is too weak unless a
        # title stands before it (`Admiral Purvey`).
        if any(word.islower() and word not in _PARTICLES for word in words):
            return None
        if len(words) < 2 and not _after_title(doc, start):
            return None
        return _person(doc, start, end, "ner")
    return Mention(start=start, end=end, kind=kind, source="ner")


def _after_title(doc: Document, start: int) -> bool:
    """Whether the word just before `start` is a title or rank (`Mr.`, `General`)."""
    before = _WORD_BEFORE.search(doc.folded, max(0, start - 24), start)
    return before is not None and fold(before[1]) in TITLES


def _gazetteer(
    doc: Document, body: list[Span], people: dict[str, str], aliases: dict[str, EntityKind]
) -> Iterator[Mention]:
    """The document's own names wherever they recur, and their close misspellings."""
    known: dict[str, EntityKind] = {name: EntityKind.PERSON for name in people.values()}
    known.update(aliases)
    # The glossary's capitals as prose prints them: `HALLORAN` is found as `Halloran` too.
    known.update(
        {shown: EntityKind.PERSON for n in people.values() if (shown := display_surname(n)) != n}
    )
    by_letter: dict[str, list[tuple[str, EntityKind]]] = defaultdict(list)
    for name, known_kind in known.items():
        by_letter[transliteration_key(name)[:1]].append((name, known_kind))
    verdicts: dict[str, EntityKind | None] = {}

    def kind_of(word: str) -> EntityKind | None:
        """The kind of a known name this word spells, looked up once per distinct word."""
        if word not in verdicts:
            kind: EntityKind | None = known.get(word)
            if kind is None and len(word) >= 5 and not is_known_word(word):
                bucket = by_letter.get(transliteration_key(word)[:1], [])
                kind = next(
                    (k for name, k in bucket if compare(name, word) not in (None, Difference.SAME)),
                    None,
                )
            verdicts[word] = kind
        return verdicts[word]

    for paragraph in body:
        for match in _CAPITALISED.finditer(doc.folded, paragraph.start, paragraph.end):
            word = strip_possessive(match[0])
            kind = kind_of(word)
            if kind is EntityKind.PERSON:
                yield _person(doc, match.start(), match.start() + len(word), "gazetteer")
            elif kind is not None:
                yield Mention(
                    start=match.start(),
                    end=match.start() + len(word),
                    kind=kind,
                    source="gazetteer",
                )


def _kinship(doc: Document, body: list[Span]) -> Iterator[Mention]:
    for paragraph in body:
        for match in _KINSHIP.finditer(doc.folded, paragraph.start, paragraph.end):
            surname = match["surname"] if match["surname"] not in _NOT_SURNAMES else None
            yield Mention(
                start=match.start("forename"),
                end=match.end("surname") if surname else match.end("forename"),
                kind=EntityKind.PERSON,
                source="kinship",
                forenames=match["forename"],
                surname=surname or "",
            )
