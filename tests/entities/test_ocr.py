"""OCR damage in running text: garbles found with corrections; rare real words left alone."""

from __future__ import annotations

import pytest

import fontes
from fontes.entities import ocr
from fontes.model import Document, GarbleCause, Span


def garbles(text: str) -> list[tuple[str, str]]:
    doc = fontes.analyze(text)
    return [(doc.text[g.start : g.end], g.correction) for g in doc.garbles]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He taught at the Ijniversity for ten years.", ("Ijniversity", "University")),
        ("The Commissaar signed the order.", ("Commissaar", "Commissar")),
        ("They marched to the ~.Thite House at noon.", ("~.Thite", "White")),
        ("He spoke of,the plan at length.", ("of,the", "of the")),
        ("The ship sailed for Eng1and in May.", ("Eng1and", "England")),
        ("The goverrnment fell in the spring.", ("goverrnment", "government")),
        ("The rnarket was closed on Sunday.", ("rnarket", "market")),
        ("The quay 1s closed to the porters.", ("1s", "is")),  # the likeliest reading wins
    ],
)
def test_garbles_are_found_with_a_correction(sentence: str, expected: tuple[str, str]) -> None:
    assert garbles(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "cause", "stray"),
    [
        ("He spoke of,the plan at length.", GarbleCause.COMMA_FOR_SPACE, ""),
        ("They walked to ~the harbour at noon.", GarbleCause.STRAY_MARK, "~"),
        ("He taught at the Ijniversity for ten years.", GarbleCause.OCR_CONFUSION, ""),
        ("The harbovr was closed on Sunday.", GarbleCause.ONE_LETTER, ""),
        ("They marched to the ~.Thite House at noon.", GarbleCause.ONE_LETTER, "~."),
    ],
)
def test_each_garble_records_the_slip_and_any_stray_mark(
    sentence: str, cause: GarbleCause, stray: str
) -> None:
    (garble,) = fontes.analyze(sentence).garbles
    assert (garble.cause, garble.stray) == (cause, stray)


def test_garbled_words_are_reported_as_ocr_findings() -> None:
    doc = fontes.analyze("He taught at the Ijniversity for ten years.")
    [finding] = [f for f in doc.findings if f.rule == "OC001"]
    assert finding.category == "ocr" and finding.suggestion.startswith("read 'University'")


@pytest.mark.parametrize(
    "sentence",
    [
        "The Prompartiya of the engineers was small.",  # a transliterated term
        "The kolkhoz and the sovkhoz were merged; the kolkhoz kept its name.",  # foreign words
        "Leonid Gvozdetsky and Fyodor Gvozdetsky met in Tver.",  # rare names
        "The zemstvo met in Tver.",  # a rare but real word
        "He wrote 1,000 letters in 1930-31.",  # numbers
        "Snow fell, some 20cm (8in) deep, on the 3rd of March.",  # numbers and their units
        "The Shchukin collection was sold.",
    ],
)
def test_rare_names_and_foreign_words_are_not_corrected(sentence: str) -> None:
    assert garbles(sentence) == []


def test_a_word_the_document_uses_consistently_is_not_a_garble() -> None:
    text = "The Narkomtyazh ordered it. Narkomtyazh paid. The narkomtyazh archive survives."
    assert garbles(text) == []


def test_a_long_run_is_not_searched_for_corrections(monkeypatch: pytest.MonkeyPatch) -> None:
    looked_up = []

    def zipf(word: str) -> float:
        looked_up.append(word)
        return 0.0

    monkeypatch.setattr(ocr, "_zipf", zipf)
    doc = Document("0" * 1_000 + " " + "a" * 1_000)
    doc.paragraphs.append(Span(0, len(doc.text)))
    ocr.find_garbles(doc)
    # A word of n letters has some 30n candidates, each n long: quadratic in time and memory.
    assert not doc.garbles and len(looked_up) == 0


def test_italic_marks_are_markup_not_stray_marks() -> None:
    doc = fontes.analyze("He read the _Sermons_ of Tillotson and the _Spectator_ every week.\n")
    assert doc.garbles == []


def test_a_stray_mark_in_ocr_is_still_one() -> None:
    doc = fontes.analyze("The men went to _the quay at dawn, and waited there until noon.\n")
    assert [(g.correction, g.stray) for g in doc.garbles] == [("the", "_")]
