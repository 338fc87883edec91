"""Write the compiled gazetteer to its SQLite index file, atomically.

``build.py`` reads and checks the sources and assembles the rows; this module turns them into
the tables ``index.py`` reads (places, names by key and article-free base, respellings,
countries and their names, build metadata) and moves the finished file into place.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..errors import ResourceError
from .gazetteer import normalise_name
from .index import INDEXES, RESPELT_KINDS, SCHEMA, grid_cell, strip_articles
from .names import MIN_RESPELLING, respelling_key

if TYPE_CHECKING:  # build.py imports this module: its row types are for annotations only
    from .build import CountryInfo, PlaceRow


def _place_values(rowid: int, p: PlaceRow) -> tuple:
    return (rowid, p.place_id, p.name, p.kind, p.country_code, p.latitude, p.longitude, p.admin1,
            p.admin2, p.population, p.location, p.facility_type, p.occupants, p.accuracy_km,
            grid_cell(p.latitude, p.longitude))


def _name_values(places: list[PlaceRow]) -> Iterator[tuple[str, str, int]]:
    for rowid, place in enumerate(places, start=1):
        for key in {normalise_name(name) for name in place.names | {place.name}}:
            if key:
                yield strip_articles(key), key, rowid


def _respelling_values(places: list[PlaceRow]) -> Iterator[tuple[str, str, int]]:
    for rowid, place in enumerate(places, start=1):
        if place.kind not in RESPELT_KINDS:
            continue
        key = respelling_key(normalise_name(place.name))  # alternate names in other
        if len(key) >= MIN_RESPELLING:                      # languages make false friends
            yield key, place.country_code, rowid


def _country_values(countries: list[CountryInfo], rowid_of: dict[str, int]) -> tuple[list, dict]:
    rows, keys = [], {}
    for info in countries:
        rows.append((info.iso2, info.iso3, info.iso_numeric, info.name, info.region, rowid_of[f"cc:{info.iso2}"]))
        for key in (info.iso2.lower(), info.iso3.lower(), normalise_name(info.name)):
            keys.setdefault(key, info.iso2)
    return rows, keys


def write_index(path: Path, places: list[PlaceRow], countries: list[CountryInfo],
                meta: dict[str, str]) -> None:
    """Write the index to a temporary file, then rename it into place (atomic on POSIX and
    Windows): a concurrent reader sees the old file or the whole new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    rowid_of = {place.place_id: rowid for rowid, place in enumerate(places, start=1)}
    country_rows, country_keys = _country_values(countries, rowid_of)
    for place in places:
        if place.kind == "country":
            for name in place.names:
                country_keys.setdefault(normalise_name(name), place.country_code)
    try:
        db = sqlite3.connect(temporary)
        try:
            db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
            db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                           (_place_values(i, p) for i, p in enumerate(places, start=1)))
            db.executemany("INSERT INTO names VALUES (?, ?, ?)", sorted(set(_name_values(places))))
            db.executemany("INSERT INTO respellings VALUES (?, ?, ?)",
                           sorted(set(_respelling_values(places))))
            db.executemany("INSERT INTO countries VALUES (?,?,?,?,?,?)", country_rows)
            db.executemany("INSERT INTO country_names VALUES (?, ?)", sorted(country_keys.items()))
            db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
            db.executescript(INDEXES + "ANALYZE;")
            db.commit()
        finally:
            db.close()
        os.replace(temporary, path)
    except (sqlite3.Error, OSError) as exc:
        temporary.unlink(missing_ok=True)
        raise ResourceError(str(path), f"cannot write the gazetteer index ({exc})") from exc
