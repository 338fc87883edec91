"""ACLED rows as gold: each row's ``notes`` is the article, its ``event_date`` the publication
date, and the row's own codes are what the pipeline's main event should say.

A note describes one event, so the comparison is with the note's primary event (the first
``main`` one). A row with no predicted event counts wrong on every field it gives (strict: an
analyst would have no row at all). Actors are compared through the alias table, so "Military
Forces of Israel (2022-)" and "Israeli army" agree; place is right within 25 km of ACLED's point.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from ..pipeline import Pipeline
from ..records import Article, Mention
from ..where.gazetteer import haversine_km
from .common import analyse_all, primary_event, read_rows
from .report import Report
from .seed import MATCH_KM, ActorComparer, same_region

Check = Callable[[dict[str, str], Mention], bool]


#: ACLED writes dates as "1-Dec-23" in its exports, or ISO, or "01 December 2023"
DATE_FORMATS = ("%d-%b-%y", "%Y-%m-%d", "%d %B %Y", "%d-%B-%Y")


def acled_date(value: str | None) -> dt.date | None:
    """An ACLED ``event_date`` in any of the forms its exports use; None when it is none."""
    for form in DATE_FORMATS:
        try:
            return dt.datetime.strptime((value or "").strip(), form).date()
        except ValueError:
            continue
    return None


def article_for(row: dict[str, str]) -> Article:
    return Article(text=row["notes"], id=row["event_id_cnty"], published=acled_date(row["event_date"]),
                   published_source="caller", outlet=row.get("source") or None)


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value not in (None, "") else None
    except ValueError:
        return None


def _place_ok(row: dict[str, str], pred: Mention) -> bool:
    if pred.latitude is None or not row.get("latitude"):
        return False
    return haversine_km(float(row["latitude"]), float(row["longitude"]), pred.latitude,
                        pred.longitude) <= MATCH_KM


def checks(actors: ActorComparer, pipeline: Pipeline) -> dict[str, tuple[str, Check]]:
    """field -> (the gold column that must be non-empty, the comparison)."""
    gazetteer = pipeline.resources.gazetteer
    return {
        "disorder_type": ("disorder_type", lambda r, p: r["disorder_type"] == p.disorder_type),
        "event_type": ("event_type", lambda r, p: r["event_type"] == p.event_type),
        "sub_event_type": ("sub_event_type", lambda r, p: r["sub_event_type"] == p.sub_event_type),
        "actor1": ("actor1", lambda r, p: actors.same(r["actor1"], p.actor1)),
        "actor2": ("actor2", lambda r, p: actors.same(r["actor2"], p.actor2)),
        "inter1": ("inter1", lambda r, p: _int(r["inter1"]) == p.inter1),
        "interaction": ("interaction", lambda r, p: _int(r["interaction"]) == p.interaction),
        "civilian_targeting": ("event_type", lambda r, p: (r["civilian_targeting"] or None)
                               == p.civilian_targeting),
        "date": ("event_date", lambda r, p: acled_date(r["event_date"]) == p.event_date),
        "country": ("country", lambda r, p: r["country"] == p.country),
        "admin1": ("admin1", lambda r, p: same_region(gazetteer, r["admin1"], p.admin1)),
        "place_25km": ("latitude", _place_ok),
        "fatalities": ("fatalities", lambda r, p: _int(r["fatalities"]) == p.fatalities),
    }


def evaluate(path: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    rows = read_rows(path, ",", limit, required=("event_id_cnty", "event_date", "notes"))
    report = Report(name=path.name, dataset="acled", articles=len(rows))
    comparisons = checks(ActorComparer(), pipeline)
    for row, document in zip(rows, analyse_all(pipeline, map(article_for, rows))):
        pred = primary_event(document)
        report.tally("found").add(pred is not None)
        for name, (column, check) in comparisons.items():
            if row.get(column):
                ok = pred is not None and check(row, pred)
                report.tally(name).add(ok)
                if not ok and name in MISS_FIELDS:
                    report.misses.append(_miss(row, name, pred))
    return report


#: the fields whose misses ``--misses`` lists, with the gold column it shows for each
MISS_FIELDS = {"event_type": "event_type", "sub_event_type": "sub_event_type",
               "country": "country", "admin1": "admin1", "place_25km": "location"}


def _miss(row: dict[str, str], name: str, pred: Mention | None) -> str:
    """One line of ``--misses``: the row, the field, ACLED's value and what was found."""
    gold = row[MISS_FIELDS[name]]
    if pred is None:
        got = repr("nothing")
    elif name == "place_25km":
        got = f"{pred.location or pred.admin1 or pred.country!r}{_km(row, pred)}"
    else:
        got = repr(getattr(pred, name))
    if name == "place_25km":
        gold = f"{gold} ({row.get('admin1', '')}, {row.get('country', '')})"
    return f"{row['event_id_cnty']}: {name} {gold!r}, got {got}"


def _km(row: dict[str, str], pred: Mention) -> str:
    if pred.latitude is None or not row.get("latitude"):
        return ""
    km = haversine_km(float(row["latitude"]), float(row["longitude"]), pred.latitude, pred.longitude)
    return f" {km:.0f} km away"
