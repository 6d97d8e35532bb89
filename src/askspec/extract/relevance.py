"""Judge which area each block of a document speaks about, and quote it whole.

A block belongs to an area from several signals together, each worth a weight:

- its heading path names the area ("Hardware > Minimum requirements");
- its table's header names it, or a unit of its dimension ("Required VRAM", "tokens/s");
- its own words speak about it ("reads CSV files", "must answer in 200 ms");
- its numbers have the area's dimension (bytes of memory, a latency, a rate);
- it is a ``key: value`` field whose key names the area.

A block is a fact of an area when its signals reach RELEVANT. Blocks that are contact
details, boilerplate, metadata, headings alone, or that stand in sections such as
"License" or "Changelog", are never facts. The quote is the whole block (a table row
read with its header), or, for a long paragraph, the sentences that carry the signal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from askspec.extract import rules as r
from askspec.extract import vocabulary as v
from askspec.extract.phrases import speaks_about
from askspec.measure import hardware_specific, parse_targets, speedups
from askspec.models import Area
from askspec.read.blocks import Block, BlockKind

AREAS = (Area.INPUTS, Area.OUTPUTS, Area.HARDWARE, Area.PERFORMANCE)
#: The weight a block's signals must reach for it to be a fact of an area.
RELEVANT = 2.0
#: Quotes longer than this are cut to the sentences that speak about the area.
QUOTE_LIMIT = 240
#: Longer headings ask or say something; only short ones name a topic.
TITLE_LIMIT = 48
WEIGHTS = {
    "heading": 2.0, "header": 2.0, "field": 3.0, "words": 2.0, "io": 2.0, "units": 1.0,
    "entry": 2.0, "operation": 3.0,
}  # fmt: skip
#: Where one sentence ends and the next starts: after a full stop and a blank before a
#: capital, digit or opening mark, or after a CJK full stop ("cpu.io" is no end).
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[`*])|(?<=[。！？])")
QUOTED_KINDS = frozenset(
    {BlockKind.PARAGRAPH, BlockKind.ITEM, BlockKind.QUOTE, BlockKind.ROW, BlockKind.FIELD}
)


@dataclass(frozen=True)
class Relevance:
    """How strongly a block speaks about one area, and which signals say so."""

    area: Area
    weight: float
    signals: tuple[str, ...]


def operation(block: Block) -> bool:
    """Whether a paragraph or a code block is one HTTP operation and nothing more."""
    kinds = (BlockKind.PARAGRAPH, BlockKind.CODE)
    return block.kind in kinds and bool(v.OPERATION.fullmatch(block.text.strip()[:240]))


def skipped(block: Block, title: str = "") -> bool:
    """Whether a block can never be a fact: its kind, its section or its content. The
    document's own title skips nothing: in a document titled "FAQ" or "Links", every
    block would be skipped."""
    if block.kind not in QUOTED_KINDS and not operation(block) or not block.text.strip():
        return True
    if any(v.SKIPPED_SECTIONS.search(t[:200]) for t in own_titles(block, title)):
        return True
    key = block.cells[0].strip().lower() if block.kind is BlockKind.FIELD and block.cells else ""
    if key in v.META_FIELDS:
        return True
    if block.kind is BlockKind.FIELD and not "".join(block.cells[1:]).strip():
        return True  # a field with no value states nothing
    if block.label and not block.text.strip(" :：").removeprefix(block.label).strip(" :："):
        return True  # a label alone titles what follows; it states nothing
    text = block.text[: v.TEXT_CUT]
    if text.rstrip().endswith(("?", "？")):  # a question asks; it states nothing
        return True
    if len(text) <= 40 and v.NOTHING.fullmatch(text.strip()):
        return True
    return bool(v.CONTACT.search(text) or v.BOILERPLATE.search(text))


def titles(block: Block) -> tuple[str, ...]:
    """The headings a block stands under, and its own lead label as the nearest."""
    return (*block.section, block.label) if block.label else block.section


def own_titles(block: Block, title: str) -> tuple[str, ...]:
    """The headings and label a block stands under, less the document's own title."""
    path = titles(block)
    return path[1:] if title and path[:1] == (title,) else path


