"""The glossary of biographical notes, in its two layouts."""

from __future__ import annotations

import pytest

import fontes
from fontes.model import GlossaryEntry, Period

BODY = "The guild met in the hall behind the quay.\n\n"


def entries(glossary: str) -> list[GlossaryEntry]:
    return fontes.analyze(BODY + glossary).glossary


def only(glossary: str) -> GlossaryEntry:
    (entry,) = entries(glossary)
    return entry


def roles(entry: GlossaryEntry) -> list[tuple[str, str | None]]:
    return [(role.title, role.period.edtf if role.period else None) for role in entry.roles]


# The capitals layout: `SURNAME, Forenames, description (birth-death); role (years); ...`


def test_capitals_layout_surname_forenames_and_description() -> None:
    entry = only("PELLOW, Agnes R., schoolteacher and organiser (1871-1939); secretary (1901-05).")
    assert (entry.surname, entry.forenames) == ("PELLOW", "Agnes R.")
    assert entry.description == "schoolteacher and organiser"
    assert entry.name == "Agnes R. Pellow"


def test_capitals_layout_lifespan() -> None:
    entry = only("PELLOW, Agnes R., schoolteacher (1871-1939); secretary (1901-05).")
    assert entry.lifespan is not None
    assert entry.lifespan.edtf == "1871/1939"
    assert (entry.lifespan.first_year, entry.lifespan.last_year) == (1871, 1939)


def test_capitals_layout_roles_with_periods() -> None:
    entry = only(
        "PELLOW, Agnes R., schoolteacher (1871-1939); secretary of the Weavers' Guild "
        "(1901-05); delegate to the congress (1909-11, 1913); treasurer."
    )
    assert roles(entry) == [
        ("secretary of the Weavers' Guild", "1901/1905"),
        ("delegate to the congress", "{1909..1911,1913}"),
        ("treasurer", None),
    ]


def test_role_offsets_point_at_the_original_text() -> None:
    text = BODY + "PELLOW, Agnes R., schoolteacher (1871-1939); secretary (1901-05)."
    (entry,) = fontes.analyze(text).glossary
    role = entry.roles[0]
    assert text[role.start : role.end] == "secretary (1901-05)"
    assert role.period is not None and text[role.period.start : role.period.end] == "1901-05"
    assert text[entry.surname_start : entry.surname_end] == "PELLOW"


def test_role_period_written_with_between() -> None:
    entry = only("PELLOW, Agnes, weaver (1871-1939); delegate between 1910 and 1912.")
    assert roles(entry) == [("delegate", "1910/1912")]


def test_capitals_layout_honorific_after_the_forenames() -> None:
    entry = only("DUFFY, Ellen M., Lady, philanthropist (1860-1931); chairman of the Relief Fund.")
    assert (entry.surname, entry.forenames) == ("DUFFY", "Ellen M.")
    assert entry.honorific == "Lady"
    assert entry.description == "philanthropist"


def test_capitals_layout_with_en_dashes() -> None:
    entry = only("DUFFY, Ellen M., Lady, philanthropist (1860\u20131931); almoner (1909\u201311).")
    assert entry.lifespan is not None and entry.lifespan.edtf == "1860/1931"
    assert roles(entry) == [("almoner", "1909/1911")]


def test_capitals_layout_nested_parentheses_in_the_description() -> None:
    entry = only("FARR, Oona, weaver (later (1920) a mill owner) (1880-1941); delegate (1910-12).")
    assert entry.description == "weaver (later (1920) a mill owner)"
    assert entry.lifespan is not None and entry.lifespan.edtf == "1880/1941"
    assert roles(entry) == [("delegate", "1910/1912")]


def test_capitals_layout_nested_parentheses_in_a_role() -> None:
    entry = only(
        "FARR, Oona, weaver (1880-1941); delegate to the congress (at Leeds (1910)) (1910-12); "
        "treasurer (1914-19)."
    )
    assert roles(entry) == [
        ("delegate to the congress (at Leeds (1910))", "1910/1912"),
        ("treasurer", "1914/1919"),
    ]


