"""Demonstrations coded as ACLED codes them (extractors/protests.py, mentions.py crowd actors):
one event per demonstration, typed by what happened at it, the crowd of the event's country as
actor 1 and the forces that intervened as actor 2. Sentences written for these tests, through
the real spaCy model, gazetteer and actor table."""
from __future__ import annotations

import pytest

from tests.conftest import DECEMBER_1 as PUBLISHED, mentions_in as mentions, only_mention as only


# ------------------------------------------------------------------ peaceful protests
def test_a_peaceful_march_is_a_peaceful_protest_by_the_countrys_protesters(pipeline):
    m = only(pipeline, "On 1 December 2023, hundreds of protesters marched peacefully through "
                       "central Nairobi to demand lower fuel prices.")
    assert (m.event_type, m.sub_event_type) == ("Protests", "Peaceful protest")
    assert m.disorder_type == "Demonstrations"
    assert m.actor1 == "Protesters (Kenya)"
    assert m.actor2 is None
    assert m.location == "Nairobi" and m.event_date == PUBLISHED
    assert m.fatalities == 0


def test_marches_held_by_demonstrators_are_a_peaceful_protest(pipeline):
    # the lemmatizer reads the noun "marches" as "marche": lexicon.toml [lemma_fixes]
    m = only(pipeline, "On 1 December 2023, demonstrators held marches in Nairobi in solidarity "
                       "with striking doctors.")
    assert m.sub_event_type == "Peaceful protest" and m.location == "Nairobi"


def test_a_named_organiser_is_associated_with_the_protesters(pipeline):
    m = only(pipeline, "On 1 December 2023, members of the Kenya National Union of Teachers marched "
                       "in Nairobi to demand unpaid salaries.")
    assert m.sub_event_type == "Peaceful protest"
    assert m.actor1 == "Protesters (Kenya)"
    assert m.assoc_actor_1 is not None and "Kenya National Union of Teachers" in m.assoc_actor_1


@pytest.mark.xfail(strict=True, reason="an unnamed union leaves assoc_actor_1 empty: the actor table reads "
                                       "'members of a teachers' union' as nothing and 'teachers' as "
                                       "Civilians (Kenya), though actor_nouns.toml has 'Teachers ({country})'")
def test_an_unnamed_union_of_teachers_is_associated_with_the_protesters(pipeline):
    m = only(pipeline, "On 1 December 2023, members of a teachers' union marched through Nairobi to "
                       "demand unpaid salaries.")
    assert m.actor1 == "Protesters (Kenya)"
    assert m.assoc_actor_1 == "Teachers (Kenya)"


# ------------------------------------------------------------------ crowds vs forces
def test_residents_blocking_a_road_is_a_protest(pipeline):
    m = only(pipeline, "On 1 December 2023, residents blocked a road in Kisumu to protest against "
                       "frequent power cuts.")
    assert m.sub_event_type == "Peaceful protest"
    assert m.actor1 == "Protesters (Kenya)"
    assert m.location == "Kisumu"


def test_troops_blocking_a_road_is_no_protest_but_a_restriction(pipeline):
    found = mentions(pipeline, "On 1 December 2023, troops blocked a road near Goma.")
    assert [m.sub_event_type for m in found] == ["Change to group/activity"]


def test_protesters_who_gathered_in_a_relative_clause_are_no_event_by_themselves(pipeline):
    assert mentions(pipeline, "On 1 December 2023, the governor of Kano met protesters who had "
                              "gathered outside his office.") == []


def test_a_relative_clause_does_not_split_the_protest_it_describes(pipeline):
    m = only(pipeline, "On 1 December 2023, police dispersed protesters who had gathered outside "
                       "parliament in Nairobi.")
    assert m.sub_event_type == "Protest with intervention"
    assert m.actor2 == "Police Forces of Kenya"


