"""The rest of ACLED's taxonomy read from the text (frames.py requirements, classify.py):
bases set up, towns left or taken, weapons seized or defused, property seized, sexual violence,
agreements and deployments, and what is none of these. Sentences written for these tests,
through the real spaCy model, gazetteer and actor table."""
from __future__ import annotations

import pytest

from tests.conftest import mentions_in as mentions, only_mention as only



def types(m) -> tuple[str | None, str | None]:
    return m.event_type, m.sub_event_type


# ------------------------------------------------------------------ bases and withdrawals
@pytest.mark.parametrize("text", [
    "On 1 December 2023, the Malian army established a new military post in Bourem.",
    "On 1 December 2023, soldiers established a new base near Bourem.",
])
def test_forces_setting_up_a_post_establish_a_base(pipeline, text):
    m = only(pipeline, text)
    assert types(m) == ("Strategic developments", "Headquarters or base established")
    assert m.disorder_type == "Strategic developments"
    assert m.actor1 == "Military Forces of Mali"
    assert m.location == "Bourem"


def test_forces_that_set_up_a_post_establish_a_base(pipeline):
    m = only(pipeline, "On 1 December 2023, the Malian army set up a new military post in Bourem.")
    assert types(m) == ("Strategic developments", "Headquarters or base established")
    assert m.actor1 == "Military Forces of Mali"


@pytest.mark.parametrize("text", [
    "On 1 December 2023, a joint committee set up last year to investigate the clashes met in Juba.",
    "On 1 December 2023, members of a joint committee set up last year met in Kano.",
])
def test_a_committee_set_up_last_year_is_no_event(pipeline, text):
    assert mentions(pipeline, text) == []


def test_forces_withdrawing_from_a_town_is_a_non_violent_transfer_of_territory(pipeline):
    m = only(pipeline, "On 1 December 2023, French troops withdrew from Menaka.")
    assert types(m) == ("Strategic developments", "Non-violent transfer of territory")
    assert m.actor1 == "Military Forces of France"
    assert m.location == "Menaka"


@pytest.mark.parametrize("text", [
    "On 1 December 2023, some 4,000 people were evacuated from Menaka to temporary shelters.",
    "On 1 December 2023, hundreds of residents evacuated to the hills above Menaka.",
])
def test_people_evacuated_hand_no_ground_over(pipeline, text):
    assert not [m for m in mentions(pipeline, text) if m.sub_event_type == "Non-violent transfer of territory"]


@pytest.mark.parametrize("text, actor", [
    ("On 1 December 2023, Russia withdrew from Kherson.", "Military Forces of Russia"),
    ("On 1 December 2023, the rebels evacuated the town of Menaka under a deal.", None),
])
def test_a_side_that_leaves_a_town_still_hands_it_over(pipeline, text, actor):
    m = only(pipeline, text)
    assert types(m) == ("Strategic developments", "Non-violent transfer of territory")
    assert actor is None or m.actor1 == actor


def test_forces_loyal_to_the_government_regain_territory_for_it(pipeline):
    m = only(pipeline, "On 1 December 2023, forces loyal to the government took control of a "
                       "military camp outside Aden from a separatist militia.")
    assert types(m) == ("Battles", "Government regains territory")
    assert m.inter1 == 1


@pytest.mark.xfail(strict=True, reason="no event: 'peacekeepers' is not recognised as an agent, so "
                                       "'withdraw' (requires an agent) is incomplete")
def test_peacekeepers_withdrawing_from_a_town_is_a_non_violent_transfer_of_territory(pipeline):
    m = only(pipeline, "On 1 December 2023, UN peacekeepers withdrew from Kidal.")
    assert types(m) == ("Strategic developments", "Non-violent transfer of territory")


