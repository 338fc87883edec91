"""The analyst's page in headless Chromium against a real server over a real store: what a
user would notice. Markers stand where the seed report's events happened; filters, the
timeline's brush and the pager change what the table and the map show; the event view
highlights each field's evidence (also after emoji); ingest progress shows and new events
appear; hostile article text stays text; the page asks nothing of any other host.

One server per session (conftest ``web_server``: the sample articles and the seed report),
one browser for the module; each test opens the page in a fresh browser context.
"""
from __future__ import annotations

import contextlib
import json
import math
import re
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from eventwire.api import create_app
from eventwire.config import Settings
from eventwire.ingest import read_paths
from tests.conftest import (FIXTURES, KIRKUK_PUBLISHED, SEED_PUBLISHED, SEED_REPORT, SHARED,
                            WEB_TOKEN, serve_app)

SEED_GOLD = SHARED / "eval" / "seed-gold.json"
NEAR_KM = 25.0
VIEWPORT = {"width": 1400, "height": 900}
PAGE_TIMEOUT_MS = 20_000
INGEST_TIMEOUT_S = 120
READY = "() => window.eventwire !== undefined && window.eventwire.idle()"
SETTLED = "n => window.eventwire.loads > n && window.eventwire.idle()"
#: marks in the event view, grouped by the evidence span each belongs to (split spans joined)
SHOWN_EVIDENCE = """() => Object.fromEntries(
  [...document.querySelectorAll('[data-testid=event-view] [data-testid=source-article]')].map(a => {
    const spans = {};
    for (const mark of a.querySelectorAll('[data-testid=article-text] mark[data-span]')) {
      const span = spans[mark.dataset.span] ??= {field: mark.dataset.field, text: ''};
      span.text += mark.textContent;
    }
    const text = a.querySelector('[data-testid=article-text]')?.textContent ?? null;
    return [a.dataset.articleId, {spans, text}];
  }))"""
UNCOVERED_MARKER = """() => [...document.querySelectorAll('path[data-event-id]')].map(path => {
  const box = path.getBoundingClientRect();
  const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
  return top === path ? path.dataset.eventId : null;
}).find(Boolean) ?? null"""
TABLE_ROWS = """() => [...document.querySelectorAll('[data-testid=events-body] tr')].map(row => ({
  event_id: row.dataset.eventId, event_type: row.dataset.eventType,
  date: row.querySelector('[data-col=date]').textContent,
  type_text: row.querySelector('[data-col=type]').textContent}))"""
#: the two articles posted at the start: markup in every text field, and emoji before spans
HOSTILE = {
    "id": "page-test-hostile",
    "title": '<img src=x onerror="window.__pwned=1;alert(1)"> Gunmen <b>attack</b> checkpoint',
    "outlet": "<script>window.__pwned=2</script>Desk",
    "url": "javascript:alert(3)",
    "published": "2022-06-14",
    "text": "MOSUL, Iraq — Gunmen <script>window.__pwned=3;alert(3)</script> attacked an army "
            "checkpoint in Mosul on Monday, killing three soldiers "
            '<img src=x onerror="window.__pwned=4;alert(4)">, security sources said.',
}
ASTRAL = {
    "id": "page-test-astral",
    "title": "🚀 Rockets 🚀 hit Kirkuk base",
    "outlet": "Emoji Desk 😀",
    "url": "https://example.org/astral",
    "published": "2022-05-03",
    "text": "KIRKUK, Iraq 🇮🇶 — 😀😀 Three rockets 🚀 struck the K-1 air base near Kirkuk on "
            "Tuesday, wounding two Iraqi soldiers 🪖, police said. The Islamic Resistance in "
            "Iraq claimed the attack 💥.",
}


# --------------------------------------------------------------------------- helpers
def api(base: str, path: str, token: str | None = None, **params: Any) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = httpx.get(base + path, params=params, headers=headers, timeout=30)
    response.raise_for_status()
    return response.json()


def all_events(base: str, **filters: Any) -> list[dict]:
    return api(base, "/api/events", limit=1000, **filters)["events"]


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def wait_for_job(base: str, job_id: str) -> dict:
    deadline = time.monotonic() + INGEST_TIMEOUT_S
    while time.monotonic() < deadline:
        job = api(base, f"/api/jobs/{job_id}")
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    pytest.fail(f"ingest job {job_id} did not finish in {INGEST_TIMEOUT_S}s")


def events_of_article(base: str, article_id: str) -> list[dict]:
    return [e for e in all_events(base)
            if any(s["article_id"] == article_id for s in e["sources"])]


