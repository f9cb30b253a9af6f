"""Reference parsing: a bibliography entry or a note's citation, tagged field by field by a CRF.

`parse_reference(text, offset)` cuts the text into tokens (words, numbers, each punctuation
mark on its own; offsets into the caller's text), tags every token with one of `LABELS` by a
linear-chain CRF (CRFsuite, through python-crfsuite) and joins runs of one label into fields.
The model ships with the package (`data/references.crfsuite`); `bench/train_references.py`
trains it, and `bench/bench_references.py` measures it against `bibliography.parse_work`.

The labels are one set for both training corpora. `ANYSTYLE_LABELS` and `LINKEDBOOKS_LABELS`
map their tags onto it, and the loader (`bench/references_data.py`) adds three rules where
the corpora disagree with the set or with each other:

- LinkedBooks has no container: a title run after an `in`/`in:` connective, or a quoted title
  (`“Archivio Veneto”`) after the first title in the same run, is `container-title`;
- LinkedBooks' `publicationnumber-year` (`a. XVIII, t. 36 (1888)`) is split: the year, its
  brackets and a month name are `date`, `n.`/`no.` and its number `issue`, the rest `volume`;
- AnyStyle has no issue: in a volume field (`77(4):`, `vol. 29, no. 2`) a bracketed number
  after the volume, or `no.` and its number, is `issue`.

The tagger is linear in the length of the text; one `ReferenceParser` holds the model and tags
any number of references (`parse_many`). A parser is not safe to share between threads.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TypedDict

import pycrfsuite
from wordfreq import zipf_frequency

from fontes.text.names import EDITOR_MARK, EDITOR_WORDS, drop_editor_marks
from fontes.text.periods import CIRCA, MONTHS, YEAR

# The label set, each with what it holds. `other` is what lies between fields.
LABELS: dict[str, str] = {
    "author": "an author or authors, with their connectives (`Baines, E.`, `A and B`)",
    "editor": "an editor or another secondary contributor (translator, director), with the "
    "role words (`ed.`, `(Hrsg.)`, `a cura di`, `trans.`)",
    "title": "the title of the work cited",
    "container-title": "the journal, newspaper, book or series the work is part of (`In ...`)",
    "volume": "volume, tome, part or series number (`vol. 12`, `2 vols.`, `n. s.`, `a. XVIII`)",
    "issue": "issue or number within a volume (`(4)`, `no. 3`, `n. 37-38`)",
    "pages": "pages, columns, folios or leaves (`pp. 4-9`, `coll. 696-713`, `c. 12r`)",
    "date": "year or date of publication, or of the document cited (`May 3, 1921`)",
    "location": "place of publication",
    "publisher": "publisher or printer",
    "note": "edition, genre, medium, URL, DOI, ISBN, access notes, other descriptions",
    "signature": "archival signature: repository, fonds, series, register, box, file "
    "(`ASV, Senato, Terra, reg. 12`)",
    "abbreviation": "a reference word or stock abbreviation: ibid., id., op. cit., AA. VV.",
    "other": "connecting words, punctuation and numbers outside any field",
}
# AnyStyle's 25 tags (inukshuk/anystyle, res/parser) onto `LABELS`.
ANYSTYLE_LABELS: dict[str, str] = {
    "author": "author",
    "editor": "editor",
    "translator": "editor",
    "director": "editor",
    "producer": "editor",
    "title": "title",
    "journal": "container-title",
    "container-title": "container-title",
    "collection-title": "container-title",
    "volume": "volume",
    "pages": "pages",
    "date": "date",
    "location": "location",
    "publisher": "publisher",
    "note": "note",
    "genre": "note",
    "edition": "note",
    "medium": "note",
    "source": "note",
    "url": "note",
    "doi": "note",
    "isbn": "note",
    "citation-number": "other",
}
# LinkedBooks' 27 component tags (dhlab-epfl/LinkedBooksDeepReferenceParsing) onto `LABELS`.
LINKEDBOOKS_LABELS: dict[str, str] = {
    "author": "author",
    "title": "title",
    "publicationplace": "location",
    "publisher": "publisher",
    "year": "date",
    "date": "date",
    "pagination": "pages",
    "column": "pages",
    "foliation": "pages",
    "cartulation": "pages",
    "volume": "volume",
    "tomo": "volume",
    "numbered_ref": "volume",
    "series": "volume",
    "publicationnumber-year": "volume",
    "publicationspecifications": "note",
    "ref": "note",
    "archivalreference": "signature",
    "archive_lib": "signature",
    "registry": "signature",
    "box": "signature",
    "filza": "signature",
    "folder": "signature",
    "abbreviation": "abbreviation",
    "conjunction": "other",
    "o": "other",
}

MODEL_FILE = "references.crfsuite"
# A word (letters and digits, inner apostrophes kept: `O'Brien`, `dell’arte`) or any other
# single character that is not a space. `_` is punctuation here: `_Title._` is italics.
_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|\S")
_YEAR = re.compile(rf"{YEAR}[a-z]?")
_YEAR_IN = re.compile(rf"(?<![0-9]){YEAR}(?![0-9])")
_CIRCA = re.compile(CIRCA, re.IGNORECASE)
_EDITOR_MARK = re.compile(EDITOR_MARK, re.IGNORECASE)
_ROMAN = frozenset("ivxlcdmIVXLCDM")
_ORDINAL = re.compile(r"[0-9]+(?:st|nd|rd|th|e|er|re|a|o|°|ª|º)", re.IGNORECASE)
# Lexicon cues: a word's classes when it is one of these (lower case, without its full stop),
# in the languages of the corpora (English, French, German, Italian, Spanish, Latin). A class
# carries what the training data teach of its commoner members to the rarer ones: `Heft`
# is an issue as `no.` is, `Göttingen` a place as `London` is.
_CUE_WORDS: dict[str, frozenset[str]] = {
    "editor": EDITOR_WORDS
    | frozenset(
        "edd edited editor editors edit éd éds hg hgg herausgegeben herausgeber cura curatore "
        "curatori coord dir direction trans transl translated translator tr trad traduit "
        "traduction traducción übers übersetzt".split()
    ),
    "pages": frozenset("p pp pag pagg page pages col cols coll ff s ss seiten sp".split()),
    "volume": frozenset(
        "vol vols voll volume volumes v bd bde band t tom tome tomo pt part parte teil a anno "
        "jg jahrgang ser series serie année".split()
    ),
    "issue": frozenset("no nos n nr num numéro numero número issue heft fasc fascicolo h".split()),
    "reference": frozenset(
        "ibid ibidem ib id idem eadem ead op cit loc ivi ebd ebenda ders dies aa vv cf cfr "
        "supra infra passim".split()
    ),
    "archive": frozenset(
        "archivio archive archives archiv archivo busta filza reg registro registri fasc ms "
        "mss cod codex fondo box folder file fol fols fo recto verso shelfmark asv bnm tna pro "
        "bl bnf add misc collection papers records library biblioteca bibliothèque office "
        "doc prot".split()
    ),
    "publisher": frozenset(
        "press verlag editore editori edizioni editrice editorial editora ediciones publishers "
        "publisher publishing publications books presses universitaires éditions editions "
        "druck tipografia tip typ sons co inc ltd company university universitaria gmbh pub "
        "publ buchhandlung".split()
    ),
    "in": frozenset("in dans en im".split()),
    "and": frozenset("and et und e y u".split()),
    "particle": frozenset("de di da van von der den del della du la le".split()),
    "url": frozenset(
        "http https www doi url org com html pdf isbn issn available accessed retrieved online "
        "consulté abgerufen".split()
    ),
    "edition": frozenset(
        "edition edn ed auflage aufl edizione édition edición rev revised reprint".split()
    ),
    "thesis": frozenset(
        "thesis dissertation diss phd thèse tesi doctorat mémoire report working paper".split()
    ),
    # Words that name a periodical or a proceedings volume: the container, mostly.
    "periodical": frozenset(
        """
        journal journals revue review reviews rivista bollettino bulletin bullettino zeitschrift
        jahrbuch jahresbericht mitteilungen blätter archiv archivio archives annales annali
        annals annual quarterly proceedings transactions acta actes atti memorie mémoires
        memoirs cahiers studi studies studien études estudios magazine gazette gazzetta
        herald times chronicle newsletter letters quaderni rassegna nuova nuovo giornale
        revista anuario boletín cuadernos symposium conference congress congrès congresso
        colloque convegno workshop handbook encyclopedia encyclopaedia dictionary dizionario
        dictionnaire lexikon mélanges festschrift
        """.split()
    ),
    # Where books are printed, the places a reference most often names.
    "place": frozenset(
        """
        london oxford cambridge edinburgh glasgow dublin manchester birmingham liverpool
        york boston chicago philadelphia washington baltimore princeton berkeley toronto
        montreal montréal ottawa québec quebec sydney melbourne paris lyon toulouse bordeaux
        lille rennes nancy strasbourg marseille montpellier grenoble rouen dijon nantes
        bruxelles brussels louvain leuven genève geneva lausanne bern basel zürich zurich
        berlin leipzig münchen munich frankfurt hamburg köln cologne bonn göttingen tübingen
        heidelberg stuttgart freiburg mainz münster marburg halle dresden jena weimar wien
        vienna graz innsbruck salzburg prag praha budapest warszawa warsaw kraków moskva
        moscow amsterdam leiden utrecht haag københavn copenhagen stockholm oslo helsinki
        roma rome milano milan venezia venice firenze florence torino turin bologna napoli
        naples genova padova pisa bari brescia treviso verona vicenza trieste palermo
        madrid barcelona sevilla salamanca valencia lisboa lisbon coimbra porto méxico mexico
        aires paulo janeiro santiago lima bogotá tokyo beijing delhi calcutta bombay
        jerusalem cairo istanbul athens athènes
        """.split()
    ),
}
# Month names beyond the English ones of `periods.MONTHS` (French, German, Italian, Spanish).
_OTHER_MONTHS = frozenset(
    """
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    januar februar märz juni juli oktober dezember gennaio febbraio marzo aprile maggio
    giugno luglio agosto settembre ottobre dicembre enero febrero abril mayo junio julio
    septiembre octubre noviembre diciembre
    """.split()
)
_CUES: dict[str, tuple[str, ...]] = {}
for _cue, _words in _CUE_WORDS.items():
    for _word in sorted(_words):
        _CUES[_word] = (*_CUES.get(_word, ()), _cue)
for _month in sorted(MONTHS.keys() | _OTHER_MONTHS):
    _CUES[_month] = (*_CUES.get(_month, ()), "month")
# Words printed abbreviated, whose full stop ends no sentence (`vol.`, `ed.`, `op. cit.`).
_ABBREVIATED = frozenset().union(
    *(_CUE_WORDS[kind] for kind in ("editor", "pages", "volume", "issue", "reference", "archive"))
)
_OPENERS = {"(": ")", "[": "]", "{": "}", "«": "»", "“": "”", "„": "“", "‘": "’", '"': '"'}
_CLOSERS = frozenset(_OPENERS.values())
_CONTAINER_LEAD = frozenset(("in", "dans", "im", "en"))
_ROLE_WORDS = re.compile(
    r"^\s*(?:(?:edited|translated|compiled)\s+by|ed(?:s|d)?\.|hrsg\.?(?:\s+v(?:on)?\.?)?|"
    r"hg\.|a\s+cura\s+di|trans(?:l)?\.|tr\.|trad\.|dir\.)\s*|"
    r"[,\s]*\(?\s*\b(?:eds?|edd|hrsg|hg|comps?|trans|dir)\.?\s*\)?[.,\s]*$",
    re.IGNORECASE,
)
_ET_AL = re.compile(r",?\s*\bet\s+al\b\.?", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:;|&|\b(?:and|et|und|e|y)\b)\s*")
_INITIALS = re.compile(r"(?:[A-Z][a-z]?\.?[\s\-]*)+")
_FORENAMES = re.compile(r"(?:(?:[A-Z][\w'\u2019\-]*\.?|[A-Z]\.)\s*){1,3}")
_SURNAME = re.compile(r"(?:(?:[a-z]{1,4}\s+){0,2}[\w'\u2019]+(?:\s*-\s*[\w'\u2019]+)?)")
_LOCATOR_WORDS = re.compile(
    r"^(?:pp?|pag|pagg|col|coll|vols?|voll|v|bd|t|tom|tomo|no|nr|n|fol|ff?|s)\.?\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word, a number or a punctuation mark, by offsets into the caller's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ReferenceField:
    """A run of tokens with one label, without the punctuation that only separates it."""

    label: str
    start: int
    end: int


class WorkFields(TypedDict):
    """What a `fontes.model.Work` takes from a parsed reference: `Work(id=..., **fields)`."""

    start: int
    end: int
    title: str
    authors: list[str]
    editors: list[str]
    place: str | None
    year: int | None
    volume: str | None


@dataclass(frozen=True, slots=True)
class ParsedReference:
    """One reference, its tokens with their labels and the fields they form."""

    text: str
    offset: int
    tokens: tuple[Token, ...]
    labels: tuple[str, ...]
    fields: tuple[ReferenceField, ...]

    @property
    def start(self) -> int:
        return self.offset

    @property
    def end(self) -> int:
        return self.offset + len(self.text)

    def text_of(self, span: Token | ReferenceField) -> str:
        return self.text[span.start - self.offset : span.end - self.offset]

    def all(self, label: str) -> list[ReferenceField]:
        return [field for field in self.fields if field.label == label]

    def first(self, label: str) -> ReferenceField | None:
        return next((field for field in self.fields if field.label == label), None)

    def value(self, label: str) -> str | None:
        """The text of the first field with `label`, or None."""
        found = self.first(label)
        return self.text_of(found) if found is not None else None

    @property
    def authors(self) -> list[str]:
        return [name for field in self.all("author") for name in split_names(self.text_of(field))]

    @property
    def editors(self) -> list[str]:
        return [name for field in self.all("editor") for name in split_names(self.text_of(field))]

    @property
    def title(self) -> str | None:
        return self.value("title")

    @property
    def container(self) -> str | None:
        return self.value("container-title")

    @property
    def date(self) -> str | None:
        return self.value("date")

    @property
    def year(self) -> int | None:
        """The first year printed in a date field (`(May 3, 1921)` → 1921)."""
        for field in self.all("date"):
            if match := _YEAR_IN.search(self.text_of(field)):
                return int(match[0])
        return None

    @property
    def place(self) -> str | None:
        return self.value("location")

    @property
    def publisher(self) -> str | None:
        return self.value("publisher")

    @property
    def pages(self) -> str | None:
        """The pages without their `p.`/`pp.`: `pp. 327-35` → `327-35`."""
        return _without_locator(self.value("pages"))

    @property
    def volume(self) -> str | None:
        """The volume without its `vol.`: `vol. 12` → `12`."""
        return _without_locator(self.value("volume"))

    @property
    def issue(self) -> str | None:
        return _without_locator(self.value("issue"))

    @property
    def signature(self) -> str | None:
        return self.value("signature")

    @property
    def abbreviation(self) -> str | None:
        return self.value("abbreviation")


def _without_locator(text: str | None) -> str | None:
    if text is None:
        return None
    return _LOCATOR_WORDS.sub("", text).strip() or text


def work_fields(parsed: ParsedReference) -> WorkFields:
    """The fields of a `fontes.model.Work` read from a parsed bibliography entry."""
    return WorkFields(
        start=parsed.start,
        end=parsed.offset + len(parsed.text.rstrip()),
        title=parsed.title or "",
        authors=parsed.authors,
        editors=parsed.editors,
        place=parsed.place,
        year=parsed.year,
        volume=parsed.volume,
    )


def split_names(text: str) -> list[str]:
    """The names in an author or editor field: `Bergk, V., Haefeli, W. E. & Gasse, C.` →
    three; `ed. Michael Renov` → `Michael Renov`; `A. Smith et al.` → `A. Smith`."""
    text = _ROLE_WORDS.sub("", drop_editor_marks(text))
    text = _ROLE_WORDS.sub("", _ET_AL.sub("", text))
    names: list[str] = []
    for chunk in _NAME_SPLIT.split(text):
        parts = [part.strip() for part in chunk.split(",") if part.strip(" .")]
        index = 0
        while index < len(parts):
            part = parts[index]
            after = parts[index + 1] if index + 1 < len(parts) else None
            if after is not None and _pairs_with(part, after):
                part, index = f"{part}, {after}", index + 2
            else:
                index += 1
            name = _clean_name(part)
            if name:
                names.append(name)
    return names


def _pairs_with(surname: str, forenames: str) -> bool:
    """Whether `Surname` and the next comma part `Forenames` are one inverted name."""
    if _INITIALS.fullmatch(forenames):
        return _SURNAME.fullmatch(surname) is not None or not _are_initials(surname)
    return (
        _FORENAMES.fullmatch(forenames) is not None
        # `Le Grice, Anne`, `van Hoorn, Pieter`; but `John Smith, Jane Doe` are two
        and (" " not in surname.strip() or len(surname.split()) == 2 == len(forenames.split()) + 1)
        and not _are_initials(surname)
    )


def _are_initials(name: str) -> bool:
    """`J. D.`, `JD`, not a surname in capitals (`DE BOW`)."""
    letters = name.replace(" ", "").replace("-", "")
    return _INITIALS.fullmatch(name) is not None and ("." in name or len(letters) <= 2)


def _clean_name(name: str) -> str:
    name = name.strip(" ,;:")
    last = name.split()[-1][:-1] if name.endswith(".") else ""
    if last.isalpha() and len(last) > 2:  # `Croce, Benedetto.`, not `Jacoby, H.D.`
        name = name[:-1]
    return name


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words, numbers and punctuation marks of `text`; every non-space character is in one."""
    return [Token(offset + m.start(), offset + m.end()) for m in _TOKEN.finditer(text)]


