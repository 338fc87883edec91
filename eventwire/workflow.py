"""The verbs of eventwire as Python functions: extract, ingest, events, stats, export, report,
locate_place, place_at.

The CLI (``cli.py``) and the HTTP API are thin layers over these. ``extract`` reads text and
stores nothing; ``ingest`` reads files, runs the pipeline batch by batch, de-duplicates against
what the store already holds and commits each batch in one transaction, so a crash or Ctrl-C
loses nothing committed and a re-run picks up where it stopped (known articles are skipped by
content hash).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import (TYPE_CHECKING, Any, Callable, ContextManager, Iterable, Iterator, Sequence,
                    TextIO)

from .config import Settings
from .dedup import (ArticleMeta, DedupResult, Limits, canonical_event, deduplicate,
                    event_id_for)
from .document import Document
from .errors import ConfigError, InputError, ReadError
from .export import export as write_export
from .ingest import read_paths
from .ingest.record import RecordContext, article_from_record
from .pipeline import Pipeline, batched
from .records import Aggregate, Article, Event
from .store import StoreGate, open_store
from .store.base import EventQuery, Store
from .store.counting import check_counting
from .stored_near import StoredNear
from .when import resolve_published

if TYPE_CHECKING:
    from .report import ReportSummary
    from .where.gazetteer import Gazetteer


def document_events(document: Document) -> list[Event]:
    """The events one article reports, each as a canonical event with this article as source."""
    meta = {document.article.id: ArticleMeta.of(document.article)}
    return [canonical_event(event_id_for(m), [m], meta) for m in document.mentions]


#: how ``extract`` names its text in an error ("extract(): empty text")
EXTRACT_SOURCE = "extract()"


def extract(text: str, published: dt.date | str | None = None, *, url: str | None = None,
            title: str | None = None, pipeline: Pipeline | None = None) -> list[Event | Aggregate]:
    """One article's events and count statements: ``eventwire.extract(text, published="2023-12-11")``.

    The text is read by the same rules as every ingested record (``ingest/record.py``): a
    ``title`` it does not start with is put in front of it, so the headline is analysed too;
    NULs and control characters go; an empty text is a ``ReadError``."""
    if isinstance(published, str):
        published = resolve_published(published)
    pipeline = pipeline or Pipeline()
    context = RecordContext.from_settings(pipeline.settings, published)
    article = article_from_record({"text": text, "url": url, "title": title}, EXTRACT_SOURCE, context)
    document = pipeline.analyse_one(article)
    return [*document_events(document), *document.aggregates]


@dataclass
class IngestReport:
    """What an ingest did: counts, what it skipped and why, and how long it took."""

    read: int = 0
    stored: int = 0
    already_known: int = 0
    mentions: int = 0
    aggregates: int = 0
    events_changed: int = 0
    skipped: list[ReadError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    #: where the time went: "read", "load" (models; with workers, until all are ready), the
    #: per-article stages (summed over the workers, so they may add up to more than
    #: ``seconds``), "dedup" and "store" (look-ups of known articles, writes, commits)
    stage_seconds: Counter[str] = field(default_factory=Counter)
    #: the most resident memory one worker process reached (MB); 0 when none was started
    worker_peak_mb: float = 0.0


def dedup_limits(settings: Settings) -> Limits:
    return Limits(settings["dedup.max_days_apart"], settings["dedup.max_km_apart"],
                  settings["dedup.threshold"])


def store_documents(store: Store, documents: list[Document], settings: Settings,
                    seconds: Counter[str] | None = None,
                    near: StoredNear | None = None) -> DedupResult:
    """De-duplicate analysed articles against the store and save them in one transaction;
    ``seconds`` (when given) gets the time spent in "dedup" and in "store". ``near``, kept
    by the caller from batch to batch, spares re-reading the stored events (``stored_near``)."""
    articles = [d.article for d in documents]
    mentions = [m for d in documents for m in d.mentions]
    metas = {a.id: ArticleMeta.of(a) for a in articles}
    near = near or StoredNear(store)
    started = time.perf_counter()
    with store.writing():
        result = deduplicate(mentions, metas, near.loader(mentions, metas),
                             dedup_limits(settings), near.scores)
        deduplicated = time.perf_counter()
        store.save_batch(articles, mentions, [a for d in documents for a in d.aggregates],
                         result.events, result.removed)
        near.remember(result, metas)
    if seconds is not None:
        seconds["dedup"] += deduplicated - started
        seconds["store"] += time.perf_counter() - deduplicated
    return result


@dataclass
class NewArticles:
    """A batch sorted out against the store: the articles to analyse, how many were stored
    already (same text), and those refused because their id names another stored text."""

    fresh: list[Article]
    already_known: int
    clashes: list[ReadError]


@dataclass
class SentArticles:
    """Articles of this run already sent to be analysed: with workers, a batch is sorted out
    before the batches ahead of it are committed, and must count their articles as stored,
    as a one-process run would."""

    hashes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)


def new_articles(store: Store, batch: list[Article], sent: SentArticles | None = None) -> NewArticles:
    """Which of ``batch`` to analyse: a text stored (or ``sent``) before is skipped (re-ingest
    is a no-op); an id already given to a different text is refused, so nothing stored is
    overwritten. The articles picked are added to ``sent``."""
    hashes = store.known_hashes([a.content_hash for a in batch])
    ids = store.known_article_ids([a.id for a in batch])
    sent = SentArticles() if sent is None else sent
    fresh, known, clashes = [], 0, []
    for article in batch:
        if article.content_hash in hashes or article.content_hash in sent.hashes:
            known += 1
        elif article.id in ids or article.id in sent.ids:
            clashes.append(ReadError(article.origin or article.id,
                                     f"article id {article.id!r} is already used by another text"))
        else:
            fresh.append(article)
            sent.hashes.add(article.content_hash)
            sent.ids.add(article.id)
    return NewArticles(fresh, known, clashes)


def sort_out_batch(store: Store, batch: list[Article], report: IngestReport,
              sent: SentArticles | None = None) -> list[Article]:
    """The articles of ``batch`` to analyse; the rest are counted in ``report``."""
    started = time.perf_counter()
    sorted_out = new_articles(store, batch, sent)
    report.stage_seconds["store"] += time.perf_counter() - started
    report.already_known += sorted_out.already_known
    report.skipped += sorted_out.clashes
    return sorted_out.fresh


def ingest_batch(store: Store | StoreGate, pipeline: Pipeline, batch: list[Article],
                 report: IngestReport, near: StoredNear | None = None) -> None:
    """Analyse and store one batch. A ``StoreGate`` (the server shares one store between
    threads) is held only to look up and to save, never while the pipeline reads."""
    with _held(store) as db:
        articles = sort_out_batch(db, batch, report)
    if not articles:
        return
    started = time.perf_counter()
    pipeline.warm_up()  # the first batch's model loading is reported apart from analysis
    report.stage_seconds["load"] += time.perf_counter() - started
    before = Counter(pipeline.times.seconds)
    documents = pipeline.analyse(articles)
    report.stage_seconds.update(pipeline.times.seconds - before)
    with _held(store) as db:
        result = store_documents(db, documents, pipeline.settings, report.stage_seconds, near)
    count_stored(report, documents, result)


def count_stored(report: IngestReport, documents: list[Document], result: DedupResult) -> None:
    report.stored += len(documents)
    report.mentions += sum(len(d.mentions) for d in documents)
    report.aggregates += sum(len(d.aggregates) for d in documents)
    report.events_changed += len(result.events)
    report.warnings += [f"{a.origin or a.id}: {w}" for d in documents for a in [d.article]
                        for w in a.warnings + d.warnings]


def _held(store: Store | StoreGate) -> ContextManager[Store]:
    return store.use() if isinstance(store, StoreGate) else contextlib.nullcontext(store)


def ingest(paths: Sequence[str], *, db: str | None = None, settings: Settings | None = None,
           published: dt.date | None = None, pipeline: Pipeline | None = None,
           progress: Callable[[int], None] | None = None,
           workers: int | None = None, engine: str | None = None,
           address: str | None = None) -> IngestReport:
    """Read, analyse, de-duplicate and store; see the module docstring for crash safety.
    ``workers`` processes analyse batches in parallel (default: the ``ingest.workers``
    setting; 0: every core), on this machine or, with ``engine`` "ray", as Ray actors on the
    cluster at ``address``; the store ends up the same as with one."""
    settings = settings or (pipeline.settings if pipeline else Settings())
    report = IngestReport()
    return ingest_articles(_articles(paths, settings, published, report), db=db,
                           settings=settings, pipeline=pipeline, progress=progress,
                           workers=workers, report=report, engine=engine, address=address)


#: where the analysis runs: this machine's processes, or Ray actors (``distributed.py``)
ENGINES = ("local", "ray")


def _engine(name: str) -> str:
    if name not in ENGINES:
        raise ConfigError("ingest.engine", name, ENGINES)
    return name


def ingest_articles(articles: Iterable[Article], *, db: str | None = None,
                    settings: Settings | None = None, pipeline: Pipeline | None = None,
                    progress: Callable[[int], None] | None = None, workers: int | None = None,
                    report: IngestReport | None = None, engine: str | None = None,
                    address: str | None = None) -> IngestReport:
    """``ingest`` for articles read already (a benchmark's corpus, a caller's own reader);
    ``report`` may already hold what reading counted. With more than one worker, or on Ray
    (``engine`` "ray", at ``address``: see ``distributed.py``), ``pipeline`` is not used:
    each worker builds its own from ``settings``."""
    settings = settings or (pipeline.settings if pipeline else Settings())
    report = report or IngestReport()
    from .workers import worker_count
    requested = settings["ingest.workers"] if workers is None else workers
    engine = _engine(settings["ingest.engine"] if engine is None else engine)
    count = worker_count(requested) if engine == "local" else 0
    started = time.perf_counter()
    with open_store(db or settings["store.db"]) as store:
        batches = batched(_timed(articles, report.stage_seconds, "read"),
                          settings["ingest.batch_size"])
        if engine == "ray":
            from .distributed import ingest_on_ray
            ingest_on_ray(store, batches, settings, requested, report, progress,
                          settings["ray.address"] if address is None else address)
        elif count > 1:
            from .workers import ingest_in_workers
            ingest_in_workers(store, batches, settings, count, report, progress)
        else:
            pipeline, near = pipeline or Pipeline(settings), StoredNear(store)
            for batch in batches:
                ingest_batch(store, pipeline, batch, report, near)
                if progress:
                    progress(len(batch))
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _timed(items: Iterable[Article], seconds: Counter[str], name: str) -> Iterator[Article]:
    """``items``, adding the time spent producing each (reading files) to ``seconds[name]``."""
    items = iter(items)
    while True:
        started = time.perf_counter()
        item = next(items, None)
        seconds[name] += time.perf_counter() - started
        if item is None:
            return
        yield item


def _articles(paths: Sequence[str], settings: Settings, published: dt.date | None,
              report: IngestReport) -> Iterable[Article]:
    for item in read_paths(paths, settings=settings, published=published):
        if isinstance(item, ReadError):
            report.skipped.append(item)
        else:
            report.read += 1
            yield item


def events(*, db: str | None = None, settings: Settings | None = None, **filters) -> list[Event]:
    """Canonical events from the store; filters as ``Store.events``."""
    settings = settings or Settings()
    with open_store(db or settings["store.db"]) as store:
        return store.events(**filters)


def stats(*, db: str | None = None, settings: Settings | None = None,
          interval: str | None = "week", group_by: Sequence[str] = (),
          **filters: Any) -> list[dict[str, Any]]:
    """How many events, their sources and fatalities, per period and group: what analysts ask.

    ``interval`` is "day", "week" (ISO weeks, from Monday), "month" or None for totals;
    ``group_by`` takes event fields from ``store.counting.GROUP_KEYS`` (country, event_type,
    actor2, target_facility ...); ``filters`` are those of ``events`` (``country`` may be a
    list). Rows look like ``{"period": "2023-10-16", "country": "Iraq", "events": 12,
    "sources": 31, "fatalities": 3}``; ``sources`` adds up the articles reporting each event.
    An undated event has no period to fall in: it is left out of the series and counted in
    rows of its own with ``period`` None, after the dated ones, so totals still add up.
    The store counts (in SQL for DuckDB), so this stays fast on big stores.
    """
    keys = check_counting(group_by, interval)
    query = EventQuery(**filters)
    settings = settings or Settings()
    with open_store(db or settings["store.db"]) as store:
        return store.count_events(query, keys, interval)


def export(fmt: str, out: TextIO | str, *, db: str | None = None, settings: Settings | None = None,
           **filters) -> int:
    """Write the store's events in an analyst's format (acled, geojson, parquet, jsonl, plover)."""
    return write_export(events(db=db, settings=settings, **filters), fmt, out)


def report(out: str, *, db: str | None = None, settings: Settings | None = None,
           since: dt.date | str | None = None, until: dt.date | str | None = None,
           country: str | Sequence[str] | None = None, admin1: str | None = None,
           bbox: tuple[float, float, float, float] | None = None, title: str | None = None,
           top: int = 10, fmt: str | None = None) -> "ReportSummary":
    """A situation report (self-contained HTML, or PDF through Chromium) for a period and
    region, from the store's events; see ``report.write_report``."""
    from .report import write_report
    settings = settings or Settings()
    with open_store(db or settings["store.db"]) as store:
        return write_report(store, out, since=since, until=until, country=country, admin1=admin1,
                            bbox=bbox, title=title, top=top, fmt=fmt,
                            chromium=settings["report.chromium"],
                            pdf_timeout=settings["report.pdf_timeout"])


