"""XML as every reader parses it: no entity expanded, no file or URL fetched, one line of error."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from fontes.reading.formats import read_any
from fontes.reading.source import InputError

# Each entity ten of the one before: `&i;` would be a hundred million `ha`s.
_ENTITIES = "".join(
    f'<!ENTITY {b} "{f"&{a};" * 10}">\n' for a, b in itertools.pairwise("abcdefghi")
)
LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE alto [\n<!ENTITY a "ha">\n'
    + _ENTITIES
    + ']>\n<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Layout><Page>'
    '<PrintSpace><TextBlock><TextLine><String CONTENT="&i;"/><SP/>'
    '<String CONTENT="Quay"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>\n'
)
OUTSIDE = (
    '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY secret SYSTEM "file://{path}">]>\n'
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>The quay &secret;.'
    "</p></body></text></TEI>\n"
)


def test_no_entity_is_expanded(tmp_path: Path) -> None:
    path = tmp_path / "laughs.xml"
    path.write_text(LAUGHS, encoding="utf-8")
    try:
        doc = read_any(path)
    except InputError as error:
        assert "\n" not in str(error)
    else:
        assert len(doc.text) < 100 and "hahaha" not in doc.text


def test_no_file_is_read_through_an_entity(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("PASSWORD", encoding="utf-8")
    path = tmp_path / "edition.xml"
    path.write_text(OUTSIDE.format(path=secret), encoding="utf-8")
    try:
        doc = read_any(path)
    except InputError as error:
        assert "\n" not in str(error)
    else:
        assert "PASSWORD" not in doc.text


@pytest.mark.parametrize("cut", [10, 200, 2000])
def test_a_truncated_file_is_one_line_naming_where(tmp_path: Path, cut: int) -> None:
    original = Path(__file__).parents[1] / "data" / "formats" / "ocr" / "derwent.xml"
    path = tmp_path / "cut.xml"
    path.write_bytes(original.read_bytes()[:cut])
    with pytest.raises(InputError) as raised:
        read_any(path)
    assert "\n" not in str(raised.value) and str(path) in str(raised.value)
