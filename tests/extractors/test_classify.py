"""ACLED's hierarchy on hand-built frames (no parsing: the decision logic alone)."""
from __future__ import annotations

from eventwire.document import Frame
from eventwire.extractors.classify import classify
from eventwire.extractors.lexicon import load_taxonomy


def classified(**fields) -> Frame:
    frame = Frame(**fields)
    classify(frame, load_taxonomy())
    return frame


def test_remote_weapon_decides_even_against_civilians():
    frame = classified(event_class="attack", weapons=["airstrike"], target_civilians=True)
    assert frame.sub_event_type == "Air/drone strike"
    assert frame.civilian_targeting == "Civilian targeting"
    assert frame.plover == {"type": "ASSAULT", "mode": "aerial"}


def test_first_remote_weapon_in_acled_order_wins():
    assert classified(event_class="attack", weapons=["rocket", "drone"]).sub_event_type == "Air/drone strike"
    assert classified(event_class="attack", weapons=["IED", "firearms"]).sub_event_type == "Remote explosive/landmine/IED"


def test_interception_is_disrupted_weapons_use():
    frame = classified(event_class="intercept", weapons=["drone"])
    assert (frame.event_type, frame.sub_event_type) == ("Strategic developments", "Disrupted weapons use")
    assert frame.intercepted is True and frame.disorder_type == "Strategic developments"


def test_firearms_against_civilians_or_armed_actors():
    assert classified(event_class="attack", weapons=["firearms"], inter2=7).sub_event_type == "Attack"
    assert classified(event_class="attack", weapons=["firearms"], inter2=1).sub_event_type == "Armed clash"


def test_a_fight_with_an_armed_target_is_a_clash_though_civilians_die_in_it():
    frame = classified(event_class="attack", weapons=["firearms"], inter2=3, target_civilians=True)
    assert (frame.event_type, frame.sub_event_type) == ("Battles", "Armed clash")
    assert frame.civilian_targeting is None


def test_territory_depends_on_who_takes_it():
    taken = {"event_class": "territory", "territorial_target": True}
    assert classified(**taken, inter1=1).sub_event_type == "Government regains territory"
    assert classified(**taken, inter1=2).sub_event_type == "Non-state actor overtakes territory"


def test_seizing_a_car_is_not_taking_territory():
    assert classified(event_class="territory", inter1=2).sub_event_type == "Looting/property destruction"


def test_a_protest_is_typed_by_how_it_went():
    assert classified(event_class="protest").sub_event_type == "Peaceful protest"
    assert classified(event_class="protest", protest_outcome="intervention").sub_event_type == "Protest with intervention"
    assert classified(event_class="protest", protest_outcome="excessive").sub_event_type \
        == "Excessive force against protesters"


def test_crowds_fighting_are_riots_whatever_the_weapon():
    assert classified(event_class="attack", weapons=["IED"], inter1=5).sub_event_type == "Mob violence"
    assert classified(event_class="clash", inter1=6).sub_event_type == "Violent demonstration"


def test_strikes_are_airstrikes_only_when_a_state_strikes():
    assert classified(event_class="attack", state_weapon="airstrike", inter1=1).weapon == "airstrike"
    assert classified(event_class="attack", state_weapon="airstrike", inter1=3).weapon is None

