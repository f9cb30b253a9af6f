"""Spelling comparison: each OCR and transliteration confusion class, and true negatives."""

from __future__ import annotations

import pytest

from fontes.text import spelling
from fontes.text.spelling import Difference, SpellingIndex, compare


@pytest.mark.parametrize(
    ("right", "garbled"),
    [
        ("Ramsden", "Rarnsden"),  # rn / m
        ("Gilmour", "Gilinour"),  # in / m
        ("Hollis", "Holhs"),  # li / h
        ("Pendleton", "Penclleton"),  # cl / d
        ("Bowen", "Bovven"),  # vv / w
        ("Ulverston", "Ijlverston"),  # Ij / U
        ("Merrow", "Mcrrow"),  # e / c
        ("Lovell", "Love1l"),  # l / 1
        ("Whitby", "~.Whitby"),  # stray marks
    ],
)
def test_ocr_confusions(right: str, garbled: str) -> None:
    assert compare(right, garbled) is Difference.OCR


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Belinsky", "Belinski"),  # -sky / -ski
        ("Dobryakov", "Dobriakov"),  # y / i
        ("Zinovievsky", "Zinovyevsky"),  # ie / ye
        ("Kharitonov", "Haritonov"),  # kh / h
        ("Aksenov", "Axenov"),  # ks / x
        ("Andrey", "Andrei"),
        ("Nikolay", "Nikolai"),
        ("Yuriy", "Yurii"),  # iy / ii
    ],
)
def test_transliteration_variants(one: str, other: str) -> None:
    assert compare(one, other) is Difference.TRANSLITERATION


def test_accents_and_case_are_the_same_name() -> None:
    assert compare("Lefèvre", "LEFEVRE") is Difference.SAME
    assert compare("Жуков", "Zhukov") is Difference.SAME


def test_a_dropped_letter_in_a_rare_name_is_a_misspelling() -> None:
    assert compare("Penhallow", "Penhalow") is Difference.MISSPELLING


@pytest.mark.parametrize(
    ("one", "other"),
    [("Johnson", "Johnston"), ("Pavel", "Vladimir"), ("Paris", "Pavia"), ("Lawrence", "Laurel")],
)
def test_different_names_stay_different(one: str, other: str) -> None:
    assert compare(one, other) is None


def test_spelling_index_relates_variants_in_the_order_first_seen() -> None:
    index = SpellingIndex()
    assert index.relatives("Krylov") == ["Krylov"]
    assert index.relatives("Smith") == ["Smith"]
    assert index.relatives("Krilov") == ["Krylov", "Krilov"]
    assert index.relatives("Krylov") == ["Krylov", "Krilov"]
    assert index.relatives("Smyth") == ["Smith", "Smyth"]


def test_spelling_index_compares_each_distinct_pair_once(monkeypatch) -> None:
    calls = []

    def counting(a: str, b: str):
        calls.append((a, b))
        return compare(a, b)

    monkeypatch.setattr(spelling, "compare", counting)
    index = SpellingIndex()
    for _ in range(500):
        for name in ("Krylov", "Krilov", "Kuznetsov", "Smith"):
            index.relatives(name)
    assert len(calls) == 3  # Krilov-Krylov, Kuznetsov with both; Smith has no K to meet
