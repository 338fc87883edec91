"""Geocoding a place description with admin context, on a stand-in gazetteer of a few rows."""
from __future__ import annotations

import pytest

from eventwire.where.gazetteer import MemoryGazetteer, Place
from eventwire.where.geocode import (ADMIN1, ADMIN2, COUNTRY, EXACT, NEAR, PART_OF_COUNTRY,
                                     country_codes, geocode, similar, toponyms)

SYRIA = Place("cc:SY", "Syria", "country", "Syria", "SY", 33.51, 36.29)
AFGHANISTAN = Place("cc:AF", "Afghanistan", "country", "Afghanistan", "AF", 34.53, 69.17)
YEMEN = Place("cc:YE", "Yemen", "country", "Yemen", "YE", 15.35, 44.21)
ALEPPO_GOV = Place("adm1:SY.09", "Aleppo", "admin1", "Syria", "SY", 36.30, 37.40, admin1="Aleppo",
                   population=2_800_000)
ALEPPO = Place("gn:1", "Aleppo", "city", "Syria", "SY", 36.20, 37.16, admin1="Aleppo",
               population=1_600_000)
KOBANI = Place("gn:2", "Kobani", "city", "Syria", "SY", 36.89, 38.35, admin1="Aleppo", population=50_000)
AL_BAB = Place("gn:3", "Al Bab", "city", "Syria", "SY", 36.37, 37.52, admin1="Aleppo", population=60_000)
IDLIB_GOV = Place("adm1:SY.10", "Idleb", "admin1", "Syria", "SY", 35.86, 36.63, admin1="Idleb",
                  population=440_000)
IDLIB = Place("gn:4", "Idlib", "city", "Syria", "SY", 35.93, 36.63, admin1="Idleb", population=130_000)
JISR = Place("gn:5", "Jisr ash Shughur", "city", "Syria", "SY", 35.81, 36.32, admin1="Idleb",
             population=40_000)
NANGARHAR = Place("adm1:AF.18", "Nangarhar", "admin1", "Afghanistan", "AF", 34.30, 70.50,
                  admin1="Nangarhar", population=1_400_000)
LAGHMAN = Place("adm1:AF.35", "Laghman", "admin1", "Afghanistan", "AF", 34.70, 70.20,
                admin1="Laghman", population=400_000)
KHOST = Place("adm1:AF.37", "Khost", "admin1", "Afghanistan", "AF", 33.30, 69.90, admin1="Khost",
              population=500_000)
ZABUL = Place("adm1:AF.28", "Zabul", "admin1", "Afghanistan", "AF", 32.20, 67.20, admin1="Zabul",
              population=300_000)
MIZAN_DISTRICT = Place("adm2:AF.28.1", "Mizan", "admin2", "Afghanistan", "AF", 32.10, 66.60,
                       admin1="Zabul", admin2="Mizan", population=20_000)
MIZAN = Place("gn:6", "Mizan", "city", "Afghanistan", "AF", 32.05, 66.63, admin1="Zabul",
              admin2="Mizan", population=5_000)
# the provincial capital, in a district of its own
QALAT = Place("gn:8", "Qalat", "city", "Afghanistan", "AF", 32.11, 66.91, admin1="Zabul",
              admin2="Qalat", population=30_000)
MOZAMBIQUE = Place("cc:MZ", "Mozambique", "country", "Mozambique", "MZ", -25.97, 32.57)
# the island town that gave the country its name
ILHA = Place("gn:9", "Mozambique", "city", "Mozambique", "MZ", -15.03, 40.73, admin1="Nampula",
             population=14_000)
# a namesake in another country: a row set in Yemen must never land here
MIZAN_YEMEN = Place("gn:7", "Mizan", "city", "Yemen", "YE", 14.00, 44.00, admin1="Ibb",
                    population=90_000)
