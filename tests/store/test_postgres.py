"""The PostgreSQL store's own cases, against the real server tests/conftest.py starts: its
URLs and errors (never showing the password), migrations, transactions, two writers at once,
and reading back exactly what the DuckDB store reads back, through the Python API and the CLI.
(The contract every store keeps runs on PostgreSQL too, in test_contract.py.)"""
from __future__ import annotations

import datetime as dt
import json
import sys
import threading
import time

import psycopg
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.errors import MigrationError, StoreError
from eventwire.records import Event, event_to_json
from eventwire.store import DuckDBStore, EventQuery, open_store
from eventwire.store.migrations import MIGRATIONS, Migration, migrate
from eventwire.store.postgres import PostgresStore, error_reason, passwords
from tests.conftest import (FIXTURES, KIRKUK_PUBLISHED, POSTGRES_LOGIN, REPO, free_port,
                            us_forces_events)
from tests.store.batches import dated, save
from tests.store.test_counting import QUERIES, SHAPES

SECRET = POSTGRES_LOGIN[1]
TABLES = {"articles", "mentions", "events", "event_mentions", "aggregates", "event_changes",
          "schema_migrations"}
BROKEN = Migration(len(MIGRATIONS) + 1, "add a scratch table, then fail", (
    "CREATE TABLE scratch (note TEXT)",
    "INSERT INTO table_that_does_not_exist VALUES (1)",
))
#: two of the project's articles: the fixture wire story and a sample HTML report
CLI_ARTICLES = (FIXTURES / "kirkuk_rockets.txt",
                REPO / "examples" / "articles" / "gulf-desk-2024-01-29-tower22.html")



