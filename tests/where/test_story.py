"""The story's own town: the dateline's, else the one the story is about, for events its
sentences place nowhere (or only in the town's country)."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.records import Article

from tests.conftest import analyse

JANUARY_27 = dt.date(2016, 1, 27)


def _main(pipeline, text: str):
    document = analyse(pipeline, text, JANUARY_27)
    return document, [m for m in document.mentions if m.role == "main"][0]


def test_an_event_placed_nowhere_lies_at_the_datelines_town(pipeline):
    text = ("Deputy wounded in parking lot shooting\n\n"
            "AURORA, Colo. (KXYZ) – An off-duty sheriff's deputy was shot and wounded on Tuesday "
            "night outside an apartment block, police said.")
    document, event = _main(pipeline, text)
    assert document.context["dateline_place"].admin1 == "Colorado"
    assert (event.location, event.admin1, event.geo_precision) == ("Aurora", "Colorado", 2)
    assert event.geo_source.startswith("dateline:")


def test_a_short_capitalised_dateline_is_an_outlet_not_a_town(pipeline):
    text = ("Officer fires at suspect\n\n"
            "DA: A suspect was shot and wounded by an officer on Friday after a car chase.")
    document, event = _main(pipeline, text)
    assert document.context["dateline_place"] is None
    assert not (event.geo_source or "").startswith("dateline:")


def test_a_place_the_sentence_names_beats_the_dateline(pipeline):
    text = ("Rockets hit base in Anbar\n\n"
            "BAGHDAD (Reuters) - Three rockets struck the Ain al-Asad air base in western Anbar "
            "province on Tuesday, the military said.")
    _, event = _main(pipeline, text)
    assert event.location == "Ain al-Asad Air Base"
    assert event.geo_precision == 1


def test_the_town_a_headline_names_places_an_event_given_only_its_country(pipeline):
    text = ("Aleppo doctors say hospitals are overwhelmed\n\n"
            "At least six people were killed when government helicopters dropped barrel bombs "
            "in Syria on Wednesday, rescue workers said.")
    _, event = _main(pipeline, text)
    assert (event.location, event.geo_precision) == ("Aleppo", 2)
    assert event.geo_source.startswith("story:")


def test_a_story_naming_distant_towns_keeps_the_country(pipeline):
    text = ("Syria talks stall as fighting goes on\n\n"
            "Envoys met in Geneva while diplomats in Moscow and Washington traded blame. "
            "At least four people were killed in an air strike in Syria on Wednesday, "
            "monitors said.")
    _, event = _main(pipeline, text)
    assert event.country == "Syria"
    assert event.geo_precision == 3


@pytest.mark.parametrize("url, published", [
    ("https://news.example/2016/01/26/man-shot-on-west-side/", dt.date(2016, 1, 26)),
    ("https://news.example/news/2016/jan/26/girl-shot-at-party/", dt.date(2016, 1, 26)),
    ("https://news.example/article/20150803/NEWS/150809844", dt.date(2015, 8, 3)),
    ("https://news.example/2099/01/01/future-story/", None),
    ("https://news.example/news/85422181-story", None),
])
def test_an_undated_article_takes_the_date_its_url_carries(pipeline, url, published):
    text = "Man shot on west side\n\nA man was shot and wounded on Monday night, police said."
    document = pipeline.analyse_one(Article(text=text, url=url))
    assert document.article.published == published
    if published is None:
        assert document.article.published_source is None
        return
    assert document.article.published_source == "url"
    assert any("taken from the URL" in w for w in document.article.warnings)
    monday = published - dt.timedelta(days=published.weekday())  # "on Monday" in a Monday story: that day
    assert [m.event_date for m in document.mentions] == [monday]


def test_a_date_from_the_record_is_not_replaced_by_the_urls(pipeline):
    article = Article(text="A man was shot and wounded on Monday night, police said.",
                      url="https://news.example/2016/01/26/story/", published=dt.date(2016, 2, 3),
                      published_source="metadata")
    document = pipeline.analyse_one(article)
    assert (document.article.published, document.article.published_source) == (
        dt.date(2016, 2, 3), "metadata")


@pytest.mark.parametrize("dateline, location, admin1", [
    ("FAYETTEVILLE, Ark. –", "Fayetteville", "Arkansas"),  # the state picks the namesake
    ("MILWAUKEE —", "Milwaukee", "Wisconsin"),            # the city, not its county
    ("YORK, Pa –", "York", "Pennsylvania"),               # a state without its full stop
    ("ALTURAS, Modoc County –", "Alturas", "California"),  # a county of one state only
    ("JACKSONVILLE, ONSLOW COUNTY -", "Jacksonville", "North Carolina"),
])
def test_the_dateline_reads_its_state_and_names_the_city(pipeline, dateline, location, admin1):
    text = (f"Man shot outside bar\n\n{dateline} A man was shot and killed outside a bar on "
            "Saturday night, police said.")
    _, event = _main(pipeline, text)
    assert (event.location, event.admin1) == (location, admin1)


@pytest.mark.parametrize("town_sentence, location", [
    ("Officers were sent to a house in the 300 block of Chestnut Street in Hummelstown Borough.",
     "Hummelstown"),
    ("The victim was later taken to a hospital in Harrisburg.", "Dauphin County"),
    ("", "Dauphin County"),
], ids=["town-of-the-county", "hospital-town-is-no-home", "no-town-named"])
def test_a_county_dateline_gives_way_to_the_one_town_of_it_the_story_names(
        pipeline, town_sentence, location):
    text = ("Teen wounded in shooting\n\nDAUPHIN COUNTY, Pa. (WXYZ) – A 15-year-old boy was shot "
            f"and wounded late Monday, police said. {town_sentence}")
    _, event = _main(pipeline, text)
    assert (event.location, event.admin1) == (location, "Pennsylvania")
    assert event.geo_source.startswith("dateline:")


def test_the_datelines_country_outweighs_a_country_the_story_mentions_once(pipeline):
    text = ("Veteran shot dead at his home\n\n"
            "LONGMONT, Colo. – A 34-year-old man was shot and killed at his home on Saturday, "
            "police said. His family had moved to the town from Israel in 2010.")
    _, event = _main(pipeline, text)
    assert (event.country, event.location) == ("United States", "Longmont")


def test_a_local_dateline_with_an_unknown_town_keeps_the_headline_out_of_regions_abroad(pipeline):
    """"MARLBOROUGH, N.Y. >>": the gazetteer knows no such town in New York, but the state
    says the story is local, so the headline's "Marlborough" is no region of New Zealand."""
    text = ("Woman critical after friend accidentally shoots her in Marlborough, police say\n\n"
            "MARLBOROUGH, N.Y. >> A 21-year-old woman was in critical condition after being shot "
            "in the face by a friend at a home in this Ulster County town on Sunday, state police said.")
    document = pipeline.analyse_one(Article(text=text, published=dt.date(2017, 2, 27)))
    assert {m.country for m in document.mentions} == {"United States"}


