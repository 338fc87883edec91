"""Telling namesakes apart: the tests ``resolve.Resolver.choose`` ranks candidates by.

Each asks one thing of a candidate place against the other places the text names beside it
(``neighbours``: one candidate list per other name) or against the story: is it in the province
or county named beside it, near a place, big, or a town known only by another name. Kept apart
from the resolver so each rule reads alone and is tested alone.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from .gazetteer import BIG_TOWN, Place, haversine_km, normalise_name
from .names import name_variants, respelling_key

if TYPE_CHECKING:
    from ..document import PlaceRef

#: a town this near a big place named by its last words is a part of that place
PART_OF_KM = 25.0
#: kinds of place that are an area: a name that finds one of these names a region
REGION_KINDS = ("country", "admin1", "admin2")
#: kinds of place that are towns
TOWN_KINDS = ("city", "neighbourhood")
#: a town smaller than this, ``FAR_FROM_HOME_KM`` from the story's own town, in a state of its
#: country the story never names, is a street or a namesake when the story names no state but
#: its own town's ("Eight Mile and Sunset" in a Detroit story is no Florida town)
SMALL_TOWN = 50_000
FAR_FROM_HOME_KM = 150.0
#: a town this small across a state line from the story's home, in a state it never names,
#: is a namesake however near: local news names the state of a town over the line
NEAR_HAMLET = 5_000


def beside(place: Place, neighbours: Sequence[list[Place]], provinces_only: bool = False) -> bool:
    """Whether a place named beside this one may be its province ("Plan de Ayala,
    Tamaulipas") or, unless ``provinces_only``, may lie in the same province."""
    if not place.admin1:
        return False
    key = normalise_name(place.admin1)

    def holds(q: Place) -> bool:
        if q is place or q.country_code != place.country_code:
            return False
        if q.kind == "admin1":
            return normalise_name(q.name) == key
        return not provinces_only and normalise_name(q.admin1 or "") == key

    return any(holds(q) for candidates in neighbours for q in candidates)


#: how near a town or district named beside a place one of its namesakes must lie to be the
#: one meant ("Jaba village (Al Quds, West Bank)": the Jaba beside Jerusalem)
NEIGHBOUR_KM = 25.0
#: kinds of neighbour a namesake may lie beside (a province's point says nothing of where)
POINT_NEIGHBOURS = ("city", "neighbourhood", "facility", "airport", "admin2")


def near_a_neighbour(place: Place, neighbours: Sequence[list[Place]]) -> bool:
    """Whether a town or district named beside this place lies within ``NEIGHBOUR_KM`` of it,
    in its country: of two Jabas in the West Bank, the one beside Jerusalem when the text
    writes "Jaba village (Al Quds, West Bank)"."""
    own = normalise_name(place.name)
    others = [q for candidates in neighbours for q in candidates
              if q.country_code == place.country_code and q.kind in POINT_NEIGHBOURS
              and normalise_name(q.name) != own]
    return near_any(place, others, NEIGHBOUR_KM)


def near_any(place: Place, others: list[Place], km: float) -> bool:
    return any(haversine_km(place.latitude, place.longitude, q.latitude, q.longitude) <= km
               for q in others)


def in_county_beside(place: Place, neighbours: Sequence[list[Place]]) -> bool:
    """Whether a county or district named beside this town is the one it lies in ("Chester,
    Delaware County" is the city of Chester, not Chester County in the same state). A
    district named as the town is no sign: "Beja (Beja Nord, Beja)" names the province."""
    if place.kind == "admin2" or not place.admin2:
        return False
    key, own = normalise_name(place.admin2), normalise_name(place.name)
    return any(q.kind == "admin2" and q.country_code == place.country_code
               and normalise_name(q.name) == key != own for candidates in neighbours for q in candidates)


def without_former_names(places: list[Place], name: str) -> list[Place]:
    """A region called ``name`` beats smaller towns abroad that merely have it among their
    other names ("Florida" is the state, not Floridablanca in Colombia). A town in the
    region's own country stays ("Daraa" is the province and its capital Dar'a), and so do
    towns beside towns: English names of foreign towns are often such other names ("Palmyra",
    the name of Tadmur and of a town in Pennsylvania)."""
    key = normalise_name(name)
    regions = [p for p in places if p.kind in REGION_KINDS
               and key in (normalise_name(p.display), normalise_name(p.name))]
    if not regions:
        return places
    biggest, countries = max(p.population for p in regions), {p.country_code for p in regions}
    return [p for p in places if p.kind != "city" or p.population > biggest
            or p.country_code in countries or key in (normalise_name(p.display), normalise_name(p.name))]


def town_over_other_names(places: list[Place], name: str,
                          told: Callable[[Place], bool] = lambda place: False) -> list[Place]:
    """A town called ``name`` beats a town of its country that has the name only as another,
    unlike its own ("Ridgeville" is the South Carolina town, not Evanston, Illinois, once so
    called), unless the story tells of that one's surroundings (``told``: near its home, in a
    state it names: "Kensington" on a Pittsburgh station's site may be New Kensington). A
    respelling of the town's own name is no other name ("Daraa" for Dar'a)."""
    key = normalise_name(name)
    own = {p.country_code for p in places if p.kind == "city" and _called(p, key)}
    spelling = respelling_key(key)
    return [p for p in places if p.kind != "city" or p.country_code not in own or _called(p, key)
            or respelling_key(normalise_name(p.name)) == spelling or told(p)]


def town_called(places: list[Place], name: str, population: int) -> bool:
    """Whether a town of at least ``population`` people is called ``name`` itself."""
    key = normalise_name(name)
    return any(p.kind == "city" and p.population >= population and _called(p, key) for p in places)


def part_of_a_major(towns: list[Place], places: list[Place]) -> bool:
    """Whether a big place of ``places`` lies within ``PART_OF_KM`` of one of ``towns``: the
    town is a part of it ("North Portland", "East Hartford"), not a town apart ("East Orange"
    beside no big Orange)."""
    return any(is_major(p) and near_any(p, towns, PART_OF_KM) for p in places)


def _called(place: Place, key: str) -> bool:
    return key in (normalise_name(place.display), normalise_name(place.name))


def called_by(place: Place, names: Iterable[str]) -> bool:
    """Whether the place is called one of ``names`` itself, not only among its other names."""
    return any(_called(place, normalise_name(name)) for name in names)


#: how many times bigger a town must be than a namesake called so to be meant by a name it has
#: only among its other names
OTHER_NAME_OUTWEIGHS = 3


def only_otherwise_called(place: Place, places: list[Place], name: str | None) -> bool:
    """``place``, a town, has ``name`` only among its other names, while a namesake town bears
    it, and is not ``OTHER_NAME_OUTWEIGHS`` times that one's size: Larnaca (72,000), once Salina, is no
    rival to Salina, Kansas (48,000), but Tadmur (51,000) is to Palmyra, Pennsylvania (7,500):
    English names of foreign towns are often such other names."""
    if name is None or place.kind not in TOWN_KINDS:
        return False
    names = name_variants(name)
    own = max((p.population for p in places if p.kind in TOWN_KINDS and called_by(p, names)), default=0)
    return bool(own) and not called_by(place, names) and place.population < OTHER_NAME_OUTWEIGHS * own


def is_major(place: Place, *, districts_by_size: bool = False) -> bool:
    """A big town, or a region. With ``districts_by_size`` a district counts only when big:
    against namesakes abroad, "California", a Brazilian municipality of 8,000 people, is no
    rival to the US state."""
    small = ("city", "neighbourhood", "admin2") if districts_by_size else ("city", "neighbourhood")
    return place.kind not in small or place.population >= BIG_TOWN


def lone_town(found: list[Place], min_population: int) -> Place | None:
    """A town of some size with no namesake in another state or province ("Murrysville"): it
    tells the story's country and state, so that "Arnold" in the same story is Pennsylvania's
    village, not England's or Maryland's bigger town."""
    if not found or found[0].kind != "city" or not found[0].admin1:
        return None
    if len({(p.country_code, p.admin1) for p in found}) > 1 or max(p.population for p in found) < min_population:
        return None
    return found[0]


def named_states(states: Counter[tuple[str, str]], country: str) -> set[str]:
    """The states of ``country`` a story names outright (counted once or more)."""
    return {state for (code, state), n in states.items() if code == country and n >= 1}


def far_off(place: Place, home: Place, countries: Counter[str],
            states: Counter[tuple[str, str]], cities: Sequence[Place] = ()) -> bool:
    """A town far from the story's own town ``home`` that the story cannot mean: a small one
    (``SMALL_TOWN``) in a state of its country while the story names no state but its own
    town's, nor a big city far away in another state of it (``cities``: a wire story from
    "KYIV, Ukraine" that names Kharkiv means Avdiivka, however small and far), or one short
    of a big city in another country the story never names ("Sunset", a Vancouver
    neighbourhood, in a Detroit story); a hamlet in another state it never names
    (``NEAR_HAMLET``), near or far. ``countries`` and ``states`` count what the story names."""
    if place.admin1 == home.admin1 or place.population >= BIG_TOWN:
        return False
    named = named_states(states, home.country_code)
    if place.country_code == home.country_code and place.population < NEAR_HAMLET \
            and place.admin1 not in named:
        return True  # "Roseland" in a Chicago story: no Indiana hamlet, however near
    if haversine_km(place.latitude, place.longitude, home.latitude, home.longitude) <= FAR_FROM_HOME_KM:
        return False
    if place.country_code != home.country_code:
        return countries.get(place.country_code, 0) < 1
    return place.population < SMALL_TOWN and not named - {home.admin1} \
        and not any(_far_in_another_state(city, home) for city in cities)


def _far_in_another_state(city: Place, home: Place) -> bool:
    return city.country_code == home.country_code and city.admin1 != home.admin1 \
        and haversine_km(city.latitude, city.longitude, home.latitude, home.longitude) > FAR_FROM_HOME_KM


#: words that say a name is a second-order unit's ("Lancaster County", "Orleans Parish")
DISTRICT_WORDS = frozenset({"county", "parish", "borough", "district", "municipality"})


def town_over_its_district(text: str, places: list[Place]) -> list[Place]:
    """A bare name shared by a district and its own town is the town: "shot in Lancaster" is
    the city of Lancaster, not Lancaster County around it (the district is found by the bare
    name only because its unit word is dropped from names). Written with its unit word
    ("Lancaster County"), the district stays."""
    if DISTRICT_WORDS & set(normalise_name(text).split()):
        return places
    towns = {(p.country_code, p.admin1, normalise_name(p.admin2 or "")) for p in places
             if p.kind in ("city", "neighbourhood") and p.admin2}
    return [p for p in places
            if p.kind != "admin2" or (p.country_code, p.admin1, normalise_name(p.name)) not in towns]


#: an area written after a town ("Al Salam district, Diyala province") starts this few
#: characters after the town's name ends
AREA_AFTER_CHARS = 12


def drop_other_names_abroad(refs: list[PlaceRef], found: list[list[Place]]) -> None:
    """A town found only by one of its other names, written with an area after it in another
    country, is a false friend: "Al Salam district, Diyala" is no "Saham" in Oman (one of
    whose other names it is) but a district of Diyala the gazetteer lacks."""
    for i, ref in enumerate(refs):
        if ref.place is None or ref.place.kind not in TOWN_KINDS \
                or called_by(ref.place, name_variants(ref.text)):
            continue
        areas = {r.place.country_code for r in refs if r.place is not None
                 and r.place.kind in REGION_KINDS and 0 <= r.start - ref.end <= AREA_AFTER_CHARS}
        if areas and ref.place.country_code not in areas:
            ref.place, found[i] = None, []
