"""Benchmark `fontes.analyze` on a synthetic corpus: throughput, per-stage times, scaling.

Run: `.venv/bin/python bench/bench_analyze.py [--megabytes N] [--seed S] [--corpus DIR]`.
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
from collections.abc import Callable
from functools import partial
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple
from unittest import mock

import spacy

import fontes
from fontes.checks import run_checks
from fontes.entities.linking import link_entities
from fontes.entities.nlp import model_name
from fontes.entities.recognise import EntitySpan
from fontes.model import Document
from fontes.pipeline import STAGES

ONSETS = ["b", "br", "c", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "r", "s", "t"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou"]
CODAS = ["", "", "n", "r", "l", "s", "th", "ck", "m", "nd"]
PLACES = ["Harbour", "Mill", "Foundry", "Railway", "Council", "Guild", "Exchange", "Assembly"]
NOUNS = ["Board", "Dispute", "Inquiry", "Strike", "Reform", "Settlement", "Crisis", "Election"]
ROLES = ["clerk", "engineer", "magistrate", "printer", "shipowner", "organiser", "surveyor"]
POSTS = ["secretary", "chairman", "treasurer", "director", "inspector", "delegate", "editor"]
TITLES = ["Annals", "Memoirs", "Papers", "Records", "Reports", "Letters", "Minutes", "Studies"]
SENTENCES = [
    "In {month} {year} {person} met the members of the {place} {noun} at {town}.",
    "The {place} {noun} was supported by {person}, who had served as {post} since {year}.",
    "By {year} some {count} men had joined, and the {lnoun} was debated in every {post}'s office.",
    '{person} later recalled that the meeting "was a long affair ... and nobody was content".',
    "On {day} {month} {year} the {place} {noun} collapsed, and {person} left {town} for good.",
    "According to the minutes, {person} opposed the scheme on the ground of cost.",
    '{person} told the {lnoun} committee: "We shall not be moved by threats from {town}."',
    "The {post} of the {place} {noun}, {person}, resigned in {year} after {count} days.",
    "{sur} wrote in {month} {year} that the {noun} had lost the confidence of {town}.",
]
MONTHS = ["January", "March", "April", "June", "September", "October", "November", "December"]


class Person(NamedTuple):
    fore: str
    sur: str
    born: int
    died: int
    role: str


def _word(rng: random.Random, syllables: int) -> str:
    parts = [rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(syllables)]
    return "".join(parts).capitalize()


def _person(rng: random.Random, year: int) -> Person:
    born = year - rng.randint(25, 60)
    sur = _word(rng, rng.randint(2, 3))
    return Person(_word(rng, 2), sur, born, born + rng.randint(50, 85), rng.choice(ROLES))


def _citation(rng: random.Random, works: list[tuple[Person, str, int]], cited: set[int]) -> str:
    j = rng.randrange(len(works))
    author, title, _ = works[j]
    editor = works[(j + 1) % len(works)][0]
    ref = "ibid." if j in cited and rng.random() < 0.5 else "op. cit."
    cited.add(j)
    page = rng.randint(1, 300)
    pages = f"{page}-{page + rng.randint(1, 9)}" if rng.random() < 0.3 else str(page)
    head = f"{author.fore} {author.sur}: {title}, in: " if rng.random() < 0.5 else ""
    return f"({head}{editor.fore} {editor.sur} (Ed.): {ref}; p. {pages})"


def make_document(rng: random.Random, size: int) -> str:
    """One synthetic document of roughly `size` characters: sections, glossary, bibliography."""
    year = rng.randint(1840, 1920)
    town = _word(rng, 2) + rng.choice(["mouth", "ford", "bury", "ham"])
    cast = [_person(rng, year) for _ in range(rng.randint(8, 16))]
    works = [(p, f"{rng.choice(TITLES)} of {town}", year + rng.randint(5, 60)) for p in cast[:6]]
    cited: set[int] = set()
    starred: set[int] = set()
    out: list[str] = []
    length = 0
    while length < size:
        start, year = year, year + rng.randint(1, 6)
        heading = f"The {rng.choice(PLACES)} {rng.choice(NOUNS)} ({start}-{year % 100:02d})"
        if out and rng.random() < 0.3:
            out[-1] += " " + heading  # a run-in heading at the end of a paragraph line
        else:
            out.append(heading)
        for _ in range(rng.randint(3, 8)):
            if length >= size:
                break
            sentences = []
            for _ in range(rng.randint(3, 9)):
                template, i = rng.choice(SENTENCES), rng.randrange(len(cast))
                name = f"{cast[i].fore} {cast[i].sur}"
                if "{person}" in template and i not in starred:
                    starred.add(i)
                    name += "*"  # first mention: a cross-reference to the glossary
                noun, post = rng.choice(NOUNS), rng.choice(POSTS)
                fill = {"month": rng.choice(MONTHS), "day": rng.randint(1, 28), "town": town}
                fill |= {"year": rng.randint(start, year), "person": name, "sur": cast[i].sur}
                fill |= {"place": rng.choice(PLACES), "noun": noun, "lnoun": noun.lower()}
                fill |= {"post": post, "count": rng.randint(20, 900)}
                sentences.append(template.format(**fill))
            para = " ".join(sentences)
            if rng.random() < 0.15:  # an elided quotation: a colon, then a blank line
                para += f" {cast[rng.randrange(len(cast))].sur} declared:"
            elif rng.random() < 0.5:
                para += "\n" + _citation(rng, works, cited) + "."
            elif rng.random() < 0.3:
                para = para[:-1] + " " + _citation(rng, works, cited) + "."
            out.append(para)
            length += len(para) + 2
    for i in sorted(starred, key=lambda k: cast[k].sur):
        p = cast[i]
        first = p.born + rng.randint(20, 40)
        out.append(
            f"{p.sur.upper()}, {p.fore}, {p.role} ({p.born}-{p.died}); {rng.choice(POSTS)} "
            f"({first}-{(first + rng.randint(1, 9)) % 100:02d}); died in {town} ({p.died})."
        )
    out.append("\n".join(f"{p.sur}, {p.fore}: '{t}'; {town}; {y}." for p, t, y in works))
    return "\n\n".join(out) + "\n"


def make_corpus(directory: Path, megabytes: float, seed: int = 0) -> list[Path]:
    """Write synthetic documents (20-60 KB each) into `directory` until `megabytes` MB."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    total = 0
    while total < megabytes * 1_000_000:
        text = make_document(rng, rng.randint(20_000, 60_000))
        path = directory / f"doc{len(paths):05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        total += len(text)
    return paths


