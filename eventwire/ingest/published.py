"""A record's "published" value to a date, or a warning saying why it was left unknown.

Publication dates anchor every relative date in a story ("on Monday"), so a wrong one is worse
than none: an unparseable value, or one before 1900 or in the future, leaves the date unknown
(the caller's ``--published`` may then apply, if it is in that range itself) and puts a
warning on the article.

ISO dates and datetimes are read directly; a few common newsroom formats ("December 11, 2023",
"11 Dec 2023") by ``strptime``; only then ``dateparser`` (English, absolute dates only, on the
short string alone, never a search through text).
"""
from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from typing import Any

#: formats tried after ISO 8601, before dateparser
FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%B %d %Y", "%b %d %Y",
           "%d %B %Y", "%d %b %Y", "%d %b. %Y", "%d %B, %Y", "%d %b, %Y")
#: dateparser: absolute dates only (no "yesterday" against today's clock), all of day, month, year
DATEPARSER_SETTINGS = {"PARSERS": ["custom-formats", "absolute-time"],
                       "REQUIRE_PARTS": ["day", "month", "year"],
                       "RETURN_AS_TIMEZONE_AWARE": False}
DATEPARSER_LANGUAGES = ["en"]
#: longer strings are not a date field but text: dateparser is not asked
MAX_DATE_CHARS = 64
#: publication dates outside [MIN_YEAR, today + FUTURE_DAYS] are absurd and left unknown
MIN_YEAR = 1900
FUTURE_DAYS = 2


def _from_iso(value: str) -> dt.date | None:
    for parse in (dt.date.fromisoformat, dt.datetime.fromisoformat):
        try:
            parsed = parse(value)
        except ValueError:
            continue
        return parsed.date() if isinstance(parsed, dt.datetime) else parsed
    return None


def _from_formats(value: str) -> dt.date | None:
    for fmt in FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _from_dateparser(value: str) -> dt.date | None:
    if len(value) > MAX_DATE_CHARS:
        return None
    import dateparser  # imported here: it takes a second to load and most records never need it

    parsed = dateparser.parse(value, languages=DATEPARSER_LANGUAGES, settings=DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


def parse_published(value: Any, warnings: list[str]) -> dt.date | None:
    """The date in ``value`` (None when missing); a warning and None when it is no usable date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        warnings.append(f"published {value!r} is not a date string: left unknown")
        return None
    text = " ".join(value.split())
    date = _from_iso(text) or _from_formats(text) or _from_dateparser(text)
    if date is None:
        warnings.append(f"published {value!r} is not a date: left unknown")
        return None
    if not _plausible(date):
        warnings.append(f"published {value!r} is out of range ({MIN_YEAR} to {_latest()}): "
                        f"left unknown")
        return None
    return date


def caller_published(date: dt.date | None, warnings: list[str]) -> dt.date | None:
    """The caller's date (``--published``) for an article without one of its own; a date
    outside the plausible range is no publication date either: left unknown, with a warning."""
    if date is None or _plausible(date):
        return date
    warnings.append(f"--published {date} is out of range ({MIN_YEAR} to {_latest()}): "
                    f"left unknown")
    return None


def _latest() -> dt.date:
    return dt.date.today() + dt.timedelta(days=FUTURE_DAYS)


def _plausible(date: dt.date) -> bool:
    return date.year >= MIN_YEAR and date <= _latest()


#: dates news sites write into their URLs: /2016/01/27/, /2016/jan/26/, /20150803/, /2016-01-27-
URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?=[/\-_.]|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[a-z]{3})/(?P<d>\d{1,2})(?=/)", re.IGNORECASE),
    re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>\d\d)(?P<d>\d\d)(?=/)"),
)
_MONTHS = {name: i for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def _url_date(match: re.Match[str]) -> dt.date | None:
    month = match["m"]
    number = int(month) if month.isdigit() else _MONTHS.get(month.lower())
    try:
        return dt.date(int(match["y"]), number or 0, int(match["d"]))
    except ValueError:
        return None


def published_from_url(url: str | None) -> dt.date | None:
    """The publication date a news URL carries in its path ("/2016/01/27/man-shot-..."),
    if any; a date in the future or before ``MIN_YEAR`` is no publication date."""
    path = urllib.parse.urlsplit(url or "").path
    for pattern in URL_DATES:
        for match in pattern.finditer(path):
            date = _url_date(match)
            if date is not None and _plausible(date):
                return date
    return None


#: a full date as datelines write it: "(Jan. 8, 2015)", "(December 11, 2015)", "5 March 2024"
_MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE_DATE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_NAME})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_NAME}),?\s+(?P<y2>(?:19|20)\d\d))\b")


def published_from_dateline(dateline: str) -> dt.date | None:
    """The date a dateline carries ("LAFAYETTE, Ind. (Jan. 8, 2015) -"), if it gives day,
    month and year; a date in the future or before ``MIN_YEAR`` is no publication date."""
    match = DATELINE_DATE.search(dateline)
    if match is None:
        return None
    month = (match["m1"] or match["m2"]).rstrip(".")[:3].lower()
    try:
        date = dt.date(int(match["y1"] or match["y2"]), _MONTHS[month], int(match["d1"] or match["d2"]))
    except (KeyError, ValueError):
        return None
    return date if _plausible(date) else None
