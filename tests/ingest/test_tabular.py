"""CSV files: one article per row, a text column required, bad rows reported by number."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import ReadError
from eventwire.ingest import read_file
from eventwire.records import Article


@pytest.fixture
def settings() -> Settings:
    return Settings(environ={})


def read(tmp_path: Path, content: str, settings: Settings) -> tuple[Path, list]:
    path = tmp_path / "stories.csv"
    path.write_text(content, encoding="utf-8")
    return path, list(read_file(path, settings=settings))


def test_each_row_is_an_article_with_the_optional_columns(tmp_path, settings):
    content = (' ID ,Title,TEXT,Published,source_notes\n'
               'r1,Strike on depot,"KHARKIV (AP) — Drones hit a depot.\n\nNo one was hurt.",'
               '2024-03-05,ignored\n'
               'r2,,Two killed in Mosul.,,\n')
    path, (first, second) = read(tmp_path, content, settings)
    assert (first.id, first.title, first.published) == ("r1", "Strike on depot",
                                                        dt.date(2024, 3, 5))
    assert first.text == "Strike on depot\n\nKHARKIV (AP) — Drones hit a depot.\n\nNo one was hurt."
    assert first.origin == f"{path}:2"
    assert (second.title, second.published, second.text) == (None, None, "Two killed in Mosul.")
    assert second.origin == f"{path}:3"


def test_bad_rows_are_reported_by_row_number_and_the_rest_is_read(tmp_path, settings):
    content = ("text,title\n"
               "First story.,A\n"
               ",No text\n"
               "\n"
               "Too,many,fields\n"
               "Last story.,B\n")
    path, results = read(tmp_path, content, settings)
    assert [r.text for r in results if isinstance(r, Article)] == ["A\n\nFirst story.",
                                                                   "B\n\nLast story."]
    assert [str(e) for e in results if isinstance(e, ReadError)] == [
        f"{path}:row 3: empty text",
        f"{path}:row 5: 3 fields but the header has 2",
    ]


def test_a_csv_without_a_text_column_is_one_error(tmp_path, settings):
    path, [error] = read(tmp_path, "headline,body\nA,B\n", settings)
    assert str(error) == f"{path}: no 'text' column (columns: 'headline', 'body')"


def test_a_cell_longer_than_the_csv_modules_default_limit_is_read(tmp_path, settings):
    long_text = "Shelling continued. " * 10_000
    _, [article] = read(tmp_path, f'text\n"{long_text}"\n', settings)
    assert article.text == long_text


def test_a_language_column_is_read_as_the_articles_language(tmp_path, settings):
    _, [article] = read(tmp_path, "text,Language\nDes tirs ont visé un poste à Gao.,fr\n", settings)
    assert article.language == "fr"
