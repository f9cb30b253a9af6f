"""The entity graph: who is named with whom, and who is said to be whose relative.

Nodes are the people, organisations and places the text mentions; an edge's `weight` counts
the sentences naming both ends (0 when they are only related, never named together), and
`relation` is present where the text states one (`kin`: `Pavel Orlov ... his brother Ivan`).
GraphML (Gephi, Cytoscape, yEd) takes only str, int, float and bool values, so an unknown
date is a missing attribute, never None.
"""

from __future__ import annotations

import bisect
import io
from itertools import combinations
from typing import Any

import networkx as nx

from fontes.export.kinds import year_text
from fontes.export.xmltext import xml_safe
from fontes.model import Document, Entity, GlossaryEntry, Mention
from fontes.text.sentences import sentences

KIN = "kin"


def entity_graph(doc: Document) -> nx.Graph[str]:
    """The graph of `doc`: a sentence, not a paragraph, is what names two entities together."""
    graph: nx.Graph[str] = nx.Graph()
    for entity in doc.entities:
        if entity.mentions:
            graph.add_node(entity.id, **_node(entity, doc.glossary_entry(entity.glossary)))
    mentions = sorted((m for m in doc.mentions if m.entity in graph), key=lambda m: m.start)
    starts = [m.start for m in mentions]
    for paragraph in doc.paragraphs:
        first = bisect.bisect_left(starts, paragraph.start)
        last = bisect.bisect_left(starts, paragraph.end)
        if first == last:
            continue
        for start, end in sentences(doc.folded, paragraph.start, paragraph.end):
            named = mentions[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
            for one, other in combinations(sorted({str(m.entity) for m in named}), 2):
                _edge(graph, one, other)["weight"] += 1
    _relate_kin(graph, mentions)
    return graph


def to_graphml(doc: Document) -> bytes:
    """The entity graph as a GraphML file's bytes (UTF-8), ready to write or serve."""
    buffer = io.BytesIO()
    nx.write_graphml(entity_graph(doc), buffer, encoding="utf-8")
    return buffer.getvalue()


def _node(entity: Entity, entry: GlossaryEntry | None) -> dict[str, Any]:
    node: dict[str, Any] = {
        "label": xml_safe(entity.name),
        "kind": entity.kind.value,
        "mentions": len(entity.mentions),
    }
    if entry is not None:
        for key, year in (("born", entry.born), ("died", entry.died)):
            if year is not None:
                node[key] = year_text(year)
    return node


def _edge(graph: nx.Graph[str], one: str, other: str) -> dict[str, Any]:
    if not graph.has_edge(one, other):
        graph.add_edge(one, other, weight=0)
    return graph.edges[one, other]


def _relate_kin(graph: nx.Graph[str], mentions: list[Mention]) -> None:
    """`his brother Ivan` is kin to the person linking found him related to."""
    for mention in mentions:
        related = mention.relative
        if (
            related is not None
            and related in graph
            and mention.entity
            and related != mention.entity
        ):
            _edge(graph, related, mention.entity)["relation"] = KIN
