"""Within-article merging: the headline, the lede and the detail paragraph are one event."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import analyse, mentions_in

TUESDAY = dt.date(2024, 3, 12)
STORY = """Drone and rockets fired at bases in Iraq and Syria

ERBIL, Iraq — A drone and rockets targeted two bases in Iraq and Syria on Tuesday, officials said.

Both attacks were claimed by the Islamic Resistance in Iraq.

A drone hit the Harir air base north of Erbil on Tuesday without causing casualties.

In Syria, several rockets were fired at a base near Hasakah, the officials added.
"""


def test_summaries_are_absorbed_by_the_events_they_summarise(pipeline):
    doc = analyse(pipeline, STORY, TUESDAY)
    found = sorted((m.weapon, m.country) for m in doc.mentions)
    assert found == [("drone", "Iraq"), ("rocket", "Syria")]


def test_claim_of_both_attacks_reaches_both_events_through_the_summary(pipeline):
    doc = analyse(pipeline, STORY, TUESDAY)
    assert all(m.claimed_by == ["Islamic Resistance in Iraq"] for m in doc.mentions)
    assert all(m.role == "main" and m.event_date == TUESDAY for m in doc.mentions)


def test_same_weapon_on_other_days_stays_apart(pipeline):
    text = ("A drone hit the Harir air base on Tuesday.\n\n"
            "Another drone hit the Harir air base on Sunday.")
    doc = analyse(pipeline, text, TUESDAY)
    assert sorted(m.event_date for m in doc.mentions) == [dt.date(2024, 3, 10), TUESDAY]


def test_the_news_of_a_report_without_a_date_is_dated_as_reported(pipeline):
    document = analyse(pipeline, "Gunmen killed three farmers near Maiduguri, police said.",
                       published=dt.date(2024, 3, 12))
    news = [m for m in document.mentions if m.role == "main"]
    assert news and news[0].event_date == dt.date(2024, 3, 12)
    assert news[0].time_precision == 2  # "as reported": within a week of the report


def test_an_event_placed_nowhere_lies_in_the_story_country(pipeline):
    document = analyse(pipeline, "Syrian Observatory activists documented the death of a shepherd "
                                 "in a landmine explosion on Sunday.", published=dt.date(2024, 3, 12))
    mention = document.mentions[0]
    assert (mention.country, mention.geo_precision) == ("Syria", 3)
    assert mention.geo_source.startswith("article:")


@pytest.mark.parametrize("text, published, place", [
    # the shooting is placed nowhere, the suspect's old arrest in Mexico is: the story's own
    # town (its headline's), in the country it names most, keeps the shooting in Texas
    ("San Antonio man accused of killing pregnant teen had been deported twice\n\nA 35-year-old "
     "man accused of shooting a pregnant teenager to death in her apartment on Saturday had been "
     "deported twice, officials said. Mexican police arrested him in Monterrey, Mexico, in 2016. "
     "Police said the girl, 16, died at the scene. He is held in the Bexar County jail, Texas "
     "officials said.", dt.date(2017, 3, 7), ("San Antonio", "Texas")),
    # the gunman's old bombing in Iraq is placed, the airport shooting is not: the town the
    # story is filed from counts the same
    ("FORT LAUDERDALE, Fla. — A gunman opened fire in the baggage claim area of the airport on "
     "Friday, killing five people, police said. His family said he had changed after a roadside "
     "bomb struck his convoy in Iraq in 2010.", dt.date(2017, 1, 7), ("Fort Lauderdale", "Florida")),
    # "Vietnamese" and "Vietnam" name Vietnam twice, the dateline the United States twice:
    # the story's own town wins the tie
    ("ALBUQUERQUE, N.M. — Police found three people dead at an apartment complex on Sunday in a "
     "suspected murder-suicide, officers said. The family found dead at the Villa Rosa Apartments "
     "is Vietnamese, and the next of kin is in Vietnam, police said.", dt.date(2016, 8, 28),
     ("Albuquerque", "New Mexico")),
], ids=["headline-town", "dateline-town", "dateline-wins-a-tie"])
def test_the_town_a_story_is_about_outweighs_a_country_named_in_passing(pipeline, text, published, place):
    document = analyse(pipeline, text, published=published)
    [news] = [m for m in document.mentions if m.role == "main"]
    assert (news.location, news.admin1) == place


def _placed(country: str, source: str, precision: int, location: str | None = None):
    from eventwire.document import Frame
    return Frame(country=country, location=location or country, latitude=35.0, longitude=36.0,
                 geo_precision=precision, geo_source=source, admin1="Idleb" if location else None)


def test_a_main_event_placed_only_in_a_country_takes_the_town_of_the_main_news():
    from eventwire.mentions import Cluster, _main_news_town

    vague = Cluster.of(_placed("Syria", "cc:SY", 3))
    town = Cluster.of(_placed("Syria", "gn:164816", 1, "Saraqib"))
    abroad = Cluster.of(_placed("Iraq", "article:cc:IQ", 3))
    older = Cluster.of(_placed("Syria", "article:cc:SY", 3))
    _main_news_town([vague, town, abroad, older], ["main", "main", "main", "background"])
    assert (vague.merged.location, vague.merged.geo_precision) == ("Saraqib", 2)
    assert vague.merged.geo_source == "story:gn:164816"
    assert abroad.merged.location == "Iraq"      # another country's event keeps its own
    assert older.merged.location == "Syria"      # only main news is the story's news


def _reading(frame_id: str, event_class: str, sentence: int, **fields):
    from eventwire.document import Frame
    return Frame(frame_id=frame_id, event_class=event_class, sentence=sentence, **fields)


def test_a_bare_toll_read_apart_is_the_storys_one_violent_event():
    """"Deputy shoots, wounds 16-year-old" (a toll with no place, day or weapon of its own),
    read apart from the story's one shooting, is that shooting, not a second event."""
    from eventwire.mentions import Cluster, _bare_tolls_into_their_event

    toll = Cluster.of(_reading("f0", "harm", 0))
    shooting = Cluster.of(_reading("f3", "attack", 3, weapons=["firearms"], event_date=TUESDAY))
    shooting.absorb(_reading("f4", "harm", 4))
    [event] = _bare_tolls_into_their_event([toll, shooting])
    assert event is shooting and {f.frame_id for f in event.frames} == {"f0", "f3", "f4"}


