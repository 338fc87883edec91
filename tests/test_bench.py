"""``eventwire bench``: it runs the whole ingest on a corpus and reports every figure it
promises (no speed is asserted here: speeds are measured by benchmarks/pipeline.py)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.bench import CORPORA, STAGE_ORDER, format_bench, read_corpus, run_bench
from eventwire.cli import app
from eventwire.config import Settings
from eventwire.errors import InputError
from tests.conftest import REPO, SHARED

#: four short reports written for these tests
OWN_ARTICLES = [
    {"id": "b-1", "published": "2024-05-13", "text": "Rocket hits base near Erbil\n\nA rocket "
     "landed inside a military base near Erbil airport on Monday without causing casualties, "
     "the Kurdistan counter-terrorism service said."},
    {"id": "b-2", "published": "2024-05-13", "text": "Clashes in Deir ez-Zor\n\nTribal fighters "
     "clashed with the Syrian Democratic Forces in the village of Dhiban on Monday, leaving "
     "three fighters dead, a monitoring group said."},
    {"id": "b-3", "published": "2024-05-14", "text": "Teachers rally in Amman\n\nSeveral hundred "
     "teachers rallied outside parliament in Amman on Tuesday to ask for higher pay. The rally "
     "ended peacefully."},
    {"id": "b-4", "published": "2024-05-14", "text": "Market reopens\n\nThe old market of Mosul "
     "reopened on Tuesday after repairs that took two years, traders said."},
]
#: the keys `eventwire bench --format json` prints, as docs/usage.md lists them
JSON_KEYS = {"corpus", "source", "engine", "workers", "articles", "words", "stored", "already_known",
             "skipped", "load_seconds", "seconds", "articles_per_s", "words_per_s",
             "stage_seconds", "peak_mb", "worker_peak_mb", "tokenizer_words_per_s",
             "tokenizer_ratio", "load_average"}
#: the lines of the table, each of which must carry a figure
TABLE_FIGURES = ("articles", "words", "workers", "load average", "loading", "seconds",
                 "articles/s", "words/s", "peak memory", "tokenizer", "ratio")


@pytest.fixture(scope="module")
def own_corpus(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("bench") / "own.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in OWN_ARTICLES), encoding="utf-8")
    return str(path)


def _line(table: str, label: str) -> str:
    return next(line for line in table.splitlines() if line.startswith(label.ljust(14)))


def test_the_table_prints_every_figure(own_corpus, pipeline):
    result = run_bench(own_corpus, settings=Settings(), pipeline=pipeline, workers=1)
    table = format_bench(result)
    assert own_corpus in _line(table, "corpus")
    for label in TABLE_FIGURES:
        assert re.search(r"\d", _line(table, label)), label
    for stage in STAGE_ORDER:
        assert re.fullmatch(r"\d+\.\d\d", _line(table, f"  {stage}").split()[-1]), stage
    assert _line(table, "articles").split()[1] == "4"
    assert _line(table, "words").split()[1] == str(sum(len(a["text"].split()) for a in OWN_ARTICLES))


def test_json_output_parses_with_the_documented_keys(own_corpus):
    ran = CliRunner().invoke(app, ["bench", own_corpus, "--limit", "3", "--format", "json"])
    assert ran.exit_code == 0, ran.output
    figures = json.loads(ran.stdout)
    assert set(figures) == JSON_KEYS
    assert figures["articles"] == 3 and figures["stored"] == 3 and figures["workers"] == 1
    assert figures["engine"] == "local"
    assert set(figures["stage_seconds"]) == set(STAGE_ORDER)
    assert figures["worker_peak_mb"] is None and figures["peak_mb"] > 0
    assert figures["tokenizer_words_per_s"] > 0 and figures["tokenizer_ratio"] > 0
    usage = (REPO / "docs" / "usage.md").read_text()
    bench_section = usage.split("### `eventwire bench", 1)[1].split("\n### ", 1)[0]
    assert all(f"`{key}`" in bench_section for key in JSON_KEYS)


def test_an_unknown_corpus_name_is_one_line_naming_the_valid_ones():
    ran = CliRunner().invoke(app, ["bench", "acled"])
    assert ran.exit_code == 2
    assert ran.stderr.strip() == ("error: unknown corpus 'acled' (valid: fakes, gva, ecbplus, "
                                  "or a file, folder or glob of articles)")


def test_a_named_corpus_missing_from_its_folder_names_the_setting(tmp_path):
    settings = Settings({"bench.corpora_dir": str(tmp_path)})
    with pytest.raises(InputError, match="bench.corpora_dir"):
        run_bench("gva", settings=settings)


@pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="no evaluation sets here")
@pytest.mark.parametrize("name", sorted(CORPORA))
def test_the_named_corpora_read_as_articles_up_to_the_limit(name):
    source, articles, unreadable = read_corpus(name, Settings(), limit=5)
    assert Path(source).is_file() and len(articles) == 5 and unreadable == 0
    assert all(a.id and a.text.strip() for a in articles)