# ------------------------------------------------------------------ intervention
@pytest.mark.parametrize("text", [
    "On 1 December 2023, police used tear gas to disperse protesters in Nairobi.",
    "On 1 December 2023, police beat protesters with batons in Nairobi.",
    "On 1 December 2023, police arrested 20 protesters in Nairobi.",
])
def test_police_acting_against_a_protest_is_one_protest_with_intervention(pipeline, text):
    m = only(pipeline, text)  # one event: no separate attack on civilians or arrests
    assert (m.event_type, m.sub_event_type) == ("Protests", "Protest with intervention")
    assert m.actor1 == "Protesters (Kenya)"
    assert m.actor2 == "Police Forces of Kenya"
    assert m.civilian_targeting is None


@pytest.mark.parametrize("text", [
    "On 1 December 2023, police fired tear gas to disperse protesters in Nairobi.",
    "On 1 December 2023, police fired tear gas at protesters in Nairobi.",
])
def test_police_firing_tear_gas_at_protesters_is_a_protest_with_intervention(pipeline, text):
    m = only(pipeline, text)
    assert m.sub_event_type == "Protest with intervention"
    assert m.actor2 == "Police Forces of Kenya"


@pytest.mark.parametrize("text", [
    "On 1 December 2023, hundreds of people protested in Nairobi against new taxes. "
    "Police fired tear gas to disperse them.",
    "On 1 December 2023, teachers marched on parliament in Nairobi. Police fired tear gas at them.",
])
def test_police_dispersing_the_protest_in_the_next_sentence_are_actor2(pipeline, text):
    """Tear gas a sentence after a protest is used on its crowd, and is the same event."""
    m = only(pipeline, text)
    assert m.sub_event_type == "Protest with intervention"
    assert m.actor1 == "Protesters (Kenya)"
    assert m.actor2 == "Police Forces of Kenya"


def test_what_the_crowd_and_the_forces_did_next_told_with_pronouns_is_the_protest(pipeline):
    """"They threw stones at police", "Soldiers opened fire on them": the crowd and the
    forces of the protest just told, one event with both sides."""
    riot = only(pipeline, "On 1 December 2023, teachers marched in Nairobi. They threw stones at police.")
    assert (riot.sub_event_type, riot.actor1, riot.actor2) == (
        "Violent demonstration", "Rioters (Kenya)", "Police Forces of Kenya")
    shot = only(pipeline, "On 1 December 2023, teachers marched in Nairobi. Soldiers opened fire "
                          "on them, killing two.")
    assert (shot.sub_event_type, shot.actor2, shot.fatalities) == (
        "Excessive force against protesters", "Military Forces of Kenya", 2)


def test_another_groups_violence_after_a_protest_says_nothing_of_how_it_went(pipeline):
    found = mentions(pipeline, "On 1 December 2023, teachers marched in Nairobi. The same day "
                               "gunmen shot dead a farmer in Kisumu.")
    assert sorted(m.sub_event_type for m in found) == ["Attack", "Peaceful protest"]


def test_police_acting_during_a_demonstration_are_actor2_with_their_evidence(pipeline):
    """One frame holds the demonstration and the police's verb: the police are actor 2 and
    the crowd actor 1, and each field's evidence is its own phrase."""
    m = only(pipeline, "On 1 December 2023, police fired tear gas at protesters during a "
                       "demonstration in Nairobi.")
    assert (m.actor1, m.actor2) == ("Protesters (Kenya)", "Police Forces of Kenya")
    sides = {(e.field, e.text) for e in m.evidence if e.field in ("actor1", "actor2")}
    assert sides == {("actor1", "protesters"), ("actor2", "police")}


def test_tear_gas_on_a_crowd_in_another_town_is_another_protest(pipeline):
    found = mentions(pipeline, "On 1 December 2023, teachers protested in Nairobi. In Mombasa, "
                               "police fired tear gas at demonstrators.")
    assert sorted((m.location, m.actor2) for m in found) == [
        ("Mombasa", "Police Forces of Kenya"), ("Nairobi", None)]


