"""Pages as the report and the tables print and order them (`PageRange`)."""

from __future__ import annotations

import random

from fontes.model import PageRange


def test_one_page_is_its_label_and_a_range_is_joined_by_a_hyphen() -> None:
    assert str(PageRange("102", "102")) == "102"
    assert str(PageRange("102", "104")) == "102-104"
    assert str(PageRange("iv", "vi")) == "iv-vi"
    assert f"{PageRange('12a', '12a')}" == "12a"


def test_pages_sort_in_page_order_not_as_text() -> None:
    printed = ["iv", "ix-xii", "XIV", "2", "9", "12", "12-14", "12a", "13", "88", "102-104", "A2"]
    pages = [
        PageRange(*label.split("-")) if "-" in label else PageRange(label, label)
        for label in printed
    ]
    shuffled = random.Random(1).sample(pages, len(pages))
    assert [str(page) for page in sorted(shuffled, key=PageRange.sort_key)] == printed


def test_a_word_of_roman_letters_that_is_no_numeral_sorts_with_the_other_labels() -> None:
    pages = [PageRange(label, label) for label in ("ic", "b", "ii", "7")]
    assert [str(page) for page in sorted(pages, key=PageRange.sort_key)] == ["ii", "7", "b", "ic"]
