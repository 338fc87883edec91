"""The places of a frame: which phrases of its sentence name where the event happened.

A ``FrameBuilder`` (``frames.py``) hands each phrase that may be a place to ``PlaceReader``:
the objects of place prepositions ("in Idleb", "near the border"), a target that is a place,
the name an area is named after ("in Idleb countryside", "the province of Marib"), and, as
weaker evidence, place names anywhere in the sentence that do more than modify ("US troops" is
no place). Each becomes a ``PlaceRef`` with how it relates to the event and how close it is;
the where stage (``where/resolve.py``) chooses among them.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..document import AREA_RELATION, WITHIN_RELATION, Frame, PlaceRef, Sentence
from .lexicon import Lexicon
from .phrase_kinds import in_protest_cause
from .place_phrases import (COMPASS, after_a_name, areas_bracketed, before_punctuation,
                            bracketed_after_a_name, bracketed_names, comma_area, is_block_address,
                            is_street_corner, set_off_after_preposition)
from .syntax import entity_phrase, kind_of, lemma_forms, prep_objects, text_span


class PlaceReader:
    """Adds the place references of one parsed sentence to its frames."""

    def __init__(self, sentence: Sentence, lexicon: Lexicon):
        self.sentence = sentence
        self.lexicon = lexicon

    def area_places(self, frame: Frame, area: Token, prep: str) -> None:
        """"in Idleb countryside", "on the outskirts of Aleppo": the place the area is named after."""
        named = [c for c in area.children if c.dep_ in ("compound", "amod", "nmod", "poss")
                 and (c.ent_type_ in ("GPE", "LOC", "FAC") or kind_of(c, self.lexicon) in ("place", "name"))]
        named += [o for p, o in prep_objects(area) if p == "of" and kind_of(o, self.lexicon) in ("place", "name")]
        for place in named:  # as close as the area itself: "the province of Marib" is Marib
            self.add(frame, place, AREA_RELATION, distance=1, nested=True)

    def add(self, frame: Frame, head: Token, relation: str, distance: int,
                   nested: bool = False) -> None:
        """A place reference; ``nested`` lets a name inside a longer one in ("Wardak" in
        "Afghanistan's eastern Wardak province")."""
        first, last = before_punctuation(*entity_phrase(head))
        if is_street_corner(first, last) or is_block_address(head):
            return
        span = text_span(self.sentence, first, last)
        inside = (lambda p: p.start == span.start and p.end == span.end) if nested \
            else (lambda p: p.start <= span.start < p.end)
        if any(inside(p) for p in frame.place_refs):
            return
        qualifier = next((c.lower_ for c in head.children
                          if c.dep_ == "amod" and c.lower_ in COMPASS), None)
        if relation == "sentence" and (after_a_name(first) or bracketed_after_a_name(first)):
            relation = WITHIN_RELATION  # "shelled Hostre, Donetsk", "Ramieh (Bint Jbeil)": the area
        frame.place_refs.append(PlaceRef(span.start, span.end, span.text, self.sentence.index,
                                         relation=relation, qualifier=qualifier, distance=distance))
        for inner in bracketed_names(last) or comma_area(last):  # "Tunari (Cochabamba)"
            inner_span = text_span(self.sentence, inner[0], inner[-1])
            frame.place_refs.append(PlaceRef(inner_span.start, inner_span.end, inner_span.text,
                                             self.sentence.index, relation=WITHIN_RELATION,
                                             distance=distance + 1))

    def sentence_places(self, frame: Frame, anchor: Token) -> None:
        """Weaker places: names of places anywhere in the sentence, less those that only
        modify ("US troops", "Washington weighs") and a protest's cause."""
        for ent in self.sentence.ents:
            modifier = ent.root.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod",
                                         "nsubj", "nsubjpass")
            if ent.label_ in ("GPE", "LOC", "FAC") \
                    and (not modifier or self._names_settlement(ent.root) or areas_bracketed(ent)
                         or set_off_after_preposition(ent) or comma_area(ent[-1])) \
                    and not (frame.event_class == "protest" and not areas_bracketed(ent)
                             and in_protest_cause(self.lexicon, ent.root, anchor)) \
                    and not self._where_taken_into_custody(ent.root, anchor):
                relation = AREA_RELATION if self._names_area(ent) else "sentence"
                self.add(frame, ent.root, relation, distance=3)

    def _where_taken_into_custody(self, place: Token, anchor: Token) -> bool:
        """"(a man accused of shooting his wife) taken into custody in Maryland", "arrested in
        Dallas": where a step of the police or the courts happened, not the event's place,
        unless that step is the event itself."""
        if place.dep_ != "pobj" or place.head.dep_ != "prep":
            return False
        holder, cues = place.head.head, self.lexicon.cues
        if holder.i == anchor.i:
            return False
        if holder.pos_ == "NOUN":  # "into custody in Maryland", "a court in Dallas"
            return holder.lemma_.lower() in cues["court_nouns"]
        return holder.pos_ in ("VERB", "AUX") and (holder.lemma_.lower() in cues["court_verbs"] or any(
            o.lemma_.lower() in cues["court_nouns"] for p, o in prep_objects(holder) if p in ("into", "in")))

    def _names_area(self, ent: Span) -> bool:
        """"Hama countryside", "Aleppo province": the area around the place, not the town."""
        doc = ent.doc
        nouns = [ent.root.head] if ent.root.dep_ in ("compound", "amod", "nmod") else []
        nouns += [doc[ent.end]] if ent.end < len(doc) else []
        return any(f in self.lexicon.heads["area"] for noun in nouns for f in lemma_forms(noun))

    def _names_settlement(self, modifier: Token) -> bool:
        """"Visakhapatnam city", "Keesara village": the name of the town the noun is."""
        head = modifier.head
        return modifier.dep_ in ("compound", "amod") and any(
            f in self.lexicon.heads["area"] | self.lexicon.heads["territory"] for f in lemma_forms(head))
