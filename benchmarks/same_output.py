"""Does a change made for speed store exactly what was stored before? Ingests the benchmark
corpora into a fresh DuckDB file each and writes every stored event with its mentions, sorted,
one JSON line per event, so that two versions' files can be compared byte for byte.

    python benchmarks/same_output.py OUT.jsonl [--corpus fakes ecbplus gva] [--limit 1000]

Run it once per version, that version's package imported: in its installed checkout, or
with ``PYTHONPATH=<the folder holding a copy of that version's eventwire/>`` from a folder
beside ``../shared`` (check with ``python -c "import eventwire; print(eventwire.__file__)"``).
Then ``cmp before.jsonl after.jsonl``. The events' and mentions' own fields are compared; the
changes feed and the time an event was stored are left out. Nothing is asserted here.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import tempfile
from pathlib import Path
from typing import Iterator

from eventwire.bench import CORPORA, read_corpus
from eventwire.config import Settings
from eventwire.pipeline import Pipeline
from eventwire.records import event_to_json
from eventwire.store import open_store
from eventwire.workflow import ingest_articles


def stored_lines(corpus: str, limit: int, settings: Settings, pipeline: Pipeline) -> Iterator[str]:
    """One line per stored event of ``corpus``: its record and its mentions, sorted."""
    _, articles, _ = read_corpus(corpus, settings, limit)
    with tempfile.TemporaryDirectory(prefix="eventwire-same-") as folder:
        db = str(Path(folder) / "same.duckdb")
        ingest_articles(articles, db=db, settings=settings, pipeline=pipeline, workers=1)
        with open_store(db) as store:
            lines = [json.dumps({"corpus": corpus, "event": event_to_json(event),
                                 "mentions": sorted((dataclasses.asdict(m) for m in
                                                     store.mentions_of(event.event_id)),
                                                    key=lambda m: m["mention_id"])},
                                sort_keys=True, default=str)
                     for event in store.events()]
    yield from sorted(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", nargs="+", default=list(CORPORA), choices=list(CORPORA))
    parser.add_argument("--limit", type=int, default=1000)
    args = parser.parse_args()
    settings = Settings()
    pipeline = Pipeline(settings)
    with args.out.open("w", encoding="utf-8") as out:
        for corpus in args.corpus:
            count = 0
            for line in stored_lines(corpus, args.limit, settings, pipeline):
                out.write(line + "\n")
                count += 1
            print(f"{corpus}: {count} events")


if __name__ == "__main__":
    main()
