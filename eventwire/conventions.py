"""ACLED's conventions for a whole event, once its reports in one article are merged (stage
"mentions"): who is actor 1 when a claim, an interception, a crowd or nobody is named, and
the date of news that gives none of its own ("as reported"). ``mentions.build_mentions``
applies them to each merged event in turn.
"""
from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING

from .actors import STATE_KINDS, ActorTable, event_inter, interaction_code
from .document import Document, Frame
from .extractors.casualties import VIOLENT_CLASSES
from .extractors.lexicon import load_lexicon
from .merging import is_unidentified
from .roles import HEADLINE_SEGMENTS

if TYPE_CHECKING:  # pragma: no cover
    from .mentions import Cluster

#: event type -> the generic noun ACLED names its crowd actor with ("Protesters (Morocco)")
CROWD_NOUNS = {"Protests": "protesters", "Riots": "rioters"}
#: ACLED time precision of an event dated only by the report ("as reported"): within a week
AS_REPORTED_PRECISION = 2
#: ACLED time precision of the undated crime of a follow-up story, dated "as reported" too: the
#: date is an estimate within months (``date_as_reported``)
FOLLOW_UP_PRECISION = 3
#: inter codes of state forces (military, police): at a protest they are actor 2
STATE_INTER = (1, 8)


def claimant_is_perpetrator(frame: Frame, actors: ActorTable) -> None:
    """ACLED codes the claimed perpetrator as actor1 unless the text names another actor."""
    if frame.claimed_by and (is_unidentified(frame.actor1) or "(" in (frame.actor1 or "")):
        claimant = actors.lookup(frame.claimed_by[0])
        if claimant is not None:
            frame.actor1, frame.inter1 = claimant.name, event_inter(claimant, frame.country)
            frame.interaction = interaction_code(frame.inter1, frame.inter2)


def unnamed_interceptor(frame: Frame, document: Document, actors: ActorTable) -> None:
    """"Hamas fired rockets toward Ashdod; some were intercepted": an interception the story
    tells without its interceptor is the defending state's (the forces of the country it
    happened in), and whoever launched what was intercepted is actor2."""
    passive = [f for f in document.frames if f.event_class == "intercept" and f.agent is None]
    if not frame.intercepted or not actors.country(frame.country or "") or not passive \
            or _defends(frame, actors):
        return
    defender = actors.state_forces(frame.country)
    if frame.actor1 and frame.actor2 is None:
        frame.actor2, frame.inter2 = frame.actor1, frame.inter1
    frame.actor1, frame.inter1 = defender.name, event_inter(defender, frame.country)
    frame.interaction = interaction_code(frame.inter1, frame.inter2)


def _defends(frame: Frame, actors: ActorTable) -> bool:
    """Whether actor1 is already a state actor of the country the event happened in."""
    actor = actors.lookup(frame.actor1) if frame.actor1 else None
    return actor is not None and actor.kind in STATE_KINDS and actor.country == frame.country


def crowd_and_unknown_actors(frame: Frame, actors: ActorTable) -> None:
    """ACLED's conventions once the type is known: a protest's actor1 is Protesters (<country
    of the event>) and a riot's Rioters (<the rioters' own country, else the event's>), the
    named group moving to assoc_actor_1;
    an unknown perpetrator is Unidentified Armed Group (<country of the event>)."""
    noun = CROWD_NOUNS.get(frame.event_type or "")
    known = actors.lookup(frame.actor1) if frame.actor1 and frame.event_type == "Riots" else None
    home = known.country if known is not None and known.country else frame.country  # settlers: Israel
    crowd = actors.generic(noun, home) if noun and home else None
    if crowd is not None and frame.actor1 != crowd.name:
        if frame.inter1 in STATE_INTER and frame.actor2 is None:  # police acting: actor 2
            frame.actor2, frame.inter2 = frame.actor1, frame.inter1
        elif frame.actor1 and "(" not in frame.actor1:  # a named group: associated
            frame.assoc_actor_1 = "; ".join(a for a in (frame.actor1, frame.assoc_actor_1) if a)
        frame.actor1, frame.inter1 = crowd.name, crowd.inter
    elif is_unidentified(frame.actor1) and "(" not in (frame.actor1 or "(") and frame.country:
        unknown = actors.unidentified_armed_group(frame.country)
        frame.actor1, frame.inter1 = unknown.name, unknown.inter
    frame.interaction = interaction_code(frame.inter1, frame.inter2)


