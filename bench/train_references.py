"""Train the reference parser's CRF and write it into the package.

Run: `make references-model`, or `.venv/bin/python bench/train_references.py [--search]`.

Training data (`references_data.TRAINING`, in this order): AnyStyle gold.xml and bad.xml,
LinkedBooks clean_valid. Never ugly.xml or clean_test, the test sets of
`bench_references.py`. Each example's tokens are `fontes.structure.references.tokenize`'s,
with `features` as the parser computes them, and the label of the character each token
starts with. CRFsuite's L-BFGS with the fixed settings below, the examples in file order: the
same data give the same model.

`--search` chose `C1` and `C2`: every tenth training example (index % 10 == 0) is held out,
a model is trained on the rest for each pair of `GRID` and scored by token accuracy on the
held-out tenth (its own units, issue counted as volume); the pair with the best accuracy is
the one below. The search trains one model a pair, two at a time (`--jobs`).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pycrfsuite

from fontes.structure.references import MODEL_FILE, ReferenceParser, features
from references_data import Example, char_labels, training_examples, unit_offset
from references_synthetic import examples as synthetic_examples

MODEL = Path(__file__).resolve().parents[1] / "src/fontes/structure/data" / MODEL_FILE
# Chosen by `--search` (see the module's docstring and bench/README.md).
C1 = 0.05
C2 = 0.3
GRID = [(c1, c2) for c1 in (0.05, 0.1, 0.3) for c2 in (0.001, 0.01, 0.1, 0.3, 1.0)]
MAX_ITERATIONS = 400
# A feature seen fewer times than this in the training data is not a feature: smaller model.
MIN_FREQUENCY = 2


def sequences(examples: list[Example]) -> list[tuple[list[list[str]], list[str]]]:
    data = []
    for example in examples:
        tokens, items = features(example.text)
        labels = char_labels(example.text, example.spans)
        data.append((items, [labels[token.start] for token in tokens]))
    return data


def train(data: list[tuple[list[list[str]], list[str]]], c1: float, c2: float, out: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for items, labels in data:
        trainer.append(items, labels)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": MAX_ITERATIONS,
            "feature.minfreq": MIN_FREQUENCY,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(out))


def unit_accuracy(parser: ReferenceParser, examples: list[Example]) -> float:
    right = total = 0
    for example, parsed in zip(examples, parser.parse_many(e.text for e in examples), strict=True):
        labels = char_labels(
            example.text,
            [(t.start, t.end, tag) for t, tag in zip(parsed.tokens, parsed.labels, strict=True)],
        )
        for start, end, gold in example.units:
            found = labels[unit_offset(example.text, start, end)]
            right += _coarse(found) == _coarse(gold)
            total += 1
    return right / total


def _coarse(label: str) -> str:
    return "volume" if label == "issue" else label


def _try(args: tuple[float, float]) -> tuple[float, float, float, float]:
    c1, c2 = args
    examples = training_examples()
    held_out = [e for i, e in enumerate(examples) if i % 10 == 0]
    rest = [e for i, e in enumerate(examples) if i % 10] + synthetic_examples()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.crfsuite"
        train(sequences(rest), c1, c2, path)
        accuracy = unit_accuracy(ReferenceParser(path.read_bytes()), held_out)
    return c1, c2, accuracy, time.perf_counter() - started


def search(jobs: int) -> None:
    print(f"held-out search, {len(GRID)} pairs, {jobs} at a time")
    with ProcessPoolExecutor(jobs) as pool:
        results = list(pool.map(_try, GRID))
    for c1, c2, accuracy, seconds in results:
        score = f"held-out token accuracy {100 * accuracy:.2f} %"
        print(f"  c1={c1:<5} c2={c2:<6} {score}  ({seconds:.0f} s)")
    best = max(results, key=lambda result: result[2])
    print(f"best: c1={best[0]} c2={best[1]} ({100 * best[2]:.2f} %)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--search", action="store_true", help="choose c1/c2 on a held-out tenth")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=MODEL)
    options = parser.parse_args()
    if options.search:
        search(options.jobs)
        return
    started = time.perf_counter()
    examples = training_examples() + synthetic_examples()
    data = sequences(examples)
    tokens = sum(len(labels) for _, labels in data)
    print(f"{len(examples)} references, {tokens} tokens; c1={C1} c2={C2}")
    options.out.parent.mkdir(parents=True, exist_ok=True)
    train(data, C1, C2, options.out)
    size = options.out.stat().st_size
    print(f"wrote {options.out} ({size / 1e6:.2f} MB) in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
