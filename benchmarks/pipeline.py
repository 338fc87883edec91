"""The whole ingest, end to end, on the evaluation corpora with 1 and 2 worker processes.

    python benchmarks/pipeline.py [--corpus fakes gva ecbplus] [--workers 1 2] [--limit N]
                                  [--engine local ray] [--json FILE]

``--engine ray`` runs the same configurations with Ray actors (Ray started on this machine).

Each configuration runs as its own `eventwire bench CORPUS --format json` process, so peak
memory is that run's alone and no model stays warm from the run before. Prints two Markdown
tables (speed and memory; seconds per stage) with the machine's load average when each run
began, since other work on the machine slows every figure; nothing is asserted.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from eventwire.bench import CORPORA, STAGE_ORDER

SPEED_COLUMNS = ("corpus", "engine", "workers", "articles", "words", "load avg", "loading s", "seconds",
                 "articles/s", "per worker", "words/s", "peak MB", "worker MB", "tokenizer w/s",
                 "ratio")


def run(corpus: str, workers: int, limit: int | None, engine: str = "local") -> dict[str, Any]:
    command = [sys.executable, "-m", "eventwire", "bench", corpus, "--workers", str(workers),
               "--engine", engine, "--format", "json"] + (["--limit", str(limit)] if limit else [])
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command[2:])} failed: {done.stderr.strip()}")
    return json.loads(done.stdout)


def speed_row(r: dict[str, Any]) -> list[str]:
    return [r["corpus"], r["engine"], str(r["workers"]), f"{r['articles']:,}", f"{r['words']:,}",
            f"{r['load_average'][0]:.2f}", f"{r['load_seconds']:.1f}", f"{r['seconds']:.1f}",
            f"{r['articles_per_s']:.1f}", f"{r['articles_per_s'] / r['workers']:.1f}",
            f"{r['words_per_s']:,.0f}", f"{r['peak_mb']:.0f}",
            "-" if r["worker_peak_mb"] is None else f"{r['worker_peak_mb']:.0f}",
            f"{r['tokenizer_words_per_s']:,.0f}", f"{r['tokenizer_ratio']:.3f}"]


def stage_row(r: dict[str, Any]) -> list[str]:
    stages = r["stage_seconds"]
    return [r["corpus"], r["engine"], str(r["workers"])] + [f"{stages.get(name, 0.0):.1f}" for name in STAGE_ORDER]


def markdown(header: tuple[str, ...], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", nargs="+", default=list(CORPORA))
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--limit", type=int, default=None, help="first N articles of each corpus")
    parser.add_argument("--engine", nargs="+", default=["local"], choices=("local", "ray"))
    parser.add_argument("--json", type=Path, default=None, help="also write the raw figures here")
    args = parser.parse_args()
    results = []
    for corpus in args.corpus:
        for engine in args.engine:
            for workers in args.workers:
                results.append(run(corpus, workers, args.limit, engine))
                print(f"done: {corpus}, {engine}, {workers} worker(s)", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    print(markdown(SPEED_COLUMNS, [speed_row(r) for r in results]))
    print()
    print(markdown(("corpus", "engine", "workers", *STAGE_ORDER), [stage_row(r) for r in results]))


if __name__ == "__main__":
    main()
