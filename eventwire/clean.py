"""The cleaner (stage "clean"): which stretches of an article are news, and which are not.

A wire story as scraped carries more than its news: the headline and standfirst, a dateline
("BAGHDAD, Iraq —"), photo captions ("This picture taken on July 8, 2021 shows …") with their
credits ("(AHMAD AL-RUBAYE / AFP)"), and site furniture ("Most Popular", "read more:", a caption
printed twice). Events read from a caption or a teaser are false events, and a dateline is the
best hint for where the story happens, so the cleaner labels every paragraph before anything
reads it.

``segment_article`` cuts a text into ``Segment``s of the kinds in ``records.SEGMENT_KINDS``. Every
non-whitespace character lies in exactly one segment, segments come in text order, and every
segment starts and ends on a non-whitespace character (only whitespace lies between them).
Paragraphs are separated by blank lines (or by single newlines when the text has none); inside
a paragraph, each line is its own unit unless the text is hard-wrapped by width.

The rules (phrases, patterns, limits) are data in ``eventwire/data/clean.toml``, loaded once.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .errors import ResourceError
from .records import Article, Segment

RULES_FILE = "clean.toml"


@dataclass(frozen=True)
class CleanRules:
    """The compiled contents of ``data/clean.toml``."""

    limits: dict[str, int]
    dateline: re.Pattern[str]
    not_places: frozenset[str]
    caption_openers: tuple[str, ...]
    credit_at_end: re.Pattern[str]
    credit_content: tuple[re.Pattern[str], ...]
    credit_line: re.Pattern[str]
    shows_word: re.Pattern[str]
    dated_end: re.Pattern[str]
    furniture_lines: frozenset[str]
    section_markers: frozenset[str]
    furniture_patterns: tuple[re.Pattern[str], ...]
    byline: re.Pattern[str]
    menu_words: frozenset[str]
    menu_separators: re.Pattern[str]
    site_name_separator: re.Pattern[str]
    sentence_break: re.Pattern[str]
    line_final: re.Pattern[str]
    full_stop_end: re.Pattern[str]


def _compile(pattern: str, names: dict[str, str], flags: int = 0) -> re.Pattern[str]:
    for name, value in names.items():
        pattern = pattern.replace("{" + name + "}", value)
    return re.compile(pattern, flags)


def _lowered(items: list[str]) -> frozenset[str]:
    return frozenset(item.lower() for item in items)


def _rules_from(raw: dict) -> CleanRules:
    agencies = sorted(raw["caption"]["agencies"], key=len, reverse=True)
    names = {"MONTH": raw["month"], "AGENCY": "|".join(re.escape(a) for a in agencies)}
    cap, furn, sent = raw["caption"], raw["boilerplate"], raw["sentences"]
    return CleanRules(
        limits=dict(raw["limits"]),
        dateline=_compile(raw["dateline"]["pattern"], names, re.VERBOSE),
        not_places=frozenset(raw["dateline"]["not_places"]),
        caption_openers=tuple(o.lower() for o in cap["openers"]),
        credit_at_end=_compile(cap["credit_at_end"], names),
        credit_content=tuple(_compile(p, names, re.IGNORECASE) for p in cap["credit_content"]),
        credit_line=_compile(cap["credit_line"], names, re.IGNORECASE),
        shows_word=_compile(cap["shows_word"], names),
        dated_end=_compile(cap["dated_end"], names),
        furniture_lines=_lowered(furn["lines"]),
        section_markers=_lowered(furn["section_markers"]),
        furniture_patterns=tuple(_compile(p, names, re.IGNORECASE) for p in furn["patterns"]),
        byline=_compile(furn["byline"], names),
        menu_words=_lowered(furn["menu_words"]),
        menu_separators=_compile(furn["menu_separators"], names),
        site_name_separator=_compile(furn["site_name_separator"], names),
        sentence_break=_compile(sent["break"], names),
        line_final=_compile(sent["line_final"], names),
        full_stop_end=_compile(sent["full_stop_end"], names),
    )


@cache
def rules() -> CleanRules:
    """The cleaner's rules, read from ``data/clean.toml`` the first time they are needed."""
    try:
        text = resources.files("eventwire").joinpath("data", RULES_FILE).read_text("utf-8")
        return _rules_from(tomllib.loads(text))
    except (OSError, tomllib.TOMLDecodeError, KeyError, re.error) as exc:
        raise ResourceError(f"eventwire/data/{RULES_FILE}",
                            f"unusable cleaner rules ({exc})") from exc


