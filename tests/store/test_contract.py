"""The store contract: every test runs on a DuckDB file, on MemoryStore and on a fresh
PostgreSQL database (the ``store`` fixture in tests/conftest.py), so the stores cannot drift."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.errors import InputError, StoreError
from eventwire.records import Article
from tests.store.batches import DAY, dated, event, save


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


def test_summaries_are_the_selected_events_columns_in_order(store, wire):
    from eventwire.store.base import SUMMARY_COLUMNS, EventQuery, n_sources
    save(store, wire)
    query = EventQuery(country="Iraq")
    events = store.select_events(query)
    assert events
    assert store.summaries(query) == [
        {**{c: getattr(e, c, None) for c in SUMMARY_COLUMNS}, "n_sources": n_sources(e)}
        for e in events]
    assert store.summaries(EventQuery(limit=1, offset=1)) == store.summaries(EventQuery())[1:2]


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
    assert store.last_change_seq() == 0
    a1, a2, _ = wire["articles"]
    m1, m2, _ = wire["mentions"]
    first = event("ev-a", [m1], [a1], country="Iraq")
    second = event("ev-b", [m2], [a2], country="Iraq")
    store.save_batch([a1, a2], [m1, m2], [], [first, second])
    seen = store.changes()[-1]["seq"]
    merged = event("ev-a", [m1, m2], [a1, a2], country="Iraq", fatalities=0)
    assert store.last_change_seq() == seen
    store.save_batch([], [], [], [merged], removed_event_ids=["ev-b"])
    feed = store.changes(since_seq=seen)
    assert store.last_change_seq() == feed[-1]["seq"] > seen
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


def test_a_closed_store_says_so(store):
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.counts()


def test_a_failure_late_in_the_batch_undoes_its_earlier_inserts(sql_store, wire, monkeypatch):
    """The feed is written last: when writing it fails, the batch's articles, mentions and
    events are gone too, and the store takes the next batch as if nothing happened."""
    store = sql_store
    a1, a2, a3 = wire["articles"]
    m1, m2, m3 = wire["mentions"]
    e1, e2 = wire["events"]
    store.save_batch([a1, a2], [m1, m2], [], [e1])

    def fail(*_args):
        raise type(store).driver_error("simulated failure while writing the feed")

    monkeypatch.setattr(type(store), "_append_changes", fail)
    with pytest.raises(StoreError, match="simulated failure"):
        store.save_batch([a3], [m3], wire["aggregates"], [e2], removed_event_ids=["ev-erbil"])
    monkeypatch.undo()
    assert store.counts() == {"articles": 2, "mentions": 2, "events": 1, "aggregates": 0}
    assert store.event("ev-erbil") == e1
    assert [c["event_id"] for c in store.changes()] == ["ev-erbil"]
    store.save_batch([a3], [m3], [], [e2])
    assert store.counts()["articles"] == 3
