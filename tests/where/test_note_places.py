"""Places as coders' notes write them: a name with its areas in brackets that the tagger
misreads, the area naming the country the note never names, "Augusta (Georgia)", a city
district written "<City> - <District>", and the place a note says it was coded to. Sentences
written for these tests."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from eventwire.document import AREA_RELATION, WITHIN_RELATION, PlaceRef
from eventwire.entity_repairs import relabel_places
from eventwire.where.coded import CODED_RELATION
from eventwire.where.refs import drop_coded_abroad
from eventwire.where.resolve import Resolver
from tests.conftest import analyse, mentions_in, only_mention as only


def test_an_unknown_name_before_its_bracketed_areas_is_placed_in_them(pipeline):
    """The gazetteer lacks the village; the district and state in brackets still place it,
    imprecisely, whatever the tagger called the name."""
    m = only(pipeline, "On 1 December 2023, RSF fighters shelled homes in Umm Dawanban "
                       "(Sharg An Neel, Khartoum), killing two residents.")
    assert (m.admin1, m.country) == ("Khartoum", "Sudan")
    assert m.geo_precision == 2


def test_a_town_is_preferred_to_its_district_when_its_province_is_named(pipeline):
    """"Kef (Kef Ouest, Kef)": the town, not the province of the same name."""
    m = only(pipeline, "On 1 December 2023, nurses organized a protest in front of the regional "
                       "hospital in El Kef (Kef Ouest, Kef) to demand unpaid bonuses.")
    assert (m.location, m.country, m.geo_precision) == ("El Kef", "Tunisia", 1)


def test_a_bracketed_area_names_the_country_for_a_small_town(pipeline):
    """A note never names Mali; its bracketed areas do, so the hamlet is no false friend and
    the killing in the next sentence is placed there."""
    m = only(pipeline, "On 1 December 2023, soldiers carried out a sweep in Tominian (Tominian, Segou). "
                       "One herder was killed.")
    assert (m.location, m.admin1, m.country) == ("Tominian", "Segou", "Mali")


def test_a_state_in_brackets_is_not_the_country_of_that_name(pipeline):
    m = only(pipeline, "On 1 December 2023, about 80 people protested outside the federal courthouse "
                       "in Augusta (Georgia) against the deportation of a pastor.")
    assert (m.location, m.admin1, m.country) == ("Augusta", "Georgia", "United States")


def test_a_town_written_with_its_areas_beats_a_foreign_name_in_an_aside(pipeline):
    """The traders' home towns in the aside lie in Pakistan; the protest, written with its
    district and state, in India."""
    m = only(pipeline, "On 1 December 2023, traders (from Sialkot and Narowal) staged a protest "
                       "in Phagwara city (Kapurthala, Punjab) against a new levy.")
    assert (m.location, m.country) == ("Phagwara", "India")


def test_a_city_district_written_the_acled_way_lies_in_its_city(pipeline):
    m = only(pipeline, "On 1 December 2023, union members held a rally in front of the city council "
                       "building (Seoul City - Mapo) against the closure of a bus depot.")
    assert (m.location, m.country) == ("Seoul", "South Korea")


def test_the_place_a_note_was_coded_to_is_the_events_place(pipeline):
    """The text names Khan Yunis; the coder placed the strike in Bani Suhayla."""
    m = only(pipeline, "On 1 December 2023, Israeli aircraft struck a house east of Khan Yunis "
                       "(coded to Bani Suheila) (Khan Yunis, Gaza Strip). Casualties unknown.")
    assert (m.location, m.admin1, m.country) == ("Bani Suhayla", "Gaza Strip", "Palestine")
    assert m.geo_precision == 2  # a stand-in for the wider area the text names


def test_a_coded_place_the_gazetteer_lacks_leaves_the_named_places(pipeline):
    m = only(pipeline, "On 1 December 2023, warplanes struck militant positions in the Hama desert "
                       "coded to Qasr Ibn Wardan Zzz. Casualties unknown.")
    assert (m.admin1, m.country) == ("Hama", "Syria")


def test_a_coded_figure_is_no_place(pipeline):
    m = only(pipeline, "On 1 December 2023, shelling hit homes in Beit Lahiya, leaving an unspecified "
                       "number of fatalities, coded as 10.")
    assert m.location == "Beit Lahia"


def test_a_name_tagged_as_a_date_before_a_settlement_word_is_a_place(pipeline):
    """The stock tagger reads some Burmese town names as dates ("Mohnyin township"); before a
    settlement word and known to the gazetteer, such a name is a place."""
    nlp = pipeline.resources.analyzer.nlp
    doc = nlp.make_doc("Fighting broke out in Hpakant township (Hpakant district, Kachin state).")
    doc.ents = [Span(doc, 4, 5, label="DATE")]
    relabel_places(doc, pipeline.resources.analyzer.is_place)
    assert [(e.text, e.label_) for e in doc.ents][0] == ("Hpakant", "GPE")


def test_a_note_places_its_events_at_the_first_place_it_names(pipeline):
    """The place is named only in a sentence that reports no event; the riot told after it
    lies there."""
    m = only(pipeline, "On 1 December 2023, tensions rose among farmers of Ali al-Gharbi district "
                       "(Maysan) over water shares. Later, rioters set fire to the gate of the "
                       "district council building.")
    assert (m.admin1, m.country, m.geo_precision) == ("Maysan", "Iraq", 3)


def test_a_story_with_a_precisely_placed_event_keeps_its_other_events_there(pipeline):
    """The first place named is the province; the story's own news is in a town, so its
    other events are not moved to the province."""
    found = mentions_in(pipeline, "On 1 December 2023, militants attacked an army post in Ariha, "
                                  "in Idlib province, killing two soldiers. Separately, gunmen "
                                  "killed a shepherd.")
    assert found and all(m.admin1 == "Idleb" for m in found)
    assert "Ariha" in [m.location for m in found]


def test_acled_region_names_are_found_and_printed(pipeline):
    """ACLED's English region names: Somalia's "Lower Shabelle", Myanmar's "Shan-North"."""
    gazetteer = pipeline.resources.gazetteer
    assert [p.display for p in gazetteer.lookup("Lower Shabelle") if p.kind == "admin1"] == ["Lower Shabelle"]
    assert [p.display for p in gazetteer.lookup("Shan-North") if p.kind == "admin1"] == ["Shan"]
    assert [p.display for p in gazetteer.lookup("South Gyeongsang")] == ["South Gyeongsang"]


