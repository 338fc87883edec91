"""Geocode a free-text place description with optional admin context, outside any article.

Gold tables such as UCDP GED describe an event's place in a short phrase ("Chirogora village
in Purulia District", "near Kobani", "4 km north of Mizan", "Nangarhar, Laghman and Khost
provinces") next to the country and the first- and second-order admin units it lies in.
``geocode`` turns such a row into a gazetteer place, a point and an honest precision code, so
the where-stage's gazetteer can be scored on its own and such tables can be loaded as data.

How it chooses:

1. The country (UCDP spells some historically: "DR Congo (Zaire)", "Serbia (Yugoslavia)")
   gives the set of country codes a place may lie in; the admin names are resolved to
   gazetteer admin units where the gazetteer knows them.
2. The description is cut into candidate toponyms at punctuation and at linking words ("in",
   "of", "near", "and" ...); generic words (village, district, outskirts ...) are dropped.
3. Each toponym is looked up; candidates outside the country, or outside the given admin1
   when that is known, are dropped; those inside the given admin2 come first, then populated
   places, then larger ones. A toponym that merely repeats the context's admin name ("Aleppo"
   for Aleppo governorate) ranks after one that names a place inside it.
   A name the gazetteer does not spell so is matched as a respelling (``skeleton``: vowels,
   articles and soft letters dropped) of a place in the admin2 or admin1.
4. Nothing found: the admin2, then the admin1, then the country, at the matching precision.
   A district stands at its seat (the town it is named after) when the gazetteer has one, and
   a district the gazetteer lacks is found through its seat.

Precision is given on both scales: UCDP ``where_prec`` (1 exact place ... 6 whole country,
7 waters/airspace) and ACLED ``geo_precision`` (1 town, 2 near a town or part of a region,
3 region).
"""
from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from .gazetteer import Gazetteer, Place, haversine_km, normalise_name
from .index import strip_article
from .names import COMPASS, GENERIC_SUFFIXES, MACRO_REGIONS, respelling_key

# ----------------------------------------------------------------------------- lexicons (data)

#: UCDP where_prec codes
EXACT, NEAR, ADMIN2, ADMIN1, PART_OF_COUNTRY, COUNTRY, WATERS = 1, 2, 3, 4, 5, 6, 7
#: UCDP where_prec -> ACLED geo_precision
ACLED_PRECISION = {EXACT: 1, NEAR: 2, ADMIN2: 2, ADMIN1: 3, PART_OF_COUNTRY: 3, COUNTRY: 3, WATERS: 3}
#: gazetteer kinds that are points (a town, a facility), not areas
POINT_KINDS = ("facility", "airport", "neighbourhood", "city")
#: UCDP precision of a place of each area kind
AREA_PRECISION = {"admin2": ADMIN2, "admin1": ADMIN1, "region": PART_OF_COUNTRY, "country": COUNTRY}

#: words naming a second-order unit: a name followed by one is that unit ("Kamdesh district")
ADMIN2_WORDS = frozenset(("district", "districts", "territory", "lga", "municipality", "county",
                          "raion", "rayon", "subdistrict", "sub district", "tehsil", "agency",
                          "commune", "woreda", "locality", "municipio", "department", "circle",
                          "cercle", "subprefecture", "division", "qada", "sector", "talukas",
                          "taluka", "mandal", "regency", "regencies", "kabupaten"))
#: words naming a first-order unit ("Borno state", "Setif province")
ADMIN1_WORDS = frozenset(("province", "provinces", "governorate", "governorates", "state",
                          "states", "oblast", "region", "regions", "prefecture", "republic",
                          "zone", "wilaya", "muhafazat", "krai", "kray", "okrug", "emirate"))
#: words that describe a place without naming it; dropped from either end of a toponym
GENERIC_WORDS = frozenset((*GENERIC_SUFFIXES, *ADMIN2_WORDS, *ADMIN1_WORDS, "villages",
                           "villge", "towns", "cities", "areas", "settlement", "township", "hamlet",
                           "suburbs", "vicinity", "environs", "outskirt", "countryside", "quarter",
                           "neighbourhoods", "neighborhoods", "valley", "mountains", "mountain",
                           "hills", "road", "highway", "market", "island", "islands", "locality",
                           "local", "government", "police", "station", "limits", "site",
                           "known", "as", "the", "a", "an", "its", "his", "their", "mintaqat",
                           "markaz", "nahiyat", "caza", "administrative", "rural", "urban",
                           "center", "centre", "capital", "border", "borders", "frontier",
                           "several", "many", "some", "two", "three", "various", "parts", "part",
                           "near", "outside", "unknown", "of", "in", "at", "from", "to", "and"))
