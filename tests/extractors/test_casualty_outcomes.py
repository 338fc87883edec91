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


@pytest.mark.parametrize("text, field, count", [
    ("On 1 December 2023, Musa Bello and Sani Garba were shot and wounded in Kano.", "injured", 2),
    ("On 1 December 2023, a trader and his son were wounded by gunmen in Kano.", "injured", 2),
    # the tagger reads "Banks" as a plural: a surname after a first name is still one person
    ("On 1 December 2023, Musa Bello, Sani Garba and Troy Banks were shot dead in Kano.", "fatalities", 3),
])
def test_victims_named_one_by_one_each_count_one(pipeline, text, field, count):
    assert getattr(only(pipeline, text), field) == count


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


# ----------------------------------------------------------------- hurt without a casualty word
@pytest.mark.parametrize("text, injured", [
    ("On 1 December 2023, a 19-year-old man was hospitalized after a shooting in Kano.", 1),
    ("On 1 December 2023, a shooting in Kano left a woman in critical condition.", 1),
    ("On 1 December 2023, a trader was shot in Kano. He was listed in stable condition.", 1),
    ("On 1 December 2023, gunmen opened fire on a bus in Kano. Police found two passengers "
     "with gunshot wounds.", 2),
    ("On 1 December 2023, a shooting was reported in Kano. Officers said a man was suffering "
     "from a gunshot wound.", 1),
    ("On 1 December 2023, police found three boys at the scene of a shooting in Kano. Two of "
     "them had gunshot wounds to the legs.", 2),
    ("On 1 December 2023, a gunman opened fire at a bus station in Kano. One man was grazed by a "
     "bullet.", 1),
    ("On 1 December 2023, a stray bullet struck a 9-year-old girl in her bedroom in Kano.", 1),
])
def test_a_victim_hospitalized_in_critical_condition_or_with_wounds_is_injured(pipeline, text, injured):
    m = only(pipeline, text)
    assert m.injured == injured
    assert m.fatalities == 0


@pytest.mark.parametrize("text", [
    "On 1 December 2023, a guard got into an argument with two men in Kano and was shot in the leg.",
    "On 1 December 2023, a guard was treated in a Kano clinic after being shot outside a bar.",
    "On 1 December 2023, a guard was found shot outside a bar in Kano.",
])
def test_a_passive_without_its_own_subject_harms_the_clause_subject(pipeline, text):
    assert only(pipeline, text).injured == 1


def test_a_headline_participle_read_as_a_past_tense_still_harms_its_subject(pipeline):
    m = only(pipeline, "Man shot in face outside Kano market\n\nOn 1 December 2023, police "
                       "said the victim was recovering.")
    assert m.injured == 1


@pytest.mark.parametrize("text", [
    "Man shot, killed in Kano market\n\nThe attack happened on 1 December 2023, police said.",
    "On 1 December 2023, the 18-year-old was shot to death by a neighbour in Kano.",
    "On 1 December 2023, a woman was found dead in her flat in Kano after a shooting.",
    "On 1 December 2023, a shooting in Kano left one man dead. Police are investigating.",
])
def test_headline_and_age_victims_of_a_killing_count_one(pipeline, text):
    assert only(pipeline, text).fatalities == 1


def test_an_age_between_commas_is_no_death_toll(pipeline):
    m = only(pipeline, "Boy, 9, accidentally shot in Kano dies\n\nThe boy was shot on 1 December "
                       "2023 while playing with a loaded gun, police said.")
    assert m.fatalities == 1


def test_people_not_hurt_are_not_counted_injured(pipeline):
    m = only(pipeline, "On 1 December 2023, a man was shot dead outside a shop in Kano. Two "
                       "children who were with him were not hurt.")
    assert (m.fatalities, m.injured) == (1, None)


def test_a_wound_to_the_upper_body_is_no_dead_body(pipeline):
    m = only(pipeline, "On 1 December 2023, a guard was shot twice in the upper body in Kano.")
    assert m.fatalities == 0


