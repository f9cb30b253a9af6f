"""Citations: parsed from parentheses and notes, then resolved to works in reading order."""

from __future__ import annotations

import pytest

import fontes
from fontes.model import Citation, Document, PageRange, Reference, Unresolved
from fontes.structure.citations import parse_citation, parse_pages

BIBLIOGRAPHY = (
    "\n\nBibliography\n\n"
    "Tremayne, Hilda: 'Wages and Tides'; Falmouth; 1961.\n"
    "Rosewarne, Jory: 'The Harbourmaster's Ledger'; Truro; 1974.\n"
)


def analyze(body: str, bibliography: str = BIBLIOGRAPHY) -> Document:
    return fontes.analyze(body + bibliography)


def rules(doc: Document, prefix: str = "") -> list[str]:
    return [f.rule for f in doc.findings if f.rule.startswith(prefix)]


def parse(text: str) -> Citation:
    citation = parse_citation(text, 0, len(text))
    assert citation is not None
    return citation


# Pages


def pages(text: str) -> list[tuple[str, str]]:
    return [(p.first, p.last) for p in parse_pages(text)]


def test_pages_abbreviated_range() -> None:
    assert pages("209-10") == [("209", "210")]


def test_pages_abbreviated_range_with_leading_zero() -> None:
    assert pages("107-09") == [("107", "109")]


def test_pages_list() -> None:
    assert pages("20, 26, 36") == [("20", "20"), ("26", "26"), ("36", "36")]


def test_pages_full_range_and_following() -> None:
    assert pages("99-101") == [("99", "101")]
    assert pages("12 ff.") == [("12", "12")]


def test_pages_roman() -> None:
    assert pages("iv-vi") == [("iv", "vi")]


def test_citation_pages_with_p() -> None:
    assert parse("Tremayne: 'Wages and Tides'; p. 209-10").pages == [PageRange("209", "210")]


def test_citation_pages_with_pp() -> None:
    assert parse("Ibid., pp. 107-09").pages == [PageRange("107", "109")]


def test_citation_page_list() -> None:
    assert [p.first for p in parse("Tremayne: 'Wages and Tides'; p. 20, 26, 36").pages] == [
        "20",
        "26",
        "36",
    ]


# Parsing


def test_parenthetical_author_colon_title() -> None:
    citation = parse("Tremayne: 'Wages and Tides'; p. 4")
    assert citation.reference is Reference.FULL
    assert (citation.author, citation.title) == ("Tremayne", "Wages and Tides")


def test_author_title_imprint_pages() -> None:
    citation = parse("Kerrow, A Harbour in Decline (Penzance, 1988), p. 45.")
    assert citation.reference is Reference.FULL
    assert (citation.author, citation.title, citation.year) == (
        "Kerrow",
        "A Harbour in Decline",
        1988,
    )
    assert citation.pages == [PageRange("45", "45")]


def test_an_article_title_in_quotation_marks_has_no_author() -> None:
    citation = parse('"Jory Keast, Wharfinger, Dies at Truro" _The Packet_, May 3, 1921, 4.')
    assert (citation.author, citation.title) == (None, "Jory Keast, Wharfinger, Dies at Truro")
    assert citation.pages == [PageRange("4", "4")]


def test_ibid() -> None:
    citation = parse("Ibid., p. 47.")
    assert citation.reference is Reference.IBID
    assert (citation.author, citation.title) == (None, None)


def test_op_cit_keeps_the_author() -> None:
    citation = parse("Kerrow, op. cit., p. 50.")
    assert (citation.reference, citation.author) == (Reference.OP_CIT, "Kerrow")


def test_loc_cit_keeps_the_author() -> None:
    citation = parse("Tremayne: loc. cit.")
    assert (citation.reference, citation.author) == (Reference.LOC_CIT, "Tremayne")


def test_author_date() -> None:
    citation = parse("Tremayne 1961: 12")
    assert citation.reference is Reference.AUTHOR_DATE
    assert (citation.author, citation.year) == ("Tremayne", 1961)
    assert citation.pages == [PageRange("12", "12")]


@pytest.mark.parametrize("text", ["which was rare", "1921", "see above", "in the spring"])
def test_a_parenthesis_that_cites_nothing(text: str) -> None:
    assert parse_citation(text, 0, len(text)) is None