def _shape(word: str) -> str:
    shape: list[str] = []
    for char in word:
        kind = "X" if char.isupper() else "x" if char.isalpha() else "d" if char.isdigit() else char
        if not (shape and kind in "Xx" and shape[-1] == kind):
            shape.append(kind)
    return "".join(shape)[:8]


def _word_features(word: str) -> tuple[list[str], list[str]]:
    """A token's own features, and the short list its neighbours see."""
    lower = word.lower()
    shape = _shape(word)
    own = [f"w={lower[:20]}", f"sh={shape}"]
    near = [f"w={lower[:20]}", f"sh={shape}"]
    if word[0].isalnum():
        if len(lower) >= 3:
            own += [f"p3={lower[:3]}", f"s3={lower[-3:]}", f"s2={lower[-2:]}"]
        own.append(f"len={min(len(word), 7)}")
        if word.isdigit():
            own.append(f"digits={min(len(word), 5)}")
        elif any(char.isdigit() for char in word):
            own.append("mixed")
            if _ORDINAL.fullmatch(word):
                own.append("ordinal")
        if word.isupper() and len(word) > 1:
            own.append("upper")
        elif word[0].isupper():
            own.append("capital")
        if _YEAR.fullmatch(word):
            own.append("year")
            near.append("year")
        if all(char in _ROMAN for char in word) and len(word) <= 7:
            own.append("roman")
        if word.isalpha():
            own.append(f"zipf={_zipf(lower)}")
    else:
        own.append("punct")
    for cue in _CUES.get(lower, ()):
        own.append(f"cue={cue}")
        near.append(f"cue={cue}")
    return own, near