@pytest.mark.parametrize("toll_fields", [
    {"latitude": 40.0, "longitude": -75.0, "geo_source": "gn:1"},  # placed: its own telling
    {"event_date": dt.date(2024, 3, 1)},  # a day of its own
])
def test_a_toll_of_its_own_stays_apart(toll_fields):
    from eventwire.mentions import Cluster, _bare_tolls_into_their_event

    toll = Cluster.of(_reading("f0", "harm", 0, **toll_fields))
    shooting = Cluster.of(_reading("f3", "attack", 3, weapons=["firearms"], event_date=TUESDAY))
    assert len(_bare_tolls_into_their_event([toll, shooting])) == 2


def test_a_toll_dated_only_by_the_story_so_far_is_its_one_event():
    """"Jets bombed a hideout on Tuesday. The raids left several militants dead": the toll's
    day is the one carried from the sentence before, no day of its own, so it is the raids'
    toll, not an armed clash of its own."""
    from eventwire.mentions import Cluster, _bare_tolls_into_their_event

    toll = Cluster.of(_reading("f1", "harm", 1, event_date=TUESDAY, date_inherited=True))
    strikes = Cluster.of(_reading("f0", "attack", 0, weapons=["airstrike"], event_date=TUESDAY))
    [event] = _bare_tolls_into_their_event([strikes, toll])
    assert event is strikes and {f.frame_id for f in event.frames} == {"f0", "f1"}


def test_a_bare_toll_in_a_story_of_two_attacks_belongs_to_neither():
    from eventwire.mentions import Cluster, _bare_tolls_into_their_event

    clusters = [Cluster.of(_reading("f0", "harm", 0)),
                Cluster.of(_reading("f3", "attack", 3, weapons=["firearms"])),
                Cluster.of(_reading("f5", "attack", 5, weapons=["knife"]))]
    assert len(_bare_tolls_into_their_event(clusters)) == 3


def test_an_interception_without_its_interceptor_is_the_defending_states(pipeline):
    from tests.conftest import only_mention

    m = only_mention(pipeline, "Interception: On 1 December 2023, Hamas militants fired rockets "
                               "toward Ashdod. No direct hits were reported, as six rockets were "
                               "intercepted over Ashdod.")
    assert m.sub_event_type == "Disrupted weapons use"
    assert (m.actor1, m.actor2) == ("Military Forces of Israel", "Hamas Movement")


