"""FA-KES as gold: the article's city is found when its primary event lies in that city's
governorate or within 25 km of it; the gold spelling is read through the gazetteer."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.errors import EvalError
from eventwire.evaluate import detect_dataset, evaluate
from eventwire.evaluate.fakes import article_for, fakes_date, gold_city

FIXTURE = Path(__file__).parent.parent / "fixtures" / "eval" / "fakes.csv"


def test_the_format_is_recognised_from_its_header():
    assert detect_dataset(FIXTURE) == "fakes"


def test_dates_are_month_first_and_become_the_publication_date():
    assert fakes_date("4/5/2017") == dt.date(2017, 4, 5)
    assert fakes_date("13/40/2017") is None
    article = article_for({"unit_id": "1", "article_title": "Title", "article_content": "Body.",
                           "date": "4/5/2017", "location": "aleppo"})
    assert (article.published, article.text) == (dt.date(2017, 4, 5), "Title\n\nBody.")


@pytest.mark.parametrize("spelling, name", [
    ("deir ezzor", "Deir ez-Zor"), ("hasakeh", "Al Hasakah"), ("lattakia", "Latakia"),
])
def test_an_outlets_spelling_of_a_city_finds_the_town(pipeline, spelling, name):
    city = gold_city(spelling, pipeline.resources.gazetteer)
    assert city is not None and city.kind == "city" and city.country_code == "SY"
    assert city.name == name


def test_events_in_the_city_or_its_governorate_count_and_an_article_without_one_does_not(pipeline):
    report = evaluate(FIXTURE, pipeline=pipeline)
    city = report.fields["city"]
    assert (city.right, city.total) == (2, 3)
    # Douma is 10 km from Damascus; Khan Sheikhoun is in Idlib's governorate, 55 km from the city
    assert report.fields["city_25km"].right == 1
    assert any(m.startswith("7003:") and "no event" in m for m in report.misses)


def test_a_city_the_gazetteer_does_not_know_is_named(tmp_path, pipeline):
    path = tmp_path / "fakes.csv"
    path.write_text(FIXTURE.read_text(encoding="utf-8").replace(",idlib,", ",atlantis,"),
                    encoding="utf-8")
    with pytest.raises(EvalError, match="atlantis"):
        evaluate(path, pipeline=pipeline)
