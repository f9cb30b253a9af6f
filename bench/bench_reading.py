"""Benchmark the readers of paged sources: the time of reading a document beside that of
analysing it, and the memory of reading a long PDF.

Run: `.venv/bin/python bench/bench_reading.py [--pages 100,300,1000]`.

The PDFs are the test files of `tests/data/formats/`, and long PDFs made at run time (into a
temporary folder) by repeating the pages of one of them with pypdfium2's page import. Memory
is measured in a fresh interpreter for each PDF: its peak resident memory while reading,
beside the Python heap the Document keeps (tracemalloc, in a second run), so that what
reading costs beyond the Document it builds shows on its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from unittest import mock

import pypdfium2 as pdfium

from fontes.model import Document

ROOT = Path(__file__).resolve().parents[1]
# Fresh interpreters each document's reading and analysis are timed in.
_ROUNDS = 3
FORMATS = ROOT / "tests" / "data" / "formats"
WRITTEN = FORMATS / "pdf" / "salt-pans.pdf"
# Each reader and the files it is timed on, where both exist (others are being written).
SOURCES = [
    ("pdf", WRITTEN),
    ("pdf", FORMATS / "ocr" / "derwent.pdf"),
    ("alto", FORMATS / "ocr" / "derwent.xml"),
    ("hocr", FORMATS / "ocr" / "derwent.hocr"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="100,300,1000", help="lengths of the long PDFs")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PDF"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_measure(*args.child)))
        return
    lengths = [int(n) for n in args.pages.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        long_pdfs = {n: _repeat_pages(WRITTEN, n, Path(folder) / f"{n}.pdf") for n in lengths}
        print(
            "Reading time beside the analysis of the same document (processor time; the "
            f"median of {_ROUNDS} fresh interpreters):"
        )
        for form, path in SOURCES:
            _time_reading(form, path)
        _time_long_reading(_reader("pdf"), long_pdfs[lengths[0]], lengths[0])
        print("\nMemory of reading a long PDF (a fresh interpreter for each):")
        rows = [
            (n, _child("read", pdf), _child("heap", pdf), _child("discard", pdf))
            for n, pdf in long_pdfs.items()
        ]
    for pages, read, heap, bare in rows:
        print(
            f"  {pages:>5} pages, {read['chars']:>9,} chars: peak RSS +{_mib(read['rss_growth'])}"
            f" ({read['rss_growth'] / read['chars']:.0f} B/char); the Document keeps"
            f" {_mib(heap['retained'])} ({heap['retained'] / read['chars']:.0f} B/char);"
            f" reading with a builder that keeps nothing: +{_mib(bare['rss_growth'])}"
        )


def _reader(form: str) -> Callable[[Path], Document]:
    """How the pipeline reads a file of `form` (`reading.formats.read_any`)."""
    from fontes.reading.formats import read_any

    return partial(read_any, form=form)


def _time_reading(form: str, path: Path) -> None:
    """Reading beside analysing what was read, each measured in a fresh interpreter (see
    `_timed`), the median of `_ROUNDS`: one run on a shared machine varies by half."""
    runs = [_child(f"time-{form}", path) for _ in range(_ROUNDS)]
    reading = statistics.median(run["reading"] for run in runs)
    analysis = statistics.median(run["analysis"] for run in runs)
    ratio = statistics.median(run["reading"] / run["analysis"] for run in runs)
    chars = runs[0]["chars"]
    print(
        f"  {form} {path.name}: {chars:,} chars; read {reading:.3f} s ({chars / reading:,.0f}"
        f" chars/s), analysis {analysis:.2f} s ({chars / analysis:,.0f} chars/s);"
        f" read/analysis = {ratio:.1%} (reading's share of reading and analysing:"
        f" {ratio / (1 + ratio):.1%})"
    )


def _timed(form: str, path: Path) -> dict[str, float]:
    """In this interpreter: reading `path` as `form`, the shortest of five after one untimed
    (a reader's first file pays for loading its library and fonts), and the first analysis
    of what was read, after a warm-up on another document (loading the model and the word
    tables is not analysis). Only a first analysis is what a user waits for: a second finds
    the document's words in the analysis's caches."""
    from fontes.pipeline import analyze, process

    analyze((ROOT / "examples" / "dock-strike.txt").read_text(encoding="utf-8"))
    reader = _reader(form)
    reader(path)
    readings = []
    for _ in range(5):
        start = time.process_time()
        doc = reader(path)
        readings.append(time.process_time() - start)
    start = time.process_time()
    process(doc)
    return {
        "reading": min(readings),
        "analysis": time.process_time() - start,
        "chars": len(doc.text),
    }


def _time_long_reading(reader: Callable[[Path], Document], pdf: Path, pages: int) -> None:
    """Reading a long PDF beside reading its six pages as often: reading is linear. (Its
    analysis is no measure: the same six pages over and over are in the caches after one.)"""
    start = time.process_time()
    doc = reader(pdf)
    long = time.process_time() - start
    repeats = -(-pages // 6)
    start = time.process_time()
    for _ in range(repeats):
        reader(WRITTEN)
    short = time.process_time() - start
    print(
        f"  pdf {pages} pages: {len(doc.text):,} chars, read in {long:.2f} s; its six pages "
        f"read {repeats} times: {short:.2f} s (ratio {long / short:.2f})"
    )


def _repeat_pages(source: Path, pages: int, target: Path) -> Path:
    """A PDF of `pages` pages, the pages of `source` over and over."""
    original = pdfium.PdfDocument(source)
    document = pdfium.PdfDocument.new()
    while len(document) < pages:
        document.import_pages(original, list(range(min(len(original), pages - len(document)))))
    document.save(target)
    document.close()
    original.close()
    return target


def _child(mode: str, pdf: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", mode, str(pdf)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    measured: dict[str, float] = json.loads(done.stdout)
    return measured


def _measure(mode: str, pdf: str) -> dict[str, float]:
    """In a fresh interpreter: `read` the PDF (peak RSS), read it under tracemalloc (`heap`:
    the Python memory the Document keeps), or read it with a builder that keeps nothing
    (`discard`: what PDFium and the reader's own work cost, the Document aside)."""
    from fontes.reading.pdf import read

    path = Path(pdf)
    if mode.startswith("time-"):
        return _timed(mode.removeprefix("time-"), path)
    _reset_peak()
    before = _resident()
    if mode == "heap":
        tracemalloc.start()
        doc = read(path)
        return {"retained": tracemalloc.get_traced_memory()[0], "chars": len(doc.text)}
    if mode == "discard":
        with mock.patch("fontes.reading.pdf.PagedText", _Discarding):
            read(path)
        return {"rss_growth": _peak() - before}
    doc = read(path)
    return {"rss_growth": _peak() - before, "chars": len(doc.text)}


class _Discarding:
    """A `PagedText` that keeps nothing of what it is given."""

    def __init__(self, format: str) -> None:
        self.format = format

    def page(self, *args: object, **kwargs: object) -> None:
        pass

    block = line = word = words = page

    def build(self, path: str, sha256: str) -> Document:
        return Document("", path=path, sha256=sha256)


def _resident() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


def _reset_peak() -> None:
    """Start the peak resident memory afresh from here (Linux: `5` to clear_refs)."""
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")


def _peak() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise OSError("no VmHWM in /proc/self/status")


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


if __name__ == "__main__":
    main()
