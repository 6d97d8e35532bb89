"""Plain text read as blocks: paragraphs, list items, headings and aligned tables.

Plain text has no markup, so its structure is read from its layout. A heading is a
line underlined with ``===`` or ``---`` (Setext), a short numbered title ("2.1 Scope")
or a short line in capitals, standing alone. A list item starts with a bullet or a
number. A table is a run of two or more lines split into the same number of columns
by ``|`` or by runs of two or more spaces; its first line is its header. ``Key: value``
lines at the top of the file, before the first blank line, are header fields. Lines
longer than LINE_CUT are read only up to it by every pattern here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from askspec.read.blocks import Block, BlockKind, Document, Outline, titled

LINE_CUT = 2000
HEADING_MAX = 80
UNDERLINE = re.compile(r"[ \t]{0,3}(=+|-+)[ \t]*")
NUMBERED_TITLE = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,3})\.?[ \t]{1,4}(\S.{0,76})")
BULLET = re.compile(r"[ \t]{0,8}(?:[-*+•·▪‣◦]|\(?\d{1,3}[.)]|\(?[a-z][.)])[ \t]{1,4}(\S.*)")
#: ``Key: value``, the key in any script; a full-width colon needs no blank after it.
FIELD = re.compile(r"([^\W\d_][\w ()/-]{0,30}?)(?::[ \t]+|[ \t]{0,2}：[ \t]*)(\S.*)")
COLUMN_GAP = re.compile(r"[ \t]{2,}|\t")


def plain_document(text: str) -> Document:
    """A plain text as blocks, with heading paths and source lines."""
    lines = [line[:LINE_CUT].rstrip() for line in text.splitlines()]
    return titled(plain_blocks(lines))


def plain_blocks(lines: list[str]) -> Iterator[Block]:
    """Group the lines into runs between blank lines, and read each run."""
    outline = Outline()
    number, header_zone = 0, True
    while number < len(lines):
        if not lines[number].strip():
            number += 1
            continue
        end = number
        while end < len(lines) and lines[end].strip():
            end += 1
        run = lines[number:end]
        if header_zone and all(FIELD.fullmatch(line) for line in run):
            yield from fields(run, number + 1)
        else:
            yield from run_blocks(run, number + 1, outline)
        header_zone = False
        number = end


def fields(run: list[str], first: int) -> Iterator[Block]:
    """``Key: value`` lines as field blocks."""
    for offset, line in enumerate(run):
        match = FIELD.fullmatch(line)
        if match:
            key, value = match.group(1).strip(), match.group(2).strip()
            yield Block(BlockKind.FIELD, f"{key}: {value}", first + offset, first + offset,
                        cells=(key, value))  # fmt: skip


def heading_level(run: list[str], at: int) -> int:
    """The level of the heading at run[at], or 0 when it is not one."""
    line = run[at].strip()
    if len(line) > HEADING_MAX:
        return 0
    follow = run[at + 1] if at + 1 < len(run) else ""
    if at + 1 < len(run) and UNDERLINE.fullmatch(follow) and len(follow.strip()) >= 3:
        return 1 if follow.strip()[0] == "=" else 2
    if len(run) != 1:
        return 0
    numbered = NUMBERED_TITLE.fullmatch(line)
    if numbered and not line.endswith((".", ",", ";")):
        return 1 + numbered.group(1).count(".")
    letters = [ch for ch in line if ch.isalpha()]
    if len(letters) >= 3 and all(ch.isupper() for ch in letters) and not line.endswith("."):
        return 1
    return 0


def run_blocks(run: list[str], first: int, outline: Outline) -> Iterator[Block]:
    """The blocks of one run of non-blank lines."""
    level = heading_level(run, 0)
    if level:
        title = run[0].strip()
        taken = 2 if len(run) > 1 and UNDERLINE.fullmatch(run[1]) else 1
        parents = outline.enter(level, title)
        yield Block(BlockKind.HEADING, title, first, first + taken - 1, parents, level=level)
        if taken < len(run):
            yield from run_blocks(run[taken:], first + taken, outline)
        return
    if table := table_cells(run):
        header = table[0][1]
        for offset, cells in table[1:]:
            yield Block(BlockKind.ROW, " | ".join(cells), first + offset, first + offset,
                        outline.path, cells, header)  # fmt: skip
        return
    yield from paragraphs_and_items(run, first, outline.path)


def paragraphs_and_items(run: list[str], first: int, path: tuple[str, ...]) -> Iterator[Block]:
    """A run as one paragraph, or as list items when its lines start with bullets."""
    start, kind = first, BlockKind.PARAGRAPH
    pieces: list[str] = []
    for offset, line in enumerate(run):
        item = BULLET.fullmatch(line)
        if item and pieces:
            yield Block(kind, " ".join(pieces), start, first + offset - 1, path)
            pieces = []
        if item:
            start, kind = first + offset, BlockKind.ITEM
            pieces.append(item.group(1).strip())
        else:
            pieces.append(line.strip())
    if pieces:
        yield Block(kind, " ".join(pieces), start, first + len(run) - 1, path)


def table_cells(run: list[str]) -> list[tuple[int, tuple[str, ...]]] | None:
    """Each line's offset in the run and its cells, when the run is an aligned or piped
    table (a separator line of dashes is left out); else None."""
    if len(run) < 3:
        return None
    if all("|" in line for line in run):
        rows = [(n, tuple(c.strip() for c in line.strip().strip("|").split("|")))
                for n, line in enumerate(run)]  # fmt: skip
        rows = [(n, row) for n, row in rows if not all(set(c) <= set("-: =+") for c in row)]
    else:
        rows = [(n, tuple(COLUMN_GAP.split(line.strip()))) for n, line in enumerate(run)]
    widths = {len(row) for _, row in rows}
    if len(rows) < 2 or len(widths) != 1 or widths.pop() < 2:
        return None
    return rows
