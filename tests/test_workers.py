"""``ingest`` with several worker processes: the store must end up exactly as a one-process
ingest leaves it, progress must reach every article, a re-run must add nothing, and a worker
that dies or cannot start must stop the run with one clear line and keep what was committed.

Batches of two articles keep several batches out at the workers at once, so an article
repeated (or an id reused) in a later batch is sorted out before the first one is committed.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

import pytest

from eventwire import workflow
from eventwire.config import Settings
from eventwire.errors import ConfigError, ResourceError
from eventwire.workers import worker_count
from tests.conftest import SMALL_BATCHES, stored

@pytest.fixture(scope="module")
def two_workers(tmp_path_factory, parallel_corpus):
    db = str(tmp_path_factory.mktemp("two") / "two.duckdb")
    steps: list[int] = []
    report = workflow.ingest(parallel_corpus, db=db, settings=Settings(SMALL_BATCHES), workers=2,
                             progress=steps.append)
    return db, report, steps


def test_two_workers_store_exactly_what_one_worker_stores(one_worker, two_workers):
    (one_db, one), (two_db, two, _) = one_worker, two_workers
    assert stored(two_db) == stored(one_db)
    assert len(stored(one_db)["events"]) >= 9
    for name in ("read", "stored", "already_known", "mentions", "aggregates", "events_changed"):
        assert getattr(two, name) == getattr(one, name), name
    assert [e.source for e in two.skipped] == [e.source for e in one.skipped]


def test_the_repeated_text_is_known_and_the_reused_id_refused_as_with_one_worker(two_workers):
    _, report, _ = two_workers
    assert report.read == 16 and report.stored == 14 and report.already_known == 1
    assert [e.reason for e in report.skipped] == ["article id 'w-2' is already used by another text"]


def test_progress_advances_to_every_article_read(two_workers):
    _, report, steps = two_workers
    assert steps and all(step > 0 for step in steps)
    assert sum(steps) == report.read


def test_a_rerun_with_two_workers_stores_nothing_new(two_workers, parallel_corpus):
    db, _, _ = two_workers
    before = stored(db)
    again = workflow.ingest(parallel_corpus, db=db, settings=Settings(SMALL_BATCHES), workers=2)
    assert again.stored == 0 and again.events_changed == 0
    assert again.already_known == 15 and len(again.skipped) == 1
    assert stored(db) == before


def _kill_a_worker(_: int) -> None:
    """After the first batch is stored, a worker dies as the out-of-memory killer would kill it."""
    alive = [p for p in multiprocessing.active_children() if p.is_alive()]
    if len(alive) == 2:
        os.kill(alive[0].pid, signal.SIGKILL)


def test_a_killed_worker_stops_the_ingest_and_a_rerun_completes_it(tmp_path, parallel_corpus, one_worker,
                                                                    pipeline):
    db = str(tmp_path / "killed.duckdb")
    with pytest.raises(ResourceError, match="worker process stopped unexpectedly") as failed:
        workflow.ingest(parallel_corpus, db=db, settings=Settings(SMALL_BATCHES), workers=2,
                        progress=_kill_a_worker)
    assert "\n" not in str(failed.value)
    assert stored(db)["counts"]["articles"] >= 2  # the batch committed before the kill
    workflow.ingest(parallel_corpus, db=db, settings=Settings(SMALL_BATCHES), pipeline=pipeline, workers=1)
    assert stored(db) == stored(one_worker[0])


def test_workers_that_cannot_load_the_model_fail_the_ingest_naming_it(tmp_path, parallel_corpus):
    settings = Settings({**SMALL_BATCHES, "nlp.model": "no_such_spacy_model"})
    with pytest.raises(ResourceError, match="no_such_spacy_model: spaCy model is not installed"):
        workflow.ingest(parallel_corpus, db=str(tmp_path / "none.duckdb"), settings=settings, workers=2)


def test_a_negative_number_of_workers_is_refused_with_the_valid_values(tmp_path, parallel_corpus):
    with pytest.raises(ConfigError, match=r"'ingest.workers' = -1 \(valid: 0 \(every core\)"):
        workflow.ingest(parallel_corpus, db=str(tmp_path / "x.duckdb"), workers=-1)
    assert not Path(tmp_path / "x.duckdb").exists()


def test_zero_workers_means_one_per_core():
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert worker_count(0) == cores
    assert worker_count(3) == 3