#: words that say the event was near, not at, the place named (UCDP where_prec 2)
VAGUE_CUES = re.compile(
    r"\b(?:near|nearby|outside|outskirts?|vicinity|around|close to|between|area|areas|"
    r"surroundings|environs|suburbs?|road|highway|countryside|outlying|off|"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of|"
    r"\d+(?:[.,]\d+)?\s*(?:km|kms|kilomet(?:re|er)s?|miles?|mi)\b)", re.IGNORECASE)
#: "4 km north of Mizan", "10 kilometres from Kandahar": the place is the one after "of/from"
#: (a distance starts where a number starts, and has at most 6 digits: a long digit run
#: otherwise makes the engine try every start inside it, quadratic in its length)
OFFSET = re.compile(r"(?<![\d.,])\d{1,6}(?:[.,]\d+)?\s*(?:km|kms|kilomet(?:re|er)s?|miles?)\.?\s+(?:to the\s+)?"
                    r"(?:[a-z-]+\s+)?(?:of|from)\s+(?P<place>.+)", re.IGNORECASE)
#: cuts a description into toponyms: punctuation first, then linking words
PUNCTUATION = re.compile(r"\s*[,;:/()\[\]#\n\r\t|]+\s*|\s+-\s+|\.\s+|\s*&\s*|['\u2019]s\s+")
LINKING = re.compile(r"\s+(?:in|of|and|near|at|between|outside|from|to|on|along|under|towards?|"
                     r"close to|around|off|within|inside|across|by|with|the|into|about|over|"
                     r"beyond|behind|opposite|via|leads|located|situated)\s+", re.IGNORECASE)
#: descriptions that say the event was at sea or in the air
WATER_WORDS = re.compile(r"\b(?:sea|ocean|waters|airspace|gulf of|strait|lake)\b", re.IGNORECASE)

#: UCDP country names the gazetteer does not know, and territories UCDP codes under a state
#: that the gazetteer files apart (ISO2 codes; the first is the country itself)
COUNTRY_CODES = {
    "serbia (yugoslavia)": ("RS", "XK", "ME", "BA", "HR", "SI", "MK"),
    "yugoslavia": ("RS", "XK", "ME", "BA", "HR", "SI", "MK"),
    "russia (soviet union)": ("RU",),
    "israel": ("IL", "PS"),
    "sudan": ("SD", "SS"),
    "ethiopia": ("ET", "ER"),
    "indonesia": ("ID", "TL"),
    "morocco": ("MA", "EH"),
    "georgia": ("GE",),
    "dr congo (zaire)": ("CD",),
    "cambodia (kampuchea)": ("KH",),
    "kingdom of eswatini (swaziland)": ("SZ",),
    "macedonia, fyr": ("MK",),
    "yemen (north yemen)": ("YE",),
    "myanmar (burma)": ("MM",),
    "zimbabwe (rhodesia)": ("ZW",),
    "madagascar (malagasy)": ("MG",),
    "vietnam (north vietnam)": ("VN",),
}
#: words after (or before) a name that say what kind of place it is, checked in this order
POINT_WORDS = frozenset(("city", "town", "village", "villages", "villge", "township", "hamlet",
                         "settlement", "neighbourhood", "neighborhood", "camp"))
UNIT_WORDS = (("admin2", ADMIN2_WORDS), ("admin1", ADMIN1_WORDS), ("city", POINT_WORDS))
#: plural unit words that close a list ("Nangarhar, Logar and Khost provinces")
PLURAL_UNITS = {"provinces": "admin1", "governorates": "admin1", "states": "admin1",
                "regions": "admin1", "districts": "admin2", "territories": "admin2",
                "municipalities": "admin2"}
