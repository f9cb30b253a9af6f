"""The HTML report a historian reads: the text with its findings and names marked, the
people, a timeline, a network and the sources, in one self-contained file.

Everything is inlined (styles, script, drawings as SVG), so the file works offline and can
be mailed or archived. Document text is escaped by the template engine and reaches the
script only as JSON read through `textContent`; a Content-Security-Policy allows the
report's own script alone (by its hash), so a document that contains `<script>` runs nothing.

A paged source (OCR output, a PDF) shows its page breaks and the words the OCR engine was
unsure of; where its page images lie beside it, each finding's details show the passage cut
from the page image. The images are embedded as `data:` URIs (the only images the policy
allows), each page once, and cut by an SVG `viewBox`: no image library, nothing fetched.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import heapq
import itertools
from collections import Counter
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx
from jinja2 import Environment, PackageLoader
from markupsafe import Markup, escape

from fontes.checks import RULES
from fontes.export.graph import entity_graph
from fontes.export.positions import PagePlace, page_place, position
from fontes.model import (
    Box,
    Citation,
    Document,
    Entity,
    EntityKind,
    Event,
    EventKind,
    Finding,
    GlossaryEntry,
    PageRange,
    Severity,
    SourcePage,
    Span,
    Zone,
)
from fontes.version import __version__

_KIND_COLOURS = {"person": "#1d6f42", "organisation": "#6a3d9a", "place": "#b15928"}
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class _Segment:
    """A stretch of text covered by the same findings and mentions."""

    text: str
    classes: str
    findings: str
    mentions: str
    doubt: str | None = None  # the OCR engine's confidence in a word it was unsure of
    page: str | None = None  # the rule of a page of a paged source that starts here


def render_report(doc: Document) -> str:
    """The whole report as one HTML string."""
    script = resources.files("fontes.export").joinpath("report.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    environment = Environment(loader=PackageLoader("fontes", "export"), autoescape=True)
    template = environment.get_template("report.html.j2")
    findings = sorted(doc.findings, key=lambda f: (f.start, _SEVERITY_ORDER[f.severity]))
    starts = [m.start for m in doc.mentions]
    crops = _crops(doc, findings)
    rows = [
        _finding(doc, f, index, starts, crops.crops.get(index)) for index, f in enumerate(findings)
    ]
    doubtful = [w for w in doc.source.words if w.confidence is not None and w.confidence < DOUBTFUL]
    entities = {e.id: _entity(doc, e, doc.glossary_entry(e.glossary)) for e in doc.entities}
    counts = Counter(str(f.severity) for f in findings)
    return template.render(
        title=doc.sections[0].title if doc.sections else (doc.path or "document"),
        source=doc.path or "(text)",
        chars=f"{len(doc.text):,}",
        sha256=doc.sha256,
        version=__version__,
        counts={str(s): counts.get(str(s), 0) for s in Severity},
        segments=_segments(doc, findings, doubtful),
        findings=rows,
        doubtful=len(doubtful),
        doubtful_below=DOUBTFUL,
        image_notes=crops.notes,
        filter_values=sorted({str(f.category) for f in findings})
        + [str(s) for s in Severity if counts.get(str(s))],
        people=[entities[e.id] for e in doc.entities if e.kind is EntityKind.PERSON],
        timeline=_timeline(doc),
        network=_network(doc),
        works=_works(doc),
        notes=_notes(doc),
        data={
            "findings": rows,
            "mentions": [m.entity for m in doc.mentions],
            "entities": entities,
            "images": crops.images,
        },
        script=Markup(script),  # our own file, shipped with the package
        script_hash=f"sha256-{digest}",
    )


def _segments(doc: Document, findings: list[Finding], doubtful: list[Zone]) -> list[_Segment]:
    """Cut the text wherever a finding, a mention or a doubtful word starts or ends, and where
    a paged source's page starts: a sweep, not a search."""
    marks = [(f.start, f.end, "f", index) for index, f in enumerate(findings) if f.end > f.start]
    marks += [(m.start, m.end, "m", index) for index, m in enumerate(doc.mentions)]
    marks += [(w.start, w.end, "c", index) for index, w in enumerate(doubtful)]
    marks.sort()
    breaks = {page.start: _page_rule(doc, page) for page in doc.source.pages}
    cuts = sorted(
        {0, len(doc.text), *breaks, *(s for s, _, _, _ in marks), *(e for _, e, _, _ in marks)}
    )
    active: list[tuple[int, str, int]] = []  # (end, what, index), a heap by end
    segments, next_mark = [], 0
    for start, end in itertools.pairwise(cuts):
        while active and active[0][0] <= start:
            heapq.heappop(active)
        while next_mark < len(marks) and marks[next_mark][0] <= start:
            _, mark_end, what, index = marks[next_mark]
            if mark_end > start:
                heapq.heappush(active, (mark_end, what, index))
            next_mark += 1
        text = doc.text[start:end]
        if breaks:  # a page's form feed: the rule at the next page's start shows the break
            text = text.replace("\f", "")
        covering = [(what, index) for _, what, index in active]
        found = sorted(index for what, index in covering if what == "f")
        named = sorted(index for what, index in covering if what == "m")
        unsure = [doubtful[index] for what, index in covering if what == "c"]
        classes = []
        if found:
            worst = min(found, key=lambda i: _SEVERITY_ORDER[findings[i].severity])
            classes += ["f", f"sev-{findings[worst].severity}"]
        if named:
            classes += ["m", f"k-{doc.mentions[named[0]].kind}"]
        if unsure:
            classes.append("doubt")
        segments.append(
            _Segment(
                text,
                " ".join(classes),
                " ".join(map(str, found)),
                " ".join(map(str, named)),
                f"OCR confidence {unsure[0].confidence:.2f}" if unsure else None,
                breaks.get(start),
            )
        )
    return segments