@lru_cache(maxsize=200_000)
def _zipf(lower: str) -> int:
    """How common a word is in English, 0 (unknown) to 7 (`the`): titles are made of common
    words, names and places mostly of rare ones."""
    return int(zipf_frequency(lower, "en"))


def _block_features(words: Sequence[str], gaps: Sequence[str]) -> list[list[str]]:
    """Features of the block each token is in, blocks being cut by full stops, closing
    quotes, `?` and `!`: how many blocks of two words or more came before (the title is
    mostly the first after the names, the container the next), and whether an `In` has."""
    result: list[list[str]] = []
    blocks = words_in_block = 0
    in_seen = in_block = False
    block_start = True
    for index, word in enumerate(words):
        feats = [f"block#={min(blocks, 4)}"]
        if in_seen:
            feats.append("in-seen")
        if in_block:
            feats.append("in-block")
        if block_start and word[0].isalnum():
            feats.append("block-first")
        result.append(feats)
        lower = word.lower()
        if lower in _CONTAINER_LEAD and (block_start or (index and words[index - 1] in ",;")):
            in_seen = in_block = True
        if word[0].isalpha():
            words_in_block += 1
            block_start = False
        if _ends_block(words, gaps, index):
            blocks += words_in_block >= 2
            words_in_block = 0
            in_block = False
            block_start = True
    return result