#: kinds a name the gazetteer does not spell exactly may be a respelling of
FUZZY_KINDS = ("city", "neighbourhood", "facility", "admin2")
#: how far from an admin2's point a town with no admin2 name still counts as inside it
ADMIN2_REACH_KM = 30.0
#: how close two admin names must be (difflib ratio) to be one unit spelled two ways
ADMIN_SIMILARITY = 0.8


@dataclass(frozen=True)
class Geocoded:
    """Where a description resolved to, and how precisely."""

    place: Place
    latitude: float
    longitude: float
    #: the toponym (as cut from the description) that found the place; "" for a fallback
    matched: str
    #: UCDP where_prec (1 exact ... 6 country, 7 waters/airspace)
    where_prec: int

    @property
    def geo_precision(self) -> int:
        """ACLED geo_precision (1 town, 2 near a town or part of a region, 3 region)."""
        return ACLED_PRECISION[self.where_prec]


@dataclass(frozen=True)
class Context:
    """The admin context of a description, resolved against the gazetteer where possible."""

    codes: tuple[str, ...]
    country: Place | None
    admin1: Place | None
    admin2: Place | None
    admin1_name: str | None
    admin2_name: str | None


# ----------------------------------------------------------------------------- names


@functools.lru_cache(maxsize=65536)
def admin_key(name: str | None) -> str:
    """Comparison form of an admin unit's name, without its kind word or Arabic article:
    "Deir ez Zor governorate" -> "deir ez zor"; "Mintaqat Markaz Hamah" -> "hamah"."""
    words = normalise_name(name or "").split()
    while words and words[-1] in GENERIC_WORDS:
        words = words[:-1]
    while len(words) > 1 and words[0] in GENERIC_WORDS:
        words = words[1:]
    return strip_article(" ".join(words))


@functools.lru_cache(maxsize=65536)
def skeleton(name: str | None) -> str:
    """Spelling-blind form of an admin or place name without its kind word: "Ras al-A'in"
    and "Ras al Ayn", "Paktya" and "Paktia" meet (``names.respelling_key``)."""
    return respelling_key(admin_key(name))




@functools.lru_cache(maxsize=262144)
def similar(a: str | None, b: str | None) -> bool:
    """Do two spellings name one place ("Idleb" / "Idlib", "Hilmand" / "Helmand")?"""
    ka, kb = admin_key(a), admin_key(b)
    if not ka or not kb:
        return False
    if ka.replace(" ", "") == kb.replace(" ", ""):
        return True
    return _same_skeleton(ka, kb) or _alike(ka, kb)


def _same_skeleton(ka: str, kb: str) -> bool:
    """One skeleton, long enough to tell places apart, and one first letter."""
    sa = skeleton(ka)
    return len(sa) >= MIN_SKELETON and sa == skeleton(kb) and ka[0] == kb[0]


def _alike(ka: str, kb: str) -> bool:
    """Letters alike by difflib's ratio; its cheap upper bounds (by length, by letters held)
    turn most names of an area away before the full comparison."""
    matcher = difflib.SequenceMatcher(None, ka, kb)
    return matcher.real_quick_ratio() >= ADMIN_SIMILARITY and matcher.quick_ratio() >= ADMIN_SIMILARITY \
        and matcher.ratio() >= ADMIN_SIMILARITY


@functools.lru_cache(maxsize=262144)
def respelt(a: str | None, b: str | None) -> bool:
    """Are two names one name in two spellings: one skeleton, one first letter and alike in
    letters ("Sukhna" / "As Sukhnah", "Al Tabaqa" / "Al-Tabqa"; not "Kakpora" / "Kopawor")?"""
    ka, kb = admin_key(a), admin_key(b)
    return bool(ka and kb) and _same_skeleton(ka, kb) and _alike(ka, kb)


#: skeletons shorter than this are too common to identify a place alone
MIN_SKELETON = 3
#: ... unless the name has this many letters, enough to compare letter by letter in one area
MIN_ALIKE_LETTERS = 6


