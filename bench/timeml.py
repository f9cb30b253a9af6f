"""TempEval-3 TimeML data: load documents with their plain text, score Task A, write TimeML.

The loader reads a `.tml` (gold) or `.TE3input` (system input) file: its name (the document
id: one DOCID differs from its file name, and the scorer pairs files by name), the DCT's value,
TITLE and the plain text of TEXT (every tag removed, nothing else changed: the leading and
trailing newlines stay, so offsets are into exactly what a tagger would read), with TIMEX3
elements as `Timex(start, end, type, value)` offsets into that text and any other element
(EVENT, SIGNAL) kept as an `Element`, so the writer can put it back.

The scorer follows the official TE3 scorer (`TE3-evaluation.py`: the TimeML-Normalizer
aligns system ids to gold ids, then `evaluation-entities/evaluate_entities.py` counts), Task
A, micro over all documents: a system TIMEX3 matches a gold one when their spans overlap
(relaxed) or are identical (strict), each matched at most once; P = matches / system count,
R = matches / gold count. Attribute figures are computed the official way, accuracy over the
relaxed matches times the relaxed figures, which comes to: value P = correct-value matches /
system count, value R = correct-value matches / gold count, value F1 their harmonic mean
(and the same for type). The Normalizer's alignment (a Java tool, token-based) is not
reproduced; here identical spans are paired first, then each gold TIMEX3 in text order takes
the first unpaired system TIMEX3 overlapping it by a character. The DCT (tid t0) is not
scored, as in the official scorer.

The writer copies the input file and replaces the content of TEXT by its plain text with the
system's TIMEX3s (`tid` t1, t2, …, `type`, `value`) and the input's own elements inserted,
so the official scorer, which compares the texts with tags stripped, can read it.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple
from xml.sax.saxutils import escape

DATA_DIR = Path(
    os.environ.get(
        "FONTES_TEMPEVAL3_DIR",
        Path(__file__).resolve().parents[2] / "shared/benchmarks/tempeval3",
    )
)
OUT_DIR = Path(__file__).resolve().parent / "out" / "tempeval3"
_TEXT = re.compile(r"(<TEXT\b[^>]*>)(.*)(</TEXT>)", re.S)


class Timex(NamedTuple):
    """A TIMEX3: offsets into the document's plain text, TimeML type and value."""

    start: int
    end: int
    type: str
    value: str


class Element(NamedTuple):
    """Another element inside TEXT (EVENT, SIGNAL): offsets, tag and attributes in order."""

    start: int
    end: int
    tag: str
    attrib: tuple[tuple[str, str], ...]


@dataclass(slots=True)
class Document:
    """One TimeML document."""

    doc_id: str  # the file name less `.tml`/`.TE3input`: the official scorer pairs by name
    dct: str  # the DCT TIMEX3's value, `2013-03-22`
    title: str
    text: str  # TEXT with every tag removed
    timexes: list[Timex] = field(default_factory=list)
    elements: list[Element] = field(default_factory=list)
    path: Path | None = None
    docid: str = ""  # DOCID as written (nyt_20130321_sarkozy.tml says `..._sarcozy`)

    @property
    def dct_date(self) -> date:
        return date.fromisoformat(self.dct[:10])


def _walk(
    node: ET.Element, parts: list[str], pos: int, timexes: list[Timex], elements: list[Element]
) -> int:
    """Append `node`'s text and its children's (with tails) to `parts`; return the new end."""
    if node.text:
        parts.append(node.text)
        pos += len(node.text)
    for child in node:
        start = pos
        pos = _walk(child, parts, pos, timexes, elements)
        if child.tag == "TIMEX3":
            timexes.append(Timex(start, pos, child.get("type", ""), child.get("value", "")))
        else:
            elements.append(Element(start, pos, child.tag, tuple(child.attrib.items())))
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    return pos


def load(path: Path | str) -> Document:
    """A `.tml` or `.TE3input` file as a `Document` (timexes and elements in text order)."""
    path = Path(path)
    root = ET.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    text_node = root.find("TEXT")
    if text_node is None:
        raise ValueError(f"{path}: no TEXT element")
    parts: list[str] = []
    timexes: list[Timex] = []
    elements: list[Element] = []
    _walk(text_node, parts, 0, timexes, elements)
    return Document(
        doc_id=path.name.removesuffix(".TE3input").removesuffix(".tml"),
        docid=(root.findtext("DOCID") or "").strip(),
        dct=dct.get("value", "") if dct is not None else "",
        title=(root.findtext("TITLE") or "").strip(),
        text="".join(parts),
        timexes=sorted(timexes),
        elements=sorted(elements, key=lambda e: (e.start, -e.end)),
        path=path,
    )


def load_dir(directory: Path | str, pattern: str) -> dict[str, Document]:
    """Every file matching `pattern` in `directory`, by document id."""
    docs = (load(p) for p in sorted(Path(directory).glob(pattern)))
    return {doc.doc_id: doc for doc in docs}


def load_tempeval3(data_dir: Path = DATA_DIR) -> list[tuple[Document, Document]]:
    """(input, gold) pairs of the TE3 platinum test set, checked to have the same text."""
    inputs = load_dir(data_dir / "input", "*.TE3input")
    gold = load_dir(data_dir / "gold", "*.tml")
    if inputs.keys() != gold.keys():
        raise ValueError(f"input and gold differ: {sorted(inputs.keys() ^ gold.keys())}")
    for doc_id, doc in inputs.items():
        if doc.text != gold[doc_id].text or doc.dct != gold[doc_id].dct:
            raise ValueError(f"{doc_id}: input and gold text or DCT differ")
    return [(inputs[k], gold[k]) for k in sorted(inputs)]


