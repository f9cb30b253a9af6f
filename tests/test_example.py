"""End to end on the bundled example, `examples/dock-strike.txt`.

The example is an original, invented account of a dock dispute in the fictional port of
Stanmouth (1880-1900): its people, works and archive are made up; only the background (the
London dock strike of 1889 and its "tanner", the end of casual dock hiring in 1967) is real.
It carries a full apparatus (headings with periods, asterisked names, a glossary, numbered
notes, parenthetical citations, a bibliography) and a set of planted problems, each of which
must be reported by the rule named here, at the place named here:

    (1) XR001  `Daniel Venning*` (section 3): an asterisk with no glossary entry.
    (2) XR002  `OLVER, Richard T.`: a glossary entry no asterisk points to.
    (3) CI001  `(Trewin: op. cit.; p. 9)`: op. cit. by an author neither cited before nor
               listed in the bibliography.
    (4) CI002  `(Pengelly, Strike and Lock-Out on the Northern Quays (Bristol, 1968), ...)`:
               a full citation of a work the bibliography lacks.
    (5) QU001  `Cradock told the shareholders:` at the end of a paragraph, and the next
               paragraph is not the quotation: a silent cut.
    (6) CH001  `LAMBE, George F., ... (1903-1847)`: an inverted lifespan.
    (7) TR002  `'Stanmouth Shipping Gaz`: the file ends inside the last bibliography entry.

Everything else is meant to be clean, in particular the ordinary prose colons (`two trades:
coal shipped out ...`), which must not be read as cuts. The two quotations whose cuts are
declared with `...` are reported by QU002 (info), not as silent cuts.
Expectations about this one document live here, never in the code.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from fontes import analyze_file
from fontes.cli import app
from fontes.export.dossier import load_schema
from fontes.model import Document

EXAMPLE = Path(__file__).parents[1] / "examples" / "dock-strike.txt"


@pytest.fixture(scope="module")
def doc() -> Document:
    return analyze_file(EXAMPLE)


def findings(doc: Document, rule: str) -> list[str]:
    return [doc.text[f.start : f.end] for f in doc.findings if f.rule == rule]


def offset_after(doc: Document, before: str) -> int:
    """The offset just after the only occurrence of `before` in the text."""
    assert doc.text.count(before) == 1, f"not unique in the example: {before!r}"
    return doc.text.index(before) + len(before)


# --- the apparatus as read ---------------------------------------------------------------


def test_six_headings_with_periods_two_run_in_and_the_notes_heading(doc: Document) -> None:
    headings = [(s.title, s.run_in, s.period.edtf if s.period else None) for s in doc.sections]
    assert headings == [
        ("Casual Labour at the Port of Stanmouth", False, "1880/1888"),
        ("The Coal Porters Organise", True, "1889"),
        ("The Strike at the Timber Ponds", False, "1890"),
        ("Mediation and Lock-Out", True, "1890/1891"),
        ("The Inquiry", False, "1891"),
        ("Defeat and Recovery", False, "1891/1900"),
        ("Notes", False, None),
    ]


def test_run_in_headings_end_the_section_before_them(doc: Document) -> None:
    by_title = {s.title: s for s in doc.sections}
    organise = by_title["The Coal Porters Organise"]
    assert doc.text[: organise.start].endswith("at fivepence. ")
    assert doc.sections[0].start == 0 and doc.sections[0].end == organise.start
    lock_out = by_title["Mediation and Lock-Out"]
    assert doc.text[: lock_out.start].endswith("The talks failed within the hour. ")
    assert doc.text[lock_out.heading_end :].startswith("\nOn 12 May the Company")


def test_body_sections_are_in_order_and_stop_before_the_notes(doc: Document) -> None:
    for before, after in zip(doc.sections, doc.sections[1:], strict=False):
        assert before.end <= after.start
    last_body = doc.sections[-2]
    assert doc.text[: last_body.end].endswith("was not finally ended until 1967.")


def test_seven_glossary_persons_with_lifespans_as_printed(doc: Document) -> None:
    lifespans = {e.id: e.lifespan.edtf for e in doc.glossary if e.lifespan}
    assert lifespans == {
        "person-brightwell": "1835/1907",
        "person-cradock": "1826/1899",
        "person-lambe": "1903/1847",  # as printed, not silently fixed
        "person-marsh": "1839/1911",
        "person-olver": "1831/1896",
        "person-pascoe": "1852/1921",
        "person-rowe": "1861/1936",
    }


def test_glossary_names_and_descriptions(doc: Document) -> None:
    people = [(e.surname, e.forenames, e.description) for e in doc.glossary]
    assert people == [
        ("BRIGHTWELL", "Henry A.", "barrister"),
        ("CRADOCK", "Josiah", "shipowner"),
        ("LAMBE", "George F.", "stevedore and labour contractor"),
        ("MARSH", "Edwin H.", "Anglican clergyman"),
        ("OLVER", "Richard T.", "dock master"),
        ("PASCOE", "Walter J.", "dock labourer and trade unionist"),
        ("ROWE", "Hannah E.", "shop assistant and relief organiser"),
    ]


def test_glossary_roles_keep_their_periods(doc: Document) -> None:
    pascoe = next(e for e in doc.glossary if e.surname == "PASCOE")
    roles = [(r.title, r.period.edtf if r.period else None) for r in pascoe.roles]
    assert roles == [
        ("coal porter at the North Dock", "1870/1889"),
        ("General Secretary, Stanmouth Dock and Riverside Labourers' Union", "1889/1912"),
        ("member, Stanmouth Town Council", "1895/1913"),
        ("died in Stanmouth", "1921"),
    ]


def test_glossary_honorific_and_places(doc: Document) -> None:
    marsh = next(e for e in doc.glossary if e.surname == "MARSH")
    assert marsh.honorific == "Canon"
    rowe = next(e for e in doc.glossary if e.surname == "ROWE")
    assert rowe.places == ["Canada", "Toronto"]


def test_six_listed_works_with_years_and_one_known_only_from_a_citation(doc: Document) -> None:
    complete = [(w.id, w.authors + w.editors, w.year) for w in doc.all_works if w.complete]
    assert complete == [
        ("work-ashby-1971", ["Ashby, Margaret"], 1971),
        ("work-fenwick-1983", ["Fenwick, Alice"], 1983),
        ("work-lister-1966", ["Lister, Thomas"], 1966),
        ("work-pascoe-1919", ["Pascoe, Walter"], 1919),
        ("work-quayle-1958", ["Quayle, Robert"], 1958),
        ("work-report-1891", [], 1891),
        ("work-pengelly-1968", ["Pengelly"], 1968),  # known from a citation only
    ]
    assert [w.listed for w in doc.all_works if w.complete] == [True] * 6 + [False]


def test_editor_and_anonymous_bibliography_entries(doc: Document) -> None:
    fenwick = next(w for w in doc.all_works if w.id == "work-fenwick-1983")
    assert fenwick.editors == ["Fenwick, Alice"] and not fenwick.authors
    assert fenwick.title == "Minutes of the Stanmouth Strike Committee, 1889-1891"
    assert fenwick.place == "Newcastle upon Tyne"
    [anonymous] = [w for w in doc.all_works if w.anonymous]
    assert anonymous.title == "Report of the Inquiry into the Stanmouth Dock Dispute"
    assert anonymous.place == "London"
    quayle = next(w for w in doc.all_works if w.id == "work-quayle-1958")
    assert quayle.title == "Dock and Wharf: A History of the Port of Stanmouth"


def test_twelve_citations_resolved_to_their_works_with_pages(doc: Document) -> None:
    resolved = [
        (c.reference.value, c.work, [(p.first, p.last) for p in c.pages]) for c in doc.citations
    ]
    assert resolved == [
        ("full", "work-quayle-1958", [("64", "65")]),
        ("full", "work-pascoe-1919", [("23", "23")]),
        ("op-cit", "work-fenwick-1983", [("12", "12")]),
        ("ibid", "work-fenwick-1983", [("40", "42")]),
        ("full", "work-ashby-1971", [("88", "88")]),
        ("op-cit", "work-quayle-1958", [("112", "112")]),  # note 1
        ("full", "work-pengelly-1968", [("131", "131")]),
        ("op-cit", None, [("9", "9")]),  # Trewin: planted
        ("full", "work-report-1891", [("7", "7")]),
        ("ibid", "work-report-1891", [("19", "21")]),
        ("op-cit", "work-ashby-1971", [("102", "104")]),  # note 2
        ("op-cit", "work-pascoe-1919", [("131", "131")]),
    ]


def test_citation_keeps_the_contribution_inside_the_edited_work(doc: Document) -> None:
    minutes = next(c for c in doc.citations if c.contribution_author)
    assert minutes.contribution_author == "Walter Pascoe"
    assert minutes.contribution_title == "Report to the First General Meeting"
    assert doc.text[minutes.start : minutes.end].startswith("(Walter Pascoe: Report")


def test_full_citation_carries_its_year(doc: Document) -> None:
    ashby = next(c for c in doc.citations if c.work == "work-ashby-1971")
    assert (ashby.author, ashby.title, ashby.year) == (
        "Ashby",
        "The Tanner on the East Coast",
        1971,
    )


def test_note_citations_come_from_the_notes_at_their_markers(doc: Document) -> None:
    assert [(m.number, m.note) for m in doc.note_markers] == [("1", "note-1"), ("2", "note-2")]
    assert [c.note for c in doc.citations if c.note] == ["note-1", "note-2"]
    assert not findings(doc, "XR003") and not findings(doc, "XR004")


def test_asterisks_link_to_glossary_entries(doc: Document) -> None:
    targets = [(r.name.split()[-1], r.target) for r in doc.cross_references]
    assert targets == [
        ("Cradock", "person-cradock"),
        ("Lambe", "person-lambe"),
        ("Pascoe", "person-pascoe"),
        ("Venning", None),
        ("Rowe", "person-rowe"),
        ("Marsh", "person-marsh"),
        ("Brightwell", "person-brightwell"),
    ]


def test_an_honorific_before_an_asterisked_name_is_not_a_forename(doc: Document) -> None:
    marsh = next(r for r in doc.cross_references if r.target == "person-marsh")
    assert marsh.name == "Edwin Marsh"


# --- the planted problems ----------------------------------------------------------------


def test_planted_1_asterisk_without_glossary_entry(doc: Document) -> None:
    assert findings(doc, "XR001") == ["Daniel Venning*"]


def test_planted_2_glossary_entry_nobody_references(doc: Document) -> None:
    assert findings(doc, "XR002") == ["OLVER"]


def test_planted_3_op_cit_by_an_author_with_no_work(doc: Document) -> None:
    assert findings(doc, "CI001") == ["(Trewin: op. cit.; p. 9)"]
    message = next(f.message for f in doc.findings if f.rule == "CI001")
    assert "no work by Trewin" in message


def test_planted_4_citation_of_a_work_missing_from_the_bibliography(doc: Document) -> None:
    [excerpt] = findings(doc, "CI002")
    assert excerpt.startswith("(Pengelly, Strike and Lock-Out on the Northern Quays")


def test_planted_5_silent_cut_at_a_colon_ending_a_paragraph(doc: Document) -> None:
    silent = [f for f in doc.findings if f.rule == "QU001"]
    assert [f.start for f in silent] == [offset_after(doc, "Cradock told the shareholders")]
    assert "nothing follows the colon" in silent[0].message


def test_planted_6_inverted_lifespan(doc: Document) -> None:
    assert findings(doc, "CH001") == ["1903-1847"]
    message = next(f.message for f in doc.findings if f.rule == "CH001")
    assert "Lambe" in message and "1847" in message and "1903" in message
    assert not findings(doc, "CH002")


def test_planted_7_truncated_last_bibliography_entry(doc: Document) -> None:
    assert [w.title for w in doc.all_works if not w.complete] == ["Stanmouth Shipping Gaz"]
    assert findings(doc, "TR002") == ["'Stanmouth Shipping Gaz"]
    message = next(f.message for f in doc.findings if f.rule == "TR002")
    assert "document ends inside it" in message
    assert not findings(doc, "TR001")  # an unfinished entry, reported once, by TR002


# --- no false alarms ---------------------------------------------------------------------


# The text just before each ordinary colon in the prose: none of them is a cut.
PROSE_COLONS = [
    "it lived by two trades",
    "The meeting adopted three demands",
    "The union grew quickly all the same",
    "skilled and dangerous work",
    "The reason for Lambe's move was plain",
    "The handbill posted at the dock gates that morning read",  # the quotation follows
    "one lesson above all others",
    "The call-on itself survived far longer",
]


@pytest.mark.parametrize("before", PROSE_COLONS)
def test_no_elision_reported_at_a_prose_colon(doc: Document, before: str) -> None:
    colon = offset_after(doc, before)
    assert doc.text[colon] == ":"
    assert not [f for f in doc.findings if f.rule == "QU001" and f.start <= colon < f.end]


def test_silent_cut_is_the_planted_colon_only(doc: Document) -> None:
    elided = [(doc.text[f.start : f.end], f.start) for f in doc.findings if f.rule == "QU001"]
    assert elided == [(":", offset_after(doc, "Cradock told the shareholders"))]


def test_declared_cuts_are_the_two_ellipses(doc: Document) -> None:
    declared = [(doc.text[f.start : f.end], f.start) for f in doc.findings if f.rule == "QU002"]
    assert declared == [
        ("...", offset_after(doc, '"was a cattle market ')),
        ("...", offset_after(doc, "appointed by the Company ")),
    ]
    assert {f.severity.value for f in doc.findings if f.rule == "QU002"} == {"info"}


def test_findings_are_the_planted_ones_and_one_uncited_entry(doc: Document) -> None:
    assert sorted({f.rule for f in doc.findings}) == [
        "CH001",
        "CI001",
        "CI002",
        "CI003",
        "QU001",
        "QU002",
        "TR002",
        "XR001",
        "XR002",
    ]
    assert findings(doc, "CI003")[0].startswith("Lister, Thomas:")
    assert len(findings(doc, "CI003")) == 1
    assert not findings(doc, "SD001")


# --- the command line --------------------------------------------------------------------


def test_check_exits_1_and_reports_every_planted_rule() -> None:
    result = CliRunner().invoke(app, ["check", str(EXAMPLE)])
    assert result.exit_code == 1
    for code in ("XR001", "XR002", "CI001", "CI002", "QU001", "CH001", "TR002"):
        assert f" {code} [" in result.stdout


def test_analyze_writes_a_dossier_that_validates(tmp_path: Path) -> None:
    output = tmp_path / "x.json"
    result = CliRunner().invoke(app, ["analyze", str(EXAMPLE), "-o", str(output)])
    assert result.exit_code == 0
    dossier = json.loads(output.read_text(encoding="utf-8"))
    jsonschema.validate(dossier, load_schema())
    assert len(dossier["people"]) == 8  # the glossary's seven and Daniel Venning
    assert len(dossier["citations"]) == 12


def test_no_name_is_read_inside_a_heading(doc: Document) -> None:
    headings = [(s.heading_start, s.heading_end) for s in doc.sections]
    assert not [doc.spoken(m) for m in doc.mentions if any(a <= m.start < b for a, b in headings)]