#: latitude and longitude limits a point must lie within
LATITUDE_RANGE, LONGITUDE_RANGE = (-90.0, 90.0), (-180.0, 180.0)


def _open_gazetteer(settings: Settings | None) -> "Gazetteer":
    from .where.index import open_gazetteer
    return open_gazetteer(settings or Settings())


def locate_place(description: str, *, country: str | None = None, admin1: str | None = None,
          admin2: str | None = None, settings: Settings | None = None) -> dict | None:
    """Geocode a place description with optional admin context ("near Kobani", country
    "Syria"): the place, its point and both precision codes, or None when nothing is found."""
    from .where.geocode import geocode
    if not description.strip() and not (country or admin1 or admin2):
        raise InputError("place description is empty (give one, or --country/--admin1)")
    found = geocode(description, country=country, admin1=admin1, admin2=admin2,
                    gazetteer=_open_gazetteer(settings))
    if found is None:
        return None
    place = found.place
    return {"location": place.display, "kind": place.kind, "country": place.country,
            "admin1": place.admin1, "admin2": place.admin2, "latitude": round(found.latitude, 5),
            "longitude": round(found.longitude, 5), "geo_precision": found.geo_precision,
            "where_prec": found.where_prec, "matched": found.matched or None,
            "geo_source": place.place_id}


def place_at(latitude: float, longitude: float, *, settings: Settings | None = None) -> dict:
    """The country, province (admin1) and district (admin2) of a point (reverse lookup)."""
    for value, (low, high), name in ((latitude, LATITUDE_RANGE, "latitude"),
                                     (longitude, LONGITUDE_RANGE, "longitude")):
        if not low <= value <= high:
            raise InputError(f"{name} {value} is out of range ({low:g} to {high:g})")
    gazetteer = _open_gazetteer(settings)
    town = next(iter(gazetteer.nearby(latitude, longitude, NEAREST_TOWN_KM, ("city",))), None)
    answer = {"latitude": latitude, "longitude": longitude, "country": None, "admin1": None,
              "admin2": None, "nearest_town": None}
    if town is None:  # open sea or empty land: nothing to name
        return answer
    admin1, admin2 = gazetteer.admin_names(latitude, longitude, town.country_code)
    return {**answer, "country": town.country, "admin1": admin1, "admin2": admin2,
            "nearest_town": town.name}


#: how far the reverse lookup looks for the town whose country a point is taken to lie in
NEAREST_TOWN_KM = 150.0