def writable(
    text: str, timexes: Iterable[Sequence], elements: Sequence[Element] = ()
) -> tuple[list[Timex], list[Timex]]:
    """The timexes a TimeML file can hold, in text order, and those it cannot.

    Dropped: empty or blank spans (the official scorer skips them), one overlapping an
    earlier kept one (TIMEX3s do not nest), one cutting across an input element or holding
    one (the official scorer reads only TIMEX3s with no tag inside).
    """
    kept: list[Timex] = []
    dropped: list[Timex] = []
    for t in sorted(Timex(*t) for t in timexes):
        blank = t.end <= t.start or not text[t.start : t.end].strip()
        clash = kept and kept[-1].end > t.start
        crosses = any(
            e.start < t.end
            and t.start < e.end
            and not (e.start <= t.start and t.end <= e.end and (e.start, e.end) != (t.start, t.end))
            for e in elements
        )
        (dropped if blank or clash or crosses else kept).append(t)
    return kept, dropped


def _attrs(pairs: Iterable[tuple[str, str]]) -> str:
    return "".join(f' {k}="{escape(v, {chr(34): "&quot;"})}"' for k, v in pairs)


def render_text(text: str, timexes: Sequence[Timex], elements: Sequence[Element] = ()) -> str:
    """`text` escaped, with `elements` and `timexes` (from `writable`) as tags."""
    spans = [(e.start, e.end, 1, e.tag, e.attrib) for e in elements]
    spans += [
        (t.start, t.end, 0, "TIMEX3", (("tid", f"t{i}"), ("type", t.type), ("value", t.value)))
        for i, t in enumerate(timexes, 1)
    ]
    spans.sort(key=lambda s: (s[0], -s[1], s[2]))
    out: list[str] = []
    stack: list[tuple[int, str]] = []  # (end, tag) of the open elements
    pos = 0

    def close() -> None:
        nonlocal pos
        end, tag = stack.pop()
        out.append(escape(text[pos:end]) + f"</{tag}>")
        pos = end

    for start, end, _, tag, attrib in spans:
        while stack and end > stack[-1][0]:  # not inside the open element: close it
            close()
        out.append(escape(text[pos:start]) + f"<{tag}{_attrs(attrib)}>")
        pos = start
        stack.append((end, tag))
    while stack:
        close()
    out.append(escape(text[pos:]))
    return "".join(out)


def write_tml(path: Path | str, doc: Document, timexes: Sequence[Timex]) -> Path:
    """Write `doc`'s input file with TEXT replaced by its text, elements and `timexes`
    (already passed through `writable`)."""
    if doc.path is None:
        raise ValueError(f"{doc.doc_id}: no input file to copy")
    raw = doc.path.read_text(encoding="utf-8")
    match = _TEXT.search(raw)
    if match is None:
        raise ValueError(f"{doc.path}: no TEXT element")
    body = render_text(doc.text, timexes, doc.elements)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(raw[: match.start(2)] + body + raw[match.end(2) :], encoding="utf-8")
    return path


@dataclass(slots=True)
class Counts:
    """TE3 Task A counts, summed over documents."""

    gold: int = 0
    system: int = 0
    strict: int = 0  # pairs with identical spans
    relaxed: int = 0  # pairs with overlapping spans (strict ones included)
    value: int = 0  # relaxed pairs with the gold value
    type: int = 0  # relaxed pairs with the gold type

    def prf(self, matched: int) -> tuple[float, float, float]:
        """P, R, F1 (fractions) for `matched` pairs."""
        p = matched / self.system if self.system else 0.0
        r = matched / self.gold if self.gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> tuple[float, ...]:
        """Strict P R F1, relaxed P R F1, value P R F1, type P R F1 (fractions)."""
        return tuple(
            x for n in (self.strict, self.relaxed, self.value, self.type) for x in self.prf(n)
        )

    def add(self, other: Counts) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def match(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[int, int]]:
    """(gold index, system index) pairs: identical spans first, then each gold TIMEX3 in
    order with the first unpaired system TIMEX3 that overlaps it."""
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_system: set[int] = set()
    where = {(s.start, s.end): j for j, s in reversed(list(enumerate(system)))}
    for i, g in enumerate(gold):
        j = where.get((g.start, g.end))
        if j is not None and j not in used_system:
            pairs.append((i, j))
            used_gold.add(i)
            used_system.add(j)
    for i, g in enumerate(gold):
        if i in used_gold:
            continue
        for j, s in enumerate(system):
            if j not in used_system and s.start < g.end and g.start < s.end:
                pairs.append((i, j))
                used_system.add(j)
                break
    return sorted(pairs)


def score_document(gold: Sequence[Timex], system: Sequence[Timex]) -> Counts:
    """Counts for one document; blank system spans are ignored, as the official scorer does."""
    gold = [Timex(*g) for g in gold]
    system = [Timex(*s) for s in system if s[1] > s[0]]
    counts = Counts(gold=len(gold), system=len(system))
    for i, j in match(gold, system):
        g, s = gold[i], system[j]
        counts.relaxed += 1
        counts.strict += (g.start, g.end) == (s.start, s.end)
        counts.value += g.value == s.value
        counts.type += g.type == s.type
    return counts


def score(golds: Sequence[Sequence[Timex]], systems: Sequence[Sequence[Timex]]) -> Counts:
    """Micro-averaged counts over documents (gold and system lists in the same order)."""
    total = Counts()
    for gold, system in zip(golds, systems, strict=True):
        total.add(score_document(gold, system))
    return total
