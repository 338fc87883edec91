"""Frames for a whole story: each parsed sentence's own (``frames.FrameBuilder``), else the
scene frame of a sentence that tells where and when the event before it happened; and no
bare toll of an accident told as an attack of its own.
"""
from __future__ import annotations

from ..document import Document, Frame, Sentence
from .frames import FrameBuilder
from .lexicon import Lexicon
from .scenes import scene_verb, told_before
from .triggers import ACCIDENT_REASONS


def extract_frames(document: Document, lexicon: Lexicon) -> list[Frame]:
    """Frames for every parsed sentence of the document, in text order."""
    frames: list[Frame] = []
    told = False  # an event (more than a bare toll) told in an earlier sentence
    for sentence in document.sentences:
        if sentence.parsed:
            built = FrameBuilder(document, sentence, lexicon, told_before=told).build() \
                or _scene_frames(document, sentence, lexicon, frames)
            frames.extend(built)
            told = told or any(_tells_an_event(f) for f in built)
    return _without_accident_tolls(document, frames)


def _scene_frames(document: Document, sentence: Sentence, lexicon: Lexicon,
                  frames: list[Frame]) -> list[Frame]:
    """The scene frame of a sentence that tells where and when an event told just before it
    happened (``scenes.py``); none when nothing before it is such an event."""
    verb = scene_verb(sentence, lexicon)
    antecedent = told_before(frames, sentence) if verb is not None else None
    if verb is None or antecedent is None:
        return []
    return [FrameBuilder(document, sentence, lexicon).scene(verb, antecedent.event_class)]


def _tells_an_event(frame: Frame) -> bool:
    """More than a bare toll ("Police ID four people killed inside home"): an event's own
    kind, a weapon or someone doing it."""
    return frame.event_class != "harm" or bool(frame.weapons) or frame.agent is not None


def _without_accident_tolls(document: Document, frames: list[Frame]) -> list[Frame]:
    """"A tank at the plant exploded ... Four people were injured": in a story whose only
    violence was dropped as an accident or a disaster, a bare toll (a harm with no weapon, no
    one doing it) is that accident's, not an attack of its own."""
    dropped = document.context.get("dropped", [])
    if not any(reason in ACCIDENT_REASONS for _word, reason, _index in dropped):
        return frames
    if any(_tells_an_event(f) for f in frames):
        return frames
    dropped.extend((f.trigger.text if f.trigger else "", "accident's toll", f.sentence) for f in frames)
    return []
