"""OCR damage (OC001) measured on BLN600: detection precision and recall, correction accuracy.

BLN600 (Booth, Thomas and Gaizauskas, LREC-COLING 2024) pairs the OCR of 600 excerpts of
nineteenth-century London newspapers with a human transcription, sentence by sentence; the
copy read here is the one in Shef-AIRE/llms_post-ocr_correction (`data/test.csv`, `train.csv`),
fetched as a bare git mirror. Nothing of it is committed; `FONTES_OCR_BENCH` points to the git
directory (or to a folder holding `data/test.csv`).

Each excerpt is one document (its OCR sentences joined by spaces) run through
`fontes.analyze`; each OCR word is aligned with the transcription (difflib over the words of a
sentence, punctuation and case aside). A word is damaged when it differs from the word it is
aligned with, or has none. A garble is right when its word is damaged (precision); damaged
words found over all damaged words is recall; a correction is right when it is the
transcription's word. Today's detector (before the noisy channel) runs on the same documents
in the same run (`baseline_garbles`, a copy kept here only).

With `--hipe`, it also counts OC001 on the HIPE-2022 English newspapers (no OCR gold there:
garbles per 1,000 words, for both detectors).

    .venv/bin/python bench/bench_ocr.py [--split test|train] [--limit N] [--show N] [--hipe]
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import subprocess
import sys
import time
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from string import ascii_lowercase

from wordfreq import zipf_frequency

import fontes
from fontes.entities.ocr import vouched_name_words, words_view
from fontes.model import Document, fold
from fontes.text.names import strip_possessive

MIRROR = Path("/work/.mirror/Shef-AIRE+llms_post-ocr_correction/repo")
COMMIT = "86baadbd20eb0abe4b7ac9ae3252d67f20a84e53"
DATA = Path(os.environ.get("FONTES_OCR_BENCH", MIRROR))
_PRINTED = re.compile(r"\S+?-\n\S+|\S+")
# Quotation marks and brackets around a word, and the stops after it, are the sentence's;
# a mark before a word (`.the`, `~of`) is OCR's, and makes the word damaged.
_EDGE = re.compile(r"^[\"'‘“(\[]+|[\"'’”)\].,;:!?]+$")


def read_split(split: str) -> str | None:
    """The CSV text of a split, from a folder or a bare git mirror; None when absent."""
    plain = DATA / "data" / f"{split}.csv"
    if plain.is_file():
        return plain.read_text(encoding="utf-8")
    if not DATA.is_dir():
        return None
    shown = subprocess.run(
        ["git", f"--git-dir={DATA}", "show", f"{COMMIT}:data/{split}.csv"],
        capture_output=True,
        text=True,
        check=False,
    )
    return shown.stdout if shown.returncode == 0 else None


@dataclass
class Word:
    """An OCR word of an excerpt: its span in the document text and what the page had."""

    start: int
    end: int
    damaged: bool
    meant: str | None  # the transcription's word, where one word stands for one word


@dataclass
class Excerpt:
    text: str
    words: list[Word]

    def word_at(self, offset: int) -> Word | None:
        index = bisect_right([w.start for w in self.words], offset) - 1
        word = self.words[index] if index >= 0 else None
        return word if word is not None and offset < word.end else None


def _normal(word: str) -> str:
    """A word as compared: without its edges, case, hyphens and apostrophes (the
    transcription's `twenty-three` and `trader's` are spelling, not what OCR read)."""
    return _EDGE.sub("", word).lower().translate(_SPELLING)


# A word hyphenated at a line end, the line break flattened to a space in the CSV (`pro- perty`
# where the transcription has `property`): the break is put back, for fontes' reading view to
# join the word as it joins any hyphenated line end.
_SPELLING = str.maketrans("", "", "-\n'’")
_FLATTENED = re.compile(r"(?<=[^\W\d_])- (?=[a-z])")


def excerpts(csv_text: str) -> list[Excerpt]:
    """BLN600 rows grouped by excerpt, each OCR word aligned with the transcription."""
    by_sample: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in csv.DictReader(io.StringIO(csv_text)):
        by_sample[row["Sample ID"]].append((row["OCR Text"], row["Ground Truth"]))
    found = []
    for rows in by_sample.values():
        text, words = "", []
        for ocr, truth in rows:
            ocr = _FLATTENED.sub("-\n", ocr)
            offset = len(text) + (1 if text else 0)
            text = f"{text} {ocr}" if text else ocr
            words.extend(_aligned(ocr, truth, offset))
        found.append(Excerpt(text, words))
    return found


def _aligned(ocr: str, truth: str, offset: int) -> Iterator[Word]:
    """The OCR words of a sentence, each damaged or not; a word hyphenated at a line end is one.
    Where the alignment pairs unequal runs of words, a word found among its run is no damage."""
    printed = [
        (m.start() + offset, m.end() + offset, _normal(m[0])) for m in _PRINTED.finditer(ocr)
    ]
    meant = [_normal(w) for w in truth.split()]
    matcher = SequenceMatcher(None, [w for _, _, w in printed], meant, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        one_for_one = i2 - i1 == j2 - j1
        for k in range(i1, i2):
            start, end, word = printed[k]
            if not any(c.isalpha() for c in word):
                continue  # numbers and marks: no word for OC001 to read
            gold = meant[j1 + k - i1] if one_for_one else None
            damaged = tag != "equal" and (one_for_one or word not in meant[j1:j2])
            yield Word(start, end, damaged, gold)


@dataclass
class Scores:
    flagged: int = 0
    right: int = 0
    damaged: int = 0
    found: int = 0
    corrected: int = 0
    correctable: int = 0

    def add(self, excerpt: Excerpt, garbles: list[tuple[int, int, str]]) -> None:
        hit = set()
        for start, _, correction in garbles:
            self.flagged += 1
            word = excerpt.word_at(start)
            if word is None or not word.damaged:
                continue
            self.right += 1
            hit.add(word.start)
            if word.meant is not None and correction:
                self.correctable += 1
                self.corrected += correction.lower() == word.meant
        self.damaged += sum(word.damaged for word in excerpt.words)
        self.found += len(hit)

    def line(self, name: str) -> str:
        precision = self.right / self.flagged if self.flagged else 0.0
        recall = self.found / self.damaged if self.damaged else 0.0
        accuracy = self.corrected / self.correctable if self.correctable else 0.0
        return (
            f"{name:10} flagged {self.flagged:5}  precision {precision:.3f}  "
            f"recall {recall:.3f} ({self.found}/{self.damaged} damaged words)  "
            f"corrections right {accuracy:.3f} ({self.corrected}/{self.correctable} proposed "
            "for a damaged word the transcription reads as one word)"
        )


# --- today's detector, before the noisy channel: kept here only, to measure beside it -------

_BASE_CONFUSIONS = [
    ("Ij", "U"), ("IJ", "U"), ("ij", "u"), ("rn", "m"), ("m", "rn"), ("in", "m"), ("li", "h"),
    ("cl", "d"), ("d", "cl"), ("vv", "w"), ("1", "l"), ("1", "i"), ("|", "l"), ("0", "o"),
    ("5", "s"), ("c", "e"), ("e", "c"), ("l", "i"), ("i", "l"), ("I", "l"),
]  # fmt: skip
_BASE_TOKEN = re.compile(r"[^\W\d_]+,[^\W\d_]+|(?<![\w~^`.])[~^`_.]*[^\W_][\w']*[^\W_]")
_BASE_STRAY = re.compile(r"^[~^`_.]+")
_BASE_GLUED = re.compile(r"([a-z]+),([a-z]+)")
_BASE_MEASURE = re.compile(
    r"\d+(?:[.,]\d+)?(?:in|ins|ft|yd|yds|mi|cm|mm|km|kg|lb|lbs|oz|st|nd|rd|th|am|pm|hrs|min|"
    r"sec|mph|kph|kw|hp|pc|bn)|\d{2,}(?:[.,]\d+)?[a-z]",
    re.IGNORECASE,
)


