"""Stage "dedup": mentions from different articles that report one real event become one Event.

How it decides, in three steps:

1. **Blocking.** Two mentions are compared only when they are in the same country (or both
   have none) and their dates lie within ``dedup.max_days_apart`` of each other (one day
   absorbs a story dated by US time and another by local time). So each mention meets only
   its neighbours and the cost grows near-linearly with the corpus.
2. **Scoring a pair** (``pair_scores.similarity``). A pair that contradicts itself is never
   one event: different event type, weapon or target facility, two different named
   perpetrators, or places farther apart than ``dedup.max_km_apart`` (except two reports of
   one day that name one town and share ``STRONG_NAMES`` names not widely named,
   ``named_alike``: the geocoder took two namesakes for one town, or placed one story at its
   outlet's city). Otherwise what agrees adds up:

   =======================  ======
   agreement                weight
   =======================  ======
   same day                 0.30
   day apart                0.15
   in the other's range     0.10
   same place id            0.30
   within 10 km             0.20
   same sub-event type      0.20
   same target facility     0.20
   same weapon              0.10
   same named actor1/2      0.10
   same fatalities figure   0.05
   two or more names shared 0.30
   one name shared          0.15
   names, none shared       -0.40
   =======================  ======

   "In the other's range": one report gives only a range ("in 2014", "last week") that the
   other's date falls in. Such a pair, and a pair where one report is placed nowhere, is
   linked only when the reports share a name or the target facility: neither the date nor
   the place can then tell it from the other events of its kind (the one exception: a report
   dated only to the week up to its publication, in the other's town with the same toll,
   ``_same_toll_in_town``); a report placed only at its outlet's town, more than
   ``max_km_apart`` from the other's place, needs two names (``OUTLET_FAR_NAMES``). Names
   are the report's salient words (``keywords.py``: victims, suspects, streets, ages); an age
   shared counts half a name (``AGE_WEIGHT``: many victims are 17), so "17yo" and one other
   word are one name in common, not two; "none shared" counts only when both reports give at
   least ``MIN_NAMES_TO_DIFFER`` of them.
   Event types must be equal, except that an armed clash and an attack on civilians can be
   one event told two ways (``COMPATIBLE_TYPES``: whether the victims fired back is what
   reports disagree on); the place counts as the same when the gazetteer id is, whether it
   came from the text, the dateline or the story (``dateline:``/``story:`` prefixes).

   ``dedup.threshold`` (0.6) is the one threshold: a pair scoring at least that is *linked*.
   The same base hit by the same weapon on the same day scores 0.30+0.30+0.20+0.10 = 0.90;
   two reports of it a day apart 0.75; two attacks with nothing but the day in common 0.30;
   two shootings in one city on one day whose reports name different people 0.50.

3. **Clustering** (``cluster``). Links between two reports of the same role (two articles'
   main news) are taken first, then the others; within each, strongest first, then the one
   sharing more names, then by mention id. A link joins two groups unless the joined group
   would hold two mentions of one article (a round-up of five attacks stays five events;
   ``_retelling`` says when two are one event the article told twice), dates more than
   ``max_days_apart`` apart (the same base hit on consecutive days twice is two events, even
   through a report in between), two different values of a field that must agree (two
   parts of one city among them: "Chicago - Austin" and "Chicago - Gresham", though a
   city-wide report lies at both), or two reports that name different people.
   This depends only on the set of mentions, never on the order articles arrived in.

Incremental ingest (``deduplicate``) re-clusters only the neighbourhood a batch touches:
stored events whose mentions are linked, directly or through others, to a new mention. The
result equals clustering everything at once. An event keeps its ``event_id`` across ingests:
after a re-cluster each stored id stays with the group holding most of its mentions; a stored
event whose mentions all went elsewhere is removed (the store's changes feed calls it merged),
and a group holding no stored event gets a new id.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .errors import InputError
from .merging import ArticleMeta, canonical_event, is_unspecific
from .pair_scores import (AGREEING_FIELDS, MIN_NAMES_TO_DIFFER,
                          agreeing_value, as_reported, date_span, named_alike, place_id,
                          precise_point, shared_names, similarity, tying)
from .records import Event, Mention, stable_id
from .where.gazetteer import city_part, haversine_km

#: a ranged event ("in 2014", "last month") is compared with reports of the first this many
#: days of its range (a longer one, "since 2011", is too vague to tie to any one report)
MAX_BLOCK_DAYS = 366
#: the block of reports placed in no country
UNPLACED = ""


@dataclass(frozen=True)
class Limits:
    """The settings ``dedup.*``: see the module docstring."""

    max_days: int = 1
    max_km: float = 25.0
    threshold: float = 0.6


@dataclass
class EventCluster:
    """One canonical event's mentions; ``event`` is recomputed from them."""

    event_id: str
    mentions: list[Mention] = field(default_factory=list)
    event: Event | None = None


