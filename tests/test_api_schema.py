"""Schemathesis against the app's own OpenAPI description, over a real server and store:
whatever a client sends that the description admits (and much it does not), no request
makes the server fail (no 5xx), with and without the token."""
from __future__ import annotations

import shutil

import pytest
import schemathesis
from schemathesis import GenerationMode
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from eventwire.api import create_app
from eventwire.config import Settings
from tests.conftest import serve_app

TOKEN = "schema-test-token"
#: examples per route: enough to reach each parameter's edge cases, few enough for CI
EXAMPLES = 40


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory, examples_db: str):
    copy = tmp_path_factory.mktemp("schema") / "store.duckdb"
    shutil.copyfile(examples_db, copy)
    limits_off = {"api.token": TOKEN, "api.reads_per_minute": 0, "api.writes_per_minute": 0}
    server = serve_app(create_app(Settings(limits_off), db=str(copy)))
    base = next(server)
    yield schemathesis.openapi.from_url(f"{base}/openapi.json")
    next(server, None)


def operations(schema) -> list:
    return [result.ok() for result in schema.get_all_operations()]


def test_no_request_makes_the_server_fail(api_schema):
    found = operations(api_schema)
    assert {f"{op.method.upper()} {op.path}" for op in found} >= {
        "GET /api/events", "GET /api/events/{event_id}", "POST /api/articles"}
    for operation in found:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            check_operation(operation, mode)


def check_operation(operation, mode: GenerationMode) -> None:
    """``mode``: requests the description admits, or ones it does not (wrong types, ...)."""
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
              database=None)
    @given(case=operation.as_strategy(generation_mode=mode))
    def no_server_error(case) -> None:
        for headers in ({"Authorization": f"Bearer {TOKEN}"}, {}):
            response = case.call(headers=headers)
            where = f"{case.method} {case.formatted_path} {case.query} {str(case.body)[:200]}"
            assert response.status_code < 500, (where, response.text[:300])
            if response.status_code >= 400:
                assert set(response.json()) == {"error"}, (where, response.text[:300])
    try:
        no_server_error()
    except Unsatisfiable:  # a route with nothing to get wrong (no parameters, no body)
        assert mode is GenerationMode.NEGATIVE
