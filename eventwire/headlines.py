"""Headlines read as the sentences they are: a participle the tagger takes for a noun, and
words capitalised only for the headline's style.

A headline drops the verb "was" ("Four shot at sports bar", "Tampa toddler shot in spray of
bullets"), and the stock tagger then reads "shot" as a noun ("four shots"). The nlp stage
puts such a headline's participle back (``fix_headline_participles``), with the count or the
person before it as the one it was done to.

A headline in title case ("Man Shoots Girlfriend And Her Son In Gloucester Co.") reads to the
tagger as one long name: every word a proper noun, and no verb. Over a page with no story (a
station's menu, a sign-in wall) it is all there is, and the nlp stage parses it in sentence
case (``sentence_case``): the words every story uses (function words, the
lexicon's event, casualty and weapon words, its heads of people and places) lose their capital;
names keep theirs. Only a letter's case changes, so every offset stays the article's.
"""
from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Doc, Token

#: a word of a headline, for telling title case
HEADLINE_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
#: a headline is in title case when at least this share of its words (and three) are capitalised
TITLE_CASE_SHARE = 0.7
MIN_TITLE_WORDS = 3


def sentence_case(text: str, is_common: Callable[[str], bool]) -> str:
    """``text`` with the capital taken off every word after the first that ``is_common``
    (given the word in lower case) calls a common word, when ``text`` is in title case;
    else ``text`` as it is."""
    words = list(HEADLINE_WORD.finditer(text))
    capitalised = [w for w in words if w.group()[0].isupper()]
    if len(words) < MIN_TITLE_WORDS or len(capitalised) < TITLE_CASE_SHARE * len(words):
        return text
    letters = list(text)
    for word in words[1:]:
        written = word.group()
        if written[0].isupper() and written[1:].islower() and is_common(written.lower()):
            letters[word.start()] = written[0].lower()
    return "".join(letters)


def fix_headline_participles(doc: Doc, participles: dict[str, str]) -> None:
    """"Four shot at sports bar", "5-year-old shot in ...": the tagger reads a count or an
    age before "shot" as a noun's modifier ("four shots"). A headline means the participle:
    the word becomes the verb, and its count or age the one it was done to."""
    for token in doc:
        lemma = participles.get(token.lower_)
        if lemma is not None and token.tag_ in ("VBD", "VBN"):
            _subject_was_done_to(token)
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


def _subject_was_done_to(token: Token) -> None:
    """"5 people shot after football game", "Two men shot outside bar": a headline's "shot"
    with a subject and nothing it was done to drops "were"; the subject was shot."""
    subjects = [c for c in token.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN", "NUM")]
    if token.dep_ == "ROOT" and subjects and not any(c.dep_ in ("dobj", "dative") for c in token.children):
        token.tag_ = "VBN"
        for subject in subjects:
            subject.dep_ = "nsubjpass"
