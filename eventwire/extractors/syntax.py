"""Small helpers over spaCy's dependency parse, shared by the extractors.

They answer questions the extractor asks of a token: what phrase does it head, what are its
subjects, objects and prepositional objects, is its clause passive, what kind of thing does the
phrase name (weapon, event, actor, civilians, facility, place).
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.tokens import Span, Token

from ..document import Sentence, TextSpan
from .lexicon import Lexicon, derived

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
OBJECT_DEPS = ("dobj", "attr", "oprd")
#: a hyphen between the words of a weapon's name, as copy writes it or the tokenizer splits it
HYPHENS = re.compile(r"\s*-\s*")
PLACE_ENTS = ("GPE", "LOC", "FAC")


def text_span(sentence: Sentence, first: Token, last: Token) -> TextSpan:
    """Article-offset span from token ``first`` to token ``last`` (inclusive). The text is
    the span's own: ``doc.text`` would rebuild the whole paragraph at every call."""
    start = sentence.base + first.idx
    end = sentence.base + last.idx + len(last.text)
    return TextSpan(start, end, first.doc[first.i:last.i + 1].text if first.i <= last.i else "")


def core_phrase(head: Token) -> tuple[Token, Token]:
    """The words that name what ``head`` is: determiners, modifiers, compounds and the head
    ("the Ain al-Asad airbase"), without clauses or prepositional tails."""
    first = head
    for child in head.lefts:  # not a misattached "On 1 December 2023," before a subject
        if child.dep_ not in ("prep", "punct"):
            first = min(first, child.left_edge, key=lambda t: t.i)
    last = head
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nummod", "appos") and child.i == last.i + 1:
            last = child.right_edge
    return first, last


def entity_phrase(head: Token) -> tuple[Token, Token]:
    """The named entity ``head`` belongs to, or its core phrase. A name the parser read as a
    verb ("Sao Jose dos Campos" with "dos" a verb) is the name alone."""
    if head.ent_type_:
        ent_first, ent_last = _entity_bounds(head)
        if head.pos_ in ("VERB", "AUX"):
            return ent_first, ent_last
        first, last = core_phrase(head)
        return (min(first, ent_first, key=lambda t: t.i), max(last, ent_last, key=lambda t: t.i))
    return core_phrase(head)


def _entity_bounds(token: Token) -> tuple[Token, Token]:
    """The first and last token of the entity ``token`` is in, from the IOB tags (``doc.ents``
    would build every entity of the paragraph to find one)."""
    doc, first, last = token.doc, token.i, token.i
    while doc[first].ent_iob_ == "I" and first > 0:
        first -= 1
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    return doc[first], doc[last]


#: words by which a common noun names whose side it is on: "fighters belonging to both groups",
#: "forces loyal to the government", "militias affiliated with the army"
ALLEGIANCE_WORDS = ("belong", "loyal", "affiliate", "affiliated")


def actor_phrase(head: Token) -> tuple[Token, Token]:
    """An actor phrase, with its "of" tail when the head is a common noun: "forces of the
    international coalition", "fighters belonging to both groups", "forces loyal to the
    government"."""
    first, last = entity_phrase(head)
    if head.ent_type_:
        return first, last
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" or \
                child.dep_ in ("acl", "amod") and child.lemma_.lower() in ALLEGIANCE_WORDS:
            objs = [o for o in child.subtree if o.dep_ == "pobj"]
            if objs:
                return first, max(entity_phrase(objs[0])[1], objs[0], key=lambda t: t.i)
    return first, last


def with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def children(token: Token, deps: tuple[str, ...]) -> list[Token]:
    found = [c for c in token.children if c.dep_ in deps]
    return [t for c in found for t in with_conjuncts(c)]


