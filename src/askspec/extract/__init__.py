"""Find what the seeds already state about each area, quoted whole, with file and line.

Documents are read as blocks (:mod:`askspec.read.blocks`) and each block is judged by
its heading path, table header, words and units (:mod:`askspec.extract.relevance`).
Code and API definitions state their interface in statements and operations, read by
:mod:`askspec.extract.code` through :mod:`askspec.extract.source`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from askspec.extract.api import api_facts
from askspec.extract.facts import block_facts
from askspec.extract.source import source_facts
from askspec.models import Fact, Kind, SeedFile
from askspec.read.api_blocks import api_document

__all__ = ["extract", "seed_facts"]

#: The kinds of seed that state facts (data defines nothing; binaries are not read).
READ_KINDS = frozenset({Kind.PROSE, Kind.CODE, Kind.SPEC})
#: Facts are read from this much of each file's text. Every fact annotated in the
#: benchmark corpus stands in a file's first 72 KiB; what lies beyond is mostly
#: changelogs, licences and test data, which cost half of generate's time on a source
#: tree of ten thousand files.
FACT_TEXT_LIMIT = 256 << 10
#: Files that their name marks as a licence, a changelog or a list of people state
#: nothing about the system, as sections of those names do not. Bounded, on one name.
NOT_ABOUT_THE_SYSTEM = re.compile(
    r"(?:licen[cs]e|copying|copyright|notice|changelog|changes|news|history|authors|"
    r"contributors|contributing|code_of_conduct|code-of-conduct)"
    r"(?:[-_.](?:v?\d{1,4}(?:\.\d{1,4}){0,3}|mit|apache(?:-2\.0)?|bsd|gpl|lgpl|mpl))?"
    r"(?:\.(?:md|markdown|txt|rst|adoc|html?))?",
    re.IGNORECASE,
)


def readable_part(seed: SeedFile) -> SeedFile:
    """The seed with its text, and its source, cut at a line end after FACT_TEXT_LIMIT."""
    if len(seed.text) <= FACT_TEXT_LIMIT and len(seed.source) <= FACT_TEXT_LIMIT:
        return seed
    return replace(seed, text=cut(seed.text), source=cut(seed.source))


def cut(text: str) -> str:
    """The text up to the end of the line that FACT_TEXT_LIMIT falls in."""
    end = text.find("\n", FACT_TEXT_LIMIT)
    return text if end < 0 else text[: end + 1]


def seed_facts(seed: SeedFile) -> list[Fact]:
    """Every fact one seed states: from its operations, its code or its blocks."""
    if seed.kind is Kind.CODE:
        return source_facts(seed)
    if seed.kind is Kind.SPEC:
        definition = api_document(seed.path.rpartition("/")[2], seed.text)
        if definition is not None and (found := api_facts(seed, definition)):
            return found
    return block_facts(seed)


def extract(files: Iterable[SeedFile]) -> tuple[Fact, ...]:
    """Every fact the readable seeds state, in file and line order."""
    facts: list[Fact] = []
    for seed in files:
        name = seed.path.rpartition("/")[2]
        if seed.kind in READ_KINDS and seed.text and not NOT_ABOUT_THE_SYSTEM.fullmatch(name):
            facts.extend(seed_facts(readable_part(seed)))
    return tuple(facts)