def baseline_garbles(doc: Document) -> list[tuple[int, int, str]]:
    """Today's OC001 before this change: one confusion or one edit to a Zipf-2.5 word."""
    name_words = vouched_name_words(doc)
    view = words_view(doc)
    tokens = [(m.start(), strip_possessive(m[0])) for m in _BASE_TOKEN.finditer(fold(view.text))]
    counts: dict[str, int] = defaultdict(int)
    for _, word in tokens:
        counts[word] += 1
    found = []
    for start, word in tokens:
        if counts[word] > 1 or word.lower() in name_words:
            continue
        correction = _baseline_correction(word)
        if correction is not None:
            found.append((*view.original_span(start, start + len(word)), correction))
    return found


def _zipf(word: str) -> float:
    return 0.0 if any(ch.isdigit() for ch in word) else zipf_frequency(word, "en")


def _baseline_correction(word: str) -> str | None:
    if len(word) > 48 or _BASE_MEASURE.fullmatch(word):
        return None
    if glued := _BASE_GLUED.fullmatch(word):
        left, right = glued.groups()
        return f"{left} {right}" if min(_zipf(left), _zipf(right)) >= 3.0 else None
    found = _BASE_STRAY.match(word)
    stray = found[0] if found else ""
    core = word[len(stray) :]
    if _zipf(core) >= 2.5 and stray:
        return core
    if _zipf(core) >= 1.0:
        return None
    best = max(_baseline_confusions(core), key=_zipf, default=None)
    if best is not None and _zipf(best) >= 2.5:
        return best
    if stray or (core.islower() and _zipf(core) == 0):
        best = max(_baseline_edits(core), key=_zipf, default=None)
        if best is not None and _zipf(best) >= 2.5:
            return best
    return None