def event_id_for(mention: Mention) -> str:
    return stable_id(mention.mention_id, prefix="ev")


# ---------------------------------------------------------------------- blocking
def _block_days(mention: Mention) -> list[int]:
    """The days (as ordinals) a mention is filed under: its date, or its range's first
    ``MAX_BLOCK_DAYS``."""
    span = date_span(mention)
    if span is None:
        return []
    first = span[0].toordinal()
    return list(range(first, min(span[1].toordinal(), first + MAX_BLOCK_DAYS) + 1))


class _Blocks:
    """Blocking (module docstring, step 1): which mentions may meet which. Two mentions meet
    when they are of different articles, in the same country (a report placed nowhere meets
    every country's) and their dates lie within ``max_days``; the relation is symmetric."""

    def __init__(self, mentions: list[Mention], max_days: int):
        self.mentions = mentions
        self.articles = [m.article_id for m in mentions]
        self.days = [_block_days(m) for m in mentions]
        self.blocks: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for i, (mention, mention_days) in enumerate(zip(mentions, self.days)):
            for day in mention_days:
                self.blocks[day][mention.country or UNPLACED].append(i)
        self.reach = range(-max_days, max_days + 1)

    def near(self, i: int) -> Iterator[int]:
        """The mentions ``i`` may meet, each once (each block it reaches is read once: the
        days of a range reach mostly the same blocks)."""
        country, article, seen = self.mentions[i].country, self.articles[i], {i}
        for day in sorted({day + step for day in self.days[i] for step in self.reach}):
            for j in _block_of(self.blocks.get(day), country):
                if j not in seen and self.articles[j] != article:
                    seen.add(j)
                    yield j


def candidate_pairs(mentions: list[Mention], max_days: int) -> Iterable[tuple[int, int]]:
    """Index pairs (i < j) of mentions that blocking lets meet."""
    blocks = _Blocks(mentions, max_days)
    for i in range(len(mentions)):
        yield from ((i, j) for j in blocks.near(i) if j > i)


def _block_of(day: dict[str, list[int]] | None, country: str | None) -> Iterable[int]:
    if not day:
        return ()
    if country is None:
        return (j for members in day.values() for j in members)
    return (*day.get(country, ()), *day.get(UNPLACED, ()))


#: a linked pair: (score, index of one mention, index of the other)
Link = tuple[float, int, int]


def links(mentions: list[Mention], limits: Limits) -> list[Link]:
    """Every linked pair as (score, i, j), strongest first, ties by mention id."""
    found = []
    for i, j in candidate_pairs(mentions, limits.max_days):
        score = similarity(mentions[i], mentions[j], limits.max_days, limits.max_km)
        if score is not None and score >= limits.threshold:
            found.append((score, i, j))
    found.sort(key=lambda link: _link_order(link, mentions))
    return found


def _link_order(link: Link, mentions: list[Mention]) -> tuple:
    """Two reports of the same role first (two articles' main news before one's main news and
    the other's side story: an article that retells the shooting a second time, a day off,
    must not take the article's one place in the event before its main report), then
    strongest first, then the pair sharing more names, then by mention id, so the order
    never depends on the input's."""
    score, i, j = link
    a, b = mentions[i], mentions[j]
    ids = sorted((a.mention_id, b.mention_id))
    return a.role != b.role, -score, -shared_names(a, b), ids[0], ids[1]


