"""What the dataset scorers share: reading tabular gold, running the pipeline in batches,
choosing the one event a single-event gold item is compared with, and comparing numbers."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..document import Document
from ..errors import EvalError
from ..pipeline import Pipeline, batched
from ..records import Article, Mention

BATCH = 64
#: roles in the order a single-event gold item prefers them
ROLE_ORDER = ("main", "secondary", "background")


def _require(path: Path, found: Iterable[str], required: Iterable[str]) -> None:
    missing = [name for name in required if name not in set(found)]
    if missing:
        raise EvalError(str(path), f"missing column(s): {', '.join(missing)}")


def read_rows(path: Path, delimiter: str, limit: int | None = None,
              required: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """A CSV/TSV gold file as dicts; a clear EvalError when it is not one. Tab-separated
    files are read unquoted (CASE and GVDB do not quote: a stray quote must not eat rows)."""
    csv.field_size_limit(sys.maxsize)
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle, delimiter=delimiter, quoting=quoting)
            _require(path, reader.fieldnames or (), required)
            rows = []
            for row in reader:
                rows.append(row)
                if limit is not None and len(rows) >= limit:
                    break
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise EvalError(str(path), f"unreadable gold table ({exc})") from exc
    if not rows:
        raise EvalError(str(path), "no gold rows")
    return rows


def read_jsonl(path: Path, limit: int | None = None, required: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """A JSONL gold file; names the line that is not JSON or lacks a required key."""
    records = []
    try:
        with path.open(encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    record = json.loads(line)
                    if not isinstance(record, dict):
                        raise EvalError(f"{path}:{number}", "not a JSON object")
                    _require(Path(f"{path}:{number}"), record, required)
                    records.append(record)
                if limit is not None and len(records) >= limit:
                    break
    except json.JSONDecodeError as exc:
        raise EvalError(f"{path}:{number}", f"not JSON ({exc.msg})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(str(path), f"unreadable gold file ({exc})") from exc
    if not records:
        raise EvalError(str(path), "no gold records")
    return records


def analyse_all(pipeline: Pipeline, articles: Iterable[Article]) -> Iterator[Document]:
    """Documents for ``articles``, in order, parsed in batches (spaCy's pipe is faster so)."""
    for batch in batched(articles, BATCH):
        yield from pipeline.analyse(batch)


def events_of(document: Document) -> list[Mention]:
    """The document's events, news first, then in reading order."""
    def key(mention: Mention) -> tuple[int, int]:
        rank = ROLE_ORDER.index(mention.role) if mention.role in ROLE_ORDER else len(ROLE_ORDER)
        starts = [e.start for e in mention.evidence]
        return rank, min(starts) if starts else 0
    return sorted(document.mentions, key=key)


def primary_event(document: Document) -> Mention | None:
    """The event a one-event gold item (an ACLED note, a GVDB article) is compared with."""
    events = events_of(document)
    return events[0] if events else None


def in_range(value: int | None, low: int | None, high: int | None) -> bool:
    return value is not None and low is not None and high is not None and low <= value <= high
