"""One record to one Article: the interchange rules every reader shares."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.errors import ReadError
from eventwire.ingest.record import RecordContext, article_from_record, record_or_error
from eventwire.records import content_hash

CONTEXT = RecordContext(max_chars=1000)
CALLER = RecordContext(max_chars=1000, published=dt.date(2024, 3, 5))
LEDE = "KIRKUK, Iraq (AFP) - Gunmen killed two guards at a checkpoint on Sunday."


def test_a_full_record_fills_every_field():
    article = article_from_record(
        {"id": "afp-123", "url": "https://example.com/a", "outlet": "Example Wire",
         "title": "Gunmen kill two guards", "published": "2024-03-03", "text": LEDE},
        "feed.jsonl:4", CONTEXT)
    assert article.id == "afp-123"
    assert (article.url, article.outlet) == ("https://example.com/a", "Example Wire")
    assert article.title == "Gunmen kill two guards"
    assert article.text == f"Gunmen kill two guards\n\n{LEDE}"
    assert (article.published, article.published_source) == (dt.date(2024, 3, 3), "metadata")
    assert article.origin == "feed.jsonl:4" and article.warnings == []


def test_a_title_already_at_the_start_of_the_text_is_not_repeated():
    text = "GUNMEN KILL TWO GUARDS\n\n" + LEDE
    article = article_from_record({"title": "Gunmen  kill two guards", "text": text}, "a", CONTEXT)
    assert article.text == text


def test_without_an_id_the_id_is_the_content_hash_and_integers_become_strings():
    assert article_from_record({"text": LEDE}, "a", CONTEXT).id == content_hash(LEDE)
    assert article_from_record({"id": 42, "text": LEDE}, "a", CONTEXT).id == "42"


def test_the_callers_date_applies_only_to_articles_without_their_own():
    own = article_from_record({"text": LEDE, "published": "2024-03-03"}, "a", CALLER)
    none = article_from_record({"text": LEDE}, "a", CALLER)
    bad = article_from_record({"text": LEDE, "published": "next week"}, "a", CALLER)
    assert (own.published, own.published_source) == (dt.date(2024, 3, 3), "metadata")
    assert (none.published, none.published_source) == (dt.date(2024, 3, 5), "caller")
    assert (bad.published, bad.published_source) == (dt.date(2024, 3, 5), "caller")
    assert "next week" in bad.warnings[0]


def test_no_date_anywhere_leaves_the_date_unknown():
    article = article_from_record({"text": LEDE}, "a", CONTEXT)
    assert article.published is None and article.published_source is None


def test_a_long_text_is_cut_with_a_warning():
    article = article_from_record({"text": "x" * 1500}, "a", CONTEXT)
    assert len(article.text) == 1000
    assert article.warnings == ["text cut from 1500 to 1000 characters (ingest.max_article_chars)"]


def test_fields_of_the_wrong_type_are_ignored_with_a_warning():
    article = article_from_record({"text": LEDE, "title": ["a"], "id": 1.5, "url": 7}, "a", CONTEXT)
    assert (article.title, article.url, article.id) == (None, None, content_hash(LEDE))
    assert len(article.warnings) == 3


def test_nul_and_control_characters_in_the_text_are_removed():
    article = article_from_record({"text": "Two\x00 guards\x1b killed."}, "a", CONTEXT)
    assert article.text == "Two guards killed."
    assert article.warnings == ["removed 1 NUL character from the text"]


@pytest.mark.parametrize("record, reason", [
    ({}, '"text" is missing'),
    ({"text": 12}, '"text" is a number, not a string'),
    ({"text": None, "title": "x"}, '"text" is missing'),
    ({"text": " \n "}, "empty text"),
])
def test_a_record_without_usable_text_is_refused_naming_its_origin(record, reason):
    with pytest.raises(ReadError) as caught:
        article_from_record(record, "feed.jsonl:9", CONTEXT)
    assert (caught.value.source, caught.value.reason) == ("feed.jsonl:9", reason)


def test_record_or_error_returns_the_refusal_under_the_name_asked_for():
    error = record_or_error({}, "a.csv:3", CONTEXT, error_source="a.csv:row 3")
    assert isinstance(error, ReadError) and str(error) == 'a.csv:row 3: "text" is missing'
