"""Names as prose prints them: the titles and ranks before them."""

from __future__ import annotations

import pytest

from fontes.text.names import after_title


@pytest.mark.parametrize(
    "before",
    ["Mr. ", "General ", "Gen. ", "capt. ", "Lieut. ", "the Abbe ", "the admiral, ", "Mme "],
)
def test_a_title_or_its_abbreviation_before_a_name_is_found(before: str) -> None:
    text = f"{before}Quenby"
    assert after_title(text, len(before))


@pytest.mark.parametrize("before", ["", "the ", "said ", "Mr. Orrin ", "Gen."])
def test_other_words_before_a_name_are_no_title(before: str) -> None:
    text = f"{before}Quenby"
    assert not after_title(text, len(before))
