"""Exports in the formats analysts already load: ACLED CSV, GeoJSON, JSONL, Parquet and PLOVER.

Each ``write_<format>(events, out)`` takes canonical events and a destination (a path, a text
stream or a binary stream; Parquet needs a path) and returns how many events it wrote.
``export(events, fmt, out)`` picks the writer by name.

- ``acled``: ACLED's 31 columns in ACLED's order, dates as ISO ``YYYY-MM-DD`` (as ACLED's current
  exports), ``iso``/``region`` from ``data/countries.csv`` (left empty while that table is absent),
  ``source`` the reporting outlets joined by "; ", ``timestamp`` the Unix time of the export.
- ``geojson``: an RFC 7946 FeatureCollection; Point geometry ``[lon, lat]``, null where an event
  has no usable coordinates; properties are the interchange JSON with the sources summarised.
- ``jsonl``: one interchange object (``records.event_to_json``) per line.
- ``parquet``: typed columns (dates, integers, lists, nested sources with their evidence),
  written by DuckDB.
- ``plover``: PLOVER (Political Language Ontology for Verifiable Event Records) JSON Lines, one
  event a line as the PLOVER manual's JSON fields recommend: ``id``, ``date`` (and ``enddate``
  for a date range), ``event`` and ``mode`` (the event's ``plover`` type and mode, one value
  each), ``context`` (a list), ``quad_code``, ``source`` and ``recipient`` (lists of actor
  objects: actor1 and its associates are the source, actor2 and its associates the recipient,
  except in two-sided violence (ACLED's Battles), where PLOVER makes every side a source),
  ``event_loc`` (GeoNames field names plus the admin names), ``event_text`` (trigger words),
  ``dead``, ``injured``, ``comment`` (the generated notes), ``cite_info`` (one object per
  reporting article) and ``coder``; ``acled_event_type`` and ``acled_sub_event_type`` keep the
  primary codes. Unknown values are null, never guessed.
"""
from __future__ import annotations

import contextlib
import csv
import dataclasses
import functools
import io
import json
import math
import os
import re
import time
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, TextIO
from urllib.parse import urlsplit

import duckdb

from . import __version__
from .errors import ConfigError, InputError, ResourceError
from .records import Event, event_to_json
from .store.base import LAT_RANGE, LON_RANGE, date_span, n_sources

Out = IO[str] | IO[bytes] | Path | str

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
#: ACLED columns eventwire has no value for: always written empty
ACLED_EMPTY = ("admin3", "source_scale", "tags")
#: ACLED publishes coordinates to 4 decimals (about 11 m)
COORD_DECIMALS = 4
SOURCE_SEPARATOR = "; "
CSV_LINE_END = "\n"

COUNTRIES_CSV = Path(__file__).parent / "data" / "countries.csv"
COUNTRY_COLUMNS = ("iso_numeric", "name", "region")
COUNTRY_ALIAS_SEPARATOR = "|"

GEOJSON_HEAD = '{"type": "FeatureCollection", "features": [\n'
GEOJSON_TAIL = "\n]}\n"

_EVIDENCE = 'STRUCT(field VARCHAR, "start" INTEGER, "end" INTEGER, text VARCHAR)'
_SOURCE = (f"STRUCT(article_id VARCHAR, url VARCHAR, outlet VARCHAR, published DATE, "
           f"mention_id VARCHAR, role VARCHAR, evidence {_EVIDENCE}[])")
