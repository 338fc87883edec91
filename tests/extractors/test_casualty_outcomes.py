"""Killed or injured, read as a coder reads it (extractors/casualties.py, [casualty_outcomes]):
how a victim was harmed ("shot dead", "fatally stabbed", "shot in the leg") decides the count,
one victim without a number counts one, coordinated verbs are one event, and words that count
nobody ("no one else was hurt") count nobody. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import analyse, only_mention as only


@pytest.mark.parametrize("text", [
    "On 1 December 2023, a teenager was shot dead in Kano.",
    "On 1 December 2023, a teenager was shot dead by gunmen in Kano.",
    "On 1 December 2023, a shopkeeper was fatally stabbed in Kano.",
])
def test_one_victim_shot_dead_or_fatally_stabbed_is_one_killed(pipeline, text):
    m = only(pipeline, text)
    assert m.fatalities == 1
    assert not m.injured
    assert (m.event_type, m.sub_event_type) == ("Violence against civilians", "Attack")
    assert m.actor2 == "Civilians (Nigeria)"


def test_a_man_shot_in_the_leg_is_injured_not_killed(pipeline):
    m = only(pipeline, "On 1 December 2023, a man was shot in the leg by unknown gunmen in Kano.")
    assert m.injured == 1
    assert m.fatalities == 0
    assert m.weapon == "firearms"


@pytest.mark.parametrize("text", [
    "On 1 December 2023, a man was shot and killed by gunmen in Kano.",
    "On 1 December 2023, a man was shot and killed in Kano.",
])
def test_shot_and_killed_is_one_event_with_one_killed(pipeline, text):
    m = only(pipeline, text)
    assert m.fatalities == 1
    assert not m.injured


@pytest.mark.parametrize("text", [
    "On 1 December 2023, a man died after he was shot by gunmen in Kano.",
    "On 1 December 2023, a man died after he was shot in Kano.",
])
def test_a_man_who_died_after_being_shot_is_killed_and_not_also_injured(pipeline, text):
    m = only(pipeline, text)
    assert m.fatalities == 1
    assert not m.injured


@pytest.mark.parametrize("text", [
    "On 1 December 2023, gunmen shot dead a trader in Kano. Police said no one else was hurt.",
    "On 1 December 2023, a trader was shot dead in Kano. No one else was hurt, police said.",
    "On 1 December 2023, a trader was shot dead in Kano. Police did not say whether anyone else "
    "was injured.",
])
def test_no_one_else_or_anyone_else_counts_nobody(pipeline, text):
    m = only(pipeline, text)
    assert m.fatalities == 1
    assert not m.injured


@pytest.mark.parametrize("text", [
    "On 1 December 2023, gunmen killed a trader in Kano, and no one else was hurt.",
    "On 1 December 2023, gunmen shot dead a trader in Kano, but no one else was injured.",
])
def test_no_one_else_in_the_same_sentence_counts_nobody(pipeline, text):
    m = only(pipeline, text)
    assert m.fatalities == 1
    assert not m.injured


@pytest.mark.parametrize("text", [
    "On 1 December 2023, two men were shot and wounded in Kano.",
    "On 1 December 2023, two men were shot and wounded by gunmen in Kano.",
])
def test_two_men_shot_and_wounded_is_one_event_with_two_injured(pipeline, text):
    m = only(pipeline, text)
    assert m.injured == 2
    assert m.fatalities == 0


def test_a_victim_shot_who_later_died_is_not_also_counted_injured(pipeline):
    document = analyse(pipeline, "On 1 December 2023, a man was shot outside a shop in Kano. "
                                 "The victim later died in hospital.", published=dt.date(2023, 12, 1))
    shooting = next(m for m in document.mentions if m.role == "main")
    assert shooting.fatalities == 1
    assert shooting.injured is None


def test_shooting_someone_hurts_them_unless_the_story_says_otherwise(pipeline):
    document = analyse(pipeline, "On 1 December 2023, a gunman shot a shopkeeper in Kano.",
                       published=dt.date(2023, 12, 1))
    assert document.mentions[0].injured == 1


def test_a_killing_with_its_body_found_in_the_same_sentence_is_one_event(pipeline):
    m = only(pipeline, "On 1 December 2023, in Kano, a man was killed and the body was found wrapped "
                       "in a blanket.")
    assert (m.fatalities, m.sub_event_type) == (1, "Attack")