def test_the_areas_after_a_town_agree_on_one_country(pipeline):
    """"(Boni, Tuy)": Boni alone reads as Bonn; with Burkina Faso's Tuy province after it,
    the unknown village lies in Tuy."""
    m = only(pipeline, "On 1 December 2023, JNIM militants stormed the village of Sarakui "
                       "(Boni, Tuy) and burned the market.")
    assert (m.admin2, m.country) == ("Tuy", "Burkina Faso")


def test_where_rockets_were_fired_from_is_not_where_they_fell(pipeline):
    found = mentions_in(pipeline, "On 1 December 2023, Hamas militants fired rockets from Gaza "
                                  "toward southern Israel, including Sderot (Ashqelon, HaDarom). "
                                  "One rocket hit a house.")
    assert found and {m.country for m in found} == {"Israel"}


def test_a_coded_place_read_abroad_gives_way_to_the_area_named_with_it(pipeline):
    """Unit: the coded name read as a Russian town, the state named with it in South Sudan."""
    gazetteer = pipeline.resources.gazetteer
    town = next(p for p in gazetteer.lookup("Vetluga") if p.kind == "city")
    state = next(p for p in gazetteer.lookup("Western Bahr el Ghazal") if p.kind == "admin1")
    coded = PlaceRef(0, 3, "Jur", 0, place=town, relation=CODED_RELATION, distance=0)
    area = PlaceRef(10, 30, "Western Bahr el Ghazal", 0, place=state, relation=AREA_RELATION)
    drop_coded_abroad([coded, area])
    assert coded.place is None and area.place is state


def test_a_states_ap_abbreviation_is_that_state(pipeline):
    """"St. Louis Park, Minn.": Minnesota, not a German town once called Minn."""
    resolver = Resolver(pipeline.resources.gazetteer, analyse(pipeline, "A quiet day."))
    for text, relation in (("Minn.", None), ("Minn", WITHIN_RELATION), ("Pa.", WITHIN_RELATION)):
        found = resolver.candidates(PlaceRef(0, 4, text, 0, relation=relation))
        assert [(p.kind, p.country_code) for p in found] == [("admin1", "US")], text
    bare = resolver.candidates(PlaceRef(0, 2, "Pa", 0))  # no dot, not after a town: a name
    assert "Pennsylvania" not in [p.name for p in bare]