#: the Parquet file's columns and their DuckDB types, in order
PARQUET_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR"), ("role", "VARCHAR"), ("event_date", "DATE"),
    ("time_precision", "INTEGER"), ("date_start", "DATE"), ("date_end", "DATE"),
    ("disorder_type", "VARCHAR"), ("event_type", "VARCHAR"), ("sub_event_type", "VARCHAR"),
    ("actor1", "VARCHAR"), ("assoc_actor_1", "VARCHAR"), ("inter1", "INTEGER"),
    ("actor2", "VARCHAR"), ("assoc_actor_2", "VARCHAR"), ("inter2", "INTEGER"),
    ("interaction", "INTEGER"), ("civilian_targeting", "VARCHAR"), ("claimed_by", "VARCHAR[]"),
    ("attributed_to", 'STRUCT(actor VARCHAR, "by" VARCHAR)[]'), ("weapon", "VARCHAR"),
    ("target_facility", "VARCHAR"), ("intercepted", "BOOLEAN"), ("country", "VARCHAR"),
    ("admin1", "VARCHAR"), ("admin2", "VARCHAR"), ("location", "VARCHAR"),
    ("latitude", "DOUBLE"), ("longitude", "DOUBLE"), ("geo_precision", "INTEGER"),
    ("geo_source", "VARCHAR"), ("fatalities", "INTEGER"), ("fatalities_reported", "INTEGER[]"),
    ("injured", "INTEGER"), ("notes", "VARCHAR"), ("plover", "VARCHAR"),
    ("confidence", "DOUBLE"), ("n_sources", "INTEGER"), ("source", "VARCHAR"),
    ("sources", f"{_SOURCE}[]"), ("disagreements", "VARCHAR"),
)
PARQUET_FLOATS = ("latitude", "longitude", "confidence")
PARQUET_TABLE = "export_events"


# ---------------------------------------------------------------------- shared helpers
@dataclasses.dataclass(frozen=True)
class CountryCode:
    """What ACLED's ``iso`` and ``region`` columns hold for one country."""

    iso_numeric: str
    region: str
    #: ISO 3166 alpha-2 and alpha-3 codes (PLOVER's location and actor codes); "" when unknown
    iso2: str = ""
    iso3: str = ""


def country_codes() -> dict[str, CountryCode]:
    """ACLED country name (lower case) -> ISO 3166 numeric code and ACLED region.

    Empty while ``data/countries.csv`` is absent: the ACLED export then leaves iso/region blank.
    """
    return _load_countries(COUNTRIES_CSV)


@functools.cache
def _load_countries(path: Path) -> dict[str, CountryCode]:
    if not path.is_file():
        return {}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in COUNTRY_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise ResourceError(str(path), f"lacks column(s) {', '.join(missing)}")
            return _country_index(list(reader))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ResourceError(str(path), f"unreadable country table ({exc})") from exc


def _country_index(rows: list[dict[str, str]]) -> dict[str, CountryCode]:
    """Index by ACLED name, then by the "|"-separated aliases no name already claims."""
    rows = [row for row in rows if (row["name"] or "").strip()]
    index: dict[str, CountryCode] = {}
    for row in rows:
        index[row["name"].strip().lower()] = CountryCode(
            _plain_number(row["iso_numeric"]), row["region"].strip(),
            (row.get("iso2") or "").strip().upper(), (row.get("iso3") or "").strip().upper())
    for row in rows:
        for alias in filter(None, (a.strip().lower() for a in
                                   (row.get("aliases") or "").split(COUNTRY_ALIAS_SEPARATOR))):
            index.setdefault(alias, index[row["name"].strip().lower()])
    return index


def _plain_number(code: str) -> str:
    """ISO numeric codes as ACLED writes them: "004" -> "4"."""
    code = code.strip()
    return str(int(code)) if code.isdigit() else code


def source_names(event: Event) -> list[str]:
    """The outlets that reported an event, once each (a URL's host when the outlet is unknown)."""
    names = []
    for source in event.sources:
        host = urlsplit(source.url).hostname if source.url else None
        name = source.outlet or (host.removeprefix("www.") if host else None)
        if name and name not in names:
            names.append(name)
    return names


@contextlib.contextmanager
def _text_out(out: Out) -> Iterator[TextIO]:
    """A text stream onto ``out``: a path is opened (and closed), a stream is left open."""
    if isinstance(out, (str, os.PathLike)):
        try:
            handle = open(out, "w", encoding="utf-8", newline="")
        except OSError as exc:
            raise InputError(f"{out}: cannot write ({exc.strerror})") from exc
        with handle:
            yield handle
    elif isinstance(out, (io.RawIOBase, io.BufferedIOBase)):
        wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        try:
            yield wrapper
            wrapper.flush()
        finally:
            wrapper.detach()
    else:
        yield out  # type: ignore[misc]


# ---------------------------------------------------------------------- ACLED CSV
def _coordinate(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.{COORD_DECIMALS}f}".rstrip("0").rstrip(".")