def test_an_interception_placed_only_by_the_story_is_still_the_defending_states(pipeline):
    """The rockets' own place is in a clause of their sirens; the event is placed after actors
    are read, and the interceptor then follows from the country."""
    from tests.conftest import only_mention

    m = only_mention(pipeline, "Interception: On 1 December 2023, Hamas militants fired barrages of "
                               "rockets toward southern Israel, causing sirens to sound in Sderot. "
                               "Some were intercepted over the area of Sderot.")
    assert (m.actor1, m.actor2) == ("Military Forces of Israel", "Hamas Movement")


def test_a_strike_told_without_its_perpetrator_is_the_storys_one_striking_states(pipeline):
    text = ("On 1 December 2023, Russian missiles struck Zaporizhzhia, killing four people. On "
            "Thursday, a drone strike on Kharkiv killed two people, officials said.")
    events = mentions_in(pipeline, text)
    assert {(e.location, e.actor1) for e in events} == {
        ("Zaporizhzhia", "Military Forces of Russia"), ("Kharkiv", "Military Forces of Russia")}


def test_a_strike_in_a_story_of_two_striking_sides_keeps_its_perpetrator_unknown(pipeline):
    text = ("On 1 December 2023, the Israeli army shelled Khiam in southern Lebanon. Hezbollah "
            "fired a barrage of rockets at Kiryat Shmona. A drone strike on Naqoura killed two "
            "people on Thursday.")
    [strike] = [e for e in mentions_in(pipeline, text) if e.sub_event_type == "Air/drone strike"]
    assert strike.actor1.startswith("Unidentified Armed Group")


def test_a_named_interceptor_stays_actor1(pipeline):
    from tests.conftest import mentions_in

    m = mentions_in(pipeline, "On 1 December 2023, Ukrainian forces intercepted 20 Russian drones "
                              "over Kyiv. Some of the drones were intercepted over the suburbs.")[0]
    assert (m.sub_event_type, m.actor1) == ("Disrupted weapons use", "Military Forces of Ukraine")


@pytest.mark.parametrize("agent", ["Israeli gunboats", "an Israeli combat helicopter"])
def test_a_states_vessels_and_aircraft_are_its_forces(pipeline, agent):
    from tests.conftest import only_mention

    m = only_mention(pipeline, f"On 1 December 2023, {agent} fired at targets near Rafah.")
    assert m.actor1 == "Military Forces of Israel"


def test_a_headlines_dead_and_injured_are_its_shootings_casualties(pipeline):
    """"1 dead, 4 injured in downtown Atlanta shooting" and the lede that tells it again are
    one event, not a clash and an attack."""
    text = ("1 dead, 4 injured in downtown Atlanta shooting\n\n"
            "One person is dead and four others are injured after a shooting on Auburn Avenue "
            "in downtown Atlanta early Tuesday morning.")
    [mention] = mentions_in(pipeline, text, dt.date(2014, 6, 3))
    assert (mention.fatalities, mention.injured, mention.location) == (1, 4, "Atlanta")


def test_a_headline_nothing_ties_to_the_story_is_the_story_s_first_event(pipeline):
    """The headline and the lede name different places and no weapon: nothing ties them, but
    nothing contradicts either, so the headline tells the lede's event."""
    text = ("Gunmen attack villagers in Kano state\n\n"
            "KANO, Nigeria — Armed men stormed Dawakin Kudu on Friday, killing three residents, "
            "police said.")
    document = analyse(pipeline, text, published=dt.date(2023, 12, 2))
    assert [(m.role, m.location, m.fatalities) for m in document.mentions] == [
        ("main", "Kano", 3)]


def test_militants_attacking_a_militia_that_lose_a_civilian_too_fight_a_battle(pipeline):
    [m] = mentions_in(pipeline, "On 1 December 2023, Boko Haram militants attacked Civilian "
                                "Joint Task Force members in Konduga, Borno. Two militiamen and a "
                                "civilian were killed.")
    assert (m.event_type, m.sub_event_type, m.fatalities) == ("Battles", "Armed clash", 3)


@pytest.mark.parametrize("second", [
    "The attack was repelled by the guards, police said.",
    "The guards repulsed the attack, police said.",
])
def test_an_attack_its_target_repelled_is_a_clash(pipeline, second):
    found = mentions_in(pipeline, "On 1 December 2023, gunmen attacked a bank in Kano, wounding a "
                                  "customer. " + second)
    assert [(m.event_type, m.sub_event_type) for m in found] == [("Battles", "Armed clash")]


