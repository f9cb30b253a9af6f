"""The reference corpora as `Example`s: AnyStyle XML and LinkedBooks CoNLL, in fontes' labels.

Data: `shared/benchmarks/citations/` (`FONTES_CITATIONS_DIR` points elsewhere):
`anystyle/{gold,bad,ugly}.xml` (BSD-2-Clause) and `linkedbooks/clean_{valid,test}.lf.txt`
(MIT). Training reads gold, bad and clean_valid; ugly and clean_test are the test sets.

An `Example` is one reference: its text, the labelled character ranges that training learns
from (`spans`) and the gold units that scoring counts (`units`: AnyStyle's whitespace
tokens, LinkedBooks' tokens). The tag maps are `references.ANYSTYLE_LABELS` and
`LINKEDBOOKS_LABELS`; the three rules of `fontes.structure.references`' docstring (issue in a
volume, container after `in`, publicationnumber-year split) are applied here.

LinkedBooks gives tokens without their spacing. The text is rebuilt with a space between
tokens except before closing punctuation (`,` `.` `)` `»` ...), after opening brackets and
quotes, round hyphens and apostrophes (`dell ’ arte` → `dell’arte`); a blank line between
tokens (a line break of the page) becomes `\\n`. A reference runs from its `b-r` token to its
`e-r` token; tokens whose span tag is `o` lie outside every reference and are left out.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from fontes.structure.references import ANYSTYLE_LABELS, LINKEDBOOKS_LABELS

DATA = Path(
    os.environ.get(
        "FONTES_CITATIONS_DIR",
        Path(__file__).resolve().parents[2] / "shared/benchmarks/citations",
    )
)
TRAINING = ("anystyle/gold.xml", "anystyle/bad.xml", "linkedbooks/clean_valid.lf.txt")
TESTS = ("anystyle/ugly.xml", "linkedbooks/clean_test.lf.txt")

Span = tuple[int, int, str]  # start, end (exclusive), label


@dataclass(frozen=True)
class Example:
    text: str
    spans: list[Span]
    units: list[Span]
    source: str


def load(name: str) -> list[Example]:
    path = DATA / name
    return anystyle(path) if path.suffix == ".xml" else linkedbooks(path)


def training_examples() -> list[Example]:
    return [example for name in TRAINING for example in load(name)]


# --- AnyStyle -----------------------------------------------------------------------------

# In a volume field: a bracketed number after the volume (`77(4):`), or `no. 2`, `Heft 1`.
_ISSUE = re.compile(
    r"(?<=[0-9])\s*\(\s*[0-9][\w\-–/ ]{0,9}\)"
    r"|\b(?:no|nos|nr|n°|n|issue|heft|h)\.?\s*[0-9][\w\-–/]*",
    re.IGNORECASE,
)


def anystyle(path: Path) -> list[Example]:
    examples = []
    for sequence in etree.parse(str(path)).getroot().iter("sequence"):
        text, spans, units = "", [], []
        for element in sequence:
            content = (element.text or "").strip()
            if not content or not isinstance(element.tag, str):
                continue
            if text:
                text += " "
            start = len(text)
            text += content
            label = ANYSTYLE_LABELS.get(element.tag, "note")
            spans.append((start, len(text), label))
            spans.extend(_volume_spans(content, start) if label == "volume" else [])
            units.extend(
                (start + m.start(), start + m.end(), label) for m in re.finditer(r"\S+", content)
            )
        if text:
            examples.append(Example(text, spans, units, path.name))
    return examples


def _volume_spans(content: str, start: int) -> list[Span]:
    return [(start + m.start(), start + m.end(), "issue") for m in _ISSUE.finditer(content)]


# --- LinkedBooks ---------------------------------------------------------------------------

_NO_SPACE_BEFORE = frozenset(",.;:)]}»”?!%")
_NO_SPACE_AFTER = frozenset("([{«“„")
_APOSTROPHES = frozenset("’'")


def _conll_references(path: Path) -> Iterator[list[tuple[str, str, bool]]]:
    """Each reference as (token, tag, after a line break) triples."""
    reference: list[tuple[str, str, bool]] = []
    line_break = False
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = line.split()
        if not columns:
            line_break = True
            continue
        if columns[0] == "-DOCSTART-" or len(columns) != 4:
            if reference:
                yield reference
            reference, line_break = [], False
            continue
        token, tag, _, span = columns
        if span == "o":
            if reference:
                yield reference
            reference = []
            continue
        if span == "b-r" and reference:
            yield reference
            reference = []
        reference.append((token, tag, line_break and bool(reference)))
        line_break = False
        if span == "e-r":
            yield reference
            reference = []
    if reference:
        yield reference


def _joined(tokens: list[tuple[str, str, bool]]) -> tuple[str, list[Span]]:
    text = ""
    units: list[Span] = []
    previous = ""
    for token, tag, line_break in tokens:
        if text:
            if line_break:
                text += "\n"
            elif not (
                token[0] in _NO_SPACE_BEFORE
                or previous[-1] in _NO_SPACE_AFTER
                or token == "-"
                or previous == "-"
                or token in _APOSTROPHES
                or (previous in _APOSTROPHES and len(units) > 1 and _short_word(units, text))
            ):
                text += " "
        start = len(text)
        text += token
        units.append((start, len(text), tag))
        previous = token
    return text, units


def _short_word(units: list[Span], text: str) -> bool:
    """Whether the word before an apostrophe is an elided article (`dell’`, `l’`, `d’`)."""
    start, end, _ = units[-2]
    word = text[start:end]
    return word.isalpha() and word.islower() and len(word) <= 5


def linkedbooks(path: Path) -> list[Example]:
    examples = []
    for tokens in _conll_references(path):
        text, raw = _joined(tokens)
        tags = [tag for *_, tag in raw]
        labels = _linkedbooks_labels(text, raw, tags)
        units = [(start, end, label) for (start, end, _), label in zip(raw, labels, strict=True)]
        examples.append(Example(text, units, units, path.name))
    return examples


def _linkedbooks_labels(text: str, units: list[Span], tags: list[str]) -> list[str]:
    labels = [LINKEDBOOKS_LABELS.get(tag, "other") for tag in tags]
    words = [text[start:end] for start, end, _ in units]
    runs = _runs(tags)
    seen_title = False
    for number, (first, last) in enumerate(runs):
        tag = tags[first]
        if tag == "title":
            after_in = number > 0 and any(
                words[i].lower().rstrip(":") in ("in", "dans", "en", "im")
                for i in range(runs[number - 1][0], runs[number - 1][1] + 1)
                if tags[i] in ("conjunction", "o")
            )
            if seen_title and after_in:
                labels[first : last + 1] = ["container-title"] * (last + 1 - first)
            else:
                quoted = _quoted_tail(words, first, last)
                if quoted is not None:
                    labels[quoted : last + 1] = ["container-title"] * (last + 1 - quoted)
            seen_title = True
        elif tag == "publicationnumber-year":
            labels[first : last + 1] = _number_year(words[first : last + 1])
    return labels


def _runs(tags: list[str]) -> list[tuple[int, int]]:
    runs, start = [], 0
    for index in range(1, len(tags) + 1):
        if index == len(tags) or tags[index] != tags[start]:
            runs.append((start, index - 1))
            start = index
    return runs


def _quoted_tail(words: list[str], first: int, last: int) -> int | None:
    """In a title run `Title, “Journal”,` the index of the quote that opens the journal."""
    for index in range(first + 2, last + 1):
        if words[index] in ("“", "«", '"', "„") and words[index - 1] in (",", "."):
            closing = [i for i in range(index + 1, last + 1) if words[i] in ("”", "»", '"', "“")]
            if closing and all(not w[0].isalnum() for w in words[closing[-1] + 1 : last + 1]):
                return index
    return None


_YEARISH = re.compile(r"[0-9Il]{4}(?:[-–][0-9]{2,4})?")


def _number_year(words: list[str]) -> list[str]:
    """`a . XVIII , t . 36 ( 1888 ).` → volume for `a. XVIII, t. 36`, date for `( 1888 ).`;
    `n . 37 - 38` → issue."""
    labels = ["volume"] * len(words)
    for index, word in enumerate(words):
        lower = word.lower()
        if _YEARISH.fullmatch(word) or lower in _MONTHS_IT:
            labels[index] = "date"
            if index and words[index - 1] == "(":
                labels[index - 1] = "date"
            for after in range(index + 1, len(words)):  # its closing bracket and stops
                if words[after][0].isalnum():
                    break
                labels[after] = "date"
        elif lower in ("n", "no", "nr", "num", "fasc") and index + 1 < len(words):
            following = index + 1
            if words[following] == ".":
                following += 1
            if following < len(words) and words[following][0].isdigit():
                for i in range(index, min(following + 3, len(words))):
                    if i > following and not (words[i][0].isdigit() or words[i] in "-–/"):
                        break
                    labels[i] = "issue"
    return labels


_MONTHS_IT = frozenset(
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre january february march april may june july august september october november "
    "december".split()
)


def char_labels(text: str, spans: list[Span]) -> list[str]:
    """The label of each character: that of the innermost span holding it, else "other"."""
    labels = ["other"] * len(text)
    for start, end, label in sorted(spans, key=lambda span: span[0] - span[1]):
        labels[start:end] = [label] * (end - start)
    return labels


def unit_offset(text: str, start: int, end: int) -> int:
    """Where a unit is scored: its first letter or digit, else its first character."""
    for index in range(start, end):
        if text[index].isalnum():
            return index
    return start