def at_once(work, times: int) -> list[BaseException]:
    """Run ``work`` in ``times`` threads together; the errors they raised."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 - returned to the test
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors

def one_line_error(url: str) -> StoreError:
    """The StoreError opening ``url`` raises, checked to be one line without the password."""
    with pytest.raises(StoreError) as caught:
        open_store(url)
    message = str(caught.value)
    assert "\n" not in message and SECRET not in message, message
    return caught.value


def sql(url: str, statement: str) -> list[tuple]:
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(statement).fetchall()


def feed(store) -> list[dict]:
    return [{k: v for k, v in c.items() if k != "at"} for c in store.changes()]


# --------------------------------------------------------------------------- URLs and errors
def test_a_postgresql_url_opens_a_postgres_store_that_keeps_its_events(postgres_url, wire):
    with open_store(postgres_url) as store:
        assert isinstance(store, PostgresStore)
        assert store.url == postgres_url.replace(f":{SECRET}@", ":***@")
        save(store, wire)
    with open_store(postgres_url.replace("postgresql://", "postgres://", 1)) as again:
        assert again.event("ev-shaddadi") == wire["events"][1]
        assert again.article(wire["articles"][0].id) == wire["articles"][0]
        assert len(again.changes()) == 2


def test_a_wrong_password_is_named_without_showing_either_password(postgres_server):
    user, _ = POSTGRES_LOGIN
    error = one_line_error(postgres_server.url("postgres", user, "n0t-" + SECRET))
    assert "password authentication failed" in error.reason and user in error.reason
    assert f"{user}:***@" in str(error) and "n0t-" not in str(error)


def test_a_missing_database_is_named_and_the_password_masked(postgres_server):
    error = one_line_error(postgres_server.url("no_such_db", *POSTGRES_LOGIN))
    assert error.reason == 'database "no_such_db" does not exist'
    assert error.url.endswith(":***@127.0.0.1:%d/no_such_db" % postgres_server.port)


def test_a_password_in_the_query_string_is_masked_too(postgres_server):
    user, _ = POSTGRES_LOGIN
    url = f"postgresql://{user}@127.0.0.1:{postgres_server.port}/nodb?password={SECRET}"
    error = one_line_error(url)
    assert "password=***" in str(error) and "does not exist" in error.reason


def test_a_server_that_is_not_running_is_one_line(postgres_server):
    error = one_line_error(postgres_server.url("events", *POSTGRES_LOGIN, port=free_port()))
    assert error.reason.startswith("connection refused")


def test_a_malformed_url_is_refused_in_one_line():
    error = one_line_error(f"postgresql://analyst:{SECRET}@127.0.0.1:not-a-port/events")
    assert "port" in error.reason


def test_error_reasons_keep_postgresql_detail_and_drop_libpq_preamble():
    refused = psycopg.OperationalError('connection failed: connection to server at "10.0.0.9", '
                                       'port 5432 failed: Connection refused\n\tIs the server '
                                       'running on that host?')
    assert error_reason(refused).startswith("connection refused")
    missing = psycopg.OperationalError('connection failed: connection to server at "h", port 1 '
                                       'failed: FATAL:  database "x" does not exist')
    assert error_reason(missing) == 'database "x" does not exist'
    assert passwords("postgresql://u:p%40ss@h/db") == ["p%40ss", "p@ss"]
    assert passwords("postgresql://h/db?password=pw") == ["pw"]


def test_without_psycopg_a_postgresql_url_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)
    monkeypatch.delitem(sys.modules, "eventwire.store.postgres", raising=False)
    with pytest.raises(StoreError) as caught:
        open_store(f"postgresql://analyst:{SECRET}@db.example/events")
    assert "pip install 'psycopg[binary]'" in str(caught.value)
    assert SECRET not in str(caught.value) and "\n" not in str(caught.value)


# --------------------------------------------------------------------------- migrations
def test_migrations_are_applied_once_and_recorded(postgres_url):
    open_store(postgres_url).close()
    names = {r[0] for r in sql(postgres_url, "SELECT table_name FROM information_schema.tables "
                                             "WHERE table_schema = 'public'")}
    assert names == TABLES
    ledger = sql(postgres_url, "SELECT version, name, applied_at FROM schema_migrations")
    assert [(v, n) for v, n, _ in ledger] == [(m.version, m.name) for m in MIGRATIONS]
    open_store(postgres_url).close()
    assert sql(postgres_url, "SELECT version, name, applied_at FROM schema_migrations") == ledger
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        assert migrate(conn, postgres_url, mark="%s") == []


def test_a_failing_migration_is_rolled_back_whole(postgres_url):
    with open_store(postgres_url) as store:
        store.save_batch([], [], [], [dated("kept", dt.date(2023, 12, 1))])
    with pytest.raises(MigrationError) as caught:
        PostgresStore(postgres_url, migrations=MIGRATIONS + (BROKEN,))
    assert caught.value.version == BROKEN.version and SECRET not in str(caught.value)
    assert "table_that_does_not_exist" in str(caught.value)
    assert not sql(postgres_url, "SELECT 1 FROM information_schema.tables "
                                 "WHERE table_name = 'scratch'")
    with open_store(postgres_url) as store:
        assert store.event("kept") is not None


def test_stores_opened_at_once_on_a_new_database_migrate_it_once(postgres_url):
    assert at_once(lambda: open_store(postgres_url).close(), 4) == []
    assert len(sql(postgres_url, "SELECT version FROM schema_migrations")) == len(MIGRATIONS)


# --------------------------------------------------------------------------- transactions
def test_two_writers_at_once_take_turns(postgres_url, wire):
    """Without the write lock both would find ev-erbil new and one would fail on its key."""
    open_store(postgres_url).close()
    start = threading.Barrier(4)

    def write() -> None:
        with open_store(postgres_url) as store:
            start.wait()
            for _ in range(3):
                save(store, wire)

    assert at_once(write, 4) == []
    with open_store(postgres_url) as store:
        assert store.counts() == {"articles": 3, "mentions": 3, "events": 2, "aggregates": 1}
        assert [c["change"] for c in store.changes()] == ["created", "created"]


# --------------------------------------------------------------------------- same as DuckDB
def test_duckdb_and_postgresql_read_back_the_same_events_and_feed(postgres_url, tmp_path, wire):
    stores = [open_store(str(tmp_path / "same.duckdb")), open_store(postgres_url)]
    undated = Event(event_id="undated", claimed_by=["A", "B"])
    for store in stores:
        save(store, wire, events=wire["events"] + [undated])
        merged = Event(**{**wire["events"][0].__dict__, "fatalities": 2})
        store.save_batch([], [], [], [merged], removed_event_ids=["ev-shaddadi"])
    duck, pg = stores
    assert isinstance(duck, DuckDBStore) and isinstance(pg, PostgresStore)
    assert [event_to_json(e) for e in duck.events()] == [event_to_json(e) for e in pg.events()]
    assert feed(duck) == feed(pg)
    assert duck.counts() == pg.counts()
    assert duck.mentions_of("ev-erbil") == pg.mentions_of("ev-erbil")
    for store in stores:
        store.close()


@pytest.mark.parametrize("group_by, interval", [
    ((), None), (("country",), None), (("event_type", "target_facility"), "day"),
    (("actor1",), "week"), ((), "month"),
])
def test_duckdb_postgresql_and_memory_count_alike(postgres_url, tmp_path, wire, group_by,
                                                  interval):
    week = (dt.date(2023, 11, 27), dt.date(2023, 12, 3))
    extra = [dated("ranged", None, date_range=week, country="Iraq", fatalities=3),
             dated("undated", None, country="Syria", target_facility="Tower 22")]
    stores = [open_store(str(tmp_path / "count.duckdb")), open_store(postgres_url),
              open_store("memory")]
    counted = []
    for store in stores:
        save(store, wire, events=wire["events"] + extra)
        counted.append(store.count_events(EventQuery(), group_by, interval))
        counted.append(store.count_events(EventQuery(country=("iraq", "SYRIA"), target="tower"),
                                          group_by, interval))
        store.close()
    assert counted[0] and counted[0] == counted[2] == counted[4]
    assert counted[1] == counted[3] == counted[5]


def test_postgresql_selects_and_counts_like_memory_for_every_query_and_shape(postgres_url):
    """test_counting.py's queries and shapes (several values, targets, periods, groups)."""
    memory = open_store("memory")
    memory.save_batch([], [], [], us_forces_events())
    with open_store(postgres_url) as pg:
        pg.save_batch([], [], [], us_forces_events())
        for query in QUERIES:
            assert [e.event_id for e in pg.select_events(query)] == \
                [e.event_id for e in memory.select_events(query)], query
            for interval, group_by in SHAPES:
                assert pg.count_events(query, group_by, interval) == \
                    memory.count_events(query, group_by, interval), (query, interval, group_by)


