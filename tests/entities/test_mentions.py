"""Finding mentions: the document's own aliases, found in time linear in the text."""

from __future__ import annotations

import random

from fontes.entities.mentions import _ALIAS, _alias_matches

PIECES = [
    *("A", "Ab", "ab", "McD", "xY", "AB", "Trade", "Board", "committee", "Éa", "1", "_"),
    *("of", "the", "de", "theM", "ofX"),  # joining words, alone and run into a name
    *("'", '"', "(", ")", " ", "  ", "\n", "-", ".", ","),
    *("(AB)", "('AB')", '("Ab")', "(ab)", "(A)", "(Ab"),
]


def test_aliases_found_from_the_parenthesis_are_those_the_pattern_finds() -> None:
    rng = random.Random(0)
    for _ in range(20_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30)))
        start, end = rng.randint(0, 2), len(text) - rng.randint(0, 2)
        expected = [(m.span(), m.groupdict()) for m in _ALIAS.finditer(text, start, end)]
        assert [(m.span(), m.groupdict()) for m in _alias_matches(text, start, end)] == expected


def test_a_long_run_of_capitalised_words_names_the_alias_as_the_pattern_does() -> None:
    # Searched plainly, 100 KB of capitalised words in one paragraph took 43 s; now, ms.
    text = "Harbour Board Of Trade Quay " * 150 + "'Northern Timber Committee' (Nortimber) ok"
    [match] = _alias_matches(text, 0, len(text))
    assert match.span() == next(_ALIAS.finditer(text)).span()
    assert (match["name"], match["alias"]) == ("Northern Timber Committee", "Nortimber")
