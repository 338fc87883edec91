"""Find the words that report an event, and drop the ones that report no real event.

A trigger is a verb ("fired", "targeted"), a phrasal verb ("shot down") or an event noun
("attack", "airstrike") from the lexicon. It reports nothing real when it is negated ("did not
attack"), hypothetical or future ("could strike", "will attack"), wished or threatened ("vowed to
continue attacks"), non-specific ("any attack", "no attacks"), vague ("repeated attacks"), the
complement of a noun like "threat of attacks", generic ("targeting embassies is unacceptable"),
or a habitual present ("the coalition battling jihadists"). It reports no political event when
nature or an accident did it ("an earthquake struck", "a gas cylinder explosion"), when police
work on crime ("arrested over fake currency"), or when nobody was harmed ("no one else was
injured"). ``irrealis_reason`` says which.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from .lexicon import Lexicon, TriggerSense, derived
from .syntax import lemma_forms, prep_objects

#: dependency links through which an embedding verb's mood reaches its complement
_EMBEDDING_DEPS = ("xcomp", "advcl", "dobj", "pobj", "prep", "pcomp", "acomp", "amod")


@dataclass
class Trigger:
    token: Token
    sense: TriggerSense
    pos: str  # "verb" or "noun"

    @property
    def harm(self) -> bool:
        return self.sense.event_class == "harm"


#: how a phrasal verb's second word hangs on it: a particle or object ("shot down", "reached
#: agreement"), or an adverb or preposition the parser reads in place of a particle ("drove the
#: militants out of the town", "pushed back from the village")
PHRASAL_DEPS = ("prt", "dobj", "advmod", "prep")


def _phrasal(token: Token, lexicon: Lexicon) -> TriggerSense | None:
    """"shoot down", "reach agreement", "take to the streets"."""
    lemma = token.lemma_.lower()
    for child in token.children:
        words = dict.fromkeys((child.lower_, child.lemma_.lower()))  # "exchanged prisoners": "exchange prisoner"
        keys = [f"{lemma} {word}" for word in words] if child.dep_ in PHRASAL_DEPS else []
        if child.dep_ == "prep":
            keys += [f"{lemma} {child.lower_} {o.lemma_.lower()}" for o in child.children if o.dep_ == "pobj"]
        sense = next((lexicon.phrasal_triggers[k] for k in keys if k in lexicon.phrasal_triggers), None)
        if sense:
            return sense
    return None


def find_triggers(sentence: Span, lexicon: Lexicon) -> list[Trigger]:
    """Every token in the sentence that can report an event, in order."""
    found = []
    heads = derived(lexicon, "trigger_heads", _trigger_heads)
    for token in sentence:
        if not any(f in heads for f in lemma_forms(token)):
            continue  # no trigger, phrasal verb or event noun has this word
        lemma = token.lemma_.lower()  # the nlp stage has fixed the tagger's known errors
        if token.ent_type_ in ("DATE", "TIME"):  # "March 3" is no protest march
            continue
        if _nominal_gerund(token):  # "fighting erupted between ...": the noun "fighting"
            sense = lexicon.noun_triggers.get(token.lower_)
            if sense:
                found.append(Trigger(token, sense, "noun"))
                continue
        if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
            sense = _phrasal(token, lexicon) or lexicon.verb_triggers.get(lemma)
            if sense:
                found.append(Trigger(token, sense, "verb"))
        elif token.pos_ in ("NOUN", "PROPN"):
            sense = _noun_sense(token, lexicon)
            if sense and not _names_a_weapon(token, lexicon):
                found.append(Trigger(token, sense, "noun"))
    return found


def _trigger_heads(lexicon: Lexicon) -> frozenset[str]:
    """The words a trigger can be (a verb's lemma, a phrasal verb's first word, an event
    noun's last word): the rest of a sentence is passed over unread."""
    return frozenset({*lexicon.verb_triggers, *(k.split()[0] for k in lexicon.phrasal_triggers),
                      *(k.split()[-1] for k in lexicon.noun_triggers)})


#: slots where an -ing form is a noun ("fighting erupted", "after heavy shelling")
NOMINAL_SLOTS = frozenset(("nsubj", "nsubjpass", "dobj", "pobj"))


def _nominal_gerund(token: Token) -> bool:
    return token.tag_ == "VBG" and token.dep_ in NOMINAL_SLOTS and not any(
        c.dep_ in ("dobj", "nsubj") for c in token.children)  # "killing civilians" is a verb


def _noun_sense(noun: Token, lexicon: Lexicon) -> TriggerSense | None:
    """The noun's sense, two-word names first ("sexual violence", "prisoner exchange", and
    "exchange of prisoners" read as "prisoner exchange")."""
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    forms = lemma_forms(noun)
    modifiers = [before.lower_] if before is not None and before.head == noun and \
        before.dep_ in ("amod", "compound") else []
    modifiers += [o.lemma_.lower() for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj"]
    two = next((f"{m} {f}" for m in modifiers for f in forms if f"{m} {f}" in lexicon.noun_triggers), None)
    if two:
        return lexicon.noun_triggers[two]
    return next((lexicon.noun_triggers[f] for f in forms if f in lexicon.noun_triggers), None)


def _names_a_weapon(noun: Token, lexicon: Lexicon) -> bool:
    """"attack drone", "attack helicopter", "riot police", "assault rifle": the noun modifies
    a weapon, a unit or its gear, it is no event."""
    head = noun.head
    equipment = lexicon.cues["equipment_heads"]
    return noun.dep_ in ("compound", "amod", "nmod") and any(
        f in lexicon.weapon_words or f in equipment for f in lemma_forms(head))


def has_modal(verb: Token, lexicon: Lexicon) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in lexicon.cues["modal_auxiliaries"]
               for c in verb.children)


def is_negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def support_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    """The verb that carries out an event noun: "launched" in "launched a deadly attack", or
    "carried out" in "carried out a wave of air strikes"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            any(f in lexicon.heads["quantity"] for f in lemma_forms(noun.head.head)):
        noun = noun.head.head
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in lexicon.cues["support_verbs"]:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() == "come":
        return head.head  # "came under attack"
    return None


def _embedding_reason(token: Token, lexicon: Lexicon) -> str | None:
    """Walk up through complements: "vowed to continue attacks" -> governed by "vow"."""
    current, path = token, []
    while current.dep_ in _EMBEDDING_DEPS and current.head != current:
        if _opens_realis(current, lexicon):
            return None
        path.append(current.dep_)
        current = current.head
        lemma = current.lemma_.lower()
        if lemma in lexicon.cues["denial_verbs"] and "pobj" not in path:
            return f"denied ({current.lemma_!r})"  # not "denied responsibility for the attack"
        if lemma in lexicon.cues["speech_verbs"]:
            return None
        if lemma in lexicon.cues["irrealis_governors"] \
                and not _sought_by_police(current, path, lexicon):
            return f"governed by {current.lemma_!r}"
        if current.pos_ == "NOUN" and lemma in lexicon.cues["irrealis_nouns"] and "pobj" in path:
            return f"complement of {current.lemma_!r}"
        if current.pos_ in ("VERB", "AUX") and (has_modal(current, lexicon) or is_negated(current)):
            return f"under a negated or modal {current.lemma_!r}"
    return None


def _sought_by_police(governor: Token, path: list[str], lexicon: Lexicon) -> bool:
    """"two men wanted in connection with Sunday's shooting", "a teen wanted in a double
    murder": "wanted" reaching the event through a preposition is the police looking for
    someone, for a crime that happened; not a wish ("wanted to attack", "want revenge for")."""
    return governor.lemma_.lower() in lexicon.cues["sought_by_police"] and path[-1:] == ["prep"]


#: links up the tree that leave what a charge says: another clause or what the charge is about
LEAVES_CHARGE_DEPS = ("relcl", "ccomp", "parataxis", "csubj", "csubjpass", "ROOT")


def charge_reason(token: Token, lexicon: Lexicon) -> str | None:
    """Why ``token`` names a crime as a charge ("charged with murder", "wanted for Assault
    with ... Intent to Kill", lexicon ``charge_words``); None when it does not. The path up to
    the charge word crosses only charge prepositions whose object is a legal term, and clauses
    with no conjunction of time or cause ("after he shot", "in the shooting" leave the
    charge). Harm named in a charge is no harm done (``irrealis_reason``) and counts nobody
    (``casualties.find_casualties``); a crime it names is the story's crime told again
    (``Frame.charged``)."""
    current, below = token, token
    while current.dep_ not in LEAVES_CHARGE_DEPS and current.head != current:
        if current.dep_ == "prep" and (current.lower_ not in lexicon.cues["charge_prepositions"]
                                       or not _legal_term(below)):
            return None  # "in the shooting", "for killing his wife"
        if current.dep_ == "advcl" and any(c.dep_ == "mark" for c in current.children):
            return None
        below, current = current, current.head
        if current.lemma_.lower() in lexicon.cues["charge_words"] and _states_charge(current, lexicon):
            return f"a charge ({current.lemma_!r})"
    return None


def _states_charge(word: Token, lexicon: Lexicon) -> bool:
    """The charge word names its crime as a legal term: a noun with no article, possessive
    or "of" after it ("with murder", "of attempted murder"; not "with the murder of")."""
    for prep in word.children:
        if prep.dep_ == "prep" and prep.lower_ in lexicon.cues["charge_prepositions"]:
            if any(_legal_term(o) for o in prep.children if o.dep_ == "pobj"):
                return True
    return False


def _legal_term(noun: Token) -> bool:
    return noun.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ in ("det", "poss") or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children)


def _opens_realis(link: Token, lexicon: Lexicon) -> bool:
    """"after seven people were murdered", "following the attack": what the phrase or clause
    tells happened, whatever the verb above it vows or plans."""
    words = lexicon.cues["realis_links"]
    if link.dep_ == "prep":
        return link.lower_ in words
    return link.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in words for c in link.children)


def _labour_strike(noun: Token, lexicon: Lexicon) -> bool:
    """"a national strike and demonstration", "the Women's Strike movement", "a hunger
    strike": a strike that is a stoppage, not an attack."""
    if noun.lemma_.lower() != "strike":
        return False
    words = lexicon.cues["labour_strike_words"]
    near = [*noun.children, noun.head, *noun.conjuncts]
    return noun.ent_type_ in ("ORG", "ACTOR", "EVENT") or any(
        t.lemma_.lower() in words or t.lower_ in words for t in near)


def _likeness(noun: Token) -> bool:
    """"a riot-like situation", "war-like scenes": like the event, not the event."""
    doc = noun.doc
    return noun.i + 2 < len(doc) and doc[noun.i + 1].text == "-" and doc[noun.i + 2].lower_ == "like"


def _noun_reason(noun: Token, lexicon: Lexicon) -> str | None:
    if _labour_strike(noun, lexicon):
        return "a labour strike"
    if _likeness(noun):
        return "a likeness ('-like')"
    for child in noun.children:
        if child.dep_ in ("det", "amod", "advmod") and child.lower_ in lexicon.cues["nonspecific_determiners"]:
            return f"non-specific ({child.lower_!r})"
        if child.dep_ in ("amod", "compound") and child.lower_ in lexicon.cues["vague_modifiers"]:
            return f"vague ({child.lower_!r})"
    verb = support_verb(noun, lexicon)
    if noun.dep_ in ("nsubj", "nsubjpass"):  # "attacks would continue"
        verb = noun.head
        if verb.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") for c in verb.children):
            return "generic (what attacks are, not an attack)"
    if verb is not None and (has_modal(verb, lexicon) or is_negated(verb)):
        return f"under a negated or modal {verb.lemma_!r}"
    return None


def _verb_reason(verb: Token, lexicon: Lexicon, is_title: bool) -> str | None:
    if has_modal(verb, lexicon):
        return "hypothetical or future (modal verb)"
    if not is_title and _imperative(verb):
        return "an order, not a report ('Shoot him!')"
    if verb.dep_ in ("csubj", "csubjpass"):
        return "generic (subject of a statement about it)"
    if verb.tag_ == "VBG" and verb.dep_ == "amod" and not _kind_of_killing(verb, lexicon):
        return "descriptive participle"
    if verb.dep_ == "acl" and any(c.lower_ in lexicon.cues["record_modifiers"]
                                  for c in verb.head.children if c.dep_ == "amod"):
        return "a record ('the first ... killed since')"
    if not is_title and verb.tag_ in ("VBZ", "VBP") and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        if not any(e.label_ == "DATE" for e in verb.sent.ents) and not _counts_its_parties(verb):
            return "habitual present"
    return None


def _kind_of_killing(participle: Token, lexicon: Lexicon) -> bool:
    """"the shooting death of a teen", "a stabbing death": the participle says how someone was
    killed; the death is its event (a "burning building" is no event)."""
    return participle.head.lemma_.lower() in lexicon.casualty_outcomes["killing_nouns"]


def _counts_its_parties(verb: Token) -> bool:
    """"Four suicide bombers blow themselves up", "Gunmen kill 5 in Kaduna": a headline's
    present counts who did it or who was hit; a habit does not ("militants attack convoys")."""
    parties = [t for t in verb.children if t.dep_ in ("nsubj", "dobj", "nsubjpass")]
    if any(t.like_num or any(c.dep_ == "nummod" for c in t.children) for t in parties):
        return True
    # "Mob lynches Muslim man": a headline drops the articles a habit would need ("a mob")
    return len(parties) >= 2 and all(_bare_singular(t) for t in parties)


def _bare_singular(noun: Token) -> bool:
    return noun.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in noun.children)


#: what makes a bare verb a report, not an order: a subject, an auxiliary, "to", a subordinator
NOT_IMPERATIVE_DEPS = ("nsubj", "nsubjpass", "expl", "aux", "auxpass", "mark")
#: where an order's verb stands when no quotation marks it: its own sentence or clause
IMPERATIVE_DEPS = ("ROOT", "parataxis")
#: how a second order joins the first ("Shoot him, shoot him", "Stop and search them")
NEXT_ORDER_DEPS = ("conj", "dep")


def _imperative(verb: Token) -> bool:
    """A base-form verb with no subject, auxiliary or "to" that heads its sentence or opens a
    quotation: "Shoot him", "yelled, 'Attack the convoy!'" (an order, which reports nothing
    that happened)."""
    if verb.tag_ != "VB" or any(c.dep_ in NOT_IMPERATIVE_DEPS for c in verb.children):
        return False
    if verb.dep_ in IMPERATIVE_DEPS:
        return True
    if verb.dep_ in NEXT_ORDER_DEPS and verb.head.tag_ == "VB" and verb.head.i < verb.i:
        return _imperative(verb.head)
    return verb.i > 0 and verb.doc[verb.i - 1].tag_ == "``"


def _names_armed(sentence: Span, lexicon: Lexicon) -> bool:
    """The sentence names an armed actor ("militants", a listed group) other than as the source
    of what it tells ("police said", "the police sources said", "according to police")."""
    return any((t.ent_type_ == "ACTOR" or t.lemma_.lower() in lexicon.heads["armed"])
               and not _a_source(t, lexicon) for t in sentence)


def _a_source(token: Token, lexicon: Lexicon) -> bool:
    """The word names who tells the story: the subject of a speech verb or "according to"."""
    head = token.head if token.dep_ in ("compound", "amod", "poss") else token
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in lexicon.cues["speech_verbs"]:
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according"


#: the reasons ``accident_reason`` gives: nature or an accident did the harm
ACCIDENT_REASONS = ("natural or accidental", "natural", "accident")


def accident_reason(trigger: Trigger, lexicon: Lexicon) -> str | None:
    """"An earthquake struck", "a gas cylinder explosion": nature or an accident, no attack.
    An explosion is an accident when its sentence has an accident cue and names no attacker."""
    token = trigger.token
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if trigger.pos == "verb" and any(f in lexicon.cues["disaster_subjects"]
                                     for s in subjects for f in lemma_forms(s)):
        return "natural or accidental"
    sentence = token.sent
    words = SentenceWords.of(sentence)
    violent = trigger.sense.event_class in ("attack", "harm", "clash")
    if violent and words.cued(lexicon.cues["natural_hazards"]) and not _names_armed(sentence, lexicon):
        return "natural"  # "a strong earthquake killed eight people"
    explosion = trigger.sense.weapon == "IED" and trigger.sense.event_class == "attack"
    if not (explosion or trigger.sense.event_class == "harm"):
        return None  # the armed actors are asked for only where an accident is told
    people = [s for s in subjects if s.ent_type_ in ("ACTOR", "PERSON", "NORP") or s.pos_ == "PRON"
              or any(f in lexicon.heads["armed"] or f in lexicon.heads["civilian"] for f in lemma_forms(s))]
    if explosion and not people and words.cued(lexicon.cues["accident_cues"]) \
            and not _names_armed(sentence, lexicon):
        return "accident"
    if _accident_told(words, lexicon) and not _names_armed(sentence, lexicon):
        return "accident"
    return None


def _accident_told(words: "SentenceWords", lexicon: Lexicon) -> bool:
    """The sentence tells of an accident ("a bus plunged off a bridge", "a boiler exploded at
    the plant") and of nothing anyone meant (no weapon, attacker or attack word)."""
    cues = lexicon.cues
    accident = words.cued(cues["accident_events"]) or (
        words.cued(cues["explosion_words"]) and words.cued(cues["accident_cues"]))
    return accident and not words.cued(cues["deliberate_cues"])


def police_work_reason(trigger: Trigger, lexicon: Lexicon) -> str | None:
    """"police arrested ten people over fake currency": arrests and seizures about crime, with
    no armed or political actor named, are not political events."""
    sentence = trigger.token.sent
    if trigger.sense.event_class in POLICE_WORK and _cued(sentence, lexicon.cues["crime_cues"]) \
            and not any(t.ent_type_ == "ACTOR" for t in sentence):
        return "criminal"
    return None


def nonviolent_reason(trigger: Trigger, lexicon: Lexicon) -> str | None:
    """"sanctions targeting ten officials", "targeted Russia with sanctions", "attacked the
    campaign website", "attacked the decision": an attack word used of means or targets no
    weapon reaches."""
    if trigger.sense.event_class != "attack":
        return None
    token = trigger.token
    means = [token.head] if token.dep_ in ("acl", "relcl") else []
    if token.dep_ == "advcl" and token.tag_ == "VBG":  # "unveiled sanctions ..., targeting ten officials"
        means += [t for t in token.head.children if t.dep_ == "dobj"]
    means += [t for t in token.children if t.dep_ in ("nsubj", "nsubjpass")]
    means += [o for p, o in prep_objects(token) if p in ("with", "by")]
    things = [t for t in token.children if t.dep_ == "dobj"] + \
        [t for t in token.children if t.dep_ == "nsubjpass"]
    cues = lexicon.cues
    if any(f in cues["nonviolent_means"] for m in means for f in lemma_forms(m)) or \
            any(f in cues["nonviolent_targets"] for t in things for f in lemma_forms(t)):
        return "not violence (sanctions, words or a website)"
    return None


def _harms_nobody(verb: Token, lexicon: Lexicon) -> bool:
    """"no one else was injured", "nobody was hurt": the only victims named are nobody."""
    victims = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")]
    nobody = lexicon.casualty_outcomes["nobody"]
    return bool(victims) and all(
        v.lower_ in ("nobody", "none") or (v.lower_ in nobody and any(c.lower_ == "no" for c in v.children))
        for v in victims)


#: sentences whose words are kept for the checks of their triggers (each keeps its document)
SENTENCES_CACHED = 16
#: classes that are police work when done about crime (arrests, seizures)
POLICE_WORK = ("arrest", "intercept")


@dataclass(frozen=True)
class SentenceWords:
    """A sentence's words (lemmas and forms) and text, lower case, read once for the several
    cue lists a trigger is checked against."""

    words: frozenset[str]
    text: str

    @classmethod
    def of(cls, sentence: Span) -> "SentenceWords":
        return _sentence_words(sentence)

    def cued(self, cues: frozenset[str]) -> bool:
        """Any cue here: single words by lemma or form, phrases by text."""
        return any((c in self.words) if " " not in c else (c in self.text) for c in cues)


@lru_cache(maxsize=SENTENCES_CACHED)
def _sentence_words(sentence: Span) -> SentenceWords:
    """Read once per sentence: each trigger's checks ask for it again (a span is equal to
    another of the same document and bounds)."""
    return SentenceWords(frozenset({t.lemma_.lower() for t in sentence} | {t.lower_ for t in sentence}),
                         sentence.text.lower())


def _cued(sentence: Span, cues: frozenset[str]) -> bool:
    return SentenceWords.of(sentence).cued(cues)


def irrealis_reason(trigger: Trigger, lexicon: Lexicon, is_title: bool = False) -> str | None:
    """Why this trigger reports no real, specific event; None when it does."""
    token = trigger.token
    if is_negated(token):
        return "negated"
    not_political = accident_reason(trigger, lexicon) or police_work_reason(trigger, lexicon) \
        or nonviolent_reason(trigger, lexicon)
    if not_political:
        return not_political
    if trigger.harm and _harms_nobody(token, lexicon):
        return "nobody harmed"  # "... but no one else was injured"
    own = (_noun_reason(token, lexicon) if trigger.pos == "noun"
           else _verb_reason(token, lexicon, is_title) or _purpose_reason(trigger, lexicon))
    charged = charge_reason(token, lexicon) if trigger.harm else None
    return own or _embedding_reason(token, lexicon) or charged


#: how a "to" clause of purpose hangs on what it is the purpose of: "an offensive to retake
#: Mosul", "a bid to reopen the road"; and "travelling to fight" through a motion verb. A clause
#: on a verb ("invaded the hospital to attack the injured") mostly tells what was done.
PURPOSE_DEPS = ("acl",)
#: crowds gather "to protest", police fire tear gas "to disperse" them: that is the act itself
PURPOSE_EXEMPT_CLASSES = ("protest", "crowd", "crowd_control")


def _purpose_reason(trigger: Trigger, lexicon: Lexicon) -> str | None:
    """"travelling to fight", "a counter-offensive to recapture the road": what someone set out
    to do, not what happened."""
    verb = trigger.token
    if trigger.sense.event_class in PURPOSE_EXEMPT_CLASSES or verb.tag_ != "VB" \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if verb.dep_ in PURPOSE_DEPS or (
            verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicon.cues["purpose_governors"]):
        return "a purpose ('travelling to fight'), not what happened"
    return None