# ------------------------------------------------------------------ weapons
@pytest.mark.parametrize("text", [
    "On 1 December 2023, police seized weapons and ammunition in Kano.",
    "On 1 December 2023, police seized weapons and ammunition in a raid in Kano.",
    "On 1 December 2023, police seized a large amount of ammunition in Kano.",
    "On 1 December 2023, police found a truck loaded with explosives in Kano.",
    "On 1 December 2023, police discovered a house containing rifles and grenades in Kano.",
    "On 1 December 2023, police in Kano discovered a large amount of ammunition believed to "
    "belong to a gang.",
    "On 1 December 2023, police removed a hand grenade found outside a school in Kano.",
    "On 1 December 2023, police found a hideout used by a gang to store rifles in Kano.",
    "On 1 December 2023, police discovered a house used to hide explosives in Kano.",
])
def test_police_seizing_weapons_disrupt_weapons_use(pipeline, text):
    m = only(pipeline, text)
    assert types(m) == ("Strategic developments", "Disrupted weapons use")
    assert m.actor1 == "Police Forces of Nigeria"
    assert m.location == "Kano"


def test_removing_what_is_no_weapon_is_no_event(pipeline):
    assert mentions(pipeline, "On 1 December 2023, police removed the bodies of two men from a "
                              "river in Kano.") == []


def test_forces_intercepting_people_arrest_them(pipeline):
    m = only(pipeline, "On 1 December 2023, Nigerian security forces intercepted 15 suspected "
                       "members of a terrorist group in Maiduguri.")
    assert types(m) == ("Strategic developments", "Arrests")
    assert m.intercepted is not True


@pytest.mark.parametrize("text", [
    "On 1 December 2023, police raided a house in Kano and detained three suspects.",
    "On 1 December 2023, Israeli forces stormed the town of Qabatiya and arrested five Palestinians.",
])
def test_a_raid_that_only_arrests_people_is_one_arrest(pipeline, text):
    assert types(only(pipeline, text)) == ("Strategic developments", "Arrests")


@pytest.mark.parametrize("text", [
    "On 1 December 2023, Israeli forces detained 30 Palestinians in a wave of raids across Jenin.",
    "On 1 December 2023, police conducted raids in Srinagar to detain activists of the banned party.",
])
def test_arrests_told_with_the_raids_they_were_made_in_are_one_arrest(pipeline, text):
    assert types(only(pipeline, text)) == ("Strategic developments", "Arrests")


def test_a_raid_that_kills_is_coded_by_the_killing_not_the_arrests(pipeline):
    m = only(pipeline, "On 1 December 2023, Israeli forces raided Jenin, killing two Palestinians, "
                       "and arrested five others.")
    assert (types(m), m.fatalities) == (("Violence against civilians", "Attack"), 2)


def test_finding_a_house_with_nothing_in_it_is_no_event(pipeline):
    assert mentions(pipeline, "On 1 December 2023, police found a house in Kano.") == []


@pytest.mark.parametrize("text", [
    "On 1 December 2023, an IED was defused near Kismayo.",
    "On 1 December 2023, soldiers defused an IED near Kismayo.",
])
def test_a_defused_ied_is_disrupted_weapons_use(pipeline, text):
    m = only(pipeline, text)
    assert types(m) == ("Strategic developments", "Disrupted weapons use")
    assert m.weapon == "IED"
    assert m.location == "Kismayo"
    assert m.fatalities == 0


# ------------------------------------------------------------------ seizing a town or a car
OVERTAKES, REGAINS = "Non-state actor overtakes territory", "Government regains territory"


@pytest.mark.parametrize("text, sub_type, actor", [
    ("On 1 December 2023, M23 rebels seized the town of Rutshuru.", OVERTAKES,
     "M23: March 23 Movement"),
    ("On 1 December 2023, rebels seized the town of Rutshuru in North Kivu.", OVERTAKES,
     "Unidentified Armed Group (Democratic Republic of Congo)"),
    ("On 1 December 2023, the army wrested control of two villages near Rutshuru from rebels.",
     REGAINS, "Military Forces of the Democratic Republic of Congo"),
    ("On 1 December 2023, the army established control over three villages near Rutshuru.",
     REGAINS, "Military Forces of the Democratic Republic of Congo"),
])
def test_taking_a_town_or_control_of_villages_is_territory_by_who_took_it(pipeline, text, sub_type,
                                                                          actor):
    m = only(pipeline, text)
    assert types(m) == ("Battles", sub_type)
    assert m.actor1 == actor