def titled_area(title: str, area: Area) -> bool:
    """Whether a heading, header cell or field key names the area ("Period of
    Performance" names a contract's term, not the system's speed)."""
    if area is Area.PERFORMANCE and r.CONTRACT_PERFORMANCE.search(title[:200]):
        return False
    return bool(v.TITLE_PATTERNS[area].search(title[:200]))


def unit_signal(area: Area, text: str) -> bool:
    """Whether the block's numbers have the area's dimension."""
    if area is Area.HARDWARE:
        return bool(v.MEMORY_UNIT.search(text))
    if area is Area.PERFORMANCE:
        return bool(v.RATE_UNIT.search(text) or v.LATENCY.search(text) or speed_ratio(area, text))
    return False


def short_title(title: str) -> bool:
    """A heading that names a topic, not one that asks, weighs options or says
    something at length."""
    if v.DELIBERATION.search(title[:TITLE_LIMIT]):
        return False
    return len(title) <= TITLE_LIMIT and len(title.split()) <= 6 and not title.endswith("?")


def header_names(block: Block, area: Area) -> bool:
    """Whether a row's header names the area: any column for hardware and performance
    ("Required VRAM", "tokens/s"), the first for inputs and outputs ("Parameter")."""
    cells = block.header if area in (Area.HARDWARE, Area.PERFORMANCE) else block.header[:1]
    return any(titled_area(cell, area) for cell in cells)


def other_words(area: Area, text: str) -> bool:
    """Words of the area in other languages: enough for inputs and outputs; hardware
    and performance named so count only beside a value."""
    if not v.OTHER_WORDS[area].search(text):
        return False
    return area in (Area.INPUTS, Area.OUTPUTS) or measurable(area, text)


def sections(block: Block, title: str = "") -> tuple[str, ...]:
    """The headings a block stands under that can name its area: the nearest three,
    less the document's own title (a title such as "Request for quotation: route
    planning" or "Proposal: benchmark data format" names the document, not each part)."""
    return own_titles(block, title)[-3:]


def signals_for(block: Block, area: Area, title: str = "") -> list[str]:
    """The names of the signals that tie a block to an area."""
    found = []
    if any(short_title(t) and titled_area(t, area) for t in sections(block, title)):
        found.append("heading")
    if block.kind is BlockKind.ROW and header_names(block, area):
        found.append("header")
    if block.kind is BlockKind.FIELD and block.cells[:1] and titled_area(block.cells[0], area):
        found.append("field")
    if found and block.kind is BlockKind.ITEM and v.ENTRY.match(block.text):
        found.append("entry")  # a parameter or field defined under its area's title
    if area is Area.INPUTS and operation(block):
        found.append("operation")
    found.extend(text_signals(area, block.text[: v.TEXT_CUT]))
    return found


def speed_ratio(area: Area, text: str) -> bool:
    """A speed told as a ratio ("1.5x faster", "3 倍高速"): words of speed with a value."""
    return area is Area.PERFORMANCE and next(speedups(text), None) is not None


def text_signals(area: Area, text: str) -> list[str]:
    """The signals a text gives by itself: its words, and the units of its numbers."""
    found = []
    if speaks_about(area, text) or other_words(area, text) or speed_ratio(area, text):
        found.append("words")
    elif area in v.IO_WORDS and v.IO_WORDS[area].search(text):
        found.append("io")
    if unit_signal(area, text):
        found.append("units")
    return found


def weigh(area: Area, names: list[str], text: str) -> float:
    """The weight of a block's signals for an area. Hardware and performance named in
    passing ("latency", "CPU") count for little unless the block states a value."""
    weight = sum(WEIGHTS[name] for name in names)
    if "words" in names and in_passing(area, text[: v.TEXT_CUT]):
        weight -= WEIGHTS["words"] / 2
    return weight


def in_passing(area: Area, text: str) -> bool:
    """Hardware or performance mentioned without a value, and not as something wanted
    of the system ("runs on a laptop", "has to be fast" are wanted)."""
    if area is Area.HARDWARE:
        return not (measurable(area, text) or r.HARDWARE_WEAK.search(text))
    if area is Area.PERFORMANCE:
        return not (measurable(area, text) or r.WISH.search(text))
    return False


def alone(names: list[str]) -> bool:
    """Whether the block's own words are its only tie to the area."""
    return len(names) == 1 and names[0] in ("words", "io")


