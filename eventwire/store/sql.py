"""What the SQL stores share: the rows they write, the statements they run, ``SQLStore``.

DuckDB and PostgreSQL hold the same tables (``migrations.py`` is standard SQL on purpose), so
one class writes and reads them; ``DuckDBStore`` and ``PostgresStore`` only connect, name the
driver's parameter placeholder (``mark``), open a transaction their driver's way and turn the
driver's errors into one-line ``StoreError`` s. Keeping the statements here once is what keeps
the two stores returning the same events in the same order, and counting them alike
(``count_events_sql``, built from the same ``EventQuery.where_sql``).

Every value reaches SQL as a parameter; only table and column names (constants below) are
spliced into statements. Each row keeps the full record as JSON beside the columns used to
filter and sort, so reading a record back loses nothing.
"""
from __future__ import annotations

import contextlib
import json
from abc import abstractmethod
from typing import Any, ContextManager, Iterable, Iterator, Sequence

from ..errors import StoreError
from ..records import (Aggregate, Article, Event, Mention, aggregate_from_json,
                       aggregate_to_json, article_from_json, article_to_json, event_from_json,
                       event_to_json, mention_from_json, mention_to_json, parse_date)
from .base import (SUMMARY_COLUMNS, Change, EventQuery, Store, StoredEvent, check_batch,
                   date_span, iso_utc, mention_links, n_sources, plan_changes, utc_now)
from .counting import check_counting, count_columns, finish_counts

#: how many values one ``IN (...)`` list may carry before a statement is split
IN_CHUNK = 500
#: how many parameters one multi-row INSERT may carry (several times faster than executemany)
INSERT_PARAMS = 2000

ARTICLE_COLUMNS = ("id", "content_hash", "url", "outlet", "title", "published",
                   "published_source", "language", "origin", "text", "segments", "warnings",
                   "ingested_at")
MENTION_COLUMNS = ("mention_id", "article_id", "role", "event_date", "event_type",
                   "sub_event_type", "country", "admin1", "latitude", "longitude", "record")
EVENT_COLUMNS = ("event_id", "role", "event_date", "date_start", "date_end", "event_type",
                 "sub_event_type", "actor1", "actor2", "claimed_by", "country", "admin1",
                 "admin2", "location", "latitude", "longitude", "fatalities", "n_sources",
                 "target_facility", "updated_at", "record")
AGGREGATE_COLUMNS = ("aggregate_id", "article_id", "count", "record")
LINK_COLUMNS = ("event_id", "mention_id")
CHANGE_COLUMNS = ("event_id", "change", "detail", "changed_at")
#: the tables ``counts`` reports
COUNTED = ("articles", "mentions", "events", "aggregates")
EVENT_ORDER = "ORDER BY event_date DESC NULLS LAST, event_id"


def marks(n: int, mark: str = "?") -> str:
    """``n`` placeholders for an ``IN (...)`` list or a VALUES row."""
    return ", ".join(mark for _ in range(n))


def insert_sql(table: str, columns: Sequence[str], n_rows: int, mark: str = "?") -> str:
    """One INSERT of ``n_rows`` rows of ``columns``, every value a parameter."""
    row = f"({marks(len(columns), mark)})"
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([row] * n_rows)}"


def dumps(value: Any) -> str:
    """JSON as the ``record``/``detail`` columns hold it (UTF-8 kept readable)."""
    return json.dumps(value, ensure_ascii=False)


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message, or its class name when it has none."""
    message = str(exc).strip()
    return message.splitlines()[0] if message else type(exc).__name__


#: event records a store keeps as it wrote them, so as not to parse them back (about 5 KB each)
WRITTEN_RECORDS = 20_000


class WrittenRecords:
    """The JSON records a store wrote, with the text it wrote them as: a batch compares each
    event with what the store holds, and reading back what this process just wrote is most
    of that (FA-KES: a sixth of storing). A record is served only when the text the store
    holds now is the text written, so another writer's change is always read."""

    def __init__(self, size: int = WRITTEN_RECORDS):
        self.size = size
        self.kept: dict[str, tuple[str, dict[str, Any]]] = {}

    def keep(self, event_id: str, text: str, record: dict[str, Any]) -> None:
        self.kept.pop(event_id, None)
        self.kept[event_id] = (text, record)
        if len(self.kept) > self.size:
            del self.kept[next(iter(self.kept))]  # the longest kept

    def parsed(self, event_id: str, text: str) -> dict[str, Any]:
        kept = self.kept.get(event_id)
        return kept[1] if kept is not None and kept[0] == text else json.loads(text)