def _ends_block(words: Sequence[str], gaps: Sequence[str], index: int) -> bool:
    word = words[index]
    if word == ".":
        before = words[index - 1] if index else ""
        return not (before.isalpha() and (len(before) <= 2 or before.lower() in _ABBREVIATED))
    if word == '"':  # a closing one is glued to the word before it
        return index > 0 and not gaps[index]
    return word in "?!”»"


def _quote_states(words: Sequence[str], gaps: Sequence[str]) -> list[str]:
    """For each token, the quotes and brackets it stands inside of (`q`, `p`, `b`, `i`)."""
    states: list[str] = []
    paren = bracket = 0
    double = curly = guillemet = single = italic = False
    for index, word in enumerate(words):
        states.append(
            ("q" if double or curly or guillemet or single else "")
            + ("p" if paren else "")
            + ("b" if bracket else "")
            + ("i" if italic else "")
        )
        if word == "(":
            paren += 1
        elif word == ")":
            paren = max(paren - 1, 0)
        elif word == "[":
            bracket += 1
        elif word == "]":
            bracket = max(bracket - 1, 0)
        elif word == '"':
            double = not double
        elif word in "“„":
            curly = True
        elif word == "”":
            curly = False
        elif word == "«":
            guillemet = True
        elif word == "»":
            guillemet = False
        elif word == "‘":
            single = True
        elif word in "'’":
            opening = index + 1 < len(words) and (index == 0 or gaps[index] != "")
            single = opening and gaps[index + 1] == ""
        elif word in "_*":
            italic = not italic
    return states


