"""Words around place names: what is part of a name and what only describes it.

Shared by the where-stage resolver (``resolve.py``) and the description geocoder
(``geocode.py``).
"""
from __future__ import annotations

import functools
import re

from ..extractors.lexicon import load_lexicon

#: words around a place name that are not part of it ("the Al-Shaddadi region")
GENERIC_SUFFIXES = ("region", "province", "governorate", "area", "district", "countryside",
                    "city", "town", "village", "outskirts", "neighbourhood", "neighborhood",
                    "suburb", "border", "camp", "state", "county", "municipality", "borough")
#: words after a town's name that make it a part of a city ("the Rogers Park neighborhood")
CITY_PART_WORDS = ("neighborhood", "neighbourhood", "section", "quarter")
COMPASS = ("northern", "southern", "eastern", "western", "central", "north", "south", "east",
           "west", "northeast", "northwest", "southeast", "southwest", "northeastern",
           "northwestern", "southeastern", "southwestern", "north-east", "north-west",
           "south-east", "south-west", "north-eastern", "north-western", "south-eastern",
           "south-western", "upper", "lower", "greater", "heavily", "fortified", "downtown",
           "old", "outer", "rural", "eastern-most", "occupied")
#: names of world regions that are never an event's place (a hamlet called "Middle East" is)
MACRO_REGIONS = frozenset({"middle east", "near east", "levant", "gulf", "persian gulf",
                           "arabian gulf", "arab world", "sahel", "horn of africa", "africa",
                           "europe", "asia", "west", "east", "the west", "region", "world",
                           "north africa", "west africa", "east africa", "central asia",
                           "south asia", "southeast asia", "latin america", "caucasus",
                           "balkans", "mena", "maghreb"})

#: a side of a city ("the South Side", "Chicago's Far Southwest Side"): a part of the city the
#: story names, never a place of its own. GeoNames gives "South Side" as another name of towns
#: in New York and Colorado, and without its compass word "Side" is a town in Turkey.
#: ("Upper West Side", a neighbourhood GeoNames lists, is not one of these.)
CITY_SIDE = re.compile(r"^(?:the\s+)?(?:[\w.]+['’]s\s+)?(?:far\s+|near\s+)?"
                       r"(?:north|south)?[\s-]?(?:east|west)?(?:ern)?\s+side$", re.IGNORECASE)

#: leading Arabic articles as English news spells them ("al-", "ash-", "el-", ...): names are
#: also indexed without one, so "Ash Shaddadah" and "Shaddadah" meet
ARABIC_ARTICLES = frozenset(("al", "el", "ash", "as", "ad", "ar", "az", "at", "an", "adh", "ath",
                             "es", "ed", "er", "ez", "et", "en"))
#: letters that romanisations of one sound swap ("Qamishli" / "Kamishli", "Zor" / "Sor")
RESPELLING_LETTERS = str.maketrans({"q": "k", "c": "k", "z": "s", "v": "b", "x": "k"})
RESPELLING_PAIRS = (("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("sh", "s"), ("ph", "f"))
#: respelling keys shorter than this (consonants) match too many places to mean one
MIN_RESPELLING = 4
_SOFT = re.compile(r"[aeiouyhw]")
#: an article before a place phrase ("the western Anbar province")
LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\b\s*")
_DOUBLED = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)
def respelling_key(normalised: str) -> str:
    """Spelling-blind form of a romanised name (already ``normalise_name``d): Arabic
    articles, vowels and soft letters dropped, doubled letters merged, so "bint jbeil" and
    "bint jubayl", "deir sunbul" and "dayr sunbul", "ras al ain" and "ras al ayn" meet."""
    words = [w for w in normalised.split() if w not in ARABIC_ARTICLES]
    text = "".join(words).translate(RESPELLING_LETTERS)
    for pair, single in RESPELLING_PAIRS:
        text = text.replace(pair, single)
    return _DOUBLED.sub(r"\1", _SOFT.sub("", text))


def city_of_district(name: str) -> str:
    """"Manaus - North Zone" -> "Manaus": ACLED names a part of a city "<City> - <District>"."""
    return name.split(" - ")[0].strip()


@functools.cache
def _lost_possessive() -> re.Pattern[str]:
    """"Syrias Deir Ezzor": the possessives scraped copy prints without their apostrophe
    (lexicon.toml cues ``apostrophe_lost_names``)."""
    names = sorted(load_lexicon().cues["apostrophe_lost_names"], key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})(s)\b\s*", re.IGNORECASE)


def _owner_and_place(text: str) -> tuple[str, str] | None:
    """"Baghdad's Green Zone" -> ("Baghdad", "Green Zone"); "Syrias Idlib" likewise."""
    found = _POSSESSIVE.search(text)
    if found is not None:
        return text[:found.start()].strip(), text[found.end():].strip()
    found = _lost_possessive().search(text)
    if found is not None:
        return text[:found.start(1)].strip(), text[found.end():].strip()
    return None


#: a word that only describes the place named after it: "occupied", "restive", "war-torn",
#: "volatile", "besieged" (not "a van Chambers" or "65th & Thurston", which are the name's)
DESCRIBING_WORD = re.compile(r"^[a-z][a-z-]*(?:ed|ive|torn|ile|ous|ful|ing|ic|al)$")


#: "Co." after a capitalised name: the county ("Marshall Co. boy shoots self")
COUNTY_ABBREVIATION = re.compile(r"(?<=[A-Za-z])\s+Co\.?$")


def name_variants(text: str) -> list[str]:
    """Lookup forms of a place phrase: "the western Anbar province" -> ["western Anbar province",
    "Anbar province", "Anbar"]; "Syria's Deir Ezzor" -> [..., "Deir Ezzor", "Syria"]: the place
    a possessive names is tried before its owner, which a big place there gives way to; words
    that only describe a name come off ("the occupied West Bank" -> "West Bank")."""
    base = LEADING_ARTICLE.sub("", text.strip())
    variants = [base]
    words = base.split()
    named = next((i for i, word in enumerate(words) if not word.islower()), 0)
    # a capitalised compass word after a stripped one starts the name ("occupied West Bank")
    stripped = 0
    if named and all(DESCRIBING_WORD.match(word) for word in words[:named]):
        words, stripped = words[named:], named  # "war-torn Idlib province", "restive North Sinai"
    while words and words[0].lower() in COMPASS and (words[0].islower() or not stripped):
        words, stripped = words[1:], stripped + 1
    variants.append(" ".join(words))
    while words and words[-1].lower() in GENERIC_SUFFIXES:
        words = words[:-1]
        variants.append(" ".join(words))
    joined = " ".join(words)
    if " - " in base:  # "Manaus - North Zone", "Seoul City - Yongsan": a district of the city
        variants.extend(name_variants(city_of_district(base)))
    if re.search(r"\bairbase\b", joined, re.IGNORECASE):
        variants.append(re.sub(r"\bairbase\b", "Air Base", joined, flags=re.IGNORECASE))
    if COUNTY_ABBREVIATION.search(base):  # "Marshall Co." as a headline writes the county
        variants.insert(1, COUNTY_ABBREVIATION.sub(" County", base))
    parts = _owner_and_place(base)
    if parts is not None:
        owner, place = parts
        variants.extend([*(name_variants(place) if place else []), owner])
    return [v for v in dict.fromkeys(variants) if v]
