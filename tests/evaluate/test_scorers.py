"""Each dataset's scorer end to end on a small fixture in that dataset's format
(tests/fixtures/eval/, texts written for these tests), plus the helpers a scorer's figures rest on.

Assertions about extraction stay with clear-cut texts: a plainly reported airstrike, an
earthquake with no attack, a note that reports nothing violent."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.document import Document
from eventwire.errors import EvalError
from eventwire.evaluate import Report, evaluate
from eventwire.evaluate.acled import acled_date, article_for
from eventwire.evaluate.case2021 import CASE_CLASS, CLASSES, TOPIC_CLASS, macro_f1, predicted_class
from eventwire.evaluate.common import in_range, read_jsonl
from eventwire.evaluate import gvdb
from eventwire.evaluate.gvdb import gold_of, score
from eventwire.evaluate.seed import ActorComparer
from eventwire.evaluate.ucdp_aec import country_name
from eventwire.evaluate.wikievents import Argument, gold_arguments, rebuild_text, same_argument
from eventwire.extractors.lexicon import load_taxonomy
from eventwire.extractors.topics import load_topics
from eventwire.records import Article

EVAL_FIXTURES = Path(__file__).parent.parent / "fixtures" / "eval"


def counts(report, name: str) -> tuple[int, int]:
    return report.fields[name].right, report.fields[name].total


@pytest.fixture(scope="module")
def acled_first(pipeline):
    """Only the first row: a Russian airstrike on a market in Jisr al-Shughur, three killed."""
    return evaluate(EVAL_FIXTURES / "acled.csv", pipeline=pipeline, limit=1)


@pytest.fixture(scope="module")
def acled_two(pipeline):
    """The airstrike and a second row whose note reports a council meeting (nothing violent)."""
    return evaluate(EVAL_FIXTURES / "acled.csv", pipeline=pipeline, limit=2)


# ---------------------------------------------------------------- ACLED
@pytest.mark.parametrize("value, expected", [
    ("1-Dec-23", dt.date(2023, 12, 1)), ("2023-12-01", dt.date(2023, 12, 1)),
    ("01 December 2023", dt.date(2023, 12, 1)), (" 15-Mar-24 ", dt.date(2024, 3, 15)),
    ("yesterday", None), ("2023-13-01", None), ("", None), (None, None),
])
def test_acled_dates_in_every_export_form(value, expected):
    assert acled_date(value) == expected


def test_an_acled_row_is_read_as_an_article_of_its_note():
    row = {"event_id_cnty": "SYR1", "event_date": "3-Dec-23", "notes": "On 3 December 2023, ...",
           "source": "Local Monitor"}
    article = article_for(row)
    assert (article.id, article.text, article.published) == ("SYR1", "On 3 December 2023, ...",
                                                             dt.date(2023, 12, 3))
    assert article.outlet == "Local Monitor"


def test_a_plain_airstrike_note_scores_its_type_and_fatalities_right(acled_first):
    assert acled_first.dataset == "acled" and acled_first.articles == 1
    for name in ("found", "event_type", "sub_event_type", "fatalities", "date"):
        assert counts(acled_first, name) == (1, 1), name
    assert acled_first.misses == []


def test_a_note_with_nothing_violent_is_not_found_and_counts_wrong(acled_two):
    assert counts(acled_two, "found") == (1, 2)
    assert counts(acled_two, "event_type") == (1, 2)
    assert counts(acled_two, "fatalities") == (1, 2)
    assert "SYR900002: event_type 'Strategic developments', got 'nothing'" in acled_two.misses
    assert not any(m.startswith("SYR900001") for m in acled_two.misses)


def test_a_field_the_row_leaves_blank_is_not_scored(acled_two):
    """The council-meeting row names no actor2, so only the airstrike row counts for it."""
    assert acled_two.fields["actor2"].total == 1


def test_the_whole_acled_file_is_scored_row_by_row(pipeline):
    report = evaluate(EVAL_FIXTURES / "acled.csv", pipeline=pipeline)
    assert report.articles == 3 and report.fields["found"].total == 3
    assert report.gold_events == 0  # one row, one event: no detection figures


# ---------------------------------------------------------------- CASE 2021
def test_case_snippets_get_their_classes(pipeline):
    report = evaluate(EVAL_FIXTURES / "case2021.tsv", pipeline=pipeline)
    assert report.score("class NATURAL_DISASTER") == 1.0
    assert report.score("class ART_MISS_ATTACK") == 1.0
    assert report.score("class ORG_CRIME") == 1.0
    assert report.misses == ["904: DIPLO, got NONE"]
    assert counts(report, "accuracy") == (3, 4)
    assert report.figures["macro_f1"] == 0.75


def test_a_snippet_with_no_event_and_no_cue_is_none(pipeline):
    document = pipeline.analyse_one(Article(text="The committee will meet again in the spring."))
    assert predicted_class(document) == "NONE"


def test_macro_f1_averages_the_classes_seen_or_predicted():
    pairs = [("AIR_STRIKE", "AIR_STRIKE"), ("AIR_STRIKE", "ARMED_CLASH"),
             ("ARMED_CLASH", "ARMED_CLASH"), ("DIPLO", "NONE")]
    # AIR_STRIKE 2/3, ARMED_CLASH 2/3, DIPLO 0; GRENADE neither seen nor predicted: skipped
    assert macro_f1(pairs, ("AIR_STRIKE", "ARMED_CLASH", "DIPLO", "GRENADE")) == 0.444
    assert macro_f1([("ARREST", "ARREST")], CLASSES) == 1.0
    assert macro_f1([], CLASSES) == 0.0


def test_a_class_only_ever_predicted_counts_against_macro_f1():
    assert macro_f1([("ARREST", "ARREST"), ("ARREST", "AGREEMENT")], CLASSES) == 0.333


def test_case_classes_cover_every_acled_sub_event_type_and_topic():
    sub_event_types = {s for subs in load_taxonomy().event_types.values() for s in subs}
    assert set(CASE_CLASS) == sub_event_types
    assert set(TOPIC_CLASS) == {topic.name for topic in load_topics()}
    assert len(set(CLASSES)) == 30


# ---------------------------------------------------------------- UCDP-AEC
@pytest.mark.parametrize("ucdp, expected", [
    ("Yemen (North Yemen)", "Yemen"), ("Afghanistan", "Afghanistan"), ("Syria", "Syria"),
    ("Ruritania (Old Ruritania)", "Ruritania"),
])
def test_ucdp_country_names_are_read_as_eventwire_names_them(pipeline, ucdp, expected):
    assert country_name(pipeline.resources.gazetteer, ucdp) == expected


def test_an_attack_in_an_afghan_province_is_found_in_afghanistan(pipeline):
    report = evaluate(EVAL_FIXTURES / "ucdp_aec.jsonl", pipeline=pipeline, limit=1)
    assert counts(report, "found_in_country") == (1, 1)
    assert counts(report, "deaths_in_range") == (1, 1)  # "killing four policemen", UCDP 4-4
    assert counts(report, "date_in_range") == (1, 1)    # "on Sunday", published Monday


def test_an_article_with_no_event_misses_its_country(pipeline):
    report = evaluate(EVAL_FIXTURES / "ucdp_aec.jsonl", pipeline=pipeline)
    assert counts(report, "found_in_country") == (1, 2)
    assert report.misses == ["900102: no event in Yemen"]
    assert all(tally.total == 2 for tally in report.fields.values())


def test_in_range_needs_a_value_and_both_bounds():
    assert in_range(4, 4, 4) and in_range(2, 0, 5)
    assert not in_range(6, 0, 5)
    assert not in_range(None, 0, 5) and not in_range(3, None, 5) and not in_range(3, 0, None)


# ---------------------------------------------------------------- WikiEvents
@pytest.fixture(scope="module")
def wiki_record() -> dict:
    return read_jsonl(EVAL_FIXTURES / "wikievents.jsonl")[0]


def test_rebuilt_text_puts_every_token_at_its_offsets(wiki_record):
    text, offsets = rebuild_text(wiki_record)
    assert [text[start:end] for start, end in offsets] == wiki_record["tokens"]
    assert "Kandahar\nMilitants" in text
    assert "KandaharMilitants" in wiki_record["text"]  # why the text is rebuilt


def test_a_gold_span_covers_exactly_its_entity(wiki_record):
    text, offsets = rebuild_text(wiki_record)
    for entity in wiki_record["entity_mentions"]:
        start, end = offsets[entity["start"]][0], offsets[entity["end"] - 1][1]
        assert text[start:end] == entity["text"]


def test_gold_arguments_come_from_attack_events_only(wiki_record):
    text, offsets = rebuild_text(wiki_record)
    golds = gold_arguments(wiki_record, offsets)
    assert {role: {a.text for a in args} for role, args in golds.items()} == {
        "attacker": {"Militants"}, "target": {"police checkpoint"}, "place": {"Kandahar"}}
    (place,) = golds["place"]
    assert text[place.start:place.end] == "Kandahar"


def test_arguments_match_by_overlap_or_by_name():
    actors = ActorComparer()
    gold = Argument(10, 27, "police checkpoint")
    assert same_argument(gold, Argument(17, 27, "checkpoint"), actors)
    assert same_argument(Argument(0, 8, "Kandahar"), Argument(90, 98, "Kandahar"), actors)
    assert not same_argument(gold, Argument(40, 52, "two officers"), actors)


def test_wikievents_attacker_and_place_are_found(pipeline):
    report = evaluate(EVAL_FIXTURES / "wikievents.jsonl", pipeline=pipeline)
    assert report.articles == 2
    assert counts(report, "attacker recall") == (1, 1)
    assert counts(report, "place recall") == (1, 1)
    assert set(report.figures) == {"attacker_f1", "target_f1", "place_f1"}


# ---------------------------------------------------------------- GVDB
def victim(*was: str) -> dict:
    return {"gender": "Male", "victim-was": list(was)}


def gvdb_row(victims: list[dict], city: str = "", date: str = "") -> dict[str, str]:
    gold = {"date-and-time": {"city": {"startIndex": -1, "endIndex": -1, "value": city},
                              "date": date},
            "victim-section": victims}
    return {"Article id": "77", "Full text": "...", "Json": json.dumps(gold)}


def test_gvdb_gold_counts_killed_and_injured_victims():
    row = gvdb_row([victim("killed"), victim("killed"), victim("injured"), victim(),
                    victim("killed", "injured")], city="Toledo", date="2015-8-23")
    assert gold_of(row) == {"killed": 3, "injured": 2, "city": "Toledo",
                            "date": dt.date(2015, 8, 23)}


def test_gvdb_gold_with_no_victims_or_city():
    assert gold_of(gvdb_row([])) == {"killed": 0, "injured": 0, "city": None, "date": None}


def test_unreadable_gvdb_gold_names_the_article():
    row = {"Article id": "77", "Json": "{not json"}
    with pytest.raises(EvalError, match="gold JSON unreadable") as caught:
        gold_of(row)
    assert caught.value.source == "gvdb article 77"


def test_gvdb_shootings_score_killed_injured_and_city(pipeline):
    report = evaluate(EVAL_FIXTURES / "gvdb.tsv", pipeline=pipeline)
    assert counts(report, "killed") == (2, 2)
    assert counts(report, "injured") == (2, 2)
    assert counts(report, "city") == (1, 1)  # only the Memphis article gives a city
    assert report.misses == []


def test_an_article_with_no_event_counts_as_nobody_killed_or_injured():
    report, nothing = Report(name="gvdb.tsv", dataset="gvdb"), Document(Article(text="..."))
    score(report, gvdb_row([]), nothing)
    score(report, gvdb_row([victim("killed")], city="Toledo"), nothing)
    assert counts(report, "killed") == (1, 2)
    assert counts(report, "injured") == (2, 2)
    assert counts(report, "city") == (0, 1)
    assert report.misses == ["77: killed 1/0, injured 0/0 (gold/got)",
                             "77: city Toledo/no event (gold/got)"]


@pytest.mark.parametrize("gold_city, right", [("Chicago", True), ("Rogers Park", True),
                                              ("Cook County", True), ("Evanston", False)])
def test_a_gvdb_city_meets_either_part_of_a_city_and_its_part(gold_city, right):
    from eventwire.records import Mention
    document = Document(Article(text="..."))
    document.mentions = [Mention(location="Chicago - Rogers Park", admin2="Cook County", role="main")]
    report = Report(name="gvdb.tsv", dataset="gvdb")
    score(report, gvdb_row([], city=gold_city), document)
    assert counts(report, "city") == (int(right), 1)


def test_seed_matching_compares_area_level_predictions_by_admin1():
    from eventwire.evaluate.seed import _place_ok
    from eventwire.records import Mention
    gold = {"lat": 34.39, "lon": 40.99, "admin1": "Anbar", "country": "Iraq"}
    town = Mention(latitude=34.38, longitude=41.0, geo_precision=1, admin1="Anbar", country="Iraq")
    region = Mention(latitude=33.0, longitude=42.0, geo_precision=3, admin1="Anbar", country="Iraq")
    country = Mention(latitude=33.2, longitude=43.7, geo_precision=3, country="Iraq")
    nowhere = Mention()
    assert [_place_ok(gold, m) for m in (town, region, country, nowhere)] == [True, True, False, False]


@pytest.mark.parametrize("value, city", [
    ("Chicago ", "Chicago"),
    ("publication date: 1/27/2016Woman shot on east side\nDETROIT", "DETROIT"),
    ("West Philadelphia", "Philadelphia"),
    ("unincorporated Adams County", "Adams County"),
    ("Sparta.", "Sparta"),
    ("", None),
])
def test_gvdb_city_values_are_read_as_the_city_they_name(value, city):
    assert gvdb.gold_city(value) == city


def test_gvdb_cities_meet_whatever_their_spelling_of_saint_or_the():
    assert gvdb.city_key("St. George") == gvdb.city_key("Saint George")
    assert gvdb.city_key("Bronx") == gvdb.city_key("The Bronx")
    assert gvdb.city_key("DESOTO") == gvdb.city_key("De Soto")
    assert gvdb.city_key("York") != gvdb.city_key("New York")
