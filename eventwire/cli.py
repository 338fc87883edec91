"""The ``eventwire`` command: thin Typer commands, one per function in ``workflow.py``.

Every error eventwire raises on purpose is printed as one line (``error: <input>: <reason>``)
and exits with status 2; inputs skipped during ``extract``/``ingest`` are listed on stderr and
the command exits with status 1 after doing the rest.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

import typer

from . import workflow
from .config import Settings
from .errors import EventwireError, ReadError
from .records import Aggregate, Event, aggregate_to_json, event_to_json
from .store.counting import GROUP_KEYS, INTERVALS, MEASURES, check_counting, count_columns
from .when import resolve_published

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn news reports into conflict-event data.")
#: settings whose value `eventwire settings` never prints
SECRET_SETTINGS = ("api.token",)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
EVENT_FORMATS = ("table", "jsonl", "json", "csv")
STATS_FORMATS = ("table", "csv", "json", "jsonl")
#: ``stats --by``: a period, or "total" for one row per group
STATS_PERIODS = (*INTERVALS, "total")
ConfigOption = typer.Option(None, "--config", help="A TOML file of settings (see `eventwire settings`).")
DbOption = typer.Option(None, "--db", help="Where events are kept: a DuckDB file or a postgresql:// URL "
                        "(default: the store.db setting, eventwire.duckdb).")
EngineOption = typer.Option(None, "--engine", help="local (this machine's processes) or ray "
                            "(Ray actors; default: the ingest.engine setting).")
WorkersOption = typer.Option(None, "--workers", "-w", min=0, help="Processes analysing in parallel "
                             "(default: the ingest.workers setting, 1; 0: one per core).")


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _guard(run: Callable[[], Any]) -> Any:
    try:
        return run()
    except EventwireError as exc:
        _fail(str(exc))


def _settings(config: Optional[Path], **overrides: Any) -> Settings:
    return _guard(lambda: Settings(overrides, config_file=config))


def _date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    return _guard(lambda: resolve_published(value))


def _check_format(value: str, valid: Iterable[str], what: str = "format") -> str:
    valid = tuple(valid)
    if value not in valid:
        _fail(f"unknown {what} {value!r} (valid: {', '.join(valid)})")
    return value


def _json_rows(items: Iterable[Event | Aggregate]) -> list[dict[str, Any]]:
    return [aggregate_to_json(i) if isinstance(i, Aggregate) else event_to_json(i) for i in items]


def _report_skipped(skipped: list[ReadError]) -> None:
    for error in skipped:
        typer.echo(f"skipped {error.source}: {error.reason}", err=True)
    if skipped:
        typer.echo(f"{len(skipped)} input(s) skipped", err=True)


@app.command()
def extract(files: list[str] = typer.Argument(..., help="Article files (.txt .json .jsonl .csv .html)."),
            published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for articles without one."),
            format: str = typer.Option("jsonl", "--format", "-f", help="jsonl, json or table."),
            config: Optional[Path] = ConfigOption) -> None:
    """Print the events found in articles, one JSON object per event; stores nothing."""
    _check_format(format, ("jsonl", "json", "table"))
    settings = _settings(config)
    day = _date(published)
    from .ingest import read_paths
    from .pipeline import Pipeline
    pipeline, items, skipped = Pipeline(settings), [], []
    for item in read_paths(files, settings=settings, published=day):
        if isinstance(item, ReadError):
            skipped.append(item)
            continue
        document = _guard(lambda: pipeline.analyse_one(item))
        items += workflow.document_events(document) + document.aggregates
        for warning in item.warnings + document.warnings:
            typer.echo(f"warning: {item.origin or item.id}: {warning}", err=True)
    _print_items(items, format)
    _report_skipped(skipped)
    if skipped:
        raise typer.Exit(1)


@app.command()
def ingest(paths: list[str] = typer.Argument(..., help="Files, folders or globs of articles."),
           db: Optional[str] = DbOption,
           published: Optional[str] = typer.Option(None, help="Publication date for articles without one."),
           quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
           workers: Optional[int] = WorkersOption,
           engine: Optional[str] = EngineOption,
           address: Optional[str] = typer.Option(None, "--address", help="The Ray cluster to join "
                                                 "(auto, ray://head:10001; implies --engine ray; "
                                                 "default: the ray.address setting, empty = start "
                                                 "Ray here)."),
           config: Optional[Path] = ConfigOption) -> None:
    """Read articles, extract and de-duplicate events, store them (idempotent, resumable)."""
    settings = _settings(config)
    day = _date(published)
    if address is not None and engine is None:
        engine = "ray"  # an address names a Ray cluster
    elif address is not None and engine != "ray":
        _fail(f"--address {address!r} names a Ray cluster: it needs --engine ray, not {engine!r}")
    run = {"workers": workers, "engine": engine, "address": address}
    report = _guard(lambda: _run_ingest(paths, db, settings, day, quiet, run))
    typer.echo(f"read {report.read} article(s): stored {report.stored}, already known "
               f"{report.already_known}; {report.mentions} mention(s), {report.aggregates} "
               f"count statement(s), {report.events_changed} event(s) created or updated "
               f"in {report.seconds:.1f}s", err=True)
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    _report_skipped(report.skipped)
    if report.skipped:
        raise typer.Exit(1)


INTERRUPTED = ("interrupted: the batches committed before are kept; run the same ingest "
               "again to resume")


def _run_ingest(paths, db, settings, day, quiet, run):
    try:
        return _ingest_with_progress(paths, db, settings, day, quiet, run)
    except KeyboardInterrupt:
        typer.echo(INTERRUPTED, err=True)
        raise typer.Exit(130) from None


def _ingest_with_progress(paths, db, settings, day, quiet, run):
    if quiet or not sys.stderr.isatty():
        return workflow.ingest(paths, db=db, settings=settings, published=day, **run)
    from rich.progress import Progress
    with Progress(transient=True) as progress:
        task = progress.add_task("ingesting", total=None)
        return workflow.ingest(paths, db=db, settings=settings, published=day, **run,
                               progress=lambda n: progress.advance(task, n))


@app.command()
def bench(corpus: str = typer.Argument(..., help="fakes, gva or ecbplus (evaluation sets, found "
                                       "through the bench.corpora_dir setting), or a file, folder "
                                       "or glob of articles."),
          limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="Only the first N articles."),
          workers: Optional[int] = WorkersOption,
          engine: Optional[str] = EngineOption,
          format: str = typer.Option("table", "--format", "-f", help="table or json."),
          config: Optional[Path] = ConfigOption) -> None:
    """Time the whole ingest on a corpus: articles/s, words/s, stages, peak memory, yardstick."""
    _check_format(format, ("table", "json"))
    settings = _settings(config)
    from .bench import format_bench, run_bench
    result = _guard(lambda: run_bench(corpus, limit=limit, workers=workers, settings=settings,
                                          engine=engine))
    typer.echo(json.dumps(result.as_dict(), indent=2) if format == "json" else format_bench(result))


def _filters(country, admin1, actor, event_type, sub_event_type, role, since, until, bbox, limit,
             target=None):
    box = None
    if bbox:
        try:
            box = tuple(float(x) for x in bbox.split(","))
            assert len(box) == 4
        except (ValueError, AssertionError):
            _fail(f"bad --bbox {bbox!r} (expected min_lon,min_lat,max_lon,max_lat)")
    return {"country": country, "admin1": admin1, "actor": actor, "event_type": event_type,
            "sub_event_type": sub_event_type, "role": role, "since": _date(since),
            "until": _date(until), "bbox": box, "limit": limit, "target": target}


_FILTER_HELP = {"country": "Country name (ACLED spelling); repeat for several.",
                "admin1": "First-level region.",
                "actor": "Actor name (actor1, actor2 or claimant; part of the name is enough).",
                "target": "Who or what was attacked (actor2 or target facility; part of the "
                          "name is enough); repeat for several.",
                "type": "ACLED event type; repeat for several.",
                "sub_type": "ACLED sub-event type.",
                "role": "main, secondary or background.", "since": "First day (YYYY-MM-DD).",
                "until": "Last day (YYYY-MM-DD).", "bbox": "min_lon,min_lat,max_lon,max_lat.",
                "limit": "At most this many events."}
CountryOption = typer.Option(None, "--country", help=_FILTER_HELP["country"])
TypeOption = typer.Option(None, "--type", help=_FILTER_HELP["type"])
TargetOption = typer.Option(None, "--target", help=_FILTER_HELP["target"])
Admin1Option = typer.Option(None, help=_FILTER_HELP["admin1"])
ActorOption = typer.Option(None, help=_FILTER_HELP["actor"])
SubTypeOption = typer.Option(None, "--sub-type", help=_FILTER_HELP["sub_type"])
RoleOption = typer.Option(None, help=_FILTER_HELP["role"])
SinceOption = typer.Option(None, help=_FILTER_HELP["since"])
UntilOption = typer.Option(None, help=_FILTER_HELP["until"])
BboxOption = typer.Option(None, help=_FILTER_HELP["bbox"])


@app.command()
def events(db: Optional[str] = DbOption,
           country: Optional[list[str]] = CountryOption,
           admin1: Optional[str] = Admin1Option,
           actor: Optional[str] = ActorOption,
           target: Optional[list[str]] = TargetOption,
           type: Optional[list[str]] = TypeOption,
           sub_type: Optional[str] = SubTypeOption,
           role: Optional[str] = RoleOption,
           since: Optional[str] = SinceOption,
           until: Optional[str] = UntilOption,
           bbox: Optional[str] = BboxOption,
           limit: Optional[int] = typer.Option(None, help=_FILTER_HELP["limit"]),
           format: Optional[str] = typer.Option(None, "--format", "-f", help="table, jsonl, json or csv (default: the output.format setting)."),
           config: Optional[Path] = ConfigOption) -> None:
    """Print the canonical (de-duplicated) events in the store."""
    settings = _settings(config)
    fmt = _check_format(format or settings["output.format"], EVENT_FORMATS)
    filters = _filters(country, admin1, actor, type, sub_type, role, since, until, bbox, limit,
                       target)
    found = _guard(lambda: workflow.events(db=db, settings=settings, **filters))
    if fmt == "csv":
        _guard(lambda: workflow.export("acled", sys.stdout, db=db, settings=settings, **filters))
    else:
        _print_items(found, fmt)


@app.command()
def stats(db: Optional[str] = DbOption,
          country: Optional[list[str]] = CountryOption,
          admin1: Optional[str] = Admin1Option,
          actor: Optional[str] = ActorOption,
          target: Optional[list[str]] = TargetOption,
          type: Optional[list[str]] = TypeOption,
          sub_type: Optional[str] = SubTypeOption,
          role: Optional[str] = RoleOption,
          since: Optional[str] = SinceOption,
          until: Optional[str] = UntilOption,
          bbox: Optional[str] = BboxOption,
          by: str = typer.Option("week", "--by", help="day, week (Monday to Sunday), month, or "
                                 "total for one row per group."),
          group: Optional[list[str]] = typer.Option(
              None, "--group", "-g", help=f"Count per {', '.join(GROUP_KEYS)}; repeat for several."),
          format: str = typer.Option("table", "--format", "-f", help="table, csv, json or jsonl."),
          config: Optional[Path] = ConfigOption) -> None:
    """Count events, their sources and fatalities per day, week or month and per group."""
    fmt = _check_format(format, STATS_FORMATS)
    interval = None if _check_format(by, STATS_PERIODS, "--by") == "total" else by
    settings = _settings(config)
    filters = _filters(country, admin1, actor, type, sub_type, role, since, until, bbox, None,
                       target)
    rows = _guard(lambda: workflow.stats(db=db, settings=settings, interval=interval,
                                         group_by=group or (), **filters))
    _print_counts(rows, count_columns(check_counting(group or (), interval), interval), fmt)


@app.command()
def export(format: str = typer.Option(..., "--format", "-f", help="acled, geojson, parquet, jsonl or plover (PLOVER JSON Lines)."),
           output: str = typer.Option("-", "--output", "-o", help="File to write ('-' for standard output; parquet needs a file)."),
           db: Optional[str] = DbOption,
           country: Optional[list[str]] = CountryOption,
           admin1: Optional[str] = Admin1Option,
           actor: Optional[str] = ActorOption,
           target: Optional[list[str]] = TargetOption,
           type: Optional[list[str]] = TypeOption,
           sub_type: Optional[str] = SubTypeOption,
           role: Optional[str] = RoleOption,
           since: Optional[str] = SinceOption,
           until: Optional[str] = UntilOption,
           bbox: Optional[str] = BboxOption,
           config: Optional[Path] = ConfigOption) -> None:
    """Write the store's events in a format analysts load (ACLED CSV, GeoJSON, Parquet, ...).

    It takes the filters of `eventwire events`: an export holds exactly what `events` lists."""
    from .export import FORMATS
    _check_format(format, FORMATS)
    settings = _settings(config)
    filters = _filters(country, admin1, actor, type, sub_type, role, since, until, bbox, None,
                       target)
    if output == "-":
        count = _guard(lambda: workflow.export(format, sys.stdout, db=db, settings=settings, **filters))
    else:
        count = _guard(lambda: workflow.export(format, Path(output), db=db, settings=settings, **filters))
    typer.echo(f"wrote {count} event(s)" + ("" if output == "-" else f" to {output}"), err=True)


REPORT_FORMATS = ("html", "pdf")


@app.command()
def report(out: Path = typer.Option(..., "--out", "-o", help="The report file: .html (self-contained) or .pdf (printed by Chromium)."),
           format: Optional[str] = typer.Option(None, "--format", "-f", help="html or pdf (default: from the --out suffix)."),
           db: Optional[str] = DbOption,
           since: Optional[str] = SinceOption,
           until: Optional[str] = UntilOption,
           country: Optional[list[str]] = CountryOption,
           admin1: Optional[str] = Admin1Option,
           bbox: Optional[str] = BboxOption,
           top: int = typer.Option(10, "--top", min=0, help="How many of the deadliest events to detail with their sources."),
           title: Optional[str] = typer.Option(None, "--title", help="The report's title (default: 'Situation report' and the region)."),
           config: Optional[Path] = ConfigOption) -> None:
    """Write a situation report for a period and region: figures, map, timeline, top events."""
    if format is not None:
        _check_format(format, REPORT_FORMATS)
    settings = _settings(config)
    picked = _filters(country, admin1, None, None, None, None, since, until, bbox, None)
    summary = _guard(lambda: workflow.report(
        str(out), db=db, settings=settings, since=picked["since"], until=picked["until"],
        country=country, admin1=admin1, bbox=picked["bbox"], title=title, top=top, fmt=format))
    typer.echo(f"wrote a {summary.fmt} report of {summary.events} event(s) to {summary.path}",
               err=True)


@app.command()
def demo(db: Optional[str] = DbOption,
         config: Optional[Path] = ConfigOption) -> None:
    """Ingest the sample articles in examples/ and print their events."""
    if not EXAMPLES.is_dir():
        _fail(f"{EXAMPLES}: the sample articles are not here (run from a clone of the repository)")
    ingest([str(EXAMPLES)], db=db, published=None, quiet=True, config=config)
    events(db=db, country=None, admin1=None, actor=None, target=None, type=None, sub_type=None,
           role=None, since=None, until=None, bbox=None, limit=None, format="table", config=config)


@app.command(name="eval")
def eval_(gold: Path = typer.Argument(..., help="Gold data: a seed-gold file or folder, or a file of a "
                                      "dataset eventwire reads (acled, case2021, ucdp-aec, wikievents, gvdb, "
                                      "ucdp-ged, fakes)."),
          dataset: Optional[str] = typer.Option(None, "--dataset", "-d", help="The gold's format; "
                                                "recognised from the file when left out."),
          limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="Score only the first N items."),
          misses: bool = typer.Option(False, "--misses", help="List what was missed or extra."),
          format: str = typer.Option("table", "--format", "-f", help="table or json."),
          config: Optional[Path] = ConfigOption) -> None:
    """Score extraction against gold: detection P/R/F1, per-field accuracy, dataset figures."""
    _check_format(format, ("table", "json"))
    from .evaluate import evaluate, format_report
    from .pipeline import Pipeline
    settings = _settings(config)
    report = _guard(lambda: evaluate(gold, dataset, Pipeline(settings), limit))
    typer.echo(json.dumps(report.as_dict(), indent=2) if format == "json"
               else format_report(report, show_misses=misses))


@app.command(name="where")
def where_(description: Optional[str] = typer.Argument(None, help="A place description: 'near Kobani', "
                                                       "'Deir Sunbul town in Idleb countryside'."),
           country: Optional[str] = typer.Option(None, "--country", help="The country it lies in."),
           admin1: Optional[str] = typer.Option(None, "--admin1", help="The province or state it lies in."),
           admin2: Optional[str] = typer.Option(None, "--admin2", help="The district it lies in."),
           at: Optional[str] = typer.Option(None, "--at", help="LAT,LON: name the country, province "
                                            "and district of a point instead."),
           config: Optional[Path] = ConfigOption) -> None:
    """Geocode a place description (one JSON object), or name the admin areas of a point."""
    settings = _settings(config)
    if at is not None:
        latitude, longitude = _point(at)
        typer.echo(json.dumps(_guard(lambda: workflow.place_at(latitude, longitude, settings=settings))))
        return
    found = _guard(lambda: workflow.locate_place(description or "", country=country, admin1=admin1,
                                          admin2=admin2, settings=settings))
    if found is None:
        _fail(f"{description!r}: no place found", code=1)
    typer.echo(json.dumps(found))


def _point(value: str) -> tuple[float, float]:
    try:
        latitude, longitude = (float(part) for part in value.split(","))
    except ValueError:
        _fail(f"--at {value!r}: not LAT,LON (for example 36.2,37.1)")
    return latitude, longitude


@app.command()
def serve(db: Optional[str] = DbOption,
          host: Optional[str] = typer.Option(None, help="Address to listen on (default api.host, "
                                             "127.0.0.1: this machine only)."),
          port: Optional[int] = typer.Option(None, help="Port (default api.port)."),
          config: Optional[Path] = ConfigOption) -> None:
    """Serve the HTTP API and the map page over the store until Ctrl-C."""
    settings = _settings(config, **{"api.host": host, "api.port": port})
    _guard(lambda: _serve(settings, db))


def _serve(settings: Settings, db: Optional[str]) -> None:
    import uvicorn
    from .api import create_app
    from .store import redact
    from .web import INSTALL_HINT, missing_assets
    host, port = settings["api.host"], settings["api.port"]
    if missing_assets():
        typer.echo(f"warning: the map's browser assets are not installed: run {INSTALL_HINT}",
                   err=True)
    if not settings["api.token"]:
        typer.echo("note: writes are off (set EVENTWIRE_API_TOKEN to allow POST /api/articles)",
                   err=True)
    typer.echo(f"serving {redact(db or settings['store.db'])} at http://{host}:{port}/", err=True)
    uvicorn.run(create_app(settings, db), host=host, port=port, log_level="warning")


@app.command(name="settings")
def settings_(config: Optional[Path] = ConfigOption) -> None:
    """List every setting with its value and what it does."""
    for setting in _settings(config).describe():
        marker = "" if setting.value == setting.default else f"  (default {setting.default!r})"
        hidden = setting.name in SECRET_SETTINGS and setting.value
        value = "'(set, not shown)'" if hidden else repr(setting.value)
        typer.echo(f"{setting.name} = {value}{marker}\n    {setting.help}")


# ---------------------------------------------------------------- output
def _print_items(items: list, fmt: str) -> None:
    rows = _json_rows(items)
    if fmt == "jsonl":
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        typer.echo(format_table(rows))


TABLE_COLUMNS = (("date", 10), ("type / sub-type", 44), ("actor1", 30), ("actor2", 26),
                 ("place", 30), ("lat, lon", 15), ("dead", 4), ("role", 10), ("src", 3))


def _cells(row: dict[str, Any]) -> list[str]:
    if row.get("role") == "aggregate":
        period = row.get("period") or [None, None]
        return [str(period[0] or ""), f"count: {row.get('qualifier') or ''} {row['count']} {row['what']}".strip(),
                row.get("source") or "", "", row.get("where") or "", "", "", "aggregate", "1"]
    actor1 = row.get("actor1") or ""
    if row.get("claimed_by"):
        actor1 += " (claimed)"
    lat, lon = row.get("latitude"), row.get("longitude")
    when = row.get("event_date") or ("..".join(row["date_range"]) if row.get("date_range") else "")
    return [when, f"{row.get('event_type')} / {row.get('sub_event_type')}", actor1,
            row.get("actor2") or "", ", ".join(dict.fromkeys(p for p in (row.get("location"), row.get("country")) if p)),
            "" if lat is None else f"{lat:.2f}, {lon:.2f}",
            "" if row.get("fatalities") is None else str(row["fatalities"]),
            row.get("role") or "", str(len(row.get("sources") or []))]


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def format_table(rows: list[dict[str, Any]]) -> str:
    """A plain fixed-width table, one line per event (for people; use jsonl for programs)."""
    lines = ["  ".join(name.ljust(width) for name, width in TABLE_COLUMNS)]
    for row in rows:
        lines.append("  ".join(_fit(cell, width).ljust(width)
                               for cell, (_, width) in zip(_cells(row), TABLE_COLUMNS)).rstrip())
    lines.append(f"{len(rows)} row(s)")
    return "\n".join(lines)


def _print_counts(rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: str) -> None:
    if fmt == "jsonl":
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(columns)
        out.writerows([["" if row[c] is None else row[c] for c in columns] for row in rows])
    else:
        typer.echo(format_counts(rows, columns))


#: the widest a group's column gets in the stats table (longer names end in …)
COUNT_WIDTH = 40


def format_counts(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    """A fixed-width table of counts with a total line; undated events show as "undated"."""
    keys = [c for c in columns if c not in MEASURES]
    lines = [list(columns)] + [[_count_cell(row[c], c) for c in columns] for row in rows]
    if keys:
        lines.append(["total"] + [""] * (len(keys) - 1)
                     + [str(sum(row[m] for row in rows)) for m in MEASURES])
    widths = [min(COUNT_WIDTH, max(len(line[i]) for line in lines)) for i in range(len(columns))]
    return "\n".join("  ".join(
        _fit(cell, width).rjust(width) if name in MEASURES else _fit(cell, width).ljust(width)
        for cell, width, name in zip(line, widths, columns)).rstrip() for line in lines)


def _count_cell(value: Any, column: str) -> str:
    if value is None:
        return "undated" if column == "period" else "(unknown)"
    return str(value)


def main() -> None:  # pragma: no cover - entry point
    app()