def country_codes(country: str | None, gazetteer: Gazetteer) -> tuple[tuple[str, ...], Place | None]:
    """ISO2 codes a place in ``country`` may carry, and the country's gazetteer place.
    UCDP's "DR Congo (Zaire)" is tried whole, without the bracket, then as the bracket."""
    if not country or not country.strip():
        return (), None
    key = " ".join(country.lower().split())
    forms = (country, re.sub(r"\s*\(.*?\)\s*", " ", country).strip(),
             *re.findall(r"\((.*?)\)", country), country.split(",")[0])
    place = next((gazetteer.country(f) for f in forms if f.strip() and gazetteer.country(f)), None)
    codes = COUNTRY_CODES.get(key, ())
    if place is None and codes:
        place = gazetteer.country(codes[0])
    if place is not None and place.country_code not in codes:
        codes = (place.country_code, *codes)
    return codes, place


# ----------------------------------------------------------------------------- areas


@functools.lru_cache(maxsize=4096)
def _members(gazetteer: Gazetteer, kinds: tuple[str, ...], around: Place, km: float) -> tuple[Place, ...]:
    """Places of ``kinds`` in ``around``'s country within ``km`` of it (cached: rows repeat)."""
    return tuple(p for p in gazetteer.nearby(around.latitude, around.longitude, km, kinds)
                 if p.country_code == around.country_code)


def inside(place: Place, unit: Place) -> bool:
    """Does ``place`` lie in ``unit`` (an admin1, an admin2, a district seat or a country)?
    By the gazetteer's admin names, or by distance for a seat or a town with no admin2."""
    if place.country_code != unit.country_code:
        return False
    if unit.kind == "admin1":
        return similar(place.admin1, unit.name)
    if unit.kind == "admin2" and place.admin2 is not None:
        return similar(place.admin2, unit.name)
    if unit.kind in ("admin2", *POINT_KINDS):
        return haversine_km(place.latitude, place.longitude, unit.latitude,
                            unit.longitude) <= ADMIN2_REACH_KM
    return True


@functools.lru_cache(maxsize=4096)
def _units_in(gazetteer: Gazetteer, kinds: tuple[str, ...], unit: Place) -> tuple[Place, ...]:
    """Places of ``kinds`` inside an admin unit, a district seat's surroundings or a country."""
    reach = UNIT_REACH_KM.get(unit.kind, ADMIN2_REACH_KM)
    return tuple(p for p in _members(gazetteer, kinds, unit, reach) if inside(p, unit))


def fuzzy_pick(name: str, places: Iterable[Place], *, strict: bool = False) -> list[Place]:
    """The places whose name is a respelling of ``name``, biggest first; ``strict`` leaves
    out names that are merely alike in letters ("Kakpora" / "Kopawor")."""
    hits = [p for p in places if (respelt if strict else similar)(name, p.name)]
    return sorted(hits, key=lambda p: (p.kind not in POINT_KINDS, -p.population))


@functools.lru_cache(maxsize=4096)
def area_point(gazetteer: Gazetteer, unit: Place) -> tuple[float, float]:
    """A point standing for an admin unit. For a district, its seat (the town it is named
    after): events cluster in and around the seat, and the gazetteer's point (the mean of the
    district's towns) lies between them; for larger units, the gazetteer's point."""
    if unit.kind == "admin2":
        seat = _seat(unit.name, unit, gazetteer)
        if seat is not None:
            return seat.latitude, seat.longitude
    return unit.latitude, unit.longitude


#: how far from an admin unit's (or country's) point to look for what it holds
UNIT_REACH_KM = {"admin2": 100.0, "admin1": 300.0, "country": 2500.0}


# ----------------------------------------------------------------------------- context


def _admin_place(name: str | None, kinds: tuple[str, ...], codes: tuple[str, ...],
                 gazetteer: Gazetteer, within: Place | None) -> Place | None:
    """The gazetteer unit a UCDP admin name stands for: exact spellings first, then
    respellings among the units of the enclosing area. Levels need not agree (UCDP's
    provinces are GeoNames' admin2 in some countries; its "Kosovo province" is a country)."""
    if not name or not codes:
        return None
    for form in dict.fromkeys((name, admin_key(name))):
        found = [p for p in gazetteer.lookup(form) if p.kind in kinds and p.country_code in codes
                 and (within is None or inside(p, within))]
        if found:
            return min(found, key=lambda p: kinds.index(p.kind))
        country = gazetteer.country(form) if "country" in kinds else None
        if country is not None and country.country_code in codes[1:]:
            return country
    if within is None:
        return None
    for kind in kinds:
        found = fuzzy_pick(name, _units_in(gazetteer, (kind,), within))
        if found:
            return found[0]
    return None


