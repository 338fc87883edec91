"""Stage "actors": who did it, to whom, who claimed it and who was blamed, in ACLED's names.

Reads ``frame.agent``, ``frame.target``, ``claims``, ``accusations``; fills ``actor1``,
``actor2``, ``assoc_actor_2``, ``inter1``, ``inter2``, ``interaction``, ``claimed_by`` and
``attributed_to`` through the actor table (``actors.py``).

* Anaphors point back: "the terror group" is the last named non-state armed actor before it,
  "both groups" the last two.
* A claimant is the perpetrator ACLED codes as actor1 when the text names no other.
* No perpetrator: ``Unidentified Armed Group (<Country>)``; a target that is a known facility
  with no named target gives its usual occupants; civilians are ``Civilians (<Country>)``.
* An armed group's statement is a Strategic development; anyone else's is dropped.
"""
from __future__ import annotations

import re
from collections import Counter

from .actors import Actor, ActorTable, event_inter, interaction_code
from .document import ActorRef, Document, Frame
from .extractors.lexicon import load_lexicon
from .merging import is_unidentified
from .where.gazetteer import Gazetteer

NON_STATE_ARMED = (2, 3, 4)
PRONOUNS = frozenset({"it", "they", "he", "she", "its", "their"})
VIOLENT_CLASSES = ("attack", "harm", "clash", "abduction", "looting", "sexual", "takeover")
#: how far back "X accused Y of being behind the attacks" reaches
ACCUSATION_WINDOW_DAYS = 30
_PERIOD_SUFFIX = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)$")
_BOTH = re.compile(r"\b(both|the two)\b", re.IGNORECASE)
_DEFINITE = re.compile(r"\b(?:the|both|these|this|that|the two)\s+(?:[\w-]+\s+)?(\w+)\b", re.IGNORECASE)


def _named_actors(document: Document, table: ActorTable, before: int) -> list[Actor]:
    """Named non-state armed actors up to article offset ``before``, in order of their last
    mention; descriptions with a templated name ("Militia (Pro-Iran)") are not names."""
    found: list[Actor] = []
    for sentence in document.sentences:
        for ent in sentence.ents:
            if sentence.base + ent.start_char >= before:
                return found
            if ent.label_ == "ACTOR":
                actor = table.lookup(ent.ent_id_ or ent.text)
                if actor is not None and actor.inter in NON_STATE_ARMED and "(" not in actor.name:
                    found = [a for a in found if a != actor] + [actor]
    return found


#: plural nouns of people that do not end in "s", and words for several people
PLURAL_PEOPLE = frozenset({"people", "men", "women", "children", "folk", "police", "youth",
                           "crowd", "mob", "group", "gang", "family", "community", "public"})


def _one_person(ref: ActorRef | None) -> bool:
    """"a young family member", "his neighbour": one civilian, who is no crowd when doing
    violence; "villagers", "5 people", "a crowd" are several."""
    words = re.findall(r"[A-Za-z'’-]+", ref.text.lower()) if ref is not None else []
    last = words[-1] if words else ""
    return bool(last) and last not in PLURAL_PEOPLE and (not last.endswith("s") or last.endswith("ss"))


