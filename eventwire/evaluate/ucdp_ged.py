"""UCDP GED rows as geocoding gold: each row's ``where_description``, ``adm_1``, ``adm_2`` and
``country`` are the input, its ``latitude``/``longitude`` and ``where_prec`` the answer.

Only the gazetteer runs (``where.geocode``), not the NLP pipeline: the description is already
the place phrase. UCDP's own resolved name (``where_coordinates``) and its point are never
read as input. A row is right when the point found is within 25 km of UCDP's
(``within_25km``, the headline figure, over every row; a row with nothing found counts wrong);
``precision_agrees`` compares the UCDP ``where_prec`` code given (1 exact place ... 6 country,
7 waters) with UCDP's; both are also broken down by UCDP's ``where_prec``, since a point 25 km
off is a miss for an exact place but a fair reading of a province.
"""
from __future__ import annotations

from pathlib import Path

from ..pipeline import Pipeline
from ..where.gazetteer import Gazetteer, haversine_km
from ..where.geocode import Geocoded, geocode
from .common import read_rows
from .report import Report
from .seed import MATCH_KM

REQUIRED = ("id", "where_description", "adm_1", "adm_2", "country", "latitude", "longitude",
            "where_prec")


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _distance(row: dict[str, str], found: Geocoded | None) -> float | None:
    lat, lon = _number(row["latitude"]), _number(row["longitude"])
    if found is None or lat is None or lon is None:
        return None
    return haversine_km(lat, lon, found.latitude, found.longitude)


def geocode_row(row: dict[str, str], gazetteer: Gazetteer) -> Geocoded | None:
    """The row's place from its description and admin context only."""
    return geocode(row["where_description"], country=row["country"] or None,
                   admin1=row["adm_1"] or None, admin2=row["adm_2"] or None, gazetteer=gazetteer)


def _miss(row: dict[str, str], found: Geocoded | None, km: float | None) -> str:
    text = " ".join(row["where_description"].split())[:80] or "(no description)"
    if found is None:
        return f"{row['id']}: {text!r} -> nothing"
    return (f"{row['id']}: {text!r} [{row['adm_1']} / {row['adm_2']} / {row['country']}] -> got "
            f"{found.place.display} ({found.latitude:.3f}, {found.longitude:.3f}) {km:.0f} km, "
            f"prec {found.where_prec} vs {_prec(row)}")


def _prec(row: dict[str, str]) -> int | None:
    value = _number(row["where_prec"])
    return int(value) if value is not None else None


def score(report: Report, row: dict[str, str], found: Geocoded | None) -> None:
    """Add one row's comparisons to the report."""
    km, prec = _distance(row, found), _prec(row)
    near = km is not None and km <= MATCH_KM
    report.tally("within_25km").add(near)
    report.tally("found").add(found is not None)
    if prec is not None:
        report.tally("precision_agrees").add(found is not None and found.where_prec == prec)
        report.tally(f"within_25km (where_prec {prec})").add(near)
        report.tally(f"precision_agrees (where_prec {prec})").add(
            found is not None and found.where_prec == prec)
    if not near:
        report.misses.append(_miss(row, found, km))


def evaluate(path: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    rows = read_rows(path, ",", limit, required=REQUIRED)
    report = Report(name=path.name, dataset="ucdp-ged", articles=len(rows))
    gazetteer = pipeline.resources.gazetteer
    precisions = sorted({p for p in map(_prec, rows) if p is not None})
    for name in ("within_25km", "found", "precision_agrees",  # the printed order
                 *(f"within_25km (where_prec {p})" for p in precisions),
                 *(f"precision_agrees (where_prec {p})" for p in precisions)):
        report.tally(name)
    for row in rows:
        score(report, row, geocode_row(row, gazetteer))
    return report
