"""XML as the readers of ALTO, PAGE, hOCR and TEI need it: parsed safely, in one line of error.

No reader fetches anything: entities are not expanded, no DTD or schema is loaded, nothing
is read over the network, so a file cannot make fontes read another file or a URL.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from fontes.reading.source import InputError


def parse_xml(path: Path, data: bytes, kind: str) -> etree._Element:
    """The root element of `data`, the bytes of the XML file at `path`, a `kind` document
    (`ALTO`, `PAGE`), or an `InputError` that says in one line where it is broken. The caller
    reads the bytes once (`source.read_bytes`), for this and for their digest."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True, recover=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line = f" at line {error.lineno}" if error.lineno else ""
        reason = str(error.msg or error).split(", line ")[0]
        raise InputError(f"{path}: is not well-formed {kind} XML{line} ({reason})") from None
    if root is None:
        raise InputError(f"{path}: is empty, not {kind} XML")
    return root


def local_name(element: etree._Element) -> str:
    """The element's name without its namespace (`{http://...}String` → `String`)."""
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""
