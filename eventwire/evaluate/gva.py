"""GVA (SemEval-2018 task 5) as gold for de-duplication: news documents about US shootings, each
labelled with the Gun Violence Archive incident it reports (``incident_id``), so documents with
one incident id are one real event.

Every document is ingested the way ``eventwire ingest`` would (title and content as the
article, ``dct`` as its publication date, in publication order, batch by batch into a real
DuckDB store); a document's cluster is the canonical event its report of the shooting ended
in, and a document with no event is a cluster of its own. GVA labels a document with the
shooting it tells of, also when its main news is what followed (the arrest, the vigil): its
report of the shooting is its first attack or armed clash by role (main news first), else
its primary event. Scored over all documents: pairwise and B-cubed
precision, recall and F1 against the incidents, and the number of canonical events beside the
number of true incidents. Some GVA documents are stubs or unrelated pages: they count, as they
would in a real crawl.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..document import Document
from ..pipeline import Pipeline
from ..records import Article, Mention
from .clusters import cluster_figures, ingest_and_cluster
from .common import events_of, read_jsonl
from .report import Report

REQUIRED = ("doc_id", "incident_id", "content")


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def article_for(doc: dict[str, Any]) -> Article:
    title, content = (doc.get("title") or "").strip(), doc["content"] or ""
    published = _date(doc.get("dct"))
    return Article(text=f"{title}\n\n{content}" if title else content, id=f"gva-{doc['doc_id']}",
                   title=title or None, url=doc.get("uri") or None, published=published,
                   published_source="caller" if published else None)


#: the event types a shooting is coded as (an attack on civilians, or an exchange of fire)
SHOOTING_TYPES = ("Violence against civilians", "Battles")


def shooting_report(document: Document) -> Mention | None:
    """The document's report of the shooting GVA labels it with (module docstring)."""
    events = events_of(document)
    return next((m for m in events if m.event_type in SHOOTING_TYPES), events[0] if events else None)


def evaluate(path: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    docs = read_jsonl(path, limit, required=REQUIRED)
    articles = [article_for(d) for d in docs]
    predicted, counts = ingest_and_cluster(pipeline, articles, pick=shooting_report)
    gold = {a.id: str(d["incident_id"]) for a, d in zip(articles, docs)}
    report = Report(name=path.name, dataset="gva", articles=len(docs))
    cluster_figures(report, predicted, gold)
    report.figures["documents_with_event"] = counts["with_event"]
    report.misses += _split_incidents(predicted, gold)
    return report


def _split_incidents(predicted: dict[str, str], gold: dict[str, str], most: int = 50) -> list[str]:
    """Incidents whose documents ended in more than one event (the recall misses)."""
    by_incident: dict[str, set[str]] = {}
    for doc, incident in gold.items():
        by_incident.setdefault(incident, set()).add(predicted[doc])
    split = sorted((i for i, events in by_incident.items() if len(events) > 1),
                   key=lambda i: -len(by_incident[i]))
    return [f"incident {i}: {len(by_incident[i])} events" for i in split[:most]]
