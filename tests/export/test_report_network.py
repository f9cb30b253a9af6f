"""The report's network drawing: bounded, fast and without scipy, whatever the network."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest

import fontes
from fontes.export.graph import KIN
from fontes.export.report import _MOST_DRAWN, _draw_network, render_report
from fontes.model import Document, Entity, EntityKind, Mention, Span

ORLOV = "\n\nORLOV, Pavel A., miller (1861-1930); mayor of Tver (1905-10).\n"


@pytest.fixture(autouse=True)
def no_scipy(monkeypatch) -> None:
    """networkx turns to scipy for big graphs; fontes does not depend on it, so block it."""
    monkeypatch.setitem(sys.modules, "scipy", None)


def person(graph: nx.Graph, node: str, mentions: int = 1) -> None:
    graph.add_node(node, label=node.title(), kind="person", mentions=mentions)


def circles(svg: str) -> list[tuple[float, float]]:
    return [
        (float(x), float(y)) for x, y in re.findall(r'<circle cx="([\d.-]+)" cy="([\d.-]+)"', svg)
    ]


def widths(svg: str) -> list[float]:
    return [float(w) for w in re.findall(r'stroke-width="([\d.]+)"', svg)]


def test_a_network_of_kinship_alone_renders_with_thin_dashed_lines() -> None:
    doc = fontes.analyze("Pavel Orlov* ran the mill. In 1905 his brother Ivan joined him." + ORLOV)
    html = render_report(doc)
    [line] = re.findall(r"<line [^>]*stroke-dasharray[^>]*>", html.split('id="network-svg"')[1])
    assert 'stroke-width="0.8"' in line


def test_edges_of_weight_zero_only() -> None:
    graph = nx.Graph()
    for node in "abcd":
        person(graph, node)
    graph.add_edge("a", "b", weight=0, relation=KIN)
    graph.add_edge("c", "d", weight=0, relation=KIN)
    network = _draw_network(graph)
    assert network is not None
    assert widths(network.svg) == [0.8, 0.8]
    assert (network.shown, network.total) == (4, 4)


def test_no_edges_means_no_drawing() -> None:
    graph = nx.Graph()
    for node in "abc":
        person(graph, node)
    assert _draw_network(graph) is None
    assert _draw_network(nx.Graph()) is None


def test_a_single_entity_is_no_network() -> None:
    graph = nx.Graph()
    person(graph, "a", mentions=9)
    assert _draw_network(graph) is None


def test_disconnected_groups_are_all_drawn_inside_the_picture() -> None:
    graph = nx.Graph()
    for group in range(12):
        names = [f"g{group}-{i}" for i in range(1 + group % 4)]
        for name in names:
            person(graph, name)
        nx.add_path(graph, names, weight=1)
    person(graph, "alone")
    network = _draw_network(graph)
    assert network is not None
    connected = sum(1 for node in graph if graph.degree(node))
    assert network.shown == network.total == connected == len(circles(network.svg))
    height = float(re.search(r'height="([\d.]+)"', network.svg)[1])
    assert all(0 < x < 900 and 0 < y < height for x, y in circles(network.svg))
    assert ">Alone<" not in network.svg


def test_a_network_of_two_thousand_entities_draws_the_most_named_quickly() -> None:
    graph = nx.Graph()
    for node in range(2000):
        person(graph, f"n{node:04}", mentions=1 + (2000 - node) // 10)
    for node in range(1, 2000):  # a tree with hubs, and some cross links
        graph.add_edge(f"n{node:04}", f"n{(node - 1) // 3:04}", weight=1 + node % 5)
        graph.add_edge(f"n{node:04}", f"n{(node * 7) % 2000:04}", weight=0, relation=KIN)
    graph.remove_edges_from(nx.selfloop_edges(graph))
    began = time.perf_counter()
    network = _draw_network(graph)
    took = time.perf_counter() - began
    assert network is not None
    assert (network.shown, network.total) == (_MOST_DRAWN, 2000)
    assert len(circles(network.svg)) == _MOST_DRAWN
    assert ">N0000<" in network.svg and ">N1999<" not in network.svg  # the most named
    assert took < 5


def test_a_document_naming_two_thousand_entities_reports_how_many_are_left_out() -> None:
    """A chain of 2,000 names, each sentence naming one and the next: one group of 2,000."""
    entities = [Entity(f"Name{i:04}", EntityKind.PERSON, f"Name{i:04}") for i in range(2000)]
    sentences, paragraphs, mentions = [], [], []
    offset = 0
    for one, other in itertools.pairwise(entities):
        sentence = f"{one.name} met {other.name}."
        for entity, at in ((one, offset), (other, offset + len(one.name) + 5)):
            mention = Mention(at, at + len(entity.name), EntityKind.PERSON, "ner", entity=entity.id)
            entity.mentions.append(mention)
            mentions.append(mention)
        sentences.append(sentence)
        paragraphs.append(Span(offset, offset + len(sentence)))
        offset += len(sentence) + 2
    doc = Document("\n\n".join(sentences))
    doc.paragraphs, doc.mentions, doc.entities = paragraphs, mentions, entities
    html = render_report(doc)
    assert f"the {_MOST_DRAWN} most often named of the 2,000 entities" in html
    assert f"{2000 - _MOST_DRAWN:,} are left out" in html


def test_the_same_text_is_drawn_the_same_whatever_the_hash_seed(tmp_path: Path) -> None:
    example = Path(__file__).parents[2] / "examples" / "dock-strike.txt"
    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"report-{seed}.html"
        subprocess.run(
            [sys.executable, "-m", "fontes", "report", str(example), "-o", str(out)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
            capture_output=True,
        )
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]
