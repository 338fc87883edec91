"""Words around place names: what is part of a name and what only describes it.

Shared by the where-stage resolver (``resolve.py``) and the description geocoder
(``geocode.py``).
"""
from __future__ import annotations

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