@dataclass
class Tab:
    """One browser tab on the page, with what it did recorded."""

    page: Any
    base: str
    requests: list[Any] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)
    js_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, query: str = "") -> float:
        """Load the page (``query`` such as "?country=Iraq"); seconds until it was ready."""
        started = time.perf_counter()
        self.page.goto(f"{self.base}/{query}")
        self.page.wait_for_function(READY)
        return time.perf_counter() - started

    def settle(self, action: Callable[[], Any]) -> None:
        """Do something that reloads the data, and wait until every reload has landed."""
        before = self.page.evaluate("window.eventwire.loads")
        action()
        self.page.wait_for_function(SETTLED, arg=before)

    def by_id(self, test_id: str):
        return self.page.get_by_test_id(test_id)

    def total(self) -> int:
        return int(self.by_id("total").get_attribute("data-total"))

    def rows(self) -> list[dict]:
        return self.page.evaluate(TABLE_ROWS)

    def markers(self) -> list[dict]:
        return self.page.evaluate("window.eventwire.markers()")

    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.page.url).query)

    def open_event_view(self, event_id: str) -> None:
        """Wait until the event view shows ``event_id`` with its articles."""
        view = f'[data-testid=event-view][data-event-id="{event_id}"]:not([hidden])'
        self.page.locator(f"{view} [data-testid=source-article]").first.wait_for()

    def lone_marker(self):
        """A marker drawn on its own (not in a cluster) that nothing covers."""
        event_id = self.page.evaluate(UNCOVERED_MARKER)
        assert event_id, "no marker drawn on its own"
        return self.page.locator(f'path[data-event-id="{event_id}"]')


def record(page, base: str) -> Tab:
    tab = Tab(page, base)
    page.on("request", lambda request: tab.requests.append(request))
    page.on("response",
            lambda r: r.status >= 400 and tab.bad_responses.append(f"{r.status} {r.url}"))
    page.on("pageerror", lambda error: tab.js_errors.append(str(error)))
    page.on("console", lambda m: m.type == "error" and tab.js_errors.append(m.text))
    page.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    return tab


@contextlib.contextmanager
def new_tab(chromium, base: str) -> Iterator[Tab]:
    context = chromium.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    try:
        yield record(page, base)
    finally:
        context.close()


def assert_evidence_shown(tab: Tab, event_id: str) -> dict:
    """Each source article's text is shown whole, with one <mark> (or several, when it
    crosses another span) per evidence span, carrying its field and exactly its text."""
    detail = api(tab.base, f"/api/events/{event_id}")
    shown = tab.page.evaluate(SHOWN_EVIDENCE)
    assert set(shown) == {a["article_id"] for a in detail["articles"]}
    for article in detail["articles"]:
        expected = {str(i): {"field": e["field"], "text": e["text"]}
                    for i, e in enumerate(article["evidence"]) if e["end"] > e["start"]}
        assert expected, f"article {article['article_id']} has no evidence to show"
        assert shown[article["article_id"]]["text"] == article["text"]
        assert shown[article["article_id"]]["spans"] == expected
    return detail


# --------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def posted(web_server: str) -> dict[str, list[dict]]:
    """The hostile and the astral-character article, posted through the API and ingested;
    their events by article."""
    response = httpx.post(f"{web_server}/api/articles", json=[HOSTILE, ASTRAL], timeout=30,
                          headers={"Authorization": f"Bearer {WEB_TOKEN}"})
    assert response.status_code == 202, response.text
    job = wait_for_job(web_server, response.json()["job_id"])
    assert job["state"] == "done" and job["stored"] == 2, job
    found = {name: events_of_article(web_server, article["id"])
             for name, article in (("hostile", HOSTILE), ("astral", ASTRAL))}
    assert all(found.values()), f"no event read from a posted article: {found}"
    return found


@pytest.fixture(scope="module")
def seed_events(web_server: str) -> list[dict]:
    """The events read from the seed report."""
    article = next(read_paths([SEED_REPORT], settings=Settings(), published=SEED_PUBLISHED))
    found = events_of_article(web_server, article.id)
    assert found, "no event from the seed report in the store"
    return found


@pytest.fixture
def tab(chromium, web_server: str) -> Iterator[Tab]:
    with new_tab(chromium, web_server) as opened:
        yield opened


