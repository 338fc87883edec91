"""Who did what to whom, with what, where: sentences written for these tests, through the
real spaCy model and gazetteer."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.records import Article

from tests.conftest import analyse, mentions_in, only_mention

MONDAY = dt.date(2024, 3, 11)


def only(document):
    assert len(document.mentions) == 1, [(m.sub_event_type, m.location) for m in document.mentions]
    return document.mentions[0]


def test_state_airstrike_with_toll_and_town(pipeline):
    m = only(analyse(pipeline, "Israeli warplanes struck a house in Rafah on Monday, killing five people.", MONDAY))
    assert m.sub_event_type == "Air/drone strike"
    assert m.actor1 == "Military Forces of Israel"
    assert m.location == "Rafah" and m.country == "Palestine"
    assert m.fatalities == 5
    assert m.event_date == MONDAY


def test_passive_agent_is_the_perpetrator_and_subject_the_target(pipeline):
    m = only(analyse(pipeline, "A police patrol was ambushed by gunmen near Tikrit on Monday.", MONDAY))
    assert m.actor1 == "Unidentified Armed Group (Iraq)"
    assert m.actor2 is not None and "Police" in m.actor2
    assert m.location == "Tikrit"


@pytest.mark.parametrize("verb", ["landed", "fell"])
def test_weapon_as_subject_is_a_weapon_not_an_actor(pipeline, verb):
    m = only(analyse(pipeline, f"Two mortar rounds {verb} near the Rafah crossing on Monday, officials said.",
                     MONDAY))
    assert m.weapon == "mortar"
    assert m.sub_event_type == "Shelling/artillery/missile attack"
    assert m.actor1.startswith("Unidentified Armed Group")


@pytest.mark.parametrize("sentence", [
    "Militants did not attack the checkpoint in Tikrit on Monday.",
    "Officials warned that the group could launch drone attacks on the base in Erbil.",
    "The group vowed to continue attacks on US forces in Syria.",
    "Police said the cell was plotting to attack a checkpoint in Tikrit on Monday.",
    "Commanders said any attack on the embassy would be met with force.",
    "The threat of rocket attacks on Baghdad airport worries diplomats.",
    "There was no comment from Moscow, which denies targeting civilians.",
    "The army denied shelling the village of Kamianka on Monday.",
])
def test_negated_hypothetical_threatened_and_generic_attacks_are_not_events(pipeline, sentence):
    assert analyse(pipeline, sentence, MONDAY).mentions == []


def test_an_attack_whose_responsibility_is_denied_happened(pipeline):
    """Denied is who did it, not the attack: "denied responsibility for the sarin attack"."""
    m = only(analyse(pipeline, "The regime denied responsibility for the sarin attack on the "
                               "Damascus suburb of Ghouta.", MONDAY))
    assert m.sub_event_type == "Chemical weapon"


@pytest.mark.parametrize("sentence", [
    "The governor vowed an investigation after gunmen killed two farmers in Tikrit on Monday.",
    "The group vowed revenge following the airstrike that killed its commander in Tikrit on Monday.",
])
def test_what_happened_before_a_vow_is_an_event(pipeline, sentence):
    """A vow's mood stops at "after" and "following": what they open already happened."""
    m = only(analyse(pipeline, sentence, MONDAY))
    assert m.fatalities >= 1


@pytest.mark.parametrize("sentence", [
    "Two men are wanted in connection with Sunday's shooting in Carbondale, police said Monday.",
    "Two Carbondale men wanted in Sunday shooting",
    "A man sought in the fatal shooting of a clerk on Sunday turned himself in on Monday.",
])
def test_a_crime_someone_is_wanted_for_happened(pipeline, sentence):
    """"wanted in connection with the shooting" is the police looking for someone: the
    shooting happened; "wanted to attack" stays a wish (above)."""
    shootings = [m for m in analyse(pipeline, sentence, MONDAY).mentions
                 if m.event_type in ("Violence against civilians", "Battles")]
    assert [m.event_date for m in shootings] == [MONDAY - dt.timedelta(days=1)]


@pytest.mark.parametrize("sentence", [
    "Police said Dale Hollis, 31, is wanted for Assault with a Deadly Weapon with Intent to "
    "Kill Inflicting Serious Injury.",
    "Hollis was charged with murder, burglary and injuring a police officer, prosecutors said.",
])
def test_harm_named_in_a_charge_counts_nobody(pipeline, sentence):
    """A charge's legal terms ("Intent to Kill", "injuring a police officer") count no dead
    and no injured: the story tells the harm done itself, or does not."""
    found = analyse(pipeline, sentence, MONDAY).mentions
    assert [(m.fatalities, m.injured) for m in found] in ([], [(0, None)])


@pytest.mark.parametrize("sentence, trigger", [
    ("Hollis was charged with murder after he shot a neighbour on Sunday.", "shot"),
    ("Hollis was charged with murder in Sunday's shooting of a neighbour.", "shooting"),
])
def test_the_crime_a_charge_is_for_is_an_event(pipeline, sentence, trigger):
    """What the charge is about ("after he shot", "in the shooting of") happened: one event,
    which the charge's own term ("murder") tells too."""
    [shooting] = [m for m in analyse(pipeline, sentence, MONDAY).mentions
                  if m.event_type in ("Violence against civilians", "Battles")]
    assert trigger in [e.text for e in shooting.evidence if e.field == "trigger"]


def test_wanting_to_attack_is_no_attack(pipeline):
    assert analyse(pipeline, "The militants want to attack the base in Tikrit.", MONDAY).mentions == []