GAZ = MemoryGazetteer([
    (SYRIA, []), (AFGHANISTAN, []), (YEMEN, []), (ALEPPO_GOV, ["Aleppo Governorate"]),
    (ALEPPO, []), (KOBANI, ["Ayn al Arab"]), (AL_BAB, []), (IDLIB_GOV, ["Idlib"]), (IDLIB, ["Idleb"]),
    (JISR, []), (NANGARHAR, []), (LAGHMAN, []), (KHOST, []), (ZABUL, []), (MIZAN_DISTRICT, []),
    (MIZAN, []), (MIZAN_YEMEN, []), (QALAT, []), (MOZAMBIQUE, []),
    (ILHA, [])])


def where(description: str, country: str | None = None, admin1: str | None = None,
          admin2: str | None = None):
    found = geocode(description, country=country, admin1=admin1, admin2=admin2, gazetteer=GAZ)
    assert found is not None
    return found


def test_near_a_town_is_that_town_at_precision_two():
    found = where("near Kobani", "Syria", "Aleppo governorate")
    assert found.place == KOBANI
    assert (found.latitude, found.longitude) == (KOBANI.latitude, KOBANI.longitude)
    assert found.where_prec == NEAR and found.geo_precision == 2


def test_a_named_town_alone_is_exact():
    found = where("town of Al Bab", "Syria", "Aleppo governorate")
    assert found.place == AL_BAB and found.where_prec == EXACT and found.geo_precision == 1


def test_a_distance_from_a_town_is_near_that_town():
    found = where("4 km north of Mizan", "Afghanistan", "Zabul province", "Mizan district")
    assert found.place == MIZAN and found.where_prec == NEAR


def test_a_list_of_provinces_gives_the_first_province():
    found = where("Nangarhar, Laghman and Khost provinces", "Afghanistan")
    assert found.place == NANGARHAR and found.where_prec == ADMIN1 and found.geo_precision == 3


def test_of_a_list_of_provinces_the_one_the_row_gives_is_the_place():
    """UCDP files a nationwide list under one province: the others are merely named."""
    found = where("Nangarhar, Laghman, Khost and Zabul provinces", "Afghanistan", "Zabul province")
    assert found.place == ZABUL and found.where_prec == ADMIN1


def test_an_unknown_village_falls_back_to_the_district_then_the_province_then_the_country():
    district = where("Qaryat Nowhere village", "Afghanistan", "Zabul province", "Mizan district")
    assert district.place == MIZAN_DISTRICT and district.where_prec == ADMIN2
    assert district.matched == ""
    province = where("Qaryat Nowhere village", "Afghanistan", "Zabul province")
    assert province.place == ZABUL and province.where_prec == ADMIN1
    country = where("", "Afghanistan")
    assert country.place == AFGHANISTAN and country.where_prec == COUNTRY


def test_a_district_outside_a_province_the_gazetteer_reads_otherwise_gives_its_own_province():
    """UCDP writes former provinces, which a loose match takes for another ("North Eastern",
    Sri Lanka, read as North Western; here "Laghmann" as Laghman): the district it gives, found
    in the country but not in that province, is the place, and its province the province."""
    found = where("Qaryat Nowhere village", "Afghanistan", "Laghmann province", "Mizan district")
    assert found.place == MIZAN_DISTRICT and found.where_prec == ADMIN2


def test_a_part_of_the_country_is_precision_five():
    assert where("northern Afghanistan", "Afghanistan").where_prec == PART_OF_COUNTRY


def test_the_province_named_alone_is_the_province_but_a_city_named_as_such_is_the_city():
    assert where("Idlib", "Syria", "Idlib governorate").place == IDLIB_GOV
    city = where("Idlib city", "Syria", "Idlib governorate")
    assert city.place == IDLIB and city.where_prec == EXACT


def test_a_name_repeating_the_province_gives_way_to_the_place_inside_it():
    assert where("Aleppo: Al Bab", "Syria", "Aleppo governorate").place == AL_BAB


