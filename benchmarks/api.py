"""HTTP API benchmark: latency of the routes the page uses, over a real server and store.

Run: ``python benchmarks/api.py`` (10,000 events; ``--events 50000`` for another size,
``--page`` to time the page's load in Chromium too). It writes a synthetic DuckDB store,
starts ``eventwire serve`` on it in its own process, and times requests from this process
over loopback with one keep-alive connection, as a browser tab makes them.

The store: ``--events`` events over two years in 60 countries, each with one to three source
articles of about 1,500 characters and the evidence spans of its fields, the shape
``eventwire ingest`` stores. Printed per route: requests, p50, p95 and mean milliseconds.
Routes timed: a filtered list (country, type and a date window, 100 a page), an event view
(the event, its articles' texts and evidence), the map's points (every located event), the
per-day counts the timeline draws, and the facets.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from eventwire.records import Article, Event, Evidence, Mention, Source
from eventwire.store import open_store

COUNTRIES = 60
START = dt.date(2023, 1, 1)
DAYS = 730
TYPES = (("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
         ("Riots", "Mob violence"), ("Strategic developments", "Looting/property destruction"))
SENTENCE = ("Armed men attacked a checkpoint near the town of {town} on {day}, killing {dead} "
            "people, officials said. ")
REQUESTS = 300


def _article(n: int, k: int, town: str, day: dt.date, dead: int) -> Article:
    text = (f"Attack near {town}\n\n" + SENTENCE.format(town=town, day=day, dead=dead) * 12)
    return Article(text=text, id=f"a{n}.{k}", url=f"https://example.org/{n}/{k}",
                   outlet=f"Outlet {k}", published=day)


def _evidence(article: Article) -> list[Evidence]:
    """Spans for the place (the headline's town) and the toll, as the pipeline records them."""
    place = article.text.index("near ") + 5
    place_end = article.text.index("\n", place)
    toll = article.text.index("killing ") + 8
    toll_end = article.text.index(" ", toll)
    return [Evidence("location", place, place_end, article.text[place:place_end]),
            Evidence("fatalities", toll, toll_end, article.text[toll:toll_end])]


def synthetic(n: int, rng: random.Random) -> tuple[list[Article], list[Mention], Event]:
    country = rng.randrange(COUNTRIES)
    event_type, sub_type = TYPES[rng.randrange(len(TYPES))]
    day = START + dt.timedelta(days=rng.randrange(DAYS))
    town, dead = f"Town {country}-{rng.randrange(40)}", rng.choice((0, 0, 1, 2, 5, 12))
    fields = dict(event_date=day, time_precision=1, event_type=event_type,
                  sub_event_type=sub_type, country=f"Country {country}", location=town,
                  latitude=-40 + country * 1.3 + rng.random(),
                  longitude=-120 + country * 4 + rng.random(), geo_precision=1,
                  actor1=f"Armed group {rng.randrange(200)}", fatalities=dead)
    articles, mentions, sources = [], [], []
    for k in range(rng.choice((1, 1, 2, 3))):
        article = _article(n, k, town, day, dead)
        mention = Mention(mention_id=f"m{n}.{k}", article_id=article.id,
                          evidence=_evidence(article), **fields)
        articles.append(article)
        mentions.append(mention)
        sources.append(Source(article.id, article.url, article.outlet, day, mention.mention_id,
                              "main", mention.evidence))
    return articles, mentions, Event(event_id=f"ev{n:08d}", sources=sources, **fields)


def build_store(path: str, size: int, batch: int = 2000) -> None:
    rng = random.Random(11)
    with open_store(path) as store:
        for first in range(0, size, batch):
            parts = [synthetic(n, rng) for n in range(first, min(size, first + batch))]
            store.save_batch([a for p in parts for a in p[0]], [m for p in parts for m in p[1]],
                             [], [p[2] for p in parts])


def start_server(path: str, port: int, env: dict[str, str] | None = None) -> subprocess.Popen:
    """``eventwire serve`` over ``path`` in its own process, once it answers (``env``: extra
    environment, such as the token or settings)."""
    command = [sys.executable, "-m", "eventwire", "serve", "--db", path, "--port", str(port)]
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
            return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def timed(client: httpx.Client, paths: list[str]) -> list[float]:
    took = []
    for path in paths:
        started = time.perf_counter()
        response = client.get(path)
        took.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    return took


def routes(size: int, rng: random.Random) -> dict[str, list[str]]:
    def window() -> str:
        since = START + dt.timedelta(days=rng.randrange(DAYS - 90))
        return f"since={since}&until={since + dt.timedelta(days=90)}"
    return {
        "filtered list": [f"/api/events?country=Country {rng.randrange(COUNTRIES)}&event_type="
                          f"{TYPES[rng.randrange(len(TYPES))][0]}&{window()}&limit=100"
                          for _ in range(REQUESTS)],
        "event view": [f"/api/events/ev{rng.randrange(size):08d}" for _ in range(REQUESTS)],
        "map points (all)": ["/api/points"] * 20,
        "timeline (per day)": ["/api/stats?interval=day&group_by=event_type"] * 50,
        "facets": ["/api/facets"] * 50,
    }


def report(name: str, took: list[float]) -> None:
    ordered = sorted(took)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]
    print(f"{name:<20} {len(took):>5} {statistics.median(took):>8.1f} {p95:>8.1f} "
          f"{statistics.fmean(took):>8.1f}")


def page_load(base: str, runs: int = 5) -> list[float]:
    """Milliseconds from navigation to the page's ready flag, in Debian's Chromium."""
    from playwright.sync_api import sync_playwright
    took = []
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path="/usr/bin/chromium",
                                       args=["--no-sandbox", "--disable-gpu"])
        for _ in range(runs):
            page = browser.new_page()
            started = time.perf_counter()
            page.goto(base + "/")
            page.wait_for_function("window.eventwire && window.eventwire.isReady",
                                   timeout=60_000)
            took.append((time.perf_counter() - started) * 1000)
            page.close()
        browser.close()
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--page", action="store_true", help="time the page's load in Chromium")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="eventwire-api-bench-")
    path = os.path.join(folder, "bench.duckdb")
    started = time.perf_counter()
    build_store(path, args.events)
    print(f"store: {args.events} events, {Path(path).stat().st_size / 1e6:.0f} MB, "
          f"built in {time.perf_counter() - started:.1f} s")
    server = start_server(path, args.port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{args.port}", timeout=60) as client:
            print(f"{'route':<20} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8}")
            for name, paths in routes(args.events, random.Random(5)).items():
                timed(client, paths[:3])  # warm the route once
                report(name, timed(client, paths))
        if args.page:
            report("page load", page_load(f"http://127.0.0.1:{args.port}"))
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
