"""The quality gate's rules: ``quality/floors.json`` pins, per gold set, the gold's hash and a
floor under each figure ``eventwire eval`` reports, and a floor may only go down with a written
reason. ``tests/test_quality.py`` runs these checks in CI; they live here, apart from the
pipeline, so that the rules themselves can be tested on small made-up floors files.

The floors file::

    {"about": "...",
     "sets": {"acled": {"dataset": "acled", "gold": "../shared/eval/acled/....csv",
                        "gold_sha256": "<hex>", "floors": {"event_type": 0.68, ...}}},
     "lowered": [{"set": "acled", "figure": "event_type", "from": 0.68, "to": 0.65,
                  "why": "..."}]}

Versions committed before the gate read git history kept the sets at the top level, each with
``"f1"`` and ``"fields"``; :func:`parse_version` reads both, because git history holds both.
"""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..errors import EvalError
from . import DATASETS
from .report import Report

FLOORS_FILE = "quality/floors.json"
#: figures of event detection; a report has them only when its gold lists events
DETECTION = ("f1", "precision", "recall")
SET_KEYS = ("dataset", "gold", "gold_sha256", "floors")
LOWERED_KEYS = ("set", "figure", "from", "to", "why")
TOP_KEYS = ("about", "sets", "lowered")
#: the old structure's per-set keys (its sets were all seed gold)
OLD_SET_KEYS = ("gold", "f1", "fields", "gold_sha256")
OLD_DATASET = "seed"
SHA256 = re.compile(r"[0-9a-f]{64}")
#: floors are written with two decimals: nearer than this is the same floor
SAME = 1e-9


@dataclass(frozen=True)
class GoldSet:
    """One gold set: what it is, where it lies (relative to the repo root), its floors."""

    name: str
    dataset: str
    gold: str
    gold_sha256: str
    floors: dict[str, float]

    def path(self, root: Path) -> Path:
        return (root / self.gold).resolve()


@dataclass(frozen=True)
class Lowering:
    """A floor lowered on purpose: from the highest floor ever pinned, to the floor now."""

    set: str
    figure: str
    from_: float
    to: float
    why: str


@dataclass(frozen=True)
class Floors:
    """One version of the floors file; ``source`` names it (a path, or ``commit:path``)."""

    about: str
    sets: dict[str, GoldSet]
    lowered: tuple[Lowering, ...]
    source: str

    def floor(self, name: str, figure: str) -> float | None:
        gold_set = self.sets.get(name)
        return gold_set.floors.get(figure) if gold_set else None


# ---------------------------------------------------------------- reading and validating
def _kind(value: Any) -> str:
    return "nothing" if value is None else f"{type(value).__name__} {value!r}"