#: sub-event types done with a state's weapons, whose unnamed perpetrator a story's one state
#: attacker may be (``story_state_attacker``)
STATE_WEAPON_SUB_TYPES = frozenset(("Air/drone strike", "Shelling/artillery/missile attack"))


def story_state_attacker(events: list[Frame], actors: ActorTable) -> None:
    """"Russian drones and missiles kill six in Kharkiv ... On Thursday, a drone strike on
    the city killed four": a strike or shelling the story tells without its perpetrator is by
    the one state whose forces carry out every strike and shelling it names a perpetrator for;
    a story that names two (Israel's army shelling, Hezbollah firing rockets) leaves it
    unidentified."""
    named = [e for e in events if e.sub_event_type in STATE_WEAPON_SUB_TYPES
             and not is_unidentified(e.actor1)]
    states = {e.actor1 for e in named}
    actor = actors.lookup(next(iter(states))) if len(states) == 1 else None
    if actor is None or actor.kind not in STATE_KINDS:
        return
    source = named[0]
    for event in events:
        if event.sub_event_type in STATE_WEAPON_SUB_TYPES and is_unidentified(event.actor1):
            event.actor1, event.inter1 = source.actor1, source.inter1
            event.interaction = interaction_code(event.inter1, event.inter2)
            event.evidence += [e for e in source.evidence if e.field == "actor1"]


def _span_told(frames: list[Frame]) -> Frame | None:
    """The first of an event's readings the text dates by a span ("in June"), not by a
    series' reach ("have killed dozens", dated back to the story's period)."""
    return next((f for f in frames if f.date_range and f.time_span is not None), None)


def date_as_reported(frame: Frame, frames: list[Frame], published: dt.date | None,
                     follow_up: bool = False) -> None:
    """The news of a report with no date of its own happened around publication: ACLED
    codes it "as reported", to the report's day at week precision (``frame`` is the event's
    merged reading, ``frames`` the readings it was merged from). A story whose headline
    tells a later step ("Man charged in Maple Avenue shooting", "Vigil held for ...") may
    leave its crime undated because it lay before, by days or months: a violent event there
    is dated to the report's day at ``FOLLOW_UP_PRECISION`` (what de-duplication reads as
    the months before publication, ``pair_scores.AS_REPORTED_DAYS``); one its story dates by a
    span only ("It was back in June when the girl found a gun") takes that span."""
    if frame.event_date is not None or frame.date_range is not None or published is None:
        return
    told = _span_told(frames) if follow_up else None
    if told is not None and frame.event_class in VIOLENT_CLASSES:
        frame.date_range, frame.time_precision = told.date_range, told.time_precision
        return
    frame.event_date = published
    frame.time_precision = FOLLOW_UP_PRECISION if follow_up and frame.event_class in VIOLENT_CLASSES \
        else AS_REPORTED_PRECISION


def follows_up(document: Document) -> bool:
    """Whether the headline tells a step of the police or the courts, or a mourning, that
    follows a crime ("Man charged in ...", "Vigil held for ...")."""
    words = _follow_up_words()
    return any(t.lemma_.lower() in words or t.lower_ in words
               for s in document.sentences if s.segment == "title" for t in s.span)


def followed_up(clusters: "list[Cluster]") -> set[int]:
    """The violent events a follow-up story's headline names: what the story is about."""
    return {i for i, c in enumerate(clusters)
            if c.merged.event_class in VIOLENT_CLASSES and c.segments & set(HEADLINE_SEGMENTS)}


@cache
def _follow_up_words() -> frozenset[str]:
    cues = load_lexicon().cues
    return cues["follow_up_words"] | cues["court_verbs"] | cues["court_nouns"]
