"""reStructuredText's grid and simple tables as rows, each with its table's header."""

from __future__ import annotations

import re

from askspec.read.blocks import Block, BlockKind

#: ``+-----+-----+`` (``=`` under the header); applied to a stripped, cut line.
GRID_BORDER = re.compile(r"\+(?:[-=]++\+)++")
#: ``=====  =====``; applied to a stripped, cut line. Possessive, and starting only
#: where a run of "=" starts, so a long run is tried once, not from each of its places.
SIMPLE_BORDER = re.compile(r"(?<!=)=++(?:[ \t]++=++)++")
COLUMN = re.compile(r"[-=]+")


def spans(border: str, offset: int) -> list[tuple[int, int]]:
    """The columns a border line marks, as (start, end) positions."""
    return [(m.start() + offset, m.end() + offset) for m in COLUMN.finditer(border)]


def cut(line: str, columns: list[tuple[int, int]], last_open: bool) -> list[str]:
    """A line's text in each column; the last column may run on to the end."""
    pieces = []
    for number, (start, end) in enumerate(columns):
        stop = None if last_open and number == len(columns) - 1 else end
        pieces.append(line[start:stop].strip(" |"))
    return pieces


def as_blocks(rows: list[tuple[int, int, tuple[str, ...]]], header_rows: int) -> list[Block]:
    """Rows as blocks: the header rows joined into the header of the others."""
    header: tuple[str, ...] = ()
    if header_rows and len(rows) > header_rows:
        parts = zip(*(cells for _, _, cells in rows[:header_rows]), strict=False)
        header = tuple(" ".join(filter(None, column)) for column in parts)
        rows = rows[header_rows:]
    return [
        Block(BlockKind.ROW, " | ".join(cells), first, last, cells=cells, header=header)
        for first, last, cells in rows
    ]


def grid_table(lines: list[str], first: int) -> list[Block]:
    """A grid table: rows between ``+---+`` borders; rows above ``+===+`` are the header."""
    offset = len(lines[0]) - len(lines[0].lstrip())
    columns = [(start + 1, end) for start, end in spans(lines[0].strip(), offset)]
    rows: list[tuple[int, int, tuple[str, ...]]] = []
    current: list[list[str]] = []
    header_rows = 0
    for number, line in enumerate(lines[1:], start=first + 1):
        if not GRID_BORDER.fullmatch(line.strip()):
            current.append(cut(line, columns, False))
            continue
        cells = tuple(" ".join(" ".join(c).split()) for c in zip(*current, strict=False))
        if any(cells):
            rows.append((number - len(current), number - 1, cells))
        current = []
        header_rows = len(rows) if "=" in line and not header_rows else header_rows
    return as_blocks(rows, header_rows or 1)


def simple_table(lines: list[str], first: int) -> list[Block]:
    """A simple table: ``===`` borders, the header between the first two."""
    columns = spans(lines[0], 0)
    borders = [n for n, line in enumerate(lines) if SIMPLE_BORDER.fullmatch(line.strip())]
    header_end = borders[1] if len(borders) > 2 else 0
    groups: list[tuple[int, int, list[str]]] = []
    for number, line in enumerate(lines):
        if number in borders or not line.strip():
            continue
        cells = cut(line, columns, True)
        if groups and not cells[0] and number > header_end:
            last = groups[-1]  # a continuation line: its cells join the row's
            merged = [f"{a} {b}".strip() for a, b in zip(last[2], cells, strict=False)]
            groups[-1] = (last[0], first + number, merged)
        else:
            groups.append((first + number, first + number, cells))
    header_rows = sum(1 for first_line, _, _ in groups if first_line - first < header_end)
    return as_blocks([(a, b, tuple(c)) for a, b, c in groups], header_rows)
