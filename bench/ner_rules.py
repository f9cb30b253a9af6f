"""Label maps and cheap rules shared by the NER benchmark and the training study.

Every system yields `CharSpan`s typed with HIPE-2020's coarse types (`pers`, `org`, `loc`,
`prod`, `time`); `for_dataset` then maps them to the types of the dataset scored
(topres19th has only `LOC`, `BUILDING`, `STREET`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from hipe import CharSpan

# spaCy's OntoNotes labels → HIPE coarse types. PERSON/ORG/GPE/LOC/FAC are obvious; HIPE
# `time` is absolute dates only, so a DATE counts when it has a digit ("Sept. 28, 1780",
# not "yesterday"); HIPE `prod` is mostly newspaper titles, which OntoNotes tags ORG, and
# mapping WORK_OF_ART/PRODUCT/LAW to `prod` lowered F1 on hipe2020 dev, so they are dropped.
SPACY_TO_HIPE = {"PERSON": "pers", "ORG": "org", "GPE": "loc", "LOC": "loc", "FAC": "loc"}
# The labels our fine-tuned model is trained with: OntoNotes names, so fontes, which keeps
# PERSON/ORG/GPE/LOC/FAC, can load it as it is.
HIPE_TO_TRAIN = {
    "pers": "PERSON",
    "org": "ORG",
    "loc": "GPE",
    "prod": "WORK_OF_ART",
    "time": "DATE",
}
TRAIN_TO_HIPE = {**SPACY_TO_HIPE, "WORK_OF_ART": "prod", "DATE": "time"}

_DIGIT = re.compile(r"\d")


def spacy_type(label: str, text: str, trained: bool = False) -> str | None:
    """The HIPE type of a spaCy entity (None: not scored); `trained`: our model's labels."""
    if trained:
        return TRAIN_TO_HIPE.get(label)
    if label == "DATE":
        return "time" if _DIGIT.search(text) else None
    return SPACY_TO_HIPE.get(label)


# topres19th: a place is a BUILDING or a STREET when its last word says so (or spaCy calls
# it a FAC), else a LOC.
_STREET = re.compile(
    r"\b(?:street|st|road|rd|lane|square|sq|terrace|row|walk|place|crescent|parade|gate|"
    r"hill|quay|wharf|court|yard|buildings|green)\.?$",
    re.IGNORECASE,
)
_BUILDING = re.compile(
    r"\b(?:church|chapel|cathedral|abbey|hall|hotel|inn|arms|tavern|house|infirmary|"
    r"hospital|asylum|school|college|theatre|station|mill|mills|works|gaol|prison|"
    r"workhouse|castle|palace|exchange|market|bank|office|barracks|museum|institution|"
    r"institute|library|rooms|bridge|dock|docks|park|cemetery|court-house)\.?$",
    re.IGNORECASE,
)


def for_dataset(
    spans: Iterable[CharSpan], text: str, dataset: str, labels: dict[int, str] | None = None
) -> list[CharSpan]:
    """`spans` (HIPE-2020 coarse types) typed for `dataset`; `labels`: start → source label."""
    if dataset == "hipe2020":
        return list(spans)
    out = []
    for span in spans:
        if span.type != "loc":
            continue
        name = text[span.start : span.end].strip()
        if _STREET.search(name):
            kind = "STREET"
        elif _BUILDING.search(name) or (labels or {}).get(span.start) == "FAC":
            kind = "BUILDING"
        else:
            kind = "LOC"
        out.append(CharSpan(span.start, span.end, kind))
    return out


# --- post-processing rules -------------------------------------------------------------

TITLES = frozenset(
    """
    mr mrs messrs miss ms madam madame mme mlle m dr doctor prof professor rev reverend
    hon honorable honourable sir lord lady dame gen general col colonel capt captain cap
    maj major lieut lieutenant lt sergt sergeant sgt corp corporal adm admiral com commodore
    gov governor pres president judge justice senator sen rep representative count countess
    duke duchess earl baron marquis king queen prince princess emperor empress pope
    bishop archbishop cardinal father brother sister elder deacon squire esq mayor
    secretary ambassador consul chief commander
    """.split()
)
_TITLE_BEFORE = re.compile(r"([A-Za-z]+)\s*\.?\s*$")


def add_titles(text: str, spans: list[CharSpan]) -> list[CharSpan]:
    """Extend each `pers` span left over titles before it (`Mr. Smith`, `Gen. Col. Lee`).

    HIPE's coarse literal annotation includes titles and ranks in the person's span.
    """
    taken = sorted((s.start, s.end) for s in spans)
    out = []
    for span in spans:
        start = span.start
        if span.type == "pers":
            while True:
                match = _TITLE_BEFORE.search(text, max(0, start - 30), start)
                if not match or match.group(1).lower() not in TITLES:
                    break
                new = match.start(1)
                if any(s < start and e > new for s, e in taken if (s, e) != (span.start, span.end)):
                    break
                if "\n\n" in text[new:start]:
                    break
                start = new
        out.append(CharSpan(start, span.end, span.type))
    return out


