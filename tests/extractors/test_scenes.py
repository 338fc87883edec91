"""A sentence that tells when and where an event told before happened ("It happened Sunday
in ..."): its day and place go to that event, and it is never an event of its own."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import analyse, only_mention

WEDNESDAY = dt.date(2016, 8, 17)
SUNDAY_BEFORE = dt.date(2016, 8, 14)


@pytest.mark.parametrize("scene", [
    "It happened Sunday shortly after 9 p.m. outside a bar on Main Street.",
    "The incident occurred on Sunday evening outside a bar on Main Street.",
    "Police said it took place Sunday night outside a bar on Main Street.",
])
def test_a_scene_sentence_dates_the_event_before_it(pipeline, scene):
    text = f"A 22-year-old man was shot in the leg, police said. {scene} He is expected to recover."
    m = only_mention(pipeline, text, WEDNESDAY)
    assert m.event_date == SUNDAY_BEFORE
    assert m.time_precision == 1
    assert any(e.field == "event_date" and "Sunday" in e.text for e in m.evidence)


def test_a_scene_sentence_places_the_event_before_it(pipeline):
    text = ("A teenager was wounded by gunfire while walking home, deputies said. "
            "The incident happened Saturday in Fayetteville, Arkansas.")
    m = only_mention(pipeline, text, WEDNESDAY)
    assert m.location == "Fayetteville" and m.admin1 == "Arkansas"
    assert m.event_date == dt.date(2016, 8, 13)


def test_a_scene_sentence_alone_is_no_event(pipeline):
    document = analyse(pipeline, "It happened Monday in Denver. Nobody was around.", WEDNESDAY)
    assert document.mentions == []


def test_a_scene_too_far_from_any_event_dates_nothing(pipeline):
    text = ("A man was shot dead on a porch in Memphis, police said. Neighbours gathered on the "
            "lawn. A pastor led a prayer. Children played in the street. It happened on Sunday "
            "in Nashville.")
    m = only_mention(pipeline, text, WEDNESDAY)
    assert m.event_date != SUNDAY_BEFORE and m.location == "Memphis"


@pytest.mark.parametrize("scene", [
    "It did not happen on Sunday, police stressed.",
    "Police said it may have happened on Sunday evening.",
    "A vigil will take place on Sunday in the park.",
])
def test_what_did_not_or_will_happen_dates_nothing(pipeline, scene):
    text = f"A woman was stabbed in a parking lot in Tulsa, police said. {scene}"
    m = only_mention(pipeline, text, WEDNESDAY)
    assert m.event_date != SUNDAY_BEFORE
