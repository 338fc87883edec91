"""Actors: alias tables, canonical ACLED-style names and ACLED inter codes.

Reports name one armed group a dozen ways ("Kataib Hezbollah", "Kataeb Hezbollah", "Kata'ib
Hizballah", "KH"), name state forces by nouns or buildings ("Israeli troops", "the Pentagon") and
leave perpetrators unnamed ("gunmen"). Analysts count by one name per actor, ACLED's. This module
maps every spelling to that name and its ACLED inter code, from three data files in
``eventwire/data/``:

    actors.csv        named actors: name, inter, country, kind, parent, aliases ("|"-separated)
    demonyms.csv      demonyms and other country-name forms -> ACLED country name
    actor_nouns.toml  generic nouns ("troops", "gunmen", "villagers") and the families of ACLED's
                      templated names ("Civilians (Syria)", "Fulani Ethnic Militia (Nigeria)")

Conventions:

* Canonical names are ACLED's without the government-period suffix: "Military Forces of Israel",
  not "Military Forces of Israel (2022-)". The suffix is dropped before every lookup, so ACLED's
  own names resolve whatever the period.
* UCDP's "Government of X" means the state's side in a conflict, so it is an alias of Military
  Forces of X; ACLED's "Government of X" is the civilian government, a row of its own. A name
  wins over an alias in ``lookup``; ``same`` accepts either reading.
* An alias that names several actors ("SNA": the Syrian National Army and the Somali National
  Army) resolves to the earlier row of actors.csv unless the story's country picks another.
* All-capital acronyms of up to four letters, and aliases that are English words in lower case
  ("LeT", "Hashed"), match only in their exact case: "IS" is the Islamic State, "is" is a verb.
* ``parent`` links true sub-units to their organisation (Islamic State (Iraq) -> Islamic State,
  the IRGC -> Military Forces of Iran). Umbrella claim labels such as the Islamic Resistance in
  Iraq are not parents of the groups that use them.
* Peshmerga are "Peshmerga (Kurdistan Regional Government)", inter 1, with ACLED's possible
  suffixed forms as aliases; Hamas's Qassam Brigades and Islamic Jihad's al-Quds Brigades are
  aliases of the movements, as ACLED codes them.
"""
from __future__ import annotations

import csv
import functools
import io
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any, Iterable, Iterator, Mapping, Sequence

from .errors import InputError, ResourceError
from .where.gazetteer import normalise_name

#: ACLED's inter codes (the numeric scheme of its 2023 data)
INTER_CODES = {1: "State forces", 2: "Rebel groups", 3: "Political militias",
               4: "Identity militias", 5: "Rioters", 6: "Protesters", 7: "Civilians",
               8: "External/Other forces"}
#: ACLED codes a state's forces acting outside their own country as external forces
EXTERNAL_INTER = 8
#: what an actor is, finer than its inter code
KINDS = frozenset({
    "state_forces", "police", "government", "rebel", "political_militia", "identity_militia",
    "pro_government_militia", "political_party", "civil_society", "coalition", "external",
    "private_security", "protesters", "rioters", "civilians", "occupational_group",
    "identity_group"})
#: kinds of a state's own actors (external forces when they act abroad)
STATE_KINDS = frozenset({"state_forces", "police", "government"})
#: entity label of actor names in the spaCy pipeline
ACTOR_LABEL = "ACTOR"
#: aliases shorter than this are never turned into entity-ruler patterns
MIN_PATTERN_CHARS = 2
#: all-capital acronyms of at most this many letters match only in exact case ("IS", "KIA")
ACRONYM_MAX_LETTERS = 4
#: aliases (comparison form) that are also ordinary English: matched only in exact case
EXACT_CASE_WORDS = frozenset({
    "hashed", "let", "cobra", "levies", "lions den", "den of lions", "quick response group",
    "number 10", "pdfs"})
#: the longest demonym, country or group name read before a generic noun, in words
MAX_PREFIX_WORDS = 6
#: the longest sub-phrase ``resolve`` reads as a generic actor ("at least 20 Israeli soldiers")
MAX_GENERIC_SPAN = 6

