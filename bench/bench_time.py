"""Temporal expressions on TempEval-3 (platinum test set): dateparser vs fontes, and speed.

Run: `.venv/bin/python bench/bench_time.py [--megabytes N] [--skip-speed]`.

For the 20 TE3 documents (`shared/benchmarks/tempeval3/`, `FONTES_TEMPEVAL3_DIR` points
elsewhere) it prints, per system, TE3 Task A figures in percent (`timeml.score`, the
official scorer's counting): strict, relaxed and value P/R/F1, type F1, and characters per
second on those documents; then the dataset README's published rows; then two checks: the
gold through the writer and loader, scored against itself (100 everywhere), and dateparser
with every value a day (`YYYY-MM-DD`), which reproduces the README's dateparser row.
Each system's TimeML goes to `bench/out/tempeval3/<system>/<docid>.tml`, for the official
scorer (`python TE3-evaluation.py GOLD_DIR bench/out/tempeval3/fontes`).

Speed: `find_time_expressions` (no anchor) over a synthetic corpus of `--megabytes` MB
(`bench_analyze.make_corpus`, seed 0) beside bare spaCy (`bench_analyze.baseline_spacy`:
the model fontes uses with every component, `nlp.pipe` over paragraphs) on its first ~1 MB,
as characters per second and their ratio.

Systems, each a function (text, DCT) → [(start, end, type, value)]:
- `dateparser`: `dateparser.search.search_dates` with the DCT as `RELATIVE_BASE`, English;
  each string found is located by searching forward from the previous one and becomes a
  DATE whose value has the precision the string shows (`dateparser_value`).
- `fontes`: `fontes_system`, fontes' `find_time_expressions(text, anchor=dct)` as it is;
  skipped with a note when `fontes.time.expressions` cannot be imported.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime
from itertools import accumulate
from pathlib import Path

from dateparser.search import search_dates

from timeml import OUT_DIR, Counts, Document, load, load_tempeval3, score, writable, write_tml

System = Callable[[str, date], list[tuple[int, int, str, str]]]
PUBLISHED = [  # strict F1, relaxed F1, value F1 (the dataset README)
    ("HeidelTime (best entry)", 81.34, 90.30, 77.61),
    ("SUTime", 79.57, 90.32, 67.38),
    ("ClearTK (best strict)", 82.71, 90.23, 64.66),
    ("dateparser, simple adapter", 16.67, 68.94, 9.09),
]
MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?", re.I)

try:
    from fontes.time.expressions import find_time_expressions
except Exception as error:  # the tagger is being written: a broken module must not stop us
    find_time_expressions = None
    FONTES_ERROR = f"{type(error).__name__}: {error}"


def dateparser_value(found: str, when: datetime) -> str:
    """`when` at the precision `found` gives: a year alone → `YYYY`, a month name and a year
    with no other number → `YYYY-MM`, anything else → `YYYY-MM-DD`."""
    numbers = re.findall(r"\d+", found)
    years = [n for n in numbers if len(n) == 4]
    month = MONTH.search(found)
    if years and len(years) == len(numbers) and not month:
        return f"{when:%Y}"
    if years and len(years) == len(numbers) and month:
        return f"{when:%Y-%m}"
    return f"{when:%Y-%m-%d}"


def dateparser_system(
    value: Callable[[str, datetime], str] = dateparser_value,
) -> System:
    """dateparser's `search_dates` as a TIMEX3 tagger: every match a DATE, its value `value`."""

    def run(text: str, dct: date) -> list[tuple[int, int, str, str]]:
        base = datetime.combine(dct, datetime.min.time())
        settings = {"RELATIVE_BASE": base}
        found = search_dates(text, settings=settings, languages=["en"]) or []
        out, pos = [], 0
        for string, when in found:
            start = text.find(string, pos)
            if start < 0:  # not seen with dateparser 1.5.0 on this set
                continue
            pos = start + len(string)
            out.append((start, pos, "DATE", value(string, when)))
        return out

    return run


def fontes_system(text: str, dct: date) -> list[tuple[int, int, str, str]]:
    """fontes' temporal expressions, anchored at the DCT, as (start, end, type, value)."""
    if find_time_expressions is None:
        raise RuntimeError(f"fontes temporal tagger not available: {FONTES_ERROR}")
    found = find_time_expressions(text, anchor=dct)
    return [(t.start, t.end, str(t.type), t.value) for t in found]


