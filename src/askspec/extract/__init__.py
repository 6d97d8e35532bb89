"""Find what the seeds already state about each area, quoted whole, with file and line.

Documents are read as blocks (:mod:`askspec.read.blocks`) and each block is judged by
its heading path, table header, words and units (:mod:`askspec.extract.relevance`).
Code and API definitions state their interface in statements and operations, read by
:mod:`askspec.extract.code` through :mod:`askspec.extract.source`.
"""

from __future__ import annotations

from collections.abc import Iterable

from askspec.extract.api import api_facts
from askspec.extract.facts import block_facts
from askspec.extract.source import source_facts
from askspec.models import Fact, Kind, SeedFile
from askspec.read.api_blocks import api_document

__all__ = ["extract", "seed_facts"]

#: The kinds of seed that state facts (data defines nothing; binaries are not read).
READ_KINDS = frozenset({Kind.PROSE, Kind.CODE, Kind.SPEC})


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
        if seed.kind in READ_KINDS and seed.text:
            facts.extend(seed_facts(seed))
    return tuple(facts)
