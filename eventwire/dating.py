"""Stage "when": give every frame and count statement its date, precision or range.

Reads ``frames``, ``aggregates``, ``sentences``, ``article.published``; fills ``event_date``,
``time_precision``, ``date_range`` and the date evidence. Time expressions themselves are found
and resolved by ``eventwire.when``; this stage decides which expression dates which event:

* an expression inside the noun phrase the trigger heads ("sentenced on Monday for a 2014
  shooting" dates the shooting 2014); else one the parse hangs on the trigger itself; else the
  expression in the frame's own sentence nearest before its trigger (else after it);
* the day of a step of the police or the courts ("was charged Friday", "pleaded guilty on
  Tuesday", "is behind bars Saturday") dates an arrest, not the crime the step is about, and
  is no running date for the sentences after it; a calendar date written right after the
  crime's noun ("for the shooting Aug. 20, 2013") dates the crime;
* the day of what followed an event ("remained in critical condition Monday", "were searching
  for two men Wednesday", ``aftermath_verbs``) dates none and moves no running date, unless it
  hangs on the event's own word or comes after its noun in a sentence about the aftermath
  ("remembered Monday after his shooting death Friday");
* a body sentence without one carries the last day-precise date of the story so far ("And in
  northeast Syria, rockets were fired ..." after "... on Monday"); captions carry only their own
  dates, titles none (the merge with the lede dates them);
* an undated event reported in the perfect ("has launched several strikes") or in the plural
  gets a range: from the article's "since ..." period, if it has one, to publication;
* an event dated after publication has not happened: it is dropped.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING

from .document import Document, Frame, Sentence, TextSpan
from .extractors.lexicon import load_lexicon
from .when import TimeExpression, find_time_expressions

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

#: a bare four-digit year, and how the parse may hang one on an event noun ("a 2014 shooting")
YEAR = re.compile(r"(?:19|20)\d\d")
YEAR_MODIFIER_DEPS = ("nummod", "compound", "amod", "npadvmod", "nmod", "poss")
#: how far up the parse a trigger looks for the event noun a clause about it hangs on
EVENT_NOUN_STEPS = 4
#: ACLED precision of an event known only to a range
RANGE_PRECISION = 3
#: days an event may lie after publication (time zones) before it counts as future
FUTURE_TOLERANCE_DAYS = 1
#: days back an undated "has launched strikes" reaches when the article gives no period
DEFAULT_LOOKBACK_DAYS = 30
#: links a time expression hangs by on the word it dates ("said *on* Monday", "*Friday* night")
HEAD_LINKS = ("pobj", "prep", "npadvmod", "tmod", "nmod", "compound", "advmod")
#: "found guilty on Thursday": a verdict's day
VERDICT_WORDS = ("guilty", "liable")
#: how far before a time expression a page's stamp word ("Posted:") is looked for
STAMP_REACH = 20
#: frame classes a court's or the police's day dates: the step itself
COURT_STEP_CLASSES = ("arrest",)
#: links by which a proceeding is the subject of the verb a day hangs on
COURT_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _sets_story_date(expr: TimeExpression) -> bool:
    """A day-precise date the story moves to; "10 days after the war broke out" dates the war,
    not the sentence, so it does not."""
    if expr.date is None or expr.precision != 1 or expr.kind == "period":
        return False
    return not expr.text.rstrip().lower().endswith(("after", "before"))


def _expression_head(expr: TimeExpression, sentence: Sentence, *,
                     past_nouns: bool = True) -> "Token | None":
    """The word a time expression modifies, past the prepositions and modifiers it hangs by;
    with ``past_nouns`` False, the first noun on the way ("the trial on Monday", "the November
    25 shooting") is that word."""
    span = sentence.span.doc.char_span(sentence.start - sentence.base + expr.start,
                                       sentence.start - sentence.base + expr.end,
                                       alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    while head.dep_ in HEAD_LINKS and head.head != head:
        head = head.head
        if not past_nouns and head.pos_ in ("NOUN", "PROPN"):
            break
    return head


def _report_date(head: "Token | None") -> bool:
    """"..., the Pentagon said on Monday": the day something was said, not when it happened;
    so is the day facts were made public ("a police report released Monday")."""
    if head is None:
        return False
    cues = load_lexicon().cues
    lemma = head.lemma_.lower()
    if lemma in cues["speech_verbs"]:
        return True
    if lemma not in cues["release_verbs"]:
        return False
    released = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if head.dep_ == "acl":
        released.append(head.head)  # "lab results released Wednesday"
    return any(t.lower_ in cues["information_nouns"] for t in released)


def _court_date(head: "Token | None") -> bool:
    """"was charged Friday", "pleaded guilty on Tuesday", "an indictment unsealed today",
    "the hearing was postponed Monday", "was back in court Thursday", "entered the plea
    Wednesday", "learned his fate Friday during a sentencing hearing", "was ordered Wednesday
    to stand trial": the day of a step of the police or the courts, which dates an arrest but
    not the crime."""
    if head is None:
        return False
    cues = load_lexicon().cues
    if head.lemma_.lower() in cues["court_verbs"] or head.lemma_.lower() in cues["court_nouns"]:
        return True
    if head.dep_ in ("acl", "relcl") and head.head.lemma_.lower() in cues["court_nouns"]:
        return True
    if head.lemma_.lower() == "find" and any(c.lower_ in VERDICT_WORDS for c in head.children):
        return True
    if any(s.dep_ in COURT_SUBJECT_DEPS and s.lemma_.lower() in cues["court_proceedings"]
           for s in head.children):
        return True  # "an indictment was unsealed Wednesday", "had their hearing waived Tuesday"
    verbs = [head] + [c for c in head.children if c.dep_ == "xcomp"]  # "ordered to stand trial"
    objects = [c for v in verbs for c in v.children if c.dep_ in ("dobj", "attr")]
    # "appeared in court Monday"; "was back in a courtroom Thursday"
    preps = [p for c in head.children if c.dep_ == "advmod" for p in c.children] \
        + [c for v in verbs for c in v.children]
    objects += [o for p in preps if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return any(o.lemma_.lower() in cues["court_nouns"] or f"{o.head.lower_} {o.lower_}" in cues["court_phrases"]
               for o in objects)


def _aftermath(head: "Token", verbs: list[str]) -> bool:
    """"remembered", "continued to investigate": a verb of what followed an event (the verb,
    or the verb it goes on with); "released from the hospital": a release of the wounded, not
    of hostages (whose release is an event)."""
    return head.lemma_.lower() in verbs or any(
        c.dep_ == "xcomp" and c.lemma_.lower() in verbs for c in head.children) or _released_after(head)


def _released_after(head: "Token") -> bool:
    """Released from care ("from the hospital", ``aftermath_released_from``)."""
    cues = load_lexicon().cues
    if head.lemma_.lower() not in cues["aftermath_release_verbs"]:
        return False
    left = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "from"
            for o in p.children if o.dep_ == "pobj"]
    return any(t.lemma_.lower() in cues["aftermath_released_from"] for t in left)


def _aftermath_day(head: "Token | None") -> bool:
    """"the girl remained in critical condition Monday morning", "police were searching for
    two men Wednesday": the day of what followed an event, which dates no event (an event's
    own word keeps its day: ``_aftermath_kept``)."""
    return head is not None and head.pos_ in ("VERB", "AUX") \
        and _aftermath(head, load_lexicon().cues["aftermath_verbs"])


def _aftermath_kept(days: list[tuple[TimeExpression, int]], root: "Token",
                   trigger_end: int) -> list[TimeExpression]:
    """The days of an aftermath that date the event after all: one hung on the event's own
    word ("recovered 14 rockets on Monday"), and one written after the event's noun in a
    sentence about its aftermath ("remembered Monday ... after his shooting death Friday")."""
    after_noun = _told_in_aftermath(root)
    return [e for e, head in days if head == root.i or (after_noun and e.start >= trigger_end)]


def _told_in_aftermath(root: "Token") -> bool:
    """An event noun that a verb of its aftermath acts on ("on Friday continued to investigate
    the shooting", "remembered Monday after his shooting death"): a day before the noun is
    the aftermath's; one after it may be the event's ("... a shooting that happened late
    Saturday, January 9th")."""
    return root.pos_ == "NOUN" and _aftermath(_governing_verb(root), load_lexicon().cues["aftermath_verbs"])


def _governing_verb(noun: "Token") -> "Token":
    """The verb an event noun is the object of, past prepositions and the nouns it modifies
    ("investigate the shooting", "remembered after his shooting death"); the noun itself when
    it hangs on none."""
    node = noun
    while node.dep_ in ("dobj", "pobj", "prep", "compound") and node.head != node:
        node = node.head
    return node if node.pos_ in ("VERB", "AUX") else noun


@dataclass
class SentenceDates:
    """A sentence's time expressions, by what they can date."""

    every: list[TimeExpression]  # a statement's date is the day it was said
    steps: list[TimeExpression]  # report dates left out: an arrest's or a charge's day stays
    events: list[TimeExpression]  # court and police steps' days left out too: a crime's date
    #: the word each court or police step's day hangs on, by the expression's start
    court_heads: dict[int, int] = field(default_factory=dict)
    #: days of what followed an event ("remained in critical condition Monday"), each with
    #: the index of the word it hangs on
    aftermath: list[tuple[TimeExpression, int]] = field(default_factory=list)

    def for_event(self, trigger_root: "Token | None") -> list[TimeExpression]:
        """An event's dates: a court step's day too when it hangs on the event's own word
        ("gunmen attacked a court on Monday" is no court step)."""
        if trigger_root is None or trigger_root.i not in self.court_heads.values():
            return self.events
        return [e for e in self.steps
                if e.start not in self.court_heads or self.court_heads[e.start] == trigger_root.i]


@cache
def _stamp_pattern() -> re.Pattern[str]:
    """A stamp word right before a date: "Posted: ", "(Published ", "Last updated on ",
    "UPDATE ("; or an embedded post's signature: "— Ken Lemon (@kenlemon) October 31, 2016"."""
    words = "|".join(map(re.escape, sorted(load_lexicon().cues["stamp_words"])))
    return re.compile(rf"(?:\b(?:{words})(?:\s+on)?\s*[:\-–—(]?|\(@\w+\))\s*$", re.IGNORECASE)


def _stamped(text: str, expr: TimeExpression) -> bool:
    """A page's date stamp: "Posted: Friday, ...", "(Published Monday, ...)", or the date a
    post quoted in the page was sent."""
    return _stamp_pattern().search(text[max(0, expr.start - STAMP_REACH):expr.start]) is not None


def _sentence_dates(sentence: Sentence, published: dt.date | None,
                    anchor: dt.date | None) -> SentenceDates:
    every = [e for e in find_time_expressions(sentence.text, published, anchor=anchor)
             if not _stamped(sentence.text, e)]
    if not sentence.parsed:
        return SentenceDates(every, every, every)
    told = [(e, _expression_head(e, sentence)) for e in every]
    aftermath = [(e, head.i) for e, head in told if _aftermath_day(head)]
    after = {e.start for e, _ in aftermath}
    steps = [e for e, head in told if not _report_date(head) and e.start not in after]
    heads = {e.start: _expression_head(e, sentence, past_nouns=False) for e in steps}
    court = {start: head.i for start, head in heads.items() if head is not None and _court_date(head)}
    return SentenceDates(every, steps, [e for e in steps if e.start not in court], court, aftermath)


def _expressions(document: Document) -> dict[int, SentenceDates]:
    """Time expressions per sentence, anchored to the story's running date, which only the
    days of events move ("was arrested Friday" does not date the next sentence's shooting)."""
    found: dict[int, SentenceDates] = {}
    running: dt.date | None = None
    for sentence in document.sentences:
        anchor = running if sentence.segment == "body" else None
        dates = found[sentence.index] = _sentence_dates(sentence, document.published, anchor)
        if sentence.segment == "body":
            days = [e.date for e in dates.events if _sets_story_date(e)]
            running = days[-1] if days else running
    return found


def _in_trigger_phrase(usable: list[TimeExpression], sentence: Sentence, trigger: TextSpan,
                       published: dt.date | None) -> TimeExpression | None:
    """An expression before the event noun, in its phrase ("a 2014 shooting", "the May 25
    attack", "Sunday's raid"), or before the event noun a clause about it hangs on ("a 2014
    shooting that left four men injured"): it dates that event whatever else the sentence says
    ("was sentenced on Monday for a 2014 shooting"). What follows the noun is left alone: a
    protest "demanding the release of a man arrested on 20 November" is not dated so."""
    offset = sentence.start - sentence.base
    root = sentence.root_at(trigger.start, trigger.end)
    for noun in _event_nouns(root) if root is not None else ():
        left, right = noun.left_edge.idx - offset, noun.idx - offset
        inside = [e for e in usable if e.start >= left and e.end <= right]
        found = inside[0] if inside else _year_modifier(noun, offset, published) \
            or _in_own_clause(usable, sentence, noun)
        if found is not None:
            return found
    return None


def _in_own_clause(usable: list[TimeExpression], sentence: Sentence, noun: "Token") -> TimeExpression | None:
    """"a drone attack that killed three soldiers in Jordan last weekend": a clause whose
    subject is the event itself ("that", "which") tells its day."""
    clauses = [c for c in noun.children if c.dep_ == "relcl" and any(
        s.dep_ == "nsubj" and s.tag_ in ("WDT", "WP") for s in c.children)]
    return next((e for e in usable if _expression_head(e, sentence) in clauses), None)


def _event_nouns(token: "Token") -> list["Token"]:
    """The trigger if it is a noun, then the nouns above it up to the sentence's main verb
    ("injured" in "a 2014 shooting that left four men injured": "men", then "shooting")."""
    nouns = []
    for node in [token, *list(token.ancestors)[:EVENT_NOUN_STEPS]]:
        if node.dep_ == "ROOT":
            break
        if node.pos_ in ("NOUN", "PROPN"):
            nouns.append(node)
    return nouns


def _year_modifier(noun: "Token", offset: int, published: dt.date | None) -> TimeExpression | None:
    """"a 2014 shooting": a bare year the parse hangs on the event noun is that year (a bare
    number is no date elsewhere: "a crowd of 2000")."""
    for child in noun.lefts:
        if YEAR.fullmatch(child.text) and child.dep_ in YEAR_MODIFIER_DEPS:
            found = find_time_expressions(f"in {child.text}", published)
            if found and found[0].date_range:
                start = child.idx - offset
                return replace(found[0], start=start, end=start + len(child.text), text=child.text)
    return None


#: links by which a crime noun hangs on the verb of an arrest or a charge
CRIME_LINKS = ("pobj", "prep", "pcomp", "compound", "amod", "nmod", "poss")


def _crime_charged(noun: "Token") -> bool:
    """"took Thomas into custody on Wednesday in connection with Munn's murder": the murder is
    what the arrest is for, and the sentence's day is the arrest's."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    node = noun
    while node.dep_ in CRIME_LINKS and node.head != node:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
    cues = load_lexicon().cues
    return node.pos_ in ("VERB", "AUX") and node is not noun and (
        node.lemma_.lower() in cues["judicial_verbs"]
        or any(o.lemma_.lower() in cues["judicial_nouns"] for p in node.children
               if p.dep_ == "prep" for o in p.children))


def _after_event_noun(usable: list[TimeExpression], sentence: Sentence, root: "Token") -> TimeExpression | None:
    """"was remembered Monday ... after his accidental shooting death Friday": a day the parse
    hangs on the event's noun, or on the noun it modifies ("death"), is that event's, not the
    day of the verb the noun hangs on (a day written before the noun was read already:
    ``_in_trigger_phrase``)."""
    nouns = _event_nouns(root)
    return next((e for e in usable if _expression_head(e, sentence, past_nouns=False) in nouns), None)


#: what may stand between an event noun and the date written right after it
NOUN_DATE_GAP = re.compile(r"[\s,]*")


def _right_after(usable: list[TimeExpression], sentence: Sentence, noun: "Token") -> TimeExpression | None:
    """"pleaded guilty Monday for the shooting Aug. 20, 2013": a calendar date written right
    after the crime's noun is the crime's, whatever the parse hangs it on. A weekday there is
    left alone: "arrested in the shooting Tuesday" is as often the arrest's day."""
    end = noun.idx + len(noun.text) - (sentence.start - sentence.base)
    return next((e for e in usable if e.start >= end and e.kind == "absolute"
                 and NOUN_DATE_GAP.fullmatch(sentence.text[end:e.start])), None)


def _told_with_the_crime(usable: list[TimeExpression], sentence: Sentence,
                         noun: "Token") -> TimeExpression | None:
    """"charged with six counts of criminal homicide in the March 9 cookout": a calendar date
    in what the crime's noun goes on to say dates the crime."""
    offset = sentence.start - sentence.base
    start, end = noun.idx - offset, noun.right_edge.idx + len(noun.right_edge.text) - offset
    return next((e for e in usable if e.kind == "absolute" and start <= e.start and e.end <= end), None)


def _pick(exprs: list[TimeExpression], sentence: Sentence, trigger: TextSpan,
          published: dt.date | None) -> TimeExpression | None:
    usable = [e for e in exprs if e.kind != "period" and (e.date or e.date_range)]
    if sentence.parsed:
        own = _in_trigger_phrase(usable, sentence, trigger, published)
        if own is not None:
            return own
        root = sentence.root_at(trigger.start, trigger.end)
        if root is not None and _crime_charged(root):
            return _right_after(usable, sentence, root) or _told_with_the_crime(usable, sentence, root)
        if root is not None and _told_in_aftermath(root):
            usable = [e for e in usable if e.start >= trigger.end - sentence.start]
        # "blanketed a neighborhood Wednesday and found a gun used to shoot a boy Tuesday
        # night": Tuesday hangs on "shoot", so it dates the shooting
        on_trigger = next((e for e in usable if _expression_head(e, sentence) == root), None) \
            if root is not None else None
        if on_trigger is not None:
            return on_trigger
        on_noun = _after_event_noun(usable, sentence, root) if root is not None else None
        if on_noun is not None:
            return on_noun
    if not usable:
        return None
    at = trigger.start - sentence.start
    before = [e for e in usable if e.start <= at]
    return before[-1] if before else min(usable, key=lambda e: e.start - at)


def _period_start(document: Document, exprs: dict[int, list[TimeExpression]]) -> dt.date | None:
    starts = [e.date_range[0] for es in exprs.values() for e in es
              if e.kind == "period" and e.date_range]
    return min(starts) if starts else None


def _set_from_expression(frame: Frame, expr: TimeExpression, sentence: Sentence) -> None:
    frame.event_date = expr.date
    frame.date_range = expr.date_range if expr.date is None else None
    frame.time_precision = expr.precision
    frame.time_span = TextSpan(sentence.start + expr.start, sentence.start + expr.end, expr.text)
    frame.add_evidence("event_date", frame.time_span)


class Dater:
    def __init__(self, document: Document):
        self.document = document
        self.dates = _expressions(document)
        self.exprs = {index: dates.events for index, dates in self.dates.items()}
        self.period_start = _period_start(document, self.exprs)

    def running_date(self, before: int) -> tuple[dt.date | None, TimeExpression | None, int]:
        """The last day-precise date before sentence ``before`` in a body sentence that may
        tell an event. One the prefilter left unparsed tells none ("pleaded not guilty during
        his arraignment Monday"), and without its parse a court's or a speaker's day cannot
        be told from an event's: its day dates no sentence after it."""
        for sentence in reversed(self.document.sentences[:before]):
            if sentence.segment != "body" or not sentence.parsed:
                continue
            days = [e for e in self.exprs[sentence.index] if _sets_story_date(e)]
            if days:
                return days[-1].date, days[-1], sentence.index
        return None, None, -1

    def date_frame(self, frame: Frame) -> None:
        sentence = self.document.sentences[frame.sentence]
        expr = (_pick(self._pool(frame), sentence, frame.trigger, self.document.published)
                if frame.trigger else None)
        if expr is not None:
            _set_from_expression(frame, expr, sentence)
        elif frame.perfect or (frame.plural and not frame.volley and sentence.segment == "body"):
            self._range(frame, self.exprs[sentence.index])
        elif sentence.segment == "body":
            day, source, index = self.running_date(sentence.index)
            if day is not None and source is not None:
                frame.event_date, frame.time_precision = day, source.precision
                frame.date_inherited = True
                origin = self.document.sentences[index]
                frame.add_evidence("event_date", TextSpan(origin.start + source.start,
                                                          origin.start + source.end, source.text))

    def _pool(self, frame: Frame) -> list[TimeExpression]:
        dates = self.dates[frame.sentence]
        if frame.event_class == "statement":
            return dates.every
        if frame.event_class in COURT_STEP_CLASSES:
            return dates.steps
        sentence = self.document.sentences[frame.sentence]
        root = sentence.root_at(frame.trigger.start, frame.trigger.end) \
            if frame.trigger and sentence.parsed else None
        events = dates.for_event(root)
        if root is not None and dates.aftermath:
            kept = _aftermath_kept(dates.aftermath, root, frame.trigger.end - sentence.start)
            events = sorted(events + kept, key=lambda e: e.start)
        return events

    def _range(self, frame: Frame, own: list[TimeExpression]) -> None:
        """From the sentence's own "since ..." if it has one, else the article's."""
        end = self.document.published
        if end is None:
            return
        periods = [e.date_range[0] for e in own if e.kind == "period" and e.date_range]
        start = (periods[0] if periods else self.period_start) or end - dt.timedelta(days=DEFAULT_LOOKBACK_DAYS)
        frame.event_date, frame.date_range = None, (start, end)
        frame.time_precision = RANGE_PRECISION

    def is_future(self, frame: Frame) -> bool:
        published = self.document.published
        if published is None or frame.event_date is None:
            return False
        return frame.event_date > published + dt.timedelta(days=FUTURE_TOLERANCE_DAYS)

    def date_aggregates(self) -> None:
        sentences = self.document.context.get("aggregate_sentences", {})
        for agg in self.document.aggregates:
            index = sentences.get(agg.aggregate_id)
            if index is None:
                continue
            exprs = self.exprs[index]
            period = next((e for e in exprs if e.kind == "period" and e.date_range), None)
            day = next((e for e in exprs if e.date and e.precision == 1), None)
            if period:
                agg.period = period.date_range
            elif day:
                agg.period = (day.date, day.date)


def date_document(document: Document) -> Document:
    dater = Dater(document)
    for frame in document.frames:
        dater.date_frame(frame)
    dropped = [f for f in document.frames if dater.is_future(f)]
    if dropped:
        document.context.setdefault("dropped", []).extend(
            (f.trigger.text if f.trigger else "", "dated after publication", f.sentence) for f in dropped)
        document.frames = [f for f in document.frames if f not in dropped]
    dater.date_aggregates()
    if document.published is None and document.frames:
        document.warnings.append("publication date unknown: relative dates left unresolved")
    return document
