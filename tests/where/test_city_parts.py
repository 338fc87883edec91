"""A part of a big city printed the ACLED way, "City - Part", when the story writes it so."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.document import PlaceRef
from eventwire.where.city_parts import as_part_of_city, keep_parts_in_home_city
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


@pytest.mark.parametrize("text", [
    "CHICAGO - A gunman opened fire on a home in the Austin neighborhood on Sunday morning, "
    "wounding six people, police said.",
    "A 17-year-old boy accidentally shot himself on Thursday in the Washington Heights "
    "neighborhood on the Far South Side, Chicago police said.",
])
def test_a_part_of_the_storys_city_is_no_town_of_that_name_far_away(pipeline, text):
    """Chicago's Austin and Washington Heights are not in GeoNames' towns: Austin, Texas and
    Washington Heights, New York are no reading of them in a Chicago story, which places the
    event in Chicago, printed with the part's name."""
    [event] = [m for m in analyse(pipeline, text, JANUARY_27).mentions if m.role == "main"]
    assert (event.location.split(" - ")[0], event.admin1) == ("Chicago", "Illinois")


def test_a_part_of_a_town_the_story_names_stays_in_that_town(pipeline):
    text = "A man was shot on Sunday morning in the Mueller neighborhood of Austin, police said."
    [event] = [m for m in analyse(pipeline, text, JANUARY_27).mentions if m.role == "main"]
    assert event.admin1 == "Texas"


FAR_NAMESAKE = Place("gn:4", "Elm Park", "city", "United States", "US", 30.0, -97.0, "Texas",
                     "Travis County", population=900_000)
BIG_NAMESAKE = Place("gn:5", "Elm Park", "city", "United States", "US", 30.0, -97.0, "Texas",
                     "Travis County", population=2_000_000)


@pytest.mark.parametrize("text, kept", [("shot in the Elm Park neighborhood", False),
                                        ("shot in Elm Park", True)])
def test_only_a_name_written_as_a_part_of_a_city_is_moved_to_the_home_city(text, kept):
    ref = PlaceRef(text.index("Elm Park"), text.index("Elm Park") + 8, "Elm Park", 0)
    ref.place = FAR_NAMESAKE
    keep_parts_in_home_city([ref], [[FAR_NAMESAKE]], text, [CITY], [])
    assert (ref.place == FAR_NAMESAKE) == kept
    if not kept:
        assert (ref.place.place_id, ref.place.location) == ("part:elm-park:gn:1", "Metropolis - Elm Park")


@pytest.mark.parametrize("named, moved", [([CITY], True), ([CITY, SUBURB], False)])
def test_a_part_goes_to_a_city_the_story_names_only_when_it_names_one(named, moved):
    ref = PlaceRef(12, 20, "Elm Park", 0)
    ref.place = FAR_NAMESAKE
    keep_parts_in_home_city([ref], [[FAR_NAMESAKE]], "shot in the Elm Park neighborhood", [], named)
    assert (ref.place != FAR_NAMESAKE) == moved


def test_a_city_bigger_than_the_storys_is_no_part_of_it():
    """"the Aleppo neighbourhood of ..." in a story filed from Damascus: Aleppo is no part of
    the smaller Damascus."""
    ref = PlaceRef(12, 20, "Elm Park", 0)
    ref.place = BIG_NAMESAKE
    keep_parts_in_home_city([ref], [[BIG_NAMESAKE]], "shot in the Elm Park neighborhood", [CITY], [])
    assert ref.place == BIG_NAMESAKE


@pytest.mark.parametrize("text", ["shot in Jobar, an Elm Park neighborhood",
                                  "shelled the Elm Park neighborhoods of Tariq and Bustan"])
def test_a_neighbourhood_of_a_named_city_does_not_make_that_city_a_part(text):
    """"a Damascus neighborhood", "the Aleppo neighborhoods of ...": the name is the city whose
    parts they are, not a part called so."""
    ref = PlaceRef(text.index("Elm Park"), text.index("Elm Park") + 8, "Elm Park", 0)
    ref.place = FAR_NAMESAKE
    keep_parts_in_home_city([ref], [[FAR_NAMESAKE]], text, [CITY], [])
    assert ref.place == FAR_NAMESAKE


def test_shootings_in_two_parts_of_the_storys_city_stay_two_events(pipeline):
    """Both parts are placed at Chicago's point; they are still two places, so the deaths of
    the second shooting are not the first one's."""
    text = ("CHICAGO - A man was wounded by a police officer Saturday afternoon in the Washington "
            "Heights neighborhood, police said. Earlier on Saturday, a man and a woman were shot "
            "to death by officers answering a domestic call in the Austin neighborhood.")
    mentions = analyse(pipeline, text, JANUARY_27).mentions
    tolls = {m.location: (m.fatalities or 0, m.injured or 0) for m in mentions}
    assert tolls.get("Chicago - Washington Heights") == (0, 1)
    assert tolls.get("Chicago - Austin") == (2, 0)
