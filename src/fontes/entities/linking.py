"""Entity linking within a document: which mentions name the same person, body or place.

People are seeded from the glossary, whose spelling is canonical. A mention with forenames
joins the entity whose surname is the same name (`compare`) and whose forenames agree;
same surname with other forenames is another person. A forename introduced by kinship takes
the surname of the person just spoken of, unless the text gives one or named that person by
one name alone, which may be a forename. A bare surname joins the one entity it can name; if
it could name several, the paragraph decides when it names only one of them, otherwise the
mention is marked ambiguous. Spellings are compared once per distinct pair that shares a
key's first letter (`SpellingIndex`); each mention's paragraph is found once by bisection,
and what a paragraph knows (the people it names with forenames, the person last named) is
gathered in one pass over its mentions, so linking grows linearly with the number of
mentions even when a whole newspaper page is one paragraph.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace

from fontes.model import (
    CanonicalBecause,
    Document,
    Entity,
    EntityKind,
    Mention,
    annotate,
    display_surname,
)
from fontes.text.names import after_title, fold, possessive_at, unique_id
from fontes.text.spelling import Difference, SpellingIndex, compare

_SAME_FORENAME = (Difference.SAME, Difference.TRANSLITERATION, Difference.OCR)


class _People:
    """Person entities, found by any spelling of their surname."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}  # by id, in the order made
        self.rank: dict[str, int] = {}  # the order made, so sorting a few needs no scan of all
        # (surname, forenames) → the id of the entity its first mention joined. A later
        # mention spelt alike joins it too: entities made since rank after it, and the ones
        # before it disagreed on forenames that no longer change. So a repeated name costs no
        # scan. (Ids, not entities: an entity is replaced when it learns its forenames.)
        self.full_names: dict[tuple[str, str], str] = {}
        self.by_surname: dict[str, list[str]] = defaultdict(list)
        self.spellings = SpellingIndex()
        self.taken: set[str] = set()

    def add(self, entity: Entity) -> Entity:
        self.taken.add(entity.id)
        self.entities[entity.id] = entity
        self.rank[entity.id] = len(self.rank)
        self.by_surname[entity.surname].append(entity.id)
        self.spellings.relatives(entity.surname)  # known from now on to the names it relates to
        return entity

    def named(self, surname: str) -> list[Entity]:
        """Entities whose surname may be `surname`, oldest first."""
        found = [
            self.entities[i]
            for s in self.spellings.relatives(surname)
            for i in self.by_surname.get(s, [])
        ]
        if len(found) > 1:
            found.sort(key=lambda e: self.rank[e.id])
        return found


