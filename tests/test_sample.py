"""End to end on the shared sample: a chapter on a 1930 trial, OCR-damaged, cut-down apparatus.

These expectations belong to that one document and live here, never in the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fontes import analyze_file
from fontes.model import Document

SAMPLE = Path(__file__).parents[1].parent / "shared" / "samples" / "industrial-party.txt"

pytestmark = pytest.mark.skipif(
    not SAMPLE.exists(), reason=f"shared sample not found at {SAMPLE} (../shared is absent)"
)


@pytest.fixture(scope="module")
def doc() -> Document:
    return analyze_file(SAMPLE)


def findings(doc: Document, rule: str) -> list[str]:
    return [doc.text[f.start : f.end] for f in doc.findings if f.rule == rule]


def test_all_six_section_headings_three_of_them_run_in(doc: Document) -> None:
    headings = [(s.title, s.run_in, s.period.edtf if s.period else None) for s in doc.sections]
    assert headings == [
        ("The Formation of the 'Industrial Party'", False, "1925/1928"),
        ("The Growth and Financing of,the Industrial Party", True, "1928/1930"),
        ("The Plans for Foreign Intervention", True, "1928/1930"),
        ("The Trial", False, "1930"),
        ("International Reactions", False, "1930"),
        ("Aftermath", True, None),
    ]


def test_sections_cover_the_body_in_order(doc: Document) -> None:
    assert doc.sections[0].start == 0
    for before, after in zip(doc.sections, doc.sections[1:], strict=False):
        assert before.end <= after.start
    assert doc.text[doc.sections[-1].end - 10 : doc.sections[-1].end] == "amnestied:"


def test_ten_glossary_persons_with_lifespans_as_printed(doc: Document) -> None:
    lifespans = {e.surname: e.lifespan.edtf for e in doc.glossary if e.lifespan}
    assert lifespans == {
        "BRIAND": "1862/1932",
        "DETERDING": "1866/1939",
        "KRASNOV": "1869/1947",
        "KRYLENKO": "1885/1938",
        "LAWRENCE": "1883/1935",
        "LUKOMSKY": "1868/1939",
        "POINCARE": "1860/1934",
        "RAMZIN": "1887/1948",
        "VYSHINSKY": "1993/1954",  # as printed, not silently fixed
        "WRANGEL": "1878/1928",
    }


def test_glossary_roles_keep_their_periods(doc: Document) -> None:
    ramzin = next(e for e in doc.glossary if e.surname == "RAMZIN")
    assert ramzin.forenames == "Leonid K."
    roles = [(r.title, r.period.edtf if r.period else None) for r in ramzin.roles]
    assert ("Director, All-Union Heat Engineering Institute", "1921/1930") in roles
    assert ("imprisoned", "1930/1932") in roles
    poincare = next(e for e in doc.glossary if e.surname == "POINCARE")
    premier = next(r for r in poincare.roles if r.title == "Premier")
    assert premier.period.edtf == "{1911..1913,1922..1924,1926..1929}"
    wrangel = next(e for e in doc.glossary if e.surname == "WRANGEL")
    assert wrangel.honorific == "Baron"
    assert "Brussels" in wrangel.places


def test_inverted_lifespan_is_reported_with_both_years(doc: Document) -> None:
    messages = [f.message for f in doc.findings if f.rule == "CH001"]
    assert len(messages) == 1
    assert "1954" in messages[0] and "1993" in messages[0]
    assert findings(doc, "CH001") == ["1993-1954"]


def test_ten_complete_bibliography_works_with_years(doc: Document) -> None:
    complete = [(w.authors + w.editors, w.year) for w in doc.all_works if w.complete]
    assert complete == [
        (["Chamberlin, William H."], 1935),
        (["Conquest, Robert"], 1871),
        (["Fischer, Louis"], 1932),
        (["Holmes, Walter H."], 1930),
        (["Krylenko, Nikolay"], 1931),
        (["Rothstein, Andrew"], 1931),
        (["Scheffer, Paul"], 1931),
        (["Tucker, Robert C."], 1990),
        ([], 1931),
        ([], 1978),
    ]
    rothstein = next(w for w in doc.all_works if w.editors == ["Rothstein, Andrew"])
    assert rothstein.title == "Wreckers on Trial" and rothstein.place == "London"
    anonymous = [w for w in doc.all_works if w.anonymous]
    assert [w.title for w in anonymous] == ["Le proces des industriels de Moscou"]
    tucker = next(w for w in doc.all_works if w.year == 1990)
    assert tucker.title == "Stalin in Power: The Revolution from above: 1928-1941"


def test_truncated_last_bibliography_entry_is_reported(doc: Document) -> None:
    truncated = [w for w in doc.all_works if not w.complete]
    assert [w.title for w in truncated] == ["New York Times"]
    assert findings(doc, "TR002") == ["'New York Times"]
    assert "document ends inside it" in next(f.message for f in doc.findings if f.rule == "TR002")


def test_five_citations_resolved_to_the_edited_trial_record_with_pages(doc: Document) -> None:
    rothstein = next(w.id for w in doc.all_works if w.editors == ["Rothstein, Andrew"])
    resolved = [
        (c.reference.value, c.work, [(p.first, p.last) for p in c.pages]) for c in doc.citations
    ]
    assert resolved == [
        ("op-cit", rothstein, [("6", "6")]),
        ("ibid", rothstein, [("20", "20"), ("26", "26"), ("36", "36")]),
        ("ibid", rothstein, [("209", "210")]),
        ("ibid", rothstein, [("212", "212")]),
        ("op-cit", rothstein, [("107", "109")]),
    ]
    assert not findings(doc, "CI001") and not findings(doc, "CI002")


def test_citation_keeps_the_contribution_inside_the_edited_work(doc: Document) -> None:
    first = doc.citations[0]
    assert first.contribution_author == "Leonid Ramzin"
    assert first.contribution_title == "Evidence at Industrial Party Trial"
    assert doc.text[first.start : first.end].startswith("(Leonid Ramzin: Evidence")


def test_single_source_dependence_is_reported(doc: Document) -> None:
    [finding] = [f for f in doc.findings if f.rule == "SD001"]
    assert "all 5 citations rest on one work" in finding.message
    assert "Wreckers on Trial" in finding.message


# Offsets of colons (and one paragraph break) where quoted words were cut, as a reader marks
# them by hand: the text before each is given, so that the list reads as a checklist.
EXPECTED_ELISIONS = [
    "he had been the",
    "constituted",
    "hostile to socialism",
    "sabotage and counter-revolution",
    "Torgrom was",
    "The Industrial Party",
    "members of the Industrial Party",
    "primarily on foreign intervention",
    "allied itself with",
    "and also engaged in",
    "to a small extent by Torgprom",
    "intervention force would be",
    "Pyotr Krasnov*",
    "France",
    "while Britain",
    "Moscow and Leningrad",
    "General Aleksandr Lukomsky*",
    "a military dictatorship",
    "territorial concessions",
    "He was informed that Poincare ",
    "Ramzin testified",
    "his scientific work on boiler design",
    "its declaration of innocence was",
    "in the statement that it would",
    "On 27 November",
    "where he had been",
    "the charges and the trial as",
    "journalists were more honest",
    "paid tribute to the skill of the prosecutor",
    "against the defendants as proved",
    "prosecution had proved its case",
    "Ramzin was amnestied",
]


def test_elided_quotations_found(doc: Document) -> None:
    elided = [q for q in doc.quotations if q.elided]
    found_after = [doc.text[: q.start].rstrip("\n") for q in elided]
    for before in EXPECTED_ELISIONS:
        assert any(text.endswith(before) for text in found_after), f"missed: ...{before}:"


def test_elisions_have_few_false_alarms(doc: Document) -> None:
    elided = [q for q in doc.quotations if q.elided]
    found_after = [doc.text[: q.start].rstrip("\n") for q in elided]
    false_alarms = [
        text[-40:]
        for text in found_after
        if not any(text.endswith(before) for before in EXPECTED_ELISIONS)
    ]
    assert false_alarms == []


def test_colons_in_the_apparatus_are_not_elisions(doc: Document) -> None:
    elided = {q.start for q in doc.quotations if q.elided}
    apparatus = [c for c in doc.citations] + [w for w in doc.all_works] + list(doc.glossary)
    assert not [r for r in apparatus if any(r.start <= at < r.end for at in elided)]


def test_asterisks_link_to_glossary_entries(doc: Document) -> None:
    targets = {r.name: r.target for r in doc.cross_references}
    assert targets["Leonid Ramzin"] == "person-ramzin"
    assert targets["Raymond Poincare"] == "person-poincare"
    assert targets["Pyotr Wrangel"] == "person-wrangel"
    assert len(doc.cross_references) == 9


def test_asterisk_that_points_nowhere_is_reported(doc: Document) -> None:
    assert findings(doc, "XR005") == ["Nikolay Kryenko*"]  # no entry under that spelling
    message = next(f.message for f in doc.findings if f.rule == "XR005")
    assert "KRYLENKO" in message


def test_glossary_entry_nobody_references_is_reported(doc: Document) -> None:
    assert findings(doc, "XR002") == ["DETERDING"]


def test_uncited_bibliography_entries_are_info(doc: Document) -> None:
    uncited = [f for f in doc.findings if f.rule == "CI003"]
    assert len(uncited) == 9
    assert {f.severity.value for f in uncited} == {"info"}


def test_findings_carry_line_and_column(doc: Document) -> None:
    [finding] = [f for f in doc.findings if f.rule == "XR005"]
    line = doc.text.splitlines()[finding.line - 1]
    assert line[finding.column - 1 :].startswith("Nikolay Kryenko*")


# Entities: who is who, however the text spells them.


def person(doc: Document, surname: str, forenames: str = ""):
    return next(
        e
        for e in doc.entities
        if e.surname.lower() == surname.lower() and e.forenames.startswith(forenames)
    )


def spelled(doc: Document, entity) -> set[str]:
    return {doc.text[m.start : m.end] for m in entity.mentions}


def test_ocr_garbled_name_is_linked_and_reported(doc: Document) -> None:
    ramzin = person(doc, "Ramzin")
    assert "Leonid Rainzin" in spelled(doc, ramzin)
    assert findings(doc, "OC002") == ["Leonid Rainzin"]
    assert "'Ramzin'" in next(f.message for f in doc.findings if f.rule == "OC002")


def test_misspelt_asterisk_links_to_its_glossary_person(doc: Document) -> None:
    assert spelled(doc, person(doc, "Krylenko")) == {"Nikolay Kryenko"}


def test_organisation_spelt_three_ways_is_one_body(doc: Document) -> None:
    body = next(e for e in doc.entities if e.name == "Torgprom")
    assert {"Torgrom", "Russian Trade and Industrial Committee"} <= set(body.aliases)
    assert findings(doc, "NV001").count("Torgrom") == 1


def test_brothers_sharing_a_surname_stay_two_people(doc: Document) -> None:
    pavel, vladimir = person(doc, "Riabushinsky", "Pavel"), person(doc, "Riabushinsky", "Vlad")
    assert pavel.id != vladimir.id
    ambiguous = [doc.text[m.start : m.end] for m in doc.mentions if m.candidates]
    assert "Ryabushinsky" in ambiguous  # could be either brother
    assert "Ryabushinsky" in findings(doc, "NV001")


def test_transliterated_forename_is_one_person(doc: Document) -> None:
    vyshinsky = person(doc, "Vyshinsky")
    assert vyshinsky.name == "Andrei I. Vyshinsky"
    assert spelled(doc, vyshinsky) == {"Andrey Vyshinsky"}
    assert "Andrey Vyshinsky" in findings(doc, "NV001")


def test_garbled_words_reported_with_corrections(doc: Document) -> None:
    corrections = {doc.text[g.start : g.end]: g.correction for g in doc.garbles}
    assert corrections["Ijniversity"] == "University"
    assert corrections["Commissaar"] == "Commissar"
    assert corrections["~.Thite"] == "White"
    assert corrections["of,the"] == "of the"
    assert len(corrections) == 4  # and nothing else: names and foreign words are left alone


# --- time and chronology -----------------------------------------------------------------


def messages(doc: Document, rule: str) -> list[str]:
    return [f.message for f in doc.findings if f.rule == rule]


def test_chronology_contradictions_are_reported_with_both_dates(doc: Document) -> None:
    assert messages(doc, "CH001") == [
        "lifespan of Andrei I. Vyshinsky ends (1954) before it begins (1993)"
    ]
    [inverted_role] = messages(doc, "CH002")
    assert "ends in 1933, before it begins in 1939" in inverted_role
    [death] = messages(doc, "CH004")
    assert "Deterding's death is dated 1938 here" in death and "gives 1939" in death
    [evacuated] = messages(doc, "CH003")
    assert "'evacuated to Constantinople' is dated 1929, after" in evacuated
    assert "Wrangel's death in 1928" in evacuated
    [book] = messages(doc, "CH006")
    assert "is dated 1871, before the period it treats ('the Thirties', 193X)" in book


def test_the_trials_dates_are_events_with_full_dates(doc: Document) -> None:
    dated = {doc.text[e.date_start : e.date_end]: e.edtf for e in doc.events}
    assert dated["25 November 1930"] == "1930-11-25"  # the trial begins
    assert dated["7 December 1930"] == "1930-12-07"  # it ends
    assert dated["8 December"] == "1930-12-08"  # the sentences commuted
    for day in ("24 November 1930", "27 November", "28 November", "30 November"):
        assert dated[day] == f"1930-11-{day.split()[0]:0>2}"  # the reports between


def test_two_years_later_agrees_with_the_year_beside_it(doc: Document) -> None:
    [later] = [t for t in doc.times if doc.text[t.start : t.end] == "Two years later"]
    assert later.edtf == "1932"
    assert messages(doc, "CH005") == []


def test_no_person_is_said_to_act_after_death(doc: Document) -> None:
    assert messages(doc, "CH007") == []
