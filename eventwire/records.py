"""The typed records of eventwire: the one schema everything else derives from.

``Article``   one news report, as read (id = content hash of its normalised text).
``Segment``   a stretch of an article: title, standfirst, dateline, body, caption, credit,
              boilerplate (character offsets into ``Article.text``).
``Evidence``  the exact span of article text that supports one field.
``EventFields`` the event fields shared by mentions and events (ACLED names where ACLED has one).
``Mention``   one event as one article reports it (fields read from that text + evidence).
``Event``     the canonical, de-duplicated event: fields + every source that reported it.
``Aggregate`` a count statement ("at least 92 attacks since October 17"): never turned into
              fake individual events.

Dates are ``datetime.date``; JSON output uses ISO strings. ``to_json`` gives the interchange
shape promised in DESIGN.md ("Interchange"); ``from_json`` reads it back.
"""
from __future__ import annotations

import dataclasses
import functools
import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from .errors import DateFormatError

ROLES = ("main", "secondary", "background", "aggregate")
SEGMENT_KINDS = ("title", "standfirst", "dateline", "body", "caption", "credit", "boilerplate")
#: ACLED time_precision: 1 = the day is known, 2 = the week, 3 = only the month (or a range).
TIME_PRECISION = {1: "day", 2: "week", 3: "month"}
#: ACLED geo_precision: 1 = the town/facility, 2 = near it / part of a region, 3 = only the region.
GEO_PRECISION = {1: "town", 2: "near town or part of region", 3: "region"}


def normalise_text(text: str) -> str:
    """The form of an article's text that its id hashes: NFC, unified whitespace."""
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"\s+", " ", text).strip()


def content_hash(text: str) -> str:
    """Stable 16-hex-digit id of a text: the same story re-ingested gets the same id."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def stable_id(*parts: object, prefix: str = "") -> str:
    """A short deterministic id built from its parts (used for mention and event ids)."""
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return prefix + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


@dataclass
class Segment:
    """A stretch of an article with one function (body, caption, dateline, ...)."""

    kind: str
    start: int
    end: int


@dataclass
class Article:
    """One news report. Only ``text`` is required; ``id`` defaults to the content hash."""

    text: str
    id: str = ""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None
    #: where ``published`` came from: caller, metadata, html, dateline, url, or None when unknown
    published_source: str | None = None
    language: str | None = None
    segments: list[Segment] = field(default_factory=list)
    #: where it was read from ("examples/a.jsonl:3"), for error messages and provenance
    origin: str | None = None
    content_hash: str = ""
    #: what a reader noticed but could live with ("published 'soon' is not a date: left unknown")
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)
        if not self.id:
            self.id = self.content_hash
        self.published = _day_of(self.published)

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]


def _day_of(published: Any) -> dt.date | None:
    """A Python caller's publication date as a day (``parse_date``: a datetime's day, an ISO
    string's date, as JSON gives it); anything else is a ``DateFormatError``."""
    try:
        return parse_date(published)
    except ValueError:
        raise DateFormatError(published) from None


@dataclass
class Evidence:
    """The span of article text that supports one field of a mention."""

    field: str
    start: int
    end: int
    text: str


@dataclass
class Attribution:
    """Someone blamed ``actor`` for an event (``by`` says who did the blaming)."""

    actor: str
    by: str | None = None


@dataclass
class EventFields:
    """Event fields shared by Mention and Event. Unknown is None, never a guess."""

    event_date: dt.date | None = None
    time_precision: int | None = None
    date_range: tuple[dt.date, dt.date] | None = None
    disorder_type: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    claimed_by: list[str] = field(default_factory=list)
    attributed_to: list[Attribution] = field(default_factory=list)
    weapon: str | None = None
    target_facility: str | None = None
    intercepted: bool | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geo_source: str | None = None
    fatalities: int | None = None
    fatalities_reported: list[int] = field(default_factory=list)
    injured: int | None = None
    notes: str | None = None
    plover: dict[str, str] | None = None
    confidence: float | None = None


EVENT_FIELD_NAMES = tuple(f.name for f in dataclasses.fields(EventFields))


@dataclass
class Mention(EventFields):
    """One event as one article reports it, with the evidence for every field it fills."""

    mention_id: str = ""
    article_id: str = ""
    role: str = "main"
    evidence: list[Evidence] = field(default_factory=list)
    #: the names the report gives for this event (keywords.py): reports of one event share them;
    #: one marked "~" (a hospital's, "~stroger") counts among them but ties no reports
    keywords: list[str] = field(default_factory=list)
    #: how many events its article reports in this role: a round-up's main news are several;
    #: de-duplication reads two alike as the story told twice (``dedup.RETOLD_MOST``); 0 when
    #: not known (a mention stored before the count was kept is never read as told twice)
    role_count: int = 0


