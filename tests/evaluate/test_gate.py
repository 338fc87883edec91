"""The quality gate's rules on small made-up floors files and histories (no eval runs here)."""
from __future__ import annotations

import copy
import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import EvalError
from eventwire.evaluate.report import Report, Tally
from eventwire.evaluate.gate import (Floors, check, floors_history, gold_hash, load_floors,
                                     lowered_without_reason, parse_floors, parse_version)

SHA = "ab" * 32

NEW = {
    "about": "test floors",
    "sets": {
        "acled": {"dataset": "acled", "gold": "../shared/eval/acled/notes.csv", "gold_sha256": SHA,
                  "floors": {"event_type": 0.6, "fatalities": 0.5}},
        "examples": {"dataset": "seed", "gold": "examples/gold", "gold_sha256": SHA,
                     "floors": {"f1": 0.55, "role": 0.7}},
    },
    "lowered": [],
}

OLD = {
    "about": "the structure before 'sets'",
    "examples": {"gold": "examples/gold", "f1": 0.54, "fields": {"role": 0.73, "date": 0.76},
                 "gold_sha256": SHA},
}


def floors(edit=None, source: str = "working file") -> Floors:
    data = copy.deepcopy(NEW)
    if edit:
        edit(data)
    return parse_floors(data, source)


def set_floor(name: str, figure: str, value: float):
    def edit(data: dict[str, Any]) -> None:
        data["sets"][name]["floors"][figure] = value
    return edit


def lowering(name: str, figure: str, high: float, now: float, why: str = "gold re-coded"):
    def edit(data: dict[str, Any]) -> None:
        data["sets"][name]["floors"][figure] = now
        data["lowered"].append({"set": name, "figure": figure, "from": high, "to": now, "why": why})
    return edit


def write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "floors.json"
    path.write_text(content, encoding="utf-8")
    return path


# ---------------------------------------------------------------- loading
def test_load_floors_reads_sets_and_lowerings(tmp_path):
    data = copy.deepcopy(NEW)
    data["lowered"] = [{"set": "acled", "figure": "event_type", "from": 0.7, "to": 0.6, "why": "re-coded"}]
    loaded = load_floors(write(tmp_path, json.dumps(data)))
    assert loaded.sets["acled"].dataset == "acled"
    assert loaded.sets["examples"].floors == {"f1": 0.55, "role": 0.7}
    assert loaded.sets["examples"].path(tmp_path) == (tmp_path / "examples" / "gold").resolve()
    assert loaded.lowered[0].from_ == 0.7 and loaded.lowered[0].why == "re-coded"
    assert loaded.floor("acled", "fatalities") == 0.5 and loaded.floor("gvdb", "killed") is None


def _without(key: str):
    return lambda d: d.pop(key)


@pytest.mark.parametrize("edit, names", [
    (set_floor("acled", "event_type", 1.5), "sets.acled.floors.event_type"),
    (set_floor("acled", "event_type", "0.6"), "sets.acled.floors.event_type"),
    (set_floor("acled", "event_type", True), "sets.acled.floors.event_type"),
    (lambda d: d["sets"]["acled"].update(dataset="acleddd"), "unknown dataset 'acleddd'"),
    (lambda d: d["sets"]["acled"].update(gold_sha256="1234"), "sets.acled.gold_sha256"),
    (lambda d: d["sets"]["acled"].pop("gold"), "sets.acled.gold"),
    (lambda d: d["sets"]["acled"].update(floors={}), "sets.acled.floors: no floors"),
    (lambda d: d["sets"]["acled"].update(floor={"date": 0.5}), "unknown key(s) floor"),
    (_without("sets"), "sets: expected an object"),
    (lambda d: d.update(lowered={"set": "acled"}), "lowered: expected a list"),
    (lambda d: d["lowered"].append({"set": "acled", "figure": "date", "from": 0.7, "to": 0.6}),
     "lowered[0].why"),
])
def test_a_malformed_floors_file_names_the_file_and_the_part(tmp_path, edit, names):
    data = copy.deepcopy(NEW)
    edit(data)
    path = write(tmp_path, json.dumps(data))
    with pytest.raises(EvalError) as caught:
        load_floors(path)
    assert caught.value.source == str(path)
    assert names in str(caught.value)


def test_a_floors_file_that_is_not_json_names_its_line(tmp_path):
    path = write(tmp_path, '{\n  "sets": {,\n}')
    with pytest.raises(EvalError, match=r"not JSON \(line 2"):
        load_floors(path)


