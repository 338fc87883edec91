"""The paragraph filter: a paragraph goes to the parser when it can report an event, casualty
figure or claim, and general news without one stays out."""
from __future__ import annotations

import pytest

from eventwire.extractors.lexicon import load_lexicon
from eventwire.extractors.word_forms import Prefilter, inflections


@pytest.mark.parametrize("word, forms", [
    ("attack", {"attacks", "attacked", "attacking", "attackers"}),
    ("strike", {"strikes", "striking", "strikers"}),
    ("occupy", {"occupied", "occupies"}),
    ("stab", {"stabbed", "stabbing"}),
    ("kidnap", {"kidnapped", "kidnappers"}),
    ("casualty", {"casualties"}),
])
def test_english_endings_make_the_forms_a_report_uses(word, forms):
    assert forms <= inflections(word)


@pytest.mark.parametrize("text", [
    "Gunmen opened fire on a checkpoint overnight.",
    "Thousands took to the streets of the capital.",
    "Both victims are in stable condition, police said.",
    "A sit-in outside parliament entered its third day.",
    "A car-bomb went off near the market.",
    "The group claimed responsibility in an online post.",
    "Militants shot the drone down over the valley.",
    "The army drove al-Shabaab militants out of the town.",
    "HOUSES WERE TORCHED AND LOOTED.",
    "The rebels began peace talks with the government in Doha.",
    "Both sides agreed to an exchange of prisoners.",
])
def test_a_paragraph_that_can_report_violence_is_parsed(text):
    assert load_lexicon().prefilter.search(text)


@pytest.mark.parametrize("text", [
    "Three people walked through the store on their way home.",
    "The agency published its plans for the next stage of talks.",
    "The new chip ships with 16GB of memory and a faster storage controller.",
    "The company used the new chip in its latest phones.",  # "use" is an attack only with chemicals
    "The firm announced a licensing deal after months of talks.",  # no "peace talks"
    "",
])
def test_general_news_without_such_a_word_is_not(text):
    assert not load_lexicon().prefilter.search(text)


def test_irregular_forms_and_phrases_come_from_the_lexicon_given():
    prefilter = Prefilter(["flee", "sit-in"], {"flee": ["fled"], "blow": ["blew"]}, ["blow up"])
    assert prefilter.search("Residents fled the town.")
    assert prefilter.search("They staged sit-ins for a week.")
    assert prefilter.search("Rebels blew the bridge up.")
    assert not prefilter.search("Residents fleece tourists; the old bridge is up for sale.")
