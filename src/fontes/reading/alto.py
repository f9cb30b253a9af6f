"""ALTO (v1/CCS, v2, v3, v4: any namespace, root `alto`) read as an OCR engine's plain text
would lay it out, with each word's box and confidence.

Each `Layout/Page` is a page (`PRINTED_IMG_NR`, where given, is its printed number, and
`WIDTH`/`HEIGHT` its size; pages are counted in the file's order, not by `PHYSICAL_IMG_NR`),
each `TextBlock` a block, each `TextLine` a line and each `String` a word (`CONTENT`, its
`HPOS`/`VPOS`/`WIDTH`/`HEIGHT` box and `WC` confidence, 0-1). `SP` is the space between words
(where a line has none, its strings are taken for words), and a line's `HYP` puts a hyphen at
the end of its last word, as the printed line shows it.

Reading order, per page: the blocks of the page's areas in the order a reader takes them
(`TopMargin`, `LeftMargin`, `PrintSpace`, `RightMargin`, `BottomMargin`; the schema makes
files list the bottom margin before the print space), each area's blocks in the file's
order. Where the file declares an order, it is followed instead: a v4 `ReadingOrder`
(its groups' `ElementRef`/`REF`s, depth first; a reference to a `ComposedBlock` stands for
the text blocks inside it; unordered groups are taken in the order written; blocks it does
not name follow on their page in the file's order), or else the `IDNEXT` chains of text
blocks. References to lines or strings, and `IDNEXT` on composed blocks, are not followed.

Boxes are in pixels of the page image. A file measured in `mm10` or `inch1200` (or naming
no unit, whose default is `mm10`) has them converted where the page's image is there to give
its width in pixels (PNG, JPEG, TIFF or JPEG 2000), the page's `WIDTH` being the image's;
otherwise they stay in the file's unit, which the `Source` does not record. The image is
`sourceImageInformation/fileName`, relative to the ALTO file's folder; the file names one
image, so of several pages only the first has it (tesseract, which writes all pages of a run
in one file, names its first image). An image named but not there is no error (the
source's `missing_images` lists them).
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from fontes.model import Box, Document
from fontes.reading.paged import PagedText, Word, joined
from fontes.reading.source import InputError, read_bytes
from fontes.reading.xml import local_name, parse_xml

# The page's areas, in the order they are read.
_AREAS = ("TopMargin", "LeftMargin", "PrintSpace", "RightMargin", "BottomMargin")
# The measurement units other than the scan's pixels.
_PHYSICAL_UNITS = {"mm10", "inch1200"}
# An element's name in the file's namespace: `String` → `{http://...ns-v4#}String`.
_Namer = Callable[[str], str]


def read(path: Path) -> Document:
    """The ALTO file at `path` as a paged document; an `InputError` if it is not ALTO."""
    data = read_bytes(path)
    root = parse_xml(path, data, "ALTO")
    if local_name(root) != "alto":
        raise InputError(f"{path}: its root element is <{local_name(root)}>, not ALTO's <alto>")
    namespace = etree.QName(root).namespace
    name: _Namer = (lambda tag: f"{{{namespace}}}{tag}") if namespace else (lambda tag: tag)
    # The schema's default unit, where the file names none, is the tenth of a millimetre.
    unit = (root.findtext(f"{name('Description')}/{name('MeasurementUnit')}") or "mm10").strip()
    image = root.findtext(
        f"{name('Description')}/{name('sourceImageInformation')}/{name('fileName')}"
    )
    image = image.strip() if image and image.strip() else None
    ranks = _declared_order(root, name)
    builder = PagedText("alto")
    for number, page in enumerate(root.iter(name("Page"))):
        page_image = image if number == 0 else None
        width, height = _number(page, "WIDTH"), _number(page, "HEIGHT")
        scale = _scale(unit, width, path.parent, page_image)
        builder.page(
            label=(page.get("PRINTED_IMG_NR") or "").strip() or None,
            width=width * scale if width is not None else None,
            height=height * scale if height is not None else None,
            image=page_image,
        )
        for block in _blocks(page, name, ranks):
            builder.block(_box(block, scale))
            for line in block.iterchildren(name("TextLine")):
                builder.line(_box(line, scale))
                _line(builder, line, name, scale)
    digest = hashlib.sha256(data).hexdigest()
    document = builder.build(str(path), digest, str(path.parent))
    if not document.source.pages:
        raise InputError(f"{path}: has no Layout/Page element, so no pages to read")
    if not document.source.words:
        raise InputError(f"{path}: has no words (no String with CONTENT on any page)")
    return document


def _line(builder: PagedText, line: etree._Element, name: _Namer, scale: float) -> None:
    """The line's words. In a line that spaces its words with `SP`, strings with no `SP`
    between them are one word (`Mon` `day` → `Monday`); in one with no `SP` at all, each
    string is a word. A `HYP` puts a hyphen at the end of the last word."""
    words: list[Word] = []
    space, hyp = name("SP"), name("HYP")
    children = list(line.iterchildren(name("String"), space, hyp))
    spaced = any(child.tag == space for child in children)
    goes_on = False  # whether the next string goes on with the last word
    for child in children:
        if child.tag == space:
            goes_on = False
        elif child.tag == hyp:
            if words:
                words[-1] = joined(words[-1], ("-", _box(child, scale), None))
        else:
            box, confidence = _box(child, scale), _confidence(child)
            # Some engines put a phrase in one String: its words share the String's box.
            for index, part in enumerate(child.get("CONTENT", "").split()):
                if index == 0 and goes_on and words:
                    words[-1] = joined(words[-1], (part, box, confidence))
                else:
                    words.append((part, box, confidence))
            goes_on = spaced
    builder.words(words)


def _blocks(page: etree._Element, name: _Namer, ranks: dict[str, int]) -> list[etree._Element]:
    """The page's text blocks in reading order (see the module's docstring)."""
    areas = {local_name(area): area for area in page.iterchildren(tag=etree.Element)}
    blocks = [
        block for area in _AREAS if area in areas for block in areas[area].iter(name("TextBlock"))
    ]
    every = list(page.iter(name("TextBlock")))
    if len(blocks) < len(every):
        # Blocks outside the page's areas, which the schema does not allow, come after them.
        found = {id(block) for block in blocks}
        blocks += [block for block in every if id(block) not in found]
    if ranks:
        ranked = {id(block): _rank(block, ranks) for block in blocks}
        return sorted(blocks, key=lambda block: ranked[id(block)])
    return _chained(blocks)


def _declared_order(root: etree._Element, name: _Namer) -> dict[str, int]:
    """Each ID a v4 `ReadingOrder` names, with its place in the order."""
    ranks: dict[str, int] = {}
    for order in root.iter(name("ReadingOrder")):
        for element in order.iter(tag=etree.Element):
            for ref in (element.get("REF") or "").split():
                ranks.setdefault(ref, len(ranks))
    return ranks


def _rank(block: etree._Element, ranks: dict[str, int]) -> float:
    """The place of the block or of the composed block around it in the declared order;
    blocks it does not name come after those it does."""
    for element in (block, *block.iterancestors()):
        identifier = element.get("ID")
        if identifier in ranks:
            return ranks[identifier]
    return float("inf")


def _chained(blocks: list[etree._Element]) -> list[etree._Element]:
    """The blocks in the order their `IDNEXT`s chain them, starting each chain where the file
    first has a block no other names as next; where none chains, the file's order."""
    by_id = {block.get("ID"): block for block in blocks if block.get("ID")}
    targets = {block.get("IDNEXT") for block in blocks} & by_id.keys()
    if not targets:
        return blocks
    placed: set[int] = set()
    ordered: list[etree._Element] = []
    for head in blocks:
        if head.get("ID") in targets:
            continue
        block: etree._Element | None = head
        while block is not None and id(block) not in placed:
            placed.add(id(block))
            ordered.append(block)
            block = by_id.get(block.get("IDNEXT") or "")
    ordered.extend(block for block in blocks if id(block) not in placed)  # chains in a loop
    return ordered


