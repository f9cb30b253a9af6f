"""TEI P5 export: valid against tei_all, the running text kept exactly, records marked up."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import fontes
from fontes import analyze_file
from fontes.export.tei import TEI_NS, to_tei
from fontes.model import (
    Citation,
    Document,
    EntityKind,
    Mention,
    Quotation,
    Reference,
    Span,
    TimeExpression,
    TimeType,
)
from fontes.reading import find_paragraphs

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT.parent / "shared" / "samples" / "industrial-party.txt"
EXAMPLE = ROOT / "examples" / "dock-strike.txt"
NS = {"tei": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

ORLOV = "\n\nORLOV, Pavel A., miller (1861-1930); mayor of Tver (1905-10).\n"
BIBLIOGRAPHY = (
    "\n\nBibliography\n\n"
    "Tremayne, Hilda: 'Wages and Tides'; Falmouth; 1961.\n"
    "Rosewarne, Jory: 'The Harbourmaster's Ledger'; Truro; 1974.\n"
)
NOTES = "\n\nNotes\n\n[1] Tremayne, op. cit., p. 45.\n[2] Ibid., p. 47.\n"


@pytest.fixture(scope="module")
def example() -> Document:
    return analyze_file(EXAMPLE)


@pytest.fixture(scope="module")
def sample() -> Document:
    if not SAMPLE.exists():
        pytest.skip(f"shared sample not found at {SAMPLE} (../shared is absent)")
    return analyze_file(SAMPLE)


def export(doc: Document) -> etree._Element:
    return etree.fromstring(to_tei(doc))


def assert_valid(schema: etree.RelaxNG, tei: etree._Element) -> None:
    if not schema.validate(tei):
        pytest.fail("not valid TEI:\n" + "\n".join(str(error) for error in schema.error_log))


def body_text(tei: etree._Element) -> str:
    """The text of the body's paragraphs and headings, in order, markup ignored."""
    return "".join(
        "".join(element.itertext())
        for element in tei.iterfind("tei:text/tei:body//*", NS)
        if element.tag in (f"{{{TEI_NS}}}p", f"{{{TEI_NS}}}head")
    )


def running_text(doc: Document) -> str:
    """What the body must hold: paragraphs with prose outside the apparatus (or a citation
    outside the notes), and the headings of sections that have such paragraphs."""
    notes = [(note.start, note.end) for note in doc.notes]
    cited = [c.start for c in doc.citations if not any(a <= c.start < b for a, b in notes)]
    running = [
        p
        for p in doc.paragraphs
        if any(
            not char.isspace() and not doc.in_apparatus(offset)
            for offset, char in enumerate(doc.text[p.start : p.end], p.start)
        )
        or any(p.start <= start < p.end for start in cited)
    ]
    spans = [(p.start, p.end) for p in running]
    following = [section.heading_start for section in doc.sections[1:]] + [len(doc.text)]
    for section, next_heading in zip(doc.sections, following, strict=True):
        run_in = any(p.start <= section.heading_start < p.end for p in running)
        has_text = any(section.heading_end <= p.start < next_heading for p in running)
        if has_text and not run_in:
            spans.append((section.heading_start, section.heading_end))
    return "".join(doc.text[start:end] for start, end in sorted(spans))


def only(tei: etree._Element, path: str) -> etree._Element:
    (element,) = tei.xpath(path, namespaces=NS)
    return element


# The shared sample and the example


@pytest.mark.parametrize("name", ["example", "sample"])
def test_valid_against_tei_all(
    name: str, request: pytest.FixtureRequest, tei_all: etree.RelaxNG
) -> None:
    assert_valid(tei_all, export(request.getfixturevalue(name)))


@pytest.mark.parametrize("name", ["example", "sample"])
def test_body_keeps_the_running_text_exactly(name: str, request: pytest.FixtureRequest) -> None:
    doc = request.getfixturevalue(name)
    assert body_text(export(doc)) == running_text(doc)


@pytest.mark.parametrize("name", ["example", "sample"])
def test_every_pointer_has_a_target(name: str, request: pytest.FixtureRequest) -> None:
    tei = export(request.getfixturevalue(name))
    ids = set(tei.xpath("//@xml:id"))
    pointers = tei.xpath("//@ref | //@target | //@corresp | //@resp")
    assert pointers
    assert {pointer[1:] for pointer in pointers} <= ids


def test_header_names_the_source_and_its_digest(example: Document) -> None:
    tei = export(example)
    assert only(tei, "//tei:titleStmt/tei:title").text == "Casual Labour at the Port of Stanmouth"
    source = only(tei, "//tei:sourceDesc/tei:p")
    assert str(EXAMPLE) in source.text
    assert only(source, "tei:idno[@type='sha256']").text == example.sha256
    assert "fontes" in only(tei, "//tei:publicationStmt/tei:p").text


