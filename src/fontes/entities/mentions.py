"""Mentions of people, organisations and places in the body of the text.

spaCy's statistical mentions are combined with what the document itself knows, which is more
reliable for its own names: the glossary's people, the asterisked names, names defined with
an alias in parentheses (`the 'Trade Committee' (Torgkom)`), and close spellings of those
names that OCR or transliteration produced. Titles and ranks (`General`, `Professor`) are
kept out of the name; a forename introduced by kinship (`his brother Ivan`) is a person too.

A person the model gives is read as a reader would: two names joined by `and` or punctuation
are two people; a heading, a title or an editor's initial the model ran into the name is cut
off; a name alone is kept when a title stands before it or the document supports it (see
`_LoneNames`), and a capitalised common noun or a place is not a person.

An encoded edition (TEI) that marks its names is read as it marks them: its `persName`,
`orgName` and `placeName` are the mentions, and no model or rule guesses at the rest.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from fontes.entities.recognise import EntitySpan, recognise
from fontes.model import Document, EntityKind, Mention, Span, SpanSet, display_surname
from fontes.text.names import EDITOR_WORDS, TITLES, WORD, after_title, fold, strip_possessive
from fontes.text.ocr_channel import edits
from fontes.text.speech import SPEECH_VERB
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
# What parts two names in one statistical span: `Oriel and Tamsin`, `Quaile, Pellam`, and
# the columns of a table.
_NAME_BREAK = re.compile(
    r"\s*(?:[,;](?:\s*(?:and|&)(?=\s))?|--+|[\u2013\u2014]|\s(?:and|&)(?=\s))\s*|\s{3,}"
)
_DASHES = ("-", "\u2013", "\u2014")
_NAME_SUFFIXES = frozenset("esq esqs esquire jr junr sr senr".split())
# The last word of a place the model may take for a person (`the Lower States`).
_PLACE_WORDS = frozenset(
    """
    states kingdom county counties islands isles provinces colonies territory territories
    republic empire ocean sea river mountains harbour harbor falls avenue avenues street
    castle
    """.split()
)
# What joins the names of a list of people: `Quaile, Pellam and Berrow`.
_LIST_JOIN = re.compile(r"\s*(?:[,;]\s*(?:and\s+)?|and\s+|&\s*)")
# The end of a line where OCR or print broke a word: `Tarv¬ enish`, `Mc-\nQuaile`.
_BROKEN_WORD = re.compile(r"[\u00ac\-]\s*$")
_REGNAL_NUMBER = re.compile(r"[IVXLC]+")
_LOWER_WORD = re.compile(r"(?<![\w'\-])[a-z][a-z'\-]*")
# A capitalised word after an article or a possessive is a noun (`his Majesty`, `the Tarrent`),
# and after `in` (not in the possessive) a place (`in Tarrent`), whatever else the model says.
_AFTER_ARTICLE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Yy]our|[Mm]y)\s+([A-Z][\w\-]*)"
)
_AFTER_IN = re.compile(r"\b(?:in|near|across|throughout|towards)\s+([A-Z][\w\-]*)(?!\w|['\u2019])")
# The verbs of speech that show a lone word to be a speaker's name (`said Quenby`).
_SPEECH_BEFORE = re.compile(rf"\b{SPEECH_VERB}\s+$")
_SPEECH_AFTER = re.compile(rf"\s*,?\s*{SPEECH_VERB}\b")
# A name the text prints this often, never in lower case, is its own (`Quenby` at every turn).
_RECURRING = 3


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
    if given := list(_edition_names(doc)):
        for mention in given:  # an edition that marks its names is read, not guessed again
            add(mention)
        mentions.sort(key=lambda m: m.start)
        doc.mentions.extend(mentions)
        return
    aliases = dict(_aliases(doc, body, add))
    for mention in _kinship(doc, body):
        add(mention)
    people = {fold(entry.surname): entry.surname for entry in doc.glossary}
    people.update((fold(r.name.split()[-1]), r.name.split()[-1]) for r in doc.cross_references)
    recognised = list(recognise(doc.text, [(p.start, p.end) for p in body], model))
    lone = _LoneNames.of(doc, body, recognised)
    for span in recognised:
        kind = EntityKind(span.kind)
        for cleaned in _clean(doc, span.start, span.end, kind, people, aliases, lone):
            add(cleaned)
    # Surnames the text gives with forenames are names it may repeat alone (not the regnal
    # number of `Osric XII`).
    people.update(
        (fold(m.surname), m.surname)
        for m in mentions
        if m.forenames and m.surname and not _REGNAL_NUMBER.fullmatch(m.surname)
    )
    mentions[:] = [_misread_person(doc, m, people) for m in mentions]
    for mention in list(_gazetteer(doc, body, people, aliases)):
        add(mention)
    for mention in _titled(doc, body, lone, people):
        add(mention)
    for mention in _abbreviated_forenames(doc, body):
        add(mention)
    for mention in _signatures(doc, body):
        add(mention)
    mentions.sort(key=lambda m: m.start)
    doc.mentions.extend(mentions)


# An encoded edition's names (TEI), by element, and by `@type` of a plain `name`.
_EDITION_NAMES = {
    "persName": EntityKind.PERSON,
    "orgName": EntityKind.ORGANISATION,
    "placeName": EntityKind.PLACE,
}
_NAME_TYPES = {
    "person": EntityKind.PERSON,
    "org": EntityKind.ORGANISATION,
    "organisation": EntityKind.ORGANISATION,
    "organization": EntityKind.ORGANISATION,
    "place": EntityKind.PLACE,
}


def _edition_names(doc: Document) -> Iterator[Mention]:
    """The people, bodies and places an encoded edition marks (`persName`, `orgName`,
    `placeName`, `name type="person"`), as it marks them; the outer of two nested ones."""
    covered = -1
    for markup in doc.source.markup:
        kind = _EDITION_NAMES.get(markup.tag)
        if markup.tag == "name":
            kind = _NAME_TYPES.get(markup.attributes.get("type", "").lower())
        if kind is None or markup.end <= markup.start or markup.start < covered:
            continue
        covered = markup.end
        if kind is EntityKind.PERSON:
            yield _person(doc, markup.start, markup.end, "edition")
        else:
            yield Mention(start=markup.start, end=markup.end, kind=kind, source="edition")


def _misread_person(doc: Document, mention: Mention, people: dict[str, str]) -> Mention:
    """A one-word place or organisation that is no word but one misread letter from the
    surname of a person the text names (`Yenard` where `Maurice Venard` is named): OCR's
    spelling of that person, which the model took for a place."""
    word = doc.text[mention.start : mention.end]
    if (
        mention.kind is EntityKind.PERSON
        or not _CAPITALISED.fullmatch(word)
        or fold(word) in people
        or is_known_word(word)
        or not any(candidate in people for candidate in edits(word))
    ):
        return mention
    return _person(doc, mention.start, mention.end, mention.source)


# A title of address, then a name the model may have missed (`Mr. Pellam`, `Capt. Ivo
# Quaile`): the title says a person is named, whatever the model read. OCR reads `Mr` as
# `NIr` or `IVIr` (an M split in two).
_TITLED = re.compile(
    r"\b(?P<title>Mr|Mrs|Messrs|Miss|Dr|Rev|Capt|Col|Gen|Lieut|Sir|Lady|Lord|Madame|Mme|"
    r"Monsieur|Herr|Frau|(?:NI|Nl|IVI)rs?)\.?[ \t\n]+"
    r"(?P<name>[A-Z][\w'\-]+(?:[ \t\n]+(?:[A-Z]\.|[A-Z][\w'\-]+)){0,3}|[a-z][\w'\-]{2,})"
)
# Titles of office or rank before a common noun name no one: `Lord Mayor`, `Sir Knight`.
_OFFICE_TITLES = frozenset({"Sir", "Lady", "Lord", "Capt", "Col", "Gen", "Lieut"})


def _titled(
    doc: Document, body: list[Span], lone: _LoneNames, people: dict[str, str]
) -> Iterator[Mention]:
    """Names after a title of address that no other reader found. A word in lower case is a
    name that OCR lost the capital of (`Mr. pellam`) when the text names that person
    elsewhere, or when it is no word (`Mr. and Mrs.` are words)."""
    for paragraph in body:
        for match in _TITLED.finditer(doc.folded, paragraph.start, paragraph.end):
            words = match["name"].split()
            if match["title"] in _OFFICE_TITLES and fold(words[0]) in lone.lower:
                continue  # `Lord Mayor`: an office, the mayor of the text
            if (
                words[0].islower()
                and fold(words[0]) not in people
                and (match["title"] in _OFFICE_TITLES or is_known_word(words[0]))
            ):
                continue
            yield _person(doc, match.start("name"), match.end("name"), "title")


# Forenames as letters and registers abbreviate them (`Chas.`, `Wm.`, `Thos.`): a person,
# with or without the surname after (`both Chas. and Robt. Pellam`).
_ABBREVIATED_FORENAME = re.compile(
    r"\b(?:Chas|Robt|Wm|Geo|Jas|Thos|Jno|Saml|Benj|Danl|Richd|Edwd|Alexr|Nathl|Wm|Jos)\."
    r"(?:[ \t\n]+[A-Z][\w'\-]+)?"
)


def _abbreviated_forenames(doc: Document, body: list[Span]) -> Iterator[Mention]:
    """A forename's abbreviation and the surname after it, if one follows."""
    for paragraph in body:
        for match in _ABBREVIATED_FORENAME.finditer(doc.folded, paragraph.start, paragraph.end):
            yield _person(doc, match.start(), match.end(), "title")


