"""Benchmark of stage "when": speed per sentence and how often the true event date is found.

Run from the repository root::

    python benchmarks/when.py [--eval-dir ../shared/eval] [--sentences 20000]

Corpora (read at run time from the evaluation folder, never copied into the repository):

* speed: sentences of GVA news documents (US gun-crime reports, with their publication
  dates), FA-KES Syrian war reports and UCDP-AEC conflict reports, interleaved: a realistic
  mix of wire-style sentences, most without any date. A word-tokenising regex pass over the
  same sentences is timed in the same run as the yardstick.
* accuracy: for every GVA document whose publication date is known and not before its
  incident, whether the incident's true date is among the day-precise dates resolved in the
  text (exact, and within one day), and whether it is the first such date; the same for the
  UCDP-AEC sample (source date as publication, the event's start date as the truth).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import time
from collections import Counter
from itertools import chain, zip_longest
from pathlib import Path
from typing import Iterable, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eventwire.when import find_time_expressions  # noqa: E402

DEFAULT_EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
WORD = re.compile(r"\w+")
#: Sentences shorter than this are headings, credits and menu items, not report sentences.
MIN_SENTENCE_CHARS = 20

Sample = tuple[str, dt.date | None]


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if len(s) >= MIN_SENTENCE_CHARS]


def gva_documents(eval_dir: Path) -> Iterator[dict]:
    with open(eval_dir / "gva" / "gva_documents.jsonl", encoding="utf-8") as handle:
        yield from map(json.loads, handle)


def gva_sentences(eval_dir: Path) -> Iterator[Sample]:
    for doc in gva_documents(eval_dir):
        published = dt.date.fromisoformat(doc["dct"][:10]) if doc.get("dct") else None
        yield from ((s, published) for s in sentences(doc["content"]))


def fakes_sentences(eval_dir: Path) -> Iterator[Sample]:
    with open(eval_dir / "fakes" / "FA-KES-Dataset.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            published = dt.datetime.strptime(row["date"], "%m/%d/%Y").date()
            yield from ((s, published) for s in sentences(row["article_content"]))


def ucdp_documents(eval_dir: Path) -> list[dict]:
    path = eval_dir / "ucdp-aec" / "validation-fulltext-sample.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def ucdp_sentences(eval_dir: Path) -> Iterator[Sample]:
    for doc in ucdp_documents(eval_dir):
        published = dt.date.fromisoformat(doc["source_date"][:10])
        yield from ((s, published) for s in sentences(doc["source_article"]))


def mixed_sample(eval_dir: Path, limit: int) -> list[Sample]:
    """The three corpora interleaved sentence by sentence, up to ``limit`` sentences."""
    streams = (gva_sentences(eval_dir), fakes_sentences(eval_dir), ucdp_sentences(eval_dir))
    mixed = (s for s in chain.from_iterable(zip_longest(*streams)) if s is not None)
    return [s for _, s in zip(range(limit), mixed)]


def timed(samples: list[Sample], work) -> tuple[float, int]:
    """Seconds taken to run ``work`` over every sample, best of three; and its total output."""
    best, produced = float("inf"), 0
    for _ in range(3):
        start = time.perf_counter()
        produced = sum(work(text, published) for text, published in samples)
        best = min(best, time.perf_counter() - start)
    return best, produced


def report_speed(samples: list[Sample]) -> None:
    chars = sum(len(text) for text, _ in samples)
    seconds, found = timed(samples, lambda t, p: len(find_time_expressions(t, p)))
    yardstick, _ = timed(samples, lambda t, p: len(WORD.findall(t)))
    print(f"speed: {len(samples)} sentences, {chars / len(samples):.0f} chars on average, "
          f"{found} time expressions")
    print(f"  find_time_expressions: {seconds / len(samples) * 1e6:.1f} µs/sentence, "
          f"{len(samples) / seconds:,.0f} sentences/s, {seconds / chars * 1e9:.0f} ns/char")
    print(f"  yardstick (regex word split): {yardstick / len(samples) * 1e6:.1f} µs/sentence")


def score(cases: Iterable[tuple[str, dt.date, dt.date]]) -> Counter:
    """Counts of documents whose true date is found among the resolved day-precise dates."""
    counts: Counter = Counter()
    for text, published, truth in cases:
        days = [e.date for e in find_time_expressions(text, published)
                if e.date and e.precision == 1 and e.date <= published]
        counts["documents"] += 1
        counts["exact"] += truth in days
        counts["within one day"] += any(abs((d - truth).days) <= 1 for d in days)
        counts["first date"] += bool(days) and days[0] == truth
        counts["no day-precise date"] += not days
    return counts


def gva_cases(eval_dir: Path) -> Iterator[tuple[str, dt.date, dt.date]]:
    incidents = {}
    with open(eval_dir / "gva" / "gva_incidents.jsonl", encoding="utf-8") as handle:
        for row in map(json.loads, handle):
            incidents[row["incident_id"]] = dt.datetime.strptime(row["date"], "%B %d, %Y").date()
    for doc in gva_documents(eval_dir):
        truth = incidents.get(doc["incident_id"])
        published = dt.date.fromisoformat(doc["dct"][:10]) if doc.get("dct") else None
        if truth and published and truth <= published:
            yield doc["content"], published, truth


def ucdp_cases(eval_dir: Path) -> Iterator[tuple[str, dt.date, dt.date]]:
    for doc in ucdp_documents(eval_dir):
        yield (doc["source_article"], dt.date.fromisoformat(doc["source_date"][:10]),
               dt.date.fromisoformat(doc["start_date"]))


def report_accuracy(name: str, counts: Counter) -> None:
    total = counts["documents"]
    shares = ", ".join(f"{key} {counts[key] / total:.1%}" for key in
                       ("exact", "within one day", "first date", "no day-precise date"))
    print(f"accuracy on {name} ({total} documents): true date {shares}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--sentences", type=int, default=20000)
    args = parser.parse_args()
    report_speed(mixed_sample(args.eval_dir, args.sentences))
    report_accuracy("GVA", score(gva_cases(args.eval_dir)))
    report_accuracy("UCDP-AEC", score(ucdp_cases(args.eval_dir)))


if __name__ == "__main__":
    main()
