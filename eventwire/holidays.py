"""The days of holidays a report dates events by, in any year: Western Easter and the days
counted from it, fixed days, and the nth weekday of a month (the rules are data:
``[holidays]`` in ``data/time_expressions.toml``; ``eventwire.when`` finds the names)."""
from __future__ import annotations

import calendar
import datetime as dt


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_in(rule: dict[str, int], year: int) -> dt.date:
    """A holiday's day in a given year."""
    if "easter" in rule:
        return easter(year) + dt.timedelta(days=rule["easter"])
    if "nth" not in rule:
        return dt.date(year, rule["month"], rule["day"])
    days = [d for d in calendar.Calendar().itermonthdates(year, rule["month"])
            if d.month == rule["month"] and d.weekday() == rule["weekday"]]
    return days[rule["nth"] - 1 if rule["nth"] > 0 else rule["nth"]]
