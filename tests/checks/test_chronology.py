"""Chronology checks: each contradiction reported with both dates, and its true negatives."""

from __future__ import annotations

import fontes
from fontes.model import Document

BODY = "The guild met in the hall behind the quay.\n\n"


def findings(doc: Document, rule: str) -> list[tuple[str, str]]:
    return [(doc.text[f.start : f.end], f.message) for f in doc.findings if f.rule == rule]


def glossary(entry: str, body: str = BODY) -> Document:
    return fontes.analyze(body + entry)


def test_inverted_lifespan() -> None:
    doc = glossary("PELLOW, Agnes R., schoolteacher (1939-1871); secretary (1901-05).")
    [(span, message)] = findings(doc, "CH001")
    assert span == "1939-1871"
    assert "ends (1871) before it begins (1939)" in message


def test_inverted_role_range() -> None:
    doc = glossary("PELLOW, Agnes R., schoolteacher (1871-1939); secretary (1905-01).")
    [(span, message)] = findings(doc, "CH002")
    assert span == "1905-01"
    assert "ends in 1901, before it begins in 1905" in message


def test_an_inverted_range_in_the_running_text() -> None:
    doc = fontes.analyze("The great lock-out of 1921-17 broke the union.\n")
    [(span, message)] = findings(doc, "CH002")
    assert span == "1921-17"
    assert "ends in 1917, before it begins in 1921" in message


def test_an_episode_after_death_is_reported_with_both_dates() -> None:
    doc = glossary(
        "FARRAND, Thomas, shipowner (1850-1911); chairman of the Dock Company (1890-1911); "
        "emigrated to Canada (1913)."
    )
    [(span, message)] = findings(doc, "CH003")
    assert span == "1913"
    assert "'emigrated to Canada' is dated 1913, after Thomas Farrand's death in 1911" in message
    assert "lifespan at line 3" in message


def test_an_office_before_birth_is_reported() -> None:
    doc = glossary("FARRAND, Thomas, shipowner (1850-1911); harbour clerk (1838-40).")
    [(span, message)] = findings(doc, "CH003")
    assert span == "1838-40"
    assert "before Thomas Farrand was born in 1850" in message


def test_an_office_ending_the_year_of_death_and_posthumous_things_are_fine() -> None:
    doc = glossary(
        "FARRAND, Thomas, shipowner (1850-1911); chairman of the Dock Company (1890-1911); "
        "memoirs published posthumously (1913); reburied at Stanmouth (1920)."
    )
    assert findings(doc, "CH003") == []


def test_a_death_in_the_note_that_contradicts_the_lifespan() -> None:
    doc = glossary("OKAFOR, Samuel, printer (1871-1926); editor (1901-20); died in Lagos (1924).")
    [(span, message)] = findings(doc, "CH004")
    assert span == "1924"
    assert "Samuel Okafor's death is dated 1924 here, but the lifespan (1871/1926" in message
    assert "gives 1926" in message


def test_a_death_in_the_note_that_agrees_is_fine() -> None:
    doc = glossary("OKAFOR, Samuel, printer (1871-1926); editor (1901-20); died in Lagos (1926).")
    assert findings(doc, "CH004") == []


def test_a_relative_date_that_disagrees_with_the_explicit_one() -> None:
    doc = fontes.analyze(
        "The strike ended in May 1911 with a settlement. Two years later, in 1914, the union "
        "split over the settlement.\n"
    )
    [(span, message)] = findings(doc, "CH005")
    assert span == "Two years later, in 1914"
    assert "counts from 1911-05 (line 1) to 1913, but the text gives 1914" in message


def test_a_relative_date_that_agrees_is_fine() -> None:
    doc = fontes.analyze(
        "The strike ended in May 1911 with a settlement. Two years later, in 1913, the union "
        "split over the settlement.\n"
    )
    assert findings(doc, "CH005") == []


BIBLIOGRAPHY = "\n\nBIBLIOGRAPHY\n\n{}\n"
STRIKE = "The great dock strike of 1889 closed the port for five weeks.\n\n"


def test_a_work_dated_before_the_period_it_treats() -> None:
    doc = fontes.analyze(
        STRIKE
        + BIBLIOGRAPHY.format("Ellery, Jane: 'The Dock Strikes of the Nineties'; London; 1869.")
    )
    [(span, message)] = findings(doc, "CH006")
    assert span.startswith("Ellery, Jane")
    assert "dated 1869, before the period it treats ('the Nineties', 189X)" in message


def test_a_work_on_its_own_time_or_earlier_times_is_fine() -> None:
    doc = fontes.analyze(
        STRIKE
        + BIBLIOGRAPHY.format(
            "Ellery, Jane: 'The Dock Strikes of the Nineties'; London; 1901.\n\n"
            "Marsh, Owen: 'Stanmouth in the Eighteenth Century'; London; 1890."
        )
    )
    assert findings(doc, "CH006") == []


def test_a_person_acting_after_death_is_a_warning() -> None:
    doc = glossary(
        "\n\nHALLORAN, Bridget, organiser (1851-1897); secretary (1889-95).",
        body="In March 1899 Bridget Halloran* addressed the strikers at the hall.\n\n"
        "The meeting was long and the vote was close.\n",
    )
    [(span, message)] = findings(doc, "CH007")
    assert span == "March 1899"
    assert "Bridget Halloran is named in a statement dated 1899-03, after dying in 1897" in message


