"""The HTTP API over a real DuckDB store: what a client gets for good and bad requests."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from eventwire import workflow
from eventwire.api import create_app
from eventwire.config import Settings
from eventwire.export import ACLED_COLUMNS
from eventwire.store import open_store
from tests.conftest import free_port
from tests.store.batches import save

TOKEN = "test-token-7f3a"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
#: a report the pipeline reads one event from (its words are this project's own)
NEW_ARTICLE = {"id": "api-test-kano", "title": "Gunmen kill three in Kano market raid",
               "published": "2024-05-14", "url": "https://example.org/kano",
               "text": "Gunmen killed three traders at a market in Kano on Monday, police said."}


def client(db: str, **settings) -> TestClient:
    return TestClient(create_app(Settings(settings), db=db), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def api(examples_db: str) -> TestClient:
    with client(examples_db) as reader:
        yield reader


@pytest.fixture
def writable_db(examples_db: str, tmp_path: Path) -> str:
    path = tmp_path / "copy.duckdb"
    shutil.copy(examples_db, path)
    return str(path)


def all_pages(api: TestClient, **params) -> list[dict]:
    found, offset = [], 0
    while offset is not None:
        page = api.get("/api/events", params={**params, "offset": offset}).json()
        found += page["events"]
        offset = page["next_offset"]
    return found


# ---------------------------------------------------------------- reading events
def test_pages_add_up_to_every_event_once_newest_first(api, examples_db):
    stored = [e.event_id for e in workflow.events(db=examples_db)]
    paged = all_pages(api, limit=7)
    assert [e["event_id"] for e in paged] == stored
    first = api.get("/api/events", params={"limit": 7}).json()
    assert first["total"] == len(stored) and len(first["events"]) == 7


def test_filters_match_the_cli_filters(api, examples_db):
    wanted = workflow.events(db=examples_db, country=["Iraq", "Syria"], event_type="Battles")
    got = all_pages(api, country=["Iraq", "Syria"], event_type="Battles")
    assert [e["event_id"] for e in got] == [e.event_id for e in wanted]
    assert got and all(e["country"] in ("Iraq", "Syria") and e["event_type"] == "Battles"
                       for e in got)


def test_an_event_comes_with_its_articles_and_evidence_spans(api):
    event_id = api.get("/api/events", params={"limit": 1}).json()["events"][0]["event_id"]
    detail = api.get(f"/api/events/{event_id}").json()
    assert detail["event"]["event_id"] == event_id
    assert detail["articles"]
    for article in detail["articles"]:
        assert article["evidence"]
        for span in article["evidence"]:
            assert article["text"][span["start"]:span["end"]] == span["text"]


def test_points_are_rfc7946_lon_lat_of_the_located_events(api, examples_db):
    located = {e.event_id: e for e in workflow.events(db=examples_db) if e.latitude is not None}
    collection = api.get("/api/points").json()
    assert collection["type"] == "FeatureCollection"
    assert {f["id"] for f in collection["features"]} == set(located)
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert (lat, lon) == (located[feature["id"]].latitude, located[feature["id"]].longitude)


def test_stats_are_the_counts_the_library_gives(stats_db):
    expected = workflow.stats(db=stats_db, interval="week", group_by=["country"],
                              target="United States")
    with client(stats_db) as api:
        answer = api.get("/api/stats", params={"interval": "week", "group_by": "country",
                                               "target": "United States"}).json()
    assert answer["rows"] == expected and expected


def test_facets_list_countries_and_types_with_their_counts(api, examples_db):
    events = workflow.events(db=examples_db)
    facets = api.get("/api/facets").json()
    iraq = next(f for f in facets["country"] if f["value"] == "Iraq")
    assert iraq["events"] == sum(e.country == "Iraq" for e in events)
    assert facets["first_day"] == min(str(e.event_date) for e in events if e.event_date)


def test_export_downloads_an_acled_csv(api, examples_db):
    response = api.get("/api/export", params={"format": "acled", "country": "Iraq"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    lines = response.text.splitlines()
    assert lines[0].split(",") == list(ACLED_COLUMNS)
    assert len(lines) - 1 == len(workflow.events(db=examples_db, country="Iraq"))


def test_the_api_is_described_by_openapi_and_serves_no_cdn_pages(api):
    paths = api.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/stats", "/api/articles"} <= set(paths)
    assert api.get("/docs").status_code == 404


@pytest.mark.parametrize("kind", ["duckdb", "postgres"])
def test_the_same_answers_from_duckdb_and_postgresql(kind, request, tmp_path, wire):
    url = (request.getfixturevalue("postgres_url") if kind == "postgres"
           else str(tmp_path / "wire.duckdb"))
    with open_store(url) as store:
        save(store, wire)
    with client(url) as api:
        page = api.get("/api/events", params={"country": "Iraq"}).json()
        detail = api.get(f"/api/events/{page['events'][0]['event_id']}").json()
        stats = api.get("/api/stats", params={"interval": "total", "group_by": "country"}).json()
    assert [e["event_id"] for e in page["events"]] == ["ev-erbil"]
    assert ({a["article_id"] for a in detail["articles"]}
            == {s.article_id for s in wire["events"][0].sources})
    assert all(a["text"] and a["evidence"] for a in detail["articles"])
    assert {r["country"]: r["events"] for r in stats["rows"]} == {"Iraq": 1, "Syria": 1}


# ---------------------------------------------------------------- bad requests
@pytest.mark.parametrize("params, message", [
    ({"since": "2024-13-01"}, "since '2024-13-01' is not a date (YYYY-MM-DD)"),
    ({"until": "yesterday"}, "until 'yesterday' is not a date"),
    ({"since": "2024-03-01", "until": "2024-02-01"}, "since 2024-03-01 is after until 2024-02-01"),
    ({"limit": "5000"}, "limit 5000 is out of range (1 to 1000"),
    ({"limit": "lots"}, "query parameter 'limit'"),
    ({"bbox": "1,2,3"}, "bbox '1,2,3' is not min_lon,min_lat,max_lon,max_lat"),
    ({"offset": "-1"}, "query parameter 'offset'"),
])
def test_bad_parameters_are_400_with_one_line_naming_them(api, params, message):
    response = api.get("/api/events", params=params)
    assert response.status_code == 400
    assert message in response.json()["error"] and "\n" not in response.json()["error"]


def test_unknown_things_are_404_naming_them(api):
    assert api.get("/api/events/ev-none").json() == {"error": "no event 'ev-none'"}
    assert api.get("/api/jobs/nope").status_code == 404
    assert api.get("/api/stats", params={"group_by": "colour"}).status_code == 400
    assert "valid: acled" in api.get("/api/export", params={"format": "xml"}).json()["error"]
    assert api.get("/vendor/../../pyproject.toml").status_code == 404


# ---------------------------------------------------------------- writing
def test_writes_are_off_without_a_token(api):
    response = api.post("/api/articles", json=NEW_ARTICLE)
    assert response.status_code == 403 and "api.token" in response.json()["error"]


def wait_for(api: TestClient, job_id: str, seconds: float = 120) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = api.get(f"/api/jobs/{job_id}").json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} still {job['state']} after {seconds}s")


def test_posted_articles_are_ingested_and_their_events_served(writable_db):
    with client(writable_db, **{"api.token": TOKEN}) as api:
        assert api.post("/api/articles", json=NEW_ARTICLE,
                        headers={"Authorization": "Bearer wrong"}).status_code == 401
        before = api.get("/api/health").json()["counts"]["articles"]
        job = api.post("/api/articles", json={"articles": [NEW_ARTICLE, {"text": ""}]},
                       headers=AUTH)
        assert job.status_code == 202
        assert job.json()["skipped"] == [{"source": "request body:2", "reason": "empty text"}]
        finished = wait_for(api, job.json()["job_id"])
        assert (finished["state"], finished["stored"], finished["done"]) == ("done", 1, 1)
        kano = api.get("/api/events", params={"country": "Nigeria"}).json()["events"]
        assert any(e["fatalities"] == 3 and "api-test-kano" in
                   [s["article_id"] for s in e["sources"]] for e in kano)
        assert api.get("/api/health").json()["counts"]["articles"] == before + 1
        again = wait_for(api, api.post("/api/articles", json=NEW_ARTICLE, headers=AUTH).json()["job_id"])
        assert (again["stored"], again["already_known"]) == (0, 1)


@pytest.mark.parametrize("body, headers, status, message", [
    (b'{"text": "x"', {}, 400, "request body is not JSON"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", {}, 400, "request body"),
    (b"[]", {}, 422, "holds no articles"),
    (b'[{"title": "no text"}]', {}, 422, '"text" is missing'),
    (b'"just a string"', {}, 400, "not an article object"),
    (b"text", {"content-type": "text/plain"}, 415, "is not JSON"),
    (b"x" * 2048, {}, 413, "over the limit of 1024"),
])
def test_bad_bodies_are_refused_and_nothing_is_stored(writable_db, body, headers, status, message):
    with client(writable_db, **{"api.token": TOKEN, "api.max_body_bytes": 1024}) as api:
        before = api.get("/api/health").json()["counts"]
        response = api.post("/api/articles", content=body,
                            headers={"content-type": "application/json", **AUTH, **headers})
        assert response.status_code == status and message in response.json()["error"]
        assert api.get("/api/health").json()["counts"] == before
        assert api.get("/api/jobs").json()["jobs"] == []


def test_too_many_writes_from_one_client_get_429_with_retry_after(writable_db):
    with client(writable_db, **{"api.token": TOKEN, "api.writes_per_minute": 2}) as api:
        statuses = [api.post("/api/articles", json={"text": ""}, headers=AUTH).status_code
                    for _ in range(3)]
        assert statuses == [422, 422, 429]
        refused = api.post("/api/articles", json=NEW_ARTICLE, headers=AUTH)
        assert "at most 2 a minute (api.writes_per_minute)" in refused.json()["error"]
        assert 1 <= int(refused.headers["retry-after"]) <= 60
        assert api.get("/api/events").status_code == 200  # reads are counted apart


def test_protected_reads_need_the_token(examples_db):
    with client(examples_db, **{"api.token": TOKEN, "api.protect_reads": True}) as api:
        refused = api.get("/api/events")
        assert refused.status_code == 401 and refused.headers["www-authenticate"] == "Bearer"
        assert api.get("/api/events", headers=AUTH).status_code == 200


# ---------------------------------------------------------------- the real server
def test_serve_listens_on_loopback_and_answers(examples_db, tmp_path):
    port = free_port()
    command = [sys.executable, "-m", "eventwire", "serve", "--db", examples_db, "--port", str(port)]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "EVENTWIRE_API_TOKEN": ""})
    try:
        health = _poll(f"http://127.0.0.1:{port}/api/health")
        assert health["status"] == "ok" and health["writes_enabled"] is False
        assert listening_addresses(port) == ["127.0.0.1"]
    finally:
        server.terminate()
        server.wait(10)


def listening_addresses(port: int) -> list[str]:
    """The IPv4 addresses a TCP port listens on, read from the kernel's socket table."""
    found = []
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
            found.append(".".join(str(b) for b in reversed(bytes.fromhex(address))))
    return found


def _poll(url: str, seconds: float = 60) -> dict:
    deadline = time.monotonic() + seconds
    while True:
        try:
            return httpx.get(url, timeout=2).json()
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_settings_never_print_the_token():
    from typer.testing import CliRunner
    from eventwire.cli import app
    output = CliRunner().invoke(app, ["settings"], env={"EVENTWIRE_API_TOKEN": TOKEN}).output
    assert "api.token" in output and TOKEN not in output
    assert json.dumps(TOKEN) not in output
