"""Stage "mentions": the frames of one article that report the same event become one Mention.

Reads classified, dated, located frames with canonical actors; fills ``Document.mentions``.

A news story tells its main event several times: the headline ("Drone, rockets fired at
coalition forces in Iraq and Syria"), the lede ("A drone and rockets targeted two bases ...") and
the detail paragraphs ("A drone attack targeted the Ain al-Asad airbase ..."). Merging works in
three steps (the tests are in ``coreference.py``):

1. *specific* frames (one weapon, one country, one event) merge when everything they say is
   compatible and something ties them (same place, same facility, or the same weapon with no
   conflicting place; two towns the text names are two events); in one sentence, only a
   detail or the scene of the other ("shot during a drive-by shooting") merges;
2. *compound* frames (several weapons or countries, or a plural "Attacks ... claimed by X") are
   covered by the specific events they summarise and give them what they add (date, target,
   claims); what no specific event covers becomes an event of its own;
3. two events the story told in two threads (the headline's with its town, the body's with
   its day) merge when their whole readings agree and are tied.

Roles then follow the story's structure (see ``roles.py``); ACLED's conventions for a whole
event (actors by default, dates "as reported") are in ``conventions.py``.
"""
from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from dataclasses import dataclass, field

from .actors import ActorTable, interaction_code
from .conventions import (claimant_is_perpetrator, crowd_and_unknown_actors, date_as_reported,
                          followed_up, follows_up, story_state_attacker, unnamed_interceptor)
from .coreference import (GUESSED_SUB_TYPES, compatible, dates_agree, scene_pairs, tied,
                          tied_again, type_guessed, types_agree)
from .document import Document, Frame
from .extractors.casualties import VIOLENT_CLASSES, Casualty, record, settle_injured, story_figure
from .extractors.classify import classify
from .extractors.lexicon import Taxonomy
from .keywords import mention_keywords
from .merging import better_place, copy_place, is_unidentified, merge_event_fields
from .records import Attribution, Evidence, Mention, stable_id
from .roles import HEADLINE_SEGMENTS, assign_roles, lede_sentences, told_in_detail_only
from .summary import notes_for
from .where.gazetteer import Gazetteer
from .where.fallback import (place_as, place_at_home_town, place_at_outlet_town, place_in_country,
                             place_in_story_area, placed_in_a_country_only)
from .where.refs import frame_countries

#: protest outcomes, weakest first: a merged protest keeps the strongest its reports give
PROTEST_OUTCOMES = (None, "intervention", "excessive")


@dataclass
class Cluster:
    """Frames of one article that report one event, and their merged reading."""

    frames: list[Frame]
    merged: Frame
    segments: set[str] = field(default_factory=set)
    sentences: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, frame: Frame) -> "Cluster":
        return cls([frame], _copy(frame), {frame.segment}, {frame.sentence})

    def absorb(self, other: "Cluster | Frame", fill_only: bool = False) -> None:
        frames = other.frames if isinstance(other, Cluster) else [other]
        source = other.merged if isinstance(other, Cluster) else other
        self.frames.extend(frames)
        self.segments |= {f.segment for f in frames}
        self.sentences |= {f.sentence for f in frames}
        merge_fields(self.merged, source, fill_only)


def _copy(frame: Frame) -> Frame:
    clone = Frame(**{k: v for k, v in frame.__dict__.items()})
    for name in ("weapons", "claimed_by", "attributed_to", "fatalities_reported", "evidence",
                 "place_refs", "associates", "agent_associates", "target_refs", "merged_from"):
        setattr(clone, name, list(getattr(frame, name)))
    return clone


def is_compound(frame: Frame) -> bool:
    return len(frame.weapons) > 1 or len(frame_countries(frame)) > 1 or frame.plural


