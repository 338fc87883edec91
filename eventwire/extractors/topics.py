"""What a report is about when it codes no conflict event: a natural or man-made disaster,
organised crime, diplomacy, or an attribution of responsibility with no attack reported.

The cues live in ``data/topics.toml``; the topic with most cue hits wins. This is a coarse,
whole-text classifier: it never creates an event, it only names the topic of an article with
none (CASE 2021's non-conflict classes; a triage label for analysts). ``leads_with_diplomacy``
names the topic of an article whose lead tells a diplomatic act and its events only as what
provoked it ("Russian diplomats expelled after a nerve agent attack").
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ..document import Document
from .lexicon import Lexicon, derived, load_lexicon
from .syntax import lemma_forms


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


#: prepositions that hang a cause or a moment on a clause ("expelled ... after a nerve agent
#: attack", "retaliated over sanctions", "for taking part in protests"): what they tell is not
#: the clause's own act
CAUSE_PREPS = frozenset(("after", "over", "amid", "following", "for", "despite", "since", "before"))
#: clauses hung on another: an adverbial one tells its cause or moment; a relative or
#: adjectival one on a name describes it ("Moscow, which expelled ...")
SUBORDINATE_DEPS = frozenset(("advcl", "relcl", "acl"))


def _subordinate(token: Token) -> bool:
    """A phrase that gives a cause, a moment or a description: "after an attack", "in response
    to cyberattacks", "when police arrived", a clause on a name. A clause on a common noun
    stays ("diplomats expelled by Norway" is the headline's own act)."""
    if token.dep_ == "prep":
        return token.lower_ in CAUSE_PREPS or any(
            c.dep_ == "pobj" and c.lower_ == "response" for c in token.children)
    on_a_name = token.pos_ in ("VERB", "AUX") and token.head.pos_ != "NOUN"
    return token.dep_ == "advcl" or (token.dep_ in SUBORDINATE_DEPS and on_a_name)


def main_clause(root: Token) -> list[Token]:
    """The root's own words: its subtree without causal, temporal and subordinate phrases."""
    kept, stack = [], [root]
    while stack:
        token = stack.pop()
        kept.append(token)
        stack.extend(c for c in token.children if not _subordinate(c))
    return sorted(kept, key=lambda t: t.i)


def _verb_and_noun_triggers(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(lexicon.verb_triggers) | frozenset(lexicon.noun_triggers)


def _reported(root: Token, lexicon: Lexicon) -> Token:
    """What a speech verb reports: "X will advance ..., the minister said" is about X."""
    if root.lemma_.lower() in lexicon.cues["speech_verbs"]:
        return next((c for c in root.children if c.dep_ == "ccomp"), root)
    return root


def leads_with_diplomacy(document: Document, lexicon: Lexicon | None = None) -> bool:
    """The first sentence's own clause tells a diplomatic act (expelled diplomats, imposed
    sanctions) and no event word: any attack it names is only what provoked the act."""
    lexicon = lexicon or load_lexicon()
    first = next((s for s in document.sentences if any(t.pos_ in ("VERB", "AUX") for t in s.span)),
                 None)
    if first is None:
        return False
    clause = main_clause(_reported(first.span.root, lexicon))
    if topic_scores(" ".join(t.text for t in clause)).get("diplomacy", 0) == 0:
        return False
    triggers = {document.trigger_token(f) for f in document.frames if f.sentence == first.index}
    trigger_words = derived(lexicon, "verb_and_noun_triggers", _verb_and_noun_triggers)
    return not triggers & set(clause) and not any(
        f in trigger_words for t in clause for f in lemma_forms(t))
