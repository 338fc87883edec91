"""The Gun Violence Database as gold: US news articles on one shooting each, with the number
of victims killed and injured, and the city.

The article (title and full text) is compared through its primary event: killed is its
``fatalities`` (0 when nothing is found: the article then reports no killing eventwire saw),
injured its ``injured`` (0 when unreported), each exact. Gold counts are the victims GVDB's
annotators marked "killed" or "injured". City is right when the event's location or admin2
names GVDB's city. GVDB gives no publication date, so relative dates cannot be resolved and the
date is not scored.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..document import Document
from ..errors import EvalError
from ..pipeline import Pipeline
from ..records import Article
from ..where.gazetteer import normalise_name
from .common import analyse_all, primary_event, read_rows
from .report import Report


def gold_of(row: dict[str, str]) -> dict[str, Any]:
    try:
        data = json.loads(row["Json"])
    except (json.JSONDecodeError, TypeError) as exc:
        raise EvalError(f"gvdb article {row.get('Article id')}", f"gold JSON unreadable ({exc})") from exc
    victims = data.get("victim-section") or []
    city = ((data.get("date-and-time") or {}).get("city") or {}).get("value") or None
    return {"killed": sum("killed" in (v.get("victim-was") or []) for v in victims),
            "injured": sum("injured" in (v.get("victim-was") or []) for v in victims),
            "city": city}


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
        names = {normalise_name(n) for n in (event.location, event.admin2) if n} if event else set()
        report.tally("city").add(normalise_name(gold["city"]) in names)
    if killed != gold["killed"] or injured != gold["injured"]:
        report.misses.append(f"{row['Article id']}: killed {gold['killed']}/{killed}, "
                             f"injured {gold['injured']}/{injured} (gold/got)")


def evaluate(path: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    rows = read_rows(path, "\t", limit, required=("Article id", "Full text", "Json"))
    report = Report(name=path.name, dataset="gvdb", articles=len(rows))
    for row, document in zip(rows, analyse_all(pipeline, map(article_for, rows))):
        score(report, row, document)
    return report
