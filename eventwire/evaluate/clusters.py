"""Scores of a clustering against a true one: how well reports were grouped into events.

Both clusterings are maps from an item (a document) to a cluster label, over the same items.

* pairwise: every pair of items put together is a prediction; it is right when the truth puts
  them together too. Precision is the share of predicted pairs that are true pairs, recall the
  share of true pairs that were predicted. Large clusters weigh quadratically.
* B-cubed (Bagga and Baldwin): for each item, the share of its predicted cluster that is truly
  its own (precision) and the share of its true cluster that was predicted with it (recall),
  averaged over items. Every item weighs the same.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any, Callable, Hashable, Mapping

from ..document import Document
from ..pipeline import Pipeline, batched
from ..records import Article, Mention
from ..store import open_store
from ..stored_near import StoredNear
from ..workflow import new_articles, store_documents
from .common import primary_event
from .report import Report

#: a real DuckDB store that lives only as long as the evaluation
IN_MEMORY_DUCKDB = "duckdb:///:memory:"


def _groups(labels: Mapping[Hashable, Hashable]) -> dict[Hashable, list[Hashable]]:
    groups: dict[Hashable, list[Hashable]] = defaultdict(list)
    for item, label in labels.items():
        groups[label].append(item)
    return groups


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _check_same_items(predicted: Mapping, gold: Mapping) -> None:
    if set(predicted) != set(gold):
        missing = sorted(map(str, set(gold) ^ set(predicted)))[:3]
        raise ValueError(f"the clusterings cover different items (e.g. {', '.join(missing)})")


def pairwise(predicted: Mapping[Hashable, Hashable],
             gold: Mapping[Hashable, Hashable]) -> dict[str, float]:
    """Pairwise precision, recall and F1; a clustering with no pairs scores precision 1."""
    _check_same_items(predicted, gold)
    both = Counter((predicted[i], gold[i]) for i in gold)
    together = sum(_pairs(n) for n in both.values())
    said = sum(_pairs(len(g)) for g in _groups(predicted).values())
    true = sum(_pairs(len(g)) for g in _groups(gold).values())
    p = together / said if said else 1.0
    r = together / true if true else 1.0
    return {"precision": p, "recall": r, "f1": _f1(p, r), "predicted_pairs": said,
            "true_pairs": true, "right_pairs": together}


def bcubed(predicted: Mapping[Hashable, Hashable],
           gold: Mapping[Hashable, Hashable]) -> dict[str, float]:
    """B-cubed precision, recall and F1, averaged over items."""
    _check_same_items(predicted, gold)
    if not gold:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    both = Counter((predicted[i], gold[i]) for i in gold)
    size_p = Counter(predicted.values())
    size_g = Counter(gold.values())
    p = sum(both[predicted[i], gold[i]] / size_p[predicted[i]] for i in gold) / len(gold)
    r = sum(both[predicted[i], gold[i]] / size_g[gold[i]] for i in gold) / len(gold)
    return {"precision": p, "recall": r, "f1": _f1(p, r)}


def cluster_figures(report: Report, predicted: dict[str, str], gold: dict[str, str]) -> None:
    """Pairwise and B-cubed figures of a document clustering, into ``report.figures``."""
    for prefix, scores in (("pairwise", pairwise(predicted, gold)), ("bcubed", bcubed(predicted, gold))):
        for name in ("precision", "recall", "f1"):
            report.figures[f"{prefix}_{name}"] = round(scores[name], 3)
    report.figures["events"] = len(set(predicted.values()))
    report.figures["true_events"] = len(set(gold.values()))


def _label(article_id: str, primary: dict[str, str | None], owner: dict[str, str]) -> str:
    """The event an article's primary event ended in; ``none:`` when it has none, ``skipped:``
    when ingest refused it (an id already taken)."""
    if article_id not in primary:
        return f"skipped:{article_id}"
    mention_id = primary[article_id]
    return owner.get(mention_id, f"lost:{article_id}") if mention_id else f"none:{article_id}"


def _twins(articles: list[Article], analysed: dict[str, str | None]) -> dict[str, str | None]:
    """The primary events of articles ingest skipped as texts it had stored already: the same
    text under another id (a page crawled at two addresses) is the same report, so it ends
    in the event its twin's text ended in."""
    by_text = {a.content_hash: a.id for a in articles if a.id in analysed}
    return {a.id: analysed[by_text[a.content_hash]] for a in articles
            if a.id not in analysed and a.content_hash in by_text}


def ingest_and_cluster(pipeline: Pipeline, articles: list[Article],
                       store_url: str = IN_MEMORY_DUCKDB,
                       on_document: Callable[[Document], None] | None = None,
                       pick: Callable[[Document], Mention | None] = primary_event
                       ) -> tuple[dict[str, str], dict[str, Any]]:
    """Ingest ``articles`` the way ``eventwire ingest`` does (in publication order, batch by
    batch, each batch de-duplicated against the store) and say which event each article's
    event ended in (``pick``: its primary event, unless the gold means another): article id
    -> event id, or ``none:<article id>`` when the article has no event; an article skipped
    as a text stored already ends where its twin did (``_twins``). Also returns counts:
    articles with an event, events stored. ``on_document`` sees every analysed article, for
    scorers that also check fields."""
    ordered = sorted(articles, key=lambda a: (a.published or dt.date.min, a.id))
    primary: dict[str, str | None] = {}
    with open_store(store_url) as store:
        near = StoredNear(store)
        for batch in batched(ordered, pipeline.settings["ingest.batch_size"]):
            documents = pipeline.analyse(new_articles(store, batch).fresh)
            store_documents(store, documents, pipeline.settings, near=near)
            for document in documents:
                if on_document:
                    on_document(document)
                event = pick(document)
                primary[document.article.id] = event.mention_id if event else None
        primary.update(_twins(articles, primary))
        owner = {s.mention_id: e.event_id for e in store.events() for s in e.sources}
        counts = {"with_event": sum(m is not None for m in primary.values()),
                  "events": store.counts()["events"]}
    labels = {a.id: _label(a.id, primary, owner) for a in articles}
    return labels, counts