def baseline_tokenise(texts: list[str]) -> float:
    """Seconds for one `\\w+` pass over every text: a floor for any text tool."""
    start = time.perf_counter()
    for text in texts:
        for _ in re.finditer(r"\w+", text):
            pass
    return time.perf_counter() - start


def baseline_spacy(texts: list[str]) -> float:
    """Seconds for bare spaCy: the model fontes uses, loaded with every component, and
    `nlp.pipe` over the paragraphs of every text."""
    nlp = spacy.load(model_name())
    start = time.perf_counter()
    for text in texts:
        for _ in nlp.pipe(text.split("\n\n"), batch_size=64):
            pass
    return time.perf_counter() - start


BASELINES: dict[str, Callable[[list[str]], float]] = {
    "tokenise-only": baseline_tokenise,
    "bare spaCy nlp.pipe": baseline_spacy,
}
ENTITY_STAGES = ("mentions", "linking")


def time_stages(texts: list[str]) -> tuple[dict[str, float], list[float]]:
    """Seconds per stage (Document(), each of STAGES, checks) over all texts, and the total
    seconds for each text."""
    settings = fontes.Settings()
    stages: list[tuple[str, Callable[[Document], None]]] = [
        *((stage.name, partial(stage.run, settings=settings)) for stage in STAGES),
        ("checks", run_checks),
    ]
    totals = dict.fromkeys(["Document()", *(name for name, _ in stages)], 0.0)
    per_text = []
    for text in texts:
        began = t0 = time.perf_counter()
        doc = Document(text)
        t1 = time.perf_counter()
        totals["Document()"] += t1 - t0
        for name, stage in stages:
            stage(doc)
            t0, t1 = t1, time.perf_counter()
            totals[name] += t1 - t0
        per_text.append(t1 - began)
    return totals, per_text


