"""Ingest with worker processes: ``eventwire ingest --workers N``.

N processes analyse batches in parallel, each with its own pipeline (models loaded once per
worker). This process reads, sorts each batch out against the store, de-duplicates and stores
the analysed batches in the order they were read, one transaction each, so the store ends up
exactly as a one-worker run leaves it. Only what storing needs crosses back (articles,
mentions, aggregates, warnings), never spaCy objects. A worker that dies stops the ingest with
a one-line error; batches committed before are kept, and the same ingest run again resumes.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Protocol

from .config import Settings
from .document import Document
from .errors import ConfigError, EventwireError, ResourceError
from .pipeline import Pipeline
from .records import Article
from .store.base import Store
from .stored_near import StoredNear
from .workflow import IngestReport, SentArticles, count_stored, sort_out_batch, store_documents


def worker_count(requested: int) -> int:
    """How many processes analyse: ``requested``, or every core this process may use for 0."""
    if isinstance(requested, bool) or not isinstance(requested, int) or requested < 0:
        raise ConfigError("ingest.workers", requested, "0 (every core) or a number of processes")
    if requested == 0:
        cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
        return len(cores) if cores else os.cpu_count() or 1
    return requested


def peak_memory_mb() -> float:
    """The most resident memory this process has used so far, in MB."""
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)  # bytes there, KiB here


# ---------------------------------------------------------------- ingest with worker processes
#: a fresh interpreter per worker: forking a process that holds threads (DuckDB's, spaCy's)
#: can deadlock, and it is the only start method every platform has
WORKER_START_METHOD = "spawn"
#: batches out at the workers per worker, beyond the one being stored: enough that a worker
#: never waits for the parent, few enough that Ctrl-C or a crash throws little work away
BATCHES_AHEAD_PER_WORKER = 2
#: how long the workers may take to load their models before the ingest gives up (seconds)
WORKER_START_TIMEOUT = 600.0
WORKER_DIED = ("a worker process stopped unexpectedly (killed, or out of memory); the batches "
               "committed before are kept: run the same ingest again to resume")
#: what this process holds when it is a worker: its pipeline, or why it could not build one
_WORKER: dict[str, Any] = {}


class WorkerFailure(Exception):
    """An eventwire error in a worker, as text: eventwire's errors take several arguments and
    do not survive the trip back to the parent process."""


@dataclass
class Analysed:
    """What a worker sends back for a batch: just what storing needs, with no spaCy objects."""

    documents: list[Document]
    seconds: Counter[str]
    peak_mb: float


def _start_worker(settings: Settings, ready: Any) -> None:
    """Each worker loads the models once. Ctrl-C is left to the parent, which stops the
    workers itself (a worker has nothing of its own to save)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["ready"] = ready
    try:
        pipeline = Pipeline(settings)
        pipeline.warm_up()
        _WORKER["pipeline"] = pipeline
    except EventwireError as exc:
        _WORKER["error"] = str(exc)


def _worker_pipeline() -> Pipeline:
    if "error" in _WORKER:
        raise WorkerFailure(_WORKER["error"])
    return _WORKER["pipeline"]


class _NotReady(WorkerFailure):
    """This worker is fine, but another could not start (or all were too slow)."""


def _worker_ready(_: int) -> None:
    """Returns when every worker has loaded its models (one call per worker: a worker waiting
    here takes no other call); a worker that could not load them lets the others go."""
    if "error" in _WORKER:
        _WORKER["ready"].abort()
    _worker_pipeline()
    try:
        _WORKER["ready"].wait(WORKER_START_TIMEOUT)
    except threading.BrokenBarrierError:
        raise _NotReady(f"the workers were not all ready after {WORKER_START_TIMEOUT:.0f} s") from None


def _analyse_in_worker(articles: list[Article]) -> Analysed:
    return analyse_portably(_worker_pipeline(), articles)


def analyse_portably(pipeline: Pipeline, articles: list[Article]) -> Analysed:
    """What a worker of any engine (process pool, Ray) does with a batch."""
    before = Counter(pipeline.times.seconds)
    try:
        documents = pipeline.analyse(articles)
    except EventwireError as exc:
        raise WorkerFailure(str(exc)) from None
    portable = [Document(d.article, mentions=d.mentions, aggregates=d.aggregates,
                         warnings=d.warnings, failed=d.failed) for d in documents]
    return Analysed(portable, pipeline.times.seconds - before, peak_memory_mb())


