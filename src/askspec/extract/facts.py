"""Facts from a document's blocks: one quote per block and area, cited by its line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from askspec.extract.documents import document_and_lines
from askspec.extract.phrases import topics
from askspec.extract.relevance import measurable, quote_of, relevance
from askspec.measure import parse_targets
from askspec.models import Area, Fact, SeedFile
from askspec.read.blocks import Block, BlockKind

#: A paragraph longer than this many lines is no paragraph a writer meant (a log, a
#: text without blank lines): it is read line by line.
LONG_BLOCK = 30


def pieces(block: Block, lines: list[str]) -> Iterator[Block]:
    """The block, or its lines one by one when it is too long to be one paragraph."""
    if block.last - block.first < LONG_BLOCK or block.kind is not BlockKind.PARAGRAPH:
        yield block
        return
    for number in range(block.first, min(block.last, len(lines)) + 1):
        if text := " ".join(lines[number - 1].split()):
            yield replace(block, text=text, first=number, last=number)


def cited_line(block: Block, quote: str, lines: list[str]) -> int:
    """The source line where the quote starts, within the block's lines."""
    words = quote.rstrip("…").split()
    # The quote's first words; fewer when a line break falls among them.
    for count in (4, 2):
        probe = " ".join(words[:count])
        for number in range(block.first, min(block.last, len(lines)) + 1):
            if probe and probe in " ".join(lines[number - 1].split()):
                return number
    return block.first


def block_facts(seed: SeedFile) -> list[Fact]:
    """Every fact the seed's blocks state, most telling first within each area."""
    document, lines = document_and_lines(seed)
    facts: list[Fact] = []
    quoted: set[tuple[Area, str]] = set()
    blocks = (piece for block in document for piece in pieces(block, lines))
    for block in blocks:
        for found in relevance(block, document.title):
            text = quote_of(block, found.area)
            if (found.area, text) in quoted:
                continue
            quoted.add((found.area, text))
            targets = parse_targets(text) if found.area in (Area.HARDWARE, Area.PERFORMANCE) else ()
            facts.append(
                Fact(
                    found.area,
                    seed.path,
                    cited_line(block, text, lines),
                    text,
                    measurable(found.area, text),
                    topics(found.area, text),
                    targets,
                    found.weight,
                    found.signals,
                )
            )
    return facts
