"""Linking mentions into people, organisations and places, however the text spells them."""

from __future__ import annotations

import re

import fontes
from fontes.entities.linking import link_entities
from fontes.model import CanonicalBecause, Document, Entity, EntityKind, Mention, Span


def people(doc: Document) -> list[Entity]:
    return [e for e in doc.entities if e.kind is EntityKind.PERSON]


def spellings(doc: Document, entity: Entity) -> set[str]:
    return {doc.text[m.start : m.end] for m in entity.mentions}


GLOSSARY = "\n\nMARROW, Ivan K., engineer (1881-1940); director of the works (1920-30).\n"


def test_glossary_spelling_is_canonical_and_variants_join_it() -> None:
    doc = fontes.analyze(
        "The engineer Ivan Marrow* ran the works. Later Ivan Marrovv spoke, "
        "and Marrow answered." + GLOSSARY
    )
    [marrow] = people(doc)
    assert marrow.name == "Ivan K. Marrow"
    assert marrow.canonical_because is CanonicalBecause.GLOSSARY
    assert spellings(doc, marrow) == {"Ivan Marrow", "Ivan Marrovv", "Marrow"}


def test_each_entity_records_why_its_name_is_canonical() -> None:
    doc = fontes.analyze("Mr. Pascoe said the strike was over. Mary Halloran went to London.")
    because = {e.id: e.canonical_because for e in doc.entities}
    assert because == {
        "person-pascoe": CanonicalBecause.FIRST_MENTION,
        "person-halloran": CanonicalBecause.FIRST_WITH_FORENAMES,
        "place-london": CanonicalBecause.MOST_OFTEN,
    }


def test_ocr_garbled_name_is_reported_with_its_correction() -> None:
    doc = fontes.analyze("Ivan Marrow* ran the works. Later Ivan Marrovv spoke." + GLOSSARY)
    [finding] = [f for f in doc.findings if f.rule == "OC002"]
    assert doc.text[finding.start : finding.end] == "Ivan Marrovv"
    assert "'Marrovv' looks like an OCR garble of 'Marrow'" in finding.message


def test_same_surname_different_forenames_are_two_people() -> None:
    doc = fontes.analyze(
        "The factory was owned by Semyon Dolgorukov, and the bank by Grigory Dolgorukov. "
        "His brother Anatoly sold the mills."
    )
    names = sorted(e.name for e in people(doc))
    assert names == ["Anatoly Dolgorukov", "Grigory Dolgorukov", "Semyon Dolgorukov"]


def test_bare_surname_of_two_people_is_marked_ambiguous() -> None:
    doc = fontes.analyze(
        "Semyon Dolgorukov and Grigory Dolgorukov were brothers. In Paris, Dolgorukov wrote "
        "a letter."
    )
    [bare] = [m for m in doc.mentions if m.candidates]
    assert doc.text[bare.start : bare.end] == "Dolgorukov"
    assert bare.entity is None and len(bare.candidates) == 2


def test_bare_surname_follows_the_one_person_the_paragraph_names() -> None:
    doc = fontes.analyze(
        "Semyon Dolgorukov owned the factory.\n\nGrigory Dolgorukov ran the bank, and "
        "Dolgorukov kept its books."
    )
    bare = next(m for m in doc.mentions if not m.forenames and m.surname == "Dolgorukov")
    grigory = next(e for e in people(doc) if e.forenames == "Grigory")
    assert bare.entity == grigory.id


def test_transliterated_forename_and_surname_link_and_are_reported() -> None:
    doc = fontes.analyze(
        "The judge Andrey Belinsky* presided. Belinski spoke first."
        "\n\nBELINSKY, Andrei P., judge (1883-1954); presiding judge (1928-31).\n"
    )
    [belinsky] = people(doc)
    assert spellings(doc, belinsky) == {"Andrey Belinsky", "Belinski"}
    messages = [f.message for f in doc.findings if f.rule == "NV001"]
    assert any("'Belinski' is also spelled 'Belinsky'" in m for m in messages)
    assert any("forename 'Andrey'" in m and "'Andrei'" in m for m in messages)


def test_titles_and_ranks_are_not_part_of_the_name() -> None:
    doc = fontes.analyze(
        "Under General Pavel Orlovsky* the army retreated."
        + ("\n\nORLOVSKY, Pavel S., officer (1870-1930); commander (1918-19).\n")
    )
    [mention] = [m for m in doc.mentions if m.kind is EntityKind.PERSON]
    assert doc.text[mention.start : mention.end] == "Pavel Orlovsky"


def test_alias_in_parentheses_names_one_organisation() -> None:
    doc = fontes.analyze(
        "Funds came from the 'Northern Timber Syndicate Committee' (Nortimber). Nortimber "
        "paid the agents, and Nortirnber paid the printers."
    )
    [body] = [e for e in doc.entities if e.kind is EntityKind.ORGANISATION]
    assert body.name == "Nortimber"
    assert set(body.aliases) == {"Northern Timber Syndicate Committee", "Nortirnber"}


