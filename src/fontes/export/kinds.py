"""Record kinds for exports: which model fields a kind publishes, and their JSON and Schema.

A `Kind` names the fields of a model class it publishes; their types come from the model's
own annotations, so an export written from kinds cannot drift from the model. From a kind
follow a frozen dataclass for one published record (`Kind.record`), its JSON (`dump`), the
way back (`load`) and its JSON Schema (`schema_of`). `export/dossier.py` declares the
dossier's kinds; the CSV tables take their columns from them.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, is_dataclass, make_dataclass
from datetime import date
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

from fontes.model import EDTF, Document, PageRange, Period

Getter = Callable[[Document, Any], Any]


@dataclass(frozen=True)
class Field:
    """One published value of a record kind: its key, its type and how to read it."""

    key: str
    type: Any
    get: Getter
    description: str = ""


class Kind:
    """A record kind of the dossier: a model class and the fields it publishes.

    `spec` lists model attribute names (`key=attribute` to publish one under another name)
    and `Field`s the export computes from a record (its text, a person's dates). `record` is
    the frozen dataclass that holds one published record, as `load_dossier` gives them back.
    """

    def __init__(self, name: str, model: type | None, spec: Sequence[str | Field]) -> None:
        hints = get_type_hints(model, include_extras=True) if model else {}
        declared = {f.name: f for f in fields(model)} if model and is_dataclass(model) else {}
        self.name = name
        self.description = first_line(model.__doc__) if model else ""
        self.fields: list[Field] = []
        for item in spec:
            if isinstance(item, Field):
                self.fields.append(item)
                continue
            key, _, attribute = item.partition("=")
            attribute = attribute or key
            if attribute not in hints:
                raise TypeError(f"{name}: {model} has no field {attribute!r}")
            about = declared[attribute].metadata.get("description", "") if declared else ""
            self.fields.append(_published(key, attribute, hints[attribute], about))
        self.record: type = make_dataclass(
            "".join(part.title() for part in name.split("_")),
            [(f.key, f.type) for f in self.fields],
            frozen=True,
            slots=True,
        )
        self.record.__module__ = __name__
        self.record.__doc__ = f"A published {name.replace('_', ' ')} (see `fontes.model`)."
        KINDS[self.record] = self

    @property
    def array(self) -> Any:
        """The type of a list of this kind's records, for a field that holds several."""
        return list[self.record]  # type: ignore[name-defined]  # a type made at run time

    def project(self, doc: Document, record: Any) -> Any:
        """The published record of a model record."""
        return self.record(**{f.key: f.get(doc, record) for f in self.fields})

    def json(self, doc: Document, record: Any) -> dict[str, Any]:
        """The published record of a model record, as JSON data."""
        data: dict[str, Any] = dump(self.record, self.project(doc, record))
        return data

    def many(self, get: Callable[[Any], Iterable[Any]]) -> Getter:
        """A getter that projects each of the records `get` reads from a record."""
        return lambda doc, record: [self.project(doc, item) for item in get(record)]

    def one(self, get: Callable[[Any], Any]) -> Getter:
        """A getter that projects the record `get` reads, or gives None."""

        def project(doc: Document, record: Any) -> Any:
            item = get(record)
            return None if item is None else self.project(doc, item)

        return project


KINDS: dict[type, Kind] = {}


def first_line(text: str | None) -> str:
    return text.strip().splitlines()[0] if text else ""


def _published(key: str, attribute: str, type_: Any, description: str) -> Field:
    """A model field as published; a `Period` appears as its EDTF string."""
    if _without_none(type_) is Period:
        return Field(key, EDTF | None, lambda doc, r: edtf_of(getattr(r, attribute)), description)
    return Field(key, type_, lambda doc, r: getattr(r, attribute), description)


def edtf_of(period: Period | None) -> str | None:
    return period.edtf if period is not None else None


def _without_none(type_: Any) -> Any:
    """`X` for `X | None`; any other type as it is."""
    if get_origin(type_) in (Union, types.UnionType):
        rest = [arg for arg in get_args(type_) if arg is not type(None)]
        return rest[0] if len(rest) == 1 else type_
    return type_


def _marker(type_: Any) -> str | None:
    """The name an `Annotated` model type carries (`offset`, `year`, `edtf`)."""
    if get_origin(type_) is Annotated:
        return str(type_.__metadata__[0])
    return None


def year_text(year: int | None) -> str | None:
    """A year as every export prints it: four digits at least (`0190`, `1930`)."""
    return f"{year:04d}" if year is not None else None


def _page(label: str) -> int | str:
    return int(label) if label.isascii() and label.isdigit() else label


def dump(type_: Any, value: Any) -> Any:
    """A published value as JSON data."""
    return _convert(type_, value, to_json=True)


def load(type_: Any, value: Any) -> Any:
    """JSON data back as a published value: the inverse of `dump`."""
    return _convert(type_, value, to_json=False)


def _convert(type_: Any, value: Any, to_json: bool) -> Any:
    """`dump` and `load` in one: each type's way there and back side by side."""
    if value is None:
        return None
    type_ = _without_none(type_)
    if _marker(type_) == "year":
        return year_text(value) if to_json else int(value)
    if get_origin(type_) is Annotated:
        return value
    if get_origin(type_) is list:
        (item,) = get_args(type_)
        return [_convert(item, v, to_json) for v in value]
    if type_ is date:
        return value.isoformat() if to_json else date.fromisoformat(value)
    if isinstance(type_, type) and issubclass(type_, Enum):
        return value.value if to_json else type_(value)
    if type_ is PageRange:
        if to_json:
            return {"first": _page(value.first), "last": _page(value.last)}
        return PageRange(str(value["first"]), str(value["last"]))
    if type_ in KINDS:
        fields = KINDS[type_].fields
        if to_json:
            return {f.key: _convert(f.type, getattr(value, f.key), to_json) for f in fields}
        return type_(**{f.key: _convert(f.type, value[f.key], to_json) for f in fields})
    return value


# JSON Schema for the model's annotated types, by the name each carries.
DEFINITIONS: dict[str, dict[str, Any]] = {
    "offset": {"type": "integer", "minimum": 0, "description": "A str index into the text."},
    "year": {
        "type": "string",
        "pattern": "^(-[0-9]{3,}|[0-9]{4,})$",
        "description": "A year, with four digits at least.",
    },
    "edtf": {"type": "string", "description": "An EDTF date, interval or set."},
    "page": {"type": ["integer", "string"], "description": "A page as printed: 102, xiv, 12a."},
}
_PRIMITIVES = {str: "string", int: "integer", float: "number", bool: "boolean"}


def schema_of(type_: Any) -> dict[str, Any]:
    """The JSON Schema of a published type."""
    bare = _without_none(type_)
    if bare is not type_:
        return {"anyOf": [schema_of(bare), {"type": "null"}]}
    if marker := _marker(type_):
        return {"$ref": f"#/$defs/{marker}"}
    if get_origin(type_) is list:
        (item,) = get_args(type_)
        return {"type": "array", "items": schema_of(item)}
    if type_ is date:
        return {"type": "string", "format": "date"}
    if isinstance(type_, type) and issubclass(type_, Enum):
        return {"enum": [member.value for member in type_]}
    if type_ is PageRange:
        page = {"$ref": "#/$defs/page"}
        return object_schema({"first": page, "last": page}, PageRange.__doc__)
    if type_ in KINDS:
        return {"$ref": f"#/$defs/{KINDS[type_].name}"}
    return {"type": _PRIMITIVES[type_]}


def object_schema(properties: dict[str, Any], description: str | None = "") -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object"}
    if description:
        schema["description"] = first_line(description)
    return {
        **schema,
        "required": list(properties),
        "additionalProperties": False,
        "properties": properties,
    }


def kind_schema(kind: Kind) -> dict[str, Any]:
    properties = {}
    for field_ in kind.fields:
        schema = schema_of(field_.type)
        if field_.description:
            schema = {**schema, "description": field_.description}
        properties[field_.key] = schema
    return object_schema(properties, kind.description)
