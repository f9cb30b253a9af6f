"""Temporal expressions: every class of expression, normalised to TimeML values and EDTF."""

from __future__ import annotations

from datetime import date

import pytest

from fontes.model import Document, Markup, Source, TimeType
from fontes.pipeline import process
from fontes.time.expressions import find_time_expressions, to_edtf


def tagged(text: str, anchor: date | None = None) -> list[tuple[str, str, str, str | None]]:
    """(text, type, value, edtf) for each expression found."""
    return [
        (text[t.start : t.end], t.type.value, t.value, t.edtf)
        for t in find_time_expressions(text, anchor)
    ]


def only(text: str, anchor: date | None = None) -> tuple[str, str, str, str | None]:
    [found] = tagged(text, anchor)
    return found


@pytest.mark.parametrize(
    ("text", "span", "edtf"),
    [
        ("The strike began on 14 September 1889 at dawn.", "14 September 1889", "1889-09-14"),
        ("It began on the 14th of September, 1889.", "the 14th of September, 1889", "1889-09-14"),
        ("It began on September 14, 1889.", "September 14, 1889", "1889-09-14"),
        ("It began on Sept. 14, 1889.", "Sept. 14, 1889", "1889-09-14"),
        ("It began on Saturday, 14 September 1889.", "Saturday, 14 September 1889", "1889-09-14"),
        ("Dated 1889-09-14 in the register.", "1889-09-14", "1889-09-14"),
        ("The men came out in September 1889.", "September 1889", "1889-09"),
        ("The union was founded in 1889.", "1889", "1889"),
        ("Trade was bad in the 1880s.", "the 1880s", "188X"),
        ("Trade was bad in the thirties.", "the thirties", "193X"),
        ("The quays date from the 18th century.", "the 18th century", "17XX"),
        ("The quays date from the eighteenth century.", "the eighteenth century", "17XX"),
        ("He built it c. 1900.", "c. 1900", "1900~"),
        ("He built it circa 1900.", "circa 1900", "1900~"),
        ("He was born in 1867?", "1867?", "1867?"),
    ],
)
def test_dates_are_normalised_to_edtf(text: str, span: str, edtf: str) -> None:
    found = only(text)
    assert found[0] == span
    assert found[1] == "DATE"
    assert found[3] == edtf


@pytest.mark.parametrize(
    ("text", "span", "edtf"),
    [
        ("He sat on the board (1906-09).", "1906-09", "1906/1909"),
        ("The lock-out of 1920-21 broke it.", "1920-21", "1920/1921"),
        ("He served in the war, 1941-45.", "1941-45", "1941/1945"),
        ("He was premier between 1909 and 1931.", "between 1909 and 1931", "1909/1931"),
        ("He lived there from 1925 to 1928.", "from 1925 to 1928", "1925/1928"),
        ("The century turned, 1898-1902.", "1898-1902", "1898/1902"),
    ],
)
def test_ranges_are_edtf_intervals(text: str, span: str, edtf: str) -> None:
    found = only(text)
    assert (found[0], found[3]) == (span, edtf)


@pytest.mark.parametrize(
    ("text", "span", "edtf", "mod"),
    [
        ("By mid-1929 the party had grown.", "mid-1929", "1929", "MID"),
        ("In the early 1930s trade revived.", "the early 1930s", "193X", "START"),
        ("In late 1911 the men went back.", "late 1911", "1911", "END"),
        ("At the end of 1911 the men went back.", "the end of 1911", "1911", "END"),
    ],
)
def test_a_modifier_edtf_cannot_say_is_kept(text: str, span: str, edtf: str, mod: str) -> None:
    [expression] = find_time_expressions(text)
    assert text[expression.start : expression.end] == span
    assert (expression.edtf, expression.mod) == (edtf, mod)


def test_partial_dates_take_the_year_of_the_last_date_with_a_month() -> None:
    text = (
        "The trial ended on 7 December 1911. His brother had died in 1904. "
        "On 8 December the sentences were commuted."
    )
    dates = tagged(text)
    assert dates[-1] == ("8 December", "DATE", "1911-12-08", "1911-12-08")


def test_a_partial_date_records_the_date_it_was_completed_from() -> None:
    text = "The trial ended on 7 December 1911. On 8 December the sentences were commuted."
    first, second = find_time_expressions(text)
    assert second.anchor == first.start


@pytest.mark.parametrize(
    ("follows", "span", "value"),
    [
        ("Two years later the union split.", "Two years later", "1913"),
        ("Three months later the union split.", "Three months later", "1912-02"),
        ("The following day the union split.", "The following day", "1911-11-17"),
        ("The next year the union split.", "The next year", "1912"),
        ("A year earlier the union had split.", "A year earlier", "1910"),
        ("Ten days later the union split.", "Ten days later", "1911-11-26"),
    ],
)
def test_relative_dates_count_from_the_narratives_time(follows: str, span: str, value: str) -> None:
    text = f"The strike ended on 16 November 1911. {follows}"
    *_, relative = tagged(text)
    assert relative[:3] == (span, "DATE", value)