@pytest.mark.parametrize("sentence, sub_event_type", [
    ("A shootout between two crews on Rashid Street in Tikrit left one man dead on Sunday.",
     "Armed clash"),
    ("Police are investigating the slaying of a shopkeeper in Tikrit on Sunday.", "Attack"),
])
def test_shootouts_and_slayings_named_as_nouns_are_events(pipeline, sentence, sub_event_type):
    m = only(analyse(pipeline, sentence, MONDAY))
    assert (m.sub_event_type, m.event_date, m.location) == (
        sub_event_type, MONDAY - dt.timedelta(days=1), "Tikrit")


@pytest.mark.parametrize("sentence, killed", [
    ("Four villagers were slain by gunmen in Tikrit on Sunday.", 4),
    ("A shopkeeper was slain in Tikrit on Sunday.", 1),
])
def test_people_slain_were_killed_in_an_attack(pipeline, sentence, killed):
    m = only(analyse(pipeline, sentence, MONDAY))
    assert (m.event_type, m.fatalities, m.location) == ("Violence against civilians", killed, "Tikrit")


def test_a_shooting_death_is_a_killing_by_gunfire(pipeline):
    """"the shooting death of": the participle says how someone died; the death is the event
    (a "burning building" stays no event)."""
    m = only(analyse(pipeline, "The shooting death of a shopkeeper in Tikrit on Sunday shocked "
                               "his neighbours.", MONDAY))
    assert (m.weapon, m.fatalities, m.event_date, m.location) == (
        "firearms", 1, MONDAY - dt.timedelta(days=1), "Tikrit")
    assert analyse(pipeline, "Firefighters rushed to a burning building in Tikrit on Sunday.",
                   MONDAY).mentions == []


@pytest.mark.parametrize("sentence, actor2", [
    ("Iraqi soldiers clashed with Islamic State militants near Tikrit on Monday.", "Islamic State"),
    ("Gunmen fought a gun battle with police in Tikrit on Monday.", "Police Forces of Iraq"),
])
def test_whom_a_side_clashes_with_is_the_other_side(pipeline, sentence, actor2):
    m = only(analyse(pipeline, sentence, MONDAY))
    assert (m.sub_event_type, m.actor2) == ("Armed clash", actor2)


@pytest.mark.parametrize("sentence, actor2", [
    ("Turkish airstrikes targeted 16 PKK positions near Sinjar on Monday.",
     "PKK: Kurdistan Workers Party"),
    ("Rebels shelled regime forces positions near Tikrit on Monday.", "Military Forces of Iraq"),
    ("Militants threw a grenade at Iraqi army vehicles in Tikrit on Monday.", "Military Forces of Iraq"),
])
def test_the_armed_actor_whose_position_or_vehicle_is_hit_is_the_target(pipeline, sentence, actor2):
    assert only(analyse(pipeline, sentence, MONDAY)).actor2 == actor2


def test_a_nations_civilian_vehicle_is_its_civilians_not_its_forces(pipeline):
    m = only(analyse(pipeline, "Iraqi soldiers opened fire at a Kurdish car near Tikrit on Monday.", MONDAY))
    assert m.sub_event_type == "Attack"


def test_a_nations_name_makes_only_military_things_its_forces(pipeline):
    hit = only(analyse(pipeline, "Ukrainian forces shelled Russian positions near Berdiansk on Monday.", MONDAY))
    assert hit.actor2 == "Military Forces of Russia"
    areas = only(analyse(pipeline, "Ukrainian forces shelled Russian residential areas near Berdiansk "
                                   "on Monday.", MONDAY))
    assert areas.actor2 != "Military Forces of Russia"


@pytest.mark.parametrize("sentence, actor1, actor2", [
    ("The army shelled artillery targeting Islamic State fighters near Tikrit on Monday.",
     "Military Forces of Iraq", "Islamic State"),
    ("An IED planted by Islamic State militants detonated near Tikrit on Monday, targeting an army "
     "patrol.", "Islamic State", "Military Forces of Iraq"),
])
def test_what_the_weapon_of_an_attack_targets_or_who_planted_it_belongs_to_that_attack(
        pipeline, sentence, actor1, actor2):
    m = only(analyse(pipeline, sentence, MONDAY))
    assert (m.actor1, m.actor2) == (actor1, actor2)


def test_two_sides_that_clashed_are_actor1_and_actor2(pipeline):
    m = only(analyse(pipeline, "Islamic State militants and Iraqi soldiers clashed near Tikrit on Monday.", MONDAY))
    assert {m.actor1, m.actor2} == {"Islamic State", "Military Forces of Iraq"}


def test_warplanes_destroying_a_depot_is_an_air_strike(pipeline):
    m = only(analyse(pipeline, "Turkish jets destroyed weapons depots used by PKK militants in "
                               "Duhok on Monday.", MONDAY))
    assert m.sub_event_type == "Air/drone strike"
    assert m.actor1 == "Military Forces of Turkey"


def test_soldiers_destroying_a_weapons_cache_is_disrupted_weapons_use(pipeline):
    m = only(analyse(pipeline, "Iraqi soldiers destroyed a weapons cache in Tikrit on Monday.", MONDAY))
    assert m.sub_event_type == "Disrupted weapons use"


def test_weapon_count_is_kept(pipeline):
    document = analyse(pipeline, "Fourteen rockets were fired at the Ain al-Asad air base on Monday.", MONDAY)
    frame = next(f for f in document.frames if f.weapons == ["rocket"])
    assert frame.weapon_count == 14


