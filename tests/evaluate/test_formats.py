"""``eventwire eval`` recognises each gold format from its first line, and every way a gold path
can be wrong ends in one EvalError that names the file (and line) and the reason."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import EvalError
from eventwire.evaluate.common import read_rows
from eventwire.evaluate import DATASETS, detect_dataset, evaluate

EVAL_FIXTURES = Path(__file__).parent.parent / "fixtures" / "eval"

ACLED_HEADER = (EVAL_FIXTURES / "acled.csv").read_text(encoding="utf-8").splitlines()[0]


@pytest.mark.parametrize("name, dataset", [
    ("acled.csv", "acled"), ("case2021.tsv", "case2021"), ("ucdp_aec.jsonl", "ucdp-aec"),
    ("wikievents.jsonl", "wikievents"), ("gvdb.tsv", "gvdb"), ("ucdp_ged_sample.csv", "ucdp-ged"),
    ("fakes.csv", "fakes"), ("gva.jsonl", "gva"), ("ecbplus.jsonl", "ecbplus"),
])
def test_each_fixture_is_recognised_from_its_first_line(name, dataset):
    assert detect_dataset(EVAL_FIXTURES / name) == dataset


def test_a_folder_or_a_json_file_is_seed_gold(tmp_path):
    gold = tmp_path / "one.gold.json"
    gold.write_text('{"article": "a.txt", "events": []}', encoding="utf-8")
    assert detect_dataset(tmp_path) == "seed"
    assert detect_dataset(gold) == "seed"


def test_the_file_name_does_not_decide_the_format(tmp_path):
    renamed = tmp_path / "export.txt"
    renamed.write_text((EVAL_FIXTURES / "acled.csv").read_text(encoding="utf-8"), encoding="utf-8")
    assert detect_dataset(renamed) == "acled"


def test_a_missing_path_is_named(tmp_path):
    missing = tmp_path / "nowhere.csv"
    with pytest.raises(EvalError, match="no such file") as caught:
        evaluate(missing)
    assert caught.value.source == str(missing)


def test_an_unknown_dataset_name_lists_the_valid_ones():
    with pytest.raises(EvalError) as caught:
        evaluate(EVAL_FIXTURES / "acled.csv", dataset="gdelt")
    assert caught.value.source == "gdelt"
    assert all(name in caught.value.reason for name in DATASETS)


@pytest.mark.parametrize("content", ["Kabul, 3 May - Gunmen opened fire on a bus.\n", ""])
def test_a_file_of_no_known_format_is_refused(tmp_path, content):
    path = tmp_path / "story.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvalError, match="not a gold format") as caught:
        evaluate(path)
    assert caught.value.source == str(path)
    assert "ucdp-aec" in caught.value.reason


def test_a_malformed_jsonl_line_is_named_by_its_number(tmp_path, pipeline):
    good = (EVAL_FIXTURES / "ucdp_aec.jsonl").read_text(encoding="utf-8").splitlines()[0]
    path = tmp_path / "aec.jsonl"
    path.write_text(good + "\n\n{\"id\": 7, \"source_article\": \n", encoding="utf-8")
    with pytest.raises(EvalError, match="not JSON") as caught:
        evaluate(path, pipeline=pipeline)
    assert caught.value.source == f"{path}:3"


def test_a_table_with_a_header_and_no_rows_is_refused(tmp_path, pipeline):
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_HEADER + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match="no gold rows") as caught:
        evaluate(path, pipeline=pipeline)
    assert caught.value.source == str(path)


def test_a_jsonl_file_of_blank_lines_is_refused(tmp_path, pipeline):
    path = tmp_path / "wiki.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(EvalError, match="no gold records"):
        evaluate(path, dataset="wikievents", pipeline=pipeline)


def test_a_named_dataset_is_read_without_detection(tmp_path, pipeline):
    """The leading blank line is one detection (first line only) does not look past."""
    path = tmp_path / "aec.jsonl"
    path.write_text("\n" + (EVAL_FIXTURES / "ucdp_aec.jsonl").read_text(encoding="utf-8"),
                    encoding="utf-8")
    report = evaluate(path, dataset="ucdp-aec", pipeline=pipeline, limit=1)
    assert (report.dataset, report.articles) == ("ucdp-aec", 1)


def test_a_wikievents_line_that_mentions_notes_is_still_wikievents(tmp_path):
    record = json.loads((EVAL_FIXTURES / "wikievents.jsonl").read_text(encoding="utf-8").splitlines()[0])
    record["text"] += " The envoy took notes."
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert detect_dataset(path) == "wikievents"


def test_a_table_without_the_datasets_columns_names_what_is_missing(pipeline):
    with pytest.raises(EvalError, match="notes"):
        evaluate(EVAL_FIXTURES / "case2021.tsv", dataset="acled", pipeline=pipeline)


def test_a_stray_quote_in_a_tsv_snippet_does_not_swallow_the_rows_after_it(tmp_path):
    path = tmp_path / "task2.tsv"
    path.write_text('id\tEventSnippet\tSubType\n1\t"Rebels shelled the town.\tART_MISS_ATTACK\n'
                    '2\tA quake shook the valley.\tNATURAL_DISASTER\n', encoding="utf-8")
    rows = read_rows(path, "\t", required=("id", "EventSnippet", "SubType"))
    assert [r["SubType"] for r in rows] == ["ART_MISS_ATTACK", "NATURAL_DISASTER"]


def test_a_byte_order_mark_and_leading_blank_lines_do_not_hide_the_format(tmp_path):
    path = tmp_path / "gold.tsv"
    text = (EVAL_FIXTURES / "gvdb.tsv").read_text(encoding="utf-8")
    path.write_text("\n" + text, encoding="utf-8-sig")
    assert detect_dataset(path) == "gvdb"
