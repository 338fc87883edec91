"""WikiEvents (KAIROS ontology) as gold: who attacked whom, where, in Conflict.Attack events.

WikiEvents annotates only some of the events a document reports, so arguments are scored on
the attacks it annotates: each gold ``Conflict.Attack.*`` mention is matched with the predicted
attack events (Battles, Explosions/Remote violence, Violence against civilians) whose trigger
lies in the same sentence. The gold arguments are its Attacker, Target and Place spans; the
predicted ones are the evidence spans, inside that sentence, of the matched events' actor1 and
claimed_by (attacker), actor2 and target (target) and location (place) fields. A predicted argument matches a gold one
of the same role when their character spans overlap or their texts name the same actor.

Reported: per role, recall (gold arguments found, over all annotated attacks), precision
(predicted arguments of matched events that are right) and F1; and ``attacks found`` (annotated
attacks with a predicted attack in their sentence).

WikiEvents' ``text`` field drops the line breaks its own character offsets count, so the article
is rebuilt from the sentences at their offsets.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..document import Document
from ..pipeline import Pipeline
from ..records import Article, Mention
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


@dataclass
class GoldAttack:
    sentence: tuple[int, int]
    arguments: dict[str, set[Argument]]


def gold_attacks(record: dict[str, Any], offsets: list[tuple[int, int]]) -> list[GoldAttack]:
    """Every annotated Conflict.Attack mention: its sentence's span and its arguments."""
    entities = {e["id"]: e for e in record["entity_mentions"]}
    sentences = [(tokens[0][1], tokens[-1][2]) for tokens, _ in record["sentences"]]
    attacks = []
    for event in record["event_mentions"]:
        if not event["event_type"].startswith("Conflict.Attack"):
            continue
        found: dict[str, set[Argument]] = {role: set() for role in ROLES}
        for argument in event["arguments"]:
            role = next((r for r, names in ROLES.items() if argument["role"] in names), None)
            entity = entities.get(argument["entity_id"])
            if role and entity:
                span = offsets[entity["start"]][0], offsets[entity["end"] - 1][1]
                found[role].add(Argument(*span, entity["text"]))
        attacks.append(GoldAttack(sentences[event["trigger"]["sent_idx"]], found))
    return attacks


def gold_arguments(record: dict[str, Any], offsets: list[tuple[int, int]]) -> dict[str, set[Argument]]:
    """All annotated attack arguments of a document, by role."""
    found: dict[str, set[Argument]] = {role: set() for role in ROLES}
    for attack in gold_attacks(record, offsets):
        for role in ROLES:
            found[role] |= attack.arguments[role]
    return found


def _attack_mentions(document: Document) -> list[Mention]:
    return [m for m in document.mentions if m.event_type in ATTACK_TYPES]


def _in_sentence(mention: Mention, sentence: tuple[int, int]) -> bool:
    return any(e.field == "trigger" and sentence[0] <= e.start < sentence[1] for e in mention.evidence)


def predicted_arguments(mentions: list[Mention], sentence: tuple[int, int] | None = None
                        ) -> dict[str, set[Argument]]:
    """The mentions' argument spans by role (within ``sentence`` when given)."""
    found: dict[str, set[Argument]] = {role: set() for role in ROLES}
    inside = (lambda e: sentence[0] <= e.start < sentence[1]) if sentence else (lambda e: True)
    for mention in mentions:
        for role, fields in PREDICTED_FIELDS.items():
            found[role] |= {Argument(e.start, e.end, e.text) for e in mention.evidence
                            if e.field in fields and inside(e)}
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


def _add(tally: Tally, right: int, total: int) -> None:
    tally.right, tally.total = tally.right + right, tally.total + total


def score_document(report: Report, record: dict[str, Any], offsets: list[tuple[int, int]],
                   document: Document, actors: ActorComparer) -> None:
    attacks = gold_attacks(record, offsets)
    if not attacks:
        return
    candidates = _attack_mentions(document)
    golds: dict[str, set[Argument]] = {role: set() for role in ROLES}
    preds: dict[str, set[Argument]] = {role: set() for role in ROLES}
    for attack in attacks:
        found = [m for m in candidates if _in_sentence(m, attack.sentence)]
        report.tally("attacks found").add(bool(found))
        for role, arguments in predicted_arguments(found, attack.sentence).items():
            preds[role] |= arguments
        for role in ROLES:
            golds[role] |= attack.arguments[role]
    for role in ROLES:
        found_n, right = score_role(golds[role], preds[role], actors)
        _add(report.tally(f"{role} recall"), found_n, len(golds[role]))
        _add(report.tally(f"{role} precision"), right, len(preds[role]))


def evaluate(path: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    records = read_jsonl(path, limit, required=("doc_id", "sentences", "entity_mentions", "event_mentions"))
    report = Report(name=path.name, dataset="wikievents", articles=len(records))
    rebuilt = [rebuild_text(r) for r in records]
    articles = [Article(text=text, id=r["doc_id"]) for r, (text, _) in zip(records, rebuilt)]
    actors = ActorComparer()
    for record, (_, offsets), document in zip(records, rebuilt, analyse_all(pipeline, articles)):
        score_document(report, record, offsets, document, actors)
    for role in ROLES:
        report.figures[f"{role}_f1"] = _f1(report.tally(f"{role} recall"), report.tally(f"{role} precision"))
    return report
