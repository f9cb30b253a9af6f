"""The command line: exit codes, output formats, rule selection and bad input."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from fontes.cli import app, main
from fontes.export import files
from fontes.export.dossier import load_schema
from quay import BROKEN, TEXT


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(tmp_path: Path, text: str | bytes, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_check_prints_path_line_column_code_severity_message(runner, tmp_path) -> None:
    path = write(tmp_path, BROKEN)
    result = runner.invoke(app, ["check", str(path)])
    line = next(x for x in result.stdout.splitlines() if " XR001 " in x)
    assert line == f"{path}:3:14: XR001 [error] 'Mary Quennell*' matches no glossary entry"


def test_check_exits_1_on_errors_and_0_without(runner, tmp_path) -> None:
    assert runner.invoke(app, ["check", str(write(tmp_path, BROKEN))]).exit_code == 1
    assert runner.invoke(app, ["check", str(write(tmp_path, TEXT, "ok.txt"))]).exit_code == 0


def test_warnings_and_info_alone_do_not_fail(runner, tmp_path) -> None:
    path = write(tmp_path, TEXT + "\nFischer, Ann: 'Wharves'; Hull; 1950.\n")
    result = runner.invoke(app, ["check", str(path)])
    assert "CI003 [info]" in result.stdout
    assert result.exit_code == 0


def test_select_and_ignore_by_code_prefix_and_category(runner, tmp_path) -> None:
    path = str(write(tmp_path, BROKEN))
    assert runner.invoke(app, ["check", path, "--ignore", "XR001"]).exit_code == 0
    only_citations = runner.invoke(app, ["check", path, "--select", "citation"])
    assert only_citations.exit_code == 0 and "XR001" not in only_citations.stdout
    assert runner.invoke(app, ["check", path, "--select", "XR"]).exit_code == 1


def test_unknown_rule_selector_is_a_usage_error(runner, tmp_path) -> None:
    result = runner.invoke(app, ["check", str(write(tmp_path, TEXT)), "--select", "ZZ9"])
    assert result.exit_code == 2
    assert "no rule matches ZZ9" in result.stderr


def test_json_format_lists_findings_with_paths(runner, tmp_path) -> None:
    path = write(tmp_path, BROKEN)
    records = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    record = next(r for r in records if r["rule"] == "XR001")
    assert record["path"] == str(path)
    assert record["category"] == "cross-reference" and record["severity"] == "error"
    assert BROKEN[record["start"] : record["end"]] == "Mary Quennell*"
    assert record["suggestion"]


def test_sarif_format_has_rules_and_regions(runner, tmp_path) -> None:
    path = write(tmp_path, BROKEN)
    log = json.loads(runner.invoke(app, ["check", str(path), "--format", "sarif"]).stdout)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    result = next(r for r in run["results"] if r["ruleId"] == "XR001")
    assert rule_ids[result["ruleIndex"]] == "XR001"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 14)
    assert result["level"] == "error"


def test_analyze_writes_a_dossier_that_matches_its_schema(runner, tmp_path) -> None:
    path, out = write(tmp_path, TEXT), tmp_path / "dossier.json"
    result = runner.invoke(app, ["analyze", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    dossier = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(dossier, load_schema())
    assert dossier["source"]["chars"] == len(TEXT)
    assert dossier["people"][0]["name"] == "Mary Halloran"
    assert dossier["citations"][0]["work"] == dossier["works"][0]["id"]


def test_analyze_without_output_prints_json(runner, tmp_path) -> None:
    result = runner.invoke(app, ["analyze", str(write(tmp_path, TEXT))])
    assert json.loads(result.stdout)["sections"][0]["period"] == "1901/1903"


def test_rules_lists_every_rule_with_its_documentation(runner) -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    for code in (
        "XR001",
        "XR002",
        "XR003",
        "XR004",
        "CI001",
        "CI002",
        "CI003",
        "QU001",
        "TR001",
        "TR002",
        "SD001",
        "CH001",
    ):
        assert code in result.stdout
    assert "Why it matters" in result.stdout


# Bad input: one line on stderr, exit 2, no traceback, the file untouched.


def assert_one_line_error(result, expected: str) -> None:
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fontes: error:")
    assert expected in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["check", "analyze"])
def test_missing_file(runner, tmp_path, command) -> None:
    result = runner.invoke(app, [command, str(tmp_path / "absent.txt")])
    assert_one_line_error(result, "no such file")


@pytest.mark.parametrize("command", ["analyze", "report"])
def test_directory(runner, tmp_path, command) -> None:
    # `check` reads the files in a folder (below); the others read one document.
    assert_one_line_error(runner.invoke(app, [command, str(tmp_path)]), "is a directory")


def test_binary_file(runner, tmp_path) -> None:
    path = write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt")
    assert_one_line_error(runner.invoke(app, ["check", str(path)]), "binary")


def test_undecodable_bytes_name_the_encoding_tried(runner, tmp_path) -> None:
    path = write(tmp_path, "Caf\u00e9 society.\n".encode("cp1252"), "latin.txt")
    assert_one_line_error(runner.invoke(app, ["check", str(path)]), "utf-8")
    chosen = runner.invoke(app, ["check", str(path), "--encoding", "cp1252"])
    assert chosen.exit_code == 0


def test_unknown_encoding(runner, tmp_path) -> None:
    result = runner.invoke(app, ["check", str(write(tmp_path, TEXT)), "--encoding", "klingon"])
    assert_one_line_error(result, "unknown encoding")


@pytest.mark.parametrize("content", [b"", b"  \n\n \t\n"])
def test_empty_file(runner, tmp_path, content) -> None:
    path = write(tmp_path, content, "empty.txt")
    assert_one_line_error(runner.invoke(app, ["check", str(path)]), "is empty")


def test_very_large_file_is_refused_before_reading(runner, tmp_path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:  # sparse: takes no disk space
        stream.truncate(300 * 1024 * 1024)
    assert_one_line_error(runner.invoke(app, ["check", str(path)]), "limit")


def test_bad_file_among_good_ones_exits_2_but_checks_the_rest(runner, tmp_path) -> None:
    good = write(tmp_path, BROKEN)
    result = runner.invoke(app, ["check", str(tmp_path / "absent.txt"), str(good)])
    assert result.exit_code == 2
    assert "XR001" in result.stdout


def test_bom_and_crlf_files_report_the_same_findings(runner, tmp_path) -> None:
    plain = write(tmp_path, BROKEN, "plain.txt")
    crlf = write(tmp_path, ("\ufeff" + BROKEN.replace("\n", "\r\n")).encode(), "crlf.txt")
    outputs = []
    for path in (plain, crlf):
        records = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
        text = path.read_bytes().decode("utf-8")
        outputs.append([(r["rule"], r["line"], text[r["start"] : r["end"]]) for r in records])
    assert outputs[0] == outputs[1]


def test_input_files_are_never_modified(runner, tmp_path) -> None:
    path = write(tmp_path, BROKEN)
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    runner.invoke(app, ["check", str(path)])
    runner.invoke(app, ["analyze", str(path), "-o", str(tmp_path / "out.json")])
    result = runner.invoke(app, ["analyze", str(path), "-o", str(path)])
    assert_one_line_error(result, "refusing to overwrite the input")
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before


def test_output_into_missing_directory(runner, tmp_path) -> None:
    result = runner.invoke(
        app, ["analyze", str(write(tmp_path, TEXT)), "-o", str(tmp_path / "no" / "x.json")]
    )
    assert_one_line_error(result, "no such directory")


def test_a_missing_language_model_is_a_one_line_error(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("FONTES_SPACY_MODEL", "no_such_model_pkg")
    result = runner.invoke(app, ["check", str(write(tmp_path, TEXT))])
    assert_one_line_error(result, "no spaCy model found (tried no_such_model_pkg)")


def test_report_writes_one_self_contained_html_file(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, TEXT)
    result = runner.invoke(app, ["report", str(path)])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "doc.report.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "The Quay" in html


def test_report_and_export_refuse_to_overwrite_their_input(runner, tmp_path) -> None:
    path = write(tmp_path, TEXT)
    before = path.read_bytes()
    for command in (
        ["report", str(path), "-o", str(path)],
        ["export", str(path), "--format", "tei", "-o", str(path)],
    ):
        assert_one_line_error(runner.invoke(app, command), "refusing to overwrite the input")
    assert path.read_bytes() == before


def test_export_tei_and_graphml_to_stdout_and_csv_to_a_folder(runner, tmp_path) -> None:
    path = write(tmp_path, TEXT)
    tei = runner.invoke(app, ["export", str(path), "--format", "tei"])
    assert tei.exit_code == 0 and "<TEI" in tei.stdout
    graphml = runner.invoke(app, ["export", str(path), "--format", "graphml"])
    assert graphml.exit_code == 0 and "<graphml" in graphml.stdout
    folder = tmp_path / "tables"
    tables = runner.invoke(app, ["export", str(path), "--format", "csv", "-o", str(folder)])
    assert tables.exit_code == 0, tables.output
    assert sorted(p.name for p in folder.iterdir()) == [
        "citations.csv",
        "events.csv",
        "findings.csv",
        "notes.csv",
        "pages.csv",
        "people.csv",
        "works.csv",
    ]


def test_export_bad_input_and_bad_format_are_one_line_errors(runner, tmp_path) -> None:
    missing = runner.invoke(app, ["export", str(tmp_path / "nope.txt"), "--format", "tei"])
    assert_one_line_error(missing, "nope.txt")
    a_file = write(tmp_path, "x", "taken")
    clash = runner.invoke(
        app, ["export", str(write(tmp_path, TEXT)), "--format", "csv", "-o", str(a_file)]
    )
    assert_one_line_error(clash, "is a file; csv needs a folder")
    nowhere = tmp_path / "no" / "tables"
    lost = runner.invoke(
        app, ["export", str(write(tmp_path, TEXT)), "--format", "csv", "-o", str(nowhere)]
    )
    assert_one_line_error(lost, "no such directory")
    assert runner.invoke(app, ["export", str(a_file), "--format", "pdf"]).exit_code == 2


def test_check_with_several_jobs_prints_what_one_job_prints(runner, tmp_path) -> None:
    files = [
        str(write(tmp_path, TEXT, "a.txt")),
        str(write(tmp_path, "", "empty.txt")),
        str(write(tmp_path, BROKEN, "b.txt")),
    ]
    one = runner.invoke(app, ["check", *files])
    two = runner.invoke(app, ["check", *files, "--jobs", "2"])
    assert (two.exit_code, two.stdout, two.stderr) == (one.exit_code, one.stdout, one.stderr)
    assert one.exit_code == 2 and "empty.txt: is empty" in one.stderr


# The `fontes` command itself (`main`): usage errors, stdout failures, signals.


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    output: str = ""


def run_main(capsys, args: list[str]) -> Run:
    with pytest.raises(SystemExit) as exited:
        main(args)
    captured = capsys.readouterr()
    return Run(exited.value.code, captured.out, captured.err, captured.out + captured.err)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "doc.txt", "--jobs", "0"], "Invalid value for '--jobs'"),
        (["check", "doc.txt", "--format", "xml"], "'xml' is not one of"),
        (["check"], "Missing argument"),
        (["export", "doc.txt"], "Missing option '--format'"),
        (["frobnicate"], "No such command 'frobnicate'"),
        (["check", "doc.txt", "--no-such-option"], "No such option"),
    ],
)
def test_usage_errors_are_one_line_not_a_box(capsys, args, expected) -> None:
    assert_one_line_error(run_main(capsys, args), expected)


def test_no_arguments_show_the_help(capsys) -> None:
    run = run_main(capsys, [])
    assert run.exit_code == 0 and "check" in run.stdout


def test_a_codec_that_is_no_text_encoding_is_a_one_line_error(runner, tmp_path) -> None:
    result = runner.invoke(app, ["check", str(write(tmp_path, TEXT)), "--encoding", "rot13"])
    assert_one_line_error(result, "'rot13' is not a text encoding")


def test_a_full_stdout_is_a_one_line_error(tmp_path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    path = write(tmp_path, BROKEN)
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "fontes", "check", str(path)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "fontes: error: cannot write to stdout (no space left on device)"
    ]


def test_a_closed_pipe_is_a_one_line_error(tmp_path) -> None:
    path = write(tmp_path, BROKEN)
    process = subprocess.Popen(
        [sys.executable, "-m", "fontes", "analyze", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # as `| head` does, before anything is written
    stderr = process.stderr.read()
    assert process.wait() == 2
    assert stderr.strip().splitlines() == ["fontes: error: cannot write to stdout (closed early)"]


def test_sigterm_unwinds_like_ctrl_c(capsys) -> None:
    previous = signal.getsignal(signal.SIGTERM)
    try:
        run_main(capsys, ["rules"])
        handler = signal.getsignal(signal.SIGTERM)
        assert callable(handler)
        with pytest.raises(KeyboardInterrupt):  # so `write_output` removes its temporary file
            handler(signal.SIGTERM, None)
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_jobs_are_capped_at_the_cpus_available(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    files = [str(write(tmp_path, TEXT, f"{n}.txt")) for n in range(3)]
    result = runner.invoke(app, ["check", *files, "--jobs", "64"])
    assert result.exit_code == 0
    assert "fontes: note: --jobs 64 capped at 1, the CPUs available" in result.stderr


def test_sarif_names_the_files_it_could_not_read(runner, tmp_path) -> None:
    good, empty = write(tmp_path, TEXT), write(tmp_path, "", "empty.txt")
    result = runner.invoke(app, ["check", str(good), str(empty), "--format", "sarif"])
    assert result.exit_code == 2
    invocation = json.loads(result.stdout)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error" and "is empty" in notification["message"]["text"]
    location = notification["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == empty.as_posix()


@pytest.mark.parametrize("table", ["people.csv", "findings.csv"])
def test_csv_export_never_replaces_an_input_named_like_a_table(runner, tmp_path, table) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    path = write(folder, TEXT, table)
    result = runner.invoke(app, ["export", str(path), "--format", "csv", "-o", str(folder)])
    assert_one_line_error(result, "refusing to overwrite the input")
    assert path.read_text(encoding="utf-8") == TEXT
    assert [p.name for p in folder.iterdir()] == [table]  # no other table written either


def test_csv_export_to_its_default_folder_never_replaces_the_input(
    runner, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "findings-csv").mkdir()
    path = write(tmp_path / "findings-csv", TEXT, "findings.csv")
    result = runner.invoke(app, ["export", "findings-csv/findings.csv", "--format", "csv"])
    assert_one_line_error(result, "refusing to overwrite the input")
    assert path.read_text(encoding="utf-8") == TEXT


@pytest.mark.parametrize("command", ["analyze", "report", "export"])
def test_output_through_a_link_to_the_input_is_refused(runner, tmp_path, command) -> None:
    path = write(tmp_path, TEXT)
    link = tmp_path / "out.txt"
    link.symlink_to(path)
    extra = ["--format", "tei"] if command == "export" else []
    result = runner.invoke(app, [command, str(path), *extra, "-o", str(link)])
    assert_one_line_error(result, "refusing to overwrite the input")
    assert path.read_text(encoding="utf-8") == TEXT and link.is_symlink()


def test_output_to_a_device_is_written_through(runner, tmp_path) -> None:
    result = runner.invoke(app, ["analyze", str(write(tmp_path, TEXT)), "-o", "/dev/null"])
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_an_unwritable_output_is_a_one_line_error(runner, tmp_path, monkeypatch) -> None:
    path = write(tmp_path, TEXT)
    real_open = os.open

    def denied(name, flags: int, *args: int) -> int:  # as in a folder the user cannot write
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(name, flags, *args)

    monkeypatch.setattr(files.os, "open", denied)
    result = runner.invoke(app, ["analyze", str(path), "-o", str(tmp_path / "out.json")])
    assert_one_line_error(result, "cannot be written (permission denied)")


def test_analyze_report_and_export_take_select_and_ignore(runner, tmp_path) -> None:
    path = write(tmp_path, BROKEN + "\nThe inquiry then resolved that the\n")
    every = json.loads(runner.invoke(app, ["analyze", str(path)]).stdout)["findings"]
    assert {"XR001", "TR001"} <= {f["rule"] for f in every}
    only = json.loads(runner.invoke(app, ["analyze", str(path), "--select", "XR"]).stdout)
    assert {f["rule"][:2] for f in only["findings"]} == {"XR"}
    tables = tmp_path / "tables"
    result = runner.invoke(
        app, ["export", str(path), "--format", "csv", "-o", str(tables), "--ignore", "XR001"]
    )
    assert result.exit_code == 0, result.output
    assert "XR001" not in (tables / "findings.csv").read_text(encoding="utf-8")
    html = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(path), "-o", str(html), "--select", "CI"])
    assert result.exit_code == 0 and "XR001" not in html.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["analyze", "report", "export"])
def test_an_unknown_selector_is_a_one_line_error_for_every_command(
    runner, tmp_path, command
) -> None:
    extra = ["--format", "tei"] if command == "export" else []
    path = str(write(tmp_path, TEXT))
    result = runner.invoke(app, [command, path, *extra, "--select", "ZZ9"])
    assert_one_line_error(result, "no rule matches ZZ9")


def test_check_reads_a_folder_recursively_in_name_order(runner, tmp_path) -> None:
    write(tmp_path, TEXT, "b.txt")
    (tmp_path / "a").mkdir()
    write(tmp_path / "a", BROKEN, "z.txt")
    (tmp_path / ".cache").mkdir()
    write(tmp_path / ".cache", BROKEN, "hidden.txt")
    write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00", "page.png")  # not read: no reader's name
    result = runner.invoke(app, ["check", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1  # z.txt's error
    assert {record["path"] for record in json.loads(result.stdout)} == {
        str(tmp_path / "a" / "z.txt")
    }
    only = runner.invoke(app, ["check", str(tmp_path), "--glob", "b.*"])
    assert only.exit_code == 0


def test_check_skips_what_it_cannot_read_in_a_folder_and_exits_2_at_the_end(
    runner, tmp_path
) -> None:
    write(tmp_path, BROKEN, "a.txt")
    write(tmp_path, "<catalogue><item/></catalogue>", "b.xml")
    write(tmp_path, "<html><body><p>A page</p></body></html>", "c.html")
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert " XR001 " in result.stdout  # a.txt was still checked
    problems = [line for line in result.stderr.splitlines() if line.startswith("fontes: error")]
    assert problems == [
        f"fontes: error: {tmp_path / 'b.xml'}: is XML in none of the formats fontes reads "
        "(ALTO, PAGE, hOCR, TEI); give --from text to read it as plain text",
        f"fontes: error: {tmp_path / 'c.html'}: is HTML in none of the formats fontes reads "
        "(ALTO, PAGE, hOCR, TEI); give --from text to read it as plain text",
    ]


def test_an_empty_folder_is_bad_input(runner, tmp_path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2 and "no files to read in it" in result.stderr


def test_from_forces_a_format(runner, tmp_path) -> None:
    path = write(tmp_path, "<note>The quay was rebuilt in 1905.</note>\n", "quay.xml")
    assert runner.invoke(app, ["check", str(path)]).exit_code == 2
    assert runner.invoke(app, ["check", str(path), "--from", "text"]).exit_code == 0
    result = runner.invoke(app, ["analyze", str(path), "--from", "alto"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    bad = runner.invoke(app, ["check", str(path), "--from", "docx"])
    assert bad.exit_code == 2