# ------------------------------------------------------------------ excessive force
def test_live_fire_killing_protesters_is_excessive_force_with_the_dead(pipeline):
    m = only(pipeline, "On 1 December 2023, security forces opened fire with live ammunition on "
                       "protesters in Khartoum, killing three of them.")
    assert (m.event_type, m.sub_event_type) == ("Protests", "Excessive force against protesters")
    assert m.actor1 == "Protesters (Sudan)"
    assert m.actor2 == "Military Forces of Sudan"
    assert m.fatalities == 3


def test_protesters_shot_dead_by_police_is_excessive_force(pipeline):
    m = only(pipeline, "On 1 December 2023, two protesters were shot dead by police in Lagos.")
    assert m.sub_event_type == "Excessive force against protesters"
    assert m.actor1 == "Protesters (Nigeria)"
    assert m.actor2 == "Police Forces of Nigeria"
    assert m.fatalities == 2


def test_police_shooting_dead_protesters_counts_the_dead(pipeline):
    m = only(pipeline, "On 1 December 2023, police shot dead two protesters in Lagos.")
    assert m.sub_event_type == "Excessive force against protesters"
    assert m.fatalities == 2


def test_police_killing_protesters_is_excessive_force(pipeline):
    m = only(pipeline, "On 1 December 2023, police killed two protesters in Lagos.")
    assert m.sub_event_type == "Excessive force against protesters"
    assert m.fatalities == 2


# ------------------------------------------------------------------ violent demonstrations
@pytest.mark.parametrize("text", [
    "On 1 December 2023, hundreds of protesters threw stones at police and torched cars in Kano "
    "during a demonstration against fuel prices.",
    "On 1 December 2023, hundreds of protesters marched in Kano against fuel prices, throwing "
    "stones at police.",
])
def test_protesters_throwing_stones_or_torching_is_a_violent_demonstration_by_rioters(pipeline, text):
    m = only(pipeline, text)
    assert (m.event_type, m.sub_event_type) == ("Riots", "Violent demonstration")
    assert m.disorder_type == "Demonstrations"
    assert m.actor1 == "Rioters (Nigeria)"


def test_protesters_throwing_stones_alone_is_a_violent_demonstration(pipeline):
    m = only(pipeline, "On 1 December 2023, protesters threw stones at police in Kano.")
    assert (m.event_type, m.sub_event_type) == ("Riots", "Violent demonstration")
    assert m.actor1 == "Rioters (Nigeria)"
    assert m.location == "Kano"


def test_the_police_stoned_by_rioters_are_not_replaced_by_the_protesters(pipeline):
    m = only(pipeline, "On 1 December 2023, protesters threw stones at police in Kano.")
    assert m.actor1 == "Rioters (Nigeria)"
    assert m.actor2 == "Police Forces of Nigeria"


def test_rioters_at_a_demonstration_riot_as_demonstrators(pipeline):
    m = only(pipeline, "On 1 December 2023, rioters clashed with police during a demonstration "
                       "against fuel prices in Kano.")
    assert (m.sub_event_type, m.actor1) == ("Violent demonstration", "Rioters (Nigeria)")


def test_rioters_clashing_with_forces_during_a_raid_are_a_mob(pipeline):
    """ACLED: rioters who fight the forces outside any demonstration (during a raid) are mob
    violence; the forces they fight are actor 2."""
    m = only(pipeline, "On 1 December 2023, Palestinian rioters clashed with Israeli forces "
                       "during an Israeli raid in Jenin.")
    assert (m.sub_event_type, m.actor1, m.actor2) == ("Mob violence", "Rioters (Palestine)",
                                                      "Military Forces of Israel")


def test_protesters_torching_a_police_station_is_a_violent_demonstration(pipeline):
    m = only(pipeline, "On 1 December 2023, protesters torched a police station in Kano.")
    assert m.sub_event_type == "Violent demonstration"
    assert m.actor1 == "Rioters (Nigeria)"


