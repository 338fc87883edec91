"""``eventwire report``: a situation report built from a real DuckDB store filled by the real
pipeline (the sample articles, and one hostile article written for these tests), as HTML and,
through the installed headless Chromium, as PDF."""
from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire import report as rp
from eventwire import workflow
from eventwire.cli import app
from eventwire.errors import InputError, ResourceError
from eventwire.store import open_store
from eventwire.web import shapes
from tests.conftest import REPO

SVG = "{http://www.w3.org/2000/svg}"
#: the sample articles' events from January to August 2024
SPRING = {"since": "2024-01-01", "until": "2024-08-31"}
SPRING_DATES = {name: dt.date.fromisoformat(day) for name, day in SPRING.items()}
HOSTILE_TITLE = "<script>alert('owned')</script> Mortar rounds hit market in Mosul"
#: an article of our own whose metadata tries to inject markup and a script link
HOSTILE = {
    "id": "report-test-hostile", "url": "javascript:alert(1)", "outlet": 'Desk "One" <b>',
    "title": HOSTILE_TITLE, "published": "2024-05-14",
    "text": ("Mortar rounds hit market in Mosul\n\nMOSUL, Iraq — Mortar rounds struck a crowded "
             "vegetable market in western Mosul on Monday, killing four civilians and wounding "
             "eleven, police said. No group said it fired the rounds."),
}
MOSUL_MAY = {"since": "2024-05-01", "until": "2024-05-31", "country": ["Iraq"]}


@pytest.fixture(scope="module")
def db(tmp_path_factory, pipeline) -> str:
    """The sample articles and the hostile one, through the real pipeline, in a DuckDB file."""
    folder = tmp_path_factory.mktemp("report")
    (folder / "hostile.jsonl").write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    path = str(folder / "report.duckdb")
    workflow.ingest([str(REPO / "examples" / "articles"), str(folder / "hostile.jsonl")],
                    db=path, pipeline=pipeline)
    return path


def stored(db: str, **filters) -> list:
    with open_store(db) as store:
        return store.events(**filters)


def write(db: str, out: Path, **options) -> tuple[rp.ReportSummary, str]:
    summary = workflow.report(str(out), db=db, **options)
    return summary, out.read_text(encoding="utf-8") if summary.fmt == "html" else ""


def svg_of(page: str, kind: str) -> ET.Element:
    found = re.search(rf'<svg class="{kind}".*?</svg>', page, re.S)
    assert found, f"no {kind} in the report"
    return ET.fromstring(found.group(0))


def chromium_or_skip() -> str:
    binary = rp.DEFAULT_CHROMIUM
    if not shutil.which(binary):
        message = f"{binary} is not installed (Debian package chromium)"
        if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
            pytest.fail(message)
        pytest.skip(message)
    return binary


# --------------------------------------------------------------------------- contents
def test_the_report_names_the_period_region_places_dates_and_figures(db, tmp_path):
    summary, page = write(db, tmp_path / "r.html", country=["Iraq", "Jordan"], **SPRING)
    events = stored(db, country=["Iraq", "Jordan"], **SPRING_DATES)
    assert summary.events == len(events) > 3
    assert summary.fatalities == sum(e.fatalities or 0 for e in events)
    assert "2024-01-01 to 2024-08-31" in page and "Iraq, Jordan" in page
    for event in events:
        assert html.escape(event.location) in page and event.event_date.isoformat() in page
    assert f"<b>{summary.events:,}</b>events" in page
    for kind in {e.event_type for e in events}:  # the table of counts by event type
        same = [e for e in events if e.event_type == kind]
        assert (f"{html.escape(kind)}</td><td class=n>{len(same)}</td>"
                f"<td class=n>{sum(e.fatalities or 0 for e in same)}</td>") in page