def features(text: str) -> tuple[list[Token], list[list[str]]]:
    """The tokens of `text` (offsets into it) and each one's CRF features.

    A token's own: its lower-cased form, shape (`Xx`, `dddd`, `X.`), prefix and suffixes,
    length, digits, capitals, year (`periods.YEAR`), roman numeral, ordinal, how common the
    word is in English (wordfreq's Zipf scale), and lexicon classes (`_CUE_WORDS`: editor
    words from `names.EDITOR_WORDS`, months from `periods.MONTHS`, `pp.`, `vol.`, `no.`,
    ibid./op. cit., archives, publishers, periodicals, places...). Its place: tenth of the
    reference, first tokens, last; space, line break or none before it and after it; the
    quotes, brackets and italics it stands in; full stops and commas before it; a year before
    or after it; inside an editor's mark (`names.EDITOR_MARK`); `circa` (`periods.CIRCA`); a
    capital before a colon with a year to follow (the place of `London: Murray, 1835`) or
    after one; an initial. Its block (cut by full stops that end no abbreviation, closing
    quotes, `?`, `!`): how many blocks of two words came before, after an `In`. Its
    neighbours: the form, shape and classes of the tokens either side, the form and shape of
    those two away, and the two word pairs it is in.
    """
    tokens = tokenize(text)
    words = [text[token.start : token.end] for token in tokens]
    gaps = [
        text[tokens[i - 1].end : token.start] if i else text[: token.start]
        for i, token in enumerate(tokens)
    ]
    count = len(tokens)
    if not count:
        return tokens, []
    own_near = [_word_features(word) for word in words]
    blocks = _block_features(words, gaps)
    states = _quote_states(words, gaps)
    in_mark = [False] * count
    starts = [token.start for token in tokens]
    for match in _EDITOR_MARK.finditer(text):
        first = bisect.bisect_left(starts, match.start())
        for index in range(first, bisect.bisect_left(starts, match.end())):
            in_mark[index] = True
    is_year = ["year" in near for _, near in own_near]
    year_after = [False] * count
    seen = False
    for index in range(count - 1, -1, -1):
        year_after[index] = seen
        seen = seen or is_year[index]
    next_colon = [99] * count
    distance = 99
    for index in range(count - 1, -1, -1):
        next_colon[index] = distance
        distance = 1 if words[index] == ":" else distance + 1
    dots = commas = 0
    year_before = False
    previous_colon = 99
    result: list[list[str]] = []
    for index, word in enumerate(words):
        own, _ = own_near[index]
        feats = ["bias", *own, *blocks[index]]
        feats.append(f"pos={10 * index // count}")
        if index < 4:
            feats.append(f"i={index}")
        if index == count - 1:
            feats.append("last")
        gap = gaps[index]
        feats.append("nl" if "\n" in gap else "glued" if index and not gap else "space")
        if index + 1 < count and not gaps[index + 1]:
            feats.append("glued+1")
        if states[index]:
            feats.append(f"in={states[index]}")
            feats.extend(f"in:{kind}" for kind in states[index])
        feats.append(f"dots={min(dots, 5)}")
        feats.append(f"commas={min(commas, 6)}")
        if year_before:
            feats.append("year<")
        if year_after[index]:
            feats.append("year>")
        if in_mark[index]:
            feats.append("editor-mark")
        if word[0].isupper():
            if next_colon[index] <= 3:
                feats.append("colon-ahead")
            if previous_colon <= 2:
                feats.append("after-colon")
            if next_colon[index] <= 3 and year_after[index]:
                feats.append("place-colon")
        if len(word) == 1 and word.isupper() and index + 1 < count and words[index + 1] == ".":
            feats.append("initial")
        if _CIRCA.fullmatch(word + ("." if index + 1 < count and words[index + 1] == "." else "")):
            feats.append("circa")
        for step, prefix in ((-1, "-1"), (1, "+1"), (-2, "-2"), (2, "+2")):
            other = index + step
            if 0 <= other < count:
                near = own_near[other][1]
                if abs(step) == 1:
                    feats.extend(f"{prefix}{name}" for name in near)
                else:
                    feats.append(f"{prefix}{near[0]}")
                    feats.append(f"{prefix}{near[1]}")
            else:
                feats.append(f"{prefix}edge")
        lower = own[0]
        if index:
            feats.append(f"-1|w={own_near[index - 1][0][0][2:]}|{lower[2:]}")
        if index + 1 < count:
            feats.append(f"w|+1={lower[2:]}|{own_near[index + 1][0][0][2:]}")
        result.append(feats)
        if word == ".":
            dots += 1
        elif word == ",":
            commas += 1
        year_before = year_before or is_year[index]
        previous_colon = 1 if word == ":" else previous_colon + 1
    return tokens, result


