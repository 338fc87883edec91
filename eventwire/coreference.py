"""Whether two readings in one article tell the same event (stage "mentions").

Two tests, both over ``Frame``s (one trigger's reading, or a cluster's merged one):
``compatible`` (nothing they say contradicts: type, weapon, day, place, perpetrator, facility)
and a tie (something positive says they are one: the same place or facility, the same
weapon where a place cannot tell them apart, or a protest's forces told of with no place).
``tied`` ties a frame to the event it may detail; ``tied_again`` ties two whole events of a
story. ``scene_pairs`` finds the frames of one sentence where one event is the scene of the
other ("shot during a drive-by shooting").
"""
from __future__ import annotations

import itertools

from .conventions import STATE_INTER
from .document import Document, Frame
from .merging import is_unspecific, specific_weapons
from .where.gazetteer import different_parts, haversine_km

#: places of one event lie within this distance (km) of each other
SAME_PLACE_KM = 25.0
#: sub-event types an attack gets by default when its target is unknown
GUESSED_SUB_TYPES = ("Armed clash", "Attack")
#: prepositions that make an event noun the scene of the verb's event ("shot during a shooting")
SCENE_PREPOSITIONS = ("in", "during")
#: event types of a crowd's doings, which a story goes on telling without a place
CROWD_EVENT_TYPES = ("Protests", "Riots")
#: classes of events that kill or hurt nobody by themselves: a casualty count is never theirs
#: ("car bomb killed 26 ... many civilians have been trying to flee": the toll is the bomb's)
TOLL_FREE_CLASSES = frozenset(("displacement", "grave", "base", "agreement", "group_change",
                               "statement"))
#: the ``geo_source`` prefix of a town from the gazetteer's GeoNames towns
TOWN_SOURCE = "gn:"


def dates_agree(a: Frame, b: Frame) -> bool:
    """The same day, a day inside the other's range, or one of them undated."""
    if a.event_date and b.event_date:
        return a.event_date == b.event_date
    if a.date_range and b.event_date:
        return a.date_range[0] <= b.event_date <= a.date_range[1]
    if b.date_range and a.event_date:
        return b.date_range[0] <= a.event_date <= b.date_range[1]
    return True


def places_agree(a: Frame, b: Frame) -> bool:
    """Same place, a region and a place inside it, or two points within ``SAME_PLACE_KM``
    (not two parts of one city placed at its point: "Washington Heights" and "Austin")."""
    if a.latitude is None or b.latitude is None or a.geo_source == b.geo_source:
        return True
    if different_parts(a.geo_source, b.geo_source):
        return False
    if 3 in (a.geo_precision, b.geo_precision):
        return a.country == b.country and (a.admin1 is None or b.admin1 is None or a.admin1 == b.admin1)
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= SAME_PLACE_KM


def actors_agree(a: str | None, b: str | None) -> bool:
    return is_unspecific(a) or is_unspecific(b) or a == b


def type_guessed(frame: Frame) -> bool:
    """An attack whose target nobody named is Armed clash only by default: it can be the
    Attack on civilians another report of it names ("Man shot" / "a man was shot dead")."""
    return frame.event_class == "attack" and frame.sub_event_type in GUESSED_SUB_TYPES \
        and frame.actor2 is None and not frame.target_civilians


def types_agree(a: Frame, b: Frame) -> bool:
    if a.event_type == b.event_type:
        return True
    if "harm" in (a.event_class, b.event_class):  # a count fits any event that can hurt
        return not {a.event_class, b.event_class} & TOLL_FREE_CLASSES
    return (type_guessed(a) and b.sub_event_type in GUESSED_SUB_TYPES) or \
        (type_guessed(b) and a.sub_event_type in GUESSED_SUB_TYPES)


def compatible(a: Frame, b: Frame) -> bool:
    """Nothing the two frames say contradicts each other."""
    types_ok = types_agree(a, b)
    wa, wb = specific_weapons(a.weapons), specific_weapons(b.weapons)
    weapons_ok = not wa or not wb or bool(set(wa) & set(wb))
    return (types_ok and weapons_ok and dates_agree(a, b) and places_agree(a, b)
            and actors_agree(a.actor1, b.actor1)
            and (not a.target_facility or not b.target_facility or a.target_facility == b.target_facility))


