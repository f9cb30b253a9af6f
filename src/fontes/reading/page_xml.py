"""PAGE XML (PRImA's page content format: 2013-07-15 and 2019-07-15, as OCR-D, Transkribus
and eScriptorium write it, and the versions before and between): the page, its text regions
in the declared reading order, their lines and words, each word's box and the engine's
confidence in it.

A PAGE file may give text at every level (word, line, region); the finest level that has it
is read, so that the boxes are as close to the words as the file allows: a line with no
`Word` gives its own text, split into words that share the line's box, and a region whose
lines give no text (or that has none) its own, one line per line. Where a line's text joins
two of its words (`word` `.` → `word.`), they are read as one word, as the line prints them.
A region typed as the page number (`@type="page-number"`) gives the page its label.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from fontes.model import Box, Document
from fontes.reading.paged import PagedText, Word, joined
from fontes.reading.source import InputError, read_bytes
from fontes.reading.xml import local_name, parse_xml

_NAMESPACE = "http://schema.primaresearch.org/PAGE/gts/pagecontent/"
# Hyphens that transcriptions write at a line's end where the print breaks a word: the
# not sign (`¬`) and the double oblique hyphen (`⸗`) of blackletter ground truth.
_LINE_END_HYPHENS = ("¬", "⸗")
# Group elements of a reading order, and those whose children are in the order given.
_GROUPS = {"OrderedGroup", "UnorderedGroup", "OrderedGroupIndexed", "UnorderedGroupIndexed"}
_ORDERED = {"OrderedGroup", "OrderedGroupIndexed"}

_Words = list[Word]


def read(path: Path) -> Document:
    """The PAGE file at `path` as a document: one page, its regions as blocks."""
    data = read_bytes(path)
    root = parse_xml(path, data, "PAGE")
    namespace = etree.QName(root).namespace or ""
    if local_name(root) != "PcGts" or not namespace.startswith(_NAMESPACE):
        raise InputError(f"{path}: is XML but not PAGE (no PcGts element in the PAGE namespace)")
    page = root.find(f"{{{namespace}}}Page")
    if page is None:
        raise InputError(f"{path}: is PAGE XML with no Page element")
    builder = PagedText("page")
    regions = list(_regions_in_order(page))
    builder.page(
        _page_number(regions),
        _number(page.get("imageWidth")),
        _number(page.get("imageHeight")),
        page.get("imageFilename") or None,
    )
    for region in regions:
        builder.block(_box(region))
        for line_box, words in _lines(region):
            builder.line(line_box)
            builder.words(words)
    digest = hashlib.sha256(data).hexdigest()
    return builder.build(str(path), digest, folder=str(path.parent))


def _regions_in_order(page: etree._Element) -> Iterator[etree._Element]:
    """The page's text regions (nested ones too), in the reading order the file declares,
    then those it leaves out, in the order they stand in the file: a region no order names
    is still text on the page."""
    regions = list(page.iter("{*}TextRegion"))
    by_id: dict[str, etree._Element] = {}
    for region in regions:
        by_id.setdefault(region.get("id", ""), region)
    given: set[etree._Element] = set()
    for order in page.iterchildren("{*}ReadingOrder"):
        for identifier in _ordered_refs(order):
            named = by_id.get(identifier)
            if named is not None and named not in given:
                given.add(named)
                yield named
    yield from (region for region in regions if region not in given)


def _ordered_refs(order: etree._Element) -> Iterator[str]:
    """The region ids a reading order names: the members of an ordered group by `@index`,
    nested groups where they stand; a group may name a region itself (`@regionRef`), before
    its members."""
    stack = [order]
    while stack:
        member = stack.pop()
        if member is not order and member.get("regionRef"):
            yield member.get("regionRef", "")
        if member is order or local_name(member) in _GROUPS:
            members = [child for child in member if isinstance(child.tag, str)]
            if local_name(member) in _ORDERED:
                members.sort(key=lambda child: _number(child.get("index")) or 0.0)
            stack.extend(reversed(members))


def _lines(region: etree._Element) -> list[tuple[Box | None, _Words]]:
    """A region's lines, each with its words: from its `TextLine` elements, or, where they
    give no text (segmented but not transcribed), from the region's own text, unless it has
    regions inside it (whose text that would be)."""
    lines = [_line(line) for line in region.iterchildren("{*}TextLine")]
    if any(words for _, words in lines):
        return lines
    if region.find("{*}TextRegion") is not None:
        return []
    text, confidence = _text_equiv(region)
    box = _box(region)
    return [
        (box, _hyphen_at_end([(word, box, confidence) for word in printed.split()]))
        for printed in text.splitlines()
    ]


def _line(line: etree._Element) -> tuple[Box | None, _Words]:
    """A line's words: its `Word` elements, or its own text split into words."""
    box = _box(line)
    text, confidence = _text_equiv(line)
    words: _Words = []
    for word in line.iterchildren("{*}Word"):
        word_text, word_confidence = _text_equiv(word)
        words += [(part, _box(word), word_confidence) for part in word_text.split()]
    if words:
        return box, _hyphen_at_end(_as_printed(words, text))
    return box, _hyphen_at_end([(word, box, confidence) for word in text.split()])


