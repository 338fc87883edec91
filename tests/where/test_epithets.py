"""A capital named by what it is (where/epithets.py): "the Syrian capital", "Ukraine's capital",
and "the capital" of a story about one country. Sentences written for these tests, through
the real pipeline and gazetteer."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.where.epithets import CAPITAL_EPITHET
from tests.conftest import analyse

APRIL_9 = dt.date(2024, 4, 9)


@pytest.mark.parametrize("phrase, nation", [
    ("the Syrian capital", "Syrian"), ("Ukraine's capital", "Ukraine"), ("the capital", None),
    ("the Iraqi capital city", "Iraqi"), ("South Sudan's capital", "South Sudan"),
])
def test_a_capital_phrase_gives_its_nation(phrase, nation):
    match = CAPITAL_EPITHET.match(phrase)
    assert match is not None and match["nation"] == nation


@pytest.mark.parametrize("phrase", ["the old capital", "capital punishment", "political capital"])
def test_other_capitals_are_no_place(phrase):
    assert CAPITAL_EPITHET.match(phrase) is None


@pytest.mark.parametrize("where, town", [
    ("in the Syrian capital", "Damascus"), ("in Ukraine's capital", "Kyiv"),
    ("in the Afghan capital", "Kabul"), ("in the Nigerian capital", "Abuja"),
])
def test_an_event_in_a_nations_capital_is_in_that_town(pipeline, where, town):
    text = f"A bomb killed five people {where} on Monday, police said."
    [event] = analyse(pipeline, text, published=APRIL_9).mentions
    assert (event.location, event.geo_precision) == (town, 1)


def test_the_capital_of_a_story_about_one_country_is_its_capital(pipeline):
    text = ("Syrian warplanes struck rebel-held towns in Idlib province on Monday. Later, rebels "
            "fired rockets at the capital, killing three.")
    events = analyse(pipeline, text, published=APRIL_9).mentions
    assert "Damascus" in {e.location for e in events}


def test_the_capital_of_a_story_about_two_countries_alike_is_neither(pipeline):
    text = ("Officials from Iraq and Syria met on Monday. Later, rockets fell on the capital, "
            "killing three.")
    events = analyse(pipeline, text, published=APRIL_9).mentions
    assert not {e.location for e in events} & {"Damascus", "Baghdad"}