class ActorAssigner:
    def __init__(self, document: Document, table: ActorTable, gazetteer: Gazetteer):
        self.document = document
        self.table = table
        self.gazetteer = gazetteer
        self.anaphors = load_lexicon().heads["actor_anaphors"]

    def country_of(self, frame: Frame) -> str | None:
        if frame.country:
            return frame.country
        counts = self.document.context.get("countries")
        return counts[0] if counts else None

    def resolve(self, ref: ActorRef | None, country: str | None) -> list[Actor]:
        """The actor(s) a phrase names, following anaphors back through the story."""
        if ref is None:
            return []
        if ref.text.lower() in PRONOUNS:  # "it fired", "they claimed"
            earlier = _named_actors(self.document, self.table, ref.start)
            return earlier[-1:]
        anaphor = _DEFINITE.search(ref.text)
        if anaphor and anaphor.group(1).lower().rstrip("s") in {a.rstrip("s") for a in self.anaphors}:
            earlier = _named_actors(self.document, self.table, ref.start)
            wanted = 2 if _BOTH.search(ref.text) else 1
            return earlier[-wanted:] if earlier else []
        actor = self.table.resolve(ref.text, country)
        if actor is None and self.table.country(ref.text):
            actor = self.table.state_forces(self.table.country(ref.text))
        return [actor] if actor else []

    def assign(self, frame: Frame) -> None:
        country = self.country_of(frame)
        doers = self.resolve(frame.agent, country)
        if doers and doers[0].kind == "civilians" and frame.event_class in VIOLENT_CLASSES \
                and _one_person(frame.agent):
            doers = []  # "shot by a young family member": no mob, an armed person (``finish``)
        if doers:
            actor = doers[0]
            if actor.kind == "government" and frame.event_class in VIOLENT_CLASSES and actor.country:
                actor = self.table.state_forces(actor.country)
            self._set(frame, 1, actor)
            self._associates_of_side_1(frame, country)
        targets = self.resolve(frame.target, country) if frame.target else []
        for ref in frame.associates:
            targets += [a for a in self.resolve(ref, country) if a not in targets]
        if not targets and frame.target_civilians and country:
            civilians = self.table.generic("civilians", country)
            targets = [civilians] if civilians else []
        if not targets:
            targets = self._occupants(frame)
        if targets:
            self._set(frame, 2, targets[0])
            if len(targets) > 1:
                frame.assoc_actor_2 = "; ".join(t.name for t in targets[1:])

    def _associates_of_side_1(self, frame: Frame, country: str | None) -> None:
        """Named groups the story says acted with actor1 ("Hamas and Islamic Jihad fighters"):
        associated actors; an unnamed one ("suicide bombers" beside "Taliban gunmen") is
        actor1's own men, more evidence of who did it."""
        named: list[str] = []
        for ref in frame.agent_associates:
            span = self.document.span(ref.start, ref.end)
            actors = [a.name for a in self.resolve(ref, country) if a.name != frame.actor1
                      and not is_unidentified(a.name) and "(" not in a.name]
            frame.add_evidence("assoc_actor_1" if actors else "actor1", span)
            named += actors
        if named:
            frame.assoc_actor_1 = "; ".join(dict.fromkeys(named))

    def _occupants(self, frame: Frame) -> list[Actor]:
        if not frame.geo_source or not frame.target_facility:
            return []
        names = self._place_occupants(frame.geo_source)
        actors = [self.table.lookup(_PERIOD_SUFFIX.sub("", n)) for n in names]
        return [a for a in actors if a is not None][:2]

    def _place_occupants(self, place_id: str) -> tuple[str, ...]:
        for ref in (r for f in self.document.frames for r in f.place_refs):
            if ref.place is not None and ref.place.place_id == place_id:
                return ref.place.occupants
        return ()

    def _set(self, frame: Frame, slot: int, actor: Actor) -> None:
        inter = event_inter(actor, frame.country)
        if slot == 1:
            frame.actor1, frame.inter1 = actor.name, inter
        else:
            frame.actor2, frame.inter2 = actor.name, inter

    def finish(self, frame: Frame) -> None:
        """Claimant as actor1, unknown perpetrators, inter codes and interaction."""
        if is_unidentified(frame.actor1) and frame.claimed_by:
            claimant = self.table.lookup(frame.claimed_by[0])
            if claimant is not None:
                self._set(frame, 1, claimant)
        if frame.actor1 is None and frame.event_class in VIOLENT_CLASSES:
            self._set(frame, 1, self.table.unidentified_armed_group(self.country_of(frame)))
        if frame.actor1 is None and frame.event_class in ("protest", "riot") and self.country_of(frame):
            crowd = self.table.generic("protesters" if frame.event_class == "protest" else "rioters",
                                       self.country_of(frame))
            if crowd is not None:
                self._set(frame, 1, crowd)
        frame.interaction = interaction_code(frame.inter1, frame.inter2)
        if frame.country is None and frame.actor1 and frame.event_class == "statement":
            self._home_country(frame)

    def _home_country(self, frame: Frame) -> None:
        """An event with no place of its own (an armed group's statement) is placed in its
        actor's home country, at region precision."""
        actor = self.table.lookup(frame.actor1 or "")
        place = self.gazetteer.country(actor.country) if actor and actor.country else None
        if place is not None:
            frame.country, frame.location = place.country, place.display
            frame.latitude, frame.longitude = place.latitude, place.longitude
            frame.geo_precision, frame.geo_source = 3, place.place_id


def _apply_claims(document: Document, table: ActorTable) -> None:
    for claim in document.claims:
        actor = table.resolve(claim.actor)
        name = actor.name if actor else claim.actor
        for frame_id in claim.frame_ids:
            frame = document.frame(frame_id)
            if frame is not None and name not in frame.claimed_by:
                frame.claimed_by.append(name)
                frame.add_evidence("claimed_by", claim.span)