def test_sections_are_divisions_and_a_run_in_heading_cuts_its_paragraph(
    example: Document,
) -> None:
    tei = export(example)
    heads = [
        head.xpath("string()") for head in tei.iterfind("tei:text/tei:body/tei:div/tei:head", NS)
    ]
    assert heads[3] == "Mediation and Lock-Out (1890-91)"
    assert "Notes" not in heads  # no running text: the notes are in the back
    before = tei.xpath("//tei:body/tei:div[3]/tei:p[last()]", namespaces=NS)[0]
    assert "".join(before.itertext()).endswith("The talks failed within the hour. ")


def test_glossary_person_with_lifespan_roles_and_variant_spelling(sample: Document) -> None:
    tei = export(sample)
    ramzin = only(tei, "//tei:listPerson/tei:person[@xml:id='person-ramzin']")
    assert "".join(only(ramzin, "tei:persName[not(@type)]").itertext()) == "Leonid K. Ramzin"
    assert ramzin.xpath("tei:persName[@type='variant']/text()", namespaces=NS) == ["Leonid Rainzin"]
    assert only(ramzin, "tei:birth").get("when") == "1887"
    assert only(ramzin, "tei:death").get("when") == "1948"
    imprisoned = only(ramzin, "tei:event[tei:label='imprisoned']")
    assert (imprisoned.get("from"), imprisoned.get("to")) == ("1930", "1932")


def test_organisations_and_places_are_listed(sample: Document) -> None:
    tei = export(sample)
    torgprom = only(tei, "//tei:particDesc/tei:listOrg/tei:org[@xml:id='org-torgprom']")
    assert torgprom.xpath("tei:orgName/text()", namespaces=NS) == [
        "Torgprom",
        "Russian Trade and Industrial Committee",
        "Torgrom",
    ]
    paris = only(tei, "//tei:settingDesc/tei:listPlace/tei:place[@xml:id='place-paris']")
    assert paris.findtext("tei:placeName", namespaces=NS) == "Paris"


# Crafted texts


@pytest.mark.parametrize(
    "text",
    [
        "Pavel Orlov* met Sergei Volkov* in Tver." + ORLOV,
        "ORLOV, PAVEL (1801-1860).--Printer, partner of Ivan Belov (q.v.).\n\n"
        "BELOV, IVAN (1800-1870).--Printer, who trained Orlov, _q.v._\n",
        "The board met.[1] It voted.[2]" + NOTES + BIBLIOGRAPHY,
        'Hiring was "a cattle market ... where men shoved" (Tremayne: op. cit.; p. 9).'
        + BIBLIOGRAPHY,
        "At the meeting the secretary told the members:\n\nThe strike ended a week later.\n",
        "The clerk wrote <script>alert('x')</script> & signed \"Smith & Sons\".",
        "The mill\x00 closed\x01 in 1930\x1b.\x0c\x0bIt reopened\ufffe at 3 p.m.\r\n",
        "",
    ],
    ids=[
        "glossary",
        "dictionary",
        "notes",
        "quotation",
        "silent-cut",
        "markup",
        "control",
        "empty",
    ],
)
def test_crafted_texts_are_valid(text: str, tei_all: etree.RelaxNG) -> None:
    assert_valid(tei_all, export(fontes.analyze(text)))


def test_a_mention_points_at_its_person_in_the_header() -> None:
    tei = export(fontes.analyze("In 1905 Pavel Orlov* became mayor." + ORLOV))
    name = only(tei, "//tei:body//tei:persName")
    assert (name.text, name.get("ref")) == ("Pavel Orlov", "#person-orlov")
    person = only(tei, "//tei:listPerson/tei:person[@xml:id='person-orlov']")
    assert (only(person, "tei:birth").get("when"), only(person, "tei:death").get("when")) == (
        "1861",
        "1930",
    )
    mayor = only(person, "tei:event")
    assert (mayor.findtext("tei:label", namespaces=NS), mayor.get("from"), mayor.get("to")) == (
        "mayor of Tver",
        "1905",
        "1910",
    )


def test_an_asterisked_name_is_a_reference_to_the_glossary_person() -> None:
    tei = export(fontes.analyze("Pavel Orlov* met Sergei Volkov*." + ORLOV))
    orlov, volkov = tei.xpath("//tei:body//tei:ref[@type='cross-reference']", namespaces=NS)
    assert "".join(orlov.itertext()) == "Pavel Orlov*"
    assert orlov.get("target") == "#person-orlov"
    assert volkov.get("target") is None  # no glossary entry to point at


