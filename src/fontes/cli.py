"""The command line: a thin layer over `fontes.analyze_file` and the exports.

Exit codes follow linters: 0 clean, 1 when `check` finds an error, 2 for bad input or usage.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn

from fontes import __version__
from fontes.checks import RULES, Rule, selected_rules, unknown_selectors
from fontes.entities.nlp import ModelError
from fontes.export.dossier import to_dossier
from fontes.export.graph import to_graphml
from fontes.export.lint import json_report, sarif_report, text_report
from fontes.export.report import render_report
from fontes.export.tables import write_tables
from fontes.export.tei import to_tei
from fontes.model import Document, Severity
from fontes.pipeline import analyze_file
from fontes.reading import InputError

app = typer.Typer(
    help="Read the scholarly apparatus of historical documents and check it like code.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
errors = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_FINDINGS, EXIT_BAD_INPUT = 1, 2


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"


class ExportFormat(StrEnum):
    TEI = "tei"
    CSV = "csv"
    GRAPHML = "graphml"


Encoding = Annotated[
    str, typer.Option(help="Encoding of the input files, e.g. utf-8, cp1252, latin-1.")
]


def _fail(message: str) -> typer.Exit:
    errors.print(f"fontes: error: {message}", markup=False)
    return typer.Exit(EXIT_BAD_INPUT)


@contextmanager
def _user_errors() -> Iterator[None]:
    """Turn bad input, and any internal failure, into one line on stderr and exit 2."""
    try:
        yield
    except (InputError, ModelError) as error:
        raise _fail(str(error)) from None
    except (typer.Exit, KeyboardInterrupt):
        raise
    except Exception as error:  # a bug must still not show the user a traceback
        if os.environ.get("FONTES_DEBUG"):
            raise
        raise _fail(
            f"internal error ({type(error).__name__}: {error}); "
            "set FONTES_DEBUG=1 for details and please report it"
        ) from None


@app.command()
def analyze(
    file: Annotated[Path, typer.Argument(help="The text file to read.")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the dossier here, not stdout.")
    ] = None,
    encoding: Encoding = "utf-8",
) -> None:
    """Write the JSON dossier of FILE: sections, people, works, citations, quotations, findings."""
    with _user_errors():
        if output is not None:
            _refuse_to_overwrite(file, output)
        with _working(f"reading {file.name}"):
            doc = analyze_file(file, encoding)
        payload = json.dumps(to_dossier(doc), indent=2, ensure_ascii=False) + "\n"
        if output is None:
            sys.stdout.write(payload)
        else:
            _write_atomically(output, payload)


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="Text files to check.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="How to print the findings.")
    ] = OutputFormat.TEXT,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Only these rule codes, prefixes (CI), names or categories."),
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rules.")] = None,
    encoding: Encoding = "utf-8",
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Files read at once, each in its own process with its own language model.",
        ),
    ] = 1,
) -> None:
    """Check FILES and print one finding a line; exit 1 when any error is found."""
    select, ignore = _split(select), _split(ignore)
    if unknown := unknown_selectors(select + ignore):
        raise _fail(f"no rule matches {', '.join(unknown)}; `fontes rules` lists them")
    rules = selected_rules(select, ignore)
    streaming = output_format is OutputFormat.TEXT
    docs: list[Document] = []  # kept only for JSON and SARIF, which are written at the end
    counts = dict.fromkeys(Severity, 0)
    read = 0
    bad_input = False
    with _progress(len(files)) as advance:
        for result in _analysed(files, encoding, rules, jobs):
            try:
                with _user_errors():
                    doc = result()
            except typer.Exit:
                bad_input = True
            else:
                read += 1
                for finding in doc.findings:
                    counts[finding.severity] += 1
                if streaming:  # a corpus is printed as it is read, and not held in memory
                    sys.stdout.write(text_report([doc]))
                    sys.stdout.flush()
                else:
                    docs.append(doc)
            advance()
    if streaming:
        if read:
            _summary(counts)
    elif output_format is OutputFormat.JSON:
        sys.stdout.write(json_report(docs))
    else:
        sys.stdout.write(sarif_report(docs, rules, __version__))
    if bad_input:
        raise typer.Exit(EXIT_BAD_INPUT)
    if counts[Severity.ERROR]:
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def report(
    file: Annotated[Path, typer.Argument(help="The text file to read.")],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="The HTML file to write [default: FILE.report.html]."),
    ] = None,
    encoding: Encoding = "utf-8",
) -> None:
    """Write a self-contained HTML report of FILE: its text with the findings and names marked,
    the people, a timeline, a network and the sources. It works offline."""
    with _user_errors():
        output = output or Path(f"{file.stem}.report.html")
        _refuse_to_overwrite(file, output)
        with _working(f"reading {file.name}"):
            doc = analyze_file(file, encoding)
            html = render_report(doc)
        _write_atomically(output, html)
        errors.print(f"report written to {output}", markup=False)


@app.command()
def export(
    file: Annotated[Path, typer.Argument(help="The text file to read.")],
    output_format: Annotated[
        ExportFormat,
        typer.Option("--format", help="tei (TEI P5 XML), csv (a folder of tables) or graphml."),
    ],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Where to write [default: stdout; for csv FILE-csv/]."),
    ] = None,
    encoding: Encoding = "utf-8",
) -> None:
    """Export FILE for other tools: TEI P5 for digital editions, CSV tables of people, events,
    works, citations and findings, or GraphML of who is named with whom (Gephi, networkx)."""
    with _user_errors():
        if output is not None:
            _refuse_to_overwrite(file, output)
        with _working(f"reading {file.name}"):
            doc = analyze_file(file, encoding)
        if output_format is ExportFormat.CSV:
            directory = output or Path(f"{file.stem}-csv")
            if directory.exists() and not directory.is_dir():
                raise InputError(f"{directory}: is a file; csv needs a folder")
            if not directory.parent.exists():
                raise InputError(f"{directory.parent}: no such directory")
            written = write_tables(doc, directory)
            errors.print(f"{len(written)} tables written to {directory}", markup=False)
            return
        payload = (to_tei(doc) if output_format is ExportFormat.TEI else to_graphml(doc)).decode()
        if output is None:
            sys.stdout.write(payload)
        else:
            _write_atomically(output, payload)


@app.command()
def rules(
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="text or json.")
    ] = OutputFormat.TEXT,
) -> None:
    """List the rules with their codes, categories, severities and documentation."""
    if output_format is OutputFormat.TEXT:
        for rule in RULES.values():
            sys.stdout.write(
                f"{rule.code} {rule.name} [{rule.category}, {rule.severity}]\n"
                + "".join(f"    {line}\n" if line else "\n" for line in rule.doc.splitlines())
                + "\n"
            )
        return
    records = [
        {
            "code": r.code,
            "name": r.name,
            "category": str(r.category),
            "severity": str(r.severity),
            "doc": r.doc,
        }
        for r in RULES.values()
    ]
    sys.stdout.write(json.dumps(records, indent=2) + "\n")


def _split(values: list[str] | None) -> list[str]:
    """Accept `--select CI001,QU` as well as repeated options."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _summary(counts: dict[Severity, int]) -> None:
    total = sum(counts.values())
    if total:
        errors.print(
            f"Found {total} findings: {counts[Severity.ERROR]} errors, "
            f"{counts[Severity.WARNING]} warnings, {counts[Severity.INFO]} info."
        )
    else:
        errors.print("All checks passed.")


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on a terminal when there are several files; silent otherwise."""
    if total < 2 or not errors.is_terminal:
        yield lambda: None
        return
    with Progress(console=errors, transient=True) as progress:
        task = progress.add_task("checking", total=total)
        yield lambda: progress.advance(task)


def _analysed(
    files: list[Path], encoding: str, rules: list[Rule], jobs: int
) -> Iterator[Callable[[], Document]]:
    """For each file in order, a call that returns its document or raises its error.

    With several jobs the files are read in worker processes, a few ahead of the one being
    printed, so that memory holds a handful of documents whatever the corpus.
    """
    if jobs == 1:
        for file in files:
            yield partial(analyze_file, file, encoding, rules)
        return
    context = multiprocessing.get_context("spawn")  # no fork of a loaded model's threads
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        pending: deque[Future[Document]] = deque()
        queue = iter(files)
        for file in itertools.islice(queue, 2 * jobs):
            pending.append(pool.submit(analyze_file, file, encoding, rules))
        while pending:
            yield pending.popleft().result
            for file in itertools.islice(queue, 1):
                pending.append(pool.submit(analyze_file, file, encoding, rules))


def _refuse_to_overwrite(file: Path, output: Path) -> None:
    if output.exists() and output.resolve() == file.resolve():
        raise InputError(f"{output}: refusing to overwrite the input file")


@contextmanager
def _working(description: str) -> Iterator[None]:
    """A spinner on a terminal while one long document is read; silent otherwise."""
    if not errors.is_terminal:
        yield
        return
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), console=errors, transient=True
    ) as progress:
        progress.add_task(description, total=None)
        yield


def _write_atomically(path: Path, payload: str) -> None:
    """Write via a temporary file, so an interrupted run never leaves half a dossier."""
    if path.is_dir():
        raise InputError(f"{path}: is a directory; give a file name")
    if not path.parent.exists():
        raise InputError(f"{path.parent}: no such directory")
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(payload)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
