"""Places named through an area ("in Idleb countryside", "the outskirts of Aleppo", "the province
of Marib", "the Deir ez-Zor desert around al-Mayadin") and places given with the areas they lie
in, in brackets ("Tunari (Cochabamba)", "Kikara (Douentza, Mopti)"). Sentences written for
these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.where.gazetteer import haversine_km, normalise_name
from tests.conftest import analyse, mentions_in, only_mention as only


@pytest.mark.parametrize("text, location, admin1", [
    ("On 1 December 2023, gunmen killed two farmers in Idleb countryside.", "Idlib", "Idleb"),
    ("On 1 December 2023, gunmen killed two farmers in the countryside of Hama.", "Hamah", "Hama"),
    ("On 1 December 2023, shelling killed three civilians on the outskirts of Aleppo.",
     "Aleppo", "Aleppo"),
])
def test_a_place_inside_an_area_phrase_locates_the_event(pipeline, text, location, admin1):
    m = only(pipeline, text)
    assert (m.location, m.admin1, m.country) == (location, admin1, "Syria")
    assert m.latitude is not None and m.longitude is not None


@pytest.mark.parametrize("text", [
    "On 1 December 2023, an airstrike killed four fighters in the province of Marib, Yemen.",
    "On 1 December 2023, an airstrike killed four fighters in the province of Marib in Yemen.",
    "On 1 December 2023, an airstrike killed four fighters in Yemen's province of Marib.",
])
def test_the_province_of_a_place_beats_the_country_named_with_it(pipeline, text):
    m = only(pipeline, text)
    assert (m.location, m.admin1, m.country) == ("Marib", "Marib", "Yemen")
    assert m.geo_precision in (1, 2)  # the province, not only the country


def test_an_area_named_after_a_place_never_splits_a_report(pipeline):
    """The desert is named after Deir ez-Zor; the strikes were around al-Mayadin: one event."""
    m = only(pipeline, "On 1 December 2023, Russian warplanes carried out strikes in the Deir ez-Zor "
                       "desert around al-Mayadin, killing six fighters.")
    assert (m.location, m.admin1, m.country) == ("Al Mayadin", "Deir ez Zor", "Syria")
    assert m.fatalities == 6


@pytest.mark.parametrize("text, location, admin1, country", [
    ("On 1 December 2023, gunmen killed a farmer in Tunari (Cochabamba).",
     "Cochabamba", "Cochabamba", "Bolivia"),
    ("On 1 December 2023, soldiers clashed with rebels in Tunari (Cochabamba).",
     "Cochabamba", "Cochabamba", "Bolivia"),
    ("On 1 December 2023, gunmen killed a farmer in Kikara (Mopti).", "Mopti", "Mopti", "Mali"),
    ("On 1 December 2023, gunmen killed a farmer in Kikara (Douentza, Mopti).",
     "Douentza", "Mopti", "Mali"),
])
def test_a_town_the_gazetteer_does_not_know_is_placed_by_its_bracketed_areas(
        pipeline, text, location, admin1, country):
    m = only(pipeline, text)
    assert (m.location, m.admin1, m.country) == (location, admin1, country)


@pytest.mark.parametrize("text", [
    "On 1 December 2023, gunmen killed a farmer in Kikara (Mopti).",
    "On 1 December 2023, gunmen killed a farmer in Tunari (Cochabamba).",
])
def test_a_town_placed_only_by_its_province_does_not_claim_town_precision(pipeline, text):
    assert only(pipeline, text).geo_precision > 1


@pytest.mark.parametrize("text, country, admin1", [
    ("On 1 December 2023, gunmen killed a trader in Cordoba (Veracruz).", "Mexico",
     "Veracruz de Ignacio de la Llave"),
    ("On 1 December 2023, gunmen killed a trader in Santa Rosa (La Pampa).", "Argentina",
     "La Pampa"),
    ("On 1 December 2023, in Plan de Ayala, Tamaulipas, two men were shot dead.", "Mexico",
     "Tamaulipas"),
    ("On 1 December 2023, police fired tear gas at protesters in Rawson (Chubut).", "Argentina",
     "Chubut"),
])
def test_the_province_named_beside_an_ambiguous_town_picks_the_namesake(pipeline, text, country,
                                                                       admin1):
    m = only(pipeline, text)
    assert (m.country, m.admin1, m.geo_precision) == (country, admin1, 1)


def test_a_town_the_ner_calls_a_person_before_its_province_is_the_place(pipeline):
    m = only(pipeline, "On 1 December 2023, Russian military forces shelled Chasiv Yar, Donetsk.")
    assert (m.location, m.admin1, m.geo_precision) == ("Chasiv Yar", "Donetsk", 1)


def test_an_unknown_village_before_its_province_is_placed_in_the_province_imprecisely(pipeline):
    m = only(pipeline, "On 1 December 2023, Russian military forces shelled Zorianivka, Donetsk.")
    assert (m.admin1, m.geo_precision) == ("Donetsk", 2)


def test_a_town_known_only_in_another_province_gives_way_to_the_province_named(pipeline):
    m = only(pipeline, "On 1 December 2023, Russian forces shelled Bohdanivka, Donetsk.")
    assert m.admin1 == "Donetsk"
    assert m.geo_precision == 2


@pytest.mark.parametrize("text", [
    "On 1 December 2023, Russian drones attacked Kharkiv, Sumy, and Odesa.",
    "On 1 December 2023, Russian drones attacked Kharkiv, Sumy, Odesa and Kyiv.",
])
def test_a_list_of_towns_is_not_a_town_and_its_province(pipeline, text):
    assert {m.location for m in mentions_in(pipeline, text)} >= {"Kharkiv", "Odesa"}


def test_a_town_read_in_another_country_than_its_bracketed_areas_gives_way_to_them(pipeline):
    document = analyse(pipeline, "On 1 December 2023, soldiers opened fire at a car near Al Mansura "
                                 "village near Jenin (Jenin, West Bank).", published=dt.date(2023, 12, 1))
    assert [m.country for m in document.mentions] == ["Palestine"]


def test_a_town_spelled_otherwise_is_found_among_its_provinces_towns(pipeline):
    m = only(pipeline, "On 1 December 2023, regime forces shelled Maarrat al-Nouman town in Idleb "
                       "countryside with artillery.")
    assert (m.location, m.admin1, m.geo_precision) == ("Maarrat an Numan", "Idleb", 1)


@pytest.mark.parametrize("text, location", [
    ("On 30 November 2023, in Manaus - North Zone (Amazonas), gunmen shot and killed two men.",
     "Manaus"),
    ("On 30 November 2023, in Cucuta - West (Norte de Santander), gunmen shot a man dead.",
     "Cucuta"),
])
def test_a_district_named_the_acled_way_lies_in_its_city(pipeline, text, location):
    m = only(pipeline, text)
    assert (m.location, m.geo_precision) == (location, 1)


def test_the_bracketed_area_after_an_unknown_name_places_the_event_there(pipeline):
    m = only(pipeline, "On 1 December 2023, Israeli artillery targeted the outskirts of Zibqin "
                       "(Bint Jbeil). There were no casualties.")
    assert (m.country, m.location, m.geo_precision) == ("Lebanon", "Bint Jbeil", 2)


@pytest.mark.parametrize("text, location, admin1", [
    ("On 1 December 2023, Russian military forces shelled Vovchansk, Kharkiv. Casualties unknown.",
     "Vovchansk", "Kharkiv"),
    ("On 30 November 2023, in Cuernavaca, Morelos, dozens of pensioners held a protest.",
     "Cuernavaca", "Morelos"),
])
def test_a_town_and_its_province_read_as_one_name_are_split(pipeline, text, location, admin1):
    m = only(pipeline, text)
    assert (m.location, m.admin1, m.geo_precision) == (location, admin1, 1)


def test_a_town_named_before_its_settlement_noun_is_a_place_whatever_the_ner_says(pipeline):
    m = only(pipeline, "On 30 November 2023, clashes took place between two tribal militias in "
                       "Jarablus town in Aleppo countryside.")
    assert (m.location, m.admin1, m.geo_precision) == ("Jarabulus", "Aleppo", 1)


def test_an_unknown_town_in_a_citys_countryside_is_placed_near_the_city_imprecisely(pipeline):
    m = only(pipeline, "On 30 November 2023, regime forces shelled Tell Zarqa town in Hama "
                       "countryside with artillery.")
    assert (m.admin1, m.geo_precision) == ("Hama", 2)


def test_every_area_in_a_long_bracket_counts_against_a_namesake_abroad(pipeline):
    m = mentions_in(pipeline, "On 1 December 2023, in Pale town (Pale township, Yinmarbin district, "
                              "Sagaing region), a local defense force ambushed a Myanmar military column.")[0]
    assert m.country == "Myanmar"


@pytest.mark.parametrize("text, location, country", [
    ("On 1 December 2023, worshippers demonstrated after the Friday prayer in Oujda (Oujda-Angad, "
     "Oriental) in solidarity with Palestinians and to denounce Israeli operations in Gaza.",
     "Oujda", "Morocco"),
    ("On 1 December 2023, residents staged a rally at the Grand Mosque in Dezful city (Khuzestan) "
     "to support Palestinians and to denounce Israeli operations in Gaza.", "Dezful", "Iran"),
])
def test_a_place_a_protest_is_about_is_not_where_it_was_held(pipeline, text, location, country):
    m = only(pipeline, text)
    assert (m.location, m.country) == (location, country)


def test_striking_the_outskirts_of_a_town_is_an_attack_near_it(pipeline):
    m = only(pipeline, "On 1 December 2023, Israeli jets struck the outskirts of Naqoura.")
    assert (m.sub_event_type, m.actor1) == ("Air/drone strike", "Military Forces of Israel")
    assert (m.location, m.geo_precision) == ("Naqoura", 2)


@pytest.mark.parametrize("text, location, country", [
    # a London "Church Street" is no place of a Vermont protest
    ("On 1 December 2023, students marched on Church Street in Burlington (Vermont) to demand "
     "more funding for AIDS relief.", "Burlington", "United States"),
    # the gazetteer knows only the Bosnian Pale: the bracketed region places the event
    ("On 1 December 2023, soldiers shelled Pale township (Yinmarbin district, Sagaing region), "
     "killing two villagers.", "Sagaing", "Myanmar"),
])
def test_a_namesake_abroad_of_the_bracketed_areas_country_is_a_false_friend(pipeline, text,
                                                                            location, country):
    m = [m for m in mentions_in(pipeline, text) if m.role == "main"][0]
    assert (m.location, m.country) == (location, country)


def test_a_province_abbreviated_like_a_country_code_is_no_country(pipeline):
    """"KP" is Khyber Pakhtunkhwa here, not North Korea's ISO code."""
    m = only(pipeline, "On 1 December 2023, militants exchanged fire with police at a checkpoint "
                       "in Landi Kotal (Khyber district, KP), killing one policeman.")
    assert m.country == "Pakistan"


