"""Fatalities and injured: figures read from "killing 1,200 people", "three soldiers were
wounded", "five people were killed and eleven injured", "without causing casualties".

Each figure is attached to the frame it belongs to: the frame whose trigger is linked to the
casualty word in the parse, else the nearest frame in the sentence. Figures in a sentence
without a frame wait in ``document.context["orphan_casualties"]`` for the mentions stage, which
gives them to the event the previous sentence reported ("The blast killed three. Ten others
were wounded.").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..document import Document, Frame, Sentence, TextSpan
from .lexicon import Lexicon, derived
from .numbers import Figure, is_plausible_casualty_count, parse_figure
from .phrase_kinds import names_people
from .syntax import (PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, children, is_passive, objects,
                     passive_subjects, prep_objects, subjects, text_span)
from .triggers import charge_reason
from .victim_counts import RELATIVE_PRONOUN_TAGS, figure_of, listed

FIELDS = ("killed", "injured")
#: classes of event a killing named by a noun can be the toll of
VIOLENT_CLASSES = ("attack", "harm", "clash")
#: how the parser hangs a state on the verb that finds or leaves people in it ("found two men
#: dead": "dead" a clause of its own whose subject is the men)
STATE_DEPS = ("ccomp", "xcomp", "oprd", "acomp")
#: victims told as more than the dead ("six others were shot"): hurt besides them
OTHERS = re.compile(r"\b(?:others?|more)\b", re.IGNORECASE)


@dataclass
class Casualty:
    field: str  # "killed" or "injured"
    figure: Figure
    span: TextSpan
    token_i: int
    #: read from how a victim was harmed ("was shot"), not from a casualty word
    inferred: bool = False
    #: "the murder of a shop worker": a toll only for a violent event, not for a protest
    #: "against the death of a woman" or an arrest "over the killing of" someone
    violent_only: bool = False


def _left_in_state(word: Token) -> list[Token]:
    """Whom "leave" left so: "the blast left two soldiers wounded" (the word's own head is the
    verb; the parser may hang the word on the verb or on its object)."""
    return [o for o in objects(word.head) if o.i != word.i]


def _left_by_event(noun: Token, lexicon: Lexicon) -> list[Token]:
    """Whom an event left so when the parser hangs the participle on the event's noun: "a
    shooting that left five people injured" (the five, never the shooting)."""
    return [o for c in noun.children if c.dep_ == "relcl"
            and c.lemma_ in lexicon.casualty_outcomes["leave_verbs"] for o in objects(c)]


def _harmed(verb: Token, lexicon: Lexicon, headline: bool = False) -> list[Token]:
    """Who a harm verb harmed: its passive subject and objects, or the subject of a headline's
    bare participle ("Two soldiers wounded") or of an objectless killing ("Woman shot to death")."""
    if verb.head.i != verb.i and verb.head.lemma_ in lexicon.casualty_outcomes["leave_verbs"] \
            and _is_bare_participle(verb) and not children(verb, SUBJECT_DEPS):
        return _left_in_state(verb)
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in lexicon.noun_triggers:
        return _left_by_event(verb.head, lexicon)  # an event is no victim
    if verb.dep_ == "conj" and _is_bare_participle(verb) and children(verb, SUBJECT_DEPS):
        return children(verb, SUBJECT_DEPS)  # "two were killed and five wounded": the five
    markers = lexicon.casualty_outcomes["killed_markers"]
    stated = [s for c in verb.children if c.lower_ in markers and c.dep_ in STATE_DEPS
              for s in children(c, SUBJECT_DEPS)]
    if stated:
        return stated  # "found two men dead": the parser gives "dead" its own subject
    # "found dead": the marker is no victim
    found = passive_subjects(verb) + [o for o in _victim_objects(verb, lexicon) if o.lower_ not in markers]
    found += _companions(verb, lexicon) if found else []
    if not found and is_passive(verb):
        found = _governing_subjects(verb)
    if found or not (_is_bare_participle(verb, headline) or _killed_marker(verb, lexicon)):
        return found
    # "Man shot, killed in Feltonville"; "arrested in the shooting death of a 40-year-old man"
    return subjects(verb) or _governing_subjects(verb) or [o for p, o in prep_objects(verb) if p == "of"]


