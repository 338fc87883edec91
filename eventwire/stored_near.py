"""De-duplication's view of a store over one ingest run: the stored events near a date window.

Each batch is de-duplicated against the stored events near its dates (``dedup.deduplicate``
asks for them by date window). Reading them back from the store for every batch was most of
de-duplication's time where a corpus's events share one country and season (FA-KES: 6.6 of
11 s), and most of what it read was what the same run had just written. So ``StoredNear``
keeps, for the run:

- the stored events of every window it read (a window is read from the store once);
- what each batch wrote (``remember``): events made or changed, and the ids merged away, so
  the memory stays what the store holds;
- the scores of the pairs of mentions already compared, so a batch scores only new pairs.

A run that starts on a store with no events (a fresh one, a benchmark's) reads nothing back:
everything the store will hold is what the run wrote and remembered.

The memory is dropped and rebuilt from the store whenever the store's changes feed has moved
past what this run last wrote (another writer changed events in between) and when it holds
more than ``max_mentions`` mentions. What de-duplication sees is therefore always what
reading the store afresh would give; only the time differs.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from .dedup import ArticleMeta, DedupResult, EventCluster, Loader, Scores
from .records import Event, Mention
from .store.base import Store, date_span

#: mentions held in memory at most before it is dropped: about 350 MB, at the 3.4 KB a
#: mention with its share of events that benchmarks/dedup.py measures
MAX_HELD_MENTIONS = 100_000
Window = tuple[dt.date, dt.date]


class StoredNear:
    """The stored events near date windows, kept across one run's batches (module docstring)."""

    def __init__(self, store: Store, max_mentions: int = MAX_HELD_MENTIONS):
        self.store, self.max_mentions = store, max_mentions
        self.seq: int | None = None  # the changes feed's last entry the memory matches
        self._forget()

    def _forget(self) -> None:
        self.held: dict[str, tuple[Window, EventCluster]] = {}
        self.metas: dict[str, ArticleMeta] = {}
        self.loaded: list[Window] = []
        self.scores: Scores = {}
        self.whole = False  # whether the memory holds every event the store has

    def loader(self, new: Iterable[Mention], articles: dict[str, ArticleMeta]) -> Loader:
        """The loader for one batch of ``new`` mentions, asked inside ``store.writing()``; the
        articles cited by each event it serves are added to ``articles``."""
        if self.seq is None or self.seq != self.store.last_change_seq() or self._too_big():
            self._forget()
            # a store with no events yet holds only what this run writes, all of it remembered
            self.whole = self.store.counts().get("events", 0) == 0
        held_ids = {m.mention_id for _, c in self.held.values() for m in c.mentions}
        if any(m.mention_id in held_ids for m in new):  # a stored mention analysed anew
            self.scores = {}

        def load(since: dt.date, until: dt.date) -> list[EventCluster]:
            if not self.whole and not any(a <= since and until <= b for a, b in self.loaded):
                self._read(since, until)
            found = [c for span, c in self.held.values() if span[1] >= since and span[0] <= until]
            for cluster in found:
                for mention in cluster.mentions:
                    articles.setdefault(mention.article_id, self.metas[mention.article_id])
            return found
        return load

    def _too_big(self) -> bool:
        return sum(len(c.mentions) for _, c in self.held.values()) > self.max_mentions

    def _read(self, since: dt.date, until: dt.date) -> None:
        events = self.store.events_near(since, until)
        mentions = self.store.mentions_of_events(e.event_id for e in events)
        for event in events:
            for source in event.sources:
                self.metas.setdefault(source.article_id, ArticleMeta(
                    source.article_id, source.url, source.outlet, source.published))
            self._hold(event, mentions[event.event_id])
        self.loaded.append((since, until))

    def _hold(self, event: Event | None, mentions: list[Mention]) -> None:
        span = date_span(event) if event is not None else None
        if span is not None:
            self.held[event.event_id] = (span, EventCluster(event.event_id, mentions))

    def remember(self, result: DedupResult, articles: dict[str, ArticleMeta]) -> None:
        """What a batch saved (``result``, citing ``articles``), once it is committed."""
        for event_id in result.removed:
            self.held.pop(event_id, None)
        for event_id, cluster in result.clusters.items():
            self.held.pop(event_id, None)
            self._hold(cluster.event, cluster.mentions)
        self.metas.update(articles)
        self.seq = self.store.last_change_seq()