def test_protesters_setting_fire_to_a_police_station_is_a_violent_demonstration(pipeline):
    m = only(pipeline, "On 1 December 2023, angry protesters set fire to a police station in Kano.")
    assert m.sub_event_type == "Violent demonstration"
    assert m.actor1 == "Rioters (Nigeria)"


def test_an_attack_the_protest_denounces_is_not_police_action_against_it(pipeline):
    found = mentions(pipeline, "On 1 December 2023, protesters held a march in Kano to denounce "
                               "military attacks on villages in the north.")
    protests = [m for m in found if m.event_type == "Protests"]
    assert [m.sub_event_type for m in protests] == ["Peaceful protest"]


def test_how_a_protest_went_is_read_in_the_sentences_after_it(pipeline):
    found = mentions(pipeline, "On 1 December 2023, residents held a demonstration in Sorong over water "
                               "cuts. They sang and waved flags. Later they threw rocks at the police.")
    assert [m.sub_event_type for m in found if m.event_type in ("Protests", "Riots")] \
        == ["Violent demonstration"]


@pytest.mark.parametrize("text, location", [
    ("On 1 December 2023, local residents staged a march in Ahvaz.", "Ahvaz"),
    ("On 30 November 2023, in Morelia, Michoacan, teachers started a sit-in outside the offices "
     "of the Ministry of Education.", "Morelia"),
])
def test_a_staged_march_and_a_sit_in_are_peaceful_protests(pipeline, text, location):
    m = only(pipeline, text)
    assert (m.sub_event_type, m.location) == ("Peaceful protest", location)


def test_a_killing_told_about_the_protesters_is_not_the_news(pipeline):
    """The shooting is told in a clause about whose relatives protest: the vigil is the news."""
    found = mentions(pipeline, "On 1 December 2023, the families of two brothers who were "
                               "killed in a stabbing held a vigil and protested in Tupelo to "
                               "demand justice.")
    assert {m.sub_event_type for m in found if m.role == "main"} == {"Peaceful protest"}
    assert [m.role for m in found if m.event_type != "Protests"] == ["background"]


# ------------------------------------------------------------------ a crowd that is no protest
@pytest.mark.parametrize("text", [
    "On 1 December 2023, a gunman opened fire on a crowd outside a nightclub in Orlando, killing "
    "two people.",
    "On 1 December 2023, three young men who had been told to leave a house party in Bakersfield "
    "came back and opened fire into a crowd of teenagers, wounding 14 people, police said.",
])
def test_a_gunman_firing_into_a_crowd_attacks_civilians(pipeline, text):
    m = [m for m in mentions(pipeline, text) if m.role == "main"][0]
    assert m.event_type == "Violence against civilians", m.sub_event_type


@pytest.mark.parametrize("text, sub_event_type", [
    ("On 1 December 2023, soldiers opened fire on a crowd in Kidal, killing three people.",
     "Excessive force against protesters"),
    ("On 1 December 2023, tear gas was fired at the crowd in Nairobi.", "Protest with intervention"),
])
def test_forces_acting_on_a_crowd_are_still_a_crackdown(pipeline, text, sub_event_type):
    assert only(pipeline, text).sub_event_type == sub_event_type


def test_a_town_with_its_areas_bracketed_is_where_the_protest_was_even_inside_its_cause(pipeline):
    """The parse hangs "in Port Sudan" on what the crowd protests about; the areas a coder's
    note brackets after a town still say that is where it gathered."""
    m = only(pipeline, "On 1 December 2023, a crowd demonstrated against UAE support of RSF in "
                       "Port Sudan (Port Sudan, Red Sea), waving flags and calling for the UAE "
                       "envoy to be expelled.")
    assert (m.sub_event_type, m.location, m.country) == ("Peaceful protest", "Port Sudan", "Sudan")


def test_protesters_hurt_when_police_dispersed_them_is_excessive_force(pipeline):
    """ACLED: force that kills or seriously injures peaceful protesters is excessive; tear gas
    alone is an intervention (above)."""
    m = only(pipeline, "On 1 December 2023, dozens of protesters were injured in Nairobi as "
                       "police fired tear gas and rubber bullets to disperse them.")
    assert (m.sub_event_type, m.actor2) == ("Excessive force against protesters",
                                            "Police Forces of Kenya")