@pytest.mark.parametrize("text", [
    "Man found shot in Kano market\n\nThe man was found on 1 December 2023, police said.",
    "On 1 December 2023, police in Kano found a man who had been shot outside a bank.",
])
def test_finding_a_victim_is_no_weapons_seizure(pipeline, text):
    found = mentions_in(pipeline, text)
    assert found and all(m.sub_event_type != "Disrupted weapons use" for m in found)


def test_finding_weapons_is_still_a_seizure(pipeline):
    [m] = mentions_in(pipeline, "On 1 December 2023, soldiers found a cache of rockets near Kano.")
    assert m.sub_event_type == "Disrupted weapons use"


def test_a_summary_of_one_event_places_it_more_precisely_within_its_country():
    """"Barrel bombs kill 11 in Syria" with "barrel bomb attacks on the town of al-Bab": the
    plural summary covers that one event, and says where in Syria it happened."""
    from eventwire.mentions import Cluster, absorb_compounds

    killing = Cluster.of(_placed("Syria", "cc:SY", 3))
    summary = _placed("Syria", "gn:174018", 1, "Al Bab")
    summary.plural = True
    absorb_compounds([summary], [killing], lede={0})
    assert (killing.merged.location, killing.merged.geo_precision) == ("Al Bab", 1)


def test_a_summary_of_several_events_places_none_of_them():
    from eventwire.mentions import Cluster, absorb_compounds

    events = [Cluster.of(_placed("Syria", "cc:SY", 3)), Cluster.of(_placed("Syria", "cc:SY", 3))]
    summary = _placed("Syria", "gn:174018", 1, "Al Bab")
    summary.plural = True
    absorb_compounds([summary], events, lede={0})
    assert [e.merged.location for e in events] == ["Syria", "Syria"]


def test_a_date_carried_over_from_another_sentence_does_not_make_news_of_its_own(pipeline):
    """A single-paragraph local story: "this shooting", dated only by the autopsy sentence
    before it, is no newer news than the shooting the lede dates."""
    story = ("Man dies after shooting near 12th and Walnut\n\nA 30-year-old man has died after he "
             "was shot on Friday night, March 8th, 2024, near 12th and Walnut in Kansas City. Police "
             "say the victim was shot while sitting in a parked car. He was taken to a hospital, "
             "where he later died. An autopsy is scheduled for Monday, March 11th, 2024. The "
             "circumstances of this shooting are under investigation.")
    roles = {(m.event_date, m.fatalities): m.role for m in analyse(pipeline, story, None).mentions}
    assert roles[(dt.date(2024, 3, 8), 1)] == "main"


def test_a_headline_summary_joins_the_dated_summary_its_lede_gives(pipeline):
    """Both plural ("Airstrikes destroy ...", "killed by ... airstrikes on a hospital in
    Idlib"): the headline tells the lede's event, not another one placed only in Syria."""
    story = ("Airstrikes destroy hospital in Syria, leaving 13 dead\n\nFive children and four "
             "medical staff were killed on Saturday by government airstrikes on a hospital in "
             "Syria's Idlib province, the charity said.")
    found = analyse(pipeline, story, dt.date(2016, 8, 9)).mentions
    strikes = [m for m in found if m.sub_event_type == "Air/drone strike"]
    assert [(m.admin1, m.event_date) for m in strikes] == [("Idleb", dt.date(2016, 8, 6))]


def test_the_shooting_told_again_is_the_attack_told_before(pipeline):
    """"The shooting happened near ...": the attack told before, though the bare "shooting"
    alone would be coded an armed clash and the shopkeeper's killing is an attack, and though
    its sentence names another place."""
    text = ("Gunmen shot dead a shopkeeper in Kano on Monday, police said.\n\n"
            "The shooting happened near a market on the road to Zaria, residents said.")
    found = mentions_in(pipeline, text, dt.date(2023, 12, 6))
    assert [(m.sub_event_type, m.location) for m in found] == [("Attack", "Kano")]