def test_a_missing_floors_file_is_an_eval_error(tmp_path):
    with pytest.raises(EvalError, match="unreadable floors file"):
        load_floors(tmp_path / "absent.json")


def test_the_current_file_must_use_the_current_structure(tmp_path):
    with pytest.raises(EvalError, match="unknown key"):
        load_floors(write(tmp_path, json.dumps(OLD)))


def test_old_structure_reads_f1_and_fields_as_floors_of_seed_sets():
    version = parse_version(OLD, "1b92800:quality/floors.json")
    examples = version.sets["examples"]
    assert examples.dataset == "seed" and examples.gold_sha256 == SHA
    assert examples.floors == {"f1": 0.54, "role": 0.73, "date": 0.76}
    assert version.lowered == ()


def test_old_structure_with_a_bad_floor_is_an_eval_error():
    old = copy.deepcopy(OLD)
    old["examples"]["fields"]["role"] = "high"
    with pytest.raises(EvalError, match="examples.fields.role"):
        parse_version(old, "abc:quality/floors.json")


# ---------------------------------------------------------------- check
def acled_report(event_type: tuple[int, int], fatalities: tuple[int, int] = (1, 1)) -> Report:
    report = Report(name="notes.csv", dataset="acled")
    report.fields["event_type"] = Tally(*event_type)
    report.fields["fatalities"] = Tally(*fatalities)
    return report


def test_figures_at_or_above_their_floors_pass():
    assert check(acled_report((6, 10)), floors().sets["acled"]) == []


def test_a_figure_below_its_floor_is_one_line_naming_set_figure_score_and_floor():
    assert check(acled_report((11, 20)), floors().sets["acled"]) == [
        "acled: event_type 0.550 is below its floor 0.60"]


def test_an_unknown_figure_name_fails_and_lists_the_figures_the_report_has():
    gold_set = floors(set_floor("acled", "evnt_type", 0.3)).sets["acled"]
    failures = check(acled_report((6, 10)), gold_set)
    assert len(failures) == 1
    assert "'evnt_type' is not a figure of the acled report" in failures[0]
    assert "event_type, fatalities" in failures[0]


def test_detection_f1_is_no_figure_of_a_report_without_gold_events():
    gold_set = floors(set_floor("acled", "f1", 0.0)).sets["acled"]
    assert "'f1' is not a figure" in check(acled_report((6, 10)), gold_set)[0]


def test_a_figure_nothing_was_compared_on_fails():
    failures = check(acled_report((6, 10), fatalities=(0, 0)), floors().sets["acled"])
    assert failures == ["acled: fatalities has no score (nothing in the gold to compare)"]


def test_detection_and_named_figures_are_checked():
    report = Report(name="gold", gold_events=10, predicted_events=10, matched=5)
    report.fields["role"] = Tally(7, 10)
    assert check(report, floors().sets["examples"]) == ["examples: f1 0.500 is below its floor 0.55"]
    case = Report(name="task2.tsv", dataset="case2021", figures={"macro_f1": 0.31})
    gold_set = parse_floors({"sets": {"case2021": {"dataset": "case2021", "gold": "x.tsv",
                                                   "gold_sha256": SHA, "floors": {"macro_f1": 0.33}}}},
                            "f").sets["case2021"]
    assert check(case, gold_set) == ["case2021: macro_f1 0.310 is below its floor 0.33"]


# ---------------------------------------------------------------- lowering
def test_raising_a_floor_needs_no_reason():
    history = [floors(source="v1")]
    assert lowered_without_reason(floors(set_floor("acled", "event_type", 0.7)), history) == []


def test_lowering_without_a_reason_is_reported_with_the_entry_it_needs():
    history = [floors(source="v1")]
    problems = lowered_without_reason(floors(set_floor("acled", "event_type", 0.55)), history)
    assert len(problems) == 1
    assert problems[0].startswith("acled/event_type: floor is 0.55, below 0.60 pinned in v1")
    assert '{"set": "acled", "figure": "event_type", "from": 0.6, "to": 0.55' in problems[0]


def test_lowering_with_a_matching_reason_passes():
    history = [floors(source="v1")]
    assert lowered_without_reason(floors(lowering("acled", "event_type", 0.6, 0.55)), history) == []


