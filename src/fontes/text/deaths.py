"""The words that tell of a death, for every stage that reads one.

A glossary clause (`executed (1938)`), a sentence (`Pascoe was shot in 1921`), a place (`died
in Paris`) and a check that leaves statements about the dead alone (`the late Pascoe`) read
the same verbs: one list, the union of the four they used to keep, which had drifted apart.
"""

from __future__ import annotations

# Verbs that report a death by themselves: `died in 1921`.
DIED = ("died", "perished")
# Verbs that report a death in the passive: `was shot in 1921`; alone (`killed`), a participle.
KILLED = ("killed", "executed", "shot", "murdered", "assassinated", "hanged")

# Any of them, as a word: for a clause that starts with one, or a text that mentions one.
DEATH_WORD = "(?:" + "|".join(DIED + KILLED) + ")"
# A sentence's verb of death: `died`, `perished`, `was killed`. The passive needs its `was`:
# `Pascoe killed Hagen in 1921` is no death of Pascoe's.
DEATH_VERB = "(?:" + "|".join(DIED) + r"|was\s+(?:" + "|".join(KILLED) + "))"
