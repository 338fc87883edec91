"""The namesake tests taken alone (the resolver's use of them is tested in test_resolve.py)."""
from __future__ import annotations

from collections import Counter

import pytest

from eventwire.where.gazetteer import Place
from eventwire.where.namesakes import far_off, town_over_its_district, town_over_other_names

DETROIT = Place("gn:1", "Detroit", "city", "United States", "US", 42.33, -83.05,
                admin1="Michigan", population=645_000)


def town(name: str, admin1: str, lat: float, lon: float, population: int, country: str = "US") -> Place:
    return Place(f"gn:{name}", name, "city", "x", country, lat, lon, admin1=admin1, population=population)


SUNSET_FL = town("Sunset", "Florida", 25.71, -80.35, 16_000)
NAMED_ONLY_HOME = (Counter({"US": 2}), Counter({("US", "Michigan"): 2}))


@pytest.mark.parametrize("place, named, expected", [
    (SUNSET_FL, NAMED_ONLY_HOME, True),  # small, far, in a state the story never names
    (SUNSET_FL, (Counter({"US": 3}), Counter({("US", "Michigan"): 2, ("US", "Florida"): 1})), False),
    (town("Dearborn", "Michigan", 42.32, -83.18, 109_000), NAMED_ONLY_HOME, False),  # its own state
    (town("Toledo", "Ohio", 41.66, -83.56, 270_000), NAMED_ONLY_HOME, False),  # near, and big
    (town("Bealeton", "Virginia", 38.57, -77.76, 4_400), NAMED_ONLY_HOME, True),
    (town("Sunset", "British Columbia", 49.22, -123.10, 36_500, "CA"), NAMED_ONLY_HOME, True),
    (town("Sunset", "British Columbia", 49.22, -123.10, 36_500, "CA"),
     (Counter({"US": 2, "CA": 1}), Counter({("US", "Michigan"): 2})), False),  # Canada named
])
def test_a_town_far_from_the_story_town_is_meant_only_where_the_story_names_its_state(
        place, named, expected):
    assert far_off(place, DETROIT, *named) is expected


LANCASTER_COUNTY = Place("adm2:US.PA.071", "Lancaster County", "admin2", "x", "US", 40.04, -76.25,
                         admin1="Pennsylvania", admin2="Lancaster County", population=222_000)
LANCASTER = Place("gn:5197079", "Lancaster", "city", "x", "US", 40.04, -76.31, admin1="Pennsylvania",
                  admin2="Lancaster County", population=59_000)
LANCASTER_OH = Place("gn:4516233", "Lancaster", "city", "x", "US", 39.71, -82.60, admin1="Ohio",
                     admin2="Fairfield County", population=40_000)
ERIE_COUNTY_OH = Place("adm2:US.OH.043", "Erie County", "admin2", "x", "US", 41.43, -82.70,
                       admin1="Ohio", admin2="Erie County", population=36_000)


@pytest.mark.parametrize("text, expected", [
    ("Lancaster", [LANCASTER, LANCASTER_OH]),  # a bare name: the towns, not the county around one
    ("Lancaster County", [LANCASTER_COUNTY, LANCASTER, LANCASTER_OH]),  # written as the county
])
def test_a_bare_name_shared_by_a_county_and_its_own_town_is_the_town(text, expected):
    assert town_over_its_district(text, [LANCASTER_COUNTY, LANCASTER, LANCASTER_OH]) == expected


def test_a_county_with_no_town_of_its_name_among_the_namesakes_stays():
    """Ohio has no town called Erie: its Erie County stays a candidate for "Erie"."""
    assert town_over_its_district("Erie", [ERIE_COUNTY_OH, LANCASTER]) == [ERIE_COUNTY_OH, LANCASTER]


EVANSTON = town("Evanston", "Illinois", 42.04, -87.69, 75_000)
RIDGEVILLE_SC = town("Ridgeville", "South Carolina", 33.10, -80.31, 1_900)
RIDGEVILLE_ON = town("Ridgeville", "Ontario", 43.04, -79.32, 800, "CA")
DARAA = town("Dar'a", "Daraa", 32.62, 36.10, 97_000, "SY")
DARAA_HAMLET = town("Daraa", "Homs", 34.70, 36.70, 600, "SY")


@pytest.mark.parametrize("found, name, kept", [
    # a town once so called gives way to a town of that very name in its country
    ([EVANSTON, RIDGEVILLE_SC], "Ridgeville", [RIDGEVILLE_SC]),
    # ... not to one abroad: the resolver weighs countries
    ([EVANSTON, RIDGEVILLE_ON], "Ridgeville", [EVANSTON, RIDGEVILLE_ON]),
    # a respelling of the town's own name is no other name
    ([DARAA, DARAA_HAMLET], "Daraa", [DARAA, DARAA_HAMLET]),
])
def test_a_town_called_so_beats_one_that_had_the_name_only_as_another(found, name, kept):
    assert town_over_other_names(found, name) == kept


def test_a_town_the_story_tells_of_keeps_any_of_its_names():
    """"Kensington" on a Pittsburgh station's site may be New Kensington, up the river."""
    new_kensington = town("New Kensington", "Pennsylvania", 40.57, -79.76, 12_700)
    kensington = town("Kensington", "Pennsylvania", 39.99, -75.13, 5_600)
    found = [new_kensington, kensington]
    near_pittsburgh = lambda place: place is new_kensington  # the resolver's test, by distance
    assert town_over_other_names(found, "Kensington", near_pittsburgh) == found
    assert town_over_other_names(found, "Kensington") == [kensington]
