"""The areas a sentence writes after a place, and what they say of it.

News and coders' notes write a place with the areas it lies in: "Dossi (Boni, Tuy)",
"Bohdanivka, Donetsk", "Pale town (Pale township, Yinmarbin district, Sagaing region)". These
helpers of ``resolve.Resolver`` read such chains: which country the areas agree on, which
readings of the place they rule out, and the country a bracketed area certainly gives.
"""
from __future__ import annotations

from collections import Counter

from ..document import AREA_RELATION, WITHIN_RELATION, PlaceRef
from .fallback import PRECISE_KINDS
from .gazetteer import Place
from .namesakes import REGION_KINDS, beside

#: a place a weapon came from ("rockets fired from Gaza"): where it landed is the event's
#: (a person "from" a town is not so: "a woman from St. Louis Park was arrested")
ORIGIN_RELATION = "from"
#: places smaller than this count only in countries the story names
HAMLET = 5_000
#: places that name a region around the event ("the Deir ez-Zor desert"), or the areas a town
#: lies in ("Kikara (Douentza, Mopti)"): they never make a report several events
NOT_SPLIT_RELATIONS = (AREA_RELATION, WITHIN_RELATION)


def agree_on_chains(refs: list[PlaceRef], found: list[list[Place]]) -> None:
    """"Dossi (Boni, Tuy)", "Ariwara (Zaki, Aru, Ituri)": the areas written after a town lie
    in one country, the one they can most be read in, the last (the province) counting
    double as a region; each area's namesakes elsewhere (Bonn, Nigeria's Zaki) are dropped,
    and so are the town's. Changes ``found`` in place."""
    index = {id(r): i for i, r in enumerate(refs)}
    for ref in refs:
        if ref.relation in NOT_SPLIT_RELATIONS:
            continue
        chain = [index[id(r)] for r in areas_after(ref, refs)]
        country = _chain_country([found[i] for i in chain]) if len(chain) >= 2 else None
        if country is None:
            continue
        for i in chain:
            found[i] = [p for p in found[i] if p.country_code == country]
        own = index[id(ref)]
        found[own] = [p for p in found[own] if p.country_code == country] or found[own]


def within_the_areas_country(refs: list[PlaceRef], found: list[list[Place]]) -> None:
    """"marched on Church Street in Burlington (Vermont)", "in Pale township (Yinmarbin
    district, Sagaing region)": when the areas a sentence writes after its places lie in one
    country, a place of the sentence has no namesake abroad: a London "Church Street" or the
    Bosnian Pale is a false friend, and the areas place the event. Changes ``found`` in place."""
    areas = {area_country(places) for ref, places in zip(refs, found)
             if ref.relation == WITHIN_RELATION and places}
    if len(areas) != 1 or None in areas:
        return
    country = next(iter(areas))
    for i, ref in enumerate(refs):
        if ref.relation not in (WITHIN_RELATION, ORIGIN_RELATION):
            found[i] = [p for p in found[i] if p.country_code == country or p.kind == "country"]


def _chain_country(chain: list[list[Place]]) -> str | None:
    *inner, last = chain
    regions = [p for p in last if p.kind in REGION_KINDS] or last
    votes: Counter[str] = Counter()
    for places, weight in [(places, 1) for places in inner] + [(regions, 2)]:
        for country in {p.country_code for p in places}:
            votes[country] += weight
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def area_country(places: list[Place]) -> str | None:
    """The one country an area named in brackets lies in: its regions' when it names one
    ("(Vermont)": the US state, not the Melbourne suburb), else its towns', hamlets aside when
    there is more than a hamlet ("(Cochabamba)": the Bolivian city and department, not two
    Peruvian hamlets); None when its namesakes lie in several, or are known hamlets only
    ("(Al Mina)" after Hodeidah is no Iranian hamlet's province)."""
    regions = [p for p in places if p.kind in REGION_KINDS]
    kept = regions or [p for p in places if p.kind not in ("city", "neighbourhood")
                       or p.population >= HAMLET]
    if not kept and any(0 < p.population < HAMLET for p in places):  # 0: no figure known
        return None  # an area is more than a hamlet
    countries = {p.country_code for p in kept or places}
    return next(iter(countries)) if len(countries) == 1 else None


#: characters between a name and the bracket after it ("Al Mansura village near Jenin (")
BRACKET_REACH = 25


def drop_contradicted(refs: list[PlaceRef], found: list[list[Place]]) -> None:
    """"Al Mansura village near Jenin (Jenin, West Bank)", "Tell Zarqa town in Hama
    countryside": a name read as a town of another country than the one the areas named just
    after it certainly lie in is a wrong reading; the areas place the event instead."""
    certain = {id(r): area_country(places) for r, places in zip(refs, found)
               if r.relation == WITHIN_RELATION and area_country(places)}
    certain |= {id(r): r.place.country_code for r in refs  # "in Hama countryside": as read
                if r.relation == AREA_RELATION and r.place is not None}
    areas = {id(r): places for r, places in zip(refs, found) if r.relation == WITHIN_RELATION}
    for ref in refs:
        if ref.place is None or ref.relation in NOT_SPLIT_RELATIONS:
            continue
        after = [r for r in areas_after(ref, refs) if id(r) in certain]
        if after and all(certain[id(r)] != ref.place.country_code for r in after):
            ref.place = None
        elif ref.place.kind in PRECISE_KINDS and _outside_named_province(ref, refs, areas):
            ref.place = None


def areas_after(ref: PlaceRef, refs: list[PlaceRef]) -> list[PlaceRef]:
    """The areas named right after a place, each close to the one before: all of "Pale town
    (Pale township, Yinmarbin district, Sagaing region)", not only the first."""
    areas = sorted((r for r in refs if r.relation in NOT_SPLIT_RELATIONS and r.start >= ref.end),
                   key=lambda r: r.start)
    chain, end = [], ref.end
    for area in areas:
        if area.start - end > BRACKET_REACH:
            break
        chain.append(area)
        end = area.end
    return chain


def _outside_named_province(ref: PlaceRef, refs: list[PlaceRef], areas: dict[int, list[Place]]) -> bool:
    """"Bohdanivka, Donetsk" read as the Bohdanivka of another province: the gazetteer lacks
    the one meant, and the province named after it places the event instead."""
    after = [areas[id(r)] for r in areas_after(ref, refs) if id(r) in areas]
    provinces = [[p for p in places if p.kind == "admin1" and p.country_code == ref.place.country_code]
                 for places in after]
    provinces = [p for p in provinces if p]
    return bool(provinces) and not beside(ref.place, provinces, provinces_only=True)
