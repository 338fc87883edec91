"""Choosing an event's place, on a stand-in gazetteer of a few rows (resolution logic only)."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from eventwire.document import ActorRef, Document, Frame, PlaceRef, TextSpan
from eventwire.records import Article
from eventwire.where.gazetteer import MemoryGazetteer, Place
from eventwire.where.names import name_variants
from eventwire.where.refs import split_by_place
from eventwire.where.resolve import Resolver

from tests.conftest import analyse

IRAQ = Place("cc:IQ", "Iraq", "country", "Iraq", "IQ", 33.3, 44.4)
SYRIA = Place("cc:SY", "Syria", "country", "Syria", "SY", 33.5, 36.3)
HIT_IRAQ = Place("gn:1", "Hit", "city", "Iraq", "IQ", 33.64, 42.83, admin1="Al Anbar", population=60000)
HIT_SYRIA = Place("gn:2", "Hit", "city", "Syria", "SY", 35.0, 38.0, admin1="Homs", population=300)
QAIM = Place("gn:3", "Al-Qaim", "city", "Iraq", "IQ", 34.37, 41.09, admin1="Al Anbar", population=74000)
AKASHAT = Place("gn:4", "Akashat", "city", "Iraq", "IQ", 33.8, 40.6, admin1="Al Anbar", population=1000)
BASE = Place("fac:base", "Qaim Base", "facility", "Iraq", "IQ", 34.38, 41.10, admin1="Al Anbar",
             facility_type="military base")
GAZ = MemoryGazetteer([(IRAQ, []), (SYRIA, []), (HIT_IRAQ, []), (HIT_SYRIA, []),
                       (QAIM, ["Qaim"]), (AKASHAT, []), (BASE, [])])


def frame(*refs: PlaceRef, **fields) -> Frame:
    return Frame(frame_id="f1", place_refs=list(refs), **fields)


def ref(text, distance=1, start=0, relation="in") -> PlaceRef:
    return PlaceRef(start, start + len(text), text, 0, relation=relation, distance=distance)


def resolver() -> Resolver:
    return Resolver(GAZ, Document(Article(text="x")))


@pytest.mark.parametrize("name, county", [("Marshall Co.", "Marshall County"),
                                          ("Lincoln Co", "Lincoln County")])
def test_a_county_written_co_is_looked_up_as_the_county(name, county):
    assert name_variants(name)[:2] == [name, county]


def test_a_word_ending_in_co_is_no_county():
    assert name_variants("Costco") == ["Costco"] and name_variants("Morocco") == ["Morocco"]


def test_name_variants_drop_articles_compass_words_and_generic_suffixes():
    assert name_variants("the western Anbar province") == ["western Anbar province", "Anbar province", "Anbar"]
    assert "Baghdad" in name_variants("Baghdad's Green Zone")


@pytest.mark.parametrize("phrase, name", [
    ("the occupied West Bank", "West Bank"),  # "West" starts the name once "occupied" is off
    ("the restive North Sinai", "North Sinai"),
    ("war-torn Idlib province", "Idlib"),
])
def test_words_describing_a_name_come_off_but_not_the_names_own(phrase, name):
    variants = name_variants(phrase)
    assert name in variants and not any(len(v) < len(name) and v in name for v in variants)


@pytest.mark.parametrize("phrase", ["Syria's Deir Ezzor", "Syrias Deir Ezzor", "SYRIAS Deir Ezzor"])
def test_the_place_a_possessive_names_is_tried_before_its_owner(phrase):
    """Scraped copy often loses the apostrophe ("Syrias"): the owner still comes last."""
    variants = name_variants(phrase)
    assert variants.index("Deir Ezzor") < variants.index(phrase.split()[0][:5])


def test_the_country_named_with_the_town_decides_between_namesakes():
    f = frame(ref("Hit", start=0), ref("Syria", start=10))
    resolver().resolve(f)
    assert f.location == "Hit" and f.country == "Syria"


def test_without_context_the_bigger_namesake_wins():
    f = frame(ref("Hit"))
    resolver().resolve(f)
    assert f.country == "Iraq" and f.admin1 == "Al Anbar" and f.geo_precision == 1


def test_a_place_tied_to_the_trigger_beats_one_merely_named_in_the_sentence():
    f = frame(ref("Iraq", distance=3, start=0), ref("Al-Qaim", distance=1, start=20))
    resolver().resolve(f)
    assert f.location == "Al-Qaim"


def test_near_a_town_is_precision_two_and_a_country_precision_three():
    near = frame(ref("Al-Qaim", relation="near"))
    resolver().resolve(near)
    assert near.geo_precision == 2
    country = frame(ref("Iraq"))
    resolver().resolve(country)
    assert country.geo_precision == 3


def test_a_generic_base_next_to_a_town_becomes_the_curated_base_without_claiming_its_name():
    f = frame(ref("Al-Qaim"), target_refs=[ActorRef(0, 6, "a base")])
    resolver().resolve(f)
    assert f.location == "Qaim Base" and f.geo_precision == 2
    assert f.target_facility is None  # inferred, not named by the text


def test_strikes_at_two_distant_towns_are_two_events_and_lose_their_joint_toll():
    f = frame(ref("Al-Qaim", start=0), ref("Akashat", start=30), trigger=TextSpan(0, 7, "strikes"),
              fatalities_reported=[16], fatalities=16)
    document = Document(Article(text="x"))
    r = Resolver(GAZ, document)
    r.article_countries = Counter({"IQ": 1})  # the story names Iraq
    r.resolve(f)
    parts = split_by_place(f, r)
    assert sorted(p.location for p in parts) == ["Akashat", "Al-Qaim"]
    assert all(p.fatalities is None for p in parts)
    assert document.warnings


def test_a_region_called_so_beats_a_smaller_town_that_has_the_name_among_its_other_names():
    state = Place("adm1:US.FL", "Florida", "admin1", "United States", "US", 28.75, -82.5,
                  admin1="Florida", population=16_000_000)
    town = Place("gn:30", "Floridablanca", "city", "Colombia", "CO", 7.06, -73.09,
                 admin1="Santander", population=267_000)
    gazetteer = MemoryGazetteer([(state, []), (town, ["Florida"])])
    assert [p.name for p in Resolver(gazetteer, Document(Article(text="x"))).candidates(
        ref("Florida"))] == ["Florida"]


def test_a_town_known_by_another_name_stays_a_candidate_beside_a_town_called_so():
    tadmur = Place("gn:20", "Tadmur", "city", "Syria", "SY", 34.56, 38.27, admin1="Homs",
                   population=51000)
    namesake = Place("gn:21", "Palmyra", "city", "United States", "US", 40.31, -76.59,
                     admin1="Pennsylvania", population=7500)
    gazetteer = MemoryGazetteer([(tadmur, ["Palmyra"]), (namesake, [])])
    f = frame(ref("Palmyra"))
    Resolver(gazetteer, Document(Article(text="x"))).resolve(f)
    assert (f.location, f.country) == ("Tadmur", "Syria")


def test_a_country_written_before_the_attack_is_who_struck_when_the_sentence_places_it_abroad():
    f = frame(ref("Iraq", start=0, relation="compound"), ref("Syria", start=20, distance=3,
                                                             relation="sentence"))
    resolver().resolve(f)
    assert f.country == "Syria"


def test_a_country_written_before_the_attack_alone_is_where_it_happened():
    f = frame(ref("Iraq", start=0, relation="compound"))
    resolver().resolve(f)
    assert f.country == "Iraq"


def test_a_big_namesake_beats_a_small_one_beside_a_big_city_the_story_names(pipeline):
    text = ("The former crime boss from Brooklyn died on Monday at a prison hospital in "
            "Springfield, officials said. He had been shot in 1957.")
    document = analyse(pipeline, text)
    resolver = Resolver(pipeline.resources.gazetteer, document)
    assert resolver.resolve_name("Springfield").admin1 == "Missouri"
    assert resolver.resolve_name("Kensington").admin2 == "Kings County"


def test_a_county_is_the_one_in_the_state_of_the_storys_town():
    """County names repeat from state to state: in a story filed from Portland, Oregon,
    "Marion County" is Oregon's, not the bigger one around Indianapolis."""
    portland = Place("gn:30", "Portland", "city", "United States", "US", 45.52, -122.68,
                     admin1="Oregon", population=650000)
    indiana = Place("adm2:IN", "Marion County", "admin2", "United States", "US", 39.78, -86.14,
                    admin1="Indiana", population=950000)
    oregon = Place("adm2:OR", "Marion County", "admin2", "United States", "US", 44.90, -122.58,
                   admin1="Oregon", population=340000)
    gazetteer = MemoryGazetteer([(portland, []), (indiana, []), (oregon, [])])
    document = Document(Article(text="x"))
    resolver = Resolver(gazetteer, document)
    document.context["dateline_place"] = portland  # as "PORTLAND, Ore. -" would set it
    f = frame(ref("Marion County"))
    resolver.resolve(f)
    assert (f.location, f.admin1) == ("Marion County", "Oregon")
    elsewhere = frame(ref("Marion County"))
    Resolver(gazetteer, Document(Article(text="x"))).resolve(elsewhere)
    assert elsewhere.admin1 == "Indiana"  # with no town of its own, the bigger county


