"""Figures in news text: "1,200", "fourteen", "twenty-five", "at least 92", "dozens".

``parse_figure`` turns a phrase into ``Figure(value, qualifier, vague)``; the word tables and
ACLED's fixed values for vague figures live in ``data/lexicon.toml`` ([numbers]).
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from .lexicon import _read_toml


@dataclass(frozen=True)
class Figure:
    value: int
    qualifier: str | None = None
    #: "dozens", "several": ACLED's fixed value stands in for an unstated number
    vague: bool = False


@dataclass(frozen=True)
class NumberWords:
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, int]
    qualifiers: tuple[str, ...]
    max_casualties: int


@functools.cache
def number_words() -> NumberWords:
    raw = _read_toml("lexicon.toml")["numbers"]
    return NumberWords(raw["units"], raw["tens"], raw["scales"], raw["vague"],
                       tuple(sorted(raw["qualifiers"], key=len, reverse=True)),
                       int(raw["max_casualties"]))


_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
_DECIMAL = re.compile(r"^(\d+(?:\.\d+)?)$")
#: the longest run of digits read as a figure: a longer one is a serial number or noise, not a
#: count (and Python refuses to read integers of over 4,300 digits)
MAX_FIGURE_DIGITS = 15


def _short_enough(word: str) -> bool:
    return sum(char.isdigit() for char in word) <= MAX_FIGURE_DIGITS


def _words_value(words: list[str], table: NumberWords) -> int | None:
    """Value of a written number: ["twenty", "five"] -> 25, ["two", "hundred"] -> 200;
    None for words that are no number, or for a figure too long or too large to be one."""
    total, current, seen = 0, 0, False
    for word in words:
        if word in ("and",):
            continue
        if (_DIGITS.match(word) or _DECIMAL.match(word)) and not _short_enough(word):
            return None
        if _DIGITS.match(word):
            current += int(word.replace(",", ""))
        elif _DECIMAL.match(word):
            current += float(word)  # type: ignore[assignment]
        elif word in table.units:
            current += table.units[word]
        elif word in table.tens:
            current += table.tens[word]
        elif word in table.scales:
            current = max(current, 1) * table.scales[word]
            if table.scales[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    value = total + current
    if not seen or value == math.inf:  # "1.5 hundred hundred ...": beyond any float
        return None
    return int(value)


#: a range of figures: "6-7", "10 to 12", "20 or 30"
_RANGE = re.compile(r"^(\d+)\s*(?:-|–|to|or)\s*\d+$")


def parse_figure(phrase: str) -> Figure | None:
    """"at least 92" -> Figure(92, "at least"); "dozens" -> Figure(12, vague=True); "ten" -> 10."""
    table = number_words()
    text = phrase.lower().strip()
    qualifier = next((q for q in table.qualifiers if text.startswith(q + " ")), None)
    if qualifier:
        text = text[len(qualifier):].strip()
    low = _RANGE.match(text)
    if low and _short_enough(low.group(1)):  # "6-7", "6 to 7": the lowest figure reported
        return Figure(int(low.group(1)), qualifier)
    words = [w for w in re.split(r"[\s\-]+", text) if w and w not in ("of",)]
    if not words:
        return None
    if words[0] in table.vague and len(words) == 1:
        return Figure(table.vague[words[0]], qualifier, vague=True)
    if qualifier in ("dozens of", "hundreds of"):
        return Figure(table.vague[qualifier.split()[0]], None, vague=True)
    value = _words_value(words, table)
    if value is None:
        return None
    return Figure(value, qualifier)


def is_plausible_casualty_count(value: int) -> bool:
    """Casualty figures above the configured ceiling are not one event's toll."""
    return 0 <= value <= number_words().max_casualties


#: a count statement above this tallies nothing a conflict report counts (no report has
#: counted a billion attacks, shells or displaced people): a typo or noise, left uncoded.
#: It also keeps every count within the stores' 32-bit ``aggregates.count`` column.
MAX_COUNT = 1_000_000_000


def is_plausible_count(value: int) -> bool:
    """Whether a count statement's figure ("at least 92 attacks") can be a real tally."""
    return 0 <= value <= MAX_COUNT
