"""Shared test settings.

The Hypothesis fuzz tests in `make test` have a fixed budget (each test's `max_examples`) and
run the same examples on every machine, so CI is repeatable; `HYPOTHESIS_PROFILE=explore`
searches with fresh random examples instead.
"""

import os
from pathlib import Path

import pytest
from hypothesis import settings
from lxml import etree

settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


TEI_SCHEMA = Path(__file__).parents[1].parent / "shared" / "schemas" / "tei_all.rng"


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """The tei_all schema, compiled once a session: compiling it takes about fifteen seconds."""
    if not TEI_SCHEMA.exists():
        pytest.skip(f"TEI schema not found at {TEI_SCHEMA} (../shared is absent)")
    return etree.RelaxNG(etree.parse(str(TEI_SCHEMA)))