@pytest.mark.parametrize("later", [
    "Police released body camera footage of the shooting on Monday.",
    "The owner of a body shop across the street called police.",
    "Witnesses said the car body was riddled with bullet holes.",
])
def test_a_body_that_names_a_camera_a_shop_or_a_car_is_no_dead_body(pipeline, later):
    m = only(pipeline, f"On 1 December 2023, a guard was shot and wounded in Kano. {later}")
    assert (m.fatalities, m.injured) == (0, 1)


def test_the_shot_who_lived_are_all_injured_though_one_is_told_of_first(pipeline):
    m = only(pipeline, "Toddler among 3 shot in Kano\n\nOn 1 December 2023, a 3-year-old girl was "
                       "injured by flying glass and a 4-year-old boy was among three people wounded "
                       "in a shooting in Kano.")
    assert (m.fatalities, m.injured) == (0, 3)


@pytest.mark.parametrize("text, injured", [
    ("On 1 December 2023, a gunman fired into a home in Kano, striking a child in the shoulder.", 1),
    ("On 1 December 2023, gunmen opened fire on a bus in Kano, hitting two passengers.", 2),
    ("On 1 December 2023, gunmen fired at a police post in Kano, hitting a wall.", None),
])
def test_whom_a_burst_of_fire_struck_was_hurt(pipeline, text, injured):
    assert only(pipeline, text).injured == injured


@pytest.mark.parametrize("text", [
    "Relatives of shooter among 7 slain by Kano gunman\n\nOn 1 December 2023, a gunman opened "
    "fire at a family gathering in Kano.",
    "On 1 December 2023, two children were among seven people killed when a gunman opened fire "
    "at a family gathering in Kano.",
])
def test_people_among_a_number_killed_are_some_of_that_number(pipeline, text):
    assert only(pipeline, text).fatalities == 7


@pytest.mark.parametrize("victims, killed", [
    ("A man, a woman and two teenagers were", 4),
    ("The victims, a man and a woman, were", 2),
    ("Two people, a man and a woman, were", 2),
    ("Two men, a woman and a boy were", 4),
    ("Musa Bello, a father of three, was", 1),
])
def test_people_listed_count_once_each(pipeline, victims, killed):
    m = only(pipeline, f"On 1 December 2023, {victims} killed in a shooting in Kano.")
    assert m.fatalities == killed


def test_everyone_said_to_be_shot_counts_though_one_victim_is_described_again(pipeline):
    m = only(pipeline, "On 1 December 2023, a 22-year-old man and a 16-year-old boy were shot in "
                       "Kano. The boy was shot in the back and taken to hospital.")
    assert m.injured == 2


def test_a_toll_told_late_in_a_story_of_one_event_is_that_events(pipeline):
    m = only(pipeline, "On 1 December 2023, gunmen opened fire at a market in Kano. "
                       "Officers found a trader lying near his stall. Witnesses said two men ran "
                       "from the market. The trader was rushed to hospital, where he was pronounced "
                       "dead.")
    assert m.fatalities == 1


def test_one_figure_for_the_killed_and_wounded_together_counts_neither(pipeline):
    m = only(pipeline, "On 1 December 2023, five soldiers were killed and wounded in an ambush "
                       "near Daraa.", published=dt.date(2023, 12, 2))
    assert (m.fatalities, m.injured) == (0, None)


def test_an_elliptic_second_figure_counts_its_own_victims(pipeline):
    m = only(pipeline, "On 1 December 2023, two soldiers were killed and five wounded in an ambush "
                       "near Daraa.", published=dt.date(2023, 12, 2))
    assert (m.fatalities, m.injured) == (2, 5)


