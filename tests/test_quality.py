"""The quality gate: eval figures must not fall below the floors pinned in quality/floors.json,
and the gold files must be the ones those floors were measured on (their hashes are pinned)."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from eventwire.evaluate import evaluate_gold
from tests.conftest import REPO

FLOORS = json.loads((REPO / "quality" / "floors.json").read_text())
SETS = [name for name in FLOORS if isinstance(FLOORS[name], dict)]


def gold_hash(path: Path) -> str:
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def gold_path(name: str) -> Path:
    path = (REPO / FLOORS[name]["gold"]).resolve()
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared/eval ships beside the project in CI)")
    return path


@pytest.mark.parametrize("name", SETS)
def test_gold_is_the_gold_the_floors_were_measured_on(name):
    assert gold_hash(gold_path(name)) == FLOORS[name]["gold_sha256"], (
        f"{name} gold changed: re-measure and re-pin its floors in the same commit")


@pytest.mark.parametrize("name", SETS)
def test_scores_stay_above_their_floors(name, pipeline):
    report = evaluate_gold(gold_path(name), pipeline)
    floors = FLOORS[name]
    assert report.f1 >= floors["f1"], f"{name}: detection F1 {report.f1} < floor {floors['f1']}"
    for field, floor in floors["fields"].items():
        score = report.fields[field].score
        assert score is not None and score >= floor, f"{name}: {field} {score} < floor {floor}"
