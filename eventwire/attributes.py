"""spaCy's attribute ruler (tag -> part of speech, morphology and lemma exceptions) and its
lemmatizer, applied by table lookup.

The stock ``attribute_ruler`` runs a token Matcher over every token and builds a Span per
match: 13% of the English model's time here, more than its parser. Its rules look at one or two
tokens' ``LOWER``, ``TAG``, ``DEP`` and ``IS_SPACE``, so a token's outcome depends only on
those values: this component works out each combination once, caches it, and sets the same
attributes as the stock ruler would (later rules win, as there). A ruler with a rule it cannot
read this way is left in place, unchanged.

The stock rule lemmatizer caches a word's lemma but returns before caching for base forms, and
reads each token through Python objects: 7% of the model's time. Its lemma depends only on the
token's ORTH, POS and MORPH, so ``CachedLemmatizer`` asks it once per combination and writes
the lemmas of a whole doc as one array.
"""

import re
from dataclasses import dataclass
from typing import Any, Callable

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

STOCK_NAME = "attribute_ruler"
NAME = "eventwire_attributes"
STOCK_LEMMATIZER = "lemmatizer"
LEMMATIZER_NAME = "eventwire_lemmatizer"
#: what the stock lemmatizer's answer depends on, and the lemma already set
LEMMATIZER_KEY = (ORTH, POS, MORPH, LEMMA)
#: the token attributes the rules may test, and how to read each
TESTED: dict[str, Callable[[Token], Any]] = {
    "LOWER": lambda t: t.lower_, "TAG": lambda t: t.tag_, "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space}
#: what a token's single-token rules depend on, in the order TESTED reads them
KEY_ATTRS = (LOWER, TAG, DEP, IS_SPACE)
#: what the rules set that is written for a whole doc at once
ARRAY_ATTRS = (POS, MORPH, LEMMA)
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
    """The stock ruler's rules and attributes, applied per distinct token by lookup.

    A token's single-token rules depend only on its (lower, tag, dep, is_space): each such key
    is worked out once. The outcome is written for the whole doc in one array pass."""

    def __init__(self, rules: list[Rule], attrs: list[dict]):
        #: one-token rules: by the hash of a word the token must be; others that test the word;
        #: and those that do not (their outcome depends on tag, dep and is_space alone)
        self.single_by_word: dict[int, list[Rule]] = {}
        self.single_worded: list[Rule] = []
        self.single_wordless: list[Rule] = []
        for rule in (r for r in rules if len(r.tokens) == 1):
            anchor = _anchor(rule)
            for word in anchor[1] if anchor else ():
                self.single_by_word.setdefault(get_string_id(word), []).append(rule)
            if anchor is None:
                tests_word = any(name == "LOWER" for name, _ in rule.tokens[0])
                (self.single_worded if tests_word else self.single_wordless).append(rule)
        #: rules of several tokens, by the hash of a word one of their tokens must be
        self.multi_by_word: dict[int, list[tuple[Rule, int]]] = {}
        #: rules of several tokens with no such word: tried at every position
        self.multi_anywhere: list[Rule] = []
        for rule in (r for r in rules if len(r.tokens) > 1):
            anchor = _anchor(rule)
            if anchor is None:
                self.multi_anywhere.append(rule)
                continue
            for word in anchor[1]:
                self.multi_by_word.setdefault(get_string_id(word), []).append((rule, anchor[0]))
        self.attrs = attrs
        self._single_cache: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._wordless_cache: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._merged_cache: dict[tuple[int, ...], "Outcome"] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = [tuple(row) for row in doc.to_array(KEY_ATTRS).tolist()]
        matched = [list(self._singles(doc, i, key)) for i, key in enumerate(keys)]
        for i, key in enumerate(keys):
            for rule, k in self.multi_by_word.get(key[0], ()):
                self._try(doc, rule, i - k, matched)
        for rule in self.multi_anywhere:
            for start in range(len(doc)):
                self._try(doc, rule, start, matched)
        self._write(doc, matched)
        return doc

    def _write(self, doc: Doc, matched: list[list[int]]) -> None:
        values = doc.to_array(ARRAY_ATTRS)
        by_token = []
        for i, numbers in enumerate(matched):
            if numbers:
                outcome = self._merged(tuple(sorted(numbers)))
                for column, value in outcome.columns:
                    values[i, column] = value
                if outcome.token_by_token:
                    by_token.append((i, outcome.attrs))
        doc.from_array(ARRAY_ATTRS, values)
        for i, merged in by_token:  # a rule setting TAG or DEP: rare, so token by token
            set_token_attrs(doc[i], merged)

    @staticmethod
    def _try(doc: Doc, rule: Rule, start: int, matched: list[list[int]]) -> None:
        if start < 0 or start + len(rule.tokens) > len(doc):
            return
        if all(_token_holds(doc[start + k], tests) for k, tests in enumerate(rule.tokens)):
            matched[start + rule.target].append(rule.number)

    def _singles(self, doc: Doc, i: int, key: tuple[int, ...]) -> tuple[int, ...]:
        found = self._single_cache.get(key)
        if found is None:
            token = doc[i]
            wordless = self._wordless_cache.get(key[1:])
            if wordless is None:
                wordless = self._wordless_cache[key[1:]] = _held(token, self.single_wordless)
            found = wordless + _held(token, self.single_worded + self.single_by_word.get(key[0], []))
            self._single_cache[key] = found
        return found

    def _merged(self, numbers: tuple[int, ...]) -> "Outcome":
        """The attributes a token ends with: each rule's in turn, the later winning."""
        outcome = self._merged_cache.get(numbers)
        if outcome is None:
            merged: dict = {}
            for number in numbers:
                merged.update(self.attrs[number])
            outcome = self._merged_cache[numbers] = Outcome.of(merged)
        return outcome


@dataclass(frozen=True)
class Outcome:
    """What a combination of rules sets: array columns and values, and whether something else
    (TAG, DEP) must be set token by token."""

    attrs: dict
    columns: tuple[tuple[int, int], ...]
    token_by_token: bool

    @classmethod
    def of(cls, merged: dict) -> "Outcome":
        columns = tuple((ARRAY_ATTRS.index(a), v) for a, v in merged.items() if a in ARRAY_ATTRS)
        return cls(merged, columns, any(a not in ARRAY_ATTRS for a in merged))


def _anchor(rule: Rule) -> tuple[int, frozenset[str]] | None:
    """(k, words): the rule's k-th token must be one of ``words`` (lower case)."""
    for k, tests in enumerate(rule.tokens):
        for name, wanted in tests:
            if name == "LOWER" and isinstance(wanted, str):
                return k, frozenset([wanted])
            if name == "LOWER" and isinstance(wanted, tuple) and wanted[0] == "IN":
                return k, wanted[1]
    return None


def _held(token: Token, rules: list[Rule]) -> tuple[int, ...]:
    """The numbers of the one-token rules ``token`` meets."""
    return tuple(r.number for r in rules if _token_holds(token, r.tokens[0]))


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


class CachedLemmatizer:
    """The stock lemmatizer, asked once per (ORTH, POS, MORPH); keeps lemmas already set (by
    the attribute ruler's exceptions) unless the stock one overwrites."""

    def __init__(self, stock: Any):
        self.stock = stock
        self._cache: dict[tuple[int, int, int], int] = {}
        _index_as_sets(stock)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array(LEMMATIZER_KEY)
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.stock.overwrite:
                continue
            found = self._cache.get((orth, pos, morph))
            if found is None:
                found = doc.vocab.strings.add(self.stock.lemmatize(doc[i])[0])
                self._cache[(orth, pos, morph)] = found
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def _index_as_sets(stock: Any) -> None:
    """The rule lemmatizer's index of known words per part of speech is a list (57,000 nouns)
    that it only asks ``form in index``: as a set that costs a lookup, not a scan."""
    if "lemma_index" not in stock.lookups.tables:
        return
    table = stock.lookups.get_table("lemma_index")
    for key in list(table.keys()):
        table[key] = frozenset(table[key])


@Language.factory(LEMMATIZER_NAME)
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.get_pipe(STOCK_LEMMATIZER))


def use_cached_lemmatizer(nlp: Language) -> bool:
    """Puts the caching lemmatizer in place of the stock one; False when there is none."""
    if STOCK_LEMMATIZER not in nlp.pipe_names:
        return False
    nlp.add_pipe(LEMMATIZER_NAME, before=STOCK_LEMMATIZER)
    nlp.remove_pipe(STOCK_LEMMATIZER)
    return True
