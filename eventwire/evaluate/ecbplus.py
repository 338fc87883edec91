"""ECB+ as gold for keeping look-alike events apart: general news (celebrities, earthquakes,
shootings, sport ...), each document labelled with the event it reports (``cluster_id``); every
topic pairs two similar but different events (two rehab check-ins, two quakes in one region).

ECB+ texts are tokenised ("http : / / www . example . com / 2013 / 05 / 03 / ..."): the reader
rejoins a first line that is a web address, so the publication date it carries is read as
``eventwire ingest`` reads a URL's date. Documents are ingested as GVA's are
(``evaluate/gva.py``). Scored over the documents that carry an event (most ECB+ news is not
conflict): pairwise and B-cubed P/R/F1 against ``cluster_id``. Precision is the figure that
shows look-alike events staying apart; recall is low by design where no date can be read,
because an undated report is never merged.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..ingest.published import published_from_url
from ..pipeline import Pipeline
from ..records import Article
from .clusters import cluster_figures, ingest_and_cluster
from .common import read_jsonl
from .report import Report

REQUIRED = ("doc_id", "cluster_id", "text")
#: spaces a tokeniser put around the punctuation of a web address
URL_SPACES = re.compile(r"\s*([/.:\-_?=&])\s*")


def rejoined_url(line: str) -> str | None:
    """The web address a tokenised first line spells, or None when it is not one."""
    if not line.lstrip().startswith("http"):
        return None
    return URL_SPACES.sub(r"\1", line.strip())


def article_for(doc: dict[str, Any]) -> Article:
    text = doc["text"] or ""
    url = rejoined_url(text.split("\n", 1)[0])
    published = published_from_url(url) if url else None
    return Article(text=text, id=f"ecb-{doc['doc_id']}", url=url, published=published,
                   published_source="url" if published else None)


def evaluate(path: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    docs = read_jsonl(path, limit, required=REQUIRED)
    articles = [article_for(d) for d in docs]
    labels, counts = ingest_and_cluster(pipeline, articles)
    carrying = {a: label for a, label in labels.items() if not label.startswith("none:")}
    gold = {a.id: str(d["cluster_id"]) for a, d in zip(articles, docs) if a.id in carrying}
    report = Report(name=path.name, dataset="ecbplus", articles=len(docs))
    cluster_figures(report, carrying, gold)
    report.figures["documents_with_event"] = counts["with_event"]
    report.figures["dated_documents"] = sum(a.published is not None for a in articles)
    return report
