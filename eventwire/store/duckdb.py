"""The DuckDB store: the embedded default, one file on disk, no server.

What is DuckDB's own lives here: checking the path before DuckDB tries it, connecting, turning
DuckDB's errors into one-line ``StoreError`` s that say what is wrong with the file, and the
``?`` placeholder. The statements themselves are shared with the PostgreSQL store
(``store/sql.py``), so the two cannot drift apart.
"""
from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import Iterator, Sequence

import duckdb

from ..errors import StoreError
from .migrations import MIGRATIONS, Migration, migrate
from .sql import IN_CHUNK, SQLStore, first_line

__all__ = ["DuckDBStore", "IN_CHUNK", "check_path", "error_reason"]

MEMORY_PATH = ":memory:"

#: DuckDB message fragment -> the reason a user is shown (first match wins)
ERROR_REASONS: tuple[tuple[str, str], ...] = (
    ("not a valid DuckDB database file", "not a DuckDB database file"),
    ("Could not set lock", "locked by another process: close it or work on a copy"),
    ("Permission denied", "permission denied: is the file or its folder writable?"),
    ("Read-only file system", "the file system is read-only"),
    ("No such file or directory", "its folder does not exist"),
    ("Connection already closed", "the store is closed"),
)
LOCK_PID = re.compile(r"PID (\d+)")
#: what DuckDB's Python client raises when Ctrl-C arrives while a statement runs: a plain
#: RuntimeError, the KeyboardInterrupt itself swallowed
INTERRUPTED = "Query interrupted"


def error_reason(exc: BaseException) -> str:
    """A short, one-line reason for a DuckDB error, naming the usual causes plainly."""
    message = str(exc)
    for fragment, reason in ERROR_REASONS:
        if fragment in message:
            holder = LOCK_PID.search(message)  # DuckDB names the process holding a lock
            return f"{reason} (PID {holder.group(1)})" if holder else reason
    return re.sub(r"^[A-Za-z ]*Error: ", "", first_line(exc))


def check_path(path: str, url: str) -> None:
    """Refuse a path DuckDB could not use, with the reason, before DuckDB tries."""
    if not path:
        raise StoreError(url, "no database file named")
    if path == MEMORY_PATH or os.path.isfile(path):
        return
    if os.path.isdir(path):
        raise StoreError(url, "is a folder, not a database file")
    folder = Path(path).parent
    if not folder.is_dir():
        raise StoreError(url, f"folder {str(folder)!r} does not exist")
    if not os.access(folder, os.W_OK):
        raise StoreError(url, f"folder {str(folder)!r} is not writable")


class DuckDBStore(SQLStore):
    """A ``Store`` in one DuckDB file (or in memory with ``:memory:``)."""

    mark = "?"
    driver_error = duckdb.Error

    def __init__(self, path: str, *, url: str | None = None,
                 migrations: Sequence[Migration] = MIGRATIONS):
        self.url = url or path
        check_path(path, self.url)
        with self._translated():
            self._conn = duckdb.connect(path)
        try:
            with self._translated():
                migrate(self._conn, self.url, migrations)
        except BaseException:
            self._conn.close()
            raise

    def error_reason(self, exc: BaseException) -> str:
        return error_reason(exc)

    @contextlib.contextmanager
    def _translated(self) -> Iterator[None]:
        """DuckDB's errors as ``StoreError`` s, and a statement cut short by Ctrl-C as the
        ``KeyboardInterrupt`` it was, so the transaction is rolled back and the command
        stops as on any other Ctrl-C (no traceback)."""
        try:
            with super()._translated():
                yield
        except RuntimeError as exc:
            if str(exc) != INTERRUPTED:
                raise
            raise KeyboardInterrupt from exc

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._translated():
            self._conn.begin()
            try:
                yield
            except BaseException:
                self._conn.rollback()
                raise
            self._conn.commit()
