"""CASE 2021 task 2 as gold: classify each snippet into one of 30 classes, the 25 ACLED
sub-event types under CASE's names plus five non-conflict classes (natural and man-made
disasters, organised crime, diplomacy, attribution of responsibility).

The snippet's class is its primary event's ACLED sub-event type under CASE's name (or, for a
snippet too bare to code a row from, its first event frame's); a snippet with no event gets the topic :func:`eventwire.extractors.topics.snippet_topic` finds, or
"NONE" (always wrong). Reported: accuracy, and macro-F1 over the 30 classes (CASE's own figure).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..document import Document
from ..extractors.topics import leads_with_diplomacy, snippet_topic, topic_scores
from ..pipeline import Pipeline
from ..records import Article
from .common import analyse_all, primary_event, read_rows
from .report import Report

#: ACLED sub-event type -> CASE 2021 class
CASE_CLASS = {
    "Armed clash": "ARMED_CLASH", "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK", "Air/drone strike": "AIR_STRIKE",
    "Suicide bomb": "SUIC_BOMB", "Grenade": "GRENADE",
    "Remote explosive/landmine/IED": "REM_EXPLOS", "Chemical weapon": "CHEM_WEAP",
    "Sexual violence": "SEX_VIOL", "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP", "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR", "Mob violence": "MOB_VIOL",
    "Agreement": "AGREEMENT", "Arrests": "ARREST", "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Disrupted weapons use": "DISR_WEAP", "Headquarters or base established": "HQ_ESTABLISHED",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER", "Other": "OTHER",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
}
#: the topic names snippet_topic returns -> CASE 2021 class
TOPIC_CLASS = {"natural_disaster": "NATURAL_DISASTER", "man_made_disaster": "MAN_MADE_DISASTER",
               "organised_crime": "ORG_CRIME", "diplomacy": "DIPLO", "attribution": "ATTRIB"}
CLASSES = tuple(CASE_CLASS.values()) + tuple(TOPIC_CLASS.values())


#: verbs of the attribution cues, and how such a verb hangs when it only describes a noun:
#: "a man accused of smuggling", "an attack blamed on Boko Haram"
ATTRIBUTION_VERBS = ("accuse", "blame", "claim", "attribute", "deny", "hold", "take")
DESCRIBING_DEPS = ("acl", "relcl", "amod")


def _leads_with_attribution(document: Document) -> bool:
    """The snippet's first sentence is about who is responsible ("IS claimed responsibility
    for a car bomb ...", "the Taliban denied ..."), not the attack it refers to; a cue that
    only describes a noun ("lynched a man accused of cow smuggling", "in an attack blamed on
    Boko Haram") leaves the sentence about the act."""
    if not document.sentences:
        return topic_scores(document.article.text).get("attribution", 0) > 0
    first = next((s for s in document.sentences if any(t.pos_ in ("VERB", "AUX") for t in s.span)),
                 document.sentences[0])  # past a dateline fragment: "Saudi Arabia (AA)."
    if topic_scores(first.text).get("attribution", 0) == 0:
        return False
    verbs = [t for t in first.span if t.lemma_.lower() in ATTRIBUTION_VERBS]
    return not verbs or any(t.dep_ not in DESCRIBING_DEPS for t in verbs)


def predicted_class(document: Document) -> str:
    """The primary event's type; else the first event frame's (a snippet's event may be too
    bare to code as a row: "649 people were arrested"); else the non-conflict topic. A snippet
    that leads with a claim or a denial of responsibility is an attribution; one that leads
    with a diplomatic act, naming attacks only as its cause, is diplomacy."""
    if _leads_with_attribution(document):
        return TOPIC_CLASS["attribution"]
    if leads_with_diplomacy(document):
        return TOPIC_CLASS["diplomacy"]
    event = primary_event(document)
    if event is not None and event.sub_event_type in CASE_CLASS:
        return CASE_CLASS[event.sub_event_type]
    typed = [f.sub_event_type for f in document.frames if f.sub_event_type in CASE_CLASS]
    if typed:
        return CASE_CLASS[typed[0]]
    topic = snippet_topic(document)
    return TOPIC_CLASS.get(topic or "", "NONE")


def macro_f1(pairs: list[tuple[str, str]], classes: tuple[str, ...]) -> float:
    """Mean over ``classes`` of each class's F1 (a class never seen nor predicted is skipped)."""
    gold, pred = Counter(g for g, _ in pairs), Counter(p for _, p in pairs)
    right = Counter(g for g, p in pairs if g == p)
    scores = []
    for name in classes:
        if gold[name] or pred[name]:
            scores.append(2 * right[name] / (gold[name] + pred[name]))
    return round(sum(scores) / len(scores), 3) if scores else 0.0


def evaluate(path: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    rows = read_rows(path, "\t", limit, required=("id", "EventSnippet", "SubType"))
    report = Report(name=path.name, dataset="case2021", articles=len(rows))
    articles = (Article(text=row["EventSnippet"], id=f"case-{row['id']}") for row in rows)
    pairs = []
    for row, document in zip(rows, analyse_all(pipeline, articles)):
        gold, got = (row["SubType"] or "").strip(), predicted_class(document)
        pairs.append((gold, got))
        report.tally("accuracy").add(gold == got)
        report.tally(f"class {gold}").add(gold == got)
        if gold != got:
            report.misses.append(f"{row['id']}: {gold}, got {got}")
    report.figures["macro_f1"] = macro_f1(pairs, CLASSES)
    return report
