"""Which triggers of a sentence report one event: linked in the parse ("killed in an
airstrike", "launched a deadly attack, killing ..."), coordinated with one subject ("was shot
and killed"), or a participle on the attack's weapon ("shelled artillery targeting RSF"). Each
group becomes one frame, its class the highest in ``CLASS_PRIORITY`` and its anchor the trigger
that says most about what happened.
"""
from __future__ import annotations

from spacy.tokens import Token

from .syntax import SUBJECT_DEPS
from .triggers import Trigger

#: classes that outrank others when triggers of several classes report one event
CLASS_PRIORITY = ("intercept", "abduction", "sexual", "protest", "crowd", "riot", "crowd_control",
                  "takeover", "territory", "arrest", "withdrawal", "base", "agreement", "group_change",
                  "displacement", "grave",
                  "clash", "attack", "harm", "looting")
#: classes that are one event when one subject does both ("stormed the village and burned the
#: market"): ACLED codes the attack, the destruction being a tactic of it
CONCURRENT_CLASSES = frozenset(("attack", "clash", "harm", "looting"))
#: where the thing an act used or launched hangs on the act's verb: "fired rockets ...", "an IED
#: ... detonated", "drones were launched"
WEAPON_SLOTS = ("dobj", "nsubj", "nsubjpass")
#: attack words that need not be violent: a raid that only arrests people is the arrest ("police
#: raided a house and detained three suspects"; ACLED codes Arrests)
SEARCH_WORDS = frozenset(("raid", "storm", "swoop"))
#: what an inquiry is "into" is another event than the act that opens or takes it over
#: ("took over the investigation into the shooting in Baidoa" is no taking of Baidoa)
INQUIRY_PREPS = frozenset(("into",))
#: classes of a crowd's noun that can be what an attack hit ("attacked a gathering")
CROWD_NOUN_CLASSES = frozenset(("protest", "crowd"))
#: classes that hit what they take as object ("attacked a gathering")
ATTACK_CLASSES = frozenset(("attack", "harm"))
#: prepositions of what they hit ("opened fire on a rally")
HIT_PREPS = frozenset(("on", "at", "against", "into", "upon"))
TEMPORAL_PREPS = frozenset(("after", "before", "since", "following", "ahead", "until", "amid",
                            "despite", "than"))


def _linked(a: Token, b: Token) -> bool:
    """Do two trigger tokens report the same event? (directly, through one preposition that
    does not order them in time, or as the object and the participle of one verb: "launched an
    attack ..., killing 1,200")."""
    if a.head == b.head and {a.dep_, b.dep_} & {"dobj", "nsubjpass"} and {a.dep_, b.dep_} & {"advcl", "xcomp"}:
        return True
    for child, parent in ((a, b), (b, a)):
        if child.head == parent and child.dep_ not in ("conj", "ccomp", "parataxis", "appos"):
            return True
        if child.dep_ == "acl" and child.head.head == parent and child.head.dep_ in WEAPON_SLOTS:
            return True  # "shelled artillery targeting RSF", "an IED planted by X detonated"
        if child.head.dep_ == "prep" and child.head.head == parent and child.dep_ == "pobj" \
                and child.head.lower_ not in TEMPORAL_PREPS | INQUIRY_PREPS:
            return True
    return False


def _conjoined(a: Token, b: Token) -> bool:
    """Coordinated verbs sharing one subject: "was shot and killed", "stormed and torched"."""
    for first, second in ((a, b), (b, a)):
        if second.dep_ == "conj" and second.head == first and first.pos_ == second.pos_ == "VERB" \
                and not any(c.dep_ in SUBJECT_DEPS + ("nsubjpass",) for c in second.children):
            return True
    return False


def _same_event(a: Trigger, b: Trigger) -> bool:
    """Linked in the parse, coordinated with one subject, or casualty verbs in one list
    ("killing three and wounding 34")."""
    if _linked(a.token, b.token):
        return True
    for harm, other in ((a, b), (b, a)):  # "conducted an airstrike and killed two"
        if harm.harm and harm.token.dep_ == "conj" and other.pos == "noun" \
                and other.token.dep_ == "dobj" and other.token.head == harm.token.head:
            return True
    compatible = a.sense.event_class == b.sense.event_class or a.harm or b.harm or \
        {a.sense.event_class, b.sense.event_class} <= CONCURRENT_CLASSES
    if compatible and _conjoined(a.token, b.token):
        return True
    return a.harm and b.harm and (a.token.head == b.token or b.token.head == a.token)


