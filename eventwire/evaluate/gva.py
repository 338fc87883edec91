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

When the incidents file lies beside the documents (``gva_incidents.jsonl`` for
``gva_documents.jsonl``, else ``<stem>_incidents.jsonl``), the same report of the shooting is
also scored field by field against its incident, over every document whose incident is listed
(a document with no event counts as wrong): its date (exactly, and within a day, for a story
dated by US time against a local one), its killed and injured figures (none given reads 0),
and its place within 25 km of the incident's point (where GVA gives one).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..document import Document
from ..pipeline import Pipeline
from ..records import Article, Mention
from ..where.gazetteer import haversine_km
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


#: the place is right within this distance of the incident's point, as for ACLED
PLACE_KM = 25.0
#: the figures scored: report name, the incident's column, the event's field
FIGURE_COLUMNS = (("killed", "num_killed", "fatalities"), ("injured", "num_injured", "injured"))


def incidents_path(documents: Path) -> Path:
    """Where the incidents of a documents file lie (module docstring)."""
    name = documents.name
    return documents.with_name(name.replace("documents", "incidents") if "documents" in name
                               else f"{documents.stem}_incidents.jsonl")


def read_incidents(documents: Path) -> dict[str, dict[str, Any]]:
    """The incidents beside ``documents`` by id; none when the file is not there."""
    path = incidents_path(documents)
    if not path.exists():
        return {}
    return {str(r["incident_id"]): r for r in read_jsonl(path, required=("incident_id", "date"))}


def incident_date(value: Any) -> dt.date | None:
    """GVA writes an incident's date "April 10, 2017"."""
    try:
        return dt.datetime.strptime(str(value), "%B %d, %Y").date()
    except ValueError:
        return None


def score_fields(report: Report, incident: dict[str, Any], event: Mention | None) -> None:
    """One document's report of the shooting against its incident (module docstring)."""
    gold_date = incident_date(incident.get("date"))
    if gold_date is not None:
        gap = abs((event.event_date - gold_date).days) if event and event.event_date else None
        report.tally("date").add(gap == 0)
        report.tally("date_within_1_day").add(gap is not None and gap <= 1)
    for name, column, value in FIGURE_COLUMNS:
        if isinstance(incident.get(column), int):
            got = (getattr(event, value) or 0) if event else 0
            report.tally(name).add(got == incident[column])
    if incident.get("latitude") is not None and incident.get("longitude") is not None:
        placed = event is not None and event.latitude is not None and event.longitude is not None
        report.tally("place_25km").add(placed and haversine_km(
            incident["latitude"], incident["longitude"], event.latitude, event.longitude) <= PLACE_KM)


def evaluate(path: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    docs = read_jsonl(path, limit, required=REQUIRED)
    articles = [article_for(d) for d in docs]
    incident_of = {a.id: str(d["incident_id"]) for a, d in zip(articles, docs)}
    incidents = read_incidents(path)
    report = Report(name=path.name, dataset="gva", articles=len(docs))

    def score(document: Document) -> None:
        incident = incidents.get(incident_of[document.article.id])
        if incident is not None:
            score_fields(report, incident, shooting_report(document))
    predicted, counts = ingest_and_cluster(pipeline, articles, on_document=score, pick=shooting_report)
    cluster_figures(report, predicted, incident_of)
    report.figures["documents_with_event"] = counts["with_event"]
    report.misses += _split_incidents(predicted, incident_of)
    return report


def _split_incidents(predicted: dict[str, str], gold: dict[str, str], most: int = 50) -> list[str]:
    """Incidents whose documents ended in more than one event (the recall misses)."""
    by_incident: dict[str, set[str]] = {}
    for doc, incident in gold.items():
        by_incident.setdefault(incident, set()).add(predicted[doc])
    split = sorted((i for i, events in by_incident.items() if len(events) > 1),
                   key=lambda i: -len(by_incident[i]))
    return [f"incident {i}: {len(by_incident[i])} events" for i in split[:most]]