def test_a_parenthetical_citation_in_the_body_is_found_with_its_offsets() -> None:
    body = "The dues rose sharply (Tremayne: 'Wages and Tides'; p. 4) that year."
    doc = analyze(body)
    (citation,) = doc.citations
    assert doc.text[citation.start : citation.end] == "(Tremayne: 'Wages and Tides'; p. 4)"
    assert citation.work == "work-tremayne-1961"


def test_a_place_and_year_is_not_an_author_date_citation() -> None:
    doc = analyze("The dockers struck (Penzance 1930) and again later.")
    assert doc.citations == []


def test_author_date_resolves_through_the_bibliography() -> None:
    doc = analyze("The dues rose sharply (Tremayne 1961: 12).")
    (citation,) = doc.citations
    assert citation.work == "work-tremayne-1961"


@pytest.mark.parametrize("cited", ["(Tremayne 1961, p. 12)", "(Tremayne, 1961, p. 12)"])
def test_author_date_with_page_abbreviation_resolves(cited: str) -> None:
    doc = analyze(f"The dues rose sharply {cited}.")
    (citation,) = doc.citations
    assert citation.reference is Reference.AUTHOR_DATE
    assert citation.work == "work-tremayne-1961"
    assert rules(doc, "CI00") == ["CI003"]


# Resolution


def test_op_cit_resolves_by_author_through_the_bibliography() -> None:
    doc = analyze("The quay was closed (Tremayne: op. cit.; p. 209-10).")
    (citation,) = doc.citations
    assert (citation.work, citation.unresolved) == ("work-tremayne-1961", None)


def test_op_cit_resolves_to_the_work_by_that_author_cited_before() -> None:
    doc = analyze(
        "First (Tremayne: 'Salt and Sail'; p. 2). Then (Tremayne: op. cit.; p. 3).",
        BIBLIOGRAPHY + "Tremayne, Hilda: 'Salt and Sail'; Falmouth; 1966.\n",
    )
    assert [c.work for c in doc.citations] == ["work-tremayne-1966", "work-tremayne-1966"]
    assert rules(doc, "CI001") == []


def test_ibid_resolves_to_the_previous_citations_work() -> None:
    doc = analyze(
        "Wages fell (Rosewarne: 'The Harbourmaster's Ledger'; p. 20). "
        "Dues rose (Ibid., pp. 107-09)."
    )
    assert [c.reference for c in doc.citations] == [Reference.FULL, Reference.IBID]
    assert [c.work for c in doc.citations] == ["work-rosewarne-1974", "work-rosewarne-1974"]


def test_ibid_after_an_op_cit() -> None:
    doc = analyze("Closed (Tremayne: op. cit.; p. 4). Reopened (Ibid., p. 5).")
    assert [c.work for c in doc.citations] == ["work-tremayne-1961", "work-tremayne-1961"]


def test_op_cit_is_ambiguous_when_two_works_share_the_author() -> None:
    doc = analyze(
        "The quay was closed (Tremayne: op. cit.; p. 4).",
        BIBLIOGRAPHY + "Tremayne, Hilda: 'Salt and Sail'; Falmouth; 1966.\n",
    )
    (citation,) = doc.citations
    assert citation.work is None
    assert citation.unresolved is Unresolved.AMBIGUOUS
    assert citation.candidates == ["work-tremayne-1961", "work-tremayne-1966"]
    (finding,) = [f for f in doc.findings if f.rule == "CI001"]
    assert "there are 2 works by Tremayne" in finding.message
    assert "'Wages and Tides'" in finding.message and "'Salt and Sail'" in finding.message
    assert doc.text[finding.start : finding.end] == "(Tremayne: op. cit.; p. 4)"


def test_op_cit_by_an_author_nowhere_cited_or_listed() -> None:
    doc = analyze("The quay was closed (Penrose: op. cit.; p. 4).")
    assert [c.unresolved for c in doc.citations] == [Unresolved.NO_WORK]
    (finding,) = [f for f in doc.findings if f.rule == "CI001"]
    assert "no work by Penrose" in finding.message


def test_op_cit_without_an_author_and_an_ibid_repeating_an_unresolved_citation() -> None:
    doc = analyze("Closed (Op. cit., p. 4). Then (Ibid., p. 5).")
    assert [(c.reference, c.work, c.unresolved) for c in doc.citations] == [
        (Reference.OP_CIT, None, Unresolved.NO_AUTHOR),
        (Reference.IBID, None, Unresolved.PRECEDING_UNRESOLVED),
    ]
    assert rules(doc, "CI001") == ["CI001", "CI001"]