class ReferenceParser:
    """The CRF tagger with its model loaded once; `parse` and `parse_many` use it."""

    def __init__(self, model: bytes | None = None) -> None:
        if model is None:
            model = resources.files("fontes.structure").joinpath("data", MODEL_FILE).read_bytes()
        # CRFsuite reads the model where it lies, without a copy: the bytes must live on.
        self._model = model
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(self._model)
        self.labels: tuple[str, ...] = tuple(self._tagger.labels())

    def parse(self, text: str, offset: int = 0) -> ParsedReference:
        """Tag `text`, which starts at `offset` of the caller's text."""
        local, items = features(text)
        labels: list[str] = self._tagger.tag(items) if items else []
        tokens = tuple(Token(offset + t.start, offset + t.end) for t in local)
        return ParsedReference(
            text=text,
            offset=offset,
            tokens=tokens,
            labels=tuple(labels),
            fields=tuple(_fields(text, offset, tokens, labels)),
        )

    def parse_many(self, texts: Iterable[str | tuple[str, int]]) -> list[ParsedReference]:
        """Each text (or `(text, offset)`) parsed by the one tagger, in order."""
        return [self.parse(item) if isinstance(item, str) else self.parse(*item) for item in texts]


@cache
def default_parser() -> ReferenceParser:
    """The parser with the shipped model, loaded on first use."""
    return ReferenceParser()