def test_an_unbalanced_closing_parenthesis_does_not_swallow_later_roles() -> None:
    entry = only(
        "FARR, Oona, weaver), organiser (1880-1941); delegate (1910-12); treasurer (1914-19)."
    )
    assert entry.lifespan is not None and entry.lifespan.edtf == "1880/1941"
    assert roles(entry) == [("delegate", "1910/1912"), ("treasurer", "1914/1919")]


def test_an_unbalanced_closing_parenthesis_after_a_role_period() -> None:
    entry = only("FARR, Oona, weaver (1880-1941); delegate (1910-12)); treasurer (1914-19).")
    assert roles(entry) == [("delegate", "1910/1912"), ("treasurer", "1914/1919")]


def test_capitals_layout_surname_with_apostrophe_and_two_words() -> None:
    found = entries(
        "O'KEEFFE, Brendan, docker (1870-1930); died in Cork.\n"
        "DE LACY, Mary Ann, typist (1888-1960); moved to Boston (1912)."
    )
    assert [(e.surname, e.forenames) for e in found] == [
        ("O'KEEFFE", "Brendan"),
        ("DE LACY", "Mary Ann"),
    ]


def test_capitals_layout_surname_with_mc_prefix() -> None:
    found = entries(
        "O'KEEFFE, Brendan, docker (1870-1930); died in Cork.\n"
        "McBRIDE, Seamus, clerk (1872-1933); died in Derry."
    )
    assert [e.surname for e in found] == ["O'KEEFFE", "McBRIDE"]


def test_places_from_died_in() -> None:
    entry = only(
        "PELLOW, Agnes R., schoolteacher (1871-1939); secretary (1901-05); died in Carlow."
    )
    assert entry.places == ["Carlow"]


def test_places_from_several_clauses_without_repeats() -> None:
    entry = only(
        "DUFFY, Ellen M., philanthropist (1860-1931); exiled to Lisbon (1922); "
        "returned to Carlow (1925); died in Lisbon."
    )
    assert entry.places == ["Lisbon", "Carlow"]


def test_no_place_without_wording_that_someone_was_there() -> None:
    entry = only("PELLOW, Agnes, weaver (1871-1939); secretary of the Carlow Guild (1901-05).")
    assert entry.places == []


@pytest.mark.parametrize(
    "glossary",
    [
        "FARR, Oona, weaver, born in Sligo (1880-1941); delegate (1910-12).",
        "Farr, Oona (1880-1941): weaver, born in Sligo; delegate (1910-12).",
    ],
)
def test_places_from_born_in_in_the_description(glossary: str) -> None:
    assert only(glossary).places == ["Sligo"]


def test_several_capitals_entries_in_one_paragraph() -> None:
    found = entries(
        "PELLOW, Agnes R., schoolteacher (1871-1939); secretary (1901-05).\n"
        "DUFFY, Ellen M., Lady, philanthropist (1860-1931); almoner (1909-11)."
    )
    assert [e.surname for e in found] == ["PELLOW", "DUFFY"]
    assert [e.id for e in found] == ["person-pellow", "person-duffy"]


def test_an_entry_wrapped_after_its_lifespan_is_read_whole() -> None:
    entry = only(
        "HOLLIS, Jane, weaver and organiser (1880-1941); delegate\n"
        "to the congress (1910-12); treasurer (1914-19)."
    )
    assert roles(entry) == [("delegate\nto the congress", "1910/1912"), ("treasurer", "1914/1919")]


