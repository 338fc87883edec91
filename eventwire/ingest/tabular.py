"""``.csv`` files: one article per row, a ``text`` column required.

The header names the columns (matched ignoring case and surrounding spaces): ``text`` and,
optionally, ``id``, ``url``, ``outlet``, ``title``, ``published``, ``language``; other columns
are ignored.
Rows are numbered as a spreadsheet shows them (the header is row 1), so a bad row is reported
as "file.csv:row 7: …" and the others are read; an article's origin is "file.csv:7".
"""
from __future__ import annotations

import csv
import io
from typing import Iterator

from ..errors import ReadError
from ..records import Article
from .record import RecordContext, match_columns, record_or_error


def _rows(text: str, source: str) -> Iterator[tuple[int, list[str] | ReadError]]:
    """(row number, cells) for every row, the header being row 1; a row the csv module
    rejects comes as a ReadError and reading goes on after it."""
    reader = csv.reader(io.StringIO(text, newline=""))
    number = 0
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield number, ReadError(f"{source}:row {number}", f"bad CSV ({exc})")
            continue
        yield number, row


def _ensure_field_limit(max_chars: int) -> None:
    """Let a cell hold a whole file (the csv module's default stops at 131,072 characters;
    the limit is process-wide and only ever raised here)."""
    if csv.field_size_limit() < max_chars:
        csv.field_size_limit(max_chars)


def _row_article(row: list[str], number: int, header: list[str], columns: dict[str, int],
                 source: str, context: RecordContext) -> Article | ReadError | None:
    """The article of one data row; None for a blank row."""
    if not any(cell.strip() for cell in row):
        return None
    if len(row) > len(header):
        return ReadError(f"{source}:row {number}",
                         f"{len(row)} fields but the header has {len(header)}")
    record = {name: row[i] if i < len(row) else None for name, i in columns.items()}
    return record_or_error(record, f"{source}:{number}", context,
                           error_source=f"{source}:row {number}")


def read_csv(text: str, source: str, context: RecordContext) -> Iterator[Article | ReadError]:
    """One article per data row; a bad row is reported and skipped."""
    _ensure_field_limit(len(text))
    rows = _rows(text, source)
    _, header = next(rows, (1, []))
    if isinstance(header, ReadError):
        raise header
    columns = match_columns(header, source)
    for number, row in rows:
        if isinstance(row, ReadError):
            yield row
            continue
        found = _row_article(row, number, header, columns, source, context)
        if found is not None:
            yield found