def _number(element: etree._Element, attribute: str) -> float | None:
    try:
        return float(element.get(attribute) or "")
    except ValueError:
        return None


def _box(element: etree._Element, scale: float) -> Box | None:
    get = element.get
    try:
        left, top = float(get("HPOS", "")), float(get("VPOS", ""))
        right, bottom = left + float(get("WIDTH", "")), top + float(get("HEIGHT", ""))
    except ValueError:  # an attribute missing or not a number
        return None
    if scale != 1.0:
        return Box(left * scale, top * scale, right * scale, bottom * scale)
    return Box(left, top, right, bottom)


def _confidence(element: etree._Element) -> float | None:
    score = _number(element, "WC")
    return min(max(score, 0.0), 1.0) if score is not None else None


def _scale(unit: str, width: float | None, folder: Path, image: str | None) -> float:
    """Pixels per unit of the file: 1 for pixels, or the page image's width in pixels over
    the page's width in the file's unit; 1 (the file's unit kept) where either is unknown."""
    if unit not in _PHYSICAL_UNITS or not width or image is None:
        return 1.0
    pixels = _pixel_width(folder / image)
    return pixels / width if pixels else 1.0


def _pixel_width(path: Path) -> int | None:
    """The width in pixels of a PNG, JPEG, TIFF or JPEG 2000 image, from its header."""
    try:
        with path.open("rb") as stream:
            head = stream.read(1 << 16)
            if head.startswith(b"\x89PNG\r\n\x1a\n"):
                return int(struct.unpack(">I", head[16:20])[0])
            if head.startswith(b"\xff\xd8"):
                return _jpeg_width(head)
            if head[:4] in (b"II*\x00", b"MM\x00*"):
                return _tiff_width(stream, "<" if head[:2] == b"II" else ">")
            if head[4:8] == b"jP  " and (at := head.find(b"ihdr")) >= 0:
                return int(struct.unpack(">I", head[at + 8 : at + 12])[0])
    except (OSError, struct.error):
        return None
    return None


def _jpeg_width(head: bytes) -> int | None:
    at = 2
    while at + 9 <= len(head) and head[at] == 0xFF:
        marker = head[at + 1]
        if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
            return int(struct.unpack(">H", head[at + 7 : at + 9])[0])
        at += 2 + int(struct.unpack(">H", head[at + 2 : at + 4])[0])
    return None


def _tiff_width(stream: BinaryIO, order: str) -> int | None:
    """The first image's `ImageWidth` tag (256), its directory read wherever it lies."""
    stream.seek(4)
    (directory,) = struct.unpack(order + "I", stream.read(4))
    stream.seek(directory)
    (count,) = struct.unpack(order + "H", stream.read(2))
    entries = stream.read(12 * count)
    for at in range(0, len(entries) - 11, 12):
        tag, kind = struct.unpack(order + "HH", entries[at : at + 4])
        if tag == 256:
            value = entries[at + 8 : at + 10] if kind == 3 else entries[at + 8 : at + 12]
            return int(struct.unpack(order + ("H" if kind == 3 else "I"), value)[0])
    return None
