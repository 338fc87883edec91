"""How long `eventwire extract` takes on one report, cold (a new process: loading spaCy, the
gazetteer index and the actor table) and warm (the pipeline already loaded).

    python benchmarks/extract.py [ARTICLE.txt] [--published YYYY-MM-DD]

Defaults to the project's fixture story. Prints seconds; nothing is asserted.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from eventwire.pipeline import Pipeline
from eventwire.records import Article
from eventwire.when import resolve_published

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "kirkuk_rockets.txt"


def cold(path: Path, published: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "eventwire", "extract", str(path), "--published",
                        published, "--format", "jsonl"], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def warm(path: Path, published: str, runs: int) -> tuple[float, list[float]]:
    started = time.perf_counter()
    pipeline = Pipeline()
    pipeline.warm_up()
    load = time.perf_counter() - started
    text = path.read_text(encoding="utf-8")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        pipeline.analyse_one(Article(text=text, published=resolve_published(published)))
        times.append(time.perf_counter() - started)
    return load, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=FIXTURE)
    parser.add_argument("--published", default="2024-03-12")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    words = len(args.article.read_text(encoding="utf-8").split())
    cold_times = cold(args.article, args.published, args.runs)
    load, warm_times = warm(args.article, args.published, args.runs * 4)
    print(f"article: {args.article.name} ({words} words)")
    print(f"cold `eventwire extract` (new process): median {statistics.median(cold_times):.2f} s "
          f"(min {min(cold_times):.2f}, max {max(cold_times):.2f}, {args.runs} runs)")
    print(f"loading the pipeline in-process: {load:.2f} s")
    print(f"warm per article: median {statistics.median(warm_times) * 1000:.0f} ms "
          f"({words / statistics.median(warm_times):.0f} words/s, {len(warm_times)} runs)")


if __name__ == "__main__":
    main()
