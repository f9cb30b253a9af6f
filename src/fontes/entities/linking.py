"""Entity linking within a document: which mentions name the same person, body or place.

People are seeded from the glossary, whose spelling is canonical. A mention with forenames
joins the entity whose surname is the same name (`compare`) and whose forenames agree;
same surname with other forenames is another person. A forename introduced by kinship takes
the surname of the person just spoken of. A bare surname joins the one entity it can name; if
it could name several, the paragraph decides when it names only one of them, otherwise the
mention is marked ambiguous. Candidates are looked up by the first letter of the name's key,
so linking stays near-linear in the number of mentions.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from fontes.entities.spelling import Difference, compare, transliteration_key
from fontes.model import Document, Entity, EntityKind, Mention
from fontes.structure.names import fold, unique_id

_SAME_FORENAME = (Difference.SAME, Difference.TRANSLITERATION, Difference.OCR)


class _People:
    """Person entities indexed by the first letter of their surname's key."""

    def __init__(self) -> None:
        self.by_letter: dict[str, list[Entity]] = defaultdict(list)
        self.taken: set[str] = set()

    def add(self, entity: Entity) -> Entity:
        self.taken.add(entity.id)
        self.by_letter[transliteration_key(entity.surname)[:1]].append(entity)
        return entity

    def named(self, surname: str) -> list[Entity]:
        bucket = self.by_letter.get(transliteration_key(surname)[:1], [])
        return [entity for entity in bucket if compare(entity.surname, surname) is not None]


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
    for mention in persons:
        if mention.source == "kinship":
            mention.surname = _relative_surname(doc, persons, mention)
    for mention in persons:
        if mention.forenames and mention.surname:
            _link_full_name(people, mention)
    for mention in persons:
        if mention.entity is None and mention.surname:
            _link_surname(doc, people, persons, mention)
    entities = [e for bucket in people.by_letter.values() for e in bucket]
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


def _link_surname(
    doc: Document,
    people: _People,
    persons: list[Mention],
    mention: Mention,
) -> None:
    candidates = people.named(mention.surname)
    if len(candidates) > 1:
        paragraph = _paragraph_of(doc, mention.start)
        near = {
            m.entity
            for m in persons
            if m.forenames and m.entity and paragraph[0] <= m.start < paragraph[1]
        }
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


def _relative_surname(doc: Document, persons: list[Mention], mention: Mention) -> str:
    """`his brother Ivan`: the surname of the person last named, not in the possessive."""
    paragraph = _paragraph_of(doc, mention.start)
    for other in reversed(persons):
        if other.start >= mention.start or other.start < paragraph[0]:
            continue
        possessive = doc.folded[other.end : other.end + 2] == "'s"
        if other.surname and other.source != "kinship" and not possessive:
            return other.surname
    return ""


def _paragraph_of(doc: Document, offset: int) -> tuple[int, int]:
    for paragraph in doc.paragraphs:  # few calls: only for ambiguous or kinship mentions
        if paragraph.start <= offset < paragraph.end:
            return paragraph.start, paragraph.end
    return offset, offset


def _group_by_name(doc: Document, kind: EntityKind, prefix: str) -> list[Entity]:
    """Organisations or places: one entity per name, with aliases and close spellings."""
    mentions = [m for m in doc.mentions if m.kind is kind]
    groups: dict[str, list[Mention]] = {}
    # (a name, the group it belongs to) by the first letter of the name's key
    names_by_letter: dict[str, list[tuple[str, str]]] = defaultdict(list)
    previous_key = ""
    for index, mention in enumerate(mentions):
        name = doc.text[mention.start : mention.end]
        letter = transliteration_key(name)[:1]
        if index and mention.source == "alias" and _is_alias_of(doc, mentions[index - 1], mention):
            key = previous_key  # `the 'Trade Committee' (Torgkom)`: one body, two names
        else:
            known = (group for known, group in names_by_letter[letter] if compare(known, name))
            key = next(known, name)
        if key not in groups or not any(known == name for known, _ in names_by_letter[letter]):
            names_by_letter[letter].append((name, key))
        groups.setdefault(key, []).append(mention)
        previous_key = key
    taken: set[str] = set()
    entities = []
    for members in groups.values():
        spellings = Counter(doc.text[m.start : m.end] for m in members)
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
