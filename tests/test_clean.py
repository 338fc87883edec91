"""The cleaner: headline, standfirst, dateline, body, captions, credits and site furniture."""
from __future__ import annotations

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from eventwire.clean import clean_article, find_dateline, looks_like_headline, segment_article
from eventwire.records import SEGMENT_KINDS, Article

# --------------------------------------------------------------------------- fixtures
#: a wire story as a news site prints it: headline, standfirst, captioned photo printed twice,
#: AP dateline, an inline picture with its credit, reporting credits and trailing furniture
DEPOT_STORY = """\
Drones strike fuel depot near Kharkiv, officials say

Regional governor says no one was hurt in the overnight attack on the storage site

A firefighter works at the site of a drone strike in Kharkiv on March 3, 2024. (SERGEY BOBOK / AFP)
A firefighter works at the site of a drone strike in Kharkiv on March 3, 2024. (SERGEY BOBOK / AFP)

KHARKIV, Ukraine (AP) — Russian drones hit a fuel depot on the outskirts of Kharkiv overnight, \
setting several tanks on fire, the regional governor said on Tuesday.

Oleh Syniehubov said on Telegram that air defences shot down four of the seven drones \
launched at the region.

"The fire has been contained," he wrote.

This handout picture released by the State Emergency Service shows rescuers at the depot on \
March 5, 2024. (Handout / State Emergency Service of Ukraine / AFP)

Russia did not comment on the strike.

Reporting by Jane Doe; Editing by John Roe

Most Read
Five things to know about the front line
Why the grain deal collapsed

© 2024 Example Newswire. All rights reserved.
"""

#: the same kind of story wrapped at 72 columns, as plain-text wire feeds deliver it
WRAPPED_STORY = """\
Mortar rounds hit market in northern town

MOGADISHU, Somalia (AP) — Three mortar rounds struck a crowded market in
the town of Balcad on Saturday, killing at least four people and wounding
a dozen others, a police officer said.

No group claimed the attack, but al-Shabab fighters have shelled the town
several times this year, according to residents who spoke by telephone.
"""


def kinds(text: str) -> list[str]:
    return [segment.kind for segment in segment_article(text)]


def spans(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start:s.end]) for s in segment_article(text)]


def kind_of(text: str, fragment: str) -> str:
    """The kind of the segment that starts with ``fragment``."""
    return next(kind for kind, span in spans(text) if span.startswith(fragment))


# --------------------------------------------------------------------------- whole stories
def test_a_wire_story_is_cut_into_its_parts():
    assert spans(DEPOT_STORY) == [
        ("title", "Drones strike fuel depot near Kharkiv, officials say"),
        ("standfirst", "Regional governor says no one was hurt in the overnight attack on the "
                       "storage site"),
        ("caption", "A firefighter works at the site of a drone strike in Kharkiv on "
                    "March 3, 2024."),
        ("credit", "(SERGEY BOBOK / AFP)"),
        ("boilerplate", "A firefighter works at the site of a drone strike in Kharkiv on "
                        "March 3, 2024."),
        ("credit", "(SERGEY BOBOK / AFP)"),
        ("dateline", "KHARKIV, Ukraine (AP) —"),
        ("body", "Russian drones hit a fuel depot on the outskirts of Kharkiv overnight, setting "
                 "several tanks on fire, the regional governor said on Tuesday."),
        ("body", "Oleh Syniehubov said on Telegram that air defences shot down four of the seven "
                 "drones launched at the region."),
        ("body", '"The fire has been contained," he wrote.'),
        ("caption", "This handout picture released by the State Emergency Service shows rescuers "
                    "at the depot on March 5, 2024."),
        ("credit", "(Handout / State Emergency Service of Ukraine / AFP)"),
        ("body", "Russia did not comment on the strike."),
        ("boilerplate", "Reporting by Jane Doe; Editing by John Roe"),
        ("boilerplate", "Most Read"),
        ("boilerplate", "Five things to know about the front line"),
        ("boilerplate", "Why the grain deal collapsed"),
        ("boilerplate", "© 2024 Example Newswire. All rights reserved."),
    ]


