"""Stage "where": which named place is the event's place, and where that is.

Reads ``frame.place_refs``, the article's dateline and the countries it names; fills
``country``, ``admin1``, ``admin2``, ``location``, ``latitude``, ``longitude``,
``geo_precision`` (ACLED: 1 town or facility, 2 near a town or part of a region, 3 region),
``geo_source`` and ``target_facility``.

Choosing: places tied to the trigger (the target, "in/at/near" phrases) beat places merely named
in the sentence; among those the most precise kind wins (facility, city, district, province,
country). Same-name candidates are told apart by the countries the frame names, then by size
(a city of millions beats a hamlet), then by the countries the article names (the dateline
counts double), then by population. A generic target ("a base", "the American
embassy") next to a resolved town becomes the curated facility of that type nearby, if any.
What the chosen references say (precision, rank, one event per town) is in ``refs.py``; a
town the story refers back to ("the city") is ``back_references.py``'s, and a capital named by
what it is ("the Syrian capital") ``epithets.py``'s.
"""
from __future__ import annotations

import copy
import re
from collections import Counter
from typing import Callable, Sequence

from spacy.tokens import Span

from ..document import AREA_RELATION, WITHIN_RELATION, Document, Frame, PlaceRef
from .gazetteer import BIG_TOWN, Gazetteer, Place, normalise_name
from .area_chains import (HAMLET, ORIGIN_RELATION, agree_on_chains,
                          area_country, areas_after, drop_contradicted, within_the_areas_country)
from .city_parts import as_part_of_city, keep_parts_in_home_city, keep_parts_in_their_town
from .back_references import place_referred_back
from .coded import coded_refs
from .epithets import capital_named
from .fallback import PRECISE_KINDS, set_place
from .geocode import geocode
from .names import ARABIC_ARTICLES, CITY_SIDE, LEADING_ARTICLE, MACRO_REGIONS, name_variants
from .namesakes import (REGION_KINDS, TOWN_KINDS, beside, drop_other_names_abroad, far_off,
                        in_county_beside, is_major, lone_town, named_states, near_a_neighbour, near_any,
                        only_otherwise_called, part_of_a_major, town_called,
                        town_over_its_district, town_over_other_names, without_former_names)
from .outlets import outlet_home, outlet_town
from .refs import (KIND_RANK, district_named, drop_coded_abroad, drop_striking_country,
                   geo_precision_of, ref_rank, split_by_place)
from .story import (DATELINE_SOURCE, STORY_SOURCE, agency_state, cued_countries, dateline_area,
                    dateline_place, names_an_area, region_abbreviations, story_area, story_town,
                    town_in_county, towns_told_with_area)

#: facility words in a generic target -> facility_type values in data/facilities.csv
FACILITY_WORDS = {"embassy": "embassy", "consulate": "consulate", "base": "military base",
                  "airbase": "military base", "air base": "military base", "camp": "camp",
                  "airport": "airport", "port": "port", "crossing": "border crossing",
                  "field": "oil field", "outpost": "military base", "garrison": "military base"}
NEARBY_FACILITY_KM = 20.0
#: a namesake this close to the dateline's town is the one the story means
DATELINE_NEAR_KM = 50.0
#: a namesake this near a big city the story names is the one meant ("Kensington" with Philadelphia)
STORY_CITY_NEAR_KM = 30.0
#: ISO country codes that news text uses as the country's name ("US"); any other ("KP",
#: "SD") written alone is more often a province's abbreviation than a country
ISO_CODES_IN_TEXT = frozenset(("US",))
#: a word of two or three capitals is an abbreviation ("DOB" of a date of birth, "ICE"): it may
#: stand for a region ("KP") or a country, never for a town that is spelt so ("Dob", Slovenia)
ABBREVIATION = re.compile(r"^[A-Z]{2,3}$")
#: what a town found in one state alone adds to the counts of the story's countries and states
#: (a country or state named outright counts 1, the dateline's 2)
TOWN_WEIGHT = 0.5
#: a county's or parish's name, and the name without its kind word ("Lunenburg County")
COUNTY_NAME = re.compile(r"(.+?)\s+(?:County|Parish)")
#: what the home of the outlet a story comes from adds to its state's and country's counts
OUTLET_WEIGHT = 1
#: the weight at which the story names a state: once by name, or by its dateline
NAMED_STATE = 1


