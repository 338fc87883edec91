"""``.parquet`` files: one article per row, a ``text`` column required (the corpus format of
cluster runs: ``ingest --engine ray`` reads a year of news as Parquet as readily as JSON Lines).

Columns are matched as in CSV (``text``; optionally ``id``, ``url``, ``outlet``, ``title``,
``published``, ``language``), ignoring case. The file is read through DuckDB a slice of rows at
a time, so a file of any size streams in bounded memory (``ingest.max_file_bytes`` does not
apply; ``ingest.max_article_chars`` still cuts each text). ``published`` may be a date, a
timestamp or a string. An article's origin is ``file.parquet:N``, N counting rows from 1.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Iterator

import duckdb

from ..errors import ReadError
from ..records import Article
from .record import RecordContext, match_columns, record_or_error

#: rows fetched from DuckDB at a time
ROWS_PER_FETCH = 1024
#: DuckDB's message when a file is not Parquet, shortened to what a user needs
NOT_PARQUET = "not a Parquet file (or a damaged one)"


def _plain(value: Any) -> Any:
    """A cell as the record rules expect it: dates and timestamps as ISO text."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _open(path: Path, source: str) -> tuple[duckdb.DuckDBPyConnection, dict[str, str]]:
    if not path.is_file():
        raise ReadError(source, "not a regular file")
    conn = duckdb.connect()
    try:
        described = conn.execute("DESCRIBE SELECT * FROM read_parquet(?)", [str(path)]).fetchall()
    except duckdb.Error as exc:
        conn.close()
        raise ReadError(source, NOT_PARQUET if "parquet" in str(exc).lower()
                        else str(exc).splitlines()[0]) from exc
    names = [row[0] for row in described]
    return conn, {field: names[i] for field, i in match_columns(names, source).items()}


def read_parquet(path: Path, context: RecordContext) -> Iterator[Article | ReadError]:
    """One article per row, streamed; a row that breaks the record rules is reported and
    skipped, the rest are read."""
    source = str(path)
    conn, columns = _open(path, source)
    fields = list(columns)
    select = ", ".join('"' + columns[f].replace('"', '""') + '"' for f in fields)
    try:
        cursor = conn.execute(f"SELECT {select} FROM read_parquet(?)", [source])
        number = 0
        while rows := cursor.fetchmany(ROWS_PER_FETCH):
            for row in rows:
                number += 1
                record = {f: _plain(v) for f, v in zip(fields, row) if v is not None}
                yield record_or_error(record, f"{source}:{number}", context,
                                      error_source=f"{source}:row {number}")
    except duckdb.Error as exc:
        raise ReadError(source, f"cannot read row {number + 1} ({str(exc).splitlines()[0]})") from exc
    finally:
        conn.close()
