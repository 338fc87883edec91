"""Where a local outlet is based, read from the address of the report (``data/outlets.csv``).

A US local story rarely names its state, and town names repeat from state to state: a
"Columbus" shooting on WTVM's site is in Georgia, on 10TV's in Ohio. The outlet's home state
tells them apart the way a reader of that site does. It counts as a state the story names once
(``resolve.Resolver``), and only in a story without a dateline: a wire story an outlet carries
("DALLAS (AP) —") is placed by its own dateline, not by the outlet.

The table lists outlets whose news is local (city papers, local television stations and their
sites), by host name; a host shared by several cities' sites is listed with its first path
segment ("dnainfo.com/chicago"). National outlets are left out: their home says nothing of
where their news happens. A story that places its events nowhere at all is placed around the
outlet's town, at region precision (``fallback.place_at_outlet_town``).
"""
from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources

from .gazetteer import Gazetteer, Place, normalise_name

#: an archived copy's address wraps the original one: "web.archive.org/web/2015.../http://..."
ARCHIVE_PREFIX = re.compile(r"^(?:https?://)?web\.archive\.org/web/[^/]+/", re.IGNORECASE)
#: host prefixes that are not part of the outlet's name
HOST_PREFIXES = ("www.", "www2.", "m.", "amp.", "mobile.")


@dataclass(frozen=True)
class OutletHome:
    """An outlet and the city, state and country it is based in."""

    name: str
    city: str
    admin1: str
    country: str


@functools.cache
def outlet_table() -> dict[str, OutletHome]:
    """Host (or host and first path segment) -> the outlet's home."""
    path = resources.files("eventwire") / "data" / "outlets.csv"
    with path.open(encoding="utf-8") as handle:
        return {row["host"].lower(): OutletHome(row["name"], row["city"], row["admin1"], row["country"])
                for row in csv.DictReader(handle)}


def host_and_section(url: str) -> tuple[str, str]:
    """("chicago.suntimes.com", "news") for "http://web.archive.org/web/2016/http://
    www.chicago.suntimes.com:80/news/...": the original's host without its port and usual
    prefixes, and its first path segment."""
    address = ARCHIVE_PREFIX.sub("", url.strip())
    address = re.sub(r"^[a-z]+://", "", address, flags=re.IGNORECASE)
    host, _, rest = address.partition("/")
    host = host.split(":")[0].lower()
    for prefix in HOST_PREFIXES:
        host = host.removeprefix(prefix)
    return host, rest.split("/")[0].split("?")[0].lower()


def outlet_home(url: str | None) -> OutletHome | None:
    """The home of the outlet whose site ``url`` is on: the host with its first path segment,
    the host, then each parent domain ("chicago.cbslocal.com", then "cbslocal.com")."""
    if not url:
        return None
    host, section = host_and_section(url)
    table = outlet_table()
    if f"{host}/{section}" in table:
        return table[f"{host}/{section}"]
    labels = host.split(".")
    for i in range(len(labels) - 1):
        found = table.get(".".join(labels[i:]))
        if found is not None:
            return found
    return None


def outlet_town(home: OutletHome | None, gazetteer: Gazetteer) -> Place | None:
    """The gazetteer's town an outlet is based in (the biggest of its name in the outlet's
    state), or None."""
    if home is None:
        return None
    towns = [p for p in gazetteer.lookup(home.city) if p.kind == "city" and p.country_code == home.country
             and normalise_name(p.admin1 or "") == normalise_name(home.admin1)]
    return max(towns, key=lambda p: p.population) if towns else None
