"""De-duplication benchmark: time and memory of ``dedup.deduplicate`` alone on synthetic mentions.

Run: ``python benchmarks/dedup.py`` (10k, 100k and 1M mentions; ``--sizes 10000 50000`` for
others). Each size runs in a fresh process so its memory is its own.

The synthetic corpus keeps the density of news constant as it grows, the way a longer feed
does: about ``PER_DAY`` mentions a day (so 1M mentions span ~3 years), spread over
``COUNTRIES`` countries with ``TOWNS`` towns each; every real event is reported by 1 to 5
articles (3 on average). A report may be a day off (US versus local time), may give only the
country, may leave the weapon out, and names a few of the event's people. So blocking meets
the same number of neighbours per mention at every size, and cost should grow near-linearly.

Printed per size: mentions, true events, events found, seconds, mentions/s, peak resident
memory of the process and what the mentions themselves took, and pairwise precision/recall
against the synthetic truth (a check that the work done is the real work).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time

from eventwire.dedup import ArticleMeta, Limits, deduplicate
from eventwire.evaluate.clusters import pairwise
from eventwire.records import Mention

PER_DAY = 1000
COUNTRIES = 60
TOWNS = 40
SIZES = (10_000, 100_000, 1_000_000)
START = dt.date(2023, 1, 1)
TYPES = (("Battles", "Armed clash", "firearms"),
         ("Explosions/Remote violence", "Air/drone strike", "drone"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack", "artillery"),
         ("Violence against civilians", "Attack", "firearms"),
         ("Protests", "Peaceful protest", None))


def _event(n: int, days: int, rng: random.Random) -> dict:
    country, town = rng.randrange(COUNTRIES), rng.randrange(TOWNS)
    kind = TYPES[rng.randrange(len(TYPES))]
    return {"n": n, "day": START + dt.timedelta(days=rng.randrange(days)),
            "country": f"Country {country}", "town": f"gn:{country}.{town}",
            "lat": -40 + country * 1.3 + town * 0.02, "lon": -120 + country * 4 + town * 0.03,
            "kind": kind, "names": [f"name{rng.randrange(10**6)}" for _ in range(4)],
            "killed": rng.choice((0, 0, 1, 2, 5))}


def _report(event: dict, k: int, rng: random.Random) -> Mention:
    event_type, sub_type, weapon = event["kind"]
    day = event["day"] + dt.timedelta(days=rng.choice((0, 0, 0, 0, -1, 1)))
    vague = rng.random() < 0.2
    return Mention(
        mention_id=f"m{event['n']}.{k}", article_id=f"a{event['n']}.{k}", role="main",
        event_date=day, time_precision=1, event_type=event_type, sub_event_type=sub_type,
        weapon=weapon if rng.random() < 0.8 else None, country=event["country"],
        location=None if vague else event["town"], geo_source=None if vague else event["town"],
        latitude=None if vague else event["lat"], longitude=None if vague else event["lon"],
        geo_precision=3 if vague else 1, fatalities=event["killed"],
        fatalities_reported=[event["killed"]], keywords=rng.sample(event["names"], 2))


def corpus(size: int, seed: int = 7) -> tuple[list[Mention], dict[str, int]]:
    """``size`` mentions and the true event of each."""
    rng = random.Random(seed)
    days = max(1, size // PER_DAY)
    mentions, truth = [], {}
    n = 0
    while len(mentions) < size:
        event = _event(n, days, rng)
        for k in range(min(rng.randint(1, 5), size - len(mentions))):
            mention = _report(event, k, rng)
            mentions.append(mention)
            truth[mention.mention_id] = n
        n += 1
    return mentions, truth


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(size: int) -> dict:
    mentions, truth = corpus(size)
    before = peak_mb()
    articles = {m.article_id: ArticleMeta(m.article_id) for m in mentions}
    started = time.perf_counter()
    result = deduplicate(mentions, articles, limits=Limits())
    seconds = time.perf_counter() - started
    found = {s.mention_id: e.event_id for e in result.events for s in e.sources}
    scores = pairwise(found, truth)
    return {"mentions": size, "true_events": len(set(truth.values())),
            "events": len(result.events), "seconds": round(seconds, 1),
            "mentions_per_s": round(size / seconds), "peak_mb": round(peak_mb()),
            "mentions_mb": round(before), "precision": round(scores["precision"], 3),
            "recall": round(scores["recall"], 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    print(f"{'mentions':>9} {'true ev':>8} {'found':>8} {'seconds':>8} {'ment/s':>7} "
          f"{'peak MB':>8} {'of which input':>14} {'P':>6} {'R':>6}")
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], check=True,
                             capture_output=True, text=True).stdout
        r = json.loads(out)
        print(f"{r['mentions']:>9} {r['true_events']:>8} {r['events']:>8} {r['seconds']:>8} "
              f"{r['mentions_per_s']:>7} {r['peak_mb']:>8} {r['mentions_mb']:>14} "
              f"{r['precision']:>6} {r['recall']:>6}")


if __name__ == "__main__":
    main()
