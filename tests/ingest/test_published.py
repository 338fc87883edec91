"""A record's "published" value: a date, or unknown with a warning, never a wrong date."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.ingest.published import parse_published


@pytest.mark.parametrize("value, expected", [
    ("2023-12-11", dt.date(2023, 12, 11)),
    ("2023-12-11T22:15:00Z", dt.date(2023, 12, 11)),
    ("2023-12-11 08:00:00+03:00", dt.date(2023, 12, 11)),
    ("December 11, 2023", dt.date(2023, 12, 11)),
    ("Dec. 11, 2023", dt.date(2023, 12, 11)),
    ("11 Dec 2023", dt.date(2023, 12, 11)),
    ("11 December 2023", dt.date(2023, 12, 11)),
    ("Mon, 11 Dec 2023 10:00:00 GMT", dt.date(2023, 12, 11)),
    ("  11  December  2023 ", dt.date(2023, 12, 11)),
])
def test_dates_in_common_formats_are_read(value, expected):
    warnings: list[str] = []
    assert parse_published(value, warnings) == expected
    assert warnings == []


@pytest.mark.parametrize("value", [None, "", "   "])
def test_a_missing_date_is_unknown_without_a_warning(value):
    warnings: list[str] = []
    assert parse_published(value, warnings) is None
    assert warnings == []


@pytest.mark.parametrize("value, fragment", [
    ("soon", "is not a date"),
    ("December 2023", "is not a date"),
    ("yesterday", "is not a date"),
    ("2023-13-45", "is not a date"),
    ("1850-06-01", "is out of range"),
    ("2999-01-01", "is out of range"),
    (20231211, "is not a date string"),
])
def test_a_bad_date_is_unknown_with_a_warning_naming_it(value, fragment):
    warnings: list[str] = []
    assert parse_published(value, warnings) is None
    assert len(warnings) == 1 and fragment in warnings[0] and repr(value) in warnings[0]


def test_a_date_two_days_ahead_is_allowed_for_time_zones():
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert parse_published(tomorrow.isoformat(), []) == tomorrow
