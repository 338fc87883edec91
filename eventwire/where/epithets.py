"""A capital named by what it is, not by its name: "shelling of the Syrian capital", "in
Ukraine's capital", "Iraqi capital", and "the capital" of a story about one country.

Wire copy names a capital once and then calls it so; the nation's name or adjective before
"capital" says which (the actor table's country names and demonyms turn "Syrian" into Syria). A bare "the capital"
is the capital of the country the story names most, and of no country when it names two as
often. The capital is the most populous town near the country's representative point in
``data/countries.csv``, which is its capital's (Damascus for Syria, Abuja for Nigeria).
"""
from __future__ import annotations

import re
from collections import Counter

from ..actors import load_actor_table
from .gazetteer import Gazetteer, Place

#: "the Syrian capital", "Ukraine's capital", "the capital city"; the nation's words in ``nation``
CAPITAL_EPITHET = re.compile(
    r"^(?:the\s+)?(?:(?P<nation>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}?)(?:['\u2019]s?)?\s+)?"
    r"capital(?:\s+city)?$")
#: how far from a country's representative point its capital's town may lie
CAPITAL_KM = 25.0


def capital_named(text: str, gazetteer: Gazetteer, story_countries: Counter[str]) -> Place | None:
    """The town a phrase names as a capital, or None when it is no such phrase or names no
    country the gazetteer knows."""
    match = CAPITAL_EPITHET.match(" ".join(text.split()))
    if match is None:
        return None
    nation = match["nation"]
    country = _country(nation, gazetteer) if nation else _story_country(story_countries, gazetteer)
    return None if country is None else capital_of(country, gazetteer)


def capital_of(country: Place, gazetteer: Gazetteer) -> Place | None:
    """The country's capital: the most populous town within ``CAPITAL_KM`` of its point."""
    near = gazetteer.nearby(country.latitude, country.longitude, CAPITAL_KM, ("city",))
    towns = [p for p in near if p.country_code == country.country_code]
    return max(towns, key=lambda p: p.population) if towns else None


def _country(nation: str, gazetteer: Gazetteer) -> Place | None:
    return gazetteer.country(load_actor_table().country(nation) or nation)


def _story_country(counts: Counter[str], gazetteer: Gazetteer) -> Place | None:
    """The country the story names most, when no other is named as often."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 1 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return gazetteer.country(ranked[0][0])
