"""UCDP-AEC as gold: a UCDP event with the full article that reported it.

Per article: is an event found in UCDP's country (``found_in_country``)? The event compared
further is the primary one among those in that country: its deaths inside UCDP's
[``deaths_low``, ``deaths_high``], its date inside [``start_date``, ``end_date``], its admin1,
and whether UCDP's side A and side B are among its actors (through the alias table, which
knows UCDP's names: "Government of Syria", "IS", "Taleban").
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..document import Document
from ..pipeline import Pipeline
from ..records import Article, Mention, parse_date
from ..where.gazetteer import Gazetteer
from .common import analyse_all, events_of, in_range, read_jsonl
from .report import Report
from .seed import ActorComparer, same_region


REQUIRED = ("id", "source_article", "location_root_name", "deaths_low", "deaths_high")


def article_for(record: dict[str, Any]) -> Article:
    return Article(text=record["source_article"], id=f"ucdp-aec-{record['id']}",
                   published=parse_date(record.get("source_date")), published_source="caller")


def country_name(gazetteer: Gazetteer, name: str) -> str:
    """UCDP's country as eventwire names it: "Yemen (North Yemen)" is Yemen."""
    plain = re.sub(r"\s*\(.*?\)", "", name).strip()
    countries = [p.country for p in gazetteer.lookup(plain) if p.kind == "country"]
    return countries[0] if countries else plain


def _event_in(document: Document, country: str) -> Mention | None:
    return next((e for e in events_of(document) if e.country == country), None)


def _actors_ok(actors: ActorComparer, side: str, event: Mention) -> bool:
    return any(actors.same(side, a) for a in (event.actor1, event.actor2, *event.claimed_by))


def score(report: Report, record: dict[str, Any], document: Document, gazetteer: Gazetteer,
          actors: ActorComparer) -> None:
    country = country_name(gazetteer, record["location_root_name"])
    event = _event_in(document, country)
    report.tally("found_in_country").add(event is not None)
    report.tally("deaths_in_range").add(event is not None and in_range(
        event.fatalities, record.get("deaths_low"), record.get("deaths_high")))
    start, end = parse_date(record.get("start_date")), parse_date(record.get("end_date"))
    report.tally("date_in_range").add(event is not None and event.event_date is not None
                                      and start is not None and end is not None
                                      and start <= event.event_date <= end)
    adm1 = re.sub(r"\s+(governorate|province|region|state)$", "", record.get("location_adm1_name") or "")
    report.tally("admin1").add(event is not None and same_region(gazetteer, adm1, event.admin1))
    for side in ("side_a", "side_b"):
        name = record.get(f"{side}_name")
        report.tally(side).add(bool(name) and event is not None and _actors_ok(actors, name, event))
    if event is None:
        report.misses.append(f"{record['id']}: no event in {country}")


def evaluate(path: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    records = read_jsonl(path, limit, required=REQUIRED)
    report = Report(name=path.name, dataset="ucdp-aec", articles=len(records))
    gazetteer, actors = pipeline.resources.gazetteer, ActorComparer()
    for record, document in zip(records, analyse_all(pipeline, map(article_for, records))):
        score(report, record, document, gazetteer, actors)
    return report
