"""Years, ranges and lists of years as an apparatus prints them, normalised to EDTF; and the
words of dates every stage shares: the year pattern, the circa words, the month names.

Abbreviated ranges are expanded in the same century (`1906-09` is 1906/1909) unless only the
next century gives a plausible span (`1998-02` is 1998/2002); an end before its start that no
rollover explains (`1921-17`) is kept as printed, so that a check can report it.
"""

from __future__ import annotations

import re

from fontes.model import Period

# A year as the documents print one: four digits, 1000 to 2099. The one pattern every stage
# uses, so that a year the glossary reads is a year the running text reads too.
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
# The words that make a year approximate: `c. 1900`, `circa 1900`, `about 1900`. One list for
# the apparatus (`(c. 1900)`) and the running text (`around 1900`), which had drifted apart.
CIRCA = r"(?:c\.|ca\.|circa|about|around|approximately)"
_APPROX = rf"{CIRCA}\s*"
# Month names and the abbreviations printed for them, each with its number; `MONTH` matches any
# of them as printed (`September`, `Sept.`, `Sep`), `MONTH_NAME` the full names only.
_MONTH_SPELLINGS = [
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
]
MONTHS = {
    spelling: number
    for number, spellings in enumerate(_MONTH_SPELLINGS, start=1)
    for spelling in spellings
}
_FULL_MONTHS = [full.capitalize() for full, *_ in _MONTH_SPELLINGS]
_SHORT_MONTHS = [rf"{short.capitalize()}\.?" for _, *shorts in _MONTH_SPELLINGS for short in shorts]
MONTH_NAME = "(?:" + "|".join(_FULL_MONTHS) + ")"
MONTH = "(?:" + "|".join(_FULL_MONTHS + _SHORT_MONTHS) + ")"
# A year of a range may be marked doubtful as printed: `1701?-1760`, `1310?-1362?`.
_RANGE = re.compile(
    rf"(?P<approx>{_APPROX})?(?P<first>{YEAR})?(?P<doubt_first>\?)?\s*(?:-|to)\s*"
    rf"(?P<last>{YEAR}|[0-9]{{1,2}}(?![0-9]))?(?P<doubt_last>\?)?(?P<open>(?<=-)\s*)?"
)
_SINGLE = re.compile(rf"(?P<approx>{_APPROX})?(?P<year>{YEAR})(?P<uncertain>\?)?")
# `b. 1900`, `d. 1663?`, `d. c. 1533`: one end of a lifespan, perhaps approximate or doubtful.
_BORN = re.compile(rf"(?:b\.|born)\s*(?P<approx>{_APPROX})?(?P<year>{YEAR})(?P<uncertain>\?)?")
_DIED = re.compile(rf"(?:d\.|died)\s*(?P<approx>{_APPROX})?(?P<year>{YEAR})(?P<uncertain>\?)?")
_BETWEEN = re.compile(rf"between\s+(?P<first>{YEAR})\s+and\s+(?P<last>{YEAR})")
# A lifespan printed as its two ends: `b. 1801, d. 1870`.
_BORN_DIED = re.compile(rf"(?:b\.|born)\s*(?P<first>{YEAR})[,;]?\s*(?:d\.|died)\s*(?P<last>{YEAR})")
# A birth printed as either of two years: `1661 or 1670-1730` (the earlier, marked doubtful).
_EITHER_BORN = re.compile(rf"(?P<first>{YEAR})\s+or\s+{YEAR}\s*-\s*(?P<last>{YEAR})")
# `fl. 1650`: the years a person is known to have been active, which bound no birth or death.
_FLORUIT = re.compile(r"(?:fl\.|flor\.|floruit)\s*")
_ROLLOVER_SPAN = 20


def expand_year(first: int, tail: str) -> int:
    """The full year meant by the end of a range such as the `09` of `1906-09`."""
    if len(tail) >= 3:
        return int(tail)
    modulus: int = 10 ** len(tail)
    value = first - first % modulus + int(tail)
    if value < first and value + modulus - first <= _ROLLOVER_SPAN:
        value += modulus
    return value


