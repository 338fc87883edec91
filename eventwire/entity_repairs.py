"""Where spaCy's entity labels are put right before any stage reads them.

The statistical NER calls many towns an organisation or a person ("in Settat", "(Andhra
Pradesh)"), cuts names at their joining words ("Sao Jose dos Campos") and misses names where a
coder writes an area ("Yinmarbin district, Sagaing region"); it also calls people places
("Jordan Coleman"). ``relabel_places`` runs on each parsed paragraph with the gazetteer's
``is_place``; ``relabel_person_countries`` and ``relabel_person_surnames`` run on a whole
article, since a name read once as a person is that person wherever the story writes it.
"""
from typing import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from .extractors.lexicon import load_lexicon
from .extractors.place_phrases import (FORCE_KIND_WORDS, RESIDENT_NOUNS, SETTLEMENT_NOUNS,
                                       TOWN_FORCE_WORDS, bracketed_names, comma_area)
from .where.names import city_of_district


#: labels the stock NER gives town names it does not know ("Settat" ORG, "Zaio" PERSON)
MISLABELLED = ("ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "LANGUAGE")
#: labels the stock NER gives some unknown names that are no time at all ("Mohnyin" DATE):
#: read as names only right before a settlement word or a bracket ("Mohnyin township (")
MISREAD_AS_TIME = ("DATE", "TIME")
#: lower-case words inside place names, at which the NER cuts a name in two ("Sao Jose dos
#: Campos", "Chapadao do Sul", "Ras al Ain" read as "Ras" and "Ain")
NAME_CONNECTORS = frozenset(("da", "das", "de", "del", "des", "di", "do", "dos", "du", "el", "al",
                             "la", "las", "los", "sul", "sur", "y"))
#: capitalised words each side of a joining word that may belong to the name
MAX_NAME_PART = 3
#: labels of a name's half that make the joined words worth looking up
PLACE_OR_MISREAD = frozenset(("GPE", "LOC", "FAC", "NORP", "ORG"))
#: prepositions after which a name is where something happened ("in Settat", "near Zaio")
PLACE_PREPOSITIONS = frozenset(("in", "near", "outside", "at", "around", "inside", "across"))
#: countries whose names are also given names or surnames in English-language news
#: (not "Israel": "Israel Katz" is news about the country too)
PERSONAL_NAME_COUNTRIES = frozenset(("Jordan", "Chad", "India", "Kenya", "Jamaica", "Cuba"))
#: capitalised words after a country's name that make a place of it, not a person
PLACE_FEATURE_WORDS = frozenset(("valley", "river", "sea", "basin", "border", "gulf", "bay",
                                 "coast", "mountains", "desert", "plain", "strait", "lake"))
#: lower-case words before a name that make it a place's ("a south Augusta shopping center")
PLACE_PART_WORDS = frozenset(("north", "south", "east", "west", "northeast", "northwest",
                              "southeast", "southwest", "downtown", "suburban"))


def _of_a_settlement(head: Token) -> bool:
    """"the town of <name>": the name is the town's."""
    return (head.dep_ == "pobj" and head.head.lower_ == "of"
            and head.head.head.lemma_.lower() in SETTLEMENT_NOUNS)


def _comma_parts(ent: Span) -> list[Span]:
    """"Cuernavaca, Morelos" -> its two names; [] when the entity has no comma."""
    commas = [t.i for t in ent if t.text == ","]
    if not commas:
        return []
    bounds = [ent.start, *commas, ent.end]
    parts = [(a if a == ent.start else a + 1, b) for a, b in zip(bounds, bounds[1:])]
    return [Span(ent.doc, a, b) for a, b in parts if b > a]


def relabel_places(doc: Doc, is_place: Callable[[str], bool]) -> None:
    """A name the NER calls an organisation or a person, standing where a place stands ("in
    Settat", "the town of Khan Sheikhoun", "Jarablus town", "a Conroe police officer", "a
    south Augusta mall", "Kryvyi Rih, Dnipropetrovsk", "Zaio (Nador)", "(Andhra Pradesh)") and
    known to the gazetteer as a populated place, is a place; "in Cuernavaca, Morelos" read as
    one organisation is two places."""
    relabelled = [span for ent in doc.ents for span in _relabelled(ent, is_place)]
    relabelled = [_widened(ent, is_place) for ent in relabelled]
    relabelled += _unlabelled_before_areas(doc, is_place)
    relabelled += _unlabelled_before(doc, is_place, TOWN_FORCE_WORDS, FORCE_KIND_WORDS, opening_noun=True)
    relabelled += _unlabelled_before(doc, is_place, SETTLEMENT_NOUNS)
    joined = _joined_across_connectors(doc, is_place) + _city_districts(doc, is_place)
    relabelled = _without_overlaps(joined + relabelled)
    if [(e.start, e.end, e.label_) for e in relabelled] != [(e.start, e.end, e.label_) for e in doc.ents]:
        doc.ents = sorted(relabelled, key=lambda e: e.start)


def _joined_across_connectors(doc: Doc, is_place: Callable[[str], bool]) -> list[Span]:
    """"Sao Jose dos Campos", "Chapadao do Sul": the NER cuts a name at its lower-case
    joining word and reads the halves as two names, or one; the capitalised words on both
    sides and the word between are one place when the gazetteer knows the whole name."""
    found = []
    inner = range(1, len(doc) - 1)
    for joint in (doc[i] for i in inner if doc[i].lower_ in NAME_CONNECTORS and doc[i].is_lower):
        first, last = _title_run_start(doc, joint.i), _title_run_end(doc, joint.i + 1)
        if first == joint.i or last == joint.i + 1 \
                or not any(t.ent_type_ in PLACE_OR_MISREAD for t in doc[first:last]):
            continue
        span = next((Span(doc, a, b, label="GPE") for a in range(first, joint.i)
                     for b in range(last, joint.i + 1, -1) if is_place(doc[a:b].text)), None)
        if span is not None and not _one_entity(span):
            found.append(span)
    return found


def _city_districts(doc: Doc, is_place: Callable[[str], bool]) -> list[Span]:
    """"in Tokyo - Chiyoda", "Athens - Central Athens": a known place, a spaced dash and the
    capitalised name of one of its districts (ACLED's way of writing a part of a city) are
    one place, though the NER reads the city as a modifier of the district."""
    found = []
    inner = range(1, len(doc) - 1)
    for dash in (doc[i] for i in inner if doc[i].text in ("-", "\u2013") and doc[i].whitespace_):
        before = doc[dash.i - 1]
        if not before.whitespace_ or before.ent_type_ not in ("GPE", "LOC"):
            continue
        start = _title_run_start(doc, dash.i)
        while start < dash.i and doc[start].ent_type_ and doc[start].ent_iob_ != "B":
            start += 1  # from where the city's entity starts
        end = _title_run_end(doc, dash.i + 1)
        if start < dash.i < end - 1 and is_place(doc[start:dash.i].text):
            found.append(Span(doc, start, end, label="GPE"))
    return found


def _title_run_start(doc: Doc, end: int) -> int:
    start = end
    while start > 0 and end - start < MAX_NAME_PART and doc[start - 1].is_title \
            and doc[start - 1].ent_type_ != "PERSON":
        start -= 1
    return start


def _title_run_end(doc: Doc, start: int) -> int:
    end = start
    while end < len(doc) and end - start < MAX_NAME_PART and doc[end].is_title \
            and doc[end].ent_type_ != "PERSON":
        end += 1
    return end


def _one_entity(span: Span) -> bool:
    """Is ``span`` already read as one entity, whole?"""
    return any(e.start == span.start and e.end == span.end for e in span.doc.ents)


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """The spans that take no token an earlier one took (two names widened into the one
    word between them, a name found by two rules)."""
    taken: set[int] = set()
    kept = []
    for span in spans:
        tokens = set(range(span.start, span.end))
        if not tokens & taken:
            kept.append(span)
            taken |= tokens
    return kept


def _unlabelled_before_areas(doc: Doc, is_place: Callable[[str], bool]) -> list[Span]:
    """"in Beja (Beja Nord, Beja)": a capitalised name the NER left unlabelled, right before
    brackets that name known areas, is the place they hold."""
    found = []
    for bracket in (t for t in doc if t.text == "(" and t.i > 0):
        end = bracket.i  # title case: not "MOSCOW (Sputnik)", a dateline and its agency
        start = _unlabelled_name_start(doc, end)
        if start < end and _names_known_area(doc[end - 1], is_place):
            found.append(Span(doc, start, end, label="GPE"))
    return found


def _unlabelled_name_start(doc: Doc, end: int, opening_noun: bool = False) -> int:
    """Where the run of capitalised proper nouns outside any entity that ends at ``end``
    starts (``end`` itself when there is none). With ``opening_noun``, a sentence's first word
    tagged a common noun counts too: the tagger reads an unknown capitalised word there as
    one ("Chattanooga police are investigating")."""
    start = end
    while start > 0 and doc[start - 1].ent_iob_ == "O" and doc[start - 1].is_title \
            and (doc[start - 1].pos_ == "PROPN"
                 or (opening_noun and doc[start - 1].pos_ == "NOUN" and doc[start - 1].is_sent_start)):
        start -= 1
    return start


def _unlabelled_before(doc: Doc, is_place: Callable[[str], bool], words: frozenset[str],
                       not_names: frozenset[str] = frozenset(), opening_noun: bool = False) -> list[Span]:
    """"Memphis police arrested a man", "(Pale township, Yinmarbin district, Sagaing
    region)": a capitalised name the NER left unlabelled, right before one of ``words`` (a
    town's force, a kind of settlement or area), is the place when the gazetteer knows it as
    one and it holds none of ``not_names`` ("Metro police", "State police")."""
    found = []
    for word in (t for t in doc if t.lower_ in words and t.i > 0):
        start = _unlabelled_name_start(doc, word.i, opening_noun)
        name = doc[start:word.i]
        if len(name) and not any(t.lower_ in not_names for t in name) and is_place(name.text):
            found.append(Span(doc, start, word.i, label="GPE"))
    return found


def _widened(ent: Span, is_place: Callable[[str], bool]) -> Span:
    """A place the NER cut short of its first or last word ("New Jersey State Police" read
    with "Jersey" alone a place, the Channel Island; "in Jersey City" the same): the
    capitalised word before or after it, outside any entity, belongs to it when the two are
    a place name the gazetteer knows."""
    if ent.label_ not in ("GPE", "LOC"):
        return ent
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.ent_iob_ == "O" and before.is_title \
            and is_place(f"{before.text} {ent.text}"):
        ent = Span(doc, ent.start - 1, ent.end, label=ent.label_)
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.ent_iob_ == "O" and after.is_title \
            and is_place(f"{ent.text} {after.text}"):
        ent = Span(doc, ent.start, ent.end + 1, label=ent.label_)
    return ent


def _place_before_common_nouns(ent: Span, is_place: Callable[[str], bool]) -> Span | None:
    """"a Bakersfield house party" read as one organisation: capitalised words followed only
    by lower-case ones are no organisation's name, and a known place among them is a place."""
    title = 0
    while title < len(ent) and ent[title].is_title:
        title += 1
    rest = ent[title:]
    if not title or not len(rest) or not all(t.is_lower and t.is_alpha for t in rest):
        return None
    name = ent[:title]
    return Span(ent.doc, name.start, name.end, label="GPE") if is_place(name.text) else None


def _names_a_kind_of_force(ent: Span) -> bool:
    """"Metro" in "Metro police said": the name of a kind of force, read as a place."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return after is not None and after.lower_ in TOWN_FORCE_WORDS \
        and all(t.lower_ in FORCE_KIND_WORDS for t in ent)


def _relabelled(ent: Span, is_place: Callable[[str], bool]) -> list[Span]:
    doc = ent.doc
    if ent.label_ in ("GPE", "LOC", "FAC") and _names_a_kind_of_force(ent):
        return [Span(doc, ent.start, ent.end, label="ORG")]
    if ent.label_ in MISLABELLED and (place := _place_before_common_nouns(ent, is_place)):
        return [place]
    bracket = next((t.i for t in ent if t.text == "("), None)
    if bracket is not None and bracket > ent.start:  # "Maceio (Alagoas" as one entity
        ent = Span(doc, ent.start, bracket, label=ent.label_)
    if ent.label_ in MISREAD_AS_TIME and _before_a_settlement_word(ent):
        ent = Span(doc, ent.start, ent.end, label=MISLABELLED[0])  # "Mohnyin township" is no date
    if ent.label_ not in MISLABELLED or not _in_a_place_slot(ent):
        return [ent]
    if is_place(ent.text) or is_place(city_of_district(ent.text)) \
            or _before_a_known_area(ent, is_place):
        return [Span(doc, ent.start, ent.end, label="GPE")]
    parts = _comma_parts(ent)
    if parts and all(is_place(p.text) for p in parts):
        return [Span(doc, p.start, p.end, label="GPE") for p in parts]
    if len(parts) == 2 and is_place(parts[1].text):  # "the National Hospital, Abuja"
        return [Span(doc, parts[0].start, parts[0].end, label=ent.label_),
                Span(doc, parts[1].start, parts[1].end, label="GPE")]
    return [ent]


def _before_a_known_area(ent: Span, is_place: Callable[[str], bool]) -> bool:
    """"Hattab (Sharg An Neel, Khartoum)", "Labbouneh (Tyr)": a name the gazetteer lacks is
    still a place when the brackets after it name the areas it lies in."""
    return ent[0].is_title and _names_known_area(ent[-1], is_place)


#: a bracketed word this short in capitals is an abbreviation ("(AS)", "(SDF)"), not an area
ABBREVIATION_MAX = 3


def _names_known_area(last: Token, is_place: Callable[[str], bool]) -> bool:
    """Do the brackets after ``last`` name a place the gazetteer knows?"""
    names = [" ".join(t.text for t in name) for name in bracketed_names(last)]
    return any(is_place(name) for name in names
               if not (name.isupper() and len(name) <= ABBREVIATION_MAX))


def _before_a_settlement_word(ent: Span) -> bool:
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    return after is not None and (after.lower_ in SETTLEMENT_NOUNS or after.text == "(") \
        and ent[0].is_title and not any(t.like_num for t in ent)


def _in_a_place_slot(ent: Span) -> bool:
    doc, head = ent.doc, ent.root
    after = doc[ent.end] if ent.end < len(doc) else None
    before = doc[ent.start - 1] if ent.start > 0 else None
    return (head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS) \
        or _of_a_settlement(head) \
        or (after is not None and after.lower_ in SETTLEMENT_NOUNS | TOWN_FORCE_WORDS) \
        or bool(comma_area(ent[-1])) \
        or (after is not None and after.text == "(") \
        or (before is not None and before.text in ("(", ",")) \
        or (before is not None and before.text in PLACE_PART_WORDS) \
        or (before is not None and before.lower_ in ("a", "an")
            and after is not None and after.lower_ in RESIDENT_NOUNS) \
        or _names_the_event(ent)


def _names_the_event(ent: Span) -> bool:
    """"victims of Chattanooga shooting", "the Cascade Mall shooting": a name modifying an
    event noun says where the event was (the NER calls some towns a product)."""
    head = ent.root
    return head.dep_ == "compound" and head.head.pos_ == "NOUN" \
        and head.head.lower_ in load_lexicon().noun_triggers and all(t.is_title for t in ent)


def relabel_person_countries(docs: Sequence[Doc], is_country: Callable[[str], bool]) -> None:
    """"17-year-old Jordan Coleman was shot ... We all loved Jordan": a country's name
    (``is_country``) that is also a given name or surname (``PERSONAL_NAME_COUNTRIES``),
    written beside another name, is a person, as is the same name standing alone in the
    same story, where the NER read the country."""
    names = {t.text for doc in docs for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
             for t in (ent[0], ent[-1])}
    persons = [span for doc in docs for span in _countries_in_person_names(doc, is_country)]
    names |= {span.text.split()[0] for span in persons} | {span.text.split()[-1] for span in persons}
    names &= PERSONAL_NAME_COUNTRIES
    for doc in docs:
        spans = [p for p in persons if p.doc is doc]
        spans += [Span(doc, e.start, e.end, label="PERSON") for e in doc.ents
                  if e.label_ == "GPE" and len(e) == 1 and e.text in names and is_country(e.text)
                  and not any(p.start <= e.start < p.end for p in spans)]
        if spans:
            spans = _without_overlaps(spans)
            taken = {i for span in spans for i in range(span.start, span.end)}
            kept = [e for e in doc.ents if not taken & set(range(e.start, e.end))]
            doc.ents = sorted(kept + spans, key=lambda e: e.start)


def relabel_person_surnames(docs: Sequence[Doc]) -> None:
    """"Makeesha Starks and Kiara Kinard ... Starks, who lived on the block": a one-word place
    that is the surname of a person the story names in full is that person again, unless the
    story leads the name with a preposition of place somewhere ("in Starks", "the city of
    Idlib" after a "Tags Idlib" read as a person)."""
    surnames = {ent[-1].text for doc in docs for ent in doc.ents
                if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].is_title}
    surnames -= {t.text for doc in docs for t in doc if t.text in surnames and t.i > 0
                 and doc[t.i - 1].lower_ in PLACE_PREPOSITIONS | {"of"}  # "the city of Idlib"
                 and not _owner_of_what_follows(t)}
    for doc in docs:
        spans = [Span(doc, e.start, e.end, label="PERSON") for e in doc.ents
                 if e.label_ in ("GPE", "LOC") and len(e) == 1 and e.text in surnames]
        if spans:
            starts = {span.start for span in spans}
            doc.ents = sorted([e for e in doc.ents if e.start not in starts] + spans, key=lambda e: e.start)


#: possessives after "and" that make the name before them an owner too ("Hill and his son's")
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their"})


def _owner_of_what_follows(name: Token) -> bool:
    """"at Hill's home", "at Hill and his son's home": the person owns the place named after,
    so the preposition before the name says nothing of the name."""
    doc, i = name.doc, name.i
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and after.text in ("'s", "’s"):
        return True
    return after is not None and after.lower_ == "and" and i + 2 < len(doc) \
        and doc[i + 2].lower_ in POSSESSIVE_PRONOUNS


def _countries_in_person_names(doc: Doc, is_country: Callable[[str], bool]) -> list[Span]:
    """"Jordan Coleman", "Laquantae Jordan": a country that is also a personal name, read as
    a place beside a capitalised name that is a person's or no entity's."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "GPE" or len(ent) != 1 or ent.text not in PERSONAL_NAME_COUNTRIES \
                or not is_country(ent.text):
            continue
        after = doc[ent.end] if ent.end < len(doc) else None
        before = doc[ent.start - 1] if ent.start > 0 else None
        if _a_name_beside(after):
            end = next((e.end for e in doc.ents if e.start == after.i), after.i + 1)
            found.append(Span(doc, ent.start, end, label="PERSON"))
        elif _a_name_beside(before) and before.ent_iob_ == "O":
            found.append(Span(doc, before.i, ent.end, label="PERSON"))
    return found


def _a_name_beside(token: Token | None) -> bool:
    """A capitalised proper name (or any capitalised word, in a paragraph left unparsed)."""
    return token is not None and token.is_title and token.pos_ in ("PROPN", "") \
        and token.lower_ not in SETTLEMENT_NOUNS | PLACE_FEATURE_WORDS \
        and (token.ent_iob_ == "O" or (token.ent_iob_ == "B" and token.ent_type_ == "PERSON"))
