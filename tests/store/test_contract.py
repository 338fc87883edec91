"""The store contract, run against the DuckDB store and MemoryStore, plus DuckDB's own cases."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import duckdb
import pytest

from eventwire.errors import InputError, StoreError
from eventwire.records import (Aggregate, Article, Attribution, Event, Evidence, Mention,
                               Segment, Source)
from eventwire.store import DuckDBStore, MemoryStore, open_store
from eventwire.store import duckdb as duckdb_store

# --------------------------------------------------------------------------- fixtures
ERBIL_WIRE = (
    "ERBIL, Iraq (Wire) — A drone packed with explosives struck a logistics depot beside "
    "Erbil airport late on Tuesday, a Kurdish security official said, adding that nobody was "
    "hurt. A group calling itself the Northern Resistance Front said in a Telegram post that it "
    "had carried out the strike. At least 40 such attacks have hit bases in the region since "
    "mid-October, according to a Pentagon tally."
)
ERBIL_LOCAL = (
    "Erbil airport was targeted by an explosive-laden drone on Tuesday night, the region's "
    "counter-terrorism service said. Damage was limited to a storage building."
)
SHADDADI_WIRE = (
    "DAMASCUS (Wire) — Two rockets landed inside a military airfield near Al-Shaddadi in "
    "north-eastern Syria on Thursday, killing one contractor, a war monitor said. No group "
    "has said it fired them."
)
DAY = dt.date(2023, 12, 12)


def article(text: str, outlet: str, url: str, published: dt.date = DAY) -> Article:
    return Article(text=text, outlet=outlet, url=url, published=published, title=text[:40],
                   language="en", origin=f"fixtures:{outlet}",
                   segments=[Segment("dateline", 0, 12), Segment("body", 12, len(text))],
                   warnings=["title made from the first words"])


def mention(art: Article, mention_id: str, date: dt.date, **fields) -> Mention:
    word = art.text.split()[3]
    start = art.text.index(word)
    return Mention(mention_id=mention_id, article_id=art.id, event_date=date, time_precision=1,
                   evidence=[Evidence("event_type", start, start + len(word), word)], **fields)


def event(event_id: str, mentions: list[Mention], articles: list[Article], **fields) -> Event:
    by_id = {a.id: a for a in articles}
    sources = [Source(article_id=m.article_id, url=by_id[m.article_id].url,
                      outlet=by_id[m.article_id].outlet, mention_id=m.mention_id,
                      evidence=list(m.evidence)) for m in mentions]
    fields.setdefault("event_date", mentions[0].event_date)
    return Event(event_id=event_id, sources=sources, **fields)


@pytest.fixture
def wire():
    """Two reports of one drone strike at Erbil, one of a rocket attack in Syria."""
    a1 = article(ERBIL_WIRE, "Wire", "https://wire.example/erbil-drone")
    a2 = article(ERBIL_LOCAL, "Kurdistan Daily", "https://www.kd.example/news/1")
    a3 = article(SHADDADI_WIRE, "Wire", "https://wire.example/shaddadi")
    erbil = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                 country="Iraq", admin1="Erbil", location="Erbil", latitude=36.24,
                 longitude=43.96, fatalities=0, weapon="drone")
    m1 = mention(a1, "m1", dt.date(2023, 12, 12), **erbil)
    m2 = mention(a2, "m2", dt.date(2023, 12, 12), **erbil)
    m3 = mention(a3, "m3", dt.date(2023, 12, 14), event_type="Explosions/Remote violence",
                 sub_event_type="Shelling/artillery/missile attack", country="Syria")
    e1 = event("ev-erbil", [m1, m2], [a1, a2], actor1="Northern Resistance Front",
               claimed_by=["Northern Resistance Front"], actor2="Military Forces of Iraq",
               attributed_to=[Attribution("Kataib Hezbollah", "US officials")], **erbil)
    e2 = event("ev-shaddadi", [m3], [a3], event_type="Explosions/Remote violence",
               sub_event_type="Shelling/artillery/missile attack", country="Syria",
               admin1="Al-Hasakah", location="Al-Shaddadi", latitude=36.06, longitude=40.73,
               actor1="Unidentified Armed Group (Syria)", fatalities=1, fatalities_reported=[1])
    agg = Aggregate(count=40, what="attacks on bases", aggregate_id="agg-1", article_id=a1.id,
                    qualifier="at least", where="the region", source="Pentagon",
                    period=(dt.date(2023, 10, 15), DAY), url=a1.url)
    return {"articles": [a1, a2, a3], "mentions": [m1, m2, m3], "events": [e1, e2],
            "aggregates": [agg]}


@pytest.fixture(params=["duckdb", "memory"])
def store(request, tmp_path):
    """Each contract test runs once on a DuckDB file and once on MemoryStore."""
    url = str(tmp_path / "events.duckdb") if request.param == "duckdb" else "memory"
    with open_store(url) as opened:
        yield opened


def save(store, wire, events=None, removed=()):
    store.save_batch(wire["articles"], wire["mentions"], wire["aggregates"],
                     wire["events"] if events is None else events, removed)


def dated(event_id: str, date: dt.date | None, **fields) -> Event:
    return Event(event_id=event_id, event_date=date, **fields)


# --------------------------------------------------------------------------- the contract
def test_a_saved_batch_reads_back_as_it_was_saved(store, wire):
    save(store, wire)
    a1, a2, a3 = wire["articles"]
    assert store.counts() == {"articles": 3, "mentions": 3, "events": 2, "aggregates": 1}
    assert store.article(a2.id) == a2
    assert store.event("ev-erbil") == wire["events"][0]
    assert store.mentions_of("ev-erbil") == sorted(wire["mentions"][:2],
                                                   key=lambda m: (m.article_id, m.mention_id))
    assert store.aggregates() == wire["aggregates"]
    assert store.aggregates(article_id=a3.id) == []


def test_resaving_the_same_article_changes_nothing(store, wire):
    save(store, wire)
    before = (store.counts(), store.changes(), store.events())
    save(store, wire)
    copy = Article(text=wire["articles"][0].text + "  ")  # same story, different whitespace
    store.save_batch([copy], [], [], [])
    assert (store.counts(), store.changes(), store.events()) == before


def test_known_articles_are_found_by_content_hash(store, wire):
    save(store, wire)
    known = wire["articles"][0].content_hash
    assert store.has_article(known)
    assert not store.has_article("0000000000000000")
    assert store.known_hashes([known, "0000000000000000"]) == {known}
    assert store.known_hashes([]) == set()


def test_unknown_ids_give_none_or_empty(store, wire):
    save(store, wire)
    assert store.event("no-such-event") is None
    assert store.article("no-such-article") is None
    assert store.mentions_of("no-such-event") == []


def test_events_come_newest_first_undated_last_then_by_id(store):
    events = [dated("b", dt.date(2023, 12, 1)), dated("z", None), dated("a", dt.date(2023, 12, 1)),
              dated("c", dt.date(2023, 12, 3))]
    store.save_batch([], [], [], events)
    assert [e.event_id for e in store.events()] == ["c", "a", "b", "z"]
    assert [e.event_id for e in store.events(limit=2, offset=1)] == ["a", "b"]
    assert store.events(limit=0) == []


def test_text_filters_ignore_case_and_actor_matches_claims(store, wire):
    save(store, wire)
    ids = lambda **kw: [e.event_id for e in store.events(**kw)]  # noqa: E731
    assert ids(country="iraq") == ["ev-erbil"]
    assert ids(admin1="AL-HASAKAH") == ["ev-shaddadi"]
    assert ids(sub_event_type="air/drone strike") == ["ev-erbil"]
    assert ids(event_type="Explosions/Remote violence") == ["ev-shaddadi", "ev-erbil"]
    assert ids(actor="resistance front") == ["ev-erbil"]
    assert ids(actor="military forces of iraq") == ["ev-erbil"]
    assert ids(actor="unidentified") == ["ev-shaddadi"]
    assert ids(role="background") == []
    assert ids(actor="'; DROP TABLE events; --") == []
    assert store.counts()["events"] == 2


def test_date_filters_keep_events_whose_range_touches_the_window(store):
    week = (dt.date(2023, 12, 4), dt.date(2023, 12, 10))
    store.save_batch([], [], [], [dated("day", dt.date(2023, 12, 11)),
                                  dated("week", None, date_range=week),
                                  dated("undated", None)])
    ids = lambda **kw: [e.event_id for e in store.events(**kw)]  # noqa: E731
    assert ids(since=dt.date(2023, 12, 10)) == ["day", "week"]
    assert ids(since=dt.date(2023, 12, 11)) == ["day"]
    assert ids(until=dt.date(2023, 12, 4)) == ["week"]
    assert ids(until=dt.date(2023, 12, 3)) == []
    assert [e.event_id for e in store.events_near(dt.date(2023, 12, 1), dt.date(2023, 12, 5))] \
        == ["week"]


def test_bbox_keeps_events_inside_and_can_cross_the_antimeridian(store, wire):
    fiji = dated("fiji", DAY, latitude=-17.8, longitude=178.4)
    samoa = dated("samoa", DAY, latitude=-13.8, longitude=-171.8)
    save(store, wire, events=wire["events"] + [fiji, samoa, dated("nowhere", DAY)])
    ids = lambda bbox: sorted(e.event_id for e in store.events(bbox=bbox))  # noqa: E731
    assert ids((38.0, 29.0, 49.0, 38.0)) == ["ev-erbil", "ev-shaddadi"]
    assert ids((42.0, 29.0, 49.0, 38.0)) == ["ev-erbil"]
    assert ids((170.0, -25.0, -165.0, -10.0)) == ["fiji", "samoa"]


@pytest.mark.parametrize("bad", [
    {"bbox": (190.0, 0.0, 10.0, 10.0)},
    {"bbox": (0.0, 20.0, 10.0, 10.0)},
    {"limit": -1},
    {"offset": -5},
    {"since": dt.date(2023, 12, 2), "until": dt.date(2023, 12, 1)},
])
def test_impossible_filters_are_refused_naming_the_value(store, bad):
    with pytest.raises(InputError) as caught:
        store.events(**bad)
    assert str(next(iter(bad.values())))[:4] in str(caught.value)


def test_feed_records_creation_update_and_merge(store, wire):
    a1, a2, _ = wire["articles"]
    m1, m2, _ = wire["mentions"]
    first = event("ev-a", [m1], [a1], country="Iraq")
    second = event("ev-b", [m2], [a2], country="Iraq")
    store.save_batch([a1, a2], [m1, m2], [], [first, second])
    seen = store.changes()[-1]["seq"]
    merged = event("ev-a", [m1, m2], [a1, a2], country="Iraq", fatalities=0)
    store.save_batch([], [], [], [merged], removed_event_ids=["ev-b"])
    feed = store.changes(since_seq=seen)
    assert [(c["event_id"], c["change"]) for c in store.changes()] == [
        ("ev-a", "created"), ("ev-b", "created"), ("ev-a", "updated"), ("ev-b", "merged")]
    assert feed[0]["detail"]["fields"] == ["fatalities", "sources"]
    assert feed[1]["detail"] == {"into": ["ev-a"]}
    assert all(c["seq"] > seen for c in feed)
    assert store.event("ev-b") is None
    assert {m.mention_id for m in store.mentions_of("ev-a")} == {"m1", "m2"}


def test_removing_an_event_whose_mentions_went_nowhere_is_a_deletion(store, wire):
    save(store, wire)
    store.save_batch([], [], [], [], removed_event_ids=["ev-shaddadi", "never-stored"])
    last = store.changes()[-1]
    assert (last["event_id"], last["change"], last["detail"]) == ("ev-shaddadi", "deleted", {})
    assert [c["event_id"] for c in store.changes()].count("never-stored") == 0
    assert store.counts()["events"] == 1
    assert store.changes()[-1]["at"].endswith("+00:00")


def test_a_batch_that_saves_and_removes_one_event_is_refused_whole(store, wire):
    with pytest.raises(InputError, match="ev-erbil"):
        save(store, wire, removed=["ev-erbil"])
    assert store.counts() == {"articles": 0, "mentions": 0, "events": 0, "aggregates": 0}


def test_save_batch_is_all_or_nothing(store, wire):
    a1, a2, a3 = wire["articles"]
    m1, m2, m3 = wire["mentions"]
    e1, e2 = wire["events"]
    store.save_batch([a1, a2], [m1, m2], wire["aggregates"], [e1])
    before = store.counts(), store.changes()
    clash = Article(text="A different story that claims the first one's id.", id=a1.id)
    with pytest.raises(StoreError, match=a1.id):
        store.save_batch([a3, clash], [m3], [], [e2])
    assert (store.counts(), store.changes()) == before
    assert store.article(a3.id) is None and store.event("ev-shaddadi") is None
    assert store.event("ev-erbil") == e1
    store.save_batch([a3], [m3], [], [e2])  # the store is still usable
    assert store.counts()["events"] == 2


def test_a_closed_store_says_so(tmp_path):
    for url in (str(tmp_path / "closed.duckdb"), "memory"):
        opened = open_store(url)
        opened.close()
        with pytest.raises(StoreError, match="closed"):
            opened.counts()


# --------------------------------------------------------------------------- DuckDB only
def test_events_survive_closing_and_reopening_the_file(tmp_path, wire):
    path = tmp_path / "kept.duckdb"
    with open_store(str(path)) as first:
        save(first, wire)
    with open_store(f"duckdb:///{path}") as again:
        assert again.event("ev-shaddadi") == wire["events"][1]
        assert again.article(wire["articles"][0].id) == wire["articles"][0]
        assert len(again.changes()) == 2


def test_a_failure_late_in_the_batch_undoes_its_earlier_inserts(tmp_path, wire, monkeypatch):
    a1, a2, a3 = wire["articles"]
    m1, m2, m3 = wire["mentions"]
    e1, e2 = wire["events"]
    store = DuckDBStore(str(tmp_path / "undo.duckdb"))
    store.save_batch([a1, a2], [m1, m2], [], [e1])

    def fail(*_args):
        raise duckdb.ConstraintException("simulated failure while writing the feed")

    monkeypatch.setattr(DuckDBStore, "_append_changes", fail)
    with pytest.raises(StoreError, match="simulated failure"):
        store.save_batch([a3], [m3], wire["aggregates"], [e2], removed_event_ids=["ev-erbil"])
    monkeypatch.undo()
    assert store.counts() == {"articles": 2, "mentions": 2, "events": 1, "aggregates": 0}
    assert store.event("ev-erbil") == e1
    assert [c["event_id"] for c in store.changes()] == ["ev-erbil"]
    store.close()


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


def test_postgresql_is_refused_without_showing_the_password():
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://analyst:s3cret@db.example/events")
    assert "not installed yet" in str(caught.value)
    assert "s3cret" not in str(caught.value) and "analyst:***@" in str(caught.value)


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
