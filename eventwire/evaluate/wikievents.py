"""WikiEvents (KAIROS ontology) as gold: who attacked whom, where, in Conflict.Attack events.

For each document, the gold arguments are the Attacker, Target and Place spans of its
``Conflict.Attack.*`` events; the predicted ones are the evidence spans of the actor1 and
claimed_by (attacker), actor2 and target (target) and location (place) fields of its attack
events (Battles, Explosions/Remote violence, Violence against civilians). A predicted argument
matches a gold one of the same role when their character spans overlap, or their texts name the
same actor. Reported: precision, recall and F1 per role, each argument counted once per document.

WikiEvents' ``text`` field drops the line breaks its own character offsets count, so the article
is rebuilt from the sentences at their offsets.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..document import Document
from ..pipeline import Pipeline
from ..records import Article
from ..where.gazetteer import normalise_name
from .common import analyse_all, read_jsonl
from .report import Report, Tally
from .seed import ActorComparer

ROLES = {"attacker": ("Attacker",), "target": ("Target", "Victim"), "place": ("Place",)}
PREDICTED_FIELDS = {"attacker": ("actor1", "claimed_by"), "target": ("actor2", "target"),
                    "place": ("location",)}
ATTACK_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")


@dataclass(frozen=True)
class Argument:
    start: int
    end: int
    text: str


def rebuild_text(record: dict[str, Any]) -> tuple[str, list[tuple[int, int]]]:
    """The text with every sentence at its offsets, and each token's (start, end)."""
    parts, offsets, cursor = [], [], 0
    for tokens, sentence in record["sentences"]:
        start = tokens[0][1]
        parts.append("\n" * max(0, start - cursor) + sentence)
        cursor = start + len(sentence)
        offsets += [(begin, end) for _, begin, end in tokens]
    return "".join(parts), offsets


def gold_arguments(record: dict[str, Any], offsets: list[tuple[int, int]]) -> dict[str, set[Argument]]:
    entities = {e["id"]: e for e in record["entity_mentions"]}
    found: dict[str, set[Argument]] = {role: set() for role in ROLES}
    for event in record["event_mentions"]:
        if not event["event_type"].startswith("Conflict.Attack"):
            continue
        for argument in event["arguments"]:
            role = next((r for r, names in ROLES.items() if argument["role"] in names), None)
            entity = entities.get(argument["entity_id"])
            if role and entity:
                span = offsets[entity["start"]][0], offsets[entity["end"] - 1][1]
                found[role].add(Argument(*span, entity["text"]))
    return found


def predicted_arguments(document: Document) -> dict[str, set[Argument]]:
    found: dict[str, set[Argument]] = {role: set() for role in ROLES}
    for mention in document.mentions:
        if mention.event_type not in ATTACK_TYPES:
            continue
        for role, fields in PREDICTED_FIELDS.items():
            found[role] |= {Argument(e.start, e.end, e.text) for e in mention.evidence if e.field in fields}
    return found


def same_argument(gold: Argument, pred: Argument, actors: ActorComparer) -> bool:
    if gold.start < pred.end and pred.start < gold.end:
        return True
    g, p = normalise_name(gold.text), normalise_name(pred.text)
    return bool(g) and (g == p or actors.table.same(gold.text, pred.text))


def score_role(golds: set[Argument], preds: set[Argument], actors: ActorComparer) -> tuple[int, int]:
    """(gold arguments found, predicted arguments that are right)."""
    found = sum(any(same_argument(g, p, actors) for p in preds) for g in golds)
    right = sum(any(same_argument(g, p, actors) for g in golds) for p in preds)
    return found, right


def _f1(found: Tally, right: Tally) -> float:
    p, r = right.score or 0.0, found.score or 0.0
    return round(2 * p * r / (p + r), 3) if p + r else 0.0


def evaluate(path: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    records = read_jsonl(path, limit, required=("doc_id", "sentences", "entity_mentions", "event_mentions"))
    report = Report(name=path.name, dataset="wikievents", articles=len(records))
    rebuilt = [rebuild_text(r) for r in records]
    articles = [Article(text=text, id=r["doc_id"]) for r, (text, _) in zip(records, rebuilt)]
    actors = ActorComparer()
    for record, (_, offsets), document in zip(records, rebuilt, analyse_all(pipeline, articles)):
        golds, preds = gold_arguments(record, offsets), predicted_arguments(document)
        for role in ROLES:
            found, right = score_role(golds[role], preds[role], actors)
            recall, precision = report.tally(f"{role} recall"), report.tally(f"{role} precision")
            recall.right, recall.total = recall.right + found, recall.total + len(golds[role])
            precision.right, precision.total = precision.right + right, precision.total + len(preds[role])
    for role in ROLES:
        report.figures[f"{role}_f1"] = _f1(report.fields[f"{role} recall"], report.fields[f"{role} precision"])
    return report
