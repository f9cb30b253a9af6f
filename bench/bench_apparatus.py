"""How well fontes reads notes, bibliographies and citations, measured against hand-made gold.

    .venv/bin/python bench/bench_apparatus.py            # every gold file in tests/gold/
    .venv/bin/python bench/bench_apparatus.py --full     # every stage (slower: spaCy)
    .venv/bin/python bench/bench_apparatus.py --misses   # also list what was missed, per text
    .venv/bin/python bench/bench_apparatus.py --json out.json

Each gold file (`tests/gold/*.json`, checked by `tests/test_gold.py`) annotates one text by
character offsets: its notes, note markers, bibliography entries and the citations in its
notes or running text, each citation with the work it resolves to. fontes reads the text
(`fontes.analyze_file`, without the entity stages unless `--full`) and is scored so:

- a gold note is *read* when a fontes note's body (`text_start`..`end`) covers at least 80 %
  of the gold body; each fontes note counts for the one gold note it overlaps most;
- a gold marker is *linked* when a fontes marker overlapping it points at a fontes note that
  was matched to the gold marker's note (markers that the gold leaves without a note are not
  counted here: they are planted problems);
- XR003 and XR004 are counted as fontes reports them;
- a bibliography entry is *right* when the fontes work that overlaps it most has the same set
  of authors' and editors' surnames (folded), a title that matches after folding case and
  punctuation (rapidfuzz ratio >= 90) and the same year;
- a citation is *right* when a fontes citation overlapping it resolves to the gold source and
  has the same pages. fontes' work is mapped to a gold source through its span: a listed work
  to the bibliography entry it overlaps; a work known only from a citation (`listed` false)
  to the gold citation (full, short or author-date) it was made from, and so to that
  citation's source, but only when the gold source is not in the bibliography (a listed
  source must be reached through its entry) and the citation made the work first (a short
  form that makes a work of its own has not found its full note). A gold citation with no
  source (an ambiguous ibid., a year that matches nothing) is right when fontes resolves it
  to none. *Refs* are the ibid./short-form/op. cit. citations whose source is
  something other than themselves: the measure that issue 11 sets at >= 90 %.

The figures are fontes' as it stands; nothing here changes or tunes it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

import fontes

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
FAST = ["mentions", "linking", "ocr", "events"]  # the entity stages and what needs them
REFERENCES = {"short", "ibid", "op-cit", "loc-cit", "idem"}
TITLE_MATCH = 90
UNMATCHED = "<no gold source>"


def fold(text: str | None) -> str:
    """Lower case, accents and punctuation gone, white space single: for comparing titles."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&nbsp;", " ").replace("_", " ").replace("*", " ")
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def surname_key(name: str) -> str:
    """A surname (or `Surname, First`) as a comparable key: the part before the comma, folded."""
    return fold(name.split(",")[0])


def page_set(pages: list[str]) -> set[str]:
    """Pages as comparable labels: dashes folded, `535-74` → `535-574`, spaces gone."""
    labels = set()
    for page in pages:
        page = re.sub(r"[\u2010-\u2015\u2212]", "-", str(page)).replace(" ", "")
        first, _, last = page.partition("-")
        if last and first.isdigit() and last.isdigit() and len(last) < len(first):
            last = first[: len(first) - len(last)] + last
        labels.add(f"{first}-{last}" if last and last != first else first)
    return labels


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


@dataclass
class Score:
    """Counts for one text (or the total): `right` of `of` for each measure."""

    name: str
    notes: int = 0
    read: int = 0
    markers: int = 0
    linked: int = 0
    xr003: int = 0
    xr004: int = 0
    entries: int = 0
    entries_right: int = 0
    citations: int = 0
    citations_right: int = 0
    refs: int = 0
    refs_right: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)
    hits: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in (
            "notes read markers linked xr003 xr004 entries entries_right citations "
            "citations_right refs refs_right seconds"
        ).split():
            setattr(self, name, getattr(self, name) + getattr(other, name))


def analyze(path: Path, full: bool) -> Any:
    if full:
        return fontes.analyze_file(str(path))
    try:
        return fontes.analyze_file(str(path), disable=FAST)
    except ValueError:  # the stages were renamed or regrouped: read it whole
        return fontes.analyze_file(str(path))


def best_match(start: int, end: int, records: list[Any]) -> tuple[Any, int]:
    """The record overlapping start..end most, and by how much."""
    best, amount = None, 0
    for record in records:
        o = overlap(start, end, record.start, record.end)
        if o > amount:
            best, amount = record, o
    return best, amount