def _only_searches(group: list[Trigger]) -> bool:
    return all(t.sense.event_class == "attack" and t.token.lemma_.lower() in SEARCH_WORDS for t in group)


def _governing_verb(token: Token) -> Token:
    """The verb whose clause holds a noun: "conducting" for "conducting raids"."""
    while token.pos_ not in ("VERB", "AUX") and token.head is not token:
        token = token.head
    return token


def _in_one_clause(raid: Token, arrest: Token) -> bool:
    """The raid lies in the arrest's phrase ("detained dozens in a series of raids") or the
    arrest in the raid's clause ("conducting raids to detain activists")."""
    return arrest.is_ancestor(raid) or _governing_verb(raid).is_ancestor(arrest)


def _arrests_in(raids: list[Trigger], group: list[Trigger]) -> bool:
    """A raid that harmed nobody, told with the arrests it made: "raided a house and detained",
    "detained dozens in a series of raids"."""
    return _only_searches(raids) and any(
        t.sense.event_class == "arrest" and (_linked(r.token, t.token) or _conjoined(r.token, t.token)
                                             or _in_one_clause(r.token, t.token))
        for r in raids for t in group)


def group_triggers(triggers: list[Trigger]) -> list[list[Trigger]]:
    groups: list[list[Trigger]] = []
    for trig in triggers:
        joined = [g for g in groups if any(_same_event(trig, t) for t in g)]
        merged = [trig] + [t for g in joined for t in g]
        groups = [g for g in groups if g not in joined] + [sorted(merged, key=lambda t: t.token.i)]
    for raids in [g for g in groups if _only_searches(g)]:
        arrests = next((g for g in groups if g is not raids and _arrests_in(raids, g)), None)
        if arrests is not None:
            rest = [g for g in groups if g is not raids and g is not arrests]
            groups = rest + [sorted(raids + arrests, key=lambda t: t.token.i)]
    return sorted(groups, key=lambda g: g[0].token.i)


def anchor_of(group: list[Trigger]) -> Trigger:
    def rank(t: Trigger) -> tuple[int, int]:
        harm = t.sense.event_class == "harm"
        needs = t.sense.requires is not None and t.pos == "verb"
        return (2 if harm else 1 if needs else 0, 0 if t.pos == "verb" else 1)
    return min(group, key=rank)


def event_class_of(group: list[Trigger]) -> str:
    classes = [t.sense.event_class for t in group]
    if "harm" in classes:  # "raided Jenin, killing two, and arrested five": ACLED codes the killing
        classes = [c for c in classes if c != "arrest"]
    return min(classes, key=lambda c: CLASS_PRIORITY.index(c) if c in CLASS_PRIORITY else 99)


def attacked_gatherings(group: list[Trigger]) -> list[Trigger]:
    """The crowds' nouns that an attack of the group hit: "gunmen attacked a family gathering",
    "opened fire on a rally" tell the attack, whose target the gathering is (whether it was a
    crackdown on a protest is for ``protests.py``, from what the crowd was), not a gathering."""
    return [t for t in group if _gathering_attacked(t, group)]


def _gathering_attacked(trigger: Trigger, group: list[Trigger]) -> bool:
    """A crowd's noun that is the object of an attack or harm trigger of the group, or of its
    "on"/"at" phrase."""
    token = trigger.token
    if trigger.pos != "noun" or trigger.sense.event_class not in CROWD_NOUN_CLASSES:
        return False
    hitter = token.head.head if token.dep_ == "pobj" and token.head.lower_ in HIT_PREPS else token.head
    return token.dep_ in ("dobj", "nsubjpass", "pobj") and any(
        t.token == hitter and t.sense.event_class in ATTACK_CLASSES for t in group)