def test_a_name_broken_across_a_line_is_one_mention_and_one_spelling() -> None:
    doc = fontes.analyze(
        "The strike committee met at the town hall, where the engineer Walter\n"
        "Brannigan spoke first. Walter Brannigan spoke again on the second day of the\n"
        "strike, and the Northern Quays Company refused to answer him.\n"
    )
    [brannigan] = [p for p in people(doc) if p.surname == "Brannigan"]
    assert spellings(doc, brannigan) == {"Walter\nBrannigan", "Walter Brannigan"}
    assert brannigan.name == "Walter Brannigan"
    assert not [f for f in doc.findings if f.rule == "NV001"]


def test_a_relative_named_in_full_keeps_the_surname_the_text_gives() -> None:
    doc = fontes.analyze(
        "The firm was run by Pavel Orlov* until 1911, when his brother Ivan Orlov took it over "
        "and his cousin Fyodor Zaitsev kept the books.\n\n"
        "ORLOV, Pavel A., merchant (1850-1911).\n"
    )
    names = {e.name: spellings(doc, e) for e in people(doc)}
    assert names["Ivan Orlov"] == {"Ivan Orlov"}
    assert names["Fyodor Zaitsev"] == {"Fyodor Zaitsev"}
    assert "Pavel A. Orlov" in names


def test_an_asterisked_name_in_the_possessive_is_not_the_relatives_kin() -> None:
    doc = fontes.analyze(
        "Semyon Dolgorukov spoke first. Anna Repina*'s letter said that his brother Anatoly "
        "had left.\n\n"
        "REPINA, Anna, teacher (1870-1930).\n"
    )
    [anatoly] = [e for e in people(doc) if e.forenames == "Anatoly"]
    assert anatoly.surname == "Dolgorukov"


class CountedMention(Mention):
    """A mention that counts every read of its fields: the work linking does on it."""

    __slots__ = ()
    reads = 0

    def __getattribute__(self, name: str) -> object:
        CountedMention.reads += 1
        return object.__getattribute__(self, name)


def namesakes_in_one_paragraph(repeats: int) -> Document:
    """A paragraph with no break, as newspaper OCR has: two namesakes with forenames, a bare
    surname that could be either, and a relative, `repeats` times over."""
    sentence = "Oleg Varanov met Pyotr Varanov, then Varanov wrote and his brother Lev replied. "
    doc = Document(sentence * repeats)
    doc.paragraphs.append(Span(0, len(doc.text)))
    for base in range(0, len(doc.text), len(sentence)):
        for match in re.finditer(r"(?:(Oleg|Pyotr) )?Varanov|Lev", sentence):
            start, end = base + match.start(), base + match.end()
            if match[0] == "Lev":
                mention = CountedMention(start, end, EntityKind.PERSON, "kinship", forenames="Lev")
            else:
                forenames = match[1] or ""
                source = "ner" if forenames else "gazetteer"
                mention = CountedMention(
                    start, end, EntityKind.PERSON, source, forenames=forenames, surname="Varanov"
                )
            doc.mentions.append(mention)
    return doc


def test_linking_one_long_paragraph_costs_the_same_per_mention_at_any_length() -> None:
    costs = []
    for repeats in (100, 800):
        doc = namesakes_in_one_paragraph(repeats)
        CountedMention.reads = 0
        link_entities(doc)
        costs.append(CountedMention.reads / len(doc.mentions))
    # Scanning the paragraph's mentions for each bare surname or relative made this ≈8.
    assert costs[1] / costs[0] < 1.05
    bare = [m for m in doc.mentions if m.source == "gazetteer"]
    assert all(m.entity is None and len(m.candidates) == 3 for m in bare)
    lev = next(e for e in people(doc) if e.forenames == "Lev")
    pyotr = next(e for e in people(doc) if e.forenames == "Pyotr")
    assert lev.surname == "Varanov" and len(people(doc)) == 3
    assert all(m.relative == pyotr.id for m in doc.mentions if m.source == "kinship")


def kin_surname(text: str, named: str, kin: str) -> str:
    """The surname linking gives the kin `kin` (`his son Edric`) in `text`, after the person
    `named` as the model gives the name (any title before it left out)."""
    doc = Document(text)
    doc.paragraphs.append(Span(0, len(text)))
    start = text.index(named)
    words = named.split()
    forenames, surname = " ".join(words[:-1]), words[-1]
    person = Mention(
        start, start + len(named), EntityKind.PERSON, "ner", forenames=forenames, surname=surname
    )
    start = text.index(kin)
    relative = Mention(start, start + len(kin), EntityKind.PERSON, "kinship", forenames=kin)
    doc.mentions.extend([person, relative])
    link_entities(doc)
    assert relative.relative == person.entity  # whom the kin is kin to, in every case
    return relative.surname


def test_kin_take_the_surname_of_a_person_named_in_full_or_by_title() -> None:
    assert kin_surname("Mr. Quenby spoke. His brother Ivo listened.", "Quenby", "Ivo") == "Quenby"
    assert kin_surname("Orrin Quenby spoke. His son Ivo listened.", "Orrin Quenby", "Ivo") == (
        "Quenby"
    )


def test_kin_of_a_person_named_by_one_name_alone_take_no_surname_from_it() -> None:
    # `Vortigan` may be a forename (a king's): his son is not `Edric Vortigan`.
    text = "Vortigan ruled the hills. His son Edric ruled after him."
    assert kin_surname(text, "Vortigan", "Edric") == ""
