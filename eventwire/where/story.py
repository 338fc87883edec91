"""The story's own town, for events the text places nowhere (or only in that town's country).

A local report often tells where it happened only once, in the dateline ("AURORA, Colo.
(CBS4) – A deputy who was shot ..."), and never again in the sentence with the shooting.
The dateline is where the reporter filed from, which for a local story is the event's town
and for a wire story from a capital may be a long way off; so the event is placed there
only when its own sentences name no place, at ACLED geo-precision 2 ("in or near that
town"), with ``geo_source`` "dateline:<place id>" so a user can tell it from a named place.

``dateline_place`` reads ``document.dateline``: its parts after the first comma name the
town's state, province or country, the AP way ("Colo.", "N.C.") or in full ("Iraq",
"Connecticut"), and pick among namesakes; without them the largest namesake in a country the
story names wins. ``story_town`` stands in for a story without a dateline: the town its
headline names, else the one town it is about (``geo_source`` "story:<place id>"). A dateline
that names a county gives way to the one town of it the story names (``town_in_county``).
"""
from __future__ import annotations

import csv
import functools
import re
from collections import Counter
from importlib import resources
from typing import Callable

from spacy.tokens import Doc, Span

from ..document import Document
from ..extractors.place_phrases import TOWN_FORCE_WORDS, is_block_address, is_street_corner
from .gazetteer import BIG_TOWN, Gazetteer, Place, haversine_km, normalise_name
from .namesakes import DISTRICT_WORDS, TOWN_KINDS, beside, in_county_beside

#: places the aftermath of an event goes on in: the town of one is not the event's
AFTERMATH_PLACE_NOUNS = frozenset({"hospital", "jail", "prison", "morgue", "court", "courthouse"})
#: kinds of place a dateline names: a town, a district of a city, or (rarely) a province
DATELINE_KINDS = ("city", "neighbourhood", "admin2", "admin1")
#: ACLED geo-precision of an event placed at its story's town: in or near that town
HOME_TOWN_PRECISION = 2
DATELINE_SOURCE = "dateline"
#: a dateline this short in capitals, with nothing after it, is an outlet or an agency ("RPD:")
ACRONYM_MAX = 3


@functools.cache
def region_abbreviations() -> dict[str, tuple[str, str]]:
    """"Colo." -> ("Colorado", "US"): state and province abbreviations used in datelines
    (``data/region_abbreviations.csv``)."""
    path = resources.files("eventwire") / "data" / "region_abbreviations.csv"
    with path.open(encoding="utf-8") as handle:
        return {row["abbreviation"]: (row["region"], row["country"]) for row in csv.DictReader(handle)}


@functools.cache
def country_cues() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Words only one country's news uses ("county jail", "sheriff's deputies", a broadcaster's
    call sign "(WHDH)": the US; "barangay": the Philippines), with that country's code
    (``data/country_cues.csv``: a phrase, or a regular expression)."""
    path = resources.files("eventwire") / "data" / "country_cues.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return tuple((_cue_pattern(row), row["country"]) for row in rows)


def _cue_pattern(row: dict[str, str]) -> re.Pattern[str]:
    """A row's phrase, in any case and with either apostrophe, or its pattern as written."""
    if row["pattern"]:
        return re.compile(row["pattern"])
    escaped = re.escape(row["cue"]).replace("'", "['’]")
    return re.compile(rf"\b{escaped}\b", re.IGNORECASE)


def cued_countries(text: str) -> set[str]:
    """The countries the story's wording marks: what a local story that never names its own
    country still tells ("a Kettering man ... the county jail" is Ohio's Kettering)."""
    return {country for pattern, country in country_cues() if pattern.search(text)}


#: a county or parish named after a dateline's town, in any case ("ONSLOW COUNTY")
DATELINE_COUNTY = re.compile(r".+?\s+(?:county|parish)", re.IGNORECASE)


def _hint(part: str, gazetteer: Gazetteer) -> tuple[str | None, str | None]:
    """(admin1 name, country code) that a dateline's later part names, either or both None:
    a state ("Mo.", "Pa", "Texas"), a country, or a county that lies in one state only
    ("ALTURAS, Modoc County", "JACKSONVILLE, ONSLOW COUNTY")."""
    part = part.strip()
    for form in (part, part + ".", part.rstrip(".")):  # "Pa" and "Pa.", "PA." and "PA"
        if form in region_abbreviations():
            return region_abbreviations()[form]
    country = gazetteer.country(part)
    if country is not None:
        return None, country.country_code
    found = gazetteer.lookup(part)
    region = next((p for p in found if p.kind == "admin1"), None)
    if region is not None:
        return region.name, region.country_code
    states = {(p.admin1, p.country_code) for p in found if p.kind == "admin2"} \
        if DATELINE_COUNTY.fullmatch(part) else set()
    return next(iter(states)) if len(states) == 1 else (None, None)