@pytest.mark.parametrize(
    ("phrase", "attributes"),
    [
        ("25 November 1930", {"when": "1930-11-25"}),
        ("November 1930", {"when": "1930-11"}),
        ("1930", {"when": "1930"}),
        ("1906-09", {"from": "1906", "to": "1909"}),
        ("between 1909 and 1931", {"from": "1909", "to": "1931"}),
        ("the 1880s", {"notBefore": "1880", "notAfter": "1889"}),
        ("the autumn of 1890", {"notBefore": "1890-09", "notAfter": "1890-11"}),
    ],
)
def test_a_date_gets_its_dating_attributes(phrase: str, attributes: dict[str, str]) -> None:
    tei = export(fontes.analyze(f"The mill was rebuilt in {phrase} by the town."))
    assert dict(only(tei, "//tei:body//tei:date").attrib) == attributes


def test_a_duration_is_a_time_with_its_iso_length() -> None:
    tei = export(fontes.analyze("The strike lasted for three years in all."))
    element = only(tei, "//tei:body//tei:time")
    assert dict(element.attrib) == {"type": "duration", "dur-iso": "P3Y"}


def test_a_quotation_with_an_ellipsis_has_a_gap_before_it() -> None:
    text = 'Hiring was, said one man, "a cattle market ... where a man learned to shove" then.'
    tei = export(fontes.analyze(text))
    quote = only(tei, "//tei:body//tei:quote")
    assert "".join(quote.itertext()) == '"a cattle market ... where a man learned to shove"'
    gap = only(quote, "tei:gap")
    assert gap.get("reason") == "omitted"
    assert gap.tail.startswith("... where")


def test_a_silent_cut_is_a_gap_inferred_by_fontes_and_no_quote() -> None:
    text = "At the meeting the secretary told the members:\n\nThe strike ended a week later.\n"
    tei = export(fontes.analyze(text))
    gap = only(tei, "//tei:body//tei:gap")
    assert (gap.get("reason"), gap.get("resp")) == ("omitted", "#fontes")
    assert gap.getparent().text.endswith("told the members:")
    assert not tei.xpath("//tei:quote", namespaces=NS)
    assert only(tei, "//tei:application").get(XML_ID) == "fontes"


def test_a_citation_is_a_bibl_pointing_at_the_work_in_the_back() -> None:
    text = "The harbour was busy (Tremayne, Wages and Tides (Falmouth, 1961), p. 64-65)."
    tei = export(fontes.analyze(text + BIBLIOGRAPHY))
    bibl = only(tei, "//tei:body//tei:bibl")
    assert "".join(bibl.itertext()) == "(Tremayne, Wages and Tides (Falmouth, 1961), p. 64-65)"
    scope = only(bibl, "tei:biblScope")
    assert (scope.get("unit"), scope.get("from"), scope.get("to")) == ("page", "64", "65")
    work = only(tei, f"//tei:back//tei:listBibl/tei:bibl[@xml:id='{bibl.get('corresp')[1:]}']")
    assert work.findtext("tei:author", namespaces=NS) == "Tremayne, Hilda"
    assert work.findtext("tei:title", namespaces=NS) == "Wages and Tides"
    assert work.findtext("tei:pubPlace", namespaces=NS) == "Falmouth"
    assert only(work, "tei:date").get("when") == "1961"


def test_a_paragraph_that_is_only_a_citation_stays_in_the_text() -> None:
    doc = fontes.analyze("The harbour was busy.\n\n(ibid., p. 19-21)\n\nIt shrank." + BIBLIOGRAPHY)
    tei = export(doc)
    assert [p.xpath("string()") for p in tei.iterfind("tei:text/tei:body/tei:p", NS)] == [
        "The harbour was busy.",
        "(ibid., p. 19-21)",
        "It shrank.",
    ]


def test_a_note_marker_points_at_its_note_in_the_back() -> None:
    tei = export(fontes.analyze("The board met.[1] It voted.[2]" + NOTES + BIBLIOGRAPHY))
    first, _ = tei.xpath("//tei:body//tei:ref[@type='noteAnchor']", namespaces=NS)
    assert (first.text, first.get("target")) == ("[1]", "#note-1")
    note = only(tei, "//tei:back/tei:div[@type='notes']/tei:note[@xml:id='note-1']")
    assert (note.get("n"), note.xpath("string()")) == ("1", "Tremayne, op. cit., p. 45.")
    assert only(note, "tei:bibl").get("corresp") == "#work-tremayne-1961"