def acled_row(event: Event, timestamp: int,
              countries: dict[str, CountryCode] | None = None) -> list[str]:
    """One event as an ACLED CSV row (values in ``ACLED_COLUMNS`` order)."""
    table = countries if countries is not None else country_codes()
    codes = table.get(event.country.lower()) if event.country else None
    computed: dict[str, Any] = {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date.isoformat() if event.event_date else None,
        "year": event.event_date.year if event.event_date else None,
        "iso": codes.iso_numeric if codes else None,
        "region": codes.region if codes else None,
        "latitude": _coordinate(event.latitude),
        "longitude": _coordinate(event.longitude),
        "source": SOURCE_SEPARATOR.join(source_names(event)),
        "timestamp": timestamp,
        **{name: None for name in ACLED_EMPTY},
    }
    values = [computed[c] if c in computed else getattr(event, c) for c in ACLED_COLUMNS]
    return ["" if v is None else str(v) for v in values]


def write_acled(events: Iterable[Event], out: Out, *, timestamp: int | None = None) -> int:
    """ACLED-format CSV; ``timestamp`` (Unix time) defaults to now, one value for every row."""
    stamp = int(time.time()) if timestamp is None else timestamp
    countries = country_codes()
    count = 0
    with _text_out(out) as stream:
        writer = csv.writer(stream, lineterminator=CSV_LINE_END)
        writer.writerow(ACLED_COLUMNS)
        for event in events:
            writer.writerow(acled_row(event, stamp, countries))
            count += 1
    return count


# ---------------------------------------------------------------------- GeoJSON
def point_geometry(event: Event) -> dict[str, Any] | None:
    """RFC 7946 Point ``[lon, lat]``, or None when coordinates are missing or impossible."""
    lat, lon = event.latitude, event.longitude
    if lat is None or lon is None or not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    if not (LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]):
        return None
    return {"type": "Point", "coordinates": [float(lon), float(lat)]}


def geojson_feature(event: Event) -> dict[str, Any]:
    """One event as a GeoJSON Feature; its sources summarised as counts, ids, urls, outlets."""
    properties = event_to_json(event)
    sources = properties.pop("sources")
    properties.update(
        n_sources=n_sources(event),
        article_ids=list(dict.fromkeys(s["article_id"] for s in sources)),
        urls=list(dict.fromkeys(s["url"] for s in sources if s["url"])),
        outlets=source_names(event),
    )
    return {"type": "Feature", "id": event.event_id, "geometry": point_geometry(event),
            "properties": properties}


def write_geojson(events: Iterable[Event], out: Out) -> int:
    """A GeoJSON FeatureCollection, written feature by feature (no whole copy in memory)."""
    count = 0
    with _text_out(out) as stream:
        stream.write(GEOJSON_HEAD)
        for event in events:
            stream.write((",\n" if count else "") +
                         json.dumps(geojson_feature(event), ensure_ascii=False))
            count += 1
        stream.write(GEOJSON_TAIL)
    return count


# ---------------------------------------------------------------------- JSONL
def write_jsonl(events: Iterable[Event], out: Out) -> int:
    """One interchange JSON object per line, as ``eventwire events --format jsonl`` prints."""
    count = 0
    with _text_out(out) as stream:
        for event in events:
            stream.write(json.dumps(event_to_json(event), ensure_ascii=False) + "\n")
            count += 1
    return count


# ---------------------------------------------------------------------- Parquet
def parquet_row(event: Event) -> dict[str, Any]:
    """One event as a dict of ``PARQUET_COLUMNS`` values, typed as DuckDB takes them."""
    start, end = date_span(event) or (None, None)
    computed: dict[str, Any] = {
        "date_start": start, "date_end": end,
        "attributed_to": [dataclasses.asdict(a) for a in event.attributed_to],
        "plover": json.dumps(event.plover, ensure_ascii=False) if event.plover else None,
        "n_sources": n_sources(event),
        "source": SOURCE_SEPARATOR.join(source_names(event)) or None,
        "sources": [dataclasses.asdict(s) for s in event.sources],
        "disagreements": json.dumps(event.disagreements, ensure_ascii=False)
        if event.disagreements else None,
    }
    row = {c: computed[c] if c in computed else getattr(event, c) for c, _ in PARQUET_COLUMNS}
    for name in PARQUET_FLOATS:
        row[name] = None if row[name] is None else float(row[name])
    return row


