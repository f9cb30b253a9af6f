"""The verbs that introduce speech or testimony, for every stage that reads one.

A lone name beside one is a speaker's (`said Quenby`, `Quenby testified`), and a colon after
one with nothing after it is a quotation left out (`Quenby testified:`): one list for both.
"""

from __future__ import annotations

SPEECH_VERBS = (
    "said says testified testifies declared declares stated states wrote writes replied "
    "replies answered asked told tells admitted confessed asserted announced reported exclaimed "
    "cried added continued insisted claimed argued remarked explained recalled protested "
    "deposed swore affirmed proclaimed complained warned promised"
).split()
# Any of them, as a regular expression's alternative.
SPEECH_VERB = "(?:" + "|".join(SPEECH_VERBS) + ")"