def _victim_objects(verb: Token, lexicon: Lexicon) -> list[Token]:
    """The verb's objects, "her" for "her multiple times" (how often, not how many: the
    parser can make "times" the object and "her" its possessive)."""
    found = []
    for obj in objects(verb):
        if obj.lower_ in lexicon.casualty_outcomes["repetition_nouns"]:
            found += [c for c in obj.children if c.dep_ == "poss"]
        else:
            found.append(obj)
    return found


def _companions(verb: Token, lexicon: Lexicon) -> list[Token]:
    """"was killed along with Heriberto Corpus", "wounded together with two civilians": the
    people harmed with the victims."""
    adverbs = lexicon.casualty_outcomes["companion_adverbs"]
    links = [c for c in verb.children if c.dep_ in ("advmod", "prt") and c.lower_ in adverbs]
    if links:
        links.append(verb)  # "together with" may hang the "with" on the verb itself
    return [o for link in links for p in link.children if p.dep_ == "prep" and p.lower_ == "with"
            for o in p.children if o.dep_ == "pobj"]


def _is_bare_participle(verb: Token, headline: bool = False) -> bool:
    """A participle without an auxiliary: "Man shot on Southwest Side" (in a headline the
    tagger often reads it as a past tense; a headline's "shot" with no object is passive)."""
    if any(c.dep_.startswith("aux") for c in verb.children):
        return False
    return verb.tag_ == "VBN" or (headline and verb.tag_ == "VBD" and not objects(verb)
                                  and bool(subjects(verb))
                                  and not any(p == "at" for p, _ in prep_objects(verb)))


def _governing_subjects(verb: Token) -> list[Token]:
    """The subject a passive without its own shares with the clause it hangs on: "Torres got
    into a fight and was shot"; "a man has been charged after being shot"."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    elif verb.dep_ not in ("conj", "advcl", "xcomp"):  # xcomp: "he was found shot"
        return []
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return []
    return children(head, SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS)


def _hurt_state(verb: Token, lexicon: Lexicon) -> list[Token]:
    """Who a verb says was hurt without a casualty word: "a man is hospitalized", "left a woman
    in critical condition", "he was listed in stable condition", "he suffered a gunshot wound"."""
    words = lexicon.casualty_outcomes
    lemma = verb.lemma_.lower()
    if lemma in words["hospital_verbs"]:
        return passive_subjects(verb) or objects(verb) or _governing_subjects(verb)
    if lemma in words["suffer_verbs"] or lemma in words["holding_verbs"]:
        wounded = any(o.lower_ in words["wound_nouns"] for o in objects(verb))
        return subjects(verb) if wounded else []
    in_condition = any(p == "in" and o.lemma_.lower() in words["condition_nouns"]
                       and any(c.lower_ in words["conditions"] for c in o.subtree)
                       for p, o in prep_objects(verb))
    if not in_condition:
        return []
    return objects(verb) or passive_subjects(verb) or _governing_subjects(verb) or subjects(verb)


def _killed_marker(verb: Token, lexicon: Lexicon) -> bool:
    """"shot dead", "fatally stabbed", "beaten to death"; also "shot dead two farmers" and
    "found a man dead", where the tagger hangs "dead" on the victims."""
    markers = lexicon.casualty_outcomes["killed_markers"]
    if any(c.lower_ in markers or (c.dep_ == "prep" and any(o.lower_ in markers for o in c.children))
           for c in verb.children):
        return True
    # "shot dead two farmers" before the victims; "found a man dead" right after them
    return any(c.dep_ == "amod" and c.lower_ in markers and (c.i == verb.i + 1 < o.i or c.i == o.i + 1)
               for o in objects(verb) for c in o.children)


