"""Exports: ACLED CSV, GeoJSON, JSONL, Parquet and PLOVER, from events that went through a
DuckDB file (hand-made ones, and the sample articles through the real pipeline)."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire import export
from eventwire.cli import app
from eventwire.errors import ConfigError, InputError, ResourceError
from eventwire.records import Attribution, Event, Evidence, Source, event_from_json
from eventwire.store import open_store
from tests.conftest import SHARED

# --------------------------------------------------------------------------- fixtures
ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp"
)
COUNTRY_TABLE = (
    "iso2,iso3,iso_numeric,name,region,aliases\n"
    "IQ,IRQ,368,Iraq,Middle East,Republic of Iraq\n"
    "SY,SYR,760,Syria,Middle East,Syrian Arab Republic|SAR\n"
    "AF,AFG,004,Afghanistan,Caucasus and Central Asia,\n"
)
STAMP = 1702400000


@pytest.fixture
def countries(tmp_path, monkeypatch):
    """A small country table standing in for data/countries.csv."""
    path = tmp_path / "countries.csv"
    path.write_text(COUNTRY_TABLE, encoding="utf-8")
    monkeypatch.setattr(export, "COUNTRIES_CSV", path)
    return path


@pytest.fixture
def events():
    """A claimed drone strike (two outlets), a week-long shelling with no toll, a placeless one."""
    drone = Event(
        event_id="IRQ-ev1", event_date=dt.date(2023, 12, 12), time_precision=1,
        disorder_type="Political violence", event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", actor1="Northern Resistance Front", inter1=3,
        actor2="Military Forces of Iraq", inter2=1, interaction=13,
        claimed_by=["Northern Resistance Front"],
        attributed_to=[Attribution("Kataib Hezbollah", "US officials")], weapon="drone",
        target_facility="Erbil air base", intercepted=False, country="Iraq", admin1="Erbil",
        admin2="Erbil", location="Erbil", latitude=36.237654, longitude=43.963123,
        geo_precision=1, fatalities=0, fatalities_reported=[], injured=2,
        notes="On 12 December 2023, a drone struck a depot beside Erbil airport.",
        plover={"type": "ASSAULT", "mode": "aerial"}, confidence=0.8,
        sources=[
            Source(article_id="art-1", url="https://wire.example/erbil", outlet="Wire",
                   published=dt.date(2023, 12, 13), mention_id="m1",
                   evidence=[Evidence("weapon", 2, 7, "drone")]),
            Source(article_id="art-2", url="https://www.kd.example/news/1", mention_id="m2"),
            Source(article_id="art-3", url="https://wire.example/erbil-2", outlet="Wire"),
        ])
    shelling = Event(
        event_id="SYR-ev2", event_date=dt.date(2023, 12, 10), time_precision=2,
        date_range=(dt.date(2023, 12, 4), dt.date(2023, 12, 10)),
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", country="Syrian Arab Republic",
        location="Al-Shaddadi", latitude=36.06, longitude=40.73, geo_precision=2,
        sources=[Source(article_id="art-4", outlet="Levant Monitor")])
    placeless = Event(event_id="XXX-ev3", event_date=dt.date(2023, 12, 1),
                      event_type="Strategic developments", latitude=95.0, longitude=10.0)
    return [drone, shelling, placeless]


@pytest.fixture
def stored(tmp_path, events):
    """The fixture events after a round trip through a DuckDB file, newest first."""
    path = str(tmp_path / "export.duckdb")
    with open_store(path) as store:
        store.save_batch([], [], [], events)
    with open_store(path) as store:
        return store.events()


def acled_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# --------------------------------------------------------------------------- ACLED
def test_acled_has_acleds_columns_in_acleds_order(stored, countries):
    out = io.StringIO()
    assert export.write_acled(stored, out, timestamp=STAMP) == 3
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ACLED_HEADER.split(",") == list(export.ACLED_COLUMNS)
    assert len(rows) == 4 and all(len(row) == len(rows[0]) for row in rows)


def test_acled_header_is_the_header_of_real_acled_data(stored):
    """ACLED's own export (read at test time from ../shared, never copied here)."""
    folder = SHARED / "eval" / "acled"
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: no real ACLED data to compare with")
    files = sorted(folder.glob("*.csv"))
    assert files, f"no ACLED CSV in {folder}"
    with files[0].open(encoding="utf-8", newline="") as handle:
        real = next(csv.reader(handle))
    out = io.StringIO()
    export.write_acled(stored, out, timestamp=STAMP)
    assert next(csv.reader(io.StringIO(out.getvalue()))) == real