def test_troops_of_a_country_the_story_never_names_regain_territory(pipeline):
    m = only(pipeline, "On 1 December 2023, troopers from the Northern Command captured two rebel "
                       "camps in the hills over the weekend.")
    assert (types(m), m.actor1) == (("Battles", REGAINS), "Military Forces")


@pytest.mark.parametrize("text, sub_type, actor", [
    ("On 1 December 2023, the army drove al-Shabaab militants out of three villages near Baidoa.",
     REGAINS, "Military Forces of Somalia"),
    ("On 1 December 2023, the army drove back al-Shabaab militants from a village near Baidoa.",
     REGAINS, "Military Forces of Somalia"),
    ("On 1 December 2023, M23 rebels took over four localities near Rutshuru.", OVERTAKES,
     "M23: March 23 Movement"),
    ("On 1 December 2023, Somali troops occupied three hill posts near Baidoa.", REGAINS,
     "Military Forces of Somalia"),
])
def test_driving_out_taking_over_and_occupying_by_armed_men_is_territory(pipeline, text, sub_type,
                                                                         actor):
    m = only(pipeline, text)
    assert (types(m), m.actor1) == (("Battles", sub_type), actor)


@pytest.mark.parametrize("text", [
    "On 1 December 2023, al-Shabaab militants seized Marka after government forces withdrew from "
    "the town.",
    "On 1 December 2023, al-Shabaab militants seized the town of Marka without resistance.",
])
def test_a_town_taken_without_a_fight_is_a_non_violent_transfer(pipeline, text):
    m = only(pipeline, text)
    assert types(m) == ("Strategic developments", "Non-violent transfer of territory")
    assert m.actor1 == "Al Shabaab"


def test_a_town_taken_after_fighting_is_still_taken_by_force(pipeline):
    ms = mentions(pipeline, "On 1 December 2023, al-Shabaab militants seized the town of Marka "
                            "after heavy fighting with government forces.")
    assert types(ms[0]) == ("Battles", OVERTAKES)


@pytest.mark.parametrize("text", [
    "On 1 December 2023, the police took over the investigation into the killing in Baidoa.",
    "On 1 December 2023, the police took over the investigation into the shooting in Baidoa.",
    "On 1 December 2023, protesters occupied the main square of Baidoa.",
])
def test_taking_over_a_task_or_a_crowd_occupying_a_square_is_no_territory(pipeline, text):
    """What an investigation is into (a killing, a shooting) lends the taking over no place."""
    assert all(m.sub_event_type not in (OVERTAKES, REGAINS) for m in mentions(pipeline, text))


def test_forces_pushing_attackers_back_is_a_clash_not_territory(pipeline):
    ms = mentions(pipeline, "On 1 December 2023, militants tried to storm the base near Baidoa, "
                            "but Somali troops pushed them back.")
    assert {types(m) for m in ms} == {("Battles", "Armed clash")}


@pytest.mark.parametrize("text, sub_type, actor1", [
    ("On 1 December 2023, the army captured a senior al-Shabaab commander in Baidoa.",
     ("Strategic developments", "Arrests"), "Military Forces of Somalia"),
    ("On 1 December 2023, al-Shabaab militants captured two soldiers near Baidoa.",
     ("Violence against civilians", "Abduction/forced disappearance"), "Al Shabaab"),
])
def test_capturing_people_is_an_arrest_by_the_state_and_an_abduction_by_anyone_else(
        pipeline, text, sub_type, actor1):
    m = only(pipeline, text)
    assert (types(m), m.actor1) == (sub_type, actor1)


