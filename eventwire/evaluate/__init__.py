"""``eventwire eval``: score the pipeline against gold data, whatever format it comes in.

Each dataset has its own module that reads its format, runs the pipeline and fills in one
:class:`~eventwire.evaluate.report.Report`:

=============  ==========================================  ====================================
dataset        what is read                                 what is scored
=============  ==========================================  ====================================
seed           seed-gold JSON (one file or a folder)        detection P/R/F1, every event field
acled          ACLED CSV: ``notes`` as the article           event/sub-event type, actors, place,
               and ``event_date`` as its date                date, fatalities, interaction
case2021       CASE 2021 task 2 TSV (id, snippet, class)     accuracy and macro-F1 over 30 classes
ucdp-aec       UCDP-AEC JSONL with the full article          country found, deaths in [low, high]
wikievents     WikiEvents JSONL (KAIROS)                     Conflict.Attack attacker/target/place
gvdb           Gun Violence Database TSV                     killed, injured, city, date
ucdp-ged       UCDP GED CSV: where_description, adm_1,       coordinates within 25 km,
               adm_2 and country geocoded (no article)       precision agreement
fakes          FA-KES CSV: Syrian war news with its city     event in the article's city
gva            GVA documents JSONL (incident_id per doc)    de-duplication: pairwise and
                                                            B-cubed P/R/F1, events vs incidents
ecbplus        ECB+ documents JSONL (cluster_id per doc)    de-duplication of look-alike events
=============  ==========================================  ====================================

The format is recognised from the file's first line; ``dataset=`` overrides it.
"""
from __future__ import annotations

import importlib
from pathlib import Path

from ..errors import EvalError
from ..pipeline import Pipeline
from .report import Report, Tally, format_report
from .seed import evaluate_gold

#: dataset name -> module (in this package) with ``evaluate(path, pipeline, limit) -> Report``
DATASETS = {"seed": "seed", "acled": "acled", "case2021": "case2021", "ucdp-aec": "ucdp_aec",
            "wikievents": "wikievents", "gvdb": "gvdb", "ucdp-ged": "ucdp_ged", "fakes": "fakes",
            "gva": "gva", "ecbplus": "ecbplus"}

__all__ = ["DATASETS", "Report", "Tally", "detect_dataset", "evaluate", "evaluate_gold",
           "format_report"]


def _first_line(path: Path) -> str:
    """The first non-blank line (a byte-order mark dropped)."""
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as handle:
            for line in handle:
                if line.strip():
                    return line[:200_000]
    except OSError as exc:
        raise EvalError(str(path), f"unreadable ({exc.strerror or exc})") from exc
    return ""


def detect_dataset(path: Path) -> str:
    """Which dataset format ``path`` is in, from its first line (a folder is seed gold)."""
    if path.is_dir() or path.suffix == ".json":
        return "seed"
    line = _first_line(path)
    if line.lstrip().startswith("{"):
        if '"source_article"' in line:
            return "ucdp-aec"
        if '"event_mentions"' in line:
            return "wikievents"
        if '"incident_id"' in line and '"content"' in line:
            return "gva"
        if '"cluster_id"' in line and '"topic"' in line:
            return "ecbplus"
    else:
        header = line.rstrip("\r\n").split("\t") if "\t" in line else line.rstrip("\r\n").split(",")
        if {"event_type", "sub_event_type", "notes"} <= set(header):
            return "acled"
        if header[:3] == ["id", "EventSnippet", "SubType"]:
            return "case2021"
        if header[:1] == ["Article id"] and "Full text" in header:
            return "gvdb"
        if {"where_description", "where_prec", "adm_1"} <= set(header):
            return "ucdp-ged"
        if {"article_content", "location", "unit_id"} <= set(header):
            return "fakes"
    raise EvalError(str(path), "not a gold format eventwire reads; valid datasets: "
                    + ", ".join(DATASETS))


def evaluate(path: Path | str, dataset: str | None = None, pipeline: Pipeline | None = None,
             limit: int | None = None) -> Report:
    """Score the pipeline on the gold at ``path``; ``limit`` scores only the first N items."""
    path = Path(path)
    if not path.exists():
        raise EvalError(str(path), "no such file or folder")
    name = dataset or detect_dataset(path)
    if name not in DATASETS:
        raise EvalError(name, "unknown dataset; valid datasets: " + ", ".join(DATASETS))
    module = importlib.import_module(f".{DATASETS[name]}", __name__)
    return module.evaluate(path, pipeline or Pipeline(), limit)
