"""The store interface, the query and change rules every store shares, and ``MemoryStore``.

A store keeps articles, mentions, aggregates and canonical events, and a feed of what happened
to events (created, updated, merged, deleted) that users sync deletions from, as ACLED users do.
``Store`` is the one interface: the DuckDB and PostgreSQL stores (``store/duckdb.py``,
``store/postgres.py``, sharing their SQL in ``store/sql.py``) and ``MemoryStore`` here, a
dependency-free stand-in for unit tests elsewhere.

What the stores must agree on lives here once: ``EventQuery`` (the filters, in Python and as
standard SQL, side by side so they cannot drift) and ``plan_changes`` (which events a batch
really changes and how to describe it in the feed); how events are counted per period and
group (``Store.count_events``) is in ``store/counting.py``.
"""
from __future__ import annotations

import contextlib
import copy
import datetime as dt
from abc import ABC, abstractmethod
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Iterator, Union

from ..errors import InputError, StoreError
from ..records import (Aggregate, Article, Event, Mention, aggregate_from_json, aggregate_to_json,
                       article_from_json, article_to_json, event_from_json, event_to_json,
                       mention_from_json, mention_to_json)
from .counting import bucket, check_counting, count_columns, finish_counts

#: bbox is (min_lon, min_lat, max_lon, max_lat), in degrees.
LON_RANGE = (-180.0, 180.0)
LAT_RANGE = (-90.0, 90.0)
#: an exact filter's value: one name, or several of which an event must match one
Values = Union[str, tuple[str, ...], list[str], None]
#: event fields a change-feed "created" entry repeats, so a feed reader need not fetch the event
CREATED_DETAIL = ("event_date", "event_type", "sub_event_type", "country", "location")


