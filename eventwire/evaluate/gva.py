"""GVA (SemEval-2018 task 5) as gold for de-duplication: news documents about US shootings, each
labelled with the Gun Violence Archive incident it reports (``incident_id``), so documents with
one incident id are one real event.

Every document is ingested the way ``eventwire ingest`` would (title and content as the
article, ``dct`` as its publication date, in publication order, batch by batch into a real
DuckDB store); a document's cluster is the canonical event its primary event ended in, and a
document with no event is a cluster of its own. Scored over all documents: pairwise and B-cubed
precision, recall and F1 against the incidents, and the number of canonical events beside the
number of true incidents. Some GVA documents are stubs or unrelated pages: they count, as they
would in a real crawl.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..pipeline import Pipeline
from ..records import Article
from .clusters import cluster_figures, ingest_and_cluster
from .common import read_jsonl
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


def evaluate(path: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    docs = read_jsonl(path, limit, required=REQUIRED)
    articles = [article_for(d) for d in docs]
    predicted, counts = ingest_and_cluster(pipeline, articles)
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
