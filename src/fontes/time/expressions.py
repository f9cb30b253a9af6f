"""Temporal expressions in running text: found, typed and normalised to TimeML and EDTF.

Dates (`25 November 1930`, `November 1930`, `1930`, `the 1930s`, `the 19th century`),
ranges (`1906-09`, `between 1909 and 1931`), approximate and uncertain dates (`c. 1900`,
`mid-1929`, `early 1930s`, `1929?`), quarters and seasons, times of day, durations
(`ten years`, `63-year-old`) and frequencies (`every year`).

Partial and relative dates are completed from the narrative's own time, never from today:
`On 8 December` takes the year of the last date printed with a month; `two years later` and
`the following day` count from the last date of the narrative; `last year`, `yesterday`
and `Tuesday` count from the document's date when one is given (`anchor`, the creation date
of a news report, say) and from the narrative's time otherwise.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from edtf import parse_edtf

from fontes.model import Document, Markup, Span, SpanSet, TimeExpression, TimeType
from fontes.text.markup import without_markup
from fontes.text.periods import CIRCA, MONTH, MONTH_NAME, MONTHS, YEAR, expand_year, parse_period

WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
NUMBERS = {
    word: number
    for number, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100}
VAGUE_NUMBERS = frozenset("some several few many a few couple".split())
ORDINALS = {
    word: number
    for number, word in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
        "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth twenty-first".split()
    )
}
DECADE_WORDS = {
    word: str(number)
    for number, word in enumerate(
        "twenties thirties forties fifties sixties seventies eighties nineties".split(), start=2
    )
}
# TimeML's unit letters; hours and minutes are time units (`PT3H`).
UNITS = {
    "year": "Y",
    "month": "M",
    "week": "W",
    "day": "D",
    "decade": "DE",
    "century": "CE",
    "hour": "H",
    "minute": "MIN",
    "fortnight": "FN",
}


def _unit(word: str) -> str:
    """The TimeML unit of a `_UNIT` match: `centurie` (of `centuries`) is a century too."""
    word = word.lower()
    return UNITS["century" if word.startswith("centur") else word]


SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_EDTF_SEASONS = {"SP": "21", "SU": "22", "FA": "23", "WI": "24"}
_MODIFIERS = {
    "early": "START",
    "the beginning of": "START",
    "the start of": "START",
    "mid": "MID",
    "the middle of": "MID",
    "late": "END",
    "the end of": "END",
}
_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NUMBER = (
    r"(?:\d+(?:\.\d+)?|a few|a couple of|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
    r"thirty|forty|fifty|sixty|a hundred|hundreds of|an?|some|several|few|many)"
)
_UNIT = r"(?:year|month|week|day|decade|century|centurie|hour|minute|fortnight)"
_MOD = rf"(?:(?P<mod>{'|'.join(_MODIFIERS)})[\s-]+)"
_APPROX = rf"(?:(?P<approx>{CIRCA})\s*)"


@dataclass(slots=True)
class _Context:
    """What relative and partial dates are resolved against, updated in text order."""

    anchor: date | None  # the document's own date, for `today`, `last year`, `Tuesday`
    last: TimeExpression | None = None  # the narrative's latest date of any precision
    last_month: TimeExpression | None = None  # ... printed with its month and year

    def deictic(self) -> date | None:
        """`now` for `this year`, `last month`: the document's date or the narrative's."""
        if self.anchor is not None:
            return self.anchor
        return self.last.earliest if self.last is not None else None

    def deictic_day(self) -> date | None:
        """`now` for `yesterday`, `Tuesday`: as `deictic`, but only a day will do."""
        if self.anchor is not None:
            return self.anchor
        last = self.last
        if last is not None and last.earliest is not None and last.earliest == last.latest:
            return last.earliest
        return None

    def year_for_partial(self) -> int | None:
        """The year a month-and-day date without one belongs to."""
        if self.anchor is not None:
            return self.anchor.year
        source = self.last_month or self.last
        return source.earliest.year if source is not None and source.earliest else None


Builder = Callable[[re.Match[str], _Context], TimeExpression | None]


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    build: Builder


_RULES: list[_Rule] = []


def _rule(pattern: str, flags: int = re.IGNORECASE) -> Callable[[Builder], Builder]:
    def register(build: Builder) -> Builder:
        _RULES.append(_Rule(re.compile(pattern, flags), build))
        return build

    return register


def find_time_expressions(
    text: str, anchor: date | None = None, spans: Iterable[tuple[int, int]] | None = None
) -> list[TimeExpression]:
    """The temporal expressions in `text` (or in `spans` of it), in text order.

    `anchor` is the document's own date (a news report's creation date); without it,
    deictic expressions (`last year`) count from the narrative's latest date.
    """
    context = _Context(anchor)
    found: list[TimeExpression] = []
    for start, end in spans if spans is not None else [(0, len(text))]:
        # One span (a paragraph) at a time: the candidates held are never a whole corpus's.
        candidates = [
            (match.start(), -match.end(), priority, match)
            for priority, rule in enumerate(_RULES)
            for match in rule.pattern.finditer(text, start, end)
            if match.end() > match.start()
        ]
        candidates.sort(key=lambda c: c[:3])
        taken_until = -1
        for begin, _, priority, match in candidates:
            if begin < taken_until:
                continue
            expression = _RULES[priority].build(match, context)
            if expression is None:
                continue
            taken_until = expression.end
            found.append(expression)
            if expression.type is TimeType.DATE and expression.earliest is not None:
                context.last = expression
                if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", expression.value):
                    context.last_month = expression
    _date_the_clocks(text, found)
    return found


def _date_the_clocks(text: str, found: list[TimeExpression]) -> None:
    """`at 3 p.m. on 8 December 1930`: a time of day takes the day printed right after it."""
    for index, (clock, day) in enumerate(itertools.pairwise(found)):
        if (
            clock.type is TimeType.TIME
            and _FULL_DAY.fullmatch(day.value)
            and _CLOCK_TO_DAY.fullmatch(text, clock.end, day.start)
        ):
            found[index] = replace(clock, value=day.value + clock.value[clock.value.index("T") :])


_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_CLOCK_TO_DAY = re.compile(r",?\s*(?:on\s+)?(?:the\s+)?")


def read_dates(doc: Document) -> None:
    """Fill `doc.times` from the running text only: a citation's or a heading's year is not
    a date of the narrative, nor one that later partial or relative dates count from. An
    encoded edition that marks its dates (TEI `date`, `time`) is read as it marks them."""
    body = [gap for p in doc.paragraphs for gap in doc.apparatus.gaps(p.start, p.end)]
    if given := [m for m in doc.source.markup if m.tag in _EDITION_DATES and m.end > m.start]:
        doc.times.extend(_edition_dates(doc, given, body))
        return
    # `_May 4._`, a diary's heading in italics, is a date like `May 4.`
    doc.times.extend(find_time_expressions(without_markup(doc.folded), spans=body))


_EDITION_DATES = ("date", "time")
# TEI's normalised dates: a day, month or year (`@when`), a range (`@from`, `@to`), or bounds.
_TEI_DATE = re.compile(r"-?\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _edition_dates(
    doc: Document, given: list[Markup], body: list[tuple[int, int]]
) -> Iterator[TimeExpression]:
    """Each date the edition marks in the running text, valued as it values it (`@when`,
    `@from`/`@to`, `@notBefore`/`@notAfter`); one it leaves unvalued, as fontes reads its
    words. Dates in the apparatus are left out, as in plain text."""
    inside = SpanSet()
    for start, end in body:
        inside.add(Span(start, end))
    folded = without_markup(doc.folded)
    covered = -1
    for markup in given:
        if markup.start not in inside or markup.start < covered:
            continue
        covered = markup.end
        edtf = _edition_edtf(markup.attributes)
        if edtf is None:
            yield from find_time_expressions(folded, spans=[(markup.start, markup.end)])
            continue
        earliest, latest = _bounds(edtf)
        kind = TimeType.TIME if "T" in markup.attributes.get("when", "") else TimeType.DATE
        yield TimeExpression(markup.start, markup.end, kind, edtf, edtf, earliest, latest)


def _edition_edtf(attributes: dict[str, str]) -> str | None:
    """The EDTF of a TEI dating: `@when`, else a range of `@from`/`@to` or the bounds."""
    if when := _tei_date(attributes.get("when", "").split("T")[0]):
        return when
    for first, last in (("from", "to"), ("notBefore", "notAfter")):
        start, end = (_tei_date(attributes.get(key, "")) for key in (first, last))
        if start or end:
            return f"{start or '..'}/{end or '..'}"
    return None


def _tei_date(value: str) -> str | None:
    return value if _TEI_DATE.fullmatch(value) else None


# --- values ------------------------------------------------------------------------------


_SIMPLE_EDTF = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|(\d{2,3})(X{1,2})")


def _simple_bounds(edtf: str) -> tuple[date, date] | None:
    """Bounds of a plain year, month, day, decade or century, computed directly: the
    `edtf` parser takes about a millisecond per string, too slow for every date of a corpus."""
    match = _SIMPLE_EDTF.fullmatch(edtf)
    if match is None:
        return None
    if match[4]:
        if len(match[4]) + len(match[5]) != 4:
            return None
        scale = 10 ** len(match[5])
        first = int(match[4]) * scale
        return date(first, 1, 1), date(first + scale - 1, 12, 31)
    year, month, day = int(match[1]), match[2], match[3]
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if not 1 <= int(month) <= 12:
        return None
    last_day = calendar.monthrange(year, int(month))[1]
    if day is None:
        return date(year, int(month), 1), date(year, int(month), last_day)
    if not 1 <= int(day) <= last_day:
        return None
    return date(year, int(month), int(day)), date(year, int(month), int(day))


@lru_cache(maxsize=4096)
def _bounds(edtf: str) -> tuple[date | None, date | None]:
    """The first and last day an EDTF string can mean (validated by the `edtf` package)."""
    if (simple := _simple_bounds(edtf)) is not None:
        return simple
    first, slash, last = edtf.partition("/")
    if slash and (start := _simple_bounds(first)) and (end := _simple_bounds(last)):
        return start[0], end[1]
    try:
        parsed = parse_edtf(edtf)
    except Exception:
        return None, None
    return _day(parsed, "lower_strict"), _day(parsed, "upper_strict")


def _day(parsed: object, which: str) -> date | None:
    try:
        moment = getattr(parsed, which)()
        return date(moment.tm_year, moment.tm_mon, moment.tm_mday)
    except (TypeError, ValueError, AttributeError, OverflowError):
        return None


def to_edtf(value: str, mod: str = "") -> str | None:
    """The EDTF for a TimeML date value, or None when EDTF cannot say it."""
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        edtf = value
    elif re.fullmatch(r"\d{3}", value):
        edtf = value + "X"  # a decade
    elif re.fullmatch(r"\d{2}", value):
        edtf = value + "XX"  # a century
    elif match := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        edtf = f"{match[1]}-{_EDTF_SEASONS[match[2]]}"
    elif match := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        edtf = f"{match[1]}-{32 + int(match[2])}"
    elif match := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        first = monday + timedelta(days=5) if match[3] else monday
        edtf = f"{first.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"
    elif match := re.fullmatch(r"(\d{4}-\d{2}-\d{2})T.*", value):
        edtf = match[1]
    elif (re.fullmatch(r"[\d?~X{}.,/]+", value) and "/" in value) or value.startswith("{"):
        edtf = value
    else:
        return None
    if mod == "APPROX" and not edtf.endswith(("~", "?")) and "/" not in edtf:
        edtf += "~"
    return edtf if _bounds(edtf)[0] is not None else None


def _date(
    match: re.Match[str], value: str, mod: str = "", anchor: int | None = None
) -> TimeExpression:
    edtf = to_edtf(value, mod)
    earliest, latest = _bounds(edtf) if edtf else (None, None)
    return TimeExpression(
        start=match.start(),
        end=match.end(),
        type=TimeType.DATE,
        value=value,
        edtf=edtf,
        earliest=earliest,
        latest=latest,
        mod=mod,
        anchor=anchor,
    )


def _other(match: re.Match[str], kind: TimeType, value: str, mod: str = "") -> TimeExpression:
    return TimeExpression(match.start(), match.end(), kind, value, mod=mod)


def _mod(match: re.Match[str]) -> str:
    groups = match.re.groupindex
    if "approx" in groups and match["approx"]:
        return "APPROX"
    if "mod" in groups and match["mod"]:
        return _MODIFIERS[" ".join(match["mod"].lower().split())]
    return ""


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _number(text: str) -> int | None:
    """`3`, `three`, `a` → the number; `several`, `a few` → None (TimeML's `X`)."""
    text = text.lower().removesuffix(" of")
    if text.replace(".", "", 1).isdigit():
        return int(float(text))
    if text in NUMBERS:
        return NUMBERS[text]
    if text == "a hundred":
        return 100
    return None


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _day_number(text: str) -> int:
    digits = re.match(r"\d+", text)
    if digits is None:  # the rules call this only on what their patterns matched as a day
        raise ValueError(f"no day number in {text!r}")
    return int(digits[0])


def _shift(anchor: TimeExpression, amount: int, unit: str) -> str | None:
    """The value `amount` units after (before, if negative) `anchor`, at the unit's precision."""
    first = anchor.earliest
    if first is None:
        return None
    precise = len(anchor.value) >= 10 and anchor.value[:10].count("-") == 2
    if unit == "Y":
        return f"{first.year + amount:04d}"
    if unit == "DE":
        return f"{first.year + 10 * amount:04d}"
    if unit == "M" and len(anchor.value) >= 7:
        months = first.year * 12 + first.month - 1 + amount
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if unit == "W" and precise:
        year, week, _ = (first + timedelta(weeks=amount)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "D" and precise:
        return (first + timedelta(days=amount)).isoformat()
    return None


# --- rules, longest match first; on equal spans the earlier rule wins ----------------------


@_rule(
    rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{MONTH}),?\s+"
    rf"(?P<year>{YEAR})\b"
)
def _day_month_year(match: re.Match[str], context: _Context) -> TimeExpression | None:
    year, month, day = int(match["year"]), _month(match["month"]), _day_number(match["day"])
    if not _valid_day(year, month, day):
        return None
    return _date(match, f"{year:04d}-{month:02d}-{day:02d}")


@_rule(rf"\b(?:{_WEEKDAY},?\s+)?(?P<month>{MONTH})\s+(?P<day>{_DAY}),?\s+(?P<year>{YEAR})\b")
def _month_day_year(match: re.Match[str], context: _Context) -> TimeExpression | None:
    return _day_month_year(match, context)


@_rule(rf"\b(?P<year>{YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3][0-9])\b")
def _iso_date(match: re.Match[str], context: _Context) -> TimeExpression | None:
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    return _date(match, match[0]) if _valid_day(year, month, day) else None


@_rule(rf"\b{_MOD}?(?P<month>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR})\b(?!-\d)")
def _month_year(match: re.Match[str], context: _Context) -> TimeExpression | None:
    return _date(match, f"{match['year']}-{_month(match['month']):02d}", _mod(match))


@_rule(
    rf"\b(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?"
    rf"(?P<month>{MONTH})\b(?!\s*,?\s*\d)"
)
def _day_month(match: re.Match[str], context: _Context) -> TimeExpression | None:
    year = context.year_for_partial()
    month, day = _month(match["month"]), _day_number(match["day"])
    if match["month"].lower() == "may" and not match["month"][0].isupper():
        return None
    if year is None:
        return _date(match, f"XXXX-{month:02d}-{day:02d}")
    if not _valid_day(year, month, day):
        return None
    source = context.last_month or context.last
    anchor = source.start if context.anchor is None and source is not None else None
    return _date(match, f"{year:04d}-{month:02d}-{day:02d}", anchor=anchor)


@_rule(
    rf"\b(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?P<month>{MONTH})\s+(?P<day>{_DAY})\b(?!\s*,?\s*\d)",
    0,
)
def _month_day(match: re.Match[str], context: _Context) -> TimeExpression | None:
    if match["month"] == "May" and not match["day"][0].isdigit():
        return None
    return _day_month(match, context)


@_rule(
    r"\b(?:(?P<which>(?i:last|this|next|early|mid|late))[\s-]+)?"
    rf"(?P<month>{MONTH_NAME})\b(?!\s*,?\s*\d)",
    0,
)
def _month_alone(match: re.Match[str], context: _Context) -> TimeExpression | None:
    """`in August`, `last June`, `early December`: a month whose year the context gives."""
    which = (match["which"] or "").lower()
    before = match.string[max(0, match.start() - 10) : match.start()].lower()
    if not which and not re.search(_MONTH_PREPOSITION, before):
        return None  # `March` the verb, `May` the name, a title
    month = _month(match["month"])
    if context.anchor is not None:
        today = context.anchor
        if which == "last":
            year = today.year - (month >= today.month)
        elif which == "next":
            year = today.year + (month <= today.month)
        elif which == "this" or month <= today.month or _future_tense(match):
            year = today.year
        else:  # a later month, in a report of what happened: last year's
            year = today.year - 1
    else:
        partial_year = context.year_for_partial()
        if partial_year is None:
            return None
        year = partial_year
    mod = {"early": "START", "mid": "MID", "late": "END"}.get(which, "")
    return _date(match, f"{year:04d}-{month:02d}", mod)


_MONTH_PREPOSITION = (
    r"\b(?:in|since|until|till|by|during|of|from|before|after|through|to|and|or|between|"
    r"early|late|mid|last|this|next)\s+$"
)


_YEARS = rf"{YEAR}(?:-(?:{YEAR}|[0-9]{{2}}))?"


@_rule(rf"\b{_YEARS}(?:\s*,\s*{_YEARS})+(?:,?\s+and\s+{_YEARS})?\b(?![-/][0-9])")
def _year_list(match: re.Match[str], context: _Context) -> TimeExpression | None:
    """`1909-11, 1913, 1915-17`: an EDTF set of years and ranges."""
    if _no_year(match):
        return None
    period = parse_period(match[0])
    if period is None or not period.edtf.startswith("{"):
        return None
    return _date(match, period.edtf)


@_rule(
    rf"\b(?:between\s+)?(?P<first>{YEAR})\s*(?:-|to|and|until|till)\s*"
    rf"(?P<last>{YEAR}|[0-9]{{2}})\b(?![-/][0-9])"
)
def _year_range(match: re.Match[str], context: _Context) -> TimeExpression | None:
    if _no_year(match):
        return None  # `pp. 1201-1205`
    text = match[0].lower()
    if " and " in text and not text.startswith("between"):
        return None  # `in 1909 and 1913` are two dates, not a range
    first = int(match["first"])
    last = expand_year(first, match["last"])
    return _date(match, f"{first}/{last}")


@_rule(rf"\bfrom\s+(?P<first>{YEAR})\s+(?:to|until|till)\s+(?P<last>{YEAR})\b")
def _from_to(match: re.Match[str], context: _Context) -> TimeExpression | None:
    return _year_range(match, context)


@_rule(rf"\b(?:the\s+)?{_MOD}?(?:the\s+)?(?P<decade>1[0-9]{{2}}|20[0-9])0'?s\b")
def _decade(match: re.Match[str], context: _Context) -> TimeExpression | None:
    return _date(match, match["decade"], _mod(match))


@_rule(rf"\b(?:the\s+)?{_MOD}?(?:the\s+)?(?P<word>{'|'.join(DECADE_WORDS)})\b")
def _decade_word(match: re.Match[str], context: _Context) -> TimeExpression | None:
    """`the thirties`: in the century that puts it nearest the narrative's (or document's)
    time, else in the 1900s."""
    if not (match[0].lower().startswith("the") or match["mod"]):
        return None
    decade = int(DECADE_WORDS[match["word"].lower()])
    now = context.deictic()
    century = 19
    if now is not None:
        century = min(
            (now.year // 100 - 1, now.year // 100),
            key=lambda c: abs(c * 100 + decade * 10 + 5 - now.year),
        )
    return _date(match, f"{century}{decade}", _mod(match))


@_rule(
    rf"\b(?:the\s+)?{_MOD}?(?:(?P<number>[12]?[0-9])(?:st|nd|rd|th)|(?P<ordinal>"
    + "|".join(sorted(ORDINALS, key=len, reverse=True))
    + r"))\s+century\b"
)
def _century(match: re.Match[str], context: _Context) -> TimeExpression | None:
    number = int(match["number"]) if match["number"] else ORDINALS[match["ordinal"].lower()]
    if not 1 <= number <= 21:
        return None
    return _date(match, f"{number - 1:02d}", _mod(match))


@_rule(rf"(?:\b{_MOD}|\b{_APPROX})?\b(?P<year>{YEAR})(?P<uncertain>\?)?(?![-/]?\d|,\d|\.\d)")
def _year(match: re.Match[str], context: _Context) -> TimeExpression | None:
    text = match.string
    before = text[max(0, match.start("year") - 12) : match.start("year")]
    if _no_year(match):
        return None
    after = text[match.end() : match.end() + 30]
    if not match["mod"] and _counts_something(before, after):
        return None  # `some 1500 members`, `about 1400 acres`
    mod = "UNCERTAIN" if match["uncertain"] else _mod(match)
    value = match["year"]
    expression = _date(match, value, mod if mod != "UNCERTAIN" else "")
    if match["uncertain"]:
        return replace(expression, edtf=f"{value}?")
    return expression


# What makes a year-like number something else: a sum (`$1500`, `£1200`, `1600l.`), a page
# (`p. 1234`, `pp. 1201-1205`), a paragraph or article (`§ 1801`, `art. 1789`), a number in
# a series (`no. 1850`, `vol. 1201`).
_NOT_A_YEAR_BEFORE = re.compile(
    r"(?:[$£#§¶]\s*|\b(?:pp?|nos?|vols?|paras?|arts?|sect|secs?|ch|chap|cap|fols?|ff|cols?)\.\s*"
    r"|\b(?:lines?|articles?|paragraphs?|sections?)\s+|\d,?|\bpp?\.\s*\d+\s*[-\u2013]\s*)$",
    re.IGNORECASE,
)
_NOT_A_YEAR_AFTER = re.compile(r"(?:\s?(?:l|li|lb|lbs)\.|l\b|[sd]\.)")


def _no_year(match: re.Match[str]) -> bool:
    """Whether the numbers a rule matched are a sum, a page or a number in a series."""
    text = match.string
    return bool(
        _NOT_A_YEAR_BEFORE.search(text, max(0, match.start() - 12), match.start())
        or _NOT_A_YEAR_AFTER.match(text, match.end())
    )


def _counts_something(before: str, after: str) -> bool:
    """Whether a year-like number is a count: `1500 men`, `some 2000 members`."""
    follows = re.match(r"\s+([a-z]+)\b", after)
    if follows is None:
        return False
    if follows[1] in _COUNTED:
        return True
    quantity = re.search(r"\b(?:some|about|over|nearly|almost|than|by|of)\s*$", before, re.I)
    return quantity is not None and follows[1].endswith("s") and len(follows[1]) > 3


_COUNTED = frozenset(
    "men women people members workers soldiers troops persons children copies pages tons "
    "acres miles pounds dollars roubles francs marks votes delegates strikers feet foot yards "
    "horse head sail guns ships vessels barrels bushels hogsheads sheep cattle houses families "
    "inhabitants souls prisoners killed wounded livres guineas shillings crowns ducats florins "
    "thalers pesos rupees years leagues".split()
)


@_rule(rf"\b(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>{YEAR})\b")
def _season_year(match: re.Match[str], context: _Context) -> TimeExpression | None:
    return _date(match, f"{match['year']}-{SEASONS[match['season'].lower()]}")


@_rule(
    r"\b(?:the\s+)?(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
    rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?\b"
)
def _quarter(match: re.Match[str], context: _Context) -> TimeExpression | None:
    ordinal = match["ordinal"].lower()
    number = ORDINALS.get(ordinal) or int(ordinal[0])
    year = int(match["year"]) if match["year"] else None
    if year is None:
        today = context.deictic()
        if today is None:
            return None
        year = today.year
    return _date(match, f"{year:04d}-Q{number}")


@_rule(r"\b(?:today|this day)\b")
def _today(match: re.Match[str], context: _Context) -> TimeExpression | None:
    today = context.deictic_day()
    return _date(match, today.isoformat()) if today else None


@_rule(r"\b(?:yesterday|tomorrow)\b")
def _yesterday(match: re.Match[str], context: _Context) -> TimeExpression | None:
    today = context.deictic_day()
    if today is None:
        return None
    shift = -1 if match[0].lower() == "yesterday" else 1
    return _date(match, (today + timedelta(days=shift)).isoformat())


@_rule(r"\b(?:tonight|this (?P<part>morning|afternoon|evening))\b")
def _part_of_today(match: re.Match[str], context: _Context) -> TimeExpression | None:
    today = context.deictic_day()
    if today is None:
        return None
    part = _PARTS_OF_DAY[match["part"].lower()] if match["part"] else "NI"
    return _other(match, TimeType.TIME, f"{today.isoformat()}T{part}")


@_rule(r"\b(?:now|currently|at present|at the moment|nowadays|these days|the present)\b")
def _present(match: re.Match[str], context: _Context) -> TimeExpression | None:
    return _date(match, "PRESENT_REF")


@_rule(r"\b(?:recently|formerly|previously|in the past)\b")
def _past(match: re.Match[str], context: _Context) -> TimeExpression | None:
    return _date(match, "PAST_REF")


@_rule(r"\b(?:in the future|in future)\b")
def _future(match: re.Match[str], context: _Context) -> TimeExpression | None:
    return _date(match, "FUTURE_REF")


@_rule(
    r"\b(?P<which>this|last|next|the coming|the next|the past|the previous|the following|"
    r"the same)\s+"
    r"(?P<unit>year|month|week|weekend|quarter|decade|century|spring|summer|autumn|fall|"
    r"winter|season)\b"
)
def _deictic_unit(match: re.Match[str], context: _Context) -> TimeExpression | None:
    which, unit = match["which"].lower(), match["unit"].lower()
    if which in ("the past",) and unit not in SEASONS:
        return _other(match, TimeType.DURATION, f"P1{UNITS.get(unit, 'Y')}")
    anaphoric = which in ("the previous", "the following", "the next", "the same")
    reference = context.last if anaphoric or context.anchor is None else None
    base: date | None
    if reference is not None and reference.earliest is not None:
        base = reference.earliest
    else:
        base = context.deictic()
    if base is None:
        return None
    shift = {"this": 0, "the same": 0, "last": -1, "the previous": -1}.get(which, 1)
    anchor = reference.start if reference is not None and context.anchor is None else None
    if unit in SEASONS:
        return _date(match, f"{base.year + min(shift, 0):04d}-{SEASONS[unit]}", anchor=anchor)
    if unit == "year":
        return _date(match, f"{base.year + shift:04d}", anchor=anchor)
    if unit == "decade":
        return _date(match, f"{(base.year // 10 + shift):03d}", anchor=anchor)
    if unit == "century":
        return _date(match, f"{(base.year // 100 + shift):02d}", anchor=anchor)
    if unit == "quarter":
        quarter = (base.year * 4 + (base.month - 1) // 3) + shift
        return _date(match, f"{quarter // 4:04d}-Q{quarter % 4 + 1}", anchor=anchor)
    if unit == "month":
        months = base.year * 12 + base.month - 1 + shift
        return _date(match, f"{months // 12:04d}-{months % 12 + 1:02d}", anchor=anchor)
    if unit == "season":
        return None
    if context.deictic_day() is None and reference is None:
        return None
    year, week, _ = (base + timedelta(weeks=shift)).isocalendar()
    suffix = "-WE" if unit == "weekend" else ""
    return _date(match, f"{year:04d}-W{week:02d}{suffix}", anchor=anchor)


@_rule(
    rf"\b(?:(?P<which>last|this|next|coming)\s+)?(?P<weekday>{_WEEKDAY})"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
    re.IGNORECASE,
)
def _weekday(match: re.Match[str], context: _Context) -> TimeExpression | None:
    if not match["weekday"][0].isupper():
        return None
    target = WEEKDAYS[match["weekday"].lower()]
    today = context.deictic_day()
    if today is None:
        return _date(match, f"XXXX-WXX-{target + 1}")
    which = (match["which"] or "").lower()
    if which in ("next", "coming") or (which != "last" and _future_tense(match)):
        days = (target - today.weekday()) % 7 or 7
        day = today + timedelta(days=days)
    else:
        days = (today.weekday() - target) % 7
        if which == "last" and days == 0:
            days = 7
        day = today - timedelta(days=days)
    if match["part"]:
        part = _PARTS_OF_DAY[match["part"].lower()]
        return _other(match, TimeType.TIME, f"{day.isoformat()}T{part}")
    return _date(match, day.isoformat())


def _future_tense(match: re.Match[str]) -> bool:
    """Whether the clause around `match` speaks of the future (`will`, `plans to`)."""
    text = match.string
    before = text[max(0, match.start() - 80) : match.start()]
    after = text[match.end() : match.end() + 60]
    clause = re.split(r"[.;]", before)[-1] + re.split(r"[.;]", after)[0]
    return _FUTURE.search(clause) is not None


_FUTURE = re.compile(r"\b(?:will|shall|'ll|going to|plans? to|scheduled|expected to)\b")


@_rule(
    rf"\b(?P<number>{_NUMBER})\s+(?P<unit>{_UNIT})s?\s+"
    r"(?P<direction>ago|earlier|later|before|after|afterwards|previously|hence)\b"
)
def _relative(match: re.Match[str], context: _Context) -> TimeExpression | None:
    direction = match["direction"].lower()
    unit = _unit(match["unit"])
    amount = _number(match["number"])
    deictic = direction in ("ago", "hence")
    sign = -1 if direction in ("ago", "earlier", "before", "previously") else 1
    reference = None if deictic and context.anchor is not None else context.last
    if reference is None and context.anchor is not None:
        today = context.anchor
        reference = _date(match, today.isoformat())
    if reference is None:  # nothing to count from: a date, but an unknown one
        return _date(match, "XXXX")
    if amount is None:  # `some years earlier`: before (or after) the reference, no more
        return _vague_relative(match, reference, sign)
    value = _shift(reference, sign * amount, unit)
    if value is None:
        return None
    anchor = reference.start if reference.start != match.start() else None
    return _date(match, value, anchor=anchor)


def _vague_relative(
    match: re.Match[str], reference: TimeExpression, sign: int
) -> TimeExpression | None:
    expression = _date(match, "PAST_REF" if sign < 0 else "FUTURE_REF")
    return replace(
        expression,
        mod="BEFORE" if sign < 0 else "AFTER",
        earliest=expression.earliest if sign < 0 else reference.latest,
        latest=reference.earliest if sign < 0 else expression.latest,
        anchor=reference.start if reference.start != match.start() else None,
    )


@_rule(r"\b(?:the\s+)?(?P<which>following|next|previous|preceding)\s+(?P<unit>day|morning)\b")
def _next_day(match: re.Match[str], context: _Context) -> TimeExpression | None:
    reference = context.last
    if reference is None:
        return None
    sign = 1 if match["which"].lower() in ("following", "next") else -1
    value = _shift(reference, sign, "D")
    return _date(match, value, anchor=reference.start) if value else None


@_rule(r"\bthe\s+day\s+(?P<which>before|after)\b(?!\s+(?:the|a|an|his|her|their|its)\b)")
def _day_before(match: re.Match[str], context: _Context) -> TimeExpression | None:
    reference = context.last
    if reference is None:
        return None
    value = _shift(reference, -1 if match["which"].lower() == "before" else 1, "D")
    return _date(match, value, anchor=reference.start) if value else None


@_rule(
    rf"\b(?:(?:for|the past|the last|the next|the first|over the past|over the last|"
    rf"in the past|in the last|within|during the past|nearly|almost|about|more than|"
    rf"less than|up to|at least|some)\s+)?(?P<number>{_NUMBER})[\s-]+(?P<unit>{_UNIT})s?"
    r"(?:[\s-]+old)?\b"
)
def _duration(match: re.Match[str], context: _Context) -> TimeExpression | None:
    words = match[0].lower()
    unit = _unit(match["unit"])
    amount = _number(match["number"])
    count = "X" if amount is None else str(amount)
    if unit == "DE" and amount is not None:
        return _other(match, TimeType.DURATION, f"P{amount * 10}Y")
    if unit == "CE" and amount is not None:
        return _other(match, TimeType.DURATION, f"P{amount * 100}Y")
    if unit in ("H", "MIN"):
        return _other(match, TimeType.DURATION, f"PT{count}{unit[0]}")
    if unit == "FN":
        return _other(match, TimeType.DURATION, f"P{2 * amount if amount else 'X'}W")
    mod = "APPROX" if re.match(r"(?:nearly|almost|about|some)\b", words) else ""
    mod = "MORE_THAN" if words.startswith(("more than", "at least")) else mod
    mod = "LESS_THAN" if words.startswith(("less than", "up to")) else mod
    return _other(match, TimeType.DURATION, f"P{count}{unit}", mod)


@_rule(r"\b(?:for|over)\s+(?P<unit>year|month|week|day|decade|hour)s\b")
def _vague_duration(match: re.Match[str], context: _Context) -> TimeExpression | None:
    unit = UNITS[match["unit"].lower()]
    value = f"PTX{unit[0]}" if unit == "H" else f"PX{unit}"
    return _other(match, TimeType.DURATION, value)


@_rule(
    r"\b(?:(?:once|twice|\w+ times)\s+(?:a|an|per|each)\s+|every\s+|each\s+|per\s+)"
    r"(?P<unit>year|month|week|day|morning|night|evening)\b"
    r"|(?<![\w-])(?P<adverb>annually|yearly|monthly|weekly|daily|nightly|hourly)\b"
)
def _frequency(match: re.Match[str], context: _Context) -> TimeExpression | None:
    word = (match["unit"] or match["adverb"]).lower()
    value = {
        "annually": "P1Y",
        "yearly": "P1Y",
        "monthly": "P1M",
        "weekly": "P1W",
        "daily": "P1D",
        "nightly": "P1D",
        "hourly": "PT1H",
        "year": "P1Y",
        "month": "P1M",
        "week": "P1W",
        "day": "P1D",
    }.get(word)
    if value is None:
        value = f"XXXX-XX-XXT{_PARTS_OF_DAY.get(word, 'NI')}"
    return _other(match, TimeType.SET, value)


@_rule(
    r"\b(?P<hour>[01]?[0-9]|2[0-3])(?::(?P<minute>[0-5][0-9]))?\s*"
    r"(?P<half>a\.m\.|p\.m\.|am\b|pm\b)|\b(?P<word>noon|midday|midnight)\b"
)
def _clock(match: re.Match[str], context: _Context) -> TimeExpression | None:
    today = context.deictic_day()
    day = today.isoformat() if today else "XXXX-XX-XX"
    if match["word"]:
        clock = "24:00" if match["word"].lower() == "midnight" else "12:00"
    else:
        hour = int(match["hour"]) % 12 + (12 if match["half"].lower().startswith("p") else 0)
        clock = f"{hour:02d}:{match['minute'] or '00'}"
    return _other(match, TimeType.TIME, f"{day}T{clock}")