class SQLStore(Store):
    """A ``Store`` over a DB-API-like connection (``self._conn.execute(sql, params)``).

    Subclasses set ``mark`` and ``driver_error``, connect in ``__init__`` and provide
    ``error_reason`` and ``_transaction``; everything else (the statements) is shared.
    """

    #: the driver's parameter placeholder
    mark = "?"
    #: the driver's exception base class, translated into ``StoreError`` at the boundary
    driver_error: type[BaseException] = Exception
    _conn: Any

    @abstractmethod
    def error_reason(self, exc: BaseException) -> str:
        """A short, one-line reason for a driver error, naming the usual causes plainly."""

    @abstractmethod
    def _transaction(self) -> ContextManager[None]:
        """Run the block in one transaction (translated errors), rolled back on any error."""

    # ------------------------------------------------------------------ plumbing
    @property
    def _written(self) -> WrittenRecords:
        written = self.__dict__.get("_written_records")
        if written is None:
            written = self.__dict__["_written_records"] = WrittenRecords()
        return written

    @contextlib.contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except self.driver_error as exc:
            raise StoreError(self.url, self.error_reason(exc)) from exc

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._translated():
            return self._conn.execute(sql, list(params)).fetchall()

    def _run(self, sql: str, params: Sequence[Any]) -> None:
        self._conn.execute(sql, list(params))

    def _rows_in(self, sql: str, values: Iterable[Any]) -> list[tuple[Any, ...]]:
        """Rows of ``sql`` (with ``{marks}`` where the IN list goes) for every value, chunked."""
        values = list(dict.fromkeys(values))
        rows: list[tuple[Any, ...]] = []
        for i in range(0, len(values), IN_CHUNK):
            chunk = values[i:i + IN_CHUNK]
            rows += self._rows(sql.format(marks=marks(len(chunk), self.mark)), chunk)
        return rows

    def _insert_rows(self, table: str, columns: Sequence[str],
                     rows: Sequence[Sequence[Any]]) -> None:
        step = max(1, INSERT_PARAMS // len(columns))
        for i in range(0, len(rows), step):
            chunk = rows[i:i + step]
            self._run(insert_sql(table, columns, len(chunk), self.mark),
                      [value for row in chunk for value in row])

    def _delete_in(self, table: str, column: str, values: Sequence[Any]) -> None:
        for i in range(0, len(values), IN_CHUNK):
            chunk = values[i:i + IN_CHUNK]
            self._run(f"DELETE FROM {table} WHERE {column} IN ({marks(len(chunk), self.mark)})",
                      chunk)

    def _replace(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        """Insert rows, first deleting any with the same key (the first column; last wins)."""
        rows = list({row[0]: row for row in rows}.values())
        self._delete_in(table, columns[0], [row[0] for row in rows])
        self._insert_rows(table, columns, rows)

    # ------------------------------------------------------------------ writing
    def save_batch(self, articles: list[Article], mentions: list[Mention],
                   aggregates: list[Aggregate], events: list[Event],
                   removed_event_ids: Iterable[str] = ()) -> None:
        removed = check_batch(events, removed_event_ids)
        at = utc_now()
        records = {e.event_id: event_to_json(e) for e in events}  # compared, then written
        with self._transaction():
            self._insert_articles(articles, at)
            self._replace("mentions", MENTION_COLUMNS, [mention_row(m) for m in mentions])
            self._replace("aggregates", AGGREGATE_COLUMNS, [aggregate_row(a) for a in aggregates])
            old = self._stored_events([e.event_id for e in events] + removed)
            writes, changes = plan_changes(old, events, removed, records)
            self._write_events(writes, at, records)
            self._delete_events([c.event_id for c in changes if c.change in ("merged", "deleted")])
            self._append_changes(changes, at)

    def _insert_articles(self, articles: list[Article], at: Any) -> None:
        """Insert the articles not stored yet (by content hash): re-saving one is a no-op."""
        known = self.known_hashes(a.content_hash for a in articles)
        fresh = {a.content_hash: a for a in articles if a.content_hash not in known}
        self._insert_rows("articles", ARTICLE_COLUMNS,
                          [article_row(a, at) for a in fresh.values()])

    def _stored_events(self, event_ids: list[str]) -> dict[str, StoredEvent]:
        records = self._rows_in("SELECT event_id, record FROM events WHERE event_id IN ({marks})",
                                event_ids)
        links = self._rows_in("SELECT event_id, mention_id FROM event_mentions "
                              "WHERE event_id IN ({marks})", event_ids)
        old = {event_id: StoredEvent(self._written.parsed(event_id, record), [])
               for event_id, record in records}
        for event_id, mention_id in links:
            if event_id in old:
                old[event_id].links.append(mention_id)
        return old

    def _write_events(self, events: list[Event], at: Any, records: dict[str, dict[str, Any]]) -> None:
        rows = [event_row(e, at, records[e.event_id]) for e in events]
        self._replace("events", EVENT_COLUMNS, rows)
        for event, row in zip(events, rows):
            self._written.keep(event.event_id, row[-1], records[event.event_id])
        self._delete_in("event_mentions", "event_id", [e.event_id for e in events])
        self._insert_rows("event_mentions", LINK_COLUMNS,
                          [(e.event_id, m) for e in events for m in mention_links(e)])

    def _delete_events(self, event_ids: list[str]) -> None:
        self._delete_in("events", "event_id", event_ids)
        self._delete_in("event_mentions", "event_id", event_ids)

    def _append_changes(self, changes: list[Change], at: Any) -> None:
        self._insert_rows("event_changes", CHANGE_COLUMNS,
                          [(c.event_id, c.change, dumps(c.detail), at) for c in changes])

    # ------------------------------------------------------------------ reading
    def has_article(self, content_hash: str) -> bool:
        return bool(self._rows(f"SELECT 1 FROM articles WHERE content_hash = {self.mark}",
                               [content_hash]))

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        return {row[0] for row in self._rows_in(
            "SELECT content_hash FROM articles WHERE content_hash IN ({marks})", hashes)}

    def select_events(self, query: EventQuery) -> list[Event]:
        return [event_from_json(json.loads(r[0])) for r in self._selected("record", query)]

    def _selected(self, columns: str, query: EventQuery) -> list[tuple[Any, ...]]:
        """``columns`` of the events ``query`` selects, in order, after offset and limit."""
        where, params = query.where_sql(self.mark)
        sql = f"SELECT {columns} FROM events WHERE {where} {EVENT_ORDER}"
        if query.limit is not None:
            sql += f" LIMIT {self.mark}"
            params.append(query.limit)
        sql += f" OFFSET {self.mark}"
        params.append(query.offset)
        return self._rows(sql, params)

    def summaries(self, query: EventQuery) -> list[dict[str, Any]]:
        return [dict(zip(SUMMARY_COLUMNS, row))
                for row in self._selected(", ".join(SUMMARY_COLUMNS), query)]

    def count_events(self, query: EventQuery, group_by: tuple[str, ...] = (),
                     interval: str | None = None) -> list[dict[str, Any]]:
        """Counted by the database (``count_events_sql``): only the totals travel."""
        sql, params = count_events_sql(query, group_by, interval, self.mark)
        columns = count_columns(check_counting(group_by, interval), interval)
        return finish_counts(columns, self._rows(sql, params))

    def event(self, event_id: str) -> Event | None:
        rows = self._rows(f"SELECT record FROM events WHERE event_id = {self.mark}", [event_id])
        return event_from_json(json.loads(rows[0][0])) if rows else None

    def mentions_of(self, event_id: str) -> list[Mention]:
        rows = self._rows("SELECT m.record FROM event_mentions l JOIN mentions m "
                          f"ON m.mention_id = l.mention_id WHERE l.event_id = {self.mark} "
                          "ORDER BY m.article_id, m.mention_id", [event_id])
        return [mention_from_json(json.loads(r[0])) for r in rows]

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        return {row[0] for row in self._rows_in("SELECT id FROM articles WHERE id IN ({marks})", ids)}

    def mentions_of_events(self, event_ids: Iterable[str]) -> dict[str, list[Mention]]:
        ids = list(dict.fromkeys(event_ids))
        found: dict[str, list[Mention]] = {event_id: [] for event_id in ids}
        rows = self._rows_in("SELECT l.event_id, m.record FROM event_mentions l JOIN mentions m "
                             "ON m.mention_id = l.mention_id WHERE l.event_id IN ({marks}) "
                             "ORDER BY m.article_id, m.mention_id", ids)
        for event_id, record in rows:
            found[event_id].append(mention_from_json(json.loads(record)))
        return found

    def aggregates(self, *, article_id: str | None = None,
                   limit: int | None = None) -> list[Aggregate]:
        where, params = (f"article_id = {self.mark}", [article_id]) if article_id is not None \
            else ("TRUE", [])
        sql = f"SELECT record FROM aggregates WHERE {where} ORDER BY article_id, aggregate_id"
        if limit is not None:
            sql += f" LIMIT {self.mark}"
            params.append(limit)
        return [aggregate_from_json(json.loads(r[0])) for r in self._rows(sql, params)]

    def article(self, article_id: str) -> Article | None:
        rows = self._rows(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles "
                          f"WHERE id = {self.mark}", [article_id])
        return article_from_row(rows[0]) if rows else None

    def counts(self) -> dict[str, int]:
        return {table: self._rows(f"SELECT count(*) FROM {table}")[0][0] for table in COUNTED}

    def changes(self, since_seq: int = 0) -> list[dict[str, Any]]:
        rows = self._rows("SELECT seq, event_id, change, detail, changed_at FROM event_changes "
                          f"WHERE seq > {self.mark} ORDER BY seq", [since_seq])
        return [{"seq": seq, "event_id": event_id, "change": change,
                 "detail": json.loads(detail), "at": iso_utc(at)}
                for seq, event_id, change, detail, at in rows]

    def last_change_seq(self) -> int:
        return self._rows("SELECT coalesce(max(seq), 0) FROM event_changes")[0][0]

    def close(self) -> None:
        with self._translated():
            self._conn.close()


# ---------------------------------------------------------------------- counting
#: an event's day (``counting.event_day``): its date, else the first day of its range
EVENT_DAY = "coalesce(event_date, date_start)"
#: the measures of ``counting.MEASURES``, in that order
MEASURES_SQL = ("count(*)", "coalesce(sum(n_sources), 0)", "coalesce(sum(fatalities), 0)")


def period_sql(interval: str) -> str:
    """The first day of an event's day, ISO week or month, as a DATE.

    Through TIMESTAMP and back so that DuckDB and PostgreSQL both return a plain DATE
    (PostgreSQL's ``date_trunc`` of a DATE would depend on the session's time zone).
    """
    return f"CAST(date_trunc('{interval}', CAST({EVENT_DAY} AS TIMESTAMP)) AS DATE)"


def count_events_sql(query: EventQuery, group_by: Sequence[str], interval: str | None,
                     mark: str = "?") -> tuple[str, list[Any]]:
    """A standard-SQL count of the events ``query`` selects, per period and group.

    Selects ``counting.count_columns(group_by, interval)`` in order; the rows still need
    ``counting.finish_counts`` (ISO periods, the shared order). Group keys and the interval
    are checked against ``counting``'s lists before they are spliced in as names.
    """
    keys = list(check_counting(group_by, interval))
    if interval is not None:
        keys.insert(0, period_sql(interval))
    where, params = query.where_sql(mark)
    sql = f"SELECT {', '.join(keys + list(MEASURES_SQL))} FROM events WHERE {where}"
    if keys:
        sql += f" GROUP BY {', '.join(keys)}"
    return sql, params


# ---------------------------------------------------------------------- rows
def article_row(article: Article, at: Any) -> list[Any]:
    """An article as the ``articles`` table holds it (``ARTICLE_COLUMNS`` order)."""
    data = article_to_json(article)
    data.update(published=parse_date(article.published), segments=dumps(data["segments"]),
                warnings=dumps(data["warnings"]), ingested_at=at)
    return [data[c] for c in ARTICLE_COLUMNS]


def article_from_row(row: Sequence[Any]) -> Article:
    """The article an ``articles`` row (``ARTICLE_COLUMNS`` order) holds."""
    data = dict(zip(ARTICLE_COLUMNS, row))
    return article_from_json({**data, "segments": json.loads(data["segments"]),
                              "warnings": json.loads(data["warnings"])})


def mention_row(mention: Mention) -> tuple[Any, ...]:
    """A mention as the ``mentions`` table holds it: filter columns, then the whole record."""
    return (mention.mention_id, mention.article_id, mention.role, mention.event_date,
            mention.event_type, mention.sub_event_type, mention.country, mention.admin1,
            mention.latitude, mention.longitude, dumps(mention_to_json(mention)))


def aggregate_row(aggregate: Aggregate) -> tuple[Any, ...]:
    """A count statement as the ``aggregates`` table holds it."""
    return (aggregate.aggregate_id, aggregate.article_id, aggregate.count,
            dumps(aggregate_to_json(aggregate)))


def event_row(event: Event, at: Any, record: dict[str, Any] | None = None) -> tuple[Any, ...]:
    """An event as the ``events`` table holds it (``record``: its JSON shape, when made
    already); ``claimed_by`` is one name a line."""
    start, end = date_span(event) or (None, None)
    return (event.event_id, event.role, event.event_date, start, end, event.event_type,
            event.sub_event_type, event.actor1, event.actor2, "\n".join(event.claimed_by) or None,
            event.country, event.admin1, event.admin2, event.location, event.latitude,
            event.longitude, event.fatalities, n_sources(event), event.target_facility, at,
            dumps(event_to_json(event) if record is None else record))
