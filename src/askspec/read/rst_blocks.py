"""reStructuredText read as blocks, line by line, without docutils.

A section title is a line underlined (and perhaps overlined) with one punctuation
character; its level is the order in which its adornment style first appears.
``Key: value`` lines at the top (PEP and RFC headers) and field lists (``:Status:
Draft``) are fields. Literal blocks (after ``::`` or a ``code-block`` directive) are
code; grid and simple tables are rows with their header. Every pattern is applied to
a line cut to LINE_CUT characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from askspec.read.blocks import Block, BlockKind, Document, Outline, titled
from askspec.read.rst_tables import GRID_BORDER, SIMPLE_BORDER, grid_table, simple_table

LINE_CUT = 2000
ADORNMENT = re.compile(r"([=\-~^\"'`#*+:.<>_!$%&,/;?@\\|])\1{2,}[ \t]*")
HEADER_FIELD = re.compile(r"([A-Z][\w-]{0,30}):[ \t]+(\S.*)")
FIELD_LIST = re.compile(r":([^:`\s][^:`]{0,60}):(?:[ \t]+(\S.*))?")
ITEM = re.compile(r"(?:[-*+•‣⁃]|\(?(?:\d{1,4}|[A-Za-z#])[.)])[ \t]+(\S.*)")
CODE_DIRECTIVE = re.compile(r"\.\.[ \t]+(?:code-block|code|sourcecode)::[ \t]*([\w+#.-]{0,30})")
DIRECTIVE = re.compile(r"\.\.[ \t]+[\w:-]{1,40}::")


def indent(line: str) -> int:
    """The width of a line's leading blanks."""
    return len(line) - len(line.lstrip())


