"""HIPE-2022 TSV data: load documents with their running text, score NER, write predictions.

The scorer re-implements the official HIPE scorer (hipe-eval/HIPE-scorer, `nerc_coarse`,
column NE-COARSE-LIT, `merge_lines=True`, tags = the types present in the gold file) with
its counting rules: each predicted entity is matched in turn against the gold entities of
its document; an exact match is *correct*; otherwise the first gold entity with the same
boundaries but another type, or the first not-yet-matched gold entity it overlaps by a
token, makes it *incorrect* for strict (and *correct* for fuzzy when the types agree);
otherwise it is *spurious*. Gold entities no prediction touched are *missed*.
P = correct / (correct + incorrect + partial + spurious), R = correct / (correct +
incorrect + partial + missed), micro-averaged over all documents. Predicted types absent
from the gold file are ignored, as the official scorer does.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(
    os.environ.get("FONTES_HIPE_DIR", Path(__file__).resolve().parents[2] / "shared/benchmarks")
)
HIPE_DIR = DATA_DIR / "hipe2022-en" if (DATA_DIR / "hipe2022-en").is_dir() else DATA_DIR
OUT_DIR = Path(__file__).resolve().parent / "out" / "hipe"
COLUMNS = [
    "TOKEN",
    "NE-COARSE-LIT",
    "NE-COARSE-METO",
    "NE-FINE-LIT",
    "NE-FINE-METO",
    "NE-FINE-COMP",
    "NE-NESTED",
    "NEL-LIT",
    "NEL-METO",
    "MISC",
]


def data_path(dataset: str, split: str) -> Path:
    """The TSV file of `dataset` (hipe2020, topres19th) and `split` (train, dev, test)."""
    return HIPE_DIR / f"HIPE-2022-v2.1-{dataset}-{split}-en.tsv"


@dataclass(frozen=True, slots=True)
class Token:
    """One TSV token line: its text, offsets into the document text, gold label and MISC."""

    text: str
    start: int
    end: int
    label: str
    misc: tuple[str, ...]


@dataclass(slots=True)
class Document:
    """A HIPE document: metadata, rebuilt running text, tokens and sentence token ranges."""

    doc_id: str
    meta: dict[str, str] = field(default_factory=dict)
    tokens: list[Token] = field(default_factory=list)
    text: str = ""
    sentences: list[tuple[int, int]] = field(default_factory=list)  # token index ranges

    @property
    def gold(self) -> list[str]:
        """Gold NE-COARSE-LIT labels, one per token."""
        return [t.label for t in self.tokens]


@dataclass(frozen=True, slots=True)
class CharSpan:
    """A predicted entity: character offsets into a document's text and a HIPE type."""

    start: int
    end: int
    type: str


def _misc(value: str) -> tuple[str, ...]:
    return tuple(part for part in value.split("|") if part and part != "_")


def _finish(doc: Document, raw: list[tuple[str, str, tuple[str, ...]]], newline: str) -> None:
    """Rebuild `doc.text` from its raw token lines, keeping each token's offsets."""
    pieces: list[str] = []
    pos = 0
    sent_start = 0
    for i, (text, label, misc) in enumerate(raw):
        doc.tokens.append(Token(text, pos, pos + len(text), label, misc))
        pieces.append(text)
        pos += len(text)
        if "EndOfSentence" in misc:
            doc.sentences.append((sent_start, i + 1))
            sent_start = i + 1
        if i + 1 < len(raw):
            sep = "" if "NoSpaceAfter" in misc else newline if "EndOfLine" in misc else " "
            pieces.append(sep)
            pos += len(sep)
    if sent_start < len(raw):
        doc.sentences.append((sent_start, len(raw)))
    doc.text = "".join(pieces)


def load(path: Path | str, newline: str = "\n") -> list[Document]:
    """The documents of a HIPE TSV file, with text rebuilt from MISC (`EndOfLine` → `newline`).

    A token marked `NoSpaceAfter` is followed by nothing, one marked `EndOfLine` by
    `newline`, any other by a space; `EndOfSentence` closes a sentence. A line starting
    with `#` is metadata, and `# hipe2022:document_id` (or an empty line) starts a document.
    """
    docs: list[Document] = []
    doc: Document | None = None
    raw: list[tuple[str, str, tuple[str, ...]]] = []
    header: list[str] | None = None

    def close() -> None:
        nonlocal doc, raw
        if doc is not None and raw:
            _finish(doc, raw, newline)
            docs.append(doc)
            doc = None
        raw = []

    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if raw:
                    close()
                continue
            if line.startswith("#"):
                key, _, value = line[1:].strip().partition("=")
                key, value = key.strip(), value.strip()
                if key == "hipe2022:document_id":
                    close()
                    doc = Document(value)
                elif doc is not None:
                    doc.meta[key] = value
                continue
            cells = line.split("\t")
            if header is None and cells[0] == "TOKEN":
                header = cells
                continue
            cols = header or COLUMNS
            row = dict(zip(cols, cells, strict=False))
            if doc is None:
                doc = Document(f"{Path(path).stem}-{len(docs)}")
            raw.append((row["TOKEN"], row.get("NE-COARSE-LIT", "O"), _misc(row.get("MISC", ""))))
    close()
    return docs