# ---------------------------------------------------------------- merging
def merge_fields(into: Frame, other: Frame, fill_only: bool = False) -> None:
    """The shared merge rules (``merging.py``), plus what only frames carry: a date the text
    gives beats one carried over, weapons and evidence accumulate."""
    own_date = into.date_inherited and other.event_date and not other.date_inherited
    named_type = type_guessed(into) and not type_guessed(other) \
        and other.sub_event_type in GUESSED_SUB_TYPES
    injured = [v for v in (into.injured, other.injured) if v is not None]
    merge_event_fields(into, other, place=not fill_only)
    if into.fatalities_reported:  # one story's figures: a one is a detail of a bigger toll
        into.fatalities = story_figure(into.fatalities_reported)
    if injured:
        into.injured = story_figure(injured)
    if named_type:  # "Man shot" (a clash by default) is the Attack on a civilian its lede tells
        into.disorder_type, into.event_type, into.sub_event_type = (
            other.disorder_type, other.event_type, other.sub_event_type)
    if own_date:
        into.event_date, into.time_precision, into.date_range = (
            other.event_date, other.time_precision, None)
        into.date_inherited = False
    into.deadly = into.deadly or other.deadly
    into.resisted = into.resisted or other.resisted
    into.fired_back = into.fired_back or other.fired_back
    if other.shot is not None:
        into.shot = other.shot if into.shot is None else max(into.shot, other.shot)
    if PROTEST_OUTCOMES.index(other.protest_outcome) > PROTEST_OUTCOMES.index(into.protest_outcome):
        into.protest_outcome = other.protest_outcome
    if not fill_only:
        into.weapons += [w for w in other.weapons if w not in into.weapons]
    into.target_civilians = into.target_civilians or other.target_civilians
    seen = {(e.field, e.start) for e in into.evidence}
    into.evidence += [e for e in other.evidence if (e.field, e.start) not in seen]
    into.merged_from.append(other.frame_id)


def is_weak(frame: Frame) -> bool:
    """A frame that adds a detail to an event told elsewhere in its sentence ("... most of them
    civilians massacred ..."): no perpetrator, weapon or place of its own."""
    return frame.agent is None and not frame.weapons and all(r.distance > 1 for r in frame.place_refs)


def _joins(cluster: Cluster, frame: Frame, scenes: set[frozenset[str]]) -> bool:
    if frame.sentence in cluster.sentences:  # a detail of its sentence's event
        weak = is_weak(frame) or all(is_weak(f) for f in cluster.frames)
        scene = any(frozenset((f.frame_id, frame.frame_id)) in scenes for f in cluster.frames)
        return (weak and dates_agree(cluster.merged, frame)) or _its_casualties(cluster, frame) \
            or (scene and compatible(cluster.merged, frame))
    return compatible(cluster.merged, frame) and tied(cluster.merged, frame)


def _its_casualties(cluster: Cluster, frame: Frame) -> bool:
    """"1 dead, 4 injured in downtown Atlanta shooting": the dead and injured a sentence counts
    beside its one attack are that attack's, even when the count names the place."""
    harm = [f for f in (*cluster.frames, frame) if f.event_class == "harm"]
    return 0 < len(harm) < len(cluster.frames) + 1 and compatible(cluster.merged, frame)


def refers_back(frame: Frame) -> bool:
    """"the attack", or a casualty report with nothing of its own ("Some of the wounded were
    flown out"): details of an event told before."""
    return frame.anaphor or (frame.event_class == "harm" and is_weak(frame))


def _antecedent(clusters: list[Cluster], frame: Frame) -> Cluster | None:
    """The latest event told before ``frame`` that it can be about (its place is ignored: an
    anaphor's sentence often names other places)."""
    earlier = [c for c in clusters if min(c.sentences) <= frame.sentence
               and (c.segments - {"caption"} or frame.segment == "caption")]
    for cluster in reversed(earlier):
        same_kind = types_agree(cluster.merged, frame) or not frame.weapons  # "since the shooting"
        if same_kind and dates_agree(cluster.merged, frame):
            return cluster
    return None


#: how many sentences back a casualty figure without an event of its own may reach (anywhere
#: when the story tells a single event)
ORPHAN_REACH = 2
#: segments that tell the news (not photo captions)
NEWS_SEGMENTS = frozenset({"body", "title", "standfirst"})


