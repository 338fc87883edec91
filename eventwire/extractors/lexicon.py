"""The event lexicon and taxonomy, loaded once from ``eventwire/data/*.toml``.

Everything the extractor knows about words lives in data: triggers, weapons, cues for
non-events, claim and count vocabulary, ACLED's types and PLOVER codes. This module only turns
that data into fast lookup structures.
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any, Callable, TypeVar

from ..errors import ResourceError
from .word_forms import Prefilter

T = TypeVar("T")


@dataclass(frozen=True)
class TriggerSense:
    """What a trigger word says: its event class, an implied weapon, what it requires."""

    event_class: str
    weapon: str | None = None
    requires: str | None = None
    state_weapon: str | None = None
    #: the class when armed men do it: a crowd occupies a square, troops occupy a town
    armed_class: str | None = None
    #: the class when a weapon does it: police destroy a cache, "warplanes destroyed a depot"
    weapon_class: str | None = None
    #: the word itself says its victims were civilians ("a massacre") when none are named
    civilians: bool = False
    #: the class when it is done to people: "shot down a drone" is an interception, "shot down
    #: a man in the street" an attack
    people_class: str | None = None


def _read_toml(name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(resources.files("eventwire.data").joinpath(name).read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"eventwire/data/{name}", str(exc)) from exc


def _senses(table: dict[str, dict[str, str]]) -> dict[str, TriggerSense]:
    return {word: TriggerSense(spec["class"], spec.get("weapon"), spec.get("requires"),
                               spec.get("state_weapon"), spec.get("armed_class"),
                               spec.get("weapon_class"), bool(spec.get("civilians", False)),
                               spec.get("people_class"))
            for word, spec in table.items()}


@dataclass(frozen=True)
class Lexicon:
    verb_triggers: dict[str, TriggerSense]
    phrasal_triggers: dict[str, TriggerSense]
    #: word -> lemma, where the tagger's lemma is wrong ("raped" -> "rap")
    lemma_fixes: dict[str, str]
    name_norms: dict[str, str]
    #: word -> verb lemma, where a headline's count or age makes a noun a participle ("Four shot")
    headline_participles: dict[str, str]
    noun_triggers: dict[str, TriggerSense]
    #: single-word weapon lemma -> weapon code; phrases handled by ``weapon_phrases``
    weapon_words: dict[str, str]
    #: multi-word weapon phrases (lower case) -> weapon code, longest first
    weapon_phrases: tuple[tuple[str, str], ...]
    casualty_verbs: dict[str, str]
    casualty_nouns: dict[str, str]
    #: verbs, killed markers, injury verbs and single-person pronouns (see lexicon.toml)
    casualty_outcomes: dict[str, frozenset[str]]
    no_casualties: re.Pattern[str]
    #: "an unspecified number of fatalities", and the toll ACLED codes for it
    unknown_casualties: re.Pattern[str]
    unknown_casualty_value: int
    #: protest outcome name -> regular expression (see lexicon.toml [protest_outcomes])
    protest_outcomes: dict[str, re.Pattern[str]]
    cues: dict[str, frozenset[str]]
    claims: dict[str, frozenset[str]]
    statements: dict[str, frozenset[str]]
    aggregates: dict[str, frozenset[str]]
    #: argument head nouns: facility, civilian, armed, actor_anaphors
    heads: dict[str, frozenset[str]]
    #: a cheap check of surface forms: a paragraph it turns down cannot hold an event
    prefilter: Prefilter

    def weapon_of(self, lemma: str) -> str | None:
        return self.weapon_words.get(lemma.lower())

    def hyphenated_words(self) -> list[str]:
        """Single trigger and weapon words with a hyphen ("sit-in"): the tokenizer keeps them
        whole so they match as listed."""
        words = [*self.verb_triggers, *self.noun_triggers, *self.weapon_words]
        return sorted(w for w in words if "-" in w and " " not in w)


@dataclass(frozen=True)
class Taxonomy:
    event_types: dict[str, tuple[str, ...]]
    disorder_types: dict[str, str]
    remote_weapons: dict[str, str]
    remote_weapon_order: tuple[str, ...]
    fixed_classes: dict[str, tuple[str, str]]
    protest_outcomes: dict[str, str]
    territorial_classes: tuple[str, ...]
    plover: dict[str, tuple[str, str]]
    plover_weapon_modes: dict[str, str]

    def event_type_of(self, sub_event_type: str) -> str:
        for event_type, subs in self.event_types.items():
            if sub_event_type in subs:
                return event_type
        valid = ", ".join(s for subs in self.event_types.values() for s in subs)
        raise ResourceError("taxonomy.toml", f"unknown sub-event type {sub_event_type!r} (valid: {valid})")


#: word sets the extractors derive from a lexicon, with the lexicon (so its id is no other's)
_DERIVED: dict[tuple[int, str], tuple[Lexicon, Any]] = {}


def derived(lexicon: Lexicon, name: str, build: Callable[[Lexicon], T]) -> T:
    """``build(lexicon)``, worked out once per lexicon: the extractors' per-token gates ask
    for their word sets for every sentence."""
    entry = _DERIVED.get((id(lexicon), name))
    if entry is None or entry[0] is not lexicon:
        entry = _DERIVED[(id(lexicon), name)] = (lexicon, build(lexicon))
    return entry[1]


def _invert(groups: dict[str, list[str]]) -> dict[str, str]:
    return {word: key for key, words in groups.items() for word in words}


#: the [casualty_outcomes] and [claims] lists whose words can make a paragraph worth parsing
#: ("both victims are in stable condition", "the group claimed responsibility")
FILTER_OUTCOME_LISTS = ("verbs", "killed_markers", "hospital_verbs", "condition_nouns",
                        "suffer_verbs", "wound_nouns", "killing_nouns", "deadly_modifiers",
                        "single_remains")
FILTER_CLAIM_LISTS = ("claim_verbs", "claim_nouns", "accuse_verbs")


#: requirements whose object is itself a filter word: their verb need not be one ("used", in
#: almost every paragraph, is an attack only with a chemical weapon, which the filter finds)
FILTERED_OBJECTS = ("chemical",)


def _filter_words(raw: dict[str, Any]) -> list[str]:
    """The words the nlp stage's paragraph filter looks for (a phrase by its last word): every
    word an event, a casualty figure, a claim or an event's scene can be found by. An event
    noun marked ``whole`` is looked for whole (``_filter_phrases``): "talks" alone is in most
    news, "peace talks" is not."""
    verbs = [w for w, spec in raw["verb_triggers"].items() if spec.get("requires") not in FILTERED_OBJECTS]
    nouns = [w for w, spec in raw["noun_triggers"].items() if not spec.get("whole")]
    words = [*verbs, *nouns, *_invert(raw["weapons"]),
             *raw["statements"]["nouns"], *raw["aggregates"]["counted_nouns"]]
    for groups in (raw["casualty_verbs"], raw["casualty_nouns"]):
        words += [w for ws in groups.values() for w in ws]
    words += [w for name in FILTER_OUTCOME_LISTS for w in raw["casualty_outcomes"][name]]
    words += [w for name in FILTER_CLAIM_LISTS for w in raw["claims"][name]]
    words += raw["cues"]["scene_verbs"]  # "It happened Sunday in Naples" (scenes.py)
    return [w.split()[-1] for w in words]


def _filter_phrases(raw: dict[str, Any]) -> list[str]:
    """The phrases the paragraph filter looks for, their two ends a few words apart: phrasal
    triggers, scene phrases, and the event nouns marked ``whole``, in either order ("peace
    talks", "talks on peace")."""
    nouns = [w for w, spec in raw["noun_triggers"].items() if spec.get("whole")]
    return [*raw["phrasal_triggers"], *raw["cues"]["scene_phrases"], *nouns,
            *(" ".join(reversed(n.split())) for n in nouns)]


@functools.cache
def load_lexicon() -> Lexicon:
    raw = _read_toml("lexicon.toml")
    weapons = _invert(raw["weapons"])
    return Lexicon(
        verb_triggers=_senses(raw["verb_triggers"]),
        phrasal_triggers=_senses(raw["phrasal_triggers"]),
        lemma_fixes=dict(raw["lemma_fixes"]),
        name_norms=dict(raw["name_norms"]),
        headline_participles=dict(raw["headline_participles"]),
        noun_triggers=_senses(raw["noun_triggers"]),
        weapon_words={w: code for w, code in weapons.items() if " " not in w},
        weapon_phrases=tuple(sorted(((w, c) for w, c in weapons.items() if " " in w),
                                    key=lambda x: -len(x[0]))),
        casualty_verbs=_invert(raw["casualty_verbs"]),
        casualty_nouns=_invert(raw["casualty_nouns"]),
        casualty_outcomes={k: frozenset(v) for k, v in raw["casualty_outcomes"].items()},
        protest_outcomes={k: re.compile(v, re.IGNORECASE) for k, v in raw["protest_outcomes"].items()},
        unknown_casualties=re.compile("|".join(raw["unknown_casualties"]["patterns"]), re.IGNORECASE),
        unknown_casualty_value=raw["unknown_casualties"]["value"],
        no_casualties=re.compile("|".join(raw["no_casualties"]["patterns"]), re.IGNORECASE),
        cues={k: frozenset(v) for k, v in raw["cues"].items()},
        claims={k: frozenset(v) for k, v in raw["claims"].items()},
        statements={k: frozenset(v) for k, v in raw["statements"].items()},
        aggregates={k: frozenset(v) for k, v in raw["aggregates"].items()},
        heads={k: frozenset(v) for k, v in raw["heads"].items()},
        prefilter=Prefilter(_filter_words(raw), dict(raw["irregular_forms"]), _filter_phrases(raw)),
    )


@functools.cache
def load_taxonomy() -> Taxonomy:
    raw = _read_toml("taxonomy.toml")
    return Taxonomy(
        event_types={k: tuple(v) for k, v in raw["event_types"].items()},
        disorder_types=dict(raw["disorder_types"]),
        remote_weapons=dict(raw["remote_weapons"]),
        remote_weapon_order=tuple(raw["remote_weapon_order"]["order"]),
        fixed_classes={k: (v[0], v[1]) for k, v in raw["fixed_classes"].items()},
        protest_outcomes=dict(raw["protest_outcomes"]),
        territorial_classes=tuple(raw["territorial_classes"]["classes"]),
        plover={k: (v[0], v[1]) for k, v in raw["plover"].items()},
        plover_weapon_modes=dict(raw["plover_weapon_modes"]),
    )
