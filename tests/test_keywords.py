"""The names a report gives (keywords.py), which tie reports of one event together."""
from __future__ import annotations

from eventwire.keywords import (MAX_WORDS, UNTYING_MARK, mention_keywords, salient_words,
                                widely_named)
from eventwire.records import Evidence, Mention

STORY = ("Police said Darnell Hayes, 24, opened fire on Maple Avenue late Sunday. "
         "The 17-year-old victim was taken to Mercy General in Riverton.\n"
         "\"We heard five shots,\" said Loretta Quinn, a neighbour.")


def test_names_and_ages_are_kept_and_common_capitalised_words_are_not():
    words = salient_words(STORY)
    assert {"darnell", "hayes", "maple", "17yo", "mercy", "loretta", "quinn"} <= set(words)
    assert not {"police", "sunday", "avenue", "the", "we", "general"} & set(words)


def test_the_events_own_place_names_are_left_to_the_place_comparison():
    assert "riverton" in salient_words(STORY)
    assert "riverton" not in salient_words(STORY, exclude=["Riverton"])


def test_headline_runs_and_words_the_story_also_writes_in_lower_case_are_no_names():
    """A page's list of other headlines ("Riverton Teacher Flunks Entire Class") and a word
    capitalised for style ("the Family said"; the story also says "family") name nobody."""
    text = (STORY + " Riverton Teacher Flunks Entire Class Over Cheating. The Family said the "
            "family would speak on Monday.")
    words = salient_words(text)
    assert {"darnell", "hayes", "loretta", "quinn"} <= set(words)
    assert not {"teacher", "flunks", "entire", "class", "cheating", "family"} & set(words)


def test_words_keep_their_order_of_appearance_and_are_capped():
    text = " ".join(f"then Name{chr(97 + i % 26)}{chr(97 + i // 26)} spoke." for i in range(80))
    words = salient_words(text)
    assert len(words) == MAX_WORDS and words[0] == "nameaa"


def test_the_main_event_reads_the_whole_body_and_another_event_only_its_paragraph():
    text = "Headline Words Here\nBody names Darnell Hayes.\nLater, an older raid hit Eastbrook Farm."
    title, body, later = (0, 19), (20, 45), (46, len(text))
    segments = [("title", *title), ("body", *body), ("body", *later)]
    main = Mention(role="main")
    older = Mention(role="background", evidence=[Evidence("trigger", 62, 66, "raid")])
    assert mention_keywords(text, segments, main) == ["darnell", "hayes", "eastbrook", "farm"]
    assert mention_keywords(text, segments, older) == ["eastbrook", "farm"]



def test_a_possessive_is_the_name_itself():
    words = salient_words("Police searched Darnell Hayes’s car. Neighbours said Hayes's dog barked.")
    assert words.count("hayes") == 1 and not {"hayes's", "hayes’s"} & set(words)


def test_names_every_report_gives_are_widely_named_and_peoples_names_are_not():
    """Actors, countries, peoples and monitors come from the data tables; a victim's name
    does not: only the latter can tie two reports to one event."""
    assert {"syrian", "syrias", "observatory", "assad", "russia"} <= widely_named()
    assert not {"darnell", "hayes", "loretta", "quinn", "maple"} & widely_named()


def test_an_age_is_one_keyword_however_the_story_writes_it():
    """"Darnell Hayes, 24," "a twenty-four-year-old" and "24 years old" are one age: two reports
    of one shooting tell it in different words."""
    for text in ("Police named Darnell Hayes, 24, as the victim.", "Police said a twenty-four-year-old died.",
                 "The man was 24 years old.", "Two 24-year-olds were hurt."):
        assert "24yo" in salient_words(text), text


def test_figures_that_are_no_age_give_none():
    words = salient_words("On Jan. 5, 2015, a year-old dog was found on Route 9, 10 miles away.")
    assert not [w for w in words if w.endswith("yo")]


def test_the_main_event_takes_its_headlines_ages_but_not_its_capitals():
    """Some pages keep nothing of the story but the headline: "Girl, 10, Shot In Face" then
    still ties the page to a report of the 10-year-old's shooting."""
    text = "Girl, 10, Shot In Face During Altercation\nAll you need is blood, sweat and tears."
    segments = [("title", 0, 41), ("body", 42, len(text))]
    assert mention_keywords(text, segments, Mention(role="main")) == ["10yo"]
    assert mention_keywords(text, segments, Mention(role="background")) == []


def test_words_of_agency_names_are_no_names():
    """"Department of Children and Families", "Medical Examiner", "SWAT team": unrelated crime
    stories share them, so they would tie two shootings a thousand miles apart."""
    text = ("Police said Darnell Hayes was shot on Maple Avenue. The Department of Children and "
            "Families, the Medical Examiner and a SWAT Team were called, District Attorney Loretta "
            "Quinn said.")
    words = salient_words(text)
    assert {"darnell", "hayes", "maple", "loretta", "quinn"} <= set(words)
    assert not {"children", "families", "examiner", "swat", "team", "attorney"} & set(words)


def test_newspapers_agencies_and_page_furniture_are_no_names():
    """"the Riverton Tribune", "the Department of Environmental Conservation", a form's
    "Error" and "Submit": stories of unrelated shootings share them."""
    text = ("Police said Darnell Hayes was shot near Maple Avenue, the Riverton Tribune reported. "
            "Officers of the Department of Environmental Conservation and the Bureau of Alcohol, "
            "Tobacco, Firearms and Explosives helped, Loretta Quinn said. Error Submit Instagram")
    words = salient_words(text)
    assert {"darnell", "hayes", "maple", "riverton", "loretta", "quinn"} <= set(words)
    assert not {"tribune", "environmental", "conservation", "alcohol", "tobacco", "firearms",
                "explosives", "error", "submit", "instagram"} & set(words)


def test_a_hospitals_name_is_marked_as_tying_nothing():
    """"Stroger Hospital", "Advocate Christ Medical Center": their words stay among the names,
    marked (``UNTYING_MARK``), so that sharing them ties no two reports."""
    text = ("Police said Darnell Hayes was taken to Stroger Hospital and then to Advocate Christ "
            "Medical Center, where Loretta Quinn works.")
    words = salient_words(text)
    assert {"darnell", "hayes", "loretta", "quinn"} <= set(words)
    assert {f"{UNTYING_MARK}stroger", f"{UNTYING_MARK}advocate", f"{UNTYING_MARK}christ"} <= set(words)
    assert not {"stroger", "advocate", "christ"} & set(words)