@pytest.mark.parametrize("text, location", [
    ("On 1 December 2023, two people were killed in a rocket attack on al-Midan neighborhood in "
     "Aleppo.", "Aleppo - Midan"),
    ("On 1 December 2023, a car bomb exploded in the southern Damascus district of Midan, killing "
     "two people.", "Damascus"),
    ("On 1 December 2023, Kurdish fighters clashed with rebels in Sheikh Maqsoud, Syria.",
     "Aleppo - Sheikh Maqsoud"),
    ("On 1 December 2023, regime forces shelled the Jobar district, Syria, killing three.",
     "Damascus - Jobar"),
])
def test_a_neighbourhood_of_a_syrian_city_lies_in_that_city(pipeline, text, location):
    """Neighbourhoods the war made known (facilities.csv, kind district); Aleppo and Damascus
    each have a Midan, and "in Aleppo" says which."""
    m = only(pipeline, text)
    assert m.location == location
    assert m.admin1 == location.split(" - ")[0]


@pytest.mark.parametrize("possessive", ["Syria's", "Syrias"])
def test_a_place_a_country_possesses_is_that_place_with_or_without_the_apostrophe(pipeline,
                                                                                  possessive):
    m = only(pipeline, f"On 1 December 2023, warplanes killed 34 civilians in air strikes on "
                       f"{possessive} Deir Ezzor province, a monitor said.")
    assert (m.country, m.admin1) == ("Syria", "Deir ez Zor")