# ---------------------------------------------------------------------- clustering
@dataclass
class _Group:
    """What a growing group of mentions must stay consistent on."""

    members: list[int]
    #: article id -> the indexes of its mentions in the group
    articles: dict[str, list[int]]
    first: dt.date | None
    last: dt.date | None
    values: dict[str, set[str]]
    points: list[tuple[float, float]]
    #: the names of members that give enough of them to differ
    named: list[set[str]]

    @classmethod
    def of(cls, index: int, mention: Mention) -> "_Group":
        values = {name: {agreeing_value(mention, name)} - {None} for name in AGREEING_FIELDS}
        values["actor1"] = set() if is_unspecific(mention.actor1) else {mention.actor1}
        values["country"] = {mention.country} - {None, ""}
        values["city_part"] = {city_part(mention.geo_source)} - {None}  # "Chicago - Austin"
        point = precise_point(mention)
        day = None if as_reported(mention) else mention.event_date
        named = [set(mention.keywords)] if len(mention.keywords) >= MIN_NAMES_TO_DIFFER else []
        return cls([index], {mention.article_id: [index]}, day, day, values,
                   [point] if point else [], named)

    def can_join(self, other: "_Group", limits: Limits, points: bool = True,
                 retold: Callable[[int, int], bool] = lambda i, j: False) -> bool:
        shared = self.articles.keys() & other.articles.keys()
        if any(not retold(i, j) for article in shared
               for i in self.articles[article] for j in other.articles[article]):
            return False
        days = [d for d in (self.first, self.last, other.first, other.last) if d is not None]
        if days and (max(days) - min(days)).days > limits.max_days:
            return False
        if any(len(self.values[k] | other.values[k]) > 1 for k in self.values):
            return False
        if any(not tying(p & q) for p in self.named for q in other.named):
            return False
        return not points or all(haversine_km(*p, *q) <= limits.max_km
                                 for p in self.points for q in other.points)

    def join(self, other: "_Group") -> None:
        self.members += other.members
        for article, indexes in other.articles.items():
            self.articles.setdefault(article, []).extend(indexes)
        days = [d for d in (self.first, self.last, other.first, other.last) if d is not None]
        self.first, self.last = (min(days), max(days)) if days else (None, None)
        for name, values in other.values.items():
            self.values[name] |= values
        self.points += other.points
        self.named += other.named


def _retelling(mentions: list[Mention], limits: Limits) -> Callable[[int, int], bool]:
    """Whether two mentions of one article are that article telling one event twice (a
    "homicide" in one paragraph and a "shooting" in another that the article's own merging
    kept apart): of one role (two of its main news, not its news and a side story it told as
    another) in an article reporting no third of that role (``RETOLD_MOST``), at one place,
    told alike (``_told_alike``) and linked to each other as two articles' reports would be.
    A round-up's attacks, in different towns or on days apart, stay apart."""
    def retold(i: int, j: int) -> bool:
        a, b = mentions[i], mentions[j]
        if a.role != b.role or not _told_few(a) or not _told_few(b) \
                or place_id(a) is None or place_id(a) != place_id(b) or not _told_alike(a, b):
            return False
        score = similarity(a, b, limits.max_days, limits.max_km)
        return score is not None and score >= limits.threshold
    return retold


#: an article telling more events than this as its news (or as side stories) is a round-up:
#: its events are its news, not one told again
RETOLD_MOST = 2
#: sub-event types one article may tell one event as, in two paragraphs: whether the victims
#: fired back is what a story's own tellings disagree on
RETOLD_TYPES = frozenset({"Attack", "Armed clash"})


def _told_few(mention: Mention) -> bool:
    """Its article reports at most ``RETOLD_MOST`` events of its role (0: not known)."""
    return 0 < mention.role_count <= RETOLD_MOST


def _told_alike(a: Mention, b: Mention) -> bool:
    """Two of an article's events that its own reading tells apart by kind or by whom they
    hit (an attack on the army and one on Islamic State, a town taken and a kidnapping) are
    two events, however alike their day and place."""
    kinds = {a.sub_event_type, b.sub_event_type}
    if len(kinds) > 1 and not kinds <= RETOLD_TYPES:
        return False
    return is_unspecific(a.actor2) or is_unspecific(b.actor2) or a.actor2 == b.actor2


def cluster(mentions: list[Mention], limits: Limits = Limits(),
            linked: list[Link] | None = None) -> list[list[Mention]]:
    """Group mentions into events (module docstring, step 3); each group in mention-id order,
    groups in order of their first mention id. ``linked`` is ``links(mentions, limits)`` when
    the caller has it already."""
    groups = [_Group.of(i, m) for i, m in enumerate(mentions)]
    owner = list(range(len(mentions)))
    retold = _retelling(mentions, limits)
    for _, i, j in links(mentions, limits) if linked is None else linked:
        gi, gj = owner[i], owner[j]
        if gi == gj or not groups[gi].can_join(groups[gj], limits, retold=retold,
                                               points=not named_alike(mentions[i], mentions[j])):
            continue
        if len(groups[gi].members) < len(groups[gj].members):
            gi, gj = gj, gi
        groups[gi].join(groups[gj])
        for k in groups[gj].members:
            owner[k] = gi
    found = [sorted((mentions[k] for k in g.members), key=lambda m: m.mention_id)
             for n, g in enumerate(groups) if owner[g.members[0]] == n]
    return sorted(found, key=lambda members: members[0].mention_id)


