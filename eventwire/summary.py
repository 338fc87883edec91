"""The generated one-sentence ``notes`` of an event, in the manner of ACLED's notes:
"On 11 December 2023, a drone attack claimed by Islamic Resistance in Iraq targeted Global
Coalition Against Daesh at Ain al-Asad Air Base (Al Anbar, Iraq). 0 fatalities."
"""
from __future__ import annotations

from .records import EventFields

WEAPON_PHRASES = {"drone": "a drone attack", "airstrike": "an airstrike", "rocket": "a rocket attack",
                  "missile": "a missile attack", "mortar": "a mortar attack",
                  "artillery": "shelling", "IED": "an explosive device",
                  "suicide bomb": "a suicide bombing", "grenade": "a grenade attack",
                  "firearms": "an armed attack", "bladed weapon": "a knife attack",
                  "chemical": "a chemical attack"}


def _when(event: EventFields) -> str:
    if event.event_date:
        return f"On {event.event_date.day} {event.event_date:%B %Y}"
    if event.date_range:
        start, end = event.date_range
        return f"Between {start.day} {start:%B %Y} and {end.day} {end:%B %Y}"
    return "On an unknown date"


def _where(event: EventFields) -> str:
    if not event.location:
        return ""
    region = ", ".join(p for p in (event.admin1, event.country) if p and p != event.location)
    return f" at {event.location}" + (f" ({region})" if region else "")


def _what(event: EventFields) -> str:
    if event.event_type == "Strategic developments" and event.sub_event_type == "Other":
        return f"{event.actor1 or 'an actor'} issued a statement"
    if event.sub_event_type == "Disrupted weapons use":
        return f"{event.actor1 or 'forces'} intercepted {WEAPON_PHRASES.get(event.weapon or '', 'an attack')}"
    if event.event_type in ("Protests", "Riots"):
        return f"{event.actor1 or 'people'} demonstrated"
    action = WEAPON_PHRASES.get(event.weapon or "", f"an event ({event.sub_event_type})")
    by = ""
    if event.claimed_by:
        by = f" claimed by {', '.join(event.claimed_by)}"
    elif event.actor1:
        by = f" by {event.actor1}"
    target = f" targeted {event.actor2}" if event.actor2 else " took place"
    return f"{action}{by}{target}"


def notes_for(event: EventFields) -> str:
    """One sentence that says what the row says, for a reader who does not read the columns."""
    tail = "" if event.fatalities is None else f" {event.fatalities} fatalities."
    return f"{_when(event)}, {_what(event)}{_where(event)}.{tail}"