class _Workers:
    """A pool of worker processes, each with its own pipeline; started and ready on creation."""

    def __init__(self, settings: Settings, count: int, report: IngestReport):
        started = time.perf_counter()
        context = multiprocessing.get_context(WORKER_START_METHOD)
        self.pool = ProcessPoolExecutor(count, mp_context=context, initializer=_start_worker,
                                        initargs=(settings, context.Barrier(count)))
        try:
            with _ctrl_c_ignored():  # workers start with it ignored: a terminal sends it to all
                waiting = [self.submit(_worker_ready, n) for n in range(count)]
            wait(waiting)  # the reason a worker failed, rather than another's "not ready"
            for future in sorted(waiting, key=lambda f: isinstance(f.exception(), _NotReady)):
                _outcome(future)
        except BaseException:
            self.close(abandon=True)
            raise
        report.stage_seconds["load"] += time.perf_counter() - started

    def analyse(self, articles: list[Article]) -> Future:
        """The batch's ``Analysed`` to come."""
        return self.submit(_analyse_in_worker, articles)

    def result(self, future: Future) -> "Analysed":
        """The future's outcome; a worker's failure as a one-line ``ResourceError``."""
        return _outcome(future)

    def submit(self, work: Callable, *args: Any) -> Future:
        try:
            return self.pool.submit(work, *args)
        except BrokenProcessPool:
            raise ResourceError("ingest worker", WORKER_DIED) from None

    def close(self, abandon: bool = False) -> None:
        """Lets the workers exit once idle; ``abandon`` (Ctrl-C, an error: nothing more will
        be stored) stops them at once rather than after the batches they hold."""
        if abandon:  # Python 3.14 has ProcessPoolExecutor.terminate_workers() for this
            for process in list(getattr(self.pool, "_processes", {}).values()):
                process.terminate()
        self.pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def _ctrl_c_ignored() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _outcome(future: Future) -> Any:
    try:
        return future.result()
    except WorkerFailure as exc:
        raise ResourceError("ingest worker", str(exc)) from None
    except BrokenProcessPool:
        raise ResourceError("ingest worker", WORKER_DIED) from None


class WorkerPool(Protocol):
    """What ``ingest_in_workers`` needs of an engine's workers (processes here, Ray actors in
    ``distributed.py``): each started with its own pipeline, ready on creation."""

    def analyse(self, articles: list[Article]) -> Future: ...
    def result(self, future: Future) -> "Analysed": ...
    def close(self, abandon: bool = False) -> None: ...


def ingest_in_workers(store: Store, batches: Iterable[list[Article]], settings: Settings,
                       count: int, report: IngestReport,
                       progress: Callable[[int], None] | None,
                       start: Callable[[Settings, int, IngestReport], WorkerPool] = _Workers
                       ) -> None:
    """Workers analyse; this process sorts out, de-duplicates and stores the batches in the
    order they were read, one transaction each, so the store is the same as with one worker.
    The workers (``start``: processes by default) start with the first batch that has
    something new to analyse."""
    sent, workers, near = SentArticles(), None, StoredNear(store)
    pending: deque[tuple[int, Future | None]] = deque()
    try:
        for batch in batches:
            fresh = sort_out_batch(store, batch, report, sent)
            if fresh and workers is None:
                workers = start(settings, count, report)
            job = workers.analyse(fresh) if fresh else None
            pending.append((len(batch), job))
            while len(pending) > count * BATCHES_AHEAD_PER_WORKER:
                _store_next(store, near, workers, pending.popleft(), settings, report, progress)
        while pending:
            _store_next(store, near, workers, pending.popleft(), settings, report, progress)
    except BaseException:
        if workers is not None:
            workers.close(abandon=True)
        raise
    if workers is not None:
        workers.close()


def _store_next(store: Store, near: StoredNear, workers: WorkerPool | None,
                item: tuple[int, Future | None], settings: Settings, report: IngestReport,
                progress: Callable[[int], None] | None) -> None:
    size, future = item
    if future is not None:
        analysed: Analysed = workers.result(future)
        report.stage_seconds.update(analysed.seconds)
        report.worker_peak_mb = max(report.worker_peak_mb, analysed.peak_mb)
        result = store_documents(store, analysed.documents, settings, report.stage_seconds,
                                 near)
        count_stored(report, analysed.documents, result)
    if progress:
        progress(size)