def score_text(gold_path: Path, full: bool) -> Score:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text_path = ROOT / gold["text"]
    score = Score(name=gold_path.stem)
    began = time.perf_counter()
    doc = analyze(text_path, full)
    score.seconds = time.perf_counter() - began
    miss = score.misses.append

    # Notes: each fontes note counts for the gold note whose body it overlaps most.
    gold_notes = gold["notes"]
    note_of: dict[str, str] = {}  # fontes note id -> gold note id
    covered: dict[str, int] = {}
    for note in doc.notes:
        body_start = getattr(note, "text_start", note.start)
        best, amount = None, 0
        for g in gold_notes:
            o = overlap(body_start, note.end, g["body_start"], g["body_end"])
            if o > amount:
                best, amount = g, o
        if best is not None:
            note_of[note.id] = best["id"]
            covered[best["id"]] = max(covered.get(best["id"], 0), amount)
    read = {g["id"] for g in gold_notes if covered.get(g["id"], 0) >= 0.8 * len(g["body"])}
    score.notes, score.read = len(gold_notes), len(read)
    for g in gold_notes:
        if g["id"] not in read:
            miss(f"note not read: {g['number']} at {g['start']}: {g['body'][:60]!r}")

    # Markers: linked if a fontes marker on the same characters points at the right note.
    for g in gold["markers"]:
        if g["note"] is None:
            continue
        score.markers += 1
        ok = any(
            overlap(m.start, m.end, g["start"], g["end"])
            and m.note is not None
            and note_of.get(m.note) == g["note"]
            and g["note"] in read
            for m in doc.note_markers
        )
        score.linked += ok
        if not ok:
            miss(f"marker not linked: {g['text']!r} at {g['start']}")
    codes = [getattr(f, "rule", "") for f in doc.findings]
    score.xr003, score.xr004 = codes.count("XR003"), codes.count("XR004")

    # Bibliography entries: the fontes work overlapping each entry most, checked field by field.
    listed = [w for w in doc.works if getattr(w, "listed", True)]
    entry_of_work: dict[str, str] = {}
    for work in listed:
        best, amount = None, 0
        for g in gold["bibliography"]:
            o = overlap(work.start, work.end, g["start"], g["end"])
            if o > amount:
                best, amount = g, o
        if best is not None:
            entry_of_work[work.id] = best["id"]
    for g in gold["bibliography"]:
        score.entries += 1
        work, _ = best_match(g["start"], g["end"], listed)
        if work is None:
            miss(f"entry not read: {g['text'][:60]!r}")
            continue
        surnames = {surname_key(s) for s in getattr(work, "surnames", work.authors)}
        wrong = []
        if surnames != {surname_key(s) for s in g["authors"]}:
            wrong.append(f"authors {sorted(surnames)} != {g['authors']}")
        if fuzz.ratio(fold(work.title), fold(g["title"])) < TITLE_MATCH:
            wrong.append(f"title {work.title!r}")
        if work.year != g["year"]:
            wrong.append(f"year {work.year} != {g['year']}")
        if wrong:
            miss(f"entry wrong: {g['text'][:50]!r}: " + "; ".join(wrong))
        else:
            score.entries_right += 1

    # Citations: resolved to the gold source, with the gold pages.
    works_gold = {w["id"]: w for w in gold["works"]}
    work_of_entry = {w["entry"]: w["id"] for w in gold["works"] if w["entry"]}
    unlisted = {w.id: w for w in doc.all_works if not getattr(w, "listed", True)}

    # A work known only from a citation stands for the gold source of the citation it was made
    # from, if that citation names a work (not an ibid.: a work made from one is fontes' own)
    # and the gold source is not in the bibliography (then fontes should have found the entry).
    naming = [g for g in gold["citations"] if g["kind"] in ("full", "short", "author-date")]

    def gold_source(work_id: str | None) -> tuple[bool, str | None, str | None]:
        """(resolved, gold work, gold citation it was reached through) for a fontes work;
        UNMATCHED for a work that stands for nothing in the gold."""
        if work_id is None:
            return False, None, None
        if work_id in entry_of_work:
            return True, work_of_entry.get(entry_of_work[work_id], UNMATCHED), None
        work = unlisted.get(work_id)
        if work is None:
            return True, UNMATCHED, None
        best, amount = None, 0
        for g in naming:
            o = overlap(work.start, work.end, g["start"], g["end"])
            if o > amount:
                best, amount = g, o
        if best is None:
            return True, UNMATCHED, None
        if best["work"] is None:
            return True, None, best["id"]
        # a listed source is reached through its bibliography entry, not a stand-in for it
        source = UNMATCHED if works_gold[best["work"]]["entry"] else best["work"]
        return True, source, best["id"]

    for g in gold["citations"]:
        work = works_gold.get(g["work"]) if g["work"] else None
        is_ref = g["kind"] in REFERENCES and (
            work is None or work["entry"] is not None or work["first_citation"] != g["id"]
        )
        score.citations += 1
        score.refs += is_ref
        candidates = [c for c in doc.citations if overlap(c.start, c.end, g["start"], g["end"])]
        ok = False
        seen = []
        for c in candidates:
            resolved, source, via = gold_source(c.work)
            if via == g["id"] and work is not None and work["first_citation"] != g["id"]:
                source = UNMATCHED  # a work of its own, where the gold has an earlier source
            pages = page_set([str(p) for p in c.pages])
            seen.append(f"{source or '-'} pp. {sorted(pages)}")
            if g["work"] is None:  # right when fontes does not pretend to know the source
                ok = ok or not resolved or source is None
            elif source == g["work"] and pages == page_set(g["pages"]):
                ok = True
        score.citations_right += ok
        if ok:
            score.hits.append(
                f"citation {g['kind']} {g['text'][:40]!r} -> {g['work']} {g['pages']}"
            )
        score.refs_right += ok and is_ref
        if not ok:
            found = "; ".join(seen) if seen else "no citation read"
            miss(f"citation {g['kind']} {g['text'][:40]!r} -> {g['work']} {g['pages']}: {found}")
    return score


