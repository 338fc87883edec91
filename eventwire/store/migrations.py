"""Versioned, transactional schema migrations.

The schema is an ordered list of ``Migration`` s. Each one runs in its own transaction and is
recorded in ``schema_migrations(version, name, applied_at)``; a failing one is rolled back whole
(DDL included: DuckDB and PostgreSQL both roll back DDL) and raises ``MigrationError``. Opening a
database applies the versions it lacks, so re-opening is a no-op, and a database carrying a
version this eventwire does not know was written by a newer eventwire: it is refused rather than
half-understood.

The SQL here is standard (TEXT, DATE, DOUBLE PRECISION, sequences) so the PostgreSQL store can
run the same list; a statement that has to differ by database belongs in a later migration
chosen per store, not in these. A step plain SQL cannot do alike in both (reading the JSON
``record`` column) is a migration's ``backfill``: Python run in the same transaction, with
parameters in the driver's ``mark``.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional, Protocol, Sequence

from ..errors import MigrationError, StoreError


@dataclass(frozen=True)
class Migration:
    """One schema step: applied whole or not at all."""

    version: int
    name: str
    statements: tuple[str, ...]
    #: run after the statements, in their transaction, as ``backfill(conn, mark)``
    backfill: Optional[Callable[[Connection, str], None]] = None


class Connection(Protocol):
    """What ``migrate`` needs of a database connection (DuckDB's fits as is)."""

    def execute(self, sql: str, parameters: Sequence[Any] = ...) -> Any: ...

    def begin(self) -> Any: ...

    def commit(self) -> Any: ...

    def rollback(self) -> Any: ...


LEDGER_TABLE = "schema_migrations"

CREATE_LEDGER = f"""CREATE TABLE IF NOT EXISTS {LEDGER_TABLE} (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TIMESTAMP NOT NULL)"""

SELECT_APPLIED = f"SELECT version FROM {LEDGER_TABLE} ORDER BY version"

#: ``{0}`` is the driver's parameter placeholder
INSERT_APPLIED = (f"INSERT INTO {LEDGER_TABLE} (version, name, applied_at) "
                  "VALUES ({0}, {0}, {0})")

#: ``event_changes.change``: what happened to an event, for the changes feed users sync from.
CHANGE_KINDS = ("created", "updated", "merged", "deleted")

INITIAL_SCHEMA = (
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        url TEXT,
        outlet TEXT,
        title TEXT,
        published DATE,
        published_source TEXT,
        language TEXT,
        origin TEXT,
        text TEXT NOT NULL,
        segments TEXT NOT NULL,
        warnings TEXT NOT NULL,
        ingested_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE mentions (
        mention_id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL,
        role TEXT NOT NULL,
        event_date DATE,
        event_type TEXT,
        sub_event_type TEXT,
        country TEXT,
        admin1 TEXT,
        latitude DOUBLE PRECISION,
        longitude DOUBLE PRECISION,
        record TEXT NOT NULL)""",
    "CREATE INDEX mentions_by_article ON mentions (article_id)",
    """CREATE TABLE events (
        event_id TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        event_date DATE,
        date_start DATE,
        date_end DATE,
        event_type TEXT,
        sub_event_type TEXT,
        actor1 TEXT,
        actor2 TEXT,
        claimed_by TEXT,
        country TEXT,
        admin1 TEXT,
        admin2 TEXT,
        location TEXT,
        latitude DOUBLE PRECISION,
        longitude DOUBLE PRECISION,
        fatalities INTEGER,
        n_sources INTEGER NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        record TEXT NOT NULL)""",
    """CREATE TABLE event_mentions (
        event_id TEXT NOT NULL,
        mention_id TEXT NOT NULL,
        PRIMARY KEY (event_id, mention_id))""",
    "CREATE INDEX event_mentions_by_mention ON event_mentions (mention_id)",
    """CREATE TABLE aggregates (
        aggregate_id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL,
        count INTEGER NOT NULL,
        record TEXT NOT NULL)""",
    "CREATE SEQUENCE event_changes_seq",
    f"""CREATE TABLE event_changes (
        seq BIGINT PRIMARY KEY DEFAULT nextval('event_changes_seq'),
        event_id TEXT NOT NULL,
        change TEXT NOT NULL CHECK (change IN ({", ".join(repr(k) for k in CHANGE_KINDS)})),
        detail TEXT NOT NULL,
        changed_at TIMESTAMP NOT NULL)""",
)

#: what ``json.dumps`` writes for a record whose target facility is known (not null)
KNOWN_FACILITY = '%"target_facility": "%'


def backfill_target_facility(conn: Connection, mark: str) -> None:
    """Copy each stored event's target facility from its JSON record into the new column.

    JSON functions differ between DuckDB and PostgreSQL, so the record is read here in Python;
    only rows whose record names a facility are read and updated (the rest stay NULL).
    """
    rows = conn.execute(f"SELECT event_id, record FROM events WHERE record LIKE {mark}",
                        [KNOWN_FACILITY]).fetchall()
    for event_id, record in rows:
        conn.execute(f"UPDATE events SET target_facility = {mark} WHERE event_id = {mark}",
                     [json.loads(record).get("target_facility"), event_id])


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", INITIAL_SCHEMA),
    # counted and filtered on by ``eventwire stats --target`` / ``--group target_facility``
    Migration(2, "events get a target_facility column",
              ("ALTER TABLE events ADD COLUMN target_facility TEXT",),
              backfill_target_facility),
)


def pending(applied: Iterable[int], url: str,
            migrations: Sequence[Migration] = MIGRATIONS) -> list[Migration]:
    """The migrations a database with ``applied`` versions still needs, in order.

    A version this code does not know means a newer eventwire wrote the database: refused,
    because reading a schema we do not understand could lose data.
    """
    done = set(applied)
    known = {m.version for m in migrations}
    unknown = sorted(done - known)
    if unknown:
        raise StoreError(url, f"schema version {unknown[-1]} was written by a newer eventwire "
                              f"(this one knows up to {max(known, default=0)}): upgrade eventwire")
    return [m for m in sorted(migrations, key=lambda m: m.version) if m.version not in done]


def migrate(conn: Connection, url: str, migrations: Sequence[Migration] = MIGRATIONS,
            mark: str = "?") -> list[int]:
    """Apply the pending migrations, each in its own transaction; return the versions applied.

    ``mark`` is the driver's parameter placeholder (``?`` for DuckDB, ``%s`` for psycopg).
    """
    conn.execute(CREATE_LEDGER)
    applied = [row[0] for row in conn.execute(SELECT_APPLIED).fetchall()]
    done: list[int] = []
    for migration in pending(applied, url, migrations):
        _apply(conn, url, migration, mark)
        done.append(migration.version)
    return done


def _apply(conn: Connection, url: str, migration: Migration, mark: str) -> None:
    conn.begin()
    try:
        for statement in migration.statements:
            conn.execute(statement)
        if migration.backfill is not None:
            migration.backfill(conn, mark)
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        conn.execute(INSERT_APPLIED.format(mark), [migration.version, migration.name, now])
        conn.commit()
    except Exception as exc:
        conn.rollback()
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise MigrationError(url, migration.version, reason) from exc
