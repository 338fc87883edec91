"""Stage "extract": frames (who did what to whom, with what, where), claims, accusations and
count statements, from the parsed sentences of one document.

Reads ``Document.sentences``; fills ``frames``, ``claims``, ``accusations``, ``aggregates``.
"""
from __future__ import annotations

from ..document import Document
from .aggregates import find_aggregates
from .claims import find_accusations, find_claims
from .story_frames import extract_frames
from .lexicon import Lexicon
from .protests import type_protests
from .statements import statement_frames


def extract(document: Document, lexicon: Lexicon) -> Document:
    frames = extract_frames(document, lexicon) + statement_frames(document, lexicon)
    document.frames = sorted(frames, key=lambda f: f.trigger.start if f.trigger else 0)
    type_protests(document, lexicon)
    document.claims = find_claims(document, lexicon)
    document.accusations = find_accusations(document, lexicon)
    document.aggregates = find_aggregates(document, lexicon)
    return document