def test_acled_rows_follow_acled_conventions(stored, countries):
    out = io.StringIO()
    export.write_acled(stored, out, timestamp=STAMP)
    drone, shelling, placeless = acled_rows(out.getvalue())
    assert (drone["event_id_cnty"], drone["event_date"], drone["year"]) == (
        "IRQ-ev1", "2023-12-12", "2023")
    assert (drone["iso"], drone["region"]) == ("368", "Middle East")
    assert (drone["latitude"], drone["longitude"]) == ("36.2377", "43.9631")
    assert drone["source"] == "Wire; kd.example"
    assert (drone["fatalities"], drone["inter1"], drone["interaction"]) == ("0", "3", "13")
    assert drone["notes"].startswith("On 12 December 2023")
    assert (drone["admin3"], drone["tags"], drone["timestamp"]) == ("", "", str(STAMP))
    assert (shelling["iso"], shelling["time_precision"], shelling["fatalities"]) == (
        "760", "2", "")
    assert (shelling["latitude"], shelling["longitude"]) == ("36.06", "40.73")
    assert (placeless["iso"], placeless["region"], placeless["source"]) == ("", "", "")


def test_acled_writes_plain_iso_numbers(countries):
    row = export.acled_row(Event(event_id="AFG-1", country="Afghanistan"), STAMP)
    assert row[export.ACLED_COLUMNS.index("iso")] == "4"


def test_acled_leaves_iso_and_region_empty_without_the_country_table(stored, tmp_path,
                                                                     monkeypatch):
    monkeypatch.setattr(export, "COUNTRIES_CSV", tmp_path / "absent.csv")
    out = io.StringIO()
    export.write_acled(stored, out, timestamp=STAMP)
    drone = acled_rows(out.getvalue())[0]
    assert (drone["iso"], drone["region"], drone["country"]) == ("", "", "Iraq")


def test_a_country_table_without_its_columns_is_named(tmp_path, monkeypatch, events):
    broken = tmp_path / "countries.csv"
    broken.write_text("code,label\nIQ,Iraq\n", encoding="utf-8")
    monkeypatch.setattr(export, "COUNTRIES_CSV", broken)
    with pytest.raises(ResourceError, match="iso_numeric"):
        export.write_acled(events, io.StringIO())


def test_acled_timestamp_defaults_to_the_time_of_export(events, countries):
    out = io.StringIO()
    export.write_acled(events[:1], out)
    assert int(acled_rows(out.getvalue())[0]["timestamp"]) > STAMP


# --------------------------------------------------------------------------- GeoJSON
def test_geojson_is_a_feature_collection_with_lon_lat_points(stored):
    out = io.StringIO()
    assert export.write_geojson(stored, out) == 3
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    drone, shelling, placeless = collection["features"]
    assert drone["type"] == "Feature" and drone["id"] == "IRQ-ev1"
    assert drone["geometry"] == {"type": "Point", "coordinates": [43.963123, 36.237654]}
    for feature in (drone, shelling):
        lon, lat = feature["geometry"]["coordinates"]
        assert all(isinstance(v, float) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert placeless["geometry"] is None


def test_geojson_properties_keep_the_fields_and_summarise_sources(stored):
    out = io.StringIO()
    export.write_geojson(stored, out)
    props = json.loads(out.getvalue())["features"][0]["properties"]
    assert "sources" not in props
    assert props["n_sources"] == 3
    assert props["article_ids"] == ["art-1", "art-2", "art-3"]
    assert props["urls"] == ["https://wire.example/erbil", "https://www.kd.example/news/1",
                             "https://wire.example/erbil-2"]
    assert props["claimed_by"] == ["Northern Resistance Front"]
    assert props["attributed_to"] == [{"actor": "Kataib Hezbollah", "by": "US officials"}]
    assert (props["event_date"], props["fatalities"], props["injured"]) == ("2023-12-12", 0, 2)


def rfc7946_problems(doc: dict) -> list[str]:
    """What keeps ``doc`` from being an RFC 7946 FeatureCollection of Points (none: valid)."""
    problems = []
    if doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        problems.append("not a FeatureCollection with a features array")
    for where, member in [("collection", doc), *((f"feature {i}", f) for i, f in
                                                  enumerate(doc.get("features") or []))]:
        if "crs" in member:
            problems.append(f"{where}: has a crs member (RFC 7946 section 4 removed it)")
    for i, feature in enumerate(doc.get("features") or []):
        if feature.get("type") != "Feature" or "geometry" not in feature:
            problems.append(f"feature {i}: not a Feature with a geometry member")
        if not isinstance(feature.get("properties", 0), (dict, type(None))):
            problems.append(f"feature {i}: properties is neither an object nor null")
        if "id" in feature and not isinstance(feature["id"], (str, int, float)):
            problems.append(f"feature {i}: id is neither a string nor a number")
        problems += [f"feature {i}: {p}" for p in _point_problems(feature.get("geometry"))]
    return problems


def _point_problems(geometry) -> list[str]:
    if geometry is None:
        return []
    position = geometry.get("coordinates")
    if geometry.get("type") != "Point" or not isinstance(position, list) \
            or len(position) not in (2, 3) or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool) for v in position):
        return ["geometry is not a Point with a [lon, lat] position"]
    lon, lat = position[:2]
    return ([f"longitude {lon} outside [-180, 180]"] if not -180 <= lon <= 180 else []) + (
        [f"latitude {lat} outside [-90, 90]"] if not -90 <= lat <= 90 else [])