def _as_printed(words: _Words, line_text: str) -> _Words:
    """The words as the line's own text spaces them: words it writes with no space between
    are one word, with the boxes joined and the lower confidence. Where the line's text is
    not its words' (or there is none), the words stand as they are."""
    printed = line_text.split()
    word_ends = list(itertools.accumulate(len(text) for text, _, _ in words))
    printed_ends = set(itertools.accumulate(len(text) for text in printed))
    if "".join(printed) != "".join(text for text, _, _ in words) or not printed_ends <= set(
        word_ends
    ):
        return words
    printed_words: _Words = []
    open_word = False
    for (text, box, confidence), end in zip(words, word_ends, strict=True):
        if open_word:
            printed_words[-1] = joined(printed_words[-1], (text, box, confidence))
        else:
            printed_words.append((text, box, confidence))
        open_word = end not in printed_ends
    return printed_words


def _hyphen_at_end(words: _Words) -> _Words:
    """A line-end `¬` or `⸗` written as the hyphen plain text has there (a soft hyphen is
    turned into one by `PagedText`)."""
    if words and words[-1][0].endswith(_LINE_END_HYPHENS):
        text, box, confidence = words[-1]
        words = [*words[:-1], (text[:-1] + "-", box, confidence)]
    return words


def _text_equiv(element: etree._Element) -> tuple[str, float | None]:
    """The element's text and the engine's confidence in it: of its `TextEquiv` elements, the
    one with the lowest `@index` (the first where none has one)."""
    choices = element.findall("{*}TextEquiv")
    if not choices:
        return "", None
    chosen = min(choices, key=lambda choice: _number(choice.get("index")) or 0.0)
    unicode = chosen.find("{*}Unicode")
    text = "".join(unicode.itertext()) if unicode is not None else ""
    confidence = _number(chosen.get("conf"))
    return text, confidence if confidence is not None and 0 <= confidence <= 1 else None


def _box(element: etree._Element) -> Box | None:
    """The box around the element's polygon: `Coords/@points` (`x,y x,y ...`), or the
    `Point` children of the 2010 format."""
    coords = element.find("{*}Coords")
    if coords is None:
        return None
    pairs: list[tuple[str | None, str | None]] = [
        (x, y) for x, _, y in (pair.partition(",") for pair in (coords.get("points") or "").split())
    ]
    pairs += [(node.get("x"), node.get("y")) for node in coords.iterchildren("{*}Point")]
    xs, ys = [], []
    for x, y in pairs:
        x_value, y_value = _number(x), _number(y)
        if x_value is not None and y_value is not None:
            xs.append(x_value)
            ys.append(y_value)
    if not xs:
        return None
    return Box(min(xs), min(ys), max(xs), max(ys))


def _page_number(regions: list[etree._Element]) -> str | None:
    """The printed page number, where a region is typed as one (`@type="page-number"`)."""
    for region in regions:
        if region.get("type") == "page-number":
            lines = [" ".join(t for t, _, _ in words) for _, words in _lines(region)]
            number = " ".join(line for line in lines if line).strip()
            return number or None
    return None


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
