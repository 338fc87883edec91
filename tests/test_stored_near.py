"""A run keeps the stored events it read and wrote between batches (``stored_near``): the
store must end up exactly as when every batch re-reads it, also when someone else writes."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.document import Document
from eventwire.records import Article, Mention
from eventwire.store import open_store
from eventwire.stored_near import StoredNear
from eventwire.workflow import store_documents

DAY = dt.date(2024, 1, 28)


def report(n: int, day: dt.date, town: str, names: tuple[str, ...] = ()) -> Document:
    """Article ``a<n>`` reporting one shooting in ``town`` (Chicago or Gary) on ``day``."""
    where = {"Chicago": (41.85, -87.65, "gn:4887398"), "Gary": (41.59, -87.35, "gn:4920607")}
    lat, lon, geo = where[town]
    article = Article(text=f"Report {n} of a shooting in {town}.", id=f"a{n}", published=day)
    document = Document(article)
    document.mentions = [Mention(
        mention_id=f"m{n}", article_id=article.id, event_date=day, time_precision=1,
        event_type="Violence against civilians", sub_event_type="Attack", weapon="firearms",
        country="United States", location=town, latitude=lat, longitude=lon, geo_precision=2,
        geo_source=geo, role="main", keywords=list(names))]
    return document


def reports() -> list[Document]:
    """Twelve reports of shootings over four days in two towns, some naming the victims."""
    return [report(n, DAY + dt.timedelta(days=n % 4), ("Chicago", "Gary")[n % 3 == 0],
                   (f"victim{n % 5}",) if n % 2 else ()) for n in range(12)]


def stored(store) -> tuple[set[frozenset[str]], list[tuple[str, str]]]:
    events = {frozenset(s.mention_id for s in e.sources) for e in store.events()}
    return events, [(c["event_id"], c["change"]) for c in store.changes()]


@pytest.mark.parametrize("max_mentions", [100_000, 1])
def test_keeping_the_stored_events_between_batches_stores_what_re_reading_does(
        tmp_path, settings, max_mentions):
    with open_store(str(tmp_path / "kept.duckdb")) as kept, \
            open_store(str(tmp_path / "read.duckdb")) as read:
        near = StoredNear(kept, max_mentions=max_mentions)
        for start in range(0, 12, 3):
            store_documents(kept, reports()[start:start + 3], settings, near=near)
            store_documents(read, reports()[start:start + 3], settings)  # reads afresh
        assert stored(kept) == stored(read)
        assert len(stored(kept)[0]) < 12  # reports did join: the comparison means something


def test_an_event_another_writer_stored_meanwhile_is_joined_not_copied(tmp_path, settings):
    with open_store(str(tmp_path / "shared.duckdb")) as store:
        near = StoredNear(store)
        store_documents(store, [report(1, DAY, "Chicago")], settings, near=near)
        store_documents(store, [report(2, DAY, "Gary")], settings)  # someone else's run
        store_documents(store, [report(3, DAY, "Gary")], settings, near=near)
        assert stored(store)[0] == {frozenset({"m1"}), frozenset({"m2", "m3"})}


def _counting_reads(store) -> list[tuple[dt.date, dt.date]]:
    """The date windows ``store`` is asked for from now on."""
    asked: list[tuple[dt.date, dt.date]] = []
    events_near = store.events_near
    store.events_near = lambda since, until: asked.append((since, until)) or events_near(since, until)
    return asked


def test_a_run_on_an_empty_store_reads_nothing_back(tmp_path, settings):
    """Everything a fresh store holds is what the run wrote: it is not read back."""
    with open_store(str(tmp_path / "fresh.duckdb")) as store:
        asked = _counting_reads(store)
        near = StoredNear(store)
        for start in range(0, 12, 3):
            store_documents(store, reports()[start:start + 3], settings, near=near)
        assert asked == []
        assert len(stored(store)[0]) < 12


def test_a_run_on_a_store_with_events_reads_them(tmp_path, settings):
    with open_store(str(tmp_path / "used.duckdb")) as store:
        store_documents(store, [report(1, DAY, "Chicago", ("victim1",))], settings)  # an earlier run
        asked = _counting_reads(store)
        store_documents(store, [report(3, DAY, "Chicago", ("victim1",))], settings, near=StoredNear(store))
        assert asked
        assert stored(store)[0] == {frozenset({"m1", "m3"})}
