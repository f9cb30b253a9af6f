"""OCR damage in running text: words that are likelier a misreading of another word than real.

Each word is weighed as a noisy channel weighs it (`text.ocr_channel`): the chance that OCR
printed it for a candidate (one or two of OCR's confusions, `rn`→`m`, `Ij`→`U`, `tho`→`the`;
a doubled letter; rarer, one letter dropped, added or changed; a stray mark before it; a comma
for a space), times how common the candidate is (in English and in this document), against the
chance that the word is real as printed (its frequency in English or in a language historians
quote; for a word no lexicon knows that the document repeats, its frequency in the document).
The prior is the document's own noise: a raw OCR page full of stray marks, digit-letter
mixtures and non-words is expected to garble words, a clean transcription is not, so it needs
much stronger evidence. In a scan with many more non-words than a clean text has, a non-word
is damage as often as that excess says, and its correction the likeliest word within two
slips. Where the source gives the OCR engine's confidence in each word (ALTO, hOCR, PAGE), a
word it was less sure of than of the document's typical word has the odds of its prior raised
by the ratio of the two odds of a misreading. A garble's `score` is how likely the word is damaged.

Names the document vouches for (its people, bodies and places) are never suspected. Words are
read from the reading view (`text.reading_view`): without page furniture and italic marks, and
whole where a line end hyphenated them.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from fontes.model import Document, Garble, GarbleCause, Source, fold
from fontes.text.markup import without_markup
from fontes.text.names import strip_possessive
from fontes.text.ocr_channel import LONGEST, confusions, edits, english, foreign, nearby
from fontes.text.reading_view import ReadingView, reading_view

_TOKEN = re.compile(r"[^\W\d_]+,[^\W\d_]+|(?<![\w~^`.])[~^`_.]*[^\W_][\w']*[^\W_]")
_STRAY = re.compile(r"^[~^`_.]+")
_GLUED = re.compile(r"([a-z]+),([a-z]+)")
_MEASURE = re.compile(
    r"\d+(?:[.,]\d+)?(?:in|ins|ft|yd|yds|mi|cm|mm|km|kg|lb|lbs|oz|st|nd|rd|th|am|pm|hrs|min|"
    r"sec|mph|kph|kw|hp|pc|bn)"
    # one letter (`10s`, `20m`) only after two digits: `1s` and `1t` are OCR for `is`, `it`;
    # but shillings and pence after any other digit (`5s`, `6d`)
    r"|\d{2,}(?:[.,]\d+)?[a-z]|[02-9][sd]",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
# A digit in a word, where only a letter can be (`Eng1and`, `1s`, `t0`); not a code (`x202F`).
_DIGIT_AMONG_LETTERS = re.compile(r"^(?:[^\W\d_]+\d[^\W\d_]+|\d[a-z]+|[a-z]+0)$")
_LOWER_ASCII = re.compile(r"[a-z]+")
_LABEL = re.compile(r"([^\W\d_]{3,})\d+")
_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_SHOUTED = re.compile(r"[A-Z]{5,}")  # a headline's word; shorter capitals may be initials
# Latin's inflections (wordfreq has no Latin): `legionum`, `dominatione`, `effectae`, `actio`.
# A word no lexicon knows that ends so is read as Latin quoted, not as a scan's non-word.
_LATIN_ENDING = re.compile(
    r"(?:orum|arum|ibus|ae|um|que|n?tur|io|iones?|ionem|atus|itas|itatem|ius|ii|is|ur|unt|ent)$"
)
# An address is no prose: its parts (`~user`, `.html`) are not words to weigh.
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+")
# A capital after a small letter, as OCR puts one (`hWr`, `cbarGes`), not as names do (`McKay`).
_CAPITAL_WITHIN = re.compile(r"^(?!Ma?c|De|Di|La|Le|O)[A-Za-z]*[a-z][A-Z]")
# A correction must be an ordinary word (Zipf 2.5: `harbour`, not `fronds`), never a rare one
# that a slip could reach by chance; two glued words must both be common (Zipf 3).
COMMON = 10 ** (2.5 - 9)
_GLUED_WORDS = 10 ** (3.0 - 9)
# The frequency of a word no lexicon lists (Zipf 1, below wordfreq's smallest): a name, a
# term of art, a Latin word read as real.
UNLISTED = 10 ** (1.0 - 9)
# A foreign word counts at this share of its frequency in its own language.
FOREIGN_SHARE = 0.5
# How much a word's use in this document counts beside its use in English at large.
IN_DOCUMENT = 0.5
# A word's own repetitions vouch for it only when English hardly knows it (below Zipf 3):
# a name or term the document coins, not `tho` repeated by a worn type.
_COINED = 10 ** (3.0 - 9)
# The document's noise, as the share of its words that OCR damaged: at least this much in any
# text (a clean transcription has its typos), at most this much in the worst scan; the
# estimate counts words with OCR's tell-tale signs, and is scaled up, since most damaged words
# show none of them.
LEAST_NOISE = 0.002
MOST_NOISE = 0.2
_NOISE_PER_SIGN = 6.0
# Both estimates start from a clean text's, as if this many words had been read.
_PRIOR_WORDS = 250
# Lower-case words no lexicon knows, in a clean transcription (archaisms, Latin, terms of art:
# at most 1 in 110 in the dev set's Project Gutenberg books); a scan's excess over this share
# is OCR's, and each such non-word stands for some ten damaged words that are no non-words
# (real words misread, names, capitals, words run together or split).
CLEAN_NON_WORDS = 0.008
_NOISE_PER_NON_WORD = 10.0
# A stray `~` or `^` before a word is OCR's on the face of it: no prose or markup writes one
# there, so the word is damaged as often as not. A `.` or `_` before a word may be a file's
# extension (`.csv`) or an identifier: damage only as often as the document's noise says, and
# the mark is legitimate in this share of the words that carry one.
STRAY_NOISE = 0.5
_OCR_ONLY_MARKS = "~^"
LEGITIMATE_MARK = 0.01
# Backticks and double underscores before a word are Markdown's code and bold: no OCR slip.
_CODE = re.compile(r"^(?:`|__)")
COMMA_FOR_SPACE = 0.01  # P(`of,the` | `of the`)
# A garble is recorded when the word is at least this likely damaged.
REPORTED = 0.5
# An engine's median confidence is read as at most this sure, so that a page it read with
# full confidence still lets a less certain word count as doubtful.
_SUREST = 0.99
_MOST_LIKELY_WORD = 0.05  # `the`: no candidate is more frequent
_SHORT = 4  # a non-word this short (`tbe`, `ot`) is OCR's sign, a long one may be Latin
# A word of one or two letters is a correction only if it is among the commonest (`of`, `in`):
# `nd`, `oi` and `th` are abbreviations and fragments, more often than any word's original.
_TINY = 2
_TINY_COMMON = 10 ** (5.0 - 9)


def vouched_name_words(doc: Document) -> set[str]:
    """The words of the names the document vouches for (lower case): a name it repeats, a
    glossary's, one a mark or pattern found; a lone statistical guess (`the Ijniversity`) is
    no shield."""
    names = {
        doc.folded[m.start : m.end].lower()
        for e in doc.entities
        for m in e.mentions
        if len(e.mentions) > 1 or e.glossary or m.source != "ner"
    }
    return {word for name in names for word in name.split()}


def words_view(doc: Document) -> ReadingView:
    """The text as a reader reads its words: without the page furniture, and a word
    hyphenated at a line end whole again (`imme-`/`diately`: `diately` is no garble,
    `immediately` no word to correct); italic marks are markup, not stray marks
    (`_Ledgers_`). Each character maps back to the original."""
    return reading_view(without_markup(doc.text), [(f.start, f.end) for f in doc.furniture])


def find_garbles(doc: Document) -> None:
    name_words = vouched_name_words(doc)
    view = words_view(doc)
    prose = _ADDRESS.sub(lambda address: " " * len(address[0]), fold(view.text))
    tokens = [(match.start(), strip_possessive(match[0])) for match in _TOKEN.finditer(prose)]
    reader = GarbleReader([word for _, word in tokens], name_words)
    doubts = _Doubts.of(doc)
    for start, word in tokens:
        if word.lower() in name_words:
            continue
        original_start, original_end = view.original_span(start, start + len(word))
        found = reader.correction(word, doubts.raised(original_start, original_end))
        if found is not None:
            doc.garbles.append(Garble(original_start, original_end, *found))


@dataclass(frozen=True)
class _Doubts:
    """The OCR engine's own doubt about each word, where the source gives its confidence
    (ALTO `WC`, hOCR `x_wconf`, PAGE `conf`), as evidence beside the document's noise: the
    odds that a word is damaged are raised by how much less sure the engine was of it than of
    this document's typical word (the ratio of the two odds of a misreading). It only ever
    raises them: engines are sure of many a misreading (`tbe`), and a median word is no news."""

    source: Source
    typical: float | None

    @classmethod
    def of(cls, doc: Document) -> _Doubts:
        scores = sorted(w.confidence for w in doc.source.words if w.confidence is not None)
        return cls(doc.source, min(scores[len(scores) // 2], _SUREST) if scores else None)

    def raised(self, start: int, end: int) -> float:
        """How many times the odds of damage rise for the word at `start..end`."""
        if self.typical is None:
            return 1.0
        confidence = self.source.confidence_of(start, end)
        if confidence is None or confidence >= self.typical:
            return 1.0
        return _odds(1 - max(confidence, 1 - _SUREST)) / _odds(1 - self.typical)


def _odds(chance: float) -> float:
    return chance / (1 - chance)


@dataclass
class GarbleReader:
    """The words of one document, weighed against the corrections OCR's slips would undo."""

    words: list[str]
    # The document's names: never a correction (a variant of a name is OC002's to report).
    name_words: set[str] = field(default_factory=set)
    counts: Counter[str] = field(init=False)
    noise: float = field(init=False)
    # How likely a lower-case non-word here is damage rather than a rare word: 1 - the share of
    # non-words a clean text has / the share this one has.
    non_word_damage: float = field(init=False)
    _seen: dict[tuple[str, float], tuple[str, GarbleCause, str, float] | None] = field(
        init=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        self.counts = Counter(word.lower() for word in self.words)
        self.noise = document_noise(self.words)
        self.non_word_damage = max(1 - CLEAN_NON_WORDS / non_word_share(self.words), 0.0)

    def correction(
        self, word: str, doubt: float = 1.0
    ) -> tuple[str, GarbleCause, str, float] | None:
        """The likely original of `word`, the slip it undoes, the stray mark before it and how
        likely the word is damaged; None when it is likelier real. `doubt` multiplies the
        odds of the document's noise for this word (the OCR engine was less sure of it);
        cached by both."""
        key = (word, round(doubt, 1))
        if key not in self._seen:
            odds = _odds(self.noise) * doubt
            self._seen[key] = self._weigh(word, min(odds / (1 + odds), _SUREST))
        return self._seen[key]

    def in_document(self, word: str) -> float:
        """How common `word` is here: its use in English, raised by its use in this text."""
        used = self.counts[word] / len(self.words) if self._vouched(word) else 0.0
        return (1 - IN_DOCUMENT) * english(word) + IN_DOCUMENT * used

    def real(self, word: str) -> float:
        """How likely `word` is as printed: a word of English or of a quoted language, or one
        the document repeats that English hardly knows."""
        lower = word.lower()
        chance = max(english(lower), FOREIGN_SHARE * foreign(lower), UNLISTED)
        if english(lower) < _COINED and self._vouched(lower):
            chance = max(chance, IN_DOCUMENT * (self.counts[lower] - 1) / len(self.words))
        return chance

    def _vouched(self, word: str) -> bool:
        """Whether the document's use of `word` vouches for it. Not, in a scan full of
        non-words, for a word English hardly knows: a worn letter recurs, and the same slip
        again (`tbe`, `honse`) is no term the document coins."""
        return english(word) >= _COINED or self.non_word_damage < REPORTED

    def _weigh(self, word: str, noise: float) -> tuple[str, GarbleCause, str, float] | None:
        if len(word) > LONGEST or _MEASURE.fullmatch(word) or not any(c.isalpha() for c in word):
            return None  # `8in`, `40cm`, `1930s`: a number and its unit, not a misread word
        if "'" in word or any(unicodedata.category(c) == "Lm" for c in word):
            return None  # an elision, a possessive, a superscript (`nᵒ`): no word to weigh
        if (label := _LABEL.fullmatch(word)) and english(label[1].lower()) >= COMMON:
            return None  # `image5`, `figure12`: a word numbered, not a letter misread
        if glued := _GLUED.fullmatch(word):
            left, right = glued.groups()
            if not (_common(left, _GLUED_WORDS) and _common(right, _GLUED_WORDS)):
                return None
            meant = noise * COMMA_FOR_SPACE * min(map(self.in_document, (left, right)))
            score = meant / (meant + (1 - noise) * UNLISTED)
            if score < REPORTED:
                return None
            return f"{left} {right}", GarbleCause.COMMA_FOR_SPACE, "", round(score, 3)
        if _CODE.match(word):
            return None
        found = _STRAY.match(word)
        stray = found[0] if found else ""
        core = word[len(stray) :]
        marked = bool(stray) and stray[0] in _OCR_ONLY_MARKS
        noise = max(STRAY_NOISE, noise) if marked else noise
        if stray and _common(core.lower(), COMMON):
            # a mark the document repeats before the word (`.csv` again and again) is its own
            legitimate = 0.0 if marked else LEGITIMATE_MARK * self.counts[word.lower()]
            score = noise / (noise + (1 - noise) * legitimate)
            if score < REPORTED:
                return None
            return core, GarbleCause.STRAY_MARK, stray, round(score, 3)
        real = math.log10((1 - noise) * self.real(core))
        prior = math.log10(noise)
        # The likeliest misreading a slip could explain bounds what is worth searching.
        best_case = prior + math.log10(_MOST_LIKELY_WORD)
        weights: dict[str, tuple[float, GarbleCause]] = {}
        if best_case + math.log10(0.05) > real:
            for candidate, cost in confusions(core).items():
                weights[candidate] = (cost, GarbleCause.OCR_CONFUSION)
        if best_case + math.log10(0.001) > real and core.isalpha():
            for candidate, cost in edits(core).items():
                if cost > weights.get(candidate, (-math.inf, GarbleCause.ONE_LETTER))[0]:
                    weights[candidate] = (cost, GarbleCause.ONE_LETTER)
        scored = self._scored(weights, core, prior)
        misread = sum(10**weight for weight, _, _ in scored)
        damaged = misread / (misread + 10**real)
        if damaged < REPORTED and self.non_word_damage >= REPORTED and self._unreadable(core):
            # A non-word in a scan full of them is damaged as often as the scan's excess of
            # non-words says, whatever the channel makes of it; its original is the likeliest
            # word within two slips.
            for candidate, cost in nearby(core).items():
                weights.setdefault(candidate, (cost, GarbleCause.OCR_CONFUSION))
            scored = self._scored(weights, core, prior)
            damaged = self.non_word_damage
        if damaged < REPORTED or not scored:
            return None
        _, candidate, cause = max(scored)
        return _same_case(candidate, core), cause, stray, round(damaged, 3)

    def _scored(
        self, weights: dict[str, tuple[float, GarbleCause]], core: str, prior: float
    ) -> list[tuple[float, str, GarbleCause]]:
        """Each candidate with log10 P(candidate, misread as `core`) in this document."""
        return [
            (prior + cost + math.log10(self.in_document(candidate)), candidate, cause)
            for candidate, (cost, cause) in weights.items()
            if _common(candidate, COMMON)
            and candidate != core.lower()
            and candidate not in self.name_words
        ]

    def _unreadable(self, word: str) -> bool:
        """A non-word no term explains: lower case, capitalised, in a headline's capitals, or
        with a capital or digit inside (`hWr`, `bro1ught`); not Latin, and not one the
        document vouches for."""
        if _LATIN_ENDING.search(word):
            return False
        if not (
            _LOWER_ASCII.fullmatch(word)
            or _CAPITALISED.fullmatch(word)
            or _SHOUTED.fullmatch(word)
            or _CAPITAL_WITHIN.search(word)
            or _DIGIT_AMONG_LETTERS.fullmatch(word)
        ):
            return False
        return _non_word(word.lower()) and self.real(word) <= UNLISTED


def document_noise(words: list[str]) -> float:
    """The share of the document's words OCR has likely damaged, from the signs it leaves (a
    stray mark before a word, a digit among letters, `Eng1and`, a short non-word, `tbe`) and
    from its non-words beyond those a clean transcription has."""
    signs = sum(1 for word in words if _shows_damage(word))
    estimate = (signs + _PRIOR_WORDS * LEAST_NOISE / _NOISE_PER_SIGN) / (len(words) + _PRIOR_WORDS)
    beyond_clean = max(non_word_share(words) - CLEAN_NON_WORDS, 0.0)
    noise = _NOISE_PER_SIGN * estimate + _NOISE_PER_NON_WORD * beyond_clean
    return min(max(noise, LEAST_NOISE), MOST_NOISE)


def non_word_share(words: list[str]) -> float:
    """The share of lower-case words that no lexicon knows (English or a quoted language) and
    that do not end as Latin does."""
    lower = [word for word in words if _LOWER_ASCII.fullmatch(word)]
    unknown = sum(1 for word in lower if _non_word(word) and not _LATIN_ENDING.search(word))
    # from a clean text's share, as if _PRIOR_WORDS words had been read: a sentence is no scan
    return (unknown + _PRIOR_WORDS * CLEAN_NON_WORDS) / (len(lower) + _PRIOR_WORDS)


def _non_word(word: str) -> bool:
    return not english(word) and not foreign(word)


def _shows_damage(word: str) -> bool:
    if _STRAY.match(word):
        # `~the`, `.that`; `.csv` and `_id` are code, `_May` an italic's start
        core = _STRAY.sub("", word)
        return word[0] in _OCR_ONLY_MARKS or (core.islower() and english(core) >= _TINY_COMMON)
    if _DIGIT.search(word):
        # `Eng1and`, `t0`; not `char1`, nor `5th`
        return _DIGIT_AMONG_LETTERS.search(word) is not None and not _MEASURE.fullmatch(word)
    return len(word) <= _SHORT and _LOWER_ASCII.fullmatch(word) is not None and _non_word(word)


def _common(word: str, least: float) -> bool:
    """Whether `word` is common enough to be what OCR misread (`_TINY` words: commoner)."""
    return english(word) >= (_TINY_COMMON if len(word) <= _TINY else least)


def _same_case(candidate: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return candidate.upper()
    return candidate.capitalize() if model[:1].isupper() else candidate
