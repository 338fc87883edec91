"""What is not political violence gives no event (extractors/triggers.py, lexicon.toml): an
earthquake that "struck", an explosion of a gas cylinder with nobody named setting it off,
police work over counterfeit money, an order to shoot. Each is paired with the same wording that is an event (a
bomb explosion, arrested activists, gunmen blowing something up), so the rule cannot pass by
finding nothing. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import analyse, mentions_in

PUBLISHED = dt.date(2023, 12, 1)


def mentions(pipeline, text: str):
    return analyse(pipeline, text, PUBLISHED).mentions


@pytest.mark.parametrize("text", [
    "On 1 December 2023, an earthquake struck eastern Turkey, killing 12 people.",
    "An earthquake struck eastern Turkey on 1 December 2023, killing 12 people and injuring "
    "dozens.",
    "On 1 December 2023, a gas cylinder explosion at a restaurant in Kano killed five people.",
    "On 1 December 2023, police arrested ten people over counterfeit currency in Lagos.",
])
def test_disasters_accidents_and_police_work_give_no_event(pipeline, text):
    assert mentions(pipeline, text) == []


def test_a_bomb_explosion_at_a_market_is_an_event(pipeline):
    found = mentions(pipeline, "On 1 December 2023, a bomb explosion at a market in Kano killed "
                               "five people.")
    assert [(m.event_type, m.fatalities, m.country) for m in found] == \
        [("Explosions/Remote violence", 5, "Nigeria")]


def test_arresting_opposition_activists_is_an_event(pipeline):
    found = mentions(pipeline, "On 1 December 2023, police arrested ten opposition activists in "
                               "Lagos.")
    assert [(m.sub_event_type, m.actor1, m.country) for m in found] == \
        [("Arrests", "Police Forces of Nigeria", "Nigeria")]


@pytest.mark.parametrize("text, country", [
    ("On 1 December 2023, gunmen blew up a bank in Kano.", "Nigeria"),
    ("On 1 December 2023, gunmen blew up a bank in Kidal.", "Mali"),
])
def test_gunmen_blowing_up_a_bank_is_still_an_event(pipeline, text, country):
    found = mentions(pipeline, text)
    assert [(m.actor1, m.country) for m in found] == [(f"Unidentified Armed Group ({country})",
                                                       country)]


@pytest.mark.parametrize("text", [
    "On 1 December 2023, police arrested a man in Hyderabad on charges of selling pornographic "
    "videos.",
    "On 1 December 2023, police arrested two men in Lagos who robbed a bank last week.",
])
def test_arresting_people_over_crime_is_police_work(pipeline, text):
    assert mentions(pipeline, text) == []


def test_a_jailed_officer_lends_no_target_to_the_arrests_beside_him(pipeline):
    """A court jailed him: whom the police detained are the protesters, not the officer."""
    found = mentions(pipeline, "On 1 December 2023, a policeman charged with killing a teenager in "
                               "Athens has been jailed, while more than 400 protesters have been "
                               "detained over the riots.")
    assert all(m.actor2 != "Police Forces of Greece" for m in found)
    assert all(m.sub_event_type != "Arrests" for m in found)


def test_people_hurt_in_a_disaster_after_torrential_rain_are_no_attack(pipeline):
    text = ("On 1 December 2023, scores of people were injured in the disaster, set off by "
            "torrential rain on the hills above Cianjur.")
    assert mentions(pipeline, text) == []


def test_violence_in_a_sentence_about_a_natural_hazard_is_no_attack(pipeline):
    text = ("On 1 December 2023, a strong earthquake shook Java, and a motorcyclist was hit "
            "by falling rocks near Cianjur.")
    assert analyse(pipeline, text, published=dt.date(2023, 12, 1)).mentions == []


def test_a_protest_about_flood_relief_is_still_a_protest(pipeline):
    text = "On 1 December 2023, villagers staged a protest in Cianjur demanding relief after heavy rains."
    mentions = analyse(pipeline, text, published=dt.date(2023, 12, 1)).mentions
    assert [m.sub_event_type for m in mentions] == ["Peaceful protest"]


def test_an_event_noun_naming_a_unit_or_its_gear_is_no_event(pipeline):
    """"Riot squad officers" are police, not a riot; a riot is one."""
    assert mentions(pipeline, "On 1 December 2023, five riot squad officers with guns drawn "
                              "stood outside a house in Athens.") == []
    [riot] = mentions(pipeline, "On 1 December 2023, a riot broke out outside a house in Athens.")
    assert riot.event_type == "Riots"


@pytest.mark.parametrize("text", [
    "On 1 December 2023, during a national strike and demonstration, thousands of workers "
    "protested in Turin against pension cuts.",
    "On 1 December 2023, activists of the Women's Strike movement demonstrated in Uppsala "
    "against violence against women.",
])
def test_a_labour_strike_is_no_attack(pipeline, text):
    found = mentions_in(pipeline, text)
    assert [m.sub_event_type for m in found] == ["Peaceful protest"]


def test_a_military_strike_is_still_an_attack(pipeline):
    found = mentions_in(pipeline, "On 1 December 2023, an Israeli strike hit a house in Rafah.")
    assert [m.event_type for m in found] == ["Explosions/Remote violence"]


@pytest.mark.parametrize("order", [
    'On 1 December 2023, two robbers cornered a guard in Lagos and yelled, "Shoot him, shoot him."',
    'On 1 December 2023, a commander told his fighters over the radio: "Attack the convoy now."',
])
def test_an_order_to_attack_reports_no_attack(pipeline, order):
    assert mentions_in(pipeline, order) == []


def test_the_order_carried_out_is_an_attack(pipeline):
    found = mentions_in(pipeline, "On 1 December 2023, two robbers cornered a guard in Lagos and "
                                  "shot him.")
    assert [(m.event_type, m.location) for m in found] == [("Violence against civilians", "Lagos")]


@pytest.mark.parametrize("text", [
    "On 1 December 2023, nine passengers were killed when a minibus plunged off a bridge near "
    "Kano.",
    "On 1 December 2023, three workers were injured when a boiler exploded at a soap factory in "
    "Kano.",
    "On 1 December 2023, two people died in a collision between a lorry and a bus outside Kano.",
    "On 1 December 2023, police said two workers were killed when a furnace exploded at a steel "
    "mill in Kano.",
])
def test_the_toll_of_an_accident_is_no_attack(pipeline, text):
    assert mentions_in(pipeline, text) == []


def test_a_bare_toll_after_an_accident_is_that_accidents(pipeline):
    """The second sentence names no cause; the story's only violence was an accident."""
    text = ("On 1 December 2023, a storage tank exploded at a fertiliser plant in Kano. "
            "Six workers were injured and taken to hospital.")
    assert mentions_in(pipeline, text) == []


