"""The HTTP API and the page: FastAPI over the same store the CLI uses (``eventwire serve``).

Routes, all described at ``/openapi.json``::

    GET  /api/health               version, store, counts, whether writes are enabled
    GET  /api/events               filters as ``eventwire events``; ``limit``/``offset`` pages
    GET  /api/events/{event_id}    one event; each source article's text with its evidence
    GET  /api/points               the filtered events as GeoJSON points, for the map
    GET  /api/stats                counts per period and group (``eventwire stats``)
    GET  /api/facets               the countries, event types and actors there are, with counts
    GET  /api/aggregates           count statements ("at least 40 attacks since ...")
    GET  /api/export               the filtered events as a file: acled, geojson, jsonl, plover,
                                   parquet
    POST /api/articles             ingest (bearer token): 202 and a job to poll
    GET  /api/jobs[/{job_id}]      what ingest jobs did and are doing
    GET  /                         the page; /static/* its files, /vendor/* its npm assets

Writes need ``Authorization: Bearer <api.token>``; with no token set, writes are off. With
``api.protect_reads`` reads need it too. Every error is ``{"error": "<one line>"}`` with its
status: 400 a bad parameter or body, 401 no or wrong token, 403 writes disabled, 404 nothing
there, 413 body too large, 415 not JSON, 422 no readable article, 429 too many requests from
one client (``api.reads_per_minute``, ``api.writes_per_minute``), 503 the store failed.
"""
from __future__ import annotations

import datetime as dt
import hmac
import math
import re
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, AsyncIterator

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from .config import Settings
from .errors import EventwireError, InputError, ResourceError, StoreError
from .jobs import IngestJobs
from .ratelimit import RateLimiter
from .store import StoreGate, open_store, redact
from .store.base import EventQuery
from .store.counting import GROUP_KEYS, INTERVALS, check_counting
from .web import STATIC_DIR, missing_assets, vendor_path
from . import api_views as views
from .api_views import ApiError

DATE_FORMAT = re.compile(r"\d{4}-\d{2}-\d{2}")
BEARER = "bearer "


#: eventwire's errors and the status each answers with
ERROR_STATUS: tuple[tuple[type[Exception], int], ...] = (
    (InputError, 400), (StoreError, 503), (ResourceError, 500), (EventwireError, 500))


@dataclass
class ServerState:
    settings: Settings
    gate: StoreGate
    jobs: IngestJobs
    store_url: str
    limiter: RateLimiter


# ------------------------------------------------------------------ parameters
def parse_day(value: str | None, name: str) -> dt.date | None:
    """A YYYY-MM-DD query value, or an ``ApiError`` naming the parameter and the value."""
    if value is None or value == "":
        return None
    try:
        if not DATE_FORMAT.fullmatch(value):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, f"{name} {value!r} is not a date (YYYY-MM-DD)") from None


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        box = tuple(float(part) for part in value.split(","))
    except ValueError:
        box = ()
    if len(box) != 4:
        raise ApiError(400, f"bbox {value!r} is not min_lon,min_lat,max_lon,max_lat")
    return box  # type: ignore[return-value]


def event_filters(
        country: list[str] | None = Query(None, description="Country (ACLED spelling); repeat for several."),
        admin1: list[str] | None = Query(None, description="First-level region; repeat for several."),
        actor: str | None = Query(None, max_length=200, description="Part of an actor1, actor2 or claimant name."),
        target: list[str] | None = Query(None, description="Part of who or what was attacked (actor2, facility)."),
        event_type: list[str] | None = Query(None, description="ACLED event type; repeat for several."),
        sub_event_type: list[str] | None = Query(None, description="ACLED sub-event type; repeat for several."),
        role: list[str] | None = Query(None, description="main, secondary or background."),
        since: str | None = Query(None, description="First day, YYYY-MM-DD."),
        until: str | None = Query(None, description="Last day, YYYY-MM-DD."),
        bbox: str | None = Query(None, description="min_lon,min_lat,max_lon,max_lat."),
) -> dict[str, Any]:
    """The event filters every list route takes, checked (the same as ``eventwire events``)."""
    filters = {"country": country or None, "admin1": admin1 or None, "actor": actor or None,
               "target": target or None, "event_type": event_type or None,
               "sub_event_type": sub_event_type or None, "role": role or None,
               "since": parse_day(since, "since"), "until": parse_day(until, "until"),
               "bbox": parse_bbox(bbox)}
    EventQuery(**filters)  # refuses since > until, a bad bbox: an InputError answers 400
    return filters


