"""The names a report gives, so that reports of one event can be told from reports of another.

Two shootings in one city on one day agree on date, place and type; what tells them apart, and
what ties two reports of one of them together, is the people and things they name: victims,
suspects, streets, units, ages. ``salient_words`` takes the capitalised words of a text that
do not start a sentence (and ages, "a 17-year-old", "Hayes, 17," -> ``17yo``), minus the
capitalised words that name nobody in particular (``data/names.toml``) and the event's own
place names (the place is compared on its own). The main event of an article takes its words
from the article's body, and its headline's ages; any other event from the sentences its
evidence lies in.

On GVA's news about US shootings, two reports of one incident share two or more such words in
79% of pairs, two reports of different incidents in under 1%.
"""
from __future__ import annotations

import csv
import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Iterable

from .extractors.numbers import number_words
from .records import Mention

#: number words of the lexicon that count but spell no age ("a year-old" is no age)
NOT_AGE_WORDS = frozenset({"zero", "no", "none", "a", "an", "single", "lone", "both", "couple"})
_UNITS = "|".join(sorted(set(number_words().units) - NOT_AGE_WORDS, key=len, reverse=True))
_TENS = "|".join(sorted(number_words().tens, key=len, reverse=True))

#: an age as news writes it: "a 17-year-old", "a seventeen-year-old", "17 years old", and a
#: name's age between commas ("Darnell Hayes, 24, was", "Girl, 10, shot")
AGES = re.compile(
    rf"\b(?i:(?P<years>\d{{1,3}}|(?:{_TENS})(?:-(?:{_UNITS}))?|{_UNITS})[- ]years?[- ]olds?)\b"
    r"|(?<=[A-Za-z]), (?P<aged>\d{1,2}),")
#: an age, or a capitalised word not opening a sentence
SALIENT = re.compile(
    AGES.pattern + r"|(?<![.!?\n\"“'‘:]\s)(?<![.!?\n\"“'‘:])(?<!^)\b(?P<name>[A-Z][a-z]+(?:[-'’][A-Za-z]+)?)\b",
    re.M)
#: a run of this many capitalised words in a row is a headline or a menu ("Galveston Professor
#: Flunks Entire Class"), not names: a person's or a place's full name is shorter
TITLE_RUN = 5
TITLE_CASE_RUN = re.compile(rf"(?:\b[A-Z][a-z'’]*[ \t]+){{{TITLE_RUN - 1},}}[A-Z][a-z'’]*\b")
#: a word the text also writes in lower case is a common word ("Family", "Copy link"), not a name
LOWER_WORD = re.compile(r"(?<![A-Za-z'’-])[a-z][a-z'’-]+")
#: a hospital's name: the capitalised words before a hospital word ("Stroger Hospital",
#: "Advocate Christ Medical Center", "Comer Children's Hospital"). The wounded of every
#: shooting in a city are taken to the same few hospitals, so the words of their names tie
#: no reports together (``UNTYING_MARK``); they still count among the names a report gives,
#: which tell two reports apart when they share none. A school's name still ties them.
HOSPITAL_NAME = re.compile(
    r"((?:\b[A-Z][A-Za-z'’.-]*[ \t]+){1,4})"
    r"(?:(?:General |Memorial |Regional |Community |Children['’]s )?Hospitals?\b"
    r"|(?:Medical|Health|Trauma|Burn) (?:Center|Centre|Campus)\b|Infirmary\b)")
#: the mark of a name that counts among those a report gives but ties it to no other
#: (a hospital's: ``HOSPITAL_NAME``)
UNTYING_MARK = "~"
#: the most words kept per report (the earliest: the lede names what the story is about)
MAX_WORDS = 40
MIN_LETTERS = 3
#: a word of a name in the data tables
NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: segment kinds an article's main event takes its words from (not the title: headlines
#: capitalise every word, and the lede repeats the names they give)
STORY_SEGMENTS = ("body",)
#: the segment whose ages a main event takes too: a headline's capitals name nobody, but its
#: age does ("Girl, 10, shot in face"), and some pages keep nothing of the story but it
HEADLINE_SEGMENT = "title"


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    with resources.files("eventwire").joinpath("data/names.toml").open("rb") as handle:
        lists = tomllib.load(handle)
    return frozenset(word for words in lists.values() for word in words)