def _seat(name: str | None, area: Place | None, gazetteer: Gazetteer) -> Place | None:
    """A district is most often named after its seat: the town of the admin2's name in the
    area, standing in where the gazetteer has no such admin2."""
    if not name or area is None:
        return None
    towns = _units_in(gazetteer, ("city",), area)
    exact = [t for t in gazetteer.lookup(admin_key(name)) if t.kind == "city" and t in towns]
    found = exact or fuzzy_pick(name, towns)
    return found[0] if found else None


def context(gazetteer: Gazetteer, country: str | None, admin1: str | None,
            admin2: str | None) -> Context:
    """Resolve the country and admin names once per description."""
    codes, place = country_codes(country, gazetteer)
    adm1 = _admin_place(admin1, ("admin1", "admin2", "country"), codes, gazetteer, None) \
        or _admin_place(admin1, ("admin1",), codes, gazetteer, place)
    if adm1 is not None and adm1.kind == "country":
        codes, place, adm1 = (adm1.country_code,), adm1, None
    area = adm1 or place
    adm2 = _admin_place(admin2, ("admin2",), codes, gazetteer, area)
    if adm2 is None and adm1 is not None:
        adm2 = _seat(admin2, adm1, gazetteer)
    if adm2 is None and adm1 is not None:
        adm2 = _admin_place(admin2, ("admin2",), codes, gazetteer, None)
        if adm2 is not None:  # a former province ("North Eastern", Sri Lanka): the district's own
            adm1 = _admin_place(adm2.admin1, ("admin1",), codes, gazetteer, None)
    return Context(codes, place, adm1, adm2, (admin1 or "").strip() or None,
                   (admin2 or "").strip() or None)


# ----------------------------------------------------------------------------- toponyms


@dataclass(frozen=True)
class Toponym:
    """One name cut from a description, with what its wording says about it."""

    text: str
    #: "admin1"/"admin2" when a unit word follows the name ("Kongolo territory"), "city" when a
    #: settlement word does ("Baghdad city", "town of Nyala"), else None
    unit: str | None
    #: from an "X km north of Y" phrase
    offset: bool = False


def _strip_generic(words: list[str]) -> list[str]:
    while words and (words[0].lower() in GENERIC_WORDS or words[0].lower() in COMPASS):
        words = words[1:]
    while words and words[-1].lower() in GENERIC_WORDS:
        words = words[:-1]
    return words


def _unit_word(words: list[str]) -> str | None:
    """What kind of place the words around a name say it is ("Kamdesh district": admin2)."""
    for word in [*reversed(words), *words]:
        low = word.lower().strip(".")
        for unit, lexicon in UNIT_WORDS:
            if low in lexicon:
                return unit
    return None


def _toponym(chunk: str, offset: bool = False, unit: str | None = None) -> Toponym | None:
    words = chunk.strip(" .'\"").split()
    name = " ".join(_strip_generic(words)).strip(" .'\"-")
    if len(normalise_name(name)) < 2 or normalise_name(name) in MACRO_REGIONS:
        return None
    return Toponym(name, _unit_word(words) or unit, offset)


def _list_unit(chunks: list[str]) -> str | None:
    """"Nangarhar, Laghman and Khost provinces": a plural unit word closing a list gives
    every item of the list that unit."""
    words = chunks[-1].lower().rstrip(" .").split() if chunks else []
    return PLURAL_UNITS.get(words[-1]) if words and len(chunks) > 1 else None


def toponyms(description: str) -> list[Toponym]:
    """Candidate place names in a description, in reading order: the place of an "X km
    north of Y" phrase first, then each punctuation-separated chunk whole, then its parts
    between linking words."""
    found: list[Toponym] = []
    for match in OFFSET.finditer(description):
        head = PUNCTUATION.split(match.group("place"))[0]
        found += [t for t in (_toponym(c, True) for c in [head, *LINKING.split(head)]) if t]
    chunks = [c for c in PUNCTUATION.split(description) if c.strip()]
    listed = _list_unit(chunks)
    for chunk in chunks:
        parts = LINKING.split(" " + chunk + " ")
        found += [t for t in (_toponym(c, unit=listed) for c in [chunk, *parts]) if t]
    seen: dict[str, Toponym] = {}
    for item in found:
        seen.setdefault(normalise_name(item.text), item)
    return list(seen.values())