def _attach_orphan_casualties(document: Document, clusters: list[Cluster]) -> None:
    """"The blast killed three. Ten others were wounded.": a figure in a sentence with no event
    belongs to the event the story told just before it; in a story of one violent event, to
    that event. Readings that will not be coded (a charge "with murder" that places, dates and
    names nothing) take no figure."""
    news = [c for c in clusters if c.segments & NEWS_SEGMENTS and _reportable(c.merged)]
    for sentence, casualty in document.context.get("orphan_casualties", []):
        told = [c for c in news if any(sentence - ORPHAN_REACH <= s < sentence for s in _telling(c))]
        if told:
            latest = max(told, key=lambda c: max(s for s in _telling(c) if s < sentence))
            _record_orphan(latest.merged, casualty)
        elif len(news) == 1:  # a story of one event: "... where he was pronounced dead"; "Boy, 9, dies"
            _record_orphan(news[0].merged, casualty)
        elif len(violent := [c for c in news if c.merged.event_class in VIOLENT_CLASSES]) == 1:
            _record_orphan(violent[0].merged, casualty)  # of one shooting and the arrest it led to


def _telling(cluster: Cluster) -> set[int]:
    """The sentences that tell the event, not only where and when ("It happened at 2 a.m.")."""
    return {f.sentence for f in cluster.frames if not f.detail_only}


def _record_orphan(event: Frame, casualty: Casualty) -> None:
    """A figure of none told apart from the event does not undo the figure it has: "16 were
    killed in the strikes near Al-Qaim. No casualties were reported at Akashat" (elsewhere)."""
    has = event.fatalities if casualty.field == "killed" else event.injured
    if casualty.figure.value == 0 and has:
        return
    record(event, casualty)


def _actors_of_told_events(clusters: list[Cluster]) -> None:
    """"The United States carried out a wave of air strikes ... In Iraq, the strikes hit
    positions near Al-Qaim": an event named by a definite noun, with no actor of its own, is
    one of those the story told before with that word, by the same hands and means (it stays
    an event of its own: its place is its own)."""
    for cluster in clusters:
        event = cluster.merged
        words = {_word(f) for f in cluster.frames if f.definite}
        if not is_unidentified(event.actor1) or not words:
            continue
        told = [c for c in clusters if words & {_word(f) for f in c.frames}
                and not is_unidentified(c.merged.actor1) and c.merged.actor1 != event.actor2
                and min(c.sentences) < min(cluster.sentences)]  # not "the attacks on US forces"
        if told:
            source = max(told, key=lambda c: min(c.sentences)).merged
            event.agent = dataclasses.replace(source.agent) if source.agent else None
            event.actor1, event.inter1 = source.actor1, source.inter1
            event.weapons = event.weapons or list(source.weapons)
            event.evidence += [e for e in source.evidence if e.field == "actor1"]


def weapons_of_told_events(document: Document) -> None:
    """"Synchronised attacks were launched at 11 sites ... The attacks, mostly using grenades,
    ...": the weapons a reference back names (``FrameBuilder._weapons_told_again``) are those
    of the events told last with its word that name none of their own."""
    for sentence, word, weapons, evidence in document.context.get("weapons_told_again", []):
        told = [f for f in document.frames if f.sentence <= sentence and _word(f) == word]
        if not told:
            continue
        latest = max(f.sentence for f in told)
        for frame in told:
            if frame.sentence == latest and not frame.weapons:
                frame.weapons = list(weapons)
                frame.evidence += evidence


def _word(frame: Frame) -> str:
    """The event word, singular: "strikes" and "air strike" tell the same kind of event."""
    words = (frame.trigger.text if frame.trigger else "").lower().split()
    return words[-1].removesuffix("s") if words else ""


def _a_killing_of_its_own(frame: Frame) -> bool:
    """"A man was killed and his body was found": a report of one killing, in the body of the
    story, not a toll over time ("14,000 have been killed since April") nor a headline."""
    counted = bool(frame.fatalities_reported or frame.injured)
    return counted and frame.segment == "body" and not frame.perfect and frame.date_range is None


def merge_specific(frames: list[Frame], scenes: set[frozenset[str]] = frozenset()) -> list[Cluster]:
    clusters: list[Cluster] = []
    waiting: list[Frame] = []
    for frame in frames:
        if frame.event_class == "harm" and frame.perfect:
            continue  # "14,000 have been killed since April": a toll over time, no one event
        if refers_back(frame):
            home = _antecedent(clusters, frame)
            if home is not None:  # "It happened in X" places its event; "the attack" may not
                home.absorb(frame, fill_only=not frame.detail_only)
                continue
            if frame.detail_only:
                continue
            if is_weak(frame):
                waiting.append(frame)  # "four were killed ... following an attack": told later
                continue
        home = _antecedent(clusters, frame) if frame.charged else None
        if home is not None:  # "charged with murder": the killing told before
            home.absorb(frame, fill_only=True)
            continue
        home = next((c for c in clusters if _joins(c, frame, scenes)), None)
        if home is None:
            clusters.append(Cluster.of(frame))
        else:  # a weak frame adds details, not its sentence's other places
            home.absorb(frame, fill_only=is_weak(frame))
    for frame in waiting:  # casualties told before their event, in its sentence
        home = next((c for c in clusters if frame.sentence in c.sentences
                     and dates_agree(c.merged, frame)), None)
        if home is not None:
            home.absorb(frame, fill_only=True)
        elif _a_killing_of_its_own(frame):
            clusters.append(Cluster.of(frame))
    return clusters


VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def _covers(compound: Frame, specific: Frame) -> bool:
    countries = frame_countries(compound)
    weapon_ok = not compound.weapons or not specific.weapons or bool(set(compound.weapons) & set(specific.weapons))
    place_ok = not countries or specific.country in countries or specific.country is None
    unspecified = compound.event_class in ("attack", "harm") and not compound.weapons
    type_ok = (compound.event_type == specific.event_type
               or (unspecified and specific.event_type in VIOLENT_TYPES))
    return weapon_ok and place_ok and type_ok and dates_agree(compound, specific)


def _eligible(compound: Frame, clusters: list[Cluster], lede: set[int]) -> list[Cluster]:
    """Which events a summary can be about: never photo captions; an undated summary (a
    headline) only the story's news: events its lede tells, else the newest ones."""
    told = [c for c in clusters if c.segments - {"caption"}]
    if compound.event_date or compound.date_range:
        return told
    news = [c for c in told if c.sentences & lede]
    if news:
        return news
    dates = [c.merged.event_date for c in told if c.merged.event_date]
    return [c for c in told if dates and c.merged.event_date == max(dates)]


def _sharpen_place(event: Frame, summary: Frame) -> None:
    """A summary that covers one event only ("barrel bomb attacks on the town of al-Bab" after
    "Barrel bombs kill 11 in Syria") places it, when more precisely in the same country."""
    if summary.country == event.country and better_place(event, summary):
        copy_place(event, summary)


#: kinds of place a summary can name only one of to place the events it covers
TOWN_KINDS = ("facility", "airport", "neighbourhood", "city")
#: how many sentences after a summary tell the events it places: its own paragraph, not a
#: headline before it or a story's later turns
SUMMARY_REACH = 2


def _place_if_unplaced(event: Frame, summary: Frame) -> None:
    """An event the text places nowhere lies where the summary that covers it does ("an
    assault on El Fasher ... with air strikes and artillery", then "shelling of residential
    neighbourhoods" in the next sentences), when the summary names a place finer than a
    country: a country-wide summary says nothing of where each of its events was, nor one
    that names several towns ("865 people killed in Aleppo, Deir ez-Zor, Idlib and Raqqa")."""
    towns = {r.place.name for r in summary.place_refs
             if r.place is not None and r.place.kind in TOWN_KINDS}
    follows = 0 <= event.sentence - summary.sentence <= SUMMARY_REACH
    if follows and event.geo_precision is None and summary.geo_precision is not None \
            and len(towns) <= 1 and not placed_in_a_country_only(summary):
        copy_place(event, summary)


def absorb_compounds(compounds: list[Frame], clusters: list[Cluster], lede: set[int]) -> list[Cluster]:
    """Give each compound frame to the specific events it summarises (see module docstring);
    dated summaries (the lede) go first, so undated ones (headlines) find the news."""
    extra: list[Cluster] = []
    ordered = sorted(compounds, key=lambda f: (f.event_date is None and f.date_range is None, f.sentence))
    for compound in ordered:
        dated = [c for c in extra if c.merged.event_date]  # a summary of a day's events
        covered = [c for c in _eligible(compound, clusters + dated, lede)
                   if _covers(compound, c.merged)]
        if covered:
            for cluster in covered:
                cluster.absorb(compound, fill_only=True)
                _place_if_unplaced(cluster.merged, compound)
            if len(covered) == 1:
                _sharpen_place(covered[0].merged, compound)
        else:
            extra.append(Cluster.of(compound))
    return clusters + extra


