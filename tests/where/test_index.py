"""The real gazetteer: built once for this module from the packaged sources and curated tables."""
from __future__ import annotations

import csv
import json
import threading
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import InputError, ResourceError
from eventwire.where import index
from eventwire.where.gazetteer import haversine_km
from eventwire.where.index import SqliteGazetteer, open_gazetteer

DATA = Path(index.__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> Settings:
    return Settings({"gazetteer.cache_dir": str(tmp_path_factory.mktemp("cache"))})


@pytest.fixture(scope="module")
def gazetteer(settings) -> SqliteGazetteer:
    return open_gazetteer(settings)


def near(place, latitude: float, longitude: float, km: float = 5.0) -> bool:
    return haversine_km(place.latitude, place.longitude, latitude, longitude) <= km


def test_ain_al_assad_is_the_air_base_in_anbar(gazetteer):
    base = gazetteer.lookup("Ain al-Assad")[0]
    assert base.kind == "facility" and base.name == "Ain al-Asad Air Base"
    assert near(base, 33.79, 42.44)
    assert (base.country, base.admin1) == ("Iraq", "Al Anbar")
    assert "Global Coalition Against Daesh" in base.occupants
    for spelling in ("Ain al-Asad", "Ayn al-Asad", "Al Asad Air Base", "Al-Asad airbase", "ORAA"):
        assert gazetteer.lookup(spelling)[0].place_id == base.place_id


@pytest.mark.parametrize("name", ["Al-Shaddadi", "Shaddadah", "Ash Shaddadah", "al-Shaddadah"])
def test_shaddadi_spellings_find_the_town_in_hasakah(gazetteer, name):
    town = gazetteer.lookup(name)[0]
    assert near(town, 36.06, 40.73)
    assert (town.country, town.admin1, town.name) == ("Syria", "Al Hasakeh", "Al-Shaddadi")


def test_coalition_outposts_are_present(gazetteer):
    for name, latitude, longitude in [("al-Tanf", 33.5, 38.6), ("Tower 22", 33.3, 38.7),
                                      ("Harir", 36.5, 44.3), ("Conoco", 35.4, 40.3),
                                      ("Green Zone", 33.3, 44.4), ("Erbil Air Base", 36.2, 44.0)]:
        place = gazetteer.lookup(name)[0]
        assert near(place, latitude, longitude, km=15), name
    assert gazetteer.lookup("Tower 22")[0].country == "Jordan"


def test_transliterations_of_deir_ez_zor_are_one_place(gazetteer):
    first = {gazetteer.lookup(n)[0].place_id for n in ("Deir Ezzor", "Dayr az Zawr", "Deir al-Zour", "Deir ez-Zor")}
    assert len(first) == 1


def test_old_spellings_find_the_current_city(gazetteer):
    assert gazetteer.lookup("Kiev")[0].name == "Kyiv"
    assert gazetteer.lookup("Artemivsk")[0].name == "Bakhmut"
    assert gazetteer.lookup("Sloviansk")[0].admin1 == "Donetsk"


def test_admin_names_use_acled_spellings(gazetteer):
    assert gazetteer.lookup("Mosul")[0].admin1 == "Ninewa"
    assert gazetteer.lookup("Zaporizhzhia")[0].admin1 == "Zaporizhia"
    assert gazetteer.lookup("Gaza City")[0].admin1 == "Gaza Strip"
    assert gazetteer.lookup("Nineveh province")[0].name == "Ninewa"


def test_reverse_lookup_names_the_region_of_a_point(gazetteer):
    assert gazetteer.admin_names(33.3, 44.4)[0] == "Baghdad"
    assert gazetteer.admin_names(33.3, 44.4, "IQ")[0] == "Baghdad"
    assert gazetteer.admin_names(35.34, 40.14, "SY")[0] == "Deir ez Zor"
    assert gazetteer.admin_names(0.0, -30.0, "IQ") == (None, None)
    assert gazetteer.admin_names(float("nan"), 44.4) == (None, None)


def test_countries_by_code_name_and_alias(gazetteer):
    assert gazetteer.country("IQ").name == "Iraq"
    assert gazetteer.country("Iraq").country_code == "IQ"
    assert gazetteer.country("U.S.").name == "United States"
    assert gazetteer.country("Britain").name == "United Kingdom"
    assert gazetteer.country("Cote d'Ivoire").name == "Ivory Coast"
    assert gazetteer.country("Narnia") is None


def test_every_country_is_covered(gazetteer):
    assert gazetteer.meta["skipped_towns"] == "0"
    with (DATA / "countries.csv").open(encoding="utf-8") as table:
        for row in csv.DictReader(table):
            assert gazetteer.country(row["iso2"]).name == row["name"]


def test_every_curated_alias_and_facility_resolves(gazetteer):
    assert json.loads(gazetteer.meta["unresolved_aliases"]) == []
    with (DATA / "facilities.csv").open(encoding="utf-8") as table:
        for row in csv.DictReader(table):
            ids = [p.place_id for p in gazetteer.lookup(row["name"])]
            assert f"fac:{row['slug']}" in ids, row["slug"]


def test_arabic_article_variants_stay_in_arabic_speaking_countries(gazetteer):
    assert gazetteer.lookup("Qamishli")[0].country == "Syria"
    assert all(p.country != "United States" for p in gazetteer.lookup("Paso"))


def test_icao_codes_answer_only_in_capitals(gazetteer):
    assert gazetteer.lookup("ORBI")[0].name == "Baghdad International Airport"
    assert all(p.kind != "airport" for p in gazetteer.lookup("Orbi"))


def test_nearby_lists_facilities_nearest_first(gazetteer):
    hits = gazetteer.nearby(33.80, 42.45, 25.0)
    assert hits[0].place_id == "fac:ain-al-asad-air-base"
    towns = gazetteer.nearby(33.34, 44.40, 30.0, kinds=("city",))
    distances = [haversine_km(33.34, 44.40, p.latitude, p.longitude) for p in towns]
    assert distances == sorted(distances) and max(distances) <= 30.0
    assert len(gazetteer.nearby(33.34, 44.40, 400.0, kinds=("facility",))) > 10
    with pytest.raises(InputError, match="unknown place kind 'base'"):
        gazetteer.nearby(33.3, 44.4, 10.0, kinds=("base",))


def test_lookup_results_are_copies(gazetteer):
    first = gazetteer.lookup("Baghdad")
    first.clear()
    assert gazetteer.lookup("Baghdad")


def test_lookups_from_many_threads_agree(gazetteer):
    names = ["Erbil", "Mosul", "Kirkuk", "Raqqa", "Homs", "Hama", "Aleppo", "Sanaa"] * 20
    results: dict[int, list] = {}

    def work(i: int, name: str) -> None:
        results[i] = [p.place_id for p in gazetteer.lookup(name)]

    threads = [threading.Thread(target=work, args=(i, n)) for i, n in enumerate(names)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(results[i] == results[i % 8] for i in results)


def test_the_cached_index_is_reused(gazetteer, settings, monkeypatch):
    assert open_gazetteer(settings) is gazetteer
    files = sorted(gazetteer.path.parent.iterdir())
    assert [f.name for f in files] == [gazetteer.path.name]
    monkeypatch.setattr(index, "_OPEN", {})
    monkeypatch.setattr(index, "_build_in_child", lambda *args: pytest.fail("rebuilt a cached index"))
    again = open_gazetteer(settings)
    assert again is not gazetteer and again.path == gazetteer.path
    assert again.lookup("Erbil")[0].place_id == gazetteer.lookup("Erbil")[0].place_id


def test_a_file_that_is_not_an_index_is_a_resource_error(tmp_path):
    junk = tmp_path / "gazetteer.sqlite"
    junk.write_text("not a database")
    with pytest.raises(ResourceError) as caught:
        SqliteGazetteer(junk)
    assert caught.value.resource == str(junk)


def test_ruler_patterns_tag_curated_names_spacy_misses(gazetteer):
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(index.ruler_patterns(gazetteer))
    doc = nlp("Drones struck Al Shaddadi, Ain al-Assad and the Conoco gas field; ties with "
              "South Sudan turned sour as Sour and Deir Ezzor were shelled.")
    found = {ent.text: (ent.label_, ent.ent_id_) for ent in doc.ents}
    assert found["Al Shaddadi"] == ("GPE", "gn:172837")
    assert found["Ain al-Assad"] == ("FAC", "fac:ain-al-asad-air-base")
    assert found["Conoco gas field"][0] == "FAC"
    assert found["Sour"][0] == "GPE" and "sour" not in found
    assert found["Deir Ezzor"][1] == gazetteer.lookup("Deir ez-Zor")[0].place_id
    assert "South" not in found


@pytest.mark.parametrize("spelling, country, name", [
    ("Bint Jubail", "LB", "Bint Jbeil"),
    ("Dair az-Zour", "SY", "Deir ez-Zor"),
    ("Maarrat al-Nouman", "SY", "Maarrat an Numan"),
])
def test_respellings_find_a_place_the_exact_lookup_misses(gazetteer, spelling, country, name):
    assert gazetteer.lookup(spelling) == []
    found = gazetteer.respellings(spelling, [country])
    assert name in [p.name for p in found]
    assert {p.country_code for p in found} == {country}


@pytest.mark.parametrize("spelling, name", [
    ("Jisr al-Shughur", "Jisr ash Shughur"),  # the article as written, and as said
    ("Ras al-Ain", "Ras al Ayn"),
])
def test_an_arabic_article_inside_a_name_is_found_however_it_is_written(gazetteer, spelling, name):
    assert name in [p.name for p in gazetteer.lookup(spelling)]


def test_respellings_stay_in_the_countries_asked_and_need_a_long_enough_name(gazetteer):
    assert gazetteer.respellings("Bint Jubail", ["SY"]) == []
    assert gazetteer.respellings("Gaza", None) == []  # too few consonants to mean one place
    assert gazetteer.respellings("Bint Jubail", None)[0].country_code == "LB"


def test_an_abbreviated_mount_or_fort_finds_the_town(gazetteer):
    """GeoNames lists "Mount Oliver" (Pennsylvania) with no "Mt. Oliver"; the news writes both."""
    [town] = [p for p in gazetteer.lookup("Mt. Oliver") if p.country_code == "US"][:1]
    assert (town.name, town.admin1) == ("Mount Oliver", "Pennsylvania")
    assert gazetteer.lookup("Ft. Lauderdale")[0].name == "Fort Lauderdale"
    assert gazetteer.lookup("Mt. Nowhere-at-all") == []
