"""The tables of an HTML page, row by row, each row kept with its table's header cells."""

from __future__ import annotations

from dataclasses import dataclass, field

from askspec.read.blocks import Block, BlockKind


@dataclass
class Table:
    """A table being read: its header, the row and the cell being read."""

    header: tuple[str, ...] = ()
    rows: int = 0
    row: list[str] | None = None
    heads: list[bool] = field(default_factory=list)
    cell: list[str] | None = None
    first: int = 0
    last: int = 0
    #: A first row taken as header, yielded as a row if no other row follows.
    pending: Block | None = None


class Tables:
    """The open tables, innermost last; a cell's text goes to the innermost."""

    def __init__(self) -> None:
        self.stack: list[Table] = []

    def open_table(self) -> None:
        """Start a table (inside the current cell, if any)."""
        self.stack.append(Table())

    def open_row(self, line: int) -> list[Block]:
        """Start a row, ending one left open; return the rows ended."""
        if not self.stack:
            self.open_table()
        done = self.close_row()
        table = self.stack[-1]
        table.row, table.heads, table.first, table.last = [], [], line, line
        return done

    def open_cell(self, head: bool) -> None:
        """Start a cell, ending one left open."""
        if not self.stack or self.stack[-1].row is None:
            return
        self.close_cell()
        table = self.stack[-1]
        table.cell = []
        table.heads.append(head)

    def in_cell(self) -> bool:
        """True when text goes into a table cell."""
        return bool(self.stack) and self.stack[-1].cell is not None

    def add(self, data: str, line: int) -> None:
        """Add text to the current cell."""
        table = self.stack[-1]
        if table.cell is not None:
            table.cell.append(data)
            if data.strip():
                table.last = max(table.last, line)

    def close_cell(self) -> None:
        """End the current cell."""
        table = self.stack[-1] if self.stack else None
        if table is not None and table.cell is not None and table.row is not None:
            table.row.append(" ".join("".join(table.cell).split()))
            table.cell = None

    def close_row(self) -> list[Block]:
        """End the current row: the table's header, or a row kept with it."""
        if not self.stack or self.stack[-1].row is None:
            return []
        self.close_cell()
        table = self.stack[-1]
        cells, heads = tuple(table.row or ()), table.heads
        table.row = None
        if not any(cells):
            return []
        row = Block(BlockKind.ROW, " | ".join(cells), table.first, table.last, cells=cells)
        table.rows += 1
        if all(heads) or (table.rows == 1 and not any(heads)):
            done = [table.pending] if table.pending else []
            table.header, table.pending = cells, row
            return done
        table.pending = None
        return [Block(BlockKind.ROW, row.text, row.first, row.last, (), cells, table.header)]

    def close_table(self) -> list[Block]:
        """End the innermost table; a header row with no rows under it is kept as a row."""
        if not self.stack:
            return []
        done = self.close_row()
        table = self.stack.pop()
        return done + ([table.pending] if table.pending else [])
