"""The namesake tests taken alone (the resolver's use of them is tested in test_resolve.py)."""
from __future__ import annotations

from collections import Counter

import pytest

from eventwire.where.gazetteer import Place
from eventwire.where.namesakes import far_off

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