def test_segments_cover_every_character_in_order_without_overlap():
    segments = segment_article(DEPOT_STORY)
    covered = [False] * len(DEPOT_STORY)
    previous_end = 0
    for segment in segments:
        assert segment.kind in SEGMENT_KINDS
        assert previous_end <= segment.start < segment.end
        assert not DEPOT_STORY[segment.start].isspace()
        assert not DEPOT_STORY[segment.end - 1].isspace()
        covered[segment.start:segment.end] = [True] * (segment.end - segment.start)
        previous_end = segment.end
    assert all(covered[i] or ch.isspace() for i, ch in enumerate(DEPOT_STORY))


def test_a_hard_wrapped_paragraph_stays_one_segment():
    assert spans(WRAPPED_STORY) == [
        ("title", "Mortar rounds hit market in northern town"),
        ("dateline", "MOGADISHU, Somalia (AP) —"),
        ("body", WRAPPED_STORY.split("(AP) — ")[1].split("\n\n")[0]),
        ("body", WRAPPED_STORY.split("\n\n")[2].strip()),
    ]


def test_without_blank_lines_every_line_is_a_paragraph():
    text = ("Gunmen kill two guards at checkpoint\n"
            "Gunmen killed two guards at a checkpoint in Kirkuk province on Sunday, police said.\n"
            "The attackers fled towards the Hamrin mountains, a police officer said.")
    assert kinds(text) == ["title", "body", "body"]


def test_empty_and_blank_texts_have_no_segments():
    assert segment_article("") == []
    assert segment_article(" \n\n \t\n") == []


def test_clean_article_fills_the_articles_segments():
    article = clean_article(Article(text=DEPOT_STORY))
    assert article.segments == segment_article(DEPOT_STORY)


# --------------------------------------------------------------------------- title, standfirst
def test_a_one_paragraph_text_is_body_not_a_headline():
    assert kinds("Gunmen kill two guards at checkpoint") == ["body"]


@pytest.mark.parametrize("first", [
    "Gunmen killed two guards at a checkpoint in Kirkuk province on Sunday.",
    " ".join(["word"] * 30),
])
def test_a_sentence_or_a_long_first_paragraph_is_not_a_title(first):
    assert kinds(f"{first}\n\nPolice said the attackers fled.")[0] == "body"


def test_a_summary_without_full_stop_under_the_headline_is_the_standfirst():
    text = ("Gunmen kill two guards at checkpoint\n\n"
            "Attack is the third on security forces in Kirkuk province this month\n\n"
            "Gunmen killed two guards at a checkpoint on Sunday, police said.")
    assert kinds(text) == ["title", "standfirst", "body"]


def test_a_lede_sentence_under_the_headline_is_body_when_no_dateline_follows():
    text = ("Gunmen kill two guards at checkpoint\n\n"
            "Gunmen killed two guards at a checkpoint in Kirkuk province on Sunday.\n\n"
            "The attackers fled, police said.")
    assert kinds(text) == ["title", "body", "body"]


def test_a_full_sentence_summary_before_the_dateline_is_the_standfirst():
    text = ("Gunmen kill two guards at checkpoint\n\n"
            "The attack is the third on security forces in the province this month.\n\n"
            "KIRKUK, Iraq (AFP) - Gunmen killed two guards at a checkpoint on Sunday.")
    assert kinds(text) == ["title", "standfirst", "dateline", "body"]


@pytest.mark.parametrize("line, expected", [
    ("Drone, rockets fired at US-led coalition forces in Iraq and Syria", True),
    ("Why did the ceasefire collapse?", True),
    ("The ceasefire collapsed on Sunday.", False),
    (" ".join(["word"] * 26), False),
    ("2023", False),
    ("", False),
])
def test_headlines_are_short_and_end_without_a_full_stop(line, expected):
    assert looks_like_headline(line) is expected


