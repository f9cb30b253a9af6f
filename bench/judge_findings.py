"""A random sample of fontes' warnings and errors on real texts, kept with a judgement of each.

    .venv/bin/python bench/judge_findings.py            # sample, merge, write, summarise
    .venv/bin/python bench/judge_findings.py --size 150 --seed 7

The pool is every warning and error fontes raises on the real development set
(`shared/samples/real/`), the real texts under `tests/data/real/`, our examples (`examples/`)
and the HIPE-2022 English test pages (hipe2020 and topres19th, newspapers as OCR'd; read only
when `shared/benchmarks/hipe2022-en` is there). A fixed seed draws `--size` of them: those
whose key (source, rule, span), hashed with the seed, ranks lowest. So a change to the rules
that adds or removes findings elsewhere leaves the other drawn ones drawn, and their verdicts
standing.

`bench/judgements.tsv` holds one row per sampled finding: where it is (`source`, `rule`,
`start`, `end`), what it says (`excerpt`, the finding's words between « » with some context;
`message`), and a reader's `verdict` (`real` or `false`, `?` until judged) and `why`. A run
keeps the verdict of every finding it draws again (same source, rule and span) and leaves `?`
for the new ones, so after a change to the rules the table is regenerated and only what is
new needs reading. It prints how many of the judged are real, over all and per rule.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import fontes
from hipe import data_path, load

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TABLE = Path(__file__).resolve().parent / "judgements.tsv"
FIELDS = ["source", "rule", "start", "end", "excerpt", "message", "verdict", "why"]
SEVERITIES = {"warning", "error"}
CONTEXT = 60


def texts() -> Iterator[tuple[str, str]]:
    """Each text of the pool, named as the table names it."""
    folders = [(SHARED, "samples/real"), (ROOT, "tests/data/real"), (ROOT, "examples")]
    for base, folder in folders:
        for path in sorted((base / folder).glob("*.txt")):
            yield str(path.relative_to(base)), path.read_text(encoding="utf-8")
    for dataset in ("hipe2020", "topres19th"):
        path = data_path(dataset, "test")
        if path.is_file():
            for document in load(path):
                yield f"hipe:{dataset}-test:{document.doc_id}", document.text


def excerpt(text: str, start: int, end: int) -> str:
    before = text[max(0, start - CONTEXT) : start]
    after = text[end : end + CONTEXT]
    return " ".join(f"{before}«{text[start:end]}»{after}".split())


def pool() -> list[dict[str, str]]:
    rows = []
    for source, text in texts():
        doc = fontes.analyze(text)
        for finding in doc.findings:
            if finding.severity.value in SEVERITIES:
                rows.append(
                    {
                        "source": source,
                        "rule": finding.rule,
                        "start": str(finding.start),
                        "end": str(finding.end),
                        "excerpt": excerpt(text, finding.start, finding.end),
                        "message": finding.message,
                        "verdict": "?",
                        "why": "",
                    }
                )
    return rows


def key(row: dict[str, str]) -> tuple[str, str, str, str]:
    return row["source"], row["rule"], row["start"], row["end"]


def rank(row: dict[str, str], seed: int) -> str:
    """The row's place in the draw: its key hashed with the seed."""
    return hashlib.sha256(f"{seed}\t{chr(9).join(key(row))}".encode()).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=120)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--table", type=Path, default=TABLE)
    args = parser.parse_args()
    found = pool()
    drawn = sorted(found, key=lambda row: rank(row, args.seed))[: args.size]
    drawn.sort(key=lambda row: (row["source"], int(row["start"]), row["rule"]))
    judged: dict[tuple[str, str, str, str], dict[str, str]] = {}
    if args.table.is_file():
        with args.table.open(encoding="utf-8", newline="") as handle:
            judged = {key(row): row for row in csv.DictReader(handle, delimiter="\t")}
    for row in drawn:
        if (old := judged.get(key(row))) is not None:
            row["verdict"], row["why"] = old["verdict"], old["why"]
    with args.table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, FIELDS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(drawn)
    print(f"pool: {len(found)} warnings and errors; drawn {len(drawn)} (seed {args.seed})")
    print(f"by rule in the pool: {dict(sorted(Counter(r['rule'] for r in found).items()))}")
    verdicts = Counter(row["verdict"] for row in drawn)
    judged_count = verdicts["real"] + verdicts["false"]
    share = f"{verdicts['real'] / judged_count:.1%}" if judged_count else "-"
    print(
        f"judged {judged_count}: real {verdicts['real']}, false {verdicts['false']} "
        f"({share} real); not yet judged {verdicts['?']}"
    )
    for rule in sorted({row["rule"] for row in drawn}):
        rows = [row for row in drawn if row["rule"] == rule]
        real = sum(row["verdict"] == "real" for row in rows)
        false = sum(row["verdict"] == "false" for row in rows)
        print(f"  {rule}: drawn {len(rows)}, real {real}, false {false}")
    print(f"table: {args.table}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
