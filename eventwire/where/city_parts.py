"""A part of a big city, named the ACLED way: "Philadelphia - Kensington".

GeoNames lists many city neighbourhoods as towns of their own (Rogers Park, Kensington,
Canoga Park), so an event placed there printed as "Rogers Park", and an analyst counting
Chicago's events, or comparing with a coder who writes "Chicago - Rogers Park", missed it. A
town is taken as part of a big city when the story says so: it writes the town with a word for
a part of a city ("the Rogers Park neighborhood", "Kensington section") or as the city's own
("Philadelphia's Kensington"). The city is the nearest big one within ``CITY_PART_KM`` (the
story's own when it names one there), and bigger than the part. The point and the admin
names stay the part's: only the printed name gains its city. A part the gazetteer knows only
as a town far away ("the Austin neighborhood" in a Chicago story) is placed at the story's
city instead (``keep_parts_in_home_city``).
"""
from __future__ import annotations

import dataclasses
import re

from ..document import PlaceRef
from .gazetteer import BIG_TOWN, PART_ID_PREFIX, Gazetteer, Place, haversine_km, normalise_name
from .names import CITY_PART_WORDS
from .namesakes import near_any

#: how far from a big city's point a part of it may lie (Rogers Park is 15 km from the Loop)
CITY_PART_KM = 25.0
#: kinds of place that may be a part of a city (a district or province is not)
PART_KINDS = ("city", "neighbourhood")
_PART_WORDS = "|".join(CITY_PART_WORDS)
_APOSTROPHE = "['\u2019]"
#: "the" before a phrase, a part word after it
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_PART_WORD_AFTER = re.compile(rf"\s+(?:{_PART_WORDS})$", re.IGNORECASE)


def _written_as_part(name: str, text: str) -> str | None:
    """How the text writes ``name`` as part of a city: "" for a part word after it ("the
    Rogers Park neighborhood"), the owner's words for a possessive before it ("Philadelphia",
    "the city"); None when it does neither."""
    escaped = re.escape(name)
    if re.search(rf"\b{escaped}\s+(?:{_PART_WORDS})\b", text, re.IGNORECASE):
        return ""
    owner = re.search(rf"\b([A-Z][\w.]*(?:\s[A-Z][\w.]*)*|[Tt]he city){_APOSTROPHE}s\s+{escaped}\b", text)
    return owner.group(1) if owner else None


def _enclosing_city(place: Place, owner: str, gazetteer: Gazetteer,
                    story_cities: list[Place]) -> Place | None:
    """The big city ``place`` is part of: the story's own within reach, else the nearest big
    one; the one the possessive names, when it names a city."""
    near = [c for c in story_cities if haversine_km(place.latitude, place.longitude, c.latitude,
                                                    c.longitude) <= CITY_PART_KM]
    near += gazetteer.nearby(place.latitude, place.longitude, CITY_PART_KM, ("city",))
    near = [c for c in near if c.population >= BIG_TOWN and c.population > place.population
            and c.country_code == place.country_code and c.place_id != place.place_id]
    if owner and owner.lower() != "the city":
        near = [c for c in near if normalise_name(c.name) == normalise_name(owner)]
    return near[0] if near else None


def as_part_of_city(place: Place, text: str, gazetteer: Gazetteer,
                    story_cities: list[Place]) -> Place:
    """``place``, printed "City - Part" when the story writes it as part of a big city."""
    if place.kind not in PART_KINDS or place.location or place.population >= BIG_TOWN:
        return place
    owner = _written_as_part(place.name, text)
    if owner is None:
        return place
    city = _enclosing_city(place, owner, gazetteer, story_cities)
    if city is None:
        return place
    return dataclasses.replace(place, location=f"{city.display} - {place.display}")


def _names_a_part(text: str) -> bool:
    """"the Santa Luzia neighborhood", "Kensington section": a phrase naming a part of a town."""
    words = text.lower().split()
    return bool(words) and words[-1] in CITY_PART_WORDS


def keep_parts_in_home_city(refs: list[PlaceRef], found: list[list[Place]], text: str,
                            homes: list[Place], named: list[Place]) -> None:
    """"a home in the Austin neighborhood" on a Chicago paper's site: a place the story writes
    as a part of a city (``_named_as_a_part``) lies in the story's own city, if that city is
    bigger than the town the gazetteer took the part for. The story's own city: its
    dateline's or its outlet's (``homes``), else the big city it ``named``, if it names one
    only besides the part's namesakes (a part in a story naming Aleppo and Damascus could be
    in either). A namesake far off (Austin, Texas; Washington Heights, New York) is no reading
    of the part: one within ``CITY_PART_KM`` of the city is, and else the city places the
    event, printed with the part's name."""
    for ref, places in zip(refs, found):
        ids = {p.place_id for p in places}  # not the name's own namesakes
        cities = [c for c in named if c.place_id not in ids]
        own = [h for h in homes if h.place_id not in ids] + (cities if len(cities) == 1 else [])
        own = [h for h in own if ref.place is not None and h.population > ref.place.population]
        if not own or near_any(ref.place, own, CITY_PART_KM) or not _named_as_a_part(ref.text, text):
            continue
        near = [p for p in places if near_any(p, own, CITY_PART_KM)]
        ref.place = near[0] if near else _part_of(own[0], ref.place.display)


def _named_as_a_part(phrase: str, text: str) -> bool:
    """The story writes the name as one part of a city, somewhere: "the Austin neighborhood"
    (in the headline it may be "in Austin"). Not "a Damascus neighborhood" or "the Aleppo
    neighborhoods of Tariq al-Bab": those are parts of the city that name is."""
    name = _PART_WORD_AFTER.sub("", _THE.sub("", phrase.strip()))
    written = re.compile(rf"\bthe\s+{re.escape(name)}\s+(?:{_PART_WORDS})\b", re.IGNORECASE)
    return written.search(text) is not None


def _part_of(city: Place, part: str) -> Place:
    """The city, printed "Chicago - Austin", under an id of the part's own ("part:austin:"
    before the city's): two shootings in two parts of one city are not at one place."""
    slug = normalise_name(part).replace(" ", "-")
    return dataclasses.replace(city, location=f"{city.display} - {part}",
                               place_id=f"{PART_ID_PREFIX}{slug}:{city.place_id}")


def keep_parts_in_their_town(refs: list[PlaceRef], found: list[list[Place]]) -> None:
    """"in Campo Grande, a man was shot in the Santa Luzia neighborhood": a part of a town
    lies in the town the sentence names. Its namesake far off (a Santa Luzia 270 km away) is
    no reading of it; one within ``CITY_PART_KM`` of the town is, and else the town places
    the event."""
    towns = [r.place for r in refs if r.place is not None and r.place.kind in PART_KINDS
             and not _names_a_part(r.text)]
    if not towns:
        return
    for ref, places in zip(refs, found):
        if ref.place is None or not _names_a_part(ref.text):
            continue
        near = [p for p in places if any(haversine_km(p.latitude, p.longitude, t.latitude,
                                                      t.longitude) <= CITY_PART_KM for t in towns)]
        ref.place = near[0] if near else None