def drop_lowercase(text: str, spans: list[CharSpan]) -> list[CharSpan]:
    """Drop spans with no capital letter and no digit (OCR noise, common nouns)."""
    return [s for s in spans if re.search(r"[A-Z0-9]", text[s.start : s.end])]


_PUNCT_EDGE = re.compile(r"^[\s\W_]+|[\s\W_]+$")


def trim_punctuation(text: str, spans: list[CharSpan]) -> list[CharSpan]:
    """Trim leading and trailing punctuation (except a closing abbreviation point)."""
    out = []
    for s in spans:
        start, end = s.start, s.end
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum() and text[end - 1] != ".":
            end -= 1
        if end > start:
            out.append(CharSpan(start, end, s.type))
    return out


RULES = {"titles": add_titles, "lowercase": drop_lowercase, "trim": trim_punctuation}


def apply_rules(text: str, spans: list[CharSpan], rules: Iterable[str]) -> list[CharSpan]:
    """Apply the named `RULES` in order."""
    for name in rules:
        spans = RULES[name](text, spans)
    return spans


# --- OCR-robust input: same-length normalisation of the text given to a model ----------

_WORD = re.compile(r"[A-Za-z]+")


@cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _long_s(word: str) -> str:
    """`word` with OCR'd long s (`f`) read as `s` where that makes a commoner English word."""
    lower = word.lower()
    if "f" not in lower or len(word) < 3 or lower.count("f") > 4:
        return word
    best, best_zipf = word, _zipf(lower)
    if best_zipf >= 3.0:
        return word
    positions = [i for i, c in enumerate(lower) if c == "f"]
    for mask in range(1, 1 << len(positions)):
        chars = list(word)
        for bit, i in enumerate(positions):
            if mask >> bit & 1:
                chars[i] = "s" if word[i] == "f" else "S"
        candidate = "".join(chars)
        z = _zipf(candidate.lower())
        if z > best_zipf + 1.0:
            best, best_zipf = candidate, z
    return best


def normalise(text: str, caps: bool = True, long_s: bool = True) -> str:
    """Text of the same length for a model: ALL-CAPS words title-cased, long s undone."""

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        if long_s:
            word = _long_s(word)
        if caps and len(word) > 1 and word.isupper():
            word = word[0] + word[1:].lower()
        return word

    return _WORD.sub(fix, text)


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th|d)?"
_YEAR = r"1[5-9]\d\d"
_AD = r"(?:,?\s*A\.\s*D\.)?"
DATE = re.compile(
    rf"\b(?:{_MONTH}\.?\s*{_DAY}\s*[,.]?\s*{_AD}\s*{_YEAR}"
    rf"|{_DAY}\s+(?:day\s+)?(?:of\s+)?{_MONTH}\.?\s*[,;]?{_AD}\s*{_YEAR}"
    rf"|{_MONTH}\.?\s*,?{_AD}\s*{_YEAR})\b",
    re.IGNORECASE,
)


def dates(text: str, spans: list[CharSpan]) -> list[CharSpan]:
    """Absolute dates (`Sept. 28, 1780`, `18th of May, 1840`) as `time`, replacing overlaps."""
    found = [CharSpan(m.start(), m.end(), "time") for m in DATE.finditer(text)]
    if not found:
        return spans
    keep = [s for s in spans if not any(s.start < f.end and f.start < s.end for f in found)]
    return sorted(keep + found, key=lambda s: s.start)


_PAPER = re.compile(
    r"\b(?:gazette|herald|journal|observer|intelligencer|advertiser|whig|standard|"
    r"republican|times|tribune|post|chronicle|register|mercury|courier|sun|magazine|"
    r"review|democrat|enterprise|news|record|star|telegraph|argus|sentinel|patriot|"
    r"recorder|transcript|bulletin|press|leader|dispatch|examiner|citizen)\.?$",
    re.IGNORECASE,
)


def newspapers(text: str, spans: list[CharSpan]) -> list[CharSpan]:
    """An org (or loc) whose name ends like a newspaper title (`Richmond Whig`) is a `prod`."""
    out = []
    for s in spans:
        name = text[s.start : s.end]
        if s.type in ("org", "loc") and " " in name.strip() and _PAPER.search(name.strip()):
            out.append(CharSpan(s.start, s.end, "prod"))
        else:
            out.append(s)
    return out


RULES |= {"dates": dates, "newspapers": newspapers}
