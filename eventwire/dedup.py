"""Stage "dedup": mentions from different articles that report one real event become one Event.

Blocking keeps the cost near-linear: a mention is compared only with events whose dates lie
within ``dedup.max_days_apart`` of its own (one day absorbs a US-time versus local-time
dateline). A candidate pair is first checked for contradictions (different event type, weapon,
country or target facility, places farther apart than ``dedup.max_km_apart``, two different
named perpetrators); a pair that survives is scored on what agrees, and joins when the score
reaches ``dedup.threshold``:

=======================  ======
agreement                weight
=======================  ======
same day                 0.30
day apart                0.15
same place id            0.30
within 10 km             0.20
same sub-event type      0.20
same target facility     0.20
same weapon              0.10
same named actor1/2      0.10
same fatalities figure   0.05
=======================  ======

So the same base hit by the same weapon on the same day (0.30+0.30+0.20+0.10 = 0.90) is one
event, and so are two reports of it a day apart (0.75). A known limit: the same base hit by the
same weapon on two consecutive days also scores 0.75, so only a difference in what the reports
say (weapon, perpetrator, figures) keeps those apart.

A canonical event is recomputed from all its mentions (``merging.py`` rules), so it does not
depend on the order articles arrived in; its ``event_id`` is that of its first mention and
survives later ingests.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable

from .merging import is_unidentified, is_unspecific, merge_event_fields
from .records import Article, Event, Mention, Source, stable_id
from .where.gazetteer import haversine_km

ROLE_RANK = {"main": 0, "secondary": 1, "background": 2}
WEIGHTS = {"same_day": 0.30, "day_apart": 0.15, "same_place": 0.30, "near_place": 0.20,
           "same_sub_type": 0.20, "same_facility": 0.20, "same_weapon": 0.10,
           "same_actor": 0.10, "same_fatalities": 0.05}
NEAR_KM = 10.0
#: a ranged event is indexed under at most this many days from its start (blocking stays cheap)
MAX_BLOCK_DAYS = 31


@dataclass
class ArticleMeta:
    """What an event's source list shows about an article."""

    article_id: str
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None

    @classmethod
    def of(cls, article: Article) -> "ArticleMeta":
        return cls(article.id, article.url, article.outlet, article.published)


@dataclass
class EventCluster:
    """One canonical event's mentions; ``event`` is recomputed from them."""

    event_id: str
    mentions: list[Mention] = field(default_factory=list)
    event: Event | None = None


def event_id_for(mention: Mention) -> str:
    return stable_id(mention.mention_id, prefix="ev")


def canonical_event(event_id: str, mentions: list[Mention],
                    articles: dict[str, ArticleMeta]) -> Event:
    """Fold mentions into one event: most precise place and date, lowest fatalities, every
    claim and source (order-independent: mentions are sorted first)."""
    ordered = sorted(mentions, key=lambda m: (ROLE_RANK.get(m.role, 3), m.geo_precision or 9,
                                              m.time_precision or 9, m.mention_id))
    event = Event(event_id=event_id, role=ordered[0].role)
    for mention in ordered:
        merge_event_fields(event, mention)
        meta = articles.get(mention.article_id, ArticleMeta(mention.article_id))
        event.sources.append(Source(meta.article_id, meta.url, meta.outlet, meta.published,
                                    mention.mention_id, mention.role, list(mention.evidence)))
    if event.fatalities is None:
        event.fatalities = 0  # ACLED: the lowest reported figure, 0 when none is reported
    event.notes = ordered[0].notes
    event.confidence = round(1 - 0.5 ** len({s.article_id for s in event.sources}), 3)
    return event


def _dates(event: Event | Mention) -> tuple[dt.date, dt.date] | None:
    if event.event_date:
        return event.event_date, event.event_date
    return event.date_range


def _contradicts(a: Event | Mention, b: Event | Mention, max_km: float) -> bool:
    if a.event_type and b.event_type and a.event_type != b.event_type:
        return True
    if a.weapon and b.weapon and a.weapon != b.weapon:
        return True
    if a.country and b.country and a.country != b.country:
        return True
    if a.target_facility and b.target_facility and a.target_facility != b.target_facility:
        return True
    if not is_unspecific(a.actor1) and not is_unspecific(b.actor1) and a.actor1 != b.actor1:
        return True
    if None not in (a.latitude, b.latitude) and max(a.geo_precision or 3, b.geo_precision or 3) < 3:
        return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) > max_km
    return False


