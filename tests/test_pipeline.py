"""The whole per-article pipeline on the project's fixture wire story (tests/fixtures)."""
from __future__ import annotations

import datetime as dt

from eventwire.pipeline import STAGE_NAMES
from eventwire.records import Article
from tests.conftest import analyse


def by_role(document, role):
    return [m for m in document.mentions if m.role == role]


def test_main_event_is_the_claimed_rocket_attack_on_k1(kirkuk):
    [main] = by_role(kirkuk, "main")
    assert main.event_date == dt.date(2024, 3, 12)  # "on Tuesday" in a Tuesday story
    assert main.sub_event_type == "Shelling/artillery/missile attack"
    assert main.weapon == "rocket"
    assert main.location == "K-1 Air Base" and main.country == "Iraq"
    assert main.claimed_by == ["Islamic Resistance in Iraq"]
    assert main.actor1 == "Islamic Resistance in Iraq"
    assert main.injured == 2 and main.fatalities == 0
    assert (main.inter1, main.inter2, main.interaction) == (2, 1, 12)  # rebels vs state forces


def test_headline_lede_and_claim_are_one_event(kirkuk):
    [main] = by_role(kirkuk, "main")
    evidence_sentences = {e.text for e in main.evidence if e.field == "trigger"}
    assert len(evidence_sentences) >= 2  # the headline's "hit" and the lede's "struck"
    assert any(e.field == "claimed_by" for e in main.evidence)


def test_earlier_roadside_bomb_is_secondary_with_its_own_date_and_toll(kirkuk):
    [bomb] = by_role(kirkuk, "secondary")
    assert bomb.event_date == dt.date(2024, 3, 10)  # "Early on Sunday"
    assert bomb.sub_event_type == "Remote explosive/landmine/IED"
    assert bomb.location == "Samarra"
    assert bomb.fatalities == 1 and bomb.fatalities_reported == [1]


def test_photo_caption_event_is_background_dated_a_day_before_the_photo(kirkuk):
    [old] = by_role(kirkuk, "background")
    assert old.event_date == dt.date(2020, 3, 2)
    assert old.weapon == "mortar"


def test_threats_and_negated_attacks_are_not_events(kirkuk):
    assert len(kirkuk.mentions) == 3
    reasons = {word: why for word, why, _ in kirkuk.context["dropped"]}
    assert "modal" in reasons["strike"]
    assert reasons["attack"] == "negated"


def test_count_statement_is_an_aggregate_not_events(kirkuk):
    [agg] = kirkuk.aggregates
    assert (agg.count, agg.qualifier) == (40, "at least")
    assert agg.period == (dt.date(2024, 1, 1), dt.date(2024, 3, 12))


def test_a_count_told_by_a_verb_is_an_aggregate_whose_evidence_is_the_text(pipeline):
    """"struck Gaza 150 times": the figure follows the verb it counts; the evidence still
    runs forward over the article's own text."""
    text = "Israeli jets struck Gaza 150 times last week, the army said."
    document = analyse(pipeline, text)
    [agg] = document.aggregates
    [evidence] = agg.evidence
    assert agg.count == 150 and evidence.start < evidence.end
    assert text[evidence.start:evidence.end] == evidence.text == "struck Gaza 150"


def test_every_evidence_span_is_the_article_text_at_its_offsets(kirkuk):
    text = kirkuk.article.text
    for mention in kirkuk.mentions:
        assert mention.evidence
        for evidence in mention.evidence:
            assert text[evidence.start:evidence.end] == evidence.text


def test_each_stage_is_timed(pipeline, kirkuk):
    assert set(pipeline.times.seconds) == set(STAGE_NAMES)
    assert all(seconds >= 0 for seconds in pipeline.times.seconds.values())


def test_a_stage_failing_on_one_article_costs_that_article_only(pipeline, kirkuk_text, monkeypatch):
    from eventwire import pipeline as pipeline_module
    from eventwire.records import Article
    real = pipeline_module.PER_DOCUMENT["where"]

    def where_fails_on_the_second(document, resources):
        if "second copy" in document.article.text:
            raise ValueError("a place the gazetteer chokes on")
        real(document, resources)

    monkeypatch.setitem(pipeline_module.PER_DOCUMENT, "where", where_fails_on_the_second)
    good, bad = pipeline.analyse([Article(text=kirkuk_text, published=dt.date(2024, 3, 12)),
                                  Article(text=kirkuk_text + "\n\nA second copy.",
                                          published=dt.date(2024, 3, 12))])
    assert good.mentions and good.failed is None
    assert bad.mentions == [] and bad.aggregates == []
    assert bad.failed == bad.warnings[-1]
    assert "'where'" in bad.failed and "a place the gazetteer chokes on" in bad.failed


def test_a_timestamp_as_publication_date_is_its_day(pipeline):
    """A Python caller may pass a datetime; the story is coded as on that day, not failed."""
    stamped = Article(text="Gunmen attacked a police post in Kirkuk on Sunday, killing two officers.",
                      published=dt.datetime(2023, 12, 1, 18, 30))
    [document] = pipeline.analyse([stamped])
    assert not document.failed
    assert stamped.published == dt.date(2023, 12, 1)
    assert [m.event_date for m in document.mentions] == [dt.date(2023, 11, 26)]