def test_interception_is_disrupted_weapons_use(pipeline):
    m = only(analyse(pipeline, "US forces shot down a drone near the al-Tanf garrison on Monday.", MONDAY))
    assert (m.event_type, m.sub_event_type) == ("Strategic developments", "Disrupted weapons use")
    assert m.intercepted is True
    assert m.actor1 == "Military Forces of the United States"


def test_air_defences_shooting_down_drones_hurt_nobody(pipeline):
    """Air defences are the forces of the country they stand in; what they shoot down is the
    weapon ("28 of the drones"), and shooting down hurts no one."""
    m = only(analyse(pipeline, "Ukraine's air force said on Monday that air defences shot down 28 "
                               "of the drones over Kyiv.", MONDAY))
    assert (m.sub_event_type, m.actor1, m.weapon) == ("Disrupted weapons use",
                                                      "Military Forces of Ukraine", "drone")
    assert not m.injured


def test_armed_group_statement_is_a_strategic_development_but_government_statement_is_not(pipeline):
    group = analyse(pipeline, "On Monday Kataib Hezbollah issued a statement saying attacks on US troops would continue.", MONDAY)
    m = only(group)
    assert (m.event_type, m.sub_event_type) == ("Strategic developments", "Other")
    government = analyse(pipeline, "On Monday the Iraqi government issued a statement saying attacks on embassies were unacceptable.", MONDAY)
    assert government.mentions == []


def test_civilian_victims_make_violence_against_civilians(pipeline):
    m = only(analyse(pipeline, "Gunmen killed six villagers in Kaduna state on Monday.", MONDAY))
    assert (m.event_type, m.sub_event_type) == ("Violence against civilians", "Attack")
    assert m.civilian_targeting == "Civilian targeting"
    assert m.fatalities == 6


def test_attacking_a_home_or_a_civilian_car_targets_civilians(pipeline):
    home = analyse(pipeline, "On 1 December 2023, gunmen attacked the home of a tribal elder in Amara.",
                   published=dt.date(2023, 12, 1)).mentions[0]
    base = analyse(pipeline, "On 1 December 2023, gunmen attacked an army camp near Amara.",
                   published=dt.date(2023, 12, 1)).mentions[0]
    assert (home.sub_event_type, home.civilian_targeting) == ("Attack", "Civilian targeting")
    assert base.sub_event_type == "Armed clash"


@pytest.mark.parametrize("text", [
    "On 1 December 2023, government forces used sulfur mustard in an attack on Tall Hamis.",
    "On 1 December 2023, four villagers died when poisonous gas was spread by rebels during "
    "clashes with the army near Tall Hamis.",
    "On 1 December 2023, government forces used chlorine gas in Tall Hamis.",
    "Investigators said on 1 December 2023 that chlorine was used as a weapon in Tall Hamis.",
])
def test_a_chemical_agent_in_an_attack_or_a_clash_is_a_chemical_weapon(pipeline, text):
    mention = analyse(pipeline, text, published=dt.date(2023, 12, 1)).mentions[0]
    assert mention.sub_event_type == "Chemical weapon"


def test_a_chemical_weapon_named_in_the_sentence_decides_the_tactic(pipeline):
    text = "On 1 December 2023, militants attacked the village of Tall Hamis, using mustard gas."
    mention = analyse(pipeline, text, published=dt.date(2023, 12, 1)).mentions[0]
    assert mention.sub_event_type == "Chemical weapon"


@pytest.mark.parametrize("text, sub_event_type", [
    ("On 1 December 2023, a boy was shot by a young family member in an apartment in Kano.", "Attack"),
    ("On 1 December 2023, villagers beat a suspected thief to death at a market in Kano.", "Mob violence"),
])
def test_one_civilian_doing_violence_is_no_mob(pipeline, text, sub_event_type):
    """"shot by a young family member": one person with a gun, an unidentified armed person;
    villagers beating a man are a mob."""
    assert only_mention(pipeline, text).sub_event_type == sub_event_type


def test_a_crowd_that_attacks_people_is_mob_violence(pipeline):
    text = "On 1 December 2023, youths from Ngbo attacked and beat traders at a market in Abakaliki."
    mention = analyse(pipeline, text, published=dt.date(2023, 12, 1)).mentions[0]
    assert (mention.event_type, mention.sub_event_type) == ("Riots", "Mob violence")
    assert mention.actor1 == "Rioters (Nigeria)"


@pytest.mark.parametrize("text", [
    "On 1 December 2023, fighting erupted between Hamas militants and Israeli troops in Gaza City.",
    "On 1 December 2023, clashes broke out between Hamas militants and Israeli troops in Gaza City.",
])
def test_fighting_that_erupts_between_two_sides_is_a_clash_between_them(pipeline, text):
    from tests.conftest import only_mention

    m = only_mention(pipeline, text)
    assert (m.sub_event_type, m.location) == ("Armed clash", "Gaza City")
    assert (m.actor1, m.actor2) == ("Hamas Movement", "Military Forces of Israel")


@pytest.mark.parametrize("text, sub_event_type", [
    ("On 1 December 2023, unidentified forces struck a checkpoint near Tal Tamr using a drone.",
     "Air/drone strike"),
    ("On 1 December 2023, rebels attacked an army post near Mutarika employing mortars.",
     "Shelling/artillery/missile attack"),
    ("On 1 December 2023, militants attacked an army post near Mutarika using machine guns and "
     "mortars.", "Shelling/artillery/missile attack"),
])
def test_what_an_attack_was_done_with_may_follow_as_a_participle(pipeline, text, sub_event_type):
    assert only_mention(pipeline, text).sub_event_type == sub_event_type


