"""What a report is about when it codes no conflict event: a natural or man-made disaster,
organised crime, diplomacy, or an attribution of responsibility with no attack reported.

The cues live in ``data/topics.toml``; the topic with most cue hits wins. This is a coarse,
whole-text classifier: it never creates an event, it only names the topic of an article with
none (CASE 2021's non-conflict classes; a triage label for analysts).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..document import Document


@dataclass(frozen=True)
class Topic:
    name: str
    help: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def load_topics() -> tuple[Topic, ...]:
    data = tomllib.loads(resources.files("eventwire.data").joinpath("topics.toml").read_text("utf-8"))
    topics = []
    for name, entry in data.items():
        cues = sorted(entry["cues"], key=len, reverse=True)
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.IGNORECASE)
        topics.append(Topic(name, entry.get("help", ""), pattern))
    return tuple(topics)


def topic_scores(text: str) -> dict[str, int]:
    """Cue hits per topic, in the data file's order."""
    return {topic.name: len(topic.pattern.findall(text)) for topic in load_topics()}


def snippet_topic(document: Document) -> str | None:
    """The non-conflict topic of a document with no event, or None when no cue is present."""
    scores = topic_scores(document.article.text)
    best = max(scores.values(), default=0)
    return next((name for name, score in scores.items() if score == best), None) if best else None
