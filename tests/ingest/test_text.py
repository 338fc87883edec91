"""Plain text files: one article each, the headline line as title."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.config import Settings
from eventwire.ingest import read_file
from eventwire.ingest.text import headline_of

STORY = ("Gunmen kill two guards at checkpoint\n\n"
         "KIRKUK, Iraq (AFP) - Gunmen killed two guards at a checkpoint on Sunday.\n\n"
         "The attackers fled towards the Hamrin mountains, police said.\n")


@pytest.fixture
def settings() -> Settings:
    return Settings(environ={})


def test_a_text_file_is_one_article_with_its_headline_as_title(tmp_path, settings):
    path = tmp_path / "kirkuk.txt"
    path.write_text(STORY.replace("\n", "\r\n"))
    [article] = read_file(path, settings=settings, published=dt.date(2024, 3, 4))
    assert article.text == STORY
    assert article.title == "Gunmen kill two guards at checkpoint"
    assert (article.published, article.published_source) == (dt.date(2024, 3, 4), "caller")
    assert article.origin == str(path)


@pytest.mark.parametrize("text", [
    "Gunmen killed two guards at a checkpoint.\n\nThe attackers fled.",
    "Gunmen kill two guards\nThe attackers fled.",
    "Gunmen kill two guards at checkpoint",
])
def test_a_first_line_that_is_not_a_headline_gives_no_title(text):
    assert headline_of(text) is None


def test_leading_blank_lines_do_not_hide_the_headline():
    assert headline_of("\n\n" + STORY) == "Gunmen kill two guards at checkpoint"
