"""CSV tables: each file read back with the stdlib reader matches the document it came from."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import fontes
from fontes import analyze_file
from fontes.checks import RULES
from fontes.export import files
from fontes.export.files import OutputError
from fontes.export.tables import COLUMNS, TABLES, write_tables
from fontes.model import Category, Document, Finding, Severity, Span

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT.parent / "shared" / "samples" / "industrial-party.txt"
EXAMPLE = ROOT / "examples" / "dock-strike.txt"

TEXT = (
    "Pavel Orlov* ran the mill from 1901. On 9 January 1905 Pavel Orlov and Sergei Volkov* met "
    "at the works (Volkov, Mills of Tver, p. 12-14). Orlov left in 1907 "
    "(Volkov: op. cit.; p. 20, 31-2).\n\n"
    "ORLOV, Pavel A., miller (1861-1930); mayor of Tver (1905-10); in exile (1920).\n\n"
    "VOLKOV, Sergei, engineer (1880-1875).\n\n"
    "BIBLIOGRAPHY\n\n"
    "Volkov, Sergei: 'Mills of Tver'; Moscow; 1912.\n"
    "Zaitsev, Boris: 'Old Russia'; Paris; 1931.\n"
)


def read(directory: Path, name: str) -> list[dict[str, str]]:
    with (directory / name).open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        assert tuple(reader.fieldnames or ()) == COLUMNS[name]
        return list(reader)


@pytest.fixture(scope="module")
def doc() -> Document:
    return fontes.analyze(TEXT)


@pytest.fixture
def written(doc: Document, tmp_path: Path) -> Path:
    write_tables(doc, tmp_path)
    return tmp_path


def test_writes_the_seven_tables_with_headers_and_returns_their_paths(
    doc: Document, tmp_path: Path
) -> None:
    assert TABLES == (
        "people.csv",
        "events.csv",
        "works.csv",
        "citations.csv",
        "findings.csv",
        "notes.csv",
        "pages.csv",
    )
    paths = write_tables(doc, tmp_path / "out")
    assert paths == [tmp_path / "out" / name for name in TABLES]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(TABLES)
    for name in TABLES:
        read(tmp_path / "out", name)


def test_replaces_old_tables_and_leaves_other_files_alone(doc: Document, tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text("stale\n", encoding="utf-8")
    (tmp_path / "mine.csv").write_text("mine\n", encoding="utf-8")
    write_tables(doc, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*TABLES, "mine.csv"])
    assert (tmp_path / "mine.csv").read_text(encoding="utf-8") == "mine\n"
    assert len(read(tmp_path, "people.csv")) == 2


def test_a_failed_write_keeps_the_previous_table_and_no_temporary_file(
    doc: Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "people.csv").write_text("previous\n", encoding="utf-8")

    def refuse(source: object, target: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(OutputError, match="disk full"):
        write_tables(doc, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["people.csv"]
    assert (tmp_path / "people.csv").read_text(encoding="utf-8") == "previous\n"


def test_people_have_glossary_dates_roles_variants_and_mention_counts(written: Path) -> None:
    orlov, volkov = read(written, "people.csv")
    assert orlov == {
        "id": "person-orlov",
        "name": "Pavel A. Orlov",
        "canonical_because": "the glossary spells it so",
        "variants": "Orlov; Pavel Orlov",
        "born": "1861",
        "died": "1930",
        "lifespan": "1861/1930",
        "roles": "mayor of Tver (1905/1910); in exile (1920)",
        "mentions": "3",
        "glossary": "person-orlov",
    }
    # An inverted lifespan is exported as printed; CH001 reports it.
    assert (volkov["born"], volkov["died"], volkov["lifespan"]) == ("1880", "1875", "1880/1875")
    assert volkov["roles"] == ""


def test_events_carry_dates_statement_text_participants_and_offsets(
    doc: Document, written: Path
) -> None:
    rows = read(written, "events.csv")
    assert len(rows) == len(doc.events)
    meeting = next(r for r in rows if r["date"] == "1905-01-09")
    assert meeting["kind"] == "statement"
    assert (meeting["earliest"], meeting["latest"]) == ("1905-01-09", "1905-01-09")
    assert meeting["participants"] == "person-orlov; person-volkov"
    start, end = int(meeting["start"]), int(meeting["end"])
    assert meeting["text"] == doc.spoken(Span(start, end))
    assert meeting["text"].startswith("On 9 January 1905 Pavel Orlov and Sergei Volkov* met")


def test_works_count_their_citations(written: Path) -> None:
    rows = {r["id"]: r for r in read(written, "works.csv")}
    volkov = rows["work-volkov-1912"]
    assert volkov == {
        "id": "work-volkov-1912",
        "authors": "Volkov, Sergei",
        "editors": "",
        "title": "Mills of Tver",
        "place": "Moscow",
        "year": "1912",
        "listed": "true",
        "complete": "true",
        "times_cited": "2",
    }
    assert rows["work-zaitsev-1931"]["times_cited"] == "0"


def test_citations_keep_their_text_work_and_pages(doc: Document, written: Path) -> None:
    rows = read(written, "citations.csv")
    assert [(r["reference"], r["work"], r["pages"]) for r in rows] == [
        ("full", "work-volkov-1912", "12-14"),
        ("op-cit", "work-volkov-1912", "20; 31-32"),
    ]
    for row in rows:
        assert row["text"] == doc.text[int(row["start"]) : int(row["end"])]
        assert row["unresolved"] == ""
        assert (row["page"], row["note"]) == ("", "")  # no printed pages, no notes


def test_findings_are_one_row_each_with_rule_name_and_place(doc: Document, written: Path) -> None:
    rows = read(written, "findings.csv")
    assert [r["rule"] for r in rows] == [f.rule for f in doc.findings] == ["CH001", "CI003"]
    for row, finding in zip(rows, doc.findings, strict=True):
        assert row["name"] == RULES[finding.rule].name
        assert (row["category"], row["severity"]) == (finding.category, finding.severity)
        assert [int(row[k]) for k in ("line", "column", "start", "end")] == [
            finding.line,
            finding.column,
            finding.start,
            finding.end,
        ]
        assert row["text"] == doc.text[finding.start : finding.end]
        assert row["message"] == finding.message
        assert row["suggestion"] == (finding.suggestion or "")
        assert row["page"] == ""  # the text shows no printed page


def test_printed_pages_give_findings_and_citations_a_page_and_a_table_of_their_own(
    printed: Document, tmp_path: Path
) -> None:
    write_tables(printed, tmp_path)
    assert read(tmp_path, "pages.csv") == [
        {"index": "1", "number": "41", "start": "0", "end": "152"},
        {"index": "2", "number": "42", "start": "153", "end": "263"},
        {"index": "3", "number": "43", "start": "264", "end": "480"},
        {"index": "4", "number": "", "start": "481", "end": str(len(printed.text))},
    ]
    assert [(r["rule"], r["line"], r["page"]) for r in read(tmp_path, "findings.csv")] == [
        ("SD001", "3", "41"),
        ("XR003", "7", "42"),
        ("XR004", "16", "43"),
        ("CH008", "20", ""),  # on the appendix, which prints no folio
    ]
    citations = read(tmp_path, "citations.csv")
    assert [(r["text"], r["page"], r["note"], r["pages"]) for r in citations] == [
        ("Volkov, Mills of Tver, p. 20.", "41", "note-1", "20"),
        ("(Volkov, Mills of Tver, p. 12)", "41", "", "12"),
        ("Ibid., p. 31.", "42", "note-2", "31"),
    ]


def test_notes_have_their_number_page_text_and_how_many_markers_point_to_them(
    printed: Document, tmp_path: Path
) -> None:
    write_tables(printed, tmp_path)
    rows = read(tmp_path, "notes.csv")
    assert [(r["id"], r["number"], r["page"], r["markers"]) for r in rows] == [
        ("note-1", "1", "41", "1"),
        ("note-2", "2", "42", "2"),
        ("note-3", "3", "43", "1"),
        ("note-4", "4", "43", "0"),
    ]
    assert rows[1]["text"] == "Ibid., p. 31."  # the note's words, without its number
    for row, note in zip(rows, printed.notes, strict=True):
        assert (int(row["start"]), int(row["end"])) == (note.start, note.end)
        assert row["text"] == printed.text[note.text_start : note.end]


def test_a_cell_with_commas_quotes_and_a_line_break_survives(tmp_path: Path) -> None:
    doc = Document('He wrote, "we stay",\nand left.')
    message = 'the words "we stay", as printed,\nbreak the line'
    doc.findings.append(
        Finding(
            rule="XX999",
            category=Category.QUOTATION,
            severity=Severity.INFO,
            message=message,
            start=0,
            end=len(doc.text),
            line=1,
            column=1,
        )
    )
    write_tables(doc, tmp_path)
    [row] = read(tmp_path, "findings.csv")
    assert row["text"] == doc.text
    assert row["message"] == message
    assert row["name"] == "" and row["suggestion"] == ""


@pytest.mark.skipif(
    not SAMPLE.exists(), reason=f"shared sample not found at {SAMPLE} (../shared is absent)"
)
def test_sample_tables(tmp_path: Path) -> None:
    doc = analyze_file(SAMPLE)
    write_tables(doc, tmp_path)
    ramzin = next(r for r in read(tmp_path, "people.csv") if r["id"] == "person-ramzin")
    assert (ramzin["born"], ramzin["died"], ramzin["lifespan"]) == ("1887", "1948", "1887/1948")
    assert "imprisoned (1930/1932)" in ramzin["roles"].split("; ")
    findings = read(tmp_path, "findings.csv")
    assert [r["rule"] for r in findings] == [f.rule for f in doc.findings]
    citations = read(tmp_path, "citations.csv")
    assert [(r["work"], r["pages"]) for r in citations] == [
        ("work-rothstein-1931", "6"),
        ("work-rothstein-1931", "20; 26; 36"),
        ("work-rothstein-1931", "209-210"),
        ("work-rothstein-1931", "212"),
        ("work-rothstein-1931", "107-109"),
    ]
    works = {r["id"]: r for r in read(tmp_path, "works.csv")}
    assert works["work-rothstein-1931"]["times_cited"] == "5"
    assert works["work-new"]["complete"] == "false"


def test_example_tables(tmp_path: Path) -> None:
    doc = analyze_file(EXAMPLE)
    write_tables(doc, tmp_path)
    findings = read(tmp_path, "findings.csv")
    assert [r["rule"] for r in findings] == [f.rule for f in doc.findings]
    people = {r["id"]: r for r in read(tmp_path, "people.csv")}
    assert people["person-venning"]["glossary"] == ""  # the asterisk with no entry (XR001)
    assert people["person-olver"]["mentions"] == "0"  # the entry no asterisk points to (XR002)
    works = {r["id"]: r for r in read(tmp_path, "works.csv")}
    assert works["work-pengelly-1968"]["listed"] == "false"  # cited, not in the bibliography
    events = read(tmp_path, "events.csv")
    assert len(events) == len(doc.events)


@pytest.mark.parametrize(
    "title",
    ['=HYPERLINK("http://x","y")', "@SUM(A1:A9)", "+1+cmd|' /C calc'!A0", "-2+3"],
)
def test_a_cell_that_would_run_as_a_formula_is_shown_as_text(tmp_path: Path, title: str) -> None:
    doc = fontes.analyze(f"Smith, John: '{title}'; London; 1901.\n")
    write_tables(doc, tmp_path)
    [work] = read(tmp_path, "works.csv")
    assert work["title"].startswith("'") and work["title"][1:] == title
    assert work["year"] == "1901"  # plain values are left as they are


def test_a_table_that_is_the_documents_own_file_is_never_written(tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text(TEXT, encoding="utf-8")
    doc = analyze_file(source)
    with pytest.raises(OutputError, match="refusing to overwrite the input"):
        write_tables(doc, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["people.csv"]
    assert source.read_text(encoding="utf-8") == TEXT


def test_findings_in_a_paged_source_give_their_page_and_box(
    scanned: Document, tmp_path: Path
) -> None:
    write_tables(scanned, tmp_path)
    with (tmp_path / "findings.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == len(scanned.findings)
    for finding, row in zip(scanned.findings, rows, strict=True):
        page, box = scanned.source.box_of(finding.start, finding.end) or (None, None)
        assert box is not None and row["source_page"] == str(page)
        assert [float(row[f"box_{side}"]) for side in ("left", "top", "right", "bottom")] == [
            box.left,
            box.top,
            box.right,
            box.bottom,
        ]
