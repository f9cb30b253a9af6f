"""Which reader a file needs: chosen by its content first (a PDF's `%PDF-`, an XML file's root
element and namespace, hOCR's `ocr_page` class), then by its extension, unless the caller
names one (`--from`). Every reader gives a `Document` with the same kind of text, so the
pipeline after it never asks where the text came from."""

from __future__ import annotations

import fnmatch
import gc
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from importlib import import_module
from pathlib import Path

from fontes.model import Document
from fontes.reading.source import InputError, read_document, read_head


class Format(StrEnum):
    TEXT = "text"
    PDF = "pdf"
    ALTO = "alto"
    PAGE = "page"
    HOCR = "hocr"
    TEI = "tei"


# Each format's reader: `read(path) -> Document`, in its own module, imported when first
# needed (a PDF library costs time to load that a corpus of text files never needs).
_READERS: dict[Format, str] = {
    Format.PDF: "fontes.reading.pdf",
    Format.ALTO: "fontes.reading.alto",
    Format.PAGE: "fontes.reading.page_xml",
    Format.HOCR: "fontes.reading.hocr",
    Format.TEI: "fontes.reading.tei",
}
_EXTENSIONS: dict[str, Format] = {
    ".pdf": Format.PDF,
    ".hocr": Format.HOCR,
    ".tei": Format.TEI,
}
_HEAD_BYTES = 8192
_XML_ROOT = re.compile(rb"<(?![?!])(?:[\w.-]+:)?(?P<name>[\w.-]+)(?P<attributes>[^>]*)>", re.S)
_NAMESPACES: list[tuple[bytes, Format]] = [
    (b"www.loc.gov/standards/alto", Format.ALTO),
    (b"schema.primaresearch.org/PAGE", Format.PAGE),
    (b"www.tei-c.org/ns", Format.TEI),
]
_ROOTS: dict[bytes, Format] = {b"alto": Format.ALTO, b"PcGts": Format.PAGE, b"TEI": Format.TEI}
_HOCR = re.compile(rb"""class=["'](?:[^"']*\s)?ocr_page\b|name=["']ocr-system["']""")


# The files a folder is read for, unless the caller names others (`--glob`).
FOLDER_GLOBS = ("*.txt", "*.pdf", "*.xml", "*.hocr", "*.html", "*.tei")
_MARKUP_EXTENSIONS = {".xml": "XML", ".html": "HTML", ".htm": "HTML", ".xhtml": "HTML"}


def folder_files(paths: Iterable[Path], globs: Iterable[str] | None = None) -> Iterator[Path]:
    """`paths` with each folder among them replaced by the files in it and below whose names
    match `globs` (`FOLDER_GLOBS` by default), in name order; hidden files and folders are
    passed over. A folder with no such file is an `InputError`."""
    patterns = tuple(globs or FOLDER_GLOBS)
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        found = sorted(
            (
                file
                for file in path.rglob("*")
                if file.is_file()
                and not any(part.startswith(".") for part in file.relative_to(path).parts)
                and any(fnmatch.fnmatch(file.name, pattern) for pattern in patterns)
            ),
            key=lambda file: file.relative_to(path).parts,
        )
        if not found:
            raise InputError(f"{path}: no files to read in it (looked for {', '.join(patterns)})")
        yield from found


def sniff(path: Path, head: bytes) -> Format:
    """The format of a file whose first bytes are `head`."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"%PDF-"):
        return Format.PDF
    if stripped.startswith(b"<"):
        if _HOCR.search(head):
            return Format.HOCR
        root = _root(stripped)
        if root is not None:
            name, attributes = root
            for marker, found in _NAMESPACES:
                if marker in attributes:
                    return found
            if name in _ROOTS:
                return _ROOTS[name]
    return _EXTENSIONS.get(path.suffix.lower(), Format.TEXT)


def _root(head: bytes) -> tuple[bytes, bytes] | None:
    """The name and attributes of the first element of an XML or HTML file."""
    match = _XML_ROOT.search(head)
    return (match["name"], match["attributes"]) if match else None


def read_any(path: str | Path, encoding: str = "utf-8", form: str | None = None) -> Document:
    """Read `path` with the reader its format needs (`form`, a `Format` value, forces one);
    never writes to it. Raises `InputError` with a one-line reason for what cannot be read."""
    path = Path(path)
    if form is not None and form not in Format.__members__.values():
        choices = ", ".join(f.value for f in Format)
        raise InputError(f"unknown format {form!r}; the formats are {choices}")
    chosen = Format(form) if form is not None else sniff(path, read_head(path, _HEAD_BYTES))
    if chosen is Format.TEXT and form is None and path.suffix.lower() in _MARKUP_EXTENSIONS:
        kind = _MARKUP_EXTENSIONS[path.suffix.lower()]
        raise InputError(
            f"{path}: is {kind} in none of the formats fontes reads (ALTO, PAGE, hOCR, TEI); "
            "give --from text to read it as plain text"
        )
    if chosen is Format.TEXT:
        return read_document(path, encoding)
    reader: Callable[[Path], Document] = import_module(_READERS[chosen]).read
    with _no_cycle_collection():
        return reader(path)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cycle collector paused while a paged source is read: a reader makes a few small
    objects for every word (its zone and box) and no cycles, and each collection would walk
    all those of the pages before, so a long book would cost more a page than a short one
    (40 % more at 600 pages)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
