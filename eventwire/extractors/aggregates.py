"""Count statements: "Washington has recorded at least 92 attacks in Iraq and Syria since
October 17", "At least five attacks targeted US troops ... that day".

They become ``Aggregate`` records (count, qualifier, what, where, who says so), never fake
individual events; a figure over ``numbers.MAX_COUNT`` (a billion) is no tally and is
dropped. Their period is resolved by the "when" stage, which knows the dates; the sentence
each came from waits in ``document.context["aggregate_sentences"]``.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..document import Document, Sentence
from ..records import Aggregate, Evidence, stable_id
from .lexicon import Lexicon
from .numbers import is_plausible_count, parse_figure
from .references import times_count
from .syntax import (entity_phrase, objects, passive_subjects, prep_objects, subjects, text_span,
                     with_conjuncts)

PLACE_LABELS = ("GPE", "LOC")


def _count(noun: Token):
    number = next((c for c in noun.children if c.dep_ == "nummod"), None)
    if number is None:
        return None, None
    words = sorted(number.subtree, key=lambda t: t.i)
    return parse_figure(" ".join(t.text for t in words)), words[0]


def _what(noun: Token, sentence: Sentence) -> str:
    """"attacks", "attacks on US troops and the international coalition"."""
    target = next((obj for prep, obj in prep_objects(noun) if prep in ("on", "against")), None)
    if target is None and noun.dep_ == "nsubj" and noun.head.lemma_ in ("target", "hit", "strike"):
        target = next(iter(objects(noun.head)), None)
    if target is None:
        return noun.lower_
    parts = [noun.doc[entity_phrase(t)[0].i:entity_phrase(t)[1].i + 1].text
             for t in with_conjuncts(target)]
    return f"{noun.lower_} on {' and '.join(parts)}"


def _where(noun: Token, sentence: Sentence) -> str | None:
    holders = [noun, noun.head] if noun.head.pos_ in ("VERB", "AUX") else [noun]
    names = []
    for holder in holders:
        for prep, obj in prep_objects(holder):
            if prep in ("in", "across", "inside") and obj.ent_type_ in PLACE_LABELS:
                names.append(noun.doc[entity_phrase(obj)[0].i:entity_phrase(obj)[1].i + 1].text)
    return " and ".join(dict.fromkeys(names)) or None


def _according_to(token: Token) -> str | None:
    """"According to the Pentagon, ..." anywhere in the clause."""
    for tok in token.sent:
        if tok.lower_ == "according" and tok.nbor(1).lower_ == "to":
            obj = next((o for o in tok.nbor(1).children if o.dep_ == "pobj"), None)
            if obj is not None:
                first, last = entity_phrase(obj)
                return token.doc[first.i:last.i + 1].text
    return None


def _source(noun: Token, lexicon: Lexicon) -> str | None:
    verb = noun.head
    if noun.dep_ in ("dobj",) and verb.lemma_.lower() in lexicon.aggregates["source_verbs"]:
        subject = next(iter(subjects(verb)), None)
        if subject is not None:
            first, last = entity_phrase(subject)
            return noun.doc[first.i:last.i + 1].text
    return _according_to(noun)


def _verb_count(verb: Token, lexicon: Lexicon):
    """"have been attacked more than 150 times" -> (Figure(150), "attacks on <subject>")."""
    times = times_count(verb)
    if times is None or verb.lemma_.lower() not in lexicon.aggregates["counted_nouns"]:
        return None, None, None
    figure, first = _count(times)
    victims = passive_subjects(verb) or objects(verb)
    what = verb.lemma_.lower() + "s"
    if victims:
        first_v, last_v = entity_phrase(victims[0])
        what += " on " + verb.doc[first_v.i:last_v.i + 1].text
    return figure, first, what


def _counted(token: Token, sentence: Sentence, lexicon: Lexicon):
    """(figure, first token, what) when the token counts events, else Nones."""
    if token.tag_.startswith("VB"):
        return _verb_count(token, lexicon)
    if token.tag_ not in ("NNS", "NNPS") or token.lemma_.lower() not in lexicon.aggregates["counted_nouns"]:
        return None, None, None
    figure, first = _count(token)
    return figure, first, _what(token, sentence)


def find_aggregates(document: Document, lexicon: Lexicon) -> list[Aggregate]:
    found = []
    for sentence in document.sentences:
        if not sentence.parsed:
            continue
        for noun in sentence.span:
            figure, first, what = _counted(noun, sentence, lexicon)
            if figure is None or figure.value < 2 or not is_plausible_count(figure.value):
                continue
            # "struck Gaza 150 times": the figure can follow the verb it counts
            start, end = sorted((first, noun), key=lambda t: t.i)
            span = text_span(sentence, start, end)
            agg = Aggregate(
                count=figure.value, qualifier=figure.qualifier, what=what,
                aggregate_id=stable_id(document.article.id, span.start, prefix="a"),
                article_id=document.article.id, where=_where(noun, sentence),
                source=_source(noun, lexicon), url=document.article.url,
                evidence=[Evidence("count", span.start, span.end, span.text)])
            document.context.setdefault("aggregate_sentences", {})[agg.aggregate_id] = sentence.index
            found.append(agg)
    return found