def test_militants_seizing_a_car_is_looting(pipeline):
    m = only(pipeline, "On 1 December 2023, militants seized a car in Kano.")
    assert types(m) == ("Strategic developments", "Looting/property destruction")
    assert m.actor1 == "Unidentified Armed Group (Nigeria)"


def test_gunmen_seizing_a_car_is_looting(pipeline):
    m = only(pipeline, "On 1 December 2023, gunmen seized a car in Kano.")
    assert types(m) == ("Strategic developments", "Looting/property destruction")


@pytest.mark.xfail(strict=True, reason="coded Battles / Non-state actor overtakes territory: 'two cars' is "
                                       "taken as a place reference")
def test_bandits_seizing_cars_is_looting(pipeline):
    m = only(pipeline, "On 1 December 2023, bandits seized two cars in Kano.")
    assert types(m) == ("Strategic developments", "Looting/property destruction")


# ------------------------------------------------------------------ sexual violence
@pytest.mark.parametrize("text", [  # the tagger lemmatises "raped" as "rap": [lemma_fixes]
    "On 1 December 2023, soldiers raped three women in a village near Goma.",
    "On 1 December 2023, three women were raped by soldiers in a village near Goma.",
])
def test_soldiers_raping_women_is_sexual_violence(pipeline, text):
    m = only(pipeline, text)
    assert types(m) == ("Violence against civilians", "Sexual violence")
    assert m.actor1 == "Military Forces of the Democratic Republic of Congo"
    assert m.actor2 == "Civilians (Democratic Republic of Congo)"
    assert m.civilian_targeting == "Civilian targeting"


# ------------------------------------------------------------------ agreements and deployments
@pytest.mark.parametrize("text", [
    "On 1 December 2023, the army and the rebels agreed a ceasefire in Khartoum.",
    "On 1 December 2023, the Sudanese army and the Rapid Support Forces agreed to a seven-day "
    "ceasefire in Jeddah.",
])
def test_two_sides_agreeing_a_ceasefire_is_an_agreement(pipeline, text):
    m = only(pipeline, text)
    assert types(m) == ("Strategic developments", "Agreement")
    assert m.actor1 == "Military Forces of Sudan"


def test_the_other_side_of_an_agreement_is_actor2(pipeline):
    m = only(pipeline, "On 1 December 2023, the Sudanese army and the Rapid Support Forces agreed to a "
                       "seven-day ceasefire in Jeddah.")
    assert {m.actor1, m.actor2} == {"Military Forces of Sudan", "Rapid Support Forces"}


@pytest.mark.parametrize("text", [
    "On 1 December 2023, the government and the rebels agreed to resume peace talks in Doha.",
    "On 1 December 2023, the rebels agreed to free 20 soldiers captured near Misrata.",
])
def test_agreeing_to_a_step_of_the_settlement_is_an_agreement(pipeline, text):
    assert types(mentions(pipeline, text)[0]) == ("Strategic developments", "Agreement")


def test_agreeing_to_anything_else_is_no_agreement(pipeline):
    """ACLED's agreements settle a conflict; a loan agreed by governments is none."""
    text = "On 1 December 2023, eurozone governments and the IMF agreed to lend Athens 30 billion euros."
    assert not [m for m in mentions(pipeline, text) if m.sub_event_type == "Agreement"]


@pytest.mark.parametrize("text", [
    "On 1 December 2023, the Libyan government and the rebels exchanged prisoners in Misrata.",
    "On 1 December 2023, the two sides conducted an exchange of prisoners in Misrata.",
    "On 1 December 2023, the government released 30 rebels in exchange for 16 soldiers in Misrata.",
])
def test_exchanging_prisoners_is_an_agreement(pipeline, text):
    assert types(only(pipeline, text)) == ("Strategic developments", "Agreement")