def _outcome_field(verb: Token, lexicon: Lexicon, headline: bool = False) -> str | None:
    """killed for "shot dead" / "fatally stabbed"; injured for a victim only "shot"."""
    outcomes = lexicon.casualty_outcomes
    lemma = verb.lemma_.lower()
    if lemma in outcomes["verbs"] and _killed_marker(verb, lexicon):
        return "killed"
    if any(c.lower_ in outcomes["harmless_particles"] and c.dep_ in ("prt", "advmod") for c in verb.children) \
            and not any(names_people(lexicon, t) for t in objects(verb) + passive_subjects(verb)):
        return None  # "shot down 28 drones" hit aircraft, not people ("shot down a man" did)
    linked = [verb.head, *verb.children] if verb.dep_ == "conj" else list(verb.children)
    # "was shot", "shot her husband", a headline's "Man shot"
    hit_someone = is_passive(verb) or bool(objects(verb)) or _is_bare_participle(verb, headline)
    if lemma in outcomes["injury_verbs"] and hit_someone \
            and not any(t.lemma_.lower() in lexicon.casualty_verbs and _same_victims(verb, t) for t in linked):
        return "injured"
    if _projectile_hit(verb, lexicon) and not any(t.lemma_.lower() in lexicon.casualty_verbs for t in linked):
        return "injured"
    return None


def _same_victims(verb: Token, other: Token) -> bool:
    """"was shot and killed": the verbs share their victims; "one man was killed and six
    others were shot": each has its own."""
    return not (_own_victims(verb) and _own_victims(other))


def _own_victims(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS + SUBJECT_DEPS for c in verb.children)


def _projectile_hit(verb: Token, lexicon: Lexicon) -> bool:
    """"one bullet hitting a customer", "a stray round struck a girl": a projectile as the
    subject of a hitting verb, with a person as its object (the object is the victim)."""
    outcomes = lexicon.casualty_outcomes
    if verb.lemma_.lower() not in outcomes["projectile_verbs"]:
        return False
    subject = children(verb, SUBJECT_DEPS) or ([verb.head] if verb.dep_ in ("acl", "pcomp") else [])
    fired = not subject and verb.dep_ == "advcl" and _fires(verb.head, lexicon)
    return (fired or any(s.lemma_.lower() in outcomes["projectiles"] for s in subject)) \
        and any(names_people(lexicon, o) for o in objects(verb))


def _fires(verb: Token, lexicon: Lexicon) -> bool:
    """"a gunman fired into a home", "shots were fired", "opened fire on a car": what a
    hitting clause hung on it hit, a shot hit ("..., striking a child in the shoulder")."""
    outcomes = lexicon.casualty_outcomes
    things = objects(verb) + passive_subjects(verb)
    return verb.lemma_.lower() in outcomes["firing_verbs"] \
        or any(t.lemma_.lower() in outcomes["projectiles"] or t.lemma_.lower() == "fire" for t in things)


def _counted_together(verb: Token, lexicon: Lexicon) -> bool:
    """"Five soldiers killed and wounded": one figure for the dead and the hurt together,
    which says how many of neither."""
    if not verb.tag_.startswith("VB") or verb.lemma_.lower() not in lexicon.casualty_verbs:
        return False
    field = lexicon.casualty_verbs[verb.lemma_.lower()]
    linked = [verb.head] if verb.dep_ == "conj" else [c for c in verb.children if c.dep_ == "conj"]
    conjunct = verb if verb.dep_ == "conj" else None
    others = [t for t in linked if t.i != verb.i and t.tag_.startswith("VB")
              and lexicon.casualty_verbs.get(t.lemma_.lower(), field) != field]
    own = SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS + ("dobj",)
    return any(not any(c.dep_ in own for c in (conjunct or t).children) for t in others)


def _who_died(verb: Token) -> list[Token]:
    """The subject of "die"; of a clause standing as one, its own ("Boy, 9, shot ... dies");
    of a "die" with none, the subject it shares ("A man was shot ... and later died")."""
    own = [who for subject in subjects(verb)
           for who in (subjects(subject) if subject.dep_ == "csubj" else [subject])]
    return own or (_governing_subjects(verb) if verb.dep_ == "conj" else [])