# A letter's close, then its signers in capitals, a line each: `your obedient servants,\nJORY
# KEAST\nHUGH R. VOSPER.`
_NAME_IN_CAPITALS = r"(?:(?:[A-Z]{2,}|[A-Z][a-z]?\.|[A-Z])[ \t]+){0,3}[A-Z]{2,}[A-Z'\-]*\b"
_SIGNATURE = re.compile(
    r"\b(?i:servants?|yours|truly|respectfully|sincerely|faithfully|friend|consideration|"
    r"esteem|regards?)[ \t]*[,.]?\s+"
    rf"(?P<names>{_NAME_IN_CAPITALS}(?:[ \t]*[.,]?[ \t]*\n{_NAME_IN_CAPITALS})*)"
)
_SIGNER = re.compile(_NAME_IN_CAPITALS)
# A letter's addressee in capitals: `TO JORY KEAST, Esq.`, but not `TO THE PUBLIC.`
_ADDRESSEE = re.compile(
    rf"\bTO[ \t]+(?!(?:THE|ALL|OUR|MY|YOUR|EVERY|ANY)\b)(?P<names>{_NAME_IN_CAPITALS}),"
)


def _signatures(doc: Document, body: list[Span]) -> Iterator[Mention]:
    """The names in capitals that sign a letter, after its close (`Yours, JORY KEAST`), and
    the one it is addressed to (`TO JORY KEAST, Esq.`)."""
    for paragraph in body:
        for match in _SIGNATURE.finditer(doc.folded, paragraph.start, paragraph.end):
            for signer in _SIGNER.finditer(doc.folded, match.start("names"), match.end("names")):
                yield _person(doc, signer.start(), signer.end(), "signature")
        for match in _ADDRESSEE.finditer(doc.folded, paragraph.start, paragraph.end):
            if len(match["names"].split()) > 1:
                yield _person(doc, match.start("names"), match.end("names"), "signature")


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
    lone: _LoneNames,
) -> Iterator[Mention]:
    """Trim a statistical mention to the name itself, and type it by what the document knows.
    A person's span may hold several names (`Oriel and Tamsin`), or none."""
    start, end = _trimmed(doc.folded, start, end)
    words = WORD.findall(doc.folded, start, end)
    if not words or not any(ch.isupper() for ch in "".join(words)):
        return
    if words[-1].lower() in _NOT_NAMES or fold(words[-1]) in TITLES:
        return  # `Ed`, `op. cit`, `the White Russian General`
    if kind is EntityKind.PERSON and len(words) == 1 and _is_titles(words[0]):
        return  # `the Captains` are no one (but `Ivo Brothers` is a name)
    name = doc.folded[start:end]
    if name in aliases:
        yield Mention(start=start, end=end, kind=aliases[name], source="ner")
    elif kind is EntityKind.PERSON:
        for part_start, part_end in _names_in(doc.folded, start, end):
            named = _person_named(doc, part_start, part_end, people, lone)
            if named is not None:
                yield named
    elif fold(strip_possessive(words[-1])) in people or (
        len(words) == 1 and after_title(doc.folded, start)
    ):
        yield _person(doc, start, end, "ner")  # `Senator Scott`, whatever the model said
    else:
        yield Mention(start=start, end=end, kind=kind, source="ner")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A statistical mention's span without what follows a `:` or `*`, the punctuation
    around it and a leading `the`."""
    marks = [at for mark in (":", "*") if (at := text.find(mark, start, end)) >= 0]
    end = min(marks, default=end)
    while end > start and not text[end - 1].isalnum():
        end -= 1
    while start < end and not text[start].isalnum():
        start += 1
    first = WORD.search(text, start, end)
    if first and first[0].lower() == "the":
        start = first.end()
        while start < end and not text[start].isalnum():
            start += 1
    return start, end


def _names_in(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The names a person's span holds: two joined by `and`, a comma, a semicolon or a dash
    are two people (`Oriel and Tamsin`, `Quaile, Pellam`), each without the punctuation."""
    breaks = [bound for m in _NAME_BREAK.finditer(text, start, end) for bound in m.span()]
    bounds = [start, *breaks, end]
    for part_start, part_end in zip(bounds[::2], bounds[1::2], strict=True):
        part_start, part_end = _trimmed(text, part_start, part_end)
        if part_end > part_start:
            yield part_start, part_end


