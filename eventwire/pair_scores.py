"""Step 2 of de-duplication (``dedup`` module docstring): how alike two reports of events
are. ``similarity`` scores a pair of mentions (or events) on day, place, kind, weapon,
facility, actors, toll and the names they give, or says they cannot be one event; the helpers
it reads (a report's span of days, its place id, whether it was dated only as reported) are
shared with the clustering in ``dedup``. Weights and their meaning: ``dedup``'s docstring and
``docs/dedup.md``.
"""
from __future__ import annotations

import datetime as dt
import re

from .keywords import UNTYING_MARK, widely_named
from .merging import UNSPECIFIC_WEAPONS, is_unidentified, is_unspecific
from .records import Event, Mention
from .where.fallback import OUTLET_SOURCE
from .where.gazetteer import city_part, different_parts, haversine_km

WEIGHTS = {"same_day": 0.30, "day_apart": 0.15, "dates_overlap": 0.10, "same_place": 0.30, "near_place": 0.20,
           "same_sub_type": 0.20, "same_facility": 0.20, "same_weapon": 0.10,
           "same_actor": 0.10, "same_fatalities": 0.05, "names_shared": 0.30,
           "name_shared": 0.15, "names_differ": -0.40}
#: reports naming at least this many salient words each, none in common, name different events
MIN_NAMES_TO_DIFFER = 5
#: how much of a shared name an age shared counts for (``weighed``), and an age's form
#: among a report's names (``keywords.py``: "a 17-year-old" -> "17yo")
AGE_WEIGHT = 0.5
AGE_WORD = re.compile(r"^\d+yo$")
#: names (not widely named) two reports of one day share that outweigh far-apart points
#: (``named_alike``)
STRONG_NAMES = 3
#: event types that may describe one event (compared as their family)
COMPATIBLE_TYPES = {"Violence against civilians": "Battles"}
#: prefixes that say how a place was found, not which place it is
PLACE_SOURCE_PREFIXES = ("dateline:", "story:")
#: the prefix of a place that is only the reporting outlet's town: no place of the event's own,
#: so it ties no two reports (``where/fallback.place_at_outlet_town``)
OUTLET_PLACE_PREFIX = f"{OUTLET_SOURCE}:"
#: names (an age counting half) a report placed only at its outlet's town must share with one
#: placed farther than ``max_km`` from that town (``_outlet_far_off``)
OUTLET_FAR_NAMES = 2
NEAR_KM = 10.0
#: words of a place's name that say what kind of place it is, not which
PLACE_KIND_WORDS = frozenset({"county", "city", "township", "parish", "borough", "village", "town"})
#: a word of a town's name as ``Mention.location`` writes it, lower-cased
TOWN_WORD = re.compile(r"[a-z'’]+")
#: fields on which every mention of one event must agree (when they say anything)
AGREEING_FIELDS = ("event_type", "weapon", "target_facility")
#: an undated report dated "as reported" (``conventions.py``), by its time precision: the days
#: before publication it may be about (a week; months for the crime a follow-up story tells)
AS_REPORTED_DAYS = {2: 7, 3: 90}
#: a point counts as a place for the distance check when its geo_precision is below this
PRECISE_PLACE = 3


def date_span(item: Event | Mention) -> tuple[dt.date, dt.date] | None:
    """First and last day it may have happened on: its date, else its date range. A report
    dated only "as reported" (its publication day, for want of a date in the text) may be
    about any day of the week up to it, or of the months up to it when a follow-up story
    tells it."""
    if item.event_date and as_reported(item):
        days = AS_REPORTED_DAYS[item.time_precision]
        return item.event_date - dt.timedelta(days=days - 1), item.event_date
    if item.event_date:
        return item.event_date, item.event_date
    return item.date_range


def as_reported(item: Event | Mention) -> bool:
    """Dated to publication with no date in the text (``conventions.py``)."""
    evidence = getattr(item, "evidence", None)
    return (evidence is not None and item.time_precision in AS_REPORTED_DAYS
            and not any(e.field == "event_date" for e in evidence))


def precise_point(item: Event | Mention) -> tuple[float, float] | None:
    if item.latitude is None or item.longitude is None:
        return None
    if (item.geo_precision or PRECISE_PLACE) >= PRECISE_PLACE:
        return None
    return item.latitude, item.longitude


