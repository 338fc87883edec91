"""``.json`` (one article object, or an array of them) and ``.jsonl`` (one object per line).

The interchange shape is ``{"id", "url", "outlet", "title", "published", "text"}``, only
``text`` required. A bad line of a JSON Lines file is reported with its line number
("a.jsonl:7: malformed JSON (…)") and the other lines are read; blank lines are skipped.
"""
from __future__ import annotations

import json
from typing import Any, Iterator

from ..errors import ReadError
from ..records import Article
from .decode import unify_newlines
from .record import RecordContext, kind_of, record_or_error

#: hint added when a .json file holds one object per line
JSONL_HINT = "; one object per line belongs in a .jsonl file"
#: json's messages for a document that stops in the middle of a value
TRUNCATION_MESSAGES = ("Unterminated string",)
#: json's message for a ``\\uXXXX`` escape; cut short when under 4 characters follow the "u"
ESCAPE_MESSAGE = "Invalid \\uXXXX escape"


def _reason(exc: json.JSONDecodeError, doc: str, *, with_line: bool) -> str:
    where = f"line {exc.lineno} column {exc.colno}" if with_line else f"column {exc.colno}"
    at = " " if exc.msg.endswith(" at") else " at "
    truncated = "truncated: " if _ends_early(exc, doc) else ""
    hint = JSONL_HINT if with_line and exc.msg == "Extra data" else ""
    return f"malformed JSON ({truncated}{exc.msg}{at}{where}{hint})"


def _ends_early(exc: json.JSONDecodeError, doc: str) -> bool:
    """Whether the document stops in the middle of a value (a line cut short)."""
    end = len(doc.rstrip())
    if exc.msg.startswith(TRUNCATION_MESSAGES) or exc.pos >= end:
        return True
    return exc.msg == ESCAPE_MESSAGE and end - exc.pos - 1 < 4


def _parse(doc: str, source: str, *, with_line: bool) -> Any:
    """The JSON value of ``doc``; raw control characters inside strings are tolerated."""
    try:
        return json.loads(doc, strict=False)
    except json.JSONDecodeError as exc:
        raise ReadError(source, _reason(exc, doc, with_line=with_line)) from None
    except RecursionError:
        raise ReadError(source, "malformed JSON (nested too deeply)") from None
    except ValueError as exc:  # an integer of more digits than Python reads (over 4,300)
        raise ReadError(source, f"malformed JSON ({str(exc).splitlines()[0]})") from None


def read_json(text: str, source: str, context: RecordContext) -> Iterator[Article | ReadError]:
    """One article object, or an array of them (item N is ``source:N``)."""
    data = _parse(text, source, with_line=True)
    if isinstance(data, dict):
        yield record_or_error(data, source, context)
        return
    if not isinstance(data, list):
        raise ReadError(source, f"JSON is {kind_of(data)}, not an article object")
    if not data:
        raise ReadError(source, "JSON array is empty: no articles")
    for number, item in enumerate(data, start=1):
        origin = f"{source}:{number}"
        if isinstance(item, dict):
            yield record_or_error(item, origin, context)
        else:
            yield ReadError(origin, f"array item is {kind_of(item)}, not an article object")


def read_jsonl(text: str, source: str, context: RecordContext) -> Iterator[Article | ReadError]:
    """One article per non-blank line; a bad line is reported and skipped."""
    for number, line in enumerate(unify_newlines(text).split("\n"), start=1):
        if not line.strip():
            continue
        origin = f"{source}:{number}"
        try:
            data = _parse(line, origin, with_line=False)
        except ReadError as err:
            yield err
            continue
        if isinstance(data, dict):
            yield record_or_error(data, origin, context)
        else:
            yield ReadError(origin, f"line is {kind_of(data)}, not an article object")