@pytest.mark.parametrize("text", [
    "On 1 December 2023, a company of the rebel brigade surrendered to the army in Misrata.",
    "On 1 December 2023, remnants of the militia surrendered to government forces in Misrata.",
])
def test_part_of_a_force_surrendering_is_an_agreement(pipeline, text):
    """"a company of ...", "remnants of ...": part of a force is the force, so the surrender
    has the side it needs."""
    assert types(only(pipeline, text)) == ("Strategic developments", "Agreement")


def test_a_company_alone_is_no_force(pipeline):
    assert mentions(pipeline, "On 1 December 2023, a company surrendered its licence in Misrata.") == []


@pytest.mark.parametrize("text", [
    "On 1 December 2023, a truce between the army and the rebels took effect in Khartoum.",
    "On 1 December 2023, the rebels began peace talks with the government in Doha.",
    "On 1 December 2023, a ceasefire came into force across Sudan.",
])
def test_a_ceasefire_a_truce_or_peace_talks_named_by_a_noun_are_an_agreement(pipeline, text):
    assert types(only(pipeline, text)) == ("Strategic developments", "Agreement")


def test_what_a_ceasefire_describes_is_no_agreement(pipeline):
    """"ceasefire violations": the violations are the news, not an agreement."""
    text = ("On 1 December 2023, the minister urged new sanctions on Russia amid ceasefire "
            "violations in eastern Ukraine.")
    assert not [m for m in mentions(pipeline, text) if m.sub_event_type == "Agreement"]


@pytest.mark.parametrize("text", [
    "On 1 December 2023, Nigerian troops were deployed to Maiduguri.",
    "On 1 December 2023, a large number of police and army forces were dispatched to Maiduguri.",
    "On 1 December 2023, the army formed a new brigade in Maiduguri.",
])
def test_forces_deployed_or_formed_are_a_change_to_group_activity(pipeline, text):
    m = only(pipeline, text)
    assert types(m) == ("Strategic developments", "Change to group/activity")
    assert m.location == "Maiduguri"


def test_troops_that_are_deployed_somewhere_is_a_state_not_a_deployment(pipeline):
    assert mentions(pipeline, "On 1 December 2023, about 350 US troops are deployed at the base "
                              "near Maiduguri.") == []


def test_a_crowd_forming_a_chain_is_no_change_to_an_armed_group(pipeline):
    ms = mentions(pipeline, "On 1 December 2023, protesters formed a human chain in Kano.")
    assert all(m.sub_event_type != "Change to group/activity" for m in ms)


def test_a_government_deploying_troops_is_a_change_to_group_activity(pipeline):
    m = only(pipeline, "On 1 December 2023, the Nigerian government deployed troops to Kano.")
    assert types(m) == ("Strategic developments", "Change to group/activity")
    assert m.actor1 == "Government of Nigeria"


def test_people_fleeing_or_displaced_is_other_but_a_camp_for_displaced_people_is_no_event(pipeline):
    fled = only(pipeline, "On 1 December 2023, residents of Maganda village fled their homes near "
                          "Birnin Gwari for fear of an attack.")
    assert types(fled) == ("Strategic developments", "Other")
    assert mentions(pipeline, "On 1 December 2023, aid arrived at a camp for displaced people near Goma.") == []


@pytest.mark.parametrize("text", [
    "On 1 December 2023, thousands of civilians fled Birnin Gwari after days of fighting nearby.",
    "On 1 December 2023, nearly 9,000 Malians have fled across the border from Menaka.",
])
def test_civilians_who_flee_are_a_displacement(pipeline, text):
    assert types(only(pipeline, text)) == ("Strategic developments", "Other")


@pytest.mark.parametrize("text", [
    "On 1 December 2023, a woman was seen fleeing the building in Vancouver.",
    "On 1 December 2023, the man shot a deputy in Lakewood and then fled into an apartment.",
    "On 1 December 2023, a man was shot dead in Lakewood. The suspects fled the scene in a car.",
    "On 1 December 2023, a man was shot dead in Lakewood. Reese fled the building, police said.",
])
def test_one_person_or_suspects_fleeing_is_no_displacement(pipeline, text):
    assert all(m.sub_event_type != "Other" for m in mentions(pipeline, text))