_DATA = "eventwire/data/"
_PERIOD = re.compile(r"\s*\(\d{4}\s*-\s*(?:\d{4})?\)")
_TRAILING_PARENS = re.compile(r"\s*\(([^()]*)\)$")
_LEADING_THE = re.compile(r"^the\s+", re.I)
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s\b|(?<=s)['\u2019](?=\s|$)")
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc\u02bb\u02be\u02bf`\u00b4']")
_WORD = re.compile(r"[0-9A-Za-z]+")
_SPACES = re.compile(r"\s+")
_SLOTS = {"{the_country}": r"(?:the\s+)?(?P<country>[^()]+?)",
          "{country}": r"(?P<country>[^()]+?)", "{group}": r"(?P<group>[^()]+?)"}
_HYPHENS = ["-", "\u2013", "\u2014"]


@dataclass(frozen=True)
class Actor:
    """One canonical actor: ACLED name, inter code, home country (None if transnational)."""

    name: str
    inter: int
    country: str | None
    kind: str
    parent: str | None = None


def _undot(text: str) -> str:
    """"U.S." -> "US": dotted and plain abbreviations meet."""
    return _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)


def name_key(text: str) -> str:
    """Comparison form of an actor name: "the U.S.-led Coalition" -> "the us led coalition"."""
    return normalise_name(_undot(text))


def _tokens(text: str) -> list[str]:
    """Words of ``text`` in comparison form but with their case kept (for exact-case aliases)."""
    text = unicodedata.normalize("NFKD", _undot(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _WORD.findall(_APOSTROPHES.sub("", text))


def _exact_case(alias: str) -> bool:
    """Whether ``alias`` may match only as written (short acronyms, ordinary English words)."""
    letters = alias.replace(".", "")
    return (letters.isupper() and len(letters) <= ACRONYM_MAX_LETTERS) \
        or name_key(alias) in EXACT_CASE_WORDS


def _phrases(words: Iterable[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(name_key(w).split()) for w in words)


def _skip(tokens: list[str], phrases: frozenset[tuple[str, ...]],
          digits: bool = False, once: bool = False) -> list[str]:
    """``tokens`` without the leading words that are in ``phrases`` (and digits, if asked);
    with ``once``, without the first such phrase only ("unidentified armed men" -> "armed
    men", which names gunmen, where "men" alone names civilians)."""
    while tokens:
        if digits and tokens[0].isdigit():
            tokens = tokens[1:]
            continue
        size = max((len(p) for p in phrases if tuple(tokens[:len(p)]) == p), default=0)
        if not size:
            break
        tokens = tokens[size:]
        if once:
            break
    return tokens


@dataclass(frozen=True)
class _Family:
    """A family of templated ACLED names and the generic nouns that name its members."""

    key: str
    template: str
    inter: int
    kind: str
    pattern: re.Pattern[str]
    nouns: frozenset[str] = frozenset()
    demonym_nouns: frozenset[str] = frozenset()
    groups: Mapping[str, str] | None = None
    fixed_country: str | None = None
    in_table: bool = False
    parent: str | None = None
    default_country: str | None = None

    def fill(self, country: str | None, group: str | None, with_the: bool) -> str | None:
        """The family's name for a country (and group); None when the template needs more."""
        template = self.template
        if "{group}" in template and not group:
            return None
        if country is None:  # "troops" in a story with no country: state forces all the same
            template = template.replace(" ({country})", "").replace(" of {the_country}", "")
        the_country = f"the {country}" if with_the else country
        return template.format(country=country, the_country=the_country, group=group)


def _family(spec: Mapping[str, Any]) -> _Family:
    where = f"{_DATA}actor_nouns.toml: family {spec.get('key')!r}"
    if not {"key", "template", "inter", "kind"} <= spec.keys():
        raise ResourceError(where, "needs key, template, inter and kind")
    if spec["inter"] not in INTER_CODES or spec["kind"] not in KINDS:
        raise ResourceError(where, f"inter {spec['inter']!r} or kind {spec['kind']!r} is unknown")
    parts = re.split(r"(\{\w+\})", spec["template"])
    pattern = re.compile("".join(_SLOTS.get(p, re.escape(p)) for p in parts), re.I)
    groups = {name_key(g): g for g in spec.get("groups", [])}
    return _Family(spec["key"], spec["template"], int(spec["inter"]), spec["kind"], pattern,
                   frozenset(name_key(n) for n in spec.get("nouns", [])),
                   frozenset(name_key(n) for n in spec.get("demonym_nouns", [])),
                   groups or None, spec.get("fixed_country"), bool(spec.get("in_table")),
                   spec.get("parent"), spec.get("default_country"))


class ActorTable:
    """Every known actor with its aliases, plus the rules for generic noun phrases."""

    def __init__(self, rows: Iterable[tuple[Actor, Sequence[str]]], demonyms: Mapping[str, str],
                 nouns: Mapping[str, Any]):
        self._with_the = frozenset(nouns.get("countries_with_the", []))
        self._pseudo = frozenset(nouns.get("pseudo_countries", []))
        self._countries = self._country_index(demonyms)
        self._actors: dict[str, Actor] = {}
        self._aliases: dict[str, tuple[str, ...]] = {}
        for actor, aliases in rows:
            self._add(actor, tuple(aliases))
        self._by_key: dict[str, list[str]] = {}
        self._by_exact: dict[str, list[str]] = {}
        self._index_names()
        self._families = [_family(spec) for spec in nouns.get("families", [])]
        self._index_nouns(nouns)

    # ------------------------------------------------------------------ building
    def _country_index(self, demonyms: Mapping[str, str]) -> dict[str, str]:
        index = {name_key(c): c for c in (*demonyms.values(), *self._pseudo)}
        for form, country in demonyms.items():
            index.setdefault(name_key(form), country)
        return index

    def _add(self, actor: Actor, aliases: tuple[str, ...]) -> None:
        where = f"{_DATA}actors.csv: {actor.name!r}"
        if actor.name in self._actors:
            raise ResourceError(where, "listed twice")
        if actor.inter not in INTER_CODES:
            raise ResourceError(where, f"inter {actor.inter} is not an ACLED inter code (1-8)")
        if actor.kind not in KINDS:
            raise ResourceError(where, f"kind {actor.kind!r} is not one of {sorted(KINDS)}")
        if actor.country and self.country(actor.country) != actor.country:
            raise ResourceError(where, f"country {actor.country!r} is not an ACLED country name")
        self._actors[actor.name] = actor
        self._aliases[actor.name] = aliases

    def _index_names(self) -> None:
        """Names first, then aliases in row order: earlier entries win ambiguous lookups."""
        for actor in self._actors.values():
            if actor.parent and actor.parent not in self._actors:
                raise ResourceError(f"{_DATA}actors.csv: {actor.name!r}",
                                    f"parent {actor.parent!r} is not a listed actor")
            self._register(actor.name, actor.name)
        for name, aliases in self._aliases.items():
            for alias in aliases:
                self._register(alias, name)

    def _register(self, text: str, name: str) -> None:
        if _exact_case(text):
            names = self._by_exact.setdefault(" ".join(_tokens(text)), [])
        else:
            names = self._by_key.setdefault(name_key(text), [])
        if name not in names:
            names.append(name)

    def _index_nouns(self, nouns: Mapping[str, Any]) -> None:
        self._nouns: dict[str, list[tuple[_Family, bool]]] = {}
        for family in self._families:
            for noun in family.nouns:
                self._nouns.setdefault(noun, []).append((family, False))
            for noun in family.demonym_nouns:
                self._nouns.setdefault(noun, []).append((family, True))
        self._government = self._family_named("government")
        self._group_words = {g: f for f in reversed(self._families) if f.groups and f.nouns
                             for g in f.groups}
        self._capitals = {name_key(k): v for k, v in nouns.get("capitals", {}).items()}
        self._regional = {name_key(r["adjective"]): r for r in nouns.get("regional", [])}
        self._leading = _phrases(nouns.get("leading_words", []))
        self._modifiers = _phrases(nouns.get("modifiers", []))
        self._longest = max((len(k.split()) for k in (*self._by_key, *self._by_exact)), default=1)

    def _family_named(self, key: str) -> _Family:
        for family in self._families:
            if family.key == key:
                return family
        raise ResourceError(f"{_DATA}actor_nouns.toml", f"no family {key!r}")

    # ------------------------------------------------------------------ public API
    def country(self, name: str) -> str | None:
        """ACLED country name for a country name, other name or demonym ("Iraqi", "DRC"), with
        or without its article ("the United States")."""
        key = name_key(name)
        return self._countries.get(key) or self._countries.get(_LEADING_THE.sub("", key))

    def lookup(self, text: str) -> Actor | None:
        """The actor a name or alias denotes (exact match after normalisation), or None."""
        found = self._candidates(text)
        return found[0] if found else None

    def generic(self, text: str, country: str | None = None) -> Actor | None:
        """The actor a generic noun phrase denotes: "Israeli forces" -> Military Forces of
        Israel; "gunmen" in a Nigerian story -> Unidentified Armed Group (Nigeria)."""
        tokens = _skip(name_key(_POSSESSIVE.sub("", text)).split(), self._leading, digits=True)
        home = self.country(country) if country else None
        while tokens:
            actor = self._read_phrase(tokens, home)
            if actor is not None:
                return actor
            rest = _skip(tokens, self._modifiers, once=True)
            if len(rest) == len(tokens):
                return None
            tokens = rest
        return None

    def resolve(self, text: str, country: str | None = None) -> Actor | None:
        """Best reading of an actor phrase: a name or alias, then a generic phrase, then the
        longest name, alias or generic phrase inside it ("fighters of Kataib Hezbollah").
        ``country`` is the story's country: it picks among same-named actors and names
        the owners of generic nouns."""
        home = self.country(country) if country else None
        found = self._candidates(text)
        generic = self.generic(text, home)
        if not found:
            return generic or self._contained(text, home)
        preferred = self._prefer(found, home)
        if generic and home and preferred.kind in STATE_KINDS and preferred.country != home:
            return generic  # "regime forces" in a Myanmar story are Myanmar's, not Syria's
        return preferred

    def same(self, a: str, b: str) -> bool:
        """Whether two names denote one actor (through aliases, readings of an ambiguous name,
        or one being a sub-unit of the other): for scoring against ACLED and UCDP gold."""
        ours, theirs = self._identities(a), self._identities(b)
        return bool(ours & self._lineage(theirs)) or bool(theirs & self._lineage(ours))

    def canonical(self, name: str) -> str:
        """The canonical name of a name or alias, or ``name`` unchanged when unknown."""
        actor = self.lookup(name)
        return actor.name if actor else name

    def state_forces(self, country: str) -> Actor:
        """Military Forces of <Country> (ACLED's "the" included: "... of the United States")."""
        home = self._known_country(country)
        military = self._family_named("military")
        name = military.fill(home, None, home in self._with_the)
        return self._actors.get(name) or Actor(name, military.inter, home, military.kind)

    def unidentified_armed_group(self, country: str | None) -> Actor:
        """ACLED's name for unknown perpetrators: Unidentified Armed Group (<Country>). A
        country ACLED does not code (the gazetteer knows every ISO country, "Aland Islands"
        too) keeps the name it was given: an event there must not stop the run."""
        home = (self.country(country) or " ".join(country.split())) if country else None
        family = self._family_named("armed_group")
        return self._family_actor(family, home)

    def ruler_patterns(self) -> list[dict]:
        """spaCy EntityRuler patterns (label ACTOR, id = canonical name) for every name and
        alias: lower-case token patterns, exact-case ones for acronyms such as "IS"."""
        tokenizer = _tokenizer()
        patterns, seen = [], set()
        for name, aliases in self._aliases.items():
            for alias in (name, *aliases):
                if len(alias) < MIN_PATTERN_CHARS:
                    continue
                exact = _exact_case(alias)
                pattern = [_token_pattern(t.text, exact) for t in tokenizer(alias)]
                signature = (name, repr(pattern))
                if signature not in seen:
                    seen.add(signature)
                    patterns.append({"label": ACTOR_LABEL, "pattern": pattern, "id": name})
        return patterns

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    # ------------------------------------------------------------------ lookup helpers
    def _known_country(self, country: str) -> str:
        home = self.country(country)
        if home is None:
            raise InputError(f"unknown country {country!r}: not an ACLED country name or variant")
        return home

    def _forms(self, text: str) -> list[str]:
        """``text`` without ACLED's period suffix, then without "the", then without "'s",
        then without a trailing "(Country)" (ACLED's contributing country of a mission)."""
        forms = [_SPACES.sub(" ", _PERIOD.sub("", text)).strip()]
        forms.append(_LEADING_THE.sub("", forms[-1]))
        forms.append(_POSSESSIVE.sub("", forms[-1]))
        parens = _TRAILING_PARENS.search(forms[-1])
        if parens and self.country(parens.group(1)):
            forms.append(forms[-1][:parens.start()])
        return list(dict.fromkeys(f for f in forms if f))

    def _candidates(self, text: str) -> list[Actor]:
        for form in self._forms(text):
            names = self._by_exact.get(" ".join(_tokens(form)), []) \
                + self._by_key.get(name_key(form), [])
            if names:
                return [self._actors[n] for n in dict.fromkeys(names)]
            templated = self._templated(form)
            if templated is not None:
                return [templated]
        return []

    def _templated(self, form: str) -> Actor | None:
        """ACLED's templated names: "Protesters (France)", "Fulani Ethnic Militia (Nigeria)"."""
        for family in self._families:
            match = None if family.in_table else family.pattern.fullmatch(form)
            if match is None:
                continue
            slots = match.groupdict()
            country = self.country(slots["country"]) if "country" in slots \
                else family.fixed_country
            if country is not None and family.fixed_country in (None, country):
                return self._family_actor(family, country, slots.get("group"))
        return None

    def _family_actor(self, family: _Family, country: str | None,
                      group: str | None = None) -> Actor | None:
        country = family.fixed_country or country
        name = family.fill(country, group, country in self._with_the)
        if name is None:
            return None
        if family.in_table and (country or name in self._actors):
            return self._actors.get(name)
        parent = family.parent or (family.fill(None, group, False)
                                   if country and "{country}" in family.template else None)
        home = None if country in self._pseudo else country
        return Actor(name, family.inter, home, family.kind, parent)

    @staticmethod
    def _prefer(actors: list[Actor], home: str | None) -> Actor:
        return next((a for a in actors if home and a.country == home), actors[0])

    # ------------------------------------------------------------------ generic phrases
    def _read_phrase(self, tokens: list[str], home: str | None) -> Actor | None:
        """[demonym | country | group] noun, or a capital standing for its government."""
        phrase = " ".join(tokens)
        if phrase in self._capitals:
            return self._family_actor(self._government, self._capitals[phrase])
        for size in range(min(len(tokens) - 1, MAX_PREFIX_WORDS), 0, -1):
            actor = self._prefixed(" ".join(tokens[:size]), tokens[size:], home)
            if actor is not None:
                return actor
        for family, demonym_only in self._nouns.get(phrase, []):
            actor = None if demonym_only or family.groups \
                else self._family_actor(family, family.default_country or home)
            if actor is not None:
                return actor
        family = self._group_words.get(phrase)  # a community named alone: "Fulani attacked"
        return self._family_actor(family, home, family.groups[phrase]) if family else None

    def _prefixed(self, head: str, rest: list[str], home: str | None) -> Actor | None:
        """"Israeli" + "troops", "Fulani" + "herdsmen", "Kurdish" + "fighters"."""
        country = self._countries.get(head)
        regional = self._regional.get(head)
        for family, _ in self._noun_families(rest):
            if family.groups:
                actor = self._family_actor(family, home, family.groups[head]) \
                    if head in family.groups else None
            elif country:
                actor = self._family_actor(family, country)
            elif regional and family.key in regional["families"]:
                actor = self._actors.get(regional["by_country"].get(home, ""))
            else:
                actor = None
            if actor is not None:
                return actor
        return None

    def _noun_families(self, tokens: list[str]) -> list[tuple[_Family, bool]]:
        """Families whose nouns match ``tokens``, dropping leading modifiers if needed."""
        while tokens:
            found = self._nouns.get(" ".join(tokens))
            if found:
                return found
            rest = _skip(tokens, self._modifiers, once=True)
            if len(rest) == len(tokens):
                return []
            tokens = rest
        return []

    def _contained(self, text: str, home: str | None) -> Actor | None:
        """The longest name or alias inside ``text``, else the longest generic phrase; read
        with possessives ("People's Defense Force") and without ("Hezbollah's fighters")."""
        variants = [_tokens(v) for v in dict.fromkeys((text, _POSSESSIVE.sub("", text)))]
        for size in range(min(max(map(len, variants)), self._longest), 0, -1):
            for span in _spans(variants, size):
                names = self._by_exact.get(" ".join(span), []) \
                    + self._by_key.get(" ".join(span).lower(), [])
                if names:
                    return self._prefer([self._actors[n] for n in dict.fromkeys(names)], home)
        for size in range(min(max(map(len, variants)), MAX_GENERIC_SPAN), 0, -1):
            for span in _spans(variants, size):
                actor = self._read_phrase([t.lower() for t in span], home)
                if actor is not None:
                    return actor
        return None

    # ------------------------------------------------------------------ comparison
    def _identities(self, name: str) -> set[str]:
        actors = self._candidates(name) or [a for a in [self.generic(name)] if a]
        return {a.name for a in actors} or {"?" + name_key(name)}

    def _lineage(self, names: set[str]) -> set[str]:
        """``names`` and every organisation they belong to."""
        out = set(names)
        for name in names:
            parent = self._parent(name)
            while parent and parent not in out:
                out.add(parent)
                parent = self._parent(parent)
        return out

    def _parent(self, name: str) -> str | None:
        actor = self._actors.get(name) or next(iter(self._candidates(name)), None)
        return actor and actor.parent


def _spans(variants: list[list[str]], size: int) -> Iterator[list[str]]:
    """Every run of ``size`` words in each variant, left to right."""
    for tokens in variants:
        for start in range(len(tokens) - size + 1):
            yield tokens[start:start + size]


def _token_pattern(text: str, exact: bool) -> dict:
    """One token of an entity-ruler pattern: hyphens optional, either apostrophe accepted."""
    if text in _HYPHENS:
        return {"ORTH": {"IN": _HYPHENS}, "OP": "?"}
    forms = list(dict.fromkeys([text, text.replace("\u2019", "'"), text.replace("'", "\u2019")]))
    attr = "ORTH" if exact else "LOWER"
    values = forms if exact else list(dict.fromkeys(f.lower() for f in forms))
    return {attr: values[0]} if len(values) == 1 else {attr: {"IN": values}}


@functools.cache
def _tokenizer():
    """spaCy's English tokenizer (the same rules as the pipeline's), loaded once."""
    import spacy

    return spacy.blank("en").tokenizer


# ---------------------------------------------------------------------- loading
def _read(name: str) -> str:
    try:
        return resources.files("eventwire").joinpath("data", name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError(_DATA + name, f"cannot be read ({exc})") from exc


def _csv_rows(name: str, columns: Sequence[str]) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(_read(name)))
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise ResourceError(_DATA + name, f"missing columns {missing}")
    return [(reader.line_num, {k: v or "" for k, v in row.items()}) for row in reader]


def _actor_rows() -> list[tuple[Actor, list[str]]]:
    rows = []
    columns = ("name", "inter", "country", "kind", "parent", "aliases")
    for line, row in _csv_rows("actors.csv", columns):
        if not row["name"].strip() or not row["inter"].strip().isdigit():
            raise ResourceError(f"{_DATA}actors.csv line {line}", "needs a name and an inter")
        actor = Actor(row["name"].strip(), int(row["inter"]), row["country"].strip() or None,
                      row["kind"].strip(), row["parent"].strip() or None)
        rows.append((actor, [a.strip() for a in row["aliases"].split("|") if a.strip()]))
    return rows


def _demonyms() -> dict[str, str]:
    rows = _csv_rows("demonyms.csv", ("form", "country"))
    return {row["form"]: row["country"] for _, row in rows}


def _nouns() -> dict[str, Any]:
    try:
        return tomllib.loads(_read("actor_nouns.toml"))
    except tomllib.TOMLDecodeError as exc:
        raise ResourceError(_DATA + "actor_nouns.toml", f"not valid TOML ({exc})") from exc


@functools.cache
def load_actor_table() -> ActorTable:
    """The packaged actor table, built once per process."""
    return ActorTable(_actor_rows(), _demonyms(), _nouns())


def state_forces(country: str) -> Actor:
    """Military Forces of <Country> (ACLED's "Military Forces of the United States")."""
    return load_actor_table().state_forces(country)


def unidentified_armed_group(country: str | None) -> Actor:
    """Unidentified Armed Group (<Country>): ACLED's actor for unknown perpetrators."""
    return load_actor_table().unidentified_armed_group(country)


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction code, lower inter first: (1, 2) -> 12, (7, 5) -> 57;
    an event with one actor gets inter1 * 10 (5, None -> 50). None without an actor 1."""
    codes = [c for c in (inter1, inter2) if c] if inter1 else []
    for code in codes:
        if code not in INTER_CODES:
            raise InputError(f"not an ACLED inter code: {code!r} (expected 1-8)")
    return min(codes) * 10 + (max(codes) if len(codes) == 2 else 0) if codes else None


def event_inter(actor: Actor, event_country: str | None) -> int:
    """The inter code of ``actor`` in an event in ``event_country``: a state's forces, police
    or government acting outside their own country are external forces (8), as ACLED codes
    Israel's forces in Palestine or Lebanon and Russia's in Ukraine."""
    if actor.kind in STATE_KINDS and actor.country and event_country:
        where = load_actor_table().country(event_country) or event_country
        if where != actor.country:
            return EXTERNAL_INTER
    return actor.inter