@pytest.mark.parametrize("text, killed, injured", [
    ("On 1 December 2023, one guard died and a second was injured when gunmen attacked a bank in "
     "Kano.", 1, 1),
    ("On 1 December 2023, a shootout at a bank in Kano left a guard injured.", 0, 1),
    ("On 1 December 2023, a blast at a bank in Kano left two guards wounded.", 0, 2),
])
def test_an_ordinal_victim_and_a_victim_left_so_are_counted(pipeline, text, killed, injured):
    m = only(pipeline, text)
    assert (m.fatalities, m.injured) == (killed, injured)


def test_a_victim_in_a_relative_clause_counts_as_the_noun_it_describes(pipeline):
    m = only(pipeline, "On 1 December 2023, the daughter of Musa Bello, 51, who was shot and killed "
                       "in his Kano home, said she could not understand why anyone would do it.")
    assert m.fatalities == 1


def test_a_death_told_about_the_people_of_a_protest_is_not_its_toll(pipeline):
    m = only(pipeline, "On 1 December 2023, relatives of a man who died in a road accident blocked "
                       "the Kano road in protest, demanding a speed bump.")
    assert m.event_type == "Protests"
    assert m.fatalities == 0


@pytest.mark.parametrize("text", [
    "On 1 December 2023, homicide detectives in Kano questioned two men.",
    "On 1 December 2023, a Homicide investigator in Kano spoke to the family.",
])
def test_a_post_or_squad_named_by_its_crime_reports_no_event(pipeline, text):
    assert analyse(pipeline, text, published=dt.date(2023, 12, 1)).mentions == []


def test_a_death_told_in_a_sentence_of_its_own_is_the_shooting_s_not_the_arrest_s(pipeline):
    """Four sentences after the shooting, beside an arrest and a charge of murder that places
    and dates nothing: the one violent event the story reports takes it."""
    story = ("Kano teen charged with murder\n\nA 17-year-old has been charged with murder in "
             "connection with a shooting south of Kano. The teen was charged on Wednesday "
             "with murder in the first degree by the state prosecutor's office. She was charged "
             "as an adult and could face life in prison. Court records show she is charged in the shooting death of 38-year-old Musa "
             "Bello. She was arrested and taken to a juvenile centre in Kano.")
    found = analyse(pipeline, story, published=dt.date(2023, 12, 1)).mentions
    arrests = [e for e in found if e.sub_event_type == "Arrests"]
    assert len(arrests) == 1 and arrests[0].fatalities == 0
    assert [e.fatalities for e in found if e not in arrests] == [1]


@pytest.mark.parametrize("text", [
    "On 1 December 2023, two teens were shot in Kano. Both were taken to a hospital, where they "
    "died the next day.",
    "On 1 December 2023, both teens died after gunmen opened fire on a bus in Kano.",
])
def test_both_and_a_they_that_stands_for_them_count_two(pipeline, text):
    m = only(pipeline, text)
    assert (m.fatalities, m.injured) == (2, None)


def test_they_as_someone_elses_object_counts_nobody(pipeline):
    """"shot them dead": who "them" are is not the subject before it (the three gunmen)."""
    m = only(pipeline, "On 1 December 2023, three gunmen stopped a couple on a road near Kano and "
                       "shot them dead.")
    assert m.fatalities in (0, 2)  # not read, or the couple; never the three gunmen


@pytest.mark.parametrize("text, killed, injured", [
    ("On 1 December 2023, Musa Bello, 29, was killed along with Sani Audu, 20, in a double "
     "homicide in Kano.", 2, None),
    ("On 1 December 2023, a soldier was wounded together with two civilians in Kano.", 0, 3),
    ("On 1 December 2023, a woman was shot in Kano. She was taken to hospital, where she was later "
     "pronounced deceased.", 1, None),
])
def test_people_harmed_along_with_the_victims_and_the_pronounced_deceased_count(pipeline, text,
                                                                                killed, injured):
    m = only(pipeline, text)
    assert (m.fatalities, m.injured) == (killed, injured)


