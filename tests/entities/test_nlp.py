"""How text reaches spaCy: pieces and batches bounded in tokens, offsets kept exactly."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import pairwise

import pytest
from spacy.tokens import Doc as SpacyDoc

from fontes.entities import nlp

PROSE = (
    "The strike committee met at the town hall, where the engineer Walter\n"
    "Brannigan spoke first; the Northern Quays Company (NQC) refused to answer. "
)


class TokenisingOnly:
    """Stands in for the pipeline: tokenises as spaCy does, and records how many tokens each
    batch held at once (spaCy's memory grows with them) and the most tokens it made of one
    string without spaces (its tokenizer's time grows with their square)."""

    def __init__(self) -> None:
        self.tokenizer = nlp.load_pipeline().tokenizer
        self.held: list[int] = []
        self.longest_run = 0

    def pipe(self, texts: Iterable[str], batch_size: int) -> Iterator[SpacyDoc]:
        texts = list(texts)
        for first in range(0, len(texts), batch_size):
            docs = [self.tokenizer(text) for text in texts[first : first + batch_size]]
            self.held.append(sum(map(len, docs)))
            for doc in docs:
                run = 0
                for token in doc:
                    run += 1
                    self.longest_run = max(self.longest_run, run)
                    run = 0 if token.whitespace_ else run
            yield from docs


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> TokenisingOnly:
    fake = TokenisingOnly()
    monkeypatch.setattr(nlp, "load_pipeline", lambda model=None: fake)
    return fake


@pytest.mark.parametrize("mark", ["*", "(", ":"])
def test_punctuation_reaches_the_model_in_batches_of_bounded_tokens(
    model: TokenisingOnly, mark: str
) -> None:
    text = mark * 100_000
    list(nlp.parse(text, [(0, len(text))]))
    # Cut at 20,000 characters only, this was 100,000 one-character tokens in one batch, and
    # strings of 20,000 tokens for the tokenizer (a minute each when they differ).
    assert sum(model.held) == len(text) and max(model.held) <= nlp.BATCH_TOKENS
    assert model.longest_run <= nlp.MAX_RUN


def test_every_token_maps_back_to_the_original_text(model: TokenisingOnly) -> None:
    text = PROSE * 300 + "*(:" * 9_000 + "Marrow*" * 3_000 + PROSE * 300
    spans = [(0, 30_000), (30_000, len(text))]
    parsed = list(nlp.parse(text, spans))
    assert len(parsed) > len(spans)
    for offset, doc, where in parsed:
        assert where is None  # no word hyphenated at a line end: nothing moved
        for token in doc:
            start = offset + token.idx
            assert text[start : start + len(token.text)].replace("\n", " ") == token.text


@pytest.mark.parametrize("hyphen", ["-", "\u00ac", "\u00ad"])
def test_a_word_hyphenated_at_a_line_end_reaches_the_model_whole(
    model: TokenisingOnly, hyphen: str
) -> None:
    text = f"The engineer Walter Bran{hyphen}\n  nigan spoke first at the hall."
    ((offset, doc, where),) = nlp.parse(text, [(0, len(text))])
    assert where is not None and len(doc.text) == len(text)
    (token,) = [t for t in doc if t.text == "Brannigan"]
    start, end = where[token.idx], where[token.idx + len(token) - 1] + 1
    assert text[offset + start : offset + end] == f"Bran{hyphen}\n  nigan"
    assert doc.text.split() == "The engineer Walter Brannigan spoke first at the hall.".split()


def test_pieces_cover_the_span_within_both_bounds() -> None:
    text = "x" + PROSE * 400 + "*" * 30_000 + ":(" * 10_000 + PROSE * 40
    pieces = list(nlp.chunks(text, 1, len(text)))
    assert pieces[0][0] == 1 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(pieces))
    for start, end in pieces:
        assert end - start <= nlp.MAX_CHUNK
        assert nlp.tokens(text, start, end) <= nlp.MAX_TOKENS
        runs = re.compile(r"\S+").finditer(text, start, end)
        assert max(nlp.tokens(text, *run.span()) for run in runs) <= nlp.MAX_RUN


def test_prose_is_cut_at_spaces_and_a_run_without_spaces_between_words() -> None:
    prose = PROSE * 400
    assert all(prose[end] == " " for _, end in list(nlp.chunks(prose, 0, len(prose)))[:-1])
    run = "Marrow*" * 3_000  # 21,000 characters, 6,000 tokens, no space
    cuts = [end for _, end in list(nlp.chunks(run, 0, len(run)))[:-1]]
    assert cuts and all(not run[cut - 1 : cut + 1].isalnum() for cut in cuts)


def test_a_short_paragraph_is_one_piece() -> None:
    assert list(nlp.chunks(PROSE, 0, len(PROSE))) == [(0, len(PROSE))]