def page_limit(settings: Settings, limit: int | None) -> int:
    most = settings["api.max_page_size"]
    if limit is None:
        return min(settings["api.page_size"], most)
    if not 1 <= limit <= most:
        raise ApiError(400, f"limit {limit} is out of range (1 to {most}, api.max_page_size)")
    return limit


# ------------------------------------------------------------------ auth
def _token_ok(request: Request, token: str) -> bool:
    header = request.headers.get("authorization", "")
    given = header[len(BEARER):].strip() if header.lower().startswith(BEARER) else ""
    return bool(given) and hmac.compare_digest(given.encode(), token.encode())


def require_token(request: Request, token: str) -> None:
    if not _token_ok(request, token):
        raise ApiError(401, "missing or wrong bearer token (Authorization: Bearer <api.token>)",
                       {"WWW-Authenticate": "Bearer"})


def state_of(request: Request) -> ServerState:
    return request.app.state.eventwire


def within_rate(request: Request, state: ServerState, kind: str) -> None:
    client = request.client.host if request.client else "unknown"
    wait = state.limiter.allow(client, kind)
    if wait is not None:
        raise ApiError(429, f"too many {kind}s from {client}: at most "
                            f"{state.limiter.limits[kind]} a minute (api.{kind}s_per_minute)",
                       {"Retry-After": str(max(1, math.ceil(wait)))})


def can_read(request: Request) -> ServerState:
    state = state_of(request)
    within_rate(request, state, "read")
    if state.settings["api.protect_reads"]:
        require_token(request, state.settings["api.token"])
    return state


def can_write(request: Request) -> ServerState:
    state = state_of(request)
    within_rate(request, state, "write")
    token = state.settings["api.token"]
    if not token:
        raise ApiError(403, "writes are disabled: set api.token (EVENTWIRE_API_TOKEN) to allow them")
    require_token(request, token)
    return state