def _fits(place: Place, admin1: str | None, country: str | None) -> bool:
    if country and place.country_code != country:
        return False
    return not admin1 or normalise_name(place.admin1 or "") == normalise_name(admin1)


def dateline_area(document: Document, gazetteer: Gazetteer) -> tuple[str, str | None] | None:
    """(country code, state or None) that a dateline's later parts name, whether or not the
    gazetteer knows its town: "MARLBOROUGH, N.Y." is in New York though "Marlborough" finds
    only a region of New Zealand."""
    if document.dateline is None:
        return None
    for part in [p.strip() for p in document.dateline.text.split(",")][1:]:
        admin1, country = _hint(part, gazetteer)
        if country:
            return country, admin1
    return None


def dateline_place(document: Document, gazetteer: Gazetteer,
                   countries: dict[str, int] | None = None,
                   outlet_state: tuple[str, str] | None = None) -> Place | None:
    """The town the document's dateline names, told from its namesakes by the state or
    country after it; else, on a local outlet's site (``outlet_state``: its country code and
    state), by the outlet's state, unless the town is one a wire dateline names alone
    (``data/dateline_cities.csv``: "DALLAS (AP)" on a Georgia station's site is Dallas, Texas,
    but "PEORIA" on a Peoria, Illinois station's is that Peoria, not Arizona's bigger one);
    such a town written alone is the one the table lists ("SAN ANTONIO -" is in Texas though
    the story names Culebra Road, a namesake of a town in Puerto Rico); else by the countries
    the story names (``countries``: code -> count), else by size."""
    if document.dateline is None:
        return None
    town, *rest = [p.strip() for p in document.dateline.text.split(",") if p.strip()] or [""]
    if not rest and len(town) <= ACRONYM_MAX and town.isupper():
        return None
    candidates = [p for p in gazetteer.lookup(town) if p.kind in DATELINE_KINDS]
    for admin1, country in (_hint(part, gazetteer) for part in rest):
        if admin1 or country:
            candidates = [p for p in candidates if _fits(p, admin1, country)]
    if not candidates:
        return None
    named = countries or {}
    own = normalise_name(town)
    listed = ("US", dateline_cities()[own]) if not rest and own in dateline_cities() else None
    local = outlet_state if not rest and listed is None else None
    return min(candidates, key=lambda p: (local is not None and (p.country_code, p.admin1) != local,
                                          listed is not None and (p.country_code, p.admin1) != listed,
                                          -named.get(p.country_code, 0),
                                          DATELINE_KINDS.index(p.kind),
                                          normalise_name(p.name) != own, -p.population))


@functools.cache
def dateline_cities() -> dict[str, str]:
    """The US cities a wire dateline names alone, without their state (AP style), as
    ``normalise_name`` keys, with their state: any other town a dateline names alone is a
    local outlet's."""
    path = resources.files("eventwire") / "data" / "dateline_cities.csv"
    with path.open(encoding="utf-8") as handle:
        return {normalise_name(row["city"]): row["state"] for row in csv.DictReader(handle)}


#: the towns a story names all lie this close together: it is a local story about that town
STORY_TOWN_KM = 40.0
STORY_SOURCE = "story"
#: entity labels that name places
PLACE_LABELS = ("GPE", "LOC", "FAC")
#: where a doc keeps, per token, whether an unclosed "(" comes before it
AFTER_OPEN_BRACKET_KEY = "eventwire_after_open_bracket"


def _named_towns(document: Document, resolve_name: Callable[[str, str | None], Place | None],
                 segment: str | None = None, skip: Callable[[Span], bool] = lambda ent: False
                 ) -> list[Place]:
    towns: list[Place] = []
    for sentence in document.sentences:
        if segment is not None and sentence.segment != segment:
            continue
        named = [(ent.start, _town_named(ent, resolve_name)) for ent in sentence.ents if not skip(ent)]
        named += [(t.i, resolve_name(*police_acronyms()[t.text])) for t in sentence.span
                  if t.text in police_acronyms()]
        towns += [place for _, place in sorted(named, key=lambda item: item[0])
                  if place is not None and place.kind in TOWN_KINDS]
    return towns