def test_a_nationality_with_an_article_is_a_person(pipeline):
    m = only_mention(pipeline, "On 1 December 2023, soldiers shot a Palestinian near Qalqilya.")
    assert (m.sub_event_type, m.actor2) == ("Attack", "Civilians (Palestine)")


def test_the_armed_group_a_weapon_belongs_to_is_the_attacker(pipeline):
    """"A Houthi missile struck the ship": the Houthis fired it."""
    m = only_mention(pipeline, "A Houthi missile struck a cargo ship in the Red Sea on Monday.",
                     dt.date(2024, 2, 20))
    assert "Houthi" in m.actor1


@pytest.mark.parametrize("text", [
    "Two suicide bombers killed at least nine people at a cattle market in Maiduguri on Monday.",
    "Two women suicide bombers blew themselves up at a cattle market in Maiduguri on Monday, "
    "killing nine people.",
])
def test_suicide_bombers_are_an_armed_group_with_a_suicide_bomb(pipeline, text):
    """The tagger reads "bombers killed nine people" as a headline's bare participle; an object
    makes the verb active. "Women" in the bombers' phrase does not make them civilians."""
    m = only(analyse(pipeline, text, MONDAY))
    assert (m.sub_event_type, m.actor1, m.fatalities) == \
        ("Suicide bomb", "Unidentified Armed Group (Nigeria)", 9)



# ------------------------------------------------------------------ who fights whom
def test_a_fight_with_someone_named_is_a_clash(pipeline):
    m = only(analyse(pipeline, "Rioters fought with police in Kano on Monday.", MONDAY))
    assert (m.event_type, m.actor1, m.actor2) == ("Riots", "Rioters (Nigeria)", "Police Forces of Nigeria")


@pytest.mark.parametrize("text", [
    "The government of Nigeria has fought corruption in Kano for years.",
    "Residents of Kano fought for their rights in court on Monday.",
    "The fighters were travelling to fight against Boko Haram in Borno, officials in Kano said on Monday.",
])
def test_fighting_something_or_setting_out_to_fight_is_no_clash(pipeline, text):
    assert analyse(pipeline, text, MONDAY).mentions == []


def test_a_bid_to_retake_a_town_is_no_territory_change(pipeline):
    found = analyse(pipeline, "Rebels were killed in Borno on Monday during a failed bid to retake "
                              "the town of Bama from the army.", MONDAY).mentions
    assert "Non-state actor overtakes territory" not in [m.sub_event_type for m in found]


@pytest.mark.parametrize("text, actor1", [
    ("Unidentified armed men killed three villagers in Zamfara on Monday.", "Unidentified Armed Group (Nigeria)"),
    ("Masked men killed three villagers in Zamfara on Monday.", "Unidentified Armed Group (Nigeria)"),
    ("Armed men killed three villagers in Zamfara on Monday.", "Unidentified Armed Group (Nigeria)"),
])
def test_men_who_carry_arms_are_an_armed_group_not_civilians(pipeline, text, actor1):
    m = only(analyse(pipeline, text, MONDAY))
    assert (m.sub_event_type, m.actor1, m.actor2) == ("Attack", actor1, "Civilians (Nigeria)")


def test_officials_of_an_armed_force_are_that_force(pipeline):
    m = only(analyse(pipeline, "Rioters fought with law enforcement officials in Kano on Monday.", MONDAY))
    assert m.actor2 == "Police Forces of Nigeria"


@pytest.mark.parametrize("place", ["a hotel", "a bar", "a supermarket", "a university"])
def test_gunmen_attacking_a_civilian_place_attack_civilians(pipeline, place):
    m = only(analyse(pipeline, f"Gunmen attacked {place} in Grand Bassam on Monday.", MONDAY))
    assert (m.event_type, m.sub_event_type, m.actor2) == \
        ("Violence against civilians", "Attack", "Civilians (Ivory Coast)")


def test_fighting_told_as_the_background_of_a_war_is_background(pipeline):
    """"has been mired in war since 2011, with forces fighting ...": the participle takes the
    perfect of the verb it hangs on, a span of years, not the day's news."""
    document = analyse(pipeline, "Rebels shelled a market in Aleppo on Monday, killing five civilians. "
                                 "Syria has been mired in civil war since 2011 with government forces "
                                 "fighting numerous opposition factions.", MONDAY)
    roles = {m.sub_event_type: m.role for m in document.mentions}
    assert roles["Shelling/artillery/missile attack"] == "main"
    assert roles.get("Armed clash", "background") == "background"


# ------------------------------------------------------------------ weapons named by a preposition
@pytest.mark.parametrize("text, sub_event_type", [
    ("Seven people were killed in mortar shells fired into homes in Mogadishu on Monday.",
     "Shelling/artillery/missile attack"),
    ("Two soldiers were killed by a roadside bomb near Kismayo on Monday.", "Remote explosive/landmine/IED"),
])
def test_a_weapon_after_in_or_by_is_what_killed(pipeline, text, sub_event_type):
    assert only(analyse(pipeline, text, MONDAY)).sub_event_type == sub_event_type


