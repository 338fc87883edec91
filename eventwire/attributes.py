"""spaCy's attribute ruler (tag -> part of speech, morphology and lemma exceptions), applied by
table lookup.

The stock ``attribute_ruler`` runs a token Matcher over every token and builds a Span per
match: 13% of the English model's time here, more than its parser. Its rules look at one or two
tokens' ``LOWER``, ``TAG``, ``DEP`` and ``IS_SPACE``, so a token's outcome depends only on
those values: this component works out each combination once, caches it, and sets the same
attributes as the stock ruler would (later rules win, as there). A ruler with a rule it cannot
read this way is left in place, unchanged.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

STOCK_NAME = "attribute_ruler"
NAME = "eventwire_attributes"
#: the token attributes the rules may test, and how to read each
TESTED: dict[str, Callable[[Token], Any]] = {
    "LOWER": lambda t: t.lower_, "TAG": lambda t: t.tag_, "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space}
#: the operators a rule's value may use
OPERATORS = ("IN", "NOT_IN", "REGEX")


class UnreadableRule(ValueError):
    """A rule tests something this component does not read: keep the stock ruler."""


@dataclass(frozen=True)
class Rule:
    number: int                          # its position among the stock ruler's rules
    tokens: tuple[tuple[tuple[str, Any], ...], ...]   # per token: (attribute, wanted)
    target: int                          # which of its tokens gets the attributes


def _wanted(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) != 1 or next(iter(value)) not in OPERATORS:
            raise UnreadableRule(value)
        op, arg = next(iter(value.items()))
        return (op, re.compile(arg) if op == "REGEX" else frozenset(arg))
    return value


def _holds(actual: Any, wanted: Any) -> bool:
    if isinstance(wanted, tuple):
        op, arg = wanted
        return arg.search(actual) is not None if op == "REGEX" else (actual in arg) == (op == "IN")
    return actual == wanted


def read_rules(patterns: list[dict]) -> list[Rule]:
    rules = []
    for number, entry in enumerate(patterns):
        for pattern in entry["patterns"]:
            if any(set(t) - set(TESTED) for t in pattern):
                raise UnreadableRule(pattern)
            tokens = tuple(tuple((k, _wanted(v)) for k, v in t.items()) for t in pattern)
            rules.append(Rule(number, tokens, entry["index"] % len(pattern)))
    return rules


class FastAttributes:
    """The stock ruler's rules and attributes, applied per distinct token by lookup."""

    def __init__(self, rules: list[Rule], attrs: list[dict]):
        self.single = [r for r in rules if len(r.tokens) == 1]
        #: rules of several tokens, by a word one of their tokens must be (and which token)
        self.multi_by_word: dict[str, list[tuple[Rule, int]]] = {}
        #: rules of several tokens with no such word: tried at every position
        self.multi_anywhere: list[Rule] = []
        for rule in (r for r in rules if len(r.tokens) > 1):
            anchor = _anchor(rule)
            if anchor is None:
                self.multi_anywhere.append(rule)
            else:
                self.multi_by_word.setdefault(anchor[1], []).append((rule, anchor[0]))
        self.attrs = attrs
        self._single_cache: dict[tuple, tuple[int, ...]] = {}
        self._merged_cache: dict[tuple[int, ...], dict] = {}

    def __call__(self, doc: Doc) -> Doc:
        matched: list[list[int]] = [list(self._singles(t)) for t in doc]
        for token in doc:
            for rule, k in self.multi_by_word.get(token.lower_, ()):
                self._try(doc, rule, token.i - k, matched)
        for rule in self.multi_anywhere:
            for start in range(len(doc)):
                self._try(doc, rule, start, matched)
        for token, numbers in zip(doc, matched):
            if numbers:
                set_token_attrs(token, self._merged(tuple(sorted(numbers))))
        return doc

    @staticmethod
    def _try(doc: Doc, rule: Rule, start: int, matched: list[list[int]]) -> None:
        if start < 0 or start + len(rule.tokens) > len(doc):
            return
        if all(_token_holds(doc[start + k], tests) for k, tests in enumerate(rule.tokens)):
            matched[start + rule.target].append(rule.number)

    def _singles(self, token: Token) -> tuple[int, ...]:
        key = (token.lower_, token.tag_, token.dep_, token.is_space)
        found = self._single_cache.get(key)
        if found is None:
            found = self._single_cache[key] = tuple(
                r.number for r in self.single if _token_holds(token, r.tokens[0]))
        return found

    def _merged(self, numbers: tuple[int, ...]) -> dict:
        """The attributes a token ends with: each rule's in turn, the later winning."""
        merged = self._merged_cache.get(numbers)
        if merged is None:
            merged = self._merged_cache[numbers] = {}
            for number in numbers:
                merged.update(self.attrs[number])
        return merged


def _anchor(rule: Rule) -> tuple[int, str] | None:
    """(k, word): the rule's k-th token must be exactly ``word`` (lower case)."""
    for k, tests in enumerate(rule.tokens):
        for name, wanted in tests:
            if name == "LOWER" and isinstance(wanted, str):
                return k, wanted
    return None


def _token_holds(token: Token, tests: tuple[tuple[str, Any], ...]) -> bool:
    return all(_holds(TESTED[name](token), wanted) for name, wanted in tests)


@Language.factory(NAME)
def make_fast_attributes(nlp: Language, name: str) -> FastAttributes:
    stock = nlp.get_pipe(STOCK_NAME)
    return FastAttributes(read_rules(stock.patterns), list(stock.attrs))


def use_fast_attributes(nlp: Language) -> bool:
    """Puts the lookup component in place of the stock ruler; False (nothing changed) when the
    model has no stock ruler or a rule this component cannot read."""
    if STOCK_NAME not in nlp.pipe_names:
        return False
    try:
        nlp.add_pipe(NAME, before=STOCK_NAME)
    except UnreadableRule:
        return False
    nlp.remove_pipe(STOCK_NAME)
    return True
