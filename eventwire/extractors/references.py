"""What an event word says of itself before its arguments are read: whether it counts events
("92 attacks", "attacked 150 times": a tally for the aggregates extractor, not an event), or
refers back to one the story has told ("the attack", "both attacks").

The frame builder (``frames.py``) drops counts and plural references back, and marks a
singular reference back so the mentions stage can join it to its antecedent.
"""
from __future__ import annotations

from spacy.tokens import Token

from .numbers import parse_figure
from .triggers import Trigger

#: determiners that make an event noun one already told: "the strikes", "both attacks"
DEFINITE = ("the", "these", "those", "both", "this", "that")
#: words that pick some of many events told: "most of the attacks"
QUANTIFIERS = ("most", "some", "many", "all")


def times_count(token: Token) -> Token | None:
    """The "times" of "attacked more than 150 times", if the verb has one with a number."""
    for child in token.children:
        if child.lower_ == "times" and any(c.dep_ == "nummod" for c in child.children):
            return child
    return None


#: "two car bomb blasts killed ...": so few counted attacks with a toll are the news, not a tally
FEW_ATTACKS = 3
#: verbs whose object is attacks someone carried out ("carried out two grenade attacks"), not
#: attacks looked into, foiled or suffered
DOING_VERBS = frozenset(("launch", "carry", "conduct", "stage", "mount", "execute", "perform",
                         "unleash", "perpetrate"))


def few_with_toll(group: list[Trigger]) -> bool:
    """A count of so few attacks with a toll beside it, or that someone carried out ("militants
    carried out two grenade attacks on security forces"), tells the news, not a tally."""
    done = any(t.pos == "noun" and t.token.dep_ == "dobj" and t.token.head.lemma_.lower() in DOING_VERBS
               for t in group)
    if not any(t.harm for t in group) and not done:
        return False
    for trig in group:
        number = next((c for c in trig.token.children if c.dep_ == "nummod"), None)
        figure = parse_figure(number.text) if number is not None else None
        if figure is not None and figure.value > FEW_ATTACKS:
            return False
    return True


#: object tags of one person hit again and again: "shot him three times", "stabbed her"
ONE_PERSON_TAGS = ("PRP", "NN", "NNP")


def hits_on_one(group: list[Trigger], harm_verbs: frozenset[str]) -> bool:
    """"shot his wife three times", "stabbed him 20 times": how often one person was hit by a
    verb that harms people directly (lexicon ``person_harm_verbs``), not a count of events
    ("attacked the town 150 times" stays one)."""
    return any(t.pos == "verb" and t.token.lemma_.lower() in harm_verbs and times_count(t.token) is not None
               and any(o.tag_ in ONE_PERSON_TAGS and o.ent_type_ not in ("GPE", "LOC", "FAC", "ORG")
                       for o in t.token.children if o.dep_ == "dobj")
               for t in group)


def is_count(token: Token) -> bool:
    """"92 attacks", "attacked 150 times": a count statement, for the aggregates extractor."""
    if token.tag_.startswith("VB"):
        return times_count(token) is not None
    if token.tag_ not in ("NNS", "NNPS"):
        return False
    return any(c.dep_ == "nummod" for c in token.children)


def refers_back(trig: Trigger) -> bool:
    """"the attack", "this strike", "what it called a terrorist attack": a noun that names an
    event the story has already told, not a new one."""
    token = trig.token
    if trig.pos != "noun":
        return False
    if token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() == "claim":
        return True  # "militia umbrella claims attack": the attack the story tells
    if token.tag_ in ("NNS", "NNPS"):
        return False
    det = next((c.lower_ for c in token.children if c.dep_ in ("det", "poss")), None)
    if det in ("the", "this", "that", "its", "their"):
        return True
    return any(a.lemma_.lower() == "call" for a in token.ancestors)


def is_definite(token: Token) -> bool:
    """"the strikes", "these attacks": an event noun the story has named before."""
    return any(c.dep_ in ("det", "predet") and c.lower_ in DEFINITE for c in token.children)


def is_anaphor(trig: Trigger) -> bool:
    """"the attacks", "both attacks": a reference back, not a new event."""
    token = trig.token
    if trig.pos != "noun" or token.tag_ not in ("NNS", "NNPS"):
        return False
    det = next((c.lower_ for c in token.children if c.dep_ in ("det", "predet")), None)
    if token.dep_ == "pobj" and token.head.head.lower_ in QUANTIFIERS:
        return True
    return det in DEFINITE
