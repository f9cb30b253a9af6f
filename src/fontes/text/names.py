"""Small helpers for personal names as an apparatus prints them."""

from __future__ import annotations

import re
import unicodedata

# Words that precede a name in prose without being part of it: ranks, offices, honorifics,
# and their abbreviations as newspapers print them (`Gen. Thelwick`, `Capt. Orrin`).
TITLES = frozenset(
    """
    general generals admiral colonel captain major lieutenant marshal commander
    professor prof dr doctor judge justice prosecutor president premier minister prime
    foreign secretary chancellor ambassador governor senator deputy director chairman
    baron baroness count countess prince princess duke duchess lord lady sir dame king
    queen tsar emperor empress archbishop bishop cardinal father reverend rev saint st
    mr mrs ms miss herr frau monsieur madame comrade citizen canon vicar rector dean
    abbot abbess rabbi imam pastor elder brother sister mother pope patriarch
    earl marquis marquess viscount abbe madam mademoiselle demoiselle mme mlle messrs sheriff
    mayor inspector sergeant corporal alderman
    gen col capt maj lieut lt adm gov hon sgt supt
    """.split()
)

# The word before a name, and its point (`Mr.`) or the comma of an apposition (`the
# admiral, Quenby`).
_WORD_BEFORE = re.compile(r"(\w+)\.?,?\s+$")
_SLUG = re.compile(r"[^a-z0-9]+")
# A word as historians' texts spell names: letters, with inner apostrophes and hyphens.
WORD = re.compile(r"[^\W\d_][\w'\-]*")

# The mark that makes a name an editor's (or a compiler's): `(Ed.)`, `(eds.)`, `(Hrsg.)`,
# `(comp.)`, `(comps.)`, read case-insensitively, spaces allowed inside the parentheses. One
# definition for the bibliography, the citations and the surnames, whose copies had drifted
# (`comp` was known to some only). A plural mark makes every name before it an editor's
# (`A and B (Eds.)`); `Hrsg.` is both singular and plural.
_PLURAL_EDITOR_WORDS = ("eds", "hrsg", "comps")
EDITOR_WORDS = frozenset(("ed", "comp", *_PLURAL_EDITOR_WORDS))
_EDITOR_WORD = "(?:" + "|".join(sorted(EDITOR_WORDS, key=lambda w: (-len(w), w))) + ")"
EDITOR_MARK = rf"\(\s*{_EDITOR_WORD}\.?\s*\)"
_EDITORS_MARK = rf"\(\s*(?:{'|'.join(_PLURAL_EDITOR_WORDS)})\.?\s*\)"
_EDITOR_MARKS = re.compile(EDITOR_MARK, re.IGNORECASE)
_ALL_EDITORS = re.compile(rf"{_EDITORS_MARK}\s*$", re.IGNORECASE)
# After a name alone the mark may also stand bare: `Smith, John, ed.`. (Not in a citation's
# text, where `2nd ed.` is an edition.)
_EDITOR_AFTER_NAME = re.compile(rf"{EDITOR_MARK}|,?\s+{_EDITOR_WORD}\.$", re.IGNORECASE)
# The possessive after a name: `Pascoe's`, `Pascoe’s`, and after an `s` a bare apostrophe
# (`Jones'`), but not a closing quote after any other letter (`the 'Halloran' faction`).
# (`possessive_at` also allows the asterisk of a cross-reference between: `Halloran*'s`.)
_APOSTROPHE = "['\u2019]"
_POSSESSIVE_END = re.compile(rf"(?:{_APOSTROPHE}s|(?<=s){_APOSTROPHE})$")
_POSSESSIVE_AFTER = re.compile(rf"\*?{_APOSTROPHE}s|(?<=s)\*?{_APOSTROPHE}")


def fold(name: str) -> str:
    """Lower case without accents, for comparing spellings: `Brontë` == `BRONTE`."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def after_title(text: str, start: int) -> bool:
    """Whether the word just before `start` of `text` is a title or rank (`Mr.`, `Gen.`)."""
    before = _WORD_BEFORE.search(text, max(0, start - 24), start)
    return before is not None and fold(before[1]) in TITLES


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


# What joins a first author to others in a citation: `Keast and Vosper`, `Penhale et al.`
_OTHER_AUTHORS = re.compile(r"\s+(?:and|&|et\.?\s+al\.?)(?:\s.*)?$|\s+et\.?\s+al\.?.*$")


def surname_of(name: str) -> str:
    """The (first author's) surname in `Surname, Forenames` or `Forenames Surname` order."""
    name = _OTHER_AUTHORS.sub("", without_editor(name)).strip(" ,.:")
    if "," in name:
        return name.split(",")[0].strip()
    words = name.split()
    return words[-1] if words else ""


def is_editor(name: str) -> bool:
    """Whether a name as a bibliography prints it carries an editor's mark."""
    return _EDITOR_AFTER_NAME.search(name) is not None


def without_editor(name: str) -> str:
    """The name without its editor's mark: `Marlow, R. (Ed.)` → `Marlow, R. `."""
    return _EDITOR_AFTER_NAME.sub("", name)


def drop_editor_marks(text: str) -> str:
    """`text` (a citation, say) without the parenthesised editor's marks in it."""
    return _EDITOR_MARKS.sub("", text)


def all_editors(names: str) -> bool:
    """Whether a list of names ends with a plural editors' mark: `A and B (Eds.)`."""
    return _ALL_EDITORS.search(names) is not None


def strip_possessive(word: str) -> str:
    """`Pascoe's` → `Pascoe`, `Jones'` → `Jones`; any other word as it is."""
    return _POSSESSIVE_END.sub("", word)


def possessive_at(text: str, end: int) -> bool:
    """Whether the name that ends at `end` of `text` is in the possessive (`Pascoe's`,
    `Halloran*'s` after a cross-reference's asterisk, `Jones'`)."""
    return _POSSESSIVE_AFTER.match(text, end) is not None
