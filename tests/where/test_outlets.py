"""The home of the local outlet a report comes from, read from its address."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.records import Article
from eventwire.where.outlets import host_and_section, outlet_home


def mentions_on(pipeline, url: str, text: str, published: dt.date):
    """The mentions of a story as a site at ``url`` printed it."""
    return pipeline.analyse_one(Article(text=text, url=url, published=published)).mentions


@pytest.mark.parametrize("url, host, section", [
    ("http://web.archive.org/web/20151030223013/http://www.wral.com/four-people-shot/",
     "wral.com", "four-people-shot"),
    ("https://chicago.suntimes.com:80/news/man-shot", "chicago.suntimes.com", "news"),
    ("www.dnainfo.com/chicago/20160101/x?ref=1", "dnainfo.com", "chicago"),
])
def test_an_address_gives_its_host_and_first_section(url, host, section):
    assert host_and_section(url) == (host, section)


@pytest.mark.parametrize("url, city, state", [
    ("http://www.wtvm.com/story/1/toddler-shot", "Columbus", "Georgia"),
    ("https://www.10tv.com/article/news/1", "Columbus", "Ohio"),
    ("http://www.dnainfo.com/new-york/20150101/x", "New York City", "New York"),
    ("https://pittsburgh.cbslocal.com/2016/01/01/x", "Pittsburgh", "Pennsylvania"),
    ("http://connecticut.news12.com:80/news/x", "Norwalk", "Connecticut"),  # not News 12's Long Island
])
def test_a_local_outlet_is_found_by_host_section_or_parent_domain(url, city, state):
    home = outlet_home(url)
    assert home is not None and (home.city, home.admin1, home.country) == (city, state, "US")


@pytest.mark.parametrize("url", [None, "", "https://www.cnn.com/2016/01/01/us/x", "not a url"])
def test_national_or_unknown_outlets_have_no_home(url):
    assert outlet_home(url) is None


@pytest.mark.parametrize("url, state", [
    ("http://www.wtvm.com/story/31489370/toddler-shot", "Georgia"),
    ("http://www.10tv.com/article/toddler-shot", "Ohio"),
])
def test_the_outlets_state_tells_a_towns_namesakes_apart(pipeline, url, state):
    """"Columbus" in a story with no dateline and no state named: the outlet's home decides."""
    text = ("Toddler accidentally shot in hand by brother\n\n"
            "A 2-year-old boy was shot in the hand at a home in Columbus on Sunday afternoon, "
            "police said. His 5-year-old brother had found a handgun under a bed.")
    mentions = mentions_on(pipeline, url, text, dt.date(2016, 12, 12))
    assert {(m.location, m.admin1) for m in mentions} == {("Columbus", state)}


@pytest.mark.parametrize("url, place", [
    ("http://6abc.com/news/kensington-double-shooting/1/", "Philadelphia - Kensington"),
    ("https://pittsburgh.cbslocal.com/2016/01/01/kensington-shooting/", "New Kensington"),
])
def test_the_outlets_town_picks_the_namesake_near_it(pipeline, url, place):
    """A part of town the story names as its only place: a Philadelphia station's
    "Kensington" is the Philadelphia quarter, a Pittsburgh one's the town up the river."""
    text = ("Two men shot in Kensington\n\nPolice are investigating a double shooting in the "
            "Kensington section. It happened just after 8:30 p.m. Saturday on a residential "
            "block. An 18-year-old man was shot several times and another man was wounded.")
    mentions = mentions_on(pipeline, url, text, dt.date(2015, 12, 27))
    assert {m.location for m in mentions} == {place}


def test_a_dateline_outweighs_the_outlet(pipeline):
    """A wire story a local station carries is placed by its own dateline."""
    text = ("Man shot outside bar\n\nCOLUMBUS, Ohio (AP) — A man was shot and killed outside a "
            "bar in Columbus on Saturday night, police said.")
    mentions = mentions_on(pipeline, "http://www.wtvm.com/story/1/x", text, dt.date(2016, 12, 12))
    assert {m.admin1 for m in mentions} == {"Ohio"}


def test_a_story_that_places_nothing_lies_around_its_outlets_town(pipeline):
    """No dateline, no town: a station's "shooting on Main Street" is placed around the
    station's town at region precision (3), and says so in ``geo_source``."""
    text = ("Man shot on Main Street\n\nA 32-year-old man was shot in the leg on Main Street late "
            "Sunday night, police said. He is expected to survive.")
    document = pipeline.analyse_one(Article(text=text, url="http://www.wtvm.com/story/1/x",
                                            published=dt.date(2016, 12, 12)))
    [m] = document.mentions
    assert (m.location, m.admin1, m.geo_precision) == ("Columbus", "Georgia", 3)
    assert m.geo_source.startswith("outlet:")
    unplaced = pipeline.analyse_one(Article(text=text, published=dt.date(2016, 12, 12)))
    assert [m.location for m in unplaced.mentions] == [None]


def test_a_lone_town_abroad_is_no_evidence_of_its_own_country(pipeline):
    """"Whitehaven" is a Memphis neighbourhood the gazetteer knows only as England's town: on a
    Memphis station's site, the name alone does not make England a country the story names."""
    text = ("Girl, 3, shot while sitting in car\n\nA three-year-old girl was shot Sunday night in "
            "Whitehaven. Police said a man opened fire on her mother's car after an argument.")
    document = pipeline.analyse_one(Article(text=text, url="http://www.localmemphis.com/news/x",
                                            published=dt.date(2016, 5, 16)))
    assert document.mentions
    assert {(m.country, m.admin1) for m in document.mentions} == {("United States", "Tennessee")}


