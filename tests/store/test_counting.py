"""Counting events (``Store.count_events``) and the filters it shares with ``Store.events``:
the SQL half (DuckDB files) and the Python half (MemoryStore) must give the same answers."""
from __future__ import annotations

import datetime as dt
import json
import re

import duckdb
import pytest

from eventwire.errors import InputError
from eventwire.records import Event, event_to_json
from eventwire.store import DuckDBStore, EventQuery, MemoryStore, open_store
from eventwire.store.counting import GROUP_KEYS
from eventwire.store.migrations import MIGRATIONS
from eventwire.store.sql import count_events_sql
from tests.conftest import STATS_SINCE, us_forces_events

QUERIES = [
    EventQuery(),
    EventQuery(country=("Iraq", "Syria")),
    EventQuery(country=["iraq", "SYRIA"], target="United States", since=STATS_SINCE),
    EventQuery(target=("Conoco", "Tanf")),
    EventQuery(actor="United States"),
    EventQuery(actor="Islamic Resistance", target="united states"),
    EventQuery(event_type=("Battles", "Protests")),
    EventQuery(country="Iraq", event_type="Explosions/Remote violence",
               until=dt.date(2023, 10, 20)),
    EventQuery(country=("Jordan",), sub_event_type=("Peaceful protest", "Armed clash")),
]
SHAPES = [(interval, group_by) for interval in (None, "day", "week", "month")
          for group_by in ((), ("country",), ("event_type", "actor2"), ("target_facility",))]


@pytest.fixture
def both(stats_db):
    """The same events in a DuckDB file (counted in SQL) and in MemoryStore (in Python)."""
    memory = MemoryStore()
    memory.save_batch([], [], [], us_forces_events())
    with open_store(stats_db) as duck:
        yield duck, memory


@pytest.mark.parametrize("query", QUERIES, ids=range(len(QUERIES)))
def test_sql_and_python_select_the_same_events(both, query):
    duck, memory = both
    assert [e.event_id for e in duck.select_events(query)] == \
           [e.event_id for e in memory.select_events(query)]


@pytest.mark.parametrize("query", QUERIES, ids=range(len(QUERIES)))
@pytest.mark.parametrize("interval, group_by", SHAPES)
def test_sql_and_python_count_alike(both, query, interval, group_by):
    duck, memory = both
    counted = duck.count_events(query, group_by, interval)
    assert counted == memory.count_events(query, group_by, interval)
    assert sum(row["events"] for row in counted) == len(memory.select_events(query))


def test_sql_and_python_count_the_sample_articles_alike(examples_db):
    with open_store(examples_db) as duck:
        memory = MemoryStore()
        memory.save_batch([], [], [], duck.events())
        for query in QUERIES[:6]:
            for interval, group_by in SHAPES:
                assert duck.count_events(query, group_by, interval) == \
                       memory.count_events(query, group_by, interval), (query, interval, group_by)


def test_several_values_match_any_of_them(both):
    for store in both:
        found = {e.country for e in store.events(country=["Iraq", "Syria"])}
        assert found == {"Iraq", "Syria"}
        assert {e.event_type for e in store.events(event_type=("Battles", "Protests"))} == {
            "Battles", "Protests"}


def test_target_is_the_attacked_side_only(both):
    for store in both:
        on_us = {e.event_id for e in store.events(target="United States")}
        assert on_us == {"e1-asad", "e2-tanf", "e6-clash", "e7-undated", "e8-range", "e9-before"}
        assert "e4-us-strike" in {e.event_id for e in store.events(actor="United States")}
        assert [e.event_id for e in store.events(target="conoco")] == ["e3-conoco"]
        assert {e.event_id for e in store.events(target=["Tanf", "Conoco"])} == {
            "e2-tanf", "e3-conoco"}