def parse_reference(text: str, offset: int = 0) -> ParsedReference:
    """Tag one reference with the shipped model; offsets are `offset` plus those in `text`."""
    return default_parser().parse(text, offset)


def parse_references(texts: Iterable[str | tuple[str, int]]) -> list[ParsedReference]:
    return default_parser().parse_many(texts)


def _fields(
    text: str, offset: int, tokens: Sequence[Token], labels: Sequence[str]
) -> list[ReferenceField]:
    fields = []
    start = 0
    for index in range(1, len(labels) + 1):
        if index < len(labels) and labels[index] == labels[start]:
            continue
        label = labels[start]
        if label != "other":
            words = [text[t.start - offset : t.end - offset] for t in tokens[start:index]]
            first, last = _trim(words, label)
            if first <= last:
                fields.append(
                    ReferenceField(label, tokens[start + first].start, tokens[start + last].end)
                )
        start = index
    return fields


def _trim(words: list[str], label: str) -> tuple[int, int]:
    """The first and last token of a run that belong to its field: separators, a pair of
    quotes or brackets round it all, unmatched ones and a final full stop left out (but
    the stop of an initial or a short abbreviation kept: `Baines, E.`, `et al.`)."""
    first, last = 0, len(words) - 1
    partner = _partners(words)
    while first <= last:
        head, tail = words[first], words[last]
        if head in _OPENERS and partner.get(first) == last:
            first, last = first + 1, last - 1
        elif (_is_mark(head) and not (head in _OPENERS and first in partner)) or (
            label == "container-title" and head.lower() in _CONTAINER_LEAD and first < last
        ):
            first += 1
        elif tail == "." and last > first and _keeps_stop(words[last - 1], label):
            break
        elif _is_mark(tail) and tail not in "?!" and not (tail in _CLOSERS and last in partner):
            last -= 1
        else:
            break
    return first, last


def _is_mark(word: str) -> bool:
    return not word[0].isalnum()


def _keeps_stop(word: str, label: str) -> bool:
    if label == "abbreviation":
        return True
    return word[0].isalpha() and (len(word) <= 2 or (len(word) <= 3 and label != "title"))


def _partners(words: Sequence[str]) -> dict[int, int]:
    """Matching quotes and brackets in a run, both ways: index → index."""
    partner: dict[int, int] = {}
    stack: list[int] = []
    for index, word in enumerate(words):
        if stack and word == _OPENERS.get(words[stack[-1]]):
            opened = stack.pop()
            partner[opened], partner[index] = index, opened
        elif word in _OPENERS:
            stack.append(index)
    return partner
