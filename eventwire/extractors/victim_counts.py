"""How many people a victim phrase counts: "three soldiers", "a man", "both teens", "Jon
Boring, 51, who", "a man, a woman and two teens" (``casualties.py`` reads who was harmed; this
module says how many they are).
"""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon
from .numbers import Figure, number_words, parse_figure
from .syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, children, kind_of, prep_objects

#: plural words for people that a list after them restates: "two people, a man and a woman,"
RESTATED_PEOPLE = frozenset({"people", "person", "victim", "individual", "other"})
#: entity labels of a proper noun that cannot be one victim
NOT_A_PERSON = frozenset(("ACTOR", "GPE", "LOC", "FAC", "NORP"))
#: entity labels of a number that is part of a date or a time of day
CALENDAR_ENTITIES = frozenset(("DATE", "TIME"))
#: words of an age, which the NER also labels a date ("the 18-year-old")
AGE_WORDS = frozenset(("year", "years", "month", "months", "week", "weeks", "old"))
#: tags of "who", "that", "which" standing for a noun their clause describes
RELATIVE_PRONOUN_TAGS = ("WP", "WDT")


def figure_of(victim: Token, lexicon: Lexicon) -> tuple[Figure | None, Token]:
    """The number of people a victim phrase counts, and the token that begins it; people
    "among" a number count that number, of which they are some ("Family members of shooter
    among 7 slain": seven)."""
    victim = _antecedent(victim, lexicon)
    group = next((o for p, o in prep_objects(victim) if p == "among"), None)
    if group is not None and (group.like_num or any(c.dep_ == "nummod" for c in group.children)):
        return figure_of(group, lexicon)
    counting = lexicon.casualty_outcomes["counting_determiners"]
    both = next((t for t in (victim, *victim.children) if t.lower_ in counting
                 and (t is victim or t.dep_ in ("det", "predet"))), None)
    if both is not None:  # "Both teens died": the value [numbers] gives the word
        return Figure(number_words().units[both.lower_]), both
    if victim.lower_ in lexicon.casualty_outcomes["nobody"] and any(c.lower_ == "no" for c in victim.children) \
            or victim.lower_ in ("nobody", "none", "anyone", "anybody"):
        return None, victim  # "no one else was hurt"
    if _is_an_age(victim):
        return Figure(1), victim.nbor(-2)
    if _is_a_day_or_time(victim):
        return None, victim  # "was shot and killed Jan. 11": a day, not eleven people
    if victim.tag_ == "JJ" and victim.like_num:  # "a second was injured": an ordinal is one person
        return Figure(1), min([victim, *victim.lefts], key=lambda t: t.i)
    if victim.like_num or victim.tag_ == "CD":
        start = min([victim] + [c for c in victim.children if c.dep_ in ("quantmod", "advmod")],
                    key=lambda t: t.i)
        return parse_figure(victim.doc[start.i:victim.i + 1].text), start
    if victim.lemma_.lower() == "number":
        return None, victim  # "an unknown number of soldiers": read by the unknown-toll patterns
    modifiers = [victim] + [c for c in victim.children if c.dep_ == "compound"]  # "Thirteen Houthi fighters"
    number = next((c for m in modifiers for c in m.children if c.dep_ == "nummod"
                   or c.dep_ == "compound" and (c.like_num or c.ent_type_ == "CARDINAL")), None)
    if number is not None:
        words = sorted(number.subtree, key=lambda t: t.i)
        if number.head.lower_ in AGE_WORDS:  # "Shooting 17-Year-Old": an age, one person
            return Figure(1), words[0]
        return parse_figure(" ".join(t.text for t in words)), words[0]
    for child in victim.children:
        if child.dep_ in ("det", "amod") and child.lower_ in ("a", "an", "one"):
            return Figure(1), child
        if child.dep_ in ("amod", "det") and child.lower_ in number_words().vague:
            return Figure(number_words().vague[child.lower_], vague=True), child
    if victim.lower_ in number_words().vague:
        return Figure(number_words().vague[victim.lower_], vague=True), victim
    if _is_one_person(victim, lexicon):
        return Figure(1), min([victim, *victim.lefts], key=lambda t: t.i)
    return None, victim


def listed(victim: Token) -> list[Token]:
    """A victim and the people listed after it that the parser hung on it as an apposition:
    "A man, a woman and two teens were wounded" is four ("a woman" and its conjuncts are no
    second name for "a man"), and "the victims, a man and a woman," or "two people, a man and a
    woman," are two. Only a list of
    phrases that count their people ("a", a number) is read so: "Lupoe, a mother of two, was
    shot" is one person."""
    listed = [victim]
    for apposed in (c for c in victim.children if c.dep_ == "appos"):
        if not apposed.conjuncts or not all(_counts_itself(t) for t in (apposed, *apposed.conjuncts)):
            continue
        if victim.lemma_.lower() in RESTATED_PEOPLE or not _counts_itself(victim) and victim.tag_ == "NNS":
            listed = [apposed, *apposed.conjuncts]  # "two people, a man and a woman,": the list
        elif _counts_itself(victim):
            listed += [apposed, *apposed.conjuncts]
    return listed