def test_a_day_after_killed_is_no_death_toll(pipeline):
    """"Was shot and killed Jan. 11": the parser may take "Jan. 11" for the killed."""
    m = only(pipeline, "Ciara Meyer was shot and killed Jan. 11 in Kano, police said.")
    assert m.fatalities == 1


def test_dying_of_a_gunshot_wound_is_a_shooting_with_one_killed(pipeline):
    m = only(pipeline, "On 1 December 2023, a 47-year-old woman died of a gunshot wound at her home in Kano.")
    assert (m.weapon, m.fatalities) == ("firearms", 1)


def test_a_bullet_that_hit_a_wall_hurt_nobody(pipeline):
    m = only(pipeline, "On 1 December 2023, a stray bullet hit the wall of a house in Kano.")
    assert m.injured in (0, None)


def test_one_who_shot_himself_is_hurt_but_not_one_who_hurt_himself_fleeing(pipeline):
    shot = only(pipeline, "On 1 December 2023, a 4-year-old boy shot himself in the leg with his "
                          "grandfather's pistol at a home in Kano.")
    fell = only(pipeline, "On 1 December 2023, a man opened fire on officers in Kano, then jumped over "
                          "a wall and fell 25 feet, injuring himself.")
    assert (shot.injured, fell.injured) == (1, None)


@pytest.mark.parametrize("text", [
    "On 1 December 2023, a man was shot in Kano and later died at a hospital.",
    "On 1 December 2023, the victim, whose name was not released, was shot in Kano and died "
    "hours later.",
])
def test_one_shot_who_later_died_is_one_killed(pipeline, text):
    """"was shot ... and later died": "died" shares the subject of "was shot"."""
    m = only(pipeline, text)
    assert (m.fatalities, m.injured) == (1, None)


def test_hit_many_times_is_one_victim_hit(pipeline):
    """"shot her multiple times": how often, not how many ("times" can be parsed as the
    object, "her" as its possessive)."""
    m = only(pipeline, "On 1 December 2023, a gunman shot her multiple times in Kano, police said.")
    assert m.injured == 1


@pytest.mark.parametrize("found, killed", [
    ("Officers found a man dead inside the house.", 1),
    ("Officers found two men dead inside the house.", 2),
    ("Officers found the victim dead in his car.", 1),
])
def test_people_found_dead_after_a_shooting_are_killed(pipeline, found, killed):
    """"found two men dead": the parser hangs "dead" after the victims, or makes it a clause
    whose subject they are; either way they are the shooting's dead."""
    m = only(pipeline, f"On 1 December 2023, police in Kano investigated a shooting. {found}")
    assert (m.fatalities, m.injured) == (killed, None)


def test_a_homicide_victim_is_dead(pipeline):
    """"the homicide victim": a victim named by a killing is dead, not injured, though the
    story goes on "was shot in the head"."""
    m = only(pipeline, "Kano homicide victim named\n\nThe Kano homicide victim is Musa Bello. "
                       "On 1 December 2023 the victim was shot in the head, police said.")
    assert (m.fatalities, m.injured) == (1, None)


@pytest.mark.parametrize("text, toll", [
    ("On 1 December 2023, one man was killed and six others were shot at a market in Kano.", (1, 6)),
    ("One killed, six others shot at Kano market\n\nPolice are investigating.", (1, 6)),
    ("On 1 December 2023, a man was shot and killed at a market in Kano.", (1, None)),
    ("On 1 December 2023, a trader died after he was shot at a market in Kano.", (1, None)),
])
def test_others_shot_beside_the_dead_are_hurt_and_one_shot_and_killed_is_dead(pipeline, text, toll):
    """"one man was killed and six others were shot": each verb has its own victims, and the
    others were hurt besides the dead; "was shot and killed" is one victim, dead."""
    m = only(pipeline, text)
    assert (m.fatalities, m.injured) == toll