@pytest.mark.parametrize("side", ["the South Side", "the Far Southwest Side", "the West Side"])
def test_a_side_of_a_city_is_the_story_city_not_a_town_of_its_own(pipeline, side):
    """GeoNames gives "South Side" as another name of a town on Staten Island, and without its
    compass word "Side" is a town in Turkey: a city's side is only part of the story's city."""
    text = (f"CHICAGO — A man was shot and killed early Sunday on {side}, police said.\n\n"
            "The 34-year-old was standing outside a store when a gunman opened fire.")
    [event] = analyse(pipeline, text, published=dt.date(2024, 5, 6)).mentions
    assert (event.location, event.admin1) == ("Chicago", "Illinois")


def first_place(pipeline, text: str, published: dt.date) -> tuple[str | None, str | None]:
    """The town and province of the story's first event."""
    [event, *_] = analyse(pipeline, text, published=published).mentions
    return event.location, event.admin1


def test_a_small_town_far_off_in_a_state_the_story_never_names_is_no_place(pipeline):
    """"At Eight Mile and Sunset" in a Detroit story is a street corner: Sunset is a town in
    Florida and a Vancouver neighbourhood, neither of which the story names."""
    text = ("DETROIT — A woman was shot in her car at Eight Mile and Sunset on Wednesday night, "
            "police said.\n\nA 17-year-old was arrested at a bus stop nearby.")
    assert first_place(pipeline, text, dt.date(2024, 5, 9)) == ("Detroit", "Michigan")


