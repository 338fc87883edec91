"""Where eventwire keeps what it found: ``open_store(url)`` picks the store a URL names.

    "eventwire.duckdb", "data/x.duckdb"   a DuckDB file (the embedded default)
    "duckdb:///data/x.duckdb"             the same, as a URL (SQLAlchemy style: three slashes
                                          then a relative path, four for an absolute one)
    "duckdb:///:memory:"                  DuckDB in memory, gone on close
    "postgresql://user@host/db"           PostgreSQL (not installed yet: refused with that reason)
    "memory"                              ``MemoryStore``, a dependency-free stand-in for tests

Opening applies any pending schema migrations (``store/migrations.py``).
"""
from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

from ..config import Settings
from ..errors import StoreError
from .base import EventQuery, MemoryStore, Store
from .duckdb import DuckDBStore

__all__ = ["DuckDBStore", "EventQuery", "MemoryStore", "Store", "open_store", "redact"]

MEMORY_URL = "memory"
DUCKDB_PREFIX = "duckdb:///"
POSTGRES_SCHEMES = ("postgresql", "postgres")
URL_FORMS = "a DuckDB file path, duckdb:///PATH, postgresql://..., or memory"


def redact(url: str) -> str:
    """The URL with any password replaced by ``***``, fit for an error message or a log."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


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
        raise StoreError(redact(text), "PostgreSQL support is not installed yet")
    if text[:len(DUCKDB_PREFIX)].lower() == DUCKDB_PREFIX:
        return DuckDBStore(text[len(DUCKDB_PREFIX):], url=text)
    raise StoreError(redact(text), f"not a database URL eventwire knows (use {URL_FORMS})")