@pytest.mark.parametrize("text", [
    "On 1 December 2023, villagers found a mass grave near Sinjar holding the remains of 40 people.",
    "Police in Sinjar said on 1 December 2023 that the mass graves hold the bodies of soldiers "
    "killed by the Islamic State.",
])
def test_a_mass_grave_found_is_other(pipeline, text):
    """ACLED codes the discovery of a mass grave as Strategic developments / Other; "the mass
    graves" opening a report is the discovery, not a reference back."""
    found = mentions(pipeline, text)
    assert types(found[0]) == ("Strategic developments", "Other")
    assert found[0].location == "Sinjar"


def test_the_deployment_of_forces_is_their_change_of_activity(pipeline):
    """The "of" phrase of a movement noun names who moves: the deployment has an agent."""
    m = only(pipeline, "On 1 December 2023, a heavy deployment of police forces was "
                       "reported around the central market of Maiduguri ahead of a rally.")
    assert (m.sub_event_type, m.country) == ("Change to group/activity", "Nigeria")
    assert m.actor1 is not None and "Police" in m.actor1



@pytest.mark.parametrize("text", [
    "On 1 December 2023, Taliban fighters seized a district centre in Kunduz province.",
    "On 1 December 2023, rebel fighters seized the capital of Kunduz province.",
])
def test_a_seized_centre_or_capital_is_territory(pipeline, text):
    assert [m.sub_event_type for m in mentions(pipeline, text)] == ["Non-state actor overtakes territory"]


def test_ground_regained_by_the_army_is_territory(pipeline):
    found = mentions(pipeline, "On 1 December 2023, the Syrian army staged a counterattack near "
                               "Damascus and significant ground was regained.")
    assert "Government regains territory" in [m.sub_event_type for m in found]


# ------------------------------------------------------------------ whose property
@pytest.mark.parametrize("text, actor2", [
    ("On 1 December 2023, Israeli forces seized cash and jewelry from a Palestinian house during a "
     "raid in Jenin.", "Civilians (Palestine)"),
    ("On 1 December 2023, JNIM militants set fire to tons of grain belonging to IDPs in Segou.",
     "Civilians (Mali)"),
    ("On 1 December 2023, Israeli forces demolished five Palestinian-owned residential rooms near "
     "Jericho.", "Civilians (Palestine)"),
])
def test_the_owners_of_what_was_looted_or_destroyed_are_actor2(pipeline, text, actor2):
    m = only(pipeline, text)
    assert (m.sub_event_type, m.actor2) == ("Looting/property destruction", actor2)


def test_residents_burning_a_groups_houses_riot_against_that_group(pipeline):
    m = only(pipeline, "On 1 December 2023, residents burned RSF houses in Abu Zabad.")
    assert (m.sub_event_type, m.actor2) == ("Mob violence", "Rapid Support Forces")


def test_a_fire_burning_houses_is_no_event(pipeline):
    assert mentions(pipeline, "On 1 December 2023, a fire burned ten houses in Kano.") == []


def test_the_side_a_town_was_taken_from_is_actor2(pipeline):
    m = only(pipeline, "On 1 December 2023, Nigerian troops recaptured the town of Bama from Boko Haram.")
    assert m.sub_event_type == "Government regains territory"
    assert m.actor2.startswith("Boko Haram")


def test_fighters_entering_a_town_without_resistance_is_a_non_violent_transfer(pipeline):
    m = only(pipeline, "On 1 December 2023, a commander said the fighters entered the town of Afrin before "
                       "dawn and had not encountered any resistance.")
    assert m.sub_event_type == "Non-violent transfer of territory" and m.location == "Afrin"


def test_troops_entering_a_town_tell_of_no_change_of_hands(pipeline):
    assert mentions(pipeline, "On 1 December 2023, troops entered the town of Afrin.") == []
