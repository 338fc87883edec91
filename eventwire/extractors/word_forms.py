"""The surface forms of the lexicon's head words, for the nlp stage's cheap paragraph filter.

A paragraph goes to spaCy's parser and NER only when it can report an event: when one of its
words is a form of a trigger, casualty, weapon or statement word, or it holds a phrasal
trigger's two ends. Matching word starts instead ("thre" for threat, "agen" for nerve agent)
let "three", "through" and "agency" in and sent over half of a general news corpus to the
parser. Forms are generated generously (regular endings, doubled consonants, the irregular
forms lexicon.toml lists): a form too many costs a parse; a form too few could lose an event.
"""
from __future__ import annotations

import re
from typing import Iterable

#: endings any head word may take ("attacks", "attacked", "attacking", "attackers")
REGULAR_ENDINGS = ("s", "es", "ed", "d", "ing", "ings", "er", "ers", "en", "r", "rs")
#: endings after a final silent "e" is dropped ("striking", "strikers")
AFTER_DROPPED_E = ("ing", "ings", "ed", "er", "ers")
#: endings after a final consonant's "y" turns to "i" ("occupied", "casualties")
AFTER_Y_TO_I = ("es", "ed", "er", "ers")
#: endings after a doubled final consonant ("stabbed", "kidnapping", "gunned")
AFTER_DOUBLING = ("ed", "ing", "ings", "er", "ers")
VOWELS = frozenset("aeiou")
#: heads shorter than this are left out: two letters match too much to filter anything
MIN_HEAD_LENGTH = 3
#: what counts as a word when a paragraph is checked (hyphens split: "car-bomb" holds "bomb")
WORD = re.compile(r"[a-z]+")
#: how many words may sit between a phrasal trigger's two ends ("set a new post up")
PHRASAL_GAP = 3


def inflections(word: str) -> set[str]:
    """``word`` and the forms English endings make of it, some of which are not words."""
    forms = {word} | {word + e for e in REGULAR_ENDINGS}
    if word.endswith("e"):
        forms |= {word[:-1] + e for e in AFTER_DROPPED_E}
    if len(word) > 2 and word.endswith("y") and word[-2] not in VOWELS:
        forms |= {word[:-1] + "i" + e for e in AFTER_Y_TO_I}
    if _doubles_its_last_letter(word):
        forms |= {word + word[-1] + e for e in AFTER_DOUBLING}
    return forms


def _forms(word: str, irregular: dict[str, list[str]]) -> set[str]:
    return inflections(word) | {f.lower() for f in irregular.get(word, ())}


def _doubles_its_last_letter(word: str) -> bool:
    """consonant-vowel-consonant at the end ("stab", "kidnap", "target"), not w, x or y."""
    if len(word) < 3 or word[-1] in VOWELS or word[-1] in "wxy":
        return False
    return word[-2] in VOWELS and word[-3] not in VOWELS


class Prefilter:
    """Says whether a paragraph holds a form of a head word or a phrasal trigger."""

    def __init__(self, heads: Iterable[str], irregular: dict[str, list[str]],
                 phrases: Iterable[str]):
        words = {h.lower() for h in heads if len(h) >= MIN_HEAD_LENGTH}
        single = {w for w in words if "-" not in w}
        self.forms = frozenset(f for w in single for f in _forms(w, irregular))
        joined = ([_hyphened(w) for w in sorted(words - single)]
                  + [_phrasal(p.lower(), irregular) for p in phrases])
        self.pattern = re.compile(r"\b(?:" + "|".join(joined) + r")\b") if joined else None

    def search(self, text: str) -> bool:
        lower = text.lower()
        if not self.forms.isdisjoint(WORD.findall(lower)):
            return True
        return self.pattern is not None and self.pattern.search(lower) is not None


def _hyphened(word: str) -> str:
    """'sit-in' as the tokenizer may meet it: 'sit-in', 'sit in', 'sit-ins'."""
    parts = [re.escape(p) for p in word.split("-")]
    return r"[\s-]+".join(parts) + r"(?:s|es)?"


def _phrasal(phrase: str, irregular: dict[str, list[str]]) -> str:
    """A phrasal verb's two ends a few words apart: 'shoot down', 'shot the drone down',
    'drove al-Shabaab militants out' (a hyphened or quoted word is one word)."""
    words = phrase.split()
    first, last = (_alternatives(_forms(w, irregular)) for w in (words[0], words[-1]))
    return first + r"\s+(?:[\w'-]+\s+){0,%d}?" % PHRASAL_GAP + last


def _alternatives(forms: set[str]) -> str:
    return "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"
