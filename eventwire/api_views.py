"""What the HTTP API's routes answer, as plain functions over a store (``api.py`` wires them).

Kept apart from the routing so each answer can be read, and tested, as data: a page of events,
an event with its articles and evidence, the map's points, the filters' facets, an export file.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections import OrderedDict
from typing import Any

from fastapi import Request
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from .config import Settings
from .errors import ReadError
from .export import FORMATS, export as write_export
from .ingest.decode import decode_bytes
from .ingest.record import RecordContext, kind_of, record_or_error
from .records import Article, Event, aggregate_to_json, event_to_json
from .store.base import EventQuery, Store

#: the facets the page's filters offer, and how many values of each it lists at most
FACETS = {"country": 300, "event_type": 10, "sub_event_type": 40, "actor1": 60, "actor2": 60}
#: what a map marker needs (the page fetches the rest when an event is opened)
POINT_FIELDS = ("event_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2",
                "location", "admin1", "country", "fatalities", "n_sources", "role")
#: an export's media type and file ending, by format
EXPORT_FILES = {"acled": ("text/csv", "csv"), "geojson": ("application/geo+json", "geojson"),
                "jsonl": ("application/x-ndjson", "jsonl"),
                "plover": ("application/x-ndjson", "plover.jsonl"),
                "parquet": ("application/vnd.apache.parquet", "parquet")}
JSON_TYPES = ("application/json", "application/x-ndjson", "text/json")
#: an article as ``POST /api/articles`` takes it (DESIGN.md "Interchange"; only text is needed)
ARTICLE_SCHEMA = {
    "type": "object", "required": ["text"],
    "properties": {"id": {"type": ["string", "integer"]}, "url": {"type": "string"},
                   "outlet": {"type": "string"}, "title": {"type": "string"},
                   "published": {"type": "string", "description": "YYYY-MM-DD (or a date "
                                 "dateparser reads); unreadable dates are left unknown"},
                   "text": {"type": "string", "minLength": 1}}}
#: the body's OpenAPI description: one article, an array of them, or {"articles": [...]}
ARTICLES_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "anyOf": [ARTICLE_SCHEMA, {"type": "array", "items": ARTICLE_SCHEMA, "minItems": 1},
              {"type": "object", "required": ["articles"],
               "properties": {"articles": {"type": "array", "items": ARTICLE_SCHEMA}}}]}}}}}
REQUEST_BODY = "request body"


class ApiError(Exception):
    """An error the API answers with ``status`` and ``{"error": message}``."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers


def events_page(store: Store, filters: dict[str, Any], limit: int, offset: int) -> dict[str, Any]:
    """One page of events and the total that match, with the offset of the next page."""
    query = EventQuery(**filters, limit=limit, offset=offset)
    rows = store.count_events(query)
    total = rows[0]["events"] if rows else 0
    events = store.select_events(query)
    following = offset + len(events)
    return {"total": total, "limit": limit, "offset": offset,
            "next_offset": following if following < total else None,
            "events": [event_to_json(e) for e in events]}


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """The event and, per source article, its text and the evidence spans to highlight."""
    event = store.event(event_id)
    if event is None:
        return None
    return {"event": event_to_json(event),
            "articles": [_article_view(store.article(article_id), sources)
                         for article_id, sources in _sources_by_article(event).items()]}


def _sources_by_article(event: Event) -> OrderedDict[str, list]:
    grouped: OrderedDict[str, list] = OrderedDict()
    for source in event.sources:
        grouped.setdefault(source.article_id, []).append(source)
    return grouped


def _article_view(article: Article | None, sources: list) -> dict[str, Any]:
    """One source article: metadata, text, and its evidence once each in reading order."""
    first = sources[0]
    spans = {(e.start, e.end, e.field): e for s in sources for e in s.evidence}
    evidence = [{"field": e.field, "start": e.start, "end": e.end, "text": e.text}
                for _, e in sorted(spans.items())]
    return {"article_id": first.article_id, "url": first.url, "outlet": first.outlet,
            "title": article.title if article else None,
            "published": (first.published.isoformat() if first.published else None),
            "roles": sorted({s.role for s in sources if s.role}),
            "text": article.text if article else None, "evidence": evidence}