def _person_named(
    doc: Document, start: int, end: int, people: dict[str, str], lone: _LoneNames
) -> Mention | None:
    """The person one name of a statistical person's span names (a place when its last word
    says so: `the Lower States`, `Wexshire`), or None when the name is too weak or no one's."""
    words = list(WORD.finditer(doc.folded, start, end))
    if not words:
        return None
    if fold(strip_possessive(words[-1][0])) in people:
        return _person(doc, start, end, "ner")
    words = _name_words(doc.folded, words, lone)
    start, end = words[0].start(), words[-1].end()
    names = [word[0] for word in words]
    if any(
        word[0].islower()
        and word[0] not in _PARTICLES
        and not _BROKEN_WORD.search(doc.folded, max(start, word.start() - 8), word.start())
        for word in words
    ):
        return None  # `Recorder of Stanmouth` is an office; `Tarv¬ enish` is one word
    if fold(names[-1]) in _PLACE_WORDS or fold(names[-1]).endswith("shire"):
        return Mention(start=start, end=end, kind=EntityKind.PLACE, source="ner")
    if len(names) < 2 and fold(names[0]) in _NAME_SUFFIXES:
        return None  # the `Esq.` of `Orrin Vale, Esq.`
    if len(names) < 2 and not (
        after_title(doc.folded, start) or lone.supports(doc.folded, start, end, names[0])
    ):
        return None
    return _person(doc, start, end, "ner")


