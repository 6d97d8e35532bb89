"""The document model: a file as a sequence of blocks, each with its place and lines.

Every reader turns its format into the same blocks, so that what reads a document
(the fact extractor, the summary) sees one shape whatever the source was. A block
knows its kind, its plain text, the heading path it sits under and the first and last
line of the source it came from, so that a quote can cite ``notes.md:14``. A table
row keeps its table's header cells beside its own.

Line numbers are those of the file as stored, for every text format (Markdown, HTML,
reStructuredText, plain text, notebooks' JSON). For PDF and office documents, whose
text is extracted, they are lines of the extracted text.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

#: A lead label longer than this, in words, is a sentence in bold, not a title.
LABEL_WORDS = 6


class BlockKind(enum.StrEnum):
    """What a block is."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"  # a list item
    QUOTE = "quote"  # a block quote's paragraph
    ROW = "row"  # a table or sheet row, with its header
    CODE = "code"  # a code block or a notebook's code cell
    FIELD = "field"  # ``key: value`` from front matter or a document header
    API = "api"  # an API operation, message or schema
    LINKS = "links"  # a paragraph or list item that is only links: navigation, a link list


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a document: its kind, text, heading path and source lines."""

    kind: BlockKind
    text: str
    first: int
    last: int
    section: tuple[str, ...] = ()
    #: A row's cells; for a field, its key and value.
    cells: tuple[str, ...] = ()
    #: The header cells of the table a row belongs to.
    header: tuple[str, ...] = ()
    #: A heading's level, 1 for the title.
    level: int = 0
    #: A code block's language, as its fence or cell names it.
    lang: str = ""
    #: A paragraph's or item's lead label, which titles it as a heading would:
    #: ``**Input** Models take text only.``, ``Latency: under 200 ms``.
    label: str = ""

    @property
    def path(self) -> str:
        """The heading path as one line: ``Hardware > Minimum requirements``."""
        return " > ".join(self.section)

    def row_text(self) -> str:
        """A row read with its header: ``Size: 7B; Required VRAM: 16 GB``."""
        if not self.header:
            return self.text
        pairs = zip(self.header, self.cells, strict=False)
        return "; ".join(f"{name}: {value}" if name else value for name, value in pairs if value)


@dataclass(frozen=True)
class Document:
    """A file read as blocks, in source order."""

    blocks: tuple[Block, ...] = ()
    #: The title a reader would name the file by: the first heading or title field.
    title: str = ""
    problems: tuple[str, ...] = field(default=())

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)

    def __len__(self) -> int:
        return len(self.blocks)


class Outline:
    """Keeps the heading path while a reader walks a document in order."""

    def __init__(self) -> None:
        self._stack: list[tuple[int, str]] = []

    def enter(self, level: int, title: str) -> tuple[str, ...]:
        """Record a heading; return the path it sits under (its parents)."""
        while self._stack and self._stack[-1][0] >= level:
            self._stack.pop()
        parents = self.path
        self._stack.append((level, title))
        return parents

    @property
    def path(self) -> tuple[str, ...]:
        """The titles of the headings the next block sits under, outermost first."""
        return tuple(title for _, title in self._stack)


def titled(blocks: Iterable[Block], problems: tuple[str, ...] = ()) -> Document:
    """A document of the blocks, titled by its first heading or title field."""
    kept = tuple(blocks)
    title = next((b.text for b in kept if b.kind is BlockKind.HEADING and b.text), "")
    for block in kept:
        if block.kind is BlockKind.FIELD and block.cells[:1] and block.cells[0].lower() == "title":
            title = block.cells[1] if len(block.cells) > 1 else title
            break
    return Document(kept, title, problems)


def shifted(blocks: Iterable[Block], lines: int) -> Iterator[Block]:
    """The blocks with their line numbers moved down by lines (for embedded parts)."""
    for block in blocks:
        yield replace(block, first=block.first + lines, last=block.last + lines)