def points(store: Store, filters: dict[str, Any], most: int) -> dict[str, Any]:
    """The filtered, located events as GeoJSON points; ``truncated`` says when cut at ``most``.

    Read from the store's summary columns, not the full records: 10,000 points stay quick.
    """
    rows = store.summaries(EventQuery(**filters, limit=most + 1))
    kept = rows[:most]
    located = [r for r in kept if r["latitude"] is not None and r["longitude"] is not None]
    return {"type": "FeatureCollection", "features": [_point_feature(r) for r in located],
            "truncated": len(rows) > most, "unlocated": len(kept) - len(located)}


def _point_feature(row: dict[str, Any]) -> dict[str, Any]:
    properties = {name: row[name] for name in POINT_FIELDS}
    if properties["event_date"] is not None:
        properties["event_date"] = properties["event_date"].isoformat()
    return {"type": "Feature", "id": row["event_id"], "properties": properties,
            "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}}


def facets(store: Store, filters: dict[str, Any]) -> dict[str, Any]:
    """For each ``FACETS`` field, its values with event counts, most events first."""
    query = EventQuery(**filters)
    found: dict[str, Any] = {}
    for name, most in FACETS.items():
        rows = store.count_events(query, (name,))
        found[name] = [{"value": r[name], "events": r["events"]} for r in rows
                       if r[name] is not None][:most]
    days = [r["period"] for r in store.count_events(query, (), "day") if r["period"]]
    found["first_day"], found["last_day"] = (days[0], days[-1]) if days else (None, None)
    return found


def aggregates(store: Store, article_id: str | None, limit: int) -> dict[str, Any]:
    return {"aggregates": [aggregate_to_json(a)
                           for a in store.aggregates(article_id=article_id, limit=limit)]}


def export_file(store: Store, filters: dict[str, Any], fmt: str) -> FileResponse:
    """The filtered events written to a temporary file, streamed, then deleted."""
    name = fmt.lower()
    if name not in FORMATS or name not in EXPORT_FILES:
        valid = ", ".join(sorted(set(FORMATS) & set(EXPORT_FILES)))
        raise ApiError(400, f"format {fmt!r} is not one eventwire exports (valid: {valid})")
    media, ending = EXPORT_FILES[name]
    handle, path = tempfile.mkstemp(prefix="eventwire-export-", suffix="." + ending)
    os.close(handle)
    try:
        write_export(store.select_events(EventQuery(**filters)), name, path)
    except BaseException:
        os.unlink(path)
        raise
    return FileResponse(path, media_type=media, filename=f"eventwire-events.{ending}",
                        background=BackgroundTask(os.unlink, path))


# ------------------------------------------------------------------ ingest bodies
async def read_body(request: Request, most: int) -> bytes:
    """The request body, refused with 415 unless JSON and with 413 past ``most`` bytes
    (checked before reading when the length is declared, and while reading when not)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in JSON_TYPES:
        raise ApiError(415, f"content type {kind or 'none'!r} is not JSON "
                              f"(send application/json)")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > most:
        raise ApiError(413, f"request body of {declared} bytes is over the limit of "
                              f"{most} (api.max_body_bytes)")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > most:
            raise ApiError(413, f"request body is over the limit of {most} bytes "
                                  f"(api.max_body_bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_articles(body: bytes, settings: Settings) -> tuple[list[Article], list[ReadError]]:
    """The articles a JSON body holds, and the items refused (each named ``request body:N``)."""
    try:
        data = json.loads(decode_bytes(body, REQUEST_BODY))
    except ReadError as exc:
        raise ApiError(400, f"{REQUEST_BODY}: {exc.reason}") from None
    except json.JSONDecodeError as exc:
        raise ApiError(400, f"{REQUEST_BODY} is not JSON: {exc.msg} at line {exc.lineno} "
                              f"column {exc.colno}") from None
    items = _article_items(data)
    context = RecordContext.from_settings(settings, None)
    articles, rejected = [], []
    for number, item in enumerate(items, start=1):
        origin = f"{REQUEST_BODY}:{number}" if len(items) > 1 else REQUEST_BODY
        found = (record_or_error(item, origin, context) if isinstance(item, dict) else
                 ReadError(origin, f"item is {kind_of(item)}, not an article object"))
        (rejected if isinstance(found, ReadError) else articles).append(found)
    return articles, rejected


def _article_items(data: Any) -> list[Any]:
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items = [data] if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ApiError(400, f"{REQUEST_BODY} is {kind_of(data)}, not an article object "
                              f"or an array of them")
    if not items:
        raise ApiError(422, f"{REQUEST_BODY} holds no articles")
    return items
