"""Claims ("both attacks were claimed by X", "X claimed responsibility for the attack") and
accusations ("the Pentagon blamed X for the attack", "Austin accused X and Y of being behind
most of the attacks on coalition personnel").

A claim is linked to the frames it covers: the event noun it names when that noun made a frame
(a headline's "Attacks ... claimed by X"), otherwise what its object points back to: "both
attacks" the last two events reported, "the attacks" the events of the last sentence that
reported any, "the attack" the last one. Accusations keep the phrase naming their target
("attacks on coalition personnel"); the mentions stage links them once actors are canonical.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..document import Accusation, Claim, Document, Frame, Sentence
from .lexicon import Lexicon
from .syntax import (agents, children, entity_phrase, kind_of, objects, passive_subjects,
                     prep_objects, subjects, text_span, with_conjuncts)


def _negated(token: Token) -> bool:
    subjects_ = children(token, ("nsubj", "nsubjpass"))
    return any(c.dep_ == "neg" for c in token.children) or any(
        d.lower_ in ("no", "none") for s in subjects_ for d in [s, *s.children])


def _passive_like(verb: Token) -> bool:
    """"were claimed by", "Attacks ... claimed by X" (a headline without its auxiliary)."""
    return verb.dep_ == "acl" or any(c.dep_ in ("auxpass", "agent") for c in verb.children)


def _claimants(verb: Token) -> list[Token]:
    """Who claims; a relative pronoun stands for its antecedent ("an alliance ... that
    claimed it" -> the alliance, or the name it is in apposition to)."""
    found = agents(verb) if _passive_like(verb) else subjects(verb)
    return [_antecedent(verb) if t.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else t
            for t in found]


def _antecedent(relative_verb: Token) -> Token:
    """The named actor a relative clause is about: its head, or up the "an alliance of ...",
    apposition chain to a name ("the Islamic Resistance in Iraq, an alliance of Iran-backed
    militias that claimed it")."""
    head = relative_verb.head
    for tok in [head, *list(head.ancestors)[:4]]:
        if tok.ent_type_ == "ACTOR" and tok.pos_ == "PROPN":
            return tok
    return head


def _claimed_thing(verb: Token) -> Token | None:
    if verb.dep_ == "acl":
        return verb.head
    if _passive_like(verb):
        subject = children(verb, ("nsubj", "nsubjpass"))
        if subject:
            return subject[0]
    for thing in passive_subjects(verb) + objects(verb):
        if thing.lemma_.lower() == "responsibility":
            return next((obj for prep, obj in prep_objects(thing) if prep == "for"), thing)
        return thing
    return next((obj for prep, obj in prep_objects(verb) if prep == "for"), None)


def _frames_pointed_to(thing: Token, sentence: Sentence, frames: list[Frame]) -> list[str]:
    """Frames a claimed noun phrase refers to (see the module docstring)."""
    offset = sentence.base + thing.idx
    own = [f.frame_id for f in frames if f.trigger and f.trigger.start == offset]
    if own:
        return own
    earlier = [f for f in frames if f.sentence <= sentence.index]
    if not earlier:
        return []
    determiner = next((c.lower_ for c in thing.children if c.dep_ in ("det", "predet")), "")
    if determiner == "both" or any(c.lower_ == "two" for c in thing.children):
        return _last_events(earlier, 2)
    if thing.tag_ in ("NNS", "NNPS"):
        last_sentence = max(f.sentence for f in earlier)
        return [f.frame_id for f in earlier if f.sentence == last_sentence]
    return [earlier[-1].frame_id]


def _last_events(frames: list[Frame], count: int) -> list[str]:
    """The last ``count`` frames; a compound frame (two weapons) counts as its weapons."""
    picked, covered = [], 0
    for frame in reversed(frames):
        picked.append(frame.frame_id)
        covered += max(1, len(frame.weapons))
        if covered >= count:
            break
    return picked


def _claims(verb: Token, lexicon: Lexicon) -> bool:
    """"claimed the attack", or "took / accepted responsibility for the attack"."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.claims["claim_verbs"]:
        return True
    return lemma in lexicon.claims["responsibility_verbs"] and any(
        o.lemma_.lower() in lexicon.claims["claim_nouns"] for o in objects(verb))


def find_claims(document: Document, lexicon: Lexicon) -> list[Claim]:
    claims = []
    for sentence in document.sentences:
        if not sentence.parsed:
            continue
        for token in sentence.span:
            if not _claims(token, lexicon) or _negated(token):
                continue
            thing = _claimed_thing(token)
            if thing is None or kind_of(thing, lexicon) not in ("event", "other"):
                continue
            for claimant in _claimants(token):
                for tok in with_conjuncts(claimant):
                    first, last = entity_phrase(tok)
                    span = text_span(sentence, first, last)
                    claims.append(Claim(span.text, span, sentence.index,
                                        _frames_pointed_to(thing, sentence, document.frames)))
    return claims


def _accused(verb: Token) -> list[Token]:
    if any(c.dep_ == "auxpass" for c in verb.children):
        return passive_subjects(verb)
    found: list[Token] = []
    for obj in objects(verb):
        for tok in with_conjuncts(obj):
            found += [tok] + [c for c in tok.children if c.dep_ == "appos"]
    return list({t.i: t for t in found}.values())


def _accusers(verb: Token) -> list[Token]:
    if any(c.dep_ == "auxpass" for c in verb.children):
        return agents(verb)
    return subjects(verb)


def _what_target(verb: Token, lexicon: Lexicon) -> str | None:
    """The target named in "of being behind the attacks on coalition personnel"."""
    for prep, obj in prep_objects(verb):
        if prep not in lexicon.claims["accuse_preps"]:
            continue
        for tok in obj.subtree:
            if tok.lemma_.lower() in lexicon.noun_triggers:
                for inner_prep, target in prep_objects(tok):
                    if inner_prep in ("on", "against", "at"):
                        first, last = entity_phrase(target)
                        return verb.doc[first.i:last.i + 1].text
    return None


def find_accusations(document: Document, lexicon: Lexicon) -> list[Accusation]:
    found = []
    for sentence in document.sentences:
        if not sentence.parsed:
            continue
        for token in sentence.span:
            if token.lemma_.lower() not in lexicon.claims["accuse_verbs"] or _negated(token):
                continue
            if token.lemma_.lower() == "hold" and not any(c.lower_ == "responsible" for c in token.subtree):
                continue
            accusers = _accusers(token)
            by = None
            if accusers:
                first, last = entity_phrase(accusers[0])
                by = text_span(sentence, first, last).text
            for accused in _accused(token):
                if kind_of(accused, lexicon) not in ("actor", "place", "person"):
                    continue
                first, last = entity_phrase(accused)
                span = text_span(sentence, first, last)
                found.append(Accusation(span.text, by, span, sentence.index,
                                        target=_what_target(token, lexicon)))
    return found
