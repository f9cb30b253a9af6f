"""Reference parsing on the two test sets: fontes' CRF beside today's regex reader.

Run: `.venv/bin/python bench/bench_references.py` (part of `make bench`; ~1 min).

Test sets (never trained on, see `train_references.py`): AnyStyle `ugly.xml` (3,847
references) and LinkedBooks `clean_test.lf.txt` (its `b-r`..`e-r` references, 1,316 by
`references_data`' reading). Systems, each text → labelled character spans:

- `crf`: `fontes.structure.references.parse_references`, the shipped model;
- `regex`: `fontes.structure.bibliography.parse_work`, its `Work` mapped back onto the text:
  each author and editor name, the title, then the place and the year after the title, found
  by searching the text (authors → author, editors → editor, title, place → location,
  year → date); a text it does not read (None) has no fields.

Every gold unit (AnyStyle: a whitespace token; LinkedBooks: a token) is scored at its first
letter or digit, where it takes the label of the span there (`other` outside every span).
Labels are fontes' (`references.LABELS`), with `issue` counted as `volume` (neither corpus
marks issues), and for LinkedBooks `container-title` as `title` (it marks none).

Printed: token accuracy on ugly.xml, per gold label and over all (AnyStyle's own CRF reached
70.8 % there, with its 25 labels); on clean_test, field exact-match P/R/F1 per label and micro
(a field is a maximal run of units with one label, other than `other`, punctuation-only units
left out, so that a trailing comma neither makes nor breaks a field; it counts when its label
and first and last word match the gold's) and token accuracy; references per second; and the
CRF's time per character on one text of 100 references run together and of 1,000.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from fontes.structure.bibliography import parse_work
from fontes.structure.references import ReferenceParser, parse_references
from references_data import TESTS, Example, Span, char_labels, load, unit_offset

System = Callable[[list[str]], list[list[Span]]]


PARSER: list[ReferenceParser] = []  # `--model` sets another than the shipped one


def crf(texts: list[str]) -> list[list[Span]]:
    parsed = PARSER[0].parse_many(texts) if PARSER else parse_references(texts)
    return [
        [(t.start, t.end, label) for t, label in zip(p.tokens, p.labels, strict=True)]
        for p in parsed
    ]


def regex(texts: list[str]) -> list[list[Span]]:
    return [_work_spans(text) for text in texts]


def _work_spans(text: str) -> list[Span]:
    work = parse_work(text)
    if work is None:
        return []
    spans: list[Span] = []

    def mark(value: str | None, label: str, after: int = 0) -> int:
        at = text.find(value, after) if value else -1
        if value and at >= 0:
            spans.append((at, at + len(value), label))
            return at + len(value)
        return after

    for name in work.authors:
        mark(name, "author")
    for name in work.editors:
        mark(name, "editor")
    title_end = mark(work.title, "title")
    mark(work.place, "location", title_end)
    mark(str(work.year) if work.year else None, "date", title_end)
    return spans


SYSTEMS: dict[str, System] = {"crf": crf, "regex": regex}


def coarse(label: str, linkedbooks: bool) -> str:
    if label == "issue":
        return "volume"
    if linkedbooks and label == "container-title":
        return "title"
    return label


def unit_labels(
    example: Example, spans: list[Span], linkedbooks: bool
) -> tuple[list[str], list[str]]:
    """Gold and predicted label of each unit."""
    labels = char_labels(example.text, spans)
    gold = [coarse(label, linkedbooks) for *_, label in example.units]
    found = [
        coarse(labels[unit_offset(example.text, start, end)], linkedbooks)
        for start, end, _ in example.units
    ]
    return gold, found


def fields(labels: list[str]) -> set[tuple[str, int, int]]:
    runs, start = set(), 0
    for index in range(1, len(labels) + 1):
        if index == len(labels) or labels[index] != labels[start]:
            if labels[start] != "other":
                runs.add((labels[start], start, index - 1))
            start = index
    return runs


def run(system: System, examples: list[Example]) -> tuple[list[list[Span]], float]:
    started = time.perf_counter()
    found = system([example.text for example in examples])
    return found, time.perf_counter() - started


def accuracy_table(examples: list[Example], results: dict[str, list[list[Span]]]) -> None:
    right: dict[str, Counter[str]] = {name: Counter() for name in results}
    total: Counter[str] = Counter()
    for index, example in enumerate(examples):
        for name, found in results.items():
            gold, predicted = unit_labels(example, found[index], linkedbooks=False)
            for g, p in zip(gold, predicted, strict=True):
                right[name][g] += g == p
            if name == "crf":
                total.update(gold)
    names = list(results)
    print(f"  {'gold label':<16} {'tokens':>7} " + " ".join(f"{n:>8}" for n in names))
    for label, count in total.most_common():
        cells = " ".join(f"{100 * right[n][label] / count:7.1f}%" for n in names)
        print(f"  {label:<16} {count:>7} {cells}")
    all_tokens = sum(total.values())
    cells = " ".join(f"{100 * sum(right[n].values()) / all_tokens:7.1f}%" for n in names)
    print(f"  {'all':<16} {all_tokens:>7} {cells}   (AnyStyle's CRF: 70.8 %)")


def f1_table(examples: list[Example], results: dict[str, list[list[Span]]]) -> None:
    hits: dict[str, Counter[str]] = {name: Counter() for name in results}
    guessed: dict[str, Counter[str]] = {name: Counter() for name in results}
    tokens_right: Counter[str] = Counter()
    gold_fields: Counter[str] = Counter()
    token_total = 0
    for index, example in enumerate(examples):
        for name, found in results.items():
            gold, predicted = unit_labels(example, found[index], linkedbooks=True)
            words = [
                i
                for i, (start, end, _) in enumerate(example.units)
                if _has_word(example, start, end)
            ]
            expected = fields([gold[i] for i in words])
            got = fields([predicted[i] for i in words])
            for label, *_ in expected & got:
                hits[name][label] += 1
            for label, *_ in got:
                guessed[name][label] += 1
            tokens_right[name] += sum(g == p for g, p in zip(gold, predicted, strict=True))
            if name == "crf":
                gold_fields.update(label for label, *_ in expected)
                token_total += len(gold)
    names = list(results)
    print(f"  {'field':<16} {'gold':>6}   " + "   ".join(f"{n + ' P/R/F1':>20}" for n in names))
    for label, count in gold_fields.most_common():
        cells = "   ".join(_prf(hits[n][label], guessed[n][label], count) for n in names)
        print(f"  {label:<16} {count:>6}   {cells}")
    count = sum(gold_fields.values())
    cells = "   ".join(_prf(sum(hits[n].values()), sum(guessed[n].values()), count) for n in names)
    print(f"  {'micro':<16} {count:>6}   {cells}")
    cells = " ".join(f"{n} {100 * tokens_right[n] / token_total:.1f} %" for n in names)
    print(f"  token accuracy: {cells}")


def _has_word(example: Example, start: int, end: int) -> bool:
    return any(char.isalnum() for char in example.text[start:end])


def _prf(hit: int, guessed: int, gold: int) -> str:
    precision = hit / guessed if guessed else 0.0
    recall = hit / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{100 * precision:5.1f} {100 * recall:5.1f} {100 * f1:5.1f}   "


def linearity(examples: list[Example]) -> None:
    """The CRF on one text of 100 references run together and on one of 1,000: seconds per
    character should not grow (`references` is linear in the length of its text)."""
    figures = []
    for count in (100, 1_000):
        text = " ".join(example.text for example in examples[:count])
        started = time.perf_counter()
        parse_references([text])
        figures.append((len(text), time.perf_counter() - started))
    (small, small_s), (large, large_s) = figures
    ratio = (large_s / large) / (small_s / small)
    print(
        f"  one text of {small:,} chars: {small_s:.2f} s; of {large:,} chars: {large_s:.2f} s;"
        f" time per char, large/small = {ratio:.2f} (1 = linear)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, help="a CRFsuite model other than the shipped one")
    options = parser.parse_args()
    if options.model:
        PARSER.append(ReferenceParser(options.model.read_bytes()))
    ugly_name, linkedbooks_name = TESTS
    for name, table in ((ugly_name, accuracy_table), (linkedbooks_name, f1_table)):
        examples = load(name)
        results, speed = {}, []
        for system_name, system in SYSTEMS.items():
            results[system_name], seconds = run(system, examples)
            speed.append(f"{system_name} {len(examples) / seconds:,.0f} refs/s")
        read = sum(bool(spans) for spans in results["regex"])
        share = 100 * read / len(examples)
        print(f"{name}: {len(examples)} references; regex reads {read} ({share:.1f} %)")
        table(examples, results)
        print(f"  speed: {', '.join(speed)}")
        if table is accuracy_table:
            linearity(examples)


if __name__ == "__main__":
    main()
