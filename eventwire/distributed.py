"""Ingest on Ray: ``eventwire ingest --engine ray [--address …]``.

The same pipeline as ``--workers``, with Ray actors in place of local processes: each actor
builds one ``Pipeline`` (models and gazetteer loaded once per actor, not per article) and
analyses whole batches. This process reads the corpus (files or Parquet), sorts each batch out
against the store, and de-duplicates and stores the analysed batches in the order they were
read, one transaction each (``workers.ingest_in_workers``). De-duplication therefore sees every
partition, as in a one-process run, and the store ends up the same: the tests compare a Ray run
with a local one on the same input.

Where Ray runs:

* no address (``ray.address`` empty): a Ray instance is started on this machine for the run
  and stopped after it (the tests run this way);
* ``auto``: the cluster this machine already belongs to (``ray start`` was run here);
* ``ray://head:10001``: a remote cluster through Ray Client.

Every node must have eventwire and its spaCy model installed in the same versions (see
docs/distributed.md). Ray's own errors are translated here, at the boundary, into eventwire's
one-line ``ResourceError``s.
"""
from __future__ import annotations

import contextlib
import itertools
import logging
import os
import sys
import time
from concurrent.futures import Future
from typing import Any, Callable, Iterable, Iterator

from .config import Settings
from .errors import ConfigError, EventwireError, ResourceError
from .pipeline import Pipeline
from .records import Article
from .store.base import Store
from .workers import (WORKER_DIED, Analysed, WorkerFailure, analyse_portably,
                      ingest_in_workers)
from .workflow import IngestReport

#: what ``--address`` may be besides a ray:// or host:port address
LOCAL_ADDRESSES = ("", "local")
#: Ray's CPUs each actor reserves: one analysing process per core, as ``--workers`` does
CPUS_PER_ACTOR = 1
#: Ray's own log lines below this level are not shown (its start-up chatter)
RAY_LOG_LEVEL = logging.ERROR
#: how long the actors may take to start and load their models (seconds)
ACTOR_START_TIMEOUT = 600.0
INSTALL_RAY = "Ray is not installed (pip install 'eventwire[ray]')"


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise ResourceError("ray", INSTALL_RAY) from exc
    return ray


class _Analyst:
    """A Ray actor: one pipeline, loaded once, analysing batch after batch."""

    def __init__(self, settings: Settings):
        self.error: str | None = None
        try:
            self.pipeline = Pipeline(settings)
            self.pipeline.warm_up()
        except EventwireError as exc:
            self.error = str(exc)

    def ready(self) -> bool:
        if self.error is not None:
            raise WorkerFailure(self.error)
        return True

    def analyse(self, articles: list[Article]) -> Analysed:
        try:
            return analyse_portably(self.pipeline, articles)
        except EventwireError as exc:
            raise WorkerFailure(str(exc)) from None


class RayWorkers:
    """``count`` actors on a Ray cluster, each ready with its pipeline on creation."""

    def __init__(self, settings: Settings, count: int, report: IngestReport):
        started = time.perf_counter()
        ray = self.ray = _ray()
        actor = ray.remote(num_cpus=CPUS_PER_ACTOR)(_Analyst)
        self.actors = [actor.remote(settings) for _ in range(count)]
        self._next = itertools.cycle(self.actors)
        try:
            for ready in [a.ready.remote().future() for a in self.actors]:
                self.result(ready, timeout=ACTOR_START_TIMEOUT)
        except BaseException:
            self.close(abandon=True)
            raise
        report.stage_seconds["load"] += time.perf_counter() - started

    def analyse(self, articles: list[Article]) -> Future:
        return next(self._next).analyse.remote(articles).future()

    def result(self, future: Future, timeout: float | None = None) -> Any:
        """The outcome; Ray's errors as eventwire's one-line ``ResourceError``."""
        ray = self.ray
        try:
            return future.result(timeout)
        except TimeoutError:
            cpus = ray.cluster_resources().get("CPU", 0)
            raise ResourceError("ray worker", f"the {len(self.actors)} actors were not all "
                                f"ready after {timeout:.0f} s (the cluster has {cpus:g} CPUs, "
                                f"{CPUS_PER_ACTOR} per actor)") from None
        except ray.exceptions.RayTaskError as exc:
            cause = exc.cause
            reason = str(cause) if isinstance(cause, WorkerFailure) else \
                f"{type(cause).__name__}: {cause}".splitlines()[0]
            raise ResourceError("ray worker", reason) from None
        except ray.exceptions.RayError as exc:
            raise ResourceError("ray worker", f"{WORKER_DIED} ({type(exc).__name__})") from None

    def close(self, abandon: bool = False) -> None:
        """Releases the actors: at once when ``abandon`` (Ctrl-C, an error), else once idle."""
        if abandon:
            for actor in self.actors:
                self.ray.kill(actor)
        self.actors = []


@contextlib.contextmanager
def _native_logs_muted() -> Iterator[None]:
    """Ray's C++ client logs each failed attempt to reach a cluster on the process's standard
    error (a line a second for 20 s); the one-line error after them says it all."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def connect(address: str, actors: int = 0) -> bool:
    """Joins the Ray cluster at ``address``, or starts one here with room for ``actors``
    (at least one CPU per core); True if started here."""
    ray = _ray()
    if ray.is_initialized():
        return False
    options = dict(include_dashboard=False, log_to_driver=False, logging_level=RAY_LOG_LEVEL)
    try:
        with _native_logs_muted():
            if address in LOCAL_ADDRESSES:  # "local": a new instance even where one runs
                cpus = max(actors * CPUS_PER_ACTOR, os.cpu_count() or 1)
                ray.init(address="local", num_cpus=cpus, **options)
                return True
            ray.init(address=address, **options)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ResourceError(f"ray address {address}", f"cannot join a Ray cluster ({reason})") from None
    return False


def _check_requested(requested: int) -> None:
    if isinstance(requested, bool) or not isinstance(requested, int) or requested < 0:
        raise ConfigError("ingest.workers", requested, "0 (every CPU of the cluster) or a number")


def actor_count(requested: int) -> int:
    """``requested`` actors, or one per CPU of the cluster for 0."""
    if requested:
        return requested
    return max(1, int(_ray().cluster_resources().get("CPU", 1)) // CPUS_PER_ACTOR)


def ingest_on_ray(store: Store, batches: Iterable[list[Article]], settings: Settings,
                  requested: int, report: IngestReport, progress: Callable[[int], None] | None,
                  address: str) -> None:
    """``workers.ingest_in_workers`` with Ray actors as the workers."""
    _check_requested(requested)
    started = time.perf_counter()
    started_here = connect(address, requested)
    report.stage_seconds["load"] += time.perf_counter() - started
    try:
        ingest_in_workers(store, batches, settings, actor_count(requested), report, progress,
                          start=RayWorkers)
    finally:
        if started_here and _ray().is_initialized():
            _ray().shutdown()
