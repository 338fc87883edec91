"""Shared fixtures: settings, the real pipeline (spaCy model, gazetteer index, actor table:
loaded once per test session), and the project's own fixture articles."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.pipeline import Pipeline
from eventwire.records import Article, Event, Source

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



# --------------------------------------------------------------------------- stats
#: how ACLED (and eventwire) name US troops: the attacked side, actor2, of attacks on them
US_FORCES = "Military Forces of the United States"
IRI = "Islamic Resistance in Iraq"
EXPLOSIONS = "Explosions/Remote violence"
#: "attacks on US forces in Iraq and Syria since 17 October" (2023, a Tuesday)
STATS_SINCE = dt.date(2023, 10, 17)


def _stats_event(event_id: str, day: dt.date | None, country: str, event_type: str,
                 sub_event_type: str, n_sources: int = 1, **fields) -> Event:
    sources = [Source(article_id=f"{event_id}-article-{i}") for i in range(n_sources)]
    return Event(event_id=event_id, event_date=day, country=country, event_type=event_type,
                 sub_event_type=sub_event_type, sources=sources, **fields)


def us_forces_events() -> list[Event]:
    """Events around 17 October 2023 whose counts are known by hand (see tests/test_stats.py).

    Edge cases: a Sunday (counted in the week of the Monday before), a date range starting
    on a Sunday with no event_date, an undated event, the US as attacker rather than target,
    a target named only by its facility, a protest in Jordan, an attack before the 17th.
    """
    ev = _stats_event
    return [
        ev("e1-asad", dt.date(2023, 10, 17), "Iraq", EXPLOSIONS, "Air/drone strike", 2,
           actor1=IRI, claimed_by=[IRI], actor2=US_FORCES, target_facility="Ain al-Asad Air Base",
           fatalities=0, admin1="Al Anbar"),
        ev("e2-tanf", dt.date(2023, 10, 18), "Syria", EXPLOSIONS,
           "Shelling/artillery/missile attack", actor1="Unidentified Armed Group (Syria)",
           actor2=US_FORCES, target_facility="Al-Tanf Garrison", fatalities=0),
        ev("e3-conoco", dt.date(2023, 10, 22), "Syria", EXPLOSIONS, "Air/drone strike", 3,
           actor1=IRI, claimed_by=[IRI], target_facility="Conoco gas field"),
        ev("e4-us-strike", dt.date(2023, 10, 23), "Iraq", EXPLOSIONS, "Air/drone strike",
           actor1=US_FORCES, actor2="Kataib Hezbollah", fatalities=2),
        ev("e5-protest", dt.date(2023, 10, 25), "Jordan", "Protests", "Peaceful protest",
           actor1="Protesters (Jordan)", fatalities=0),
        ev("e6-clash", dt.date(2023, 11, 2), "Iraq", "Battles", "Armed clash", 2,
           actor1=IRI, actor2=US_FORCES, fatalities=1),
        ev("e7-undated", None, "Iraq", EXPLOSIONS, "Air/drone strike", actor1=IRI,
           actor2=US_FORCES, target_facility="Ain al-Asad Air Base", fatalities=0),
        ev("e8-range", None, "Syria", EXPLOSIONS, "Shelling/artillery/missile attack",
           date_range=(dt.date(2023, 10, 29), dt.date(2023, 10, 31)), actor2=US_FORCES),
        ev("e9-before", dt.date(2023, 10, 10), "Iraq", EXPLOSIONS, "Air/drone strike",
           actor1=IRI, actor2=US_FORCES, fatalities=0),
    ]


@pytest.fixture
def stats_db(tmp_path: Path) -> str:
    """A DuckDB file holding ``us_forces_events``."""
    from eventwire.store import open_store
    path = str(tmp_path / "stats.duckdb")
    with open_store(path) as store:
        store.save_batch([], [], [], us_forces_events())
    return path


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> str:
    """The project's sample articles, through the real pipeline, in a DuckDB file."""
    from eventwire import workflow
    path = str(tmp_path_factory.mktemp("examples") / "examples.duckdb")
    workflow.ingest([str(REPO / "examples" / "articles")], db=path, pipeline=pipeline)
    return path