@pytest.mark.parametrize("text, sub_type", [
    ("On 1 December 2023, gunmen killed nine passengers after their minibus crashed near Kano.",
     "Attack"),
    ("On 1 December 2023, a roadside bomb exploded near a gas plant in Kirkuk, killing three "
     "soldiers.", "Remote explosive/landmine/IED"),
])
def test_an_attack_beside_an_accident_word_is_still_an_attack(pipeline, text, sub_type):
    assert [m.sub_event_type for m in mentions_in(pipeline, text)] == [sub_type]


@pytest.mark.parametrize("text", [
    "On 1 December 2023, the United States unveiled fresh sanctions against Venezuela, targeting "
    "ten officials in Caracas.",
    "On 1 December 2023, the administration targeted Russia with sweeping sanctions.",
    "On 1 December 2023, hackers attacked the campaign website of a candidate in Buenos Aires.",
    "On 1 December 2023, the opposition in Nairobi attacked the government's decision to raise taxes.",
])
def test_sanctions_words_and_websites_are_no_attack(pipeline, text):
    assert mentions(pipeline, text) == []


def test_a_murder_after_which_an_investigation_was_vowed_is_still_an_event(pipeline):
    found = mentions(pipeline, "On 1 December 2023, the president vowed an investigation after seven "
                               "people were murdered by vigilantes in Blantyre.")
    # vigilantes dealing out their own justice are a mob to ACLED; the murdered are the dead
    assert [(m.sub_event_type, m.actor1, m.fatalities) for m in found] == [
        ("Mob violence", "Rioters (Malawi)", 7)]
