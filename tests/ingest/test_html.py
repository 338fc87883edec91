"""HTML pages: body text and metadata by trafilatura, never a crash on hostile markup."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import ReadError
from eventwire.ingest import read_file

PAGE = """<!DOCTYPE html>
<html><head>
<title>Drone downed near Erbil airport | Example Wire</title>
<meta property="og:title" content="Drone downed near Erbil airport">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2024-01-15T09:30:00Z">
<link rel="canonical" href="https://example.com/world/erbil-drone">
<script>window.tracker = function () { return "Most Popular"; };</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Drone downed near Erbil airport</h1>
<p>ERBIL, Iraq (AP) — Air defences shot down a drone approaching the airport in Erbil late on
Monday, the Kurdistan region's counter-terrorism service said in a statement.</p>
<p>There were no casualties or damage, the statement said. No group claimed the attack, which
came hours after a rocket attack on a base housing US troops in western Iraq.</p>
</article>
<footer>Copyright 2024 Example Wire. All rights reserved.</footer>
</body></html>
"""


@pytest.fixture
def settings() -> Settings:
    return Settings(environ={})


def write(tmp_path: Path, content: str, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_a_page_gives_its_body_title_date_site_and_url(tmp_path, settings):
    [article] = read_file(write(tmp_path, PAGE), settings=settings,
                          published=dt.date(2024, 2, 1))
    assert article.title == "Drone downed near Erbil airport"
    assert article.text.startswith("Drone downed near Erbil airport\n\nERBIL, Iraq (AP) — Air")
    assert "no casualties or damage" in article.text
    assert "window.tracker" not in article.text and "Home" not in article.text
    assert (article.published, article.published_source) == (dt.date(2024, 1, 15), "html")
    assert article.outlet == "Example Wire"
    assert article.url == "https://example.com/world/erbil-drone"


def test_paragraphs_are_separated_by_blank_lines(tmp_path, settings):
    [article] = read_file(write(tmp_path, PAGE, "page.htm"), settings=settings)
    assert len(article.text.split("\n\n")) == 3


@pytest.mark.parametrize("content", [
    "<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "</body></html>",
    "<html><body>" + "<script>while(1){}</script>" * 5_000 + "</body></html>",
    "<<<>>>&&&;;<!--",
])
def test_hostile_or_empty_pages_are_an_error_not_a_crash(tmp_path, settings, content):
    [error] = read_file(write(tmp_path, content), settings=settings)
    assert isinstance(error, ReadError) and error.source == str(tmp_path / "page.html")


def test_a_huge_attribute_does_not_stop_the_text_being_read(tmp_path, settings):
    page = "<html><body><p title='" + "a" * 3_000_000 + "'>Rockets hit Erbil.</p></body></html>"
    [article] = read_file(write(tmp_path, page), settings=settings)
    assert article.text == "Rockets hit Erbil."


def test_a_date_is_not_guessed_from_a_copyright_year(tmp_path, settings):
    page = PAGE.replace('<meta property="article:published_time" '
                        'content="2024-01-15T09:30:00Z">', "")
    [article] = read_file(write(tmp_path, page), settings=settings)
    assert article.published is None


def test_a_page_without_a_date_takes_the_callers(tmp_path, settings):
    page = PAGE.replace('<meta property="article:published_time" '
                        'content="2024-01-15T09:30:00Z">', "")
    [article] = read_file(write(tmp_path, page), settings=settings, published=dt.date(2024, 2, 1))
    assert (article.published, article.published_source) == (dt.date(2024, 2, 1), "caller")