def prep_objects(token: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs hanging off ``token``: "fired at a base" -> ("at", base);
    a preposition joined to one of them is one too ("struck sites around al-Mayadin and near
    Albu Kamal": the parser hangs "near" on "around"), if written in lower case ("in Arab ar
    Rashaydah and At Taamre areas": "At" opens a name)."""
    for first in token.children:
        if first.dep_ not in ("prep", "agent", "dative"):
            continue
        yield from _objects_of(first)
        for prep in first.conjuncts:
            if prep.pos_ == "ADP" and prep.is_lower:
                yield from _objects_of(prep)


def _objects_of(prep: Token) -> Iterator[tuple[str, Token]]:
    for obj in prep.children:
        if obj.dep_ in ("pobj", "pcomp"):
            for conj in with_conjuncts(_participle_object(obj)):
                yield prep.lower_, conj
    for inner in prep.children:  # "as well as in Syria" / "from inside Syria"
        if inner.dep_ == "prep":
            for obj in inner.children:
                if obj.dep_ == "pobj":
                    yield inner.lower_, obj


#: participles that describe a noun but that the parser takes for a verb with an object: "threw
#: rocks at passing cars", "fired on fleeing civilians"
DESCRIBING_PARTICIPLES = ("passing", "fleeing", "moving", "oncoming", "approaching", "retreating",
                          "advancing", "waiting", "sleeping", "praying", "travelling", "traveling")


def _participle_object(obj: Token) -> Token:
    if obj.dep_ == "pcomp" and obj.lower_ in DESCRIBING_PARTICIPLES:
        return next((c for c in obj.children if c.dep_ == "dobj"), obj)
    return obj


def instruments(token: Token, verbs: Iterable[str]) -> list[Token]:
    """What an event was done with, told by a participle: "targeted the town using a drone",
    "attacked the post employing mortars", "using guns and mortars" -> [drone], [mortars],
    [guns, mortars] (the parser often hangs the participle on the object)."""
    heads = [token, *(c for c in token.children if c.dep_ == "dobj")]
    return [tool for head in heads for child in head.children
            if child.dep_ in ("advcl", "xcomp", "acl") and child.lemma_.lower() in verbs
            for obj in child.children if obj.dep_ == "dobj" for tool in with_conjuncts(obj)]


def is_reduced_passive(verb: Token) -> bool:
    """"rockets fired at the base": a participle modifying the noun it acts on (the tagger
    often says VBD in headlines)."""
    return verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and not misread_clause(verb)


def misread_clause(verb: Token) -> bool:
    """"Ukrainian forces attacked near Verbove, but were repelled": the parser made the
    subject a root noun and "attacked" its participle; the noun's coordinated verb with its
    own auxiliary ("were repelled") shows the noun heads a clause, so the participle is its
    active verb. So does a past tense after the comma that closes a long subject."""
    if verb.dep_ != "acl":
        return False
    subject = clause_subject(verb)
    if subject.dep_ != "ROOT" or subject.pos_ not in ("NOUN", "PROPN"):
        return False
    if verb.tag_ == "VBD" and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        return True  # "protesters, including members of CAIR and other rabbis, gathered in front of"
    return verb.head == subject and any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
               and any(a.dep_ in ("aux", "auxpass") for a in c.children) for c in verb.head.children)


def clause_subject(verb: Token) -> Token:
    """The noun a participle hangs on, or the first of the list it is the last member of
    ("protesters, ... and several imams, gathered": the protesters)."""
    return first_conjunct(verb.head)


def first_conjunct(token: Token) -> Token:
    """The first member of the list ``token`` belongs to ("residents" for "group" in
    "residents and a local monitoring group")."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def trailing_speakers(sentence: Span, speech_verbs: Iterable[str]) -> set[Token]:
    """Who says it, when the parser hung them on the list before them: in "... fought them
    back with air strikes and artillery, residents and a local monitoring group said", the
    root "said" has no subject and "residents" and "group" came out as more instruments.
    The speakers are the list's members from its last comma to the reporting root."""
    root = sentence.root
    if root.lemma_.lower() not in speech_verbs or any(c.dep_ in SUBJECT_DEPS for c in root.children):
        return set()
    if root.i <= sentence.start:
        return set()
    before = root.doc[root.i - 1]  # "residents of the town said": climb from "town" to "residents"
    while before.dep_ != "conj" and before.head.i < root.i and before.head != before:
        before = before.head
    if before.dep_ != "conj" or before.right_edge.i != root.i - 1:
        return set()
    head = first_conjunct(before)
    members = sorted(m for m in (head, *head.conjuncts) if m.i <= before.i)
    after_comma = [m for m in members if m.left_edge.i > sentence.start
                   and m.doc[m.left_edge.i - 1].text == ","]
    return {m for m in members if after_comma and m.i >= after_comma[-1].i}


def colon_speakers(sentence: Span, longest: int = 4) -> set[Token]:
    """Who a headline quotes before a colon: "Police: man shot and killed near ..." (the parser
    makes them the subject of what they report)."""
    colon = next((t for t in sentence[:longest + 1] if t.text == ":"), None)
    if colon is None or any(t.pos_ in ("VERB", "AUX") for t in sentence.doc[sentence.start:colon.i]):
        return set()
    return set(sentence.doc[sentence.start:colon.i])


def is_passive(verb: Token) -> bool:
    if is_reduced_passive(verb):
        return True
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def subjects(verb: Token) -> list[Token]:
    """Active subjects; a verb without its own takes its coordinated head's ("X struck and killed")."""
    own = children(verb, SUBJECT_DEPS)
    if own:
        return own
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return children(verb.head, SUBJECT_DEPS) if verb.dep_ != "advcl" else []
    if verb.dep_ == "relcl":
        relative = [c for c in verb.children if c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT")]
        if relative:
            return [verb.head]
    if misread_clause(verb):
        return [clause_subject(verb)]
    return _subject_hung_on_place(verb)


def _subject_hung_on_place(verb: Token) -> list[Token]:
    """"in Monterrey, Nuevo Leon, around 50 merchants blocked ...": the parser hangs the
    subject on the place written before it, as an apposition."""
    places = [o for p in verb.lefts if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
              and o.ent_type_ in ("GPE", "LOC")]
    return [c for place in places for c in place.children
            if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i < verb.i][:1]


def passive_subjects(verb: Token) -> list[Token]:
    own = children(verb, PASSIVE_SUBJECT_DEPS)
    if own:
        return own
    if is_reduced_passive(verb):  # "rockets fired at the base"; "Drone, rockets fired at ..."
        head = verb.head
        found = with_conjuncts(head)
        if head.dep_ == "appos":
            found.append(head.head)
        return found
    if verb.dep_ == "conj" and is_passive(verb.head):
        return children(verb.head, PASSIVE_SUBJECT_DEPS)
    return []


def objects(verb: Token) -> list[Token]:
    return children(verb, OBJECT_DEPS)


def launched_by(weapon: Token, lexicon: Lexicon) -> list[Token]:
    """Who sent a weapon, from the clause that describes it: "a drone launched by Hezbollah",
    "rockets fired by militants"."""
    return [agent for clause in weapon.children
            if clause.dep_ == "acl" and clause.lemma_.lower() in lexicon.cues["launch_verbs"]
            for agent in agents(clause)]


def shared_objects(verb: Token) -> list[Token]:
    """"attacked and seized the checkpoint": a verb with no object of its own shares the one
    of the verb "and" joins to it, when that verb has no subject of its own."""
    if objects(verb):
        return []
    for joined in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        if not any(s.dep_ in ("nsubj", "nsubjpass") for s in joined.children):
            return objects(joined)
    return []


def agents(verb: Token) -> list[Token]:
    """The "by" phrase of a passive verb (or of an event noun: "an attack by gunmen")."""
    return [obj for prep, obj in prep_objects(verb) if prep == "by"]


def weapon_code(head: Token, lexicon: Lexicon) -> str | None:
    """The weapon a phrase names ("drone", "fourteen rockets", "salvos of rockets"), if any."""
    inner = [o for p, o in prep_objects(head) if p == "of"]
    if inner and any(f in lexicon.heads["quantity"] for f in lemma_forms(head)):
        return weapon_code(inner[0], lexicon)
    ends = derived(lexicon, "weapon_phrase_ends", _weapon_phrase_ends)
    if head.lower_ in ends or head.lemma_.lower() in ends:  # the phrase's last word
        first, last = core_phrase(head)
        words = head.doc[first.i:head.i + 1]
        for phrase in (words.text.lower(), " ".join(t.lemma_.lower() for t in words)):
            phrase = HYPHENS.sub(" ", phrase)  # "air-raids", "air - raid": "air raid"
            for weapon_words, code in lexicon.weapon_phrases:
                if phrase.endswith(HYPHENS.sub(" ", weapon_words)):
                    return code
    return lexicon.weapon_of(head.lemma_) or lexicon.weapon_of(head.lower_)


def _weapon_phrase_ends(lexicon: Lexicon) -> frozenset[str]:
    """The last words of the weapon phrases: a phrase can end in one only if its head is one."""
    return frozenset(words.split()[-1] for words, _ in lexicon.weapon_phrases)


def modifier_weapons(noun: Token, lexicon: Lexicon) -> list[str]:
    """Weapons named as modifiers of an event noun: "drone attack", "rocket and mortar fire"."""
    found = []
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod", "nmod"):
            for tok in with_conjuncts(child):
                code = lexicon.weapon_of(tok.lemma_) or lexicon.weapon_of(tok.lower_)
                if code and code not in found:
                    found.append(code)
    phrase = noun.doc[core_phrase(noun)[0].i:noun.i + 1].text.lower()
    for words, code in lexicon.weapon_phrases:
        if words in phrase and code not in found:
            found.append(code)
    return found


def lemma_forms(token: Token) -> tuple[str, ...]:
    """The lemma, the word, and the word without a plural "s" (the tagger lemmatises "bases"
    as "basis" and proper-noun "salvos" not at all)."""
    lower = token.lower_
    return (token.lemma_.lower(), lower, lower[:-1] if lower.endswith("s") else lower)


def _one_person(head: Token) -> bool:
    """"shot a Palestinian": a nationality with an article is a person."""
    return head.dep_ not in ("amod", "compound") and any(
        c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another") for c in head.children)


def kind_of(head: Token, lexicon: Lexicon) -> str:
    """What a phrase headed by ``head`` names: actor, weapon, event, civilian, facility, place,
    person, other. Named entities decide first, then the head noun's lexicon class."""
    forms = lemma_forms(head)
    lemma = forms[0]
    if head.ent_type_ in ("DATE", "TIME"):  # "on 1 December 2023" is no target
        return "other"
    if head.like_num or head.ent_type_ == "CARDINAL" or lemma in ("thousand", "hundred", "dozen", "crowd"):
        inner = [o for p, o in prep_objects(head) if p == "of"]
        return kind_of(inner[0], lexicon) if inner else "civilian"  # "Thousands of Jordanians"
    if head.ent_type_ == "ACTOR" or _armed_staff(head, forms, lexicon) or _force_part(head, lexicon):
        return "actor"
    if weapon_code(head, lexicon):
        return "weapon"
    if any(f in lexicon.noun_triggers for f in forms):
        return "event"
    if head.ent_type_ in PLACE_ENTS:
        return "place"
    if head.ent_type_ == "NORP" and (head.tag_ in ("NNPS", "NNS") or _one_person(head)):
        return "civilian"  # "Jordanians", "Palestinians", "a Palestinian": people of a nation
    if head.ent_type_ == "ORG" and _names_occasion(head, lexicon):
        return "other"  # "the Boston Marathon bombing": an occasion, no side
    if head.ent_type_ in ("ORG", "NORP"):
        return "actor"
    if head.ent_type_ == "PERSON":
        return "person"
    if lemma in lexicon.heads["place_epithets"]:
        return "place"  # "the Syrian capital"
    common = _common_kind(forms, lexicon)
    if head.pos_ == "PROPN" and not head.ent_type_ and head.is_title \
            and not (common and opens_clause(head)):
        return "name"  # a capitalised name the NER missed ("near Samarra"): maybe a place
    return common or "other"


def _names_occasion(token: Token, lexicon: Lexicon) -> bool:
    """A word of a name whose last word names an occasion ("Boston" of "Boston Marathon")."""
    return _entity_bounds(token)[1].lower_ in lexicon.heads["occasions"]


def _force_part(head: Token, lexicon: Lexicon) -> bool:
    """"a company of the 7th Brigade", "elements of the army": part of a force is the force."""
    if head.lemma_.lower() not in lexicon.heads["force_parts"]:
        return False
    inner = [o for p, o in prep_objects(head) if p == "of"]
    return bool(inner) and kind_of(inner[0], lexicon) == "actor"


def _armed_staff(head: Token, forms: tuple[str, ...], lexicon: Lexicon) -> bool:
    """"law enforcement officials", "security agents": staff of an armed force; "armed men",
    "masked youths": people who carry arms."""
    heads, modifiers = lexicon.heads, [c for c in head.children if c.dep_ in ("compound", "amod")]
    if any(f in heads["civilian"] or f in heads["crowd"] for f in forms):
        return any(m.lower_ in heads["armed_modifiers"] for m in modifiers)
    return any(f in heads["staff"] for f in forms) and any(
        m.ent_type_ == "ACTOR" or m.lemma_.lower() in heads["armed"] or m.lower_ in heads["staff_modifiers"]
        for m in modifiers)


#: lexicon head lists, in the order they are tried, and the kind each names
COMMON_KINDS = (("armed", "actor"), ("civilian", "civilian"), ("facility", "facility"),
                ("civilian_facility", "facility"))


def _common_kind(forms: tuple[str, ...], lexicon: Lexicon) -> str | None:
    """The kind a common noun's head names ("troops": actor, "a hotel": facility)."""
    return next((kind for heads, kind in COMMON_KINDS
                 if any(f in lexicon.heads[heads] for f in forms)), None)


#: what may stand before a clause's first word: a dateline's dash, a colon, an opening quote
CLAUSE_OPENERS = ("-", "--", "\u2013", "\u2014", ":", '"', "\u201c", "(")


def opens_clause(token: Token) -> bool:
    """The first word of a sentence or of a dateline's text ("BEIRUT (Reuters) - Protesters
    hurled ..."), where a capital letter says nothing: the tagger often takes "Protesters" or
    "Soldiers" there for a name."""
    return bool(token.is_sent_start) or (
        token.i > 0 and token.nbor(-1).text in CLAUSE_OPENERS)


def is_plural(token: Token) -> bool:
    """A plural noun, also one tagged as a name for its capital ("Protesters hurled ...")."""
    return token.tag_ in ("NNS", "NNPS") or (
        token.tag_ == "NNP" and token.lower_.endswith("s") and opens_clause(token))


#: nouns that wrap a crowd: "a group of teachers", "dozens of protesters", "members of a union"
CROWD_WRAPPERS = ("group", "member", "number", "dozen", "dozens", "hundreds", "thousands", "scores")
#: how a modifier hangs on its noun: "US drone", "PKK positions", "the militia's vehicles"
MODIFIER_DEPS = ("compound", "nmod", "poss", "amod")


def modifier_chain(noun: Token) -> list[Token]:
    """Modifiers of a noun and of its modifiers ("US" in "a US drone strike"), nothing else."""
    found, todo = [], [c for c in noun.lefts if c.dep_ in MODIFIER_DEPS]
    while todo:
        tok = todo.pop()
        found.append(tok)
        todo += [c for c in tok.lefts if c.dep_ in MODIFIER_DEPS]
    return sorted(found, key=lambda t: t.i)


#: present forms of "be" that make a passive a state, not an act ("350 troops are deployed at
#: Tower 22"); "are being deployed" and "were deployed" are acts
STATIVE_BE = ("is", "are", "am", "'s", "'re")


def present_perfect(verb: Token) -> bool:
    """"has launched", "have been killed": a span of time up to now, not one dated act. A
    participle in a "with" clause takes the tense of the verb it hangs on ("has been mired in
    war since 2011, with government forces fighting ...")."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with" and verb.head.head.pos_ in ("VERB", "AUX"):
        return present_perfect(verb.head.head)
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP")
               for c in verb.children)


def stative_passive(verb: Token) -> bool:
    aux = [c.lower_ for c in verb.children if c.dep_ in ("auxpass", "aux")]
    return any(a in STATIVE_BE for a in aux) and "being" not in aux


def unwrap_crowd(head: Token) -> Token:
    """The people inside a crowd wrapper: "a group of teachers", "hundreds of protesters"."""
    inner = [o for p, o in prep_objects(head) if p == "of"]
    if inner and (head.like_num or any(f in CROWD_WRAPPERS for f in lemma_forms(head))):
        return unwrap_crowd(inner[0])
    return head


def is_national(head: Token) -> bool:
    """A weapon phrase that names whose it is: "Israeli artillery", "Russian warplanes", "a
    Houthi missile"."""
    return any(c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE", "ACTOR")
               for c in head.children)


def is_demonym_like(token: Token) -> bool:
    """"US drone strike", "Israeli strike": a state's name as a modifier names the attacker."""
    return token.text in ("US", "U.S.", "UK", "EU", "UN") or token.ent_type_ == "NORP"
