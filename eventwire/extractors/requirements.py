"""What a trigger needs before its frame is an event: "fired" needs a weapon, "defused" a
weapon found, "deployed" an armed force, "participated" protesters (the ``requires`` of its
sense in ``data/lexicon.toml``). A group without it reports no event ("a man found shot",
"protesters formed a chain").
"""
from __future__ import annotations

from spacy.tokens import Token

from ..document import AREA_RELATION, Frame
from .grouping import anchor_of
from .lexicon import Lexicon
from .phrase_kinds import crowd_noun, displaced_people, names_chemical_weapon
from .syntax import (kind_of, lemma_forms, misread_clause, objects, passive_subjects, prep_objects,
                     stative_passive, subjects, unwrap_crowd, with_conjuncts)
from .triggers import Trigger

#: how a word that holds things hangs on the thing found ("a depot containing ...", "a truck
#: loaded with ...", "a warehouse full of ...")
HOLDER_DEPS = ("acl", "relcl", "amod")


def found_things(verb: Token) -> list[Token]:
    """What was found or seized, also where the parser read the object as the subject of a
    clause: "discovered [a large amount of ammunition] believed to belong to the PKK"."""
    things = objects(verb) + passive_subjects(verb)
    return things or [s for c in verb.children if c.dep_ == "ccomp" for s in subjects(c)]


def contents(thing: Token, lexicon: Lexicon) -> list[Token]:
    """What a found place or container holds: "a depot containing weapons", "a truck
    loaded with explosives", "a warehouse full of ammunition", "a hideout used to store arms"."""
    heads = lexicon.heads
    holders = [c for c in thing.children if c.dep_ in HOLDER_DEPS
               and c.lemma_.lower() in heads["container_words"]]
    for used in (c for c in thing.children if c.dep_ in HOLDER_DEPS and c.lemma_.lower() == "use"):
        # "a hideout used to store arms", "a house used for storing explosives"
        holders += [c for c in used.children if c.dep_ in ("xcomp", "advcl")
                    and c.lemma_.lower() in heads["container_words"]]
        holders += [o for p, o in prep_objects(used) if p == "for" and o.lemma_.lower() in heads["container_words"]]
    return [o for h in holders for o in objects(h)] + \
        [o for h in holders for p, o in prep_objects(h) if p in heads["container_preps"]]


def seizes_weapons(verb: Token, lexicon: Lexicon) -> bool:
    things = found_things(verb)
    things += [inner for thing in things for inner in contents(thing, lexicon)]
    return any(kind_of(t, lexicon) == "weapon" for t in things)


def uses_chemical_weapon(verb: Token, lexicon: Lexicon) -> bool:
    """"Forces used chlorine gas", "sarin was used in the strike"; not the gerund of habits and
    allegations ("denied using chemical weapons", "accused the rebels of using poison gas")."""
    if verb.tag_ == "VBG":
        return False
    things = objects(verb) + passive_subjects(verb)
    return any(names_chemical_weapon(lexicon, t.doc[t.left_edge.i:t.right_edge.i + 1]) for t in things)


def has_own_object(trigger: Trigger, lexicon: Lexicon) -> bool:
    """A verb that is an event only by what it acts on has it: a weapon found, a chemical
    weapon used. Other triggers need nothing of their own here."""
    if trigger.sense.requires == "weapon_object":
        return seizes_weapons(trigger.token, lexicon)
    if trigger.sense.requires == "chemical":
        return uses_chemical_weapon(trigger.token, lexicon)
    return True