def test_ibid_first_in_the_document_is_unresolved() -> None:
    doc = analyze("The quay was closed (Ibid., p. 4). Then (Tremayne: 'Wages and Tides'; p. 5).")
    assert doc.citations[0].work is None
    assert doc.citations[0].unresolved is Unresolved.NO_PRECEDING
    assert doc.citations[1].unresolved is None
    (finding,) = [f for f in doc.findings if f.rule == "CI001"]
    assert "no citation precedes it" in finding.message
    assert doc.text[finding.start : finding.end] == "(Ibid., p. 4)"


def test_a_full_citation_of_an_unlisted_work_is_reported() -> None:
    doc = analyze("Dues rose (Penrose: 'Quay Dues'; p. 4).")
    (citation,) = doc.citations
    work = next(w for w in doc.all_works if w.id == citation.work)
    assert not work.listed and (work.title, work.authors) == ("Quay Dues", ["Penrose"])
    (finding,) = [f for f in doc.findings if f.rule == "CI002"]
    assert "'Quay Dues'" in finding.message
    assert doc.text[finding.start : finding.end] == "(Penrose: 'Quay Dues'; p. 4)"


def test_ibid_after_a_citation_of_an_unlisted_work_resolves_to_it() -> None:
    doc = analyze("Dues rose (Penrose: 'Quay Dues'; p. 4). Then (Ibid., p. 5).")
    first, second = doc.citations
    assert first.work is not None and second.work == first.work
    assert rules(doc, "CI001") == []


def test_no_missing_from_bibliography_when_there_is_no_bibliography() -> None:
    doc = analyze("Dues rose (Penrose: 'Quay Dues'; p. 4).", bibliography="\n")
    assert rules(doc, "CI002") == []


def test_an_uncited_bibliography_entry_is_reported_as_info() -> None:
    doc = analyze("The dues rose (Tremayne: 'Wages and Tides'; p. 4).")
    (finding,) = [f for f in doc.findings if f.rule == "CI003"]
    assert finding.severity == "info"
    assert "'The Harbourmaster's Ledger'" in finding.message
    assert doc.text[finding.start : finding.end].startswith("Rosewarne, Jory:")


def test_all_citations_resting_on_one_work_are_reported() -> None:
    doc = analyze(
        "Closed (Tremayne: op. cit.; p. 4). Reopened (Ibid., p. 5). "
        "Sold (Tremayne: 'Wages and Tides'; p. 9)."
    )
    (finding,) = [f for f in doc.findings if f.rule == "SD001"]
    assert "all 3 citations rest on one work" in finding.message
    assert "the other 1 works in the bibliography are never cited" in finding.message


def test_two_citations_on_one_work_are_not_single_source() -> None:
    doc = analyze("Closed (Tremayne: op. cit.; p. 4). Reopened (Ibid., p. 5).")
    assert rules(doc, "SD") == []


def test_citations_on_two_works_are_not_single_source() -> None:
    doc = analyze(
        "A (Tremayne: op. cit.; p. 4). B (Ibid., p. 5). "
        "C (Rosewarne: 'The Harbourmaster's Ledger'; p. 9)."
    )
    assert rules(doc, "SD") == []


# Citations as real books write them: each test text is made up, in the shape met.
@pytest.mark.parametrize(
    ("text", "author", "title", "locus"),
    [
        ("Tac. _Ann._ ii. 9.", "Tac.", "Ann.", "ii. 9"),
        ("Livy, l. xxi. p. 42.", "Livy", None, "l. xxi. p. 42"),
        ("Jornandes, _De Rebus Geticis_, cap. 28.", "Jornandes", "De Rebus Geticis", "cap. 28"),
        ("Tac. Ann. 1.2", "Tac.", "Ann.", "1.2"),
    ],
)
def test_a_classical_reference_is_an_author_work_and_locus(
    text: str, author: str, title: str | None, locus: str
) -> None:
    citation = parse_citation(text, 0, len(text))
    assert citation is not None and citation.reference is Reference.CLASSICAL
    assert (citation.author, citation.title, citation.locus) == (author, title, locus)


