"""Cross-references: asterisked names pointing into the glossary."""

from __future__ import annotations

import fontes
from fontes.model import Document

GLOSSARY = (
    "\n\nHALLORAN, Mary, teacher (1870-1930); secretary of the guild (1901-05).\n"
    "HALLORAN, Kevin, docker (1872-1931); delegate (1910-12).\n"
    "QUINT, Peter, physician (1860-1920); coroner (1900-10).\n"
)


def analyze(body: str, glossary: str = GLOSSARY) -> Document:
    return fontes.analyze(body + glossary)


def findings(doc: Document, rule: str) -> list[tuple[str, str]]:
    return [(doc.text[f.start : f.end], f.message) for f in doc.findings if f.rule == rule]


def test_an_asterisked_name_links_to_its_entry() -> None:
    doc = analyze("The meeting was chaired by Peter Quint* in the hall.")
    (reference,) = doc.cross_references
    assert (reference.name, reference.target) == ("Peter Quint", "person-quint")
    assert doc.text[reference.start : reference.end] == "Peter Quint*"


def test_a_capitals_surname_matches_the_name_in_prose() -> None:
    doc = analyze("The meeting was chaired by Mary Halloran*.")
    (reference,) = doc.cross_references
    assert (reference.target, doc.glossary[0].surname) == ("person-halloran", "HALLORAN")


def test_a_title_before_the_name_is_not_a_forename() -> None:
    doc = analyze("The inquest was held by Dr Peter Quint* at the quay.")
    (reference,) = doc.cross_references
    assert reference.name == "Peter Quint"


def test_entries_sharing_a_surname_are_chosen_by_forename() -> None:
    doc = analyze("Kevin Halloran* spoke first and Mary Halloran* replied.")
    assert [(r.name, r.target) for r in doc.cross_references] == [
        ("Kevin Halloran", "person-halloran-2"),
        ("Mary Halloran", "person-halloran"),
    ]


def test_entries_sharing_a_surname_are_chosen_by_initial() -> None:
    doc = analyze("K. Halloran* spoke first and M. Halloran* replied.")
    assert [r.target for r in doc.cross_references] == ["person-halloran-2", "person-halloran"]


def test_a_surname_alone_links_to_an_entry() -> None:
    doc = analyze("The coroner, Quint*, was absent.")
    assert [r.target for r in doc.cross_references] == ["person-quint"]


def test_a_lifespan_layout_entry_is_a_target() -> None:
    doc = analyze(
        "The pamphlet was printed by Tobias Marren*.",
        "\n\nMarren, Tobias (1885\u20131938): printer; editor (1901-05).\n",
    )
    assert [r.target for r in doc.cross_references] == ["person-marren"]


def test_an_asterisk_reaching_its_entry_through_a_variant_is_reported() -> None:
    doc = analyze("Mary Haloran* spoke, Kevin Halloran* and Peter Quint* agreed.")
    assert doc.cross_references[0].target is None
    assert doc.cross_references[0].nearest == "person-halloran"
    assert not findings(doc, "XR001")
    ((excerpt, message),) = findings(doc, "XR005")
    assert excerpt == "Mary Haloran*"
    assert "reaches 'HALLORAN, Mary' only through a variant" in message


def test_an_unmatched_asterisk_with_nothing_near() -> None:
    doc = analyze("Joan Pettigrew* spoke, Mary Halloran*, Kevin Halloran* and Peter Quint* agreed.")
    ((excerpt, message),) = findings(doc, "XR001")
    assert excerpt == "Joan Pettigrew*"
    assert message == "'Joan Pettigrew*' matches no glossary entry"


def test_a_different_surname_sharing_letters_is_not_a_variant() -> None:
    doc = analyze("Peter Quilt* spoke, Mary Halloran* and Kevin Halloran* agreed.")
    assert doc.cross_references[0].nearest is None
    assert [excerpt for excerpt, _ in findings(doc, "XR001")] == ["Peter Quilt*"]
    assert findings(doc, "XR005") == []


def test_an_asterisk_without_any_glossary_is_no_cross_reference_error() -> None:
    doc = analyze("Joan Pettigrew* spoke, and Kevin Halloran* agreed.", glossary="\n")
    assert findings(doc, "XR001") == []


def test_italic_asterisks_and_glued_ones_are_no_cross_references() -> None:
    doc = analyze("They read *The Quays of Truro* and the GRE*g*ORI corpus with Mary Halloran*.")
    assert [doc.text[r.start : r.end] for r in doc.cross_references] == ["Mary Halloran*"]


def test_an_unreferenced_entry_is_reported() -> None:
    doc = analyze("Mary Halloran* and Kevin Halloran* spoke.")
    ((excerpt, message),) = findings(doc, "XR002")
    assert excerpt == "QUINT"
    assert "'QUINT, Peter' is never referenced" in message


def test_a_misspelt_reference_counts_as_referencing_its_nearest_entry() -> None:
    doc = analyze("Mary Haloran*, Kevin Halloran* and Peter Quint* spoke.")
    assert findings(doc, "XR002") == []


def test_double_asterisks_and_lower_case_words_are_not_references() -> None:
    doc = analyze("**Note** the dues* were raised; see the margin.")
    assert doc.cross_references == []


def test_an_asterisk_after_a_line_break_or_a_broken_word_is_no_reference() -> None:
    doc = analyze("The men cheered Wayne\n* and the Plen-* broke up.")
    assert doc.cross_references == []


def test_an_entry_is_unreferenced_only_where_names_are_asterisked() -> None:
    assert findings(analyze("Mary Halloran* spoke."), "XR002") == []
    assert findings(analyze("Mary Halloran and Peter Quint spoke."), "XR002") == []


# Quod vide: the biographical dictionary's cross-reference

DICTIONARY = (
    "ABBOT, JORY (1701-1760).--Printer at Truro, partner of Walter Penhale (_q.v._).\n\n"
    "KEAST, ANN (1720-1790).--Bookbinder, who bound for Abbot, _q.v._, and for Hugh Carne "
    "(q.v.).\n\n"
    "PENHALE, WALTER (1699-1771).--Printer, who trained Jory Lanyon (q.v.) and Jory Zennor "
    "(q.v.).\n\n"
    "ROWE, SUSAN (1730-1801).--Printer.\n"
)


def test_q_v_links_a_name_to_its_entry() -> None:
    doc = fontes.analyze(DICTIONARY)
    linked = [(doc.text[r.start : r.end], r.target, r.mark) for r in doc.cross_references]
    assert linked[:2] == [
        ("Walter Penhale (_q.v._)", "person-penhale", "q.v."),
        ("Abbot, _q.v._", "person-abbot", "q.v."),
    ]


def test_q_v_to_a_missing_entry_inside_the_dictionary_alphabet() -> None:
    doc = fontes.analyze(DICTIONARY)
    assert findings(doc, "XR001") == [
        ("Hugh Carne (q.v.)", "'Hugh Carne (q.v.)' matches no glossary entry"),
        ("Jory Lanyon (q.v.)", "'Jory Lanyon (q.v.)' matches no glossary entry"),
    ]  # not `Jory Zennor (q.v.)`: the entries here end at ROWE, his would come after
    assert findings(doc, "XR002") == []  # a dictionary promises no asterisks