# ------------------------------------------------------------------ present tense
def test_a_present_tense_report_that_counts_its_bombers_is_an_event(pipeline):
    """A headline-style present ("Four suicide bombers blow themselves up ...") counts who did
    it; a habit does not ("Militants attack convoys on this road")."""
    m = only(analyse(pipeline, "Four female suicide bombers blow themselves up near a bus station "
                               "in Maiduguri, killing two people.", MONDAY))
    assert (m.sub_event_type, m.fatalities) == ("Suicide bomb", 2)
    assert analyse(pipeline, "Militants attack convoys on the road to Maiduguri.", MONDAY).mentions == []


# ------------------------------------------------------------------ two sides, one phrase
@pytest.mark.parametrize("text", [
    "Russian and Ukrainian military forces clashed in Krynky on Monday.",
    "Russian and Ukrainian military clashed near Stepove, Donetsk on Monday.",
])
def test_two_nations_modifying_one_noun_are_the_two_sides(pipeline, text):
    m = only(analyse(pipeline, text, MONDAY))
    assert (m.sub_event_type, m.actor1, m.actor2) == \
        ("Armed clash", "Military Forces of Russia", "Military Forces of Ukraine")


def test_an_exchange_of_fire_between_two_sides_is_a_clash_between_them(pipeline):
    m = only(analyse(pipeline, "A heavy exchange of fire erupted between Hamas militants and Israeli "
                               "troops northwest of Gaza City on Monday.", MONDAY))
    assert (m.sub_event_type, m.actor1, m.actor2) == ("Armed clash", "Hamas Movement", "Military Forces of Israel")


def test_what_a_describing_participle_qualifies_is_the_target(pipeline):
    """"threw rocks at passing Palestinian cars": the parser reads "passing" as a verb with
    the cars as its object."""
    m = only(analyse(pipeline, "Israeli settlers threw rocks at passing Palestinian cars near Salfit "
                               "on Monday.", MONDAY))
    assert m.actor2 == "Civilians (Palestine)"


@pytest.mark.parametrize("migrants, civilians", [
    ("52 migrants", "Civilians (International)"),  # ACLED's code for no nationality given
    ("52 Afghan migrants", "Civilians (Afghanistan)"),
])
def test_migrants_arrested_are_civilians_of_their_own_country(pipeline, migrants, civilians):
    m = only(analyse(pipeline, f"Turkish gendarmerie forces arrested {migrants} in Kars on Monday.", MONDAY))
    assert (m.sub_event_type, m.actor2) == ("Arrests", civilians)


def test_an_attack_repelled_has_the_defenders_as_actor2(pipeline):
    """The parser reads "Ukrainian forces attacked near Verbove, but were repelled" as a noun
    with a participle; the coordinated "were repelled" shows it is a clause, the forces its
    subject, and who repelled them the other side."""
    m = only_mention(pipeline, "On 1 December 2023, Ukrainian military forces attacked near Verbove, "
                               "Zaporizhia, but were repelled by the Russian military.")
    assert (m.sub_event_type, m.actor1, m.actor2) == \
        ("Armed clash", "Military Forces of Ukraine", "Military Forces of Russia")
    assert next(e.text for e in m.evidence if e.field == "actor1") == "Ukrainian military forces"


def test_hostages_of_a_nation_are_that_nations_civilians(pipeline):
    m = only(analyse(pipeline, "Hamas released eight Israeli hostages in Gaza on Monday.", MONDAY))
    assert m.actor2 == "Civilians (Israel)"


def test_an_attack_and_the_burning_done_in_it_are_one_event(pipeline):
    """ACLED's concurrent tactics: militants who storm a village and burn its market carry out
    one attack; the burning is a tactic of it, not a second event."""
    m = only_mention(pipeline, "On 1 December 2023, JNIM militants stormed the village of Sarakui "
                               "near Djibo and burned the market.")
    assert (m.sub_event_type, m.actor1) == ("Attack", "JNIM: Group for Support of Islam and Muslims")


def test_speakers_the_parser_hangs_on_a_weapons_list_are_no_side(pipeline):
    # the parse makes "residents" and "group" more things the army fought back "with"
    m = only_mention(pipeline, "On 1 December 2023, the RSF launched an assault on El Fasher before "
                               "the army and allied armed groups fought them back with air strikes "
                               "and artillery, residents and a local monitoring group said.")
    assert m.actor1 == "Rapid Support Forces" and m.location == "El Fasher"
    assert m.actor2 != "Civilians (Sudan)"


def test_a_headline_s_source_before_a_colon_is_no_side(pipeline):
    found = analyse(pipeline, "Police: 18-year-old man shot and killed near N. 20th & Highland",
                    published=dt.date(2023, 12, 1)).mentions
    assert found and all("Police" not in (m.actor1 or "") + (m.actor2 or "") for m in found)


def test_a_mosque_in_a_province_named_like_an_armed_group_is_still_civilian(pipeline):
    # "Sinai Province" is also the name of the Islamic State's branch there
    m = only_mention(pipeline, "On 1 December 2023, gunmen attacked a mosque in Egypt's restive North "
                               "Sinai province.")
    assert (m.sub_event_type, m.actor2) == ("Attack", "Civilians (Egypt)")


def test_killings_a_warning_says_could_come_are_no_event(pipeline):
    assert analyse(pipeline, "On 1 December 2023, the United Nations warned that a battle for the "
                             "city could unleash ethnically targeted killings.").mentions == []


