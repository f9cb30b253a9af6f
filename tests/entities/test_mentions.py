"""Finding mentions: the document's own aliases, found in time linear in the text, and the
people the model gives, kept, cut or dropped as a reader would."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest

import fontes
from fontes.entities import mentions
from fontes.entities.mentions import _ALIAS, _alias_matches
from fontes.entities.recognise import EntitySpan
from fontes.model import Document, EntityKind, Markup, Source
from fontes.pipeline import process

PIECES = [
    *("A", "Ab", "ab", "McD", "xY", "AB", "Trade", "Board", "committee", "Éa", "1", "_"),
    *("of", "the", "de", "theM", "ofX"),  # joining words, alone and run into a name
    *("'", '"', "(", ")", " ", "  ", "\n", "-", ".", ","),
    *("(AB)", "('AB')", '("Ab")', "(ab)", "(A)", "(Ab"),
]


def test_aliases_found_from_the_parenthesis_are_those_the_pattern_finds() -> None:
    rng = random.Random(0)
    for _ in range(20_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30)))
        start, end = rng.randint(0, 2), len(text) - rng.randint(0, 2)
        expected = [(m.span(), m.groupdict()) for m in _ALIAS.finditer(text, start, end)]
        assert [(m.span(), m.groupdict()) for m in _alias_matches(text, start, end)] == expected


def test_a_long_run_of_capitalised_words_names_the_alias_as_the_pattern_does() -> None:
    # Searched plainly, 100 KB of capitalised words in one paragraph took 43 s; now, ms.
    text = "Harbour Board Of Trade Quay " * 150 + "'Northern Timber Committee' (Nortimber) ok"
    [match] = _alias_matches(text, 0, len(text))
    assert match.span() == next(_ALIAS.finditer(text)).span()
    assert (match["name"], match["alias"]) == ("Northern Timber Committee", "Nortimber")


# People the model gives, as a reader would keep them. The model's spans are given (the
# patterns below), so each test is about the rules and not about the model's mood.


def found(
    monkeypatch: pytest.MonkeyPatch, text: str, *persons: str, kind: EntityKind | None = None
) -> list[str]:
    """The mentions (of `kind`, else people) fontes keeps when the model gives as people the
    stretches of `text` that the patterns `persons` match."""

    def given(text: str, spans: object, model: object = None) -> Iterator[EntitySpan]:
        matches = sorted((m for p in persons for m in re.finditer(p, text)), key=re.Match.start)
        return (EntitySpan(m.start(), m.end(), "person", "PERSON") for m in matches)

    monkeypatch.setattr(mentions, "recognise", given)
    doc = fontes.analyze(text)
    wanted = kind or EntityKind.PERSON
    return [doc.text[m.start : m.end] for m in doc.mentions if m.kind is wanted]


def test_a_lone_name_next_to_a_speech_verb_is_a_person(monkeypatch: pytest.MonkeyPatch) -> None:
    assert found(monkeypatch, "'We sail at dawn,' said Quenby.", "Quenby") == ["Quenby"]
    assert found(monkeypatch, "The boat was late. Quenby said nothing.", "Quenby") == ["Quenby"]


def test_a_lone_name_nothing_supports_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    assert found(monkeypatch, "The boat was late. Quenby walked home.", "Quenby") == []


def test_a_lone_name_the_model_gives_twice_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The boat was late. Quenby walked home. At night Quenby slept."
    assert found(monkeypatch, text, "Quenby") == ["Quenby", "Quenby"]


def test_a_forename_alone_is_kept_when_the_text_gives_it_in_a_longer_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Ivo Quenby came in May. Later Ivo sat down."
    assert found(monkeypatch, text, "Ivo Quenby", r"Ivo(?= sat)") == ["Ivo Quenby", "Ivo"]


def test_a_capitalised_common_noun_is_no_person(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given twice, but the text also writes `hope`, and `his Majesty`: nouns, not names.
    text = "Hope rose. Then Hope fell. We hope for rain. His Majesty ate; Majesty slept."
    assert found(monkeypatch, text, "Hope", "Majesty") == []


def test_a_place_the_model_takes_for_a_person_is_no_person(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "They wintered in Tarrent. Tarrent was cold, and Tarrent said nothing to them."
    assert found(monkeypatch, text, "Tarrent") == []
    text = "The Lower States voted. Orrin Vale moved to Wexshire."
    assert found(monkeypatch, text, "Lower States", "Orrin Vale", "Wexshire") == ["Orrin Vale"]
    places = found(monkeypatch, text, "Lower States", "Wexshire", kind=EntityKind.PLACE)
    assert places == ["Lower States", "Wexshire"]


def test_an_abbreviated_title_before_a_lone_name_makes_it_a_person(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "The brig came in at noon, Capt. Orrin in command; Gen. Thelwick met her."
    assert found(monkeypatch, text, "Orrin", r"Gen\. Thelwick") == ["Orrin", "Thelwick"]


def test_names_joined_by_and_or_punctuation_are_two_people(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The estate passed to Oriel and Tamsin, then to Berrow; Quaile and Pellam."
    persons = found(monkeypatch, text, "Oriel and Tamsin", r"Berrow; Quaile and Pellam")
    assert persons == ["Oriel", "Tamsin", "Berrow", "Quaile", "Pellam"]


def test_a_lone_name_listed_with_other_people_is_a_person(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The hall held portraits of Orrin Vale, Quaile and Tamsin."
    assert found(monkeypatch, text, "Orrin Vale", "Quaile", "Tamsin") == [
        "Orrin Vale",
        "Quaile",
        "Tamsin",
    ]


def test_a_heading_or_a_title_run_into_a_name_is_cut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "He read Death Of Corvane twice, and Corvane said more. Brisco's History sold well."
    persons = found(monkeypatch, text, "Death Of Corvane", "Corvane(?= said)", "Brisco's History")
    assert persons == ["Corvane", "Corvane", "Brisco"]


def test_an_editors_initial_glued_to_a_dash_is_not_a_forename(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "So the record ends.--K. Abernell wrote the next page in 1801."
    doc_persons = found(monkeypatch, text, r"K\. Abernell")
    assert doc_persons == ["Abernell"]


def test_a_word_broken_at_a_line_end_stays_in_the_name(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The deed was signed by Ivo Tarv\u00ac enish and others."
    assert found(monkeypatch, text, "Ivo Tarv\u00ac enish") == ["Ivo Tarv\u00ac enish"]


def test_a_regnal_number_or_titles_alone_are_no_person(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Osric XII reigned. XII and XII again, said the table. The Captains sailed."
    assert found(monkeypatch, text, "Osric XII", r"XII(?= and)", r"(?<=and )XII", "Captains") == [
        "Osric XII"
    ]


def test_an_initial_or_a_suffix_is_not_cut_off_as_an_epithet_nor_kept_as_a_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The text prints `a` in lower case, but `A.` is an initial, and `Esq.` no one's name.
    text = "A. Quenby came with a cart. Orrin Vale, Esq., and Ivo Tarvenish signed."
    persons = found(monkeypatch, text, r"A\. Quenby", r"Orrin Vale, Esq\., and Ivo Tarvenish")
    assert persons == ["A. Quenby", "Orrin Vale", "Ivo Tarvenish"]


# People no model needs to find: a title of address, a letter's signers


def test_a_name_after_a_title_of_address_is_a_person_without_the_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "The cargo was landed by Capt. Ivo Quaile and sold to Mr. Pellam at the quay."
    assert found(monkeypatch, text) == ["Ivo Quaile", "Pellam"]


def test_an_office_after_a_title_is_no_person(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The mayor spoke first. Then the Lord Mayor gave the toast to the harbour."
    assert found(monkeypatch, text) == []


def test_the_signers_of_a_letter_in_capitals(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "The dues are too high.\n\nWe are, most respectfully,\nYour obedient servants,\n"
        "A PELLAM\nHUGH R. QUAILE.\n"
    )
    assert found(monkeypatch, text) == ["A PELLAM", "HUGH R. QUAILE"]
    assert found(monkeypatch, "The dues are too high. Yours truly, The Harbour Board.") == []


def test_the_addressee_of_a_letter_in_capitals(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "LETTER I.\nTO HUGH QUAILE, Esq., Truro.\nSir, the dues are too high.\n"
    assert found(monkeypatch, text) == ["HUGH QUAILE"]
    assert found(monkeypatch, "TO THE PUBLIC, the dues are too high.\n") == []


def test_a_name_that_lost_its_capital_after_mr_is_a_person(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The plan proposed by Mr. quenby would cost little, said Mr. and Mrs. Pellam."
    assert found(monkeypatch, text) == ["quenby", "Pellam"]


def test_a_lone_name_the_text_repeats_always_capitalised_is_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Quenby rode ahead. The rock hid Quenby from view. At dusk Quenby fired twice."
    assert found(monkeypatch, text, r"(?<=hid )Quenby") == ["Quenby"]


def test_a_lone_name_after_a_title_is_a_person_whatever_the_model_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def given(text: str, spans: object, model: object = None) -> Iterator[EntitySpan]:
        start = text.index("Quenby")
        yield EntitySpan(start, start + len("Quenby"), "organisation", "ORG")

    monkeypatch.setattr(mentions, "recognise", given)
    doc = fontes.analyze("The bill passed on the motion of Senator Quenby of the western county.")
    assert [(doc.text[m.start : m.end], m.kind) for m in doc.mentions] == [
        ("Quenby", EntityKind.PERSON)
    ]


def test_ocr_spellings_of_mr_and_a_lost_capital_after_a_title(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Do you approve of NIr Quenby's scheme? Sir Orrin Pellam and Mr. pellam agree."
    assert found(monkeypatch, text, "Orrin Pellam") == ["Quenby", "Orrin Pellam", "pellam"]
    # A word in lower case after a title is no name unless the text names someone so.
    assert found(monkeypatch, "The letter of Mr. and Mrs. Quenby came.") == ["Quenby"]


def test_an_abbreviated_forename_is_a_person_with_or_without_a_surname(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "The mill was let to both Chas. and Robt. Pellam, and Wm. stayed at home."
    assert found(monkeypatch, text) == ["Chas.", "Robt. Pellam", "Wm."]


def test_a_misread_surname_the_model_takes_for_a_place_is_that_person(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def given(text: str, spans: object, model: object = None) -> Iterator[EntitySpan]:
        yield EntitySpan(0, len("Maurice Venard"), "person", "PERSON")
        for match in re.finditer("Yenard|Yorkshire", text):
            yield EntitySpan(match.start(), match.end(), "place", "GPE")

    monkeypatch.setattr(mentions, "recognise", given)
    doc = fontes.analyze("Maurice Venard rode out. Yenard crossed the stream into Yorkshire.")
    kinds = {doc.text[m.start : m.end]: m.kind for m in doc.mentions}
    assert kinds == {
        "Maurice Venard": EntityKind.PERSON,
        "Yenard": EntityKind.PERSON,
        "Yorkshire": EntityKind.PLACE,
    }


def test_an_editions_names_are_the_mentions_as_it_marks_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Tamsin Quaile wrote from Porthkennack to the Friends of Trevose about Ann."
    marks = [
        ("persName", "Tamsin Quaile"),
        ("placeName", "Porthkennack"),
        ("name", "Friends of Trevose"),
    ]
    markup = [
        Markup(text.index(words), text.index(words) + len(words), tag, {"type": "org"})
        for tag, words in marks
    ]

    def unread(*args: object, **kwargs: object) -> Iterator[EntitySpan]:
        raise AssertionError("the model is not asked where the edition marks its names")

    monkeypatch.setattr(mentions, "recognise", unread)
    doc = process(Document(text, source=Source("tei", markup=markup)))
    assert [(doc.text[m.start : m.end], m.kind, m.source) for m in doc.mentions] == [
        ("Tamsin Quaile", EntityKind.PERSON, "edition"),
        ("Porthkennack", EntityKind.PLACE, "edition"),
        ("Friends of Trevose", EntityKind.ORGANISATION, "edition"),
    ]
    assert doc.mentions[0].surname == "Quaile"
