"""Benchmark: does `fontes.analyze` stay linear on one long paragraph and on punctuation?

Run: `.venv/bin/python bench/bench_linearity.py` (a few minutes on 2 cores).

Each case runs in a fresh subprocess, which loads the model, builds its text (a fixed seed),
times `fontes.analyze` and reports its own peak RSS, so peaks do not mix. Cases: a normal
multi-paragraph corpus (the baseline, measured in the same run); newspaper-like paragraphs
without a break, dense in people (forenames and surnames, namesakes, bare surnames,
relatives), of 100 KB, 400 KB and 1.6 MB; and 400 KB of `*`, of `(` and of `:`.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench_analyze import NOUNS, PLACES, _word, make_document

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [ROOT / "examples", ROOT.parent / "shared" / "samples" / "real"]
KB = 1_000
SEED = 0  # so a shorter paragraph is the start of a longer one
CASES: dict[str, tuple[str, int]] = {
    "normal corpus": ("normal", 0),
    "one paragraph 100 KB": ("names", 100 * KB),
    "one paragraph 400 KB": ("names", 400 * KB),
    "one paragraph 1.6 MB": ("names", 1_600 * KB),
    "400 KB of *": ("*", 400 * KB),
    "400 KB of (": ("(", 400 * KB),
    "400 KB of :": (":", 400 * KB),
}
# Goals: the cost per MB of one paragraph at 1.6 MB within this of its cost at 100 KB, and
# this peak memory for 400 KB of punctuation.
SCALING_GOAL = 1.3
MEMORY_GOAL_MB = 1_000
KINSHIP = ["brother", "sister", "son", "daughter", "cousin", "nephew"]
SENTENCES = [
    "{full} met {other} at the {place} {noun}.",
    "{bare} answered {other_bare} before the {place} {noun}, and {bare} left.",
    "Mr. {bare} said that {full} and his {kin} {fore} had signed for the {place} {noun}.",
    "The {noun} Of The {place} heard {full}, {other} and {other_bare}.",
    "{bare}'s letter reached {other} on Monday; {other_bare} did not reply.",
    "When {full} spoke, {bare} of the {place} {noun} Company walked out.",
]


def names_paragraph(rng: random.Random, size: int) -> str:
    """About `size` characters of one paragraph, hard-wrapped as newspaper OCR is: a cast
    that grows as the text goes on, families of namesakes, most sentences about the last few
    families named, bare surnames that could be several people, relatives by forename."""
    families: list[tuple[str, list[str]]] = []
    words: list[str] = []
    length = 0

    def family() -> tuple[str, list[str]]:
        if not families or rng.random() < 0.08:
            families.append((_word(rng, rng.randint(2, 3)), [_word(rng, 2) for _ in range(3)]))
        return rng.choice(families[-12:]) if rng.random() < 0.9 else rng.choice(families)

    while length < size:
        (sur, fores), (other_sur, other_fores) = family(), family()
        sentence = rng.choice(SENTENCES).format(
            full=f"{rng.choice(fores)} {sur}",
            other=f"{rng.choice(other_fores)} {other_sur}",
            bare=sur,
            other_bare=other_sur,
            fore=rng.choice(fores),
            kin=rng.choice(KINSHIP),
            place=rng.choice(PLACES),
            noun=rng.choice(NOUNS),
        )
        words.extend(sentence.split())
        length += len(sentence) + 1
    lines, line = [], ""
    for word in words:
        if line and len(line) + len(word) >= 72:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


def normal_corpus(size: int = 430 * KB) -> str:
    """The repository's examples and the shared real samples (their cut markers and file
    separators left out), else synthetic documents: many paragraphs, about `size` long."""
    paths = sorted(p for folder in SAMPLES if folder.is_dir() for p in folder.glob("*.txt"))
    texts = [
        "\n".join(
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith(("[... devset cut", "====="))
        )
        for path in paths
    ]
    text = "\n\n".join(texts)
    if len(text) < size // 2:  # no shared samples here
        rng = random.Random(0)
        while len(text) < size:
            text += "\n\n" + make_document(rng, 40 * KB)
    return text


def build(kind: str, size: int) -> str:
    if kind == "normal":
        return normal_corpus()
    if kind == "names":
        return names_paragraph(random.Random(SEED), size)
    return kind * size


def measure(name: str) -> None:
    """In the subprocess: load the model, analyse one case, print its figures as JSON."""
    import fontes
    from fontes.entities.nlp import load_pipeline

    load_pipeline()
    text = build(*CASES[name])
    start = time.perf_counter()
    doc = fontes.analyze(text)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    figures = {"chars": len(text), "seconds": seconds, "peak_mb": peak_kb / 1024}
    print(json.dumps(figures | {"paragraphs": len(doc.paragraphs), "mentions": len(doc.mentions)}))


def run(name: str) -> dict[str, float]:
    """One case in a fresh interpreter, so that its peak memory is its own."""
    done = subprocess.run(
        [sys.executable, __file__, "--case", name],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--case", choices=CASES, help="measure this case only (JSON output)")
    args = parser.parse_args()
    if args.case:
        measure(args.case)
        return
    print(f"{'case':<22}{'chars':>11}{'paras':>7}{'mentions':>10}{'s':>8}{'s/MB':>8}", end="")
    print(f"{'x normal':>10}{'peak MB':>9}")
    results: dict[str, dict[str, float]] = {}

    def per_mb(name: str) -> float:
        return results[name]["seconds"] / results[name]["chars"] * 1e6

    for name in CASES:
        figures = results[name] = run(name)
        print(
            f"{name:<22}{figures['chars']:>11,}{figures['paragraphs']:>7,}"
            f"{figures['mentions']:>10,}{figures['seconds']:>8.1f}{per_mb(name):>8.1f}"
            f"{per_mb(name) / per_mb('normal corpus'):>9.2f}x{figures['peak_mb']:>9,.0f}",
            flush=True,
        )
    scaling = per_mb("one paragraph 1.6 MB") / per_mb("one paragraph 100 KB")
    met = "met" if scaling <= SCALING_GOAL else "NOT met"
    print(f"one paragraph, s/MB at 1.6 MB / at 100 KB = {scaling:.2f}", end="")
    print(f" (goal <= {SCALING_GOAL}: {met})")
    peak = max(results[name]["peak_mb"] for name in CASES if name.startswith("400 KB of"))
    met = "met" if peak < MEMORY_GOAL_MB else "NOT met"
    print(f"punctuation, highest peak RSS {peak:,.0f} MB (goal < {MEMORY_GOAL_MB:,} MB: {met})")


if __name__ == "__main__":
    main()
