from __future__ import annotations

import pytest

from eventwire.extractors.numbers import Figure, is_plausible_casualty_count, parse_figure


@pytest.mark.parametrize("phrase, expected", [
    ("1,200", Figure(1200)),
    ("fourteen", Figure(14)),
    ("twenty-five", Figure(25)),
    ("two hundred", Figure(200)),
    ("at least 92", Figure(92, "at least")),
    ("more than 30", Figure(30, "more than")),
    ("a dozen", Figure(12)),
    ("dozens", Figure(12, vague=True)),
    ("hundreds", Figure(100, vague=True)),
    ("one", Figure(1)),
])
def test_figures(phrase, expected):
    assert parse_figure(phrase) == expected


@pytest.mark.parametrize("phrase", ["", "soldiers", "the", "of"])
def test_words_that_are_not_figures(phrase):
    assert parse_figure(phrase) is None


def test_absurd_tolls_are_not_casualty_counts():
    assert is_plausible_casualty_count(1200)
    assert not is_plausible_casualty_count(10_000_000_000)