def test_a_sentence_about_the_dead_is_fine() -> None:
    doc = glossary(
        "\n\nHALLORAN, Bridget, organiser (1851-1897); secretary (1889-95).",
        body="In March 1899 the strikers honoured the memory of the late Bridget Halloran*.\n\n"
        "The meeting was long and the vote was close.\n",
    )
    assert findings(doc, "CH007") == []


PASCOE = "\n\nPASCOE, Walter J., docker and organiser (1851-1921); secretary (1889-95).\n"


def test_a_death_in_the_running_text_that_contradicts_the_lifespan() -> None:
    doc = glossary(PASCOE, body="Walter Pascoe* died in 1924 at Stanmouth, still in office.")
    [(span, message)] = findings(doc, "CH004")
    assert span == "1924"
    assert "Walter J. Pascoe's death is dated 1924 here, but the lifespan" in message


def test_a_death_in_the_running_text_that_agrees_or_names_no_one_for_certain() -> None:
    agrees = glossary(PASCOE, body="Walter Pascoe* died in 1921 at Stanmouth.")
    far = glossary(
        PASCOE,
        body="Walter Pascoe* told the meeting, long after the great strike was over and the "
        "quays were quiet again, that his father had died in 1890.",
    )
    owner = glossary(PASCOE, body="Walter Pascoe*'s father died in 1890 at Stanmouth.")
    assert findings(agrees, "CH004") == findings(far, "CH004") == findings(owner, "CH004") == []


def test_a_citations_year_is_not_the_date_a_relative_date_counts_from() -> None:
    doc = fontes.analyze(
        "The porters were hired at the gates (Quayle, Dock and Wharf (Stanmouth, 1958), "
        "p. 64). Two years later, in 1961, the union split.\n\n"
        "BIBLIOGRAPHY\n\nQuayle, John: 'Dock and Wharf'; Stanmouth; 1958.\n"
    )
    assert findings(doc, "CH005") == []
    assert [doc.spoken(t) for t in doc.times] == ["Two years later", "1961"]


# Premises on a biographical dictionary: its entries are full of years after the death
# (editions, biographies, a son's dates); only the person's own dated acts are compared.

DICTIONARY = "WARNE, JOHN (1711-1776).--Printer, _s._ of a saddler. {}"


def dictionary(body: str) -> Document:
    return glossary(DICTIONARY.format(body))


def test_a_dictionary_entry_with_years_after_the_death_that_are_no_acts_is_fine() -> None:
    doc = dictionary(
        "His _Remains_ were _pub._ posthumously in 1781, and his _Life_ (1858) by a pupil. "
        "His son, Amos Warne (1760-1831), kept the press until 1820. He _d._ in 1776; his "
        "collected sermons followed in 1790. He left a journal, which was _pub._ in 1869."
    )
    assert [f.message for f in doc.findings if f.rule.startswith("CH")] == []


def test_a_dictionary_entry_whose_person_acts_after_death() -> None:
    doc = dictionary("In 1742 he began the _Courant_. In 1781 he opened a library at Thornby.")
    [(span, message)] = findings(doc, "CH003")
    assert span == "1781"
    assert "'In 1781 he opened a library at Thornby' is dated 1781, after John Warne's" in message


def test_a_dictionary_entry_whose_person_acts_before_birth() -> None:
    doc = dictionary("She was fined in 1700 for a seditious sheet.")
    [(span, message)] = findings(doc, "CH003")
    assert span == "1700" and "before John Warne was born in 1711" in message


def test_a_floruit_bounds_no_act() -> None:
    doc = glossary("CARNE, RALPH (_fl._ 1650).--Stationer. He is last named in 1671.")
    assert [f.rule for f in doc.findings if f.rule.startswith("CH")] == []


def test_a_lone_year_in_a_dictionary_head_is_a_birth_not_a_death() -> None:
    doc = glossary("LANE, ARTHUR (1844).--Poet. In 1901 he was knighted.")
    (entry,) = doc.glossary
    assert entry.lifespan is not None and entry.lifespan.edtf == "1844/.."
    assert [f.rule for f in doc.findings if f.rule.startswith("CH")] == []


def test_an_inverted_dictionary_lifespan() -> None:
    doc = glossary("WARNE, JOHN (1776-1711).--Printer.")
    [(span, _)] = findings(doc, "CH001")
    assert span == "1776-1711"


def test_a_work_by_a_surname_two_entries_share_has_no_known_author() -> None:
    jane = "ELLERY, Jane, writer (1860-1930); editor (1890-95).\n"
    mark = "ELLERY, Mark, printer (1830-1901); alderman (1880-85).\n"
    work = BIBLIOGRAPHY.format("Ellery, Jane: 'Memories of the Port'; London; 1865.")
    alone = fontes.analyze(STRIKE + "\n\n" + jane + work)
    [(_, message)] = findings(alone, "CH006")
    assert "its author Jane Ellery was born in 1860" in message
    both = fontes.analyze(STRIKE + "\n\n" + mark + jane + work)
    assert findings(both, "CH006") == []


def test_a_sentence_about_an_edition_is_no_act_of_the_dead() -> None:
    doc = glossary(
        "\n\nHALLORAN, Bridget, organiser (1851-1897); secretary (1889-95).",
        body="In March 1899 an edition of the speeches of Bridget Halloran* was printed.\n\n"
        "The meeting was long and the vote was close.\n",
    )
    assert findings(doc, "CH007") == []