def test_the_map_has_one_point_per_located_event_where_it_lies(db, tmp_path):
    _, page = write(db, tmp_path / "r.html", **SPRING)
    events = {e.event_id: e for e in rp.located(stored(db, **SPRING_DATES))}
    dots = {c.get("data-event"): c for c in svg_of(page, "map").iter(f"{SVG}circle")}
    assert set(dots) == set(events)
    frame = rp.MapFrame.around([(e.longitude, e.latitude) for e in events.values()])
    for event_id, dot in dots.items():
        x, y = frame.xy(events[event_id].longitude, events[event_id].latitude)
        assert (float(dot.get("cx")), float(dot.get("cy"))) == pytest.approx((x, y), abs=0.06)
        assert 0 <= x <= frame.width and 0 <= y <= frame.height
        assert dot.get("fill") == rp.type_colour(events[event_id].event_type)
    # by value, not by id: two events of one town (one strike a day) share a point
    leftmost = events[min(dots, key=lambda i: float(dots[i].get("cx")))]
    topmost = events[min(dots, key=lambda i: float(dots[i].get("cy")))]
    largest = events[max(dots, key=lambda i: float(dots[i].get("r")))]
    assert leftmost.longitude == min(e.longitude for e in events.values())
    assert topmost.latitude == max(e.latitude for e in events.values())
    assert (largest.fatalities or 0) == max(e.fatalities or 0 for e in events.values())


def test_the_map_draws_the_countries_around_the_events(db, tmp_path):
    _, page = write(db, tmp_path / "r.html", country=["Iraq", "Syria", "Jordan"], **SPRING)
    names = {p.findtext(f"{SVG}title") for p in svg_of(page, "map").iter(f"{SVG}path")}
    assert {"Iraq", "Syria", "Jordan", "Saudi Arabia"} <= names
    assert not names & {"Brazil", "Japan", "Australia"}


def test_the_timeline_counts_every_dated_event_once(db, tmp_path):
    summary, page = write(db, tmp_path / "r.html", **SPRING)
    counted = [int(re.match(r"\d{4}-\d\d-\d\d: (\d+) ", t.text).group(1))
               for t in svg_of(page, "timeline").iter(f"{SVG}title")]
    assert sum(counted) == summary.events
    assert "Events per 3 days" in page  # 244 days in at most 120 bars


def test_top_events_come_deadliest_first_with_linked_sources(db, tmp_path):
    _, page = write(db, tmp_path / "r.html", top=4, **SPRING)
    items = re.findall(r'<li class="event" id="([^"]+)">(.*?</li></ul>)</li>', page, re.S)
    events = stored(db, **SPRING_DATES)
    ranked = sorted(events, key=lambda e: (-(e.fatalities or 0),
                                           -len({s.article_id for s in e.sources}),
                                           -e.event_date.toordinal()))
    assert [event_id for event_id, _ in items] == [e.event_id for e in ranked[:4]]
    with open_store(db) as store:
        for (_, item), event in zip(items, ranked):
            assert f"Fatalities:</b> {event.fatalities}<" in item
            for source in event.sources:
                title = store.article(source.article_id).title
                assert f'<a href="{html.escape(source.url)}">{html.escape(title)}</a>' in item


def test_text_from_the_store_is_escaped_and_only_web_links_are_links(db, tmp_path):
    _, page = write(db, tmp_path / "r.html", **MOSUL_MAY)
    assert "<script" not in page.lower()
    # the javascript: URL is no link: outlet and title stay plain, escaped text
    assert f"<li>Desk &quot;One&quot; &lt;b&gt;: {html.escape(HOSTILE_TITLE)}</li>" in page
    assert not [h for h in re.findall(r'href="([^"]*)"', page) if not h.startswith("https://")]


def test_the_page_is_self_contained(db, tmp_path):
    _, page = write(db, tmp_path / "r.html", **SPRING)
    assert not re.search(r"<script|<link|<iframe|<img|\ssrc=|@import|url\(", page, re.I)
    assert 'http-equiv="Content-Security-Policy" content="default-src \'none\';' in page
    assert all(h.startswith(("http://", "https://")) for h in re.findall(r'href="([^"]*)"', page))


# --------------------------------------------------------------------------- selection
def test_region_and_date_filters_narrow_the_report(db, tmp_path):
    everything, _ = write(db, tmp_path / "all.html", **SPRING)
    sudan, page = write(db, tmp_path / "sudan.html", country=["Sudan"], **SPRING)
    assert 0 < sudan.events < everything.events and sudan.countries == 1
    assert "El Fasher" in page and "Kyiv" not in page
    week, page = write(db, tmp_path / "week.html", since="2024-01-28", until="2024-02-03")
    assert 0 < week.events < everything.events
    shown = {c.get("data-event") for c in svg_of(page, "map").iter(f"{SVG}circle")}
    inside = {e.event_id for e in stored(db) if e.event_date
              and "2024-01-28" <= e.event_date.isoformat() <= "2024-02-03"}
    assert shown == inside and "Events per day" in page
    boxed, _ = write(db, tmp_path / "box.html", bbox=(30.0, 45.0, 40.0, 55.0), **SPRING)
    assert 0 < boxed.events < everything.events  # Ukraine, not the Middle East