def _apply_accusations(document: Document, table: ActorTable) -> None:
    document.accusations = [a for a in document.accusations if table.resolve(a.actor)]
    for acc in document.accusations:
        acc.actor = table.resolve(acc.actor).name
        target = table.resolve(acc.target) if acc.target else None
        earlier = [f for f in document.frames if f.sentence <= acc.sentence
                   and f.event_class in VIOLENT_CLASSES and _current(f, document)]
        hits = [f for f in earlier if target is not None and f.actor2 == target.name]
        acc.frame_ids = [f.frame_id for f in (hits or ([] if target else earlier))]


def _current(frame: Frame, document: Document) -> bool:
    """Blame for "the attacks" is about the story's recent events, not photo captions or
    events older than ``ACCUSATION_WINDOW_DAYS``."""
    if frame.segment == "caption":
        return False
    if document.published and frame.event_date:
        return (document.published - frame.event_date).days <= ACCUSATION_WINDOW_DAYS
    return frame.date_range is None


def _article_countries(document: Document) -> list[str]:
    counts: dict[str, int] = {}
    for frame in document.frames:
        if frame.country:
            counts[frame.country] = counts.get(frame.country, 0) + 1
    return sorted(counts, key=lambda c: -counts[c])


#: how many mentions of its country a story's dateline is worth
DATELINE_WEIGHT = 2


def _country_of_name(name: str, table: ActorTable, gazetteer: Gazetteer | None,
                     cued: set[str]) -> str | None:
    """The country a place or nationality word names; a country's name that is also a state
    of the country the story's wording marks names that country ("Georgia" in a story of a
    county sheriff's office is the US state: ``where.story.cued_countries``)."""
    country = table.country(name)
    if country is None or not cued or gazetteer is None:
        return country
    states = [p for p in gazetteer.lookup(name) if p.kind == "admin1" and p.country_code in cued]
    return states[0].country if states else country


def _story_country(document: Document, table: ActorTable,
                   gazetteer: Gazetteer | None = None) -> str | None:
    """The country the story is about: the one its events lie in most (the town the story is
    about or filed from, or its outlet's, counting double there when it lies in the country
    the story names most), else the one its place and nationality words name most ("Syrian
    Observatory activists", "Cameroon's"), the story's own town (its dateline's, else its
    headline's or the one it is about, else its local outlet's) counting double and winning a
    tie: a local story names no country ("AURORA, Colo. –"; "in Newark, New Jersey" over the
    "Israel" of "Beth Israel Hospital")."""
    placed = Counter(f.country for f in document.frames if f.country)
    if placed:
        # the story's own town, in the country it names most, outweighs an event or two
        # abroad: "San Antonio" over the Mexico its suspect was deported to (not Gaza, whence
        # rockets were fired at the Israel the note is about)
        own = document.context.get("home_town") or document.context.get("outlet_town")
        named = document.context.get("named_countries") or Counter()
        if own is not None and named and own.country == named.most_common(1)[0][0]:
            placed[own.country] += DATELINE_WEIGHT
        return placed.most_common(1)[0][0]  # the first named wins a tie
    cued = document.context.get("cued_countries") or set()
    named = Counter(_country_of_name(ent.text, table, gazetteer, cued) for s in document.sentences
                    for ent in s.ents if ent.label_ in ("GPE", "NORP"))
    named.pop(None, None)
    town = document.context.get("home_town") or document.context.get("outlet_town")
    if town is not None:
        named[town.country] += DATELINE_WEIGHT
    if not named:
        return None
    # a tie goes to the story's own town: "ALBUQUERQUE, N.M." over the "Vietnamese" family
    # whose "next of kin is in Vietnam"; else the first named wins
    ranked = named.most_common()
    return max(ranked, key=lambda item: (item[1], town is not None and item[0] == town.country))[0]


def assign_actors(document: Document, table: ActorTable, gazetteer: Gazetteer) -> Document:
    document.context["story_country"] = _story_country(document, table, gazetteer)
    document.context["countries"] = _article_countries(document)
    assigner = ActorAssigner(document, table, gazetteer)
    for frame in document.frames:
        assigner.assign(frame)
    _apply_claims(document, table)
    document.frames = [f for f in document.frames if f.event_class != "statement"
                       or f.inter1 in NON_STATE_ARMED]
    for frame in document.frames:
        assigner.finish(frame)
    _apply_accusations(document, table)
    return document
