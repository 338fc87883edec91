"""Run the per-article stages in order over a batch, timing each.

    clean -> nlp -> extract -> when -> where -> actors -> mentions

Each stage is a function over a batch of ``Document`` records (see ``document.py`` for what each
reads and fills). The heavy resources (spaCy pipeline, gazetteer index, actor table) are loaded
once per process by ``Resources`` and shared by every batch.
"""
from __future__ import annotations

import functools
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from . import actors as actors_mod
from .clean import clean_article, find_dateline
from .config import Settings
from .dating import date_document
from .document import Document, TextSpan
from .extractors import extract
from .extractors.lexicon import Lexicon, Taxonomy, load_lexicon, load_taxonomy
from .mentions import build_mentions
from .nlp import Analyzer, load_pipeline
from .participants import assign_actors
from .ingest.published import published_from_dateline, published_from_url
from .language import identify, language_name, load_identifier
from .records import Article
from .where.gazetteer import Gazetteer
from .where.index import open_gazetteer, ruler_patterns as place_patterns

#: kinds of gazetteer place a name mislabelled by the NER may be (nlp.relabel_places)
POPULATED_KINDS = ("city", "admin1", "admin2", "neighbourhood")
from .where.resolve import locate

STAGE_NAMES = ("clean", "nlp", "extract", "when", "where", "actors", "mentions")


class Resources:
    """What the stages need, loaded lazily once per process."""

    def __init__(self, settings: Settings):
        self.settings = settings

    @functools.cached_property
    def lexicon(self) -> Lexicon:
        return load_lexicon()

    @functools.cached_property
    def taxonomy(self) -> Taxonomy:
        return load_taxonomy()

    @functools.cached_property
    def actors(self) -> actors_mod.ActorTable:
        return actors_mod.load_actor_table()

    @functools.cached_property
    def gazetteer(self) -> Gazetteer:
        return open_gazetteer(self.settings)

    @functools.cached_property
    def analyzer(self) -> Analyzer:
        patterns = list(self.actors.ruler_patterns()) + list(place_patterns(self.gazetteer))
        nlp = load_pipeline(self.settings["nlp.model"], patterns, self.settings["nlp.blas_threads"])
        return Analyzer(nlp, self.lexicon, self.settings["nlp.batch_size"], is_place=self._is_place,
                        is_country=lambda name: self.gazetteer.country(name) is not None)

    def _is_place(self, name: str) -> bool:
        """A populated place or an administrative area of that name is in the gazetteer."""
        return any(p.kind in POPULATED_KINDS for p in self.gazetteer.lookup(name))


@dataclass
class StageTimes:
    """Seconds spent per stage and documents seen, summed over batches (for ``bench``)."""

    seconds: Counter[str] = field(default_factory=Counter)
    documents: int = 0


def _clean(doc: Document, res: Resources) -> None:
    clean_article(doc.article)
    if not _in_a_coded_language(doc, res.settings):
        return
    _published_from_url(doc.article)
    _published_from_dateline(doc.article)  # after the URL: datelines carry January's old-year slips
    found = find_dateline(doc.article.text, doc.article.segments)
    doc.dateline = TextSpan(found[1], found[2], found[0]) if found else None


def _in_a_coded_language(doc: Document, settings: Settings) -> bool:
    """Whether the article is in a language the pipeline codes (``language.py``); if not, the
    article is declined, with its language named, and no stage reads it further."""
    article, coded = doc.article, tuple(settings["language.coded"])
    if article.language is None:
        guess = identify(article.text, coded=coded, min_words=settings["language.min_words"],
                         min_confidence=settings["language.min_confidence"])
        article.language = None if guess.assumed else guess.code
    if article.language is None or article.language in coded:
        return True
    doc.decline(f"written in {language_name(article.language)} ({article.language}); "
                f"eventwire codes {', '.join(coded)} only (language.coded)")
    return False


def _mentions(doc: Document, res: Resources) -> None:
    build_mentions(doc, res.taxonomy, res.actors, res.settings["roles.recent_days"],
                   res.settings["roles.main_window_days"], gazetteer=res.gazetteer)


def _published_from_dateline(article: Article) -> None:
    """An article with no publication date from its record, its page, the caller or its URL
    takes the one its dateline gives ("INDIANAPOLIS, Ind. (Dec. 10, 2015) -"), flagged by
    ``published_source`` "dateline" and a warning."""
    if article.published is not None:
        return
    for segment in article.segments:
        date = published_from_dateline(article.text[segment.start:segment.end]) \
            if segment.kind == "dateline" else None
        if date is not None:
            article.published, article.published_source = date, "dateline"
            article.warnings.append(f"publication date {date} taken from the dateline")
            return


def _published_from_url(article: Article) -> None:
    """An article with no publication date from its record, its page or the caller takes the
    one its URL carries ("/2016/01/27/..."), flagged by ``published_source`` "url" and a
    warning: relative dates are then resolved against it, not left unknown."""
    if article.published is not None:
        return
    date = published_from_url(article.url)
    if date is not None:
        article.published, article.published_source = date, "url"
        article.warnings.append(f"publication date {date} taken from the URL")


PER_DOCUMENT: dict[str, Callable[[Document, Resources], object]] = {
    "clean": _clean,
    "extract": lambda doc, res: extract(doc, res.lexicon),
    "when": lambda doc, res: date_document(doc),
    "where": lambda doc, res: locate(doc, res.gazetteer),
    "actors": lambda doc, res: assign_actors(doc, res.actors, res.gazetteer),
    "mentions": _mentions,
}


def _run_stage(name: str, document: Document, resources: Resources) -> None:
    """One stage over one article; a failure there (a bug a strange article exposes) costs
    that article, not the batch, and is reported as the article's warning."""
    if document.failed:
        return
    try:
        PER_DOCUMENT[name](document, resources)
    except Exception as exc:  # noqa: BLE001 - the boundary between one article and the run
        document.fail(name, exc)


class Pipeline:
    """The per-article pipeline: ``analyse(articles)`` returns one Document per article."""

    def __init__(self, settings: Settings | None = None, resources: Resources | None = None):
        self.settings = settings or Settings()
        self.resources = resources or Resources(self.settings)
        self.times = StageTimes()

    def analyse(self, articles: Sequence[Article]) -> list[Document]:
        documents = [Document(article) for article in articles]
        for name in STAGE_NAMES:
            started = time.perf_counter()
            if name == "nlp":
                self.resources.analyzer(documents)
            else:
                for document in documents:
                    _run_stage(name, document, self.resources)
            self.times.seconds[name] += time.perf_counter() - started
        self.times.documents += len(documents)
        return documents

    def analyse_one(self, article: Article) -> Document:
        return self.analyse([article])[0]

    def warm_up(self) -> None:
        """Load every resource now (models, gazetteer), so the first article is not slow."""
        _ = self.resources.analyzer
        load_identifier()


def batched(items: Iterable, size: int) -> Iterable[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