def _page_rule(doc: Document, page: SourcePage) -> str:
    """What the rule at a page break says: the page of the file, and its printed number."""
    label = doc.page_label(page.start)
    return f"#{page.index} · p. {label}" if label else f"#{page.index}"


def _finding(
    doc: Document, finding: Any, index: int, starts: list[int], crop: dict[str, Any] | None
) -> dict[str, Any]:
    """A finding for the list and the details panel; `starts` are the mentions' starts."""
    where = position(doc, finding.start)
    unsure = doc.source.confidence_of(finding.start, finding.end)
    first = bisect.bisect_left(starts, finding.start - 200)
    entities = [
        m.entity
        for m in doc.mentions[first : bisect.bisect_left(starts, finding.end)]
        if m.entity and m.end > finding.start and m.start < finding.end
    ]
    return {
        "index": index,
        "rule": finding.rule,
        "name": RULES[finding.rule].name if finding.rule in RULES else "",
        "category": str(finding.category),
        "severity": str(finding.severity),
        "line": where.line,
        "column": where.column,
        "page": _page_name(where.page),
        "text": doc.spoken(finding)[:300],
        "message": finding.message,
        "suggestion": finding.suggestion,
        "entities": list(dict.fromkeys(entities)),
        "ocr_confidence": round(unsure, 2) if unsure is not None else None,
        "crop": crop,
    }


def _page_name(page: PagePlace | None) -> str | None:
    return str(page) if page is not None else None


def _entity(doc: Document, entity: Entity, entry: GlossaryEntry | None) -> dict[str, Any]:
    """Name, kind, variants, lifespan and roles (from its biographical note), mentions."""
    return {
        "name": entity.name,
        "kind": str(entity.kind),
        "variants": sorted({doc.spoken(m) for m in entity.mentions} - {entity.name}),
        "lifespan": entry.lifespan.edtf if entry and entry.lifespan else None,
        "roles": [role.label for role in entry.roles] if entry else [],
        "mentions": len(entity.mentions),
    }


def _works(doc: Document) -> list[dict[str, Any]]:
    numbers = {note.id: note.number for note in doc.notes}
    by_work: dict[str, list[Citation]] = {}
    for citation in doc.citations:
        if citation.work:
            by_work.setdefault(citation.work, []).append(citation)
    rows = []
    for work in doc.all_works:
        cited = by_work.get(work.id, [])
        # Keyed by label, so that a page cited twice is listed once.
        unique = {str(page): page for citation in cited for page in citation.pages}
        pages = sorted(unique.values(), key=PageRange.sort_key)
        rows.append(
            {
                "label": work.label(),
                "citations": [
                    {
                        "line": position(doc, c.start).line,
                        "page": _page_name(page_place(doc, c.start)),
                        "note": numbers.get(c.note) if c.note else None,
                        "text": doc.spoken(c),
                    }
                    for c in cited
                ],
                "pages": ", ".join(map(str, pages)) or "—",
            }
        )
    return rows