def test_an_entry_wrapped_before_its_lifespan_is_read_whole() -> None:
    found = entries(
        "HOLLIS, Jane, weaver and\n"
        "organiser (1880-1941); delegate (1910-12); treasurer (1914-19).\n"
        "MARCH, Peter, carter (1870-1930); died in Hull."
    )
    assert [e.surname for e in found] == ["HOLLIS", "MARCH"]
    assert found[0].lifespan is not None and found[0].lifespan.edtf == "1880/1941"


def test_same_surname_gets_distinct_ids() -> None:
    found = entries(
        "HALLORAN, Mary, teacher (1870-1930); secretary (1901-05).\n"
        "HALLORAN, Kevin, docker (1872-1931); delegate (1910-12)."
    )
    assert [e.id for e in found] == ["person-halloran", "person-halloran-2"]


# The lifespan layout: `Surname, Forename (1885–1938): description; role (years); ...`


def test_lifespan_layout_surname_forenames_and_lifespan() -> None:
    entry = only("Marren, Tobias (1885\u20131938): printer and pamphleteer; editor (1901-05).")
    assert (entry.surname, entry.forenames) == ("Marren", "Tobias")
    assert entry.lifespan is not None and entry.lifespan.edtf == "1885/1938"
    assert entry.description == "printer and pamphleteer"
    assert entry.name == "Tobias Marren"


def test_lifespan_layout_roles_and_places() -> None:
    entry = only(
        "Marren, Tobias (1885-1938): printer; editor of the Northern Star (1901-05); "
        "died in Valparaiso."
    )
    assert roles(entry) == [
        ("editor of the Northern Star", "1901/1905"),
        ("died in Valparaiso", None),
    ]
    assert entry.places == ["Valparaiso"]


def test_lifespan_layout_several_entries() -> None:
    found = entries(
        "Marren, Tobias (1885-1938): printer; editor (1901-05).\n"
        "Quill, Hester (c. 1890-1950): nurse; matron (1920-1925)."
    )
    assert [(e.surname, e.forenames) for e in found] == [("Marren", "Tobias"), ("Quill", "Hester")]
    assert found[1].lifespan is not None and found[1].lifespan.edtf == "1890~/1950"
    assert roles(found[1]) == [("matron", "1920/1925")]


def test_an_inverted_lifespan_is_kept_and_reported() -> None:
    doc = fontes.analyze(BODY + "LAMBERT, Rose, seamstress (1931-1870); forewoman (1901-05).")
    (entry,) = doc.glossary
    assert entry.lifespan is not None and entry.lifespan.inverted
    assert [f.rule for f in doc.findings if f.rule.startswith("CH")] == ["CH001"]


def test_a_name_and_comma_in_prose_is_not_an_entry() -> None:
    doc = fontes.analyze(
        "Pellow, Agnes and the others (all weavers) met in the hall. They voted to strike.\n"
    )
    assert doc.glossary == []


def test_a_capitals_line_without_a_lifespan_is_not_an_entry() -> None:
    assert entries("PELLOW, Agnes, schoolteacher; secretary of the guild.") == []


# The dictionary layout: `SURNAME, FORENAMES (1711-1776).--Description ...` and
# `Surname, Forename (b. 1801, d. 1870). Description ...`, with a prose body.


def dated(entry: GlossaryEntry) -> list[tuple[str, Period]]:
    return [(role.title, role.period) for role in entry.roles if role.period is not None]


def floruit(entry: GlossaryEntry) -> str | None:
    return next((period.edtf for title, period in dated(entry) if title == "flourished"), None)


def test_dictionary_lifespan_is_the_parenthesis_after_the_name() -> None:
    entry = only(
        "TALLIS, DAVID (1705-1757).--Philosopher, _s._ of a clergyman, wrote his "
        "_Observations_ (1749), and a _Life_ (1791) by his son followed."
    )
    assert (entry.surname, entry.forenames) == ("TALLIS", "David")
    assert entry.lifespan is not None and entry.lifespan.edtf == "1705/1757"
    assert entry.name == "David Tallis"
    assert entry.description == "Philosopher"