def _headlines_into_their_story(clusters: list[Cluster]) -> list[Cluster]:
    """A headline's event that nothing tied to the story's ("Man shot on Southwest Side" above
    "a man was wounded in the 2800 block of W. 59th") is the first event the body tells that
    it does not contradict."""
    told = [c for c in clusters if "body" in c.segments]
    kept: list[Cluster] = []
    for cluster in clusters:
        headline_only = not cluster.segments - set(HEADLINE_SEGMENTS) \
            and not any(is_compound(f) for f in cluster.frames)
        home = next((c for c in told if compatible(c.merged, cluster.merged)), None) \
            if headline_only else None
        if home is None:
            kept.append(cluster)
        else:
            home.absorb(cluster)
    return kept


def _reading(cluster: Cluster, taxonomy: Taxonomy) -> Frame | None:
    """The cluster's merged reading, classified by its first event that is not a bare
    casualty count (a count fits any event, so it cannot tell two apart), with the weapons
    of all its frames ("the gunfire started ...", a detail, lent the event no weapon); None
    when it has no such event."""
    kinds = [f.event_class for f in cluster.frames if f.event_class != "harm"]
    if not kinds:
        return None
    weapons = list(dict.fromkeys(w for f in [cluster.merged, *cluster.frames] for w in f.weapons))
    reading = dataclasses.replace(cluster.merged, event_class=kinds[0], weapon=None, weapons=weapons)
    classify(reading, taxonomy)
    return reading


def _one_event(a: Cluster, b: Cluster, x: Frame | None, y: Frame | None) -> bool:
    """Whether clusters ``a`` and ``b`` (their readings ``x``, ``y``) are one event told twice.
    Two placed events of one sentence stay two; a thread with no place of its own that
    shares sentences with another is the other told again (a headline's "shot" and its
    "robbery-turned-shooting" can each start one). An undated event does not take a range
    from the other ("SOHR has documented the death ..." read as some day this month): the
    range would make the story's news background."""
    one_sentence = bool(a.sentences & b.sentences)
    if x is None or y is None or (one_sentence and None not in (x.latitude, y.latitude)):
        return False
    if not (x.event_date or y.event_date) and (x.date_range is None) != (y.date_range is None):
        return False
    return compatible(x, y) and tied_again(x, y)


def _told_again(clusters: list[Cluster], taxonomy: Taxonomy) -> list[Cluster]:
    """Frames join the first event they fit as they come, so one event can end in two
    clusters that only frames merged later show to be one ("5-year-old shot in Chester": the
    headline's attack with its place, the body's "gunfire" with no place of its own). Two
    clusters whose readings agree and are tied, and that tell no sentence in common (one
    sentence's two events stay two), become one, until none do."""
    readings = [_reading(c, taxonomy) for c in clusters]
    pair = _first_told_twice(clusters, readings)
    while pair is not None:
        i, j = pair
        clusters[i].absorb(clusters.pop(j))
        del readings[j]
        readings[i] = _reading(clusters[i], taxonomy)  # only the merged reading changed
        pair = _first_told_twice(clusters, readings)
    return clusters


def _bare_tolls_into_their_event(clusters: list[Cluster]) -> list[Cluster]:
    """"Deputy shoots, wounds 16-year-old", read apart from the story's one violent event:
    casualties with no place, day, weapon or perpetrator of their own are that event's."""
    events = [c for c in clusters if c.merged.event_class in VIOLENT_CLASSES
              and any(f.event_class != "harm" for f in c.frames)]
    if len(events) != 1:
        return clusters
    event, kept = events[0], []
    for cluster in clusters:
        if cluster is not event and _bare_toll(cluster.merged, cluster.frames) \
                and compatible(event.merged, cluster.merged):
            event.absorb(cluster, fill_only=True)
        else:
            kept.append(cluster)
    return kept


def _bare_toll(merged: Frame, frames: list[Frame]) -> bool:
    """Casualties alone, with no place, weapon or perpetrator, and no day of their own (the
    story's day carried to their sentence is none: "Jets bombed a hideout on Tuesday. The
    raids left several militants dead")."""
    own_day = merged.event_date is not None and not merged.date_inherited
    return all(f.event_class == "harm" for f in frames) and merged.latitude is None \
        and not (own_day or merged.date_range or merged.weapons) \
        and is_unidentified(merged.actor1)


