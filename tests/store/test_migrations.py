"""Schema migrations: applied once each, in order, each whole or not at all."""
from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from eventwire.errors import MigrationError, StoreError
from eventwire.records import Event
from eventwire.store import DuckDBStore, open_store
from eventwire.store.migrations import MIGRATIONS, Migration, migrate, pending

TABLES = {"articles", "mentions", "events", "event_mentions", "aggregates", "event_changes",
          "schema_migrations"}
BROKEN = Migration(len(MIGRATIONS) + 1, "add a scratch table, then fail", (
    "CREATE TABLE scratch (note TEXT)",
    "INSERT INTO scratch (note) VALUES ('half done')",
    "INSERT INTO table_that_does_not_exist VALUES (1)",
))
ADD_COLUMN = Migration(len(MIGRATIONS) + 1, "events get a reviewer", (
    "ALTER TABLE events ADD COLUMN reviewer TEXT",
))


def ledger(path) -> list[tuple]:
    with duckdb.connect(str(path)) as conn:
        return conn.execute("SELECT version, name, applied_at FROM schema_migrations "
                            "ORDER BY version").fetchall()


def tables(path) -> set[str]:
    with duckdb.connect(str(path)) as conn:
        return {r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}


def test_a_new_database_gets_every_table_and_records_each_version(tmp_path):
    path = tmp_path / "new.duckdb"
    open_store(str(path)).close()
    assert tables(path) == TABLES
    assert [(v, n) for v, n, _ in ledger(path)] == [(m.version, m.name) for m in MIGRATIONS]


def test_reopening_applies_nothing_again(tmp_path):
    path = tmp_path / "again.duckdb"
    open_store(str(path)).close()
    first = ledger(path)
    open_store(str(path)).close()
    assert ledger(path) == first
    with duckdb.connect(str(path)) as conn:
        assert migrate(conn, str(path)) == []


def test_a_failing_migration_is_rolled_back_and_names_its_version(tmp_path):
    path = tmp_path / "broken.duckdb"
    with open_store(str(path)) as store:
        store.save_batch([], [], [], [Event(event_id="kept", event_date=dt.date(2023, 12, 1))])
    with pytest.raises(MigrationError) as caught:
        DuckDBStore(str(path), migrations=MIGRATIONS + (BROKEN,))
    assert caught.value.version == BROKEN.version
    assert caught.value.url == str(path)
    assert "table_that_does_not_exist" in str(caught.value)
    assert "scratch" not in tables(path)
    assert [v for v, _, _ in ledger(path)] == [m.version for m in MIGRATIONS]
    with open_store(str(path)) as store:
        assert store.event("kept") is not None


def test_a_later_migration_is_applied_on_open_and_keeps_the_data(tmp_path):
    path = tmp_path / "grown.duckdb"
    with open_store(str(path)) as store:
        store.save_batch([], [], [], [Event(event_id="kept", event_date=dt.date(2023, 12, 1))])
    DuckDBStore(str(path), migrations=MIGRATIONS + (ADD_COLUMN,)).close()
    assert ledger(path)[-1][:2] == (ADD_COLUMN.version, ADD_COLUMN.name)
    with duckdb.connect(str(path)) as conn:
        assert conn.execute("SELECT event_id, reviewer FROM events").fetchall() == [("kept", None)]


def test_a_database_from_a_newer_eventwire_is_refused(tmp_path):
    path = tmp_path / "future.duckdb"
    open_store(str(path)).close()
    with duckdb.connect(str(path)) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (99, 'from the future', now())")
    with pytest.raises(StoreError, match="newer eventwire") as caught:
        open_store(str(path))
    assert not isinstance(caught.value, MigrationError)
    assert "99" in str(caught.value)


def test_pending_lists_the_missing_versions_in_order():
    steps = (Migration(2, "b", ()), Migration(1, "a", ()), Migration(3, "c", ()))
    assert [m.version for m in pending([], "x", steps)] == [1, 2, 3]
    assert [m.version for m in pending([1, 3], "x", steps)] == [2]
    assert pending([1, 2, 3], "x", steps) == []


def test_the_shipped_migrations_have_unique_increasing_versions():
    versions = [m.version for m in MIGRATIONS]
    assert versions == sorted(set(versions)) and versions[0] == 1
    assert all(m.name and m.statements for m in MIGRATIONS)
