"""``ingest --engine ray``: Ray actors analyse, this process de-duplicates and stores. The store
must end up exactly as a local one-process ingest leaves it (batches of two spread the corpus
over both actors, so two reports of one event are analysed in different partitions), Parquet
must read as JSON Lines does, and Ray's failures must come out as one clear line.

Ray runs in local mode: a Ray instance on this machine, started by the tests (as a cluster's
head node would be) or by the CLI itself when no address is given.
"""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from eventwire import distributed, workflow
from eventwire.config import Settings
from eventwire.errors import ResourceError
from tests.conftest import OWN_ARTICLES, REPO, SMALL_BATCHES, stored

EVENTWIRE = [sys.executable, "-m", "eventwire"]


def require_ray():
    try:
        import ray
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("ray is not installed (pip install -e '.[test]')")
        pytest.skip("ray is not installed")
    return ray


def run_cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([*EVENTWIRE, *args], capture_output=True, text=True, timeout=timeout,
                          cwd=REPO, env={**os.environ, "EVENTWIRE_INGEST_BATCH_SIZE": "2"})


def test_joining_no_cluster_is_one_line_error_and_stores_nothing(tmp_path):
    """Runs before this module starts Ray: "auto" then finds no cluster on this machine."""
    require_ray()
    db = tmp_path / "none.duckdb"
    done = run_cli("ingest", "examples/articles", "--db", str(db), "--engine", "ray",
                   "--address", "auto", "-q", timeout=120)
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: ray address auto: cannot join a Ray cluster (")
    assert not db.exists() or stored(str(db))["counts"]["articles"] == 0


@pytest.fixture(scope="module")
def ray_cluster():
    ray = require_ray()
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False,
             logging_level=logging.ERROR)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def on_ray(ray_cluster, tmp_path_factory, parallel_corpus):
    db = str(tmp_path_factory.mktemp("ray") / "ray.duckdb")
    steps: list[int] = []
    report = workflow.ingest(parallel_corpus, db=db, settings=Settings(SMALL_BATCHES),
                             engine="ray", workers=2, progress=steps.append)
    return db, report, steps


def test_a_ray_run_stores_exactly_what_a_local_run_stores(one_worker, on_ray):
    (local_db, local), (ray_db, on_ray_report, _) = one_worker, on_ray
    assert stored(ray_db) == stored(local_db)
    assert len(stored(ray_db)["events"]) >= 9
    for name in ("read", "stored", "already_known", "mentions", "aggregates", "events_changed"):
        assert getattr(on_ray_report, name) == getattr(local, name), name


def test_one_event_told_in_two_partitions_is_stored_once_with_both_sources(on_ray):
    """w-2 and w-4 (the Tikrit-Samarra roadside bomb) fall in different batches of two."""
    db, _, _ = on_ray
    sources = [sorted(s["article_id"] for s in e["sources"]) for e in stored(db)["events"]]
    assert ["w-2", "w-4"] in sources


def test_repeats_are_sorted_out_across_partitions_and_progress_reaches_every_article(on_ray):
    _, report, steps = on_ray
    assert report.read == 16 and report.stored == 14 and report.already_known == 1
    assert [e.reason for e in report.skipped] == ["article id 'w-2' is already used by another text"]
    assert sum(steps) == report.read


def test_a_rerun_on_ray_stores_nothing_new(on_ray, parallel_corpus):
    db, _, _ = on_ray
    before = stored(db)
    again = workflow.ingest(parallel_corpus, db=db, settings=Settings(SMALL_BATCHES),
                            engine="ray", workers=2)
    assert again.stored == 0 and again.events_changed == 0
    assert stored(db) == before