def test_who_died_in_a_battle_between_two_sides_is_no_side(pipeline):
    m = only_mention(pipeline, "On 1 December 2023, a man was killed in a battle between troops and "
                               "terrorists in the Markets area of Belfast.")
    assert (m.sub_event_type, m.actor2, m.fatalities) == (
        "Armed clash", "Unidentified Armed Group (United Kingdom)", 1)


def test_shells_fired_toward_troops_target_the_troops(pipeline):
    # the parser hangs "toward" on the shells, not on "fired"
    m = only_mention(pipeline, "On 1 December 2023, PIJ militants fired mortar shells toward Israeli "
                               "troops stationed near Nezarim.")
    assert m.actor2 == "Military Forces of Israel"


def test_intercepted_kamikaze_drones_are_the_launching_states(pipeline):
    m = only_mention(pipeline, "On 1 December 2023, Ukrainian forces intercepted 8 Russian "
                               "kamikaze-drones over the Mykolaiv region.")
    assert (m.sub_event_type, m.actor2) == ("Disrupted weapons use", "Military Forces of Russia")


@pytest.mark.parametrize("text, launcher", [
    ("On 1 December 2023, the Israeli military intercepted a drone launched by Hezbollah over Metula.",
     "Hezbollah"),
    ("On 1 December 2023, Ukrainian air defences shot down two missiles fired by Russian forces over "
     "the Mykolaiv region.", "Military Forces of Russia"),
])
def test_who_launched_an_intercepted_weapon_is_the_other_side(pipeline, text, launcher):
    m = only_mention(pipeline, text)
    assert (m.sub_event_type, m.actor2) == ("Disrupted weapons use", launcher)


def test_artillery_units_shell_and_drone_units_strike(pipeline):
    shelling = only_mention(pipeline, "On 1 December 2023, the artillery units of the Syrian army "
                                      "pounded militant positions near Jisr al-Shughur.")
    assert shelling.sub_event_type == "Shelling/artillery/missile attack"
    strike = only_mention(pipeline, "On 1 December 2023, drone units of the Ukrainian army struck a "
                                    "Russian convoy near Bakhmut.")
    assert strike.sub_event_type == "Air/drone strike"


def test_warplanes_flying_combat_sorties_over_positions_strike_them(pipeline):
    m = only_mention(pipeline, "On 1 December 2023, Russian warplanes carried out combat sorties over "
                               "militant positions west of Aleppo, killing six fighters.")
    assert (m.sub_event_type, m.actor1) == ("Air/drone strike", "Military Forces of Russia")


def test_a_count_of_sorties_is_no_strike(pipeline):
    assert analyse(pipeline, "On 1 December 2023, the air force flew 40 sorties.").mentions == []


@pytest.mark.parametrize("text, sub_type", [
    ("On 1 December 2023, a helicopter dropped two barrel bombs on the town of Daraya.", "Air/drone strike"),
    ("On 1 December 2023, a helicopter dropped containers of chlorine gas on the town of Daraya.",
     "Chemical weapon"),
])
def test_bombs_dropped_are_an_attack(pipeline, text, sub_type):
    assert only_mention(pipeline, text).sub_event_type == sub_type


@pytest.mark.parametrize("text", [
    "On 1 December 2023, prosecutors dropped the charges against the men.",
    "On 1 December 2023, oil prices dropped sharply.",
])
def test_other_things_dropped_are_no_event(pipeline, text):
    assert analyse(pipeline, text).mentions == []


def test_a_few_attacks_someone_carried_out_are_the_news_not_a_tally(pipeline):
    found = analyse(pipeline, "Militants carried out two grenade attacks on security forces in "
                              "Calama on Friday, police said.", published=dt.date(2023, 12, 1)).mentions
    assert [m.sub_event_type for m in found] == ["Grenade"]


@pytest.mark.parametrize("text", [
    "Militants carried out 92 attacks on security forces in Calama last year, police said.",
    "Police in Calama are investigating two shootings on Friday.",
])
def test_many_attacks_or_attacks_looked_into_are_no_new_event(pipeline, text):
    assert analyse(pipeline, text, published=dt.date(2023, 12, 1)).mentions == []


@pytest.mark.parametrize("text, expected", [
    ("On 1 December 2023, police used tear gas to disperse protesters in Kano.",
     ["Protest with intervention"]),
    ("On 1 December 2023, the militants used a school in Kano as a base.", []),
    ("On 1 December 2023, a man was shot dead in Kano. The gun used in the shooting had not been "
     "found.", ["Attack"]),
    ("Both sides denied using chemical weapons in Kano on 1 December 2023.", []),
])
def test_using_anything_but_a_chemical_weapon_is_no_attack_of_its_own(pipeline, text, expected):
    found = analyse(pipeline, text, published=dt.date(2023, 12, 1)).mentions
    assert [m.sub_event_type for m in found] == expected


@pytest.mark.parametrize("text, expected", [
    ("On 1 December 2023, gunmen carried out a massacre in a village near Goma.",
     ("Attack", "Civilians (Democratic Republic of Congo)")),
    ("On 1 December 2023, ADF rebels massacred ten soldiers near Goma.",
     ("Armed clash", "Military Forces of the Democratic Republic of Congo")),
])
def test_a_massacre_with_no_victims_named_is_of_civilians(pipeline, text, expected):
    m = only_mention(pipeline, text)
    assert (m.sub_event_type, m.actor2) == expected


