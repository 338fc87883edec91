"""Shared fixtures: settings, the real pipeline (spaCy model, gazetteer index, actor table:
loaded once per test session), the project's own fixture articles, and the stores: a
throwaway PostgreSQL server started once per session (a fresh database per test), and the
``store`` every store-contract test runs on (DuckDB, MemoryStore, PostgreSQL)."""
from __future__ import annotations

import datetime as dt
import glob
import json
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from eventwire import workflow
from eventwire.config import Settings
from eventwire.pipeline import Pipeline
from eventwire.records import Article, Event, Source, aggregate_to_json, event_to_json
from eventwire.store import Store, open_store
from tests.store.batches import wire_batch

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
SHARED = REPO.parent / "shared"

#: the fixture wire story and its publication day (a Tuesday)
KIRKUK_PUBLISHED = dt.date(2024, 3, 12)


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


@pytest.fixture(scope="session")
def kirkuk_text() -> str:
    return (FIXTURES / "kirkuk_rockets.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def kirkuk(pipeline: Pipeline, kirkuk_text: str):
    """The fixture story through the whole per-article pipeline."""
    article = Article(text=kirkuk_text, published=KIRKUK_PUBLISHED, published_source="caller",
                      url="https://example.org/kirkuk")
    return pipeline.analyse_one(article)


def analyse(pipeline: Pipeline, text: str, published: dt.date | None = dt.date(2024, 3, 12)):
    """Run one text through the pipeline (for tests that write their own sentences)."""
    return pipeline.analyse_one(Article(text=text, published=published))


#: the publication day of the extraction tests' own sentences ("On 1 December 2023, ...")
DECEMBER_1 = dt.date(2023, 12, 1)


def mentions_in(pipeline: Pipeline, text: str, published: dt.date = DECEMBER_1):
    """The events one sentence or short text reports."""
    return analyse(pipeline, text, published).mentions


def only_mention(pipeline: Pipeline, text: str, published: dt.date = DECEMBER_1):
    """The one event a text reports (fails, listing them, when it reports none or several)."""
    found = mentions_in(pipeline, text, published)
    assert len(found) == 1, [(m.sub_event_type, m.actor1, m.actor2, m.location, m.fatalities,
                              m.injured) for m in found]
    return found[0]



# --------------------------------------------------------------------------- stores
#: where Debian's postgresql package puts the server binaries (one folder per major version)
POSTGRES_BIN_GLOB = "/usr/lib/postgresql/*/bin"
#: the login the authentication tests use (the server asks it for a password; others are trusted)
POSTGRES_LOGIN = ("analyst", "s3cret")
#: pg_hba.conf of the test server: only 127.0.0.1 and its own socket; analyst needs a password
POSTGRES_HBA = ("local all all trust\nhost all postgres 127.0.0.1/32 trust\n"
                f"host all {POSTGRES_LOGIN[0]} 127.0.0.1/32 scram-sha-256\n")


@dataclass(frozen=True)
class PostgresServer:
    """A running throwaway PostgreSQL server: where it listens, and how to reach a database."""

    port: int
    root: Path

    def url(self, database: str = "postgres", user: str = "postgres",
            password: str | None = None, port: int | None = None) -> str:
        login = f"{user}:{password}" if password is not None else user
        return f"postgresql://{login}@127.0.0.1:{port or self.port}/{database}"


def postgres_bin() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else the newest Debian install."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).parent
    found = [Path(d) for d in glob.glob(POSTGRES_BIN_GLOB) if (Path(d) / "initdb").is_file()]
    found.sort(key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else 0)
    return found[-1] if found else None


def _as_server_user(command: list[str]) -> list[str]:
    """``command`` run as the ``postgres`` user when we are root (initdb refuses root)."""
    if os.geteuid() != 0:
        return command
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *command]
    return ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(command)]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (for the server, or to find none)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _server_step(command: list[str], what: str, log: Path | None = None) -> None:
    """Run one server command; fail the session (never skip) when it does not work."""
    done = subprocess.run(_as_server_user(command), capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip()
        if log is not None and log.is_file():
            said += "\n" + log.read_text(errors="replace")[-2000:]
        pytest.fail(f"PostgreSQL test server: {what} failed: {said}")


def _server_root() -> Path:
    """A fresh folder the server user owns (under /tmp when root: pytest's own are 0700)."""
    root = Path(tempfile.mkdtemp(prefix="eventwire-pg-", dir="/tmp" if os.geteuid() == 0 else None))
    if os.geteuid() == 0:
        try:
            server_user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail("PostgreSQL test server: running as root and there is no postgres user")
        os.chown(root, server_user.pw_uid, server_user.pw_gid)
    return root


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server of our own for the session, on 127.0.0.1 and a free port.

    Missing server binaries skip the PostgreSQL tests on a laptop but fail them in CI
    (``CI`` set), so CI cannot pass without having tested PostgreSQL.
    """
    bindir = postgres_bin()
    if bindir is None:
        reason = ("no PostgreSQL server binaries (initdb, pg_ctl) on PATH or in "
                  f"{POSTGRES_BIN_GLOB}: install Debian's postgresql package")
        if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
            pytest.fail(reason)
        pytest.skip(reason)
    root = _server_root()
    data = root / "data"
    try:
        yield _start_server(bindir, root)
    finally:
        subprocess.run(_as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m",
                                        "immediate", "-w", "stop"]), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def _start_server(bindir: Path, root: Path) -> PostgresServer:
    """initdb into ``root``/data, start it on a free port, add the password login."""
    data, log, port = root / "data", root / "server.log", free_port()
    _server_step([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-E", "UTF8",
                  "--locale=C", "--auth=trust", "--no-sync"], "initdb")
    (data / "pg_hba.conf").write_text(POSTGRES_HBA)
    options = (f"-p {port} -k {shlex.quote(str(root))} -c listen_addresses=127.0.0.1 "
               "-c fsync=off")
    _server_step([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
                  "-w", "-t", "60", "start"], "start", log)
    server = PostgresServer(port, root)
    _add_login(server)
    return server


def _admin(server: PostgresServer, statement: str) -> None:
    """Run one statement as the superuser, outside any transaction (CREATE DATABASE needs it)."""
    import psycopg
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(statement)


def _add_login(server: PostgresServer) -> None:
    user, password = POSTGRES_LOGIN
    _admin(server, f"CREATE ROLE {user} LOGIN PASSWORD '{password}' CREATEDB")


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A URL to a brand-new, empty database (dropped afterwards), so tests share nothing."""
    name = f"test_{uuid.uuid4().hex[:16]}"
    _admin(postgres_server, f"CREATE DATABASE {name} OWNER {POSTGRES_LOGIN[0]}")
    yield postgres_server.url(name, *POSTGRES_LOGIN)
    _admin(postgres_server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _opened(request, tmp_path: Path) -> Iterator[Store]:
    if request.param == "postgres":
        url = request.getfixturevalue("postgres_url")
    else:
        url = str(tmp_path / "events.duckdb") if request.param == "duckdb" else "memory"
    with open_store(url) as opened:
        yield opened


@pytest.fixture(params=["duckdb", "memory", "postgres"])
def store(request, tmp_path) -> Iterator[Store]:
    """Each store-contract test runs on a DuckDB file, on MemoryStore and on PostgreSQL."""
    yield from _opened(request, tmp_path)


@pytest.fixture(params=["duckdb", "postgres"])
def sql_store(request, tmp_path) -> Iterator[Store]:
    """The stores that write through SQL transactions: DuckDB and PostgreSQL."""
    yield from _opened(request, tmp_path)


@pytest.fixture
def wire() -> dict[str, list]:
    """Two reports of one drone strike at Erbil, one of a rocket attack in Syria."""
    return wire_batch()


# --------------------------------------------------------------------------- stats
#: how ACLED (and eventwire) name US troops: the attacked side, actor2, of attacks on them
US_FORCES = "Military Forces of the United States"
IRI = "Islamic Resistance in Iraq"
EXPLOSIONS = "Explosions/Remote violence"
#: "attacks on US forces in Iraq and Syria since 17 October" (2023, a Tuesday)
STATS_SINCE = dt.date(2023, 10, 17)


def _stats_event(event_id: str, day: dt.date | None, country: str, event_type: str,
                 sub_event_type: str, n_sources: int = 1, **fields) -> Event:
    sources = [Source(article_id=f"{event_id}-article-{i}") for i in range(n_sources)]
    return Event(event_id=event_id, event_date=day, country=country, event_type=event_type,
                 sub_event_type=sub_event_type, sources=sources, **fields)


def us_forces_events() -> list[Event]:
    """Events around 17 October 2023 whose counts are known by hand (see tests/test_stats.py).

    Edge cases: a Sunday (counted in the week of the Monday before), a date range starting
    on a Sunday with no event_date, an undated event, the US as attacker rather than target,
    a target named only by its facility, a protest in Jordan, an attack before the 17th.
    """
    ev = _stats_event
    return [
        ev("e1-asad", dt.date(2023, 10, 17), "Iraq", EXPLOSIONS, "Air/drone strike", 2,
           actor1=IRI, claimed_by=[IRI], actor2=US_FORCES, target_facility="Ain al-Asad Air Base",
           fatalities=0, admin1="Al Anbar"),
        ev("e2-tanf", dt.date(2023, 10, 18), "Syria", EXPLOSIONS,
           "Shelling/artillery/missile attack", actor1="Unidentified Armed Group (Syria)",
           actor2=US_FORCES, target_facility="Al-Tanf Garrison", fatalities=0),
        ev("e3-conoco", dt.date(2023, 10, 22), "Syria", EXPLOSIONS, "Air/drone strike", 3,
           actor1=IRI, claimed_by=[IRI], target_facility="Conoco gas field"),
        ev("e4-us-strike", dt.date(2023, 10, 23), "Iraq", EXPLOSIONS, "Air/drone strike",
           actor1=US_FORCES, actor2="Kataib Hezbollah", fatalities=2),
        ev("e5-protest", dt.date(2023, 10, 25), "Jordan", "Protests", "Peaceful protest",
           actor1="Protesters (Jordan)", fatalities=0),
        ev("e6-clash", dt.date(2023, 11, 2), "Iraq", "Battles", "Armed clash", 2,
           actor1=IRI, actor2=US_FORCES, fatalities=1),
        ev("e7-undated", None, "Iraq", EXPLOSIONS, "Air/drone strike", actor1=IRI,
           actor2=US_FORCES, target_facility="Ain al-Asad Air Base", fatalities=0),
        ev("e8-range", None, "Syria", EXPLOSIONS, "Shelling/artillery/missile attack",
           date_range=(dt.date(2023, 10, 29), dt.date(2023, 10, 31)), actor2=US_FORCES),
        ev("e9-before", dt.date(2023, 10, 10), "Iraq", EXPLOSIONS, "Air/drone strike",
           actor1=IRI, actor2=US_FORCES, fatalities=0),
    ]


@pytest.fixture
def stats_db(tmp_path: Path) -> str:
    """A DuckDB file holding ``us_forces_events``."""
    from eventwire.store import open_store
    path = str(tmp_path / "stats.duckdb")
    with open_store(path) as store:
        store.save_batch([], [], [], us_forces_events())
    return path


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> str:
    """The project's sample articles, through the real pipeline, in a DuckDB file."""
    from eventwire import workflow
    path = str(tmp_path_factory.mktemp("examples") / "examples.duckdb")
    workflow.ingest([str(REPO / "examples" / "articles")], db=path, pipeline=pipeline)
    return path


# --------------------------------------------------------------------------- web page
# (tests/web) A real server on a free port (once per session) and Debian's Chromium.
#: the seed report the page's tests map (its gold is in SHARED/eval/seed-gold.json)
SEED_REPORT = SHARED / "seeds" / "000_de834ab21e2e58ca.txt"
SEED_PUBLISHED = dt.date(2023, 12, 11)
WEB_TOKEN = "page-test-token"
CHROMIUM = "/usr/bin/chromium"
#: no sandbox (containers), and nothing that would phone home or fetch components
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def serve_app(app, timeout: float = 30.0) -> Iterator[str]:
    """Serve an ASGI app with uvicorn in a background thread; yields its base URL, then stops
    it (use from a fixture: ``yield from serve_app(app)``)."""
    import threading
    import time
    import uvicorn
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail(f"the test server on port {port} did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, examples_db: str, pipeline: Pipeline) -> str:
    """The sample articles and the seed report (published 2023-12-11) in a DuckDB file."""
    from eventwire import workflow
    path = tmp_path_factory.mktemp("web") / "page.duckdb"
    shutil.copyfile(examples_db, path)
    if Path(examples_db + ".wal").is_file():
        shutil.copyfile(examples_db + ".wal", str(path) + ".wal")
    workflow.ingest([str(SEED_REPORT)], db=str(path), published=SEED_PUBLISHED, pipeline=pipeline)
    return str(path)


@pytest.fixture(scope="session")
def web_server(web_db: str) -> Iterator[str]:
    """``eventwire serve`` over ``web_db`` with writes on (``WEB_TOKEN``); yields its URL."""
    from eventwire.api import create_app
    settings = Settings({"api.token": WEB_TOKEN, "api.protect_reads": False})
    yield from serve_app(create_app(settings, db=web_db))


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium under Playwright (never a downloaded browser), for one test module:
    while Playwright's sync API runs, asyncio.run() fails in this thread, so it stops after
    the module. Skipped when Chromium is missing on a laptop; under CI it must be there."""
    in_ci = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")
    if not Path(CHROMIUM).is_file():
        reason = f"no Chromium at {CHROMIUM}: install Debian's chromium package"
        if in_ci:
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# ---------------------------------------------------------- a parallel_corpus for parallel ingests
#: batches of two keep several batches out at the workers (processes or Ray actors) at once
SMALL_BATCHES = {"ingest.batch_size": 2}
#: short reports written for these tests; two tell one event, one repeats a text under a new
#: id (already known), one gives a used id to another text (refused)
OWN_ARTICLES = [
    {"id": "w-1", "published": "2024-02-05", "text": "Mortar shells hit police post in Kirkuk\n\n"
     "Mortar shells struck a police post in Kirkuk on Sunday, wounding four officers, security "
     "sources said. No group said it carried out the attack."},
    {"id": "w-2", "published": "2024-02-06", "text": "Roadside bomb kills two soldiers\n\n"
     "A roadside bomb exploded beside an army convoy on the road between Tikrit and Samarra on "
     "Monday, killing two soldiers, the Iraqi army said."},
    {"id": "w-3", "published": "2024-02-06", "text": "Checkpoint attacked in Diyala\n\n"
     "Gunmen opened fire on an army checkpoint in Baqubah late on Monday, killing one soldier, "
     "police said. The Islamic State group claimed the attack in a statement."},
    {"id": "w-4", "published": "2024-02-06", "text": "Two Iraqi soldiers killed by bomb\n\n"
     "Two Iraqi soldiers were killed on Monday when a bomb planted by the road hit their convoy "
     "between Tikrit and Samarra, officials told reporters."},
    {"id": "w-1-again", "published": "2024-02-05", "text": "Mortar shells hit police post in Kirkuk\n\n"
     "Mortar shells struck a police post in Kirkuk on Sunday, wounding four officers, security "
     "sources said. No group said it carried out the attack."},
    {"id": "w-2", "published": "2024-02-06", "text": "Basra residents protest power cuts\n\n"
     "Hundreds of people marched in Basra on Tuesday to demand a steady electricity supply. The "
     "march was peaceful, witnesses said."},
    {"id": "w-7", "published": "2024-02-07", "text": "Drone strikes vehicle in Syria\n\n"
     "A drone struck a car near Al-Bukamal in eastern Syria on Wednesday, killing three men, "
     "a war monitor said."},
]


@pytest.fixture(scope="session")
def parallel_corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    own = tmp_path_factory.mktemp("own") / "own.jsonl"
    own.write_text("".join(json.dumps(a) + "\n" for a in OWN_ARTICLES), encoding="utf-8")
    return [str(REPO / "examples" / "articles"), str(own)]


@pytest.fixture(scope="session")
def one_worker(tmp_path_factory, parallel_corpus, pipeline):
    db = str(tmp_path_factory.mktemp("one") / "one.duckdb")
    report = workflow.ingest(parallel_corpus, db=db, settings=Settings(SMALL_BATCHES), pipeline=pipeline,
                             workers=1)
    return db, report


def stored(db: str) -> dict:
    """Everything a user can read back: events (ids, fields, sources), count statements, counts."""
    with open_store(db) as store:
        return {"events": [event_to_json(e) for e in store.events()],
                "aggregates": [aggregate_to_json(a) for a in store.aggregates()],
                "counts": store.counts()}
