"""Truncation: a document or an entry that stops before it is complete."""

from __future__ import annotations

import pytest

import fontes


def truncated(text: str) -> list[str]:
    return [f.rule for f in fontes.analyze(text).findings if f.rule == "TR001"]


def test_a_document_ending_mid_sentence() -> None:
    assert truncated("The dockers struck in May.\n\nThe board resolved that the\n") == ["TR001"]


def test_a_document_ending_with_a_full_stop() -> None:
    assert truncated("The dockers struck in May.\n\nThe board gave way.\n") == []


@pytest.mark.parametrize("jump", ["Continued on Page Two.", "Continued On Pago Two. m"])
def test_a_newspaper_story_continued_on_another_page(jump: str) -> None:
    text = f"The dockers struck in May.\n\nTo most of the questions the secretary\n{jump}\n"
    assert truncated(text) == []


@pytest.mark.parametrize(
    "specks", ["5 1", "-ApVlv jm t", "' i", "\nTruro, 17th March, 1861", "\nJORY KEAST"]
)
def test_ocr_specks_a_date_or_a_signature_after_the_last_sentence(specks: str) -> None:
    assert truncated(f"The dockers struck in May.\n\nThe board gave way. {specks}\n") == []


@pytest.mark.parametrize("last", ["that the", "of a", "Orders,", "the Board of"])
def test_short_words_that_leave_the_sentence_open(last: str) -> None:
    assert truncated(f"The dockers struck in May.\n\nThe board resolved {last}\n") == ["TR001"]


def test_a_list_ending_in_a_number_and_a_full_stop_is_finished() -> None:
    assert truncated("The prices were these.\n\nTincroft, 13, 14; West Wheal, 8, 9.\n") == []