# --------------------------------------------------------------------------- units
@dataclass(frozen=True)
class _Unit:
    """A paragraph (or a line of one): trimmed offsets into the article text."""

    start: int
    end: int
    text: str


def _line_spans(text: str) -> list[tuple[int, int] | None]:
    """Each line's span without its surrounding whitespace; None for a blank line."""
    spans: list[tuple[int, int] | None] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        else:
            spans.append(None)
        pos += len(line) + 1
    return spans


def _blocks(spans: list[tuple[int, int] | None]) -> list[list[tuple[int, int]]]:
    """Runs of non-blank lines; every line is a run of its own when no line is blank."""
    lines = [s for s in spans if s is not None]
    if len(lines) == len(spans):
        return [[s] for s in lines]
    blocks: list[list[tuple[int, int]]] = [[]]
    for span in spans:
        if span is None:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(span)
    return [b for b in blocks if b]


def _hard_wrapped(text: str, blocks: list[list[tuple[int, int]]], r: CleanRules) -> bool:
    """True when most line breaks inside paragraphs cut a sentence (text wrapped by width)."""
    inner = [text[s:e] for block in blocks for s, e in block[:-1]]
    wraps = sum(1 for line in inner
                if len(line) >= r.limits["wrap_min_chars"] and not r.line_final.search(line))
    return bool(inner) and wraps * 2 > len(inner)


def _units(text: str, r: CleanRules) -> list[_Unit]:
    blocks = _blocks(_line_spans(text))
    if _hard_wrapped(text, blocks, r):
        spans = [(block[0][0], block[-1][1]) for block in blocks]
    else:
        spans = [line for block in blocks for line in block]
    return [_Unit(s, e, text[s:e]) for s, e in spans]


# --------------------------------------------------------------------------- unit tests
def looks_like_headline(text: str) -> bool:
    """A short line without a sentence-final full stop: how headlines (and teasers) look."""
    r = rules()
    text = text.strip()
    return (bool(text) and "\n" not in text and len(text) <= r.limits["title_max_chars"]
            and len(text.split()) <= r.limits["title_max_words"]
            and not r.full_stop_end.search(text) and any(ch.isalpha() for ch in text))


def _dateline_match(text: str, r: CleanRules) -> re.Match[str] | None:
    m = r.dateline.match(text)
    if m is None:
        return None
    if m["upper"] is not None:
        label = m["upper"].strip(" .")
        source = m["sep"] == ":" and len(label) <= r.limits["source_label_max_chars"]
        return None if label in r.not_places or source else m  # "DA: Man shot by ..."
    if m["sep"] == ":" or not (m["date"] or m["agency"] or m["outlet"]):
        return None
    return m


def _credit_match(text: str, r: CleanRules) -> re.Match[str] | None:
    """The parenthesised photo credit that ends ``text``, if any."""
    m = r.credit_at_end.search(text)
    if m and any(p.search(m["credit"]) for p in r.credit_content):
        return m
    return None


def _is_caption(text: str, r: CleanRules) -> bool:
    if text.lower().startswith(r.caption_openers) or _credit_match(text, r):
        return True
    return bool(r.shows_word.search(text) and r.dated_end.search(text)
                and not r.sentence_break.search(text))


def _is_credit_line(text: str, r: CleanRules) -> bool:
    return (len(text.split()) <= r.limits["credit_line_max_words"]
            and r.credit_line.match(text) is not None)


def _is_menu(line: str, r: CleanRules) -> bool:
    items = [item for item in r.menu_separators.split(line) if item]
    max_words = r.limits["menu_item_max_words"]
    if len(items) >= r.limits["menu_min_items"] and all(len(i.split()) <= max_words for i in items):
        return True
    words = line.lower().split()
    return len(words) >= 2 and all(w in r.menu_words for w in words)


