"""Statements that are events: an armed group announcing or threatening violence ("Kataeb
Hezbollah issued a statement saying the attacks represented new rules of engagement") is an
ACLED Strategic development (Other). A government's statement is not an event at all; the
"actors" stage drops statement frames whose speaker is not a non-state armed actor.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..document import ActorRef, Document, Frame, Sentence
from ..records import stable_id
from .lexicon import Lexicon
from .syntax import entity_phrase, objects, subjects, text_span
from .triggers import has_modal, is_negated


def _is_statement(verb: Token, lexicon: Lexicon) -> bool:
    if verb.lemma_.lower() not in lexicon.statements["verbs"] or is_negated(verb):
        return False
    if has_modal(verb, lexicon):
        return False
    if verb.lemma_.lower() in ("issue", "release", "publish"):
        return any(o.lemma_.lower() in lexicon.statements["nouns"] for o in objects(verb))
    return True


def _about_violence(sentence: Sentence, lexicon: Lexicon) -> bool:
    words = {t.lower_ for t in sentence.span} | {t.lemma_.lower() for t in sentence.span}
    return bool(words & lexicon.statements["violence_words"])


def statement_frames(document: Document, lexicon: Lexicon) -> list[Frame]:
    frames = []
    for sentence in document.sentences:
        if not sentence.parsed or sentence.segment not in ("body", "standfirst", "title"):
            continue
        for verb in sentence.span:
            if not _is_statement(verb, lexicon) or not _about_violence(sentence, lexicon):
                continue
            speaker = next((s for s in subjects(verb) if s.ent_type_ == "ACTOR"), None)
            if speaker is None:
                continue
            span = text_span(sentence, verb, verb)
            first, last = entity_phrase(speaker)
            frame = Frame(frame_id=stable_id(document.article.id, span.start, prefix="f"),
                          trigger=span, sentence=sentence.index, segment=sentence.segment,
                          event_class="statement")
            frame.add_evidence("trigger", span)
            agent = text_span(sentence, first, last)
            frame.agent = ActorRef(agent.start, agent.end, agent.text)
            frame.add_evidence("actor1", agent)
            frames.append(frame)
    return frames
