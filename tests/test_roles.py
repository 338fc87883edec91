"""Roles of an article's events (roles.py): its news, other recent events, older ones."""
from __future__ import annotations

import datetime as dt

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