def _notes(doc: Document) -> list[dict[str, Any]]:
    """The notes in the order printed: number, page and opening words, to find one by."""
    return [
        {
            "number": note.number,
            "page": page.number if (page := page_place(doc, note.start)) else None,
            "text": _opening(doc.spoken(Span(note.text_start, note.end))),
        }
        for note in doc.notes
    ]


def _opening(text: str, most: int = 80) -> str:
    """The first words of `text`, up to `most` characters, ending in `…` where it is cut."""
    if len(text) <= most:
        return text
    cut = text[: most - 1]
    space = cut.rfind(" ")  # at a word's end, unless that would leave too little
    return (cut[:space] if space > most // 2 else cut).rstrip() + "…"


# --- crops of the page images ------------------------------------------------------------

# Words the OCR engine was less sure of than this (0-1) are marked in the text. A fixed bar,
# not one relative to the document's median, so that a reader knows what a mark means: the
# readers put every engine's score on this scale (hOCR's 0-100 too). Of the 931 words
# tesseract read in tests/data/formats/ocr, 5 fall below it.
DOUBTFUL = 0.6
# The most bytes of page images one report embeds (a third more once in base64), so that a
# report of a long scan stays a file one can open and mail; pages beyond it get no crops.
MOST_IMAGE_BYTES = 20_000_000
# A crop shows the passage's box with this share of the page's height above and below it,
# and of its width either side: the lines around it and the words beside it, within the page.
MARGIN_DOWN, MARGIN_ACROSS = 0.03, 0.12
# Images browsers show, by their first bytes, and those they do not (archives keep TIFF
# and JPEG 2000 masters), to say why a page has no crop.
_SHOWN = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg", b"GIF8": "image/gif"}
_UNSHOWN = {
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
    b"\x00\x00\x00\x0cjP  ": "JPEG 2000",
    b"\xffO\xffQ": "JPEG 2000",
}


@dataclass(frozen=True, slots=True)
class _Crops:
    """The page images embedded (by page index), each finding's crop, and what was left out."""

    images: dict[int, str]
    crops: dict[int, dict[str, Any]]
    notes: list[str]


def _crops(doc: Document, findings: list[Finding]) -> _Crops:
    """A crop for each finding with a box on a page whose image lies beside the source, the
    images of those pages embedded once each, in page order, up to `MOST_IMAGE_BYTES`."""
    pages = {page.index: page for page in doc.source.pages}
    crops = {
        index: crop
        for index, finding in enumerate(findings)
        if (found := _box_of(doc, finding)) is not None
        and (crop := _crop(pages[found[0]], found[1])) is not None
    }
    images: dict[int, str] = {}
    unshown: dict[str, list[int]] = {}
    missing, over, embedded = [], [], 0
    for index in sorted({crop["page"] for crop in crops.values()}):
        path = _image_path(doc, pages[index].image)
        head = _read(path, 12) if path is not None else None
        if path is None or head is None:
            missing.append(index)
        elif (kind := _image_kind(head)) not in _SHOWN.values():
            unshown.setdefault(kind, []).append(index)
        elif embedded + path.stat().st_size > MOST_IMAGE_BYTES:
            over.append(index)
        elif (data := _read(path)) is not None:
            images[index] = f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
            embedded += len(data)
    notes = []
    if images:
        count = f"{len(images)} page image{'s' if len(images) > 1 else ''}"
        notes.append(f"Findings are shown on {count} ({_size(embedded)} embedded).")
    if missing:
        notes.append(f"No crops on {_pages(missing)}: no image where the source names it.")
    for kind, numbers in unshown.items():
        notes.append(
            f"No crops on {_pages(numbers)}: images in {kind}, which browsers do not show "
            "(a PNG or JPEG copy where the source names it would be)."
        )
    if over:
        notes.append(
            f"No crops on {_pages(over)}: a report embeds at most "
            f"{MOST_IMAGE_BYTES / 1e6:.0f} MB of page images."
        )
    return _Crops(images, {i: c for i, c in crops.items() if c["page"] in images}, notes)


def _box_of(doc: Document, finding: Finding) -> tuple[int, Box] | None:
    """The page and box of a finding's words; for one between words (a paragraph break that
    cuts a sentence), of the words either side, on the page where it starts."""
    if doc.source.words_in(finding.start, finding.end):
        return doc.source.box_of(finding.start, finding.end)
    return doc.source.box_of(finding.start - 1, finding.end + 1)


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 1e6 else f"{max(count / 1e3, 1):.0f} kB"


def _pages(indexes: list[int]) -> str:
    """`page #3`, `pages #2, #5-#9`: ascending page indexes, runs as ranges, in one line."""
    runs: list[list[int]] = []
    for index in indexes:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    named = (f"#{run[0]}" if len(run) == 1 else f"#{run[0]}-#{run[-1]}" for run in runs)
    return ("page " if len(indexes) == 1 else "pages ") + ", ".join(named)


def _image_path(doc: Document, name: str | None) -> Path | None:
    """The page image a source names, beside the source (its folder, else the document's)."""
    folders = [doc.source.folder, str(Path(doc.path).parent) if doc.path else None]
    for folder in folders:
        if name and folder is not None and (candidate := Path(folder) / name).is_file():
            return candidate
    return None


def _read(path: Path, most: int = -1) -> bytes | None:
    """The file's first `most` bytes (all of them by default); None where it cannot be read."""
    try:
        with path.open("rb") as file:
            return file.read(most)
    except OSError:
        return None


def _image_kind(head: bytes) -> str:
    """The media type of an image browsers show, else the format's name."""
    for magic, kind in (*_SHOWN.items(), *_UNSHOWN.items()):
        if head.startswith(magic):
            return kind
    return "a format fontes does not know"


def _crop(page: SourcePage, box: Box) -> dict[str, Any] | None:
    """The part of the page to show around `box`, in the page's own units, as an SVG viewBox
    (left, top, width, height) over the whole page image; None for a page with no image or
    no size (the image could not be laid over it), or a box off the page."""
    if page.image is None or not page.width or not page.height:
        return None
    across, down = MARGIN_ACROSS * page.width, MARGIN_DOWN * page.height
    left, top = max(box.left - across, 0), max(box.top - down, 0)
    right, bottom = min(box.right + across, page.width), min(box.bottom + down, page.height)
    if right <= left or bottom <= top:
        return None
    return {
        "page": page.index,
        "image": page.image,
        "width": page.width,
        "height": page.height,
        "view": [round(value, 2) for value in (left, top, right - left, bottom - top)],
        "box": [
            round(v, 2) for v in (box.left, box.top, box.right - box.left, box.bottom - box.top)
        ],
    }


# --- drawings -----------------------------------------------------------------------------

_WIDTH, _LEFT, _ROW = 960, 190, 20


class _Dated(NamedTuple):
    """An event whose first and last possible days are known, so it has a place in time."""

    event: Event
    earliest: date
    latest: date


def _timeline(doc: Document) -> Markup | None:
    """Lifespans and offices as bars, one row a person; other dated events as dots."""
    events = [
        _Dated(e, e.earliest, e.latest)
        for e in doc.events
        if e.earliest is not None and e.latest is not None
    ]
    if not events:
        return None
    first = min(min(e.earliest.year, e.latest.year) for e in events)
    last = max(max(e.earliest.year, e.latest.year) for e in events) + 1
    span = max(last - first, 1)

    def x(year: float) -> float:
        return _LEFT + (year - first) / span * (_WIDTH - _LEFT - 20)

    names = {e.id: e.name for e in doc.entities}
    names.update({g.id: g.name for g in doc.glossary})
    rows: dict[str, list[_Dated]] = {}
    loose: list[_Dated] = []
    for dated in events:
        kind = dated.event.kind
        if kind is EventKind.STATEMENT or kind is EventKind.PUBLICATION:
            loose.append(dated)
        elif dated.event.participants:
            rows.setdefault(dated.event.participants[0], []).append(dated)
    parts = []
    height = 40 + _ROW * (len(rows) + 2)
    step = 10 if span > 40 else 5 if span > 10 else 1
    for year in range(first - first % step, last + 1, step):
        if year < first:
            continue
        parts.append(
            f'<line x1="{x(year):.1f}" y1="20" x2="{x(year):.1f}" y2="{height - 10}" '
            f'stroke="#eee"/><text x="{x(year):.1f}" y="14" font-size="10" '
            f'text-anchor="middle">{year}</text>'
        )
    for row, (person, items) in enumerate(rows.items()):
        y = 30 + _ROW * row
        parts.append(
            f'<text x="{_LEFT - 6}" y="{y + 11}" font-size="11" text-anchor="end">'
            f"{escape(names.get(person, person))}</text>"
        )
        entry = doc.glossary_entry(person)
        life = entry.lifespan if entry else None
        if life is not None and life.first_year is not None and life.last_year is not None:
            born, died = sorted((life.first_year, life.last_year))
            parts.append(
                f'<rect x="{x(born):.1f}" y="{y}" width="{x(died + 1) - x(born):.1f}" '
                f'height="14" fill="{"#f0b7b1" if life.inverted else "#e9e4d8"}">'
                f"<title>lifespan {escape(life.edtf)}</title></rect>"
            )
        for event, earliest, latest in items:
            start = min(earliest.year, latest.year)
            end = max(earliest.year, latest.year) + 1
            of_life = event.kind in (EventKind.BIRTH, EventKind.DEATH)
            colour = "#c9c1ae" if of_life else "#26323d"
            inverted = earliest > latest
            label = f"{event.kind}: {doc.spoken(event)[:120]} ({event.edtf})"
            parts.append(
                f'<rect x="{x(start):.1f}" y="{y + (0 if of_life else 4)}" '
                f'width="{max(x(end) - x(start), 2):.1f}" height="{14 if of_life else 6}" '
                f'fill="{"#b3261e" if inverted else colour}" opacity="{0.5 if of_life else 0.9}">'
                f"<title>{escape(label)}</title></rect>"
            )
    loose_y = 30 + _ROW * (len(rows) + 0.5)
    parts.append(
        f'<text x="{_LEFT - 6}" y="{loose_y + 4}" font-size="11" text-anchor="end">events in the '
        "text</text>"
    )
    for event, earliest, latest in loose:
        middle = (earliest.toordinal() + latest.toordinal()) / 2
        at = first + (middle - _ordinal(first)) / 365.25
        colour = "#6a3d9a" if event.kind is EventKind.PUBLICATION else "#b15928"
        label = f"{event.edtf}: {doc.spoken(event)[:160]}"
        parts.append(
            f'<circle cx="{x(at):.1f}" cy="{loose_y}" r="4" fill="{colour}" opacity="0.8">'
            f"<title>{escape(label)}</title></circle>"
        )
    return Markup(
        f'<svg id="timeline-svg" xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" '
        f'height="{height}" viewBox="0 0 {_WIDTH} {height}" role="img" '
        f'aria-label="timeline">{"".join(parts)}</svg>'
    )


def _ordinal(year: int) -> int:
    return date(year, 1, 1).toordinal()


# The most entities the network shows. A few hundred labelled circles are all a page can
# show legibly, and the layout compares every pair of them, so it stays quick at this size.
_MOST_DRAWN = 200


@dataclass(frozen=True, slots=True)
class _Network:
    """The drawing, and how many of the entities named with another it shows."""

    svg: Markup
    shown: int
    total: int


def _network(doc: Document) -> _Network | None:
    return _draw_network(entity_graph(doc))


def _draw_network(graph: nx.Graph[str]) -> _Network | None:
    """Entities as circles (size by mentions), edges by co-occurrence and stated relation."""
    total = sum(1 for node in graph if graph.degree(node))
    drawn = _ordered(graph, _most_named(graph, _MOST_DRAWN))
    if not drawn:
        return None
    layout = _layout(drawn)
    width = 900
    height = max(y for _, y in layout.values()) + 40
    # A stated relation between two never named together weighs 0: drawn thinnest.
    most = max(weight for _, _, weight in drawn.edges(data="weight", default=1))
    parts = []
    for a, b, data in drawn.edges(data=True):
        (x1, y1), (x2, y2) = layout[a], layout[b]
        stroke = 0.8 + (3 * data.get("weight", 1) / most if most else 0)
        dash = ' stroke-dasharray="5 3"' if data.get("relation") else ""
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" '
            f'y2="{y2:.1f}" stroke="#8a8370" stroke-width="{stroke:.1f}"{dash}/>'
        )
    for node, data in drawn.nodes(data=True):
        px, py = layout[node]
        radius = 4 + min(int(data.get("mentions", 1)), 30) ** 0.5 * 2
        colour = _KIND_COLOURS.get(str(data.get("kind")), "#555")
        label = escape(str(data.get("label", node)))
        parts.append(
            f'<g class="node"><circle cx="{px:.1f}" cy="{py:.1f}" '
            f'r="{radius:.1f}" fill="{colour}"><title>{label}</title></circle>'
            f'<text x="{px + radius + 2:.1f}" y="{py + 4:.1f}" '
            f'font-size="11">{label}</text></g>'
        )
    svg = Markup(
        f'<svg id="network-svg" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height:.0f}" viewBox="0 0 {width} {height:.0f}" role="img" '
        f'aria-label="network">{"".join(parts)}</svg>'
    )
    return _Network(svg, len(drawn), total)


