"""Claims and attributions linked to the attack they refer to (extractors/claims.py), also from
the next sentence: sentences written for these tests, through the real spaCy model."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import only_mention

MONDAY = dt.date(2024, 3, 11)


def test_claim_in_the_next_sentence_reaches_back(pipeline):
    text = ("A drone hit the Harir air base north of Erbil on Monday, officials said.\n\n"
            "The attack was claimed by the Islamic Resistance in Iraq.")
    m = only_mention(pipeline, text, MONDAY)
    assert m.claimed_by == ["Islamic Resistance in Iraq"]
    assert m.actor1 == "Islamic Resistance in Iraq"


@pytest.mark.parametrize("verb", ["accepted", "took", "admitted"])
def test_taking_responsibility_in_the_next_sentence_is_a_claim(pipeline, verb):
    text = ("A drone hit the Harir air base north of Erbil on Monday, officials said.\n\n"
            f"The Islamic Resistance in Iraq {verb} responsibility for the attack.")
    assert only_mention(pipeline, text, MONDAY).claimed_by == ["Islamic Resistance in Iraq"]


def test_no_group_taking_responsibility_is_no_claim(pipeline):
    text = ("A drone hit the Harir air base north of Erbil on Monday, officials said.\n\n"
            "No group has taken responsibility for the attack.")
    assert only_mention(pipeline, text, MONDAY).claimed_by == []


def test_accusation_is_an_attribution_not_the_perpetrator(pipeline):
    text = ("Rockets struck a base near Erbil on Monday.\n\n"
            "Washington blamed Kataib Hezbollah for the attack.")
    m = only_mention(pipeline, text, MONDAY)
    assert [a.actor for a in m.attributed_to] == ["Kataib Hezbollah"]
    assert m.attributed_to[0].by == "Washington"
    assert m.actor1.startswith("Unidentified Armed Group")
