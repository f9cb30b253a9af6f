"""Shared test settings.

The Hypothesis fuzz tests in `make test` have a fixed budget (each test's `max_examples`) and
run the same examples on every machine, so CI is repeatable; `HYPOTHESIS_PROFILE=explore`
searches with fresh random examples instead.
"""

import os

from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