def percent(right: int, of: int) -> str:
    return f"{100 * right / of:5.1f}" if of else "    -"


HEADER = (
    f"{'text':<44} {'notes':>5} {'read%':>6} {'link%':>6} {'XR003':>6} {'XR004':>6} "
    f"{'entries':>7} {'right%':>7} {'cits':>5} {'right%':>7} {'refs':>5} {'right%':>7} {'sec':>6}"
)


def row(s: Score) -> str:
    return (
        f"{s.name[:44]:<44} {s.notes:>5} {percent(s.read, s.notes):>6} "
        f"{percent(s.linked, s.markers):>6} {s.xr003:>6} {s.xr004:>6} {s.entries:>7} "
        f"{percent(s.entries_right, s.entries):>7} {s.citations:>5} "
        f"{percent(s.citations_right, s.citations):>7} {s.refs:>5} "
        f"{percent(s.refs_right, s.refs):>7} {s.seconds:>6.1f}"
    )


@contextmanager
def patterns_only() -> Iterator[None]:
    """fontes with the bibliography read by its patterns alone and no note read by the
    reference parser: the readers before the parser, for the baseline row."""
    from fontes.structure import bibliography, citations

    saved = bibliography.read_entry, citations._learned_reference, citations.read_entry

    def by_patterns(text: str, offset: int = 0, authors_above: object = None) -> Any:
        return bibliography.parse_work(text, offset)

    bibliography.read_entry = by_patterns  # type: ignore[assignment]
    citations.read_entry = by_patterns  # type: ignore[assignment]
    citations._learned_reference = lambda text, start, end: None  # type: ignore[assignment]
    try:
        yield
    finally:
        bibliography.read_entry, citations._learned_reference, citations.read_entry = saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of gold files")
    parser.add_argument("--full", action="store_true", help="run every stage (spaCy too)")
    parser.add_argument("--misses", action="store_true", help="list what was missed")
    parser.add_argument("--hits", action="store_true", help="list the citations found right")
    parser.add_argument("--json", type=Path, help="write the figures and misses here")
    parser.add_argument(
        "--baseline", action="store_true", help="also score the readers without the parser"
    )
    args = parser.parse_args(argv)
    files = sorted(args.gold.glob("*.json"))
    if not files:
        print(f"no gold files in {args.gold}", file=sys.stderr)
        return 2
    total = Score(name="total")
    scores = []
    print(HEADER)
    for path in files:
        s = score_text(path, args.full)
        scores.append(s)
        total.add(s)
        print(row(s), flush=True)
    print("-" * len(HEADER))
    print(row(total))
    if args.baseline:
        with patterns_only():
            baseline = Score(name="baseline: patterns only")
            for path in files:
                baseline.add(score_text(path, args.full))
        print(row(baseline))
    print(
        f"\nnotes read {total.read}/{total.notes}, markers linked {total.linked}/{total.markers}, "
        f"entries right {total.entries_right}/{total.entries}, citations right "
        f"{total.citations_right}/{total.citations}, ibid./short/op. cit. right "
        f"{total.refs_right}/{total.refs}"
    )
    for wanted, kind in ((args.misses, "misses"), (args.hits, "hits")):
        if wanted:
            for s in scores:
                print(f"\n## {s.name}: {len(getattr(s, kind))} {kind}")
                for line in getattr(s, kind):
                    print(f"  {line}")
    if args.json:
        figures = {s.name: {k: v for k, v in vars(s).items() if k != "name"} for s in scores}
        figures["total"] = {
            k: v for k, v in vars(total).items() if k not in ("name", "misses", "hits")
        }
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
