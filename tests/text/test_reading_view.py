"""The reading view: hyphenation joined, furniture dropped, lines joined, offsets exact."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fontes.text.reading_view import ReadingView, reading_view

BREAKS = "\r\n\f\v"


def span_of(view: ReadingView, text: str, word: str) -> str:
    """The original characters of the view's first `word`."""
    start = view.text.index(word)
    a, b = view.original_span(start, start + len(word))
    return text[a:b]


def test_a_word_hyphenated_at_a_line_end_is_whole_and_maps_to_both_halves() -> None:
    text = "the con-\nspiracy failed"
    view = reading_view(text)
    assert view.text == "the conspiracy failed"
    assert span_of(view, text, "conspiracy") == "con-\nspiracy"


def test_crlf_and_indentation_do_not_stop_the_join() -> None:
    text = "he came imme-  \r\n   diately after"
    view = reading_view(text)
    assert view.text == "he came immediately after"
    assert span_of(view, text, "immediately") == "imme-  \r\n   diately"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("self-\ngovernment", "self-government"),  # `selfgovernment` is no word
        ("twenty-\nfive men", "twenty-five men"),
        ("well-\nknown", "well-known"),
        ("some-\nthing", "something"),  # both halves are words, but so is the whole
        ("with-\nout", "without"),
        ("Plan-\ntagenbau", "Plantagenbau"),  # neither form an English word: joined
        ("religio-\nsas", "religiosas"),  # a Spanish word, though English knows both halves
        ("soft\u00ad\nhyphen", "softhyphen"),
    ],
)
def test_a_compound_keeps_its_hyphen_only_when_joined_it_is_no_word(
    text: str, expected: str
) -> None:
    assert reading_view(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 1914-\n18 war", "the 1914- 18 war"),  # a digit before the hyphen
        ("the Anglo-\nFrench entente", "the Anglo- French entente"),  # a capital after it
        ("a pause -\nthen more", "a pause - then more"),  # a dash, not a hyphen
        ("a pause\u2014\nthen more", "a pause\u2014 then more"),  # an em dash
    ],
)
def test_only_a_hyphen_after_a_letter_before_a_lower_case_letter_joins(
    text: str, expected: str
) -> None:
    assert reading_view(text).text == expected


def test_lines_of_a_paragraph_join_with_a_space_and_paragraph_breaks_stay() -> None:
    text = "First line\nsecond line.\n\n  Next paragraph\nends here.\n"
    view = reading_view(text)
    assert view.text == "First line second line.\n\n  Next paragraph ends here.\n"
    space = view.text.index(" second")
    assert text[view.to_original[space]] == "\n"


def test_dropped_spans_vanish_with_their_lines_and_words_join_across_them() -> None:
    text = "the end of a page where con-\n\f42 THE HISTORY\nspiracy went on\n"
    feed = text.index("\f")
    head_end = text.index("\nspiracy")
    view = reading_view(text, [(feed, feed + 1), (feed + 1, head_end)])
    assert view.text == "the end of a page where conspiracy went on\n"
    assert span_of(view, text, "conspiracy") == "con-\n\f42 THE HISTORY\nspiracy"


def test_a_sentence_runs_on_over_a_dropped_marker_between_blank_lines() -> None:
    text = "the people of the\n\n## p. 7 (#9) ####\n\ntown rose.\n\n## p. 8 (#10) ####\n\nThen"
    marks = [(m, text.index("\n", m)) for m in (text.index("## p. 7"), text.index("## p. 8"))]
    view = reading_view(text, marks)
    assert view.text == "the people of the town rose.\n\n\nThen"


def test_part_of_a_line_can_be_dropped() -> None:
    text = "42 THE HISTORY OF ENGLAND\nThe king died."
    view = reading_view(text, [(0, 3)])
    assert view.text == "THE HISTORY OF ENGLAND The king died."
    assert span_of(view, text, "THE") == "THE"


def test_an_empty_text_and_empty_spans() -> None:
    assert reading_view("").text == ""
    assert reading_view("", [(0, 0)]).original_span(0, 0) == (0, 0)
    view = reading_view("abc")
    assert view.original_span(3, 3) == (3, 3)
    assert view.original_span(1, 1) == (1, 1)
    with pytest.raises(ValueError):
        view.original_span(2, 5)


def test_it_takes_linear_time() -> None:
    def seconds(copies: int) -> float:
        text = "A line of words that runs on with con-\nspiracy in it and more words\n" * copies
        drops = [(i * 67, i * 67 + 2) for i in range(0, copies, 7)]
        began = time.perf_counter()
        reading_view(text, drops)
        return time.perf_counter() - began

    seconds(1_000)  # warm the word lookups
    small, large = seconds(5_000), seconds(40_000)
    assert large < small * 8 * 3  # eight times the text, well under 24 times the time


# Text made of the characters that matter: letters of both cases, hyphens, spaces and every
# kind of line break.
TEXTS = st.text(alphabet="aAbB- \u00ad\u2010\n\r\f\v.1", max_size=80)


@st.composite
def texts_and_drops(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(TEXTS)
    bounds = st.integers(min_value=-2, max_value=len(text) + 2)
    drops = draw(st.lists(st.tuples(bounds, bounds), max_size=4))
    return text, drops


def dropped(text: str, drops: list[tuple[int, int]]) -> set[int]:
    return {i for a, b in drops for i in range(max(a, 0), min(b, len(text)))}


@given(texts_and_drops())
@settings(max_examples=400, deadline=None)
def test_every_view_character_comes_from_an_equal_one_in_order(
    case: tuple[str, list[tuple[int, int]]],
) -> None:
    text, drops = case
    view = reading_view(text, drops)
    assert len(view.to_original) == len(view.text)
    gone = dropped(text, drops)
    previous = -1
    for index, char in enumerate(view.text):
        origin = view.to_original[index]
        assert previous < origin < len(text)  # strictly in the original's order
        previous = origin
        if char in " \n" and text[origin] in BREAKS:
            continue  # a line break read as a space, or kept as a paragraph break
        assert text[origin] == char
        assert origin not in gone


@given(texts_and_drops(), st.data())
@settings(max_examples=300, deadline=None)
def test_spans_map_back_monotonically_and_cover_their_characters(
    case: tuple[str, list[tuple[int, int]]], data: st.DataObject
) -> None:
    text, drops = case
    view = reading_view(text, drops)
    cut = st.integers(min_value=0, max_value=len(view.text))
    a, b, c = sorted(data.draw(st.tuples(cut, cut, cut)))
    first, second = view.original_span(a, b), view.original_span(b, c)
    assert 0 <= first[0] <= first[1] <= second[0] <= second[1] <= len(text)
    if b > a:
        assert first[1] - first[0] >= b - a
        inside = text[first[0] : first[1]]
        for char in view.text[a:b]:
            assert char in inside or char in " \n"


@given(st.text(alphabet="ab \n", max_size=60))
@settings(max_examples=200, deadline=None)
def test_a_text_without_hyphens_or_drops_keeps_its_words(text: str) -> None:
    assert reading_view(text).text.split() == text.split()