# ---------------------------------------------------------------------- incremental
#: loads the stored events (with their mentions) whose dates touch [since, until]
Loader = Callable[[dt.date, dt.date], Iterable[EventCluster]]
#: pair scores by mention ids (None: the pair cannot be one event), kept between passes
Scores = dict[tuple[str, str], "float | None"]


@dataclass
class DedupResult:
    """What a batch did to the events: the ones to save (new or re-computed; the store skips
    those that did not really change) and the stored ids that no longer name an event."""

    events: list[Event]
    removed: list[str]
    clusters: dict[str, EventCluster]

    def changed_events(self) -> list[Event]:
        return self.events


def _windows(mentions: Iterable[Mention], pad: int) -> list[tuple[dt.date, dt.date]]:
    """Merged date windows around every mention (a scattered batch loads a few small windows,
    not the years between them)."""
    spans = sorted((s[0] - dt.timedelta(days=pad),
                    min(s[1], s[0] + dt.timedelta(days=MAX_BLOCK_DAYS)) + dt.timedelta(days=pad))
                   for s in map(date_span, mentions) if s is not None)
    merged: list[tuple[dt.date, dt.date]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + dt.timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _covered(windows: list[tuple[dt.date, dt.date]], loaded: list[tuple[dt.date, dt.date]]) -> bool:
    return all(any(a <= s and e <= b for a, b in loaded) for s, e in windows)


class _Neighbourhood:
    """The new mentions, the stored events near them, and which of those a batch touches."""

    def __init__(self, mentions: list[Mention], load: Loader, limits: Limits, scores: Scores):
        self.new = {m.mention_id: m for m in mentions}
        self.load, self.limits = load, limits
        self.stored: dict[str, EventCluster] = {}
        self.loaded: list[tuple[dt.date, dt.date]] = []
        self.scores = scores

    def _load(self, windows: list[tuple[dt.date, dt.date]]) -> None:
        for since, until in windows:
            if not _covered([(since, until)], self.loaded):
                for found in self.load(since, until):
                    self.stored.setdefault(found.event_id, found)
                self.loaded.append((since, until))

    def pool(self) -> tuple[list[Mention], dict[str, str]]:
        """Every mention in reach (stored ones first replaced by a new copy) and its owner."""
        owner = {m.mention_id: c.event_id for c in self.stored.values() for m in c.mentions}
        mentions = {m.mention_id: m for c in self.stored.values() for m in c.mentions}
        mentions.update(self.new)
        return sorted(mentions.values(), key=lambda m: m.mention_id), owner

    def touched(self) -> tuple[list[Mention], list[Link], dict[str, str]]:
        """The mentions linked (directly, through others or by a stored event) to a new one,
        with their links; loads more stored events until the neighbourhood is closed."""
        pad = self.limits.max_days + 1
        self._load(_windows(self.new.values(), pad))
        while True:
            mentions, owner = self.pool()
            reached, linked = _linked_neighbourhood(mentions, owner, set(self.new), self.limits,
                                                    self.scores)
            windows = _windows((mentions[i] for i in reached), pad)
            if _covered(windows, self.loaded):
                return _restricted(mentions, linked, reached) + (owner,)
            self._load(windows)


def _restricted(mentions: list[Mention], linked: list[Link],
                keep: list[int]) -> tuple[list[Mention], list[Link]]:
    """The kept mentions and the links among them, renumbered (the order of links stays)."""
    index = {old: new for new, old in enumerate(keep)}
    return ([mentions[i] for i in keep],
            [(score, index[i], index[j]) for score, i, j in linked if i in index and j in index])


def _linked_neighbourhood(mentions: list[Mention], owner: dict[str, str], start: set[str],
                          limits: Limits, scores: dict[tuple[str, str], float | None]
                          ) -> tuple[list[int], list[Link]]:
    """The mentions connected to ``start`` by links or by sharing a stored event, and every
    link among them, strongest first. Pairs are scored only from a mention reached, so a batch
    costs what its neighbourhood holds, not every pair of the stored events in its dates;
    ``scores`` (by mention ids) keeps them for the next, wider pass over the same mentions."""
    blocks, scored = _Blocks(mentions, limits.max_days), {}
    by_event: dict[str, list[int]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        if mention.mention_id in owner:
            by_event[owner[mention.mention_id]].append(i)
    todo = [i for i, m in enumerate(mentions) if m.mention_id in start]
    seen = set(todo)
    while todo:
        i = todo.pop()
        mates = set(by_event.get(owner.get(mentions[i].mention_id, ""), ()))
        for j in blocks.near(i):
            pair = (i, j) if i < j else (j, i)
            if pair not in scored:
                a, b = mentions[pair[0]], mentions[pair[1]]
                ids = (a.mention_id, b.mention_id)
                if ids not in scores:
                    scores[ids] = similarity(a, b, limits.max_days, limits.max_km)
                scored[pair] = scores[ids]
            if scored[pair] is not None and scored[pair] >= limits.threshold:
                mates.add(j)
        for j in mates - seen:
            seen.add(j)
            todo.append(j)
    linked = [(score, i, j) for (i, j), score in scored.items()
              if score is not None and score >= limits.threshold]
    linked.sort(key=lambda link: _link_order(link, mentions))
    return sorted(seen), linked


def _assign_ids(groups: list[list[Mention]], owner: dict[str, str]) -> tuple[list[str], list[str]]:
    """An id per group (stored ids stay with the group holding most of their mentions) and the
    stored ids left over."""
    best: dict[str, tuple[int, str, int]] = {}
    for n, group in enumerate(groups):
        counts: dict[str, int] = defaultdict(int)
        for mention in group:
            if mention.mention_id in owner:
                counts[owner[mention.mention_id]] += 1
        for event_id, count in counts.items():
            rank = (-count, group[0].mention_id, n)
            if event_id not in best or rank < best[event_id]:
                best[event_id] = rank
    kept: dict[int, str] = {}
    for event_id, (count, _, n) in sorted(best.items(), key=lambda kv: (kv[1][0], kv[0])):
        kept.setdefault(n, event_id)
    taken = set(owner.values())
    ids = []
    for n, group in enumerate(groups):
        event_id = kept.get(n) or _fresh_id(group, taken)
        taken.add(event_id)
        ids.append(event_id)
    return ids, sorted(set(best) - set(ids))


def _fresh_id(group: list[Mention], taken: set[str]) -> str:
    first = min(group, key=lambda m: (date_span(m) or (dt.date.max,), m.mention_id))
    event_id = event_id_for(first)
    if event_id in taken:
        event_id = stable_id(*sorted(m.mention_id for m in group), prefix="ev")
    return event_id


def _no_stored(since: dt.date, until: dt.date) -> list[EventCluster]:
    return []


def deduplicate(mentions: list[Mention], articles: dict[str, ArticleMeta],
                existing: Iterable[EventCluster] | Loader = _no_stored,
                limits: Limits = Limits(), scores: Scores | None = None) -> DedupResult:
    """Cluster new ``mentions`` together with the stored events near them (``existing``: a
    loader by date window, or every stored cluster); see the module docstring. ``scores``
    holds pairs scored before under the same ``limits`` (by a caller that keeps them from
    batch to batch) and gets the pairs scored now."""
    _check_unique_ids(mentions)
    load = existing if callable(existing) else _in_memory(list(existing))
    scores = {} if scores is None else scores
    reached, linked, owner = _Neighbourhood(mentions, load, limits, scores).touched()
    groups = cluster(reached, limits, linked)
    ids, removed = _assign_ids(groups, owner)
    clusters = {}  # an undated mention meets nobody: it is an event of its own
    for event_id, group in zip(ids, groups):
        clusters[event_id] = EventCluster(event_id, group, canonical_event(event_id, group, articles))
    events = [clusters[i].event for i in sorted(clusters)]
    return DedupResult([e for e in events if e is not None], removed, clusters)


def _check_unique_ids(mentions: list[Mention]) -> None:
    """Mentions are keyed by id from here on: two sharing one would silently become one."""
    seen: set[str] = set()
    for mention in mentions:
        if mention.mention_id in seen:
            raise InputError(f"mention id {mention.mention_id!r} is given to two mentions")
        seen.add(mention.mention_id)


def _in_memory(stored: list[EventCluster]) -> Loader:
    def load(since: dt.date, until: dt.date) -> list[EventCluster]:
        return [c for c in stored if _touches(c, since, until)]
    return load


def _touches(stored: EventCluster, since: dt.date, until: dt.date) -> bool:
    spans = [s for s in map(date_span, stored.mentions) if s is not None]
    return any(s[1] >= since and s[0] <= until for s in spans)