def unsupported(area: Area, text: str) -> bool:
    """Whether a block tied to an area by its words alone neither states something
    concrete nor says what is wanted ("runs on the old laptop", "has to be fast"; a speed
    only firmly: "must", "has to", not "should" or "want"). A
    sentence that names an input or a speed in passing, with no heading, table or
    field behind it, is rarely what a reader would quote."""
    if area is Area.HARDWARE:
        return in_passing(area, text)
    if area is Area.PERFORMANCE:
        return not (measurable(area, text) or r.FIRM_WISH.search(text))
    return not measurable(area, text)


def relevance(block: Block, title: str = "") -> Iterator[Relevance]:
    """Each area the block speaks about, strongest first."""
    if skipped(block, title):
        return
    found = []
    # Under a section that sets the scene, a block's own words tie it to no area.
    background = any(v.BACKGROUND_SECTIONS.search(t[:200]) for t in titles(block))
    example = bool(v.EXAMPLE_OPENING.match(block.text.lstrip()))
    for area in AREAS:
        names = signals_for(block, area, title)
        weight = weigh(area, names, block.text)
        if alone(names) and (background or example or unsupported(area, block.text[: v.TEXT_CUT])):
            continue
        if weight >= RELEVANT:
            found.append(Relevance(area, weight, tuple(names)))
    found.sort(key=lambda r: -r.weight)
    # A block answers its strongest area; another only when it is as strongly about it,
    # or when it states something concrete about each ("reads GPX files... writes rows
    # to a PostgreSQL table" answers inputs and outputs).
    text = block.text[: v.TEXT_CUT]
    for item in found:
        strong = item is found[0] or item.weight >= found[0].weight
        if strong or (measurable(item.area, text) and measurable(found[0].area, text)):
            yield item


def quote_of(block: Block, area: Area) -> str:
    """The block as a quote: a row, item or field whole when short; of a paragraph, the
    sentences that speak about the area (the whole paragraph when it is one sentence,
    or when no sentence speaks about the area on its own, under a heading that does)."""
    text = block.row_text() if block.kind is BlockKind.ROW else block.text
    flat = " ".join(text.split())
    if label := v.LEADING_LABEL.match(flat):
        flat = flat[label.end() :]
    if titles_sentence(block.label, flat):  # "**Input** Text only." reads "Input: Text only."
        flat = f"{block.label}:{flat[len(block.label) :]}"
    if len(flat) <= QUOTE_LIMIT and block.kind is not BlockKind.PARAGRAPH:
        return flat
    sentences = [s.strip() for s in SENTENCE_BREAK.split(flat[: v.TEXT_CUT]) if s.strip()]
    if len(sentences) <= 1 and len(flat) <= QUOTE_LIMIT:
        return flat
    telling = [i for i, s in enumerate(sentences) if text_signals(area, s)]
    # An example illustrates what the sentences around it state: those come first.
    stating = [i for i in telling if not v.EXAMPLE_OPENING.match(sentences[i])]
    telling = stating or telling
    if not telling:
        chosen = " ".join(sentences[:2]) if len(flat) > QUOTE_LIMIT else flat
    else:
        # The first sentence that speaks, and the next one when it speaks too.
        first = telling[0]
        run = [first, first + 1] if first + 1 in telling else [first]
        chosen = " ".join(sentences[i] for i in run)
    return chosen if len(chosen) <= QUOTE_LIMIT else chosen[: QUOTE_LIMIT - 1] + "…"


def titles_sentence(label: str, flat: str) -> bool:
    """Whether a lead label in bold stands before a sentence of its own, with no colon
    between them: words, a blank, then a capital or a digit."""
    rest = flat[len(label) : len(label) + 2]
    if not label or not label[-1].isalnum() or not flat.startswith(label):
        return False
    return rest[:1] == " " and (rest[1:].isupper() or rest[1:].isdigit())


def measurable(area: Area, text: str) -> bool:
    """Whether a relevant quote states something concrete enough to check: a named
    format, endpoint, option, field or device, or a number with a unit of the right
    dimension."""
    if area is Area.HARDWARE:
        return hardware_specific(text) or bool(v.MEMORY_UNIT.search(text))
    if area is Area.PERFORMANCE:
        return bool(parse_targets(text))
    return bool(v.CONCRETE_IO.search(text[: v.TEXT_CUT]))