def _first_told_twice(clusters: list[Cluster], readings: list[Frame | None]) -> tuple[int, int] | None:
    return next(((i, j) for i, j in itertools.combinations(range(len(clusters)), 2)
                 if _one_event(clusters[i], clusters[j], readings[i], readings[j])), None)


def _apply_accusations(document: Document, clusters: list[Cluster]) -> None:
    for acc in document.accusations:
        targets = [c for c in clusters if acc.frame_ids and set(acc.frame_ids) & {f.frame_id for f in c.frames}]
        for cluster in targets:
            attribution = Attribution(acc.actor, acc.by)
            if attribution not in cluster.merged.attributed_to:
                cluster.merged.attributed_to.append(attribution)
                cluster.merged.evidence.append(Evidence("attributed_to", acc.span.start, acc.span.end, acc.span.text))


def _place_unplaced(document: Document, clusters: list[Cluster], actors: ActorTable,
                    gazetteer: Gazetteer | None) -> None:
    """An event the text places nowhere lies in or near the story's own town (its dateline's,
    else the one town it names) when that town is in the story's country (or the story names
    none), else around the town of the local outlet that reported it, else in the area the
    story's first sentences name ("... in Nassriya city. The rioters set fire ..."), else in
    the story's country, at country precision."""
    country = document.context.get("story_country")
    town, outlet = document.context.get("home_town"), document.context.get("outlet_town")
    area = document.context.get("story_area")
    at_town = town is not None and country in (None, town.country)
    at_outlet = not at_town and outlet is not None and country in (None, outlet.country)
    at_area = not (at_town or at_outlet) and area is not None and country in (None, area.country)
    if gazetteer is None or not (country or at_town or at_outlet or at_area):
        return
    for cluster in clusters:
        if at_town and cluster.merged.country is not None:  # only in the town's country or region?
            place_at_home_town(cluster.merged, document, gazetteer)
        if at_outlet and placed_in_a_country_only(cluster.merged):
            place_at_outlet_town(cluster.merged, document, gazetteer)
        if at_area and placed_in_a_country_only(cluster.merged):  # "in Syria", then Aleppo's story
            place_in_story_area(cluster.merged, document, gazetteer)
        if cluster.merged.country is not None:
            continue
        placed = (place_at_home_town(cluster.merged, document, gazetteer) if at_town
                  else place_at_outlet_town(cluster.merged, document, gazetteer) if at_outlet
                  else place_in_story_area(cluster.merged, document, gazetteer) if at_area
                  else place_in_country(cluster.merged, country, gazetteer))
        if placed:
            unnamed_interceptor(cluster.merged, document, actors)  # now it has a country
            crowd_and_unknown_actors(cluster.merged, actors)


def _main_news_town(clusters: list[Cluster], roles: list[str]) -> None:
    """A main event the story places only in a country ("a suicide bombing in Syria") is the
    news the story places precisely elsewhere ("the blast in the town of Ariha"): it lies in
    or near the town of the story's first precisely placed main event in that country."""
    mains = [c.merged for c, role in zip(clusters, roles) if role == "main"]
    for event in (m for m in mains if placed_in_a_country_only(m)):
        town = next((m for m in mains if m.geo_precision in (1, 2) and m.country == event.country
                     and not placed_in_a_country_only(m)), None)
        if town is not None:
            place_as(event, town)


def _place_in_story_area(document: Document, clusters: list[Cluster], actors: ActorTable,
                         gazetteer: Gazetteer | None) -> None:
    """A story that places none of its events more precisely than a country, and has no town
    of its own, places them at the first place it names (``where.fallback.place_in_story_area``)."""
    events = [c.merged for c in clusters]
    if gazetteer is None or any(e.country is not None and not placed_in_a_country_only(e)
                                for e in events):
        return
    for event in events:
        if place_in_story_area(event, document, gazetteer):
            unnamed_interceptor(event, document, actors)
            crowd_and_unknown_actors(event, actors)


