"""The ``eventwire`` command and its JSON contract (DESIGN.md "Interchange")."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from tests.conftest import FIXTURES, REPO

CONTRACT = {"event_id", "role", "event_date", "time_precision", "event_type", "sub_event_type",
            "weapon", "actor1", "claimed_by", "attributed_to", "actor2", "target_facility",
            "intercepted", "country", "admin1", "admin2", "location", "latitude", "longitude",
            "geo_precision", "fatalities", "injured", "sources"}
AGGREGATE = {"role", "count", "qualifier", "what", "where", "period"}
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def extracted() -> list[dict]:
    """The installed command, as other tools call it."""
    out = subprocess.run([sys.executable, "-m", "eventwire", "extract",
                          str(FIXTURES / "kirkuk_rockets.txt"), "--published", "2024-03-12",
                          "--format", "jsonl"], capture_output=True, text=True, check=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_extract_prints_one_contract_object_per_event(extracted):
    events = [e for e in extracted if e["role"] != "aggregate"]
    assert len(events) == 3
    for event in events:
        assert CONTRACT <= set(event)
        assert isinstance(event["claimed_by"], list) and isinstance(event["attributed_to"], list)
        for source in event["sources"]:
            assert {"article_id", "url", "evidence"} <= set(source)
            assert all({"field", "start", "end", "text"} <= set(e) for e in source["evidence"])


def test_aggregates_come_out_with_role_aggregate(extracted):
    [agg] = [e for e in extracted if e["role"] == "aggregate"]
    assert AGGREGATE <= set(agg)
    assert agg["period"] == ["2024-01-01", "2024-03-12"]


def test_bad_published_date_is_one_line_naming_the_value():
    result = runner.invoke(app, ["extract", str(FIXTURES / "kirkuk_rockets.txt"), "--published", "2024-13-45"])
    assert result.exit_code == 2
    assert "2024-13-45" in result.output and len(result.output.strip().splitlines()) == 1


def test_unreadable_input_is_skipped_with_its_reason(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\xff\x00\xfe")
    result = runner.invoke(app, ["extract", str(bad), str(FIXTURES / "kirkuk_rockets.txt"),
                                 "--published", "2024-03-12"])
    assert result.exit_code == 1
    assert "skipped" in result.output and "bad.txt" in result.output
    assert '"event_id"' in result.output  # the good file was still read


def test_ingest_events_and_export_through_the_cli(tmp_path):
    db = str(tmp_path / "cli.duckdb")
    assert run("ingest", str(REPO / "examples" / "articles"), "--db", db, "-q").exit_code == 0
    rows = [json.loads(l) for l in run("events", "--db", db, "-f", "jsonl").output.splitlines()]
    assert rows and all(CONTRACT <= set(r) for r in rows)
    jordan = run("events", "--db", db, "--country", "Jordan", "-f", "json").output
    assert all(r["country"] == "Jordan" for r in json.loads(jordan))
    table = run("events", "--db", db).output
    assert "row(s)" in table.splitlines()[-1]
    geojson = json.loads(run("export", "--db", db, "--format", "geojson").stdout)
    assert geojson["type"] == "FeatureCollection" and len(geojson["features"]) == len(rows)
    header = run("export", "--db", db, "--format", "acled").stdout.splitlines()[0]
    assert header.startswith("event_id_cnty,event_date,year,time_precision,disorder_type")


def test_unknown_format_names_the_valid_ones(tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "x.duckdb"), "-f", "xml"])
    assert result.exit_code == 2 and "table, jsonl, json, csv" in result.output


def test_eval_prints_detection_and_fields():
    result = run("eval", str(REPO / "examples" / "gold"))
    assert "detection  P" in result.output and "sub_event_type" in result.output


def test_settings_lists_every_setting_with_help():
    output = run("settings").output
    assert "store.db = 'eventwire.duckdb'" in output and "dedup.threshold" in output


def test_where_geocodes_a_description_with_its_context():
    result = run("where", "4 km north of Kobani", "--country", "Syria", "--admin1", "Aleppo governorate")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert (found["location"], found["country"], found["where_prec"], found["geo_precision"]) == (
        "Kobani", "Syria", 2, 2)


def test_where_at_names_the_areas_of_a_point_and_nothing_at_sea():
    found = json.loads(run("where", "--at", "33.3,44.4").output)
    assert (found["country"], found["admin1"]) == ("Iraq", "Baghdad")
    sea = json.loads(run("where", "--at", "0,-160").output)
    assert sea["country"] is None and sea["admin1"] is None


@pytest.mark.parametrize("args, message", [
    (("where", "--at", "95,10"), "latitude 95.0 is out of range"),
    (("where", "--at", "Baghdad"), "not LAT,LON"),
    (("where", ""), "place description is empty"),
])
def test_where_refuses_bad_input_in_one_line(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output and len(result.output.strip().splitlines()) == 1


def test_where_says_when_nothing_is_found():
    result = run("where", "Qwzxyvv")
    assert result.exit_code == 1 and "no place found" in result.output


def test_where_is_a_python_verb_too():
    import eventwire

    assert eventwire.locate_place("Deir Ezzor")["admin1"] == "Deir ez Zor"
    assert eventwire.place_at(36.2, 37.1)["admin1"] == "Aleppo"
