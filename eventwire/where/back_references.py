"""A place the story refers back to: "Kharkiv has come under heavier fire in recent weeks. On
Thursday, a drone strike on the city killed four people" is a strike on Kharkiv, not on the
"KYIV, Ukraine" of the dateline, where an event the sentence places nowhere would otherwise go.

A target or place phrase that is only "the city", "the town" or "the village" (the noun with
"the" and no name of its own) refers back to the last town the story named before it, in that
sentence or the few before. A coder reads it so; a name far back, or a town named after it,
is not what the phrase means, and neither is a capital that is the subject of its clause, the
government it stands for ("as Moscow pounds Ukraine's energy network"). Only an event with no
place of its own but a country is placed this way.
"""
from __future__ import annotations

from typing import Callable, Iterable

from ..document import Document, Frame, TextSpan
from .epithets import capital_of
from .fallback import placed_in_a_country_only
from .gazetteer import Gazetteer, Place

#: nouns that, after "the" and with no name of their own, refer back to the last town named
BACK_REFERENCE_NOUNS = frozenset(("city", "town", "village"))
#: how many sentences before the phrase's own the town may be named in
BACK_REFERENCE_SENTENCES = 3
#: entity labels that may name the town referred back to
TOWN_LABELS = ("GPE",)
#: how a capital standing for its government hangs on its verb ("Moscow pounds ...")
SUBJECT_DEPS = ("nsubj", "nsubjpass")


def refers_back(text: str) -> bool:
    """"the city", "The town": a settlement noun after "the", with nothing else."""
    words = text.lower().split()
    return len(words) == 2 and words[0] == "the" and words[1] in BACK_REFERENCE_NOUNS


def place_referred_back(frame: Frame, document: Document, resolve_name: Callable[[str], Place | None],
                        gazetteer: Gazetteer) -> tuple[Place, TextSpan] | None:
    """The town a frame with no place of its own but a country refers back to, with the
    phrase that refers to it ("the city": the event's own words for its place, the evidence);
    None when it has a place or refers back to none."""
    if frame.location is not None and not placed_in_a_country_only(frame):
        return None
    phrase = back_reference(frame)
    town = None if phrase is None else town_named_before(document, phrase[0], resolve_name, gazetteer)
    return None if town is None else (town, document.span(*phrase))


def back_reference(frame: Frame) -> tuple[int, int] | None:
    """Where the frame's first phrase referring back to a town starts and ends, if it has one."""
    spans = [(r.start, r.end) for r in (*frame.target_refs, *frame.place_refs) if refers_back(r.text)]
    return min(spans) if spans else None


def town_named_before(document: Document, before: int, resolve_name: Callable[[str], Place | None],
                      gazetteer: Gazetteer) -> Place | None:
    """The last town named before the article offset ``before``, within
    ``BACK_REFERENCE_SENTENCES`` sentences of it."""
    for text, subject in _names_before(document, before):
        place = resolve_name(text)
        if place is not None and place.kind == "city" and not (subject and _a_capital(place, gazetteer)):
            return place
    return None


def _a_capital(place: Place, gazetteer: Gazetteer) -> bool:
    country = gazetteer.country(place.country_code)
    capital = None if country is None else capital_of(country, gazetteer)
    return capital is not None and capital.place_id == place.place_id


def _names_before(document: Document, before: int) -> Iterable[tuple[str, bool]]:
    """Town-like names before ``before``, nearest first, and whether each is its clause's
    subject."""
    earlier = [s for s in document.sentences if s.start < before]
    for sentence in reversed(earlier[-(BACK_REFERENCE_SENTENCES + 1):]):
        for ent in reversed(sentence.ents):
            if ent.label_ in TOWN_LABELS and sentence.base + ent.start_char < before:
                yield ent.text, ent.root.dep_ in SUBJECT_DEPS
