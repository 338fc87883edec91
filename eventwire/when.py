"""Stage "when": find the time expressions in a sentence and resolve them to dates.

A wire report dates events against its publication day ("on Monday", "last week") or against
each other ("the next day", "a day after the rockets were fired"). ``find_time_expressions``
finds them in one pass of one compiled regular expression built from
``data/time_expressions.toml`` (``time_patterns.py``) and resolves them as a careful human coder would. dateparser is
not needed: every accepted shape is read from those word lists directly, exactly and much
faster (dateparser gets "on Monday" in a Monday story wrong and cannot read "early on Friday").

Rules, and the choices made where a coder has to choose:

* Weekdays are never after publication and at most 6 days before it ("on Monday" in a Monday
  story is that day). "last Monday" means the one *before* publication day (in a Monday story,
  a week ago). "next Monday" keeps its future date; the extractor treats it as not happened.
* A date without a year is the latest not after publication plus one day (time zones):
  "December 30" in a January 2 story is last year's, and ``inferred_year`` says so.
* "12/04/2023" is US order (month/day) unless the first number cannot be a month.
* Months, weeks and other spans give ``date_range`` and leave ``date`` None: an ACLED row of
  time_precision 3 needs *some* day, but which is the exporter's choice; a first-of-month here
  would look exact. Precision comes from a span's full length (1 day: 1, up to
  ``week_precision_max_days``: 2, longer: 3); the range is then clipped at publication.
* Anchored expressions count from the nearest preceding day-precise expression in the text,
  else from ``anchor``. "N days after X" dates X, so it counts back (a photo "taken on July 8,
  2021 ... a day after fourteen rockets were fired" dates the rockets July 7); "N days before
  X" counts forward. With no anchor at all, "N days after X" is left out (a mere offset),
  "N days earlier" counts from publication, and the others stay unresolved.
* Without a publication date only expressions carrying their own year resolve; the rest keep
  ``date`` None and ``unresolved="no publication date"``: never a guess.
"""
from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Callable

from .errors import DateFormatError
from .holidays import holiday_in
from .time_patterns import (ANCHORED, APPROXIMATE_NUMBERS, CALENDAR, DAY_WORDS, HOLIDAYS, MONTH_NUMBERS,
                            MONTH_PARTS, NO_YEAR_MAX_YEARS_BACK, NO_YEAR_TOLERANCE, NUMBERS, PATTERN,
                            RECENT, SINCE_WORDS, UNITS, WEEK_PRECISION_MAX_DAYS, WEEKDAY_MODIFIERS,
                            WEEKDAY_NUMBERS, WEEKDAY_YEARS_BACK, YEAR_PARTS, YEAR_PREPOSITIONS, holiday_key)

NO_PUBLICATION = "no publication date"
NO_ANCHOR = "no anchor date"


@dataclass(frozen=True)
class TimeExpression:
    """One time expression: where it is in the text and what day or days it means."""

    start: int
    end: int
    text: str
    #: the day meant, when one day is meant (or the best single day)
    date: dt.date | None
    #: ACLED time_precision: 1 day, 2 week, 3 month (or looser)
    precision: int
    #: first and last day, for weeks, months, "since X" and other spans
    date_range: tuple[dt.date, dt.date] | None
    #: "absolute", "relative" (to publication), "anchored" (to another date) or "period"
    kind: str
    #: the year was not written and was inferred from publication
    inferred_year: bool = False
    #: why ``date`` (and ``date_range``) is None when it is
    unresolved: str | None = None


#: After "N days after/before", a word means an object ("a day after rockets were fired").
_OBJECT_FOLLOWS = re.compile(r"\s+[^\W\d_]")
#: Which way "N days after / before / earlier / later" counts from its anchor.
_OFFSET_SIGNS = {"after": 1, "later": 1, "before": -1, "earlier": -1}
#: A leap year, for checking a year-less day ("February 29") can exist at all.
_LEAP_YEAR = 2000
#: Without a publication date, spans are laid out from this day only to learn their precision.
_REFERENCE_DAY = dt.date(2001, 6, 15)


