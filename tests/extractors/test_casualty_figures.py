"""Casualty figures as a coder reads them (extractors/casualties.py, numbers.py, frames.py,
mentions.py): a sentence-initial number counts its victims, a range counts its lowest figure,
an unspecified toll is ACLED's 10, casualties told before their attack join it, a headline's
victim counts one, and news with no date of its own is dated as reported. Sentences written
for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import only_mention as only


@pytest.mark.parametrize("text, killed", [
    ("Thirteen militants were killed in an army raid in Marib province on 1 December 2023.", 13),
    ("Thirteen militants were killed in clashes with government forces in Marib on 1 December "
     "2023.", 13),
    ("Twenty-two militants were killed in an army raid in Marib province on 1 December 2023.", 22),
])
def test_a_number_opening_the_sentence_counts_the_victims(pipeline, text, killed):
    assert only(pipeline, text).fatalities == killed


def test_a_sentence_initial_number_before_a_modified_noun_counts_the_victims(pipeline):
    m = only(pipeline, "Thirteen Houthi fighters were killed in clashes with government forces "
                       "in Marib on 1 December 2023.")
    assert m.fatalities == 13


@pytest.mark.parametrize("text, killed", [
    ("On 1 December 2023, 6-7 people were killed when gunmen attacked a village in Zamfara "
     "state.", 6),
    ("On 1 December 2023, 6 to 7 people were killed when gunmen attacked a village in Zamfara "
     "state.", 6),
    ("On 1 December 2023, gunmen attacked a village in Zamfara state and killed 10-12 people.", 10),
])
def test_a_range_of_figures_counts_the_lowest(pipeline, text, killed):
    assert only(pipeline, text).fatalities == killed


@pytest.mark.parametrize("text", [
    "On 1 December 2023, gunmen attacked a village in Zamfara state, leaving an unspecified "
    "number of fatalities.",
    "On 1 December 2023, gunmen opened fire on a bus in Zamfara state, leaving an unspecified "
    "number of fatalities.",
])
def test_an_unspecified_number_of_fatalities_is_coded_ten(pipeline, text):
    assert only(pipeline, text).fatalities == 10


def test_killing_an_unknown_number_is_coded_ten(pipeline):
    m = only(pipeline, "On 1 December 2023, militants attacked an army base in Kidal, killing an "
                       "unknown number of soldiers.")
    assert m.fatalities == 10


def test_casualties_told_before_the_attack_join_it(pipeline):
    m = only(pipeline, "On 1 December 2023, four soldiers were killed and two were wounded "
                       "following an attack by militants on a checkpoint in Kidal.")
    assert (m.fatalities, m.injured) == (4, 2)
    assert m.actor2 == "Military Forces of Mali"
    assert m.actor1 == "Unidentified Armed Group (Mali)"
    assert m.civilian_targeting is None  # "two were wounded" are soldiers, not civilians


def test_policemen_killed_after_gunmen_attacked_are_the_attack_s_victims(pipeline):
    m = only(pipeline, "On 1 December 2023, three policemen were killed after gunmen attacked a "
                       "police station in Zamfara state.")
    assert m.fatalities == 3
    assert m.actor2 == "Police Forces of Nigeria"


@pytest.mark.parametrize("text, actor1, country", [
    ("On 1 December 2023, the Israeli army conducted an airstrike and killed two civilians in "
     "Khan Younis.", "Military Forces of Israel", "Palestine"),
    ("On 1 December 2023, Russian forces carried out an airstrike and killed two civilians in "
     "Idlib.", "Military Forces of Russia", "Syria"),
])
def test_conducting_an_airstrike_and_killing_is_one_event(pipeline, text, actor1, country):
    m = only(pipeline, text)
    assert m.sub_event_type == "Air/drone strike"
    assert m.fatalities == 2
    assert (m.actor1, m.country) == (actor1, country)
    assert m.actor2 == f"Civilians ({country})"


def test_a_headline_victim_shot_to_death_counts_one_killed(pipeline):
    m = only(pipeline, "Woman shot to death in Detroit")
    assert m.fatalities == 1
    assert (m.location, m.country) == ("Detroit", "United States")


@pytest.mark.parametrize("text", [
    "On 1 December 2023, a man was shot in Detroit. A man's body was found near the scene hours "
    "later.",
    "On 1 December 2023, gunmen opened fire on a bar in Detroit, wounding three people. A man's "
    "body was found outside the bar.",
])
def test_a_body_found_after_a_shooting_adds_one_killed_to_it(pipeline, text):
    assert only(pipeline, text).fatalities == 1


@pytest.mark.parametrize("text", [
    "Gunmen killed a farmer in his field in Kano state, police said.",
    "Woman shot to death in Detroit",
])
def test_an_undated_event_is_dated_to_publication_at_week_precision(pipeline, text):
    published = dt.date(2023, 12, 5)
    m = only(pipeline, text, published)
    assert (m.event_date, m.time_precision) == (published, 2)


def test_an_event_with_its_own_date_keeps_it_at_day_precision(pipeline):
    m = only(pipeline, "On 1 December 2023, gunmen killed a farmer in his field in Kano state.",
             dt.date(2023, 12, 5))
    assert (m.event_date, m.time_precision) == (dt.date(2023, 12, 1), 1)


def test_a_killing_named_by_a_noun_counts_its_victim_for_a_violent_event_only(pipeline):
    shooting = only(pipeline, "On 1 December 2023, a shooting left a shop worker dead in Kano.")
    murder = only(pipeline, "On 1 December 2023, gunmen carried out the murder of a trader in Kano.")
    protest = only(pipeline, "On 1 December 2023, relatives staged a protest in Kano against the death "
                             "of a woman at a hospital.")
    assert (shooting.fatalities, murder.fatalities) == (1, 1)
    assert murder.sub_event_type == "Attack"  # the murdered trader is a civilian victim
    assert protest.fatalities in (0, None)


def test_a_fatal_shooting_with_no_toll_killed_at_least_one(pipeline):
    text = "On 1 December 2023, a fatal shooting at a market in Kano left residents in shock."
    assert only(pipeline, text).fatalities == 1


@pytest.mark.parametrize("text, dead", [
    ("On 1 December 2023, police began investigating the fatal shooting of two brothers and a "
     "cousin at a market in Kano.", 3),
    ("On 1 December 2023, a deadly shooting of four traders at a market in Kano shocked the city.", 4),
])
def test_a_deadly_events_of_phrase_names_its_dead(pipeline, text, dead):
    """"the fatal shooting of two brothers and a cousin": the "of" phrase of an event called
    deadly names the dead, as a killing's does."""
    assert only(pipeline, text).fatalities == dead