# ----------------------------------------------------------------------------- choosing


def _in_admin1(place: Place, ctx: Context) -> bool:
    if ctx.admin1 is not None and inside(place, ctx.admin1):
        return True
    return ctx.admin1_name is not None and similar(place.admin1, ctx.admin1_name)


def _in_admin2(place: Place, ctx: Context) -> bool:
    if ctx.admin2 is not None and inside(place, ctx.admin2):
        return True
    return ctx.admin2_name is not None and similar(place.admin2, ctx.admin2_name)


def _allowed(place: Place, ctx: Context) -> bool:
    """In the country, and in the given admin1 when the gazetteer knows that unit."""
    if ctx.codes and place.country_code not in ctx.codes:
        return False
    if ctx.admin1 is None or place.kind in ("country", "region"):
        return True
    return _in_admin1(place, ctx) or _in_admin2(place, ctx) or place == ctx.admin1


def _wanted(place: Place, unit: str | None) -> bool:
    if unit in ("admin1", "admin2"):
        return place.kind == unit
    return place.kind in POINT_KINDS


def _rank(place: Place, ctx: Context, unit: str | None) -> tuple:
    return (not _wanted(place, unit), not _in_admin2(place, ctx), not _in_admin1(place, ctx),
            place.kind not in POINT_KINDS, -place.population, place.place_id)


def candidates(toponym: Toponym, ctx: Context, gazetteer: Gazetteer) -> list[Place]:
    """Places the toponym may name within the context, best first; a name the gazetteer
    does not spell so is matched as a respelling of a place in the admin2 or admin1."""
    found = [p for p in gazetteer.lookup(toponym.text) if _allowed(p, ctx)]
    country = gazetteer.country(toponym.text)
    if country is not None and (not ctx.codes or country.country_code in ctx.codes):
        found.append(country)
    if not found:  # a province respelt across the country is still held to the given admin1
        found = [p for p in _respelt(toponym, ctx, gazetteer) if _allowed(p, ctx)]
    if not found and ctx.codes:
        found = [p for p in gazetteer.respellings(toponym.text, ctx.codes) if _allowed(p, ctx)]
    return sorted(dict.fromkeys(found), key=lambda p: _rank(p, ctx, toponym.unit))


def _respelt(toponym: Toponym, ctx: Context, gazetteer: Gazetteer) -> list[Place]:
    kinds = ("admin1",) if toponym.unit == "admin1" else \
        ("admin2",) if toponym.unit == "admin2" else FUZZY_KINDS
    area = ctx.country if kinds == ("admin1",) else ctx.admin2 or ctx.admin1
    if area is None or (len(skeleton(toponym.text)) < MIN_SKELETON
                        and len(admin_key(toponym.text).replace(" ", "")) < MIN_ALIKE_LETTERS):
        return []  # "Ein Issa" / "Ain Issa": a short skeleton, but letters enough to compare
    found = fuzzy_pick(toponym.text, _units_in(gazetteer, kinds, area))
    if found or area is not ctx.admin2 or ctx.admin1 is None:
        return found
    # not in the district: across the whole province, a respelling proper only
    return fuzzy_pick(toponym.text, _units_in(gazetteer, kinds, ctx.admin1), strict=True)


def _repeats_context(toponym: Toponym, ctx: Context) -> bool:
    """"Aleppo" in a row whose admin1 is Aleppo governorate names the context, not the place."""
    return any(similar(toponym.text, n) for n in (ctx.admin1_name, ctx.admin2_name) if n)


def _area_reading(toponym: Toponym, place: Place, ctx: Context) -> Place:
    """A bare name equal to the given admin1 is the province ("Idlib" for Idlib governorate),
    not its namesake capital, unless the text calls it a town ("Baghdad city"); one equal to
    the given country is the country."""
    if place.kind not in POINT_KINDS or toponym.unit or toponym.offset:
        return place
    if ctx.country is not None and normalise_name(toponym.text) == normalise_name(ctx.country.name):
        return ctx.country  # "Mozambique" is the country, not the island town of that name
    if ctx.admin1 is None:
        return place
    if similar(toponym.text, ctx.admin1_name) or similar(toponym.text, ctx.admin1.name):
        return ctx.admin1
    return place