def build_mentions(document: Document, taxonomy: Taxonomy, actors: ActorTable,
                   recent_days: int = 14, main_window_days: int = 2,
                   gazetteer: Gazetteer | None = None) -> Document:
    weapons_of_told_events(document)
    for frame in document.frames:
        classify(frame, taxonomy)
    specific = [f for f in document.frames if not is_compound(f)]
    compounds = [f for f in document.frames if is_compound(f)]
    clusters = absorb_compounds(compounds, merge_specific(specific, scene_pairs(document)),
                                lede_sentences(document))
    clusters = _bare_tolls_into_their_event(_told_again(_headlines_into_their_story(clusters), taxonomy))
    _attach_orphan_casualties(document, clusters)
    _actors_of_told_events(clusters)
    for cluster in clusters:  # what the merged reading knows can change the type
        cluster.merged.weapon = None
        classify(cluster.merged, taxonomy)
        settle_injured(cluster.merged)
        claimant_is_perpetrator(cluster.merged, actors)
        unnamed_interceptor(cluster.merged, document, actors)
        crowd_and_unknown_actors(cluster.merged, actors)
        cluster.merged.interaction = interaction_code(cluster.merged.inter1, cluster.merged.inter2)
    clusters = [c for c in clusters if _reportable(c.merged)]
    _place_unplaced(document, clusters, actors, gazetteer)
    story_state_attacker([c.merged for c in clusters], actors)
    _apply_accusations(document, clusters)
    follow_up = follows_up(document)
    roles = assign_roles(document, clusters, recent_days, main_window_days,
                         followed_up(clusters) if follow_up else set())
    summed = told_in_detail_only(clusters, roles, document)  # "strikes in Iraq and Syria"
    clusters = [c for i, c in enumerate(clusters) if i not in summed]
    roles = [r for i, r in enumerate(roles) if i not in summed]
    _main_news_town(clusters, roles)
    _place_in_story_area(document, clusters, actors, gazetteer)
    for cluster, role in zip(clusters, roles):
        if role == "main":
            date_as_reported(cluster.merged, cluster.frames, document.article.published, follow_up)
    document.mentions = _unique_ids([_to_mention(document, c, role)
                                     for c, role in zip(clusters, roles)])
    _count_roles(document.mentions)
    return document


def _count_roles(mentions: list[Mention]) -> None:
    counts = Counter(m.role for m in mentions)
    for mention in mentions:
        mention.role_count = counts[mention.role]


def _unique_ids(mentions: list[Mention]) -> list[Mention]:
    """Two events read from one trigger ("a drone and rockets targeted two bases") would get
    one id from their shared first trigger; the second and later take the id with a count,
    so the store and de-duplication never mistake them for one report."""
    seen: dict[str, int] = {}
    for mention in mentions:
        first_id = mention.mention_id
        if first_id in seen:
            seen[first_id] += 1
            mention.mention_id = stable_id(first_id, seen[first_id], prefix="m")
        else:
            seen[first_id] = 0
    return mentions


def _reportable(frame: Frame) -> bool:
    """A frame that says nothing but "an attack" (no place, date, actor or weapon) is not coded."""
    return any((frame.latitude is not None, frame.event_date, frame.date_range,
                not is_unidentified(frame.actor1), frame.weapons, frame.actor2))


def _as_written(document: Document, evidence: list[Evidence]) -> list[Evidence]:
    """Evidence quoting the article as written: a title-case headline is parsed in sentence
    case (``headlines.sentence_case``), so a span of it is read back from the article."""
    text = document.article.text
    return [e if text[e.start:e.end] == e.text else Evidence(e.field, e.start, e.end, text[e.start:e.end])
            for e in evidence]


def _to_mention(document: Document, cluster: Cluster, role: str) -> Mention:
    frame = cluster.merged
    first = min(cluster.frames, key=lambda f: f.trigger.start if f.trigger else 0)
    mention = Mention(mention_id=stable_id(document.article.id, first.trigger.start if first.trigger else 0,
                                           prefix="m"),
                      article_id=document.article.id, role=role,
                      evidence=sorted(_as_written(document, frame.evidence), key=lambda e: (e.start, e.field)))
    for name in mention.__dataclass_fields__:
        if name in Frame.__dataclass_fields__ and name not in ("evidence",):
            value = getattr(frame, name)
            setattr(mention, name, list(value) if isinstance(value, list) else value)
    if mention.fatalities is None:
        mention.fatalities = 0  # ACLED: the lowest reported figure, 0 when none is reported
    mention.notes = notes_for(mention)
    article = document.article
    mention.keywords = mention_keywords(article.text, [(s.kind, s.start, s.end) for s in
                                                       article.segments], mention)
    return mention