def _mapping(value: Any, source: str, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise EvalError(source, f"{where}: expected an object, got {_kind(value)}")
    return value


def _text(value: Any, source: str, where: str, empty_ok: bool = False) -> str:
    if not isinstance(value, str) or not (empty_ok or value.strip()):
        raise EvalError(source, f"{where}: expected {'' if empty_ok else 'non-empty '}text, got {_kind(value)}")
    return value


def _floor(value: Any, source: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise EvalError(source, f"{where}: expected a number from 0 to 1, got {_kind(value)}")
    return float(value)


def _known_keys(data: dict[str, Any], keys: tuple[str, ...], source: str, where: str) -> None:
    unknown = sorted(set(data) - set(keys))
    if unknown:
        raise EvalError(source, f"{where}: unknown key(s) {', '.join(unknown)} (valid: {', '.join(keys)})")


def _floors_of(value: Any, source: str, where: str) -> dict[str, float]:
    floors = _mapping(value, source, where)
    if not floors:
        raise EvalError(source, f"{where}: no floors")
    return {figure: _floor(floor, source, f"{where}.{figure}") for figure, floor in floors.items()}


def _gold_of(data: dict[str, Any], source: str, where: str) -> tuple[str, str]:
    gold = _text(data.get("gold"), source, f"{where}.gold")
    sha = _text(data.get("gold_sha256"), source, f"{where}.gold_sha256")
    if not SHA256.fullmatch(sha):
        raise EvalError(source, f"{where}.gold_sha256: not a SHA-256 hex digest: {sha!r}")
    return gold, sha


def _gold_set(name: str, value: Any, source: str) -> GoldSet:
    where = f"sets.{name}"
    data = _mapping(value, source, where)
    _known_keys(data, SET_KEYS, source, where)
    dataset = _text(data.get("dataset"), source, f"{where}.dataset")
    if dataset not in DATASETS:
        raise EvalError(source, f"{where}.dataset: unknown dataset {dataset!r} (valid: {', '.join(DATASETS)})")
    gold, sha = _gold_of(data, source, where)
    return GoldSet(name, dataset, gold, sha, _floors_of(data.get("floors"), source, f"{where}.floors"))


def _lowering(value: Any, source: str, where: str) -> Lowering:
    data = _mapping(value, source, where)
    _known_keys(data, LOWERED_KEYS, source, where)
    return Lowering(_text(data.get("set"), source, f"{where}.set"),
                    _text(data.get("figure"), source, f"{where}.figure"),
                    _floor(data.get("from"), source, f"{where}.from"),
                    _floor(data.get("to"), source, f"{where}.to"),
                    _text(data.get("why"), source, f"{where}.why", empty_ok=True))


def parse_floors(data: Any, source: str) -> Floors:
    """A floors file's JSON in the current structure, validated; EvalError names the part."""
    data = _mapping(data, source, "the file")
    _known_keys(data, TOP_KEYS, source, "the file")
    sets = _mapping(data.get("sets"), source, "sets")
    if not sets:
        raise EvalError(source, "sets: no gold sets")
    lowered = data.get("lowered", [])
    if not isinstance(lowered, list):
        raise EvalError(source, f"lowered: expected a list, got {_kind(lowered)}")
    return Floors(_text(data.get("about", ""), source, "about", empty_ok=True),
                  {name: _gold_set(name, value, source) for name, value in sets.items()},
                  tuple(_lowering(item, source, f"lowered[{i}]") for i, item in enumerate(lowered)),
                  source)


def _old_set(name: str, value: Any, source: str) -> GoldSet:
    data = _mapping(value, source, name)
    _known_keys(data, OLD_SET_KEYS, source, name)
    gold, sha = _gold_of(data, source, name)
    floors = {"f1": _floor(data.get("f1"), source, f"{name}.f1")}
    if data.get("fields") is not None:
        floors |= _floors_of(data["fields"], source, f"{name}.fields")
    return GoldSet(name, OLD_DATASET, gold, sha, floors)


def parse_version(data: Any, source: str) -> Floors:
    """Any committed version: the current structure, or the old one (sets at the top level)."""
    if isinstance(data, dict) and "sets" not in data:
        about = _text(data.get("about", ""), source, "about", empty_ok=True)
        sets = {name: _old_set(name, value, source) for name, value in data.items() if name != "about"}
        return Floors(about, sets, (), source)
    return parse_floors(data, source)


def _json(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvalError(source, f"not JSON (line {exc.lineno}: {exc.msg})") from exc


def load_floors(path: Path | str) -> Floors:
    """The floors file at ``path``, in the current structure."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(str(path), f"unreadable floors file ({exc})") from exc
    return parse_floors(_json(text, str(path)), str(path))


# ---------------------------------------------------------------- checks
def gold_hash(path: Path) -> str:
    """SHA-256 of a gold file's bytes, or of a folder's ``*.json`` files (name and bytes, by
    name), so that editing the gold the floors were measured on cannot pass unnoticed."""
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def figures_of(report: Report) -> list[str]:
    """The figure names ``report.score`` answers for this report."""
    detection = list(DETECTION) if report.gold_events else []
    return detection + list(report.fields) + list(report.figures)


def check(report: Report, gold_set: GoldSet) -> list[str]:
    """One line per figure of ``gold_set`` that is below its floor, missing or not measured."""
    known, failures = figures_of(report), []
    for figure, floor in gold_set.floors.items():
        score = report.score(figure)
        if figure not in known:
            failures.append(f"{gold_set.name}: {figure!r} is not a figure of the {report.dataset} "
                            f"report (it has: {', '.join(known)})")
        elif score is None:
            failures.append(f"{gold_set.name}: {figure} has no score (nothing in the gold to compare)")
        elif score < floor - SAME:
            failures.append(f"{gold_set.name}: {figure} {score:.3f} is below its floor {floor:.2f}")
    return failures


def highest_floors(history: Iterable[Floors]) -> dict[tuple[str, str], tuple[float, str]]:
    """(set, figure) -> the highest floor ever pinned for it, and the version that pinned it."""
    best: dict[tuple[str, str], tuple[float, str]] = {}
    for version in history:
        for gold_set in version.sets.values():
            for figure, floor in gold_set.floors.items():
                key = (gold_set.name, figure)
                if key not in best or floor > best[key][0] + SAME:
                    best[key] = (floor, version.source)
    return best


def _recorded(lowered: Iterable[Lowering], name: str, figure: str, high: float, now: float) -> bool:
    """Whether a reasoned lowering from ``high`` covers the floor ``now``: down to it, or below
    it (a floor lowered on purpose may be raised again part of the way)."""
    return any(item.set == name and item.figure == figure and item.why.strip()
               and abs(item.from_ - high) < SAME and item.to <= now + SAME for item in lowered)


def lowered_without_reason(current: Floors, history: Iterable[Floors],
                           sets: Iterable[str] | None = None) -> list[str]:
    """One line per floor of ``current`` below the highest ever pinned for it without a
    matching ``lowered`` entry (a removed floor counts as lowered to 0); ``sets`` limits the
    check to those sets (by default, every set ever pinned)."""
    problems, only = [], None if sets is None else set(sets)
    for (name, figure), (high, pinned_in) in sorted(highest_floors(history).items()):
        if only is not None and name not in only:
            continue
        floor = current.floor(name, figure)
        now = 0.0 if floor is None else floor
        if now < high - SAME and not _recorded(current.lowered, name, figure, high, now):
            state = "was removed (counts as 0)" if floor is None else f"is {now:.2f}"
            entry = json.dumps({"set": name, "figure": figure, "from": high, "to": now, "why": "..."})
            problems.append(f"{name}/{figure}: floor {state}, below {high:.2f} pinned in {pinned_in}; "
                            f"lowering it needs {entry} in \"lowered\" with the reason")
    return problems


# ---------------------------------------------------------------- git history
def _git(repo: Path, *args: str) -> str | None:
    """git's output, or None when git is missing or refuses (not a repository)."""
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def floors_history(repo: Path, path: str = FLOORS_FILE) -> list[Floors] | None:
    """Every committed version of the floors file, newest first; None without git history."""
    commits = _git(repo, "log", "--format=%H", "--", path)
    if commits is None:
        return None
    versions = []
    for commit in commits.split():
        text = _git(repo, "show", f"{commit}:{path}")
        if text is not None:  # None: the commit deleted the file
            source = f"{commit[:12]}:{path}"
            versions.append(parse_version(_json(text, source), source))
    return versions
