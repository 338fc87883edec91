"""``.html`` / ``.htm`` pages: the article body and its metadata, by trafilatura.

trafilatura finds the main text (leaving menus, comments and scripts out) and reads the title,
date, site name and canonical URL from the page's metadata. It only ever sees the string it is
given: nothing is fetched. The date is taken from metadata and markup only, never guessed from
the text (a "Copyright 2024" footer would otherwise become 1 January 2024). Hostile markup
(scripts, tags nested a hundred thousand deep, huge attributes) is refused with a
``ReadError`` or yields what text it has; it never crashes a run.
Paragraphs come out one per line; they are joined with blank lines so the cleaner sees them.
"""
from __future__ import annotations

from typing import Any, Iterator

import trafilatura
from trafilatura.settings import set_date_params

from ..errors import ReadError
from ..records import Article
from .record import RecordContext, record_or_error

#: trafilatura options: the article body only (no comments, no tables), with metadata
EXTRACT_OPTIONS = {"with_metadata": True, "include_comments": False, "include_tables": False,
                   "include_images": False, "include_links": False, "deduplicate": False}
#: longest reason text kept from a parser exception
MAX_REASON_CHARS = 120


def _extract(html: str, source: str) -> Any:
    """trafilatura's document for ``html``; a ReadError when it has no text."""
    try:
        document = trafilatura.bare_extraction(
            html, date_extraction_params=set_date_params(extensive=False), **EXTRACT_OPTIONS)
    # trafilatura and lxml raise many kinds of errors on broken markup; all mean "unreadable"
    except Exception as exc:  # noqa: BLE001
        detail = f"{type(exc).__name__}: {exc}"[:MAX_REASON_CHARS]
        raise ReadError(source, f"HTML could not be parsed ({detail})") from None
    if document is None or not (document.text or "").strip():
        raise ReadError(source, "no article text found in the HTML")
    return document


def read_html(text: str, source: str, context: RecordContext) -> Iterator[Article | ReadError]:
    """The one article of an HTML page."""
    document = _extract(text, source)
    body = "\n\n".join(line.strip() for line in document.text.split("\n") if line.strip())
    record = {"text": body, "title": document.title, "url": document.url,
              "outlet": document.sitename, "published": document.date}
    yield record_or_error(record, source, context, date_source="html")