def test_an_event_told_in_two_threads_is_one_event(pipeline):
    """The headline and lede give the shooting its town; the body's "one of those bullets" and
    "the gunfire" give it its day. Frames merge as they come, so the two threads found two
    events; what the threads say agrees and ties them (the same weapon, one of them placed
    nowhere), so they are one."""
    text = ("Girl, 6, shot in arm in Dayton\n\n"
            "Police in Dayton are investigating a shooting involving a 6-year-old girl.\n\n"
            "Her mother said the girl was asleep on the couch when the shots rang out.\n\n"
            "One of those bullets hit the girl in the arm.\n\n"
            "The gunfire started in the parking lot shortly before midnight on Saturday, "
            "neighbours said.")
    found = mentions_in(pipeline, text, dt.date(2024, 5, 6))
    assert [(m.location, m.event_date) for m in found] == [("Dayton", dt.date(2024, 5, 4))]


@pytest.mark.parametrize("text", [
    ("Woman wounded when rifle goes off in Fargo home\n\n"
     "A 34-year-old woman was wounded Tuesday night when a rifle went off inside a home in "
     "Fargo, police said.\n\n"
     "Officers said her boyfriend was handling the rifle in the living room when it "
     "discharged, striking her in the leg.\n\n"
     "Investigators believe the man fired the weapon by accident."),
    ("2 killed, 1 hurt in shooting at Tulsa home\n\n"
     "Two men were killed and a woman was injured in a shooting at a home in north Tulsa on "
     "Sunday, police said.\n\n"
     "Officers found the victims after neighbours reported gunfire around 2 a.m.\n\n"
     "Detectives are investigating the deaths as a double murder."),
])
def test_the_shooting_told_again_without_its_gun_is_one_event(pipeline, text):
    """"fired the weapon" (a weapon of no named kind) and "a double murder" (no weapon) later
    in the story, placed nowhere of their own, are the one shooting of that day told again,
    not a second clash beside it."""
    found = mentions_in(pipeline, text, dt.date(2024, 5, 7))
    assert [(m.sub_event_type, m.weapon) for m in found] == [("Attack", "firearms")]


def test_a_second_shooting_with_a_weapon_of_its_own_stays_apart(pipeline):
    """A second event of that day told with another weapon is another event."""
    text = ("Man shot dead outside Tulsa bar\n\n"
            "A man was shot dead outside a bar in north Tulsa on Sunday, police said.\n\n"
            "Hours later a woman was stabbed with a knife during a robbery, officers said.")
    found = mentions_in(pipeline, text, dt.date(2024, 5, 7))
    assert sorted(m.weapon for m in found) == ["bladed weapon", "firearms"]


@pytest.mark.parametrize("sentence", [
    "Police said a 6-year-old girl was shot during a drive-by shooting Thursday night in Dallas.",
    "A boy and six other people were shot in what was believed to be a drive-by shooting "
    "Thursday evening in Dallas, police said."])
def test_people_shot_in_a_shooting_are_its_victims(pipeline, sentence):
    """The shooting the victims were shot in is the scene of their shooting, not a second
    event beside it."""
    found = mentions_in(pipeline, sentence, dt.date(2024, 5, 10))
    assert [(m.sub_event_type, m.location) for m in found] == [("Attack", "Dallas")]


def test_strikes_on_two_nearby_towns_stay_two_events(pipeline):
    """Saraqib and Ariha lie 18 km apart: close enough to be "one place" for a vague report,
    but two towns the text names are two events, as ACLED codes them."""
    text = ("An air strike hit the town of Saraqib in Idlib province on Tuesday, killing three "
            "people, the monitor said.\n\nAnother air strike hit the town of Ariha in Idlib "
            "province on Tuesday, killing five civilians.")
    found = mentions_in(pipeline, text, dt.date(2024, 5, 8))
    assert sorted((m.location, m.fatalities) for m in found) == [("Ariha", 5), ("Saraqib", 3)]


def _unplaced(sentence: int):
    from eventwire.document import Frame
    return Frame(sentence=sentence)


def _summary_in(sentence: int, *towns: str, source: str = "gn:379555"):
    from eventwire.document import PlaceRef
    from eventwire.where.gazetteer import Place
    summary = _placed("Sudan", source, 1 if towns else 3, towns[0] if towns else None)
    summary.sentence = sentence
    summary.place_refs = [PlaceRef(0, len(t), t, sentence, place=Place(
        place_id=f"gn:{t}", name=t, kind="city", country="Sudan", country_code="SD",
        latitude=13.6, longitude=25.3)) for t in towns]
    return summary


def test_a_summary_places_the_unplaced_events_told_after_it():
    """"an assault on El Fasher ... with air strikes and artillery", then "shelling of
    residential neighbourhoods": the shelling is in El Fasher."""
    from eventwire.mentions import _place_if_unplaced

    shelling = _unplaced(3)
    _place_if_unplaced(shelling, _summary_in(2, "El Fasher"))
    assert (shelling.location, shelling.geo_precision) == ("El Fasher", 1)


