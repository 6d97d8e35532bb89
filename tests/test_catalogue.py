"""The question catalogue stays generic: no one project's domain in a question, hint or example."""

from __future__ import annotations

import re

from askspec.request.catalogue import CATALOGUE, HINTS
from askspec.request.tailored import TAILORED
from conftest import EXAMPLE_SEEDS

#: Words the example seeds share with any software request; everything else they say is
#: their own domain, and must not leak into shipped text.
_GENERIC_WORDS = """
    about after alert alerts also always another answer before between built csv data
    each email every file files first from have into keep keeps last line list minute
    minutes must office once only other outputs inputs people phone read reading
    readings record records report reports requirements same scope send should system
    team than that their them then there they this time under weekly when which while
    will with within without would write year value limit limits above daily hour hours
    text state running runs used uses using where what hand paper sheet machine laptop
    python import print return main open output input python3 stays level system's
    service above message messages format reach level device devices done figure least
    name staff still three week
"""
GENERIC = frozenset(_GENERIC_WORDS.split())
WORD = re.compile(r"[a-z][a-z'-]{3,}")


def seed_vocabulary() -> set[str]:
    words: set[str] = set()
    for path in EXAMPLE_SEEDS.iterdir():
        words |= set(WORD.findall(path.read_text("utf-8").lower()))
    return words - GENERIC


def shipped_text() -> str:
    parts = [f"{e.title} {e.guidance} {e.example} {e.hint}" for e in CATALOGUE]
    parts += HINTS.values()
    parts += [" ".join(t) for kind in TAILORED.values() for t in kind.values()]
    return " ".join(parts).lower()


def test_no_question_hint_or_example_names_the_example_seeds_domain() -> None:
    leaked = sorted(seed_vocabulary() & set(WORD.findall(shipped_text())))
    assert leaked == []


def test_the_hardware_questions_have_hints_of_their_own() -> None:
    hints = {e.id: e.hint for e in CATALOGUE if e.id.startswith("HW-")}
    assert len(set(hints.values())) == len(hints)
