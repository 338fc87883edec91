"""What an article with no conflict event is about, from the cue phrases in data/topics.toml."""
from __future__ import annotations

import pytest

from eventwire.document import Document
from eventwire.extractors.topics import snippet_topic, topic_scores
from eventwire.records import Article


def topic(text: str) -> str | None:
    return snippet_topic(Document(Article(text=text)))


@pytest.mark.parametrize("text, expected", [
    ("An earthquake rattled the coastal province overnight, and thousands slept outdoors.",
     "natural_disaster"),
    ("Flooding after days of heavy rain cut the only road to the valley.", "natural_disaster"),
    ("A freight train derailed outside the station and a tanker car caught fire.",
     "man_made_disaster"),
    ("A pressure vessel exploded at the bottling plant and the night shift was sent home.",
     "man_made_disaster"),
    ("Coast guards stopped a boat carrying cocaine, and two suspected traffickers were held.",
     "organised_crime"),
    ("The two foreign ministers opened talks in Geneva ahead of next month's summit.",
     "diplomacy"),
    ("A man who sold pornographic videos of minors online was held in Hyderabad.", "organised_crime"),
    ("Six tremors below 4 on the Richter scale shook the coast this month.", "natural_disaster"),
    ("The outbreak left 900 sailors testing positive for the new coronavirus.", "natural_disaster"),
    ("A chemical plant explodes and catches fire outside the port.", "man_made_disaster"),
    ("Ten men were charged over a scam that sold university places to foreign students.",
     "organised_crime"),
    ("A little-known group claimed responsibility for the blast in a message posted online.",
     "attribution"),
])
def test_a_short_text_gets_its_topic(text, expected):
    assert topic(text) == expected


def test_no_cue_no_topic():
    assert topic("The city council approved the budget for the new school year.") is None
    assert topic("") is None


def test_cues_match_whole_words_only():
    """'drug' is a cue; 'drugstore' is not."""
    assert topic("He bought bread at the drugstore on the corner.") is None


def test_cues_ignore_case():
    assert topic("EARTHQUAKE HITS ISLAND") == "natural_disaster"


def test_the_topic_with_most_cue_hits_wins():
    text = ("Smugglers moved heroin and cocaine through the port, the drug squad said, "
            "after a ferry stopped at the quay.")
    scores = topic_scores(text)
    assert scores["organised_crime"] > scores["man_made_disaster"] > 0
    assert topic(text) == "organised_crime"

