"""Sentences that tell when and where an event told before took place.

"A 22-year-old man was shot in the leg, police said. It happened Sunday shortly after 9 p.m.
outside a bar in Greenville." The second sentence names no event of its own
(its subject is "it", or a word like "incident" that no trigger reads), so no trigger makes a
frame of it, and the day and the place it gives were lost: the shooting stayed dated "as
reported", at the outlet's town. A *scene frame* carries them. It is anchored on the verb
("happened", "occurred", "took place"), takes the class of the latest frame told at most
``SCENE_REACH`` sentences before it, refers back (``Frame.anaphor``), and only ever adds to
that event (``Frame.detail_only``): with no event to join it is dropped (``mentions.py``).
This module finds such sentences; ``frames.FrameBuilder.scene`` builds the frame.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..document import Frame, Sentence
from .lexicon import Lexicon

#: how many sentences back the event a scene sentence tells of may have been told
SCENE_REACH = 2
#: segments whose events a scene sentence can be about (not photo captions)
NEWS_SEGMENTS = frozenset({"title", "standfirst", "body"})
#: tags of a verb that tells what did happen ("happened", "had occurred"), not what may
PAST_TAGS = frozenset({"VBD", "VBN"})
#: determiners by which a noun subject refers back: "the incident", "this altercation"
BACK_DETERMINERS = frozenset({"the", "this", "that"})


def scene_verb(sentence: Sentence, lexicon: Lexicon) -> Token | None:
    """The verb of a sentence like "It happened Sunday in Naples" or "The incident occurred
    near the school": a past happening, neither negated nor only possible, whose subject
    refers back to an event."""
    for token in sentence.span:
        if token.tag_ in PAST_TAGS and _happens(token, lexicon) and not _unreal(token, lexicon) \
                and any(_refers_back(s, lexicon) for s in token.children if s.dep_ == "nsubj"):
            return token
    return None


def _happens(verb: Token, lexicon: Lexicon) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in lexicon.cues["scene_verbs"]:
        return True
    return any(f"{lemma} {c.lemma_.lower()}" in lexicon.cues["scene_phrases"]
               for c in verb.children if c.dep_ == "dobj")


def _unreal(verb: Token, lexicon: Lexicon) -> bool:
    """"did not happen", "never occurred", "may have happened": no scene told."""
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not")
               or (c.dep_ == "aux" and c.lower_ in lexicon.cues["modal_auxiliaries"])
               for c in verb.children)


def _refers_back(subject: Token, lexicon: Lexicon) -> bool:
    """"it", "this", "that" (as a pronoun), or "the incident", "this altercation"."""
    if subject.pos_ in ("PRON", "DET") and not list(subject.children):
        return subject.lower_ in lexicon.cues["scene_pronouns"]
    return subject.lemma_.lower() in lexicon.cues["scene_nouns"] and subject.tag_ == "NN" \
        and any(c.dep_ == "det" and c.lower_ in BACK_DETERMINERS for c in subject.children)


def told_before(frames: list[Frame], sentence: Sentence) -> Frame | None:
    """The latest news frame at most ``SCENE_REACH`` sentences before ``sentence``."""
    earlier = [f for f in frames if sentence.index - SCENE_REACH <= f.sentence < sentence.index
               and f.segment in NEWS_SEGMENTS]
    return earlier[-1] if earlier else None

