"""Entity linking within a document: which mentions name the same person, body or place.

People are seeded from the glossary, whose spelling is canonical. A mention with forenames
joins the entity whose surname is the same name (`compare`) and whose forenames agree;
same surname with other forenames is another person. A forename introduced by kinship takes
the surname of the person just spoken of, unless the text gives one. A bare surname joins
the one entity it can name; if it could name several, the paragraph decides when it names
only one of them, otherwise the mention is marked ambiguous. Spellings are compared once
per distinct pair that shares a key's first letter (`SpellingIndex`) and a paragraph's
mentions are found by bisection, so linking grows linearly with the number of mentions.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Callable

from fontes.entities.spelling import Difference, SpellingIndex, compare
from fontes.model import Document, Entity, EntityKind, Mention
from fontes.structure.names import fold, unique_id

_SAME_FORENAME = (Difference.SAME, Difference.TRANSLITERATION, Difference.OCR)


class _People:
    """Person entities, found by any spelling of their surname."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}  # by id, in the order made
        self.by_surname: dict[str, list[Entity]] = defaultdict(list)
        self.spellings = SpellingIndex()
        self.taken: set[str] = set()

    def add(self, entity: Entity) -> Entity:
        self.taken.add(entity.id)
        self.entities[entity.id] = entity
        self.by_surname[entity.surname].append(entity)
        self.spellings.relatives(entity.surname)  # known from now on to the names it relates to
        return entity

    def named(self, surname: str) -> list[Entity]:
        """Entities whose surname may be `surname`, oldest first."""
        found = [e for s in self.spellings.relatives(surname) for e in self.by_surname.get(s, [])]
        if len(found) > 1:
            order = {id_: rank for rank, id_ in enumerate(self.entities)}
            found.sort(key=lambda e: order[e.id])
        return found


class _Paragraphs:
    """The person mentions of each paragraph, found by bisection."""

    def __init__(self, doc: Document, persons: list[Mention]) -> None:
        self.bounds = [(p.start, p.end) for p in doc.paragraphs]
        self.starts = [p.start for p in doc.paragraphs]
        self.persons = persons
        self.mention_starts = [m.start for m in persons]

    def around(self, offset: int) -> list[Mention]:
        """The person mentions in the paragraph holding `offset`, in text order."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index < 0 or not self.bounds[index][0] <= offset < self.bounds[index][1]:
            return []
        start, end = self.bounds[index]
        first = bisect.bisect_left(self.mention_starts, start)
        last = bisect.bisect_left(self.mention_starts, end)
        return self.persons[first:last]


def link_entities(doc: Document) -> None:
    people = _People()
    for entry in doc.glossary:
        surname = entry.surname.title() if entry.surname.isupper() else entry.surname
        people.add(
            Entity(
                id=entry.id,
                kind=EntityKind.PERSON,
                name=entry.name,
                forenames=entry.forenames,
                surname=surname,
                glossary=entry.id,
                canonical_because="the glossary spells it so",
            )
        )
    persons = [m for m in doc.mentions if m.kind is EntityKind.PERSON]
    paragraphs = _Paragraphs(doc, persons)
    kinship = [m for m in persons if m.source == "kinship"]
    for mention in kinship:
        relative = _relative(doc, paragraphs, mention, lambda m: bool(m.surname))
        if relative and not mention.surname:
            mention.surname = relative.surname  # `his brother Ivan`
    for mention in persons:
        if mention.forenames and mention.surname:
            _link_full_name(people, mention)
    for mention in persons:
        if mention.entity is None and mention.surname:
            _link_surname(people, paragraphs, mention)
    for mention in kinship:  # once linked, the kin is the last person named for certain
        relative = _relative(doc, paragraphs, mention, lambda m: m.entity is not None)
        mention.relative = relative.entity if relative else None
    entities = list(people.entities.values())
    entities.sort(key=lambda e: (e.glossary is None, e.mentions[0].start if e.mentions else 0))
    doc.entities.extend(entities)
    doc.entities.extend(_group_by_name(doc, EntityKind.ORGANISATION, "org"))
    doc.entities.extend(_group_by_name(doc, EntityKind.PLACE, "place"))


def _forenames_agree(known: str, given: str) -> bool:
    if not known or not given:
        return True
    first_known, first_given = known.split()[0].rstrip("."), given.split()[0].rstrip(".")
    if len(first_known) == 1 or len(first_given) == 1:  # an initial
        return fold(first_known)[:1] == fold(first_given)[:1]
    return compare(first_known, first_given) in _SAME_FORENAME


def _attach(entity: Entity, mention: Mention) -> None:
    mention.entity = entity.id
    entity.mentions.append(mention)


def _link_full_name(people: _People, mention: Mention) -> None:
    candidates = people.named(mention.surname)
    agreeing = [e for e in candidates if _forenames_agree(e.forenames, mention.forenames)]
    if agreeing:
        entity = agreeing[0]
        entity.forenames = entity.forenames or mention.forenames
        _attach(entity, mention)
        return
    entity = people.add(
        Entity(
            id=unique_id("person", mention.surname, people.taken),
            kind=EntityKind.PERSON,
            name=f"{mention.forenames} {mention.surname}",
            forenames=mention.forenames,
            surname=mention.surname,
            canonical_because="its first mention with forenames",
        )
    )
    _attach(entity, mention)


def _link_surname(people: _People, paragraphs: _Paragraphs, mention: Mention) -> None:
    candidates = people.named(mention.surname)
    if len(candidates) > 1:
        near = {m.entity for m in paragraphs.around(mention.start) if m.forenames and m.entity}
        in_context = [e for e in candidates if e.id in near]
        if len(in_context) != 1:
            mention.candidates = [e.id for e in candidates]
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
                    canonical_because="its first mention",
                )
            )
        ]
    _attach(candidates[0], mention)


def _relative(
    doc: Document, paragraphs: _Paragraphs, mention: Mention, usable: Callable[[Mention], bool]
) -> Mention | None:
    """`his brother Ivan`: the `usable` person last named before it, not in the possessive."""
    for other in reversed(paragraphs.around(mention.start)):
        if other.start >= mention.start:
            continue
        if usable(other) and other.source != "kinship" and not in_possessive(doc, other):
            return other
    return None


def in_possessive(doc: Document, mention: Mention) -> bool:
    """`Pascoe's testimony`, `Halloran*'s letter`: the name owns something, so a following
    `his brother` is not this person's brother."""
    return doc.folded[mention.end : mention.end + 3].lstrip("*").startswith("'s")


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
        spellings = Counter(doc.spoken(m) for m in members)
        name = spellings.most_common(1)[0][0]
        entity = Entity(
            id=unique_id(prefix, name, taken),
            kind=kind,
            name=name,
            canonical_because="the spelling used most often",
            aliases=[s for s in spellings if s != name],
        )
        for mention in members:
            _attach(entity, mention)
        entities.append(entity)
    return entities


def _is_alias_of(doc: Document, name: Mention, alias: Mention) -> bool:
    between = doc.folded[name.end : alias.start]
    return name.source == "alias" and len(between) <= 4 and "(" in between