class _Paragraphs:
    """Which paragraph holds an offset, found by bisection."""

    def __init__(self, doc: Document) -> None:
        self.bounds = [(p.start, p.end) for p in doc.paragraphs]
        self.starts = [p.start for p in doc.paragraphs]

    def index(self, offset: int) -> int | None:
        """The number of the paragraph holding `offset`, or None outside every paragraph."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index < 0 or not self.bounds[index][0] <= offset < self.bounds[index][1]:
            return None
        return index


def link_entities(doc: Document) -> None:
    people = _People()
    for entry in doc.glossary:
        people.add(
            Entity(
                id=entry.id,
                kind=EntityKind.PERSON,
                name=entry.name,
                forenames=entry.forenames,
                surname=display_surname(entry.surname),
                glossary=entry.id,
                canonical_because=CanonicalBecause.GLOSSARY,
            )
        )
    persons = [m for m in doc.mentions if m.kind is EntityKind.PERSON]
    paragraphs = _Paragraphs(doc)
    places = [paragraphs.index(m.start) for m in persons]
    before = _last_named(doc, persons, places, lambda m: _gives_surname(doc, m))
    for mention, relative in zip(persons, before, strict=True):
        if mention.source == "kinship" and relative and not mention.surname:
            annotate(mention, surname=relative.surname)  # `his brother Ivan`
    for mention in persons:
        if mention.forenames and mention.surname:
            _link_full_name(people, mention)
    # The people each paragraph names with forenames; bare surnames below add none.
    near: dict[int | None, set[str]] = defaultdict(set)
    for mention, place in zip(persons, places, strict=True):
        if place is not None and mention.forenames and mention.entity:
            near[place].add(mention.entity)
    for mention, place in zip(persons, places, strict=True):
        if mention.entity is None and mention.surname:
            _link_surname(people, near.get(place, set()), mention)
    # Once linked, the kin is the last person named for certain.
    before = _last_named(doc, persons, places, lambda m: m.entity is not None)
    for mention, relative in zip(persons, before, strict=True):
        if mention.source == "kinship":
            annotate(mention, relative=relative.entity if relative else None)
    entities = list(people.entities.values())
    entities.sort(key=lambda e: (e.glossary is None, e.mentions[0].start if e.mentions else 0))
    doc.entities.extend(entities)
    doc.entities.extend(_group_by_name(doc, EntityKind.ORGANISATION, "org"))
    doc.entities.extend(_group_by_name(doc, EntityKind.PLACE, "place"))


def _gives_surname(doc: Document, mention: Mention) -> bool:
    """Whether `mention` names a surname that kin share: with forenames (`Ivan Marrow`), after
    a title (`Mr. Pascoe`) or as the document knows it; a name alone may be a forename (`his
    son Edric`, after `Vortigan`, is not Edric Vortigan)."""
    if not mention.surname:
        return False
    return (
        bool(mention.forenames) or mention.source != "ner" or after_title(doc.folded, mention.start)
    )


def _forenames_agree(known: str, given: str) -> bool:
    if not known or not given:
        return True
    first_known, first_given = known.split()[0].rstrip("."), given.split()[0].rstrip(".")
    if len(first_known) == 1 or len(first_given) == 1:  # an initial
        return fold(first_known)[:1] == fold(first_given)[:1]
    return compare(first_known, first_given) in _SAME_FORENAME


def _attach(entity: Entity, mention: Mention) -> None:
    annotate(mention, entity=entity.id)
    entity.mentions.append(mention)


def _link_full_name(people: _People, mention: Mention) -> None:
    key = (mention.surname, mention.forenames)
    known = people.full_names.get(key)
    entity = people.entities[known] if known else None
    if entity is None:
        candidates = people.named(mention.surname)
        agree = (e for e in candidates if _forenames_agree(e.forenames, mention.forenames))
        entity = next(agree, None)
        if entity is None:
            entity = people.add(
                Entity(
                    id=unique_id("person", mention.surname, people.taken),
                    kind=EntityKind.PERSON,
                    name=f"{mention.forenames} {mention.surname}",
                    forenames=mention.forenames,
                    surname=mention.surname,
                    canonical_because=CanonicalBecause.FIRST_WITH_FORENAMES,
                )
            )
        if not entity.forenames:  # a glossary entry without them: the text supplies them
            entity = replace(entity, forenames=mention.forenames)
            people.entities[entity.id] = entity
        people.full_names[key] = entity.id
    _attach(entity, mention)


def _link_surname(people: _People, near: set[str], mention: Mention) -> None:
    """`near`: the entities that the mention's paragraph names with forenames."""
    candidates = people.named(mention.surname)
    if len(candidates) > 1:
        in_context = [e for e in candidates if e.id in near]
        if len(in_context) != 1:
            annotate(mention, candidates=[e.id for e in candidates])
            return
        candidates = in_context
    if not candidates:
        candidates = [
            people.add(
                Entity(
                    id=unique_id("person", mention.surname, people.taken),
                    kind=EntityKind.PERSON,
                    name=mention.surname,
                    surname=mention.surname,
                    canonical_because=CanonicalBecause.FIRST_MENTION,
                )
            )
        ]
    _attach(candidates[0], mention)


def _last_named(
    doc: Document,
    persons: list[Mention],
    places: list[int | None],
    usable: Callable[[Mention], bool],
) -> list[Mention | None]:
    """For each mention, the `usable` person last named before it in its paragraph, not in
    the possessive nor itself named by kinship: whom `his brother Ivan` is kin to.

    One pass in text order: a paragraph's mentions are consecutive, since mentions are
    sorted and paragraphs disjoint.
    """
    found: list[Mention | None] = []
    last: Mention | None = None
    for index, (mention, place) in enumerate(zip(persons, places, strict=True)):
        if index == 0 or place != places[index - 1]:
            last = None
        found.append(last if place is not None else None)
        possessive = possessive_at(doc.folded, mention.end)  # `Pascoe's testimony`
        if mention.source != "kinship" and usable(mention) and not possessive:
            last = mention
    return found


def _group_by_name(doc: Document, kind: EntityKind, prefix: str) -> list[Entity]:
    """Organisations or places: one entity per name, with aliases and close spellings."""
    mentions = [m for m in doc.mentions if m.kind is kind]
    groups: dict[str, list[Mention]] = {}
    spellings = SpellingIndex()
    group_of: dict[str, str] = {}  # each name seen → the group it joined
    previous_key = ""
    for index, mention in enumerate(mentions):
        name = doc.spoken(mention)
        relatives = spellings.relatives(name)
        if index and mention.source == "alias" and _is_alias_of(doc, mentions[index - 1], mention):
            key = previous_key  # `the 'Trade Committee' (Torgkom)`: one body, two names
        else:
            key = next((group_of[known] for known in relatives if known in group_of), name)
        group_of.setdefault(name, key)
        groups.setdefault(key, []).append(mention)
        previous_key = key
    taken: set[str] = set()
    entities = []
    for members in groups.values():
        counted = Counter(doc.spoken(m) for m in members)
        name = counted.most_common(1)[0][0]
        entity = Entity(
            id=unique_id(prefix, name, taken),
            kind=kind,
            name=name,
            canonical_because=CanonicalBecause.MOST_OFTEN,
            aliases=[s for s in counted if s != name],
        )
        for mention in members:
            _attach(entity, mention)
        entities.append(entity)
    return entities


def _is_alias_of(doc: Document, name: Mention, alias: Mention) -> bool:
    between = doc.folded[name.end : alias.start]
    return name.source == "alias" and len(between) <= 4 and "(" in between
