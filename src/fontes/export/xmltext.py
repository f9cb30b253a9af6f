"""Text made safe for XML 1.0, which TEI and GraphML are written in."""

from __future__ import annotations

import re

# Characters XML 1.0 cannot carry (lxml refuses them); each becomes U+FFFD, so offsets hold.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: str) -> str:
    """`value` with every character XML cannot carry replaced by U+FFFD (same length)."""
    return _XML_ILLEGAL.sub("\ufffd", value)