def _name_words(text: str, words: list[re.Match[str]], lone: _LoneNames) -> list[re.Match[str]]:
    """The words of a name, without the words the model ran into it: a title-case heading or
    title before a capitalised word no name holds (`Death Of Corvane`), what follows a
    possessive (`Brisco's History`), an initial glued to a dash before it (the editor's
    `--K.` that signs the text before `Abernell`), and an epithet that the text also prints
    in lower case (`the Witch Morwen`, when it speaks of a witch)."""
    words = words[
        max((i + 1 for i, w in enumerate(words[:-1]) if w[0] in _NOT_SURNAMES), default=0) :
    ]
    possessive = next((i for i, w in enumerate(words[:-1]) if strip_possessive(w[0]) != w[0]), None)
    if possessive is not None:
        words = words[: possessive + 1]
    if (
        len(words) > 1
        and len(words[0][0]) == 1
        and text[words[0].start() - 1 : words[0].start()] in _DASHES
    ):
        words = words[1:]
    while len(words) > 1 and len(words[0][0]) > 2 and words[0][0][:1].isupper():
        if fold(words[0][0]) not in lone.lower or fold(words[0][0]) in _PARTICLES:
            break  # `A. Quenby` (`a`), `La Brisque` (`la`), `De Vantry`
        words = words[1:]
    return words


