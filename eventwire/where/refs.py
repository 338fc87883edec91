"""What a frame's place references say once the gazetteer has read them, apart from which
namesake is meant (``resolve.py``): how precise the place is (ACLED geo_precision), how they rank
against each other, which readings to drop (a place coded to abroad, a striking country), which
distinct towns split a frame into one event per location, and which district an area reference
names.
"""
from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Sequence

from ..document import WITHIN_RELATION, Frame, PlaceRef
from .area_chains import NOT_SPLIT_RELATIONS
from .coded import CODED_RELATION
from .fallback import PRECISE_KINDS
from .gazetteer import PLACE_KINDS, haversine_km, normalise_name

if TYPE_CHECKING:
    from .resolve import Resolver

#: suffix words that make a town reference imprecise (ACLED geo_precision 2)
VAGUE_SUFFIXES = ("region", "area", "countryside", "outskirts", "district")
VAGUE_RELATIONS = ("near", "outside", "around", "off", "north", "south", "east", "west",
                   CODED_RELATION)  # a place coded to stands for the wider area the text names
#: a name written before the event noun ("Jordan drone strike")
COMPOUND_RELATION = "compound"
#: a kind of place's rank, most precise first (``resolve.choose`` too: a town's other name
#: gives way to a kind ranked before it)
KIND_RANK = {kind: i for i, kind in enumerate(PLACE_KINDS)}


def is_vague(ref: PlaceRef) -> bool:
    last = ref.text.split()[-1].lower() if ref.text.split() else ""
    return last in VAGUE_SUFFIXES or (ref.relation or "") in VAGUE_RELATIONS


def geo_precision_of(ref: PlaceRef) -> int:
    """ACLED geo-precision: 1 the town itself, 2 near it or somewhere in its district (an
    unknown village placed by the area bracketed after it, or by the town's countryside:
    "Deir Sunbul town in Idleb countryside"), 3 a region or the country."""
    kind = ref.place.kind if ref.place else "country"
    if kind in ("facility", "airport", "neighbourhood", "city"):
        return 2 if is_vague(ref) or ref.relation in NOT_SPLIT_RELATIONS else 1
    if kind == "admin2":
        return 2
    return 3


def drop_coded_abroad(refs: list[PlaceRef]) -> None:
    """A place coded to that lies in another country than every area named with it ("coded
    to Jur in ... Western Bahr el Ghazal state" read as a Russian town) is a wrong reading."""
    areas = {r.place.country_code for r in refs
             if r.relation in NOT_SPLIT_RELATIONS and r.place is not None}
    for ref in refs:
        if ref.relation == CODED_RELATION and ref.place is not None and areas \
                and ref.place.country_code not in areas:
            ref.place = None


def drop_striking_country(refs: list[PlaceRef]) -> None:
    """"Russia strikes kill 120 IS fighters in Syria": a country written before the attack,
    where the sentence places it in another country, is who struck, not where ("Jordan drone
    strike" alone stays in Jordan)."""
    elsewhere = {r.place.country_code for r in refs
                 if r.place is not None and r.relation != COMPOUND_RELATION}
    for ref in refs:
        if ref.relation == COMPOUND_RELATION and ref.place is not None \
                and ref.place.kind == "country" and elsewhere - {ref.place.country_code}:
            ref.place = None


def ref_rank(ref: PlaceRef) -> int:
    """How precise a resolved reference is; a town named as the region around the event ("the
    Deir ez-Zor desert") is only as precise as a district."""
    rank = KIND_RANK.get(ref.place.kind, 99)
    return max(rank, KIND_RANK["admin2"]) if ref.relation in NOT_SPLIT_RELATIONS else rank


def frame_countries(frame: Frame) -> list[str]:
    """Every country the places tied to a frame lie in, in text order (compound reports)."""
    seen = []
    for ref in sorted(frame.place_refs, key=lambda r: r.start):
        if ref.place is not None and ref.place.country not in seen and ref.distance <= 1:
            seen.append(ref.place.country)
    return seen


#: towns or facilities closer than this are one location (an embassy inside the Green Zone)
SPLIT_MIN_KM = 10.0


def precise_refs(frame: Frame) -> list[PlaceRef]:
    """Distinct towns or facilities tied to a frame, at least ``SPLIT_MIN_KM`` apart
    ("strikes hit positions near Al-Qaim and around Akashat")."""
    kept: list[PlaceRef] = []
    for ref in sorted(frame.place_refs, key=lambda r: r.start):
        if ref.place is None or ref.distance > 1 or ref.place.kind not in PRECISE_KINDS \
                or ref.relation in NOT_SPLIT_RELATIONS:
            continue
        if all(haversine_km(ref.place.latitude, ref.place.longitude, k.place.latitude,
                            k.place.longitude) >= SPLIT_MIN_KM for k in kept):
            kept.append(ref)
    return kept


def district_named(refs: Sequence[PlaceRef]) -> tuple[str, str] | None:
    """(admin1, admin2) of a district an area reference names: "Maganda Village, Birnin Gwari
    (Birnin Gwari, Kaduna)" names Birnin Gwari district, whether the name was read as the
    district or as its seat; a town there is looked for in that district, not the province."""
    for ref in refs:
        place = ref.place
        if ref.relation == WITHIN_RELATION and place is not None and place.admin1 and place.admin2 \
                and normalise_name(ref.text) == normalise_name(place.admin2):
            return place.admin1, place.admin2
    return None


def split_by_place(frame: Frame, resolver: "Resolver") -> list[Frame]:
    """ACLED codes one event per location: a report of strikes at two named towns is two
    events. Casualty figures given for all of them together belong to none alone, so the
    parts carry none (a warning says so)."""
    refs = precise_refs(frame)
    if len(refs) < 2:
        return [frame]
    parts = []
    for ref in refs:
        part = copy.deepcopy(frame)
        part.frame_id = f"{frame.frame_id}-{ref.start}"
        part.place_refs = [r for r in part.place_refs if r.start == ref.start or r.distance > 1]
        part.country = part.location = part.latitude = part.longitude = None
        part.geo_precision = None
        resolver.place(part)
        parts.append(part)
    if frame.fatalities_reported or frame.injured is not None:
        resolver.document.warnings.append(f"casualties of {frame.trigger.text!r} given for several places "
                                 "together: not assigned to any one of them")
        for part in parts:
            part.fatalities_reported, part.fatalities, part.injured = [], None, None
    return parts