def towns_told_with_area(document: Document, resolve_name: Callable[[str, str | None], Place | None],
                         area_places: Callable[[str], list[Place]]) -> dict[str, Place]:
    """The towns the story names once with their state or country ("in Erie, Pennsylvania"),
    by name: its other "Erie"s are that town, not the Erie County beside its Cleveland
    dateline. ``area_places`` gives the places an area's name may be."""
    told: dict[str, Place] = {}
    for sentence in document.sentences:
        for ent in sentence.ents:
            area = area_after(ent) if ent.label_ in PLACE_LABELS else None
            place = resolve_name(with_unit_word(ent), area) if area else None
            if place is not None and place.kind in TOWN_KINDS and _lies_in(place, area_places(area)):
                told.setdefault(normalise_name(ent.text), place)
    return told


def _lies_in(place: Place, areas: list[Place]) -> bool:
    return beside(place, [areas], provinces_only=True) or in_county_beside(place, [areas]) \
        or any(a.kind == "country" and a.country_code == place.country_code for a in areas)


def _town_named(ent: Span, resolve_name: Callable[[str, str | None], Place | None]) -> Place | None:
    """The town a name gives: a place's own, or a town's police force's ("the Houston Police
    Department"); not a street's ("in the 1900 block of Dover", "at 65th and Thurston")."""
    name = ent if ent.label_ in PLACE_LABELS else _town_of_force(ent)
    if name is None or names_an_area(name) or is_block_address(name.root) \
            or is_street_corner(name[0], name[-1]):
        return None
    return resolve_name(with_unit_word(name), area_after(name))


@functools.cache
def police_acronyms() -> dict[str, tuple[str, str]]:
    """"LAPD" -> ("Los Angeles", "California"): the acronyms big-city police forces go by, each
    one city's only (``data/police_forces.csv``; "MPD" or "CPD" are several cities'). Read
    as words, not names: the NER takes "LAPD Det. A. Burke" for one person."""
    path = resources.files("eventwire") / "data" / "police_forces.csv"
    with path.open(encoding="utf-8") as handle:
        return {row["acronym"]: (row["town"], row["state"]) for row in csv.DictReader(handle)}


def _town_of_force(ent: Span) -> Span | None:
    """"Houston" in "the Houston Police Department": a town's own force names the town."""
    if ent.label_ != "ORG":
        return None
    force = next((t.i for t in ent if t.lower_ in TOWN_FORCE_WORDS), ent.start)
    start = ent.start + (ent[0].lower_ == "the")
    name = ent.doc[start:force]
    return name if len(name) and all(t.is_title for t in name) else None


#: words of a state's own agencies, whose names then name the state ("Tennessee Bureau of
#: Investigation", "Ohio State Highway Patrol", "Texas Department of Public Safety")
STATE_AGENCY_WORDS = frozenset({"police", "bureau", "patrol", "troopers", "department",
                                "sheriff", "corrections", "attorney", "prosecutor"})


def agency_state(ent: Span, gazetteer: Gazetteer) -> Place | None:
    """The state whose own agency an organisation is: "the Tennessee Bureau of Investigation",
    "the Bristol Tennessee Police Department" (a state's name alone, not a country's too:
    "Georgia" is left alone, nor a big town's: "the Santa Ana Police Department" is the
    Californian city's, not a state of El Salvador's)."""
    words = [t.text for t in ent]
    if not any(w.lower() in STATE_AGENCY_WORDS for w in words):
        return None
    for size in (2, 1):
        for start in range(len(words) - size + 1):
            name = " ".join(words[start:start + size])
            found = gazetteer.lookup(name)
            states = [p for p in found if p.kind == "admin1" and normalise_name(p.name) == normalise_name(name)]
            big_town = any(p.kind == "city" and p.population >= BIG_TOWN for p in found)
            if len(states) == 1 and gazetteer.country(name) is None and not big_town:
                return states[0]
    return None


def names_an_area(ent: Span) -> bool:
    """"Sokolo (Niono, Segou)", "Cuernavaca, Morelos": the names after the town say where it
    lies; they are not other towns of the story."""
    doc = ent.doc
    if _after_an_open_bracket(doc, ent.start):
        return True
    before = ent.start - 1
    return before > 0 and doc[before].text == "," and doc[before - 1].ent_type_ in PLACE_LABELS


