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
])
def test_the_dateline_reads_its_state_and_names_the_city(pipeline, dateline, location, admin1):
    text = (f"Man shot outside bar\n\n{dateline} A man was shot and killed outside a bar on "
            "Saturday night, police said.")
    _, event = _main(pipeline, text)
    assert (event.location, event.admin1) == (location, admin1)


def test_the_datelines_country_outweighs_a_country_the_story_mentions_once(pipeline):
    text = ("Veteran shot dead at his home\n\n"
            "LONGMONT, Colo. – A 34-year-old man was shot and killed at his home on Saturday, "
            "police said. His family had moved to the town from Israel in 2010.")
    _, event = _main(pipeline, text)
    assert (event.country, event.location) == ("United States", "Longmont")


def test_the_headlines_town_outweighs_a_country_a_hospital_is_named_after(pipeline):
    text = ("Boy hurt when stray bullet comes through wall in Newark, New Jersey\n\n"
            "Officers were called to Beth Israel Hospital after a shooting was reported on "
            "Tuesday night. The boy's mother said he had woken her and told her he could not "
            "move his arm.")
    _, event = _main(pipeline, text)
    assert (event.country, event.location, event.admin1) == ("United States", "Newark", "New Jersey")


def test_a_us_state_named_alone_is_the_state_not_a_foreign_namesake(pipeline):
    """California is also a small municipality in Parana, Brazil; a US local story names the
    state, never the United States."""
    text = ("Girl wounded in drive-by\n\n"
            "Police are investigating a drive-by shooting in the California neighborhood on "
            "Friday afternoon that left two people wounded.")
    _, event = _main(pipeline, text)
    assert (event.country, event.admin1) == ("United States", "California")


def test_a_shop_named_like_a_foreign_town_is_no_home_town(pipeline):
    """ "Wawa" is a chain of shops in a New Jersey story, not a town in the Philippines."""
    text = ("Four shot on expressway, victims drive to Wawa\n\n"
            "A man died and four others were hurt in a shooting on Monday that led the victims to "
            "a South Jersey Wawa for help, New Jersey State Police said.")
    _, event = _main(pipeline, text)
    assert (event.country, event.admin1) == ("United States", "New Jersey")


def test_a_town_in_the_state_the_story_names_beats_a_county_of_its_name_elsewhere(pipeline):
    """Dearborn is a Michigan city and an Indiana county; the story names Michigan."""
    text = ("Woman shot by police outside mall\n\n"
            "A woman was shot and killed by police outside Dearborn's Fairlane Town Center on "
            "Wednesday. Her family, who moved to Michigan from Ohio, asked for the video.")
    _, event = _main(pipeline, text)
    assert (event.location, event.admin1) == ("Dearborn", "Michigan")


def test_a_county_the_story_names_makes_its_small_town_plausible(pipeline):
    """Kenly, a town of 1,500, is a place in a story that names Wilson County, though it
    names no country: every Wilson County is in the United States."""
    text = ("Two hurt in bar shooting\n\n"
            "Two people were hurt during a shooting at a bar in Kenly on Sunday. Wilson County "
            "deputies said it happened just after midnight.")
    _, event = _main(pipeline, text)
    assert (event.location, event.admin1) == ("Kenly", "North Carolina")


def test_a_namesake_near_the_headlines_town_is_the_one_meant(pipeline):
    """Kensington is a Brooklyn neighbourhood, a Liverpool district and a Philadelphia one; a
    story whose headline is set in Philadelphia means the last."""
    text = ("Teen shot in Philadelphia\n\n"
            "A 17-year-old was shot in the leg on Tuesday night in Kensington, police said.")
    _, event = _main(pipeline, text)
    assert (event.location, event.admin1) == ("Kensington", "Pennsylvania")


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