#: US local stories, which never name the United States: (headline and body, the event's
#: place as (location, admin1, country))
LOCAL_STORIES = [
    pytest.param(  # the headline's town outweighs the country a hospital is named after
        "Boy hurt when stray bullet comes through wall in Newark, New Jersey\n\n"
        "Officers were called to Beth Israel Hospital after a shooting was reported on Tuesday "
        "night. The boy's mother said he had woken her and told her he could not move his arm.",
        ("Newark", "New Jersey", "United States"), id="hospital-named-after-a-country"),
    pytest.param(  # California is also a small municipality in Parana, Brazil
        "Girl wounded in drive-by\n\n"
        "Police are investigating a drive-by shooting in the California neighborhood on Friday "
        "afternoon that left two people wounded.",
        ("California", "California", "United States"), id="state-not-foreign-municipality"),
    pytest.param(  # "Wawa" is a chain of shops here, not a town in the Philippines
        "Four shot on expressway, victims drive to Wawa\n\n"
        "A man died and four others were hurt in a shooting on Monday that led the victims to a "
        "South Jersey Wawa for help, New Jersey State Police said.",
        ("New Jersey", "New Jersey", "United States"), id="shop-named-like-a-foreign-town"),
    pytest.param(  # Dearborn is a Michigan city and an Indiana county; the story names Michigan
        "Woman shot by police outside mall\n\n"
        "A woman was shot and killed by police outside Dearborn's Fairlane Town Center on "
        "Wednesday. Her family, who moved to Michigan from Ohio, asked for the video.",
        ("Dearborn", "Michigan", "United States"), id="town-in-the-state-the-story-names"),
    pytest.param(  # Kenly (1,500 people) is plausible beside Wilson County, all of them American
        "Two hurt in bar shooting\n\n"
        "Two people were hurt during a shooting at a bar in Kenly on Sunday. Wilson County "
        "deputies said it happened just after midnight.",
        ("Kenly", "North Carolina", "United States"), id="county-makes-small-town-plausible"),
    pytest.param(  # Kensington: Brooklyn, Liverpool, and the one near the headline's Philadelphia
        "Teen shot in Philadelphia\n\n"
        "A 17-year-old was shot in the leg on Tuesday night in Kensington, police said.",
        ("Kensington", "Pennsylvania", "United States"), id="namesake-near-the-headlines-town"),
    pytest.param(  # the English town is as big; the county jail and the deputies are American
        "Woman shot at holiday party\n\n"
        "A woman was shot and wounded at a holiday party in Kettering on Saturday. Sheriff's "
        "deputies said the shooter was booked into the county jail on a felony charge.",
        ("Kettering", "Ohio", "United States"), id="wording-tells-the-unnamed-country"),
    pytest.param(  # London's Chelsea is bigger; a US broadcaster's call sign files the story
        "Man wounded in Chelsea\n\n"
        "CHELSEA (WBZX) - A 19-year-old man was wounded by gunfire outside a corner store in "
        "Chelsea on Friday night.",
        ("Chelsea", "Massachusetts", "United States"), id="call-sign-tells-the-datelines-country"),
    pytest.param(  # Jackson, Mississippi is the bigger; the story names Tennessee
        "11-year-old shot in Jackson\n\n"
        "An 11-year-old boy was shot and killed in Jackson on Saturday night, police said. His "
        "family had moved to Tennessee from Ohio last year.",
        ("Jackson", "Tennessee", "United States"), id="named-state-beats-a-bigger-namesake"),
    pytest.param(  # a big city has the state's name, but written after a town it is the state
        "Fatal shooting under investigation\n\n"
        "Police in Quincy, Washington are looking for a man who shot a neighbour dead on Sunday.",
        ("Quincy", "Washington", "United States"), id="state-written-as-a-towns-area"),
]