def _baseline_confusions(word: str) -> Iterator[str]:
    for old, new in _BASE_CONFUSIONS:
        index = word.find(old)
        while index != -1:
            yield word[:index] + new + word[index + len(old) :]
            index = word.find(old, index + 1)
    for index in range(1, len(word)):
        if word[index] == word[index - 1]:
            yield word[:index] + word[index + 1 :]


def _baseline_edits(word: str) -> Iterator[str]:
    lower = word.lower()
    for index in range(len(lower)):
        yield lower[:index] + lower[index + 1 :]
        for letter in ascii_lowercase:
            yield lower[:index] + letter + lower[index + 1 :]
        if index + 1 < len(lower):
            yield lower[:index] + lower[index + 1] + lower[index] + lower[index + 2 :]


# --- the run --------------------------------------------------------------------------------


def fontes_garbles(doc: Document) -> list[tuple[int, int, str]]:
    return [(g.start, g.end, g.correction) for g in doc.garbles]


def bench_bln600(split: str, limit: int | None, show: int) -> bool:
    csv_text = read_split(split)
    if csv_text is None:
        print(f"BLN600 not found at {DATA} (set FONTES_OCR_BENCH): skipped")
        return False
    chosen = excerpts(csv_text)[:limit]
    words = sum(len(e.words) for e in chosen)
    print(f"BLN600 {split} ({DATA}, {COMMIT[:7]}): {len(chosen)} excerpts, {words} OCR words")
    scores = {"fontes": Scores(), "baseline": Scores()}
    seconds = {"fontes": 0.0, "baseline": 0.0}
    shown = 0
    for excerpt in chosen:
        doc = fontes.analyze(excerpt.text)
        began = time.perf_counter()
        baseline = baseline_garbles(doc)
        seconds["baseline"] += time.perf_counter() - began
        began = time.perf_counter()
        garbles = fontes_garbles(doc)
        scores["fontes"].add(excerpt, garbles)
        scores["baseline"].add(excerpt, baseline)
        for start, end, correction in garbles:
            word = excerpt.word_at(start)
            if shown < show and (word is None or not word.damaged):
                print(f"  false: {excerpt.text[start:end]!r} -> {correction!r}")
                shown += 1
        seconds["fontes"] += time.perf_counter() - began
    for name, score in scores.items():
        print(score.line(name))
    print(f"baseline detector: {seconds['baseline']:.1f} s")
    return True


def bench_hipe() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import hipe  # the HIPE loader beside this script

    path = hipe.data_path("hipe2020", "dev")
    if not path.is_file():
        print(f"HIPE not found at {path}: skipped")
        return
    docs = hipe.load(path)
    counts = {"fontes": 0, "baseline": 0}
    words = 0
    for hipe_doc in docs:
        doc = fontes.analyze(hipe_doc.text)
        words += len(hipe_doc.tokens)
        counts["fontes"] += len(doc.garbles)
        counts["baseline"] += len(baseline_garbles(doc))
    print(f"HIPE-2022 hipe2020 dev: {len(docs)} documents, {words} tokens")
    for name, count in counts.items():
        print(f"{name:10} garbles {count:5}  per 1,000 tokens {1000 * count / words:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--split", default="test", choices=("test", "train"))
    parser.add_argument("--limit", type=int, default=None, help="only the first N excerpts")
    parser.add_argument("--show", type=int, default=0, help="print N false garbles")
    parser.add_argument("--hipe", action="store_true", help="also count OC001 on HIPE")
    args = parser.parse_args()
    bench_bln600(args.split, args.limit, args.show)
    if args.hipe:
        bench_hipe()


if __name__ == "__main__":
    main()
