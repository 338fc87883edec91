"""A part of a big city, named the ACLED way: "Philadelphia - Kensington".

GeoNames lists many city neighbourhoods as towns of their own (Rogers Park, Kensington,
Canoga Park), so an event placed there printed as "Rogers Park", and an analyst counting
Chicago's events, or comparing with a coder who writes "Chicago - Rogers Park", missed it. A
town is taken as part of a big city when the story says so: it writes the town with a word for
a part of a city ("the Rogers Park neighborhood", "Kensington section") or as the city's own
("Philadelphia's Kensington"). The city is the nearest big one within ``CITY_PART_KM`` (the
story's own when it names one there), and bigger than the part. The point and the admin
names stay the part's: only the printed name gains its city.
"""
from __future__ import annotations

import dataclasses
import re

from ..document import PlaceRef
from .gazetteer import BIG_TOWN, Gazetteer, Place, haversine_km, normalise_name
from .names import CITY_PART_WORDS

#: how far from a big city's point a part of it may lie (Rogers Park is 15 km from the Loop)
CITY_PART_KM = 25.0
#: kinds of place that may be a part of a city (a district or province is not)
PART_KINDS = ("city", "neighbourhood")
_PART_WORDS = "|".join(CITY_PART_WORDS)
_APOSTROPHE = "['\u2019]"


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