def test_dictionary_offsets_point_at_the_original_text() -> None:
    text = BODY + "TALLIS, DAVID (1705-1757).--Philosopher."
    (entry,) = fontes.analyze(text).glossary
    assert entry.lifespan is not None
    assert text[entry.lifespan.start : entry.lifespan.end] == "1705-1757"
    assert text[entry.surname_start : entry.surname_end] == "TALLIS"
    assert text[entry.start : entry.end] == "TALLIS, DAVID (1705-1757).--Philosopher."


@pytest.mark.parametrize(
    ("life", "edtf"),
    [
        ("1820?-1881", "1820?/1881"),
        ("1300?-1352?", "1300?/1352?"),
        ("c. 1540-1603", "1540~/1603"),
        ("_c._ 1540-1603", "1540~/1603"),
        ("b. 1801, d. 1870", "1801/1870"),
        ("1663 or 1672-1724", "1663?/1724"),
        ("1871-1939", "1871/1939"),
    ],
)
def test_dictionary_lifespans_keep_their_uncertainty(life: str, edtf: str) -> None:
    entry = only(f"TALLIS, DAVID ({life}).--Philosopher.")
    assert entry.lifespan is not None and entry.lifespan.edtf == edtf


@pytest.mark.parametrize("life", ["fl. 1650", "_fl._ 1650"])
def test_a_floruit_is_no_lifespan(life: str) -> None:
    entry = only(f"CARNE, RALPH ({life}).--Stationer, known from the borough accounts.")
    assert entry.lifespan is None
    assert floruit(entry) == "1650"


def test_a_floruit_range() -> None:
    entry = only("CARNE, RALPH, or RAFE DE CARNE (_fl._ 1288-1338).--Chronicler.")
    assert (entry.forenames, entry.lifespan, floruit(entry)) == ("Ralph", None, "1288/1338")


@pytest.mark.parametrize(
    ("head", "forenames", "honorific"),
    [
        ("TALLIS, THOMAS BABBAGE, LORD (1800-1859)", "Thomas Babbage", "Lord"),
        ("TALLIS, SIR GEORGE (1636-1691)", "George", "Sir"),
        (
            "TALLIS, SIR THOMAS ERLE, 1ST BARON WENDOVER (1815-1886)",
            "Thomas Erle",
            "Sir, 1st Baron Wendover",
        ),
        ("TALLIS, MRS. MARY DE LA RIVE (1663-1724)", "Mary de la Rive", "Mrs."),
        ("TALLIS, BERNARD DE (1670-1733)", "Bernard de", ""),
        ("TALLIS, CAROLA (ORME), BARONESS (1766-1845)", "Carola", "Baroness"),
        ("TALLIS, FRANCIS (FATHER QUILL) (1804-1866)", "Francis", ""),
        ("TALLIS, or TALLACE, JOHN (1469?-1550)", "John", ""),
    ],
)
def test_dictionary_names_in_natural_case_with_titles_apart(
    head: str, forenames: str, honorific: str
) -> None:
    entry = only(f"{head}.--Writer.")
    assert (entry.surname, entry.forenames, entry.honorific) == ("TALLIS", forenames, honorific)
    assert entry.lifespan is not None


@pytest.mark.parametrize("surname", ["M'GARVIE", "MACQUOID", "DE LA HAYE", "VAN HEEK"])
def test_dictionary_surnames_with_prefixes_and_particles(surname: str) -> None:
    entry = only(f"{surname}, DUNCAN (1772-1835).--Printer.")
    assert entry.surname == surname and entry.forenames == "Duncan"


def test_a_head_wrapped_before_its_lifespan() -> None:
    entry = only("TALLIS, JOHN EDWARD ORME-TALLIS, 1ST LORD\n(1834-1902).--Historian.")
    assert entry.forenames == "John Edward Orme-Tallis"
    assert entry.lifespan is not None and entry.lifespan.edtf == "1834/1902"