def _score(toponym: Toponym, place: Place, ctx: Context, order: int) -> tuple:
    """Which (toponym, place) pair is the event's place: a point beats an area, a point in the
    given admin2 beats a namesake outside it ("in the Mariano Escobedo in Morelia" for Morelia
    municipality is a quarter of Morelia, not the town of that name 30 km off), a name inside
    the context beats one repeating it, the admin2 beats the admin1; then text order."""
    point = place.kind in POINT_KINDS
    outside = point and (ctx.admin2 is not None or ctx.admin2_name is not None) \
        and not _in_admin2(place, ctx)
    return (not point, outside, _repeats_context(toponym, ctx), _KIND_ORDER.get(place.kind, 9),
            order)


_KIND_ORDER = {"facility": 0, "airport": 0, "neighbourhood": 0, "city": 0, "admin2": 1,
               "admin1": 2, "region": 3, "country": 4}


def _pairs(description: str, ctx: Context, gazetteer: Gazetteer) -> Iterator[tuple[Toponym, Place]]:
    for toponym in toponyms(description):
        found = candidates(toponym, ctx, gazetteer)
        if found:
            yield toponym, _area_reading(toponym, found[0], ctx)


def _precision(description: str, toponym: Toponym, place: Place) -> int:
    if place.kind in POINT_KINDS:
        return NEAR if toponym.offset or VAGUE_CUES.search(description) else EXACT
    if place.kind == "country" and _has_compass(description):
        return PART_OF_COUNTRY
    return AREA_PRECISION.get(place.kind, COUNTRY)


def _has_compass(text: str) -> bool:
    return any(word in COMPASS for word in normalise_name(text).split())


def _fallback(description: str, ctx: Context, gazetteer: Gazetteer) -> Geocoded | None:
    """Nothing named is found: the admin2, admin1 or country the row gives."""
    if ctx.admin2 is not None:
        return _result(ctx.admin2, "", ADMIN2, gazetteer)
    if ctx.admin1 is not None:
        return _result(ctx.admin1, "", ADMIN1, gazetteer)
    if ctx.country is None:
        return None
    if WATER_WORDS.search(description):
        return _result(ctx.country, "", WATERS, gazetteer)
    vague = bool(description.strip()) and (_has_compass(description) or ctx.admin1_name)
    return _result(ctx.country, "", PART_OF_COUNTRY if vague else COUNTRY, gazetteer)


def _result(place: Place, matched: str, where_prec: int, gazetteer: Gazetteer) -> Geocoded:
    latitude, longitude = area_point(gazetteer, place)
    return Geocoded(place, latitude, longitude, matched, where_prec)


def geocode(description: str, *, country: str | None = None, admin1: str | None = None,
            admin2: str | None = None, gazetteer: Gazetteer) -> Geocoded | None:
    """The place a description names, within the given country and admin units; the most
    specific place found wins, and the admin units or country stand in when none is."""
    description = description or ""
    ctx = context(gazetteer, country, admin1, admin2)
    pairs = list(_pairs(description, ctx, gazetteer))
    if not pairs:
        return _fallback(description, ctx, gazetteer)
    order = {id(t): i for i, (t, _p) in enumerate(pairs)}
    toponym, place = min(pairs, key=lambda tp: _score(tp[0], tp[1], ctx, order[id(tp[0])]))
    if place.kind not in POINT_KINDS and _finer_context(place, ctx) is not place:
        return _result(ctx.admin2, toponym.text, ADMIN2, gazetteer)
    return _result(place, toponym.text, _precision(description, toponym, place), gazetteer)


def _finer_context(place: Place, ctx: Context) -> Place:
    """An area named in the text that the given admin2 lies in: the admin2 is finer."""
    if ctx.admin2 is not None and place.kind in ("admin1", "country", "region") \
            and (place.kind != "admin1" or ctx.admin1 is None or place == ctx.admin1):
        return ctx.admin2
    return place
