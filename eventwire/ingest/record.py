"""One record (JSON object, CSV row, text file, HTML page) to one ``Article``.

Every reader ends here, so the interchange rules hold for every format alike:

* only ``text`` is required; it must be a string with something in it;
* a ``title`` the text does not already start with is put in front of it (title, blank line,
  text), so the headline is analysed too and offsets stay offsets into ``Article.text``;
* ``published`` from the record wins; the caller's date applies only to articles without one;
* ``id`` (string or integer) is kept; otherwise the id is the content hash;
* a text longer than ``ingest.max_article_chars`` is cut, with a warning on the article.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping

from ..config import Settings
from ..errors import ReadError
from ..language import language_code
from ..records import Article, parse_date
from .decode import normalise_text
from .published import caller_published, parse_published

#: the columns of a table (CSV, Parquet) that map onto record fields
COLUMNS = ("id", "url", "outlet", "title", "published", "language", "text")
REQUIRED_COLUMN = "text"


def match_columns(header: list[str], source: str) -> dict[str, int]:
    """Record field -> position of its column in a table's ``header``, matched ignoring case
    and surrounding spaces (the first column of a name wins); a table with no ``text`` column
    is one ``ReadError`` listing the columns it has."""
    index: dict[str, int] = {}
    for number, name in enumerate(header):
        key = name.strip().lower()
        if key in COLUMNS and key not in index:
            index[key] = number
    if REQUIRED_COLUMN not in index:
        found = ", ".join(repr(h) for h in header) or "none"
        raise ReadError(source, f"no {REQUIRED_COLUMN!r} column (columns: {found})")
    return index


#: text fields of a record besides ``text``, ``id`` and ``published``
OPTIONAL_TEXT_FIELDS = ("title", "url", "outlet")
#: the headline is compared with the start of the text over at most this many characters
TITLE_PREFIX_SLACK = 64


@dataclass(frozen=True)
class RecordContext:
    """What all records of one read share: the length limit and the caller's date."""

    max_chars: int
    published: dt.date | None = None

    @classmethod
    def from_settings(cls, settings: Settings, published: dt.date | None) -> "RecordContext":
        """``published`` may be a Python caller's datetime: its day is the date."""
        return cls(max_chars=settings["ingest.max_article_chars"], published=parse_date(published))


def kind_of(value: Any) -> str:
    """How a JSON value is called in an error message ("a number", "an array", "null")."""
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "null"
    names = {str: "a string", int: "a number", float: "a number", list: "an array",
             dict: "an object"}
    return names.get(type(value), type(value).__name__)


def _optional_text(record: Mapping[str, Any], name: str, warnings: list[str]) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        warnings.append(f"{name} {value!r} is not a string: ignored")
        return None
    return " ".join(normalise_text(value, warnings).split()) or None


def _record_id(value: Any, warnings: list[str]) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return value.strip()
    if value is not None:
        warnings.append(f"id {value!r} is not a string or integer: the content hash is the id")
    return ""


def _starts_with(text: str, title: str) -> bool:
    """Whether ``text`` opens with ``title`` (ignoring case and spacing)."""
    head = text[: 2 * len(title) + TITLE_PREFIX_SLACK]
    return " ".join(head.split()).casefold().startswith(" ".join(title.split()).casefold())


def _article_text(record: Mapping[str, Any], title: str | None, context: RecordContext,
                  origin: str, warnings: list[str]) -> str:
    raw = record.get("text")
    if not isinstance(raw, str):
        kind = "missing" if raw is None else f"{kind_of(raw)}, not a string"
        raise ReadError(origin, f'"text" is {kind}')
    text = normalise_text(raw, warnings)
    if not text.strip():
        raise ReadError(origin, "empty text")
    if title and not _starts_with(text, title):
        text = f"{title}\n\n{text}"
    if len(text) > context.max_chars:
        warnings.append(f"text cut from {len(text)} to {context.max_chars} characters "
                        f"(ingest.max_article_chars)")
        text = text[: context.max_chars]
    return text


def article_from_record(record: Mapping[str, Any], origin: str, context: RecordContext, *,
                        date_source: str = "metadata") -> Article:
    """The article a record describes; a ``ReadError`` naming ``origin`` when it has no text.

    ``date_source`` says where a date in the record came from ("metadata", "html").
    """
    warnings: list[str] = []
    fields = {name: _optional_text(record, name, warnings) for name in OPTIONAL_TEXT_FIELDS}
    text = _article_text(record, fields["title"], context, origin, warnings)
    published = parse_published(record.get("published"), warnings)
    source = date_source if published else None
    if published is None:
        published = caller_published(context.published, warnings)
        source = "caller" if published else None
    return Article(text=text, id=_record_id(record.get("id"), warnings), published=published,
                   published_source=source, origin=origin, warnings=warnings,
                   language=_language(record.get("language"), warnings), **fields)


def _language(value: Any, warnings: list[str]) -> str | None:
    """A record's ``language`` ("fr", "FR", "French") as an ISO 639-1 code; else a warning."""
    if value is None or value == "":
        return None
    code = language_code(value) if isinstance(value, str) else None
    if code is None:
        warnings.append(f"language {value!r} is not an ISO 639-1 code or a language name "
                        f"eventwire knows: identified from the text instead")
    return code


def record_or_error(record: Mapping[str, Any], origin: str, context: RecordContext, *,
                    error_source: str | None = None,
                    date_source: str = "metadata") -> Article | ReadError:
    """``article_from_record``, with its refusal returned (named ``error_source``) not raised."""
    try:
        return article_from_record(record, origin, context, date_source=date_source)
    except ReadError as err:
        return ReadError(error_source or err.source, err.reason) if error_source else err
