"""The DuckDB store's own cases: the file, its URLs, its errors (the contract every store
keeps is in test_contract.py)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from eventwire.errors import StoreError
from eventwire.store import DuckDBStore, MemoryStore, open_store
from eventwire.store import duckdb as duckdb_store
from tests.store.batches import save


def test_events_survive_closing_and_reopening_the_file(tmp_path, wire):
    path = tmp_path / "kept.duckdb"
    with open_store(str(path)) as first:
        save(first, wire)
    with open_store(f"duckdb:///{path}") as again:
        assert again.event("ev-shaddadi") == wire["events"][1]
        assert again.article(wire["articles"][0].id) == wire["articles"][0]
        assert len(again.changes()) == 2


def test_many_hashes_are_looked_up_in_chunks(tmp_path, wire):
    with open_store(str(tmp_path / "many.duckdb")) as store:
        save(store, wire)
        wanted = [f"{i:016x}" for i in range(duckdb_store.IN_CHUNK * 2 + 7)]
        wanted.append(wire["articles"][2].content_hash)
        assert store.known_hashes(wanted) == {wire["articles"][2].content_hash}


def test_urls_pick_the_store(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open_store("duckdb:///relative.duckdb") as store:
        assert isinstance(store, DuckDBStore)
    assert (tmp_path / "relative.duckdb").is_file()
    assert isinstance(open_store("memory"), MemoryStore)
    with open_store("duckdb:///:memory:") as in_memory:
        assert isinstance(in_memory, DuckDBStore) and in_memory.counts()["events"] == 0
    monkeypatch.setenv("EVENTWIRE_STORE_DB", str(tmp_path / "from-env.duckdb"))
    open_store().close()
    assert (tmp_path / "from-env.duckdb").is_file()


def test_an_unknown_url_scheme_names_the_forms_that_work():
    with pytest.raises(StoreError, match="duckdb:///PATH"):
        open_store("mysql://db.example/events")


def test_a_file_that_is_not_a_database_is_refused_in_one_line(tmp_path):
    notes = tmp_path / "notes.duckdb"
    notes.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError) as caught:
        open_store(str(notes))
    assert caught.value.reason == "not a DuckDB database file"
    assert str(notes) in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("where, reason", [
    ("missing/events.duckdb", "does not exist"),
    ("", "is a folder"),
])
def test_unusable_paths_are_refused_before_duckdb_tries(tmp_path, where, reason):
    with pytest.raises(StoreError, match=reason):
        open_store(str(tmp_path / where) if where else str(tmp_path))


def test_a_database_locked_by_another_process_is_named_as_such(tmp_path):
    path = tmp_path / "busy.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
         "print('ready', flush=True); sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="locked by another process"):
            open_store(str(path))
    finally:
        holder.communicate("")


def test_a_record_another_writer_changed_is_read_not_remembered(tmp_path, wire):
    """The store remembers the records it wrote so as not to parse them back, but only while
    the file holds that very text: an event another process rewrote is compared as rewritten."""
    path = str(tmp_path / "shared.duckdb")
    with open_store(path) as ours:
        save(ours, wire)
        ours._conn.execute("UPDATE events SET record = replace(record, 'Shaddadi', 'Shadadi') "
                           "WHERE event_id = 'ev-shaddadi'")  # as another writer would
        save(ours, wire)  # the same events again: the rewritten one differs from the store's
        assert [c["change"] for c in ours.changes()][2:] == ["updated"]
        save(ours, wire)
        assert len(ours.changes()) == 3  # now the store holds what the batch says: nothing new


def test_remembered_records_are_bounded():
    from eventwire.store.sql import WrittenRecords
    written = WrittenRecords(size=2)
    for n in range(3):
        written.keep(f"ev{n}", f'{{"n": {n}}}', {"n": n})
    assert list(written.kept) == ["ev1", "ev2"]
    assert written.parsed("ev2", '{"n": 2}') is written.kept["ev2"][1]
    assert written.parsed("ev2", '{"n": 5}') == {"n": 5}  # the store's text wins
