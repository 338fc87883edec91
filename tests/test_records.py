from __future__ import annotations

import datetime as dt

import pytest

from eventwire.errors import DateFormatError
from eventwire.records import (Aggregate, Article, Attribution, Event, Evidence, Mention, Source,
                               aggregate_from_json, aggregate_to_json, content_hash,
                               event_from_json, event_to_json, mention_from_json, mention_to_json)


def test_same_story_with_other_whitespace_has_the_same_id():
    assert Article(text="Rockets hit  a base.\r\n").id == Article(text="Rockets hit a base.").id
    assert content_hash("a") != content_hash("b")


def test_caller_id_wins_but_content_hash_is_kept():
    article = Article(text="Rockets hit a base.", id="wire-42")
    assert article.id == "wire-42" and article.content_hash == content_hash("Rockets hit a base.")


def test_event_json_round_trip():
    event = Event(event_id="ev1", role="main", event_date=dt.date(2023, 12, 11), time_precision=1,
                  date_range=None, claimed_by=["Islamic Resistance in Iraq"],
                  attributed_to=[Attribution("Kataib Hezbollah", "Pentagon")],
                  sources=[Source("a1", "https://example.org/a", evidence=[Evidence("trigger", 1, 5, "fire")])])
    data = event_to_json(event)
    assert data["event_date"] == "2023-12-11"
    assert event_from_json(data) == event


def test_mention_json_round_trip_keeps_how_many_events_its_article_told():
    mention = Mention(mention_id="m1", article_id="a1", role="main", keywords=["forte"],
                      event_date=dt.date(2023, 12, 11), role_count=2)
    assert mention_from_json(mention_to_json(mention)) == mention
    stored_before = {k: v for k, v in mention_to_json(mention).items() if k != "role_count"}
    assert mention_from_json(stored_before).role_count == 0  # not known: a store written before


def test_aggregate_json_round_trip():
    agg = Aggregate(count=92, what="attacks", qualifier="at least", aggregate_id="a1",
                    period=(dt.date(2023, 10, 17), dt.date(2023, 12, 11)))
    data = aggregate_to_json(agg)
    assert data["role"] == "aggregate" and data["period"] == ["2023-10-17", "2023-12-11"]
    assert aggregate_from_json(data) == agg


def test_publication_date_given_as_a_timestamp_or_iso_text_is_a_day():
    assert Article(text="x", published=dt.datetime(2023, 12, 1, 18, 30)).published == dt.date(2023, 12, 1)
    assert Article(text="x", published="2023-12-01").published == dt.date(2023, 12, 1)
    with pytest.raises(DateFormatError, match="'soon'"):
        Article(text="x", published="soon")
