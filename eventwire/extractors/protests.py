"""Demonstrations coded the way ACLED codes them: one event per demonstration, typed by what
happened at it, with the protesters as actor 1 and the forces that intervened as actor 2.

Reads ``Document.frames`` and the sentences; sets ``Frame.protest_outcome`` and turns police
action against a crowd into part of the protest it was against:

* protesters throwing stones, torching or clashing: ``violent`` (Riots / Violent demonstration);
* otherwise lethal force (live fire, protesters killed), or forces' action that hurt people
  at the protest (ACLED's serious injury): ``excessive`` (Excessive force against protesters);
* otherwise tear gas, dispersal, arrests at the protest: ``intervention`` (Protest with
  intervention).

The cues are regular expressions in ``data/lexicon.toml`` [protest_outcomes]; they are read in
the protest's sentence and the two after it, unless one of those tells violence by someone
else ("gunmen shot dead a farmer"). What the forces and the crowd do there, told with
pronouns or riot-control means ("Police fired tear gas at them", "They threw stones at
police"), is the protest's.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..document import Document, Frame
from .lexicon import Lexicon
from .phrase_kinds import in_protest_cause

#: classes of a frame that reports a demonstration itself
PROTEST_CLASSES = ("protest", "crowd")
#: classes of a frame that can be forces acting against a crowd
FORCE_CLASSES = ("attack", "harm", "clash", "arrest", "crowd_control")
OUTCOMES = ("violent", "excessive", "intervention")
#: words that stand for someone named before ("They threw stones", "opened fire on them")
PRONOUNS = ("they", "them", "he", "him", "she", "her", "some", "others", "many")
#: the weapon code of what police use on crowds (tear gas, water cannon, rubber bullets)
RIOT_CONTROL = "riot control"
#: weapons no one polices a crowd with: an air strike or a bomb on a gathering ("the airstrikes
#: targeted a Taliban rally") is an attack on whoever gathered, not a crackdown on a protest
ATTACK_WEAPONS = frozenset(("drone", "airstrike", "rocket", "missile", "mortar", "artillery", "IED",
                            "suicide bomb"))
#: sentences after a protest's own that still tell how it went ("... They threw rocks at the
#: police. The police fired tear gas.")
WINDOW_AFTER = 2


def outcome_of(text: str, lexicon: Lexicon) -> str | None:
    """The first of violent, excessive, intervention whose cue is in ``text`` (ACLED's order)."""
    patterns = lexicon.protest_outcomes
    return next((name for name in OUTCOMES if patterns[name].search(text)), None)


def _window(document: Document, frame: Frame, lexicon: Lexicon) -> str:
    """The protest's sentence and the sentences after it, less what the crowd protests about
    ("demanding the release of demonstrators detained in March")."""
    trigger = document.trigger_token(frame)
    texts = []
    for sentence in document.sentences:
        if not frame.sentence <= sentence.index <= frame.sentence + WINDOW_AFTER:
            continue
        if sentence.index > frame.sentence and _others_violence(document, sentence.index, lexicon):
            continue  # "... On Wednesday gunmen shot dead a farmer in Kisumu.": not the crowd's
        own = sentence.index == frame.sentence and trigger is not None
        anchor = trigger if own else sentence.span.root
        texts.append("".join(" " if in_protest_cause(lexicon, t, anchor, occasion=True) else t.text_with_ws
                             for t in sentence.span))
    return " ".join(texts)


def _others_violence(document: Document, index: int, lexicon: Lexicon) -> bool:
    """A sentence after a protest that tells violence by someone named who is neither the
    forces of order nor a crowd, against someone who is not the crowd either ("gunmen shot
    dead a farmer"): another event, whose words say nothing of how the protest went. A
    pronoun ("They threw stones") is the crowd's; "50 nationalists beat up a few protesters"
    is what happened to it."""
    return any(f.sentence == index and f.event_class in FORCE_CLASSES and f.agent is not None
               and not _the_crowd_or_forces(f.agent.text, lexicon)
               and (f.target is None or not _the_crowd_or_forces(f.target.text, lexicon))
               for f in document.frames)


def _the_crowd_or_forces(text: str, lexicon: Lexicon) -> bool:
    patterns = lexicon.protest_outcomes
    return text.lower() in PRONOUNS or bool(patterns["forces"].search(text) or patterns["crowd"].search(text))


def _against_crowd(document: Document, frame: Frame, lexicon: Lexicon) -> bool:
    """Forces acting on a crowd: the frame's target, or its sentence, names protesters."""
    crowd = lexicon.protest_outcomes["crowd"]
    if frame.event_class == "crowd_control":
        return True
    if ATTACK_WEAPONS & set(frame.weapons):
        return False
    if frame.agent is not None and crowd.search(frame.agent.text):
        return False  # the crowd's own violence ("protesters threw stones"): a riot, not repression
    if frame.event_class == "clash" and frame.agent is not None and frame.target is not None \
            and not crowd.search(frame.target.text) and not COUNTED_CROWD.match(frame.target.text):
        return False  # "held in the wake of renewed fighting between Israel and Hamas": two other sides
    target = " ".join(r.text for r in [frame.target, *frame.target_refs] if r is not None)
    sentence = next((s.text for s in document.sentences if s.index == frame.sentence), "")
    if not _protesters_or_forces(frame, target + " " + sentence, lexicon):
        return False  # "opened fire into a crowd of teenagers": an attack, not repression
    # the crowd is the target ("fired tear gas at protesters"), or people were hurt or fought
    # where a crowd was ("dozens were wounded as ..."); not an attack the protest denounced
    acting = frame.event_class in ("harm", "clash") or (
        frame.agent is not None and not _named_by_a_noun(document, frame)) or _unknown_gunfire(frame, lexicon)
    return bool(crowd.search(target)) or (acting and bool(crowd.search(sentence)))


#: prepositions by which a casualty verb places the harm at a protest ("killed in the protest")
AT_PROTEST_PREPS = ("in", "during", "at")


def _harmed_in(document: Document, frame: Frame, lexicon: Lexicon) -> bool:
    """"At least two people were killed ... in the protest": people died at it, not the deaths
    it was held over ("a protest to demand justice for two men who were shot")."""
    token = document.trigger_token(frame)
    if token is None or not frame.fatalities or token.dep_ != "pobj" \
            or token.head.lower_ not in AT_PROTEST_PREPS:
        return False
    verb = token.head.head  # "were killed and several others were injured in the protest"
    verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    return any(lexicon.casualty_verbs.get(v.lemma_.lower()) == "killed" for v in verbs)


#: a side named only by its number ("clashed with hundreds of protesters": "hundreds")
COUNTED_CROWD = re.compile(r"^(?:\d[\d,]*|hundreds|thousands|dozens|scores|tens)\b", re.IGNORECASE)


def _unknown_gunfire(frame: Frame, lexicon: Lexicon) -> bool:
    """"Four protesters died from gunfire during a demonstration": shooting by no one named
    that killed or hurt protesters; a bomb at a rally stays a bombing, and the shooting of
    "two men" a protest demands justice for stays theirs."""
    protesters = lexicon.protest_outcomes["protesters"]
    victims = [e.text for e in frame.evidence if e.field in ("fatalities", "injured")]
    return frame.agent is None and set(frame.weapons) <= {"firearms"} \
        and any(protesters.search(text) for text in victims)


def _protesters_or_forces(frame: Frame, text: str, lexicon: Lexicon) -> bool:
    """A crowd is a protest's when the text says it protests, or when forces of order act on
    it (named as the actor, else in the sentence or by their riot-control means: "tear gas
    was fired at the crowd"): a gunman firing into a crowd at a party is no crackdown."""
    patterns = lexicon.protest_outcomes
    if patterns["protesters"].search(text):
        return True
    if frame.agent is not None:
        return bool(patterns["forces"].search(frame.agent.text))
    return bool(patterns["forces"].search(text) or patterns["intervention"].search(text))


def _named_by_a_noun(document: Document, frame: Frame) -> bool:
    """"to denounce Israeli attacks on Gaza": an attack a protest is about is named by a noun;
    police acting on the crowd are told with a verb ("opened fire on protesters")."""
    token = document.trigger_token(frame)
    return token is not None and token.pos_ in ("NOUN", "PROPN")


def _as_protest(frame: Frame, outcome: str | None) -> None:
    """A police action at a protest becomes part of the protest: protesters are actor 1 (set
    later, from the event's country), the forces actor 2."""
    frame.event_class = "riot" if outcome == "violent" else "protest"
    frame.protest_outcome = outcome if outcome != "violent" else None
    _forces_as_actor2(frame)
    frame.target_civilians = False
    frame.weapons = []


#: evidence fields of a frame's two sides, each the other's once the forces become actor 2
SIDES_SWAPPED = {"actor1": "actor2", "actor2": "actor1"}


def _forces_as_actor2(frame: Frame) -> None:
    """The forces that acted (the frame's subject) become actor 2 and the crowd they acted on
    actor 1, with their evidence: "Police fired tear gas at protesters"."""
    frame.target, frame.agent = frame.agent, None
    frame.evidence = [replace(e, field=SIDES_SWAPPED.get(e.field, e.field)) for e in frame.evidence]


def _forces_acting(frame: Frame, lexicon: Lexicon) -> bool:
    """A protest's frame whose subject is the forces of order: "Police fired tear gas at
    protesters during a demonstration" is one frame, the demonstration's, with the police's
    verb in it."""
    patterns = lexicon.protest_outcomes
    return frame.agent is not None and bool(patterns["forces"].search(frame.agent.text)) \
        and not patterns["crowd"].search(frame.agent.text)


def _protest_before(document: Document, frame: Frame) -> bool:
    """A protest (or the riot it became) told in the sentence or two before ``frame``."""
    return any(other.event_class in (*PROTEST_CLASSES, "riot")
               and 0 <= frame.sentence - other.sentence <= WINDOW_AFTER
               for other in document.frames if other is not frame)


def _pronouns(document: Document, frame: Frame, deps: tuple[str, ...]) -> bool:
    """The trigger's subject (or object, or what it is aimed "at"/"on") is a pronoun standing
    for someone named before: "They threw stones", "opened fire on them"."""
    token = document.trigger_token(frame)
    if token is None:
        return False
    heads = [token, *(c for c in token.children if c.dep_ == "dobj")]  # "opened fire on them"
    words = [c for c in token.children if c.dep_ in deps]
    words += [o for h in heads for p in h.children if p.dep_ == "prep" and "pobj" in deps
              for o in p.children if o.dep_ == "pobj"]
    return any(w.lower_ in PRONOUNS for w in words)


def _forces_on_the_crowd(document: Document, frame: Frame, lexicon: Lexicon) -> bool:
    """Forces acting right after a protest is told, with riot-control means or on "them"
    ("Protesters marched on parliament. Police fired tear gas at them. Soldiers opened fire on
    them."): on its crowd."""
    forces = frame.agent is not None and bool(lexicon.protest_outcomes["forces"].search(frame.agent.text))
    return (RIOT_CONTROL in frame.weapons or (forces and _pronouns(document, frame, ("dobj", "pobj")))) \
        and _protest_before(document, frame)


def _crowd_on_the_forces(document: Document, frame: Frame, lexicon: Lexicon) -> bool:
    """"They threw stones at the police" right after a protest: its crowd's violence."""
    return frame.agent is None and frame.target is not None \
        and bool(lexicon.protest_outcomes["forces"].search(frame.target.text)) \
        and _pronouns(document, frame, ("nsubj",)) and _protest_before(document, frame)


def type_protests(document: Document, lexicon: Lexicon) -> None:
    """Set each protest's outcome, and fold forces' actions against crowds into protests."""
    for frame in document.frames:
        if frame.event_class in PROTEST_CLASSES:
            outcome = outcome_of(_window(document, frame, lexicon), lexicon)
            if outcome == "violent":
                frame.event_class = "riot"
            else:  # "two people were killed in the protest ... after forces used tear gas"
                killed_at = outcome == "intervention" and _harmed_in(document, frame, lexicon)
                frame.protest_outcome = "excessive" if killed_at else outcome
            if frame.protest_outcome and _forces_acting(frame, lexicon):
                _forces_as_actor2(frame)
        elif frame.event_class in FORCE_CLASSES and _crowd_on_the_forces(document, frame, lexicon):
            frame.event_class, frame.target_civilians = "riot", False
        elif frame.event_class in FORCE_CLASSES and (_against_crowd(document, frame, lexicon)
                                                     or _forces_on_the_crowd(document, frame, lexicon)):
            outcome = outcome_of(_window(document, frame, lexicon), lexicon) or "intervention"
            if outcome == "intervention" and (frame.fatalities or frame.injured):
                outcome = "excessive"  # protesters were killed or hurt: ACLED's serious injury
            _as_protest(frame, outcome)
