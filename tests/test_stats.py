"""``eventwire stats`` and ``workflow.stats`` on real DuckDB files: hand-built events whose
counts are known (tests/conftest.py ``us_forces_events``) and the sample articles through the
real pipeline."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from typer.testing import CliRunner

from eventwire import workflow
from eventwire.cli import app
from eventwire.errors import InputError
from eventwire.store.counting import GROUP_KEYS
from tests.conftest import EXPLOSIONS, STATS_SINCE, US_FORCES

runner = CliRunner()
#: the motivating question, as a command
ATTACKS_ON_US_FORCES = ("--country", "Iraq", "--country", "Syria", "--target", "United States",
                        "--since", STATS_SINCE.isoformat(), "--by", "week", "--group", "event_type")


def stats_cli(db: str, *args: str):
    return runner.invoke(app, ["stats", "--db", db, *args], catch_exceptions=False)


def test_attacks_on_us_forces_in_iraq_and_syria_since_17_october(stats_db):
    rows = workflow.stats(db=stats_db, country=["Iraq", "Syria"], target="United States",
                          since=STATS_SINCE, interval="week", group_by=["event_type"])
    assert rows == [
        {"period": "2023-10-16", "event_type": EXPLOSIONS, "events": 2, "sources": 3,
         "fatalities": 0},
        {"period": "2023-10-23", "event_type": EXPLOSIONS, "events": 1, "sources": 1,
         "fatalities": 0},
        {"period": "2023-10-30", "event_type": "Battles", "events": 1, "sources": 2,
         "fatalities": 1},
    ]


def test_weeks_start_on_monday_and_a_sunday_ends_the_week_before(stats_db):
    rows = workflow.stats(db=stats_db, interval="week", group_by=["country"])
    periods = [dt.date.fromisoformat(r["period"]) for r in rows if r["period"]]
    assert periods and all(day.weekday() == 0 for day in periods)
    syria = {r["period"]: r["events"] for r in rows if r["country"] == "Syria"}
    # Wed 18 and Sun 22 October in one week; a range from Sun 29 October in the week before it
    assert syria == {"2023-10-16": 2, "2023-10-23": 1}


def test_days_and_months_are_named_by_their_first_day(stats_db):
    days = workflow.stats(db=stats_db, interval="day", target="United States")
    assert [r["period"] for r in days] == ["2023-10-10", "2023-10-17", "2023-10-18",
                                           "2023-10-29", "2023-11-02", None]
    months = workflow.stats(db=stats_db, interval="month", country="Iraq")
    assert [(r["period"], r["events"]) for r in months] == [
        ("2023-10-01", 3), ("2023-11-01", 1), (None, 1)]


def test_undated_events_are_left_out_of_the_series_but_counted_last(stats_db):
    rows = workflow.stats(db=stats_db, target="United States", group_by=["target_facility"])
    assert rows[-1] == {"period": None, "target_facility": "Ain al-Asad Air Base", "events": 1,
                        "sources": 1, "fatalities": 0}
    assert all(r["period"] for r in rows[:-1])
    total = workflow.stats(db=stats_db, target="United States", interval=None)
    assert total == [{"events": sum(r["events"] for r in rows),
                      "sources": sum(r["sources"] for r in rows), "fatalities": 1}]


def test_totals_come_largest_first_and_filter_by_several_countries(stats_db):
    rows = workflow.stats(db=stats_db, interval=None, group_by=["country"],
                          country=["Iraq", "Syria"])
    assert rows == [{"country": "Iraq", "events": 5, "sources": 7, "fatalities": 3},
                    {"country": "Syria", "events": 3, "sources": 5, "fatalities": 0}]


def test_target_picks_attacks_on_us_forces_and_actor_any_side(stats_db):
    def by_actor2(**filters):
        rows = workflow.stats(db=stats_db, interval=None, group_by=["actor2"], **filters)
        return {r["actor2"]: r["events"] for r in rows}
    assert by_actor2(target="United States") == {US_FORCES: 6}
    assert by_actor2(actor="United States") == {US_FORCES: 6, "Kataib Hezbollah": 1}


def test_an_unknown_group_is_refused_naming_the_valid_ones(stats_db):
    with pytest.raises(InputError, match="unknown group 'colour'"):
        workflow.stats(db=stats_db, group_by=["colour"])
    result = stats_cli(stats_db, "--group", "country", "--group", "colour")
    assert result.exit_code == 2
    [line] = result.output.strip().splitlines()
    assert "'colour'" in line and ", ".join(GROUP_KEYS) in line


def test_an_unknown_period_or_format_is_refused_in_one_line(stats_db):
    for args, valid in ((("--by", "year"), "day, week, month, total"),
                        (("-f", "xml"), "table, csv, json, jsonl")):
        result = stats_cli(stats_db, *args)
        assert result.exit_code == 2 and valid in result.output
        assert len(result.output.strip().splitlines()) == 1


def test_the_table_has_a_total_line_and_shows_undated_rows(stats_db):
    lines = stats_cli(stats_db, "--target", "United States", "--group", "country").output
    lines = lines.splitlines()
    assert lines[0].split() == ["period", "country", "events", "sources", "fatalities"]
    assert lines[-2].split()[:2] == ["undated", "Iraq"]
    assert lines[-1].split() == ["total", "6", "8", "1"]


def test_csv_has_a_header_and_one_line_per_row(stats_db):
    out = stats_cli(stats_db, *ATTACKS_ON_US_FORCES, "--format", "csv").output
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["period", "event_type", "events", "sources", "fatalities"]
    assert rows[1:] == [["2023-10-16", EXPLOSIONS, "2", "3", "0"],
                        ["2023-10-23", EXPLOSIONS, "1", "1", "0"],
                        ["2023-10-30", "Battles", "1", "2", "1"]]
    empty = stats_cli(stats_db, "--country", "Mars", "--by", "total", "-f", "csv").output
    assert empty.splitlines() == ["events,sources,fatalities"]


def test_json_and_jsonl_give_the_workflow_rows(stats_db):
    expected = workflow.stats(db=stats_db, interval="month", group_by=["country", "role"])
    as_json = json.loads(stats_cli(stats_db, "--by", "month", "-g", "country", "-g", "role",
                                   "-f", "json").output)
    lines = stats_cli(stats_db, "--by", "month", "-g", "country", "-g", "role", "-f", "jsonl")
    assert as_json == expected == [json.loads(line) for line in lines.output.splitlines()]
    assert as_json[-1]["period"] is None


def test_events_takes_several_countries_and_a_target_too(stats_db):
    result = runner.invoke(app, ["events", "--db", stats_db, "--country", "Iraq", "--country",
                                 "Syria", "--target", "Tanf", "--target", "Asad", "-f", "jsonl"])
    found = {json.loads(line)["event_id"] for line in result.output.splitlines()}
    assert found == {"e1-asad", "e2-tanf", "e7-undated"}


def test_the_sample_articles_count_the_tower_22_attack_once_with_its_sources(examples_db):
    rows = workflow.stats(db=examples_db, target="United States", country="Jordan",
                          since=STATS_SINCE, interval="week", group_by=["target_facility"])
    tower = [r for r in rows if r["target_facility"] == "Tower 22"]
    assert len(tower) == 1 and tower[0]["events"] == 1 and tower[0]["sources"] >= 2
    assert tower[0]["period"] == "2024-01-22"  # Sunday 28 January 2024 is in that week
