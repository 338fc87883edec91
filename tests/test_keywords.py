"""The names a report gives (keywords.py), which tie reports of one event together."""
from __future__ import annotations

from eventwire.keywords import MAX_WORDS, mention_keywords, salient_words, widely_named
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
