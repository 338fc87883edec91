"""Where a place phrase begins and ends, and the areas written after it.

News writes a place with the areas it lies in: "Kikara (Douentza, Mopti)", "Bohdanivka,
Donetsk", "Ramieh (Bint Jbeil)". These helpers read that punctuation for the frame builder:
the names in brackets after a place, the province after a comma, and where a place phrase
stops. They look at tokens only; the gazetteer decides later what the names are.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token


COMPASS = frozenset({"northern", "southern", "eastern", "western", "north", "south", "east", "west",
                     "northeast", "northwest", "southeast", "southwest", "northeastern",
                     "northwestern", "southeastern", "southwestern", "central", "north-east",
                     "north-west", "south-east", "south-west", "north-eastern", "north-western",
                     "south-eastern", "south-western"})


#: nouns of a settlement or an area named after a place: "the town of Khan Sheikhoun",
#: "Jarablus town", "Mohnyin township (Mohnyin district, Kachin state)"
SETTLEMENT_NOUNS = frozenset(("town", "city", "village", "province", "governorate", "district",
                              "region", "suburb", "neighbourhood", "neighborhood", "outskirts",
                              "countryside", "hamlet", "municipality", "county", "state",
                              "township", "commune", "tehsil", "locality"))

#: words after a town's name that make it the name of the town's own force ("Conroe police",
#: "the Houston Police Department"): a local story's town
TOWN_FORCE_WORDS = frozenset(("police",))
#: capitalised words before "police" that name a kind of force, not a town, though a town
#: somewhere has the name ("Metro police" is no force of Metro, Indonesia; "Capitol Police")
FORCE_KIND_WORDS = frozenset(("metro", "metropolitan", "state", "capitol", "city", "county",
                              "border", "park", "transit", "university", "campus", "military",
                              "federal", "national", "tribal", "village", "township", "airport",
                              "port", "harbor", "harbour", "railway", "secret", "riot",
                              "traffic", "royal", "judicial", "religious", "morality", "area",
                              "highway", "school", "marine", "reserve", "tourist", "mounted",
                              "special", "local", "regional", "provincial", "district",
                              "municipal", "community", "auxiliary", "armed"))
#: people a town's name is put before to say where they live ("a Hutchinson teen", "a
#: Pemberton man"): a local story's way of naming its town
RESIDENT_NOUNS = frozenset(("man", "woman", "teen", "teenager", "boy", "girl", "youth",
                            "resident", "residents", "couple", "family", "mother", "father",
                            "student", "native", "toddler", "child", "infant", "baby", "mom",
                            "dad", "grandmother", "grandfather", "businessman", "pastor"))

#: a numbered street: "65th", "N. 20th", "1st"
NUMBERED_STREET = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
#: words that join the two streets of a corner
CORNER_WORDS = frozenset({"&", "and"})


def is_street_corner(first: Token, last: Token) -> bool:
    """"near 65th and Thurston", "Lincoln & 10th": a name joined to a numbered street is a
    street corner, not the town or county of that name."""
    doc = first.doc
    before = doc[first.i - 2] if first.i >= 2 and doc[first.i - 1].lower_ in CORNER_WORDS else None
    after = doc[last.i + 2] if last.i + 2 < len(doc) and doc[last.i + 1].lower_ in CORNER_WORDS else None
    return any(t is not None and NUMBERED_STREET.match(t.text) for t in (before, after))


#: the noun of a US police address: "the 6700 block of South Aberdeen" is a street
ADDRESS_NOUNS = frozenset({"block", "blocks"})
#: nouns whose "of" names streets that meet ("the intersection of Gale and Vermont"); "corner"
#: only with two names ("the corner of 5th and Main", not "the northwest corner of Syria")
CROSSING_NOUNS = frozenset({"intersection", "intersections", "junction"})
CORNER_NOUNS = frozenset({"corner"})


def is_block_address(head: Token) -> bool:
    """"in the 6700 block of South Aberdeen", "near the intersection of Gale and Vermont": what
    a block or a crossing is "of" is a street, not the town or state of that name (Aberdeen,
    Scotland; Vermont)."""
    first = head  # up from "Vermont" in "of Gale and Vermont (streets)" to what "of" takes
    while first.dep_ in ("conj", "compound", "nmod") and first.head != first:
        first = first.head
    if first.dep_ != "pobj" or first.head.lower_ != "of":
        return False
    noun = first.head.head.lower_
    joined = first is not head or bool(first.conjuncts)
    return noun in ADDRESS_NOUNS or noun in CROSSING_NOUNS or (noun in CORNER_NOUNS and joined)


def bracketed_names(last: Token) -> list[list[Token]]:
    """The comma-separated names in brackets right after a place, or after the settlement
    word that follows it: "Kikara (Douentza, Mopti)", "Mukerian city (Hoshiarpur, Punjab)"."""
    doc = last.doc
    opening = last.i + 2 if last.i + 1 < len(doc) and doc[last.i + 1].lower_ in SETTLEMENT_NOUNS \
        else last.i + 1
    if opening >= len(doc) or doc[opening].text != "(":
        return []
    names, current = [], []
    for token in doc[opening + 1:min(len(doc), opening + 13)]:
        if token.text in (",", ")"):
            if current:
                names.append(current)
            current = []
            if token.text == ")":
                return [n for n in names if n[0].is_title or n[0].is_upper]
        else:
            current.append(token)
    return []


def areas_bracketed(ent: Span) -> bool:
    """"Beja (Beja Nord, Beja)": places in brackets after a name make it a place, whatever
    the parser hangs it on."""
    return any(name[0].ent_type_ in ("GPE", "LOC") for name in bracketed_names(ent[-1]))


def after_a_name(first: Token) -> bool:
    """A place right after a proper name and a comma is the area that name lies in."""
    doc = first.doc
    return first.i >= 2 and doc[first.i - 1].text == "," and doc[first.i - 2].pos_ == "PROPN" \
        and (first.i < 3 or doc[first.i - 3].text != ",") and comma_area(doc[first.i - 2]) != []


def before_punctuation(first: Token, last: Token) -> tuple[Token, Token]:
    """A place phrase ends at a comma or a bracket: "Vovchansk, Kharkiv" is Vovchansk (in
    Kharkiv), "Sokolo (Niono, Segou)" is Sokolo (in Niono)."""
    doc = first.doc
    while first.i < last.i and first.text in ("(", ","):  # "(Isfahan": the bracket is no name
        first = doc[first.i + 1]
    cut = next((t for t in doc[first.i + 1:last.i + 1] if t.text in (",", "(")), None)
    return (first, doc[cut.i - 1]) if cut is not None else (first, last)


def bracketed_after_a_name(first: Token) -> bool:
    """"the outskirts of Ramieh (Bint Jbeil)": a place in brackets right after a proper name
    is the area that name lies in, whatever the NER made of the name."""
    doc = first.doc
    if first.i < 2 or doc[first.i - 1].text != "(":
        return False
    before = doc[first.i - 2]
    if before.lower_ in SETTLEMENT_NOUNS and first.i >= 3:  # "Qusra town (Nablus, West Bank)"
        before = doc[first.i - 3]
    return before.pos_ == "PROPN"


#: prepositions that put a name set off by commas where something happened
SETTING_PREPS = frozenset(("in", "near", "outside", "inside", "around"))


def set_off_after_preposition(ent: Span) -> bool:
    """"in Coatzacoalcos, Veracruz, drivers held a protest": a name after "in" and before a
    comma or a bracket is a place, though the parser hung it on a noun as a modifier ("in US
    airstrikes" is no place)."""
    doc = ent.doc
    return ent.start > 0 and doc[ent.start - 1].lower_ in SETTING_PREPS \
        and ent.end < len(doc) and doc[ent.end].text in (",", "(")


#: what may follow "Duarte, Guanajuato": the area closes the place phrase
AREA_CLOSERS = frozenset((".", ",", ")", ";", ":"))


def comma_area(last: Token) -> list[list[Token]]:
    """The area after a place and a comma: "in Duarte, Guanajuato, a man was shot",
    "shelled Bohdanivka, Donetsk." Not a list of places ("Kharkiv, Sumy, and Odesa")."""
    doc = last.doc
    start = last.i + 2
    if start >= len(doc) or doc[last.i + 1].text != "," or doc[start].ent_iob_ != "B" \
            or doc[start].ent_type_ not in ("GPE", "LOC"):
        return []
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    closer = doc[end] if end < len(doc) else None
    if closer is not None and closer.text not in AREA_CLOSERS:
        return []
    after = doc[end + 1] if closer is not None and closer.text == "," and end + 1 < len(doc) else None
    if after is not None and (after.lower_ in ("and", "or") or after.ent_type_ in ("GPE", "LOC")):
        return []
    return [list(doc[start:end])]