def test_two_ancient_authors_stay_two_works_and_their_books_one_each() -> None:
    text = (
        "The legions wavered.[1] The tribes rose.[2] The emperor fled.[3]\n\n"
        "[1] Tac. _Ann._ ii. 9.\n\n[2] Livy, l. xxi. p. 42.\n\n[3] Tac. _Ann._ iv. 3.\n"
    )
    doc = fontes.analyze(text)
    works = {w.id: w for w in doc.cited_works}
    first, second, third = (works[c.work or ""] for c in doc.citations)
    assert first is third and first is not second
    assert (first.authors, first.title) == (["Tac."], "Ann.")
    assert [c.locus for c in doc.citations] == ["ii. 9", "l. xxi. p. 42", "iv. 3"]


def test_chicago_notes_full_then_short_form_then_ibid_with_bare_pages() -> None:
    text = (
        "The mill burned.[1] It was rebuilt.[2] It burned again.[3]\n\n"
        "Notes\n\n"
        "1. Hart, The Mill on the Tees (London: Dent, 1961), 12-14.\n"
        "2. Hart, Mill on the Tees, 50.\n"
        "3. Ibid., 52.\n"
    )
    doc = fontes.analyze(text)
    assert [(c.reference.value, c.work, [str(p) for p in c.pages]) for c in doc.citations] == [
        ("full", "work-hart-1961", ["12-14"]),
        ("full", "work-hart-1961", ["50"]),
        ("ibid", "work-hart-1961", ["52"]),
    ]


def test_a_note_citing_two_works_then_ibid_is_ambiguous() -> None:
    text = (
        "Both diaries say so.[1] And again.[2]\n\n"
        "[1] Evelyn, Diary (London, 1818), 12; Pepys, Diary (London, 1825), 40.\n\n"
        "[2] Ibid., 41.\n"
    )
    doc = fontes.analyze(text)
    assert [c.author for c in doc.citations] == ["Evelyn", "Pepys", None]
    ibid = doc.citations[-1]
    assert ibid.unresolved is Unresolved.PRECEDING_SEVERAL and ibid.work is None
    assert len(ibid.candidates) == 2
    assert any(f.rule == "CI001" and "cites 2 works" in f.message for f in doc.findings)


def test_citations_in_sentences_of_their_own_are_two() -> None:
    text = (
        "The dues were light.[1]\n\n"
        "[1] See the Harbour Journals, March 20, 1688-9.\nPenhale's State of Cornwall, 1684.\n"
    )
    doc = fontes.analyze(text)
    assert [(c.author, c.title, c.year) for c in doc.citations] == [
        (None, "the Harbour Journals", None),
        ("Penhale", "State of Cornwall", 1684),
    ]


def test_author_date_variants() -> None:
    text = (
        "Wages fell (Hart 1961, 12) and rose (Smith 1990: 45); Smith (1990, 45) agrees, "
        "as do others (Smith 1990, pp. 4-6; Jones 1988).\n\n"
        "References\n\n"
        "Hart, John. The Mill. London: Dent, 1961.\n"
        "Jones, Kate. Wages. Leeds: Moor, 1988.\n"
        "Smith, Anne. Tides. York: Ouse, 1990.\n"
    )
    doc = fontes.analyze(text)
    found = [(c.author, c.year, [str(p) for p in c.pages]) for c in doc.citations]
    assert found == [
        ("Hart", 1961, ["12"]),
        ("Smith", 1990, ["45"]),
        ("Smith", 1990, ["45"]),
        ("Smith", 1990, ["4-6"]),
        ("Jones", 1988, []),
    ]


def test_a_year_ending_a_note_is_no_page() -> None:
    citation = parse_citation("Blome's Britannia, 1673.", 0, 24)
    assert citation is not None and citation.pages == []
    assert (citation.author, citation.title, citation.year) == ("Blome", "Britannia", 1673)


# Short forms as plain-text editions of older books print them


def test_an_italic_title_says_where_the_author_ends() -> None:
    citation = parse("Bassett, _Slavery in N.C._, pp. 74-75.")
    assert (citation.author, citation.title) == ("Bassett", "Slavery in N.C.")
    assert [(p.first, p.last) for p in citation.pages] == [("74", "75")]


def test_an_italic_title_alone_has_no_author() -> None:
    citation = parse("_Proceedings of the American Convention_, etc., 1801, p. 12.")
    assert (citation.author, citation.title, citation.year) == (
        None,
        "Proceedings of the American Convention",
        1801,
    )