def test_the_cli_stores_and_prints_the_same_events_in_postgresql_as_in_duckdb(postgres_url,
                                                                              tmp_path):
    runner = CliRunner()
    printed = []
    for db in (str(tmp_path / "cli.duckdb"), postgres_url):
        ingest = runner.invoke(app, ["ingest", *map(str, CLI_ARTICLES), "--db", db, "-q",
                                     "--published", KIRKUK_PUBLISHED.isoformat()])
        assert ingest.exit_code == 0, ingest.output
        events = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"])
        assert events.exit_code == 0, events.output
        printed.append([json.loads(line) for line in events.stdout.splitlines()])
    assert printed[0] and printed[0] == printed[1]
    assert {e["event_id"] for e in printed[0]} and SECRET not in json.dumps(printed[1])


def test_two_ingests_of_one_event_at_once_make_one_event(postgres_url, settings, monkeypatch):
    """De-duplication reads the stored events near a batch, then saves: two writers must not
    both read before either saves, or each founds its own copy of the event."""
    from eventwire import stored_near, workflow
    from eventwire.document import Document
    from eventwire.records import Article, Mention

    reading = stored_near.StoredNear._read

    def slow_read(self, since, until):  # widen the window a race would need
        reading(self, since, until)
        time.sleep(0.3)

    monkeypatch.setattr(stored_near.StoredNear, "_read", slow_read)
    day = dt.date(2024, 1, 28)
    documents = []
    for n in (1, 2):
        article = Article(text=f"Report {n} of the Tower 22 drone strike.", id=f"report-{n}",
                          published=day)
        document = Document(article)
        document.mentions = [Mention(
            mention_id=f"m{n}", article_id=article.id, event_date=day, time_precision=1,
            event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
            weapon="drone", country="Jordan", location="Tower 22", latitude=33.33,
            longitude=38.8, geo_precision=1, geo_source="fac:tower-22", fatalities=3)]
        documents.append(document)
    open_store(postgres_url).close()
    start = threading.Barrier(2)
    waiting = list(documents)

    def ingest() -> None:
        document = waiting.pop()
        with open_store(postgres_url) as store:
            start.wait()
            workflow.store_documents(store, [document], settings)

    assert at_once(ingest, 2) == []
    with open_store(postgres_url) as store:
        [event] = store.events()
        assert {s.article_id for s in event.sources} == {"report-1", "report-2"}
