"""Scores of a clustering against the truth (evaluate/clusters.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.evaluate.clusters import bcubed, pairwise

GOLD = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}


def test_a_perfect_clustering_scores_one():
    assert pairwise(GOLD, GOLD)["f1"] == 1.0 and bcubed(GOLD, GOLD)["f1"] == 1.0


def test_everything_apart_has_perfect_precision_and_no_pairwise_recall():
    apart = {item: item for item in GOLD}
    assert pairwise(apart, GOLD)["precision"] == 1.0 and pairwise(apart, GOLD)["recall"] == 0.0
    assert bcubed(apart, GOLD)["precision"] == 1.0
    assert bcubed(apart, GOLD)["recall"] == pytest.approx((3 * (1 / 3) + 2 * (1 / 2)) / 5)


def test_everything_together_has_full_recall_and_low_precision():
    together = {item: 0 for item in GOLD}
    scores = pairwise(together, GOLD)
    assert scores["recall"] == 1.0 and scores["precision"] == pytest.approx(4 / 10)
    assert bcubed(together, GOLD)["precision"] == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5)


def test_clusterings_of_different_items_are_refused():
    with pytest.raises(ValueError, match="different items"):
        pairwise({"a": 1}, {"b": 1})


def test_gva_reports_of_one_shooting_are_one_event_and_another_shooting_stays_apart(pipeline):
    """The project's own four GVA-style reports: two of one bar shooting (dated by publication,
    naming the same two victims), a third whose main news is the arrest two days later, and
    one of another shooting weeks later. The arrest report counts by its report of the
    shooting, as GVA labels it, not by the arrest, its main news."""
    from eventwire.evaluate import evaluate
    from tests.conftest import FIXTURES
    report = evaluate(FIXTURES / "eval" / "gva.jsonl", pipeline=pipeline)
    assert report.figures["pairwise_precision"] == 1.0 and report.figures["pairwise_recall"] == 1.0
    assert (report.figures["events"], report.figures["true_events"]) == (2, 2)
    # the incidents file beside it: each document's report of the shooting has its day
    # ("late Monday" in a Tuesday story, "Monday's shooting" in the arrest story) and figures
    fields = {name: (tally.right, tally.total) for name, tally in report.fields.items()}
    assert fields["date"] == (4, 4) and fields["killed"] == (4, 4) and fields["injured"] == (4, 4)
    assert "place_25km" not in fields  # GVA gave no point for these incidents


@pytest.mark.parametrize("point, right", [((41.50, -81.60), True), ((41.80, -81.60), False), (None, False)])
def test_gva_place_is_right_within_25_km_of_the_incident(point, right):
    from eventwire.evaluate.gva import score_fields
    from eventwire.evaluate.report import Report
    from eventwire.records import Mention
    report = Report(name="gva")
    incident = {"date": "May 13, 2019", "latitude": 41.4993, "longitude": -81.6944, "num_killed": 1}
    event = Mention(event_date=dt.date(2019, 5, 14), fatalities=1, latitude=point[0], longitude=point[1]) \
        if point else None
    score_fields(report, incident, event)
    assert report.fields["place_25km"].right == int(right)
    assert (report.fields["date"].right, report.fields["date_within_1_day"].right) == (0, int(bool(point)))
    assert report.fields["killed"].right == int(bool(point))


def test_ecbplus_rejoins_a_tokenised_address_to_date_its_report(pipeline):
    from eventwire.evaluate import evaluate
    from eventwire.evaluate.ecbplus import rejoined_url
    from tests.conftest import FIXTURES
    assert rejoined_url("http : / / www . example . org / news / 2019 / 05 / 14 / a - b") == \
        "http://www.example.org/news/2019/05/14/a-b"
    report = evaluate(FIXTURES / "eval" / "ecbplus.jsonl", pipeline=pipeline)
    assert report.figures["dated_documents"] == 2
    assert report.figures["events"] == 1 and report.figures["pairwise_recall"] == 1.0


def test_a_text_crawled_twice_ends_in_the_event_its_twin_ended_in(pipeline):
    """Ingest skips a text it has stored already (re-ingest is a no-op); a document with the
    same text under another id is the same report, so it is clustered with its twin, and a
    stub twin with no event stays a cluster of its own."""
    from eventwire.evaluate.clusters import ingest_and_cluster
    from eventwire.records import Article
    story = ("Two men shot outside Riverton bar\n\nTwo men were shot early Sunday outside a bar on "
             "Elm Street in Riverton, Ohio, police said.")
    stub = "Sign in to read this story."
    day = dt.date(2019, 5, 13)
    articles = [Article(text=story, id="first", published=day), Article(text=story, id="again", published=day),
                Article(text=stub, id="stub1", published=day), Article(text=stub, id="stub2", published=day)]
    labels, _ = ingest_and_cluster(pipeline, articles)
    assert labels["first"] == labels["again"] and not labels["first"].startswith(("none:", "skipped:"))
    assert labels["stub1"] != labels["stub2"]
