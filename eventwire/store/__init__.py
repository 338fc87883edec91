"""Where eventwire keeps what it found: ``open_store(url)`` picks the store a URL names.

    "eventwire.duckdb", "data/x.duckdb"   a DuckDB file (the embedded default)
    "duckdb:///data/x.duckdb"             the same, as a URL (SQLAlchemy style: three slashes
                                          then a relative path, four for an absolute one)
    "duckdb:///:memory:"                  DuckDB in memory, gone on close
    "postgresql://user:pw@host:5432/db"   PostgreSQL (``PostgresStore``, psycopg 3), for a
    "postgres://..."                      database several users or machines share
    "memory"                              ``MemoryStore``, a dependency-free stand-in for tests

Opening applies any pending schema migrations (``store/migrations.py``). psycopg is imported
only when a PostgreSQL URL is opened, so the DuckDB path never needs it. Errors name the URL
with its password masked (``redact``).
"""
from __future__ import annotations

import contextlib
import os
import re
import threading
from typing import TYPE_CHECKING, Iterator
from urllib.parse import urlsplit, urlunsplit

from ..config import Settings
from ..errors import StoreError
from .base import EventQuery, MemoryStore, Store
from .duckdb import DuckDBStore

if TYPE_CHECKING:
    from .postgres import PostgresStore

__all__ = ["DuckDBStore", "EventQuery", "MemoryStore", "Store", "StoreGate", "open_store", "redact"]

MEMORY_URL = "memory"
DUCKDB_PREFIX = "duckdb:///"
POSTGRES_SCHEMES = ("postgresql", "postgres")
URL_FORMS = "a DuckDB file path, duckdb:///PATH, postgresql://..., or memory"
#: a password given as a query parameter (``postgresql://host/db?password=...``)
QUERY_PASSWORD = re.compile(r"((?:^|&)password=)[^&]*")


def redact(url: str) -> str:
    """The URL with any password replaced by ``***``, fit for an error message or a log."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if parts.password is not None:
        netloc = netloc.replace(f":{parts.password}@", ":***@", 1)
    query = QUERY_PASSWORD.sub(r"\1***", parts.query)
    if (netloc, query) == (parts.netloc, parts.query):
        return url
    return urlunsplit(parts._replace(netloc=netloc, query=query))


def open_store(url: str | os.PathLike[str] | None = None) -> Store:
    """Open (creating and migrating as needed) the store ``url`` names.

    With no url, the ``store.db`` setting (``EVENTWIRE_STORE_DB`` overrides it) decides.
    """
    text = os.fspath(url) if url is not None else Settings()["store.db"]
    if text == MEMORY_URL:
        return MemoryStore()
    if "://" not in text:
        return DuckDBStore(text, url=text)
    scheme = text.split("://", 1)[0].lower()
    if scheme in POSTGRES_SCHEMES:
        return _postgres_store(text)
    if text[:len(DUCKDB_PREFIX)].lower() == DUCKDB_PREFIX:
        return DuckDBStore(text[len(DUCKDB_PREFIX):], url=text)
    raise StoreError(redact(text), f"not a database URL eventwire knows (use {URL_FORMS})")


def _postgres_store(url: str) -> Store:
    """Open a PostgreSQL store, importing psycopg only now (DuckDB users need not install it)."""
    try:
        from .postgres import PostgresStore
    except ImportError as exc:
        raise StoreError(redact(url), "PostgreSQL needs psycopg 3, which is not installed: "
                                      "pip install 'psycopg[binary]'") from exc
    return PostgresStore(url)


def __getattr__(name: str) -> object:
    """``eventwire.store.PostgresStore``, imported on first use (it needs psycopg)."""
    if name == "PostgresStore":
        from .postgres import PostgresStore
        return PostgresStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class StoreGate:
    """One store shared by the server's threads: ``with gate.use() as store`` serialises use.

    DuckDB connections must not be used by two threads at once; a lock is the simple,
    correct answer for a server whose requests take milliseconds.
    """

    def __init__(self, store: Store):
        self._store = store
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def use(self) -> Iterator[Store]:
        with self._lock:
            yield self._store

    def close(self) -> None:
        with self._lock:
            self._store.close()