@pytest.mark.parametrize("text, sub_event_type", [
    ("On 1 December 2023, a mine planted by militants went off beside a police truck near "
     "Mutarika.", "Remote explosive/landmine/IED"),
    ("On 1 December 2023, coordinated attacks hit police posts at nine sites in Pattani. The "
     "attacks, mostly using grenades, began at 8pm.", "Grenade"),
])
def test_the_weapon_may_be_told_by_a_verb_of_its_own_or_a_reference_back(pipeline, text, sub_event_type):
    """"a mine went off"; "the attacks, mostly using grenades": a reference back is no event of
    its own, but the weapon it names is the earlier attacks'."""
    assert {m.sub_event_type for m in mentions_in(pipeline, text)} == {sub_event_type}


@pytest.mark.parametrize("text", [
    "Police are investigating the fatal shootings of four people in a Riverton home on Monday night.",
    "The shootings of two brothers outside a Riverton store on Monday night shocked the city.",
])
def test_the_events_a_story_tells_first_are_its_news_though_written_the_shootings(pipeline, text):
    """"the shootings of four people", first in its story, is no reference back: nothing was
    told before it."""
    m = only(analyse(pipeline, text, MONDAY + dt.timedelta(days=1)))
    assert m.event_type in ("Battles", "Violence against civilians") and m.event_date == MONDAY


def test_a_headline_toll_tells_no_event_the_shootings_could_refer_back_to(pipeline):
    """"Police name four people killed inside Riverton home" is a bare toll: the story's
    "the fatal shootings" is still the first event it tells."""
    article = Article(title="Police name four people killed inside Riverton home",
                      text="Police are investigating the fatal shootings of four people in a "
                           "Riverton home on Monday night.", published=MONDAY + dt.timedelta(days=1))
    m = only(pipeline.analyse_one(article))
    assert m.event_date == MONDAY and m.fatalities == 4


def test_the_attacks_after_an_attack_told_still_refer_back_to_it(pipeline):
    text = ("On 1 December 2023, militants attacked a police post in Mutarika. Most of the attacks "
            "this year were claimed by the same group.")
    assert len(mentions_in(pipeline, text)) == 1


def test_an_alarm_that_went_off_is_no_event(pipeline):
    assert mentions_in(pipeline, "On 1 December 2023, a fire alarm went off at a school in Kano.") == []


def test_a_person_grazed_by_a_bullet_was_hurt_in_a_shooting(pipeline):
    m = only(analyse(pipeline, "Police are investigating after a 9-year-old boy was grazed by a bullet "
                               "on Monday night in Riverton.", MONDAY))
    assert (m.sub_event_type, m.injured, m.fatalities) == ("Attack", 1, 0)


@pytest.mark.parametrize("text", ["On 1 December 2023, a teacher fell from a ladder at a school in Kano.",
                                  "On 1 December 2023, cattle grazed near the river in Kano.",
                                  "On 1 December 2023, fuel prices fell sharply in Kano."])
def test_falling_or_grazing_with_no_weapon_is_no_event(pipeline, text):
    assert mentions_in(pipeline, text) == []


@pytest.mark.parametrize("text", [
    "On 1 December 2023, a gunman shot down a 30-year-old man in the street in Kano.",
    "On 1 December 2023, a man was shot down in the street in Kano.",
])
def test_people_shot_down_were_attacked_not_intercepted(pipeline, text):
    """"Shot down a drone" is an interception; "shot down a man" is a shooting."""
    m = only_mention(pipeline, text)
    assert (m.sub_event_type, m.weapon, m.injured) == ("Attack", "firearms", 1)


def test_an_attack_joined_to_a_verb_with_an_object_shares_it(pipeline):
    """"attacked and seized the checkpoint": the parser hangs the checkpoint on "seized" only."""
    found = analyse(pipeline, "Karen rebels attacked and overran a Myanmar military checkpoint "
                              "near Myawaddy on Monday.", MONDAY).mentions
    clash = next(m for m in found if m.sub_event_type == "Armed clash")
    assert clash.actor2 == "Military Forces of Myanmar"


def test_a_military_column_is_the_force(pipeline):
    m = only(analyse(pipeline, "A resistance militia attacked the Myanmar military column near "
                               "Myawaddy on Monday.", MONDAY))
    assert m.actor2 == "Military Forces of Myanmar"


def test_a_groups_hideout_struck_is_the_group_attacked(pipeline):
    m = only(analyse(pipeline, "Iraqi jets bombed an IS hideout near Tikrit on Monday.", MONDAY))
    assert (m.sub_event_type, m.actor2) == ("Air/drone strike", "Islamic State")


@pytest.mark.parametrize("weapon", ["air-raids", "air raids"])
def test_a_weapons_name_written_with_a_hyphen_is_that_weapon(pipeline, weapon):
    m = only(analyse(pipeline, f"Sudanese army {weapon} hit RSF camps near El Fasher on Monday.", MONDAY))
    assert m.sub_event_type == "Air/drone strike"


@pytest.mark.parametrize("text, sub_type", [
    ("Sudanese army jets bombed RSF camps near Omdurman on Monday while the RSF responded with "
     "anti-aircraft fire.", "Armed clash"),
    ("Russian forces shelled Ukrainian positions near Bakhmut on Monday and Ukrainian troops "
     "returned fire.", "Armed clash"),
    # police coming to the scene is no fire back
    ("Israeli warplanes struck a house in Rafah on Monday. Police responded to the scene.",
     "Air/drone strike"),
])
def test_a_strike_its_target_answered_with_fire_is_a_clash(pipeline, text, sub_type):
    assert only(analyse(pipeline, text, MONDAY)).sub_event_type == sub_type


