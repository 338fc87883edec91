"""Scoring geocoding on UCDP GED-shaped rows (the project's own fixture, real towns)."""
from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import EvalError
from eventwire.evaluate import ucdp_ged

FIXTURE = Path(__file__).parent.parent / "fixtures" / "eval" / "ucdp_ged_sample.csv"


@pytest.fixture(scope="module")
def report(pipeline):
    return ucdp_ged.evaluate(FIXTURE, pipeline)


def test_rows_named_by_town_land_within_25_km(report):
    assert report.tally("within_25km").right == 4 and report.tally("within_25km").total == 5
    assert report.tally("found").score == 1.0
    assert report.tally("within_25km (where_prec 2)").score == 1.0


def test_near_and_distance_rows_agree_on_precision_two(report):
    assert report.tally("precision_agrees (where_prec 2)").right == 2


def test_an_unknown_village_is_listed_as_a_miss_with_what_was_found(report):
    assert len(report.misses) == 1
    miss = report.misses[0]
    assert miss.startswith("9000005:") and "Homs" in miss and "km" in miss


def test_limit_scores_only_the_first_rows(pipeline):
    assert ucdp_ged.evaluate(FIXTURE, pipeline, limit=2).articles == 2


def test_a_table_without_the_place_columns_is_an_eval_error(tmp_path, pipeline):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,country\n1,Syria\n", encoding="utf-8")
    with pytest.raises(EvalError, match="where_description"):
        ucdp_ged.evaluate(bad, pipeline)
