"""Places a note says its event was coded to.

ACLED's notes name the place the coder chose when the text itself names a wider one: "struck a
house northwest of Gaza City (coded to Gaza - Mukhayyam ash Shati) (Gaza City, Gaza Strip)",
"airstrikes on IS positions in Hama badia coded to Ithariyah", "in different kebeles of Bure
woreda coded to the admin center Bure (Bure town, West Gojam, Amhara)". That place is the
event's, ahead of any the sentence merely names; the areas written after it ("(Gaza City, Gaza
Strip)", ", Dnipropetrovsk") say where it lies, as they do after any place.

``coded_refs`` reads the sentences of a document and gives, per sentence, the place references
to put first in its frames: the coded place at distance 0 (as strong as a target), its areas
with relation ``within``. A figure ("fatalities coded as 10") or a level ("coded to governorate
level") names no place and is skipped.
"""
from __future__ import annotations

import re

from ..document import WITHIN_RELATION, Document, PlaceRef

#: relation of a coded place to its frame
CODED_RELATION = "coded"
#: lower-case words a place name may hold: Arabic articles, "de", "of", "bin" ...
NAME_PARTICLES = ("al|el|ad|an|ar|as|ash|at|ath|az|ed|en|er|es|et|ez|de|del|di|do|dos|da|das|du|"
                  "des|la|le|les|of|bin|ibn|abu|um|umm")
#: "coded to [the admin center | the county headquarters as] <Name>": capitalised words, the
#: particles between them and " - " ("Gaza - Mukhayyam ash Shati"); "in Dara countryside"
#: after it is not part of it
CODED_TO = re.compile(
    r"\bcoded to (?:the (?:[a-z]+ ){0,3}?(?:cent(?:er|re)|headquarters|capital|seat)(?: as)? )?"
    rf"(?P<name>[A-Z][\w'’-]*(?:(?: - | )(?:(?:{NAME_PARTICLES}) )*[A-Z][\w'’-]*)*)")
#: the areas after a coded place: "(Gaza City, Gaza Strip)" (after its own closing bracket
#: too) or ", Dnipropetrovsk"
AREAS_AFTER = re.compile(r"\s*\)?\s*\((?P<bracket>[^()]{1,120})\)|,\s*(?P<comma>[A-Z][^(),.;:]{0,60})")


def coded_refs(document: Document) -> dict[int, list[PlaceRef]]:
    """Sentence index -> the coded place and its areas, for the sentences that state one."""
    found: dict[int, list[PlaceRef]] = {}
    text = document.article.text
    for sentence in document.sentences:
        for match in CODED_TO.finditer(text, sentence.start, sentence.end):
            refs = [PlaceRef(match.start("name"), match.end("name"), match.group("name"),
                             sentence.index, relation=CODED_RELATION, distance=0)]
            refs += _areas(text, match.end(), sentence.end, sentence.index)
            found.setdefault(sentence.index, []).extend(refs)
    return found


def _areas(text: str, start: int, end: int, sentence: int) -> list[PlaceRef]:
    match = AREAS_AFTER.match(text, start, end)
    if match is None:
        return []
    group = "bracket" if match.group("bracket") is not None else "comma"
    refs, position = [], match.start(group)
    for part in match.group(group).split(","):
        name = part.strip()
        offset = text.index(name, position) if name else position
        position = offset + len(name)
        if name[:1].isupper():
            refs.append(PlaceRef(offset, offset + len(name), name, sentence,
                                 relation=WITHIN_RELATION, distance=1))
    return refs