def utc_now() -> dt.datetime:
    """Naive UTC timestamp: what the TIMESTAMP columns hold."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def iso_utc(at: dt.datetime) -> str:
    """A naive UTC timestamp as ISO 8601 with its offset, so feed readers need not guess."""
    return at.replace(tzinfo=dt.timezone.utc).isoformat()


def date_span(event: Event) -> tuple[dt.date, dt.date] | None:
    """First and last day the event may have happened on (its range, else its date)."""
    if event.date_range:
        return event.date_range
    if event.event_date:
        return event.event_date, event.event_date
    return None


def mention_links(event: Event) -> list[str]:
    """The ids of the mentions an event was built from, once each, in source order."""
    return list(dict.fromkeys(s.mention_id for s in event.sources if s.mention_id))


def n_sources(event: Event) -> int:
    """How many different articles reported the event."""
    return len({s.article_id for s in event.sources})


@dataclass(frozen=True)
class EventQuery:
    """Filters of ``Store.events``; text filters ignore case, ``actor`` matches a substring.

    The exact filters (``EXACT``) take one value or several, as a tuple or list: an event
    matching any of them passes ("Iraq or Syria"). ``actor`` looks in actor1, actor2 and the
    claimants; ``target`` (one text or several) only at the attacked side, actor2 and the
    target facility, so "attacks on US forces" is ``target="United States"``; both match part
    of a name. ``since``/``until`` keep events whose date (or date range) touches the window;
    ``bbox`` keeps events with coordinates inside it and crosses the antimeridian when
    min_lon > max_lon.
    """

    country: Values = None
    admin1: Values = None
    actor: str | None = None
    event_type: Values = None
    sub_event_type: Values = None
    role: Values = None
    since: dt.date | None = None
    until: dt.date | None = None
    bbox: tuple[float, float, float, float] | None = None
    limit: int | None = None
    offset: int = 0
    #: last, so callers that pass the fields above by position keep working
    target: Values = None

    #: filters compared case-insensitively with the column of the same name
    EXACT = ("country", "admin1", "event_type", "sub_event_type", "role")
    #: the names an ``actor`` filter looks in (``claimed_by`` holds one name a line in SQL)
    ACTOR_COLUMNS = ("actor1", "actor2", "claimed_by")
    #: where a ``target`` filter looks: who was attacked and what was hit
    TARGET_COLUMNS = ("actor2", "target_facility")

    def __post_init__(self) -> None:
        for name in (*self.EXACT, "target"):  # a list becomes a tuple: the query stays hashable
            object.__setattr__(self, name, _one_or_more(name, getattr(self, name)))
        if self.limit is not None and self.limit < 0:
            raise InputError(f"limit {self.limit}: must be 0 or more")
        if self.offset < 0:
            raise InputError(f"offset {self.offset}: must be 0 or more")
        if self.since and self.until and self.since > self.until:
            raise InputError(f"since {self.since} is after until {self.until}")
        if self.bbox is not None:
            _check_bbox(self.bbox)

    def matches(self, event: Event) -> bool:
        """Whether ``event`` passes every filter (``MemoryStore``'s half of the rules)."""
        for name in self.EXACT:
            wanted = [v.lower() for v in self.values(name)]
            if wanted and (getattr(event, name) or "").lower() not in wanted:
                return False
        return (_any_contains(self.values("actor"), [event.actor1, event.actor2,
                                                     *event.claimed_by])
                and _any_contains(self.values("target"), [event.actor2, event.target_facility])
                and self._dates_match(event) and self._place_matches(event))

    def values(self, name: str) -> tuple[str, ...]:
        """The values a name filter asks for: none, one or several."""
        wanted = getattr(self, name)
        return () if wanted is None else (wanted,) if isinstance(wanted, str) else wanted

    def _dates_match(self, event: Event) -> bool:
        if self.since is None and self.until is None:
            return True
        span = date_span(event)
        if span is None:
            return False
        return (self.since is None or span[1] >= self.since) and (
            self.until is None or span[0] <= self.until)

    def _place_matches(self, event: Event) -> bool:
        if self.bbox is None:
            return True
        if event.latitude is None or event.longitude is None:
            return False
        min_lon, min_lat, max_lon, max_lat = self.bbox
        lon_ok = (min_lon <= event.longitude <= max_lon if min_lon <= max_lon
                  else event.longitude >= min_lon or event.longitude <= max_lon)
        return lon_ok and min_lat <= event.latitude <= max_lat

    def where_sql(self, mark: str = "?") -> tuple[str, list[Any]]:
        """The same filters as a standard-SQL WHERE body over ``events`` and its parameters."""
        clauses, params = self._names_sql(mark)
        if self.since is not None:
            clauses.append(f"date_end >= {mark}")
            params.append(self.since)
        if self.until is not None:
            clauses.append(f"date_start <= {mark}")
            params.append(self.until)
        if self.bbox is not None:
            clauses.append(self._bbox_sql(mark))
            min_lon, min_lat, max_lon, max_lat = self.bbox
            params += [min_lat, max_lat, min_lon, max_lon]
        return " AND ".join(clauses) or "TRUE", params

    def _names_sql(self, mark: str) -> tuple[list[str], list[Any]]:
        """The exact, actor and target filters as SQL clauses, and their parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        for name in self.EXACT:
            wanted = self.values(name)
            if wanted:
                clauses.append(f"lower({name}) = lower({mark})" if len(wanted) == 1 else
                               f"lower({name}) IN ({', '.join([f'lower({mark})'] * len(wanted))})")
                params += wanted
        for texts, columns in ((self.values("actor"), self.ACTOR_COLUMNS),
                               (self.values("target"), self.TARGET_COLUMNS)):
            if texts:
                clauses.append("(" + " OR ".join(
                    f"position(lower({mark}) IN lower(coalesce({c}, ''))) > 0"
                    for _ in texts for c in columns) + ")")
                params += [text for text in texts for _ in columns]
        return clauses, params

    def _bbox_sql(self, mark: str) -> str:
        min_lon, _, max_lon, _ = self.bbox or (0, 0, 0, 0)
        lon = (f"longitude BETWEEN {mark} AND {mark}" if min_lon <= max_lon
               else f"(longitude >= {mark} OR longitude <= {mark})")
        return f"latitude BETWEEN {mark} AND {mark} AND {lon}"


def _one_or_more(name: str, value: Any) -> str | tuple[str, ...] | None:
    """An exact filter's value as ``EventQuery`` keeps it: None, one string, or a tuple."""
    if value is None or isinstance(value, str):
        return value
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{name} {value!r}: give a name or a list of names")
    return tuple(dict.fromkeys(value)) or None


def _any_contains(texts: tuple[str, ...], names: Iterable[str | None]) -> bool:
    """Whether one of ``texts`` is part of one of ``names``, ignoring case (no texts: yes)."""
    lowered = [(n or "").lower() for n in names]
    return not texts or any(text.lower() in name for text in texts for name in lowered)


def _check_bbox(bbox: tuple[float, float, float, float]) -> None:
    if len(bbox) != 4:
        raise InputError(f"bbox {bbox!r}: needs 4 numbers min_lon,min_lat,max_lon,max_lat")
    min_lon, min_lat, max_lon, max_lat = bbox
    lons_ok = all(LON_RANGE[0] <= v <= LON_RANGE[1] for v in (min_lon, max_lon))
    lats_ok = all(LAT_RANGE[0] <= v <= LAT_RANGE[1] for v in (min_lat, max_lat))
    if not (lons_ok and lats_ok and min_lat <= max_lat):
        raise InputError(f"bbox {bbox!r}: not min_lon,min_lat,max_lon,max_lat within "
                         f"longitude {LON_RANGE} and latitude {LAT_RANGE}")


#: the event fields ``Store.summaries`` gives (each is a column of the ``events`` table)
SUMMARY_COLUMNS = ("event_id", "role", "event_date", "event_type", "sub_event_type", "actor1",
                   "actor2", "country", "admin1", "location", "latitude", "longitude",
                   "fatalities", "n_sources")


def _summary(event: Event) -> dict[str, Any]:
    row = {name: getattr(event, name, None) for name in SUMMARY_COLUMNS}
    row["n_sources"] = n_sources(event)
    return row


def sort_key(event: Event) -> tuple[bool, int, str]:
    """Newest first, undated last, then by id: the order every store returns events in."""
    date = event.event_date
    return date is None, -(date.toordinal() if date else 0), event.event_id


@dataclass
class Change:
    """One entry for the changes feed: what happened to ``event_id`` and the particulars."""

    event_id: str
    change: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class StoredEvent:
    """What a store holds for an event before a batch: its record and its mention links."""

    record: dict[str, Any]
    links: list[str]


def check_batch(events: list[Event], removed_event_ids: Iterable[str]) -> list[str]:
    """Refuse a batch that names one event twice or saves and removes it; return removed ids."""
    removed = list(dict.fromkeys(removed_event_ids))
    both = sorted(set(removed) & {e.event_id for e in events})
    if both:
        raise InputError(f"event {both[0]}: both saved and removed in one batch")
    ids = [e.event_id for e in events]
    if "" in ids:
        raise InputError(f"event dated {events[ids.index('')].event_date}: has no event_id")
    twice = sorted(i for i, n in Counter(ids).items() if n > 1)
    if twice:
        raise InputError(f"event {twice[0]}: saved twice in one batch")
    return removed


def plan_changes(old: dict[str, StoredEvent], events: list[Event], removed: list[str],
                 records: dict[str, dict[str, Any]] | None = None) -> tuple[list[Event], list[Change]]:
    """Which events a batch must write, and the feed entries it makes.

    An event saved unchanged is neither written nor reported, so re-running a batch is
    quiet. A created event made of reports that belonged to stored events (a split) names
    them in ``from``. A removed event whose mentions now belong to a saved event was *merged* into it;
    otherwise it was *deleted*. Removing an event the store does not have is a no-op.
    ``records`` are the events' JSON shapes when the caller has made them already.
    """
    writes: list[Event] = []
    changes: list[Change] = []
    stored_owner = {m: event_id for event_id, stored in old.items() for m in stored.links}
    for event in events:
        record = records[event.event_id] if records is not None else event_to_json(event)
        links = mention_links(event)
        before = old.get(event.event_id)
        if before is None:
            detail = {k: record[k] for k in CREATED_DETAIL}
            detail["n_sources"] = n_sources(event)
            taken = sorted({stored_owner[m] for m in links if m in stored_owner})
            if taken:  # a split: reports that belonged to stored events now make this one
                detail["from"] = taken
            changes.append(Change(event.event_id, "created", detail))
        elif before.record != record or set(before.links) != set(links):
            changes.append(Change(event.event_id, "updated",
                                  {"fields": _changed_fields(before, record, links)}))
        else:
            continue
        writes.append(event)
    owners = {m: e.event_id for e in events for m in mention_links(e)}
    for event_id in removed:
        if event_id in old:
            into = sorted({owners[m] for m in old[event_id].links if m in owners})
            changes.append(Change(event_id, "merged", {"into": into}) if into
                           else Change(event_id, "deleted"))
    return writes, changes


def _changed_fields(before: StoredEvent, record: dict[str, Any], links: list[str]) -> list[str]:
    names = sorted(k for k in set(record) | set(before.record)
                   if record.get(k) != before.record.get(k))
    if set(before.links) != set(links) and "sources" not in names:
        names.append("sources")
    return names


class Store(ABC):
    """Where articles, mentions, aggregates and canonical events are kept.

    ``save_batch`` is the only writer and is all-or-nothing, so a crash or Ctrl-C during
    ingest never leaves half a batch behind. Use as a context manager to close it.
    """

    url: str

    @abstractmethod
    def has_article(self, content_hash: str) -> bool:
        """Whether an article with this content hash is stored (re-ingest is then a no-op)."""

    @abstractmethod
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Those of ``hashes`` already stored: lets ingest skip known stories in one query."""

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        """Those of ``ids`` already naming a stored article (whatever its text)."""
        return {i for i in dict.fromkeys(ids) if self.article(i) is not None}

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the store's one writer's turn: what de-duplication reads and the batch it then
        saves are not interleaved with another writer's (a shared store takes a lock; an
        embedded one has a single writer anyway)."""
        yield

    @abstractmethod
    def save_batch(self, articles: list[Article], mentions: list[Mention],
                   aggregates: list[Aggregate], events: list[Event],
                   removed_event_ids: Iterable[str] = ()) -> None:
        """Store one batch in one transaction: all of it, or (on any error) none of it.

        Known articles are skipped; mentions, aggregates and events are replaced by id (an
        event's mention links with it); ``removed_event_ids`` are deleted; every real change
        to an event is appended to the changes feed.
        """

    def events(self, *, country: Values = None, admin1: Values = None,
               actor: str | None = None, event_type: Values = None,
               sub_event_type: Values = None, role: Values = None,
               since: dt.date | None = None, until: dt.date | None = None,
               bbox: tuple[float, float, float, float] | None = None,
               limit: int | None = None, offset: int = 0,
               target: Values = None) -> list[Event]:
        """Canonical events passing every filter given (see ``EventQuery``), newest first."""
        return self.select_events(EventQuery(country, admin1, actor, event_type, sub_event_type,
                                             role, since, until, bbox, limit, offset, target))

    def events_near(self, since: dt.date, until: dt.date) -> list[Event]:
        """Candidates for de-duplication: events whose date or date range touches the window."""
        return self.events(since=since, until=until)

    @abstractmethod
    def select_events(self, query: EventQuery) -> list[Event]:
        """The events ``query`` selects, in ``sort_key`` order, after offset and limit."""

    def summaries(self, query: EventQuery) -> list[dict[str, Any]]:
        """``SUMMARY_COLUMNS`` of the events ``query`` selects, in the same order: what a map
        draws. SQL stores read them from columns, without parsing each event's record."""
        return [_summary(event) for event in self.select_events(query)]

    def count_events(self, query: EventQuery, group_by: tuple[str, ...] = (),
                     interval: str | None = None) -> list[dict[str, Any]]:
        """Events, sources and fatalities per period and group (rules: ``store/counting.py``).

        ``query``'s limit and offset do not apply: every event it selects is counted. This
        counts in Python over ``select_events`` (what ``MemoryStore`` needs); SQL stores
        override it to count in the database, so big stores are not read into memory.
        """
        keys = check_counting(group_by, interval)
        totals: dict[tuple[Any, ...], list[int]] = {}
        for event in self.select_events(replace(query, limit=None, offset=0)):
            sums = totals.setdefault(bucket(event, keys, interval), [0, 0, 0])
            sums[0] += 1
            sums[1] += n_sources(event)
            sums[2] += event.fatalities or 0
        return finish_counts(count_columns(keys, interval),
                             [(*key, *sums) for key, sums in totals.items()])

    @abstractmethod
    def event(self, event_id: str) -> Event | None:
        """One canonical event by id, or None."""

    @abstractmethod
    def mentions_of(self, event_id: str) -> list[Mention]:
        """The mentions an event was built from (its evidence), by article then mention id."""

    def mentions_of_events(self, event_ids: Iterable[str]) -> dict[str, list[Mention]]:
        """``mentions_of`` for many events at once (de-duplication loads a neighbourhood so;
        SQL stores answer in one query, not one per event)."""
        return {event_id: self.mentions_of(event_id) for event_id in dict.fromkeys(event_ids)}

    @abstractmethod
    def aggregates(self, *, article_id: str | None = None,
                   limit: int | None = None) -> list[Aggregate]:
        """Count statements, optionally of one article, by article then aggregate id."""

    @abstractmethod
    def article(self, article_id: str) -> Article | None:
        """One stored article by id, or None."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """How many articles, mentions, events and aggregates are stored."""

    @abstractmethod
    def changes(self, since_seq: int = 0) -> list[dict[str, Any]]:
        """Feed entries after ``since_seq``: ``seq``, ``event_id``, ``change``, ``detail``, ``at``.

        ``seq`` only grows (it may skip numbers), so a reader keeps the last one it saw.
        """

    @abstractmethod
    def last_change_seq(self) -> int:
        """The changes feed's newest ``seq`` (0 when empty): when it has not moved, nobody has
        changed an event since it was read."""

    @abstractmethod
    def close(self) -> None:
        """Release the database; the store cannot be used afterwards."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class _Tables:
    """MemoryStore's contents, as interchange JSON so reads return fresh records."""

    articles: dict[str, dict[str, Any]] = field(default_factory=dict)
    mentions: dict[str, dict[str, Any]] = field(default_factory=dict)
    aggregates: dict[str, dict[str, Any]] = field(default_factory=dict)
    events: dict[str, StoredEvent] = field(default_factory=dict)
    changes: list[dict[str, Any]] = field(default_factory=list)
    seq: int = 0


class MemoryStore(Store):
    """A store in a few dicts, with the DuckDB store's behaviour, for tests that need a store."""

    def __init__(self, url: str = "memory"):
        self.url = url
        self._tables: _Tables | None = _Tables()

    @property
    def _t(self) -> _Tables:
        if self._tables is None:
            raise StoreError(self.url, "the store is closed")
        return self._tables

    def has_article(self, content_hash: str) -> bool:
        return content_hash in self.known_hashes([content_hash])

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        stored = {a["content_hash"] for a in self._t.articles.values()}
        return set(hashes) & stored

    def save_batch(self, articles: list[Article], mentions: list[Mention],
                   aggregates: list[Aggregate], events: list[Event],
                   removed_event_ids: Iterable[str] = ()) -> None:
        removed = check_batch(events, removed_event_ids)
        new = copy.copy(self._t)
        new.articles = self._with_articles(articles)
        new.mentions = {**new.mentions, **{m.mention_id: mention_to_json(m) for m in mentions}}
        new.aggregates = {**new.aggregates,
                          **{a.aggregate_id: aggregate_to_json(a) for a in aggregates}}
        writes, changes = plan_changes(new.events, events, removed)
        new.events = {k: v for k, v in new.events.items() if k not in removed}
        new.events.update({e.event_id: StoredEvent(event_to_json(e), mention_links(e))
                           for e in writes})
        at = iso_utc(utc_now())
        new.changes = new.changes + [
            {"seq": new.seq + i, "event_id": c.event_id, "change": c.change,
             "detail": c.detail, "at": at} for i, c in enumerate(changes, 1)]
        new.seq += len(changes)
        self._tables = new

    def _with_articles(self, articles: list[Article]) -> dict[str, dict[str, Any]]:
        table = dict(self._t.articles)
        hashes = {a["content_hash"] for a in table.values()}
        for article in articles:
            if article.content_hash in hashes:
                continue
            if article.id in table:
                raise StoreError(self.url, f"article id {article.id!r} is already stored "
                                           "with a different text")
            table[article.id] = article_to_json(article)
            hashes.add(article.content_hash)
        return table

    def select_events(self, query: EventQuery) -> list[Event]:
        found = [e for e in map(self._event, self._t.events.values()) if query.matches(e)]
        found.sort(key=sort_key)
        end = None if query.limit is None else query.offset + query.limit
        return found[query.offset:end]

    @staticmethod
    def _event(stored: StoredEvent) -> Event:
        return event_from_json(copy.deepcopy(stored.record))

    def event(self, event_id: str) -> Event | None:
        stored = self._t.events.get(event_id)
        return None if stored is None else self._event(stored)

    def mentions_of(self, event_id: str) -> list[Mention]:
        stored = self._t.events.get(event_id)
        links = stored.links if stored else []
        found = [mention_from_json(copy.deepcopy(self._t.mentions[m]))
                 for m in links if m in self._t.mentions]
        return sorted(found, key=lambda m: (m.article_id, m.mention_id))

    def aggregates(self, *, article_id: str | None = None,
                   limit: int | None = None) -> list[Aggregate]:
        found = [aggregate_from_json(copy.deepcopy(a)) for a in self._t.aggregates.values()
                 if article_id is None or a["article_id"] == article_id]
        found.sort(key=lambda a: (a.article_id, a.aggregate_id))
        return found[:limit]

    def article(self, article_id: str) -> Article | None:
        data = self._t.articles.get(article_id)
        return None if data is None else article_from_json(copy.deepcopy(data))

    def counts(self) -> dict[str, int]:
        t = self._t
        return {"articles": len(t.articles), "mentions": len(t.mentions),
                "events": len(t.events), "aggregates": len(t.aggregates)}

    def changes(self, since_seq: int = 0) -> list[dict[str, Any]]:
        return [copy.deepcopy(c) for c in self._t.changes if c["seq"] > since_seq]

    def last_change_seq(self) -> int:
        return max((c["seq"] for c in self._t.changes), default=0)

    def close(self) -> None:
        self._tables = None
