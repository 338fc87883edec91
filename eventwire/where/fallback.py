"""Placing an event the text places nowhere, or only in a country: at the story's own town,
at the first place its story names, around its outlet's town, or in its country
(``mentions.py`` calls these once an article's events are merged). Also ``set_place``, which
fills a frame's place fields from a gazetteer place, for these and for ``resolve.py``.
"""
from __future__ import annotations

import re

from ..document import Document, Frame
from .gazetteer import Gazetteer, Place
from .story import HOME_TOWN_PRECISION, STORY_SOURCE

#: kinds of place that are a point (a town, a facility), not an area
PRECISE_KINDS = ("facility", "airport", "neighbourhood", "city")


def set_place(frame: Frame, place: Place, precision: int, gazetteer: Gazetteer,
              named: bool = True) -> None:
    """Fill the frame's place fields from a gazetteer place at an ACLED precision; a named
    facility is also the frame's target facility."""
    frame.country = place.country
    frame.admin1, frame.admin2 = place.admin1, place.admin2
    if place.kind in ("facility", "airport", "city", "neighbourhood") and not place.admin1:
        frame.admin1, frame.admin2 = gazetteer.admin_names(place.latitude, place.longitude,
                                                           place.country_code)
    frame.location = place.display
    frame.latitude, frame.longitude = round(place.latitude, 5), round(place.longitude, 5)
    frame.geo_precision = precision
    frame.geo_source = place.place_id
    if named and place.kind in ("facility", "airport") and frame.target_facility is None:
        frame.target_facility = place.name


#: ACLED geo-precision of an event placed only in its country, or somewhere in a region
COUNTRY_PRECISION = REGION_PRECISION = 3
#: a country's place id in the gazetteer is this and its ISO code ("cc:SY")
COUNTRY_ID_PREFIX = "cc:"
#: geo_source prefix of an event placed in the story's country, not by a place of its own
ARTICLE_SOURCE = "article"


def placed_in_a_country_only(frame: Frame) -> bool:
    """Whether ``frame`` lies in a country and nowhere more precise ("an attack in Syria", or
    the story's country). A province the text names is not: that is how precisely the story
    knows the event."""
    source = frame.geo_source or ""
    return source.startswith((COUNTRY_ID_PREFIX, f"{ARTICLE_SOURCE}:{COUNTRY_ID_PREFIX}"))


#: how many body sentences count as the top of a story, where its own town is named
TOWN_AT_TOP_SENTENCES = 3
#: place-id prefixes of a province or state's own point, and of a district or county's
REGION_ID_PREFIXES = ("adm1:", "adm2:")


def placed_in_region_of(frame: Frame, town: Place) -> bool:
    """Whether ``frame`` lies only in a province or county that holds ``town`` ("shot at a
    Walmart in Pennsylvania" in a story about Stroudsburg): the story's town is then the
    more precise place of it, as a coder reading the whole report would take."""
    source = frame.geo_source or ""
    if not source.startswith(REGION_ID_PREFIXES) or frame.country != town.country \
            or frame.admin1 is None or frame.admin1 != town.admin1:
        return False
    return source.startswith(REGION_ID_PREFIXES[0]) or frame.admin2 == town.admin2


def _sharper_than_region(frame: Frame, town: Place, document: Document) -> bool:
    """The story's town places an event the text puts only in the town's province or county
    when the story names the town itself at its top (its dateline or the first sentences):
    a town named only further down, about another event ("a quake also hit off Banda Aceh
    in 2012"), says nothing of where this one was."""
    if not placed_in_region_of(frame, town):
        return False
    name = re.compile(rf"\b{re.escape(town.name)}\b", re.IGNORECASE)
    top = [s for s in document.sentences if s.segment in ("title", "standfirst")]
    top += [s for s in document.sentences if s.segment == "body"][:TOWN_AT_TOP_SENTENCES]
    dateline = document.context.get("dateline_place")
    if dateline is not None and dateline.place_id == town.place_id:
        return True
    return any(name.search(sentence.text) for sentence in top)


def place_as(frame: Frame, other: Frame) -> None:
    """Put ``frame`` in or near the place of ``other``, another event of the same story."""
    for name in ("country", "admin1", "admin2", "location", "latitude", "longitude"):
        setattr(frame, name, getattr(other, name))
    frame.geo_precision = HOME_TOWN_PRECISION
    frame.geo_source = f"{STORY_SOURCE}:{other.geo_source}"


def place_at_home_town(frame: Frame, document: Document, gazetteer: Gazetteer) -> bool:
    """Place an event whose text names no place of it, or only the country, province or
    county the story's own town lies in ("an attack in Syria"), in or near that town (the
    dateline's, else the one the story is about; see ``where/story.py``)."""
    town, source = document.context.get("home_town"), document.context.get("home_source")
    if town is None or not (frame.country is None or _sharper_than_region(frame, town, document)
                            or (placed_in_a_country_only(frame) and frame.country == town.country)):
        return False
    set_place(frame, town, HOME_TOWN_PRECISION, gazetteer, named=False)
    frame.geo_source = f"{source}:{town.place_id}"
    return True


#: ``geo_source`` prefix of an event placed around the town of the outlet it was reported by
OUTLET_SOURCE = "outlet"


def place_at_outlet_town(frame: Frame, document: Document, gazetteer: Gazetteer) -> bool:
    """Place an event whose story names no place of its own, no dateline and no town of its
    own, around the town of the local outlet that reported it (``where/outlets.py``), at region
    precision: a station's story of "a shooting on Main Street" is most likely in its city's
    area, but no coder would call that the town."""
    town = document.context.get("outlet_town")
    if town is None or not (frame.country is None
                            or (placed_in_a_country_only(frame) and frame.country == town.country)):
        return False
    set_place(frame, town, REGION_PRECISION, gazetteer, named=False)
    frame.geo_source = f"{OUTLET_SOURCE}:{town.place_id}"
    return True


def place_in_story_area(frame: Frame, document: Document, gazetteer: Gazetteer) -> bool:
    """Place an event that lies nowhere, or only in the area's country, at the first place
    its story names (``story.story_area``): in or near a town (precision 2), or somewhere in
    a district or province (3: its point is no place to measure other reports against). For
    stories with no town of their own that place no event more precisely than a country (a
    coder's note: "... in Nassriya city. The rioters set fire ...")."""
    area = document.context.get("story_area")
    if area is None or not (frame.country is None or (placed_in_a_country_only(frame)
                                                      and frame.country == area.country)):
        return False
    precision = HOME_TOWN_PRECISION if area.kind in PRECISE_KINDS else REGION_PRECISION
    set_place(frame, area, precision, gazetteer, named=False)
    frame.geo_source = f"{STORY_SOURCE}:{area.place_id}"
    return True


def place_in_country(frame: Frame, country: str, gazetteer: Gazetteer) -> bool:
    """Place an event whose text names no place of it in ``country`` at country precision
    (ACLED codes every event to a country; the story's country is the best it has)."""
    place = gazetteer.country(country)
    if place is None or frame.country is not None:
        return False
    set_place(frame, place, COUNTRY_PRECISION, gazetteer, named=False)
    frame.geo_source = f"{ARTICLE_SOURCE}:{place.place_id}"
    return True