# ------------------------------------------------------------------ app
def create_app(settings: Settings | None = None, db: str | None = None) -> FastAPI:
    """The app over the store ``db`` (default: the ``store.db`` setting), opened at startup."""
    settings = settings or Settings()
    url = db or settings["store.db"]

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        gate = StoreGate(open_store(url))
        limiter = RateLimiter({"read": settings["api.reads_per_minute"],
                               "write": settings["api.writes_per_minute"]})
        app.state.eventwire = ServerState(settings, gate, IngestJobs(gate, settings), redact(url),
                                          limiter)
        try:
            yield
        finally:
            app.state.eventwire.jobs.close()
            gate.close()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None,  # their pages load scripts from a CDN
                  description="Conflict events read from news reports: who did what to whom, "
                              "where, when, with the evidence for every field.")
    _add_error_handlers(app)
    _add_routes(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR, check_dir=False), name="static")
    return app


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.message, exc.headers)

    @app.exception_handler(EventwireError)
    async def eventwire_error(_: Request, exc: EventwireError) -> JSONResponse:
        status = next(code for kind, code in ERROR_STATUS if isinstance(exc, kind))
        return _error(status, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        return _error(500, f"internal error ({type(exc).__name__}); the server log has details")

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(400, validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = (f"nothing at {request.method} {request.url.path}" if exc.status_code == 404
                   else str(exc.detail))
        return _error(exc.status_code, message, getattr(exc, "headers", None))


def validation_message(exc: RequestValidationError) -> str:
    """FastAPI's first validation complaint as one line: where, what is wrong, what came."""
    first = exc.errors()[0]
    where = [str(part) for part in first.get("loc", ())]
    place = f"{where[0]} parameter {where[-1]!r}" if len(where) > 1 else "request"
    given = first.get("input")
    shown = "" if given is None or isinstance(given, (dict, list)) else f" (got {given!r})"
    return f"{place}: {first.get('msg', 'invalid')}{shown}"


def _add_routes(app: FastAPI) -> None:
    """The JSON routes are in ``api_views``; this wires them with their checks."""
    app.get("/api/health")(health)
    app.get("/api/events")(list_events)
    app.get("/api/events/{event_id}")(one_event)
    app.get("/api/points")(points)
    app.get("/api/stats")(stats)
    app.get("/api/facets")(facets)
    app.get("/api/aggregates")(aggregates)
    app.get("/api/export")(export)
    app.post("/api/articles", status_code=202, openapi_extra=views.ARTICLES_BODY)(post_articles)
    app.get("/api/jobs")(list_jobs)
    app.get("/api/jobs/{job_id}")(one_job)
    app.get("/", include_in_schema=False)(page)
    app.get("/vendor/{name:path}", include_in_schema=False)(vendor)


# ------------------------------------------------------------------ routes
def health(state: ServerState = Depends(can_read)) -> dict[str, Any]:
    """Whether the server and its store answer, and what the store holds."""
    with state.gate.use() as store:
        counts = store.counts()
    return {"status": "ok", "version": __version__, "store": state.store_url, "counts": counts,
            "writes_enabled": bool(state.settings["api.token"]),
            "missing_assets": missing_assets()}


def list_events(state: ServerState = Depends(can_read),
                filters: dict[str, Any] = Depends(event_filters),
                limit: int | None = Query(None, description="Events per page (api.max_page_size at most)."),
                offset: int = Query(0, ge=0, le=10_000_000)) -> dict[str, Any]:
    """Canonical events, newest first, one page at a time; ``total`` counts every match."""
    limit = page_limit(state.settings, limit)
    with state.gate.use() as store:
        return views.events_page(store, filters, limit, offset)


def one_event(event_id: str, state: ServerState = Depends(can_read)) -> dict[str, Any]:
    """One event with every source article: its text and the evidence spans for each field."""
    with state.gate.use() as store:
        found = views.event_detail(store, event_id)
    if found is None:
        raise ApiError(404, f"no event {event_id!r}")
    return found


def points(state: ServerState = Depends(can_read),
           filters: dict[str, Any] = Depends(event_filters)) -> dict[str, Any]:
    """The filtered events with coordinates as an RFC 7946 FeatureCollection (map markers)."""
    with state.gate.use() as store:
        return views.points(store, filters, state.settings["api.max_points"])


def stats(state: ServerState = Depends(can_read),
          filters: dict[str, Any] = Depends(event_filters),
          interval: str = Query("day", description=f"{', '.join(INTERVALS)} or total."),
          group_by: list[str] | None = Query(None, description=f"Any of {', '.join(GROUP_KEYS)}.")
          ) -> dict[str, Any]:
    """Events, sources and fatalities per period and group; undated events count apart."""
    period = None if interval == "total" else interval
    keys = check_counting(group_by or (), period)
    with state.gate.use() as store:
        rows = store.count_events(EventQuery(**filters), keys, period)
    return {"interval": interval, "group_by": list(keys), "rows": rows}


def facets(state: ServerState = Depends(can_read),
           filters: dict[str, Any] = Depends(event_filters)) -> dict[str, Any]:
    """The values the page's filters offer, each with how many events it has."""
    with state.gate.use() as store:
        return views.facets(store, filters)


def aggregates(state: ServerState = Depends(can_read),
               article_id: str | None = Query(None, max_length=200),
               limit: int | None = Query(None)) -> dict[str, Any]:
    """Count statements as the interchange JSON (``role: "aggregate"``)."""
    limit = page_limit(state.settings, limit)
    with state.gate.use() as store:
        return views.aggregates(store, article_id, limit)


def export(state: ServerState = Depends(can_read),
           filters: dict[str, Any] = Depends(event_filters),
           format: str = Query("geojson", description="acled, geojson, jsonl, plover or parquet.")
           ) -> Response:
    """The filtered events as a download in an analyst's format."""
    with state.gate.use() as store:
        return views.export_file(store, filters, format)


async def post_articles(request: Request, state: ServerState = Depends(can_write)) -> dict[str, Any]:
    """Queue articles for ingest: one article object, an array, or ``{"articles": [...]}``.

    Answers 202 with the job (poll ``/api/jobs/{job_id}``) and any article refused at once.
    """
    body = await views.read_body(request, state.settings["api.max_body_bytes"])
    articles, rejected = views.parse_articles(body, state.settings)
    if not articles:
        reasons = "; ".join(f"{e.source}: {e.reason}" for e in rejected[:3])
        raise ApiError(422, f"no readable article in the request body ({reasons})")
    return state.jobs.submit(articles, rejected).to_json()


def list_jobs(state: ServerState = Depends(can_read)) -> dict[str, Any]:
    """Recent ingest jobs, newest first, with their progress."""
    return {"jobs": [job.to_json() for job in state.jobs.recent()]}


def one_job(job_id: str, state: ServerState = Depends(can_read)) -> dict[str, Any]:
    job = state.jobs.get(job_id)
    if job is None:
        raise ApiError(404, f"no ingest job {job_id!r}")
    return job.to_json()


def page() -> FileResponse:
    """The analyst's page (it reads everything else through the JSON routes)."""
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html")


def vendor(name: str) -> FileResponse:
    """A browser library or the country outlines, installed from npm (``web.VENDOR``)."""
    try:
        return FileResponse(vendor_path(name))
    except ResourceError as exc:
        raise ApiError(404, str(exc)) from None