def test_passim_cites_the_whole_work() -> None:
    citation = parse("An Address to the Shipowners of Falmouth, _passim_.")
    assert (citation.title, citation.pages) == ("An Address to the Shipowners of Falmouth", [])


def test_ibid_followed_by_a_locator_has_no_title() -> None:
    citation = parse("_Ibid._, 1801, Report from Truro.")
    assert (citation.reference, citation.author, citation.title) == (Reference.IBID, None, None)


def test_a_diary_entry_by_its_day_is_no_title() -> None:
    citation = parse("Evelyn's Diary, June 2, 1675.")
    assert (citation.author, citation.title, citation.year) == ("Evelyn", "Diary", 1675)


def test_a_sentence_is_no_citation() -> None:
    text = (
        'Paul Keast, a son of the harbourmaster of Truro, said: "In my boyhood I often saw '
        "the pilots come in from the Manacles, and my father would go down to the quay to "
        'meet them, whatever the hour and however foul the night had been," p. 75.'
    )
    assert parse_citation(text, 0, len(text)) is None


@pytest.mark.parametrize(
    ("short", "full", "matches"),
    [
        ("Am. Conv.", "Proceedings of the American Convention of Abolition Societies", True),
        ("Education in Pa.", "A History of Education in Pennsylvania, Private and Public", True),
        ("Slavery in N.C.", "Slavery in the State of North Carolina", True),
        (
            "Am. Conv.",
            "Slavery in the United States of America, presented to the "
            "General Anti-Slavery Society and read before its Convention",
            False,
        ),
        (
            "The Philadelphia Negro",
            "Statistical Inquiry into the Condition of the People of Philadelphia",
            False,
        ),
    ],
)
def test_short_titles_and_abbreviations(short: str, full: str, matches: bool) -> None:
    from fontes.structure.citations import title_score

    assert (title_score(short, full) >= 80) is matches


def test_of_two_titles_holding_a_short_form_the_closer_is_cited() -> None:
    from fontes.structure.citations import title_score

    short = "Slavery in North Carolina"
    assert title_score(short, "Slavery in the State of North Carolina") > title_score(
        short, "Slavery and Servitude in the Colony of North Carolina"
    )


NOTES_19TH_CENTURY = (
    "The pilots struck in the spring.[1] The owners gave way.[2] The dues fell.[3]\n\n"
    "[Footnote 1: _Ibid._, p. 12, and Quaker Pamphlet, p. 40.]\n\n"
    "[Footnote 2: The owners met at the Red Lion and resolved to yield. See Keast,\n"
    "_The Quays of Truro_, p. 61.]\n\n"
    "[Footnote 3: Parish, _Remarks on the Pilots_, etc., p. 43.]\n\n"
    "BIBLIOGRAPHY\n\n"
    "KEAST, R.M. _The Quays of Truro in the Eighteenth Century_. (Truro, 1931.)\n\n"
    "PARRISH, JOHN. _Remarks on the Pilots of the Fal_. (Falmouth, 1808.)\n\n"
    "Quaker Pamphlet.\n"
)


def test_notes_in_the_forms_of_a_nineteenth_century_book() -> None:
    doc = fontes.analyze(NOTES_19TH_CENTURY)
    works = {work.id: work for work in doc.all_works}
    cited = [
        (doc.text[c.start : c.end], works[c.work].title if c.work else None)
        for c in doc.citations
        if c.reference is not Reference.IBID
    ]
    assert cited == [
        ("Quaker Pamphlet, p. 40.", "Quaker Pamphlet"),
        ("Keast,\n_The Quays of Truro_, p. 61.", "The Quays of Truro in the Eighteenth Century"),
        ("Parish, _Remarks on the Pilots_, etc., p. 43.", "Remarks on the Pilots of the Fal"),
    ]


def test_a_full_note_in_a_modern_style_is_read_by_the_reference_parser() -> None:
    doc = fontes.analyze(
        "The dues were studied long ago.[^1] And again.[^2]\n\n"
        '[^1]: Keast, Rowena. "Dues and Tides," _Cornish Notes_ 12 (2016): 33-41. '
        "<https://example.org/dues>\n\n"
        "[^2]: Ibid., 35. The study has since been overtaken by the work of the county "
        "record office, which we have not been able to see.\n"
    )
    full, ibid = doc.citations
    assert (full.author, full.title, full.year) == ("Keast, Rowena", "Dues and Tides", 2016)
    assert ibid.work == full.work and [str(p) for p in ibid.pages] == ["35"]