@lru_cache(maxsize=1)
def widely_named() -> frozenset[str]:
    """The words of the names of actors, countries, peoples (``data/actors.csv``,
    ``countries.csv``, ``demonyms.csv``) and monitors (``widely_named.toml``), with their
    plural or possessive: reports of many events name them ("Syrian", "Observatory",
    "Assad"), so sharing them ties no two reports together."""
    names: set[str] = set()
    for table, columns in (("actors.csv", ("name", "aliases")), ("countries.csv", ("name", "aliases")),
                           ("demonyms.csv", ("form",))):
        with resources.files("eventwire").joinpath(f"data/{table}").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                names.update(_name_form(w) for column in columns
                             for w in NAME_WORD.findall(row[column] or ""))
    with resources.files("eventwire").joinpath("data/widely_named.toml").open("rb") as handle:
        names.update(word for words in tomllib.load(handle).values() for word in words)
    return frozenset(names | {f"{name}s" for name in names})


def salient_words(text: str, exclude: Iterable[str] = (), context: str | None = None) -> list[str]:
    """The report's salient words, lower case, in order of first appearance, at most MAX_WORDS.
    A capitalised word that ``context`` (the whole story; else ``text``) also writes in lower
    case is a common word, and capitalised words in headline-long runs are no names."""
    lower = {w.replace("’", "'") for w in LOWER_WORD.findall(text if context is None else context)}
    lower.update(w.lower() for w in exclude)
    hospitals = hospital_words(text if context is None else context)
    common = common_words()  # thousands of names: looked up, not copied into one set per call
    runs = [(m.start(), m.end()) for m in TITLE_CASE_RUN.finditer(text)]
    found: dict[str, None] = {}
    for match in SALIENT.finditer(text):
        name = match.group("name")
        if name and any(a <= match.start() < b for a, b in runs):
            continue
        word = _name_form(name) if name else _age_word(match)
        if (not name or len(word) >= MIN_LETTERS) and word not in lower and word not in common:
            found.setdefault(f"{UNTYING_MARK}{word}" if word in hospitals else word, None)
            if len(found) >= MAX_WORDS:
                break
    return list(found)


@lru_cache(maxsize=16)
def hospital_words(text: str) -> frozenset[str]:
    """The words of the hospitals' names ``text`` gives (``HOSPITAL_NAME``), as compared; a
    story's are asked for once per event it tells, so they are kept for the next."""
    return frozenset(_name_form(word) for match in HOSPITAL_NAME.finditer(text)
                     for word in NAME_WORD.findall(match.group(1)))


def _age_word(match: re.Match) -> str:
    """An age's keyword, however written: "17-year-old", "seventeen-year-old", "Hayes, 17,"
    are all "17yo"."""
    written = match.group("years") or match.group("aged")
    if written.isdigit():
        return f"{int(written)}yo"
    words = number_words()
    return f"{sum(words.tens.get(w, 0) + words.units.get(w, 0) for w in written.lower().split('-'))}yo"


def ages(text: str) -> list[str]:
    """The ages a text gives, as keywords, in order of first appearance."""
    return list(dict.fromkeys(_age_word(match) for match in AGES.finditer(text)))


def _name_form(word: str) -> str:
    """A name as compared: lower case, one apostrophe, no possessive ("Rudd’s" is "rudd")."""
    return word.lower().replace("’", "'").removesuffix("'s")


def _place_words(mention: Mention) -> set[str]:
    names = (mention.location, mention.admin1, mention.admin2, mention.country)
    return {w.lower() for name in names if name for w in re.findall(r"[A-Za-z']+", name)}


def mention_keywords(text: str, segments: Iterable[tuple[str, int, int]], mention: Mention) -> list[str]:
    """``mention``'s salient words: from the story's body, and the ages its headline gives, when
    it is the article's main event; else from the paragraphs its evidence lies in.
    ``segments`` are (kind, start, end) stretches of ``text``."""
    segments = list(segments)
    story = "\n".join(text[s:e] for kind, s, e in segments if kind in STORY_SEGMENTS)
    if mention.role != "main":
        spots = [(ev.start, ev.end) for ev in mention.evidence]
        parts = [text[s:e] for kind, s, e in segments
                 if any(s <= a and b <= e for a, b in spots)]
        return salient_words("\n".join(parts), _place_words(mention), context=story)
    words = salient_words(story, _place_words(mention), context=story)
    headline = " ".join(text[s:e] for kind, s, e in segments if kind == HEADLINE_SEGMENT)
    return words + [age for age in ages(headline) if age not in words][:MAX_WORDS - len(words)]
