"""The words and shapes of time expressions (``data/time_expressions.toml``) as tables and
one compiled regular expression, ``PATTERN``, that ``when.py`` runs over a text in one pass.

The data file lists every word (month and weekday names with their abbreviations, day words,
anchored phrases, units, holidays) and every shape an expression can take; this module turns
the shapes into named groups of one pattern, led by a cheap guard that spares most word starts
the full set of shapes.
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from importlib import resources
from string import Template
from typing import Iterable

LEXICON = tomllib.loads(resources.files("eventwire").joinpath("data/time_expressions.toml")
                         .read_text(encoding="utf-8"))
_WORDS, _NAMES = LEXICON["words"], LEXICON["names"]
MONTH_NUMBERS = {n.lower(): i for i, names in enumerate(_NAMES["months"], 1) for n in names}
WEEKDAY_NUMBERS = {n.lower(): i for i, names in enumerate(_NAMES["weekdays"]) for n in names}
WEEKDAY_MODIFIERS: dict[str, str] = LEXICON["weekday_modifiers"]
DAY_WORDS: dict[str, int] = LEXICON["day_words"]
ANCHORED: dict[str, dict[str, int]] = LEXICON["anchored"]
UNITS: dict[str, dict[str, int]] = LEXICON["units"]
NUMBERS: dict[str, int] = LEXICON["numbers"]
APPROXIMATE_NUMBERS: dict[str, int] = LEXICON["approximate_numbers"]
RECENT: dict[str, int] = LEXICON["recent"]
CALENDAR: dict[str, int] = LEXICON["calendar"]
MONTH_PARTS: dict[str, list[int]] = LEXICON["month_parts"]
APOSTROPHES = re.compile("['’]")


def holiday_key(text: str) -> str:
    """A holiday name as looked up: lower case, single spaces, apostrophes dropped."""
    return " ".join(APOSTROPHES.sub("", text).lower().split())


HOLIDAYS: dict[str, dict[str, int]] = {holiday_key(name): rule for name, rule in LEXICON["holidays"].items()}
YEAR_PARTS: dict[str, list[int]] = LEXICON["year_parts"]
SINCE_WORDS = frozenset(_WORDS["since"])
YEAR_PREPOSITIONS = frozenset(_WORDS["year_prepositions"])
WEEK_PRECISION_MAX_DAYS: int = LEXICON["limits"]["week_precision_max_days"]
NO_YEAR_TOLERANCE = dt.timedelta(days=LEXICON["limits"]["no_year_tolerance_days"])
NO_YEAR_MAX_YEARS_BACK: int = LEXICON["limits"]["no_year_max_years_back"]
WEEKDAY_YEARS_BACK: int = LEXICON["limits"]["weekday_years_back"]


def _phrase(text: str) -> str:
    """A lexicon phrase as a pattern: words escaped, any whitespace between them."""
    return r"\s+".join(re.escape(word) for word in text.split())


def _choice(phrases: Iterable[str]) -> str:
    """Case-insensitive alternation, longest first so "early on" is tried before "early"."""
    return "(?i:" + "|".join(_phrase(p) for p in sorted(phrases, key=len, reverse=True)) + ")"


def _holiday_choice(names: Iterable[str]) -> str:
    """Holiday names, capitalised as written, an apostrophe optional or curled ("New Years
    Eve", "New Year’s Eve"), longest first."""
    def pattern(name: str) -> str:
        return r"\s+".join(re.escape(word).replace("'", "['’]?") for word in name.split()) + r"\b"
    return "(?:" + "|".join(pattern(n) for n in sorted(names, key=len, reverse=True)) + ")"


def _name_choice(spellings: list[list[str]]) -> str:
    """Capitalised or upper-case names; abbreviations may end in a full stop ("Dec.")."""
    alternatives = []
    for full, *short in spellings:
        alternatives += [rf"{name}\b" for name in (full, full.upper())]
        alternatives += [rf"{name}\b\.?" for abbr in short for name in (abbr, abbr.upper())]
    return "(?:" + "|".join(alternatives) + ")"


_TOKENS = {
    **{name.upper(): pattern for name, pattern in LEXICON["patterns"].items()},
    "MONTH": _name_choice(_NAMES["months"]),
    "WEEKDAY": _name_choice(_NAMES["weekdays"]),
    "NUM": r"(?:\d{1,3}|" + _choice(NUMBERS) + ")",
    "APPROX": _choice(APPROXIMATE_NUMBERS),
    "UNIT": "(?i:(?:" + "|".join(UNITS) + r")s?)\b",
    "PREP": _choice(_WORDS["prepositions"]),
    "PART": _choice(MONTH_PARTS.keys() | YEAR_PARTS.keys()),
    "RANGE_OPEN": _choice(_WORDS["range_openers"]),
    "RANGE_SEP": "(?:" + _choice(_WORDS["range_separators"]) + "|[-–])",
    "DAY_PART": _choice(_WORDS["day_parts"]) + r"\b",
    "JOIN": _choice(_WORDS["weekday_joins"]),
    "WEEKDAY_PRE": _choice(WEEKDAY_MODIFIERS),
    "NOT_AFTER": "".join(rf"(?<!{re.escape(w)}\s)" for w in _WORDS["weekday_not_after"]),
    "NOT_BEFORE": r"(?!\s+(?:" + "|".join(map(re.escape, _WORDS["weekday_not_before"])) + r")\b)",
    "DAY_WORD": _choice(DAY_WORDS),
    "ANCHORED": _choice(ANCHORED),
    "RECENT": _choice(RECENT),
    "CALENDAR": _choice(CALENDAR),
    "HOLIDAY_PHRASE": _holiday_choice(n for n in LEXICON["holidays"] if " " in n),
    "HOLIDAY_WORD": _holiday_choice(n for n in LEXICON["holidays"] if " " not in n),
}
#: The shapes of a time expression in the order they are tried (see the data file).
SHAPES: dict[str, str] = {name: "".join(pieces) for name, pieces in LEXICON["shapes"].items()}


def _trie(words: Iterable[str], ignore_case: bool = True) -> str:
    """Words as a prefix tree ("a(?:n|t)?"): the regex engine rejects a word after one
    character instead of trying each alternative in turn."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word.lower() if ignore_case else word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return ("(?i:" if ignore_case else "(?:") + emit(tree) + ")"


#: Words (besides digits and month and weekday names) that every expression has within its
#: first five words: units, "ago", and the last words of the day-word and anchored phrases.
_STRONG_WORDS = (
    {u for unit in UNITS for u in (unit, unit + "s")} | {"ago", "weekend"}
    | {phrase.split()[-1] for table in (DAY_WORDS, ANCHORED, RECENT) for phrase in table}
    | set(_WORDS["day_parts"])
    | {holiday_key(name).split()[-1] for name in HOLIDAYS}
)
#: Words an expression can start with that say nothing alone ("the", "in", "two"); "the",
#: "last" and "past" open shapes in SHAPES itself.
_OPENING_WORDS = {"the", "last", "past"} | {
    phrase.split()[0].lower()
    for table in (_WORDS["prepositions"], _WORDS["range_openers"], WEEKDAY_MODIFIERS, DAY_WORDS,
                  ANCHORED, NUMBERS, APPROXIMATE_NUMBERS, RECENT, CALENDAR, MONTH_PARTS, YEAR_PARTS)
    for phrase in table
} | {APOSTROPHES.split(name.split()[0].lower())[0] for name in LEXICON["holidays"]}  # "Valentine's"


def _start_guard() -> str:
    """A cheap test run at each word start before the shapes are tried: a digit, a month or
    weekday name or a strong word here, or an opening word with one of those among the next
    five words. Only a speed-up (it spares most words the full set of shapes, a fivefold
    gain): it accepts every start a shape can have."""
    names = [n for group in _NAMES.values() for spellings in group
             for name in spellings for n in (name, name.upper())]
    strong = rf"(?:\d|{_trie(names, ignore_case=False)}|{_trie(_STRONG_WORDS)}\b)"
    opening = _trie(_OPENING_WORDS - _STRONG_WORDS)
    return rf"(?={strong}|{opening}\b(?=(?:\W+\w+){{0,4}}?\W+{strong}))"


def _compile() -> re.Pattern[str]:
    """Every shape in one pattern. An expression starts at a word start outside a number or
    a clock time ("1,200", "7.62", "2:31"), and may be led by a preposition ("on Monday")."""
    head = Template(r"(?<!\d[,.:])\b(?=\w)${GUARD}(?:(?P<prep>${PREP})\s+)?").substitute(
        _TOKENS, GUARD=_start_guard())
    shapes = "|".join(f"(?P<{name}>{Template(body).substitute(_TOKENS)})"
                      for name, body in SHAPES.items())
    return re.compile(f"{head}(?:{shapes})")


PATTERN = _compile()