# ------------------------------------------------------------------ cues for how a protest went
@pytest.mark.parametrize("text", [
    "On 1 December 2023, violent protests erupted in Kano over fuel prices.",
    "On 1 December 2023, a protest against fuel prices in Kano turned violent.",
    "On 1 December 2023, rival groups held aggressive demonstrations against each other in Kano.",
    "On 1 December 2023, dozens were arrested at a demonstration in Kano after projectiles were "
    "thrown at police.",
    "On 1 December 2023, protesters pulled down the gates of the governor's office in Kano "
    "during a demonstration against fuel prices.",
])
def test_a_protest_told_as_violent_is_a_violent_demonstration(pipeline, text):
    assert only(pipeline, text).sub_event_type == "Violent demonstration"


def test_a_non_violent_demonstration_is_not_violent(pipeline):
    m = only(pipeline, "On 1 December 2023, a non-violent demonstration against fuel prices was "
                       "held in Kano.")
    assert m.sub_event_type == "Peaceful protest"


@pytest.mark.parametrize("text", [
    "On 1 December 2023, police launched a violent crackdown on demonstrators in Kano.",
    "On 1 December 2023, demonstrators suffered serious injuries as police dispersed a protest "
    "in Kano.",
])
def test_a_violent_crackdown_or_serious_injuries_are_excessive_force(pipeline, text):
    assert only(pipeline, text).sub_event_type == "Excessive force against protesters"


def test_a_capitalised_crowd_after_a_dateline_is_still_the_crowd(pipeline):
    """After "KANO (Reuters) -" the tagger may take "Protesters" for a name; the protesters
    still threw the rocks."""
    m = only(pipeline, "December 1, 2023. KANO (Reuters) - Protesters hurled rocks at security "
                       "forces blocking a road near the state assembly in a second day of protests.")
    assert (m.sub_event_type, m.actor1) == ("Violent demonstration", "Rioters (Nigeria)")


def test_crowds_gathering_to_protest_are_a_protest(pipeline):
    """A "to" clause is a purpose ("travelling to fight"), except a crowd's: gathering to
    protest is the protest."""
    m = only(pipeline, "On 1 December 2023, parents gathered outside a primary school in Kano to "
                       "protest against the closure of its clinic.")
    assert m.sub_event_type == "Peaceful protest" and m.location == "Kano"


@pytest.mark.parametrize("toll", ["were killed", "were killed and several others were injured"])
def test_protesters_killed_where_forces_used_tear_gas_is_excessive_force(pipeline, toll):
    m = only(pipeline, f"On 1 December 2023, at least two people {toll} in an opposition protest "
                       "in Omdurman after security forces used tear gas and bullets to disperse "
                       "demonstrators.")
    assert m.sub_event_type == "Excessive force against protesters" and m.fatalities == 2


def test_protesters_dying_from_gunfire_at_a_demonstration_is_excessive_force(pipeline):
    m = only(pipeline, "On 1 December 2023, four protesters died from gunfire during a demonstration "
                       "outside the provincial council in Karbala.")
    assert (m.sub_event_type, m.fatalities) == ("Excessive force against protesters", 4)


@pytest.mark.parametrize("text", [
    "On 1 December 2023, hundreds of demonstrators participated in a so-called Peaceful March "
    "through Pittsburgh.",
    "On 1 December 2023, protesters poured into the streets of Portland to denounce the result.",
])
def test_demonstrators_participating_or_pouring_into_streets_protest(pipeline, text):
    assert only(pipeline, text).sub_event_type == "Peaceful protest"


@pytest.mark.parametrize("text", [
    "On 1 December 2023, hundreds of fans participated in a parade through Pittsburgh.",
    "On 1 December 2023, floodwater poured into the streets of Portland.",
])
def test_others_participating_or_pouring_are_no_protest(pipeline, text):
    assert mentions(pipeline, text) == []