#: places as coders' notes write them, each once a miss: the note, and what it must give
NOTE_PLACES = [
    pytest.param(  # the tagger cuts the name at "dos" (and reads it as a verb); not a "Paulo"
        "On 2 December 2023, in Sao Jose dos Campos (Sao Paulo), two rival gangs exchanged fire "
        "near a bus station. 1 fatality.",
        {"location": "Sao Jose dos Campos", "admin1": "Sao Paulo", "country": "Brazil"},
        id="name-cut-at-its-joining-word"),
    pytest.param(  # hung on the subject by the parser; "in" and the commas make it the place
        "On 2 December 2023, in Coatzacoalcos, Veracruz, delivery drivers held a protest against "
        "a rise in fuel prices.",
        {"location": "Coatzacoalcos", "country": "Mexico"}, id="town-set-off-after-in"),
    pytest.param(  # GeoNames has Santa Luzias only far from Campo Grande: the town places it
        "On 2 December 2023, in Campo Grande (Mato Grosso do Sul), an armed man shot and killed a "
        "shop owner in the Santa Luzia neighborhood. 1 fatality.",
        {"location": "Campo Grande", "admin1": "Mato Grosso do Sul"},
        id="far-neighbourhood-gives-way-to-its-town"),
    pytest.param(  # the gazetteer's only "Al Mina" is an Iranian hamlet: it names no country
        "On 2 December 2023, hundreds of people held a rally in Al Hudaydah - Shari al Mina "
        "(Al Mina) against the war.",
        {"country": "Yemen", "admin1": "Al Hudaydah"}, id="hamlet-area-names-no-country"),
    pytest.param(  # the city read with its district; the attacked place of the cause is not it
        "On 2 December 2023, 40 people protested in front of the Israeli embassy in Tokyo - "
        "Chiyoda against the Israeli attack on Gaza.",
        {"location": "Tokyo", "country": "Japan"}, id="city-district-not-the-protests-cause"),
    pytest.param(
        "On 2 December 2023, a student faction invaded the National Hospital, Abuja (Abuja "
        "Municipal, Federal Capital Territory) to attack members of a rival faction.",
        {"location": "Abuja", "country": "Nigeria"}, id="town-after-an-institution"),
    pytest.param(  # "Ain Issa" in the gazetteer: too few consonants to look up anywhere, letters
        # enough to compare with the towns of the province the brackets name
        "On 2 December 2023, SDF forces detained two men during a raid in Ein Issa (Ar Raqqa).",
        {"location": "Ain Issa", "admin1": "Ar Raqqa"}, id="short-name-respelt-in-its-province"),
]


@pytest.mark.parametrize("text, expected", NOTE_PLACES)
def test_a_notes_place_is_read_as_its_coder_wrote_it(pipeline, text, expected):
    m = only(pipeline, text)
    assert {field: getattr(m, field) for field in expected} == expected


def test_a_subject_hung_on_the_place_before_it_is_the_crowd(pipeline):
    m = only(pipeline, "On 2 December 2023, in Monterrey, Nuevo Leon, around 60 merchants blocked "
                       "Avenida Juarez in front of the city hall.")
    assert (m.sub_event_type, m.location) == ("Peaceful protest", "Monterrey")


def test_a_village_abroad_near_the_notes_town_is_no_namesake_of_a_place_it_names(pipeline):
    """"Al Hamra area coded to Nawa": Jordan's Al Hamra lies near Nawa across the border, but
    a note on Daraa means no Jordanian village; read so, it made a second country and split
    the event in two."""
    doc = analyse(pipeline, "On 1 December 2023, a landmine left from earlier clashes and planted "
                            "by unknown gunmen exploded in a farmland in Al Hamra area coded to Nawa "
                            "in Dara countryside, killing a worker employed by Nawa municipality.")
    [blast] = [m for m in doc.mentions if m.fatalities]
    assert (blast.sub_event_type, blast.location, blast.country) == \
        ("Remote explosive/landmine/IED", "Nawa", "Syria")