class Resolver:
    """Resolves the place references of one document's frames."""

    def __init__(self, gazetteer: Gazetteer, document: Document):
        self.gazetteer = gazetteer
        self.document = document
        self.article_states: Counter[tuple[str, str]] = Counter()  # weights may be halves
        self.story_cities: list[Place] = []
        self.cued: set[str] = set()  # the countries its wording gives a story naming none
        self.local_country: str | None = None  # a "TOWN, STATE" dateline's, or a local outlet's
        self.counted_towns: Counter[str] = Counter()  # what each lone town added to its country
        self.outlet = outlet_home(document.article.url)  # read once, for counts and placing
        #: the outlet's own town, the story's home where no dateline gives one
        self.outlet_town = outlet_town(self.outlet, gazetteer) if document.dateline is None else None
        self.told_with_area: dict[str, Place] = {}  # "Erie" -> the "Erie, Pennsylvania" told
        self.article_countries = self._article_countries()
        self.counties = self._counties_named()
        self._find_home_town()
        self.told_with_area = towns_told_with_area(document, self.resolve_name, self.area_places)
        self.coded = coded_refs(document)

    def _find_home_town(self) -> None:
        """The dateline's town, else the one the story is about (``where/story.py``): it
        places the events the text places nowhere."""
        town, source = self.document.context.get("dateline_place"), DATELINE_SOURCE
        if town is not None and town.kind == "admin2":
            town = town_in_county(self.document, self.resolve_name, town) or town
        if town is None:
            town, source = story_town(self.document, self.resolve_name), STORY_SOURCE
        self.document.context["home_town"] = self.named_in_city(town)
        self.document.context["home_source"] = source
        self.document.context["story_area"] = self.named_in_city(
            story_area(self.document, self.resolve_name)) if town is None else None

    def named_in_city(self, place: Place | None) -> Place | None:
        """``place``, printed as part of its city when the story writes it so
        (``where/city_parts.py``)."""
        if place is None:
            return None
        return as_part_of_city(place, self.document.article.text, self.gazetteer, self.story_cities)

    def _article_countries(self) -> Counter[str]:
        """Countries the story names, by mention; the dateline's counts double. Also fills
        ``article_states``: the provinces or states it names, the dateline's counting double."""
        counts: Counter[str] = Counter()
        area = dateline_area(self.document, self.gazetteer)
        self.local_country = area[0] if area and area[1] else self._outlet_country()
        for sentence in self.document.sentences:
            for ent in sentence.ents:
                if ent.label_ == "GPE":
                    name = LEADING_ARTICLE.sub("", ent.text)
                    found = self.gazetteer.lookup(name)
                    code = self._country_named(name, found) or self._area_named(ent)
                    if code is not None and self._region_abroad(name, code):
                        code = None
                    if code is not None:
                        counts[code] += 1
                    elif (town := lone_town(found, HAMLET)) is not None:
                        counts[town.country_code] += TOWN_WEIGHT
                        self.counted_towns[town.place_id] += TOWN_WEIGHT
                        self.article_states[(town.country_code, town.admin1 or "")] += TOWN_WEIGHT
                    self._count_state(name, found, as_area=names_an_area(ent))
                    self._note_big_city(name, found)
                elif ent.label_ == "ORG" and (state := agency_state(ent, self.gazetteer)) is not None:
                    counts[state.country_code] += 1  # "the Tennessee Bureau of Investigation"
                    self.article_states[(state.country_code, state.name)] += 1
        named = any(n >= 1 for n in counts.values())
        cued = set() if named else cued_countries(self.document.article.text)
        home = (self.outlet.country, self.outlet.admin1) if self.outlet is not None else None
        dateline = dateline_place(self.document, self.gazetteer, counts + Counter(cued), home)
        self.document.context["dateline_place"] = dateline
        if dateline is not None:
            area = dateline.country_code, dateline.admin1
            if self.outlet is not None and self.outlet.country == dateline.country_code:
                self.local_country = dateline.country_code  # "NEW ORLEANS --" on a local site
        if area is not None:  # "MARLBOROUGH, N.Y.": the state counts though the town is unknown
            counts[area[0]] += 2
            if area[1]:
                self.article_states[(area[0], area[1])] += 2
        elif self.document.dateline is None:
            self._count_outlet_home(counts)
        self.cued = cued if dateline is None or dateline.country_code in cued else set()
        return counts

    def _counties_named(self) -> dict[str, Place]:
        """The counties or parishes the story names, by their name without the word ("Lunenburg
        County" -> "lunenburg"), where the name finds one in the story's country alone (the
        country it names most, else the one its wording gives: "deputies said")."""
        country = max(self.article_countries, key=self.article_countries.get, default=None)
        countries = {country} if country else self.cued
        counties: dict[str, Place] = {}
        for sentence in self.document.sentences:
            for ent in sentence.ents:
                match = COUNTY_NAME.fullmatch(LEADING_ARTICLE.sub("", ent.text))
                if ent.label_ != "GPE" or match is None:
                    continue
                found = [p for p in self.gazetteer.lookup(match.group(0))
                         if p.kind == "admin2" and p.country_code in countries]
                if len(found) == 1:
                    counties[normalise_name(match.group(1))] = found[0]
        return counties

    def _with_its_county(self, name: str, places: list[Place]) -> list[Place]:
        """A town named as a county the story names is in that county ("Lunenburg" beside
        "Lunenburg County", Virginia): its namesakes there, else the county itself (the
        gazetteer misses the county's small seat), not a bigger namesake in another state."""
        county = self.counties.get(normalise_name(name))
        if county is None:
            return places
        inside = [p for p in places if p.kind in ("city", "neighbourhood")
                  and p.country_code == county.country_code and p.admin1 == county.admin1
                  and p.admin2 == county.name]
        if not inside and any(p.kind == "admin1" or p.population >= BIG_TOWN for p in places):
            return places  # "Washington" beside "Washington County" may be the state or the capital
        return inside or [county]

    def _outlet_country(self) -> str | None:
        """A local outlet's country, for a story with no dateline: its story is local news,
        so a region abroad it never names is a false friend ("the northeast valley" on a Las
        Vegas paper's site is no region of Iceland, whose English name is "Northeast")."""
        if self.outlet is None or self.document.dateline is not None:
            return None
        return self.outlet.country

    def _count_outlet_home(self, counts: Counter[str]) -> None:
        """The state and country of the local outlet the report comes from (``outlets.py``)
        count as named once: "Columbus" on a Georgia station's site is Georgia's."""
        if self.outlet is not None:
            counts[self.outlet.country] += OUTLET_WEIGHT
            self.article_states[(self.outlet.country, self.outlet.admin1)] += OUTLET_WEIGHT

    def _note_big_city(self, name: str, found: list[Place]) -> None:
        """A big city the story names, when no other big city has its name ("Philadelphia";
        Amman is Philadelphia only by an old alias): the namesakes near it are the ones a
        local story means ("Kensington")."""
        key = normalise_name(name)
        big = [p for p in found if p.kind == "city" and p.population >= BIG_TOWN
               and normalise_name(p.name) == key]
        if len(big) == 1 and big[0] not in self.story_cities:
            self.story_cities.append(big[0])

    def _story_cities_besides(self, places: list[Place]) -> list[Place]:
        """The story's big cities that are not among ``places``: a name that may be the story
        city itself is told apart by the rest of the story ("Washington" in a Minnesota story)."""
        ids = {p.place_id for p in places}
        return [city for city in self.story_cities if city.place_id not in ids]

    def _count_state(self, name: str, found: list[Place], as_area: bool = False) -> None:
        """A state or province the name (whose namesakes are ``found``) is, when it is one alone
        and nothing big abroad has its name ("Michigan", "N.C."; not "Manchester", a Jamaican
        parish), unless it is written as a town's area ("Quincy, Washington": the state, though
        a big city has its name)."""
        states = self._abbreviated_region(name, after_a_town=True)
        if not states:
            states = [p for p in found if p.kind == "admin1"]
            if not as_area and any(is_major(p, districts_by_size=True) for p in found if p not in states):
                return
        if len(states) == 1 and self.gazetteer.country(name) is None:
            self.article_states[(states[0].country_code, states[0].name)] += 1

    def _country_named(self, name: str, found: list[Place]) -> str | None:
        """The country a name gives: a country's ("Iraq"), or that of a province, state or
        county whose big namesakes all lie in its country ("California", "Wilson County",
        "Ninewa": a US local story never names the US); none for a name both a country and a
        state have ("Georgia"), or a province and a city abroad ("Gaza")."""
        country = self.gazetteer.country(name)
        if country is not None:
            states = {p.country_code for p in found if p.kind == "admin1"}
            return country.country_code if not states - {country.country_code} else None
        states = {p.country_code for p in found if p.kind in ("admin1", "admin2")}
        big = {p.country_code for p in found if is_major(p, districts_by_size=True)}
        return next(iter(states)) if len(states) == 1 and not big - states else None

    def _area_named(self, ent: Span) -> str | None:
        """The country of a province or district named as the area a place lies in ("Sokolo
        (Niono, Segou)"): notes that never name the country name it so."""
        if not names_an_area(ent):
            return None
        return area_country([p for p in self.gazetteer.lookup(ent.text) if p.kind in REGION_KINDS])

    def candidates(self, ref: PlaceRef) -> list[Place]:
        """Places a phrase can name, trying shorter forms; a form that finds only small towns
        gives way to a shorter one that finds a big town or region ("eastern Baghdad"), unless
        the whole phrase names a town of its own away from that big place ("East Orange"). A
        state's abbreviation after a town is that state ("St. Louis Park, Minn.")."""
        if CITY_SIDE.match(ref.text.strip()):
            return []  # "the South Side": the story's city is the place
        capital = capital_named(ref.text, self.gazetteer, self.article_countries)
        if capital is not None:
            return [capital]  # "the Syrian capital", "the capital" of a story about Syria
        state = self._abbreviated_region(ref.text, ref.relation == WITHIN_RELATION)
        if state:
            return state
        fallback: list[Place] = []
        whole: list[Place] = []  # a town the whole name names: "East Orange"
        variants = name_variants(ref.text)
        for variant in variants:
            if normalise_name(variant) in MACRO_REGIONS:
                return fallback
            if variant.islower():  # "the base", "the border": a common noun is no place name
                continue
            country = self.gazetteer.country(variant)
            if country is not None and variant == country.country_code \
                    and variant not in ISO_CODES_IN_TEXT:
                country = None  # "KP" in "Khyber district, KP" is the province, not North Korea
            if country is not None:  # a country's name in English news is the country,
                return self._country_or_state(country, variant, ref)  # or a state: "Atlanta (Georgia)"
            looked_up = without_former_names(self.gazetteer.lookup(variant), variant)
            if ABBREVIATION.match(variant):
                looked_up = [p for p in looked_up if p.kind not in TOWN_KINDS]
            named = self._with_its_county(variant, town_over_other_names(
                looked_up, variant, self._surroundings_told(looked_up)))
            found = town_over_its_district(ref.text, named)
            if any(is_major(p) for p in named):  # a big place, or a district's own town
                return whole if whole and not part_of_a_major(whole, named) else found
            if variant == variants[0] and town_called(named, variant, HAMLET):
                whole = found
            fallback = fallback or found
        return fallback

    def _abbreviated_region(self, text: str, after_a_town: bool) -> list[Place]:
        """"Minn.", "Pa" (after a town): the state or province an AP-style abbreviation
        stands for."""
        text = text.strip()
        for form in (text, text + ".") if after_a_town else (text,) if text.endswith(".") else ():
            if form in region_abbreviations():
                region, country = region_abbreviations()[form]
                return [p for p in self.gazetteer.lookup(region)
                        if p.kind == "admin1" and p.country_code == country]
        return []

    def _country_or_state(self, country: Place, name: str, ref: PlaceRef) -> list[Place]:
        """A country's name is the country, and the provinces that share its name come after
        it; they come first in a story that names their country more ("Georgia" in a story
        from Atlanta is the US state). Written as the area of the place before it, the name
        may be either: "Atlanta (Georgia)" is in the US state."""
        provinces = [p for p in self.gazetteer.lookup(name) if p.kind == "admin1"
                     and p.country_code != country.country_code]
        ours = self.article_countries.get(country.country_code, 0)
        first = [p for p in provinces if self.article_countries.get(p.country_code, 0) > ours]
        if first:
            return first + [country]
        return [country] + (provinces if ref.relation == WITHIN_RELATION else [])

    def plausible(self, place: Place, frame_countries: set[str]) -> bool:
        """A hamlet in a country the story never names is a false friend ("Middle East", a
        hamlet in the United States), and so is a small town far off in a state it never
        names, any town abroad in a local story that never names its country, or a town short
        of a big one abroad when the story names its own country."""
        if place.kind in ("admin1", "admin2"):
            return self._region_plausible(place, frame_countries)
        if place.kind not in ("city", "neighbourhood"):
            return True
        home = self.document.context.get("dateline_place") or self.document.context.get("home_town") \
            or self.outlet_town  # "Roseland" on a Chicago station's site is no Californian town
        if home is not None and far_off(place, home, self.article_countries, self.article_states,
                                        self.story_cities):
            return False
        besides = self._countries_besides(place)
        if place.country_code in frame_countries or place.country_code in besides:
            return True
        if self.local_country is not None and place.country_code != self.local_country:
            return False  # local news never named its country: "Metro police" is no Indonesian town
        if not besides:  # no country named but by this town's own name: a note on a village
            return place.country_code in self.article_countries or place.population >= HAMLET
        # a town abroad, in a story that names its own country and towns: a false friend
        # unless big ("Al Hamra" in a note on Daraa is no Jordanian village near the border)
        return place.population >= HAMLET and is_major(place)

    def _countries_besides(self, place: Place) -> Counter[str]:
        """The countries the story names, less what ``place``'s own name added as a lone town
        in a local story (a local outlet's, or one filed from a "TOWN, STATE" dateline):
        "Whitehaven" (England's only) on a Memphis station's site names no England but itself.
        A note with no home of its own keeps the count ("a protest in Sanabis (Capital) for
        the Palestinians": the village names Bahrain)."""
        counts = Counter(self.article_countries)
        if self.outlet is not None or self.local_country is not None:
            counts[place.country_code] -= self.counted_towns.get(place.place_id, 0)
        return Counter({code: n for code, n in counts.items() if n > 0})

    def _region_abroad(self, name: str, code: str) -> bool:
        """A region's name (not a country's) that finds only a region abroad, in a local story
        filed from a town and its state ("MARLBOROUGH, N.Y.", then "Marlborough" in the
        headline): a namesake, which names no country for the story."""
        return self.local_country is not None and code != self.local_country \
            and self.gazetteer.country(name) is None

    def _region_plausible(self, place: Place, frame_countries: set[str]) -> bool:
        """A region abroad is a false friend in a local story (``_region_abroad``) that never
        names the region's country: "Marlborough" in a story filed from "MARLBOROUGH, N.Y." is
        no region of New Zealand. So is a county in another state than those the story names,
        and a county or district in a country the story never names while it names others
        ("the Old Park" in a Belfast story, found as Park County, Colorado, by its bare name)."""
        abroad = self.local_country is not None and place.country_code != self.local_country
        if place.kind == "admin2" and self._in_a_state_not_named(place):
            return False  # "Monroe" in a Connecticut story is no Monroe County, New York
        if place.kind == "admin2" and place.country_code not in frame_countries:
            besides = self._countries_besides(place)
            if besides and place.country_code not in besides:
                return False  # "the Old Park" in a Belfast story is no Park County, Colorado
        return not abroad or place.country_code in frame_countries \
            or self.article_countries.get(place.country_code, 0) >= 1

    def _in_a_state_not_named(self, place: Place) -> bool:
        """The story names states of the place's country, and not the place's own."""
        named = named_states(self.article_states, place.country_code)
        return bool(named) and place.admin1 not in named

    def choose(self, places: list[Place], frame_countries: set[str],
               neighbours: Sequence[list[Place]] = (), name: str | None = None) -> Place | None:
        """The namesake meant: in a country the frame names; in the province a place named
        beside it lies in ("Bohdanivka, Donetsk", then the most precise kind: "Beja (Beja)" is
        the town); the town the story names so with its area elsewhere ("Erie, Pennsylvania");
        near the dateline; big; near a big city the story names; in a country the story
        names; one called ``name`` itself, not only among its other names
        (``only_otherwise_called``); the most precise kind; the most populous."""
        frame_countries = frame_countries or self.cued  # a story naming none: its wording's
        places = [p for p in places
                  if self.plausible(p, frame_countries) or beside(p, neighbours, provinces_only=True)]
        if not places:
            return None
        # namesakes in several provinces: a small district is no rival to a big place
        apart = len({(p.country_code, p.admin1) for p in places}) > 1
        towns_only = all(p.kind in ("city", "neighbourhood") for p in places)
        cities = self._story_cities_besides(places)
        home = self._home_for(places, towns_only)
        return min(places, key=lambda p: (
            p.country_code not in frame_countries, not beside(p, neighbours, provinces_only=True),
            not beside(p, neighbours), self._told_otherwise(p, name),
            towns_only and not near_a_neighbour(p, neighbours),
            not (home is not None and near_any(p, [home], DATELINE_NEAR_KM)),
            not self._county_of_home_state(p),
            # with its province named beside it, a town is no namesake: the town beats the district
            KIND_RANK.get(p.kind, 99) if beside(p, neighbours, provinces_only=True) else 0,
            # a state the story names beats a bigger namesake elsewhere: "Elgin" in an Iowa story
            self.article_states.get((p.country_code, p.admin1 or ""), 0) < NAMED_STATE,
            not is_major(p, districts_by_size=apart),
            # among small namesakes, one beside a big city the story names ("Kensington")
            not near_any(p, cities, STORY_CITY_NEAR_KM),
            # in a state the story names: "Dearborn" in a Michigan story is no Indiana county
            -self.article_states.get((p.country_code, p.admin1 or ""), 0),
            -self.article_countries.get(p.country_code, 0),
            only_otherwise_called(p, places, name),
            KIND_RANK.get(p.kind, 99), -p.population))

    def area_places(self, area: str) -> list[Place]:
        """The places a name written as another's area ("Chester, Delaware County") may be."""
        return self.candidates(PlaceRef(0, 0, area, -1, relation=WITHIN_RELATION))

    def _told_otherwise(self, place: Place, name: str | None) -> bool:
        """The story names a town by this name with its state or country, and not this one."""
        told = self.told_with_area.get(normalise_name(name)) if name else None
        return told is not None and told.place_id != place.place_id

    def resolve_name(self, text: str, area: str | None = None) -> Place | None:
        """A place name read outside any event, in the story's context, and in the ``area``
        written after it ("Chester, Delaware County"): a town short of a big one, in a country
        the story does not name though it names others, is a false friend ("Wawa", a shop in
        a New Jersey story, is no Philippine town)."""
        neighbours = [self.area_places(area)] if area else []
        places = self.candidates(PlaceRef(0, 0, text, -1))
        in_county = [p for p in places if in_county_beside(p, neighbours)]
        place = self.choose(in_county or places, set(), neighbours, text)
        if place is None or is_major(place, districts_by_size=True) or not self.article_countries \
                or place.country_code in self.article_countries:
            return place
        return None

    def _home_for(self, places: list[Place], towns_only: bool) -> Place | None:
        """The town whose namesakes near it a local story means ("Kensington" in a story filed
        from Philadelphia): the dateline's; else, among towns only, the one the story is about
        ("Kherson" after a village is the province, however near the city), unless that town
        is one of these namesakes (it was found by this very choice), and then the local
        outlet's ("the city's Kensington section" on a Philadelphia station's site)."""
        town = self.document.context.get("dateline_place")
        if town is not None or not towns_only:
            return town
        names = {normalise_name(p.name) for p in places}
        for town in (self.document.context.get("home_town"), self.outlet_town):
            if town is not None and normalise_name(town.name) not in names:
                return town
        return None

    def _surroundings_told(self, places: list[Place]) -> Callable[[Place], bool]:
        """Whether the story tells of a place's surroundings: it lies near the story's home
        town, or in a state the story names."""
        home = self._home_for(places, towns_only=True)
        return lambda p: (home is not None and near_any(p, [home], DATELINE_NEAR_KM)) \
            or self.article_states.get((p.country_code, p.admin1 or ""), 0) >= NAMED_STATE

    def _county_of_home_state(self, place: Place) -> bool:
        """A county in the state of the story's own town: county names repeat from state to
        state ("Marion County" in a Portland story is Oregon's, not Indianapolis's); other
        kinds pass."""
        town = self.document.context.get("dateline_place") or self.document.context.get("home_town")
        if place.kind != "admin2" or town is None:
            return True
        return (place.country_code, place.admin1) == (town.country_code, town.admin1)

    def resolve(self, frame: Frame) -> None:
        """Unambiguous names first (a hamlet too, when brackets name it as the area of the
        place before them); the countries they give then pick among the rest. A place the
        sentence says the event was coded to (``where/coded.py``) replaces all others, when
        the gazetteer knows it or the areas after it."""
        if frame.sentence in self.coded:
            named = frame.place_refs
            frame.place_refs = [copy.copy(ref) for ref in self.coded[frame.sentence]] + [
                copy.copy(ref) for ref in named if ref.relation == AREA_RELATION]  # "in Dara countryside"
            self._resolve_refs(frame)
            drop_coded_abroad(frame.place_refs)
            if any(ref.place is not None for ref in frame.place_refs):
                self.place(frame)
                return
            frame.place_refs = named
        self._resolve_refs(frame)
        self.place(frame)
        referred = place_referred_back(frame, self.document, self.resolve_name, self.gazetteer)
        if referred is not None:  # "a drone strike on the city": the town named just before
            set_place(frame, self.named_in_city(referred[0]), 1, self.gazetteer)
            frame.add_evidence("location", referred[1])

    def _resolve_refs(self, frame: Frame) -> None:
        found = [self.candidates(ref) for ref in frame.place_refs]
        agree_on_chains(frame.place_refs, found)
        within_the_areas_country(frame.place_refs, found)
        for ref, places in zip(frame.place_refs, found):
            unique = len(places) == 1
            ref.place = places[0] if unique and (self.plausible(places[0], set())
                                                 or ref.relation == WITHIN_RELATION) else None
        drop_other_names_abroad(frame.place_refs, found)
        named = {r.place.country_code for r in frame.place_refs if r.place is not None}
        named |= {area_country(places) for ref, places in zip(frame.place_refs, found)
                  if ref.relation == WITHIN_RELATION  # "(Veracruz)": city or state, both in Mexico
                  and area_country(places)}
        for i, (ref, places) in enumerate(zip(frame.place_refs, found)):
            if ref.place is None:
                ref.place = self.choose(places, named, found[:i] + found[i + 1:], ref.text)
        self._respell_unknown(frame, found)
        drop_contradicted(frame.place_refs, found)
        keep_parts_in_their_town(frame.place_refs, found)
        keep_parts_in_home_city(frame.place_refs, found, self.document.article.text,
                                self._home_cities(), self.story_cities)
        drop_striking_country(frame.place_refs)

    def _home_cities(self) -> list[Place]:
        """The story's own towns: its dateline's and its local outlet's."""
        home = [self.document.context.get("dateline_place"), self.outlet_town]
        return [p for p in home if p is not None and p.kind in ("city", "neighbourhood")]

    def _respell_unknown(self, frame: Frame, found: list[list[Place]]) -> None:
        """A town the gazetteer does not spell so ("Deir Sunbul town in Idleb countryside"),
        next to a place that gives its province, is looked for among that province's towns
        as a respelling, word for word ("Dayr Sunbul")."""
        areas = [r.place for r in frame.place_refs if r.place is not None and r.place.admin1]
        if not areas:
            return
        district = district_named(frame.place_refs)
        for ref, places in zip(frame.place_refs, found):
            if ref.place is not None or places or ref.relation == WITHIN_RELATION:
                continue
            area = areas[0]
            hit = geocode(ref.text, country=area.country_code, admin1=area.admin1,
                          admin2=district[1] if district and district[0] == area.admin1 else None,
                          gazetteer=self.gazetteer)
            if hit is not None and hit.matched and hit.place.kind in PRECISE_KINDS \
                    and _word_for_word(hit.matched, hit.place.name):
                ref.place = hit.place

    def place(self, frame: Frame) -> None:
        """Set the frame's place from its already resolved references."""
        resolved = [r for r in frame.place_refs if r.place is not None]
        landed = [r for r in resolved if r.relation != ORIGIN_RELATION]
        if frame.weapons and landed:  # "fired from Lebanon toward posts near X": X, if known
            resolved = landed
        if not resolved:
            return
        closest = min(r.distance for r in resolved)
        pool = [r for r in resolved if r.distance <= max(1, closest)]
        best = min(pool, key=lambda r: (ref_rank(r), r.distance,  # then a town written with
                                        not areas_after(r, frame.place_refs), r.start))  # its areas
        place, precision = self.named_in_city(best.place), geo_precision_of(best)
        facility = self._facility_nearby(frame, place)
        if facility is not None:  # inferred, not named: a place, not a target facility
            set_place(frame, facility, max(precision, 2), self.gazetteer, named=False)
        else:
            set_place(frame, place, precision, self.gazetteer)
        frame.add_evidence("location", self.document.span(best.start, best.end))

    def _facility_nearby(self, frame: Frame, place: Place) -> Place | None:
        """"a base in the Al-Shaddadi region" -> the curated base near Al-Shaddadi."""
        if place.kind in ("facility", "airport", "country", "admin1"):
            return None
        for ref in frame.target_refs:
            wanted = next((t for w, t in FACILITY_WORDS.items()
                           if re.search(rf"\b{w}\b", ref.text, re.IGNORECASE)), None)
            if wanted is None:
                continue
            near = self.gazetteer.nearby(place.latitude, place.longitude, NEARBY_FACILITY_KM)
            match = next((p for p in near if p.facility_type == wanted), None)
            if match is not None:
                return match
        return None


def _word_for_word(matched: str, name: str) -> bool:
    """A respelling has the name's words, one for one ("Dayr Sunbul" for "Deir Sunbul"):
    a hotel's "Hampton Inn" is no town of Hampton (one skeleton once "nn" is one "n")."""
    def words(text: str) -> int:
        return len([w for w in normalise_name(text).split() if w not in ARABIC_ARTICLES])
    return words(matched) == words(name)


def locate(document: Document, gazetteer: Gazetteer) -> Document:
    resolver = Resolver(gazetteer, document)
    for frame in document.frames:
        resolver.resolve(frame)
    if document.dateline is None and document.context.get("home_town") is None:
        document.context["outlet_town"] = resolver.outlet_town
    document.context["cued_countries"] = resolver.cued
    document.context["named_countries"] = Counter({
        place.country: n for code, n in resolver.article_countries.items()
        if n >= 1 and (place := gazetteer.country(code)) is not None})
    document.frames = [part for frame in document.frames
                       for part in split_by_place(frame, resolver)]
    return document