@pytest.mark.parametrize("event_sentence, summary", [
    (0, lambda: _summary_in(2, "El Fasher")),  # a headline before the summary
    (9, lambda: _summary_in(2, "El Fasher")),  # a later turn of the story
    (3, lambda: _summary_in(2, "Aleppo", "Idlib")),  # a summary of several towns
    (3, lambda: _summary_in(2, source="cc:SD")),  # a country-wide summary
])
def test_a_summary_does_not_place_events_it_cannot_tell_the_place_of(event_sentence, summary):
    from eventwire.mentions import _place_if_unplaced

    event = _unplaced(event_sentence)
    _place_if_unplaced(event, summary())
    assert event.geo_precision is None


def test_the_strikes_told_again_somewhere_else_are_the_same_hands(pipeline):
    story = ("On 1 December 2023, the United States carried out air strikes against targets in Iraq "
             "and Syria. In Iraq, the strikes hit positions near Al-Qaim, killing 16 people. No "
             "casualties were reported at Akashat, security sources said.")
    found = mentions_in(pipeline, story)
    qaim = next(m for m in found if m.location == "Al-Qaim")
    assert (qaim.actor1, qaim.sub_event_type) == ("Military Forces of the United States", "Air/drone strike")
    assert qaim.fatalities == 16  # "no casualties" elsewhere does not undo the toll


def test_the_attacks_on_a_side_are_not_that_sides(pipeline):
    story = ("On 1 December 2023, US forces struck militia positions in Iraq. On Saturday, the attacks "
             "on US forces in Syria resumed at Tanf.")
    found = mentions_in(pipeline, story)
    assert all(m.actor1 != "Military Forces of the United States" or m.actor2 != "Military Forces of the United States"
               for m in found)


def _shooting(sentences: set[int], placed: bool):
    from eventwire.mentions import Cluster
    frame = _placed("United States", "gn:4684888", 1, "Dallas") if placed else _unplaced(0)
    frame.weapons = ["firearms"]
    cluster = Cluster.of(frame)
    cluster.sentences = set(sentences)
    return cluster


def test_an_unplaced_thread_sharing_sentences_with_a_placed_one_is_the_same_event():
    """A headline's "shot" and its "shooting" can start two threads that both take frames
    of the same sentences; the one without a place of its own is the placed one told again.
    Two placed events of one sentence stay two ("a man was shot on Elm Street and a woman
    on Oak Street")."""
    from eventwire.mentions import _one_event

    placed, unplaced = _shooting({0, 1, 2}, True), _shooting({0, 2, 6}, False)
    assert _one_event(placed, unplaced, placed.merged, unplaced.merged)
    other = _shooting({0, 2}, True)
    assert not _one_event(placed, other, placed.merged, other.merged)


def test_each_event_knows_how_many_events_of_its_role_its_article_reports(pipeline):
    """A round-up's news are several (de-duplication never reads them as one event told
    twice); a story of one event says so."""
    round_up = mentions_in(pipeline, "On 1 December 2023, gunmen killed two farmers in Tikrit, an "
                                     "airstrike hit a depot in Mosul and a roadside bomb wounded "
                                     "three soldiers in Baiji.")
    assert len(round_up) == 3 and {m.role_count for m in round_up} == {3}
    [single] = mentions_in(pipeline, "On 1 December 2023, gunmen killed two farmers in Tikrit.")
    assert single.role_count == 1


def test_a_toll_never_joins_civilians_fleeing_elsewhere(pipeline):
    """A casualty count fits any event that can hurt, not a flight: the bomb's dead must not
    make the civilians who flee the bombers (Mob violence by rioters)."""
    text = ("A car bomb killed at least 26 people in eastern Syria on Friday, state media said. "
            "Dozens more were wounded. Islamic State fighters are now cornered around the border "
            "town of Albu Kamal, and many civilians have been trying to flee the area.")
    found = analyse(pipeline, text, dt.date(2017, 11, 17)).mentions
    bomb = [m for m in found if m.fatalities]
    assert [(m.sub_event_type, m.actor1, m.fatalities) for m in bomb] == \
        [("Remote explosive/landmine/IED", "Unidentified Armed Group (Syria)", 26)]
    assert all(m.sub_event_type != "Mob violence" for m in found)