def test_one_value_queries_are_as_before():
    query = EventQuery("Iraq", None, "Resistance")  # positional, as older callers build it
    assert query.country == "Iraq" and query.values("country") == ("Iraq",)
    where, params = query.where_sql("%s")
    assert where.startswith("lower(country) = lower(%s) AND (position(")
    assert params[0] == "Iraq" and params[1:] == ["Resistance"] * 3


def test_a_list_of_values_becomes_a_tuple_and_nonsense_is_refused():
    query = EventQuery(country=["Iraq", "Syria", "Iraq"], target=[])
    assert query.country == ("Iraq", "Syria") and query.target is None
    assert hash(query)
    where, params = query.where_sql()
    assert "lower(country) IN (lower(?), lower(?))" in where and params == ["Iraq", "Syria"]
    with pytest.raises(InputError, match="country 7"):
        EventQuery(country=7)


def test_limit_and_offset_do_not_apply_to_counts(both):
    for store in both:
        [row] = store.count_events(EventQuery(limit=1, offset=2), (), None)
        assert row == {"events": 9, "sources": 13, "fatalities": 3}


def test_the_count_sql_is_standard_and_built_from_the_filters():
    sql, params = count_events_sql(EventQuery(country=("Iraq", "Syria"), since=STATS_SINCE),
                                   ("event_type",), "week", "%s")
    period = ("CAST(date_trunc('week', CAST(coalesce(event_date, date_start) AS TIMESTAMP)) "
              "AS DATE)")
    assert sql == (f"SELECT {period}, event_type, count(*), coalesce(sum(n_sources), 0), "
                   "coalesce(sum(fatalities), 0) FROM events WHERE lower(country) IN "
                   "(lower(%s), lower(%s)) AND date_end >= %s "
                   f"GROUP BY {period}, event_type")
    assert params == ["Iraq", "Syria", STATS_SINCE]


@pytest.mark.parametrize("group_by, interval, message", [
    (("country; DROP TABLE events",), None, "unknown group 'country; DROP TABLE events'"),
    (("colour",), "week", "valid: " + ", ".join(GROUP_KEYS)),
    ((), "year", "unknown interval 'year' (valid: day, week, month"),
])
def test_unknown_keys_and_intervals_are_refused_before_any_sql(both, group_by, interval, message):
    with pytest.raises(InputError, match=re.escape(message)):
        count_events_sql(EventQuery(), group_by, interval)
    for store in both:
        with pytest.raises(InputError):
            store.count_events(EventQuery(), group_by, interval)
    assert len(both[0].events()) == 9


def test_an_older_store_gets_target_facility_from_its_records(tmp_path):
    path = str(tmp_path / "v1.duckdb")
    DuckDBStore(path, migrations=MIGRATIONS[:1]).close()
    hit = Event(event_id="tower", event_date=dt.date(2024, 1, 28), actor2="Civilians (Jordan)",
                target_facility="Tower 22")
    with duckdb.connect(path) as conn:
        for event in (hit, Event(event_id="plain", event_date=dt.date(2024, 1, 29))):
            conn.execute("INSERT INTO events (event_id, role, event_date, date_start, date_end, "
                         "n_sources, updated_at, record) VALUES (?, 'main', ?, ?, ?, 0, now(), ?)",
                         [event.event_id, event.event_date, event.event_date, event.event_date,
                          json.dumps(event_to_json(event), ensure_ascii=False)])
    with open_store(path) as store:
        assert [e.event_id for e in store.events(target="tower 22")] == ["tower"]
        assert store.count_events(EventQuery(), ("target_facility",), None) == [
            {"target_facility": "Tower 22", "events": 1, "sources": 0, "fatalities": 0},
            {"target_facility": None, "events": 1, "sources": 0, "fatalities": 0}]


def test_a_saved_event_writes_its_target_facility_column(stats_db):
    with duckdb.connect(stats_db) as conn:
        rows = dict(conn.execute("SELECT event_id, target_facility FROM events").fetchall())
    assert rows["e1-asad"] == "Ain al-Asad Air Base" and rows["e6-clash"] is None
