"""The Gun Violence Database as gold: US news articles on one shooting each, with the number
of victims killed and injured, and the city.

The article (title and full text) is compared through its primary event: killed is its
``fatalities`` (0 when nothing is found: the article then reports no killing eventwire saw),
injured its ``injured`` (0 when unreported), each exact. Gold counts are the victims GVDB's
annotators marked "killed" or "injured". City is right when the event's location (either part
of "Chicago - Rogers Park") or admin2 names GVDB's city (its last line, a leading "West" or
"unincorporated" dropped; "St." read as "Saint"). Date is right when the event's date is GVDB's incident date. GVDB gives no
publication date: the pipeline reads it from the article's URL where the URL carries one, and
``date (where published is known)`` scores those articles alone.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from ..document import Document
from ..errors import EvalError
from ..pipeline import Pipeline
from ..records import Article, Mention
from ..where.gazetteer import normalise_name
from .common import analyse_all, primary_event, read_rows
from .report import Report

#: words before a city's name in GVDB's city values that name a part of it, or its status
CITY_PREFIXES = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                           "southwest", "n", "s", "e", "w", "downtown", "unincorporated"})


def gold_of(row: dict[str, str]) -> dict[str, Any]:
    try:
        data = json.loads(row["Json"])
    except (json.JSONDecodeError, TypeError) as exc:
        raise EvalError(f"gvdb article {row.get('Article id')}", f"gold JSON unreadable ({exc})") from exc
    victims = data.get("victim-section") or []
    when = data.get("date-and-time") or {}
    city = (when.get("city") or {}).get("value") or ""
    return {"killed": sum("killed" in (v.get("victim-was") or []) for v in victims),
            "injured": sum("injured" in (v.get("victim-was") or []) for v in victims),
            "city": gold_city(city), "date": parse_gold_date(when.get("date"))}


def gold_city(value: str) -> str | None:
    """GVDB's city as a name: its last line (some values carry the page text before it),
    without a leading part of town ("West Philadelphia", "unincorporated Adams County")."""
    lines = [line.strip() for line in value.splitlines() if line.strip()]
    words = lines[-1].rstrip(".").split() if lines else []
    while len(words) > 1 and words[0].lower().rstrip(".") in CITY_PREFIXES:
        words = words[1:]
    return " ".join(words) or None


def city_key(name: str) -> str:
    """A city name compared: "St. George" and "Saint George", "The Bronx" and "Bronx",
    "DESOTO" and "De Soto" meet."""
    key = normalise_name(name)
    key = re.sub(r"^(?:the|city of) ", "", key)
    return re.sub(r"^st ", "saint ", key).replace(" ", "")


def _place_names(event: Mention | None) -> list[str]:
    """The names an event's place goes by: its location, both parts of an ACLED-style
    "City - Part" ("Chicago - Rogers Park"), and its admin2."""
    if event is None:
        return []
    names = [event.location, event.admin2] + (event.location or "").split(" - ")
    return [n.strip() for n in names if n and n.strip()]


def parse_gold_date(value: Any) -> dt.date | None:
    """GVDB writes dates "2016-01-27" or "2015-8-23"."""
    try:
        year, month, day = (int(part) for part in str(value).split("-"))
        return dt.date(year, month, day)
    except ValueError:
        return None


def article_for(row: dict[str, str]) -> Article:
    """GVDB's full text begins with the title, glued to the first sentence: split them."""
    text, title = row["Full text"], (row.get("Article title") or "").strip()
    if title and text.startswith(title):
        text = title + "\n\n" + text[len(title):]
    return Article(text=text, id=f"gvdb-{row['Article id']}", url=row.get("Article url"),
                   title=title or None)


def score(report: Report, row: dict[str, str], document: Document) -> None:
    gold, event = gold_of(row), primary_event(document)
    killed = event.fatalities or 0 if event else 0
    injured = event.injured or 0 if event else 0
    report.tally("killed").add(killed == gold["killed"])
    report.tally("injured").add(injured == gold["injured"])
    if gold["killed"]:
        report.tally("killed (where some were)").add(killed == gold["killed"])
    if gold["city"]:
        names = {city_key(n) for n in _place_names(event)}
        report.tally("city").add(city_key(gold["city"]) in names)
    if gold["date"]:
        right_date = event is not None and event.event_date == gold["date"]
        report.tally("date").add(right_date)
        if document.published is not None:
            report.tally("date (where published is known)").add(right_date)
            if not right_date:
                got = event.event_date if event else "no event"
                report.misses.append(f"{row['Article id']}: date {gold['date']}/{got} (gold/got)")
    if killed != gold["killed"] or injured != gold["injured"]:
        report.misses.append(f"{row['Article id']}: killed {gold['killed']}/{killed}, "
                             f"injured {gold['injured']}/{injured} (gold/got)")
    if gold["city"] and city_key(gold["city"]) not in names:
        got = event.location if event else "no event"
        report.misses.append(f"{row['Article id']}: city {gold['city']}/{got} (gold/got)")


def evaluate(path: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    rows = read_rows(path, "\t", limit, required=("Article id", "Full text", "Json"))
    report = Report(name=path.name, dataset="gvdb", articles=len(rows))
    for row, document in zip(rows, analyse_all(pipeline, map(article_for, rows))):
        score(report, row, document)
    return report