@pytest.mark.parametrize("text, dead", [
    ("On 1 December 2023, seven people were murdered by gunmen in Blantyre.", 7),
    ("On 1 December 2023, gunmen assassinated a village chief in Blantyre.", 1),
])
def test_the_murdered_and_assassinated_are_dead(pipeline, text, dead):
    assert only(pipeline, text).fatalities == dead


@pytest.mark.parametrize("text, killed, injured", [
    ("On 1 December 2023, five people were wounded in a shooting at a bar in Kano. One woman "
     "was wounded in the arm and a man was shot in the leg.", 0, 5),
    ("On 1 December 2023, three people were killed in a shooting at a bar in Kano. One man "
     "died at the scene.", 3, None),
])
def test_one_victim_told_apart_is_one_of_the_toll_not_a_lower_toll(pipeline, text, killed, injured):
    """ACLED's lowest figure settles figures that conflict; "One man died at the scene" after
    "three were killed" is one of the three."""
    m = only(pipeline, text)
    assert (m.fatalities, m.injured) == (killed, injured)


def test_conflicting_tolls_in_one_story_keep_the_lowest(pipeline):
    m = only(pipeline, "On 1 December 2023, gunmen killed 12 villagers in Kano, police said. "
                       "Residents said 15 villagers were killed in the attack.")
    assert (m.fatalities, sorted(m.fatalities_reported)) == (12, [12, 15])


@pytest.mark.parametrize("text, injured", [
    ("Officers are investigating a shooting that left five people injured late Friday night.", 5),
    ("Police are investigating a shooting that left three people injured early Saturday "
     "morning.", 3),
])
def test_the_event_that_left_people_hurt_is_not_one_of_them(pipeline, text, injured):
    """The parser hangs "injured" on "shooting": the people are hurt, the shooting is no
    victim (which, by the lowest figure, made the toll one)."""
    assert only(pipeline, text, dt.date(2016, 3, 12)).injured == injured


@pytest.mark.parametrize("headline", [
    "Two Charged With Fatally Shooting 17-Year-Old In Dayton",
    "Woman Accused Of Shooting 16-Year-Old Nephew In Akron",
])
def test_an_age_in_a_title_case_headline_is_one_victim(pipeline, headline):
    """"Shooting 17-Year-Old": the parser makes "Year" a compound carrying the number, which
    is an age, not seventeen victims (shot fatally, the one victim is dead)."""
    m = only(pipeline, f"{headline}\n\nPolice made an arrest on Friday.")
    assert (m.fatalities or 0) + (m.injured or 0) == 1
