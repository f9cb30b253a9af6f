"""The light markup of plain-text editions: `_italic_` and `*italic*`.

Project Gutenberg and Markdown editions mark italics with underscores or asterisks glued to
the words they enclose. A pattern that looks for a word's edge (`\\bMay 4\\b`) does not find
one in `_May 4._`, since the underscore is a word character to it, and a lexicon does not know
`_Ledgers_`. Only marks that pair up are markup: a lone `_` in raw OCR is a stray mark.
Markdown editions also write spaces as HTML entities (`&nbsp;`).
"""

from __future__ import annotations

import re

# An italic span: a mark glued to the start of a word, the same mark glued to the end of a
# word on the same line or the next, and no mark of that kind between.
ITALIC = re.compile(
    r"(?<![\w*])(?P<mark>[_*])(?P<inner>(?=[^\s_*])(?:[^\n_*]|\n(?![ \t]*\n)){0,600}?"
    r"(?<=[^\s_*]))(?P=mark)(?![\w*])"
)


# HTML's spaces, as Markdown editions write them: `«&nbsp;Analyse ...&nbsp;»`.
_SPACE_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|#160|#xa0|#8239|#x202f);", re.IGNORECASE)


def without_entities(text: str) -> str:
    """`text` with HTML's space entities as spaces, same length."""
    return _SPACE_ENTITY.sub(lambda entity: " " * len(entity[0]), text)


def italic_marks(text: str, start: int = 0, end: int | None = None, mark: str = "*") -> set[int]:
    """Where the marks (`*` or `_`) of the italic spans of `text[start:end]` lie: they mark
    no note and no cross-reference."""
    spans = ITALIC.finditer(text, start, len(text) if end is None else end)
    return {i for span in spans if span["mark"] == mark for i in (span.start(), span.end() - 1)}


def without_markup(text: str) -> str:
    """`text` with the marks of its italic spans as spaces: same length, so that offsets
    stay the original's."""
    return ITALIC.sub(lambda span: f" {span['inner']} ", text)


def unmarked(text: str) -> str:
    """`text` without the marks of its italic spans (shorter: for reading, not offsets)."""
    return ITALIC.sub(lambda span: span["inner"], text)