def test_a_vague_relative_date_is_bounded_by_its_anchor() -> None:
    text = "The strike ended in 1911. Some years earlier, the union had split."
    *_, earlier = find_time_expressions(text)
    assert text[earlier.start : earlier.end] == "Some years earlier"
    assert earlier.mod == "BEFORE"
    assert earlier.latest == date(1911, 1, 1)
    assert earlier.earliest is None


def test_without_any_date_to_count_from_a_relative_date_is_not_invented() -> None:
    assert tagged("Two years later the union split.") == [("Two years later", "DATE", "XXXX", None)]


def test_deictic_dates_count_from_the_document_date_when_given() -> None:
    text = "Last year the firm failed; yesterday its director spoke, and on Tuesday he left."
    found = tagged(text, anchor=date(2013, 3, 22))  # a Friday
    assert [(f[0], f[2]) for f in found] == [
        ("Last year", "2012"),
        ("yesterday", "2013-03-21"),
        ("Tuesday", "2013-03-19"),
    ]


def test_deictic_dates_without_a_document_date_use_the_narratives_time() -> None:
    text = "In March 1890 the council met. Last year it had not met at all."
    *_, last_year = tagged(text)
    assert last_year[:3] == ("Last year", "DATE", "1889")


def test_a_weekday_without_a_day_to_count_from_is_left_unresolved() -> None:
    [weekday] = tagged("The council met on Tuesday.")
    assert weekday[2] == "XXXX-WXX-2"
    assert weekday[3] is None


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("It lasted ten years.", "ten years", "P10Y"),
        ("He was a 63-year-old docker.", "63-year-old", "P63Y"),
        ("They met for three days.", "for three days", "P3D"),
        ("It lasted a decade.", "a decade", "P10Y"),
        ("The meeting lasted four hours.", "four hours", "PT4H"),
        ("The dispute lasted for months.", "for months", "PXM"),
        ("It lasted several weeks.", "several weeks", "PXW"),
    ],
)
def test_durations(text: str, span: str, value: str) -> None:
    assert only(text) == (span, "DURATION", value, None)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The council met every year.", "every year", "P1Y"),
        ("The council met annually.", "annually", "P1Y"),
        ("The council met twice a year.", "twice a year", "P1Y"),
        ("The paper appeared weekly.", "weekly", "P1W"),
    ],
)
def test_frequencies(text: str, span: str, value: str) -> None:
    assert only(text) == (span, "SET", value, None)


def test_times_of_day_take_the_day_being_narrated() -> None:
    text = "On 14 September 1889 the men met at 3 p.m. in the hall."
    *_, clock = find_time_expressions(text)
    assert (clock.type, clock.value) == (TimeType.TIME, "1889-09-14T15:00")


def test_quarters_and_seasons() -> None:
    assert only("Profits fell in the first quarter of 1912.")[2:] == ("1912-Q1", "1912-33")
    assert only("The men struck in the spring of 1891.")[2:] == ("1891-SP", "1891-21")


@pytest.mark.parametrize(
    "text",
    [
        "Some 2000 members joined.",  # a count, not a year
        "The union had 1500 men on its books.",
        "It cost £1890 to build.",
        "See p. 1912 of the register.",
        "He may come, and May not.",
        "The meeting march went on.",
    ],
)
def test_numbers_and_words_that_are_not_dates(text: str) -> None:
    assert tagged(text) == []


def test_every_date_value_is_valid_edtf_and_bounded() -> None:
    text = (
        "On 14 September 1889, in September 1889, in 1889, in the 1880s, in the 18th "
        "century, c. 1900, 1867?, 1906-09, between 1909 and 1931, the spring of 1891."
    )
    for expression in find_time_expressions(text):
        assert expression.edtf is not None
        assert expression.earliest is not None and expression.latest is not None
        assert expression.earliest <= expression.latest


def test_to_edtf_refuses_what_edtf_cannot_say() -> None:
    assert to_edtf("PRESENT_REF") is None
    assert to_edtf("P3Y") is None
    assert to_edtf("2013-W11") == "2013-03-11/2013-03-17"


def test_the_fast_bounds_agree_with_the_edtf_package() -> None:
    from edtf import parse_edtf

    from fontes.time.expressions import _bounds

    for edtf in ["1930", "1930-02", "1932-02", "1930-12-08", "193X", "19XX", "1906/1909"]:
        parsed = parse_edtf(edtf)
        lower, upper = parsed.lower_strict(), parsed.upper_strict()
        assert _bounds(edtf) == (
            date(lower.tm_year, lower.tm_mon, lower.tm_mday),
            date(upper.tm_year, upper.tm_mon, upper.tm_mday),
        )


