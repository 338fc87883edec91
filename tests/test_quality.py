"""The quality gate (rules in quality/README.md): for every gold set pinned in
quality/floors.json, the gold is the one the floors were measured on, every figure is at or above
its floor, and no floor went below the highest ever committed without a recorded reason."""
from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluate import evaluate
from eventwire.evaluate.gate import (FLOORS_FILE, GoldSet, check, floors_history, gold_hash,
                                     load_floors, lowered_without_reason)
from tests.conftest import REPO

FLOORS = load_floors(REPO / FLOORS_FILE)
SETS = sorted(FLOORS.sets)


def gold_set(name: str) -> tuple[GoldSet, Path]:
    """The set and its gold's path; skips when the gold is not beside the repository."""
    pinned = FLOORS.sets[name]
    path = pinned.path(REPO)
    if not path.exists():
        pytest.skip(f"{name}: {path} is absent: ../shared/eval (the evaluation data, kept beside "
                    "the repository) is not here")
    return pinned, path


@pytest.fixture(scope="module")
def history():
    versions = floors_history(REPO)
    if versions is None:
        pytest.skip(f"no git history of {FLOORS_FILE} (git missing or not a repository)")
    return versions


@pytest.mark.parametrize("name", SETS)
def test_gold_is_the_gold_the_floors_were_measured_on(name):
    pinned, path = gold_set(name)
    assert gold_hash(path) == pinned.gold_sha256, (
        f"{name}: {pinned.gold} changed; re-measure and re-pin its floors and gold_sha256 together")


@pytest.mark.parametrize("name", SETS)
def test_every_figure_is_at_or_above_its_floor(name, pipeline):
    pinned, path = gold_set(name)
    report = evaluate(path, dataset=pinned.dataset, pipeline=pipeline)
    failures = check(report, pinned)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", SETS)
def test_no_floor_was_lowered_without_a_reason(name, history):
    """Against every committed version, HEAD's included, so a lowering in the working file is
    caught before it is committed, and one committed silently stays caught."""
    assert lowered_without_reason(FLOORS, history, sets=[name]) == []


def test_no_set_was_dropped_without_a_reason(history):
    dropped = {s for version in history for s in version.sets} - set(FLOORS.sets)
    assert lowered_without_reason(FLOORS, history, sets=dropped) == []
