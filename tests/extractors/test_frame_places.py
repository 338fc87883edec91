"""Which phrases of a sentence are the event's place (extractors/frame_places.py): sentences
written for these tests, through the real spaCy model and gazetteer."""
from __future__ import annotations

import pytest

from tests.conftest import only_mention


@pytest.mark.parametrize("corner", ["84th and Glendale", "Glendale & 84th", "N. 20th & Glendale"])
def test_a_street_corner_is_not_the_town_its_street_is_named_after(pipeline, corner):
    m = only_mention(pipeline, f"On 1 December 2023, a man was shot near {corner} in Milwaukee, "
                               "Wisconsin, police said.")
    assert m.location == "Milwaukee"


@pytest.mark.parametrize("where", ["in Idleb countryside", "on the outskirts of Idleb"])
def test_an_area_named_after_a_town_places_the_event_near_it(pipeline, where):
    m = only_mention(pipeline, f"On 1 December 2023, government forces shelled villages {where}.")
    assert (m.location, m.geo_precision) == ("Idlib", 2)


def test_a_place_name_that_only_modifies_is_no_place(pipeline):
    """"US troops": the troops' nation, not where they were attacked."""
    m = only_mention(pipeline, "On 1 December 2023, rockets were fired at US troops in Baghdad.")
    assert m.location == "Baghdad"


def test_a_place_in_a_bracket_after_a_town_is_the_area_it_lies_in(pipeline):
    m = only_mention(pipeline, "On 1 December 2023, unidentified gunmen killed two farmers in "
                               "Jaba (Jenin, West Bank).")
    assert (m.location, m.admin1) == ("Jaba", "West Bank")
