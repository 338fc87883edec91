"""The readers (stage "ingest"): files on disk to ``Article`` records.

One reader per format, chosen by the file ending (DESIGN.md "Interchange"):

======== ================================================== ==========================
ending   what one file holds                                 article.origin
======== ================================================== ==========================
.txt     one article, the whole text (headline line = title) ``path``
.json    one article object, or an array of them             ``path`` / ``path:N`` (item N)
.jsonl   one article object per line                         ``path:N`` (line N)
.csv     one article per row, a ``text`` column              ``path:N`` (row N, header = 1)
.html    one page, through trafilatura (body + metadata)     ``path``
.parquet one article per row, a ``text`` column (streamed)   ``path:N`` (row N)
======== ================================================== ==========================

Reading never stops at bad input: every file or record that cannot be read is *yielded* as a
``ReadError`` naming it ("a.jsonl:7: malformed JSON (…)", "scan.txt: binary file (NUL bytes)"),
and reading goes on with the rest, so the caller can count, report and carry on.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..config import Settings
from ..errors import ReadError
from ..records import Article
from .decode import load_text
from .html import read_html
from .jsonfiles import read_json, read_jsonl
from .parquet import read_parquet
from .paths import expand_paths
from .record import RecordContext
from .tabular import read_csv
from .text import read_txt

__all__ = ["expand_paths", "read_file", "read_paths", "READERS"]

Reader = Callable[[str, str, RecordContext], Iterator["Article | ReadError"]]

#: file ending -> reader of the decoded file text
READERS: dict[str, Reader] = {".txt": read_txt, ".json": read_json, ".jsonl": read_jsonl,
                              ".csv": read_csv, ".html": read_html, ".htm": read_html}
#: file ending -> reader of the file itself (binary formats, streamed rather than decoded whole)
FILE_READERS: dict[str, Callable[[Path, RecordContext], Iterator["Article | ReadError"]]] = {
    ".parquet": read_parquet}
#: formats whose strings may hold NUL characters (removed with a warning, not refused as binary)
NUL_TOLERANT = frozenset({".json", ".jsonl"})


def read_file(path: str | Path, *, settings: Settings,
              published: dt.date | None = None) -> Iterator[Article | ReadError]:
    """The articles of one file, and a ``ReadError`` for the file or each record it skips.

    ``published`` is the caller's date: it applies to articles that carry none of their own.
    """
    path = Path(path)
    ending = path.suffix.lower()
    reader = READERS.get(ending)
    if reader is None and ending not in FILE_READERS:
        yield ReadError(str(path), f"unknown file ending {ending or '(none)'!r} "
                                   f"(readable: {', '.join([*READERS, *FILE_READERS])})")
        return
    context = RecordContext.from_settings(settings, published)
    try:
        if reader is None:
            yield from FILE_READERS[ending](path, context)
            return
        text = load_text(path, settings["ingest.max_file_bytes"], allow_nul=ending in NUL_TOLERANT)
        yield from reader(text, str(path), context)
    except ReadError as err:
        yield err


def read_paths(paths: Iterable[str | Path], *, settings: Settings,
               published: dt.date | None = None) -> Iterator[Article | ReadError]:
    """Every article under ``paths`` (files, directories, globs), the names that give no file
    first as ``ReadError``s, then each file's articles and errors in order."""
    files, errors = expand_paths(paths, settings["ingest.extensions"])
    yield from errors
    for path in files:
        yield from read_file(path, settings=settings, published=published)
