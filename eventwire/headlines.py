"""Headlines read as the sentences they are: a participle the tagger takes for a noun.

A headline drops the verb "was" ("Four shot at sports bar", "Tampa toddler shot in spray of
bullets"), and the stock tagger then reads "shot" as a noun ("four shots"). The nlp stage
puts such a headline's participle back (``fix_headline_participles``), with the count or the
person before it as the one it was done to.
"""
from __future__ import annotations

from spacy.tokens import Doc


def fix_headline_participles(doc: Doc, participles: dict[str, str]) -> None:
    """"Four shot at sports bar", "5-year-old shot in ...": the tagger reads a count or an
    age before "shot" as a noun's modifier ("four shots"). A headline means the participle:
    the word becomes the verb, and its count or age the one it was done to."""
    for token in doc:
        lemma = participles.get(token.lower_)
        if lemma is None or not token.tag_.startswith("NN"):
            continue
        counts = [c for c in token.lefts if c.dep_ in ("nummod", "amod", "compound")
                  and (c.like_num or c.lower_ == "old")]
        if not counts and token.dep_ == "ROOT" and any(c.dep_ == "prep" for c in token.rights):
            # "Tampa toddler shot in spray of bullets": a person, then where or how
            counts = [c for c in token.lefts
                      if c.dep_ in ("compound", "nsubj") and c.pos_ == "NOUN"][-1:]
        if counts:
            token.tag_, token.pos_, token.lemma_ = "VBN", "VERB", lemma
            for count in counts:
                count.dep_ = "nsubjpass"
