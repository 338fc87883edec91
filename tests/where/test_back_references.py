"""A place the story refers back to (where/back_references.py): "a drone strike on the city" is
on the town named last. Sentences written for these tests, through the real pipeline."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.where.back_references import refers_back
from tests.conftest import analyse

KHARKIV = ("KYIV, Ukraine — Russian drones hit apartment blocks in Kharkiv early on Saturday, "
           "killing six people, officials said.\n\n"
           "Kharkiv, about 30 kilometres from the Russian border, has come under heavier fire "
           "in recent weeks as Moscow pounds Ukraine's energy network. On Thursday, a drone "
           "strike on the city killed four people.")


@pytest.mark.parametrize("text, expected", [
    ("the city", True), ("The town", True), ("the village", True),
    ("a city", False), ("the old city", False), ("the capital", False), ("Kharkiv", False),
])
def test_only_a_settlement_noun_after_the_refers_back(text, expected):
    assert refers_back(text) is expected


def test_a_strike_on_the_city_is_on_the_town_named_last_not_the_datelines(pipeline):
    """Not the dateline's Kyiv, nor Moscow, named later but as the government that acts."""
    events = analyse(pipeline, KHARKIV, published=dt.date(2024, 4, 6)).mentions
    thursday = [e for e in events if e.event_date == dt.date(2024, 4, 4)]
    assert [(e.location, e.geo_precision) for e in thursday] == [("Kharkiv", 1)]
    assert "the city" in {e.text for e in thursday[0].evidence if e.field == "location"}


def test_a_town_named_too_far_back_is_not_referred_to(pipeline):
    text = ("BAGHDAD — Gunmen attacked a checkpoint in Samarra on Monday, police said.\n\n"
            "The interior ministry announced new measures. Officials met in parliament. The "
            "talks were long. A committee was formed. Its report is due next month.\n\n"
            "On Tuesday, a rocket struck the city, police said.")
    events = analyse(pipeline, text, published=dt.date(2024, 4, 9)).mentions
    tuesday = [e for e in events if e.event_date == dt.date(2024, 4, 9)]
    assert tuesday and all(e.location != "Samarra" for e in tuesday)
