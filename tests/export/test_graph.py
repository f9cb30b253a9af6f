"""The entity graph: co-occurrence in sentences, stated kinship, and a GraphML round trip."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest

import fontes
from fontes import analyze_file
from fontes.export.graph import KIN, entity_graph, to_graphml
from fontes.model import Document

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT.parent / "shared" / "samples" / "industrial-party.txt"
EXAMPLE = ROOT / "examples" / "dock-strike.txt"

ORLOV = "\n\nORLOV, Pavel A., miller (1861-1930); mayor of Tver (1905-10).\n"


def weights(graph: nx.Graph) -> dict[frozenset[str], int]:
    return {frozenset((a, b)): data["weight"] for a, b, data in graph.edges(data=True)}


def round_trip(doc: Document) -> nx.Graph:
    return nx.read_graphml(io.BytesIO(to_graphml(doc)))


def test_nodes_are_mentioned_entities_with_label_kind_count_and_dates() -> None:
    doc = fontes.analyze("Pavel Orlov* met Sergei Volkov*. Pavel Orlov* left." + ORLOV)
    graph = entity_graph(doc)
    assert dict(graph.nodes(data=True)) == {
        "person-orlov": {
            "label": "Pavel A. Orlov",
            "kind": "person",
            "mentions": 2,
            "born": "1861",
            "died": "1930",
        },
        "person-volkov": {"label": "Sergei Volkov", "kind": "person", "mentions": 1},
    }


def test_an_entity_never_mentioned_is_not_a_node() -> None:
    doc = fontes.analyze("Sergei Volkov* ran the mill." + ORLOV)
    assert list(entity_graph(doc)) == ["person-volkov"]


def test_two_people_named_in_one_sentence_are_joined_once_per_sentence() -> None:
    doc = fontes.analyze(
        "Pavel Orlov* met Sergei Volkov* and Pavel Orlov* again. Sergei Volkov* wrote to "
        "Pavel Orlov*. Anna Repina* stayed away."
    )
    graph = entity_graph(doc)
    assert weights(graph) == {frozenset(("person-orlov", "person-volkov")): 2}
    assert graph.degree("person-repina") == 0


def test_people_in_different_sentences_are_not_joined() -> None:
    doc = fontes.analyze("Pavel Orlov* ran the mill. Sergei Volkov* ran the bank.")
    assert weights(entity_graph(doc)) == {}


def test_kinship_relates_the_relative_to_the_person_last_named() -> None:
    doc = fontes.analyze(
        "Pavel Orlov* ran the mill at Tver. In 1905 his brother Ivan joined him." + ORLOV
    )
    graph = entity_graph(doc)
    [ivan] = [e for e in doc.entities if e.name == "Ivan Orlov"]
    # Different sentences: related, never named together.
    assert graph.edges["person-orlov", ivan.id] == {"weight": 0, "relation": KIN}


def test_kinship_skips_a_name_in_the_possessive() -> None:
    doc = fontes.analyze(
        "Semyon Dolgorukov* sold the mill; in Sergei Volkov's account it was his brother "
        "Anatoly who bought it."
    )
    [anatoly] = [e for e in doc.entities if e.forenames == "Anatoly"]
    graph = entity_graph(doc)
    assert graph.edges["person-dolgorukov", anatoly.id]["relation"] == KIN
    assert graph.edges["person-volkov", anatoly.id] == {"weight": 1}


def test_kinship_looks_no_further_back_than_its_paragraph() -> None:
    doc = fontes.analyze("Sergei Volkov* ran the mill.\n\nLater his sister Anna left.")
    assert not [e for e in entity_graph(doc).edges(data=True) if "relation" in e[2]]


def test_graphml_round_trip_keeps_nodes_labels_kinds_and_weights() -> None:
    doc = fontes.analyze(
        "Sergei Volkov* met Pavel Orlov* in Moscow. In 1905 his brother Ivan joined them." + ORLOV
    )
    graph, loaded = entity_graph(doc), round_trip(doc)
    assert dict(loaded.nodes(data=True)) == dict(graph.nodes(data=True))
    assert weights(loaded) == weights(graph)
    assert {frozenset((a, b)) for a, b, r in loaded.edges(data="relation") if r == KIN} == {
        frozenset(("person-orlov", next(e.id for e in doc.entities if e.forenames == "Ivan")))
    }
    assert loaded.nodes["person-orlov"]["born"] == "1861"
    assert isinstance(loaded.nodes["person-orlov"]["mentions"], int)


def test_graphml_of_a_document_with_no_entities_is_an_empty_graph() -> None:
    loaded = round_trip(fontes.analyze("Nothing happened here."))
    assert loaded.number_of_nodes() == 0


@pytest.mark.skipif(
    not SAMPLE.exists(), reason=f"shared sample not found at {SAMPLE} (../shared is absent)"
)
def test_sample_graph() -> None:
    doc = analyze_file(SAMPLE)
    loaded = round_trip(doc)
    assert loaded.nodes["person-ramzin"] == {
        "label": "Leonid K. Ramzin",
        "kind": "person",
        "mentions": 10,
        "born": "1887",
        "died": "1948",
    }
    assert "person-deterding" not in loaded  # in the glossary, never in the text
    # `... was Pavel Riabushinsky, while the Riabushinsky referred to in Ramzin's testimony
    # was his brother Vladimir`: kin to Pavel, not to Ramzin (possessive) nor to the
    # ambiguous bare surname.
    kin = [(a, b) for a, b, r in loaded.edges(data="relation") if r == KIN]
    assert [frozenset(pair) for pair in kin] == [
        frozenset(("person-riabushinsky", "person-riabushinsky-2"))
    ]
    assert loaded.edges["person-ramzin", "place-moscow"]["weight"] == 3
    assert weights(loaded) == weights(entity_graph(doc))


def test_example_graph() -> None:
    doc = analyze_file(EXAMPLE)
    graph = entity_graph(doc)
    assert set(graph) == {e.id for e in doc.entities if e.mentions}
    assert "person-olver" not in graph  # the glossary entry no asterisk points to
    assert all(graph.nodes[n]["kind"] in ("person", "organisation", "place") for n in graph)
    assert all(w > 0 for w in weights(graph).values())  # no kinship in the example
    loaded = round_trip(doc)
    assert dict(loaded.nodes(data=True)) == dict(graph.nodes(data=True))
    assert weights(loaded) == weights(graph)