def test_a_hamlet_over_the_state_line_is_no_town_of_a_local_story(pipeline):
    """"Roseland" on a Chicago station's site: the Chicago neighbourhood, not the Indiana hamlet
    of that name 130 km off, nor the Californian town."""
    text = ("Four dead in Far South Side shooting\n\nFour people were found shot dead Saturday in a "
            "home in the Roseland neighborhood on the Far South Side, police said.")
    mentions = mentions_on(pipeline, "http://abc7chicago.com/news/x", text, dt.date(2016, 12, 18))
    assert {(m.location, m.admin1) for m in mentions} == {("Chicago", "Illinois")}


def test_a_region_abroad_named_like_a_compass_point_is_no_place_of_a_local_story(pipeline):
    """Iceland's "Northeast" region is no place of a Las Vegas paper's story about the
    northeast valley: with no dateline, the outlet's country is the story's."""
    text = ("Northeast valley toddler shot by accident\n\nA 2-year-old was wounded Friday night in "
            "what police called an accidental shooting at a home in the northeast valley. The child "
            "is expected to recover, Las Vegas police said.")
    mentions = mentions_on(pipeline, "http://www.reviewjournal.com/news/x", text, dt.date(2015, 2, 27))
    assert {m.country for m in mentions} == {"United States"}


def test_a_big_towns_police_department_names_no_state_abroad(pipeline):
    """"The Santa Ana Police Department" is the Californian city's force, not an agency of El
    Salvador's Santa Ana department: the bare dateline stays in California."""
    text = ("Teen dies a day after shooting\n\nSANTA ANA – A 15-year-old boy died at a hospital on "
            "Sunday after he was shot several times late Saturday, said a spokesman for the Santa "
            "Ana Police Department.")
    mentions = mentions_on(pipeline, "http://www.ocregister.com/articles/x", text, dt.date(2017, 3, 26))
    assert {(m.location, m.admin1) for m in mentions} == {("Santa Ana", "California")}


def test_a_town_abroad_is_no_place_of_a_local_story_that_never_names_its_country(pipeline):
    """"Metro" (the police) is no Indonesian town of 180,000 on a Savannah station's site."""
    text = ("Metro investigating fatal shooting on Abercorn Street\n\nOfficers were called to the "
            "900 block of Abercorn Street on Thursday night and found a man with gunshot wounds. He "
            "died at the scene, a spokesman said.")
    mentions = mentions_on(pipeline, "http://www.wtoc.com/story/1/x", text, dt.date(2017, 2, 16))
    assert {(m.location, m.country) for m in mentions} == {("Savannah", "United States")}


@pytest.mark.parametrize("url, dateline, state", [
    ("http://www.pjstar.com/news/x", "PEORIA —", "Illinois"),  # not Arizona's bigger Peoria
    ("http://www.wsls.com/news/x", "DANVILLE (WSLS) —", "Virginia"),
    ("http://www.wsls.com/news/x", "DALLAS (AP) —", "Texas"),  # a wire dateline's city stands alone
])
def test_a_town_a_local_dateline_names_alone_is_in_the_outlets_state(pipeline, url, dateline, state):
    text = (f"Teen shot while sleeping\n\n{dateline} A 15-year-old was shot early Monday while "
            "sleeping inside a home, police said.")
    mentions = mentions_on(pipeline, url, text, dt.date(2016, 12, 12))
    assert {m.admin1 for m in mentions} == {state}


def test_a_wire_datelines_city_written_alone_is_the_listed_one_whatever_the_streets_say(pipeline):
    """"SAN ANTONIO -" is the Texan city, though the story names Culebra Road (Culebra is
    also a Puerto Rican town, and Puerto Rico has a San Antonio of its own)."""
    text = ("Girl shot at a sleepover\n\nSAN ANTONIO - A 14-year-old girl was shot and killed "
            "Tuesday night at a home on the Northwest Side, police said. The shooting happened on "
            "Star Creek Drive near Culebra.")
    mentions = mentions_on(pipeline, "http://example.org/news/x", text, dt.date(2016, 9, 21))
    assert {(m.location, m.admin1) for m in mentions} == {("San Antonio", "Texas")}


def test_a_town_is_not_a_big_town_that_once_had_its_name(pipeline):
    """"Ridgeville" is no Evanston, Illinois, which GeoNames lists as once called Ridgeville:
    on a Memphis station's site, with no state named, the story stays at the station's town;
    with its state named, it is the South Carolina town."""
    text = ("Former deputy wounds teen intruder\n\nA former sheriff's deputy shot a teenager who broke "
            "into his house in Ridgeville early Wednesday, {who} said.")
    url = "http://www.wmcactionnews5.com/story/1/x"
    unnamed = mentions_on(pipeline, url, text.format(who="state investigators"), dt.date(2017, 3, 1))
    named = mentions_on(pipeline, url, text.format(who="South Carolina investigators"), dt.date(2017, 3, 1))
    assert {(m.location, m.admin1) for m in unnamed} == {("Memphis", "Tennessee")}
    assert {(m.location, m.admin1) for m in named} == {("Ridgeville", "South Carolina")}


def test_a_us_states_name_in_a_story_of_a_sheriffs_office_is_no_country(pipeline):
    """"Georgia" names a country and a US state; in a story whose wording is American (a
    county sheriff's office) an event placed nowhere else is in the United States."""
    text = ("Sheriff and deputy shot\n\nA sheriff and a deputy were shot while answering a domestic "
            "call on Sunday night, Georgia Bureau of Investigation agents said. The gunman had "
            "worked for the Pine County Sheriff's Office until 2013.")
    mentions = mentions_on(pipeline, "http://example.org/news/x", text, dt.date(2016, 3, 7))
    assert mentions and {m.country for m in mentions} == {"United States"}