def write_parquet(events: Iterable[Event], out: Out) -> int:
    """A Parquet file with typed columns (``PARQUET_COLUMNS``); ``out`` must be a path."""
    if not isinstance(out, (str, os.PathLike)):
        raise InputError("parquet export needs a file path, not a stream")
    rows = [parquet_row(e) for e in events]
    names = [f'"{c}"' for c, _ in PARQUET_COLUMNS]
    conn = duckdb.connect()
    try:
        conn.execute(f"CREATE TABLE {PARQUET_TABLE} (" + ", ".join(
            f"{n} {kind}" for n, (_, kind) in zip(names, PARQUET_COLUMNS)) + ")")
        if rows:
            conn.execute(f"INSERT INTO {PARQUET_TABLE} SELECT "
                         + ", ".join(f"r.{n}" for n in names)
                         + " FROM (SELECT unnest(?) AS r)", [rows])
        conn.table(PARQUET_TABLE).write_parquet(os.fspath(out))
    except duckdb.Error as exc:
        raise InputError(f"{out}: cannot write Parquet ({str(exc).splitlines()[0]})") from exc
    finally:
        conn.close()
    return len(rows)


# ---------------------------------------------------------------------- PLOVER
#: PLOVER's quad category of each event type (the manual's "quad categories" table):
#: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
PLOVER_QUADS: dict[str, int] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "INVESTIGATE"), 2),
    **dict.fromkeys(("DEMAND", "ACCUSE", "DISAPPROVE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT"), 4),
}
#: ACLED's actor naming conventions -> PLOVER sector; the ``country`` group gives the actor code
PLOVER_ACTOR_NAMES: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (re.compile(r"^Military Forces of (?:the )?(?P<country>[^(]+?)(?: \(.*)?$"), "MIL"),
    (re.compile(r"^Police Forces of (?:the )?(?P<country>[^(]+?)(?: \(.*)?$"), "COP"),
    (re.compile(r"^Unidentified Armed Group \((?P<country>[^)]+)\)$"), "UAF"),
    (re.compile(r"^Civilians \((?P<country>[^)]+)\)$"), "CVL"),
    (re.compile(r"\((?:the )?(?P<country>[^)]+)\)$"), None),
)
#: ACLED inter codes whose PLOVER sector is the same whatever the actor's name
PLOVER_SECTOR_BY_INTER = {2: "REB", 7: "CVL"}
#: ACLED event types of two-sided violence: PLOVER codes every side as a source actor
PLOVER_TWO_SIDED = ("Battles",)
#: PLOVER contexts that follow from the ACLED coding: by sub-event type, and by actor sector
PLOVER_CONTEXT_BY_SUB_EVENT = {"Chemical weapon": "cbrn"}
PLOVER_CONTEXT_BY_SECTOR = {"MIL": "military"}
#: evidence fields whose text is the event's wording (PLOVER's ``event_text``)
PLOVER_EVENT_TEXT_FIELDS = ("trigger",)
#: "gn:<id>" at the end of ``geo_source`` is a GeoNames id (PLOVER's ``geonameid``)
GEONAMES_SOURCE = re.compile(r"(?:^|:)gn:(\d+)$")


def _plover_actor(name: str, inter: int | None, role: str,
                  countries: dict[str, CountryCode]) -> dict[str, Any]:
    """A PLOVER actor object: the name, its country code and sector where ACLED's name says."""
    sector, country = None, None
    for pattern, named_sector in PLOVER_ACTOR_NAMES:
        found = pattern.search(name)
        if found:
            country = countries.get(found["country"].strip().lower())
            sector = named_sector
            break
    return {"actor_text": name, "code": (country.iso3 if country else "") or None,
            "sector": sector or PLOVER_SECTOR_BY_INTER.get(inter or 0), "role": role}