def test_what_a_block_is_of_is_a_street(pipeline):
    """"in the 6700 block of South Aberdeen": a Chicago street, not Aberdeen in Scotland."""
    text = ("CHICAGO — A 7-year-old boy accidentally shot himself Sunday at his home in the 6700 "
            "block of South Aberdeen, police said.")
    assert first_place(pipeline, text, dt.date(2016, 3, 21)) == ("Chicago", "Illinois")


@pytest.mark.parametrize("where", ["near the intersection of Gale and Vermont",
                                   "at the corner of Gale and Vermont streets"])
def test_streets_that_meet_are_no_state(pipeline, where):
    """Two streets meeting ("Gale and Vermont") name no US state in an Indianapolis story."""
    text = f"INDIANAPOLIS -- A man was shot Sunday night {where} on the city's east side."
    assert first_place(pipeline, text, dt.date(2016, 5, 2)) == ("Indianapolis", "Indiana")


def test_a_corner_of_a_country_is_a_part_of_it(pipeline):
    text = "Militants attacked an army post on Sunday in the northwest corner of Syria, a monitor said."
    [event, *_] = analyse(pipeline, text, published=dt.date(2016, 5, 2)).mentions
    assert event.country == "Syria"


@pytest.mark.parametrize("text, place", [
    # a town of its own, however big the Orange of California its last word names
    ("A man was shot on the front porch of a home in East Orange, New Jersey, on Saturday "
     "morning, police said.", ("East Orange", "New Jersey")),
    # a part of the big town beside it
    ("PORTLAND, Ore. -- One man was killed and two were wounded in a shooting in North Portland "
     "early Saturday, police said.", ("Portland", "Oregon")),
])
def test_a_whole_name_is_its_own_town_unless_part_of_a_big_one(pipeline, text, place):
    assert first_place(pipeline, text, dt.date(2016, 6, 27)) == place


