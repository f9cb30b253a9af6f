"""The command line: a thin layer over `fontes.analyze_file`, `fontes.pipe` and the exports.

Exit codes follow linters: 0 clean, 1 when `check` finds an error, 2 for bad input or usage.
The environment is read here only (`FONTES_SPACY_MODEL`, `FONTES_DEBUG`), and passed down.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn

from fontes.checks import RULES, Rule, selected_rules, unknown_selectors
from fontes.entities.nlp import ModelError
from fontes.export.dossier import to_dossier
from fontes.export.files import OutputError, check_outputs, write_output
from fontes.export.graph import to_graphml
from fontes.export.lint import json_report, sarif_report, text_report
from fontes.export.report import render_report
from fontes.export.tables import check_tables, write_tables
from fontes.export.tei import to_tei
from fontes.model import Document, Severity
from fontes.pipeline import analyze_file
from fontes.reading import InputError
from fontes.reading.formats import Format, folder_files
from fontes.reading.source import os_reason
from fontes.runner import pipe, worker_count
from fontes.settings import Settings
from fontes.version import __version__

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
Select = Annotated[
    list[str] | None,
    typer.Option(help="Only these rule codes, prefixes (CI), names or categories."),
]
Ignore = Annotated[list[str] | None, typer.Option(help="Skip these rules.")]
From = Annotated[
    Format | None,
    typer.Option(
        "--from",
        help="Read the files as this format [default: found from each file's content and name].",
    ),
]


class _Failure(typer.Exit):
    """Exit 2, having told the user why in one line (kept for SARIF's notifications)."""

    def __init__(self, reason: str) -> None:
        super().__init__(EXIT_BAD_INPUT)
        self.reason = reason


def _fail(message: str) -> _Failure:
    errors.print(f"fontes: error: {message}", markup=False)
    return _Failure(message)


@contextmanager
def _user_errors() -> Iterator[None]:
    """Turn bad input, and any internal failure, into one line on stderr and exit 2."""
    try:
        yield
    except (InputError, OutputError, ModelError) as error:
        raise _fail(str(error)) from None
    except (typer.Exit, KeyboardInterrupt, _StdoutFailed):
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
    source_format: From = None,
    select: Select = None,
    ignore: Ignore = None,
) -> None:
    """Write the JSON dossier of FILE: sections, people, works, citations, quotations, findings."""
    rules = _rules(select, ignore)
    with _user_errors():
        if output is not None:
            check_outputs([output], [file])
        with _working(f"reading {file.name}"):
            doc = analyze_file(file, encoding, rules, settings=_settings(), form=source_format)
        _warn(doc)
        payload = json.dumps(to_dossier(doc), indent=2, ensure_ascii=False) + "\n"
        if output is None:
            _emit(payload)
        else:
            write_output(output, payload, [file])


@app.command()
def check(
    files: Annotated[
        list[Path], typer.Argument(help="Files to check, or folders to check the files in.")
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="How to print the findings.")
    ] = OutputFormat.TEXT,
    select: Select = None,
    ignore: Ignore = None,
    encoding: Encoding = "utf-8",
    source_format: From = None,
    glob: Annotated[
        list[str] | None,
        typer.Option(
            help="In a folder, check the files whose names match (repeatable) "
            "[default: *.txt, *.pdf, *.xml, *.hocr, *.html, *.tei]."
        ),
    ] = None,
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
    """Check FILES (and the files in folders, recursively, in name order) and print one
    finding a line; exit 1 when any error is found, 2 when a file could not be read."""
    rules = _rules(select, ignore)
    settings = _settings()
    with _user_errors():
        files = list(folder_files(files, glob))
    jobs = _bounded_jobs(jobs, len(files))
    streaming = output_format is OutputFormat.TEXT
    docs: list[Document] = []  # kept only for JSON and SARIF, which are written at the end
    counts = dict.fromkeys(Severity, 0)
    read = 0
    unreadable: list[tuple[Path, str]] = []
    results = pipe(
        files, jobs, encoding=encoding, rules=rules, settings=settings, form=source_format
    )
    with _progress(len(files)) as advance, contextlib.closing(results):
        for result in results:
            try:
                with _user_errors():
                    doc = result.unwrap()
            except _Failure as failure:
                unreadable.append((Path(result.path), failure.reason))
            else:
                read += 1
                _warn(doc)
                for finding in doc.findings:
                    counts[finding.severity] += 1
                if streaming:  # a corpus is printed as it is read, and not held in memory
                    _emit(text_report([doc]))
                else:
                    docs.append(doc)
            advance()
    if streaming:
        if read:
            _summary(counts)
    elif output_format is OutputFormat.JSON:
        _emit(json_report(docs))
    else:
        _emit(sarif_report(docs, rules, __version__, unreadable))
    if unreadable:
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
    source_format: From = None,
    select: Select = None,
    ignore: Ignore = None,
) -> None:
    """Write a self-contained HTML report of FILE: its text with the findings and names marked,
    the people, a timeline, a network and the sources. It works offline."""
    rules = _rules(select, ignore)
    with _user_errors():
        output = output or Path(f"{file.stem}.report.html")
        check_outputs([output], [file])
        with _working(f"reading {file.name}"):
            doc = analyze_file(file, encoding, rules, settings=_settings(), form=source_format)
            html = render_report(doc)
        _warn(doc)
        write_output(output, html, [file])
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
    source_format: From = None,
    select: Select = None,
    ignore: Ignore = None,
) -> None:
    """Export FILE for other tools: TEI P5 for digital editions, CSV tables of people, events,
    works, citations and findings, or GraphML of who is named with whom (Gephi, networkx)."""
    rules = _rules(select, ignore)
    with _user_errors():
        if output_format is ExportFormat.CSV:
            directory = output or Path(f"{file.stem}-csv")
            check_tables(directory, [file])
            if not directory.parent.is_dir():
                raise OutputError(f"{directory.parent}: no such directory")
        elif output is not None:
            check_outputs([output], [file])
        with _working(f"reading {file.name}"):
            doc = analyze_file(file, encoding, rules, settings=_settings(), form=source_format)
        _warn(doc)
        if output_format is ExportFormat.CSV:
            written = write_tables(doc, directory)
            errors.print(f"{len(written)} tables written to {directory}", markup=False)
            return
        payload = to_tei(doc) if output_format is ExportFormat.TEI else to_graphml(doc)
        if output is None:
            _emit(payload)
        else:
            write_output(output, payload, [file])