def _with_wounds(noun: Token, lexicon: Lexicon) -> list[Token]:
    """Who was found "with gunshot wounds" or is "suffering from a gunshot wound"."""
    words = lexicon.casualty_outcomes
    if noun.lower_ not in words["wound_nouns"] or noun.dep_ != "pobj" \
            or noun.head.lower_ not in ("with", "from"):
        return []
    holder = noun.head.head
    if holder.pos_ in ("NOUN", "PROPN"):
        return [holder]  # "two victims with gunshot wounds"
    if holder.pos_ != "VERB":
        return []
    if holder.lemma_.lower() in words["suffer_verbs"]:
        return subjects(holder) or _governing_subjects(holder)
    return objects(holder) or passive_subjects(holder) if noun.head.lower_ == "with" else []


def _victims(token: Token, lexicon: Lexicon, headline: bool = False) -> tuple[str | None, list[Token], bool]:
    """The field a token counts, who it counts, and whether the harm is only inferred from how
    the victims were hurt ("was shot", "hospitalized"): their fate may still be told elsewhere."""
    lemma = token.lemma_.lower()
    verb = token.tag_.startswith("VB")
    if verb and any(c.dep_ == "neg" for c in token.children):
        return None, [], False  # "two children were not hurt"
    if verb and lemma in lexicon.casualty_verbs:
        field = lexicon.casualty_verbs[lemma]
        found = _who_died(token) if lemma == "die" else _harmed(token, lexicon, headline)
        return field, found, False
    outcome = _outcome_field(token, lexicon, headline) if verb else None
    if outcome:
        return outcome, _harmed(token, lexicon, headline), token.pos_ == "VERB"
    hurt = _hurt_state(token, lexicon) if verb else _with_wounds(token, lexicon)
    if hurt:
        return "injured", hurt, True
    field, found = _counted_by_noun(token, lexicon)
    return field, found, False


def _is_casualty_word(token: Token, lexicon: Lexicon) -> bool:
    return token.lower_ in lexicon.casualty_nouns or token.lemma_.lower() in lexicon.casualty_verbs


def _deadly_noun(token: Token, lexicon: Lexicon) -> bool:
    """"the fatal shootings (of four people)": an event noun called deadly, whose "of" phrase
    names the dead as a killing noun's does."""
    return token.pos_ == "NOUN" and any(c.lower_ in lexicon.casualty_outcomes["deadly_modifiers"]
                                        for c in token.children)


def _remains(token: Token) -> bool:
    """"a man's body was found" is a person's remains; "in the upper body" is a part of one, and
    "body camera footage", "a body shop" or "the car body" no one's."""
    if token.dep_ in ("pobj", "compound"):
        return False
    return not any(c.dep_ in ("amod", "compound") for c in token.children)


def _counted_by_noun(token: Token, lexicon: Lexicon) -> tuple[str | None, list[Token]]:
    killing = token.lemma_.lower() in lexicon.casualty_outcomes["killing_nouns"] and token.pos_ == "NOUN"
    if killing or _deadly_noun(token, lexicon):
        victims = [o for p, o in prep_objects(token) if p == "of"]  # "the murder of a shop worker"
        if token.dep_ == "compound" and token.head.lemma_.lower() in lexicon.casualty_outcomes["victim_nouns"]:
            victims = [token.head]  # "the homicide victim": one dead
        if victims:
            return "killed", victims
    if token.lower_ in lexicon.casualty_nouns and token.pos_ in ("ADJ", "NOUN"):
        field = lexicon.casualty_nouns[token.lower_]
        # "1 dead, 4 injured": a number with its own casualty word is that word's figure
        numbers = [c for c in token.children if (c.dep_ == "nummod" or c.like_num)
                   and not any(_is_casualty_word(w, lexicon) for w in c.children)]
        if not numbers and token.lower_ in lexicon.casualty_outcomes["single_remains"] and _remains(token):
            return field, [token]  # "a man's body was found": one dead
        if not numbers and token.dep_ == "acomp" and token.head.lemma_ == "be":
            return field, subjects(token.head)  # "a teenager is dead", "two brothers are dead"
        if not numbers and token.head.lemma_ in lexicon.casualty_outcomes["leave_verbs"]:
            return field, _left_in_state(token)  # "left two people injured"
        return field, numbers or ([token.head] if token.head.like_num else [])
    return None, []


_LIST_FIGURE = re.compile(
    r"(?<![Nn]o )\b(?P<n>\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+(?:(?:other|more|people|persons|others)\s+)?"
    r"(?:were\s+|was\s+)?(?P<w>killed|dead|injured|wounded|hurt)\b", re.IGNORECASE)