# --------------------------------------------------------------------------- datelines
@pytest.mark.parametrize("paragraph, place, lead", [
    ("BAGHDAD, Iraq — A drone hit the base.", "BAGHDAD, Iraq", "BAGHDAD, Iraq —"),
    ("BAGHDAD (Reuters) - A drone hit the base.", "BAGHDAD", "BAGHDAD (Reuters) -"),
    ("KYIV, Ukraine (AP) — Missiles hit the city.", "KYIV, Ukraine", "KYIV, Ukraine (AP) —"),
    ("Gaza City, Dec 11 (AFP) - Strikes hit the city.", "Gaza City", "Gaza City, Dec 11 (AFP) -"),
    ("BEIRUT, Lebanon, Dec. 11 (Reuters) - A strike hit.", "BEIRUT, Lebanon",
     "BEIRUT, Lebanon, Dec. 11 (Reuters) -"),
    ("SANAA, Aug. 10 (Xinhua) -- Fighting resumed.", "SANAA", "SANAA, Aug. 10 (Xinhua) --"),
    ("JERUSALEM: Sirens sounded in the city.", "JERUSALEM", "JERUSALEM:"),
    ("DEIR AL-BALAH, Gaza Strip (AP) — Strikes hit.", "DEIR AL-BALAH, Gaza Strip",
     "DEIR AL-BALAH, Gaza Strip (AP) —"),
    ("ERBIL, Iraq—A drone was shot down.", "ERBIL, Iraq", "ERBIL, Iraq—"),
    ("MARLBOROUGH, N.Y. >> A woman was shot.", "MARLBOROUGH, N.Y.", "MARLBOROUGH, N.Y. >>"),
    ("Idlib Province – Syrian Observatory for Human Rights: Shelling killed two.",
     "Idlib Province", "Idlib Province – Syrian Observatory for Human Rights:"),
])
def test_datelines_are_their_own_segment_and_name_the_place(paragraph, place, lead):
    text = f"Fighting flares\n\n{paragraph}\n\nMore fighting was reported later."
    segments = segment_article(text)
    dateline = next(s for s in segments if s.kind == "dateline")
    assert text[dateline.start:dateline.end] == lead
    body = segments[segments.index(dateline) + 1]
    assert body.kind == "body"
    assert text[body.start:body.end] == paragraph[len(lead):].strip()
    found, start, end = find_dateline(text, segments)
    assert found == place and text[start:end] == place


@pytest.mark.parametrize("paragraph", [
    "UPDATE: The death toll rose to five.",
    "Hamas - the group that runs Gaza - denied it.",
    "US forces — and their allies — were not hit.",
    "BREAKING NEWS: Explosions heard in the capital.",
    "POLICE: Jacksonville father was drunk when his son found the gun.",
])
def test_labels_and_dashes_are_not_datelines(paragraph):
    text = f"Fighting flares\n\n{paragraph}\n\nMore fighting was reported later."
    segments = segment_article(text)
    assert "dateline" not in [s.kind for s in segments]
    assert find_dateline(text, segments) is None


def test_a_headlines_short_source_label_leaves_the_dateline_to_the_lede():
    """"DA:" (and "ATF:", "FBI:") before a headline's claim is who said it; the town the lede
    opens with is the dateline."""
    text = ("DA: Man shot by troopers was carrying two rifles\n\n"
            "MONTROSE — A 30-year-old man shot by state troopers on Monday was armed, the "
            "district attorney said.")
    found, start, end = find_dateline(text, segment_article(text))
    assert found == "MONTROSE"


def test_only_the_lede_can_carry_the_dateline():
    text = ("Fighting flares\n\n"
            "Shelling killed two people on Sunday. Officials blamed the army.\n\n"
            "WASHINGTON — The State Department condemned the shelling.")
    assert kinds(text) == ["title", "body", "body"]


# --------------------------------------------------------------------------- captions, credits
@pytest.mark.parametrize("caption", [
    "This picture taken on May 2, 2023 shows smoke over the port.",
    "This handout picture released by the army shows a damaged tank.",
    "A picture taken from the border shows smoke over the hills.",
    "Photo: Rescuers search the rubble of a house.",
    "File photo of a checkpoint north of the city.",
    "(Photo by a local journalist) Smoke rises over the camp.",
    "An image grab from a video shows a column of tanks on May 2, 2023.",
    "Smoke rises over the city centre. (Reuters/Ali Hassan)",
])
def test_photo_captions_are_captions(caption):
    text = f"Fighting flares\n\nShelling killed two people, officials said.\n\n{caption}"
    assert kind_of(text, caption[:20]) == "caption"


