"""Named-entity recognition: spaCy's statistical mentions, typed for historians' use."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from fontes.entities.nlp import parse

# spaCy's OntoNotes labels → the three kinds of entity a dossier keeps.
KINDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}


@dataclass(frozen=True, slots=True)
class EntitySpan:
    start: int
    end: int
    kind: str
    label: str


def recognise(
    text: str, spans: Iterable[tuple[int, int]] | None = None, model: str | None = None
) -> Iterator[EntitySpan]:
    """Entity mentions in `text` (or in `spans` of it), with offsets into `text`."""
    for offset, parsed, where in parse(
        text, spans if spans is not None else [(0, len(text))], model
    ):
        for ent in parsed.ents:
            if ent.label_ in KINDS:
                start, end = ent.start_char, ent.end_char
                if where is not None:  # a word hyphenated at a line end was read whole
                    start, end = where[start], where[end - 1] + 1
                yield EntitySpan(offset + start, offset + end, KINDS[ent.label_], ent.label_)
