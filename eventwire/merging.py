"""How two readings of one event combine: the merge rules, used within an article (frames) and
across articles (mentions into a canonical event).

* a field one reading leaves unknown is taken from the other;
* a named perpetrator beats "Unidentified Armed Group (...)", a named weapon ("gun") beats
  one named only as a weapon ("arms");
* the more precise place wins (lower ACLED geo_precision), and so does the more precise date
  (lower time_precision; a date the text gives beats one carried over from a previous sentence);
* fatalities follow ACLED: every reported figure is kept in ``fatalities_reported``, the lowest
  is ``fatalities``; injured likewise keeps the lowest figure;
* claims and attributions accumulate.

``canonical_event`` folds the mentions of one event from many articles into the event by these
rules, in an order of its own (so arrival order never matters), and records where the reports
disagree.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .actors import interaction_code
from .records import Article, Event, EventFields, Mention, Source

ROLE_RANK = {"main": 0, "secondary": 1, "background": 2}
#: fields whose different values across one event's reports are recorded on the event
DISAGREEING_FIELDS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2",
                      "location", "fatalities", "injured")

UNIDENTIFIED_PREFIX = "Unidentified"
FILL_FIELDS = ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
               "target_facility", "intercepted", "civilian_targeting", "weapon",
               "event_type", "sub_event_type", "disorder_type", "plover")
PLACE_FIELDS = ("country", "admin1", "admin2", "location", "latitude", "longitude",
                "geo_precision", "geo_source")
DATE_FIELDS = ("event_date", "time_precision", "date_range")


#: weapon codes that name no kind of weapon ("fired a weapon", "arms"): they cannot contradict
#: a named weapon ("gun"), and a named one is the event's weapon before them
UNSPECIFIC_WEAPONS = frozenset({"arms"})


def specific_weapons(weapons: "list[str] | tuple[str, ...]") -> list[str]:
    """The weapons that say what kind of weapon was used."""
    return [w for w in weapons if w not in UNSPECIFIC_WEAPONS]


def is_unidentified(actor: str | None) -> bool:
    return not actor or actor.startswith(UNIDENTIFIED_PREFIX)


def is_unspecific(actor: str | None) -> bool:
    """Unknown, or a description rather than a name ("Militia (Pro-Iran)", "Civilians (Iraq)"):
    it cannot contradict a named actor."""
    return is_unidentified(actor) or "(" in (actor or "")


def _copy_fields(into: EventFields, other: EventFields, names: tuple[str, ...]) -> None:
    for name in names:
        setattr(into, name, getattr(other, name))


def copy_place(into: EventFields, other: EventFields) -> None:
    """Give ``into`` the place ``other`` has, every place field together."""
    _copy_fields(into, other, PLACE_FIELDS)


#: gazetteer id prefixes from the most to the least specific kind of place
SOURCE_SPECIFICITY = ("fac:", "ap:", "gn:", "adm2:", "adm1:", "cc:")


def _specificity(source: str | None) -> int:
    return next((i for i, p in enumerate(SOURCE_SPECIFICITY) if (source or "").startswith(p)),
                len(SOURCE_SPECIFICITY))


def better_place(into: EventFields, other: EventFields) -> bool:
    """Lower ACLED geo_precision wins; at equal precision, a facility beats a town."""
    if other.geo_precision is None:
        return False
    if into.geo_precision is None:
        return True
    return (other.geo_precision, _specificity(other.geo_source)) < (
        into.geo_precision, _specificity(into.geo_source))


def better_date(into: EventFields, other: EventFields) -> bool:
    if other.event_date is None:
        return False
    if into.event_date is None:
        return True
    return (other.time_precision or 9) < (into.time_precision or 9)


def merge_event_fields(into: EventFields, other: EventFields, *, place: bool = True,
                       date: bool = True) -> None:
    """Give ``into`` what ``other`` knows, by the rules in the module docstring."""
    for name in FILL_FIELDS:
        if getattr(into, name) in (None, "") and getattr(other, name) not in (None, ""):
            setattr(into, name, getattr(other, name))
    if is_unidentified(into.actor1) and not is_unidentified(other.actor1):
        into.actor1, into.inter1 = other.actor1, other.inter1
    if into.weapon in UNSPECIFIC_WEAPONS and other.weapon and other.weapon not in UNSPECIFIC_WEAPONS:
        into.weapon = other.weapon
    if place and better_place(into, other):
        copy_place(into, other)
    if date and better_date(into, other):
        _copy_fields(into, other, DATE_FIELDS)
    into.claimed_by += [c for c in other.claimed_by if c not in into.claimed_by]
    into.attributed_to += [a for a in other.attributed_to if a not in into.attributed_to]
    into.fatalities_reported += [v for v in other.fatalities_reported
                                 if v not in into.fatalities_reported]
    if into.fatalities_reported:
        into.fatalities = min(into.fatalities_reported)
    into.interaction = interaction_code(into.inter1, into.inter2)
    if other.injured is not None:
        into.injured = other.injured if into.injured is None else min(into.injured, other.injured)


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
    event.disagreements = disagreements(ordered)
    event.notes = ordered[0].notes
    event.confidence = round(1 - 0.5 ** len({s.article_id for s in event.sources}), 3)
    return event


def disagreements(mentions: list[Mention]) -> list[dict]:
    """The fields on which the reports of one event give different values, and who said what
    (the canonical event shows one value; an analyst can see the others)."""
    found = []
    for name in DISAGREEING_FIELDS:
        said: dict[str, list[str]] = {}
        for mention in mentions:
            value = getattr(mention, name)
            if value not in (None, ""):
                said.setdefault(str(value), []).append(mention.mention_id)
        if len(said) > 1:
            found.append({"field": name, "values": [{"value": v, "mention_ids": sorted(ids)}
                                                     for v, ids in sorted(said.items())]})
    return found
