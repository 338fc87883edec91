"""Plain ``.txt`` files: one article per file, the whole text.

A wire story saved as text usually opens with its headline on a line of its own; that line
becomes ``Article.title`` when it looks like one (short, no final full stop, a blank line after
it). The date comes from the caller (``--published``): a text file carries none of its own.
"""
from __future__ import annotations

from typing import Iterator

from ..clean import looks_like_headline
from ..errors import ReadError
from ..records import Article
from .decode import unify_newlines
from .record import RecordContext, record_or_error


def headline_of(text: str) -> str | None:
    """The first line of ``text`` when it is a headline followed by a blank line."""
    lines = unify_newlines(text).lstrip().split("\n", 2)
    if len(lines) == 3 and not lines[1].strip() and lines[2].strip():
        first = lines[0].strip()
        return first if looks_like_headline(first) else None
    return None


def read_txt(text: str, source: str, context: RecordContext) -> Iterator[Article | ReadError]:
    """The one article of a text file."""
    yield record_or_error({"text": text, "title": headline_of(text)}, source, context)
