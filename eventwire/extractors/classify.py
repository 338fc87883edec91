"""ACLED event type and sub-event type for a frame, and the derived PLOVER type and mode.

The decision follows ACLED's hierarchy: a remote-violence weapon decides the sub-type whatever
the target (the first in ``remote_weapon_order``); interceptions are Disrupted weapons use;
other attacks on civilians are Violence against civilians / Attack, on armed actors Battles /
Armed clash. Tables live in ``data/taxonomy.toml``.
"""
from __future__ import annotations

from ..document import Frame
from ..merging import specific_weapons
from .lexicon import Taxonomy

CIVILIAN_INTER = 7
#: ACLED inter codes of armed actors: state forces, rebels, political and identity militias,
#: external forces
ARMED_INTER = (1, 2, 3, 4, 8)
#: ACLED's Riots: violence by a crowd (inter 5 rioters, 7 civilians) or by protesters (6)
CROWD_INTER = {5: "Mob violence", 6: "Violent demonstration", 7: "Mob violence"}
RIOTERS_INTER = 5
VIOLENT_CLASSES = ("attack", "clash", "harm", "looting")


def _remote_sub_type(weapons: list[str], taxonomy: Taxonomy) -> str | None:
    for weapon in taxonomy.remote_weapon_order:
        if weapon in weapons:
            return taxonomy.remote_weapons[weapon]
    return None


def _targets_civilians(frame: Frame) -> bool:
    return frame.target_civilians or frame.inter2 == CIVILIAN_INTER


def _fights_armed_actor(frame: Frame) -> bool:
    """The named target is an armed actor (state forces, rebels, militias): ACLED codes the
    fight as Battles, even when civilians die in it ("attacked volunteer fighters (VDP). Two
    VDP and one civilian were killed")."""
    return frame.inter2 in ARMED_INTER


def sub_event_type(frame: Frame, taxonomy: Taxonomy) -> str:
    """ACLED sub-event type of a frame (see the module docstring for the order of decisions)."""
    cls = frame.event_class
    if cls == "territory" or cls in taxonomy.territorial_classes:
        return _territory_sub_type(frame, cls in taxonomy.territorial_classes)
    if cls in ("protest", "crowd") and frame.protest_outcome:
        return taxonomy.protest_outcomes[frame.protest_outcome]
    if cls in VIOLENT_CLASSES and frame.inter1 in CROWD_INTER:
        return _riot_sub_type(frame)  # rioters and crowds fighting: Riots, whatever the weapon
    if cls == "intercept" and _people_stopped(frame):
        return "Arrests"  # "intercepted 15 suspected members of a terrorist group"
    if cls in taxonomy.fixed_classes and cls != "clash":
        return taxonomy.fixed_classes[cls][1]
    remote = _remote_sub_type(frame.weapons, taxonomy)
    if remote and frame.fired_back:
        return "Armed clash"  # the bombed rebels answered with anti-aircraft guns
    if remote:
        return remote
    if cls == "clash":
        return "Armed clash"
    if _targets_civilians(frame) and not _fights_armed_actor(frame) and not frame.resisted:
        return "Attack"
    return "Armed clash"


def _riot_sub_type(frame: Frame) -> str:
    """Rioters in a demonstration riot as one ("protesters set fire to tyres and clashed with
    police"); elsewhere they are a mob, whoever they fight ("rioters clashed with forces during
    a raid", "a mob lynched a man")."""
    if frame.inter1 == RIOTERS_INTER and frame.in_demonstration and not _targets_civilians(frame):
        return "Violent demonstration"
    return CROWD_INTER[frame.inter1]


STATE_INTER = (1, 8)


def _people_stopped(frame: Frame) -> bool:
    """A state's forces intercepting people, not weapons or vehicles, arrest them."""
    return frame.inter1 in STATE_INTER and frame.target is not None and not frame.weapons \
        and not frame.target_refs


def _territory_sub_type(frame: Frame, always: bool = False) -> str:
    """Seizing a town is territorial; seizing a car is looting; seizing people is an arrest or
    an abduction (a target is territory when it is a named place or its head noun says so;
    seized weapons were made an interception when the frame was built)."""
    territorial = always or any(r.distance == 0 for r in frame.place_refs) or frame.territorial_target \
        or (frame.unopposed and frame.target is None)  # "entered Afrin without resistance"
    if not territorial and frame.target is not None:
        # people taken ("captured a senior commander", "seized two soldiers"): a state's forces
        # arrest them, anyone else abducts them
        return "Arrests" if frame.inter1 in STATE_INTER else "Abduction/forced disappearance"
    if not territorial:
        return "Looting/property destruction"
    if frame.unopposed:
        return "Non-violent transfer of territory"
    return "Government regains territory" if frame.inter1 == 1 else "Non-state actor overtakes territory"


def classify(frame: Frame, taxonomy: Taxonomy) -> None:
    """Fill event_type, sub_event_type, disorder_type, civilian_targeting, intercepted, plover."""
    if not frame.weapons and frame.state_weapon and frame.inter1 in STATE_INTER:
        frame.weapons.append(frame.state_weapon)
    sub = sub_event_type(frame, taxonomy)
    frame.sub_event_type = sub
    frame.event_type = taxonomy.event_type_of(sub)
    frame.disorder_type = taxonomy.disorder_types[frame.event_type]
    if frame.event_class == "intercept" and sub == "Disrupted weapons use":
        frame.intercepted = True
    if frame.event_type in ("Violence against civilians", "Explosions/Remote violence") \
            and _targets_civilians(frame):
        frame.civilian_targeting = "Civilian targeting"
    plover_type, mode = taxonomy.plover[sub]
    if sub == "Attack" and frame.weapons:
        mode = taxonomy.plover_weapon_modes.get(frame.weapons[0], mode)
    frame.plover = {"type": plover_type, "mode": mode}
    if frame.weapons and frame.weapon is None:
        frame.weapon = frame.weapons[0] if len(frame.weapons) == 1 else _main_weapon(frame, taxonomy)


def _main_weapon(frame: Frame, taxonomy: Taxonomy) -> str:
    """The first remote weapon by ``remote_weapon_order``, else the first weapon that names
    a kind ("fired a weapon ... a handgun": the handgun)."""
    for weapon in taxonomy.remote_weapon_order:
        if weapon in frame.weapons:
            return weapon
    return (specific_weapons(frame.weapons) or frame.weapons)[0]
