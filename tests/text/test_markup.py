"""Italic marks of plain-text editions, read as spaces where they pair up."""

from __future__ import annotations

import pytest

from fontes.text.markup import without_markup


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("_May 4._ Rain all day.", " May 4.  Rain all day."),
        ("the _Sermons_ of Tillotson", "the  Sermons  of Tillotson"),
        ("*Keels and Keelmen* (1929)", " Keels and Keelmen  (1929)"),
        ("_The Quays of\nTruro_, p. 4", " The Quays of\nTruro , p. 4"),
    ],
)
def test_paired_marks_are_spaces(text: str, plain: str) -> None:
    assert without_markup(text) == plain


@pytest.mark.parametrize("text", ["a stray _the in OCR", "snake_case and x_y", "2 * 3 * 4"])
def test_marks_that_do_not_pair_stay(text: str) -> None:
    assert without_markup(text) == text


def test_a_span_does_not_cross_a_blank_line() -> None:
    assert without_markup("_one\n\ntwo_") == "_one\n\ntwo_"
