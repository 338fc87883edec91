"""Parquet files: one article per row, streamed, typed dates accepted, bad rows reported."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from eventwire.config import Settings
from eventwire.errors import ReadError
from eventwire.ingest import parquet as parquet_reader
from eventwire.ingest import read_file, read_paths
from eventwire.records import Article


@pytest.fixture
def settings() -> Settings:
    return Settings(environ={})


def write_parquet(path: Path, select: str) -> Path:
    """A Parquet file holding the rows of a DuckDB ``select``."""
    with duckdb.connect() as conn:
        conn.execute(f"COPY ({select}) TO '{path}' (FORMAT parquet)")
    return path


def test_each_row_is_an_article_with_typed_dates_and_the_optional_columns(tmp_path, settings):
    path = write_parquet(tmp_path / "day.parquet", """
        SELECT * FROM (VALUES
          ('r1', 'Strike on depot', 'KHARKIV - Drones hit a depot.', DATE '2024-03-05', 'x'),
          ('r2', NULL, 'Two killed in Mosul.', NULL, 'y')
        ) AS t("ID", title, "Text", published, other)""")
    first, second = read_file(path, settings=settings)
    assert (first.id, first.title, first.published) == ("r1", "Strike on depot", dt.date(2024, 3, 5))
    assert first.text == "Strike on depot\n\nKHARKIV - Drones hit a depot."
    assert (first.origin, second.origin) == (f"{path}:1", f"{path}:2")
    assert (second.title, second.published, second.text) == (None, None, "Two killed in Mosul.")


def test_a_timestamp_column_gives_the_day(tmp_path, settings):
    path = write_parquet(tmp_path / "t.parquet", "SELECT 'Shelling in Idlib.' AS text, "
                                                 "TIMESTAMP '2023-10-18 23:10:00' AS published")
    [article] = read_file(path, settings=settings)
    assert article.published == dt.date(2023, 10, 18)


def test_bad_rows_are_reported_by_row_number_and_the_rest_is_read(tmp_path, settings):
    path = write_parquet(tmp_path / "mixed.parquet", """
        SELECT * FROM (VALUES ('First story.', '2024-01-02'), ('', NULL),
                              ('Third story.', 'not a date at all')) AS t(text, published)""")
    results = list(read_file(path, settings=settings))
    assert [r.text for r in results if isinstance(r, Article)][0] == "First story."
    assert [str(e) for e in results if isinstance(e, ReadError)][0] == f"{path}:row 2: empty text"


def test_a_file_without_a_text_column_is_one_error(tmp_path, settings):
    path = write_parquet(tmp_path / "cols.parquet", "SELECT 'A' AS headline, 'B' AS body")
    [error] = read_file(path, settings=settings)
    assert str(error) == f"{path}: no 'text' column (columns: 'headline', 'body')"


@pytest.mark.parametrize("content", [b"", b"PAR1 but not really", b"\x00\x01binary junk" * 50])
def test_a_file_that_is_not_parquet_is_one_error_naming_it(tmp_path, settings, content):
    path = tmp_path / "broken.parquet"
    path.write_bytes(content)
    [error] = read_file(path, settings=settings)
    assert isinstance(error, ReadError) and str(error).startswith(f"{path}: ")
    assert "\n" not in str(error)


def test_a_truncated_file_is_one_error_and_the_other_files_are_read(tmp_path, settings):
    whole = write_parquet(tmp_path / "a.parquet", "SELECT 'Shelling in Homs.' AS text")
    cut = tmp_path / "b.parquet"
    cut.write_bytes(whole.read_bytes()[:-20])
    (tmp_path / "c.txt").write_text("Clashes in Aden.")
    results = list(read_paths([str(tmp_path)], settings=settings))
    assert [r.text for r in results if isinstance(r, Article)] == ["Shelling in Homs.",
                                                                   "Clashes in Aden."]
    assert [e.source for e in results if isinstance(e, ReadError)] == [str(cut)]


def test_a_large_file_streams_in_slices(tmp_path, settings, monkeypatch):
    """More rows than one fetch: every row comes out, in order, numbered through."""
    monkeypatch.setattr(parquet_reader, "ROWS_PER_FETCH", 7)
    path = write_parquet(tmp_path / "big.parquet",
                         "SELECT 'Report number ' || i || '.' AS text FROM range(50) t(i)")
    articles = list(read_file(path, settings=settings))
    assert [a.text for a in articles] == [f"Report number {i}." for i in range(50)]
    assert articles[-1].origin == f"{path}:50"
