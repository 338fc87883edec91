"""The readers' entry points: any mix of files, folders and globs in, articles and errors out."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import ReadError
from eventwire.ingest import read_file, read_paths
from eventwire.records import Article


@pytest.fixture
def settings() -> Settings:
    return Settings(environ={})


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """One good file of each format, a binary file and an empty one."""
    (tmp_path / "a.txt").write_text("Mortar hits market\n\nMOGADISHU (AP) — Three mortar rounds "
                                    "hit a market on Saturday.")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": "Rockets hit a base in Syria.",
                                                  "published": "2024-01-20"}) + "\n{bad\n")
    (tmp_path / "c.csv").write_text("text\nClashes in Marib.\n")
    (tmp_path / "d.json").write_text(json.dumps({"text": "Drone downed in Erbil."}))
    (tmp_path / "e.html").write_text("<html><body><article><p>Shelling hit the outskirts of "
                                     "Kherson overnight, the regional governor said on "
                                     "Sunday.</p></article></body></html>")
    (tmp_path / "f.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "g.txt").write_text("")
    return tmp_path


def test_a_folder_gives_every_article_and_an_error_for_each_thing_skipped(corpus, settings):
    results = list(read_paths([str(corpus), str(corpus / "missing.txt")], settings=settings,
                              published=dt.date(2024, 1, 21)))
    articles = [r for r in results if isinstance(r, Article)]
    errors = [str(r) for r in results if isinstance(r, ReadError)]
    assert [a.origin for a in articles] == [str(corpus / "a.txt"), f"{corpus / 'b.jsonl'}:1",
                                            f"{corpus / 'c.csv'}:2", str(corpus / "d.json"),
                                            str(corpus / "e.html")]
    assert errors == [f"{corpus / 'missing.txt'}: no such file or directory",
                      f"{corpus / 'b.jsonl'}:2: malformed JSON (Expecting property name "
                      f"enclosed in double quotes at column 2)",
                      f"{corpus / 'f.txt'}: binary file (NUL bytes)",
                      f"{corpus / 'g.txt'}: empty file"]
    assert [a.published_source for a in articles] == ["caller", "metadata", "caller", "caller",
                                                      "caller"]


def test_a_file_with_an_ending_no_reader_knows_is_an_error(tmp_path, settings):
    path = tmp_path / "scan.pdf"
    path.write_text("x")
    [error] = read_file(path, settings=settings)
    assert error.source == str(path) and error.reason.startswith("unknown file ending '.pdf'")


def test_the_size_limit_comes_from_the_settings(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Shelling continued. " * 100)
    [error] = read_file(path, settings=Settings({"ingest.max_file_bytes": 1000}, environ={}))
    assert "over the limit of 1000" in error.reason


def test_the_text_length_limit_comes_from_the_settings(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Shelling continued. " * 100)
    settings = Settings({"ingest.max_article_chars": 50}, environ={})
    [article] = read_file(path, settings=settings)
    assert len(article.text) == 50 and "cut from 2000 to 50" in article.warnings[0]
