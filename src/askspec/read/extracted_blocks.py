"""The text askspec extracts from PDF and office documents, read as blocks.

That text has a fixed shape: headings (and each slide or sheet) as ``# Title`` lines,
table and sheet rows as cells joined by `` | ``, a paragraph of a word processor on
one line, and the wrapped lines of a PDF page with blank lines between pages. A run
of row lines is a table whose first line is its header. Lines of a PDF paragraph
are joined into one block while a line does not end a sentence. Line numbers are
lines of the extracted text. Lines are read up to LINE_CUT characters by the patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from askspec.read.blocks import Block, BlockKind, Document, Outline, titled

LINE_CUT = 2000
CELL_SEPARATOR = " | "
HEADING = re.compile(r"(#{1,6})[ \t]+(\S.*)")
BULLET = re.compile(r"(?:[-*•◦▪‣–]|\(?\d{1,3}[.)]|\(?[a-z][.)])[ \t]+(\S.*)")
#: How a line that ends its sentence (or its title) ends.
SENTENCE_END = ".!?:;。！？；：)\"'”»"


def extracted_document(text: str) -> Document:
    """Extracted document text as blocks, with heading paths and lines of the text."""
    return titled(extracted_blocks(text.splitlines()))


def extracted_blocks(lines: list[str]) -> Iterator[Block]:
    """Headings, tables and paragraphs of the lines, in order."""
    outline = Outline()
    number = 0
    while number < len(lines):
        line = lines[number].strip()
        if not line:
            number += 1
        elif heading := HEADING.fullmatch(line[:LINE_CUT]):
            level, title = len(heading.group(1)), heading.group(2).strip()
            parents = outline.enter(level, title)
            yield Block(BlockKind.HEADING, title, number + 1, number + 1, parents, level=level)
            number += 1
        elif CELL_SEPARATOR in line:
            end = table_end(lines, number)
            yield from table(lines[number:end], number + 1, outline.path)
            number = end
        else:
            end = paragraph_end(lines, number)
            yield paragraph(lines[number:end], number + 1, outline.path)
            number = end


def table_end(lines: list[str], start: int) -> int:
    """The index after the run of row lines from start."""
    end = start + 1
    while end < len(lines) and CELL_SEPARATOR in lines[end].strip():
        end += 1
    return end


def paragraph_end(lines: list[str], start: int) -> int:
    """The index after a paragraph: lines joined while the last ends no sentence."""
    end = start + 1
    while end < len(lines):
        following = lines[end].strip()
        if not following or HEADING.fullmatch(following[:LINE_CUT]) or CELL_SEPARATOR in following:
            break
        if lines[end - 1].rstrip().endswith(tuple(SENTENCE_END)):
            break
        if BULLET.fullmatch(following[:LINE_CUT]):
            break
        end += 1
    return end


def paragraph(run: list[str], first: int, path: tuple[str, ...]) -> Block:
    """A paragraph or list item, its wrapped lines joined and hyphenation undone."""
    text = run[0].strip()
    for line in run[1:]:
        piece = line.strip()
        if text.endswith("-") and text[-2:-1].isalpha() and piece[:1].islower():
            text = text[:-1] + piece
        else:
            text = f"{text} {piece}"
    item = BULLET.match(text[:LINE_CUT])
    kind = BlockKind.ITEM if item else BlockKind.PARAGRAPH
    text = text[item.start(1) :] if item else text
    return Block(kind, text, first, first + len(run) - 1, path)


def table(run: list[str], first: int, path: tuple[str, ...]) -> Iterator[Block]:
    """A run of row lines; the first is the header when more rows follow."""
    rows = [tuple(cell.strip() for cell in line.strip().split(CELL_SEPARATOR)) for line in run]
    header = rows[0] if len(rows) > 1 else ()
    for offset, cells in enumerate(rows[1:] if header else rows, start=1 if header else 0):
        line = first + offset
        text = CELL_SEPARATOR.join(cells)
        yield Block(BlockKind.ROW, text, line, line, path, cells, header)