class RstReader:
    """Walks the lines once, keeping the heading path and the adornment styles seen."""

    def __init__(self, source: str) -> None:
        self.lines = [line[:LINE_CUT].rstrip() for line in source.splitlines()]
        self.outline = Outline()
        self.styles: list[tuple[str, bool]] = []
        self.at = 0

    def blocks(self) -> Iterator[Block]:
        """Every block, in source order."""
        yield from self.header_fields()
        while self.at < len(self.lines):
            line = self.lines[self.at]
            if not line.strip():
                self.at += 1
            elif title := self.title():
                yield title
            elif ADORNMENT.fullmatch(line):
                self.at += 1  # a transition
            else:
                yield from self.body(line)

    def header_fields(self) -> Iterator[Block]:
        """The ``Key: value`` header of a PEP or RFC-style document, continuations joined."""
        if not self.lines or not HEADER_FIELD.fullmatch(self.lines[0]):
            return
        while self.at < len(self.lines) and (found := HEADER_FIELD.fullmatch(self.lines[self.at])):
            first, value = self.at + 1, found.group(2).strip()
            self.at += 1
            while self.at < len(self.lines) and self.lines[self.at][:1].isspace():
                value += " " + self.lines[self.at].strip()
                self.at += 1
            key = found.group(1)
            text = f"{key}: {value}".rstrip()
            yield Block(BlockKind.FIELD, text, first, self.at, cells=(key, value))

    def title(self) -> Block | None:
        """A section title at the current line, under- or overlined; None if there is none."""
        lines, at = self.lines, self.at
        text, under, over = lines[at].strip(), lines[at + 1 : at + 2], False
        if ADORNMENT.fullmatch(lines[at]) and at + 2 < len(lines) and lines[at + 1].strip():
            text, under, over = lines[at + 1].strip(), lines[at + 2 : at + 3], True
            if under != [lines[at]]:
                return None
        if not under or not ADORNMENT.fullmatch(under[0]) or len(under[0]) < len(text):
            return None
        if not over and (lines[at][:1].isspace() or ADORNMENT.fullmatch(lines[at])):
            return None
        style = (under[0][0], over)
        if style not in self.styles:
            self.styles.append(style)
        level = self.styles.index(style) + 1
        first, last = at + 1, at + 2 + over
        self.at = last
        parents = self.outline.enter(level, text)
        return Block(BlockKind.HEADING, text, first, last, parents, level=level)

    def body(self, line: str) -> Iterator[Block]:
        """The block starting at the current line."""
        stripped = line.strip()
        if GRID_BORDER.fullmatch(stripped):
            yield from self.table(grid_table)
        elif SIMPLE_BORDER.fullmatch(stripped):
            yield from self.table(simple_table)
        elif code := CODE_DIRECTIVE.match(stripped):
            self.at += 1
            yield from self.literal(indent(line), code.group(1), options=True)
        elif stripped.startswith(".."):
            self.at += 1
            if not DIRECTIVE.match(stripped):  # a comment or a target: skip its body
                self.skip_indented(indent(line))
        elif field := FIELD_LIST.fullmatch(stripped):
            yield self.field(field.group(1), field.group(2) or "", indent(line))
        else:
            yield from self.paragraph(line)

    def table(self, reader: object) -> Iterator[Block]:
        """The rows of a table starting at the current line."""
        end = self.at
        while end < len(self.lines) and self.lines[end].strip():
            end += 1
        rows = reader(self.lines[self.at : end], self.at + 1)  # type: ignore[operator]
        path = self.outline.path
        for row in rows:
            yield Block(BlockKind.ROW, row.text, row.first, row.last, path, row.cells, row.header)
        self.at = end

    def field(self, key: str, value: str, margin: int) -> Block:
        """A field list's field, its indented continuation lines joined."""
        first = self.at + 1
        self.at += 1
        while self.at < len(self.lines) and indent(self.lines[self.at]) > margin:
            value = f"{value} {self.lines[self.at].strip()}".strip()
            self.at += 1
        key = key.strip()
        path = self.outline.path
        text = f"{key}: {value}".rstrip()
        return Block(BlockKind.FIELD, text, first, self.at, path, (key, value))

    def paragraph(self, line: str) -> Iterator[Block]:
        """A paragraph, list item or block quote, and the literal block it may open."""
        first, margin = self.at, indent(line)
        item = ITEM.fullmatch(line.strip())
        self.at += 1
        while self.at < len(self.lines) and self.continues(margin, bool(item)):
            self.at += 1
        text = " ".join(part.strip() for part in self.lines[first : self.at])
        literal = text.endswith("::")
        text = text[:-3] if text.endswith(" ::") else text[:-1] if literal else text
        if item:
            text = " ".join(text.split()[1:])
        kind = BlockKind.ITEM if item else BlockKind.QUOTE if margin else BlockKind.PARAGRAPH
        if text.strip(" :"):
            yield Block(kind, text.rstrip(), first + 1, self.at, self.outline.path)
        if literal:
            yield from self.literal(margin, "")

    def continues(self, margin: int, item: bool) -> bool:
        """True when the current line goes on the paragraph that started at margin."""
        line = self.lines[self.at]
        if not line.strip() or (item and indent(line) <= margin and ITEM.fullmatch(line.strip())):
            return False
        following = self.lines[self.at + 1 : self.at + 2]
        return not (following and ADORNMENT.fullmatch(following[0]) and not item)

    def literal(self, margin: int, lang: str, options: bool = False) -> Iterator[Block]:
        """The indented literal block after the current line, as code."""
        while self.at < len(self.lines) and (
            not self.lines[self.at].strip()
            or (options and FIELD_LIST.fullmatch(self.lines[self.at].strip()))
        ):
            self.at += 1  # blank lines, and a directive's options
        start = self.at
        self.skip_indented(margin)
        body = self.lines[start : self.at]
        while body and not body[-1].strip():
            body.pop()
        if body:
            cut = min(indent(line) for line in body if line.strip())
            text = "\n".join(line[cut:] for line in body)
            path = self.outline.path
            yield Block(BlockKind.CODE, text, start + 1, start + len(body), path, lang=lang)

    def skip_indented(self, margin: int) -> None:
        """Move past the lines indented deeper than margin, and blank lines among them."""
        while self.at < len(self.lines):
            line = self.lines[self.at]
            if line.strip() and indent(line) <= margin:
                return
            self.at += 1


def rst_document(source: str) -> Document:
    """A reStructuredText source as blocks, with heading paths and source lines."""
    return titled(RstReader(source).blocks())
