"""Small helpers for personal names as an apparatus prints them."""

from __future__ import annotations

import re
import unicodedata

# Words that precede a name in prose without being part of it: ranks, offices, honorifics.
TITLES = frozenset(
    """
    general generals admiral colonel captain major lieutenant marshal commander
    professor prof dr doctor judge justice prosecutor president premier minister prime
    foreign secretary chancellor ambassador governor senator deputy director chairman
    baron baroness count countess prince princess duke duchess lord lady sir dame king
    queen tsar emperor empress archbishop bishop cardinal father reverend rev saint st
    mr mrs ms miss herr frau monsieur madame comrade citizen canon vicar rector dean
    abbot abbess rabbi imam pastor elder brother sister mother pope patriarch
    """.split()
)

_SLUG = re.compile(r"[^a-z0-9]+")
# A word as historians' texts spell names: letters, with inner apostrophes and hyphens.
WORD = re.compile(r"[^\W\d_][\w'\-]*")


def fold(name: str) -> str:
    """Lower case without accents, for comparing spellings: `Brontë` == `BRONTE`."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def slug(text: str) -> str:
    return _SLUG.sub("-", fold(text)).strip("-") or "x"


def unique_id(prefix: str, text: str, taken: set[str]) -> str:
    """A readable id such as `person-halloran`, suffixed when the name is already taken."""
    base = f"{prefix}-{slug(text)}"
    candidate, counter = base, 2
    while candidate in taken:
        candidate, counter = f"{base}-{counter}", counter + 1
    taken.add(candidate)
    return candidate


def surname_of(name: str) -> str:
    """The surname in `Surname, Forenames` or `Forenames Surname` order."""
    name = re.sub(r"\((?:eds?|hrsg|comp)\.?\)", "", name, flags=re.IGNORECASE).strip(" ,.:")
    if "," in name:
        return name.split(",")[0].strip()
    words = name.split()
    return words[-1] if words else ""
