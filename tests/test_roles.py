"""Roles of an article's events (roles.py): its news, other recent events, older ones."""
from __future__ import annotations

import datetime as dt
import json

from eventwire.records import Article

from tests.conftest import analyse

WAVE = ("BAGHDAD — The United States carried out a wave of air strikes on Friday against targets "
        "in Iraq and Syria, officials said.\n\n"
        "US Central Command said the raids lasted about half an hour.\n\n"
        "In Iraq, the strikes hit positions near Al-Qaim, a town on the Syrian border, Iraqi "
        "security sources said. In Syria, US aircraft struck sites around al-Mayadin, a monitor said.")


def test_events_that_tell_the_ledes_news_in_detail_are_main_news_too(pipeline):
    """The lede places its strikes in two countries only; the strikes of that day near Al-Qaim
    and around al-Mayadin, told further down, are that news in detail, not side stories."""
    document = analyse(pipeline, WAVE, published=dt.date(2024, 2, 3))
    roles = {m.location: m.role for m in document.mentions if m.sub_event_type == "Air/drone strike"}
    assert roles.get("Al-Qaim") == "main" and roles.get("Al Mayadin") == "main"


def test_an_event_of_another_day_or_kind_stays_a_side_story(pipeline):
    text = WAVE + "\n\nOn Wednesday, gunmen attacked a checkpoint near Al-Qaim, police said."
    document = analyse(pipeline, text, published=dt.date(2024, 2, 3))
    [checkpoint] = [m for m in document.mentions if m.event_date == dt.date(2024, 1, 31)]
    assert checkpoint.role == "secondary"


def test_a_broad_event_told_in_detail_in_every_one_of_its_countries_is_their_sum(pipeline):
    """The sample report of the US strikes of 2 February 2024: "strikes against more than 85
    targets in Iraq and Syria", then the strikes near Al-Qaim, around al-Mayadin and near Albu
    Kamal. ACLED codes one event per location; the broad one, which has none, would be counted
    twice, and placed at the dateline's Baghdad."""
    [record] = [json.loads(line) for line in open("examples/articles/articles.jsonl", encoding="utf-8")
                if '"tigris-dispatch-2024-02-03-us-strikes"' in line]
    article = Article(text=record["text"], id=record["id"], title=record["title"],
                      published=dt.date(2024, 2, 3))
    strikes = [m for m in pipeline.analyse_one(article).mentions
               if m.sub_event_type == "Air/drone strike" and m.event_date == dt.date(2024, 2, 2)]
    assert sorted(m.location for m in strikes) == ["Al Mayadin", "Al-Qaim", "Albu Kamal"]
    assert {m.role for m in strikes} == {"main"}