def _counts_itself(noun: Token) -> bool:
    """"a woman", "two teens": a phrase whose own word says how many people it names."""
    return any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in ("a", "an")) for c in noun.children)


def _antecedent(token: Token, lexicon: Lexicon) -> Token:
    """"Jon Boring, 51, who was shot and killed": a relative pronoun counts the people its
    clause describes; "Both teens were taken to a hospital, where they died": "they" counts
    the subject of a clause it hangs on."""
    pronouns = lexicon.casualty_outcomes["plural_pronouns"]
    subject = SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS
    if token.lower_ in pronouns and token.dep_ in subject:  # not "shot them": whom is not known
        return next((s for verb in token.ancestors if verb.pos_ in ("VERB", "AUX")
                     for s in children(verb, subject) if s.i < token.i and s.lower_ not in pronouns),
                    token)
    if token.tag_ not in RELATIVE_PRONOUN_TAGS:
        return token
    clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
    return clause.head if clause is not None and clause.head.pos_ in ("NOUN", "PROPN") else token


def _is_a_day_or_time(token: Token) -> bool:
    """A number in a date or time ("Jan. 11", "at 11 p.m."), but not in an age, which the NER
    labels a date too ("the 18-year-old")."""
    if token.ent_type_ not in CALENDAR_ENTITIES:
        return False
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return entity is not None and not any(t.lower_ in AGE_WORDS for t in entity)


def _is_an_age(token: Token) -> bool:
    """"Boy, 9, accidentally shot": a number between commas after a word is that person's age
    (the parser often makes the number the subject)."""
    doc, i = token.doc, token.i
    if not token.like_num or i < 2 or i + 1 >= len(doc):
        return False
    return doc[i - 1].text == "," and doc[i + 1].text == "," and doc[i - 2].is_alpha \
        and doc[i - 2].pos_ in ("NOUN", "PROPN", "INTJ")


def _is_one_person(victim: Token, lexicon: Lexicon) -> bool:
    """"he", "the victim", "a teenager", "Jassely Lupoe": one person, though no number says so."""
    if victim.lower_ in lexicon.casualty_outcomes["single_pronouns"]:
        return True
    if victim.lower_ in lexicon.casualty_outcomes["reflexive_pronouns"]:  # "shot himself", "killed herself"
        harm = victim.head.lemma_.lower()
        return harm in lexicon.casualty_outcomes["injury_verbs"] or lexicon.casualty_verbs.get(harm) == "killed"
    listed = _first_conjunct(victim)  # "no guests or staff were hurt": "no" counts staff too
    if victim.lower_ in lexicon.casualty_outcomes["nobody"] \
            or any(c.lower_ in ("no", "any") for c in (*victim.children, *listed.children)) \
            or any(c.dep_ == "neg" for c in (*victim.head.children, *listed.head.children)):
        return False
    if victim.lower_ in lexicon.casualty_outcomes["age_words"] \
            and any(c.lemma_.lower() in lexicon.casualty_outcomes["age_units"] for c in victim.children):
        return True  # "the 18-year-old was shot"
    if _full_name(victim):  # a person's name; the NER often calls one an ORG
        listed = victim.dep_ == "conj" or any(c.dep_ == "conj" for c in victim.children)
        if listed and victim.ent_type_ != "PERSON" and not _two_word_name(victim):
            return False  # "News, Weather, Traffic and Sports" after a headline's bar
        return victim.ent_type_ not in NOT_A_PERSON
    if victim.tag_ not in ("NN", "NNP"):
        return False  # a plural: its number counts it, not this
    return kind_of(victim, lexicon) in ("civilian", "person", "name", "other") \
        or victim.lemma_.lower() in lexicon.heads["armed"]


def _first_conjunct(token: Token) -> Token:
    """"guests" in "no guests or staff": the head of a list the token is part of."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _full_name(victim: Token) -> bool:
    """"Quinlan", "Troy Banks": a name, though the tagger reads a surname ending in s as a plural."""
    return victim.tag_ == "NNP" or victim.tag_ == "NNPS" and _two_word_name(victim)


def _two_word_name(victim: Token) -> bool:
    return any(c.dep_ == "compound" and c.tag_ == "NNP" for c in victim.children)