_WORD_FIELD = {"killed": "killed", "dead": "killed", "injured": "injured", "wounded": "injured",
               "hurt": "injured"}


def find_casualties(sentence: Sentence, lexicon: Lexicon) -> list[Casualty]:
    """Every casualty figure in a sentence, from the parse, with a pattern for elliptic lists
    ("five people were killed and eleven injured")."""
    found: list[Casualty] = []
    headline = sentence.segment == "title"
    lemmas, forms, conditions = derived(lexicon, "casualty_words", _casualty_words)
    text = sentence.text.lower()
    any_verb = any(c in text for c in conditions)  # "left a man in critical condition"
    deadly = lexicon.casualty_outcomes["deadly_modifiers"]
    called_deadly = {t.head.i for t in sentence.span if t.lower_ in deadly} \
        if any(word in text for word in deadly) else set()  # "the fatal shootings of four people"
    for token in sentence.span:
        if not (token.lower_ in forms or token.lemma_.lower() in lemmas
                or (any_verb and token.tag_.startswith("VB")) or token.i in called_deadly):
            continue  # no word ``_victims`` reads a figure by
        if _counted_together(token, lexicon) or charge_reason(token, lexicon):
            continue  # "charged with ... injuring a child's parent": a charge, no toll
        field, victims, inferred = _victims(token, lexicon, headline)
        victims = [t for v in victims for t in listed(v)]
        figures = [(f, first) for f, first in (figure_of(v, lexicon) for v in victims) if f is not None]
        if not figures:
            continue
        # conjoined victims add up: "a commander ... and one of his aides" is two
        total = Figure(sum(f.value for f, _ in figures), figures[0][0].qualifier,
                       any(f.vague for f, _ in figures))
        first = min((t for _, t in figures), key=lambda t: t.i)
        if is_plausible_casualty_count(total.value):
            # the span reaches the victims' head: "left a 17-year-old boy", not "left a"
            start = min(first, token, key=lambda t: t.i)
            end = max([token, *victims], key=lambda t: t.i)
            named = token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.casualty_outcomes["killing_nouns"]
            # "relatives of a man who died in an accident protested": no toll of the protest
            named = named or any(v.tag_ in RELATIVE_PRONOUN_TAGS for v in victims)
            found.append(Casualty(field, total, text_span(sentence, start, end), token.i, inferred,
                                  violent_only=named))
    seen = {(c.field, c.figure.value) for c in found}
    for match in _LIST_FIGURE.finditer(sentence.text):
        figure = parse_figure(match.group("n"))
        field = _WORD_FIELD[match.group("w").lower()]
        if figure and not figure.vague and (field, figure.value) not in seen \
                and is_plausible_casualty_count(figure.value):
            start = sentence.start + match.start()
            span = TextSpan(start, sentence.start + match.end(), match.group(0))
            found.append(Casualty(field, figure, span, sentence.span.start))
            seen.add((field, figure.value))
    return _drop_shot_who_died(found)


