"""`parse_period`: years, ranges and lists of years as an apparatus prints them, as EDTF."""

from __future__ import annotations

import edtf
import pytest

import fontes
from fontes.text.periods import find_periods, parse_period


def test_a_single_year() -> None:
    period = parse_period("1925")
    assert period is not None
    assert (period.edtf, period.first_year, period.last_year) == ("1925", 1925, 1925)


def test_a_range_with_an_abbreviated_end() -> None:
    period = parse_period("1925-28")
    assert period is not None
    assert (period.edtf, period.first_year, period.last_year) == ("1925/1928", 1925, 1928)


def test_an_abbreviated_end_with_a_leading_zero_stays_in_the_century() -> None:
    period = parse_period("1906-09")
    assert period is not None
    assert period.edtf == "1906/1909"


def test_an_abbreviated_end_rolls_over_into_the_next_century() -> None:
    period = parse_period("1998-02")
    assert period is not None
    assert (period.edtf, period.last_year) == ("1998/2002", 2002)
    assert not period.inverted


def test_a_full_range_across_a_century() -> None:
    period = parse_period("1899-1901")
    assert period is not None
    assert period.edtf == "1899/1901"


def test_an_inverted_range_is_kept_as_printed_and_marked_inverted() -> None:
    period = parse_period("1921-17")
    assert period is not None
    assert (period.edtf, period.first_year, period.last_year) == ("1921/1917", 1921, 1917)
    assert period.inverted


def test_a_range_written_with_to() -> None:
    period = parse_period("1925 to 1928")
    assert period is not None
    assert period.edtf == "1925/1928"


def test_an_en_dash_range_in_a_glossary_is_read_through_the_folded_text() -> None:
    doc = fontes.analyze(
        "The guild met.\n\nWENLOCK, Ada, weaver (1885\u20131938); treasurer (1901\u201305).\n"
    )
    (entry,) = doc.glossary
    assert entry.lifespan is not None and entry.lifespan.edtf == "1885/1938"
    assert entry.roles[0].period is not None and entry.roles[0].period.edtf == "1901/1905"
    # Offsets are those of the original text, en-dash included.
    assert doc.text[entry.lifespan.start : entry.lifespan.end] == "1885\u20131938"


def test_a_list_of_years_and_ranges_becomes_an_edtf_set() -> None:
    period = parse_period("1909-11, 1913, 1915-17")
    assert period is not None
    assert period.edtf == "{1909..1911,1913,1915..1917}"
    assert (period.first_year, period.last_year) == (1909, 1917)


def test_between_two_years_is_a_range_not_a_list() -> None:
    period = parse_period("between 1909 and 1931")
    assert period is not None
    assert (period.edtf, period.first_year, period.last_year) == ("1909/1931", 1909, 1931)


def test_born_gives_an_open_end() -> None:
    period = parse_period("b. 1900")
    assert period is not None
    assert (period.edtf, period.first_year, period.last_year) == ("1900/", 1900, None)


def test_died_gives_an_open_start() -> None:
    period = parse_period("d. 1930")
    assert period is not None
    assert (period.edtf, period.first_year, period.last_year) == ("/1930", None, 1930)


def test_circa_is_approximate() -> None:
    period = parse_period("c. 1900")
    assert period is not None
    assert period.edtf == "1900~"


def test_a_question_mark_is_uncertain() -> None:
    period = parse_period("1929?")
    assert period is not None
    assert period.edtf == "1929?"


def test_an_unknown_end_is_open() -> None:
    period = parse_period("1887-?")
    assert period is not None
    assert (period.edtf, period.last_year) == ("1887/", None)


def test_offsets_skip_surrounding_space_and_trailing_punctuation() -> None:
    text = "  1925-28; "
    period = parse_period(text, offset=100)
    assert period is not None
    assert (period.start, period.end) == (102, 109)


@pytest.mark.parametrize("text", ["", "Penzance", "p. 45", "Ed.", "12-14", "1925, Penzance"])
def test_text_that_is_no_period_gives_none(text: str) -> None:
    assert parse_period(text) is None


def test_find_periods_reads_only_parenthesised_periods() -> None:
    text = "secretary (1901-05) of the guild (Carlow branch) in 1920 (c. 1930)"
    assert [p.edtf for p in find_periods(text)] == ["1901/1905", "1930~"]
    assert [text[p.start : p.end] for p in find_periods(text)] == ["1901-05", "c. 1930"]


@pytest.mark.parametrize(
    "text",
    [
        "1925",
        "1925-28",
        "1906-09",
        "1998-02",
        "1921-17",
        "1899-1901",
        "1925 to 1928",
        "1909-11, 1913, 1915-17",
        "1909 and 1911",
        "between 1909 and 1931",
        "b. 1900",
        "born 1900",
        "d. 1930",
        "c. 1900",
        "c. 1900-05",
        "1929?",
        "1887-?",
        "1887-",
    ],
)
def test_every_edtf_produced_is_valid(text: str) -> None:
    period = parse_period(text)
    assert period is not None
    assert edtf.parse_edtf(period.edtf) is not None
