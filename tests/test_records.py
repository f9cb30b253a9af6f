"""Records are immutable once made: a later stage adds records or fills in an annotation once,
never edits what an earlier stage found."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

import fontes
from fontes import model
from fontes.model import AnnotationError, EntityKind, Mention, annotate

TEXT = (
    "Mary Halloran* and her brother John spoke at the gates in 1889 (Quill: op. cit.; p. 4).\n\n"
    "HALLORAN, Mary, dock foreman (1860-1921).\n\n"
    "Quill, Peter (Ed.): 'The Quay Inquiry'; Bristol; 1904.\n"
)


def record_classes() -> list[type]:
    return [
        cls
        for _, cls in inspect.getmembers(model, inspect.isclass)
        if dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__
    ]


def test_every_record_class_is_frozen() -> None:
    classes = record_classes()
    assert len(classes) >= 15
    for cls in classes:
        assert cls.__dataclass_params__.frozen, cls.__name__  # type: ignore[attr-defined]


def test_no_record_of_an_analysed_document_can_be_changed() -> None:
    doc = fontes.analyze(TEXT)
    for kind in model.Document.KINDS:
        for record in getattr(doc, kind):
            field = dataclasses.fields(record)[0].name
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(record, field, getattr(record, field))


def test_an_annotation_is_filled_in_once_and_nothing_else_at_all() -> None:
    mention = Mention(start=0, end=4, kind=EntityKind.PERSON, source="ner", surname="Vane")
    annotate(mention, entity="person-vane", candidates=["person-vane"])
    assert (mention.entity, mention.candidates) == ("person-vane", ["person-vane"])
    with pytest.raises(AnnotationError, match=r"Mention\.entity is annotated already"):
        annotate(mention, entity="person-other")
    with pytest.raises(AnnotationError, match=r"Mention\.kind is no annotation"):
        annotate(mention, kind=EntityKind.PLACE)
    assert mention.entity == "person-vane" and mention.kind is EntityKind.PERSON


def test_linking_annotates_the_mentions_the_mention_stage_made() -> None:
    doc = fontes.analyze(TEXT)
    linked = [m for m in doc.mentions if m.entity]
    assert linked and all(m.entity in {e.id for e in doc.entities} for m in linked)
    (brother,) = [m for m in doc.mentions if m.source == "kinship"]  # `her brother John`
    assert (brother.relative, brother.surname) == ("person-halloran", "Halloran")