def test_parquet_on_ray_gives_the_events_json_lines_give_locally(ray_cluster, tmp_path, pipeline):
    articles = [a for a in OWN_ARTICLES if a["id"] != "w-2" or "Basra" not in a["text"]]
    jsonl = tmp_path / "day.jsonl"
    jsonl.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    table = tmp_path / "day.parquet"
    with duckdb.connect() as conn:
        conn.execute(f"COPY (SELECT id, CAST(published AS DATE) AS published, text "
                     f"FROM read_json_auto('{jsonl}')) TO '{table}' (FORMAT parquet)")
    local, ray_db = str(tmp_path / "local.duckdb"), str(tmp_path / "ray.duckdb")
    # the same batches both ways: an event's id stays with the first report ingested
    workflow.ingest([str(jsonl)], db=local, settings=Settings(SMALL_BATCHES), pipeline=pipeline)
    workflow.ingest([str(table)], db=ray_db, settings=Settings(SMALL_BATCHES), engine="ray", workers=2)
    assert stored(ray_db) == stored(local)
    assert stored(ray_db)["counts"]["articles"] == len(articles) - 1  # w-1-again repeats w-1


def test_actors_that_cannot_load_the_model_fail_the_ingest_naming_it(ray_cluster, tmp_path,
                                                                     parallel_corpus):
    settings = Settings({**SMALL_BATCHES, "nlp.model": "no_such_spacy_model"})
    with pytest.raises(ResourceError, match="ray worker: no_such_spacy_model: spaCy model is not "
                                            "installed") as failed:
        workflow.ingest(parallel_corpus, db=str(tmp_path / "none.duckdb"), settings=settings,
                        engine="ray", workers=2)
    assert "\n" not in str(failed.value)
    assert stored(str(tmp_path / "none.duckdb"))["counts"]["articles"] == 0


def test_the_cli_joins_a_running_cluster_and_starts_its_own_without_an_address(ray_cluster,
                                                                               tmp_path, one_worker):
    """"auto" joins the instance the tests started; no address starts (and stops) one more."""
    for address in (["--address", "auto"], []):
        db = tmp_path / f"cli{len(address)}.duckdb"
        done = run_cli("ingest", "examples/articles", str(_own_jsonl(tmp_path)), "--db", str(db),
                       "--engine", "ray", "--workers", "1", "-q", *address)
        assert done.returncode == 1, done.stderr  # the reused id is reported as skipped
        assert "read 16 article(s): stored 14, already known 1" in done.stderr
        assert stored(str(db)) == stored(one_worker[0])


def _own_jsonl(folder: Path) -> Path:
    path = folder / "own.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in OWN_ARTICLES), encoding="utf-8")
    return path


def test_without_ray_installed_the_engine_says_how_to_install_it(tmp_path, monkeypatch,
                                                                 parallel_corpus):
    monkeypatch.setitem(sys.modules, "ray", None)  # what `import ray` meets when it is absent
    with pytest.raises(ResourceError, match=r"^ray: Ray is not installed \(pip install "
                                            r"'eventwire\[ray\]'\)$"):
        workflow.ingest(parallel_corpus, db=str(tmp_path / "x.duckdb"), engine="ray")


def test_more_actors_than_the_cluster_has_cpus_for_is_one_line_not_a_hang(ray_cluster, tmp_path,
                                                                          parallel_corpus,
                                                                          monkeypatch):
    monkeypatch.setattr(distributed, "ACTOR_START_TIMEOUT", 5.0)
    with pytest.raises(ResourceError, match=r"the 3 actors were not all ready after 5 s \(the "
                                            r"cluster has 2 CPUs, 1 per actor\)"):
        workflow.ingest(parallel_corpus, db=str(tmp_path / "x.duckdb"), engine="ray", workers=3)
    assert stored(str(tmp_path / "x.duckdb"))["counts"]["articles"] == 0


def test_an_address_with_the_local_engine_is_refused_naming_both(tmp_path):
    from typer.testing import CliRunner
    from eventwire.cli import app
    done = CliRunner().invoke(app, ["ingest", "examples/articles", "--db", str(tmp_path / "x.duckdb"),
                                    "--engine", "local", "--address", "auto", "-q"])
    assert done.exit_code == 2
    assert done.output.strip() == ("error: --address 'auto' names a Ray cluster: it needs --engine "
                                   "ray, not 'local'")
    assert not (tmp_path / "x.duckdb").exists()