def _same_place_or_facility(a: Frame, b: Frame) -> bool:
    """The same place below country level, or the same target facility."""
    same_place = bool(a.geo_source) and a.geo_source == b.geo_source and a.geo_precision != 3
    return same_place or bool(a.target_facility and a.target_facility == b.target_facility)


def _crowd_told_on(a: Frame, b: Frame) -> bool:
    """Two protest (or riot) readings, one of them placed nowhere and telling what state
    forces did to the crowd: the story going on about the other's crowd ("Protesters marched
    on parliament. Police fired tear gas at them."). A protest placed nowhere whose other side
    is no force ("demonstrators detained at an earlier rally") may be another."""
    if a.event_type != b.event_type or a.event_type not in CROWD_EVENT_TYPES:
        return False
    return any(f.latitude is None and f.inter2 in STATE_INTER for f in (a, b))


def tied(a: Frame, b: Frame) -> bool:
    """Something positive says they are one event (compatibility alone is not enough)."""
    if _same_place_or_facility(a, b) or _crowd_told_on(a, b):
        return True
    same_weapon = bool(a.weapons and set(a.weapons) == set(b.weapons)) and not two_towns(a, b)
    coarse = a.geo_precision in (None, 3) or b.geo_precision in (None, 3)
    casualties_only = "harm" in (a.event_class, b.event_class)  # "killed at Tower-22"
    return (same_weapon or casualties_only) and (coarse or places_agree(a, b))


def two_towns(a: Frame, b: Frame) -> bool:
    """Each placed in a town the text names, and not the same one: air strikes on Saraqib and
    on Ariha, 18 km apart, are two events however alike (ACLED codes one event per place)."""
    return a.geo_precision == 1 == b.geo_precision and a.geo_source != b.geo_source \
        and all((f.geo_source or "").startswith(TOWN_SOURCE) for f in (a, b))


def tied_again(a: Frame, b: Frame) -> bool:
    """``tied`` for two whole events of a story, which may each carry a place: the same
    place below country level, the same facility, or the same weapons where one of them is
    placed nowhere, or one of them names the weapon and the other none (``_weapon_told_once``).
    (A country alone ties nothing: "Russian strikes in Aleppo" and "Russian
    warplanes struck Maaret al-Numan", a town the gazetteer misses, are two events in Syria.)"""
    if _same_place_or_facility(a, b):
        return True
    if None not in (a.latitude, b.latitude):
        return False
    wa, wb = set(specific_weapons(a.weapons)), set(specific_weapons(b.weapons))
    same_weapon = bool(a.weapons and set(a.weapons) == set(b.weapons)) or bool(wa and wa == wb)
    return same_weapon or _weapon_told_once(a, b, wa, wb)


def _weapon_told_once(a: Frame, b: Frame, wa: set[str], wb: set[str]) -> bool:
    """One of two events whose days agree names the weapon (``wa``, ``wb``: the kinds each
    names), the other none ("shot ... with a handgun" and "the murder", or "fired a weapon"; an
    undated "homicide victim" and a dated shooting): a story's one event told twice, as a
    second event would have to be told apart by a weapon, day or place of its own. A span of
    days tells nothing apart ("in 2014"), so it ties nothing."""
    return bool(wa) != bool(wb) and not (a.date_range or b.date_range)


def scene_pairs(document: Document) -> set[frozenset[str]]:
    """Pairs of frames (ids) of one sentence where one event is the scene the other happened
    in: "a girl was shot during a drive-by shooting", "six were shot in what police believe
    was a gang shooting". The scene's trigger lies under an ``SCENE_PREPOSITIONS`` phrase of
    the other's ("drive-by shooting" is often parsed a verb, so any part of speech counts)."""
    pairs: set[frozenset[str]] = set()
    by_sentence: dict[int, list[Frame]] = {}
    for frame in document.frames:
        by_sentence.setdefault(frame.sentence, []).append(frame)
    for frames in by_sentence.values():
        tokens = [(f, document.trigger_token(f)) for f in frames]
        for (a, verb), (b, noun) in itertools.permutations(tokens, 2):
            if verb is not None and noun is not None \
                    and any(p.dep_ == "prep" and p.lower_ in SCENE_PREPOSITIONS and noun in p.subtree
                            for p in verb.children):
                pairs.add(frozenset((a.frame_id, b.frame_id)))
    return pairs
