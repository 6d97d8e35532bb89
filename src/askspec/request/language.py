"""The seeds' main language, from scripts and common words, weighted by length.

A few hundred common words and the Unicode block of each letter tell the languages
stakeholders write in apart well enough to say "the seeds are in German"; no model
or extra dependency is needed for that.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from askspec.models import Kind, SeedFile

#: The most frequent short words of each language (articles, pronouns, prepositions).
STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to in is that for it with as are be this on not by or from which",
        "de": "der die das und ist nicht ein eine zu den mit von sich des auf für im dem "
        "werden wird auch sind oder bei muss soll",
        "fr": "le la les et est des une un du en que pour dans pas sur au qui avec ce sont "
        "par doit être",
        "es": "el la los las y es de que en un una por con para del se no al lo como debe está son",
        "it": "il lo la gli le e di che un una per con del della non sono essere deve nel",
        "pt": "o a os as e é de que um uma para com não do da em no na ser deve são",
        "nl": "de het een en van is dat niet op te zijn met voor er moet wordt",
    }.items()
}
NAMES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "ru": "Russian",
    "uk": "Ukrainian",
    "el": "Greek",
    "ar": "Arabic",
    "he": "Hebrew",
}
#: Scripts that name their language outright (or nearly: Cyrillic is read as Russian).
SCRIPTS = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
)
WORD = re.compile(r"[^\W\d_]+")
#: Characters read from each text: enough to tell a language, cheap on big files.
SAMPLE = 8000


def scores(text: str) -> Counter[str]:
    """Evidence for each language in one text: letters of a script, common words."""
    sample = text[:SAMPLE]
    found: Counter[str] = Counter()
    kana = len(SCRIPTS[0][1].findall(sample))
    for lang, pattern in SCRIPTS:
        found[lang] += len(pattern.findall(sample))
    if kana:  # Japanese text is full of kanji too; the kana decide.
        found["ja"] += found.pop("zh", 0)
    for word in WORD.findall(sample.lower()):
        for lang, words in STOPWORDS.items():
            if word in words:
                found[lang] += 3
    if found["ru"] and any(ch in sample for ch in "іїєґ"):
        found["uk"] += found.pop("ru")
    return found


def language_name(code: str) -> str:
    """The English name of a language code."""
    return NAMES.get(code, code)


#: Characters of a file's text that count toward its weight (what generate keeps of it).
WEIGHT_LIMIT = 16 << 10
#: Evidence a text needs before its language counts: a few letters of a script or words.
MIN_SCORE = 6
#: The share of the weighed text the prevailing language must hold to be a clear answer.
MAJORITY = 0.5


def text_language(text: str) -> str:
    """The language one text is mostly in, or "" when it gives too little to tell."""
    found = scores(text)
    if not found:
        return ""
    lang, score = found.most_common(1)[0]
    return lang if score >= MIN_SCORE else ""


def weight(text: str) -> int:
    """How much a text counts: its characters that are not blanks, up to WEIGHT_LIMIT."""
    head = text[:WEIGHT_LIMIT]
    return len(head) - sum(head.count(blank) for blank in " \n\t\r")


@dataclass(frozen=True)
class Prevailing:
    """The language with the most text, its share, and how much text had a language."""

    top: str = ""
    share: float = 0.0
    weighed: int = 0

    @property
    def code(self) -> str:
        """The top language when it holds most of the text, else ""."""
        return self.top if self.share > MAJORITY else ""


def prevailing(texts: Iterable[str]) -> Prevailing:
    """Which language most of the texts are in, each text weighted by its length."""
    return tally_languages((text_language(text), weight(text)) for text in texts)


def tally_languages(weights: Iterable[tuple[str, int]]) -> Prevailing:
    """The prevailing language from (language, weight) pairs; "" languages are not counted."""
    total: Counter[str] = Counter()
    for lang, amount in weights:
        if lang and amount > 0:
            total[lang] += amount
    if not total:
        return Prevailing()
    (top, amount), weighed = total.most_common(1)[0], sum(total.values())
    return Prevailing(top, amount / weighed, weighed)


@dataclass(frozen=True)
class Choice:
    """The language a request is written in, and why."""

    code: str
    reason: str
    #: The seeds' prevailing language (``zh``, ``de``...), "" when none prevails.
    detected: str = ""
    asked: bool = False

    def line(self) -> str:
        """``language: zh-CN (82% of prose/spec text)``."""
        return f"language: {self.code} ({self.reason})"


def choose(requested: str, found: Prevailing) -> Choice:
    """The language to write in: as asked, else the seeds' prevailing one, else English."""
    from askspec.i18n import AUTO, DEFAULT, for_detected

    if requested != AUTO:
        return Choice(requested, "as asked", found.code, asked=True)
    if not found.weighed:
        return Choice(DEFAULT, "no prose or spec text to tell by; English")
    share = f"{found.share:.0%} of prose/spec text"
    if not found.code:
        return Choice(DEFAULT, f"no language has most of the text, {share} at most; English")
    lang = for_detected(found.code)
    if lang is None:
        name = language_name(found.code)
        return Choice(DEFAULT, f"{share} is {name}, not written by askspec; English", found.code)
    return Choice(lang.code, share, found.code)


def language_row(row: SeedFile) -> tuple[SeedFile, tuple[str, int]]:
    """A scanned row without its text, and its language and weight when it is prose or spec.

    A module-level function, so a scan's worker processes can run it where the text is.
    """
    found = ("", 0)
    if row.kind in {Kind.PROSE, Kind.SPEC} and row.text.strip():
        found = (text_language(row.text), weight(row.text))
    return replace(row, text="", source=""), found
