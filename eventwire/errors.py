"""One exception tree for eventwire.

Every error carries the input it could not handle, so a one-line message can name it::

    EventwireError                 base: catch this to catch everything eventwire raises
    ├── InputError                 the caller handed us something we cannot use
    │   ├── ReadError              a file or record could not be read (binary, encoding,
    │   │                          empty, too large, truncated JSON line N) -> .source, .reason
    │   └── DateFormatError        a date string that is not a date -> .value
    ├── ConfigError                unknown setting or bad value -> .name, .value, .valid
    ├── ResourceError              a model, gazetteer or data table is missing or broken -> .resource
    ├── StoreError                 the database refused or is unusable -> .url, .reason
    │   └── MigrationError         a schema migration failed and was rolled back -> .version
    └── EvalError                  a gold file is unreadable or of an unknown format -> .source

Library errors (json, duckdb, spaCy, OSError) are translated into these at the boundary where
they happen; nothing below the CLI prints a traceback for bad input.
"""
from __future__ import annotations

from typing import Iterable


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class InputError(EventwireError):
    """The caller handed us something we cannot use."""


class ReadError(InputError):
    """A file or record could not be read.

    ``source`` names the file (and line, for JSONL); ``reason`` says why in a few words.
    """

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class DateFormatError(InputError):
    """A date string that is not a date (``--published 2023-13-45``)."""

    def __init__(self, value: object, expected: str = "YYYY-MM-DD"):
        self.value = value
        super().__init__(f"not a date: {value!r} (expected {expected})")


class ConfigError(EventwireError):
    """An unknown setting, or a value of the wrong kind."""

    def __init__(self, name: str, value: object = None, valid: Iterable[str] | str = ""):
        self.name = name
        self.value = value
        self.valid = valid if isinstance(valid, str) else ", ".join(valid)
        detail = f"bad setting {name!r}"
        if value is not None:
            detail += f" = {value!r}"
        if self.valid:
            detail += f" (valid: {self.valid})"
        super().__init__(detail)


class ResourceError(EventwireError):
    """A model, gazetteer or data table is missing or broken."""

    def __init__(self, resource: str, reason: str):
        self.resource = resource
        self.reason = reason
        super().__init__(f"{resource}: {reason}")


class StoreError(EventwireError):
    """The database refused an operation or cannot be used."""

    def __init__(self, url: str, reason: str):
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


class MigrationError(StoreError):
    """A schema migration failed; the transaction was rolled back."""

    def __init__(self, url: str, version: int, reason: str):
        self.version = version
        super().__init__(url, f"migration {version} failed and was rolled back: {reason}")


class EvalError(EventwireError):
    """A gold file is unreadable or of a format eventwire does not know."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")