def test_a_floor_lowered_for_a_reason_may_be_raised_part_of_the_way_back():
    def lowered_then_raised(data):
        lowering("acled", "event_type", 0.6, 0.5)(data)
        set_floor("acled", "event_type", 0.55)(data)
    history = [floors(source="v1")]
    assert lowered_without_reason(floors(lowered_then_raised), history) == []


@pytest.mark.parametrize("edit", [
    lowering("acled", "event_type", 0.6, 0.55, why="  "),
    lowering("acled", "event_type", 0.6, 0.58),
    lowering("acled", "fatalities", 0.5, 0.4),
], ids=["empty why", "entry's 'to' is above the floor now", "entry for another figure"])
def test_a_lowering_entry_that_does_not_match_is_no_reason(edit):
    def edit_then_lower(data):
        edit(data)
        set_floor("acled", "event_type", 0.55)(data)
    problems = lowered_without_reason(floors(edit_then_lower), [floors(source="v1")])
    assert [p.split(":")[0] for p in problems] == ["acled/event_type"]


def test_from_is_the_highest_floor_ever_pinned_not_the_last():
    history = [floors(lowering("acled", "event_type", 0.7, 0.6), source="v2"),
               floors(set_floor("acled", "event_type", 0.7), source="v1")]
    current = floors(lowering("acled", "event_type", 0.6, 0.5))
    problems = lowered_without_reason(current, history)
    assert len(problems) == 1 and "below 0.70 pinned in v1" in problems[0]
    assert lowered_without_reason(floors(lowering("acled", "event_type", 0.7, 0.5)), history) == []


def test_removing_a_floor_or_a_set_counts_as_lowering_it_to_zero():
    def drop(data):
        del data["sets"]["acled"]
        del data["sets"]["examples"]["floors"]["role"]
    problems = lowered_without_reason(floors(drop), [floors(source="v1")])
    assert [p.split(":")[0] for p in problems] == ["acled/event_type", "acled/fatalities", "examples/role"]
    assert "was removed" in problems[0]


def test_sets_limits_the_check_to_the_named_sets():
    current = floors(set_floor("acled", "event_type", 0.1))
    history = [floors(source="v1")]
    assert lowered_without_reason(current, history, sets=["examples"]) == []
    assert len(lowered_without_reason(current, history, sets=["acled"])) == 1


def test_an_old_structure_version_counts_in_the_history():
    history = [parse_version(OLD, "1b92800:quality/floors.json")]
    problems = lowered_without_reason(floors(), history)
    assert [p.split(":")[0] for p in problems] == ["examples/date", "examples/role"]
    assert "below 0.73 pinned in 1b92800" in problems[1]


# ---------------------------------------------------------------- git history
def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org",
                    "-c", "commit.gpgsign=false", *args], check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_floors_history_reads_every_committed_version_old_and_new(tmp_path):
    (tmp_path / "quality").mkdir()
    _git(tmp_path, "init", "-q")
    for message, content in (("old", OLD), ("new", NEW)):
        (tmp_path / "quality" / "floors.json").write_text(json.dumps(content))
        _git(tmp_path, "add", "quality/floors.json")
        _git(tmp_path, "commit", "-q", "-m", message)
    versions = floors_history(tmp_path)
    assert [sorted(v.sets) for v in versions] == [["acled", "examples"], ["examples"]]
    assert versions[1].sets["examples"].floors["role"] == 0.73
    assert versions[0].source.endswith(":quality/floors.json")


def test_floors_history_outside_a_repository_is_none(tmp_path):
    assert floors_history(tmp_path) is None


# ---------------------------------------------------------------- gold hash
def test_a_gold_file_hashes_its_name_and_bytes(tmp_path):
    gold = tmp_path / "seed-gold.json"
    gold.write_bytes(b'{"events": []}')
    assert gold_hash(gold) == hashlib.sha256(b'seed-gold.json\0{"events": []}').hexdigest()


def test_a_gold_folder_hashes_its_json_files_by_name_and_bytes(tmp_path):
    (tmp_path / "b.json").write_bytes(b"2")
    (tmp_path / "a.json").write_bytes(b"1")
    (tmp_path / "notes.txt").write_bytes(b"not gold")
    assert gold_hash(tmp_path) == hashlib.sha256(b"a.json\x001b.json\x002").hexdigest()
    (tmp_path / "a.json").write_bytes(b"3")
    assert gold_hash(tmp_path) != hashlib.sha256(b"a.json\x001b.json\x002").hexdigest()
