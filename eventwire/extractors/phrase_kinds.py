"""What a phrase names, past :func:`syntax.kind_of`: a crowd that can protest or riot, a
weapon word that is a person, a civilian place, the armed owner of a facility, ground that can
be taken. Pure functions of a token and the lexicon, read by ``frames.FrameBuilder`` as it puts
each phrase in its slot."""
from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import Lexicon
from .syntax import MODIFIER_DEPS, is_plural, kind_of, lemma_forms, unwrap_crowd

#: the weapon code of chemical weapons: named anywhere in an attack's sentence, it is the tactic
CHEMICAL = "chemical"


def names_people(lexicon: Lexicon, head: Token) -> bool:
    """A phrase naming people, who can be hurt: "a 30-year-old man", "two soldiers", "a
    customer"; not "a drone", nor a name that may be an aircraft's ("an MQ-9")."""
    kind = kind_of(head, lexicon)
    return kind in ("civilian", "person") or kind == "actor" and head.pos_ == "NOUN"


def crowd_noun(lexicon: Lexicon, head: Token) -> bool:
    """Plural people who can act as a crowd ("youths", "hundreds of protesters"); one woman
    is no crowd."""
    head = unwrap_crowd(head)
    return is_plural(head) and any(f in lexicon.heads["crowd"] for f in lemma_forms(head))


def displaced_people(lexicon: Lexicon, head: Token) -> bool:
    """People whose flight is a displacement: "thousands of civilians", "residents", "Egyptians";
    not "the suspects" or "two men" who fled a crime scene, nor one woman."""
    head = unwrap_crowd(head)
    return is_plural(head) and (head.ent_type_ == "NORP"
                                or any(f in lexicon.heads["displaced"] for f in lemma_forms(head)))


def is_person(lexicon: Lexicon, head: Token) -> bool:
    """Weapon words that are people too: "gunmen", "snipers", "suicide bombers"."""
    return any(f in lexicon.heads["armed_weapons"] for f in lemma_forms(head))


def is_crowd(lexicon: Lexicon, head: Token, kind: str, event_class: str) -> bool:
    """Who can protest or riot: a crowd of people; for "crowd" verbs ("blocked",
    "gathered") not forces, which block roads for other reasons."""
    inner = unwrap_crowd(head)
    if inner is not head:
        return is_crowd(lexicon, inner, kind_of(inner, lexicon), event_class)
    if any(f in lexicon.heads["crowd"] for f in lemma_forms(head)):
        return True
    if event_class == "crowd":
        return kind in ("civilian", "other")
    return kind in ("actor", "place", "person", "civilian", "other")


#: prepositions of a facility's whereabouts, whose words say nothing of who uses it
LOCATIVE_PREPS = ("in", "near", "at", "outside", "inside", "on")


def civilian_facility(lexicon: Lexicon, head: Token) -> bool:
    """"the home of a tribal sheikh", "a Palestinian vehicle": where civilians are, unless
    it is a military one or an armed actor's ("an army camp", "the militia's vehicles")."""
    heads = lexicon.heads
    if not any(f in heads["civilian_facility"] for f in lemma_forms(head)):
        return False
    located = {t for c in head.children if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS
               for t in c.subtree}  # "a mosque in ... North Sinai province": where, not whose
    modifiers = [c for c in head.subtree if c != head and c not in located]
    return not any(m.lower_ in heads["military_modifiers"] or m.ent_type_ == "ACTOR"
                   or m.lemma_.lower() in heads["armed"] for m in modifiers)


def facility_owners(lexicon: Lexicon, facility: Token) -> list[Token]:
    """The armed actor a facility belongs to: "PKK positions", "regime forces positions",
    "IDF posts", "a pro-Iranian militia's position", "Israeli army vehicles"; a nation's
    name makes its forces' only military things ("Russian positions", not "a Palestinian
    vehicle" or "Palestinian residential areas")."""
    military = any(f in lexicon.heads["military_facility"] for f in lemma_forms(facility))
    return [m for m in facility.children if m.dep_ in MODIFIER_DEPS and m.i < facility.i
            and kind_of(m, lexicon) == "actor" and not crowd_noun(lexicon, m)
            and (military or m.ent_type_ not in ("NORP", "GPE"))]


def civilian_owners(lexicon: Lexicon, thing: Token) -> tuple[list[Token], bool]:
    """Civilians whose property ``thing`` is: the people it belongs to ("grain belonging to
    IDPs"), and whether a nation's people own it ("Palestinian-owned lands")."""
    owners = [sub for sub in thing.subtree if sub.dep_ == "pobj" and sub.head.head.lemma_.lower() == "belong"
              and kind_of(sub, lexicon) == "civilian"]
    owned = [c for c in thing.children if c.dep_ in ("amod", "compound") and c.lower_ == "owned"]
    return owners, any(t.ent_type_ == "NORP" for o in owned for t in o.subtree)


def territory_kind(lexicon: Lexicon, head: Token, kind: str) -> str:
    """What is taken is ground: a name the NER left untyped is a place ("regained Marka"),
    and a word for ground is a facility even when no attack could target it ("took over
    four localities")."""
    if kind == "name":
        return "place"
    if kind == "other" and any(f in lexicon.heads["territory"] for f in lemma_forms(head)):
        return "facility"
    return kind


def names_chemical_weapon(lexicon: Lexicon, sentence: Span) -> bool:
    """The sentence names a chemical weapon, as a phrase ("chlorine gas") or a word."""
    text = sentence.text.lower()
    phrases = [w for w, code in lexicon.weapon_phrases if code == CHEMICAL]
    words = {w for w, code in lexicon.weapon_words.items() if code == CHEMICAL}
    return any(p in text for p in phrases) or any(t.lower_ in words for t in sentence)


def in_protest_cause(lexicon: Lexicon, token: Token, trigger: Token, occasion: bool = False) -> bool:
    """"... in solidarity with Palestinians in Gaza", "demanding the release of demonstrators
    detained in March": a word inside what a crowd protests about (below a cause word, on its
    own branch apart from the trigger's) tells no place it gathered in and nothing done to it.
    (A town with its areas bracketed after it, the way a coder's note writes where the event
    was, is still read: "against UAE support of RSF in Port Sudan (Port Sudan, Red Sea)".)
    ``occasion`` adds what the protest followed ("following the arrest of ..."): not for places."""
    causes = lexicon.heads["protest_cause"] | (lexicon.heads["protest_occasion"] if occasion else set())
    shared = {trigger.i, *(a.i for a in trigger.ancestors)}
    for ancestor in token.ancestors:
        if ancestor.i in shared:
            return False
        if ancestor.i < token.i and set(lemma_forms(ancestor)) & causes:
            return True  # the cause comes first: "to denounce the operations in Gaza"
    return False
