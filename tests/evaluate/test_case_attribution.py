"""CASE 2021 snippet classes (evaluate/case2021.py predicted_class): a snippet whose first
sentence is about who is responsible for an attack is an attribution (ATTRIB); a snippet that
reports the attack itself is the attack's class, even when a claim follows. Snippets written
for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.evaluate.case2021 import predicted_class
from tests.conftest import analyse

PUBLISHED = dt.date(2023, 12, 1)


def case_class(pipeline, text: str) -> str:
    return predicted_class(analyse(pipeline, text, PUBLISHED))


@pytest.mark.parametrize("text", [
    "The Islamic State group claimed responsibility for a car bomb that killed ten people at a "
    "market in Baghdad on 1 December 2023.",
    "Al-Shabaab claimed responsibility for the roadside bombing, which killed four soldiers near "
    "Mogadishu on 1 December 2023. The group said its fighters planted the device.",
    "The Taliban denied involvement in the bombing of a mosque in Kabul on 1 December 2023.",
])
def test_a_snippet_that_leads_with_a_claim_or_denial_is_an_attribution(pipeline, text):
    assert case_class(pipeline, text) == "ATTRIB"


@pytest.mark.parametrize("text", [
    "Kabul (XN). The interior minister said on 1 December 2023 that the Haqqani network was "
    "responsible for the bombing of a mosque in Kabul.",
    "Pakistan rejects Afghan accusations against its spy agency after the bombing of a mosque in "
    "Kabul on 1 December 2023.",
    "Army officials rejected the accusation of bombing a mosque in Kabul on 1 December 2023.",
    "Foreign fighters are suspected to be behind the twin blasts that rocked a church in Jolo on 1 "
    "December 2023, the interior ministry said.",
])
def test_blame_after_a_dateline_or_as_accusations_is_an_attribution(pipeline, text):
    assert case_class(pipeline, text) == "ATTRIB"


def test_a_denial_in_other_words_is_an_attribution(pipeline):
    assert case_class(pipeline, "The Taliban denied any role in the bombing of a mosque in Kabul "
                                "on 1 December 2023.") == "ATTRIB"


@pytest.mark.parametrize("text, expected", [
    ("A roadside bomb struck a military convoy near Mogadishu on 1 December 2023, killing four "
     "soldiers.", "REM_EXPLOS"),
    ("A car bomb exploded at a crowded market in Baghdad on 1 December 2023, killing ten people.",
     "REM_EXPLOS"),
    ("A suicide bomber blew himself up at a crowded market in Baghdad on 1 December 2023, killing "
     "ten people.", "SUIC_BOMB"),
    ("A car bomb exploded at a crowded market in Baghdad on 1 December 2023, killing ten people. "
     "The Islamic State group later claimed responsibility for the attack.", "REM_EXPLOS"),
])
def test_a_snippet_that_reports_the_bombing_is_the_bombing_s_class(pipeline, text, expected):
    assert case_class(pipeline, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Suicide bombers killed 19 people at a fish market in Maiduguri on 1 December 2023, in an "
     "attack blamed on Boko Haram.", "SUIC_BOMB"),
    ("Police in Kano arrested 30 men accused of having ties to an armed group on 1 December 2023.",
     "ARREST"),
])
def test_a_blame_that_only_describes_a_noun_leaves_the_snippet_about_the_act(pipeline, text, expected):
    """"an attack blamed on Boko Haram", "men accused of ...": the cue says who or what, the
    sentence still reports the bombing or the arrests."""
    assert case_class(pipeline, text) == expected


def test_someone_accusing_someone_is_still_an_attribution(pipeline):
    assert case_class(pipeline, "The government accused Boko Haram on 1 December 2023 of the bombing "
                                "of a fish market in Maiduguri.") == "ATTRIB"


@pytest.mark.parametrize("text", [
    "Ten Russian diplomats were expelled by Norway on 1 December 2023 after a nerve agent attack "
    "on a defector in Oslo.",
    "Moscow retaliated on 1 December 2023 over sanctions imposed by Rome after the bombing of an "
    "Italian convoy, and ordered the expulsion of six diplomats.",
])
def test_a_snippet_that_leads_with_a_diplomatic_act_is_diplomacy(pipeline, text):
    """The attack is named only as what provoked the expulsion or the retaliation."""
    assert case_class(pipeline, text) == "DIPLO"


@pytest.mark.parametrize("text, expected", [
    ("The UN envoy's convoy was hit by a roadside bomb near Mogadishu on 1 December 2023, killing "
     "four guards.", "REM_EXPLOS"),
    ("Rebel fighters will advance on Al-Bab after seizing the town of Dabiq from the Islamic State, "
     "the foreign minister said on 1 December 2023.", "NON_STATE_ACTOR_OVERTAKES_TER"),
])
def test_a_diplomatic_word_beside_the_act_leaves_the_snippet_about_the_act(pipeline, text, expected):
    """An envoy attacked is the attack; a foreign minister telling of a capture is the capture."""
    assert case_class(pipeline, text) == expected
