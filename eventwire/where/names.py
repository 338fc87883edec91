"""Words around place names: what is part of a name and what only describes it.

Shared by the where-stage resolver (``resolve.py``) and the description geocoder
(``geocode.py``).
"""
from __future__ import annotations

import functools
import re

#: words around a place name that are not part of it ("the Al-Shaddadi region")
GENERIC_SUFFIXES = ("region", "province", "governorate", "area", "district", "countryside",
                    "city", "town", "village", "outskirts", "neighbourhood", "neighborhood",
                    "suburb", "border", "camp", "state", "county", "municipality")
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
