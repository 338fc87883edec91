"""Bad input, tried for real (DESIGN.md "Bad input and safety"): every reader refuses what it
cannot read with one line naming the input and the reason, or reads something sane from it;
nothing crashes the run or leaves the store half-written.

One ``eventwire ingest`` of a folder of hostile files (written here, with short wire reports
of this project's own around them) runs as a subprocess, as a user runs it, with the size
limit lowered (``EVENTWIRE_INGEST_MAX_FILE_BYTES``) rather than writing 100 MB; the tests
read its exit status, its summary on stderr and what the store holds afterwards.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from eventwire import workflow
from eventwire.records import Event, event_to_json
from eventwire.store import open_store
from tests.conftest import REPO
from tests.integrity import half_written, rows, snapshot

PUBLISHED = dt.date(2024, 3, 12)
MAX_FILE_BYTES = 2_000_000
MAX_ARTICLE_CHARS = 200_000  # the default ``ingest.max_article_chars``


def report(town: str, tail: str = "") -> str:
    """A short wire report of an attack on a police post in ``town``, Iraq, on Sunday."""
    return (f"Mortar shells hit police post in {town}\n\n{town.upper()}, Iraq — Mortar shells "
            f"struck a police post in {town} on Sunday, killing two officers and wounding four, "
            f"security sources said.{tail}\n\nNo group said it carried out the attack.\n")


def record(town: str, **fields) -> bytes:
    return json.dumps({"text": report(town), **fields}).encode("utf-8")


def html_page(body: str) -> bytes:
    return (f"<!DOCTYPE html><html><head><title>Mortar shells hit police post</title></head>"
            f"<body>{body}</body></html>").encode("utf-8")


def paragraphs(town: str) -> str:
    return "".join(f"<p>{p}</p>" for p in report(town).split("\n\n")[1:])


#: (with a plain hyphen in the dateline: Latin-1 has no dash, and cp1252's would come first)
LATIN_1 = report("Tikrit", tail=" A café owner, Zoé, saw the blast.").replace("—", "-")
SMART_QUOTES = report("Samarra", tail=" \u201cWe heard three blasts,\u201d a guard said."
                      ).replace("—", "-")
#: Arabic and Hebrew inside an English report, with right-to-left and left-to-right marks
SCRIPTS = [" (أربيل)", " (بيشمركة)",
           " \u201cשמענו שלושה פיצוצים\u201d, \u200fwe heard blasts\u200e,"]
MIXED_SCRIPTS = (report("Erbil").replace("ERBIL,", "ERBIL" + SCRIPTS[0] + ",")
                 .replace("security sources", "Peshmerga" + SCRIPTS[1] + " sources")
                 .replace("No group said", "A guard said" + SCRIPTS[2] + " and no group said"))
#: the same report in Arabic: long enough (20 words) for its language to be told
ARABIC = ("سقطت قذائف هاون على مركز للشرطة في مدينة كركوك يوم الأحد، ما أسفر عن مقتل اثنين من "
          "عناصر الشرطة وإصابة أربعة آخرين، وفق ما أفادت مصادر أمنية. ولم تعلن أي جهة مسؤوليتها "
          "عن الهجوم حتى الآن.\n")
#: an absurd toll and an absurd count statement beside a plausible one
ABSURD = ("Car bomb hits market in Mosul\n\nMOSUL, Iraq — A car bomb exploded at a market in Mosul "
          "on Sunday, killing 10,000,000,000 people, officials said.\n\nThe governor said the "
          "province had recorded at least 10,000,000,000 attacks since January 1. Police have "
          "recorded at least 40 attacks on checkpoints in the province since January 1.\n")
#: a JSON Lines record cut short in the middle of the escaped dash of its dateline
CUT_LINE = record("Haditha", id="w-2")[:record("Haditha").index(b"\\u2014") + 4]
LONG_LINE = report("Hawija").replace("\n", " ") + " The convoy moved on." * 50_000
MALFORMED_HTML = (
    "<html><head><style>p { color: red } /* <p>Style text</p> */</style><script>"
    "document.write('<p>Script text: rockets hit Basra</p>'); if (a < b) {}</script></head>"
    "<body><div><p>BAQUBAH, Iraq — Mortar shells struck a police post in Baqubah on Sunday, "
    "killing two officers, security sources said.<p>No group said it carried out the attack."
    "<div><span><b>Unclosed</html></html>").encode("utf-8")


def bad_files() -> dict[str, bytes]:
    """File name -> bytes: what a folder of scraped or exported news can hold."""
    noise = random.Random(8).randbytes(4096)
    return {
        "plain.txt": report("Kirkuk").encode("utf-8"),
        "empty.txt": b"",
        "blank.txt": b"  \n\n\t \n",
        "png-renamed.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + noise[:200],
        "noise.txt": noise,
        "noise.json": noise,
        "oversized.html": html_page(paragraphs("Hit") + "<p>filler</p>" * 200_000),
        "deep-200.html": html_page("<div>" * 200 + paragraphs("Fallujah") + "</div>" * 200),
        "deep-50000.html": html_page("<div>" * 50_000 + paragraphs("Ramadi") + "</div>" * 50_000),
        "malformed.html": MALFORMED_HTML,
        "wire.jsonl": b"\n".join([record("Mosul", id="w-1"), CUT_LINE,
                                  record("Balad", id="w-3")]) + b"\n",
        "latin-1.txt": LATIN_1.encode("latin-1"),
        "cp1252-quotes.txt": SMART_QUOTES.encode("cp1252"),
        "mixed-encodings.txt": report("Dujail").encode("utf-8") + SMART_QUOTES.encode("cp1252"),
        "utf-16-bom.txt": report("Zakho", tail=" Café windows broke.").encode("utf-16"),
        "utf-16-no-bom.txt": report("Duhok").encode("utf-16-le"),
        "one-bad-byte.txt": report("Sinjar").encode("utf-8").replace(b"Sunday", b"Sun\xffday"),
        "nul.txt": report("Amerli").encode("utf-8").replace(b"Sunday", b"Sun\x00day"),
        "nul.json": record("Tuz Khurmatu").replace(b"Sunday", b"Sun\x00day"),
        "mixed-scripts.txt": MIXED_SCRIPTS.encode("utf-8"),
        "arabic.txt": ARABIC.encode("utf-8"),
        "long-line.txt": LONG_LINE.encode("utf-8"),
        "long-word.txt": (report("Khanaqin") + "x" * 100_000 + "\n").encode("utf-8"),
        "published-future.json": record("Beiji", published="2999-01-01"),
        "published-year-zero.json": record("Rutba", published="0000-01-01"),
        "published-feb-30.json": record("Qaim", published="2024-02-30"),
        "published-yesterday.json": record("Heet", published="yesterday"),
        "absurd.txt": ABSURD.encode("utf-8"),
        "coordinates.json": record("Tal Afar", latitude=123.4, longitude=-999, lat=95, lon=500),
    }


#: what the summary says of each file it cannot read (a JSON Lines line is ``file:N``)
SKIPPED = {
    "empty.txt": "empty file",
    "blank.txt": "empty file (only whitespace)",
    "png-renamed.txt": "binary file (NUL bytes)",
    "noise.txt": "binary file (NUL bytes)",
    "noise.json": "binary file (mostly non-text bytes)",
    "oversized.html": "file is {size} bytes, over the limit of 2000000 (ingest.max_file_bytes)",
    "deep-50000.html": "no article text found in the HTML",
    "wire.jsonl:2": f"malformed JSON (truncated: Invalid \\uXXXX escape at column "
                    f"{CUT_LINE.rindex(b'u20') + 1})",
    "latin-1.txt": f"not UTF-8 text (invalid byte 0xe9 at offset {LATIN_1.index('é')})",
    "cp1252-quotes.txt": f"not UTF-8 text (invalid byte 0x93 at offset "
                         f"{SMART_QUOTES.index(chr(0x201C))})",
    "mixed-encodings.txt": f"not UTF-8 text (invalid byte 0x93 at offset "
                           f"{len(report('Dujail').encode()) + SMART_QUOTES.index(chr(0x201C))})",
    "utf-16-no-bom.txt": "UTF-16 text (little-endian) without a byte-order mark: save it as "
                         "UTF-8, or as UTF-16 with a BOM",
    "one-bad-byte.txt": f"not UTF-8 text (invalid byte 0xff at offset "
                        f"{report('Sinjar').encode().index(b'Sunday') + 3})",
    "nul.txt": "binary file (NUL bytes)",
}


@dataclass(frozen=True)
class Ingested:
    folder: Path
    db: str
    returncode: int
    stderr: str

    def stored(self) -> dict[str, dict]:
        """The stored articles by file name (``file:N`` for a line), as the table holds them."""
        found = rows(self.db, "SELECT origin, id, published, published_source, language, "
                              "warnings, text FROM articles")
        keys = ("id", "published", "published_source", "language", "warnings", "text")
        return {Path(origin).name: dict(zip(keys, rest)) for origin, *rest in found}

    def events_of(self, name: str) -> list[dict]:
        """The stored events the article read from file ``name`` is a source of."""
        article_id = self.stored()[name]["id"]
        return [e for e in map(event_to_json, workflow.events(db=self.db))
                if article_id in {s["article_id"] for s in e["sources"]}]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Ingested:
    folder = tmp_path_factory.mktemp("hostile")
    for name, data in bad_files().items():
        (folder / name).write_bytes(data)
    db = str(tmp_path_factory.mktemp("store") / "store.duckdb")
    env = {**os.environ, "EVENTWIRE_INGEST_MAX_FILE_BYTES": str(MAX_FILE_BYTES)}
    done = subprocess.run([sys.executable, "-m", "eventwire", "ingest", str(folder), "--db", db,
                           "--published", PUBLISHED.isoformat()], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    return Ingested(folder, db, done.returncode, done.stderr)


# ------------------------------------------------------------------------- refused, one line each
@pytest.mark.parametrize("name", sorted(SKIPPED))
def test_an_unreadable_input_gets_one_line_naming_it_and_the_reason(ingested, name):
    size = os.path.getsize(ingested.folder / name.split(":")[0])
    line = f"skipped {ingested.folder / name}: {SKIPPED[name].format(size=size)}"
    assert line in ingested.stderr.splitlines()


def test_the_run_reads_the_rest_ends_with_the_summary_and_exit_status_1(ingested):
    lines = ingested.stderr.splitlines()
    assert ingested.returncode == 1 and "Traceback" not in ingested.stderr
    assert lines[-1] == f"{len(SKIPPED)} input(s) skipped"
    readable = (set(bad_files()) - set(SKIPPED) - {"wire.jsonl"}) | {"wire.jsonl:1",
                                                                       "wire.jsonl:3"}
    assert set(ingested.stored()) == readable
    assert lines[0].startswith(f"read {len(readable)} article(s): stored {len(readable)}, "
                               "already known 0;")


def test_the_store_is_whole_after_the_bad_inputs(ingested):
    assert half_written(snapshot(ingested.db)) == []


# ------------------------------------------------------------------------- read, sanely
def warnings_of(ingested: Ingested, name: str) -> list[str]:
    return json.loads(ingested.stored()[name]["warnings"])


def test_malformed_html_gives_its_text_without_script_or_style(ingested):
    text = ingested.stored()["malformed.html"]["text"]
    assert "Mortar shells struck a police post in Baqubah" in text
    assert "No group said it carried out the attack." in text
    assert "Script text" not in text and "Style text" not in text and "<" not in text


def test_html_nested_200_deep_is_read_like_any_page(ingested):
    assert ingested.events_of("deep-200.html")[0]["location"] == "Fallujah"


def test_the_good_lines_around_a_broken_json_line_are_stored(ingested):
    assert [e["location"] for e in ingested.events_of("wire.jsonl:1")] == ["Mosul"]
    assert [e["location"] for e in ingested.events_of("wire.jsonl:3")] == ["Balad"]
    assert {ingested.stored()[f"wire.jsonl:{n}"]["id"] for n in (1, 3)} == {"w-1", "w-3"}


def test_utf16_with_a_byte_order_mark_is_read(ingested):
    assert "Café windows broke." in ingested.stored()["utf-16-bom.txt"]["text"]
    assert ingested.events_of("utf-16-bom.txt")[0]["location"] == "Zakho"


def test_a_nul_inside_a_json_string_is_removed_with_a_warning(ingested):
    assert "on Sunday," in ingested.stored()["nul.json"]["text"]
    assert warnings_of(ingested, "nul.json") == ["removed 1 NUL character from the text"]
    assert ingested.events_of("nul.json")[0]["event_date"] == "2024-03-10"


def _coded(event: dict) -> tuple:
    return tuple(event[k] for k in ("event_date", "sub_event_type", "actor1", "location",
                                    "fatalities", "injured"))


def test_arabic_and_hebrew_inside_an_english_report_are_kept_and_change_nothing(ingested,
                                                                               pipeline):
    article = ingested.stored()["mixed-scripts.txt"]
    assert article["language"] == "en" and all(s in article["text"] for s in SCRIPTS)
    events = ingested.events_of("mixed-scripts.txt")
    without = MIXED_SCRIPTS
    for script in SCRIPTS:
        without = without.replace(script, "")
    found = workflow.extract(without, PUBLISHED, pipeline=pipeline)
    assert [_coded(e) for e in events] == [_coded(event_to_json(e)) for e in found
                                           if isinstance(e, Event)]
    assert all(article["text"][e["start"]:e["end"]] == e["text"] for event in events
               for s in event["sources"] for e in s["evidence"])  # offsets still hold


def test_a_report_in_arabic_is_stored_but_not_coded(ingested):
    assert ingested.stored()["arabic.txt"]["language"] == "ar"
    assert (f"warning: {ingested.folder / 'arabic.txt'}: not coded: written in Arabic (ar); "
            "eventwire codes en only (language.coded)") in ingested.stderr.splitlines()
    assert ingested.events_of("arabic.txt") == []


def test_a_one_megabyte_line_is_cut_with_a_warning_and_its_story_still_read(ingested):
    assert warnings_of(ingested, "long-line.txt") == [f"text cut from {len(LONG_LINE.strip())} to "
                                                      f"{MAX_ARTICLE_CHARS} characters "
                                                      "(ingest.max_article_chars)"]
    assert "Hawija" in ingested.events_of("long-line.txt")[0]["location"]


def test_a_word_of_100000_letters_does_not_stop_the_story_being_read(ingested):
    [event] = ingested.events_of("long-word.txt")
    assert (event["location"], event["fatalities"], event["injured"]) == ("Khanaqin", 2, 4)


@pytest.mark.parametrize("name, value, why", [
    ("published-future.json", "2999-01-01", "is out of range (1900 to {latest}): left unknown"),
    ("published-year-zero.json", "0000-01-01", "is not a date: left unknown"),
    ("published-feb-30.json", "2024-02-30", "is not a date: left unknown"),
    ("published-yesterday.json", "yesterday", "is not a date: left unknown"),
])
def test_an_impossible_publication_date_is_left_unknown_and_the_callers_applies(ingested, name,
                                                                               value, why):
    latest = dt.date.today() + dt.timedelta(days=2)
    assert warnings_of(ingested, name) == [f"published {value!r} {why.format(latest=latest)}"]
    assert f"warning: {ingested.folder / name}: published {value!r}" in ingested.stderr
    article = ingested.stored()[name]
    assert (article["published"], article["published_source"]) == (PUBLISHED, "caller")
    assert ingested.events_of(name)[0]["event_date"] == "2024-03-10"  # "on Sunday"


def test_an_absurd_death_toll_is_not_coded_as_fatalities(ingested):
    [event] = ingested.events_of("absurd.txt")
    assert event["location"] == "Mosul"
    assert event["fatalities"] == 0 and event["fatalities_reported"] == []


def test_an_absurd_count_statement_is_not_stored_and_a_plausible_one_is(ingested):
    article_id = ingested.stored()["absurd.txt"]["id"]
    counts = rows(ingested.db, f"SELECT count FROM aggregates WHERE article_id = '{article_id}'")
    assert counts == [(40,)]


def test_coordinates_in_an_article_record_are_not_imported(ingested):
    """No reader takes coordinates from its input: places come from the gazetteer."""
    [event] = ingested.events_of("coordinates.json")
    assert event["location"] == "Tal Afar"
    assert (round(event["latitude"]), round(event["longitude"])) == (36, 42)


# ------------------------------------------------------------------------- the same in Python
@pytest.mark.parametrize("kind", ["duckdb", "postgres"])
def test_an_absurd_count_statement_does_not_stop_the_ingest(request, tmp_path, pipeline, kind):
    """It once did: ten billion overflowed the stores' INTEGER column and the batch, and the
    ingest with it, failed."""
    (tmp_path / "absurd.txt").write_text(ABSURD, encoding="utf-8")
    (tmp_path / "plain.txt").write_text(report("Kirkuk"), encoding="utf-8")
    db = (request.getfixturevalue("postgres_url") if kind == "postgres"
          else str(tmp_path / "store.duckdb"))
    done = workflow.ingest([str(tmp_path)], db=db, pipeline=pipeline, published=PUBLISHED)
    assert (done.read, done.stored, done.skipped) == (2, 2, [])
    with open_store(db) as store:
        assert store.counts()["articles"] == 2
        assert [(a.count, a.what) for a in store.aggregates()] == [(40, "attacks on checkpoints")]


def test_a_callers_publication_date_in_the_future_is_left_unknown_too(tmp_path, pipeline):
    (tmp_path / "plain.txt").write_text(report("Kirkuk"), encoding="utf-8")
    db = str(tmp_path / "store.duckdb")
    done = workflow.ingest([str(tmp_path)], db=db, pipeline=pipeline,
                           published=dt.date(2999, 1, 1))
    latest = dt.date.today() + dt.timedelta(days=2)
    assert f"{tmp_path / 'plain.txt'}: --published 2999-01-01 is out of range (1900 to " \
           f"{latest}): left unknown" in done.warnings
    assert rows(db, "SELECT published, published_source FROM articles") == [(None, None)]
    assert [e.event_date for e in workflow.events(db=db)] == [None]  # "on Sunday": unresolved