@app.command()
def rules(
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="text or json.")
    ] = OutputFormat.TEXT,
) -> None:
    """List the rules with their codes, categories, severities and documentation."""
    if output_format is OutputFormat.TEXT:
        for rule in RULES.values():
            _emit(
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
    _emit(json.dumps(records, indent=2) + "\n")


def main(args: list[str] | None = None) -> None:
    """The `fontes` command: every way it can fail ends in one line on stderr.

    Usage errors (a bad option, a missing argument) are printed as one line rather than in
    a box; a closed pipe or a full disk on stdout is named as such; SIGTERM unwinds like
    Ctrl-C, so that no temporary file is left behind.
    """
    signal.signal(signal.SIGTERM, _interrupted)
    args = sys.argv[1:] if args is None else args
    try:
        code = app(args=args or ["--help"], prog_name="fontes", standalone_mode=False)
        _emit("")
    except typer.TyperException as error:  # Click's usage errors: a bad option, a missing file
        message = " ".join(error.format_message().split())  # `Choose from:` lists on lines
        errors.print(f"fontes: error: {message}", markup=False)
        code = EXIT_BAD_INPUT
    except typer.Abort:
        code = 130
    except _StdoutFailed as error:
        _silence_stdout()
        errors.print(f"fontes: error: cannot write to stdout ({error})", markup=False)
        code = EXIT_BAD_INPUT
    raise SystemExit(code or 0)


class _StdoutFailed(Exception):
    """stdout is a closed pipe or a full disk: the user's problem to hear of, not a bug."""


def _emit(payload: str | bytes) -> None:
    """Write to stdout at once (a corpus is printed as it is read), or raise `_StdoutFailed`."""
    try:
        if isinstance(payload, bytes):
            sys.stdout.buffer.write(payload)
        else:
            sys.stdout.write(payload)
        sys.stdout.flush()
    except OSError as error:
        raise _StdoutFailed(
            "closed early" if error.errno == errno.EPIPE else os_reason(error)
        ) from None


def _interrupted(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush at exit cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _warn(doc: Document) -> None:
    """One line for what a file lacks that fontes could read without: its page images."""
    if missing := doc.source.missing_images():
        more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        shown = ", ".join(missing[:3]) + more
        errors.print(
            f"fontes: warning: {doc.path}: {_count(len(missing), 'page image')} it names "
            f"{'is' if len(missing) == 1 else 'are'} missing ({shown}); the report shows no "
            f"crops of {'it' if len(missing) == 1 else 'them'}",
            markup=False,
        )


def _settings() -> Settings:
    """The settings the environment gives: read here, once a command, and passed down."""
    return Settings(spacy_model=os.environ.get("FONTES_SPACY_MODEL") or None)


def _bounded_jobs(jobs: int, files: int) -> int:
    """`fontes.runner.worker_count`, with a note when the CPUs capped `--jobs`."""
    bounded = worker_count(jobs, files)
    if bounded < jobs and bounded < files:
        errors.print(
            f"fontes: note: --jobs {jobs} capped at {bounded}, the CPUs available", markup=False
        )
    return bounded


def _rules(select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
    """The rules `--select` and `--ignore` leave, or a usage error naming what matches none."""
    chosen, skipped = _split(select), _split(ignore)
    if unknown := unknown_selectors(chosen + skipped):
        raise _fail(f"no rule matches {', '.join(unknown)}; `fontes rules` lists them")
    return selected_rules(chosen, skipped)


def _split(values: list[str] | None) -> list[str]:
    """Accept `--select CI001,QU` as well as repeated options."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _summary(counts: dict[Severity, int]) -> None:
    total = sum(counts.values())
    if total:
        errors.print(
            f"Found {_count(total, 'finding')}: {_count(counts[Severity.ERROR], 'error')}, "
            f"{_count(counts[Severity.WARNING], 'warning')}, {counts[Severity.INFO]} info.",
            markup=False,
        )
    else:
        errors.print("All checks passed.")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on a terminal when there are several files; silent otherwise."""
    if total < 2 or not errors.is_terminal:
        yield lambda: None
        return
    with Progress(console=errors, transient=True) as progress:
        task = progress.add_task("checking", total=total)
        yield lambda: progress.advance(task)


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