def _label(line: str) -> str:
    return line.strip().rstrip(" :»›>").lower()


def _is_furniture_line(line: str, r: CleanRules) -> bool:
    """Site furniture is short: a paragraph of prose that ends "All rights reserved" is news."""
    if len(line.split()) > r.limits["furniture_max_words"]:
        return False
    if _label(line) in r.furniture_lines or any(p.search(line) for p in r.furniture_patterns):
        return True
    if (r.byline.match(line) and len(line.split()) <= r.limits["byline_max_words"]
            and not r.full_stop_end.search(line)):
        return True
    return _is_menu(line, r)


def _is_furniture(text: str, r: CleanRules) -> bool:
    return all(_is_furniture_line(line.strip(), r) for line in text.split("\n") if line.strip())


def _is_standfirst(unit: _Unit, index: int, first_dateline: int | None, r: CleanRules) -> bool:
    """One short sentence under the headline, before a dateline (or without a final full stop)."""
    if (len(unit.text.split()) > r.limits["standfirst_max_words"]
            or r.sentence_break.search(unit.text)):
        return False
    if first_dateline is not None and index < first_dateline:
        return True
    return not r.full_stop_end.search(unit.text)


# --------------------------------------------------------------------------- segments
def _whole(unit: _Unit, kind: str) -> list[Segment]:
    return [Segment(kind, unit.start, unit.end)]


def _with_credit(unit: _Unit, kind: str, r: CleanRules) -> list[Segment]:
    """``kind`` for the unit, with a trailing photo credit split off as a ``credit`` segment."""
    m = _credit_match(unit.text, r)
    if m is None:
        return _whole(unit, kind)
    head = unit.text[:m.start()].rstrip()
    credit = [Segment("credit", unit.start + m.start(), unit.end)]
    return ([Segment(kind, unit.start, unit.start + len(head))] if head else []) + credit


def _dateline_segments(unit: _Unit, m: re.Match[str]) -> list[Segment]:
    """The dateline as its own segment; the rest of its paragraph is body."""
    end = unit.start + m.end()
    rest = unit.text[m.end():]
    segments = [Segment("dateline", unit.start, end)]
    if rest.strip():
        segments.append(Segment("body", end + len(rest) - len(rest.lstrip()), unit.end))
    return segments


@dataclass
class _State:
    """What the walk over an article's units has seen so far."""

    units: list[_Unit]
    first_dateline: int | None
    seen: set[str]
    #: the headline the article's record gives, if any
    title: str | None = None
    started: bool = False
    titled: bool = False
    body: bool = False
    standfirst: bool = False
    furniture_run: bool = False


def _furniture(unit: _Unit, state: _State, r: CleanRules) -> list[Segment] | None:
    """Boilerplate segments for site furniture and repeats, or None when the unit is not."""
    key = " ".join(unit.text.split())
    if key in state.seen:
        return _with_credit(unit, "boilerplate", r)
    state.seen.add(key)
    if _is_furniture(unit.text, r):
        if _label(unit.text.split("\n")[0]) in r.section_markers:
            state.furniture_run = True
        return _whole(unit, "boilerplate")
    if state.furniture_run and looks_like_headline(unit.text):
        return _whole(unit, "boilerplate")
    return None


def _content(unit: _Unit, index: int, state: _State, r: CleanRules) -> list[Segment]:
    """Title, standfirst, dateline + body, or body."""
    given_title = not state.started and _is_given_title(unit.text, state.title)
    dateline = None if state.body or given_title else _dateline_match(unit.text, r)
    kind = "body"
    if dateline is not None:
        state.body = state.started = True
        return _dateline_segments(unit, dateline)
    if given_title or (not state.started and index < len(state.units) - 1
                       and looks_like_headline(unit.text)):
        kind, state.titled = "title", True
    elif (state.titled and not state.body and not state.standfirst
          and _is_standfirst(unit, index, state.first_dateline, r)):
        kind, state.standfirst = "standfirst", True
    state.started = True
    state.body = state.body or kind == "body"
    return _without_site_name(unit, r) if kind == "title" else _whole(unit, kind)