@dataclass
class Source:
    """One article that reported an event, with the spans that support each field."""

    article_id: str
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    mention_id: str | None = None
    role: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Event(EventFields):
    """A canonical event: one real-world event, every source that reported it."""

    event_id: str = ""
    role: str = "main"
    sources: list[Source] = field(default_factory=list)
    #: where its reports disagree, kept in view rather than settled silently:
    #: ``[{"field": "fatalities", "values": [{"value": 3, "mention_ids": [...]}, ...]}]``
    disagreements: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Aggregate:
    """A count statement: ``count`` ``what`` in ``where`` over ``period``, said by ``source``."""

    count: int
    what: str
    aggregate_id: str = ""
    article_id: str = ""
    qualifier: str | None = None
    where: str | None = None
    period: tuple[dt.date | None, dt.date | None] | None = None
    source: str | None = None
    url: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    role: str = "aggregate"


# --------------------------------------------------------------------------- JSON
_PLAIN = (str, int, float)  # bool is an int


def _jsonable(value: Any) -> Any:
    """Dates as ISO text, records as objects, tuples as lists. A record's fields are walked
    directly: ``dataclasses.asdict`` would deep-copy each value first, only to be walked again
    (on FA-KES, storing took a sixth less time without it). Plain values, most of a record,
    are answered first."""
    if value is None or isinstance(value, _PLAIN):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _jsonable(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


@functools.cache
def _field_names(record_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(record_type))


def event_fields_json(record: EventFields) -> dict[str, Any]:
    return {name: _jsonable(getattr(record, name)) for name in EVENT_FIELD_NAMES}


def event_to_json(event: Event) -> dict[str, Any]:
    """The interchange shape of an event (DESIGN.md "Interchange")."""
    out: dict[str, Any] = {"event_id": event.event_id, "role": event.role}
    out.update(event_fields_json(event))
    out["sources"] = [_jsonable(s) for s in event.sources]
    out["disagreements"] = _jsonable(event.disagreements)
    return out


def aggregate_to_json(agg: Aggregate) -> dict[str, Any]:
    """The interchange shape of a count statement (``role: "aggregate"``)."""
    out = _jsonable(agg)
    out["event_id"] = agg.aggregate_id
    out["sources"] = [{"article_id": agg.article_id, "url": agg.url,
                       "evidence": _jsonable(agg.evidence)}]
    return out


def parse_date(value: Any) -> dt.date | None:
    """ISO date (or datetime) string or date -> date; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _fields_from_json(data: dict[str, Any]) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    for name in EVENT_FIELD_NAMES:
        if name not in data:
            continue
        value = data[name]
        if name == "event_date":
            value = parse_date(value)
        elif name == "date_range" and value:
            value = (parse_date(value[0]), parse_date(value[1]))
        elif name == "attributed_to":
            value = [Attribution(**a) for a in value or []]
        elif name in ("claimed_by", "fatalities_reported"):
            value = list(value or [])
        kwargs[name] = value
    return kwargs


def _evidence_list(items: Any) -> list[Evidence]:
    return [Evidence(**e) for e in items or []]


def event_from_json(data: dict[str, Any]) -> Event:
    """Inverse of ``event_to_json``."""
    sources = [
        Source(**{**s, "published": parse_date(s.get("published")),
                  "evidence": _evidence_list(s.get("evidence"))})
        for s in data.get("sources", [])
    ]
    return Event(event_id=data.get("event_id", ""), role=data.get("role", "main"),
                 sources=sources, disagreements=list(data.get("disagreements") or []),
                 **_fields_from_json(data))


def mention_to_json(mention: Mention) -> dict[str, Any]:
    out = {"mention_id": mention.mention_id, "article_id": mention.article_id,
           "role": mention.role}
    out.update(event_fields_json(mention))
    out["evidence"] = _jsonable(mention.evidence)
    out["keywords"] = list(mention.keywords)
    out["role_count"] = mention.role_count
    return out


def mention_from_json(data: dict[str, Any]) -> Mention:
    return Mention(mention_id=data.get("mention_id", ""), article_id=data.get("article_id", ""),
                   role=data.get("role", "main"), evidence=_evidence_list(data.get("evidence")),
                   keywords=[str(k) for k in data.get("keywords") or []],
                   role_count=int(data.get("role_count") or 0), **_fields_from_json(data))


def aggregate_from_json(data: dict[str, Any]) -> Aggregate:
    period = data.get("period")
    return Aggregate(
        count=int(data["count"]), what=data.get("what", ""),
        aggregate_id=data.get("aggregate_id") or data.get("event_id", ""),
        article_id=data.get("article_id", ""), qualifier=data.get("qualifier"),
        where=data.get("where"), source=data.get("source"), url=data.get("url"),
        period=(parse_date(period[0]), parse_date(period[1])) if period else None,
        evidence=_evidence_list(data.get("evidence")),
    )


def article_to_json(article: Article) -> dict[str, Any]:
    return _jsonable(article)


def article_from_json(data: dict[str, Any]) -> Article:
    segs = [Segment(**s) for s in data.get("segments", [])]
    keep = {f.name for f in dataclasses.fields(Article)} - {"segments", "published"}
    return Article(segments=segs, published=parse_date(data.get("published")),
                   **{k: v for k, v in data.items() if k in keep})
