"""OCR damage in running text: garbles found with corrections; rare real words left alone."""

from __future__ import annotations

import pytest

import fontes
from fontes.entities import ocr
from fontes.model import Box, Document, GarbleCause, Span
from fontes.pipeline import process
from fontes.reading.paged import PagedText
from fontes.text import ocr_channel

# An invented page as a poor scan reads it: stray marks, digits for letters, short non-words.
SCAN = (
    "Tbe ~men of tlie dock went ont at dawn, aud ~the foreman 5aid tbat tho wages were "
    "fixed. Tlie porters met at tbe gate, and nnder the lamp tbey voted. Wlien tbe "
    "vote was taken, tlie men wero glad; tbe masters, liowever, sald notbing of it, and "
    "tbe gates stayed sbut tbrough tbe week, wbile tlie ships lay idle in tbe river. "
)


def garbles(text: str) -> list[tuple[str, str]]:
    doc = fontes.analyze(text)
    return [(doc.text[g.start : g.end], g.correction) for g in doc.garbles]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He taught at the Ijniversity for ten years.", ("Ijniversity", "University")),
        ("They marched to the ~.Thite House at noon.", ("~.Thite", "White")),
        ("He spoke of,the plan at length.", ("of,the", "of the")),
        ("The ship sailed for Eng1and in May.", ("Eng1and", "England")),
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
        (SCAN + "The harbovr was closed on Sunday.", GarbleCause.ONE_LETTER, ""),
        ("They marched to the ~.Thite House at noon.", GarbleCause.ONE_LETTER, "~."),
    ],
)
def test_each_garble_records_the_slip_and_any_stray_mark(
    sentence: str, cause: GarbleCause, stray: str
) -> None:
    doc = fontes.analyze(sentence)
    (garble,) = [g for g in doc.garbles if g.start >= len(SCAN) or len(sentence) < len(SCAN)]
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
    searched = []

    def candidates(word: str) -> dict[str, float]:
        searched.append(word)
        return {}

    for name in ("confusions", "edits", "nearby"):
        monkeypatch.setattr(ocr, name, candidates)
    doc = Document("0" * 1_000 + " " + "a" * 1_000)
    doc.paragraphs.append(Span(0, len(doc.text)))
    ocr.find_garbles(doc)
    # A word of n letters has some 30n candidates, each n long: quadratic in time and memory.
    assert not doc.garbles and searched == []


def test_italic_marks_are_markup_not_stray_marks() -> None:
    doc = fontes.analyze("He read the _Sermons_ of Tillotson and the _Spectator_ every week.\n")
    assert doc.garbles == []


def test_a_stray_mark_in_ocr_is_still_one() -> None:
    doc = fontes.analyze(SCAN + "The men went to _the quay at dawn, and waited there.\n")
    assert ("the", "_") in [(g.correction, g.stray) for g in doc.garbles]


def test_a_mark_that_only_ocr_leaves_is_damage_even_in_a_clean_text() -> None:
    assert garbles("They walked to ~the harbour at noon.") == [("~the", "the")]


def test_a_dot_or_underscore_before_a_word_in_a_clean_text_is_left_alone() -> None:
    # a file's extension, an identifier: only a noisy scan makes them likelier slips
    assert garbles("Save the table as .csv and the notes as _draft before you close it.") == []


def test_code_and_addresses_are_not_read_as_prose() -> None:
    text = "Run `sort on the file, see https://example.org/~boos/notes.html for the list."
    assert garbles(text) == []


def test_a_word_the_document_spells_right_elsewhere_is_the_likely_original() -> None:
    # a doubled letter alone is weak evidence in a clean text; the right spelling nearby is not
    assert garbles("The Commissaar signed the order.") == []
    text = "The commissar came late; the commissaar signed what the commissar drafted."
    assert garbles(text) == [("commissaar", "commissar")]
    text = "The government fell. The goverrnment that followed it was no stronger."
    assert garbles(text) == [("goverrnment", "government")]


def test_each_garble_carries_how_likely_the_word_is_damaged() -> None:
    (garble,) = fontes.analyze("He taught at the Ijniversity for ten years.").garbles
    assert 0.5 <= garble.score < 1


