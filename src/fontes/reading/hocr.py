"""hOCR (tesseract's `hocr` output, and any engine's that follows the hOCR spec) read as the
engine's plain text would lay it out, with each word's box and confidence.

The elements are taken by their `class`, whatever their tag: `ocr_page` starts a page (its
`title` gives the `bbox`, the `image` it was read from and, where the engine recognised one,
the printed page number `lpageno`; failing that, the text of an `ocr_pageno` element),
`ocr_par` a block (tesseract's text puts a blank line between paragraphs, not between its
content areas, so a paragraph is a block; an `ocr_carea` with lines but no paragraph is
one too), `ocr_line`, `ocrx_line`, and `ocr_header`, `ocr_footer`, `ocr_caption`,
`ocr_textfloat` and `ocr_pageno` where they hold words rather than lines, a line, and
`ocrx_word` a word with its `bbox` and `x_wconf` (0-100, kept as 0-1). A line with no
`ocrx_word` in it (engines that give lines only) gives its words without boxes.

Elements are read in the file's order, which the spec makes the reading order; the `order`
property, which the spec discourages, is not followed. XHTML is parsed as XML; a file that
neither is well-formed XML nor says it is XML (hOCR written as HTML) is parsed as HTML, which
forgives what HTML forgives. Any other file, or one with no page, is an `InputError`.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from lxml import etree

from fontes.model import Box, Document
from fontes.reading.paged import PagedText
from fontes.reading.source import InputError, read_bytes
from fontes.reading.xml import parse_xml

_BLOCKS = {"ocr_par", "ocr_carea", "ocrx_block"}
_LINES = {"ocr_line", "ocrx_line"}
# Classes the spec lets stand for a line or for a region of lines: a line where they hold
# words directly, a block where they hold lines.
_LINE_OR_BLOCK = {"ocr_header", "ocr_footer", "ocr_caption", "ocr_textfloat", "ocr_pageno"}
_WORD = "ocrx_word"
# `name value...` pairs of a `title`, split at semicolons outside quotes.
_PROPERTY = re.compile(r'(\w+)\s+("[^"]*"|[^;]*)')
# What marks a file as XHTML, to be read as XML or not at all.
_XHTML = b"http://www.w3.org/1999/xhtml"
_HEAD_BYTES = 4096


def read(path: Path) -> Document:
    """The hOCR file at `path` as a paged document; an `InputError` if it is not hOCR."""
    data = read_bytes(path)
    root = _parse(path, data)
    builder = PagedText("hocr")
    pages = 0
    for element in root.iter(tag=etree.Element):
        classes = _classes(element)
        if not classes:
            continue
        if "ocr_page" in classes:
            _start_page(builder, element)
            pages += 1
        elif _WORD in classes:
            properties = _properties(element)
            text = "".join(element.itertext())
            builder.word(text, _box(properties), _confidence(properties))
        elif classes & _LINES or (classes & _LINE_OR_BLOCK and not _holds(element, _LINES)):
            builder.line(_box(_properties(element)))
            if not _holds(element, {_WORD}):
                for word in "".join(element.itertext()).split():
                    builder.word(word)
        elif classes & (_BLOCKS | _LINE_OR_BLOCK):
            builder.block(_box(_properties(element)))
    if not pages:
        raise InputError(f"{path}: has no ocr_page element, so it is not hOCR")
    document = builder.build(str(path), hashlib.sha256(data).hexdigest(), str(path.parent))
    if not document.source.words:
        raise InputError(f"{path}: has no words (an hOCR file of blank pages)")
    return document


def _parse(path: Path, data: bytes) -> etree._Element:
    """XHTML parsed as XML; else, for a file that does not say it is XML and in which HTML's
    parser finds a page, as HTML (so a truncated XHTML file is an error, not half a text)."""
    try:
        return parse_xml(path, data, "hOCR")
    except InputError as not_xml:
        head = data[:_HEAD_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
        if head.startswith(b"<?xml") or _XHTML in head:
            raise
        parser = etree.HTMLParser(no_network=True, huge_tree=True)
        try:
            root = etree.fromstring(data, parser)
        except etree.LxmlError:
            raise not_xml from None
        if root is None or not root.xpath("//*[contains(concat(' ', @class, ' '), ' ocr_page ')]"):
            raise not_xml from None
        return root


def _start_page(builder: PagedText, element: etree._Element) -> None:
    properties = _properties(element)
    box = _box(properties)
    image = properties.get("image", "").strip('"') or None
    label = properties.get("lpageno", "").strip('"') or _printed_number(element)
    builder.page(
        label=label,
        width=box.right - box.left if box else None,
        height=box.bottom - box.top if box else None,
        image=image,
    )


def _printed_number(page: etree._Element) -> str | None:
    """The text of the page's `ocr_pageno` element, where the engine marked one."""
    for element in page.iter(tag=etree.Element):
        if "ocr_pageno" in _classes(element):
            return " ".join("".join(element.itertext()).split()) or None
    return None


def _classes(element: etree._Element) -> set[str]:
    value = element.get("class")
    return set(value.split()) if value else set()


def _holds(element: etree._Element, classes: set[str]) -> bool:
    """Whether an element below `element` has one of `classes`."""
    return any(_classes(below) & classes for below in element.iterdescendants(tag=etree.Element))


def _properties(element: etree._Element) -> dict[str, str]:
    """An element's `title` as hOCR properties: `bbox 0 0 10 20; x_wconf 95` → name: value."""
    title = element.get("title") or ""
    return {match[1]: match[2].strip() for match in _PROPERTY.finditer(title)}


def _box(properties: dict[str, str]) -> Box | None:
    try:
        left, top, right, bottom = (float(value) for value in properties["bbox"].split())
    except (KeyError, ValueError):
        return None
    return Box(left, top, right, bottom)


def _confidence(properties: dict[str, str]) -> float | None:
    """`x_wconf`, a percentage, as 0-1."""
    try:
        score = float(properties["x_wconf"])
    except (KeyError, ValueError):
        return None
    return min(max(score / 100, 0.0), 1.0)
