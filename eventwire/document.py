"""The working record that flows through the per-article stages.

``Document`` is to eventwire what ``Doc`` is to spaCy: one article plus everything the stages
have found in it so far. Each stage says what it reads and what it fills in:

=========  ============================================  =====================================
stage      reads                                         fills in
=========  ============================================  =====================================
clean      article.text                                  article.segments, dateline
nlp        article.segments                              sentences (parsed where an event can be)
extract    sentences                                     frames, claims, attributions, aggregates
when       frames, sentences, article.published          frame dates, precision, ranges
where      frames, sentences, dateline                   frame places, coordinates, admin names
actors     frames                                        canonical actors, inter codes
mentions   frames                                        mentions (one per event, roles), notes
=========  ============================================  =====================================
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .records import Aggregate, Article, EventFields, Evidence, Mention

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token as SpacyToken

    from .where.gazetteer import Place


@dataclass
class TextSpan:
    """A stretch of article text (offsets into ``Article.text``)."""

    start: int
    end: int
    text: str


@dataclass
class Sentence:
    """One sentence of one segment. ``parsed`` is set only where an event can be (cheap filter)."""

    index: int
    start: int
    end: int
    segment: str
    paragraph: int
    span: "SpacySpan"
    parsed: bool = True
    #: article offset of the spaCy doc's first character (token.idx + base = article offset)
    base: int = 0
    #: the entities, when the nlp stage hands them over: it splits a paragraph's once, where
    #: spaCy's ``Span.ents`` walks every entity of the paragraph for each sentence
    given_ents: tuple["SpacySpan", ...] | None = field(default=None, repr=False)

    # Cached: the extractors ask for a sentence's text and entities hundreds of times, and
    # spaCy rebuilds both from the tokens at every call. Both are final once the nlp stage
    # has made the sentence (it relabels entities before).
    @functools.cached_property
    def text(self) -> str:
        return self.span.text

    @functools.cached_property
    def ents(self) -> tuple["SpacySpan", ...]:
        """The sentence's named entities (spaCy's ``Span.ents``)."""
        return self.given_ents if self.given_ents is not None else tuple(self.span.ents)

    def root_at(self, start: int, end: int) -> "SpacyToken | None":
        """The head token of the text between two article offsets in this sentence (a
        trigger's, say), or None when they cut no tokens."""
        span = self.span.doc.char_span(start - self.base, end - self.base, alignment_mode="expand")
        return span.root if span is not None else None


#: relation of a place named by an area around it ("the Deir ez-Zor desert", "Hama
#: countryside"): a region, so it locates an event but is not one of several towns a report
#: splits into, and a town it names is only near the event
AREA_RELATION = "area"
#: relation of an area written after a place to say where it lies ("Kikara (Douentza, Mopti)",
#: "Bohdanivka, Donetsk"): it names the country and province, and places the event when the
#: place itself is unknown
WITHIN_RELATION = "within"


@dataclass
class PlaceRef:
    """A place named in the text, and what the gazetteer made of it."""

    start: int
    end: int
    text: str
    sentence: int
    place: "Place | None" = None
    #: "in", "at", "near", "outside" ...: how the text ties it to the event
    relation: str | None = None
    #: "western", "northeast", ...: part of a region rather than the region itself
    qualifier: str | None = None
    #: attachment strength to the frame: lower is stronger (0 = inside the target phrase)
    distance: int = 9


@dataclass
class ActorRef:
    """A phrase that names an actor, and the canonical actor it resolves to."""

    start: int
    end: int
    text: str
    name: str | None = None
    inter: int | None = None
    country: str | None = None


@dataclass
class Frame(EventFields):
    """One trigger's reading of an event, before mentions of one event are merged.

    ``weapons`` and ``place_refs`` may hold several values for a compound report ("a drone and
    rockets targeted bases in Iraq and Syria"); merging resolves them against specific reports.
    """

    frame_id: str = ""
    trigger: TextSpan | None = None
    sentence: int = 0
    segment: str = "body"
    event_class: str = "attack"
    weapons: list[str] = field(default_factory=list)
    weapon_count: int | None = None
    place_refs: list[PlaceRef] = field(default_factory=list)
    agent: ActorRef | None = None
    target: ActorRef | None = None
    associates: list[ActorRef] = field(default_factory=list)
    #: others named doing it with the agent ("Hamas and Islamic Jihad fighters attacked"):
    #: ACLED's associated actors of side 1
    agent_associates: list[ActorRef] = field(default_factory=list)
    target_refs: list[ActorRef] = field(default_factory=list)
    target_civilians: bool = False
    #: "Attacks", "several strikes": more than one event is reported here
    plural: bool = False
    #: the plural is of firing ("barrages of gunfire", "volleys"): one event's shots, which
    #: the story's day dates, not a series over a span
    volley: bool = False
    #: the event could not be dated to a day ("has launched several strikes")
    perfect: bool = False
    #: time expression that dated it (offsets), if any
    time_span: TextSpan | None = None
    #: dated only by carrying the previous sentence's date (weaker than its own)
    date_inherited: bool = False
    #: "the attack": names an event told before; joins it rather than founding one
    anaphor: bool = False
    #: "charged with murder": a crime named as a charge, which is the story's crime told before
    #: when it tells one (``mentions.merge_specific``)
    charged: bool = False
    #: "It happened Sunday in Naples": where and when of an event told before, never an event
    #: of its own (``extractors/scenes.py``)
    detail_only: bool = False
    #: "the strikes hit positions near Al-Qaim": more of events told before, by the same hands
    definite: bool = False
    #: the weapon the trigger implies when a state's forces act ("strikes" by an army: airstrikes)
    state_weapon: str | None = None
    #: called deadly or fatal with no toll given: at least one dead
    deadly: bool = False
    #: its target fought back ("the attack was repelled"): a clash, whoever the target
    resisted: bool = False
    #: the target fought back with fire ("the troops returned fire"): a clash
    fired_back: bool = False
    #: people said to be shot or stabbed, their fate untold (injured unless counted as killed)
    shot: int | None = None
    #: its target is territory by its head noun ("seized the village"), not a thing
    territorial_target: bool = False
    #: taken without a fight ("after government forces withdrew", "without resistance"): a
    #: non-violent transfer of territory
    unopposed: bool = False
    #: its sentence tells of a demonstration: rioters there riot as demonstrators
    in_demonstration: bool = False
    #: how a demonstration went: "intervention" or "excessive" (force against protesters)
    protest_outcome: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    #: other frames (ids) this one was merged with, kept for debugging and evaluation
    merged_from: list[str] = field(default_factory=list)

    def add_evidence(self, name: str, span: TextSpan | None) -> None:
        if span is not None and span.text:
            self.evidence.append(Evidence(name, span.start, span.end, span.text))


@dataclass
class Claim:
    """"X claimed (the attack)": who, and which frames (ids) it covers."""

    actor: str
    span: TextSpan
    sentence: int
    frame_ids: list[str] = field(default_factory=list)


@dataclass
class Accusation:
    """"Y blamed/accused X (of the attacks on Z)": attributed actor, accuser, covered frames."""

    actor: str
    by: str | None
    span: TextSpan
    sentence: int
    #: the target the accusation names ("coalition personnel"), if any
    target: str | None = None
    frame_ids: list[str] = field(default_factory=list)


@dataclass
class Document:
    """One article and what the per-article stages found in it (see the module docstring)."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    dateline: TextSpan | None = None
    frames: list[Frame] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    accusations: list[Accusation] = field(default_factory=list)
    aggregates: list[Aggregate] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    #: context the stages share: countries named, the article's reference period, ...
    context: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    #: why the article could not be coded (a stage failed on it), or None
    failed: str | None = None

    def fail(self, stage: str, exc: Exception) -> None:
        """Give up on this article alone: nothing half-coded is kept, and the reason is told."""
        self.decline(f"stage {stage!r} failed ({type(exc).__name__}: {exc})")

    def decline(self, reason: str) -> None:
        """Code nothing from this article (the later stages pass it by), saying why."""
        self.failed = f"not coded: {reason}"
        self.frames, self.mentions, self.aggregates = [], [], []
        self.warnings.append(self.failed)

    @property
    def published(self) -> dt.date | None:
        return self.article.published

    def span(self, start: int, end: int) -> TextSpan:
        return TextSpan(start, end, self.article.text[start:end])

    def trigger_token(self, frame: "Frame") -> "SpacyToken | None":
        """The head token of a frame's trigger, found through its sentence."""
        sentence = next((s for s in self.sentences if s.index == frame.sentence), None)
        if sentence is None or frame.trigger is None:
            return None
        return sentence.root_at(frame.trigger.start, frame.trigger.start + len(frame.trigger.text))

    def frame(self, frame_id: str) -> Frame | None:
        return next((f for f in self.frames if f.frame_id == frame_id), None)
