"""The PostgreSQL store: one database shared by several users or machines (psycopg 3).

The tables, statements and rules are the DuckDB store's (``store/sql.py``, ``migrations.py``);
what is PostgreSQL's own lives here: connecting by URL, the ``%s`` placeholder, psycopg's
transaction model, serialising writers, and turning psycopg's errors into one-line
``StoreError`` s. Errors name the URL with its password masked (``redact``), and the password
is scrubbed from the reason too, so a log never carries it.

The connection runs in autocommit mode: each read is its own statement, and ``save_batch``
opens one explicit transaction (``conn.transaction()``) that first takes a transaction-level
advisory lock, so two ingests into one database take turns batch by batch instead of racing
on the same event ids. Opening holds a session advisory lock while it migrates, so two
processes opening a new database do not both create its tables.
"""
from __future__ import annotations

import contextlib
import re
from typing import Any, Iterator, Sequence
from urllib.parse import unquote

import psycopg
from psycopg.conninfo import conninfo_to_dict

from . import redact
from .migrations import MIGRATIONS, Migration, migrate
from .sql import SQLStore, first_line

__all__ = ["PostgresStore", "error_reason"]

#: advisory lock keys (any bigint; "ewrite" and "emigra" in ASCII), per database
WRITE_LOCK = 0x657772697465
MIGRATE_LOCK = 0x656D69677261
#: seconds to wait for a server that does not answer, unless the URL sets connect_timeout
CONNECT_TIMEOUT_S = 10

#: libpq message fragment (lower case) -> the reason a user is shown (first match wins)
ERROR_REASONS: tuple[tuple[str, str], ...] = (
    ("connection refused", "connection refused: is a PostgreSQL server running there?"),
    ("no such file or directory", "no PostgreSQL server is running on that socket"),
    ("timeout expired", "the server did not answer in time"),
    ("the connection is closed", "the store is closed"),
    ("failed to resolve host", "unknown host name"),
)
#: libpq's preamble before the part of a connection error that says what went wrong
CONNECT_PREAMBLE = re.compile(r"^.*failed: (FATAL:\s+)?")


def error_reason(exc: BaseException) -> str:
    """A short, one-line reason for a psycopg error, naming the usual causes plainly.

    Server errors read as PostgreSQL's message and its detail ("duplicate key ...: Key
    (id)=(...) already exists."); connection errors lose libpq's "connection to server at ...
    failed:" preamble, since the URL is named beside the reason anyway.
    """
    diag = getattr(exc, "diag", None)
    primary = diag.message_primary if diag is not None else None
    if primary:
        detail = diag.message_detail
        return f"{primary}: {detail}" if detail else primary
    message = CONNECT_PREAMBLE.sub("", first_line(exc)).strip()
    for fragment, reason in ERROR_REASONS:
        if fragment in message.lower():
            return reason
    return message or type(exc).__name__


def passwords(url: str) -> list[str]:
    """The password a connection URL carries (as written and decoded), to scrub from text."""
    try:
        given = conninfo_to_dict(url).get("password")
    except psycopg.Error:
        given = None
    found = {str(given), unquote(str(given))} if given else set()
    written = re.search(r"://[^/@:]*:([^/@]*)@", url)
    if written:
        found |= {written.group(1), unquote(written.group(1))}
    return sorted((p for p in found if p), key=len, reverse=True)


class _Migrating:
    """The connection as ``migrate`` expects it: explicit BEGIN/COMMIT/ROLLBACK statements,
    which psycopg runs as given because the connection is in autocommit mode."""

    def __init__(self, conn: psycopg.Connection):
        self._conn = conn

    def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> Any:
        return self._conn.execute(sql, parameters)

    def begin(self) -> None:
        self._conn.execute("BEGIN")

    def commit(self) -> None:
        self._conn.execute("COMMIT")

    def rollback(self) -> None:
        self._conn.execute("ROLLBACK")


class PostgresStore(SQLStore):
    """A ``Store`` in a PostgreSQL database named by a ``postgresql://`` URL."""

    mark = "%s"
    driver_error = psycopg.Error

    def __init__(self, url: str, *, migrations: Sequence[Migration] = MIGRATIONS):
        self.url = redact(url)
        self._secrets = passwords(url)
        options = {} if "connect_timeout" in url else {"connect_timeout": CONNECT_TIMEOUT_S}
        with self._translated():
            self._conn = psycopg.connect(url, autocommit=True, **options)
        try:
            with self._translated():
                self._migrate(migrations)
        except BaseException:
            self._conn.close()
            raise

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        """Apply pending migrations while holding the database's migration lock."""
        self._conn.execute("SELECT pg_advisory_lock(%s)", [MIGRATE_LOCK])
        try:
            migrate(_Migrating(self._conn), self.url, migrations, mark=self.mark)
        finally:
            with contextlib.suppress(psycopg.Error):  # closing the connection frees it anyway
                self._conn.execute("SELECT pg_advisory_unlock(%s)", [MIGRATE_LOCK])

    def error_reason(self, exc: BaseException) -> str:
        reason = error_reason(exc)
        for secret in self._secrets:
            reason = reason.replace(secret, "***")
        return reason

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """The writer lock for a whole read-then-write turn (de-duplication reads the events
        near a batch, then saves): held for the session, so the batch's own transaction lock
        on the same key is granted to it at once."""
        with self._translated():
            self._conn.execute("SELECT pg_advisory_lock(%s)", [WRITE_LOCK])
        try:
            yield
        finally:
            with contextlib.suppress(psycopg.Error):
                self._conn.execute("SELECT pg_advisory_unlock(%s)", [WRITE_LOCK])

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._translated(), self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
            yield