def _regex_recognise(text: str, spans, model=None):
    """A stand-in for spaCy: every pair of capitalised words is a person (many mentions)."""
    for start, end in spans:
        for match in _PAIR.finditer(text, start, end):
            yield EntitySpan(match.start(), match.end(), "person", "PERSON")


_PAIR = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b")


def time_linking(text: str) -> tuple[int, float]:
    """(mentions, seconds of the linking stage) on one document, its mentions found with
    `_regex_recognise` in place of spaCy so that a 10 MB document takes seconds (a stand-in
    for the recogniser itself, not a setting: `fontes.Settings` chooses among spaCy models)."""
    doc = Document(text)
    settings = fontes.Settings()
    with mock.patch("fontes.entities.mentions.recognise", _regex_recognise):
        for stage in STAGES:
            if stage.name == "linking":
                break
            stage.run(doc, settings)
    start = time.perf_counter()
    link_entities(doc)
    return len(doc.mentions), time.perf_counter() - start


def main() -> None:
    """Generate the corpus, time everything, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, help="keep the corpus here (default: temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(args.corpus or Path(tmp), args.megabytes, args.seed)
        texts = [p.read_text(encoding="utf-8") for p in paths]
    chars = sum(map(len, texts))
    print(f"corpus: {len(texts)} documents, {chars:,} characters (seed {args.seed})", flush=True)
    stages, per_text = time_stages(texts)
    fontes_s = sum(stages.values())
    entity_s = sum(stages[name] for name in ENTITY_STAGES)
    print(f"fontes.analyze: {fontes_s:.1f} s, {chars / fontes_s:,.0f} chars/s")
    print(f"  entity stage ({' + '.join(ENTITY_STAGES)}): {chars / entity_s:,.0f} chars/s")
    print(f"  reading core (every other stage): {chars / (fontes_s - entity_s):,.0f} chars/s")
    for name, baseline in BASELINES.items():
        base_s = baseline(texts)
        print(f"baseline {name}: {base_s:.1f} s, {chars / base_s:,.0f} chars/s", end="; ")
        print(f"fontes/baseline time = {fontes_s / base_s:.2f}x", end="")
        print(f", entity stage/baseline = {entity_s / base_s:.2f}x", flush=True)
    print(f"\n{'stage':<18}{'seconds':>9}{'share':>8}")
    for name, secs in [*stages.items(), ("total", fontes_s)]:
        print(f"{name:<18}{secs:>9.3f}{secs / fontes_s:>8.1%}")
    # Across documents: the first ~1 MB of the corpus vs all of it, from the same run.
    n = next((i + 1 for i, s in enumerate(accumulate(map(len, texts))) if s >= 1e6), len(texts))
    first = sum(per_text[:n]) / sum(map(len, texts[:n])) * 1e6
    full = fontes_s / chars * 1e6
    print(f"\nscaling across documents: first ~1 MB {first:.2f} s/MB, all {full:.2f} s/MB", end="")
    print(f"; ratio all/first = {full / first:.2f}")
    # Within one document: a single ~1 MB document vs the 20-60 KB documents.
    big = make_document(random.Random(args.seed), 1_000_000)
    start = time.perf_counter()
    fontes.analyze(big)
    one = (time.perf_counter() - start) / len(big) * 1e6
    print(f"one {len(big) / 1e6:.2f} MB document: {one:.2f} s/MB; ratio to all {one / full:.2f}")
    # Linking within one document as it grows tenfold: quadratic work would show as ~10x.
    rows = []
    for megabytes in (1, 10):
        text = make_document(random.Random(args.seed), int(megabytes * 1_000_000))
        mentions, seconds = time_linking(text)
        rows.append((megabytes, mentions, seconds))
        print(
            f"linking one {megabytes} MB document: {mentions:,} mentions, {seconds:.2f} s, "
            f"{seconds / mentions * 1e6:.1f} µs/mention",
            flush=True,
        )
    (_, m1, s1), (_, m10, s10) = rows
    print(f"linking time per mention, 10 MB / 1 MB = {(s10 / m10) / (s1 / m1):.2f} (1 = linear)")


if __name__ == "__main__":
    main()