def test_the_second_dictionary_layout() -> None:
    found = entries(
        "Fenwick, Anne (b. 1801, d. 1870). Printer of chapbooks at Kellingford.\n\n"
        "Quince, Hester (fl. 1690). Printer's widow, known from a single sheet of 1691."
    )
    assert [(e.surname, e.forenames) for e in found] == [("Fenwick", "Anne"), ("Quince", "Hester")]
    assert found[0].lifespan is not None and found[0].lifespan.edtf == "1801/1870"
    assert found[0].description == "Printer of chapbooks at Kellingford"
    assert found[1].lifespan is None and floruit(found[1]) == "1690"


def test_a_dictionary_entry_runs_over_its_sources_to_the_next_entry() -> None:
    found = entries(
        "TALLIS, DAVID (1705-1757).--Philosopher.\n\n"
        "_Life_ by his son (1791).\n\n"
        "SUMMARY.--_B._ 1705, _d._ 1757.\n\n"
        "WARNE, JOHN (1711-1776).--Printer."
    )
    assert [e.surname for e in found] == ["TALLIS", "WARNE"]
    assert found[0].end == found[1].start - 2
    assert found[0].roles == []


def test_a_heading_ends_the_dictionary_entry_before_it() -> None:
    doc = fontes.analyze(
        BODY + "TALLIS, DAVID (1705-1757).--Philosopher.\n\nSUPPLEMENT\n\n"
        "Warne, John (1711-1776). Printer."
    )
    tallis, warne = doc.glossary
    assert doc.text[tallis.start : tallis.end] == "TALLIS, DAVID (1705-1757).--Philosopher."
    assert "SUPPLEMENT" in [section.title for section in doc.sections]
    assert warne.lifespan is not None and warne.lifespan.edtf == "1711/1776"


def test_the_persons_dated_acts_are_roles_and_other_years_are_not() -> None:
    entry = only(
        "WARNE, JOHN (1711-1776).--Printer, _s._ of a saddler. In 1742 he began the "
        "_Courant_. His son, Amos Warne (1745-1810), kept the press. He was fined in 1751 "
        "for a seditious sheet. His _Remains_ were _pub._ in 1781, and his _Life_ (1802) by "
        "a pupil."
    )
    assert [(title, period.edtf) for title, period in dated(entry)] == [
        ("In 1742 he began the Courant", "1742"),
        ("He was fined in 1751 for a seditious sheet", "1751"),
    ]


def test_prose_that_opens_with_a_name_and_a_year_is_no_dictionary_entry() -> None:
    doc = fontes.analyze(
        "Kellingford, the county town (1850), was quiet. The printers met there.\n"
    )
    assert doc.glossary == []


def test_a_wrapped_line_of_an_entry_is_no_new_entry() -> None:
    entry = only(
        "WARNE, JOHN (1711-1776).--Printer, who worked at Thornby and at\n"
        "Kellingford, Ashby (1750). He retired."
    )
    assert entry.surname == "WARNE"


@pytest.mark.parametrize(
    "head",
    [
        "TALLIS, FRANCIS (1584-1616), AND WARNE, JOHN (1579-1625).--Poets",
        "TALLIS, FRANCIS (1584-1616), and AGNES (1590-1631).--Poets",
    ],
)
def test_a_head_shared_with_a_second_person_gives_the_first_lifespan(head: str) -> None:
    entry = only(f"{head}, who wrote together.")
    assert entry.forenames == "Francis"
    assert entry.lifespan is not None and entry.lifespan.edtf == "1584/1616"


def test_a_title_in_parentheses_before_the_lifespan() -> None:
    entry = only("TALLIS, JOHN ORME (2ND EARL OF) (1647-1680).--Poet.")
    assert entry.forenames == "John Orme"
    assert entry.lifespan is not None and entry.lifespan.edtf == "1647/1680"