@pytest.mark.parametrize(
    "sentence",
    [
        "The legiones marched under the dominatione of the consul, as effecta show.",  # Latin
        "He was meerly apprized of it, and did shew the letter to none.",  # archaic spelling
        "I thank thee, friend, for the letter thou didst send on the 5th.",  # and forms
        "Er ging dahin, und the bishop said that the abbaye was poor.",  # German, French
        "The tho in the ballad is the poet's, not a misprint.",  # a real word, a clean text
    ],
)
def test_latin_archaic_and_foreign_words_in_a_clean_text_are_left_alone(sentence: str) -> None:
    assert garbles(sentence) == []


def test_a_noisy_scan_needs_less_evidence_than_a_clean_text() -> None:
    clean = "The foreman said that tho wages were fixed at the gate."
    assert garbles(clean) == []
    found = dict(garbles(SCAN))
    assert found["tho"] == "the" and found["aud"] == "and" and found["Tbe"] == "The"


def test_the_noise_of_a_document_follows_the_signs_of_damage() -> None:
    clean = "On the 5th the porters met at the _Grange_, and under the lamp they voted. " * 20
    assert ocr.document_noise(clean.replace("_", " ").split()) == ocr.LEAST_NOISE
    assert ocr.document_noise(SCAN.split()) > 10 * ocr.LEAST_NOISE


def test_a_non_word_in_a_scan_full_of_them_is_damage_with_its_likeliest_original() -> None:
    # `prisqnxr` is two slips from `prisoner`: too weak alone, enough where non-words abound
    assert garbles("The prisqnxr was taken to the gate.") == []
    found = dict(garbles(SCAN + "The prisqnxr was taken to the gate by the constable."))
    assert found["prisqnxr"] == "prisoner"


def test_a_repeated_non_word_in_a_noisy_scan_is_still_suspect() -> None:
    # a worn letter recurs: the same slip twice is no coined word
    found = garbles(SCAN + "The honse was shut; the honse was sold.")
    assert ("honse", "house") in found


def test_the_channel_makes_ocr_confusions_likelier_than_spelling_changes() -> None:
    assert ocr_channel.confusions("tbe")["the"] > ocr_channel.edits("tbe")["the"] - 1
    assert ocr_channel.confusions("rnarket")["market"] > ocr_channel.edits("meerly")["merely"]
    assert "merely" not in ocr_channel.confusions("meerly")  # a doubled vowel is spelling


def test_latin_quoted_in_a_noisy_scan_is_left_alone() -> None:
    found = dict(garbles(SCAN + " The colonus held under the locatio-conductio of the Digest."))
    assert "conductio" not in found and "locatio" not in found


def _scanned(text: str, doubted: dict[str, float]) -> Document:
    """`text` as an OCR engine's output, every word read with confidence 0.93 but those in
    `doubted`, a line of twelve words each."""
    builder = PagedText("hocr")
    builder.page()
    for index, word in enumerate(text.split()):
        if index % 12 == 0:
            builder.line()
        builder.word(word, Box(index, 0, index + 1, 1), doubted.get(word, 0.93))
    return process(builder.build("scan.hocr", "0"))


_PLAIN_PROSE = (
    "The committee met at the hall in the evening and the members heard the report of the "
    "treasurer on the state of the funds , which had fallen since the spring . "
) * 3 + "The clerk was thauked for his work and tlie rest went home ."


def test_a_word_the_ocr_engine_doubted_is_likelier_damaged() -> None:
    def garbles(doc: Document) -> dict[str, float]:
        return {doc.text[g.start : g.end]: g.score for g in doc.garbles}

    sure = garbles(_scanned(_PLAIN_PROSE, {}))
    doubted = garbles(_scanned(_PLAIN_PROSE, {"thauked": 0.1, "tlie": 0.3, "committee": 0.1}))
    assert "thauked" not in sure and "thauked" in doubted  # the doubt tipped the balance
    assert doubted["tlie"] > sure["tlie"]  # and made a garble more certain
    assert "committee" not in doubted  # but a word of English stays a word, however doubted
    # A word read with more confidence than the document's typical one is no less suspect.
    assert garbles(_scanned(_PLAIN_PROSE, {"tlie": 0.99})) == sure