@pytest.mark.parametrize("text, place", LOCAL_STORIES)
def test_a_local_story_lands_in_its_own_state(pipeline, text, place):
    _, event = _main(pipeline, text)
    assert (event.location, event.admin1, event.country) == place


@pytest.mark.parametrize("dateline, published", [
    ("KANO, Nigeria (Jan. 8, 2015) –", dt.date(2015, 1, 8)),
    ("KANO, Nigeria (December 11, 2015) –", dt.date(2015, 12, 11)),
    ("KANO, Nigeria (Dec. 22 2015) --", dt.date(2015, 12, 22)),
    ("KANO, Nigeria (AP) —", None),  # a dateline without a date dates nothing
])
def test_an_article_dated_by_neither_record_nor_url_takes_the_date_its_dateline_gives(
        pipeline, dateline, published):
    text = f"Man shot outside market\n\n{dateline} A man was shot and wounded on Monday night, police said."
    document = pipeline.analyse_one(Article(text=text, url="https://news.example/news/85422181"))
    if published is None:
        assert (document.article.published, document.article.published_source) == (None, None)
        return
    assert (document.article.published, document.article.published_source) == (published, "dateline")
    assert any("taken from the dateline" in w for w in document.article.warnings)
    monday = published - dt.timedelta(days=published.weekday())
    assert [m.event_date for m in document.mentions] == [monday]


def test_the_urls_date_beats_a_datelines_old_year_slip(pipeline):
    text = "Man shot outside market\n\nKANO, Nigeria (Jan. 8, 2015) – A man was shot on Friday."
    document = pipeline.analyse_one(Article(text=text, url="https://news.example/2016/01/08/story/"))
    assert (document.article.published, document.article.published_source) == (
        dt.date(2016, 1, 8), "url")


def test_an_event_placed_only_in_the_towns_state_lies_at_the_town(pipeline):
    text = ("Gunman shot by officers at Nevada casino\n\n"
            "RENO, Nev. (KXYZ) - Officers shot and killed a man who fired a rifle inside a casino "
            "in Nevada on Tuesday, police said.")
    _, event = _main(pipeline, text)
    assert (event.location, event.admin1, event.geo_precision) == ("Reno", "Nevada", 2)


@pytest.mark.parametrize("text, region", [
    # the story's town lies in another state
    ("Officers in Reno train for emergencies\n\nPolice in Reno held a drill on Monday. A man "
     "was shot dead at a motel in Oregon on Tuesday, state police said.", "Oregon"),
    # the town is named only deep in the story, about another event
    ("Gunmen attacked a police post in Aceh province on Tuesday, killing two officers, officials "
     "said. The post lies on a hill road. Residents fled. Schools closed. Roads were shut. In "
     "2012 a bombing also hit the city of Banda Aceh.", "Aceh"),
])
def test_an_event_placed_only_in_a_province_keeps_it_unless_the_story_town_is_there(pipeline, text, region):
    _, event = _main(pipeline, text)
    assert (event.location, event.geo_precision) == (region, 3)


