"""FA-KES as gold for places: Syrian war news, each article labelled with the city it reports
from (``location``, lower case: "aleppo", "deir ezzor", "hasakeh").

The article is the title and ``article_content``; its ``date`` (month/day/year) is given as
the publication date. The gold city is looked up in the gazetteer among Syria's towns (its
spelling is the outlet's, not GeoNames', so names are never compared as strings). The
article's primary event is right on ``city`` when it lies in the city's governorate (FA-KES
names the governorate seat for events anywhere in it: "aleppo" for the Aleppo countryside)
or within 25 km of the city; ``city_25km`` asks for the city itself. An article with no event
counts wrong on both. FA-KES's ``labels`` (true or fake news) are not scored here.

The articles are also ingested as ``eventwire ingest`` would (``evaluate/clusters.py``), and the
clustering of their primary events is scored against FA-KES's silver groups: articles with one
(date, city) are taken to report one event. That is only roughly true (a city can see two
attacks in a day, and outlets date a story by publication), so these figures describe the
grouping rather than grade it.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import EvalError
from ..pipeline import Pipeline
from ..records import Article, Mention
from ..where.gazetteer import Gazetteer, Place, haversine_km, normalise_name
from ..document import Document
from .clusters import cluster_figures, ingest_and_cluster
from .common import primary_event, read_rows
from .report import Report
from .seed import MATCH_KM

#: every FA-KES article reports from Syria
COUNTRY_CODE = "SY"
REQUIRED = ("unit_id", "article_title", "article_content", "date", "location")


def fakes_date(value: str) -> dt.date | None:
    """FA-KES writes dates "4/5/2017" (month/day/year)."""
    try:
        return dt.datetime.strptime(value.strip(), "%m/%d/%Y").date()
    except ValueError:
        return None


def article_for(row: dict[str, str]) -> Article:
    title, text = row["article_title"].strip(), row["article_content"]
    return Article(text=f"{title}\n\n{text}" if title else text, id=f"fakes-{row['unit_id']}",
                   title=title or None, published=fakes_date(row["date"]),
                   published_source="caller" if fakes_date(row["date"]) else None)


def gold_city(name: str, gazetteer: Gazetteer) -> Place | None:
    """The Syrian town FA-KES's city names: the largest one called so."""
    towns = [p for p in gazetteer.lookup(name) if p.country_code == COUNTRY_CODE
             and p.kind in ("city", "admin1")]
    return min(towns, key=lambda p: (p.kind != "city", -p.population), default=None)


def in_city(city: Place, event: Mention | None) -> bool:
    if event is None or event.latitude is None:
        return False
    return haversine_km(city.latitude, city.longitude, event.latitude, event.longitude) <= MATCH_KM


def in_governorate(city: Place, event: Mention | None) -> bool:
    if event is None or not event.admin1 or not city.admin1:
        return False
    return normalise_name(event.admin1) == normalise_name(city.admin1)


def evaluate(path: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    rows = read_rows(path, ",", limit, required=REQUIRED)
    gazetteer = pipeline.resources.gazetteer
    cities = {name: gold_city(name, gazetteer) for name in {r["location"] for r in rows}}
    unknown = sorted(name for name, place in cities.items() if place is None)
    if unknown:
        raise EvalError(str(path), f"cities the gazetteer does not know in Syria: {', '.join(unknown)}")
    report = Report(name=path.name, dataset="fakes", articles=len(rows))
    articles = _unique_ids([article_for(row) for row in rows])
    documents: dict[str, Document] = {}  # by text: a story given twice is analysed once
    labels, _ = ingest_and_cluster(pipeline, articles,
                                   on_document=lambda d: documents.setdefault(d.article.content_hash, d))
    for row, article in zip(rows, articles):
        _score_city(report, row, cities[row["location"]], primary_event(documents[article.content_hash]))
    silver = {a.id: f"{row['date']}|{row['location']}" for a, row in zip(articles, rows)}
    cluster_figures(report, labels, silver)
    return report


def _unique_ids(articles: list[Article]) -> list[Article]:
    """FA-KES repeats a few unit ids (the same story twice): the repeats get ``-2``, ``-3``."""
    seen: dict[str, int] = {}
    for article in articles:
        seen[article.id] = seen.get(article.id, 0) + 1
        if seen[article.id] > 1:
            article.id = f"{article.id}-{seen[article.id]}"
    return articles


def _score_city(report: Report, row: dict[str, str], city: Place, event: Mention | None) -> None:
    right = in_city(city, event) or in_governorate(city, event)
    report.tally("city").add(right)
    report.tally("city_25km").add(in_city(city, event))
    if not right:
        got = f"{event.location} ({event.admin1})" if event else "no event"
        report.misses.append(f"{row['unit_id']}: {row['location']}, got {got}")
