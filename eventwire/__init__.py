"""eventwire: news reports in, conflict-event data out.

The verbs are functions (``eventwire/workflow.py``), importable from here::

    import eventwire
    events = eventwire.extract(text, published="2023-12-11")

They load lazily, so ``import eventwire.records`` stays cheap (no spaCy).
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
VERBS = ("extract", "ingest", "events", "stats", "export", "locate_place", "place_at")


def __getattr__(name: str) -> Any:
    if name in VERBS:
        from . import workflow
        return getattr(workflow, name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