@pytest.mark.parametrize("text, town", [
    ("On 30 November 2023, Russian military forces shelled Myrnohrad, Donetsk. Casualties unknown.",
     "Myrnohrad"),
    ("On 30 November 2023, Russian artillery shelled Kostiantynivka, Donetsk. Two houses burned.",
     "Kostiantynivka"),
])
def test_a_known_town_before_its_province_is_the_place_whatever_the_parse(pipeline, text, town):
    """The parser often hangs the shelled town on the verb as a modifier; the province after
    its comma still makes it a place, and the town, not the province, places the event."""
    m = only(pipeline, text)
    assert (m.location, m.admin1, m.geo_precision) == (town, "Donetsk", 1)


def test_of_two_namesakes_in_one_province_the_one_beside_the_named_district_is_meant(pipeline):
    """Two West Bank villages are called Jaba; "(Al Quds, West Bank)" names Jerusalem's district,
    so the Jaba beside Jerusalem is meant, not the one near Jenin."""
    m = only(pipeline, "On 30 November 2023, settlers set fire to two cars in Jaba village "
                       "(Al Quds, West Bank).")
    assert m.location == "Jaba"
    assert haversine_km(m.latitude, m.longitude, 31.77, 35.22) < 20  # Jerusalem


def test_an_unknown_village_in_a_named_district_is_not_respelt_as_a_town_outside_it(pipeline):
    """"Maganda Village, Birnin Gwari (Birnin Gwari, Kaduna)": the gazetteer lacks the village;
    a look-alike name elsewhere in Kaduna (Maigana, 150 km off) is no reading of it, the
    district named after it places the event."""
    m = only(pipeline, "On 30 November 2023, gunmen abducted nine farmers from Maganda Village, "
                       "Birnin Gwari (Birnin Gwari, Kaduna).")
    assert m.location != "Maigana"
    assert "birnin gwari" in normalise_name(m.location)
