"""The one report every dataset's scorer fills in, and the table ``eventwire eval`` prints.

A report has up to three parts, each present only when the dataset measures it:

* detection: gold events, predicted events and matched pairs (precision, recall, F1);
* ``fields``: per-field accuracy as right / of (a :class:`Tally` per field);
* ``figures``: single numbers that are not a ratio of counts (macro-F1, argument F1 …).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Tally:
    """How many of ``total`` comparisons were right."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    @property
    def score(self) -> float | None:
        return round(self.right / self.total, 3) if self.total else None

    def as_dict(self) -> dict[str, Any]:
        return {"score": self.score, "right": self.right, "total": self.total}


@dataclass
class Report:
    """Scores over one gold set (see the module docstring)."""

    name: str
    dataset: str = "seed"
    articles: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    matched: int = 0
    fields: dict[str, Tally] = field(default_factory=dict)
    aggregates: dict[str, Tally] = field(default_factory=dict)
    figures: dict[str, float] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def tally(self, name: str) -> Tally:
        """The tally for ``name``, created on first use (fields keep their first-use order)."""
        return self.fields.setdefault(name, Tally())

    @property
    def precision(self) -> float:
        return round(self.matched / self.predicted_events, 3) if self.predicted_events else 0.0

    @property
    def recall(self) -> float:
        return round(self.matched / self.gold_events, 3) if self.gold_events else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return round(2 * p * r / (p + r), 3) if p + r else 0.0

    def score(self, name: str) -> float | None:
        """One figure by name: ``f1``, ``precision``, ``recall``, a field or a figure."""
        if name in ("f1", "precision", "recall"):
            return getattr(self, name)
        if name in self.fields:
            return self.fields[name].score
        return self.figures.get(name)

    def as_dict(self) -> dict[str, Any]:
        return {"dataset": self.dataset, "gold": self.name, "articles": self.articles,
                "gold_events": self.gold_events, "predicted_events": self.predicted_events,
                "matched": self.matched, "precision": self.precision, "recall": self.recall,
                "f1": self.f1, "fields": {k: v.as_dict() for k, v in self.fields.items()},
                "aggregates": {k: v.as_dict() for k, v in self.aggregates.items()},
                "figures": self.figures, "misses": self.misses, "extras": self.extras}


def _tally_line(name: str, tally: Tally) -> str:
    score = "  -  " if tally.score is None else f"{tally.score:.3f}"
    return f"{name:<28}{score:>7}{tally.right:>7}{tally.total:>6}"


def format_report(report: Report, show_misses: bool = True) -> str:
    """The human-readable table ``eventwire eval`` prints."""
    lines = [f"gold: {report.name}  ({report.dataset})  articles: {report.articles}"]
    if report.gold_events:
        lines += [f"events  gold {report.gold_events}  predicted {report.predicted_events}  "
                  f"matched {report.matched}",
                  f"detection  P {report.precision:.3f}  R {report.recall:.3f}  F1 {report.f1:.3f}"]
    lines += ["", f"{'field':<28}{'score':>7}{'right':>7}{'of':>6}"]
    lines += [_tally_line(name, tally) for name, tally in report.fields.items()]
    lines += [_tally_line("aggregate " + name, t) for name, t in report.aggregates.items()]
    if report.figures:
        lines += [""] + [f"{name:<28}{value:>7.3f}" for name, value in report.figures.items()]
    if show_misses and report.misses:
        lines += ["", "missed:"] + [f"  {m}" for m in report.misses]
    if show_misses and report.extras:
        lines += ["", "extra:"] + [f"  {m}" for m in report.extras]
    return "\n".join(lines)