def agreeing_value(item: Event | Mention, name: str) -> str | None:
    """The value compared on field ``name``: event types by family, and no weapon for one
    named only as a weapon (it cannot contradict "firearms")."""
    value = getattr(item, name) or None
    if name == "weapon" and value in UNSPECIFIC_WEAPONS:
        return None
    return COMPATIBLE_TYPES.get(value, value) if name == "event_type" and value else value


def place_id(item: Event | Mention) -> str | None:
    """The gazetteer id of the place, however it was found."""
    source = item.geo_source or ""
    for prefix in PLACE_SOURCE_PREFIXES:
        source = source.removeprefix(prefix)
    return source or None


def named_alike(a: Event | Mention, b: Event | Mention) -> bool:
    """Told on the same day, in one town, with at least ``STRONG_NAMES`` names in common that
    few reports share (not "Syrian" or "Observatory": ``keywords.widely_named``): far-apart
    points then say the geocoder took two namesakes for the one town ("Columbus" in Ohio and
    in Georgia), or one story's outlet city for its town, not that these are two events."""
    same_day = a.event_date is not None and a.event_date == b.event_date \
        and not as_reported(a) and not as_reported(b)
    return same_day and _one_town(a, b) and len(_shared(a, b) - widely_named()) >= STRONG_NAMES


def _one_town(a: Event | Mention, b: Event | Mention) -> bool:
    """Both name one town: by the same name, or one's town is among the other's names (the
    other was placed at its outlet's city, or at a namesake, while naming the town too)."""
    ta, tb = _town_words(a), _town_words(b)
    if not ta or not tb:
        return False
    return ta == tb or ta <= set(getattr(b, "keywords", ())) or tb <= set(getattr(a, "keywords", ()))


def _town_words(item: Event | Mention) -> set[str]:
    """The words of the town a report names, as written: "Columbus" of "Columbus - Downtown",
    "gilmer" of "Gilmer County"."""
    if not item.location:
        return set()
    town = item.location.split(" - ")[0].lower()
    return {w for w in TOWN_WORD.findall(town) if w not in PLACE_KIND_WORDS}


def _contradicts(a: Event | Mention, b: Event | Mention, max_km: float) -> bool:
    for name in AGREEING_FIELDS:
        va, vb = agreeing_value(a, name), agreeing_value(b, name)
        if va and vb and va != vb:
            return True
    if not is_unspecific(a.actor1) and not is_unspecific(b.actor1) and a.actor1 != b.actor1:
        return True
    return _places_differ(a, b, max_km, points=not named_alike(a, b))


def _places_differ(a: Event | Mention, b: Event | Mention, max_km: float, points: bool = True) -> bool:
    if a.country and b.country and a.country != b.country:
        return True
    if different_parts(a.geo_source, b.geo_source):  # "Chicago - Austin", "Chicago - Gresham"
        return True
    if not points:
        return False
    pa, pb = precise_point(a), precise_point(b)
    return pa is not None and pb is not None and haversine_km(*pa, *pb) > max_km


def _shared(a: Event | Mention, b: Event | Mention) -> set[str]:
    return tying(set(getattr(a, "keywords", ())) & set(getattr(b, "keywords", ())))


def tying(names: set[str]) -> set[str]:
    """The names that tie two reports together: not a hospital's (``keywords.UNTYING_MARK``)."""
    return {name for name in names if not name.startswith(UNTYING_MARK)}


def shared_names(a: Event | Mention, b: Event | Mention) -> int:
    return len(_shared(a, b))


def similarity(a: Event | Mention, b: Event | Mention, max_days: int, max_km: float) -> float | None:
    """Score of agreement (module docstring), or None when the two cannot be one event."""
    da, db = date_span(a), date_span(b)
    if da is None or db is None:
        return None
    gap = max(0, (max(da[0], db[0]) - min(da[1], db[1])).days)
    if gap > max_days or _contradicts(a, b, max_km):
        return None
    common = _shared(a, b)
    shared = len(common)
    placed = _placed_by_text(a) and _placed_by_text(b)
    vague = _is_range(da) or _is_range(db) or not placed
    if vague and not shared and not _same_facility(a, b) and not _same_toll_in_town(a, b, da, db):
        return None  # "a 2014 shooting", a report placed nowhere: only what it names can tell
    if _outlet_far_off(a, b, max_km) and weighed(common) < OUTLET_FAR_NAMES:
        return None  # a Jacksonville station's story and a Chicago shooting: one name is chance
    score = _date_score(gap, da, db)
    score += _names_score(weighed(common), getattr(a, "keywords", ()), getattr(b, "keywords", ()))
    if placed and place_id(a) and place_id(a) == place_id(b):
        score += WEIGHTS["same_place"]
    elif placed and None not in (a.latitude, b.latitude) and not _at_its_citys_point(a, b) \
            and haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= NEAR_KM:
        score += WEIGHTS["near_place"]
    score += WEIGHTS["same_sub_type"] * (a.sub_event_type is not None and a.sub_event_type == b.sub_event_type)
    score += WEIGHTS["same_facility"] * _same_facility(a, b)
    score += WEIGHTS["same_weapon"] * bool(a.weapon and a.weapon == b.weapon)
    actors = {a.actor1, a.actor2} & {b.actor1, b.actor2} - {None}
    score += WEIGHTS["same_actor"] * any(not is_unidentified(x) for x in actors)
    score += WEIGHTS["same_fatalities"] * bool(a.fatalities and a.fatalities == b.fatalities)
    return round(score, 3)