def test_short_forms_inside_a_notes_sentences() -> None:
    doc = fontes.analyze(
        "The ship came in late.[^1]\n\n"
        "[^1]: Her arrival is given as 29 August in Tremayne, Wages, p. 52, and as 30 "
        "August in Rosewarne, op. cit., p. 238.\n" + BIBLIOGRAPHY
    )
    assert [(c.author, c.work, [str(p) for p in c.pages]) for c in doc.citations] == [
        ("Tremayne", "work-tremayne-1961", ["52"]),
        ("Rosewarne", "work-rosewarne-1974", ["238"]),
    ]


def test_op_cit_after_two_works_by_its_author_is_ambiguous() -> None:
    doc = fontes.analyze(
        "One.[1] Two.[2] Three.[3]\n\nNotes\n\n"
        "1. Tremayne, Wages and Tides (Falmouth, 1961), p. 4.\n"
        "2. Tremayne, Tides Again (Falmouth, 1965), p. 9.\n"
        "3. Tremayne, op. cit., p. 12.\n"
    )
    op_cit = doc.citations[-1]
    assert (op_cit.work, op_cit.unresolved) == (None, Unresolved.AMBIGUOUS)
    assert len(op_cit.candidates) == 2


def test_a_french_note_with_guillemets_entities_and_voir() -> None:
    doc = fontes.analyze(
        "Le port fut agrandi.[^1]\n\n"
        "[^1]: Voir par exemple Jory Rosewarne et Hilda Tremayne. «&nbsp;Les marées et les "
        "salaires&nbsp;». In *Actes du colloque de Brest*, dirigé par Anne Le Grice (Brest, "
        "2009), 33-41. [https://example.org/marees](https://example.org/marees)\n"
    )
    (citation,) = doc.citations
    assert (citation.author, citation.title, citation.year) == (
        "Jory Rosewarne",
        "Les marées et les salaires",
        2009,
    )
    assert [str(p) for p in citation.pages] == ["33-41"]


def test_an_author_date_citation_takes_the_work_of_its_year() -> None:
    doc = analyze(
        "The quay was rebuilt (Tremayne 1965, 4), and rebuilt again (Tremayne 1970, 9).",
        "\n\nReferences\n\n"
        "Tremayne, Hilda. 1961. Wages and Tides. Falmouth: Penryn Press.\n"
        "---. 1965. Tides Again. Falmouth: Penryn Press.\n",
    )
    first, second = doc.citations
    assert first.work is not None and doc.all_works[1].id == first.work
    assert (second.work, second.unresolved) == (None, Unresolved.NO_YEAR)
    assert rules(doc, "CI001") == ["CI001"]


def test_an_archival_citation_by_its_shelfmark() -> None:
    doc = fontes.analyze(
        "The dues were paid.[1]\n\nNotes\n\n"
        "1. Truro Record Office, TR 4/2.\n\n"
        "Sources\n\n"
        "Truro Record Office. Harbour Dues Book, 1702-1731. TR 4/2.\n"
    )
    (citation,) = doc.citations
    assert citation.work == doc.works[0].id


def test_in_a_text_that_cites_author_date_an_unlisted_author_is_cited_too() -> None:
    doc = analyze(
        "The quay was rebuilt (Tremayne 1961, 4) and again (Tremayne 1961, 9), the pilots "
        "struck (Rosewarne 1974, 2), and the dues fell (Marsh 1972).",
        "\n\nReferences\n\n"
        "Tremayne, Hilda. 1961. Wages and Tides. Falmouth: Penryn Press.\n"
        "Rosewarne, Jory. 1974. The Harbourmaster's Ledger. Truro: Penryn Press.\n",
    )
    assert [c.author for c in doc.citations][-1] == "Marsh"
    assert rules(doc, "CI002") == ["CI002"]


def test_a_place_and_a_year_in_brackets_is_no_citation_where_few_are_author_date() -> None:
    doc = analyze("The trial was held in the capital (Moscow 1930) before a packed hall.")
    assert doc.citations == []


def test_an_uncited_entry_is_reported_only_when_some_citation_reaches_the_bibliography() -> None:
    cited = analyze("The dues rose (Tremayne: 'Wages and Tides'; p. 4).")
    assert rules(cited, "CI003") == ["CI003"]  # Rosewarne is never cited
    assert rules(analyze("The dues rose, as the ledgers show."), "CI003") == []
