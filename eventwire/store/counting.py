"""How events are counted: the rules every store's ``count_events`` follows, kept once.

An analyst's question ("attacks on US forces in Iraq and Syria since 17 October, per week, by
event type") is a filter (``EventQuery``), an interval and some group keys. The stores count in
their own way (``MemoryStore`` in Python, the SQL stores in the database, see
``store/sql.py``) but must give the same rows, so what the rows hold and the order they come
in is decided here:

- ``period`` is the first day of the event's day, ISO week (Monday) or month. An event's day
  is its ``event_date``, or the first day of its date range when it has only a range. Events
  with neither cannot be placed in a period: they get ``period`` None, and come last.
- ``events`` is how many canonical events, ``sources`` the sum of their ``n_sources`` (the
  articles that reported them) and ``fatalities`` the sum of their fatalities (unknown as 0).
- Groups are the stored values as they are (None where a field is unknown, a group of its own).
- Rows of a series come in period order, then by group; totals (no interval) come largest
  first, so the top actors or places lead.

Group keys are column names spliced into SQL, so ``check_counting`` admits only ``GROUP_KEYS``.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Sequence

from ..errors import InputError
from ..records import Event

#: the periods a series can be counted in
INTERVALS = ("day", "week", "month")
#: the event fields counts can be grouped by (each is also a column of the ``events`` table)
GROUP_KEYS = ("country", "admin1", "event_type", "sub_event_type", "actor1", "actor2",
              "target_facility", "role")
#: what every row counts, after its period and group values
MEASURES = ("events", "sources", "fatalities")


def check_counting(group_by: Iterable[str], interval: str | None) -> tuple[str, ...]:
    """The group keys, once each and in order; refuses an unknown key or interval by name.

    Checked before any SQL is built, because the keys become column names in it.
    """
    if isinstance(group_by, str):
        group_by = (group_by,)
    keys = tuple(dict.fromkeys(group_by))
    for key in keys:
        if key not in GROUP_KEYS:
            raise InputError(f"unknown group {key!r} (valid: {', '.join(GROUP_KEYS)})")
    if interval is not None and interval not in INTERVALS:
        raise InputError(f"unknown interval {interval!r} "
                         f"(valid: {', '.join(INTERVALS)}, or none for totals)")
    return keys


def count_columns(group_by: Sequence[str], interval: str | None) -> tuple[str, ...]:
    """The keys of every row: ``period`` (with an interval), the group keys, the measures."""
    return (("period",) if interval else ()) + tuple(group_by) + MEASURES


def event_day(event: Event) -> dt.date | None:
    """The day an event is counted on: its date, else the first day of its date range."""
    if event.event_date is not None:
        return event.event_date
    return event.date_range[0] if event.date_range else None


def period_start(day: dt.date, interval: str) -> dt.date:
    """The first day of the day, ISO week (a Monday) or month that ``day`` falls in."""
    if interval == "week":
        return day - dt.timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return day


def bucket(event: Event, group_by: Sequence[str], interval: str | None) -> tuple[Any, ...]:
    """The period and group values an event is counted under (``count_columns`` order)."""
    day = event_day(event)
    period = () if interval is None else (
        period_start(day, interval) if day is not None else None,)
    return period + tuple(getattr(event, key) for key in group_by)


def finish_counts(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
    """Rows as dicts in the shared order, periods as ISO dates and empty groups dropped.

    Sorting here rather than in SQL keeps every store's order the same whatever its collation.
    """
    found = []
    for row in rows:
        data = dict(zip(columns, row))
        if not data["events"]:  # an aggregate over no rows: SQL says 0, Python says nothing
            continue
        for measure in MEASURES:
            data[measure] = int(data[measure] or 0)
        if isinstance(data.get("period"), dt.date):
            data["period"] = data["period"].isoformat()
        found.append(data)
    keys = [c for c in columns if c not in MEASURES]
    return sorted(found, key=lambda d: _order(d, keys))


def _order(row: dict[str, Any], keys: Sequence[str]) -> tuple[Any, ...]:
    values = tuple((row[k] is None, row[k] or "") for k in keys)
    return values if "period" in row else (-row["events"], *values)
