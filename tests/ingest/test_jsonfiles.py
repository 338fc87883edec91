"""JSON and JSON Lines files: the interchange format, with bad lines reported and skipped."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import ReadError
from eventwire.ingest import read_file
from eventwire.records import Article

RECORD = {"id": "wire-1", "url": "https://example.com/erbil", "outlet": "Example Wire",
          "title": "Drone downed near Erbil airport", "published": "2024-01-15",
          "text": "ERBIL, Iraq (AP) — A drone was shot down near the airport on Monday."}


@pytest.fixture
def settings() -> Settings:
    return Settings(environ={})


def read(path: Path, settings: Settings, **kwargs) -> list[Article | ReadError]:
    return list(read_file(path, settings=settings, **kwargs))


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_json_object_is_one_article(tmp_path, settings):
    [article] = read(write(tmp_path, "a.json", json.dumps(RECORD)), settings)
    assert article.id == "wire-1" and article.outlet == "Example Wire"
    assert article.text.startswith("Drone downed near Erbil airport\n\nERBIL, Iraq (AP)")
    assert (article.published, article.published_source) == (dt.date(2024, 1, 15), "metadata")
    assert article.origin == str(tmp_path / "a.json")


def test_a_json_array_gives_one_article_per_object_and_an_error_per_other_item(tmp_path, settings):
    path = write(tmp_path, "a.json", json.dumps([RECORD, "oops", {"text": "Second story."}]))
    first, bad, second = read(path, settings)
    assert first.origin == f"{path}:1" and second.origin == f"{path}:3"
    assert str(bad) == f"{path}:2: array item is a string, not an article object"


@pytest.mark.parametrize("content, reason", [
    ('{"text": "Drone shot down', "malformed JSON (truncated: Unterminated string starting at"),
    ('{"text": "a"}\n{"text": "b"}', "malformed JSON (Extra data at line 2 column 1; one object"),
    ("42", "JSON is a number, not an article object"),
    ("[]", "JSON array is empty: no articles"),
    ("[" * 100_000 + "]" * 100_000, "malformed JSON (nested too deeply)"),
])
def test_a_json_file_that_is_not_articles_is_one_error_naming_it(tmp_path, settings, content,
                                                                  reason):
    [error] = read(write(tmp_path, "a.json", content), settings)
    assert isinstance(error, ReadError) and error.source == str(tmp_path / "a.json")
    assert error.reason.startswith(reason)


def test_jsonl_reads_every_good_line_and_reports_each_bad_one_by_number(tmp_path, settings):
    lines = [json.dumps(RECORD), "", '{"text": "Rockets hit the base."',
             '["not", "an", "object"]', '{"title": "No text here"}',
             json.dumps({"text": "Two killed in Mosul.", "id": 7}), '{"text": "cut off']
    path = write(tmp_path, "feed.jsonl", "\n".join(lines))
    results = read(path, settings)
    assert [type(r).__name__ for r in results] == ["Article", "ReadError", "ReadError",
                                                   "ReadError", "Article", "ReadError"]
    assert [r.origin for r in results if isinstance(r, Article)] == [f"{path}:1", f"{path}:6"]
    errors = {e.source: e.reason for e in results if isinstance(e, ReadError)}
    assert errors[f"{path}:3"].startswith("malformed JSON (")
    assert errors[f"{path}:4"] == "line is an array, not an article object"
    assert errors[f"{path}:5"] == '"text" is missing'
    assert errors[f"{path}:7"].startswith("malformed JSON (truncated: ")
    assert results[4].id == "7"


def test_nul_characters_inside_json_strings_are_removed_with_a_warning(tmp_path, settings):
    path = write(tmp_path, "feed.jsonl", '{"text": "Two killed\\u0000 in Mosul."}\n'
                                         '{"text": "Raw\x00 nul in Basra."}\n')
    first, second = read(path, settings)
    assert (first.text, second.text) == ("Two killed in Mosul.", "Raw nul in Basra.")
    assert first.warnings == second.warnings == ["removed 1 NUL character from the text"]


def test_a_bad_published_value_keeps_the_article_and_the_callers_date_applies(tmp_path, settings):
    path = write(tmp_path, "feed.jsonl", json.dumps({"text": "Two killed.", "published": "soon"}))
    [article] = read(path, settings, published=dt.date(2024, 1, 16))
    assert (article.published, article.published_source) == (dt.date(2024, 1, 16), "caller")
    assert article.warnings == ["published 'soon' is not a date: left unknown"]


def test_windows_line_ends_are_read_as_lines(tmp_path, settings):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"text": "One."}\r\n{"text": "Two."}\r\n')
    assert [a.text for a in read(path, settings)] == ["One.", "Two."]