def _at_its_citys_point(a: Event | Mention, b: Event | Mention) -> bool:
    """One of them is a part of a city placed at the city's point ("Chicago - Austin"): that
    point is not where it happened, so it is near nothing by it."""
    return city_part(a.geo_source) is not None or city_part(b.geo_source) is not None


def _same_toll_in_town(a: Event | Mention, b: Event | Mention, da: tuple[dt.date, dt.date],
                       db: tuple[dt.date, dt.date]) -> bool:
    """Both placed by their text in one town, neither dated more loosely than the week up to
    its publication, and the same toll, someone dead or hurt ("1 dead, 4 hurt" in Austin on
    a Sunday, and Monday's undated "Woman fatally shot, four wounded" there): a report dated
    only as reported is then that shooting, though the two name nobody in common."""
    if not (_placed_by_text(a) and _placed_by_text(b)) or place_id(a) != place_id(b) \
            or (a.geo_precision or PRECISE_PLACE) >= PRECISE_PLACE:
        return False
    if any((span[1] - span[0]).days >= AS_REPORTED_DAYS[2] for span in (da, db)):
        return False
    toll = ((a.fatalities or 0), (a.injured or 0))
    return sum(toll) > 0 and toll == ((b.fatalities or 0), (b.injured or 0))


def _outlet_far_off(a: Event | Mention, b: Event | Mention, max_km: float) -> bool:
    """One report is placed only at its outlet's town, and that town lies farther than
    ``max_km`` from the other's place: the outlet may cover its region, not the other's. Not
    when the outlet's report names the other's town among its names ("Lake Placid" in a
    Burlington station's story of a Lake Placid shooting its geocoder missed)."""
    outlet = [x for x in (a, b) if (x.geo_source or "").startswith(OUTLET_PLACE_PREFIX)]
    if not outlet or None in (a.latitude, b.latitude) or _one_town(a, b):
        return False
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) > max_km


def _placed_by_text(item: Event | Mention) -> bool:
    """Placed in a country at least, by its own story, not only at its outlet's town."""
    return bool(item.country) and not (item.geo_source or "").startswith(OUTLET_PLACE_PREFIX)


def _same_facility(a: Event | Mention, b: Event | Mention) -> bool:
    return bool(a.target_facility and a.target_facility == b.target_facility)


def _is_range(span: tuple[dt.date, dt.date]) -> bool:
    return span[0] != span[1]


def _date_score(gap: int, a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> float:
    """A day both reports name counts in full; a day one of them only falls in a range of
    ("in 2014", "last week") counts little: the date then cannot tell events apart."""
    if _is_range(a) or _is_range(b):
        return WEIGHTS["dates_overlap"]
    return WEIGHTS["same_day"] if gap == 0 else WEIGHTS["day_apart"]


def weighed(names: set[str]) -> float:
    """How many names two reports share, an age ("17yo") counting ``AGE_WEIGHT`` of one: two
    shootings of a 17-year-old in one city on one day are common, so an age and one other
    word are not two names in common."""
    return sum(AGE_WEIGHT if AGE_WORD.match(word) else 1.0 for word in names)


def _names_score(shared: float, a: list[str], b: list[str]) -> float:
    if shared >= 2:
        return WEIGHTS["names_shared"]
    if shared >= 1:
        return WEIGHTS["name_shared"]
    if min(len(a), len(b)) >= MIN_NAMES_TO_DIFFER:
        return WEIGHTS["names_differ"]
    return 0.0