def _casualty_words(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The lemmas and word forms a figure can hang on (``_victims``'s word lists), and the
    condition nouns by which any verb can tell who was hurt: a sentence's other words are
    passed over without asking the parse about them."""
    outcomes = lexicon.casualty_outcomes
    lemmas = set(lexicon.casualty_verbs)
    for name in ("verbs", "injury_verbs", "projectile_verbs", "hospital_verbs", "suffer_verbs",
                 "holding_verbs", "killing_nouns"):
        lemmas |= outcomes[name]
    return frozenset(lemmas), frozenset(lexicon.casualty_nouns) | outcomes["wound_nouns"], \
        outcomes["condition_nouns"]


def _drop_shot_who_died(found: list[Casualty]) -> list[Casualty]:
    """"a man died after he was shot": the one shot is the one killed, not an injured too;
    but "one man was killed and six others were shot": the others are hurt besides him."""
    if not any(c.field == "killed" for c in found):
        return found
    kept = []
    for casualty in found:
        if casualty.inferred and casualty.field == "injured":
            if not OTHERS.search(casualty.span.text):
                continue  # the one shot is the one killed
            casualty = replace(casualty, inferred=False)  # hurt besides the dead
        kept.append(casualty)
    return kept


def _unknown_casualties(sentence: Sentence, lexicon: Lexicon) -> list[Casualty]:
    """"leaving an unspecified number of fatalities": a toll, but nobody gave the number."""
    match = lexicon.unknown_casualties.search(sentence.text)
    if not match:
        return []
    span = TextSpan(sentence.start + match.start(), sentence.start + match.end(), match.group(0))
    figure = Figure(lexicon.unknown_casualty_value, vague=True)
    return [Casualty("killed", figure, span, sentence.span.start)]


def _zero_casualties(sentence: Sentence, lexicon: Lexicon) -> list[Casualty]:
    match = lexicon.no_casualties.search(sentence.text)
    if not match:
        return []
    start = sentence.start + match.start()
    span = TextSpan(start, sentence.start + match.end(), match.group(0))
    return [Casualty(f, Figure(0), span, sentence.span.start) for f in FIELDS]


def story_figure(values: list[int]) -> int:
    """The figure one story gives among ``values`` (in the order it told them): the lowest
    (ACLED's rule for figures that conflict), but a one told after a bigger figure does not
    lower it: "Three people were killed ... One man died at the scene" tells of one of the
    three. A bigger figure told after a one may be a tally ("the death of a child ... the
    death of 436 people since 2019"): the one stands. (Across stories the plain lowest holds:
    ``merging.py``.)"""
    told = [v for i, v in enumerate(values) if not (v == 1 and any(u > 1 for u in values[:i]))]
    return min(told)


def record(frame: Frame, casualty: Casualty) -> None:
    """Add one figure to a frame: every killed figure is kept, ``story_figure`` of them is
    ``fatalities``."""
    value = casualty.figure.value
    if casualty.field == "killed":
        if value not in frame.fatalities_reported:
            frame.fatalities_reported.append(value)
        frame.fatalities = story_figure(frame.fatalities_reported)
        frame.add_evidence("fatalities", casualty.span)
    elif casualty.inferred:  # "he was shot": hurt, unless the story says he died
        # the most said to be shot: "a man and a boy were shot. The boy was shot in the back"
        frame.shot = value if frame.shot is None else max(frame.shot, value)
        frame.add_evidence("injured", casualty.span)
    else:
        frame.injured = value if frame.injured is None else story_figure([frame.injured, value])
        frame.add_evidence("injured", casualty.span)


def settle_injured(frame: Frame) -> None:
    """People shot whose fate the story does not tell count as injured, but not those it says
    were killed ("a man died after he was shot": one dead, no one injured); a deadly event
    with no figure killed at least one ("a fatal shooting"). An injured figure smaller than
    the shot who did not die counts some of them ("3 shot ... A 3-year-old girl was injured"):
    the shot who lived were all hurt."""
    if frame.deadly and not frame.fatalities_reported:
        frame.fatalities_reported, frame.fatalities = [1], 1
    hurt = (frame.shot or 0) - (frame.fatalities or 0)
    if hurt > 0 and (frame.injured is None or frame.injured < hurt):
        frame.injured = hurt


def _nearest(frames: list[Frame], sentence: Sentence, token_i: int) -> Frame:
    def distance(frame: Frame) -> int:
        assert frame.trigger is not None
        tok = sentence.root_at(frame.trigger.start, frame.trigger.start + len(frame.trigger.text))
        return abs(tok.i - token_i) if tok is not None else 999
    return min(frames, key=distance)


def attach_casualties(frames: list[Frame], sentence: Sentence, lexicon: Lexicon,
                      document: Document) -> None:
    casualties = find_casualties(sentence, lexicon) + _zero_casualties(sentence, lexicon) \
        + _unknown_casualties(sentence, lexicon)
    for casualty in casualties:
        if frames:
            nearest = _nearest(frames, sentence, casualty.token_i)
            if not casualty.violent_only or nearest.event_class in VIOLENT_CLASSES:
                record(nearest, casualty)
        else:
            document.context.setdefault("orphan_casualties", []).append(
                (sentence.index, casualty))