@pytest.fixture(scope="module")
def protected_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over an empty store whose reads need the token too."""
    db = str(tmp_path_factory.mktemp("protected") / "empty.duckdb")
    settings = Settings({"api.token": WEB_TOKEN, "api.protect_reads": True})
    yield from serve_app(create_app(settings, db=db))


# --------------------------------------------------------------------------- tests
def test_map_shows_the_seed_reports_events_where_they_happened(tab, seed_events, capsys):
    seconds = tab.open()
    markers = tab.markers()
    points = api(tab.base, "/api/points")
    assert sorted(m["event_id"] for m in markers) == sorted(f["id"] for f in points["features"])
    seed_ids = {e["event_id"] for e in seed_events}
    seed_markers = [m for m in markers if m["event_id"] in seed_ids]
    gold = [e for e in json.loads(SEED_GOLD.read_text(encoding="utf-8"))["events"]
            if e.get("lat") is not None and e.get("lon") is not None]
    assert gold and seed_markers
    dates = {e["event_id"]: e["event_date"] for e in seed_events}
    for event in gold:
        def away(marker: dict) -> float:
            return km_between(marker["lat"], marker["lon"], event["lat"], event["lon"])
        same_day = [m for m in seed_markers if dates[m["event_id"]] == event["date"]]
        assert same_day, f"{event['key']}: no seed marker dated {event['date']}"
        nearest = min(same_day, key=away)
        distance = away(nearest)
        assert distance <= NEAR_KM, f"{event['key']}: nearest seed marker {distance:.0f} km away"
        assert nearest["in_view"] and nearest["shown"], f"{event['key']}: marker not in view"
    with capsys.disabled():
        print(f"\npage ready {seconds:.2f} s after navigation "
              f"(page's clock: {tab.page.evaluate('window.eventwire.readyMs')} ms)")


def test_a_marker_names_its_event_and_opens_it(tab):
    tab.open()
    marker = tab.lone_marker()
    event_id = marker.get_attribute("data-event-id")
    event = api(tab.base, f"/api/events/{event_id}")["event"]
    marker.hover()
    tip = tab.page.locator(".event-tooltip")
    tip.wait_for()
    for part in (event["event_date"] or "undated", event["event_type"], event["location"],
                 f"fatalities: {event['fatalities']}"):
        assert part in tip.inner_text()
    marker.click()
    tab.open_event_view(event_id)
    assert tab.query()["event"] == [event_id]


def test_filtering_by_event_type_changes_the_table_and_the_map(tab):
    tab.open()
    total_before, markers_before = tab.total(), {m["event_id"] for m in tab.markers()}
    counts = {f["value"]: f["events"] for f in api(tab.base, "/api/facets")["event_type"]}
    chosen = min((t for t, n in counts.items() if 0 < n < total_before), key=counts.get)
    tab.settle(lambda: tab.by_id("filter-type").select_option(chosen))

    rows = tab.rows()
    assert rows and all(r["event_type"] == chosen and chosen in r["type_text"] for r in rows)
    expected = api(tab.base, "/api/events", event_type=chosen, limit=1)["total"]
    assert tab.total() == expected != total_before
    points = {f["id"] for f in api(tab.base, "/api/points", event_type=chosen)["features"]}
    markers = {m["event_id"] for m in tab.markers()}
    assert markers == points and markers < markers_before
    assert tab.query()["event_type"] == [chosen]
    offered = tab.by_id("filter-type").locator("option").all_inner_texts()
    assert all(f"{t} ({n})" in offered for t, n in counts.items())  # counts for switching

    tab.page.reload()  # the URL keeps the view
    tab.page.wait_for_function(READY)
    assert tab.by_id("filter-type").input_value() == chosen
    assert tab.total() == expected


def test_actor_filter_and_pager(tab):
    tab.open()
    total = tab.total()
    assert total > 25 and len(tab.rows()) == 25
    tab.settle(lambda: tab.by_id("next").click())
    assert tab.by_id("page-info").inner_text() == f"26–{min(50, total)} of {total}"
    assert tab.query()["offset"] == ["25"]

    tab.settle(lambda: tab.by_id("filter-actor").fill("Kataib"))
    expected = {e["event_id"] for e in all_events(tab.base, actor="Kataib")}
    assert expected and {r["event_id"] for r in tab.rows()} == expected
    assert tab.query()["actor"] == ["Kataib"] and "offset" not in tab.query()

    tab.settle(lambda: tab.by_id("filter-clear").click())
    assert tab.total() == total and tab.by_id("filter-actor").input_value() == ""
    assert tab.query() == {}


def test_event_view_highlights_the_evidence(tab, seed_events):
    event = max((e for e in seed_events if e["latitude"] is not None),
                key=lambda e: sum(len(s["evidence"]) for s in e["sources"]))
    on_one_page = {"country": event["country"], "since": event["event_date"] or "",
                   "until": event["event_date"] or ""}
    tab.open("?" + urlencode(on_one_page))
    tab.page.locator(f'tr[data-event-id="{event["event_id"]}"]').click()
    tab.open_event_view(event["event_id"])
    detail = assert_evidence_shown(tab, event["event_id"])
    fields = tab.by_id("event-fields")
    assert event["actor1"] in fields.locator('[data-field="actor1"] dd').inner_text()
    assert event["location"] in fields.locator('[data-field="location"] dd').inner_text()
    legend = tab.by_id("field-legend").first.inner_text()
    assert all(e["field"] in legend for e in detail["articles"][0]["evidence"])
    tab.by_id("event-close").click()
    assert tab.by_id("events-panel").is_visible() and "event" not in tab.query()


def test_an_astral_character_article_highlights_the_right_spans(tab, posted):
    event = posted["astral"][0]
    text = api(tab.base, f"/api/events/{event['event_id']}")["articles"][0]["text"]
    first_astral = next(i for i, c in enumerate(text) if ord(c) > 0xFFFF)
    spans = [e for s in event["sources"] for e in s["evidence"]]
    assert any(e["start"] > first_astral for e in spans)  # so the offsets must be converted
    tab.open(f"?event={event['event_id']}")
    tab.open_event_view(event["event_id"])
    assert_evidence_shown(tab, event["event_id"])


def test_brushing_the_timeline_narrows_the_table_to_those_dates(tab):
    tab.open()
    total_before = tab.total()
    days = tab.page.eval_on_selector_all("[data-testid=timeline] .bar",
                                         "bars => bars.map(b => b.dataset.day)")
    first, last = days[len(days) // 3], days[2 * len(days) // 3]
    start = tab.page.locator(f'[data-testid=timeline] .bar[data-day="{first}"]').bounding_box()
    end = tab.page.locator(f'[data-testid=timeline] .bar[data-day="{last}"]').bounding_box()
    y = end["y"] + end["height"] / 2

    def drag() -> None:
        tab.page.mouse.move(start["x"] + 0.5, y)
        tab.page.mouse.down()
        tab.page.mouse.move(end["x"] + end["width"] - 0.5, y, steps=6)
        tab.page.mouse.up()

    tab.settle(drag)
    since, until = tab.by_id("filter-since").input_value(), tab.by_id("filter-until").input_value()
    assert since and until and since <= first <= last <= until
    assert tab.query()["since"] == [since] and tab.query()["until"] == [until]
    rows = tab.rows()
    assert rows and all(since <= r["date"] <= until for r in rows)
    expected = api(tab.base, "/api/events", since=since, until=until, limit=1)["total"]
    assert tab.total() == expected < total_before
    points = {f["id"] for f in api(tab.base, "/api/points", since=since, until=until)["features"]}
    assert {m["event_id"] for m in tab.markers()} == points
    assert tab.by_id("brush").is_visible()

    tab.settle(lambda: tab.by_id("brush-clear").click())
    assert tab.total() == total_before and tab.by_id("filter-since").input_value() == ""


def test_the_page_asks_nothing_of_any_other_host(tab):
    tab.open()
    tab.lone_marker().hover()
    tab.page.locator(".event-tooltip").wait_for()
    tab.page.locator("[data-testid=event-row]").first.click()
    tab.by_id("event-view").locator("[data-testid=source-article]").first.wait_for()
    origin = urlsplit(tab.base)
    foreign = [r.url for r in tab.requests if urlsplit(r.url).scheme not in ("data", "blob")
               and urlsplit(r.url)[:2] != origin[:2]]
    assert tab.requests and foreign == []
    assert tab.bad_responses == [] and tab.js_errors == []
    assert any(r.url.endswith("/vendor/countries-50m.json") for r in tab.requests)


def test_hostile_article_text_shows_as_text_and_runs_nothing(tab, posted):
    event = posted["hostile"][0]
    detail = api(tab.base, f"/api/events/{event['event_id']}")
    tab.open(f"?event={event['event_id']}")
    tab.open_event_view(event["event_id"])
    view = tab.by_id("event-view")
    article = detail["articles"][0]
    assert view.get_by_test_id("article-title").inner_text() == article["title"]
    assert "<img src=x onerror=" in article["title"]
    assert view.get_by_test_id("article-text").text_content() == article["text"]
    assert "<script>window.__pwned=2</script>Desk" in view.inner_text()
    assert view.locator("img, script, b").count() == 0
    assert tab.page.locator('a[href^="javascript:"]').count() == 0
    assert "javascript:alert(3)" in view.inner_text()  # shown, not linked
    tab.page.wait_for_timeout(300)  # give a broken image's onerror a chance to fire
    assert tab.page.evaluate("window.__pwned") is None and tab.dialogs == []
    assert tab.js_errors == []


def test_posting_an_article_shows_the_jobs_progress_then_its_events(tab):
    tab.open()
    known = {e["event_id"] for e in all_events(tab.base)}
    total_before = tab.total()
    tab.page.locator(".add-articles summary").click()
    tab.by_id("add-text").fill((FIXTURES / "kirkuk_rockets.txt").read_text(encoding="utf-8"))
    tab.by_id("add-published").fill(KIRKUK_PUBLISHED.isoformat())
    tab.by_id("add-token").fill("not-the-token")
    tab.by_id("add-submit").click()
    status = tab.by_id("add-status")
    status.filter(has_text="wrong bearer token").wait_for()
    assert "HTTP 401" in status.inner_text()

    tab.page.evaluate("""() => {  // keep every state the job line goes through
      window.jobLog = [];
      const line = document.querySelector('[data-testid=job-status]');
      const bar = document.querySelector('[data-testid=job-progress]');
      new MutationObserver(() => window.jobLog.push([line.textContent, !bar.hidden]))
        .observe(line, {childList: true, characterData: true, subtree: true});
    }""")
    tab.by_id("add-token").fill(WEB_TOKEN)
    tab.by_id("add-submit").click()
    status.filter(has_text="queued as job").wait_for()
    done = tab.by_id("job-status").filter(has_text="last ingest: 1 stored")
    done.wait_for(timeout=INGEST_TIMEOUT_S * 1000)
    tab.page.wait_for_function(f"() => Number(document.querySelector('[data-testid=total]')"
                               f".dataset.total) > {total_before} && window.eventwire.idle()")
    log = tab.page.evaluate("window.jobLog")
    assert any(re.fullmatch(r"ingesting \d of 1 article( \(queued\))?", text) and bar
               for text, bar in log), log

    added = {e["event_id"] for e in all_events(tab.base)} - known
    located = {f["id"] for f in api(tab.base, "/api/points")["features"]} & added
    assert added and located
    assert located <= {m["event_id"] for m in tab.markers()}
    assert tab.total() == total_before + len(added)


def test_an_api_error_is_shown_on_the_page(tab):
    tab.open("?since=2024-05-01&until=2024-01-01")
    assert "since 2024-05-01 is after until 2024-01-01" in tab.by_id("errors").inner_text()


def test_protected_reads_ask_for_the_token_and_an_empty_store_says_so(chromium, protected_server):
    with new_tab(chromium, protected_server) as tab:
        tab.page.goto(protected_server + "/")
        dialog = tab.by_id("token-dialog")
        dialog.wait_for()
        tab.by_id("token-input").fill("wrong")
        tab.by_id("token-submit").click()
        tab.by_id("token-error").filter(has_text="refused").wait_for()
        tab.by_id("token-input").fill(WEB_TOKEN)
        tab.by_id("token-submit").click()
        tab.page.wait_for_function(READY)
        assert "No events in this store yet" in tab.by_id("empty").inner_text()
        assert tab.markers() == [] and tab.by_id("errors").inner_text() == ""
        assert tab.page.evaluate("sessionStorage.getItem('eventwire.token')") == WEB_TOKEN
        reads = [r for r in tab.requests if "/api/" in r.url and r.method == "GET"]
        assert reads[-1].headers.get("authorization") == f"Bearer {WEB_TOKEN}"
        assert [r.url for r in reads if r.headers.get("authorization") != f"Bearer {WEB_TOKEN}"] \
            == [r.url for r in reads[:2]]  # the first look, and the refused token's


def test_screenshots_of_the_main_view_and_an_event_view(tab, seed_events, tmp_path_factory, capsys):
    folder = tmp_path_factory.mktemp("page-screenshots")
    tab.open()
    assert tab.page.locator(".leaflet-outlines-pane canvas").count() == 1
    assert tab.page.locator("[data-testid=timeline] .bar").count() > 0
    assert tab.page.locator("[data-testid=event-row]").count() > 0
    assert tab.page.locator(".marker-cluster").count() > 0  # circle markers do cluster
    main = folder / "main-view.png"
    tab.page.screenshot(path=str(main), full_page=True)
    event = max(seed_events, key=lambda e: sum(len(s["evidence"]) for s in e["sources"]))
    tab.open(f"?event={event['event_id']}")
    tab.open_event_view(event["event_id"])
    detail = folder / "event-view.png"
    tab.page.screenshot(path=str(detail), full_page=True)
    with capsys.disabled():
        print(f"\nscreenshots: {main} {detail}")