def with_unit_word(ent: Span) -> str:
    """A name with the unit word written after it ("Ali al-Gharbi district"), which says it
    is the district, not the town of its name."""
    after = ent.end
    if after < len(ent.doc) and ent.doc[after].lower_ in DISTRICT_WORDS:
        return ent.doc[ent.start:after + 1].text
    return ent.text


def area_after(ent: Span) -> str | None:
    """"Chester, Delaware County": the place name written after a town and a comma, which
    says where the town lies."""
    doc, comma = ent.doc, ent.end
    if comma + 1 >= len(doc) or doc[comma].text != "," or doc[comma + 1].ent_iob_ != "B" \
            or doc[comma + 1].ent_type_ not in PLACE_LABELS:
        return None
    end = comma + 2
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[comma + 1:end].text


def _after_an_open_bracket(doc: Doc, i: int) -> bool:
    """Whether a "(" that no ")" has closed comes before token ``i``: worked out once per doc
    (an article of one long paragraph has thousands of names to ask about)."""
    after_open = doc.user_data.get(AFTER_OPEN_BRACKET_KEY)
    if after_open is None:
        after_open, state = [], False
        for token in doc:
            after_open.append(state)
            if token.text == "(":
                state = True
            elif token.text == ")":
                state = False
        doc.user_data[AFTER_OPEN_BRACKET_KEY] = after_open
    return after_open[i]


def _most_named(towns: list[Place]) -> Place | None:
    """The town named most, when it is named at least twice and more than any other."""
    ranked = Counter(p.place_id for p in towns).most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return next(p for p in towns if p.place_id == ranked[0][0])


#: kinds of place a story's first-named area can be, when it names no town it is about
AREA_KINDS = ("facility", "airport", "city", "neighbourhood", "admin2", "admin1")


def story_area(document: Document, resolve_name: Callable[[str, str | None], Place | None]) -> Place | None:
    """The place the story's first sentence that names one puts it in, for a story that has
    no town of its own: a note's "in Nassriya city", "near Budbud village (Ceel Dheere,
    Galgaduud)" (the finest place known there: the town, else its bracketed areas)."""
    for sentence in document.sentences:
        places = [resolve_name(with_unit_word(ent), area_after(ent)) for ent in sentence.ents
                  if ent.label_ in PLACE_LABELS]
        places = [p for p in places if p is not None and p.kind in AREA_KINDS]
        if places:
            return min(places, key=lambda p: AREA_KINDS.index(p.kind))
    return None


def _aftermath_place(ent: Span) -> bool:
    """"taken to a hospital in Houston", "held at the jail in Conroe": the town of a place the
    aftermath went on in, not where it happened."""
    root = ent.root
    holder = root.head.head if root.dep_ == "pobj" else None
    return holder is not None and holder.lemma_.lower() in AFTERMATH_PLACE_NOUNS


def town_in_county(document: Document, resolve_name: Callable[[str, str | None], Place | None],
                   county: Place) -> Place | None:
    """The town inside a county dateline that the story is about ("DAUPHIN COUNTY, Pa. -
    Police responded to a home ... in Hummelstown"): the one town of that county it names, or
    the one it names most; a county is a coarse place for a story that names its town."""
    towns = [p for p in _named_towns(document, resolve_name, skip=_aftermath_place) if p.kind == "city"
             and p.country_code == county.country_code and p.admin1 == county.admin1
             and p.admin2 is not None and normalise_name(p.admin2) == normalise_name(county.name)]
    if len({p.place_id for p in towns}) == 1:
        return towns[0]
    return _most_named(towns)


def story_town(document: Document, resolve_name: Callable[[str, str | None], Place | None]) -> Place | None:
    """The town a story without a dateline is about: the first its headline names; else the
    one it names when all the towns it names lie within ``STORY_TOWN_KM`` of each other; else
    the one it names most often. ``resolve_name`` reads a name in the story's context."""
    headline = _named_towns(document, resolve_name, segment="title")
    if headline:
        return headline[0]
    towns = _named_towns(document, resolve_name)
    if not towns:
        return None
    first = towns[0]
    if all(haversine_km(p.latitude, p.longitude, first.latitude, first.longitude) <= STORY_TOWN_KM
           for p in towns):
        return _most_named(towns) or first
    return _most_named(towns)
