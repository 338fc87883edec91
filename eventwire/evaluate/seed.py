"""``eventwire eval``: score the pipeline against hand-coded gold.

Gold format (``shared/eval/seed-gold.json``, ``examples/gold/*.gold.json``): one article
(``"article"``: a path relative to the gold folder's parent, ``file.jsonl#id`` for a record of a
JSONL file), its publication date, its ``events``, ``aggregates`` and ``aliases``. A folder of
such files is scored as one set.

A predicted event matches a gold event when the event types are the same, the dates are within
one day (or a gold range contains it), and the places are within 25 km (or, where gold has no
point, the countries agree). Matching is one-to-one, best pairs first. Then:

* detection precision, recall and F1 over all events (aggregates apart);
* per field, over matched pairs where gold gives a value: role, sub_event_type, actor1,
  claimed_by, actor2 (through the actor alias table and the gold's own aliases; gold
  "unknown" matches an unidentified or missing actor), date exact, place within 25 km,
  admin1, country, fatalities exact, injured exact;
* aggregates: found (same count), qualifier and period exact.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from ..actors import load_actor_table
from ..errors import EvalError, ReadError
from ..ingest import read_file
from ..merging import is_unidentified
from ..pipeline import Pipeline
from ..records import Aggregate, Article, Mention, parse_date
from ..where.gazetteer import Gazetteer, haversine_km, normalise_name
from .report import Report, Tally

MATCH_KM = 25.0
MATCH_DAYS = 1
FIELDS = ("role", "sub_event_type", "actor1", "claimed_by", "actor2", "date", "place_25km",
          "admin1", "country", "fatalities", "injured")


@dataclass
class GoldArticle:
    path: Path
    article: Article
    events: list[dict[str, Any]]
    aggregates: list[dict[str, Any]]
    aliases: list[list[str]]


# ---------------------------------------------------------------- loading
def _article_for(gold_path: Path, ref: str, published: dt.date | None, pipeline: Pipeline) -> Article:
    name, _, record_id = ref.partition("#")
    for base in (gold_path.parent.parent, gold_path.parent, Path.cwd()):
        candidate = base / name
        if candidate.exists():
            break
    else:
        raise EvalError(str(gold_path), f"article {ref!r} not found next to the gold file")
    for item in read_file(candidate, settings=pipeline.settings, published=published):
        if isinstance(item, ReadError):
            raise EvalError(str(gold_path), f"article {ref!r}: {item.reason}")
        if not record_id or item.id == record_id:
            if item.published is None:
                item.published, item.published_source = published, "caller"
            return item
    raise EvalError(str(gold_path), f"no record {record_id!r} in {candidate}")


def load_gold(path: Path, pipeline: Pipeline) -> list[GoldArticle]:
    """One gold file, or every ``*.json`` gold file in a folder."""
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        raise EvalError(str(path), "no gold files (*.json) found")
    golds = []
    for file in files:
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise EvalError(str(file), f"unreadable gold file ({exc})") from exc
        if not isinstance(data, dict) or "events" not in data or "article" not in data:
            raise EvalError(str(file), "not a gold file (expected 'article' and 'events' keys)")
        published = parse_date(data.get("published"))
        article = _article_for(file, data["article"], published, pipeline)
        golds.append(GoldArticle(file, article, data["events"], data.get("aggregates", []),
                                 data.get("aliases", [])))
    return golds


# ---------------------------------------------------------------- matching
def _gold_countries(gold: dict[str, Any]) -> list[str]:
    return [c.strip() for c in (gold.get("country") or "").split(";") if c.strip()]


def _date_ok(gold: dict[str, Any], pred: Mention) -> bool:
    gold_date = parse_date(gold.get("date"))
    if gold_date is None:
        rng = gold.get("date_range")
        if rng and pred.event_date:
            return parse_date(rng[0]) - dt.timedelta(days=MATCH_DAYS) <= pred.event_date <= parse_date(rng[1])
        return pred.event_date is None or bool(rng)
    if pred.event_date is None:
        return bool(pred.date_range and pred.date_range[0] <= gold_date <= pred.date_range[1])
    return abs((pred.event_date - gold_date).days) <= MATCH_DAYS


#: ACLED geo-precision of a region- or country-level placement: compared by area, not distance
IMPRECISE = 3


def _place_ok(gold: dict[str, Any], pred: Mention) -> bool:
    """Within 25 km; where either side is placed only in an area (DESIGN: "same admin1 when
    imprecise"), the same admin1, else the same country. Placed nowhere matches nothing placed."""
    precise = pred.geo_precision is not None and pred.geo_precision < IMPRECISE
    if gold.get("lat") is not None and pred.latitude is not None and precise:
        return haversine_km(gold["lat"], gold["lon"], pred.latitude, pred.longitude) <= MATCH_KM
    countries = _gold_countries(gold)
    if gold.get("admin1"):  # imprecise on either side: the same first-level area
        return _norm(pred.admin1) == _norm(gold["admin1"]) and (not countries or pred.country in countries)
    return not countries or pred.country in countries


def _matches(gold: dict[str, Any], pred: Mention) -> bool:
    return gold.get("event_type") == pred.event_type and _date_ok(gold, pred) and _place_ok(gold, pred)


def match_events(golds: list[dict[str, Any]], preds: list[Mention]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, prediction index), roles and sub-types breaking ties."""
    candidates = []
    for gi, gold in enumerate(golds):
        for pi, pred in enumerate(preds):
            if _matches(gold, pred):
                bonus = (gold.get("sub_event_type") == pred.sub_event_type) + (gold.get("role") == pred.role)
                candidates.append((-bonus, gi, pi))
    pairs, used_g, used_p = [], set(), set()
    for _, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return pairs


# ---------------------------------------------------------------- field scoring
class ActorComparer:
    """Actor names compared through the alias table and a gold file's own aliases."""

    def __init__(self, aliases: Iterable[Iterable[str]] = ()):
        self.table = load_actor_table()
        self.groups = [{normalise_name(a) for a in group} for group in aliases]

    def same(self, gold: str | None, pred: str | None) -> bool:
        if gold in (None, "", "unknown"):
            return is_unidentified(pred)
        if pred is None:
            return False
        if self.table.same(gold, pred):
            return True
        g, p = normalise_name(gold), normalise_name(pred)
        return g == p or any(g in group and p in group for group in self.groups)

    def any_same(self, gold: str | None, preds: Iterable[str | None]) -> bool:
        options = [o.strip() for o in (gold or "").split(";")] or [gold]
        return any(self.same(o or None, p) for o in options for p in preds)


def _norm(value: str | None) -> str:
    words = normalise_name(value or "").split()
    return " ".join(w for w in words if w not in ("al", "governorate", "province"))


def same_region(gazetteer: Gazetteer, gold: str | None, pred: str | None) -> bool:
    """Two spellings of one region ("Al-Hasakah", "Al Hasakeh"): equal when normalised, or
    the gazetteer resolves both to the same place."""
    if _norm(gold) == _norm(pred):
        return True
    if not gold or not pred:
        return False
    ids = {p.place_id for p in gazetteer.lookup(gold) if p.kind in ("admin1", "admin2")}
    return bool(ids & {p.place_id for p in gazetteer.lookup(pred)})


def field_checks(actors: ActorComparer, gazetteer: Gazetteer) -> dict[str, Callable[[dict, Mention], bool | None]]:
    """Per-field comparisons; None means gold gives no value to compare."""
    def opt(key: str, check: Callable[[dict, Mention], bool]) -> Callable[[dict, Mention], bool | None]:
        return lambda g, p: None if g.get(key) is None else check(g, p)

    return {
        "role": opt("role", lambda g, p: g["role"] == p.role),
        "sub_event_type": opt("sub_event_type", lambda g, p: g["sub_event_type"] == p.sub_event_type),
        "actor1": lambda g, p: None if "actor1" not in g else actors.any_same(g["actor1"], [p.actor1, *p.claimed_by]),
        "claimed_by": opt("claimed_by", lambda g, p: len(g["claimed_by"]) == len(p.claimed_by) and all(
            actors.any_same(c, p.claimed_by) for c in g["claimed_by"])),
        "actor2": opt("actor2", lambda g, p: actors.any_same(g["actor2"], [p.actor2, p.assoc_actor_2])),
        "date": opt("date", lambda g, p: parse_date(g["date"]) == p.event_date),
        "place_25km": opt("lat", lambda g, p: p.latitude is not None and haversine_km(
            g["lat"], g["lon"], p.latitude, p.longitude) <= MATCH_KM),
        "admin1": opt("admin1", lambda g, p: same_region(gazetteer, g["admin1"], p.admin1)),
        "country": opt("country", lambda g, p: p.country in _gold_countries(g)),
        "fatalities": opt("fatalities", lambda g, p: g["fatalities"] == p.fatalities),
        "injured": opt("injured", lambda g, p: g["injured"] == p.injured),
    }


def _score_aggregates(report: Report, golds: list[dict], preds: list[Aggregate]) -> None:
    for gold in golds:
        found = next((a for a in preds if a.count == gold.get("count")), None)
        report.aggregates["found"].add(found is not None)
        if found is None:
            continue
        if "qualifier" in gold:
            report.aggregates["qualifier"].add(found.qualifier == gold["qualifier"])
        if gold.get("period"):
            want = tuple(parse_date(d) for d in gold["period"])
            report.aggregates["period"].add(found.period == want)


def _label(event: dict[str, Any] | Mention) -> str:
    if isinstance(event, dict):
        return f"{event.get('key') or event.get('date')} {event.get('sub_event_type')}"
    return f"{event.event_date} {event.sub_event_type} @ {event.location}"


def evaluate_gold(path: Path, pipeline: Pipeline | None = None) -> Report:
    pipeline = pipeline or Pipeline()
    golds = load_gold(Path(path), pipeline)
    report = Report(name=Path(path).name, dataset="seed", fields={f: Tally() for f in FIELDS},
                    aggregates={k: Tally() for k in ("found", "qualifier", "period")})
    documents = pipeline.analyse([g.article for g in golds])
    for gold, document in zip(golds, documents):
        preds = document.mentions
        checks = field_checks(ActorComparer(gold.aliases), pipeline.resources.gazetteer)
        report.articles += 1
        report.gold_events += len(gold.events)
        report.predicted_events += len(preds)
        pairs = match_events(gold.events, preds)
        report.matched += len(pairs)
        for gi, pi in pairs:
            for name, check in checks.items():
                result = check(gold.events[gi], preds[pi])
                if result is not None:
                    report.fields[name].add(result)
        matched_g, matched_p = {g for g, _ in pairs}, {p for _, p in pairs}
        report.misses += [f"{gold.path.name}: {_label(e)}" for i, e in enumerate(gold.events) if i not in matched_g]
        report.extras += [f"{gold.path.name}: {_label(m)}" for i, m in enumerate(preds) if i not in matched_p]
        _score_aggregates(report, gold.aggregates, document.aggregates)
    return report


def evaluate(path: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    """The dataset entry point (``limit`` is ignored: seed sets are a handful of articles)."""
    return evaluate_gold(path, pipeline)