def test_a_quarter_named_like_a_town_outside_the_district_is_a_quarter_of_the_district_town():
    # "the Qalat quarter in Mizan": the town called Qalat lies in another district
    found = where("the Qalat quarter in Mizan", "Afghanistan", "Zabul province", "Mizan district")
    assert found.place == MIZAN
    assert where("the Qalat quarter in Mizan", "Afghanistan", "Zabul province").place == QALAT


def test_the_country_excludes_namesakes_elsewhere():
    assert where("Mizan", "Yemen (North Yemen)").place == MIZAN_YEMEN
    assert where("Mizan", "Afghanistan").place == MIZAN


def test_a_respelt_town_is_found_among_the_towns_of_its_province():
    found = where("Jisr Shagour", "Syria", "Idlib governorate")
    assert found.place == JISR


def test_the_country_named_alone_is_the_country_but_a_town_named_as_such_is_the_town():
    assert where("Mozambique", "Mozambique").where_prec == COUNTRY
    assert where("Mozambique town", "Mozambique").place == ILHA


def test_a_respelt_town_outside_the_given_district_is_still_found_in_its_province():
    # "Kobane" is spelt "Kobani" in the gazetteer and lies beyond the Al Bab district
    assert where("Kobane", "Syria", "Aleppo governorate", "Al Bab district").place == KOBANI
    # across a province, letters merely alike are no respelling
    assert where("Kabbani", "Syria", "Aleppo governorate", "Al Bab district").place == AL_BAB


def test_ucdp_country_names_resolve_through_their_short_or_historical_form():
    assert country_codes("Yemen (North Yemen)", GAZ)[1] == YEMEN
    assert country_codes("Atlantis", GAZ) == ((), None)


@pytest.mark.parametrize("a, b, same", [("Idleb", "Idlib governorate", True),
                                        ("Hilmand province", "Helmand", True),
                                        ("North Eastern province", "Western Province", False),
                                        ("Homs", "Hama", False)])
def test_admin_names_match_across_spellings_but_not_across_places(a, b, same):
    assert similar(a, b) is same


def test_generic_words_are_not_toponyms():
    names = [t.text for t in toponyms("Chirogora village in Purulia District")]
    assert "Chirogora" in names and "Purulia" in names
    assert not any(n.lower() in ("village", "district") for n in names)


def test_nothing_to_go_on_is_none():
    assert geocode("", gazetteer=GAZ) is None


def test_the_memory_stand_in_answers_respellings_like_the_index():
    from eventwire.where.gazetteer import MemoryGazetteer, Place

    town = Place("t", "Dayr Hafir", "city", "Syria", "SY", 36.16, 37.7, "Aleppo", None, 20_000)
    gazetteer = MemoryGazetteer([(town, ())])
    assert gazetteer.respellings("Deir Hafer", ["SY"]) == [town]
    assert gazetteer.respellings("Deir Hafer", ["IQ"]) == []


def test_a_town_filed_under_a_new_province_is_found_through_its_regency():
    """Indonesia split provinces after UCDP coded them: the gazetteer files Timika under
    Central Papua, UCDP under Papua; the regency ("Mimika regency" / "Kabupaten Mimika")
    still places it."""
    papua = Place("adm1:ID.36", "Papua", "admin1", "Indonesia", "ID", -2.16, 138.15, admin1="Papua",
                  population=600_000)
    timika = Place("gn:10", "Timika", "city", "Indonesia", "ID", -4.55, 136.89,
                   admin1="Central Papua", admin2="Kabupaten Mimika", population=140_000)
    indonesia = Place("cc:ID", "Indonesia", "country", "Indonesia", "ID", -6.2, 106.8)
    gazetteer = MemoryGazetteer([(indonesia, []), (papua, []), (timika, [])])
    found = geocode("Timika, Papua.", country="Indonesia", admin1="Papua province",
                    admin2="Mimika regency", gazetteer=gazetteer)
    assert (found.place.name, found.where_prec) == ("Timika", EXACT)
