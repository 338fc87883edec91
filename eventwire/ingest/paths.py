"""What the user named on the command line, to the list of files to read.

Files are taken as named; directories are walked recursively (hidden files and folders left
out, symbolic links to folders not followed) for files with a readable ending; globs
("examples/*.jsonl", "corpus/**/*.html") are expanded the same way. The result is sorted within
each named path and free of repeats. A name that does not exist, a directory or glob with
nothing readable in it, and a file with an ending no reader knows come back as ``ReadError``s,
so one typo does not stop a run over a thousand files.
"""
from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import ReadError

GLOB_CHARACTERS = frozenset("*?[")


def _endings(extensions: Sequence[str]) -> tuple[str, ...]:
    return tuple(e.lower() if e.startswith(".") else f".{e.lower()}" for e in extensions)


def _walk(folder: Path, endings: tuple[str, ...]) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root, f) for f in files
                     if not f.startswith(".") and f.lower().endswith(endings))
    return sorted(found)


def _glob(pattern: str, endings: tuple[str, ...]) -> list[Path]:
    found: list[Path] = []
    for match in sorted(glob.glob(pattern, recursive=True)):
        path = Path(match)
        if path.is_dir():
            found.extend(_walk(path, endings))
        elif path.name.lower().endswith(endings):
            found.append(path)
    return found


def _expand_one(name: str, endings: tuple[str, ...]) -> tuple[list[Path], ReadError | None]:
    path = Path(name)
    readable = ", ".join(endings)
    if path.is_dir():
        files = _walk(path, endings)
        return files, None if files else ReadError(name, f"no files ending in {readable} here")
    if path.exists():
        if path.name.lower().endswith(endings):
            return [path], None
        return [], ReadError(name, f"unknown file ending {path.suffix or '(none)'!r} "
                                   f"(readable: {readable})")
    if GLOB_CHARACTERS & set(name):
        files = _glob(name, endings)
        return files, None if files else ReadError(name, f"matches no files ending in {readable}")
    return [], ReadError(name, "no such file or directory")


def expand_paths(paths: Iterable[str | Path],
                 extensions: Sequence[str]) -> tuple[list[Path], list[ReadError]]:
    """The files named by ``paths`` (files, directories, globs) with one of ``extensions``,
    and a ``ReadError`` for every name that gives none."""
    endings = _endings(extensions)
    files: list[Path] = []
    errors: list[ReadError] = []
    seen: set[Path] = set()
    for name in paths:
        found, error = _expand_one(str(name), endings)
        if error is not None:
            errors.append(error)
        for path in found:
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                files.append(path)
    return files, errors
