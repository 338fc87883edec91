"""Properties that hold for any input (hypothesis): the readers, date resolution, figures, and
the records' round trips through JSON and a real DuckDB store.

Each property states what a user relies on whatever they feed in: a reader hands back
articles or one-line errors that name the file, never a traceback; a past-tense "last
Friday" is never after publication; "twenty-one" and "21" are the same figure; a record saved
is the record read back.
"""
from __future__ import annotations

import datetime as dt
import json
import unicodedata
import uuid
from pathlib import Path

import hypothesis
import pytest
from hypothesis import HealthCheck, example, given
from hypothesis import strategies as st

from eventwire.config import Settings
from eventwire.errors import ReadError
from eventwire.extractors.numbers import Figure, number_words, parse_figure
from eventwire.ingest import read_paths
from eventwire.records import (ROLES, SEGMENT_KINDS, TIME_PRECISION, Article, Attribution,
                               Event, Evidence, Mention, Segment, Source, event_from_json,
                               event_to_json)
from eventwire.store import open_store
from eventwire.when import NO_YEAR_TOLERANCE, find_time_expressions
from tests.conftest import analyse


def runs(examples: int) -> hypothesis.settings:
    """How many examples a property tries; no deadline (the pipeline's first call is slow,
    and speed is the benchmarks' business); the module-scoped ``folder`` is shared on purpose."""
    return hypothesis.settings(max_examples=examples, deadline=None,
                               suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


def _fresh_file(folder: Path, ending: str) -> Path:
    return folder / f"{uuid.uuid4().hex}{ending}"


# --------------------------------------------------------------------------- readers
#: pieces of the readable formats, so generated files get past the first check of each reader
FORMAT_PIECES = [
    "{", "}", "[", "]", ":", ",", '"', "\\", "\\n", "\\u0000", "\\u00e9", "\\ud83d\\ude80",
    '"text"', '"title"', '"published"', '"id"', '"url"', '"language"', "null", "true", "42",
    "-0.5", "1e999", '"2024-02-30"', '"12 March 2024"', '"fr"', "text,title,published\n",
    "\n", "\r\n", "\r", "\t", "\x00", "\x07", "\ufeff", "\u200b", "é", "e\u0301", "\U0001d518",
    "<html>", "<body>", "<article>", "</article>", "<p>", "</p>", "<title>", "</title>",
    "<script>alert(1)</script>", '<meta property="article:published_time" content="2024-03-12">',
    "&amp;", "&#0;", "&#xD800;", "<!--", "-->", "<![CDATA[", "Rockets hit the K-1 base on Monday.",
    "Three soldiers were wounded, officials said.", " ", "  ",
]
ENDINGS = [".txt", ".json", ".jsonl", ".csv", ".html"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "latin-1"]

pieced_text = st.lists(st.sampled_from(FORMAT_PIECES) | st.text(max_size=8),
                       max_size=40).map("".join)
encoded = st.tuples(pieced_text | st.text(max_size=200), st.sampled_from(ENCODINGS)).map(
    lambda pair: pair[0].encode(pair[1], errors="replace"))
file_bytes = st.binary(max_size=400) | encoded


def _read(path: Path, settings: Settings) -> list:
    return list(read_paths([path], settings=settings))


def _assert_well_formed(found: list, path: Path) -> None:
    for item in found:
        assert isinstance(item, (Article, ReadError)), item
        if isinstance(item, ReadError):
            assert item.source.startswith(str(path)), item
            assert item.reason.strip() and "\n" not in item.reason, item
        else:
            assert item.text.strip() and item.origin.startswith(str(path)), item


@given(data=file_bytes, ending=st.sampled_from(ENDINGS))
@runs(600)
def test_any_file_reads_to_articles_or_one_line_errors_naming_it(folder, settings, data, ending):
    path = _fresh_file(folder, ending)
    path.write_bytes(data)
    _assert_well_formed(_read(path, settings), path)


story_text = st.text(st.characters(categories=("L", "N", "P", "Zs")), min_size=1,
                     max_size=60).filter(str.strip)
#: ways to spoil one line of a JSON Lines file
CORRUPTIONS = {
    "cut short": lambda line: line[: len(line) // 2],
    "not an object": lambda line: json.dumps([line]),
    "no text": lambda line: json.dumps({"title": line}),
    "junk": lambda line: "}{" + line,
}


@given(texts=st.lists(story_text, min_size=2, max_size=6), data=st.data(),
       corruption=st.sampled_from(sorted(CORRUPTIONS)))
@runs(100)
def test_one_bad_jsonl_line_costs_that_line_only(folder, settings, texts, data, corruption):
    bad = data.draw(st.integers(0, len(texts) - 1), label="bad line index")
    lines = [json.dumps({"text": text}, ensure_ascii=False) for text in texts]
    lines[bad] = CORRUPTIONS[corruption](lines[bad])
    path = _fresh_file(folder, ".jsonl")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = _read(path, settings)
    errors = [item for item in found if isinstance(item, ReadError)]
    assert [e.source for e in errors] == [f"{path}:{bad + 1}"]
    expected = [(f"{path}:{n}", unicodedata.normalize("NFC", text))
                for n, text in enumerate(texts, start=1) if n != bad + 1]
    assert [(a.origin, a.text) for a in found if isinstance(a, Article)] == expected


#: JSON lines the readers once stumbled on (found by fuzzing): each stopped the whole file with
#: a traceback; now the bad part is refused or replaced and the next line is read
STUMBLING_LINES = {
    "a lone surrogate escape": '{"text": "Rockets hit \\ud800 the base"}',
    "an integer too long for Python": '{"text": "Rockets hit the base", "id": 9%s}' % ("9" * 4300),
}


@pytest.mark.parametrize("name", sorted(STUMBLING_LINES))
def test_a_json_line_the_readers_stumble_on_costs_only_that_line(folder, settings, name):
    path = _fresh_file(folder, ".jsonl")
    path.write_text(f'{STUMBLING_LINES[name]}\n{{"text": "A second story"}}\n')
    found = _read(path, settings)
    _assert_well_formed(found, path)
    assert [a.origin for a in found if isinstance(a, Article)][-1:] == [f"{path}:2"]


# --------------------------------------------------------------------------- dates
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
#: words before a weekday, and how many days back that weekday may lie (first, last)
WEEKDAY_LEADS = {"on": (0, 6), "early on": (0, 6), "late on": (0, 6), "late": (0, 6),
                 "overnight": (0, 6), "before dawn on": (0, 6), "": (0, 6),
                 "in the early hours of": (0, 6), "last": (1, 7), "this past": (1, 7),
                 "next": (-7, -1)}
DAY_PARTS = ["", " morning", " night", " evening"]
#: phrases of past-tense reporting whose dates count back from publication
PAST_PHRASES = [
    "yesterday", "last night", "early yesterday", "the day before yesterday", "this morning",
    "last week", "this week", "last weekend", "over the weekend", "earlier this month",
    "last month", "late last month", "earlier this year", "last year", "early last year",
    "two days ago", "a week ago", "three weeks ago", "ten months ago", "12 years ago",
    "in recent days", "in recent weeks", "over the past month", "in the past 48 hours",
    "over the past few days", "in the last 999 years", "in October", "mid-October",
    "late December", "last July", "on October 17", "October 17", "on 17 October", "Dec. 30",
    "on February 29", "since October 17", "since last week", "between 28 December and 2 January",
]
story_day = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


def _sentence(phrase: str) -> str:
    return f"Gunmen attacked a checkpoint {phrase}, police said."


@given(published=story_day, weekday=st.sampled_from(WEEKDAYS),
       lead=st.sampled_from(sorted(WEEKDAY_LEADS)), part=st.sampled_from(DAY_PARTS))
@runs(400)
def test_a_weekday_lands_on_that_weekday_within_its_week(published, weekday, lead, part):
    found = find_time_expressions(_sentence(f"{lead} {weekday}{part}".strip()), published)
    assert len(found) == 1, [e.text for e in found]
    first, last = WEEKDAY_LEADS[lead]
    assert found[0].date.weekday() == WEEKDAYS.index(weekday)
    assert first <= (published - found[0].date).days <= last
    assert found[0].precision == 1


@given(published=story_day, phrase=st.sampled_from(PAST_PHRASES))
@runs(500)
def test_past_reporting_is_never_dated_after_publication(published, phrase):
    found = find_time_expressions(_sentence(phrase), published)
    latest = published + NO_YEAR_TOLERANCE  # a date without a year may be a day ahead
    assert found, phrase
    for expression in found:
        assert expression.precision in TIME_PRECISION
        first, last = expression.date_range or (expression.date, expression.date)
        if first is not None:
            assert first <= last and first <= latest, expression
        assert expression.date is None or expression.date <= latest, expression


#: pieces of time expressions for arbitrary sentences (counts up to 999, the shapes' limit)
TIME_PIECES = [*WEEKDAYS, *PAST_PHRASES, "next week", "next year", "999 years ago", "last Monday",
               "999", "days", "weeks", "years", "ago",
               "later", "after", "before", "earlier", "that day", "the next day", "9999-12-31",
               "0001-01-01", "12/31/1999", "the past", "into", "Saturday night into Sunday"]
any_text = st.text(max_size=120) | st.lists(
    st.sampled_from(TIME_PIECES) | st.text(max_size=5), max_size=20).map(" ".join)
any_day = st.none() | st.dates()


@given(text=any_text, published=any_day, anchor=any_day)
@runs(600)
@example(text="Tuesday", published=dt.date(1, 1, 1), anchor=None)  # found: OverflowError
@example(text="999 years ago", published=dt.date(22, 8, 22), anchor=None)  # found: ValueError
@example(text="next year", published=dt.date(9999, 12, 31), anchor=None)
def test_the_time_finder_takes_any_text_and_any_publication_day(text, published, anchor):
    for expression in find_time_expressions(text, published, anchor):
        assert text[expression.start:expression.end] == expression.text
        assert expression.precision in TIME_PRECISION


# --------------------------------------------------------------------------- figures
SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
LARGE = [(1_000_000, "million"), (1_000, "thousand")]
QUALIFIERS = ["at least", "more than", "nearly", "about", "up to", "as many as"]


def in_words(n: int, british: bool = False) -> str:
    """0 <= n < 10**9 written out: 1234 -> "one thousand two hundred thirty-four"."""
    for size, name in LARGE:
        if n >= size:
            rest = n % size
            return f"{in_words(n // size, british)} {name}" + (
                f" {in_words(rest, british)}" if rest else "")
    if n >= 100:
        rest, joint = n % 100, " and " if british else " "
        return f"{SMALL[n // 100]} hundred" + (f"{joint}{in_words(rest)}" if rest else "")
    if n >= 20:
        return TENS[n // 10] + (f"-{SMALL[n % 10]}" if n % 10 else "")
    return SMALL[n]


@given(n=st.integers(0, 999_999_999), british=st.booleans(),
       qualifier=st.none() | st.sampled_from(QUALIFIERS))
@runs(400)
def test_a_number_reads_the_same_in_words_and_in_digits(n, british, qualifier):
    lead = f"{qualifier} " if qualifier else ""
    for written in (in_words(n, british), f"{n:,}", str(n)):
        assert parse_figure(lead + written) == Figure(n, qualifier), written


#: digit runs longer than Python reads as an integer, and decimals beyond a float
HUGE_FIGURES = st.integers(4301, 6000).map(lambda n: "9" * n) \
    | st.integers(309, 400).map(lambda n: f"1{'0' * n}.5")
FIGURE_PIECES = st.sampled_from([*SMALL, *TENS, "hundred", "thousand", "million", "dozens", "of",
                                 "and", "-", "at least", "1,200", "7.5", "3-4"]) | HUGE_FIGURES


@given(text=st.text(max_size=60) | st.lists(FIGURE_PIECES, max_size=8).map(" ".join))
@runs(500)
@example(text="9" * 4301)  # found: ValueError (Python reads no longer integers)
@example(text="1" + "0" * 309 + ".5")  # found: OverflowError (float infinity)
@example(text="1.5" + " hundred" * 200)  # float infinity by scale upon scale
def test_any_text_is_a_whole_figure_or_none(text):
    figure = parse_figure(text)
    assert figure is None or (isinstance(figure.value, int) and figure.value >= 0)


#: "killing N people": N as digits with or without separators, or absurdly long
tolls = st.integers(1, 10**30).flatmap(lambda n: st.sampled_from([f"{n:,}", str(n)])) \
    | HUGE_FIGURES


@given(written=tolls)
@runs(40)
@example(written="9" * 4301)  # found: the article was not coded ("stage 'extract' failed")
def test_an_absurd_toll_is_never_an_events_fatalities(pipeline, written):
    text = f"A car bomb exploded in a market in Kirkuk on Monday, killing {written} people."
    document = analyse(pipeline, text)
    assert document.failed is None and len(document.mentions) == 1
    digits, ceiling = written.replace(",", ""), number_words().max_casualties
    toll = int(digits) if len(digits) <= len(str(ceiling)) else None
    mention = document.mentions[0]
    if toll is not None and toll <= ceiling:
        assert (mention.fatalities, mention.fatalities_reported) == (toll, [toll])
    else:
        assert all(figure <= ceiling for figure in mention.fatalities_reported)


# --------------------------------------------------------------------------- records
some_text = st.text(max_size=24)  # any code point but lone surrogates: NUL, astral, RTL marks
ident = st.text(min_size=1, max_size=16)
day = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


def maybe(strategy):
    return st.none() | strategy


def _event_fields() -> dict:
    """A strategy for every field ``EventFields`` has, within the values the pipeline gives."""
    code, count = st.integers(0, 8), st.integers(0, number_words().max_casualties)
    names = ("disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
             "actor2", "assoc_actor_2", "civilian_targeting", "weapon", "target_facility",
             "country", "admin1", "admin2", "location", "geo_source", "notes")
    return {**{name: maybe(some_text) for name in names},
            "event_date": maybe(day), "time_precision": maybe(st.sampled_from([1, 2, 3])),
            "date_range": maybe(st.tuples(day, day).map(lambda pair: tuple(sorted(pair)))),
            "inter1": maybe(code), "inter2": maybe(code), "interaction": maybe(st.integers(0, 88)),
            "claimed_by": st.lists(some_text, max_size=3), "intercepted": maybe(st.booleans()),
            "attributed_to": st.lists(st.builds(Attribution, some_text, maybe(some_text)),
                                      max_size=2),
            "latitude": maybe(st.floats(-90, 90)), "longitude": maybe(st.floats(-180, 180)),
            "geo_precision": maybe(st.sampled_from([1, 2, 3])), "fatalities": maybe(count),
            "fatalities_reported": st.lists(count, max_size=3), "injured": maybe(count),
            "plover": maybe(st.dictionaries(some_text, some_text, max_size=2)),
            "confidence": maybe(st.floats(0, 1))}


evidence = st.lists(st.builds(Evidence, some_text, st.integers(0, 10**6),
                              st.integers(0, 10**6), some_text), max_size=2)
json_value = st.recursive(st.none() | st.booleans() | st.integers(-10**6, 10**6) | some_text,
                          lambda inner: st.lists(inner, max_size=2)
                          | st.dictionaries(some_text, inner, max_size=2), max_leaves=4)
mentions = st.lists(st.builds(Mention, mention_id=ident, article_id=ident,
                              role=st.sampled_from(ROLES), evidence=evidence,
                              keywords=st.lists(some_text, max_size=2), **_event_fields()),
                    max_size=3, unique_by=lambda m: m.mention_id)
sources = st.lists(st.builds(Source, article_id=ident, url=maybe(some_text),
                             outlet=maybe(some_text), published=maybe(day),
                             mention_id=maybe(ident), role=maybe(st.sampled_from(ROLES)),
                             evidence=evidence), max_size=3)
events = st.builds(Event, event_id=ident, role=st.sampled_from(ROLES), sources=sources,
                   disagreements=st.lists(st.dictionaries(some_text, json_value, max_size=2),
                                          max_size=2), **_event_fields())
articles = st.builds(Article, text=st.text(min_size=1, max_size=300), url=maybe(some_text),
                     outlet=maybe(some_text), title=maybe(some_text), published=maybe(day),
                     published_source=maybe(some_text), language=maybe(some_text),
                     origin=maybe(some_text), warnings=st.lists(some_text, max_size=2),
                     segments=st.lists(st.builds(Segment, st.sampled_from(SEGMENT_KINDS),
                                                 st.integers(0, 999), st.integers(0, 999)),
                                       max_size=3))


@given(event=events)
@runs(300)
def test_an_event_survives_the_interchange_json(event):
    assert event_from_json(json.loads(json.dumps(event_to_json(event)))) == event


@given(article=articles, found=mentions, event=events)
@runs(50)
def test_a_duckdb_store_gives_back_what_it_was_given(folder, article, found, event):
    event.sources = [Source(m.article_id, mention_id=m.mention_id) for m in found] + event.sources
    with open_store(str(_fresh_file(folder, ".duckdb"))) as store:
        store.save_batch([article], found, [], [event])
        assert store.article(article.id) == article
        assert store.event(event.event_id) == event
        in_order = sorted(found, key=lambda m: (m.article_id, m.mention_id))
        assert store.mentions_of(event.event_id) == in_order
