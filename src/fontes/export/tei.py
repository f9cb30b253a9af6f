"""TEI P5 export: the text with its people, places, dates, quotations and sources marked up.

The body keeps every character of the running text once and in order; records become inline
elements around the characters they cover, and the registers (people, organisations, places,
works, notes) go to the header and the back, where the inline elements point at them. The
back keeps the apparatus as printed too: the notes, the biographical notes, and each
bibliography entry in its own words with its parts marked; works known only from a citation
stand beside the text, in `standOff`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from lxml import etree

from fontes.export.xmltext import xml_safe
from fontes.model import (
    Document,
    Entity,
    EntityKind,
    GlossaryEntry,
    Period,
    Quotation,
    SpanSet,
    TimeExpression,
    TimeType,
    Work,
)
from fontes.version import __version__

TEI_NS = "http://www.tei-c.org/ns/1.0"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_NAME_TAG = {
    EntityKind.PERSON: "persName",
    EntityKind.ORGANISATION: "orgName",
    EntityKind.PLACE: "placeName",
}
# Which element survives when two records cross: structure before names, names before dates.
_RANK_QUOTE, _RANK_BIBL, _RANK_REF, _RANK_NAME, _RANK_DATE = 5, 4, 3, 2, 1
# Children that the TEI content model of a parent refuses (found by validating each pair of
# inline elements); such a record is left out and its text stays in the parent.
_REFUSED = {
    "persName": {"bibl"},
    "orgName": {"bibl"},
    "placeName": {"bibl"},
    "date": {"bibl", "quote"},
    "time": {"bibl", "quote"},
    "bibl": {"quote"},
}
_W3C_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_ISO_DURATION = re.compile(r"P(?=.)(?:[\d.]+[YMWD])*(?:T(?:[\d.]+[HMS])+)?")
_CLOCK = re.compile(r"(?:(\d{4}-\d{2}-\d{2})|XXXX-XX-XX)?T(\d{2}):(\d{2})")


def to_tei(doc: Document) -> bytes:
    """The document as a TEI P5 file: UTF-8 bytes with an XML declaration."""
    text = xml_safe(doc.text)
    ids = _Ids()
    ids.assign("fontes")  # the application, which `resp` on inferred cuts points at
    people = _people(doc, ids)
    tei = etree.Element(_tag("TEI"), nsmap={None: TEI_NS})
    header = _add(tei, "teiHeader")
    _file_desc(header, doc)
    application = _add(
        _add(_add(header, "encodingDesc"), "appInfo"),
        "application",
        attrib={_XML_ID: "fontes", "ident": "fontes", "version": __version__},
    )
    _add(application, "label", "fontes")
    _profile_desc(header, doc, text, people, ids)
    notes = [ids.assign(note.id) for note in doc.notes]
    every_work = doc.all_works
    works = [ids.assign(work.id) for work in every_work]

    blocks = _body_blocks(doc, text)
    note_blocks = [_Block(note.text_start, note.end, "note") for note in doc.notes]
    entries = [_Block(entry.start, entry.end, "p") for entry in doc.glossary]
    _place(sorted([*blocks, *note_blocks, *entries], key=lambda b: b.start), _markup(doc, ids))
    text_element = _add(tei, "text")
    _body(_add(text_element, "body"), blocks, text)
    back = _element("back")
    if doc.notes:
        division = _add(back, "div", attrib={"type": "notes"})
        for note, xml_id, block in zip(doc.notes, notes, note_blocks, strict=True):
            _fill(_add(division, "note", attrib={_XML_ID: xml_id, "n": note.number}), block, text)
    if entries:
        # The biographical notes as printed, beside the register the header makes of them.
        division = _add(back, "div", attrib={"type": "glossary"})
        for block in entries:
            _fill(_add(division, "p"), block, text)
    listed = [(work, xml_id) for work, xml_id in zip(every_work, works, strict=True) if work.listed]
    if listed:
        listing = _add(_add(back, "div", attrib={"type": "bibliography"}), "listBibl")
        for work, xml_id in listed:
            _work(listing, work, xml_id, text)
    if len(back):
        text_element.append(back)
    if cited := [(w, xml_id) for w, xml_id in zip(every_work, works, strict=True) if not w.listed]:
        # Works known from a citation only are no part of the text: beside it, in standOff.
        stand_off = etree.Element(_tag("standOff"))
        listing = _add(stand_off, "listBibl")
        for work, xml_id in cited:
            _work(listing, work, xml_id, text)
        text_element.addprevious(stand_off)
    return etree.tostring(tei, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _tag(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def _element(name: str, value: str = "", attrib: dict[str, str] | None = None) -> etree._Element:
    element = etree.Element(_tag(name), attrib or {})
    if value:
        element.text = xml_safe(value)
    return element


def _add(
    parent: etree._Element, name: str, value: str = "", attrib: dict[str, str] | None = None
) -> etree._Element:
    element = _element(name, value, attrib)
    parent.append(element)
    return element


class _Ids:
    """xml:id values: the model's ids where they are NCNames, made so otherwise, never twice.

    Should two records share a model id, each gets an xml:id of its own, and a pointer to the
    shared id goes to the first.
    """

    def __init__(self) -> None:
        self._first: dict[str, str] = {}
        self._taken: set[str] = set()

    def assign(self, model_id: str, *aliases: str) -> str:
        base = re.sub(r"[^A-Za-z0-9._-]", "-", model_id)
        if not re.match(r"[A-Za-z_]", base):
            base = f"id-{base}"
        candidate, counter = base, 2
        while candidate in self._taken:
            candidate, counter = f"{base}-{counter}", counter + 1
        self._taken.add(candidate)
        for key in (model_id, *aliases):
            self._first.setdefault(key, candidate)
        return candidate

    def pointer(self, model_id: str | None) -> str | None:
        xml_id = self._first.get(model_id) if model_id else None
        return f"#{xml_id}" if xml_id else None


# The header


def _file_desc(header: etree._Element, doc: Document) -> None:
    name = Path(doc.path).name if doc.path else "Untitled text"
    file_desc = _add(header, "fileDesc")
    title = (doc.sections[0].title if doc.sections else "") or name
    _add(_add(file_desc, "titleStmt"), "title", title)
    _add(
        _add(file_desc, "publicationStmt"),
        "p",
        f"Generated by fontes {__version__}; the markup is the program's reading, unreviewed.",
    )
    where = f"read from {doc.path}" if doc.path else "given directly"
    source = _add(_add(file_desc, "sourceDesc"), "p", f"Plain text {where}, SHA-256 ")
    _add(source, "idno", doc.sha256, {"type": "sha256"}).tail = "."


@dataclass(slots=True)
class _Person:
    xml_id: str
    entity: Entity | None
    entry: GlossaryEntry | None


def _people(doc: Document, ids: _Ids) -> list[_Person]:
    """Person entities with their glossary entries, then any entry no entity was linked to."""
    people, linked = [], set()
    for entity in doc.entities:
        if entity.kind is EntityKind.PERSON:
            aliases = (entity.glossary,) if entity.glossary else ()
            entry = doc.glossary_entry(entity.glossary)
            people.append(_Person(ids.assign(entity.id, *aliases), entity, entry))
            linked.add(entity.glossary)
    for entry in doc.glossary:
        if entry.id not in linked:
            people.append(_Person(ids.assign(entry.id), None, entry))
    return people


def _profile_desc(
    header: etree._Element, doc: Document, text: str, people: list[_Person], ids: _Ids
) -> None:
    """People and organisations in `particDesc`, places in `settingDesc`."""
    profile = _element("profileDesc")
    partic = _add(profile, "particDesc")
    if people:
        listing = _add(partic, "listPerson")
        for person in people:
            _person(listing, doc, text, person)
    for kind, list_tag, item_tag in (
        (EntityKind.ORGANISATION, "listOrg", "org"),
        (EntityKind.PLACE, "listPlace", "place"),
    ):
        entities = [entity for entity in doc.entities if entity.kind is kind]
        if entities:
            parent = partic if kind is EntityKind.ORGANISATION else _add(profile, "settingDesc")
            listing = _add(parent, list_tag)
            for entity in entities:
                item = _add(listing, item_tag, attrib={_XML_ID: ids.assign(entity.id)})
                _names(item, doc, entity, _NAME_TAG[kind])
    if not len(partic):
        profile.remove(partic)
    if len(profile):
        header.append(profile)


def _person(listing: etree._Element, doc: Document, text: str, person: _Person) -> None:
    element = _add(listing, "person", attrib={_XML_ID: person.xml_id})
    entity, entry = person.entity, person.entry
    honorific = entry.honorific if entry else ""
    if entity is not None:
        _names(element, doc, entity, "persName", honorific)
    elif entry is not None:
        _canonical(element, "persName", entry.name, honorific=honorific)
    if entry is None:
        return
    for tag, year in (("birth", entry.born), ("death", entry.died)):
        if year is not None and 0 < year < 10000:
            _add(element, tag, attrib={"when": f"{year:04d}"})
    if entry.description:
        _add(element, "occupation", entry.description)
    for role in entry.roles:
        for dating in _period_dates(role.period):
            _add(_add(element, "event", attrib={"type": "role", **dating}), "label", role.title)
    _add(element, "note", text[entry.start : entry.end], {"type": "glossary"})


def _names(
    parent: etree._Element, doc: Document, entity: Entity, tag: str, honorific: str = ""
) -> None:
    """The canonical name, then every other spelling the text uses for the same entity."""
    _canonical(parent, tag, entity.name, entity.forenames, entity.surname, honorific)
    words = set(entity.name.casefold().split())
    seen = {entity.name}
    # A mention made only of words of the name (`Pascoe`) is a short form, not a spelling.
    spoken = (doc.spoken(mention) for mention in entity.mentions)
    others = [*entity.aliases]
    others += (form for form in spoken if not set(form.casefold().split()) <= words)
    for variant in others:
        if variant not in seen:
            seen.add(variant)
            _add(parent, tag, variant, {"type": "variant"})


def _canonical(
    parent: etree._Element,
    tag: str,
    name: str,
    forenames: str = "",
    surname: str = "",
    honorific: str = "",
) -> None:
    """The name as one element, its parts tagged where the model knows them."""
    element = _add(parent, tag)
    if honorific:
        _add(element, "roleName", honorific, {"type": "honorific"}).tail = " "
    if forenames and surname and name == f"{forenames} {surname}":
        _add(element, "forename", forenames).tail = " "
        _add(element, "surname", surname)
    else:
        _write(element, xml_safe(name))


def _period_dates(period: Period | None) -> list[dict[str, str]]:
    """TEI dating attributes for a printed period: one set for each member of an EDTF set."""
    if period is None:
        return [{}]
    edtf = period.edtf
    members = edtf[1:-1].split(",") if edtf.startswith("{") else [edtf]
    dates = []
    for member in members:
        first, slash, last = member.replace("..", "/").partition("/")
        start, end = _year(first), _year(last)
        if slash:
            dates.append({key: year for key, year in (("from", start), ("to", end)) if year})
        else:
            dates.append({"when": start} if start else {})
    return dates


def _year(edtf: str) -> str | None:
    year = edtf.rstrip("~?%")
    return year if re.fullmatch(r"\d{4}", year) and year != "0000" else None


def _work(listing: etree._Element, work: Work, xml_id: str, text: str) -> None:
    """A work as a `bibl`: a bibliography's entry in its own words, its parts marked where
    they stand (`<author>Ashby, Margaret</author>: '<title>The Tanner</title>'; ...`), so the
    entry reads as printed; a work known only from a citation, by its parts alone."""
    bibl = _add(listing, "bibl", attrib={_XML_ID: xml_id})
    if not work.listed:
        bibl.set("type", "cited")  # known only from a citation, not from the bibliography
    parts: list[tuple[str, str, dict[str, str]]] = [
        *((author, "author", {}) for author in work.authors),
        *((editor, "editor", {}) for editor in work.editors),
        (work.title, "title", {}),
    ]
    if work.place:
        parts.append((work.place, "pubPlace", {}))
    if work.year is not None and 0 < work.year < 10000:
        parts.append((str(work.year), "date", {"when": f"{work.year:04d}"}))
    if work.volume:
        parts.append((work.volume, "biblScope", {"unit": "volume"}))
    entry = text[work.start : work.end] if work.listed else ""
    if not entry.strip():
        for value, tag, attrib in parts:
            _add(bibl, tag, value, attrib)
        return
    last: etree._Element | None = None
    position = 0
    for value, tag, attrib in parts:
        found = entry.find(value, position) if value else -1
        if found < 0:
            continue  # not printed as the parser tidied it (`Dur-⏎ham`): left unmarked
        _write_after(bibl, last, entry[position:found])
        last = _add(bibl, tag, entry[found : found + len(value)], attrib)
        position = found + len(value)
    _write_after(bibl, last, entry[position:])


def _write_after(parent: etree._Element, last: etree._Element | None, value: str) -> None:
    """Text after the last child of `parent` (or its first text, before any child)."""
    if last is None:
        parent.text = (parent.text or "") + value
    else:
        last.tail = (last.tail or "") + value


# The text


@dataclass(slots=True)
class _Markup:
    """An element to wrap around `start:end`, or an empty one where they are equal."""

    start: int
    end: int
    rank: int
    tag: str
    attrib: dict[str, str] = field(default_factory=dict)
    # Empty elements that open this one, such as the page range of a citation.
    inner: list[tuple[str, dict[str, str]]] = field(default_factory=list)


@dataclass(slots=True)
class _Block:
    """A paragraph, heading or note: a stretch of text that becomes one element."""

    start: int
    end: int
    tag: str
    markup: list[_Markup] = field(default_factory=list)


def _markup(doc: Document, ids: _Ids) -> list[_Markup]:
    """Every record that marks up the text, in the order the nesting sweep reads them."""
    markup = [
        _Markup(m.start, m.end, _RANK_NAME, _NAME_TAG[m.kind], _pointing("ref", ids, m.entity))
        for m in doc.mentions
    ]
    markup += (_time(time) for time in doc.times)
    for quotation in doc.quotations:
        markup += _quotation(quotation)
    for citation in doc.citations:
        pages = [
            ("biblScope", {"unit": "page", "from": page.first, "to": page.last})
            for page in citation.pages
            if re.fullmatch(r"[\w.]+", page.first) and re.fullmatch(r"[\w.]+", page.last)
        ]
        corresp = _pointing("corresp", ids, citation.work)
        markup.append(_Markup(citation.start, citation.end, _RANK_BIBL, "bibl", corresp, pages))
    for reference in doc.cross_references:
        attrib = {"type": "cross-reference", **_pointing("target", ids, reference.target)}
        markup.append(_Markup(reference.start, reference.end, _RANK_REF, "ref", attrib))
    for marker in doc.note_markers:
        attrib = {"type": "noteAnchor", **_pointing("target", ids, marker.note)}
        markup.append(_Markup(marker.start, marker.end, _RANK_BIBL, "ref", attrib))
    for page in doc.pages:  # a page break where the page's own text begins
        text = doc.without_furniture(page)
        if text is not None:
            printed = {"n": page.number} if page.number else {}
            markup.append(_Markup(text.start, text.start, _RANK_QUOTE, "pb", printed))
    # Empty elements first at an offset; then the longer span outside, the stronger on a tie.
    markup.sort(key=lambda m: (m.start, m.end > m.start, -m.end, -m.rank))
    return markup


def _pointing(attribute: str, ids: _Ids, model_id: str | None) -> dict[str, str]:
    """The pointer attribute, or none where the record points at nothing exported."""
    pointer = ids.pointer(model_id)
    return {attribute: pointer} if pointer else {}


def _quotation(quotation: Quotation) -> list[_Markup]:
    """The quote, and a `gap` for each cut: before a printed ellipsis, after a silent cut.

    A silent cut that is the whole record (a colon with nothing quoted after it) is a gap only:
    there are no quoted words to wrap.
    """
    markup = []
    for elision in quotation.elisions:
        where = elision.start if elision.declared else elision.end
        attrib = {"reason": "omitted"}
        if not elision.declared:
            attrib["resp"] = "#fontes"  # inferred by fontes, not printed
        markup.append(_Markup(where, where, _RANK_QUOTE, "gap", attrib))
    if not any(
        not e.declared and e.start <= quotation.start and e.end >= quotation.end
        for e in quotation.elisions
    ):
        markup.append(_Markup(quotation.start, quotation.end, _RANK_QUOTE, "quote"))
    return markup


def _time(time: TimeExpression) -> _Markup:
    """`date` for dates, `time` for times of day, durations and frequencies."""
    if time.type is TimeType.DATE:
        return _Markup(time.start, time.end, _RANK_DATE, "date", _dating(time))
    if time.type is TimeType.TIME:
        clock = _CLOCK.fullmatch(time.value)
        if clock is None:
            attrib = _dating(time)
        else:
            day, hour, minute = clock.groups()
            attrib = {"when": f"{day}T{hour}:{minute}:00" if day else f"{hour}:{minute}:00"}
        return _Markup(time.start, time.end, _RANK_DATE, "time", attrib)
    attrib = {"type": "duration" if time.type is TimeType.DURATION else "frequency"}
    if _ISO_DURATION.fullmatch(time.value):
        attrib["dur-iso"] = time.value
    return _Markup(time.start, time.end, _RANK_DATE, "time", attrib)


def _dating(time: TimeExpression) -> dict[str, str]:
    """`@when` for a day, month or year; `@from`/`@to` for a range of those; bounds otherwise."""
    edtf = time.edtf or ""
    if _w3c(edtf):
        return {"when": edtf}
    first, slash, last = edtf.partition("/")
    if slash and _w3c(first) and _w3c(last):
        return {"from": first, "to": last}
    bounds = {}
    if time.earliest is not None:
        bounds["notBefore"] = _bound(time.earliest, upper=False)
    if time.latest is not None:
        bounds["notAfter"] = _bound(time.latest, upper=True)
    return bounds


def _w3c(value: str) -> bool:
    """A date XML Schema takes as written: a year (not 0000), a month or a day."""
    match = _W3C_DATE.fullmatch(value)
    if match is None:
        return False
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _bound(day: date, upper: bool) -> str:
    """A bound at the edge of a year or month as that year or month: `1889`, not 1889-12-31."""
    edge = day + timedelta(days=1) if upper and day < date.max else day
    if edge.day == 1 and edge.month == 1:
        return f"{day.year:04d}"
    if edge.day == 1:
        return day.isoformat()[:7]
    return day.isoformat()


def _body_blocks(doc: Document, text: str) -> list[_Block]:
    """Headings and the paragraphs of running text, cut where a run-in heading sits inside.

    OCR often runs a heading into the paragraph before it; the heading still opens the next
    section, so the paragraph is cut there.
    """
    headings = sorted((section.heading_start, section.heading_end) for section in doc.sections)
    blocks = [_Block(start, end, "head") for start, end in headings]
    index = 0
    for paragraph in _running_paragraphs(doc, text):
        while index < len(headings) and headings[index][1] <= paragraph.start:
            index += 1
        position, cut = paragraph.start, index
        while cut < len(headings) and headings[cut][0] < paragraph.end:
            start, end = headings[cut]
            if start > position:
                blocks.append(_Block(position, start, "p"))
            position, cut = max(position, end), cut + 1
        if position < paragraph.end:
            blocks.append(_Block(position, paragraph.end, "p"))
    return sorted((b for b in blocks if text[b.start : b.end].strip()), key=lambda b: b.start)


def _running_paragraphs(doc: Document, text: str) -> list[_Block]:
    """Paragraphs with words outside the apparatus, or with a citation outside the notes.

    A citation is apparatus, but a paragraph that is only a citation belongs to the text.
    """
    notes = SpanSet()
    for note in doc.notes:
        notes.add(note)
    cited = sorted(c.start for c in doc.citations if c.start not in notes)
    apparatus = list(doc.apparatus)
    running, index = [], 0
    for paragraph in doc.paragraphs:
        while index < len(apparatus) and apparatus[index].end <= paragraph.start:
            index += 1
        position, span = paragraph.start, index
        prose = False
        while not prose and span < len(apparatus) and apparatus[span].start < paragraph.end:
            prose = bool(text[position : apparatus[span].start].strip())
            position, span = max(position, apparatus[span].end), span + 1
        prose = prose or bool(text[position : paragraph.end].strip())
        first_citation = bisect.bisect_left(cited, paragraph.start)
        if prose or (first_citation < len(cited) and cited[first_citation] < paragraph.end):
            running.append(_Block(paragraph.start, paragraph.end, "p"))
    return running


def _place(blocks: list[_Block], markup: list[_Markup]) -> None:
    """Give each block the records inside it; a record across a block boundary is dropped."""
    index = 0
    for block in blocks:
        while index < len(markup) and markup[index].start < block.start:
            index += 1
        inside = []
        while index < len(markup) and (
            markup[index].start < block.end or markup[index].start == block.end == markup[index].end
        ):
            if markup[index].end <= block.end:
                inside.append(markup[index])
            index += 1
        block.markup = _nest(inside)


def _nest(markup: list[_Markup]) -> list[_Markup]:
    """The records that nest: of two that cross, the one of lower rank is dropped.

    A record is kept only if it outranks every open record it crosses; those are dropped.
    One sweep with a stack of the open records, so the work is linear in the records.
    """
    stack: list[_Markup] = []
    dropped: set[int] = set()
    for item in markup:
        while stack and stack[-1].end <= item.start:
            stack.pop()
        if item.start == item.end:
            continue
        crossing = len(stack)
        while crossing and stack[crossing - 1].end < item.end:
            crossing -= 1
        if all(open_item.rank < item.rank for open_item in stack[crossing:]):
            dropped.update(id(open_item) for open_item in stack[crossing:])
            del stack[crossing:]
            stack.append(item)
        else:
            dropped.add(id(item))
    return [item for item in markup if id(item) not in dropped]


def _body(body: etree._Element, blocks: list[_Block], text: str) -> None:
    """Paragraphs before the first heading, then one `div` per section that has text."""
    container = body
    for block in blocks:
        if block.tag == "head":
            container = _add(body, "div")
        _fill(_add(container, block.tag), block, text)
    for division in list(body.iterfind(_tag("div"))):
        if len(division) == 1:  # a heading with no running text, such as `Notes`
            body.remove(division)
    if not len(body):
        _add(body, "p")


def _fill(element: etree._Element, block: _Block, text: str) -> None:
    """Write the block's text into `element`, each record's stretch inside its own element."""
    # Open elements as (element, end, tag); a record the parent refuses opens no element and
    # repeats its parent, so that its text and children go there.
    stack = [(element, block.end, block.tag)]
    # A text node, even empty, keeps the pretty printer from indenting inside the block,
    # which would add whitespace to a paragraph that is all one quotation.
    element.text = ""
    position = block.start
    for item in block.markup:
        while len(stack) > 1 and stack[-1][1] <= item.start:
            parent, end, _ = stack.pop()
            _write(parent, text[position:end])
            position = end
        parent, _, parent_tag = stack[-1]
        _write(parent, text[position : item.start])
        position = item.start
        if item.tag in _REFUSED.get(parent_tag, ()):
            stack.append((parent, item.end, parent_tag))
            continue
        child = _add(parent, item.tag, attrib=item.attrib)
        for tag, attrib in item.inner:
            _add(child, tag, attrib=attrib)
        if item.end > item.start:
            stack.append((child, item.end, item.tag))
    while stack:
        parent, end, _ = stack.pop()
        _write(parent, text[position:end])
        position = end


def _write(element: etree._Element, value: str) -> None:
    """Append text after whatever `element` holds so far: its text, or its last child's tail."""
    if not value:
        return
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + value
    else:
        element.text = (element.text or "") + value