def _plover_sides(event: Event, countries: dict[str, CountryCode]
                  ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """PLOVER's source and recipient actors: who acted and on whom (both act in a battle)."""
    def side(main: str | None, inter: int | None, assoc: str | None, n: int) -> list[dict]:
        actors = [_plover_actor(main, inter, f"actor{n}", countries)] if main else []
        return actors + [_plover_actor(a.strip(), None, f"assoc_actor_{n}", countries)
                         for a in (assoc or "").split(SOURCE_SEPARATOR) if a.strip()]
    source = side(event.actor1, event.inter1, event.assoc_actor_1, 1)
    recipient = side(event.actor2, event.inter2, event.assoc_actor_2, 2)
    if event.event_type in PLOVER_TWO_SIDED:
        return source + recipient, []
    return source, recipient


def _plover_location(event: Event, countries: dict[str, CountryCode]) -> dict[str, Any] | None:
    """PLOVER's ``event_loc``: GeoNames field names, plus the admin names eventwire knows."""
    if not (event.location or event.country or point_geometry(event)):
        return None
    point = point_geometry(event)
    codes = countries.get(event.country.lower()) if event.country else None
    geonames = GEONAMES_SOURCE.search(event.geo_source or "")
    return {"name": event.location, "latitude": point["coordinates"][1] if point else None,
            "longitude": point["coordinates"][0] if point else None,
            "country code": (codes.iso2 if codes else "") or None,
            "cc3": (codes.iso3 if codes else "") or None,
            "geonameid": int(geonames.group(1)) if geonames else None,
            "country": event.country, "admin1": event.admin1, "admin2": event.admin2,
            "geo_precision": event.geo_precision}


def _plover_citations(event: Event) -> list[dict[str, Any]]:
    """PLOVER's ``cite_info``: one object per article that reported the event."""
    cited: dict[str, dict[str, Any]] = {}
    for source in event.sources:
        host = urlsplit(source.url).hostname if source.url else None
        cited.setdefault(source.article_id, {
            "citation": source.article_id, "url": source.url,
            "publication": source.outlet or (host.removeprefix("www.") if host else None),
            "published": source.published.isoformat() if source.published else None})
    return list(cited.values())


def _plover_context(event: Event, actors: list[dict[str, Any]]) -> list[str]:
    found = [PLOVER_CONTEXT_BY_SUB_EVENT.get(event.sub_event_type or "")]
    found += [PLOVER_CONTEXT_BY_SECTOR.get(a["sector"] or "") for a in actors]
    return list(dict.fromkeys(c for c in found if c))


def plover_record(event: Event, countries: dict[str, CountryCode] | None = None) -> dict[str, Any]:
    """One event as a PLOVER JSON object (field by field: the module docstring)."""
    table = countries if countries is not None else country_codes()
    plover = event.plover or {}
    start, end = event.date_range or (event.event_date, None)
    source, recipient = _plover_sides(event, table)
    texts = [e.text for s in event.sources for e in s.evidence
             if e.field in PLOVER_EVENT_TEXT_FIELDS]
    return {
        "id": event.event_id, "date": start.isoformat() if start else None,
        "enddate": end.isoformat() if end else None,
        "event": plover.get("type") or None, "mode": plover.get("mode") or None,
        "context": _plover_context(event, source + recipient),
        "quad_code": PLOVER_QUADS.get(plover.get("type") or ""),
        "source": source, "recipient": recipient, "event_loc": _plover_location(event, table),
        "event_text": list(dict.fromkeys(texts)), "dead": event.fatalities,
        "injured": event.injured, "comment": event.notes,
        "cite_info": _plover_citations(event), "coder": f"eventwire {__version__}",
        "acled_event_type": event.event_type, "acled_sub_event_type": event.sub_event_type,
    }


def write_plover(events: Iterable[Event], out: Out) -> int:
    """PLOVER JSON Lines: one ``plover_record`` per line, as the PLOVER manual suggests."""
    countries = country_codes()
    count = 0
    with _text_out(out) as stream:
        for event in events:
            stream.write(json.dumps(plover_record(event, countries), ensure_ascii=False) + "\n")
            count += 1
    return count


# ---------------------------------------------------------------------- dispatch
FORMATS: dict[str, Callable[[Iterable[Event], Out], int]] = {
    "acled": write_acled,
    "geojson": write_geojson,
    "jsonl": write_jsonl,
    "parquet": write_parquet,
    "plover": write_plover,
}


def export(events: Iterable[Event], fmt: str, out: Out) -> int:
    """Write ``events`` to ``out`` in format ``fmt`` (one of ``FORMATS``); return the count."""
    writer = FORMATS.get(fmt.lower())
    if writer is None:
        raise ConfigError("format", fmt, FORMATS)
    return writer(events, out)
