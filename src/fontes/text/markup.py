"""The light markup of plain-text editions: `_italic_` and `*italic*`.

Project Gutenberg and Markdown editions mark italics with underscores or asterisks glued to
the words they enclose. A pattern that looks for a word's edge (`\\bMay 4\\b`) does not find
one in `_May 4._`, since the underscore is a word character to it.
"""

from __future__ import annotations

import re

# A mark that opens (before a word) or closes (after one) an italic span.
ITALIC_MARK = re.compile(r"(?<![\w*])[_*](?=[^\s_*])|(?<=[^\s_*])[_*](?![\w*])")


def without_markup(text: str) -> str:
    """`text` with its italic marks as spaces: same length, so offsets stay the original's."""
    return ITALIC_MARK.sub(" ", text)