def test_the_text_is_preserved_exactly() -> None:
    text = (
        'On 25 November 1930 Pavel Orlov* said "we ask ... for bread" in Tver.[1]\r\n'
        "Then  the\tmill closed (Tremayne, Wages and Tides (Falmouth, 1961), p. 4).\n\n"
        "It reopened in 1932."
    )
    tei = export(fontes.analyze(text + ORLOV + NOTES + BIBLIOGRAPHY))
    marked = {etree.QName(element).localname for element in tei.iterfind(".//tei:body//*", NS)}
    assert marked >= {"date", "ref", "persName", "quote", "gap", "bibl"}
    assert body_text(tei) == text.replace("\n\n", "")


def test_markup_characters_in_the_text_are_escaped() -> None:
    text = "The clerk wrote <script>alert('x')</script> & signed \"Smith & Sons\"."
    data = to_tei(fontes.analyze(text))
    assert b"&lt;script&gt;alert('x')&lt;/script&gt; &amp; signed" in data
    assert b"<script" not in data
    assert body_text(etree.fromstring(data)) == text


def test_output_is_utf8_with_an_xml_declaration() -> None:
    data = to_tei(fontes.analyze("Łódź and Zürich, 1930."))
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert "Łódź".encode() in data


def test_characters_xml_cannot_carry_become_replacement_characters() -> None:
    text = "The mill\x00 closed\x01 in 1930\x1b and\x0b reopened\ufffe.\x0c"
    tei = export(fontes.analyze(text))
    assert body_text(tei) == "The mill\ufffd closed\ufffd in 1930\ufffd and\ufffd reopened\ufffd."


def test_a_lone_surrogate_does_not_stop_the_export() -> None:
    doc = Document("A broken \ud800 character.")
    find_paragraphs(doc)
    assert body_text(export(doc)) == "A broken \ufffd character."


# Records that cross or that TEI will not nest


def by_hand(text: str) -> Document:
    """One paragraph and no records, for records placed by hand."""
    doc = Document(text)
    doc.paragraphs = [Span(0, len(text))]
    return doc


def around(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


QUOTED = 'He wrote "we came in May 1890" that year.'


def dated_quotation(dated: str) -> Document:
    doc = by_hand(QUOTED)
    doc.quotations = [Quotation(*around(QUOTED, '"we came in May 1890"'))]
    doc.times = [TimeExpression(*around(QUOTED, dated), TimeType.DATE, "1890-05", "1890-05")]
    return doc


def test_a_date_inside_a_quotation_nests() -> None:
    tei = export(dated_quotation("May 1890"))
    assert only(tei, "//tei:quote/tei:date").get("when") == "1890-05"


def test_a_date_across_a_quotation_boundary_is_dropped_and_the_text_kept() -> None:
    doc = dated_quotation('May 1890" that')
    tei = export(doc)
    assert not tei.xpath("//tei:date", namespaces=NS)
    assert only(tei, "//tei:quote").xpath("string()") == '"we came in May 1890"'
    assert body_text(tei) == doc.text


def test_a_quotation_inside_a_citation_is_left_out_where_tei_refuses_it(
    tei_all: etree.RelaxNG,
) -> None:
    text = 'As cited ("we came", Smith, p. 4) then.'
    doc = by_hand(text)
    doc.citations = [Citation(*around(text, '("we came", Smith, p. 4)'), Reference.FULL)]
    doc.quotations = [Quotation(*around(text, '"we came"'))]
    doc.mentions = [Mention(*around(text, "Smith"), EntityKind.PERSON, "ner")]
    tei = export(doc)
    assert_valid(tei_all, tei)
    assert not tei.xpath("//tei:quote", namespaces=NS)
    assert only(tei, "//tei:bibl/tei:persName").text == "Smith"
    assert body_text(tei) == text


def test_notes_that_share_a_number_get_distinct_ids(tei_all: etree.RelaxNG) -> None:
    doc = fontes.analyze("The board met.[1]" + NOTES + "\n\nNotes\n\n[1] Ibid., p. 50.\n")
    assert [note.id for note in doc.notes] == ["note-1", "note-2", "note-2-1"]
    ids = [note.get(XML_ID) for note in export(doc).iterfind(".//tei:back//tei:note", NS)]
    assert len(ids) == len(set(ids)) == len(doc.notes)
    assert_valid(tei_all, export(doc))


def test_printed_pages_become_page_breaks(tei_all: etree.RelaxNG) -> None:
    pages = [
        "The pans at Shields were leased in blocks of six.\n\nThe rent was paid in salt.",
        "A lease ran for twenty-one years.\n\nThe tenant kept the pans in repair.",
        "The receiver's clerk noted it in the margin.\n\nHutton pleaded the price.",
    ]
    text = "\f".join(f"{body}\n\n{n}\n" for body, n in zip(pages, (41, 42, 43), strict=True))
    tei = export(fontes.analyze(text))
    assert [pb.get("n") for pb in tei.iterfind(".//tei:pb", NS)] == ["41", "42", "43"]
    assert_valid(tei_all, tei)