def similarity(a: Event | Mention, b: Event | Mention, max_days: int, max_km: float) -> float | None:
    """Score of agreement (module docstring), or None when the two cannot be one event."""
    da, db = _dates(a), _dates(b)
    if da is None or db is None:
        return None
    gap = max(0, (max(da[0], db[0]) - min(da[1], db[1])).days)
    if gap > max_days or _contradicts(a, b, max_km):
        return None
    score = WEIGHTS["same_day"] if gap == 0 else WEIGHTS["day_apart"]
    if a.geo_source and a.geo_source == b.geo_source:
        score += WEIGHTS["same_place"]
    elif None not in (a.latitude, b.latitude) and haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= NEAR_KM:
        score += WEIGHTS["near_place"]
    score += WEIGHTS["same_sub_type"] * (a.sub_event_type is not None and a.sub_event_type == b.sub_event_type)
    score += WEIGHTS["same_facility"] * bool(a.target_facility and a.target_facility == b.target_facility)
    score += WEIGHTS["same_weapon"] * bool(a.weapon and a.weapon == b.weapon)
    actors = {a.actor1, a.actor2} & {b.actor1, b.actor2} - {None}
    score += WEIGHTS["same_actor"] * any(not is_unidentified(x) for x in actors)
    score += WEIGHTS["same_fatalities"] * bool(a.fatalities and a.fatalities == b.fatalities)
    return round(score, 3)


class Deduplicator:
    """Assigns new mentions to existing or new event clusters, blocking by day."""

    def __init__(self, clusters: Iterable[EventCluster], articles: dict[str, ArticleMeta],
                 max_days: int = 1, max_km: float = 25.0, threshold: float = 0.6):
        self.clusters = {c.event_id: c for c in clusters}
        self.articles = articles
        self.max_days, self.max_km, self.threshold = max_days, max_km, threshold
        self.touched: set[str] = set()
        self.by_day: dict[dt.date, set[str]] = {}

    def _refresh(self, cluster: EventCluster) -> None:
        cluster.event = canonical_event(cluster.event_id, cluster.mentions, self.articles)
        span = _dates(cluster.event)
        if span is not None:
            last = min(span[1], span[0] + dt.timedelta(days=MAX_BLOCK_DAYS))
            for offset in range((last - span[0]).days + 1):
                self.by_day.setdefault(span[0] + dt.timedelta(days=offset), set()).add(cluster.event_id)

    def _candidates(self, mention: Mention) -> set[str]:
        span = _dates(mention)
        if span is None:
            return set()
        first = span[0] - dt.timedelta(days=self.max_days)
        last = min(span[1], span[0] + dt.timedelta(days=MAX_BLOCK_DAYS)) + dt.timedelta(days=self.max_days)
        found: set[str] = set()
        for offset in range((last - first).days + 1):
            found |= self.by_day.get(first + dt.timedelta(days=offset), set())
        return found

    def _best(self, mention: Mention) -> EventCluster | None:
        best, best_score = None, self.threshold
        for event_id in sorted(self._candidates(mention)):
            cluster = self.clusters[event_id]
            if any(m.article_id == mention.article_id for m in cluster.mentions):
                continue
            assert cluster.event is not None
            score = similarity(cluster.event, mention, self.max_days, self.max_km)
            if score is not None and score >= best_score:
                best, best_score = cluster, score
        return best

    def add(self, mention: Mention) -> str:
        """Place one mention; returns the id of the event it joined or founded."""
        cluster = self._best(mention)
        if cluster is None:
            cluster = EventCluster(event_id_for(mention))
            self.clusters[cluster.event_id] = cluster
        if all(m.mention_id != mention.mention_id for m in cluster.mentions):
            cluster.mentions.append(mention)
        self._refresh(cluster)
        self.touched.add(cluster.event_id)
        return cluster.event_id

    def changed_events(self) -> list[Event]:
        return [self.clusters[i].event for i in sorted(self.touched) if self.clusters[i].event]


def deduplicate(mentions: list[Mention], articles: dict[str, ArticleMeta],
                existing: Iterable[EventCluster] = (), **limits) -> Deduplicator:
    """Cluster ``mentions`` (in date order) into ``existing`` events; see ``Deduplicator``."""
    dedup = Deduplicator(existing, articles, **limits)
    for cluster in dedup.clusters.values():
        dedup._refresh(cluster)
    for mention in sorted(mentions, key=lambda m: (m.event_date or dt.date.min, m.mention_id)):
        dedup.add(mention)
    return dedup