def test_a_town_respelt_beside_its_province_is_found(pipeline):
    """"Tall Refaat town in Aleppo countryside": the gazetteer spells it Tall Rifat (a
    respelling word for word, the settlement word apart)."""
    text = ("A drone of unknown origin struck the outskirts of Tall Refaat town in Aleppo "
            "countryside on Thursday, a monitoring group said. No casualties were reported.")
    assert first_place(pipeline, text, dt.date(2023, 11, 30)) == ("Tall Rifat", "Aleppo")


def test_a_hotels_name_is_no_respelling_of_a_town(pipeline):
    """"the Hampton Inn" beside a New York neighbourhood is no misspelt Hampton, New York."""
    text = ("NEW YORK -- A woman was shot during a robbery at the Hampton Inn in South Ozone Park "
            "on Thursday night, police said.")
    assert first_place(pipeline, text, dt.date(2016, 1, 22)) == ("South Ozone Park", "New York")


def test_a_state_agency_names_its_state(pipeline):
    """No dateline, no state written as a place: "the Tennessee Bureau of Investigation" says
    which Bristol the shooting was in (not England's city, nor Connecticut's)."""
    text = ("One dead, four hurt in series of shootings in Bristol\n\nA gunman fired at a motel and "
            "at passing cars early Thursday before officers shot him, police said. A Tennessee "
            "Bureau of Investigation spokesman said the officers returned fire.")
    assert first_place(pipeline, text, dt.date(2016, 7, 8)) == ("Bristol", "Tennessee")


def test_a_far_town_in_a_state_the_story_names_is_still_that_town(pipeline):
    text = ("DETROIT — A Detroit man was shot dead on Tuesday in Sunset, Florida, while "
            "visiting relatives, police said.")
    assert first_place(pipeline, text, dt.date(2024, 5, 9)) == ("Sunset", "Florida")


def test_a_county_abroad_found_by_a_bare_name_is_no_place_of_a_story_that_names_its_country(pipeline):
    """"the Old Park district" of a Belfast story is no Park County, Colorado: a county or
    district in a country the story never names, while it names its own, is a namesake."""
    text = ("BELFAST - Three gunmen were hit by soldiers in Belfast overnight, the army said.\n\n"
            "Later, a man was shot dead when he answered a knock at his door in Deerpark Road, in "
            "the Old Park district of the city.")
    events = analyse(pipeline, text, published=dt.date(1972, 7, 10)).mentions
    assert events and {e.country for e in events} == {"United Kingdom"}


def test_a_wire_story_that_names_a_far_big_city_of_its_country_means_its_small_towns(pipeline):
    """A story from "KYIV, Ukraine" that names Kharkiv is about the whole country: Avdiivka,
    small, far and in a province it never names, is still the town meant (in a local story
    such a town is a namesake: "Sunset" in a Detroit story)."""
    text = ("KYIV, Ukraine — Russian drones hit apartment blocks in Kharkiv early on Saturday, "
            "killing six people, officials said.\n\n"
            "Russian forces shelled the town of Avdiivka on Friday, killing two civilians.")
    events = analyse(pipeline, text, published=dt.date(2024, 4, 6)).mentions
    assert ("Avdiivka", "Donetsk") in {(e.location, e.admin1) for e in events}


