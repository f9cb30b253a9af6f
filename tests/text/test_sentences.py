"""Sentences: a full stop ends one unless it ends an initial or a usual abbreviation."""

from __future__ import annotations

from fontes.text.sentences import sentences


def split(text: str) -> list[str]:
    return [text[start:end] for start, end in sentences(text, 0, len(text))]


def test_a_full_stop_before_a_capital_ends_a_sentence() -> None:
    assert split("The dockers struck. The owners refused! Why? Nobody knew.") == [
        "The dockers struck.",
        "The owners refused!",
        "Why?",
        "Nobody knew.",
    ]


def test_initials_and_abbreviations_do_not_end_one() -> None:
    text = "Mr. R. T. Olver met Dr. Vane (see p. 4 and Quill, ed. Bristol). They spoke."
    assert split(text) == [
        "Mr. R. T. Olver met Dr. Vane (see p. 4 and Quill, ed. Bristol).",
        "They spoke.",
    ]


def test_a_quotation_closing_after_the_stop_stays_with_its_sentence() -> None:
    assert split('He said "Never." Then he left.') == ['He said "Never."', "Then he left."]


def test_the_spans_are_offsets_into_the_text_given() -> None:
    text = "Before. Inside one. Inside two. After."
    start, end = text.index("Inside one"), text.index(" After")
    assert [text[a:b] for a, b in sentences(text, start, end)] == ["Inside one.", "Inside two."]