def test_an_empty_selection_is_a_report_that_says_so(db, tmp_path):
    summary, page = write(db, tmp_path / "none.html", since="1990-01-01", until="1990-12-31")
    assert summary.events == 0 and rp.NO_EVENTS in page
    assert '<svg class="map"' not in page


def test_bad_dates_and_an_upside_down_period_are_input_errors(db, tmp_path):
    out = tmp_path / "bad.html"
    with pytest.raises(InputError, match="2024-02-30"):
        workflow.report(str(out), db=db, since="2024-02-30")
    with pytest.raises(InputError, match="after until"):
        workflow.report(str(out), db=db, since="2024-03-01", until="2024-02-01")
    with pytest.raises(InputError, match=r"\.txt.*html, pdf"):
        workflow.report(str(tmp_path / "bad.txt"), db=db)
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- PDF
def test_a_pdf_report_is_printed_by_chromium(db, tmp_path):
    chromium_or_skip()
    summary, _ = write(db, tmp_path / "levant.pdf", country=["Iraq", "Jordan"], **SPRING)
    assert summary.fmt == "pdf" and summary.events > 0
    data = (tmp_path / "levant.pdf").read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 10_000
    assert [p.name for p in tmp_path.iterdir()] == ["levant.pdf"]


def test_a_missing_browser_is_named_and_leaves_nothing(db, tmp_path):
    with open_store(db) as store, pytest.raises(ResourceError, match="/no/such/chromium"):
        rp.write_report(store, tmp_path / "r.pdf", chromium="/no/such/chromium")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_print_keeps_the_previous_report(db, tmp_path):
    old = tmp_path / "r.pdf"
    old.write_bytes(b"%PDF-1.4 the previous report")
    with open_store(db) as store, pytest.raises(ResourceError, match="printed no PDF"):
        rp.write_report(store, old, chromium=shutil.which("false") or "/bin/false")
    assert old.read_bytes() == b"%PDF-1.4 the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


# --------------------------------------------------------------------------- shapes
def test_topojson_arcs_are_decoded_and_stitched():
    """Two unit squares sharing the edge x=1; the second walks that arc backwards (~0)."""
    topology = {
        "type": "Topology", "transform": {"scale": [0.5, 0.25], "translate": [10, 20]},
        "arcs": [[[2, 0], [0, 4]],                    # (11,20) -> (11,21): the shared edge
                 [[2, 4], [-2, 0], [0, -4], [2, 0]],  # west square, the rest of its ring
                 [[2, 0], [2, 0], [0, 4], [-2, 0]]],  # east square, from (11,20) round
        "objects": {"countries": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, 1]], "id": "001", "properties": {"name": "West"}},
            {"type": "MultiPolygon", "arcs": [[[2, ~0]]], "properties": {"name": "East"}},
            {"type": None}]}},
    }
    west, east = shapes.countries_from(topology)
    assert west.polygons[0][0] == ((11, 20), (11, 21), (10, 21), (10, 20), (11, 20))
    assert east.polygons[0][0] == ((11, 20), (12, 20), (12, 21), (11, 21), (11, 20))
    assert (west.name, west.iso_numeric, east.bbox) == ("West", "001", (11, 20, 12, 21))


def test_natural_earth_outlines_decode_to_closed_rings_in_the_right_place():
    iraq = next(c for c in shapes.countries("50m") if c.name == "Iraq")
    west, south, east, north = iraq.bbox
    assert west < 44.4 < east and south < 33.3 < north  # Baghdad
    assert all(ring[0] == ring[-1] for polygon in iraq.polygons for ring in polygon)


# --------------------------------------------------------------------------- command line
def test_the_report_command(db, tmp_path):
    runner = CliRunner()
    out = tmp_path / "jordan.html"
    done = runner.invoke(app, ["report", "--db", db, "--out", str(out), "--country", "Jordan",
                               "--title", "Jordan <weekly>", "--since", "2024-01-01"])
    assert done.exit_code == 0, done.output
    assert "Jordan &lt;weekly&gt;" in out.read_text(encoding="utf-8")
    bad = runner.invoke(app, ["report", "--db", db, "--out", str(out), "--until", "2024-99-01"])
    assert bad.exit_code == 2 and len(bad.output.strip().splitlines()) == 1
