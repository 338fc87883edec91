"""Which phrases of a sentence are the event's place (extractors/frame_places.py): sentences
written for these tests, through the real spaCy model and gazetteer."""
from __future__ import annotations

import pytest

from tests.conftest import analyse, only_mention


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


def test_a_preposition_joined_to_another_places_the_event_too(pipeline):
    """"around al-Mayadin and near Albu Kamal": the parser hangs "near" on "around", and each
    town is a strike of its own (ACLED codes one event per location)."""
    text = ("On 2 February 2024, US aircraft struck sites in the Deir ez-Zor desert around "
            "al-Mayadin and near Albu Kamal, the main crossing point with Iraq.")
    places = {m.location for m in analyse(pipeline, text).mentions}
    assert {"Al Mayadin", "Albu Kamal"} <= places


def test_a_capitalised_word_the_parser_joins_as_a_preposition_opens_a_name(pipeline):
    """"At Taamre" is a place's name, not "at" the areas: seizing land in it is no attack on
    a place, and no territory taken."""
    m = only_mention(pipeline, "On 30 November 2023, Israeli forces seized hundreds of dunams of "
                               "Palestinian-owned lands in Arab ar Rashaydah and At Taamre areas "
                               "(Bethlehem, West Bank).")
    assert m.sub_event_type == "Looting/property destruction"


@pytest.mark.parametrize("text", [
    "On 1 December 2023, a Kano man accused of shooting his wife was taken into custody in Zaria.",
    "On 1 December 2023, a Kano man accused of shooting his brother was arrested in Zaria.",
])
def test_where_a_suspect_was_taken_into_custody_is_not_where_he_shot(pipeline, text):
    """"taken into custody in Zaria", "arrested in Zaria": where the police caught him, not
    the shooting's place."""
    shootings = [m for m in analyse(pipeline, text).mentions if m.sub_event_type in ("Attack", "Armed clash")]
    assert shootings and all(m.location != "Zaria" for m in shootings)


def test_an_arrest_keeps_the_place_it_was_made_in(pipeline):
    m = only_mention(pipeline, "On 1 December 2023, police arrested three men in Zaria.")
    assert (m.sub_event_type, m.location) == ("Arrests", "Zaria")
