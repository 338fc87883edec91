"""Ingest jobs for the HTTP API: articles posted now, analysed in the background, progress polled.

Analysing an article takes tens of milliseconds to seconds, far longer than an HTTP request
should wait, so ``POST /api/articles`` queues a job and answers at once; ``GET /api/jobs/{id}``
says how far it got. One worker thread runs the jobs in the order they came, so two jobs never
de-duplicate against each other's half-stored batches. The store is shared with the API's
readers through ``StoreGate``: a job holds it only to look up and to save a batch, never while
spaCy reads, so the page stays responsive during an ingest.
"""
from __future__ import annotations

import queue
import threading
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Callable

from .config import Settings
from .errors import EventwireError, ReadError
from .records import Article
from .store import StoreGate

#: a job's states, in the order it goes through them
JOB_STATES = ("queued", "running", "done", "failed")


@dataclass
class Job:
    """One posted batch of articles and what became of it (the JSON ``GET /api/jobs`` shows)."""

    id: str
    articles: list[Article]
    rejected: list[ReadError] = field(default_factory=list)
    state: str = "queued"
    done: int = 0
    stored: int = 0
    already_known: int = 0
    events_changed: int = 0
    skipped: list[ReadError] = field(default_factory=list)
    error: str | None = None
    created: float = field(default_factory=time.time)
    finished: float | None = None

    def to_json(self) -> dict[str, Any]:
        skipped = [{"source": e.source, "reason": e.reason} for e in self.rejected + self.skipped]
        return {"job_id": self.id, "state": self.state, "total": len(self.articles),
                "done": self.done, "stored": self.stored, "already_known": self.already_known,
                "events_changed": self.events_changed, "skipped": skipped, "error": self.error,
                "created": _iso(self.created), "finished": _iso(self.finished)}


def _iso(stamp: float | None) -> str | None:
    return None if stamp is None else time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stamp))


class IngestJobs:
    """The queue of ingest jobs and the one worker thread that runs them."""

    def __init__(self, gate: StoreGate, settings: Settings,
                 make_pipeline: Callable[[Settings], Any] | None = None):
        self.gate, self.settings = gate, settings
        self._make_pipeline = make_pipeline or _default_pipeline
        self._pipeline: Any = None
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._lock = threading.Lock()
        self._worker = threading.Thread(target=self._run, name="eventwire-ingest", daemon=True)
        self._worker.start()

    def submit(self, articles: list[Article], rejected: list[ReadError]) -> Job:
        job = Job(uuid.uuid4().hex[:16], articles, rejected)
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old()
        self._queue.put(job)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def recent(self) -> list[Job]:
        """Newest first."""
        with self._lock:
            return list(reversed(self._jobs.values()))

    def close(self, timeout: float = 5.0) -> None:
        self._queue.put(None)
        self._worker.join(timeout)

    def _forget_old(self) -> None:
        finished = [j.id for j in self._jobs.values() if j.state in ("done", "failed")]
        for job_id in finished[: max(0, len(self._jobs) - self.settings["api.jobs_kept"])]:
            del self._jobs[job_id]

    def _run(self) -> None:
        for job in iter(self._queue.get, None):
            job.state = "running"
            try:
                self._ingest(job)
                job.state = "done"
            except EventwireError as exc:
                job.state, job.error = "failed", str(exc)
            except Exception as exc:  # the worker must outlive any one job
                job.state, job.error = "failed", f"internal error: {type(exc).__name__}: {exc}"
            job.finished = time.time()

    def _ingest(self, job: Job) -> None:
        from .pipeline import batched
        from .workflow import IngestReport, ingest_batch
        if self._pipeline is None:
            self._pipeline = self._make_pipeline(self.settings)
        for batch in batched(job.articles, self.settings["ingest.batch_size"]):
            report = IngestReport()
            ingest_batch(self.gate, self._pipeline, batch, report)
            job.done += len(batch)
            job.stored += report.stored
            job.already_known += report.already_known
            job.events_changed += report.events_changed
            job.skipped += report.skipped


def _default_pipeline(settings: Settings) -> Any:
    from .pipeline import Pipeline
    return Pipeline(settings)
