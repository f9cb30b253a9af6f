"""Name-variant checks: one person or body spelled several ways."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import assert_never

from fontes.checks.registry import Problem, rule
from fontes.model import CanonicalBecause, Category, Document, Entity, EntityKind, Mention, Severity
from fontes.text.spelling import Difference, compare, transliteration_key

_VARIANT = (Difference.TRANSLITERATION, Difference.MISSPELLING)


@rule("NV001", "name-variant", Category.NAME_VARIANT, Severity.INFO)
def name_variant(doc: Document) -> Iterator[Problem]:
    """A name the document spells in more than one way (transliteration or misspelling).

    Why it matters: variant spellings split one person across an index, and readers cannot
    tell whether `Dobryakov` and `Dobriakov` are one man or two. The canonical spelling
    is the glossary's when there is one, otherwise the one used most often.

    Example: `Andrey Belinsky*` in the text, `BELINSKY, Andrei P.` in the glossary.

    Premise: the two spellings belong to one linked person or body and differ as a
    transliteration or a misspelling does (not as an OCR slip, which is OC002's).
    """
    glossary = {e.surname for e in doc.entities if e.glossary}
    for spelling, canonical, mention, count in _surname_variants(doc, glossary):
        why = "the glossary's spelling" if canonical in glossary else "the spelling used most often"
        yield Problem(
            mention.start,
            mention.end,
            f"'{spelling}' is also spelled '{canonical}' ({count} times); "
            f"'{canonical}' is canonical as {why}",
            f"write '{canonical}' throughout, or note the variant",
        )
    for entity in doc.entities:
        first = entity.forenames.split()[0] if entity.forenames else ""
        for mention in entity.mentions:
            given = mention.forenames.split()[0] if mention.forenames else ""
            if first and given and compare(first, given) in _VARIANT:
                yield Problem(
                    mention.start,
                    mention.end,
                    f"forename '{given}' of {entity.name} is spelled '{first}' in "
                    "the glossary, which is canonical",
                    f"write '{first}' throughout, or note the variant",
                )


def canonical_reason(entity: Entity) -> str:
    """Why the entity's name is its canonical spelling (`Entity.canonical_because`), in words.

    The dossier publishes it as the `canonical_because` of a person or an entity; "" if unknown.
    """
    match entity.canonical_because:
        case None:
            return ""
        case CanonicalBecause.GLOSSARY:
            return "the glossary spells it so"
        case CanonicalBecause.FIRST_WITH_FORENAMES:
            return "its first mention with forenames"
        case CanonicalBecause.FIRST_MENTION:
            return "its first mention"
        case CanonicalBecause.MOST_OFTEN:
            return "the spelling used most often"
        case unknown:
            assert_never(unknown)


def _surname_variants(doc: Document, glossary: set[str]) -> Iterator[tuple[str, str, Mention, int]]:
    """(variant, canonical, first mention of the variant, uses of the canonical)."""
    first: dict[str, Mention] = {}
    counts: Counter[str] = Counter()
    # Asterisks that miss their glossary entry are reported by XR005.
    missed = {r.start for r in doc.cross_references if r.target is None}
    for mention in doc.mentions:
        if mention.source == "cross-reference" and mention.start in missed:
            continue
        name = mention.surname if mention.kind is EntityKind.PERSON else doc.spoken(mention)
        if name:
            counts[name] += 1
            first.setdefault(name, mention)
    for name in glossary:
        counts.setdefault(name, 0)
    by_letter: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        by_letter[transliteration_key(name)[:1]].append(name)
    for names in by_letter.values():
        for group in _groups(names):
            if len(group) < 2:
                continue
            canonical = next((n for n in group if n in glossary), None) or max(
                group, key=lambda n: (counts[n], -first[n].start if n in first else 0)
            )
            for name in group:
                if name != canonical and name in first:
                    yield name, canonical, first[name], counts[canonical]


def _groups(names: list[str]) -> list[list[str]]:
    groups: list[list[str]] = []
    for name in names:
        home = next((g for g in groups if any(compare(o, name) in _VARIANT for o in g)), None)
        if home is None:
            groups.append([name])
        else:
            home.append(name)
    return groups