def _is_titles(word: str) -> bool:
    """Whether `word` is a title or rank in the plural (`Captains`)."""
    folded = fold(word)
    return folded.endswith("s") and folded[:-1] in TITLES


@dataclass(frozen=True, slots=True)
class _LoneNames:
    """What the document says of the one-word names the model gives as people: the model
    may read a name alone (`said Quenby`) or a capitalised common noun (`Hope`) as one."""

    alone: Counter[str]  # how often the model gives each word alone as a person
    listed: frozenset[int]  # where the names it lists with other people end
    in_longer: frozenset[str]  # the words of the longer names it gives people
    places: frozenset[str]  # the names it gives places
    lower: frozenset[str]  # the words the text prints in lower case
    nouns: frozenset[str]  # the capitalised words it prints as nouns or places
    recurring: frozenset[str]  # the capitalised words it prints `_RECURRING` times or more

    @classmethod
    def of(cls, doc: Document, body: list[Span], recognised: list[EntitySpan]) -> _LoneNames:
        alone: Counter[str] = Counter()
        in_longer: set[str] = set()
        places: set[str] = set()
        names: list[tuple[int, int]] = []
        for span in recognised:
            start, end = _trimmed(doc.folded, span.start, span.end)
            if span.kind == EntityKind.PLACE:
                places.add(fold(doc.folded[start:end]))
            elif span.kind == EntityKind.PERSON:
                for part_start, part_end in _names_in(doc.folded, start, end):
                    names.append((part_start, part_end))
                    words = [
                        fold(strip_possessive(word))
                        for word in WORD.findall(doc.folded, part_start, part_end)
                        if fold(word) not in TITLES
                    ]
                    if len(words) == 1:
                        alone[words[0]] += 1
                    else:
                        in_longer.update(words)
        lower = {w for p in body for w in _LOWER_WORD.findall(doc.folded, p.start, p.end)}
        capitalised = Counter(
            fold(strip_possessive(word))
            for p in body
            for word in _CAPITALISED.findall(doc.folded, p.start, p.end)
        )
        nouns = {
            fold(word)
            for p in body
            for pattern in (_AFTER_ARTICLE, _AFTER_IN)
            for word in pattern.findall(doc.folded, p.start, p.end)
        }
        return cls(
            alone,
            _listed(doc.folded, names),
            frozenset(in_longer),
            frozenset(places),
            frozenset(lower),
            frozenset(nouns),
            frozenset(word for word, count in capitalised.items() if count >= _RECURRING),
        )

    def supports(self, text: str, start: int, end: int, word: str) -> bool:
        """Whether the document supports `word` at `start:end`, which the model gives alone,
        as a person's name: the model gives it alone more than once, or within a longer
        name, or in a list of people (`Quaile, Pellam and Berrow`), or a speech verb
        stands next to it (`said Quenby`, `Ivo said`), or the text prints it again and
        again, always capitalised, and English has no such word; never a word the text prints in
        lower case too, or after an article (`his Majesty`) or `in` (`in Tarrent`), nor a
        place, nor a word of one or two letters (an initial, or `Ho`, OCR's `He`), nor a
        regnal number."""
        key = fold(strip_possessive(word))
        if len(key) < 3 or key in self.lower or key in self.places or key in self.nouns:
            return False
        if _REGNAL_NUMBER.fullmatch(word):
            return False  # `XII`, of `Osric XII` in a table's column
        return (
            self.alone[key] > 1
            or key in self.in_longer
            or end in self.listed
            or _speech_next_to(text, start, end)
            or (key in self.recurring and not is_known_word(key))
        )


def _listed(text: str, names: list[tuple[int, int]]) -> frozenset[int]:
    """The ends of the `names` (in text order) that stand in a list of people, joined to the
    next or the one before by a comma, a semicolon, `and` or `&` (`Quaile, Pellam and Berrow`)."""
    listed: set[int] = set()
    for (_, previous_end), (start, end) in pairwise(names):
        if _LIST_JOIN.fullmatch(text, previous_end, start):
            listed.update((previous_end, end))
    return frozenset(listed)


def _speech_next_to(text: str, start: int, end: int) -> bool:
    return bool(
        _SPEECH_BEFORE.search(text, max(0, start - 16), start) or _SPEECH_AFTER.match(text, end)
    )


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