def test_a_town_written_with_its_county_is_the_town_in_that_county(pipeline):
    text = ("Police in Chester, Delaware County, are looking into two shootings. A man was "
            "found shot to death in a parked car on Tuesday night, officers said.")
    _, event = _main(pipeline, text)
    assert (event.location, event.admin2, event.admin1) == ("Chester", "Delaware County", "Pennsylvania")


@pytest.mark.parametrize("text", [
    "Officers of the Conroe Police Department said a man fired at them after a traffic stop "
    "early on Sunday. Nobody was hurt, and the man was arrested.",
    "A man is accused of shooting at a Conroe police officer early on Sunday. The officer was "
    "not hurt, and the man was arrested an hour later.",
])
def test_a_towns_own_police_force_names_the_story_town(pipeline, text):
    document, event = _main(pipeline, text)
    assert document.context["home_town"].name == "Conroe"
    assert (event.location, event.admin1) == ("Conroe", "Texas")


def test_augusta_is_the_town_in_georgia_not_augsburg(pipeline):
    """GeoNames lists Augsburg's Latin name, Augusta, among its alternates, and Augsburg is
    the bigger town: ``place_aliases.csv`` drops that alias."""
    text = ("Woman hurt at south Augusta shopping plaza\n\nDeputies said a woman was shot in the "
            "arm at a south Augusta shopping plaza early on Wednesday.")
    _, event = _main(pipeline, text)
    assert (event.location, event.admin1, event.country) == ("Augusta", "Georgia", "United States")


def test_an_abbreviated_borough_is_the_town(pipeline):
    """"in Mt. Oliver Borough": Mount Oliver, Pennsylvania (a town too small to be placed in a
    story that names no state or county of it), not the Brownsville Road beside it."""
    text = ("Four people, including an 11-year-old boy, were shot Friday night in Mt. Oliver "
            "Borough in the area of Brownsville Road and Amanda Street, an Allegheny County "
            "spokeswoman said.")
    [m] = analyse(pipeline, text, dt.date(2015, 12, 12)).mentions
    assert (m.location, m.admin1) == ("Mount Oliver", "Pennsylvania")


def test_a_town_found_in_one_state_alone_places_its_namesake_neighbours(pipeline):
    """"Arnold" has bigger namesakes in England and Maryland; a story that also names
    Murrysville, found in Pennsylvania alone, means Pennsylvania's Arnold."""
    text = ("A 16-year-old girl was shot and killed Monday evening in a home along Alcoa Drive in "
            "Arnold. She had recently started working at a coffee shop in Murrysville, her "
            "father said.")
    [m] = [m for m in analyse(pipeline, text, dt.date(2016, 11, 8)).mentions if m.role == "main"]
    assert (m.location, m.admin1) == ("Arnold", "Pennsylvania")


def test_a_city_forces_acronym_names_the_story_town(pipeline):
    """A homicide report that names only a neighbourhood the gazetteer lacks, the county's
    coroner and "LAPD" happened in Los Angeles, not somewhere in the county."""
    text = ("Darnell Price, a 41-year-old man, was shot and killed Sunday in the 3100 block of "
            "West 54th Street in Vermont Knolls, according to Los Angeles County coroner's records.\n\n"
            "LAPD Det. R. Moreno said no arrests have been made.")
    [event] = analyse(pipeline, text, published=dt.date(2024, 5, 7)).mentions
    assert (event.location, event.admin1) == ("Los Angeles", "California")


def test_a_town_named_as_a_county_the_story_names_lies_in_that_county(pipeline):
    """"Lunenburg" beside "Lunenburg County" is Virginia's, not the bigger Lunenburg in
    Massachusetts."""
    text = ("Toddler in critical condition after shooting self with handgun\n\n"
            "A 2-year-old accidentally shot himself with a handgun at a home on a country road "
            "in Lunenburg on Monday. The boy was flown to a hospital in Richmond from the home "
            "in Lunenburg County, deputies said.")
    document = pipeline.analyse_one(Article(text=text, published=dt.date(2015, 5, 26)))
    assert {(m.location, m.admin1) for m in document.mentions} == {("Lunenburg", "Virginia")}


def test_an_event_placed_nowhere_in_a_story_with_no_town_lies_in_the_area_it_opens_with(pipeline):
    """No dateline, no town, no outlet: the roadside bomb the story places nowhere is in
    Helmand, the province its first sentence names, not somewhere in Afghanistan."""
    text = ("Taliban attack in Helmand\n\nTaliban fighters clashed with Afghan forces in Helmand "
            "province on Monday, officials said. A roadside bomb also struck a police vehicle on "
            "Monday, killing three officers, the officials said.")
    mentions = analyse(pipeline, text, dt.date(2016, 3, 7)).mentions
    assert {m.location for m in mentions} == {"Helmand"}