def run_system(
    name: str, system: System, pairs: Sequence[tuple[Document, Document]]
) -> tuple[Counts, float, int]:
    """Time `system` on every input, write its TimeML, re-read it and score what was written.

    Returns the counts, characters per second and how many of its TIMEX3s could not be
    written (overlapping another, blank, or cutting across an input element)."""
    system("On Friday, 8 December 1930, it rained for two hours.", date(2013, 3, 22))
    found = []
    started = time.perf_counter()
    for doc, _ in pairs:
        found.append(system(doc.text, doc.dct_date))
    seconds = time.perf_counter() - started
    written, dropped = [], 0
    for (doc, _), timexes in zip(pairs, found, strict=True):
        kept, left_out = writable(doc.text, timexes, doc.elements)
        dropped += len(left_out)
        path = write_tml(OUT_DIR / name / f"{doc.doc_id}.tml", doc, kept)
        back = load(path)
        if back.text != doc.text or back.timexes != kept:
            raise AssertionError(f"{path}: re-read text or TIMEX3s differ from what was written")
        written.append(back.timexes)
    counts = score([gold.timexes for _, gold in pairs], written)
    return counts, sum(len(doc.text) for doc, _ in pairs) / seconds, dropped


def fmt(counts: Counts) -> str:
    """Strict P R F1 | relaxed P R F1 | value P R F1 | type F1, in percent."""
    row = [100 * x for x in counts.row()]
    groups = [" ".join(f"{x:5.1f}" for x in row[i : i + 3]) for i in (0, 3, 6)]
    return " | ".join(groups) + f" | {row[11]:5.1f}"


def speed(megabytes: float) -> None:
    """Print fontes' tagging throughput on the synthetic corpus and bare spaCy's."""
    if find_time_expressions is None:
        print(f"\n(speed skipped: fontes temporal tagger not available: {FONTES_ERROR})")
        return
    # Imported here: bench_analyze imports all of fontes, which imports the tagger.
    from bench_analyze import baseline_spacy, make_corpus

    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(Path(tmp), megabytes, seed=0)
        texts = [p.read_text(encoding="utf-8") for p in paths]
    chars = sum(map(len, texts))
    print(f"\nspeed: corpus of {len(texts)} documents, {chars:,} characters (seed 0)", flush=True)
    n = next((i + 1 for i, s in enumerate(accumulate(map(len, texts))) if s >= 1e6), len(texts))
    prefix = texts[:n]
    spacy_rate = sum(map(len, prefix)) / baseline_spacy(prefix)
    print(f"  bare spaCy nlp.pipe (first {n} documents, ~1 MB): {spacy_rate:12,.0f} chars/s")
    find_time_expressions("On 8 December 1930 it rained.")
    started = time.perf_counter()
    expressions = 0
    for text in texts:
        expressions += len(find_time_expressions(text))
    seconds = time.perf_counter() - started
    print(
        f"  fontes find_time_expressions (all, no anchor): {chars / seconds:12,.0f} chars/s "
        f"({seconds:.1f} s, {expressions:,} expressions); "
        f"{chars / seconds / spacy_rate:.1f}x bare spaCy"
    )


def main() -> None:
    """Run every system on TE3, print the table and the checks, then the speed figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0, help="speed corpus size")
    parser.add_argument("--skip-speed", action="store_true", help="TE3 figures only")
    args = parser.parse_args()
    pairs = load_tempeval3()
    gold_count = sum(len(gold.timexes) for _, gold in pairs)
    chars = sum(len(doc.text) for doc, _ in pairs)
    print(f"TempEval-3 platinum: {len(pairs)} documents, {chars:,} characters, {gold_count} TIMEX3")
    systems: list[tuple[str, System]] = [("dateparser", dateparser_system())]
    if find_time_expressions is None:
        print(f"(fontes temporal tagger not available: {FONTES_ERROR})")
    else:
        systems.append(("fontes", fontes_system))
    print(
        f"{'system':<28} {'strict P     R    F1':<17} | {'relaxed P     R    F1':<17} | "
        f"{'value P     R    F1':<17} | {'type F1':>5} {'chars/s':>9}"
    )
    for name, system in systems:
        counts, rate, dropped = run_system(name, system, pairs)
        print(f"{name:<28} {fmt(counts)} {rate:9,.0f}", flush=True)
        if dropped:
            print(f"  ({dropped} of {name}'s TIMEX3s not written or scored: overlap or blank)")
    print(f"TimeML written under {OUT_DIR}")
    print("published (F1 strict / relaxed / value):")
    for name, strict, relaxed, value in PUBLISHED:
        print(f"  {name:<26} {strict:5.2f} / {relaxed:5.2f} / {value:5.2f}")
    by_text = {doc.text: gold.timexes for doc, gold in pairs}
    own, _, dropped = run_system("gold", lambda text, dct: by_text.get(text, []), pairs)
    print(f"check, gold as a system (written and re-read): {fmt(own)}, {dropped} not written")
    day, _, _ = run_system("dateparser-day", dateparser_system(lambda s, w: f"{w:%Y-%m-%d}"), pairs)
    row = [100 * x for x in day.row()]
    print(
        f"check, dateparser with day values: F1 {row[2]:.2f} / {row[5]:.2f} / {row[8]:.2f}"
        "   README 16.67 / 68.94 / 9.09"
    )
    if not args.skip_speed:
        speed(args.megabytes)


if __name__ == "__main__":
    main()
