"""Roles of the events one article reports: its news (``main``), other recent events
(``secondary``), older events and photo captions (``background``).

* background: reported only in photo captions; known only to a range ("has launched several
  strikes"); dated more than ``recent_days`` before publication; or told in passing, in a
  clause about the people of another event ("families of men who were killed ... protested").
  The crime a follow-up story's headline names ("No charges for officer who shot passenger")
  is main however old: the story is about it;
* main: reported in the title, standfirst or lede (the first body paragraph) and dated within
  ``main_window_days`` of the newest such event; if no event qualifies, the newest events are.
  A main event the lede places in countries only ("air strikes on targets in Iraq and Syria")
  is told in detail further down: the events of its kind and day in those countries ("the
  strikes hit positions near Al-Qaim") are main too, and where they cover every one of its
  countries the broad event is their sum, no event of its own (``told_in_detail_only``: ACLED
  codes one event per location);
* secondary: everything else.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .document import Document

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable, Set as AbstractSet

    from .document import Frame
    from .mentions import Cluster

HEADLINE_SEGMENTS = ("title", "standfirst")
#: how far from its trigger a place the sentence only names lies (``frame_places.py``): such
#: a place ("... after a drone attack killed three soldiers in Jordan") is not where the lede
#: places its event
SENTENCE_DISTANCE = 3
#: clauses that tell of an event in passing, about someone in another event: "men who were
#: killed" (not a participle: "a drone launched from Yemen" is what was shot down)
PASSING_CLAUSES = ("relcl",)


def lede_sentences(document: Document) -> set[int]:
    """Sentence indices of the title, standfirst and first body paragraph."""
    lede: set[int] = set()
    first_body = None
    for sentence in document.sentences:
        if sentence.segment in HEADLINE_SEGMENTS:
            lede.add(sentence.index)
        elif sentence.segment == "body":
            first_body = sentence.paragraph if first_body is None else first_body
            if sentence.paragraph == first_body:
                lede.add(sentence.index)
    return lede


def _reference_day(document: Document, clusters: "list[Cluster]") -> dt.date | None:
    if document.published is not None:
        return document.published
    dates = [c.merged.event_date for c in clusters if c.merged.event_date]
    return max(dates) if dates else None


def _is_background(cluster: "Cluster", reference: dt.date | None, recent_days: int) -> bool:
    frame = cluster.merged
    if cluster.segments <= {"caption"} or (frame.event_date is None and frame.date_range):
        return True
    if reference is not None and frame.event_date is not None:
        return (reference - frame.event_date).days > recent_days
    return False


def _told_in_passing(cluster: "Cluster", clusters: "list[Cluster]", document: Document) -> bool:
    """"the families of two men who were killed in a shooting held a vigil": an event told in
    a clause about the people of another event of its sentence is not news of its own."""
    for frame in cluster.frames:
        token = document.trigger_token(frame)
        clause = next((a for a in (token, *token.ancestors) if a.dep_ in PASSING_CLAUSES),
                      None) if token is not None else None
        if clause is None:
            return False
        governor = next((a for a in clause.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
        others = [document.trigger_token(f) for c in clusters if c is not cluster
                  for f in c.frames if f.sentence == frame.sentence]
        if governor is None or not any(o is not None and o not in clause.subtree
                                       and (governor in (o, o.head) or governor.head == o)
                                       for o in others):
            return False  # the other event's trigger is the verb the people belong to, its
    return True           # object ("held a vigil"), or what that verb is the purpose of


def _newest_told(frames: "Iterable[Frame]") -> dt.date | None:
    """The newest date the text gives its events; a date carried over from an earlier sentence
    ("An autopsy is scheduled for Tuesday. The circumstances of this shooting ...") counts only
    when no event has one of its own."""
    dated = [f for f in frames if f.event_date]
    own = [f.event_date for f in dated if not f.date_inherited]
    return max(own or [f.event_date for f in dated], default=None)


def assign_roles(document: Document, clusters: "list[Cluster]", recent_days: int,
                 main_window_days: int, subjects: "AbstractSet[int]" = frozenset()) -> list[str]:
    """A role per cluster (module docstring). ``subjects`` are the clusters a follow-up story
    is about ("No charges for officer who shot passenger"): the crime its headline names is
    its news however long ago it was, as the charge or the vigil is."""
    reference = _reference_day(document, clusters)
    roles = ["background" if (_is_background(c, reference, recent_days) and i not in subjects)
             or _told_in_passing(c, clusters, document) else "secondary"
             for i, c in enumerate(clusters)]
    for i in subjects:
        if roles[i] != "background":  # told in passing stays so
            roles[i] = "main"
    lede = lede_sentences(document)
    current = [i for i, r in enumerate(roles) if r != "background"]
    in_lede = [i for i in current if clusters[i].sentences & lede]
    newest = _newest_told(clusters[i].merged for i in in_lede)
    for i in in_lede:
        day = clusters[i].merged.event_date
        if newest is None or day is None or (newest - day).days <= main_window_days:
            roles[i] = "main"
    if current and "main" not in roles:
        days = [clusters[i].merged.event_date for i in current if clusters[i].merged.event_date]
        newest = max(days) if days else None
        for i in current:
            if clusters[i].merged.event_date == newest:
                roles[i] = "main"
    for i in _told_in_detail(clusters, roles, lede):
        roles[i] = "main"
    return roles


def told_in_detail_only(clusters: "list[Cluster]", roles: list[str],
                        document: Document) -> set[int]:
    """Main events the lede places in countries only that the story tells in detail in every
    one of them (module docstring): the sum of those events, no event of its own."""
    broad = _broad_events(clusters, roles, lede_sentences(document))
    return {i for i, countries in broad.items()
            if countries <= {d.merged.country for j, (d, role) in enumerate(zip(clusters, roles))
                             if role == "main" and j not in broad and _alike(d, clusters[i])}}


def _alike(cluster: "Cluster", other: "Cluster") -> bool:
    """Of one sub-type, on one day."""
    return (cluster.merged.sub_event_type, cluster.merged.event_date) \
        == (other.merged.sub_event_type, other.merged.event_date)


def _told_in_detail(clusters: "list[Cluster]", roles: list[str], lede: set[int]) -> list[int]:
    """Secondary events that tell in detail a main event the lede places in countries only:
    of its sub-type, on its day, in one of its countries (module docstring)."""
    broad = _broad_events(clusters, roles, lede)
    return [i for i, (c, role) in enumerate(zip(clusters, roles)) if role == "secondary"
            and any(_alike(c, clusters[j]) and c.merged.country in countries
                    for j, countries in broad.items())]


def _broad_events(clusters: "list[Cluster]", roles: list[str], lede: set[int]) -> dict[int, set[str]]:
    """Main events the lede places in countries only, by index, with those countries."""
    return {i: countries for i, (c, role) in enumerate(zip(clusters, roles))
            if role == "main" and (countries := _countries_only(c, lede))}


def _countries_only(cluster: "Cluster", lede: set[int]) -> set[str]:
    """The countries the lede places the cluster in, when it names no place finer."""
    places = [ref.place for frame in cluster.frames if frame.sentence in lede
              for ref in frame.place_refs
              if ref.place is not None and ref.distance < SENTENCE_DISTANCE]
    if places and all(p.kind == "country" for p in places):
        return {p.country for p in places}
    return set()