def parse_period(text: str, offset: int = 0) -> Period | None:
    """Read `text` (the inside of a parenthesis, say) as one period, or None.

    Accepts a year, a range, `b. 1900`, `d. 1930`, `c. 1900`, `1887-?`, `between X and Y`,
    and lists of these (`1909-11, 1913, 1915-17`), which become an EDTF set.
    """
    stripped = text.strip().rstrip(".;,")
    if not stripped:
        return None
    lead = len(text) - len(text.lstrip())
    start, end = offset + lead, offset + lead + len(stripped)
    if match := _BORN_DIED.fullmatch(stripped):
        born, died = int(match["first"]), int(match["last"])
        return Period(start, end, f"{born}/{died}", born, died)
    if match := _EITHER_BORN.fullmatch(stripped):
        born, died = int(match["first"]), int(match["last"])
        return Period(start, end, f"{born}?/{died}", born, died)
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", stripped)
    if len(parts) > 1 and not _BETWEEN.fullmatch(stripped):
        found = [_parse_item(part) for part in parts]
        items = [item for item in found if item is not None]
        if len(items) == len(found):
            years = [year for item in items for year in item[1:] if year is not None]
            members = ",".join(item[0].replace("/", "..") for item in items)
            return Period(start, end, "{" + members + "}", min(years), max(years))
        return None
    item = _parse_item(stripped)
    if item is None:
        return None
    edtf, first, last = item
    return Period(start, end, edtf, first, last)


def _parse_item(text: str) -> tuple[str, int | None, int | None] | None:
    text = text.strip()
    if match := _BETWEEN.fullmatch(text):
        first, last = int(match["first"]), int(match["last"])
        return f"{first}/{last}", first, last
    if match := _BORN.fullmatch(text):
        year = int(match["year"])
        return f"{year}{_mark(match)}/", year, None
    if match := _DIED.fullmatch(text):
        year = int(match["year"])
        return f"/{year}{_mark(match)}", None, year
    if match := _SINGLE.fullmatch(text):
        year = int(match["year"])
        return f"{year}{_mark(match)}", year, year
    if match := _RANGE.fullmatch(text):
        return _range(match)
    return None


def _mark(match: re.Match[str]) -> str:
    """EDTF's mark for a year printed approximate (`c. 1900`: `~`) or doubtful (`1900?`)."""
    return "~" if match["approx"] else "?" if match["uncertain"] else ""


def _range(match: re.Match[str]) -> tuple[str, int | None, int | None] | None:
    first_text, last_text = match["first"], match["last"]
    if first_text is None and (last_text is None or not match["doubt_first"]):
        return None
    first = None if first_text is None else int(first_text)
    if last_text is None:
        last = None
    elif len(last_text) <= 2:
        if first is None:
            return None
        last = expand_year(first, last_text)
    else:
        last = int(last_text)
    approx = "~" if match["approx"] else "?" if match["doubt_first"] else ""
    first_edtf = f"{first}{approx}" if first is not None else ""
    last_edtf = f"{last}{'?' if match['doubt_last'] else ''}" if last is not None else ""
    return f"{first_edtf}/{last_edtf}", first, last


def parse_floruit(text: str, offset: int = 0) -> Period | None:
    """`fl. 1650`, `fl. 1288-1338`: the period a person is known to have been active, or None
    when `text` is no floruit. It bounds no birth or death, so it is never a lifespan."""
    stripped = text.strip()
    match = _FLORUIT.match(stripped)
    if match is None:
        return None
    lead = len(text) - len(text.lstrip()) + match.end()
    return parse_period(stripped[match.end() :], offset + lead)


def find_periods(text: str, offset: int = 0) -> list[Period]:
    """Every parenthesised period in `text`, e.g. the `(1921-30)` after a role."""
    periods = []
    for match in re.finditer(r"\(([^()]*)\)", text):
        period = parse_period(match[1], offset + match.start(1))
        if period is not None:
            periods.append(period)
    return periods