def test_a_trailing_photo_credit_is_its_own_segment():
    caption = "Mourners carry a coffin in Najaf on May 2, 2023. (Photo by QASSEM AL-KAABI / AFP)"
    text = f"Fighting flares\n\nShelling killed two people, officials said.\n\n{caption}"
    assert spans(text)[-2:] == [
        ("caption", "Mourners carry a coffin in Najaf on May 2, 2023."),
        ("credit", "(Photo by QASSEM AL-KAABI / AFP)"),
    ]


def test_a_credit_on_a_line_of_its_own_is_a_credit():
    text = ("Fighting flares\n\nShelling killed two people, officials said.\n\n"
            "QASSEM AL-KAABI / AFP\n\nThe army said it returned fire.")
    assert kind_of(text, "QASSEM") == "credit"


@pytest.mark.parametrize("line", ["Photo courtesy Jane Doe", "Courtesy of the Riley family",
                                  "(Photo courtesy of Metro Police)"])
def test_a_courtesy_line_is_a_credit(line):
    text = f"Fighting flares\n\nShelling killed two people, officials said.\n\n{line}\n\nThe army said it returned fire."
    assert kind_of(text, line[:12]) == "credit"


@pytest.mark.parametrize("paragraph", [
    "The ministry released a photo showing the damaged school.",
    "Two people were killed, the ministry said. (AFP)",
    "The figures, which the UN says are incomplete (see below), show a rise.",
    "Police said the suspects were arrested (one later released).",
])
def test_prose_that_mentions_photos_or_agencies_stays_body(paragraph):
    text = f"Fighting flares\n\nShelling killed two people, officials said.\n\n{paragraph}"
    assert kind_of(text, paragraph[:20]) == "body"


# --------------------------------------------------------------------------- furniture
@pytest.mark.parametrize("line", [
    "Advertisement",
    "Most Popular",
    "read more:",
    "Read more: Iran warns of wider war",
    "Related: Drone downed over Erbil",
    "Sign up for our newsletter",
    "Share this article",
    "Follow us on Telegram",
    "Copyright 2023 Example Media. All rights reserved.",
    "We use cookies to improve your experience on our website.",
    "Home | World | Middle East | Business | Sport",
    "By Jane Doe and John Roe, Example Newswire",
    "Updated: December 11, 2023 10:15 GMT",
    "December 11, 2023",
    "https://example.com/world/2023/12/11/drone-attack",
    "Reporting by Jane Doe; Editing by John Roe",
])
def test_site_furniture_is_boilerplate(line):
    text = f"Fighting flares\n\nShelling killed two people, officials said.\n\n{line}\n\nThe end."
    assert kind_of(text, line) == "boilerplate"


def test_a_long_story_pasted_as_one_paragraph_is_body_though_it_ends_in_a_copyright():
    story = ("CHICAGO (WXYZ) — A man was shot and killed in the lobby of a hotel on the South Side "
             "early Saturday, police said. " * 6) + "© 2016 Example Broadcasting. All rights reserved."
    kinds = [kind for kind, _ in spans(f"Man killed in hotel lobby\n\n{story}")]
    assert kinds == ["title", "dateline", "body"]


@pytest.mark.parametrize("paragraph", [
    "By nightfall the fighters had pulled back from the town.",
    "Published reports say the convoy was hit twice.",
    "Share prices in Tel Aviv fell after the attack.",
])
def test_prose_that_starts_like_furniture_stays_body(paragraph):
    text = f"Fighting flares\n\nShelling killed two people, officials said.\n\n{paragraph}"
    assert kind_of(text, paragraph) == "body"


def test_teasers_after_a_related_heading_are_boilerplate_until_prose_returns():
    text = ("Fighting flares\n\nShelling killed two people, officials said.\n\n"
            "Related Stories\n\nIsrael strikes Hezbollah positions\n\n"
            "Iraq summons Iranian envoy\n\n"
            "Later on Sunday, the army said it had returned fire on the launch sites.")
    assert kinds(text) == ["title", "body", "boilerplate", "boilerplate", "boilerplate", "body"]


def test_a_repeated_paragraph_is_boilerplate_the_second_time():
    paragraph = "Shelling killed two people, officials said."
    text = f"Fighting flares\n\n{paragraph}\n\nThe army returned fire.\n\n{paragraph}"
    assert kinds(text) == ["title", "body", "body", "boilerplate"]