def _most_named(graph: nx.Graph[str], most: int) -> set[str]:
    """Up to `most` entities, the most often named first (then those with the most partners),
    each with a partner among them: an entity drawn alone would say nothing."""
    ranked = sorted(graph, key=lambda n: (-graph.nodes[n].get("mentions", 1), -graph.degree(n), n))
    seen: set[str] = set()
    drawn: set[str] = set()
    for node in ranked:
        if len(drawn) == most:
            break
        partners = {partner for partner in graph[node] if partner in seen}
        seen.add(node)
        joining = {node, *partners} - drawn if partners else set()
        if len(drawn) + len(joining) <= most:
            drawn |= joining
    return drawn


def _layout(graph: nx.Graph[str]) -> dict[str, tuple[float, float]]:
    """Positions in pixels: the largest group of connected entities in a box at the top, as
    tall as its size needs, each smaller group in a cell of its own below it, four to a row
    with room for their labels, so that no group is pushed off the page or crowded."""
    groups = sorted(nx.connected_components(graph), key=lambda g: (-len(g), sorted(g)))
    positions: dict[str, tuple[float, float]] = {}
    half = max(230.0, 2.5 * len(groups[0]))  # half the largest group's height
    cell, column_width, per_row, top = 150, 225, 4, 2 * half + 60
    for number, group in enumerate(groups):
        sub = _ordered(graph, group)
        spread = 2.0 / len(group) ** 0.5
        # Every edge pulls alike (a stated relation weighs 0, yet joins two people). networkx
        # turns to scipy, which fontes does not depend on, from 500 nodes whatever the method;
        # `_MOST_DRAWN` keeps every group below that, on its numpy solver.
        raw = nx.spring_layout(sub, k=spread, iterations=200, weight=None, method="force", seed=7)
        if number == 0:
            centre, scale = (350.0, 30 + half), (300.0, half)
        else:
            row, column = divmod(number - 1, per_row)
            centre = (80 + column * column_width, top + row * cell + cell / 2)
            scale = (55, cell / 2 - 25)
        for node, (dx, dy) in _fill(raw).items():
            positions[node] = (centre[0] + dx * scale[0], centre[1] + dy * scale[1])
    return positions


def _ordered(graph: nx.Graph[str], nodes: set[str]) -> nx.Graph[str]:
    """The subgraph of `nodes`, its nodes and edges in sorted order. networkx's own subgraph
    iterates the set it is given, whose order changes with Python's hash seed, and the
    layout follows the order: the same text would be drawn differently from run to run."""
    sub: nx.Graph[str] = nx.Graph()
    for node in sorted(nodes):
        sub.add_node(node, **graph.nodes[node])
    for one, other in sorted(tuple(sorted(edge)) for edge in graph.subgraph(nodes).edges):
        sub.add_edge(one, other, **graph.edges[one, other])
    return sub


def _fill(raw: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """The positions stretched to -1..1 on each axis, so that a group fills its box."""
    xs, ys = [float(x) for x, _ in raw.values()], [float(y) for _, y in raw.values()]

    def stretch(value: float, low: float, high: float) -> float:
        return 2 * (value - low) / (high - low) - 1 if high > low else 0.0

    low_x, high_x, low_y, high_y = min(xs), max(xs), min(ys), max(ys)
    return {
        node: (stretch(float(x), low_x, high_x), stretch(float(y), low_y, high_y))
        for node, (x, y) in raw.items()
    }
