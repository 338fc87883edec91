"""A static situation report for a period and a region: one self-contained HTML file, or a PDF.

What an analyst hands on to people who will not run eventwire: the headline figures, a map, a
timeline, counts by event type, and the deadliest events with the sources that reported them.
The HTML carries its CSS and its pictures (inline SVG) with it, runs no script and loads nothing
from anywhere, so it opens offline and can be mailed as it is; the only URLs in it are links to
the sources. Everything taken from the store (titles, notes, names, URLs) is HTML-escaped, and a
source URL becomes a link only when it is http(s).

- Map: Natural Earth country outlines (``web/shapes.py``), equirectangular, longitudes shrunk by
  the cosine of the middle latitude so the region keeps its proportions, fitted to the located
  events with a margin; one circle per located event, its area growing with fatalities, its
  colour the ACLED event type (legend below the map).
- Timeline: events per day (per N days over long periods, at most ``TIMELINE_MAX_BARS`` bars),
  stacked by event type.
- Top events: by fatalities, then number of sources, then newest first.

A PDF is the same HTML printed by headless Chromium (setting ``report.chromium``). Either file is
written under a temporary name beside the target and renamed into place, so a failure never
leaves a half-written report. No matching event is not an error: the report says so.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import html
import math
import os
import shutil
import signal
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence
from urllib.parse import urlsplit

from . import __version__
from .errors import InputError, ResourceError
from .records import Event, Source
from .export import point_geometry
from .store.base import Store, n_sources
from .web import shapes

FORMATS = {".html": "html", ".htm": "html", ".pdf": "pdf"}
#: ACLED's six event types, in the order legends and stacks list them, with their colours
EVENT_TYPE_COLOURS = {
    "Battles": "#c0392b", "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad", "Protests": "#27ae60", "Riots": "#a0522d",
    "Strategic developments": "#2c7fb8",
}
OTHER_TYPE, OTHER_COLOUR = "Other / not classified", "#7f8c8d"
OUTLINE_RESOLUTION = "50m"
#: map size in pixels: fixed width, height from the region's shape within these bounds
MAP_WIDTH, MAP_MIN_HEIGHT, MAP_MAX_HEIGHT = 800.0, 320.0, 560.0
#: margin around the events: this share of their extent, and at least this many degrees
MAP_MARGIN_SHARE, MAP_MIN_MARGIN_DEG = 0.15, 1.0
#: radius of an event with no reported deaths, growth per square root of a death, largest
POINT_RADIUS, POINT_GROWTH, POINT_MAX_RADIUS = 4.0, 1.6, 20.0
#: outline points closer than this (pixels) to the last one kept add nothing visible
OUTLINE_STEP_PX = 0.7
TIMELINE_WIDTH, TIMELINE_HEIGHT, TIMELINE_MAX_BARS = 800.0, 180.0, 120
TIMELINE_AXIS_PX = 22.0
LINK_SCHEMES = ("http", "https")
NO_EVENTS = "No events matched this period and region."
NO_OUTLINES = "Country outlines are not installed (run npm ci --prefix eventwire/web)."
DEFAULT_CHROMIUM, DEFAULT_PDF_TIMEOUT = "/usr/bin/chromium", 120.0
#: headless Chromium, printing one local file: no first-run, sync, updates or background traffic
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-pdf-header-footer")
#: the page's own rule for browsers: no script runs and nothing is fetched, only inline CSS
#: (a second line of defence behind the escaping, in the reader's browser and in Chromium)
CONTENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

STYLE = """
body { font: 14px/1.45 "DejaVu Sans", Arial, sans-serif; color: #222; margin: 24px auto;
       max-width: 860px; padding: 0 16px; -webkit-print-color-adjust: exact;
       print-color-adjust: exact; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px;
     border-bottom: 1px solid #ccc; } h3 { font-size: 15px; margin: 0 0 4px; }
.scope, .generated, .note { color: #555; } .generated { font-size: 12px; }
.figures { display: flex; gap: 12px; margin: 16px 0; padding: 0; list-style: none; }
.figures li { flex: 1; border: 1px solid #ddd; border-radius: 6px; padding: 8px 12px; }
.figures b { display: block; font-size: 24px; }
svg { max-width: 100%; height: auto; display: block; }
.map .sea { fill: #eaf2f8; } .map .country { fill: #f4f1ea; stroke: #9a9a9a;
  stroke-width: 0.6; } .map .event { stroke: #fff; stroke-width: 1; fill-opacity: 0.85; }
.legend { list-style: none; padding: 0; margin: 6px 0; display: flex; flex-wrap: wrap;
          gap: 4px 16px; font-size: 12px; }
.legend svg, td svg { display: inline; vertical-align: middle; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left;
  padding: 4px 8px; border-bottom: 1px solid #e3e3e3; } td.n, th.n { text-align: right; }
.top-events li.event { margin: 0 0 14px; page-break-inside: avoid; break-inside: avoid; }
.top-events p { margin: 2px 0; } .notes { font-style: italic; }
.sources { margin: 4px 0 0; padding-left: 18px; font-size: 13px; } a { color: #1f5f99; }
.empty { font-size: 16px; padding: 24px; border: 1px dashed #bbb; text-align: center; }
"""

esc = html.escape


@dataclass(frozen=True)
class ReportScope:
    """What a report covers: a period (either end may be open) and a region."""

    since: dt.date | None = None
    until: dt.date | None = None
    countries: tuple[str, ...] = ()
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None

    def period(self) -> str:
        if self.since and self.until:
            return f"{self.since.isoformat()} to {self.until.isoformat()}"
        if self.since or self.until:
            return f"from {self.since}" if self.since else f"up to {self.until}"
        return "all dates"

    def region(self) -> str:
        parts = [", ".join(self.countries)] if self.countries else []
        if self.admin1:
            parts.append(f"admin1 {self.admin1}")
        if self.bbox:
            west, south, east, north = self.bbox
            parts.append(f"longitude {west:g} to {east:g}, latitude {south:g} to {north:g}")
        return "; ".join(parts) or "everywhere"


@dataclass(frozen=True)
class ReportSummary:
    """What a written report holds: where it is, its format and its headline figures."""

    path: Path
    fmt: str
    events: int
    fatalities: int
    sources: int
    countries: int
    mapped: int


# --------------------------------------------------------------------------- the entry point
def write_report(store: Store, out_path: str | os.PathLike, *, since: dt.date | str | None = None,
                 until: dt.date | str | None = None, country: str | Sequence[str] | None = None,
                 admin1: str | None = None, bbox: tuple[float, float, float, float] | None = None,
                 title: str | None = None, top: int = 10, fmt: str | None = None,
                 chromium: str = DEFAULT_CHROMIUM,
                 pdf_timeout: float = DEFAULT_PDF_TIMEOUT) -> ReportSummary:
    """Write the report of ``store``'s events in a period and region to ``out_path``.

    ``fmt`` is "html" or "pdf"; left out, the file's suffix says. Bad dates, ``since`` after
    ``until``, a bad bbox or format are ``InputError``; a missing Chromium is ``ResourceError``.
    """
    out, kind = Path(out_path), report_format(out_path, fmt)
    scope = report_scope(since, until, country, admin1, bbox)
    if top < 0:
        raise InputError(f"top {top}: must be 0 or more")
    events = store.events(country=list(scope.countries) or None, admin1=admin1,
                          since=scope.since, until=scope.until, bbox=scope.bbox)
    titles = source_titles(store, top_events(events, top))
    page = render_html(events, scope, title=title, top=top, titles=titles)
    if kind == "pdf":
        print_pdf(page, out, chromium, pdf_timeout)
    else:
        with staged(out) as part:
            part.write_text(page, encoding="utf-8")
    figures = headline(events)
    return ReportSummary(out, kind, figures["events"], figures["fatalities"], figures["sources"],
                         figures["countries"], len(located(events)))


def report_scope(since: dt.date | str | None, until: dt.date | str | None,
                 country: str | Sequence[str] | None = None, admin1: str | None = None,
                 bbox: Sequence[float] | None = None) -> ReportScope:
    """The period and region asked for, checked: real dates, ``since`` not after ``until``."""
    countries = (country,) if isinstance(country, str) else tuple(country or ())
    scope = ReportScope(_as_date(since, "since"), _as_date(until, "until"), countries, admin1,
                        tuple(bbox) if bbox else None)  # type: ignore[arg-type]
    if scope.since and scope.until and scope.since > scope.until:
        raise InputError(f"since {scope.since} is after until {scope.until}")
    return scope


def report_format(path: str | os.PathLike, fmt: str | None = None) -> str:
    """The report's format, "html" or "pdf": ``fmt`` when given, else the file's suffix."""
    valid = ", ".join(sorted(set(FORMATS.values())))
    if fmt is not None:
        if fmt.lower() not in FORMATS.values():
            raise InputError(f"report format {fmt!r} is unknown (valid: {valid})")
        return fmt.lower()
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"{os.fspath(path)}: suffix {suffix or '(none)'!r} does not say the "
                         f"report format (use .html or .pdf, or give the format: {valid})")
    return FORMATS[suffix]


def _as_date(value: dt.date | str | None, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    from .when import resolve_published
    try:
        return resolve_published(value)
    except InputError as exc:
        raise InputError(f"{name} {value!r} is not a date (expected YYYY-MM-DD)") from exc


# --------------------------------------------------------------------------- figures
def located(events: Sequence[Event]) -> list[Event]:
    """The events with coordinates a map can place (the rule the GeoJSON export applies)."""
    return [e for e in events if point_geometry(e) is not None]


def headline(events: Sequence[Event]) -> dict[str, int]:
    """Events, fatalities (ACLED's figures added up), reporting articles and countries."""
    return {"events": len(events), "fatalities": sum(e.fatalities or 0 for e in events),
            "sources": len({s.article_id for e in events for s in e.sources}),
            "countries": len({e.country for e in events if e.country})}


def top_events(events: Sequence[Event], top: int) -> list[Event]:
    """The ``top`` events with most fatalities, then most sources, then newest."""
    def key(event: Event) -> tuple[int, int, int, str]:
        day = event.event_date.toordinal() if event.event_date else 0
        return -(event.fatalities or 0), -n_sources(event), -day, event.event_id
    return sorted(events, key=key)[:top]


def source_titles(store: Store, events: Sequence[Event]) -> dict[str, str]:
    """Article id -> stored title, for the sources of ``events`` (titles live with articles)."""
    titles = {}
    for article_id in dict.fromkeys(s.article_id for e in events for s in e.sources):
        article = store.article(article_id)
        if article is not None and article.title:
            titles[article_id] = article.title
    return titles


def type_colour(event_type: str | None) -> str:
    return EVENT_TYPE_COLOURS.get(event_type or "", OTHER_COLOUR)


def type_name(event_type: str | None) -> str:
    return event_type if event_type in EVENT_TYPE_COLOURS else OTHER_TYPE


def _types_in(events: Sequence[Event]) -> list[str]:
    """The event types present, in legend order."""
    present = {type_name(e.event_type) for e in events}
    return [t for t in (*EVENT_TYPE_COLOURS, OTHER_TYPE) if t in present]


# --------------------------------------------------------------------------- the page
def render_html(events: Sequence[Event], scope: ReportScope, *, title: str | None = None,
                top: int = 10, titles: dict[str, str] | None = None) -> str:
    """The whole report as one HTML document (no script, nothing loaded from elsewhere)."""
    region = scope.region()
    heading = title or ("Situation report" + (f": {region}" if scope.countries or scope.admin1
                                              or scope.bbox else ""))
    body = [f"<h1>{esc(heading)}</h1>",
            f'<p class="scope">Period: {esc(scope.period())} · Region: {esc(region)}</p>',
            f'<p class="generated">Generated {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} '
            f"UTC by eventwire {esc(__version__)} from news reports.</p>",
            _figures_html(headline(events))]
    if not events:
        body.append(f'<p class="empty">{esc(NO_EVENTS)}</p>')
    else:
        body += [_map_section(events), _timeline_section(events, scope), _types_html(events),
                 _top_html(top_events(events, top), titles or {})]
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_POLICY}">'
            f"<title>{esc(heading)}</title><style>{STYLE}</style></head>\n<body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def _figures_html(figures: dict[str, int]) -> str:
    items = "".join(f"<li><b>{value:,}</b>{esc(name)}</li>" for name, value in figures.items())
    return f'<ul class="figures">{items}</ul>'


def _swatch(colour: str, radius: float = 5.0) -> str:
    size = 2 * radius + 2
    return (f'<svg width="{size:g}" height="{size:g}" aria-hidden="true"><circle cx="{size / 2:g}" '
            f'cy="{size / 2:g}" r="{radius:g}" fill="{colour}"/></svg>')


def _legend_html(events: Sequence[Event]) -> str:
    types = "".join(f"<li>{_swatch(EVENT_TYPE_COLOURS.get(t, OTHER_COLOUR))} {esc(t)}</li>"
                    for t in _types_in(events))
    return f'<ul class="legend">{types}<li>circle area grows with fatalities</li></ul>'


def _map_section(events: Sequence[Event]) -> str:
    points = located(events)
    if not points:
        return f'<h2>Map</h2><p class="note">None of the {len(events)} events has coordinates.</p>'
    try:
        outlines = shapes.countries(OUTLINE_RESOLUTION)
        note = ""
    except ResourceError:
        outlines, note = (), f'<p class="note">{esc(NO_OUTLINES)}</p>'
    unplaced = len(events) - len(points)
    if unplaced:
        note += f'<p class="note">{unplaced} event(s) without coordinates are not on the map.</p>'
    return "<h2>Map</h2>" + map_svg(points, outlines) + _legend_html(points) + note


def _types_html(events: Sequence[Event]) -> str:
    rows: dict[str, list[int]] = {}
    for event in events:
        sums = rows.setdefault(event.event_type or OTHER_TYPE, [0, 0, 0])
        sums[0] += 1
        sums[1] += event.fatalities or 0
        sums[2] += n_sources(event)
    lines = "".join(
        f"<tr><td>{_swatch(type_colour(name))} {esc(name)}</td><td class=n>{n}</td>"
        f"<td class=n>{dead}</td><td class=n>{sources}</td></tr>"
        for name, (n, dead, sources) in sorted(rows.items(), key=lambda r: (-r[1][0], r[0])))
    return ('<h2>Events by type</h2><table class="types"><tr><th>Event type</th>'
            '<th class=n>Events</th><th class=n>Fatalities</th><th class=n>Sources</th></tr>'
            f"{lines}</table>")


def _top_html(events: Sequence[Event], titles: dict[str, str]) -> str:
    if not events:
        return ""
    items = "\n".join(_event_html(e, titles) for e in events)
    return f'<h2>Top events</h2><ol class="top-events">\n{items}\n</ol>'


def _event_html(event: Event, titles: dict[str, str]) -> str:
    when = event.event_date.isoformat() if event.event_date else (
        " to ".join(d.isoformat() for d in event.date_range) if event.date_range else "undated")
    kind = " / ".join(p for p in (event.event_type, event.sub_event_type) if p) or OTHER_TYPE
    place = ", ".join(dict.fromkeys(p for p in (event.location, event.admin1, event.country) if p))
    dead = "unknown" if event.fatalities is None else str(event.fatalities)
    notes = f'<p class="notes">{esc(event.notes)}</p>' if event.notes else ""
    return (f'<li class="event" id="{esc(event.event_id)}"><h3>{esc(when)} · {esc(kind)}</h3>'
            f"<p><b>Actors:</b> {esc(_actors(event))}</p>"
            f"<p><b>Place:</b> {esc(place or 'unknown')}</p><p><b>Fatalities:</b> {esc(dead)}</p>"
            f"{notes}{_sources_html(event, titles)}</li>")


def _actors(event: Event) -> str:
    doer = event.actor1 or "unknown actor"
    if event.actor1 and event.actor1 in event.claimed_by:
        doer += " (claimed)"
    elif event.claimed_by:
        doer += f" (claimed by {', '.join(event.claimed_by)})"
    return f"{doer} against {event.actor2}" if event.actor2 else doer


def _sources_html(event: Event, titles: dict[str, str]) -> str:
    firsts: dict[str, Source] = {}
    for source in event.sources:
        firsts.setdefault(source.article_id, source)
    items = []
    for source in firsts.values():
        host = urlsplit(source.url).hostname if source.url else None
        outlet = source.outlet or (host.removeprefix("www.") if host else None) or "unknown outlet"
        label = titles.get(source.article_id) or source.url or source.article_id
        items.append(f"<li>{esc(outlet)}: {link(source.url, label)}</li>")
    return f'<ul class="sources">{"".join(items)}</ul>'


def link(url: str | None, text: str) -> str:
    """``text`` as a link to ``url`` when that is an http(s) URL; plain escaped text otherwise."""
    if url:
        parts = urlsplit(url.strip())
        if parts.scheme.lower() in LINK_SCHEMES and parts.netloc:
            return f'<a href="{esc(url.strip())}">{esc(text)}</a>'
    return esc(text)


# --------------------------------------------------------------------------- the map
@dataclass(frozen=True)
class MapFrame:
    """An equirectangular projection fitted to a set of points: degrees -> SVG pixels.

    ``shrink`` (cosine of the middle latitude) scales longitudes; ``left`` and ``top`` are the
    projected west and north edges; ``scale`` is pixels per projected degree.
    """

    left: float
    top: float
    scale: float
    shrink: float
    width: float
    height: float

    @classmethod
    def around(cls, points: Sequence[tuple[float, float]]) -> MapFrame:
        """The frame showing every (lon, lat) point with a margin, ``MAP_WIDTH`` wide."""
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        shrink = max(math.cos(math.radians((min(lats) + max(lats)) / 2)), 0.2)
        span_x, span_y = (max(lons) - min(lons)) * shrink, max(lats) - min(lats)
        margin = max(MAP_MIN_MARGIN_DEG, MAP_MARGIN_SHARE * max(span_x, span_y))
        scale = min(MAP_WIDTH / (span_x + 2 * margin), MAP_MAX_HEIGHT / (span_y + 2 * margin))
        height = min(MAP_MAX_HEIGHT, max(MAP_MIN_HEIGHT, (span_y + 2 * margin) * scale))
        centre_x = (min(lons) + max(lons)) / 2 * shrink
        centre_y = (min(lats) + max(lats)) / 2
        return cls(centre_x - MAP_WIDTH / 2 / scale, centre_y + height / 2 / scale, scale,
                   shrink, MAP_WIDTH, height)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon * self.shrink - self.left) * self.scale, (self.top - lat) * self.scale

    def bbox(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) in degrees of what the frame shows."""
        east = (self.left + self.width / self.scale) / self.shrink
        return self.left / self.shrink, self.top - self.height / self.scale, east, self.top


def point_radius(fatalities: int | None) -> float:
    """A circle's radius: its area grows with the deaths, up to ``POINT_MAX_RADIUS``."""
    return min(POINT_MAX_RADIUS, POINT_RADIUS + POINT_GROWTH * math.sqrt(max(fatalities or 0, 0)))


def map_svg(events: Sequence[Event], outlines: Sequence[shapes.Country] = ()) -> str:
    """The located ``events`` over the country outlines, as one inline SVG element."""
    frame = MapFrame.around([(e.longitude, e.latitude) for e in events])
    view = f"0 0 {frame.width:g} {frame.height:.0f}"
    countries = "".join(_country_path(c, frame) for c in shapes.overlapping(outlines, frame.bbox()))
    dots = "".join(_event_dot(e, frame) for e in sorted(events, key=lambda e: -(e.fatalities or 0)))
    return (f'<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="{view}" '
            f'width="{frame.width:g}" height="{frame.height:.0f}" role="img" '
            f'aria-label="Map of {len(events)} events">'
            f'<rect class="sea" width="100%" height="100%"/>{countries}{dots}</svg>')


def _country_path(country: shapes.Country, frame: MapFrame) -> str:
    west, south, east, north = frame.bbox()
    rings = []
    for polygon in country.polygons:
        outer = polygon[0]
        if (max(p[0] for p in outer) < west or min(p[0] for p in outer) > east
                or max(p[1] for p in outer) < south or min(p[1] for p in outer) > north):
            continue
        rings += [_ring_path(ring, frame) for ring in polygon]
    if not rings:
        return ""
    return f'<path class="country" d="{"".join(rings)}"><title>{esc(country.name)}</title></path>'


def _ring_path(ring: Sequence[tuple[float, float]], frame: MapFrame) -> str:
    """One ring as SVG path data, dropping points too close to the last one kept to show."""
    kept: list[tuple[float, float]] = []
    for lon, lat in ring:
        x, y = frame.xy(lon, lat)
        if not kept or abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= OUTLINE_STEP_PX:
            kept.append((x, y))
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in kept) + "Z"


def _event_dot(event: Event, frame: MapFrame) -> str:
    x, y = frame.xy(event.longitude, event.latitude)
    label = " · ".join(p for p in (event.event_date.isoformat() if event.event_date else None,
                                   event.sub_event_type, event.location,
                                   f"{event.fatalities} fatalities"
                                   if event.fatalities is not None else None) if p)
    return (f'<circle class="event" data-event="{esc(event.event_id)}" cx="{x:.1f}" '
            f'cy="{y:.1f}" r="{point_radius(event.fatalities):.1f}" '
            f'fill="{type_colour(event.event_type)}"><title>{esc(label)}</title></circle>')


# --------------------------------------------------------------------------- the timeline
def _event_day(event: Event) -> dt.date | None:
    return event.event_date or (event.date_range[0] if event.date_range else None)


def _timeline_section(events: Sequence[Event], scope: ReportScope) -> str:
    days = [d for d in map(_event_day, events) if d]
    if not days:
        return '<h2>Timeline</h2><p class="note">None of the events is dated.</p>'
    first, last = scope.since or min(days), scope.until or max(days)
    if first > last:  # one end open, the events' days beyond the other: keep inside the period
        first, last = (first, first) if scope.since else (last, last)
    svg, per = timeline_svg(events, first, last)
    undated = len(events) - len(days)
    note = f'<p class="note">{undated} undated event(s) are not shown.</p>' if undated else ""
    unit = "day" if per == 1 else f"{per} days"
    return f"<h2>Timeline</h2><p class=note>Events per {unit}, by type.</p>{svg}{note}"


def timeline_svg(events: Sequence[Event], first: dt.date, last: dt.date) -> tuple[str, int]:
    """Stacked bars of events per bin from ``first`` to ``last``; the SVG and days per bar."""
    n_days = (last - first).days + 1
    per = max(1, math.ceil(n_days / TIMELINE_MAX_BARS))
    bins: list[Counter[str]] = [Counter() for _ in range(math.ceil(n_days / per))]
    for event in events:
        day = _event_day(event)
        if day:  # a date range reaching outside the period counts at the period's edge
            day = min(max(day, first), last)
            bins[(day - first).days // per][type_name(event.event_type)] += 1
    plot = TIMELINE_HEIGHT - TIMELINE_AXIS_PX
    unit = plot / max(max(sum(b.values()) for b in bins), 1)
    width = TIMELINE_WIDTH / len(bins)
    bars = "".join(_bar(b, i, width, unit, plot, first + dt.timedelta(days=i * per))
                   for i, b in enumerate(bins) if b)
    peak = max(sum(b.values()) for b in bins)
    axis = (f'<line x1="0" y1="{plot:g}" x2="{TIMELINE_WIDTH:g}" y2="{plot:g}" stroke="#888"/>'
            f'<text x="0" y="{TIMELINE_HEIGHT - 6:g}" font-size="11">{first.isoformat()}</text>'
            f'<text x="{TIMELINE_WIDTH:g}" y="{TIMELINE_HEIGHT - 6:g}" font-size="11" '
            f'text-anchor="end">{last.isoformat()}</text>'
            f'<text x="2" y="11" font-size="11">{peak} event(s)</text>')
    return (f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 '
            f'{TIMELINE_WIDTH:g} {TIMELINE_HEIGHT:g}" width="{TIMELINE_WIDTH:g}" '
            f'height="{TIMELINE_HEIGHT:g}" role="img" aria-label="Events over time">'
            f"{bars}{axis}</svg>", per)


def _bar(counts: Counter[str], index: int, width: float, unit: float, base: float,
         start: dt.date) -> str:
    """One bin's stack: a rectangle per event type, bottom up in legend order."""
    parts, y = [], base
    for name in (*EVENT_TYPE_COLOURS, OTHER_TYPE):
        if counts[name]:
            height = counts[name] * unit
            y -= height
            parts.append(f'<rect class="bar" x="{index * width:.2f}" y="{y:.2f}" '
                         f'width="{max(width - 1, 0.5):.2f}" height="{height:.2f}" '
                         f'fill="{EVENT_TYPE_COLOURS.get(name, OTHER_COLOUR)}"><title>'
                         f"{start.isoformat()}: {counts[name]} {esc(name)}</title></rect>")
    return "".join(parts)


# --------------------------------------------------------------------------- writing
@contextlib.contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A temporary file beside ``out`` to write into, renamed to ``out`` only on success."""
    try:
        handle, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    except OSError as exc:
        raise InputError(f"{out}: cannot write ({exc.strerror})") from exc
    os.close(handle)
    part = Path(name)
    try:
        yield part
        os.chmod(part, _file_mode(out))
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)


def _file_mode(out: Path) -> int:
    """The mode a new file gets (the temporary one is private): the old report's, else umask's."""
    with contextlib.suppress(OSError):
        return out.stat().st_mode & 0o777
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def print_pdf(page: str, out: Path, chromium: str = DEFAULT_CHROMIUM,
              timeout: float = DEFAULT_PDF_TIMEOUT) -> None:
    """Print the HTML ``page`` to the PDF ``out`` with headless Chromium (fresh profile)."""
    binary = shutil.which(chromium)
    if binary is None:
        raise ResourceError(chromium, "Chromium not found: install Debian's chromium package "
                                      "or set report.chromium to the browser's path")
    with tempfile.TemporaryDirectory(prefix="eventwire-report-") as work, staged(out) as part:
        html_file = Path(work) / "report.html"
        html_file.write_text(page, encoding="utf-8")
        command = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={Path(work) / 'profile'}",
                   f"--print-to-pdf={part}", html_file.as_uri()]
        said = _run_browser(command, chromium, timeout)
        with part.open("rb") as printed:
            if printed.read(5) != b"%PDF-":
                raise ResourceError(chromium, f"printed no PDF ({said or 'no message'})")


def _run_browser(command: list[str], chromium: str, timeout: float) -> str:
    """Run the browser in a session of its own (so a hung one is killed with its helpers);
    return its exit status and the last line it wrote to stderr."""
    try:
        browser = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                      stderr=subprocess.PIPE, start_new_session=True)
    except OSError as exc:
        raise ResourceError(chromium, f"cannot run ({exc.strerror})") from exc
    try:
        _, err = browser.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(browser.pid, signal.SIGKILL)
        browser.communicate()
        raise ResourceError(chromium, f"did not print the PDF within {timeout:g} s") from None
    lines = err.decode("utf-8", "replace").strip().splitlines()
    return f"exit status {browser.returncode}" + (f": {lines[-1]}" if lines else "")