def test_a_named_occasion_before_an_attack_is_not_its_perpetrator(pipeline):
    """"the Denver Marathon bombing": the NER labels the occasion an organisation, but it
    names where the bombing happened, not who carried it out; "the Hamas attack" does."""
    found = analyse(pipeline, "A court convicted a friend of Denver Marathon bombing suspect "
                              "Carl Dorn for hiding evidence after the deadly blast on Sunday.",
                    MONDAY).mentions
    assert found and [e.text for m in found for e in m.evidence if e.field == "actor1"] == []
    [attack] = analyse(pipeline, "The Hamas attack on Sunday killed three soldiers near Gaza.",
                       MONDAY).mentions
    assert [e.text for e in attack.evidence if e.field == "actor1"] == ["Hamas"]


@pytest.mark.parametrize("sentence", [
    "Police said Tom Baker shot his wife three times on Sunday in Dayton.",
    "Gunmen shot him five times outside his home in Kano on Sunday.",
])
def test_how_often_one_person_was_hit_is_no_count_of_events(pipeline, sentence):
    """"shot his wife three times": the times are shots at one person, one attack with one
    victim ("attacked the base three times" stays a count of events)."""
    assert [(m.sub_event_type, m.injured) for m in analyse(pipeline, sentence, MONDAY).mentions] \
        == [("Attack", 1)]


@pytest.mark.parametrize("sentence, target, actor2", [
    ("The bombing of the federal building in Kano on Monday wounded 12 people.",
     "the federal building", "Civilians (Nigeria)"),
    ("Rebels claimed the shelling of the hospital in Aleppo on Monday.", "the hospital", "Civilians (Syria)"),
    ("Police in Kano are investigating the shooting of a teenager on Monday.", None, "Civilians (Nigeria)"),
])
def test_what_an_attack_noun_is_of_was_attacked(pipeline, sentence, target, actor2):
    m = only(analyse(pipeline, sentence, MONDAY))
    targets = [e.text for e in m.evidence if e.field == "target"]
    assert targets == ([target] if target else [])
    assert m.actor2 == actor2
    assert m.event_type != "Battles"


def test_the_town_an_attack_noun_is_of_is_its_place_not_its_target(pipeline):
    m = only(analyse(pipeline, "The shelling of Kharkiv on Monday killed three civilians.", MONDAY))
    assert m.location == "Kharkiv"
    assert not [e for e in m.evidence if e.field == "target"]


@pytest.mark.parametrize("sentence", [
    "Gunmen attacked a family gathering in Tikrit on Sunday, killing three people.",
    "Gunmen opened fire on a wedding gathering in Tikrit on Sunday, killing three people.",
])
def test_a_gathering_attacked_is_the_attacks_target_not_a_protest(pipeline, sentence):
    m = only(analyse(pipeline, sentence, MONDAY))
    assert (m.event_type, m.sub_event_type) == ("Violence against civilians", "Attack")
    assert m.actor1 == "Unidentified Armed Group (Iraq)"


@pytest.mark.parametrize("sentence", [
    "Police attacked a protest in Tikrit on Sunday.",
    "Police fired tear gas at a rally in Tikrit on Sunday.",
])
def test_forces_attacking_a_protest_still_crack_down_on_it(pipeline, sentence):
    m = only(analyse(pipeline, sentence, MONDAY))
    assert m.event_type == "Protests" and m.actor2 == "Police Forces of Iraq"


def test_a_rally_struck_from_the_air_is_an_air_strike_on_those_who_gathered(pipeline):
    m = only(analyse(pipeline, "Iraqi warplanes targeted an ISIS rally in Tikrit on Sunday.", MONDAY))
    assert (m.sub_event_type, m.actor1, m.actor2) == ("Air/drone strike", "Military Forces of Iraq",
                                                      "Islamic State")
    assert m.location == "Tikrit"


@pytest.mark.parametrize("sentence, actor1, associated", [
    ("Hamas and Islamic Jihad fighters attacked an Israeli army post near Gaza City on Sunday.",
     "Hamas Movement", "PIJ: Palestinian Islamic Jihad"),
    ("Russian and Syrian warplanes struck Idlib on Sunday.", "Military Forces of Russia Air Force",
     "Military Forces of Syria"),
])
def test_a_group_named_doing_it_with_the_attacker_is_its_associate(pipeline, sentence, actor1, associated):
    m = only(analyse(pipeline, sentence, MONDAY))
    assert (m.actor1, m.assoc_actor_1) == (actor1, associated)
    assert [e.field for e in m.evidence if e.field == "assoc_actor_1"] == ["assoc_actor_1"]


def test_unnamed_men_with_a_named_attacker_are_its_own(pipeline):
    m = only(analyse(pipeline, "Taliban gunmen and suicide bombers attacked a police post in "
                               "Lashkar Gah on Sunday.", MONDAY))
    assert (m.actor1, m.assoc_actor_1) == ("Taliban", None)
    assert [e.text for e in m.evidence if e.field == "actor1"] == ["Taliban gunmen", "suicide bombers"]


@pytest.mark.parametrize("sentence", [
    "A gunman opened fire at a wedding in Tikrit on Sunday.",
    "Gunmen attacked a funeral in Tikrit on Sunday.",
])
def test_an_attack_on_an_occasion_of_civilians_targets_civilians(pipeline, sentence):
    m = only(analyse(pipeline, sentence, MONDAY))
    assert (m.sub_event_type, m.actor2, m.civilian_targeting) == ("Attack", "Civilians (Iraq)",
                                                                  "Civilian targeting")
