"""Load test on loopback: many concurrent readers and one writer against one real server.

Run: ``python benchmarks/load.py`` (16 readers, 30 s, a 10,000-event store; ``--readers``,
``--seconds``, ``--events`` to change them). The store is the one ``benchmarks/api.py`` builds.
``eventwire serve`` runs in its own process, with the per-client rate limits off: every
client here shares 127.0.0.1. Each reader loops over the page's requests (a filtered list, an
event view, the map's points for one country, the timeline's counts). The one writer posts an
article at a time with the token and waits for its ingest job before posting the next.

Printed: requests and errors per route, p50 and p95 latency, and the writer's articles, with
the time from post to stored. An error is any answer other than 2xx, or a failed connection.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from api import COUNTRIES, DAYS, START, TYPES, build_store, start_server  # noqa: E402

TOKEN = "load-test-token"
#: what the writer posts: short wire-style reports, varied so each is a new article
WRITER_TEMPLATE = ("Gunmen attacked a police post in {town} on {weekday}, killing {dead} officers, "
                   "a provincial spokesman said. No group said it carried out the attack.")
TOWNS = ("Kano", "Maiduguri", "Mosul", "Kirkuk", "Aleppo", "Homs", "Gao", "Mopti")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


#: the writer's token, and the per-client limits off: every client here is 127.0.0.1
SERVER_ENV = {"EVENTWIRE_API_TOKEN": TOKEN, "EVENTWIRE_API_READS_PER_MINUTE": "0",
              "EVENTWIRE_API_WRITES_PER_MINUTE": "0"}


class Tally:
    """Latencies and errors per route, shared by the threads."""

    def __init__(self) -> None:
        self.took: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.lock = threading.Lock()

    def record(self, route: str, started: float, ok: bool) -> None:
        with self.lock:
            self.took[route].append((time.perf_counter() - started) * 1000)
            if not ok:
                self.errors[route] += 1


def reader_requests(size: int, rng: random.Random) -> list[tuple[str, str]]:
    since = START + dt.timedelta(days=rng.randrange(DAYS - 90))
    country = f"Country {rng.randrange(COUNTRIES)}"
    kind = TYPES[rng.randrange(len(TYPES))][0]
    return [("filtered list", f"/api/events?country={country}&event_type={kind}&since={since}"
                              f"&until={since + dt.timedelta(days=90)}&limit=100"),
            ("event view", f"/api/events/ev{rng.randrange(size):08d}"),
            ("map points", f"/api/points?country={country}"),
            ("timeline", f"/api/stats?interval=day&group_by=event_type&country={country}")]


def reader(base: str, size: int, until: float, tally: Tally, seed: int) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=30) as client:
        while time.monotonic() < until:
            for route, path in reader_requests(size, rng):
                started = time.perf_counter()
                try:
                    ok = client.get(path).is_success
                except httpx.HTTPError:
                    ok = False
                tally.record(route, started, ok)


def writer(base: str, until: float, tally: Tally) -> None:
    rng, number = random.Random(3), 0
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=base, timeout=60, headers=headers) as client:
        while time.monotonic() < until:
            number += 1
            text = WRITER_TEMPLATE.format(town=rng.choice(TOWNS), weekday=rng.choice(WEEKDAYS),
                                          dead=rng.randrange(1, 30)) + f" (report {number})"
            article = {"id": f"load-{number}", "published": "2024-06-14", "text": text}
            started = time.perf_counter()
            try:
                ok = _post_and_wait(client, article)
            except httpx.HTTPError:
                ok = False
            tally.record("ingest one article", started, ok)


def _post_and_wait(client: httpx.Client, article: dict) -> bool:
    posted = client.post("/api/articles", json=article)
    if posted.status_code != 202:
        return False
    job_id = posted.json()["job_id"]
    while True:
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["state"] in ("done", "failed"):
            return job["state"] == "done" and job["stored"] == 1
        time.sleep(0.05)


def report(tally: Tally, seconds: float) -> None:
    print(f"{'route':<20} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'per s':>7}")
    for route, took in sorted(tally.took.items()):
        ordered = sorted(took)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]
        print(f"{route:<20} {len(took):>8} {tally.errors[route]:>6} "
              f"{statistics.median(took):>8.1f} {p95:>8.1f} {len(took) / seconds:>7.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--port", type=int, default=8792)
    args = parser.parse_args()
    path = os.path.join(tempfile.mkdtemp(prefix="eventwire-load-"), "load.duckdb")
    build_store(path, args.events)
    server = start_server(path, args.port, SERVER_ENV)
    base, tally = f"http://127.0.0.1:{args.port}", Tally()
    try:
        httpx.post(f"{base}/api/articles", json={"text": "Warm-up: rebels attacked Gao."},
                   headers={"Authorization": f"Bearer {TOKEN}"})  # loads the models once
        time.sleep(15)
        until = time.monotonic() + args.seconds
        threads = [threading.Thread(target=reader, args=(base, args.events, until, tally, n))
                   for n in range(args.readers)]
        threads.append(threading.Thread(target=writer, args=(base, until, tally)))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(f"{args.readers} readers and 1 writer for {args.seconds:.0f} s on "
              f"{args.events} events")
        report(tally, args.seconds)
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
