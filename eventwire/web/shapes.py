"""Country outlines as plain coordinates, decoded in Python from world-atlas's TopoJSON.

The static report (``report.py``) draws its map as SVG without a browser script, so the
TopoJSON the page hands to topojson-client has to be read here instead. TopoJSON keeps every
border once, as an *arc* shared by the countries on either side; a polygon's ring lists arc
indexes, a negative index ``~i`` meaning arc ``i`` walked backwards. A *quantized* topology
(world-atlas's are) stores each arc as integer steps: the first position absolute, every later
one relative to the one before, and its ``transform`` (scale, translate) turns the running
sums back into longitude and latitude. Consecutive arcs of a ring share their joining point,
so it is kept once.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Iterable

from ..errors import ResourceError
from . import countries_topology

Point = tuple[float, float]
Ring = tuple[Point, ...]
#: the topology object holding one geometry per country
COUNTRIES_OBJECT = "countries"
#: geometry types that carry outlines (others, such as null geometries, are skipped)
POLYGON_TYPES = ("Polygon", "MultiPolygon")


@dataclass(frozen=True)
class Country:
    """One country's outline: polygons of rings of (longitude, latitude) points."""

    name: str
    iso_numeric: str | None
    polygons: tuple[tuple[Ring, ...], ...]
    #: (min_lon, min_lat, max_lon, max_lat) of every point
    bbox: tuple[float, float, float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Every arc of ``topology`` as (lon, lat) points, undoing quantization when present."""
    transform = topology.get("transform")
    if transform is None:
        return [[(float(x), float(y)) for x, y, *_ in arc] for arc in topology["arcs"]]
    (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for step in arc:
            x, y = x + step[0], y + step[1]
            points.append((x * kx + dx, y * ky + dy))
        decoded.append(points)
    return decoded


def ring_points(indexes: Iterable[int], arcs: list[list[Point]]) -> Ring:
    """One ring from its arc indexes (``~i`` reverses arc ``i``); shared joints kept once."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return tuple(points)


def _polygons(geometry: dict[str, Any], arcs: list[list[Point]]) -> tuple[tuple[Ring, ...], ...]:
    rings_of = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    return tuple(tuple(ring_points(ring, arcs) for ring in polygon) for polygon in rings_of)


def _bbox(polygons: tuple[tuple[Ring, ...], ...]) -> tuple[float, float, float, float]:
    lons = [p[0] for polygon in polygons for ring in polygon for p in ring]
    lats = [p[1] for polygon in polygons for ring in polygon for p in ring]
    return min(lons), min(lats), max(lons), max(lats)


def countries_from(topology: dict[str, Any]) -> tuple[Country, ...]:
    """The countries of a world-atlas topology, decoded; ``ResourceError`` if it is not one."""
    try:
        arcs = decode_arcs(topology)
        geometries = topology["objects"][COUNTRIES_OBJECT]["geometries"]
        found = []
        for geometry in geometries:
            if geometry.get("type") not in POLYGON_TYPES:
                continue
            polygons = _polygons(geometry, arcs)
            if not any(polygons):
                continue
            found.append(Country((geometry.get("properties") or {}).get("name") or "",
                                 geometry.get("id"), polygons, _bbox(polygons)))
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise ResourceError("countries TopoJSON", f"not a world-atlas topology ({exc!r})") from exc
    return tuple(found)


@functools.lru_cache(maxsize=2)
def countries(resolution: str = "50m") -> tuple[Country, ...]:
    """Natural Earth's countries at 1:``resolution`` (50m or 110m), decoded once and kept."""
    return countries_from(countries_topology(resolution))


def overlapping(items: Iterable[Country], bbox: tuple[float, float, float, float]) -> list[Country]:
    """The countries whose bounding box meets ``bbox`` (min_lon, min_lat, max_lon, max_lat)."""
    west, south, east, north = bbox
    return [c for c in items
            if c.bbox[0] <= east and c.bbox[2] >= west and c.bbox[1] <= north and c.bbox[3] >= south]
