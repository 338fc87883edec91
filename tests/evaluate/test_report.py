"""The one report every scorer fills in: tallies, scores by name, the JSON form and the table."""
from __future__ import annotations

import json

from eventwire.evaluate import Report, Tally, format_report


def tally(*results: bool) -> Tally:
    counted = Tally()
    for ok in results:
        counted.add(ok)
    return counted


def detection_report(**extra) -> Report:
    """Four gold events, five predicted, three matched: P 0.6, R 0.75."""
    report = Report(name="week.gold.json", gold_events=4, predicted_events=5, matched=3,
                    articles=2, **extra)
    report.tally("fatalities").add(True)
    report.tally("fatalities").add(False)
    return report


def test_a_tally_counts_right_out_of_total():
    counted = tally(True, False, True)
    assert (counted.right, counted.total, counted.score) == (2, 3, 0.667)
    assert counted.as_dict() == {"score": 0.667, "right": 2, "total": 3}


def test_an_empty_tally_has_no_score_rather_than_zero():
    assert Tally().score is None
    assert Tally().as_dict()["score"] is None


def test_tallies_are_created_on_first_use_in_that_order():
    report = Report(name="g")
    report.tally("found").add(True)
    report.tally("event_type").add(False)
    report.tally("found").add(False)
    assert list(report.fields) == ["found", "event_type"]
    assert report.fields["found"].total == 2


def test_detection_scores():
    report = detection_report()
    assert (report.precision, report.recall, report.f1) == (0.6, 0.75, 0.667)


def test_no_predictions_or_no_gold_score_zero_not_an_error():
    assert Report(name="g", gold_events=3).precision == 0.0
    assert Report(name="g", predicted_events=3).recall == 0.0
    assert Report(name="g").f1 == 0.0


def test_score_by_name_reads_detection_fields_and_figures():
    report = detection_report(figures={"macro_f1": 0.42})
    assert report.score("recall") == 0.75
    assert report.score("fatalities") == 0.5
    assert report.score("macro_f1") == 0.42
    assert report.score("no such figure") is None


def test_as_dict_is_plain_json_with_every_part():
    report = detection_report(figures={"macro_f1": 0.5}, misses=["a: missed"], extras=["b: extra"])
    report.aggregates["found"] = tally(True)
    data = json.loads(json.dumps(report.as_dict()))
    assert data["gold"] == "week.gold.json" and data["dataset"] == "seed"
    assert (data["precision"], data["recall"], data["f1"]) == (0.6, 0.75, 0.667)
    assert data["fields"]["fatalities"] == {"score": 0.5, "right": 1, "total": 2}
    assert data["aggregates"]["found"]["right"] == 1
    assert data["figures"] == {"macro_f1": 0.5}
    assert (data["misses"], data["extras"]) == (["a: missed"], ["b: extra"])


def test_table_shows_detection_only_when_there_are_gold_events():
    with_gold = format_report(detection_report())
    assert "detection  P 0.600  R 0.750  F1 0.667" in with_gold
    assert "matched 3" in with_gold
    classified = Report(name="task2.tsv", dataset="case2021", articles=4)
    classified.tally("accuracy").add(True)
    table = format_report(classified)
    assert "detection" not in table and "matched" not in table
    assert "gold: task2.tsv  (case2021)  articles: 4" in table
    assert "accuracy" in table and "1.000" in table


def test_table_lists_fields_aggregates_and_figures():
    report = detection_report(figures={"macro_f1": 0.25})
    report.tally("injured")
    report.aggregates["period"] = tally(False)
    lines = format_report(report).splitlines()
    fatalities = next(line for line in lines if line.startswith("fatalities"))
    assert fatalities.split()[1:] == ["0.500", "1", "2"]
    injured = next(line for line in lines if line.startswith("injured"))
    assert injured.split()[1:] == ["-", "0", "0"]
    assert any(line.startswith("aggregate period") for line in lines)
    assert any(line.split() == ["macro_f1", "0.250"] for line in lines)


def test_misses_and_extras_are_listed_only_when_asked():
    report = detection_report(misses=["gold.json: 2024-03-10 Armed clash"],
                              extras=["gold.json: 2024-03-11 Attack @ Mosul"])
    shown = format_report(report, show_misses=True)
    assert "missed:\n  gold.json: 2024-03-10 Armed clash" in shown
    assert "extra:\n  gold.json: 2024-03-11 Attack @ Mosul" in shown
    hidden = format_report(report, show_misses=False)
    assert "missed" not in hidden and "Armed clash" not in hidden and "extra:" not in hidden


def test_no_missed_heading_when_nothing_was_missed():
    assert "missed:" not in format_report(detection_report())