def settles(verb: Token, lexicon: Lexicon) -> bool:
    """What the verb agrees to is a step of the conflict's settlement: a word of
    ``settlement_terms`` in what it governs, its subjects aside."""
    terms = lexicon.cues["settlement_terms"]
    said = [c for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass", "punct", "cc", "conj")]
    return any(f in terms for c in said for t in c.subtree for f in lemma_forms(t))


def people_moved(verb: Token, lexicon: Lexicon) -> bool:
    """Who withdrew or was evacuated is a crowd of people or civilians, not a side."""
    movers = [unwrap_crowd(s) for s in subjects(verb) + passive_subjects(verb)]
    return bool(movers) and all(crowd_noun(lexicon, m) or kind_of(m, lexicon) == "civilian"
                                for m in movers)


def armed_subject(verb: Token, lexicon: Lexicon) -> bool:
    """The verb's subject, active or passive, or its object is an armed force, not a
    crowd: "troops were deployed", "Israel deployed forces", not "protesters formed a chain"."""
    moved = [] if stative_passive(verb) else passive_subjects(verb)
    heads = [h for s in subjects(verb) + moved + objects(verb) for h in with_conjuncts(unwrap_crowd(s))]
    return any(kind_of(h, lexicon) == "actor" and not crowd_noun(lexicon, h) for h in heads)


#: needs that start with someone doing it (the frame's agent)
AGENT_NEEDS = ("agent", "side", "settlement", "displaced", "opponent", "protesters", "unopposed",
               "armed")
#: what an event noun may require of its sentence (a verb's other needs are its own words')
NOUN_NEEDS = ("agent", "happening")
#: how an event noun hangs on the verb that tells it happen: its subject or its object
HAPPENING_DEPS = ("nsubj", "nsubjpass", "dobj")


def told_happening(noun: Token, lexicon: Lexicon) -> bool:
    """The noun is the subject or object of a verb that says it happened, or what the verb
    reaches through a preposition: "a truce took effect", "began peace talks", "agreed to a
    ceasefire"; not "called for a ceasefire" or "the peace treaty"."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        verb = noun.head.head  # "agreed to a ceasefire"
    elif noun.dep_ in HAPPENING_DEPS:
        verb = noun.head  # "a truce took effect", "began peace talks"
    else:
        return False
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in lexicon.cues["happening_verbs"]


def switched_sense(frame: Frame, anchor: Trigger) -> bool:
    """The subject made the verb another class (``FrameBuilder._armed_sense``): it needs no more."""
    return frame.event_class != anchor.sense.event_class and frame.event_class in (
        anchor.sense.armed_class, anchor.sense.weapon_class, anchor.sense.people_class)


def _has_target(frame: Frame, group: list[Trigger]) -> bool:
    return bool(frame.weapons or frame.target or frame.target_refs or frame.target_civilians
                or any(p.distance == 0 or p.relation == AREA_RELATION  # "the outskirts of X"
                       for p in frame.place_refs)
                or any(t.pos == "noun" for t in group))


def _names_protesters(anchor: Trigger, lexicon: Lexicon) -> bool:
    """"demonstrators participated", not "people walked"."""
    named = lexicon.protest_outcomes["protesters"]
    return any(named.search(unwrap_crowd(s).text) for s in subjects(anchor.token))


def is_complete(frame: Frame, group: list[Trigger], lexicon: Lexicon) -> bool:
    """Does the group carry what its trigger requires ("fired" needs a weapon)?"""
    anchor = anchor_of(group)
    if switched_sense(frame, anchor):
        return True
    needs = anchor.sense.requires if anchor.pos == "verb" or anchor.sense.requires in NOUN_NEEDS else None
    if needs == "weapon":
        return bool(frame.weapons) or any(t.pos == "noun" for t in group)
    if needs == "facility":  # "set up a new observation post"
        return bool(frame.target_refs)
    if needs == "weapon_object":  # "an IED was defused"
        return seizes_weapons(anchor.token, lexicon)
    if needs == "chemical":  # "chlorine was used as a weapon", not "used the hospital as a base"
        return uses_chemical_weapon(anchor.token, lexicon)
    if needs == "target":
        return _has_target(frame, group)
    if needs == "happening":  # "a truce took effect"; not "a call for a ceasefire"
        return told_happening(anchor.token, lexicon)
    if needs == "agent" and anchor.sense.event_class == "crowd":
        # weak verbs count only as the clause's news, not in "protesters who gathered"
        return frame.agent is not None and (anchor.token.dep_ not in ("relcl", "acl")
                                            or misread_clause(anchor.token))
    if needs in AGENT_NEEDS and frame.agent is None:
        return False
    if needs == "opponent":
        return frame.target is not None
    if needs == "side":  # "troops withdrew"; not "6,800 people were evacuated"
        return not people_moved(anchor.token, lexicon)
    if needs == "settlement":  # "agreed to withdraw"; not "agreed to lend Greece billions"
        return settles(anchor.token, lexicon)
    if needs == "displaced":  # "thousands of civilians fled"; not "the suspects fled the scene"
        return any(displaced_people(lexicon, s) for s in subjects(anchor.token))
    if needs == "protesters":
        return _names_protesters(anchor, lexicon)
    if needs == "unopposed":  # "the fighters entered Afrin ... had not encountered any resistance"
        return frame.unopposed and armed_subject(anchor.token, lexicon)
    if needs == "armed":  # "troops were deployed", "the army deployed troops"; not "protesters formed"
        return armed_subject(anchor.token, lexicon)
    return True