# --------------------------------------------------------------------------- robustness
@hypothesis_settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab .,:—-()/\n\tAZ19") + ["AFP", "Photo", "BAGHDAD"]),
                max_size=120).map("".join))
def test_any_text_is_covered_by_ordered_trimmed_segments(text):
    previous_end = 0
    for segment in segment_article(text):
        assert previous_end <= segment.start < segment.end <= len(text)
        assert text[segment.start:segment.end] == text[segment.start:segment.end].strip()
        previous_end = segment.end
    covered = "".join(text[s.start:s.end] for s in segment_article(text))
    assert "".join(covered.split()) == "".join(text.split())


# --------------------------------------------------------------------------- site names
@pytest.mark.parametrize("headline, site", [
    ("Man shot outside Kano market | Kano Daily Mirror", "| Kano Daily Mirror"),
    ("Two killed in market shooting « Channel 9 News", "« Channel 9 News"),
    ("Guard wounded at depot | News, Weather, Sports | WKNO", "| News, Weather, Sports | WKNO"),
    ("Arrest made in weekend shooting | example-news.com", "| example-news.com"),
    ("Guard shot at Kano depot - The Night Desk - Kano Daily Mirror",
     "- The Night Desk - Kano Daily Mirror"),
    # a station's tagline of ten words, its towns and beats joined by "and"
    ("Two shot outside a Zaria bar - KDNR 7 Zaria, Kaduna and Kano News, Weather and Sports",
     "- KDNR 7 Zaria, Kaduna and Kano News, Weather and Sports"),
])
def test_a_site_name_after_the_headline_is_boilerplate(headline, site):
    text = headline + "\n\nKANO, Nigeria (AP) - Police said a man was shot on Friday."
    found = spans(text)
    assert found[0] == ("title", headline[:-len(site)].rstrip())
    assert found[1] == ("boilerplate", site)


@pytest.mark.parametrize("headline", [
    "Old ordnance | Explosion kills child near Daraa",
    "Kano | Gunmen attack a market at dawn",
    "Syria - Government Forces Shell Idlib",  # too short a headline before the dash
    "Gunmen kill five in Kano - police",  # a lower-case word: no site name
    "Gunmen kill five in Kano - Police Hunt for the Attackers and Their Guns Across Northern Nigeria",  # 11 words
])
def test_a_kicker_before_the_separator_keeps_the_whole_headline(headline):
    text = headline + "\n\nKANO, Nigeria (AP) - Police said a man was shot on Friday."
    assert spans(text)[0] == ("title", headline)


@pytest.mark.parametrize("text, expected", [
    ("Four shot during gunbattle near Westport", ["title"]),  # a feed's item with no text
    ("Man Shoots Neighbour In Gloucester Co.\n\nPolice said he fled.", ["title", "body"]),
])
def test_the_headline_the_record_gives_is_the_title_even_alone_or_ending_like_a_sentence(text, expected):
    title = text.split("\n")[0]
    assert [s.kind for s in segment_article(text, title)] == expected
    assert "title" not in kinds(text)  # without the record's headline, nothing says so


def test_the_records_headline_is_no_dateline_and_the_lede_after_a_credit_has_it():
    """"NOPD: Man dead ..." opens like a "KABUL:" dateline, but the record says it is the
    headline; the lede's "NEW ORLEANS –", after a picture's credit, is the dateline."""
    title = "NOPD: Man dead, infant and another man injured in Algiers shooting"
    text = (f"{title}\n\nPhoto courtesy Jane Doe\n\nNEW ORLEANS – Police are investigating a "
            "triple shooting that left one person dead.\n\nThe incident happened around 9 p.m.")
    assert [s.kind for s in segment_article(text, title)] == ["title", "credit", "dateline", "body", "body"]
    assert find_dateline(text, segment_article(text, title))[0] == "NEW ORLEANS"


def test_a_story_that_is_only_its_headline_still_tells_its_event(pipeline):
    import datetime as dt
    title = "Four shot during gunbattle near Westport on Sunday morning"
    article = Article(text=title, id="feed-1", title=title, published=dt.date(2023, 12, 11))
    [event] = pipeline.analyse_one(article).mentions
    assert event.event_date == dt.date(2023, 12, 10) and event.weapon == "firearms"
    assert event.injured == 4