def test_a_month_alone_takes_its_year_from_the_narrative() -> None:
    text = "In March 1890 the council met. In June it met again, and in late November."
    assert [f[:3] for f in tagged(text)] == [
        ("March 1890", "DATE", "1890-03"),
        ("June", "DATE", "1890-06"),
        ("late November", "DATE", "1890-11"),
    ]


def test_a_month_alone_in_a_report_is_the_last_one_unless_the_future_is_meant() -> None:
    found = tagged("In December the mill closed; it will reopen in August.", date(2013, 3, 22))
    assert [f[:3] for f in found] == [
        ("December", "DATE", "2012-12"),
        ("August", "DATE", "2013-08"),
    ]


def test_a_capitalised_verb_or_name_is_not_a_month() -> None:
    assert tagged("March on, said May Pellow.") == []


def test_a_list_of_years_and_ranges_is_an_edtf_set() -> None:
    assert only("He was premier in 1909-11, 1913 and 1915-17.") == (
        "1909-11, 1913 and 1915-17",
        "DATE",
        "{1909..1911,1913,1915..1917}",
        "{1909..1911,1913,1915..1917}",
    )


def test_half_yearly_is_not_yearly() -> None:
    assert tagged("The accounts were audited half-yearly.") == []


def test_a_time_of_day_takes_the_day_printed_after_it() -> None:
    clock, _ = find_time_expressions("The court rose at 3 p.m. on 8 December 1930.")
    assert clock.value == "1930-12-08T15:00"


@pytest.mark.parametrize("unit", ["One century", "Two centuries"])
def test_a_count_of_centuries_before_a_direction_is_read(unit: str) -> None:
    text = f"The mill opened in 1850. {unit} later it closed."
    found = find_time_expressions(text)  # `century` once became `centuryy`, a KeyError
    assert [text[t.start : t.end] for t in found][:1] == ["1850"]
    assert len(found) == 2


@pytest.mark.parametrize(
    "text",
    [
        "the rent was about 1600l. a year",
        "he owed 1400 l. to the bank",
        "see pp. 1201-1205 of the ledger",
        "the ledger runs to p. 1234",
        "entry no. 1850 of the series",
        "he paid £1200 for it",
        "under § 1801 of the harbour code",
        "as art. 1789 of the statute provides",
        "see para. 1234 of the report",
        "an army of 1500 men marched",
        "about 1400 acres of marsh",
        "the quay stood at 1500 feet",
        "the 1200 barrels were landed",
    ],
)
def test_sums_pages_and_numbers_in_a_series_are_no_years(text: str) -> None:
    assert [t for t in find_time_expressions(text) if t.type is TimeType.DATE] == []


@pytest.mark.parametrize(
    "text", ["In 1801 prices rose", "about 1801 the quay closed", "by 1801 the mill was gone"]
)
def test_a_year_before_other_words_is_still_one(text: str) -> None:
    assert [t.value for t in find_time_expressions(text)][:1] in (["1801"], ["1801~"])


def test_a_year_beside_them_is_still_one() -> None:
    found = find_time_expressions("In 1688 he paid 1600l. for it, see pp. 12-14.")
    assert [t.value for t in found] == ["1688"]


def _edition(text: str, *marks: tuple[str, str, dict[str, str]]) -> Document:
    """`text` as an encoded edition whose markup (tag, the words marked, attributes) is given."""
    markup = []
    for tag, words, attributes in marks:
        start = text.index(words)
        markup.append(Markup(start, start + len(words), tag, attributes))
    return process(Document(text, source=Source("tei", markup=markup)))


def test_an_editions_dates_are_read_as_it_values_them() -> None:
    text = "Trevose, 5th month 20th, 1792. In the spring of that year and in May 1793 we sailed."
    doc = _edition(
        text,
        ("date", "5th month 20th, 1792", {"when": "1792-05-20"}),
        ("date", "the spring of that year", {"notBefore": "1792-03", "notAfter": "1792-05"}),
        ("date", "May 1793", {}),  # marked, not valued: read from its words
    )
    assert [(doc.text[t.start : t.end], t.edtf) for t in doc.times] == [
        ("5th month 20th, 1792", "1792-05-20"),
        ("the spring of that year", "1792-03/1792-05"),
        ("May 1793", "1793-05"),
    ]


def test_an_edition_that_marks_no_dates_has_them_found_in_its_words() -> None:
    doc = _edition("We sailed in May 1793.", ("persName", "We", {}))
    assert [t.edtf for t in doc.times] == ["1793-05"]
