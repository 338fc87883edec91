"""Shared fixtures: settings, the real pipeline (spaCy model, gazetteer index, actor table:
loaded once per test session), and the project's own fixture articles."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.pipeline import Pipeline
from eventwire.records import Article

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
SHARED = REPO.parent / "shared"

#: the fixture wire story and its publication day (a Tuesday)
KIRKUK_PUBLISHED = dt.date(2024, 3, 12)


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


@pytest.fixture(scope="session")
def kirkuk_text() -> str:
    return (FIXTURES / "kirkuk_rockets.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def kirkuk(pipeline: Pipeline, kirkuk_text: str):
    """The fixture story through the whole per-article pipeline."""
    article = Article(text=kirkuk_text, published=KIRKUK_PUBLISHED, published_source="caller",
                      url="https://example.org/kirkuk")
    return pipeline.analyse_one(article)


def analyse(pipeline: Pipeline, text: str, published: dt.date | None = dt.date(2024, 3, 12)):
    """Run one text through the pipeline (for tests that write their own sentences)."""
    return pipeline.analyse_one(Article(text=text, published=published))


#: the publication day of the extraction tests' own sentences ("On 1 December 2023, ...")
DECEMBER_1 = dt.date(2023, 12, 1)


def mentions_in(pipeline: Pipeline, text: str, published: dt.date = DECEMBER_1):
    """The events one sentence or short text reports."""
    return analyse(pipeline, text, published).mentions


def only_mention(pipeline: Pipeline, text: str, published: dt.date = DECEMBER_1):
    """The one event a text reports (fails, listing them, when it reports none or several)."""
    found = mentions_in(pipeline, text, published)
    assert len(found) == 1, [(m.sub_event_type, m.actor1, m.actor2, m.location, m.fatalities,
                              m.injured) for m in found]
    return found[0]

