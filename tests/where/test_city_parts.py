"""A part of a big city printed the ACLED way, "City - Part", when the story writes it so."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.where.city_parts import as_part_of_city
from eventwire.where.gazetteer import MemoryGazetteer, Place

from tests.conftest import analyse

JANUARY_27 = dt.date(2016, 1, 27)

CITY = Place("gn:1", "Metropolis", "city", "United States", "US", 40.00, -75.00, "Pennsylvania",
             "Metro County", population=1_500_000)
PART = Place("gn:2", "Elm Park", "city", "United States", "US", 40.05, -75.02, "Pennsylvania",
             "Metro County", population=20_000)
SUBURB = Place("gn:3", "Oakdale", "city", "United States", "US", 40.10, -75.10, "Pennsylvania",
               "Metro County", population=30_000)
GAZETTEER = MemoryGazetteer([(CITY, ["Metropolis"]), (PART, ["Elm Park"]), (SUBURB, ["Oakdale"])])


@pytest.mark.parametrize("text", [
    "A man was shot on Friday in the Elm Park neighborhood, police said.",
    "A man was shot on Friday in Metropolis's Elm Park, police said.",
    "A man was shot on Friday in the city\u2019s Elm Park section.",
])
def test_a_town_the_story_writes_as_part_of_a_city_is_printed_with_it(text):
    named = as_part_of_city(PART, text, GAZETTEER, [])
    assert named.display == "Metropolis - Elm Park"
    assert (named.latitude, named.admin2) == (PART.latitude, PART.admin2)


@pytest.mark.parametrize("text", [
    "A man was shot on Friday in Elm Park, police said.",          # no sign it is a part
    "A man was shot on Friday in Oakdale's Elm Park, police said.",  # another owner
])
def test_a_town_not_written_as_part_of_the_city_keeps_its_own_name(text):
    assert as_part_of_city(PART, text, GAZETTEER, []).display == "Elm Park"


def test_a_big_city_is_no_part_of_another():
    text = "Shots were fired in the Metropolis neighborhood of nowhere."
    assert as_part_of_city(CITY, text, GAZETTEER, []).display == "Metropolis"


@pytest.mark.parametrize("text, location, admin2", [
    ("Man wounded in Kensington shooting\n\nA man was shot in the back on Friday afternoon in "
     "Philadelphia's Kensington section, police said.", "Philadelphia - Kensington",
     "Philadelphia County"),
    ("A woman was shot in the leg on Saturday in the Rogers Park neighborhood on the North "
     "Side, Chicago police said.", "Chicago - Rogers Park", "Cook County"),
])
def test_a_neighbourhood_of_a_big_city_is_placed_in_that_city(pipeline, text, location, admin2):
    document = analyse(pipeline, text, JANUARY_27)
    event = [m for m in document.mentions if m.role == "main"][0]
    assert (event.location, event.admin2) == (location, admin2)