@dataclass(frozen=True)
class _Found:
    """What one matched shape means, before it is given its place in the text."""

    date: dt.date | None
    precision: int
    kind: str
    date_range: tuple[dt.date, dt.date] | None = None
    inferred_year: bool = False
    unresolved: str | None = None
    #: whether a later "that day" or "the next day" may count from it
    anchors: bool = True


@dataclass
class _Context:
    """What resolution needs besides the match: publication, and the running anchor."""

    published: dt.date | None
    anchor: dt.date | None
    anchor_missing: str = NO_ANCHOR
    #: days written out in full with their weekday before this point ("Wednesday 7 Aug
    #: 2013"): a later plain weekday of the same name is that day
    written: list[dt.date] = field(default_factory=list)


def _key(text: str) -> str:
    """Lexicon form of matched words: lower case, single spaces."""
    return " ".join(text.lower().split())


def _month(text: str) -> int:
    return MONTH_NUMBERS[text.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _unit(text: str) -> str:
    return _key(text).removesuffix("s")


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _shift(day: dt.date, count: int, unit: str, round_up: bool = False) -> dt.date:
    """``day`` moved by ``count`` units (negative: back). Hours become whole days, truncated
    for a point in time ("36 hours later" is the next day), rounded up for a period's start
    ("the past 24 hours" starts the day before)."""
    spec = UNITS[unit]
    if "months" in spec:
        return _add_months(day, count * spec["months"])
    hours = count * (24 * spec.get("days", 0) + spec.get("hours", 0))
    days = math.ceil(abs(hours) / 24) if round_up else abs(hours) // 24
    return day + dt.timedelta(days=days if hours >= 0 else -days)


def _precision(first: dt.date, last: dt.date) -> int:
    """ACLED time_precision of a span of days, from its length."""
    days = (last - first).days + 1
    return 1 if days <= 1 else 2 if days <= WEEK_PRECISION_MAX_DAYS else 3


def _span(first: dt.date, last: dt.date, kind: str, ctx: _Context,
          inferred: bool = False) -> _Found:
    """A span of days; precision from its full length; its end clipped at publication."""
    precision = _precision(first, last)
    if ctx.published is not None and first <= ctx.published < last:
        last = ctx.published
    return _Found(first if precision == 1 else None, precision, kind, (first, last), inferred)


def _unresolved(kind: str, precision: int, reason: str = NO_PUBLICATION) -> _Found:
    return _Found(None, precision, kind, unresolved=reason)


def _relative(ctx: _Context, make: Callable[[dt.date], _Found | None]) -> _Found | None:
    """Resolve against publication; without one keep only the kind and precision the shape
    implies (laid out from a reference day), never a guessed date."""
    if ctx.published is not None:
        return make(ctx.published)
    nominal = make(_REFERENCE_DAY)
    return None if nominal is None else _unresolved(nominal.kind, nominal.precision)


def _latest(month: int, day: int, published: dt.date) -> dt.date | None:
    """The latest ``month``/``day`` not after publication (plus the time-zone tolerance)."""
    limit = published + NO_YEAR_TOLERANCE
    for year in range(limit.year, limit.year - NO_YEAR_MAX_YEARS_BACK - 1, -1):
        if _valid(year, month, day) and dt.date(year, month, day) <= limit:
            return dt.date(year, month, day)
    return None


def _calendar_date(month: int, day: int, year: int | None, ctx: _Context,
                   weekday: int | None = None) -> _Found | None:
    """A written day: with its year it needs nothing else; without, publication gives one,
    and a weekday written with it may move it a year back (see ``_year_by_weekday``)."""
    if not _valid(_LEAP_YEAR if year is None else year, month, day):
        return None
    if year is not None:
        return _Found(dt.date(year, month, day), 1, "absolute")
    if ctx.published is None:
        return _unresolved("absolute", 1)
    latest = _latest(month, day, ctx.published)
    return _Found(_year_by_weekday(latest, weekday), 1, "absolute", inferred_year=True)


def _year_by_weekday(latest: dt.date | None, weekday: int | None) -> dt.date | None:
    """"Saturday, Sept. 12" in a January 2017 story: the 12th of September 2016 was a
    Monday, 2015's a Saturday; the first year back (up to ``WEEKDAY_YEARS_BACK``) whose day
    is that weekday. A weekday no such year has is a slip: the latest day stands."""
    if latest is None or weekday is None or latest.weekday() == weekday:
        return latest
    for back in range(1, WEEKDAY_YEARS_BACK + 1):
        year = latest.year - back
        if _valid(year, latest.month, latest.day) and \
                dt.date(year, latest.month, latest.day).weekday() == weekday:
            return dt.date(year, latest.month, latest.day)
    return latest


def _written_weekday(text: str | None) -> int | None:
    return None if text is None else WEEKDAY_NUMBERS.get(text.lower().rstrip("."))


def _res_written(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"December 4, 2023", "4 Dec", "the 4th of December", "Saturday, Sept. 12" (shapes mdy
    and dmy)."""
    shape = m.lastgroup
    return _calendar_date(_month(m[f"{shape}_m"]), _day(m[f"{shape}_d"]),
                          _year(m[f"{shape}_y"]), ctx, _written_weekday(m[f"{shape}_wd"]))


def _res_numeric(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"2023-12-04"; "12/04/2023" in US order unless the first number cannot be a month."""
    if m.lastgroup == "iso":
        return _calendar_date(int(m["iso_m"]), int(m["iso_d"]), int(m["iso_y"]), ctx)
    first, second = int(m["sl_a"]), int(m["sl_b"])
    month, day = (second, first) if first > 12 else (first, second)
    return _calendar_date(month, day, int(m["sl_y"]), ctx)


def _range_years(first: tuple[int, int, int | None], last: tuple[int, int, int | None],
                 published: dt.date) -> tuple[int, int, bool] | None:
    """Years of both ends of a span: one written end gives the other (a span may cross New
    Year); with none written, the start is the latest not after publication."""
    (m1, d1, y1), (m2, d2, y2) = first, last
    wraps = int((m1, d1) > (m2, d2))
    if y1 is None and y2 is None:
        start = _latest(m1, d1, published)
        return None if start is None else (start.year, start.year + wraps, True)
    if y1 is None:
        return y2 - wraps, y2, False
    return y1, y1 + wraps if y2 is None else y2, False


def _day_range(first: tuple[int, int, int | None], last: tuple[int, int, int | None],
               ctx: _Context) -> _Found | None:
    """"between 1 and 3 December", "Dec. 1-3, 2023": a period of written days."""
    def make(published: dt.date) -> _Found | None:
        years = _range_years(first, last, published)
        if years is None or not (_valid(years[0], *first[:2]) and _valid(years[1], *last[:2])):
            return None
        start, end = dt.date(years[0], *first[:2]), dt.date(years[1], *last[:2])
        return _span(start, end, "period", ctx, years[2]) if start <= end else None

    if first[2] is None and last[2] is None:
        return _relative(ctx, make)
    return make(ctx.published or _REFERENCE_DAY)


def _res_range(m: re.Match[str], ctx: _Context) -> _Found | None:
    """Shapes range_dmy and range_mdy: a month written once serves both ends."""
    g = {"range_dmy": "rd", "range_mdy": "rm"}[m.lastgroup]
    month1, month2 = m[f"{g}_m1"] or m[f"{g}_m2"], m[f"{g}_m2"] or m[f"{g}_m1"]
    return _day_range((_month(month1), _day(m[f"{g}_d1"]), _year(m[f"{g}_y1"])),
                      (_month(month2), _day(m[f"{g}_d2"]), _year(m[f"{g}_y2"])), ctx)


def _month_span(year: int, month: int, part: str | None) -> tuple[dt.date, dt.date]:
    """A month, or the part of it named ("mid-October" = 11-20 October)."""
    first, last = MONTH_PARTS[_key(part)] if part else (1, 31)
    length = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(first, length)), dt.date(year, month, min(last, length))


def _year_span(year: int, part: str | None) -> tuple[dt.date, dt.date]:
    """A year, or the part of it named ("early 2021" = January to April)."""
    first, last = YEAR_PARTS[_key(part)] if part else (1, 12)
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def _res_month_year(m: re.Match[str], ctx: _Context) -> _Found:
    first, last = _month_span(int(m["my_y"]), _month(m["my_m"]), m["my_part"])
    return _span(first, last, "absolute", ctx)


def _res_month(m: re.Match[str], ctx: _Context) -> _Found | None:
    """A month named without a year: the latest that has begun by publication; after "last",
    the latest before publication's own month."""
    month, part = _month(m["mo_m"]), m["mo_part"]

    def make(published: dt.date) -> _Found:
        if m["mo_last"]:
            year = published.year - (month >= published.month)
        else:
            start = _month_span(published.year, month, part)[0]
            year = published.year - (start > published + NO_YEAR_TOLERANCE)
        return _span(*_month_span(year, month, part), "absolute", ctx, inferred=True)

    return _relative(ctx, make)


def _res_year(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"in 2021", "early 2022"; a bare number after "of" or "on" is not a year."""
    part = m["yr_part"]
    if part is None and _key(m["prep"]) not in YEAR_PREPOSITIONS:
        return None
    return _span(*_year_span(int(m["yr_y"]), part), "absolute", ctx)


def _weekday_date(weekday: int, modifier: str | None, published: dt.date) -> dt.date:
    """The weekday meant, by its modifier: the latest not after publication ("recent"), the
    latest before publication day ("previous"), or the first after it ("next")."""
    mode = WEEKDAY_MODIFIERS.get(_key(modifier), "recent") if modifier else "recent"
    if mode == "next":
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    back = (published.weekday() - weekday) % 7
    return published - dt.timedelta(days=back or (7 if mode == "previous" else 0))


def _res_weekday(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"on Wednesday": the latest Wednesday by publication, unless the text has just written
    out a Wednesday in full ("Reuters Wednesday 7 Aug 2013 ... killed at dawn on Wednesday"),
    which is the one meant, however long before publication."""
    weekday = WEEKDAY_NUMBERS[m["wd_d"].lower()]
    plain = m["wd_pre"] is None or WEEKDAY_MODIFIERS.get(_key(m["wd_pre"]), "recent") == "recent"
    written = next((d for d in reversed(ctx.written) if d.weekday() == weekday), None)
    if plain and written is not None:
        return _Found(written, 1, "anchored")
    return _relative(ctx, lambda pub: _Found(_weekday_date(weekday, m["wd_pre"], pub), 1,
                                             "relative"))


def _res_weekday_span(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"Saturday night into Sunday": the first day, with both days as the range."""
    first_day, second_day = (WEEKDAY_NUMBERS[m[g].lower()] for g in ("ws_d1", "ws_d2"))

    def make(published: dt.date) -> _Found:
        first = _weekday_date(first_day, m["ws_pre"], published)
        last = first + dt.timedelta(days=(second_day - first_day) % 7)
        return _Found(first, 1, "relative", (first, last))

    return _relative(ctx, make)


def _week_of(published: dt.date, offset: int, part: str | None) -> tuple[dt.date, dt.date]:
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=offset)
    return monday, monday + dt.timedelta(days=6)


def _weekend_of(published: dt.date, offset: int, part: str | None) -> tuple[dt.date, dt.date]:
    """This weekend is the latest Saturday-Sunday begun by publication; "last weekend" said
    during a weekend is the one before."""
    saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
    if (offset < 0 and published.weekday() >= 5) or offset > 0:
        saturday += dt.timedelta(weeks=offset)
    return saturday, saturday + dt.timedelta(days=1)


def _month_of(published: dt.date, offset: int, part: str | None) -> tuple[dt.date, dt.date]:
    first = _add_months(published.replace(day=1), offset)
    return _month_span(first.year, first.month, part)


def _year_of(published: dt.date, offset: int, part: str | None) -> tuple[dt.date, dt.date]:
    return _year_span(published.year + offset, part)


_CALENDAR_SPANS = {"week": _week_of, "weekend": _weekend_of, "month": _month_of, "year": _year_of}


def _res_calendar(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"last week", "earlier this month", "late last month", "next year", "the weekend"."""
    unit, offset = _key(m["ca_u"]), CALENDAR[_key(m["ca_w"])] if m["ca_w"] else 0
    part = m["ca_part"] if unit in ("month", "year") else None
    spans = _CALENDAR_SPANS[unit]
    return _relative(ctx, lambda pub: _span(*spans(pub, offset, part), "relative", ctx))


def _res_day_word(m: re.Match[str], ctx: _Context) -> _Found | None:
    days = DAY_WORDS[_key(m["dw"])]
    return _relative(ctx, lambda pub: _Found(pub + dt.timedelta(days=days), 1, "relative"))


def _res_ago(m: re.Match[str], ctx: _Context) -> _Found | None:
    unit, count = _unit(m["ago_u"]), _count(m["ago_n"])
    precision = UNITS[unit]["precision"]
    return _relative(ctx, lambda pub: _Found(_shift(pub, -count, unit), precision, "relative"))


def _count(text: str) -> int:
    key = _key(text)
    return int(key) if key.isdigit() else NUMBERS.get(key) or APPROXIMATE_NUMBERS[key]


def _offset_count(text: str | None, unit: str) -> int | None:
    """How many units an offset moves: "hours later" is the same day, whatever the count
    ("several hours later"); "days later" or "a few days later" has no day to give."""
    within_day = UNITS[unit].get("hours") is not None
    if text is None or _key(text) in APPROXIMATE_NUMBERS:
        return 0 if within_day else None
    return 1 if _key(text) == "the" else _count(text)


def _res_offset(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"a day after X" dates X (anchor - 1), "a day before X" anchor + 1; without an object
    "two days later" is anchor + 2, "the day before" anchor - 1."""
    unit, direction = _unit(m["of_u"]), _key(m["of_dir"])
    count = _offset_count(m["of_n"], unit)
    if count is None:
        return None
    has_object = direction in ("after", "before") and bool(_OBJECT_FOLLOWS.match(m.string, m.end()))
    sign = -_OFFSET_SIGNS[direction] if has_object else _OFFSET_SIGNS[direction]
    precision = UNITS[unit]["precision"]
    if ctx.anchor is not None:
        return _Found(_shift(ctx.anchor, sign * count, unit), precision, "anchored",
                      anchors=not has_object)
    if has_object:
        return None
    if direction == "earlier" and ctx.anchor_missing == NO_ANCHOR and ctx.published is not None:
        return _Found(_shift(ctx.published, -count, unit), precision, "relative")
    return _unresolved("anchored", precision, ctx.anchor_missing)


def _res_anchored(m: re.Match[str], ctx: _Context) -> _Found:
    spec = ANCHORED[_key(m["an"])]
    if ctx.anchor is None:
        return _unresolved("anchored", spec["precision"], ctx.anchor_missing)
    return _Found(ctx.anchor + dt.timedelta(days=spec["days"]), spec["precision"], "anchored")


def _res_rolling(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"over the past month", "in the last 48 hours": up to publication. "the last day (of
    the talks)" and "the last minute" are not periods."""
    unit = _unit(m["rl_u"])
    if m["rl_n"] is None and unit == "day" or UNITS[unit].get("hours") == 0:
        return None
    count = _count(m["rl_n"]) if m["rl_n"] else 1
    return _relative(ctx, lambda pub: _span(_shift(pub, -count, unit, round_up=True), pub,
                                            "period", ctx))


def _res_recent(m: re.Match[str], ctx: _Context) -> _Found | None:
    days = RECENT[_key(m["rc"])]
    return _relative(ctx, lambda pub: _span(pub - dt.timedelta(days=days), pub, "period", ctx))


def _res_holiday(m: re.Match[str], ctx: _Context) -> _Found | None:
    """"on Christmas Eve", "Easter Sunday 2016": with its year that day; without, the latest
    one not after publication (plus the time-zone tolerance)."""
    rule = HOLIDAYS[holiday_key(m["hd_n"] or m["hd_w"])]
    if m["hd_y"]:
        return _Found(holiday_in(rule, int(m["hd_y"])), 1, "absolute")
    if ctx.published is None:
        return _unresolved("absolute", 1)
    limit = ctx.published + NO_YEAR_TOLERANCE
    day = holiday_in(rule, limit.year)
    day = day if day <= limit else holiday_in(rule, limit.year - 1)
    return _Found(day, 1, "absolute", inferred_year=True)


_RESOLVERS: dict[str, Callable[[re.Match[str], _Context], _Found | None]] = {
    "range_dmy": _res_range, "range_mdy": _res_range, "iso": _res_numeric, "slash": _res_numeric,
    "mdy": _res_written, "dmy": _res_written, "month_year": _res_month_year,
    "month": _res_month, "year": _res_year, "weekday_span": _res_weekday_span,
    "weekday": _res_weekday, "calendar": _res_calendar, "day_word": _res_day_word,
    "ago": _res_ago, "offset": _res_offset, "anchored": _res_anchored,
    "rolling": _res_rolling, "recent": _res_recent, "holiday": _res_holiday,
}


def _since(found: _Found, ctx: _Context) -> _Found:
    """"since X": the period from X's first day to publication."""
    start = found.date or (found.date_range[0] if found.date_range else None)
    if start is None or ctx.published is None:
        return _unresolved("period", 3, found.unresolved or NO_PUBLICATION)
    return _span(start, max(start, ctx.published), "period", ctx, found.inferred_year)


def _remember(found: _Found, ctx: _Context) -> None:
    """A day-precise expression becomes the anchor of the anchored ones after it."""
    if found.precision == 1 and found.anchors and found.kind != "period":
        ctx.anchor = found.date
        ctx.anchor_missing = found.unresolved or NO_ANCHOR



#: what ``datetime`` raises for a day before 1 January of year 1 or after 31 December 9999
_OUTSIDE_CALENDAR = (OverflowError, ValueError)


def _resolve(match: re.Match[str], ctx: _Context) -> TimeExpression | None:
    try:
        found = _RESOLVERS[match.lastgroup](match, ctx)
    except _OUTSIDE_CALENDAR:  # "999 years ago" in a story dated AD 500: no such day
        return None
    if found is None:
        return None
    _remember(found, ctx)
    if found.kind == "absolute" and found.precision == 1 and found.date is not None \
            and any(w.lower().rstrip(".,") in WEEKDAY_NUMBERS for w in match.group().split()):
        ctx.written.append(found.date)  # "Wednesday 7 Aug 2013": the story's own Wednesday
    if match["prep"] and _key(match["prep"]) in SINCE_WORDS:
        found = _since(found, ctx)
    return TimeExpression(match.start(), match.end(), match.group(), found.date, found.precision,
                          found.date_range, found.kind, found.inferred_year, found.unresolved)


def find_time_expressions(text: str, published: dt.date | None,
                          anchor: dt.date | None = None) -> list[TimeExpression]:
    """Every time expression in a sentence or paragraph, in order, resolved against the
    publication day and (for "that day", "the next day") the preceding date or ``anchor``."""
    ctx = _Context(*(d.date() if isinstance(d, dt.datetime) else d for d in (published, anchor)))
    found = (_resolve(match, ctx) for match in PATTERN.finditer(text))
    return [expression for expression in found if expression is not None]


def resolve_published(value: str) -> dt.date:
    """A user's ``--published``: an ISO date or datetime, or a written date with its year
    ("11 December 2023", "Dec. 11, 2023"). Anything else raises ``DateFormatError``."""
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    found = find_time_expressions(text, None)
    if len(found) == 1 and found[0].date and (found[0].start, found[0].end) == (0, len(text)):
        return found[0].date
    raise DateFormatError(value, "YYYY-MM-DD or a written date with its year")