def test_an_abbreviation_in_capitals_names_no_town(pipeline):
    """"(DOB: 02/14/1977)" is a date of birth, not the Slovenian town of Dob; a region's
    abbreviation ("KP") and a country's ("UK") still stand for them."""
    text = ("The suspect has been identified as Martin Rockwell (DOB: 02/14/1977), and was "
            "arrested on charges of shooting at an inhabited dwelling.")
    events = analyse(pipeline, text, published=dt.date(2017, 1, 10)).mentions
    assert events and not {e.country for e in events} & {"Slovenia"}
    text = "Gunmen shot dead two policemen in Peshawar, KP, on Monday, officials in the UK said."
    assert first_place(pipeline, text, dt.date(2017, 1, 10)) == ("Peshawar", "Khyber Pakhtunkhwa")


def test_the_street_a_block_is_of_is_no_town_the_story_is_about(pipeline):
    """"in the 1900 block of Dover" names a street: the story is about Salina, whose police
    it quotes, not about Dover, England."""
    text = ("Salina Man Dies From Gunshot Wound\n\nSalina Police are investigating a shooting death "
            "in the 1900 block of Dover.\n\nWitnesses called police on Sunday morning after a man was "
            "shot with a handgun in a driveway outside a residence.")
    assert first_place(pipeline, text, dt.date(2016, 7, 25)) == ("Salina", "Kansas")


def test_a_town_called_so_beats_a_bigger_one_that_has_the_name_among_its_others(pipeline):
    """Larnaca (72,000) was once called Salina; Salina, Kansas (48,000) is called so: with no
    country named to tell them apart, the name means the town that bears it."""
    text = "A man was shot dead outside a bar in Salina late on Saturday, police said."
    assert first_place(pipeline, text, dt.date(2016, 7, 25)) == ("Salina", "Kansas")


def test_a_town_the_story_names_with_its_state_is_that_town_wherever_it_is_named_again(pipeline):
    """"in Erie, Pennsylvania" once: the story's later bare "Erie" is that city, not the Erie
    County beside its Cleveland dateline."""
    text = ("CLEVELAND -- A man wanted for three carjackings was taken into custody Monday night in "
            "Erie, Pennsylvania. Cleveland police said he was shot in the leg and went to a hospital "
            "in Erie to get treatment.")
    events = analyse(pipeline, text, published=dt.date(2015, 12, 7)).mentions
    assert ("Erie", "Pennsylvania") in {(e.location, e.admin1) for e in events}
    assert "Ohio" not in {e.admin1 for e in events}


SAHAM = Place("gn:20", "Saham", "city", "Oman", "OM", 24.17, 56.89, admin1="Al Batinah North",
              population=140000)
DIYALA = Place("adm1:IQ.10", "Diyala", "admin1", "Iraq", "IQ", 33.98, 44.95, admin1="Diyala",
               population=600000)
OTHER_NAMES = MemoryGazetteer([(IRAQ, []), (SAHAM, ["Al Salam"]), (DIYALA, [])])


def test_a_town_found_only_by_another_name_abroad_of_the_area_written_after_it_is_dropped():
    """"Al Salam district, Diyala": Saham in Oman is called Al Salam among its other names,
    but the province written after it is Iraq's; the district is one the gazetteer lacks."""
    f = frame(ref("Al Salam", start=0, relation="area"), ref("Diyala", start=19, relation="sentence"))
    Resolver(OTHER_NAMES, Document(Article(text="x"))).resolve(f)
    assert f.country == "Iraq" and f.admin1 == "Diyala"


def test_a_town_found_by_another_name_with_no_area_after_it_stays():
    f = frame(ref("Al Salam", start=0))
    Resolver(OTHER_NAMES, Document(Article(text="x"))).resolve(f)
    assert f.location == "Saham" and f.country == "Oman"
