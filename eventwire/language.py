"""Which language an article is written in, so an English model never codes another language.

A real news crawl carries Arabic, French, Portuguese, Persian ... reports. Read by an English
parser they give nonsense events, silently. So before anything else reads an article, its
language is identified (py3langid, a naive Bayes model over byte n-grams that ships inside the
package: nothing is downloaded). The result goes on ``Article.language``. An article the
pipeline cannot code is stored, counted and reported as "not coded", never half-read.

The decision is cautious both ways, because a wrong "not English" loses a real report:
- A language a reader already set (an ``Article.language`` from the record) is trusted.
- Texts shorter than ``language.min_words`` words are too short to tell: they are coded.
- Only the head of the text is read (``SAMPLE_CHARS``): a headline and a few paragraphs are
  enough, and a long page's footer in another language cannot outvote the story.
- Another language must win with ``language.min_confidence`` (normalised probability) and
  English must not be a close second; otherwise the article is coded as English.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

#: how much of the text the identifier reads (the headline and the first paragraphs)
SAMPLE_CHARS = 3000
#: a word, for the shortness test (letters in any script)
WORD = re.compile(r"[^\W\d_]{2,}")
#: English's probability above which the article is coded even if another language leads
ENGLISH_CLOSE_SECOND = 0.05
#: the identifier's varieties counted as the language they belong to (its Arabic comes as
#: Standard, Moroccan and Egyptian; Nigerian Pidgin English is English for an English model;
#: "zxx", no language at all, is treated as the default)
VARIETY_OF = {"ary": "ar", "arz": "ar", "pcm": "en", "yue": "zh", "wuu": "zh", "sdh": "ku",
              "hbo": "he", "zxx": "en"}
#: the language names a "not coded" message uses (ISO 639-1 codes otherwise)
LANGUAGE_NAMES = {
    "ar": "Arabic", "fa": "Persian", "fr": "French", "pt": "Portuguese", "es": "Spanish",
    "de": "German", "ru": "Russian", "uk": "Ukrainian", "tr": "Turkish", "ur": "Urdu",
    "he": "Hebrew", "zh": "Chinese", "it": "Italian", "id": "Indonesian", "so": "Somali",
    "sw": "Swahili", "am": "Amharic", "ps": "Pashto", "ku": "Kurdish", "hi": "Hindi",
}


@dataclass(frozen=True)
class LanguageGuess:
    """The language found (ISO 639-1), how sure, and whether it was only assumed."""

    code: str
    confidence: float
    assumed: bool = False


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


#: a two-letter code, as ISO 639-1 writes them
ISO_CODE = re.compile(r"[a-z]{2}")


def language_code(value: str) -> str | None:
    """"fr", "FR", "fr-CA" or "French" as "fr"; "English" as "en"; None when unknown."""
    text = value.strip().lower()
    head = re.split(r"[-_]", text)[0]
    if ISO_CODE.fullmatch(head):
        return head
    by_name = {name.lower(): code for code, name in {**LANGUAGE_NAMES, "en": "English"}.items()}
    return by_name.get(text)


def load_identifier() -> None:
    """Load the language identifier's model now (about a second), not at the first article."""
    _identifier()


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str, *, coded: tuple[str, ...] = ("en",), min_words: int = 20,
             min_confidence: float = 0.95) -> LanguageGuess:
    """The language of ``text``: the first of ``coded`` unless another language is clear."""
    sample = text[:SAMPLE_CHARS]
    default = coded[0] if coded else "en"
    if len(WORD.findall(sample)) < min_words:
        return LanguageGuess(default, 0.0, assumed=True)
    ranked = _by_language(_identifier().rank(sample))
    best, confidence = ranked[0]
    if best in coded:
        return LanguageGuess(best, float(confidence))
    runner_up = max((p for code, p in ranked if code in coded), default=0.0)
    if confidence < min_confidence or runner_up > ENGLISH_CLOSE_SECOND:
        return LanguageGuess(default, float(runner_up), assumed=True)
    return LanguageGuess(best, float(confidence))


def _by_language(ranked: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """The identifier's probabilities summed per language (``VARIETY_OF``), best first."""
    totals: dict[str, float] = {}
    for code, probability in ranked:
        language = VARIETY_OF.get(code, code)
        totals[language] = totals.get(language, 0.0) + float(probability)
    return sorted(totals.items(), key=lambda item: -item[1])