def _without_site_name(unit: _Unit, r: CleanRules) -> list[Segment]:
    """A page title's headline, and the site names after it as boilerplate: "Man shot on
    Southwest Side | CLTV" (but "Old ordnance | Explosion kills child" is all headline)."""
    cut = None
    for m in reversed(list(r.site_name_separator.finditer(unit.text))):
        headline, site = unit.text[:m.start()], unit.text[m.end():cut]
        if len(headline.split()) < r.limits["site_name_min_headline_words"] \
                or len(site.split()) > r.limits["site_name_max_words"] or not _is_site_name(site):
            break
        cut = m.start()
    if cut is None:
        return _whole(unit, "title")
    site = cut + len(unit.text[cut:]) - len(unit.text[cut:].lstrip())
    return [Segment("title", unit.start, unit.start + cut),
            Segment("boilerplate", unit.start + site, unit.end)]


#: lower-case words a site's name may hold ("KTTC Rochester, Austin, Mason City News, Weather
#: and Sports")
SITE_NAME_JOINERS = frozenset({"and", "of", "the", "for", "&"})


def _is_site_name(text: str) -> bool:
    """"Fox 59", "The Augusta Chronicle", "News, Weather and Sports", "abc13.com": every word
    capitalised, a number, a web address or a joining word (a headline has lower-case words
    that say something)."""
    words = [w.strip(",;:()") for w in text.split()]
    return bool(words) and all(not w or w[0].isupper() or w[0].isdigit() or "." in w or not w[0].isalpha()
                               or w in SITE_NAME_JOINERS for w in words)


def _first_dateline(units: list[_Unit], r: CleanRules, title: str | None = None) -> int | None:
    """The first paragraph that opens with a dateline; the headline the record gives is none,
    whatever it opens with ("NOPD: Man dead ...")."""
    limit = r.limits["dateline_max_paragraph"]
    found = (i for i, u in enumerate(units[:limit])
             if _dateline_match(u.text, r) and not (i == 0 and _is_given_title(u.text, title)))
    return next(found, None)


def _is_given_title(text: str, title: str | None) -> bool:
    """The first paragraph is the headline the record gives: a headline even when nothing
    follows it (a feed's item with no text) or when it ends like a sentence ("... Co.")."""
    return bool(title) and " ".join(text.split()) == " ".join(title.split())


def segment_article(text: str, title: str | None = None) -> list[Segment]:
    """Label every paragraph of ``text``: title, standfirst, dateline, body, caption, credit,
    boilerplate (see the module docstring for what the spans cover). ``title`` is the headline
    the article's record gives, if any."""
    r = rules()
    units = _units(text, r)
    state = _State(units=units, first_dateline=_first_dateline(units, r, title), seen=set(),
                   title=title)
    segments: list[Segment] = []
    for index, unit in enumerate(units):
        found = _furniture(unit, state, r)
        if found is None and _is_caption(unit.text, r):
            found = _with_credit(unit, "caption", r)
        elif found is None and _is_credit_line(unit.text, r):
            found = _whole(unit, "credit")
        elif found is None:
            state.furniture_run = False
            found = _content(unit, index, state, r)
        segments.extend(found)
    return segments


def find_dateline(text: str, segments: list[Segment]) -> tuple[str, int, int] | None:
    """The place named by the article's dateline ("BAGHDAD, Iraq") and its offsets in ``text``:
    the best hint for where a story without other place names happens."""
    r = rules()
    for segment in segments:
        if segment.kind != "dateline":
            continue
        m = _dateline_match(text[segment.start:segment.end], r)
        if m is not None:
            start, end = segment.start + m.start("place"), segment.start + m.end("place")
            return text[start:end], start, end
    return None


def clean_article(article: Article) -> Article:
    """The stage function: fill ``article.segments`` from its text and hand the article on."""
    article.segments = segment_article(article.text, article.title)
    return article