def test_a_mob_lynching_in_a_headline_is_mob_violence(pipeline):
    m = only(pipeline, "Mob lynches suspected thief in Jharkhand")
    assert (m.sub_event_type, m.actor1) == ("Mob violence", "Rioters (India)")


def test_a_protest_over_deaths_where_police_intervened_is_no_excessive_force(pipeline):
    # the girl's death is what they protest over, not a death at the protest
    m = only(pipeline, "On 1 December 2023, family members of the deceased staged a protest in Darsaun "
                       "village and refused to remove the body of a girl who died in a fall, and police "
                       "detained them.")
    assert m.sub_event_type == "Protest with intervention"


def test_fighting_a_protest_was_held_over_is_no_intervention(pipeline):
    found = mentions(pipeline, "On 1 December 2023, dozens of people gathered outside a mall in Columbia "
                               "to call for a ceasefire. The demonstration took place in the wake of "
                               "renewed fighting between Israel and Hamas.")
    assert "Peaceful protest" in [m.sub_event_type for m in found]
    assert "Protest with intervention" not in [m.sub_event_type for m in found]


@pytest.mark.parametrize("text", [
    "On 1 December 2023, protesters pelted police with stones in Srinagar.",
    "On 1 December 2023, protesters pelted stones at police in Srinagar.",
])
def test_protesters_pelting_police_with_stones_riot(pipeline, text):
    m = only(pipeline, text)
    assert (m.sub_event_type, m.actor2) == ("Violent demonstration", "Police Forces of India")


def test_protesters_set_off_by_a_long_apposition_still_gather(pipeline):
    # the parser makes "protesters" the root and "gathered" a participle describing them
    m = only(pipeline, "On 1 December 2023, pro-Palestinian protesters, including members of JVP, "
                       "Habonim (Jewish group), and other activists, gathered in front of the parliament "
                       "in Ottawa to demand an arms embargo.")
    assert (m.sub_event_type, m.actor1, m.location) == ("Peaceful protest", "Protesters (Canada)", "Ottawa")


def test_police_clashing_with_hundreds_of_protesters_is_a_protest_event(pipeline):
    # the other side is named by its number ("hundreds"), the protesters only after "of"
    m = only(pipeline, "On 1 December 2023, French police clashed with hundreds of protesters in "
                       "Paris, firing tear gas across the Place de la Nation.")
    assert m.event_type == "Protests" or m.event_type == "Riots"
    assert m.actor2 == "Police Forces of France"


@pytest.mark.parametrize("text", [
    "On 1 December 2023, hundreds of protesters rallied in Minsk. They demanded the release of "
    "demonstrators detained at an earlier rally.",
    "On 1 December 2023, a peaceful protest took place in Katsina following the arrest of two "
    "local traders.",
])
def test_an_arrest_the_protest_is_about_is_no_intervention(pipeline, text):
    rally = next(m for m in mentions(pipeline, text)
                 if any(e.field == "trigger" and e.text in ("rallied", "protest") for e in m.evidence))
    assert rally.sub_event_type == "Peaceful protest"


def test_a_protest_after_prayers_is_still_where_the_prayers_were(pipeline):
    m = only(pipeline, "On 1 December 2023, worshippers demonstrated following the Friday prayer in "
                       "Berkane (Berkane, Oriental) in support of Palestine.")
    assert (m.sub_event_type, m.location, m.country) == ("Peaceful protest", "Berkane", "Morocco")


def test_a_riot_like_situation_is_no_riot_but_the_mob_s_violence_is(pipeline):
    found = mentions(pipeline, "On 1 December 2023, a riot-like situation broke out in Mainpuri after a "
                               "mob chased down and lynched two men accused of stealing cattle.")
    assert [(m.sub_event_type, m.actor1) for m in found] == [("Mob violence", "Rioters (India)")]
