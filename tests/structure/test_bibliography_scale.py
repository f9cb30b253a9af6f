"""The bibliography reader on running text that starts like an entry (it belongs with
tests/structure/test_bibliography.py, kept here while that file is edited elsewhere)."""

from __future__ import annotations

import pytest

from fontes.model import Document
from fontes.reading import find_paragraphs
from fontes.structure import bibliography


def test_a_long_paragraph_that_starts_like_an_entry_is_read_once_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    given = []
    parse_work = bibliography.parse_work

    def counting(text: str, offset: int = 0) -> object:
        given.append(len(text))
        return parse_work(text, offset)

    monkeypatch.setattr(bibliography, "parse_work", counting)
    line = "the porters walked out of the yards and the quays stood idle for a week"
    doc = Document("'The strike began\n" + "\n".join([line] * 1_000))
    find_paragraphs(doc)
    bibliography.read_bibliography(doc)
    # Re-reading the entry from its start at each line read 36 MB of this 73 KB paragraph.
    assert not doc.works and sum(given) < 5 * len(doc.text)