def entities(labels: Sequence[str]) -> list[tuple[str, int, int]]:
    """(type, first token, last token) of each entity in IOB `labels`, as the HIPE scorer reads.

    An `I-` after `O` or after another type starts an entity; `B-` always does.
    """
    found: list[tuple[str, int, int]] = []
    etype: str | None = None
    start = 0
    for i, label in enumerate(labels):
        tag = label.upper()
        if tag in ("O", "_", "-", ""):
            if etype is not None:
                found.append((etype, start, i - 1))
                etype = None
        elif etype is None:
            etype, start = tag[2:], i
        elif etype != tag[2:] or tag.startswith("B"):
            found.append((etype, start, i - 1))
            etype, start = tag[2:], i
    if etype is not None:
        found.append((etype, start, len(labels) - 1))
    return found


def to_iob(doc: Document, spans: Iterable[CharSpan]) -> list[str]:
    """Token IOB labels for character `spans`: a token is in a span if it overlaps it.

    Spans are taken by start (longest first); a token already claimed stays with the first.
    """
    labels = ["O"] * len(doc.tokens)
    starts = [t.start for t in doc.tokens]
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        i = max(bisect.bisect_right(starts, span.start) - 1, 0)
        first = True
        while i < len(doc.tokens) and doc.tokens[i].start < span.end:
            tok = doc.tokens[i]
            if tok.end > span.start and tok.end > tok.start:
                if labels[i] != "O":
                    break
                labels[i] = ("B-" if first else "I-") + span.type
                first = False
            i += 1
    return labels


@dataclass(slots=True)
class Counts:
    """The official scorer's counts for one regime (strict or fuzzy)."""

    correct: int = 0
    incorrect: int = 0
    partial: int = 0
    missed: int = 0
    spurious: int = 0

    @property
    def actual(self) -> int:
        return self.correct + self.incorrect + self.partial + self.spurious

    @property
    def possible(self) -> int:
        return self.correct + self.incorrect + self.partial + self.missed

    @property
    def precision(self) -> float:
        return self.correct / self.actual if self.actual else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.possible if self.possible else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    """Micro-averaged strict and fuzzy counts over a set of documents."""

    strict: Counts = field(default_factory=Counts)
    fuzzy: Counts = field(default_factory=Counts)

    def row(self) -> tuple[float, float, float, float, float, float]:
        """(strict P, R, F1, fuzzy P, R, F1)."""
        s, f = self.strict, self.fuzzy
        return s.precision, s.recall, s.f1, f.precision, f.recall, f.f1


def _score_segment(
    true: list[tuple[str, int, int]], pred: list[tuple[str, int, int]], scores: Scores
) -> None:
    """Add one document's counts, following the official `compute_metrics` step by step."""
    strict, fuzzy = scores.strict, scores.fuzzy
    touched: list[tuple[str, int, int]] = []
    for p in pred:
        if p in true:  # exact match: type and boundaries
            touched.append(p)
            strict.correct += 1
            fuzzy.correct += 1
            continue
        found = False
        for t in true:
            if t[1] == p[1] and t[2] == p[2] and t[0] != p[0]:  # same span, wrong type
                strict.incorrect += 1
                fuzzy.incorrect += 1
                touched.append(t)
                found = True
                break
            if t[1] <= p[2] and p[1] <= t[2] and t not in touched:  # overlap
                touched.append(t)
                found = True
                strict.incorrect += 1
                if p[0] == t[0]:
                    fuzzy.correct += 1
                else:
                    fuzzy.incorrect += 1
                break
        if not found:
            strict.spurious += 1
            fuzzy.spurious += 1
    for t in true:
        if t not in touched:
            strict.missed += 1
            fuzzy.missed += 1


def score(
    docs: Sequence[Document], predictions: Sequence[Sequence[str]], only: str | None = None
) -> Scores:
    """HIPE micro strict/fuzzy scores of per-document token `predictions` against the gold;
    `only`: of one type's entities (`pers`), as the official scorer's per-type figures."""
    scores = Scores()
    tags = {e[0] for doc in docs for e in entities(doc.gold)}
    if only is not None:
        tags &= {only.upper()}
    for doc, pred in zip(docs, predictions, strict=True):
        if len(pred) != len(doc.tokens):
            raise ValueError(f"{doc.doc_id}: {len(pred)} labels for {len(doc.tokens)} tokens")
        true = [e for e in entities(doc.gold) if e[0] in tags]
        guess = [e for e in entities(pred) if e[0] in tags]
        _score_segment(true, guess, scores)
    return scores


def write_tsv(
    path: Path | str, docs: Sequence[Document], predictions: Sequence[Sequence[str]]
) -> Path:
    """Write `predictions` as a HIPE TSV with the gold's token lines and metadata.

    Our labels go in NE-COARSE-LIT; every other column but TOKEN and MISC is `_`.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["\t".join(COLUMNS)]
    for doc, pred in zip(docs, predictions, strict=True):
        lines.append(f"# hipe2022:document_id = {doc.doc_id}")
        lines.extend(f"# {key} = {value}" for key, value in doc.meta.items())
        for tok, label in zip(doc.tokens, pred, strict=True):
            misc = "|".join(tok.misc) or "_"
            lines.append("\t".join([tok.text, label, *["_"] * 7, misc]))
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