def test_geojson_is_valid_rfc_7946(stored, examples_db):
    with open_store(examples_db) as store:
        sample = store.events()
    for events in (stored, sample):
        out = io.StringIO()
        export.write_geojson(events, out)
        collection = json.loads(out.getvalue())
        assert rfc7946_problems(collection) == []
        for feature in collection["features"]:
            props = feature["properties"]
            if feature["geometry"] is not None:  # [lon, lat], never [lat, lon]
                assert feature["geometry"]["coordinates"] == [props["longitude"], props["latitude"]]
    broken = {"type": "FeatureCollection", "crs": {}, "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.2, 95.0]},
         "properties": []}]}
    assert len(rfc7946_problems(broken)) == 3  # the checker itself catches what it should


def test_geojson_of_no_events_is_an_empty_collection():
    out = io.StringIO()
    assert export.write_geojson([], out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


# --------------------------------------------------------------------------- JSONL
def test_jsonl_lines_read_back_as_the_same_events(stored, events):
    out = io.StringIO()
    assert export.write_jsonl(stored, out) == 3
    lines = out.getvalue().splitlines()
    assert [event_from_json(json.loads(line)) for line in lines] == events


# --------------------------------------------------------------------------- PLOVER
def plover_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_plover_lines_carry_the_codes_actors_place_and_sources(stored, countries):
    out = io.StringIO()
    assert export.write_plover(stored, out) == 3
    drone, shelling, placeless = plover_lines(out.getvalue())
    assert (drone["id"], drone["date"], drone["enddate"]) == ("IRQ-ev1", "2023-12-12", None)
    assert (drone["event"], drone["mode"], drone["quad_code"]) == ("ASSAULT", "aerial", 4)
    assert drone["source"] == [{"actor_text": "Northern Resistance Front", "code": None,
                                "sector": None, "role": "actor1"}]
    assert drone["recipient"] == [{"actor_text": "Military Forces of Iraq", "code": "IRQ",
                                   "sector": "MIL", "role": "actor2"}]
    assert drone["context"] == ["military"]
    assert drone["event_loc"] == {
        "name": "Erbil", "latitude": 36.237654, "longitude": 43.963123, "country code": "IQ",
        "cc3": "IRQ", "geonameid": None, "country": "Iraq", "admin1": "Erbil",
        "admin2": "Erbil", "geo_precision": 1}
    assert (drone["dead"], drone["injured"], drone["acled_sub_event_type"]) == (
        0, 2, "Air/drone strike")
    assert [(c["citation"], c["publication"]) for c in drone["cite_info"]] == [
        ("art-1", "Wire"), ("art-2", "kd.example"), ("art-3", "Wire")]
    assert drone["comment"].startswith("On 12 December 2023")
    assert (shelling["date"], shelling["enddate"]) == ("2023-12-04", "2023-12-10")
    assert (shelling["event"], shelling["mode"], shelling["dead"]) == (None, None, None)
    assert shelling["event_loc"]["cc3"] == "SYR"  # "Syrian Arab Republic" is an alias
    assert placeless["event_loc"] is None and placeless["source"] == []


def test_plover_makes_every_side_of_a_battle_a_source(countries):
    battle = Event(
        event_id="SYR-b1", event_date=dt.date(2023, 12, 2), event_type="Battles",
        sub_event_type="Armed clash", actor1="Military Forces of Syria", inter1=1,
        actor2="Unidentified Armed Group (Syria)", inter2=3,
        assoc_actor_2="Civilians (Syria); Tribal Fighters", location="Deir ez-Zor",
        country="Syria", geo_source="story:gn:170794", plover={"type": "ASSAULT", "mode": "firearms"},
        sources=[Source(article_id="a", evidence=[Evidence("trigger", 0, 6, "clashes")])])
    record = export.plover_record(battle)
    assert record["recipient"] == []
    assert [(a["actor_text"], a["code"], a["sector"], a["role"]) for a in record["source"]] == [
        ("Military Forces of Syria", "SYR", "MIL", "actor1"),
        ("Unidentified Armed Group (Syria)", "SYR", "UAF", "actor2"),
        ("Civilians (Syria)", "SYR", "CVL", "assoc_actor_2"),
        ("Tribal Fighters", None, None, "assoc_actor_2")]
    assert (record["event_loc"]["geonameid"], record["event_text"]) == (170794, ["clashes"])


def test_every_sample_event_exports_to_plover_with_its_own_codes(examples_db):
    with open_store(examples_db) as store:
        events = store.events()
    out = io.StringIO()
    assert export.export(events, "plover", out) == len(events) > 10
    for event, record in zip(events, plover_lines(out.getvalue()), strict=True):
        assert record["id"] == event.event_id
        assert (record["event"], record["mode"] or "") == (event.plover["type"],
                                                            event.plover["mode"])
        sides = record["source"] + record["recipient"]
        for role in ("actor1", "actor2"):
            named = [a["actor_text"] for a in sides if a["role"] == role]
            assert named == ([getattr(event, role)] if getattr(event, role) else [])
        place = record["event_loc"]
        assert (place["name"], place["country"], place["admin1"], place["latitude"],
                place["longitude"]) == (event.location, event.country, event.admin1,
                                        event.latitude, event.longitude)
        assert [c["url"] for c in record["cite_info"]] == list(
            dict.fromkeys(s.url for s in event.sources))


def test_plover_through_the_command_line(examples_db):
    runner = CliRunner()
    assert "plover" in runner.invoke(app, ["export", "--help"], terminal_width=200).output
    done = runner.invoke(app, ["export", "--db", examples_db, "--format", "plover",
                               "--country", "Jordan"])
    assert done.exit_code == 0, done.output
    records = plover_lines(done.stdout)
    assert records and all(r["event_loc"]["country"] == "Jordan" for r in records)


# --------------------------------------------------------------------------- Parquet
def test_parquet_has_typed_columns_and_the_values(stored, tmp_path):
    path = tmp_path / "events.parquet"
    assert export.write_parquet(stored, path) == 3
    relation = duckdb.read_parquet(str(path))
    types = dict(zip(relation.columns, map(str, relation.types)))
    assert types["event_date"] == "DATE" and types["fatalities"] == "INTEGER"
    assert types["latitude"] == "DOUBLE" and types["intercepted"] == "BOOLEAN"
    assert types["claimed_by"] == "VARCHAR[]"
    assert types["sources"].startswith("STRUCT(article_id VARCHAR")
    rows = {r[0]: dict(zip(relation.columns, r)) for r in relation.fetchall()}
    drone, shelling = rows["IRQ-ev1"], rows["SYR-ev2"]
    assert drone["event_date"] == dt.date(2023, 12, 12) and drone["n_sources"] == 3
    assert drone["attributed_to"] == [{"actor": "Kataib Hezbollah", "by": "US officials"}]
    assert drone["sources"][0]["evidence"] == [
        {"field": "weapon", "start": 2, "end": 7, "text": "drone"}]
    assert json.loads(drone["plover"]) == {"type": "ASSAULT", "mode": "aerial"}
    assert (shelling["date_start"], shelling["date_end"]) == (dt.date(2023, 12, 4),
                                                              dt.date(2023, 12, 10))
    assert shelling["fatalities"] is None and shelling["source"] == "Levant Monitor"


def test_parquet_of_no_events_still_carries_the_schema(tmp_path):
    path = tmp_path / "empty.parquet"
    assert export.write_parquet([], path) == 0
    relation = duckdb.read_parquet(str(path))
    assert relation.columns == [name for name, _ in export.PARQUET_COLUMNS]
    assert relation.fetchall() == []


def test_parquet_needs_a_path():
    with pytest.raises(InputError, match="file path"):
        export.write_parquet([], io.BytesIO())


# --------------------------------------------------------------------------- destinations
def test_export_writes_to_paths_and_binary_streams_alike(stored, tmp_path, countries):
    path = tmp_path / "events.csv"
    binary = io.BytesIO()
    export.export(stored, "ACLED", path)
    export.write_acled(stored, binary, timestamp=STAMP)
    assert not binary.closed
    from_path = acled_rows(path.read_text(encoding="utf-8"))
    from_bytes = acled_rows(binary.getvalue().decode("utf-8"))
    assert [r["event_id_cnty"] for r in from_path] == [r["event_id_cnty"] for r in from_bytes]


def test_an_unknown_format_names_the_valid_ones(events):
    with pytest.raises(ConfigError, match="acled, geojson, jsonl, parquet, plover"):
        export.export(events, "kml", io.StringIO())


def test_an_unwritable_destination_is_named(events, tmp_path):
    target = tmp_path / "no-such-folder" / "events.geojson"
    with pytest.raises(InputError, match="no-such-folder"):
        export.export(events, "geojson", target)
    with pytest.raises(InputError, match="no-such-folder"):
        export.export(events, "parquet", target)
