"""Articles not in English are identified, keep their language, and are not coded."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire import workflow
from eventwire.language import identify
from eventwire.records import Article

#: one report (gunmen attack a police post; four officers killed; nobody claims it), written
#: for these tests in each language
REPORTS = {
    "fr": "Des hommes armés ont attaqué lundi un poste de police dans le nord du pays, tuant au "
          "moins quatre agents, selon un responsable local. Aucun groupe n'a revendiqué "
          "l'attaque, mais les autorités soupçonnent des combattants liés à un mouvement armé "
          "actif dans la région depuis plusieurs années.",
    "pt": "Homens armados atacaram na segunda-feira uma esquadra da polícia no norte do país, "
          "matando pelo menos quatro agentes, segundo um responsável local. Nenhum grupo "
          "reivindicou o ataque, mas as autoridades suspeitam de combatentes ligados a um "
          "movimento armado que atua na região há vários anos.",
    "ar": "هاجم مسلحون يوم الاثنين مركزا للشرطة في شمال البلاد، ما أسفر عن مقتل أربعة عناصر على "
          "الأقل، وفق مسؤول محلي. ولم تعلن أي جهة مسؤوليتها عن الهجوم، لكن السلطات تشتبه في "
          "مقاتلين مرتبطين بحركة مسلحة تنشط في المنطقة منذ سنوات.",
    "fa": "افراد مسلح روز دوشنبه به یک پاسگاه پلیس در شمال کشور حمله کردند و دست کم چهار مامور را "
          "کشتند، به گفته یک مقام محلی. هیچ گروهی مسئولیت این حمله را بر عهده نگرفته است، اما "
          "مقامات به شبه نظامیان وابسته به یک گروه مسلح که سال‌هاست در این منطقه فعال است "
          "مظنون هستند.",
}
ENGLISH = ("Gunmen attacked a police post in northern Nigeria on Monday, killing at least four "
           "officers, a local official said. No group has claimed the attack, but the "
           "authorities suspect fighters linked to an armed movement active in the region.")
#: an English report quoting a line of Arabic, as wire copy sometimes does
ENGLISH_QUOTING_ARABIC = ENGLISH + " A statement read «نحن لم نفعل ذلك» and was later withdrawn."


@pytest.mark.parametrize("code", sorted(REPORTS))
def test_reports_in_other_languages_are_identified(code):
    assert identify(REPORTS[code]).code == code


@pytest.mark.parametrize("text", [ENGLISH, ENGLISH_QUOTING_ARABIC, "Kano: gunmen kill four."])
def test_english_and_texts_too_short_to_tell_are_coded(text):
    assert identify(text).code == "en"


def test_other_languages_are_stored_with_their_language_and_not_coded(tmp_path, pipeline):
    db = str(tmp_path / "mixed.duckdb")
    folder = tmp_path / "crawl"
    folder.mkdir()
    for code, text in {**REPORTS, "en": ENGLISH}.items():
        (folder / f"{code}.txt").write_text(text, encoding="utf-8")
    report = workflow.ingest([str(folder)], db=db, pipeline=pipeline,
                             published=dt.date(2024, 6, 11))
    assert report.stored == 5
    declined = [w for w in report.warnings if "not coded: written in" in w]
    assert len(declined) == 4 and any("fr.txt: not coded: written in French (fr)" in w
                                      for w in declined)
    events = workflow.events(db=db)
    assert {s.article_id for e in events for s in e.sources} == {
        Article(text=ENGLISH).id}
    assert events and events[0].fatalities == 4


def test_a_language_the_record_gives_is_trusted(pipeline):
    article = Article(text=ENGLISH, language="fr", published=dt.date(2024, 6, 11))
    document = pipeline.analyse_one(article)
    assert document.mentions == [] and "written in French" in document.failed


@pytest.mark.parametrize("given, code", [("fr", "fr"), ("FR-ca", "fr"), ("French", "fr"),
                                         ("English", "en"), ("", None)])
def test_a_records_language_is_read_as_a_code(given, code):
    from eventwire.ingest.record import RecordContext, article_from_record
    article = article_from_record({"text": ENGLISH, "language": given}, "a.json",
                                  RecordContext(max_chars=10_000))
    assert article.language == code and not article.warnings


def test_an_unknown_record_language_is_a_warning_and_the_text_decides(pipeline):
    from eventwire.ingest.record import RecordContext, article_from_record
    article = article_from_record({"text": REPORTS["pt"], "language": "Klingon"}, "a.json",
                                  RecordContext(max_chars=10_000))
    assert article.language is None and "language 'Klingon'" in article.warnings[0]
    assert "written in Portuguese" in pipeline.analyse_one(article).failed
