"""HTML read as blocks with lxml's HTML parser (libxml2), and its visible text.

Content a browser does not show (scripts, styles, templates, ``<head>``) and the
navigation of a saved page (``<nav>``, role="navigation", page-level ``<header>`` and
``<footer>``) are skipped. The parser keeps no tree: an element stack and counts of
the open elements give each run of text its kind, so deep nesting costs no recursion.

The page's start, text and end events come from :mod:`askspec.read.html_events` and
are replayed into the reader. A text's line is that of the element it starts in or
follows.
"""

from __future__ import annotations

import re
from collections import Counter

from askspec.read.blocks import LABEL_WORDS, Block, BlockKind, Document, Outline, titled
from askspec.read.html_events import (
    BLOCK_TAGS,
    HEAD_CONTENT,
    HEADINGS,
    HIDDEN,
    SECTIONING,
    TEXT_LT,
    VOID,
    events,
    guarded,
)
from askspec.read.html_tables import Tables

FENCE = "```"
#: Elements whose text, opening a paragraph or item, is its lead label.
BOLD = frozenset({"strong", "b"})
LANG_CLASS = re.compile(r"(?:lang|language)-([\w+#.-]{1,30})")


class BlockParser:
    """Turns parser events into blocks; see the module docstring."""

    def __init__(self) -> None:
        self.line = 1
        self.blocks: list[Block] = []
        self.outline = Outline()
        self.stack: list[tuple[str, bool]] = []
        self.open: Counter[str] = Counter()
        self.hidden = 0
        self.levels: list[int] = []
        self.text: list[str] = []
        self.span = (0, 0)
        self.code: list[str] = []
        self.code_line = 0
        self.lang = ""
        self.term: tuple[str, int, int] | None = None
        self.tables = Tables()
        #: Words in bold that open the running block, and whether they are still open.
        self.label = ""
        self.in_label = False

    def replay(self, markup: str) -> None:
        """Read the page's events."""
        for kind, value, attrs, line in events(markup):
            self.line = line
            if kind == "start":
                self.handle_starttag(value, list(attrs.items()))
            elif kind == "data":
                self.handle_data(value)
            else:
                self.handle_endtag(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element: a boundary for block tags, a hidden region for some."""
        if self.open["head"] and tag not in HEAD_CONTENT:
            self.close_to("head")
        if tag in BLOCK_TAGS:
            self.boundary()
        if self.hidden:
            if tag not in VOID:
                self.push(tag, tag in HIDDEN)
            return
        self.start_structure(tag, dict(attrs))
        if tag in BOLD and not "".join(self.text).strip():
            self.in_label = True
        if tag not in VOID:
            self.push(tag, self.hides(tag, dict(attrs)))

    def hides(self, tag: str, attrs: dict[str, str | None]) -> bool:
        """True when an element's content is hidden or page navigation."""
        if tag in HIDDEN or tag == "nav" or attrs.get("role") == "navigation":
            return True
        return tag in ("header", "footer") and not any(self.open[s] for s in SECTIONING)

    def start_structure(self, tag: str, attrs: dict[str, str | None]) -> None:
        """Start what an element opens: a heading, code block or table part."""
        if tag in HEADINGS:
            self.levels.append(HEADINGS[tag])
        elif tag == "pre" and not self.open["pre"]:
            self.code, self.code_line, self.lang = [], self.line, ""
        elif tag == "table":
            self.tables.open_table()
        elif tag == "tr":
            self.emit(self.tables.open_row(self.line))
        elif tag in ("td", "th"):
            self.tables.open_cell(tag == "th")
        if tag in ("pre", "code") and not self.lang:
            found = LANG_CLASS.search((attrs.get("class") or "")[:200])
            self.lang = found.group(1) if found else ""

    def handle_endtag(self, tag: str) -> None:
        """Close an element and any left open inside it."""
        if tag in BLOCK_TAGS or tag in HIDDEN:
            self.boundary()
        self.close_to(tag)

    def handle_data(self, data: str) -> None:
        """Text: into the code block, the table cell or the running paragraph."""
        if self.hidden:
            return
        line = self.line
        data = data.replace(TEXT_LT, "<")
        if self.open["pre"]:
            self.code.append(data)
        elif self.tables.in_cell():
            self.tables.add(data, line + data.count("\n"))
        elif "\n" in data and not self.levels:
            self.paragraph_lines(data, line)
        else:
            self.add(data, line)

    def paragraph_lines(self, data: str, line: int) -> None:
        """Running text, where a blank line ends a paragraph."""
        for offset, piece in enumerate(data.split("\n")):
            if piece.strip():
                self.add(" " + piece, line + offset)
            elif offset:
                self.boundary()

    def add(self, data: str, line: int) -> None:
        """Add text to the running block, widening its span of lines."""
        stripped = data.strip()
        if not stripped:
            if self.text:
                self.text.append(" ")
            return
        first = line + data[: len(data) - len(data.lstrip())].count("\n")
        last = line + data.rstrip().count("\n")
        self.span = (self.span[0] if self.text else first, last)
        self.text.append(data)

    def push(self, tag: str, hides: bool) -> None:
        """Put an element on the stack."""
        self.stack.append((tag, hides))
        self.open[tag] += 1
        self.hidden += hides

    def close_to(self, tag: str) -> None:
        """Pop the stack down to the innermost open element of this name, if any."""
        if not self.open[tag]:
            return
        while self.stack:
            name, hides = self.stack.pop()
            self.open[name] -= 1
            self.hidden -= hides
            if not self.hidden:
                self.end_structure(name)
            if name == tag:
                return

    def end_structure(self, tag: str) -> None:
        """Finish what an element opened."""
        if tag in HEADINGS and self.levels:
            self.levels.pop()
        elif tag == "pre" and not self.open["pre"]:
            self.emit_code()
        elif tag in ("td", "th"):
            self.tables.close_cell()
        elif tag == "tr":
            self.emit(self.tables.close_row())
        elif tag == "table":
            self.emit(self.tables.close_table())
        elif tag == "dl":
            self.flush_term()
        elif tag in BOLD and self.in_label:
            self.in_label = False
            self.label = " ".join("".join(self.text).split()).rstrip(":：").strip()

    def emit(self, rows: list[Block]) -> None:
        """Keep rows a table gave back, under the current heading path."""
        self.blocks.extend(Block(r.kind, r.text, r.first, r.last, self.outline.path, r.cells,
                                 r.header) for r in rows)  # fmt: skip

    def emit_code(self) -> None:
        """The code block of a ``<pre>`` element, blank edge lines dropped."""
        raw = "".join(self.code)
        lead = raw[: len(raw) - len(raw.lstrip("\r\n"))].count("\n")
        lines = [line.rstrip() for line in raw.strip("\r\n").splitlines()]
        while lines and not lines[-1]:
            lines.pop()
        if lines:
            first = self.code_line + lead
            block = Block(BlockKind.CODE, "\n".join(lines), first, first + len(lines) - 1,
                          self.outline.path, lang=self.lang)  # fmt: skip
            self.blocks.append(block)
        self.code = []

    def boundary(self) -> None:
        """End the running block: a heading, field, item, quote or paragraph."""
        text = " ".join("".join(self.text).split())
        label, self.label, self.in_label = self.label, "", False
        if len(text) <= len(label) + 1 or len(label.split()) > LABEL_WORDS:
            label = ""  # bold alone, or a sentence in bold, titles nothing
        self.text = []
        if not text or self.hidden:
            return
        first, last = self.span
        if self.levels:
            level = self.levels[-1]
            parents = self.outline.enter(level, text)
            self.blocks.append(Block(BlockKind.HEADING, text, first, last, parents, level=level))
        elif self.open["dt"]:
            self.flush_term()
            self.term = (text, first, last)
        elif self.open["dd"] and self.term:
            key, first, _ = self.term
            self.term = None
            field = Block(BlockKind.FIELD, f"{key}: {text}", first, last, self.outline.path,
                          (key, text))  # fmt: skip
            self.blocks.append(field)
        else:
            block = Block(self.kind(), text, first, last, self.outline.path, label=label)
            self.blocks.append(block)

    def kind(self) -> BlockKind:
        """The kind of running text outside headings and fields."""
        if self.open["li"]:
            return BlockKind.ITEM
        return BlockKind.QUOTE if self.open["blockquote"] else BlockKind.PARAGRAPH

    def flush_term(self) -> None:
        """A term left without its description, kept as a paragraph."""
        if self.term:
            text, first, last = self.term
            self.blocks.append(Block(BlockKind.PARAGRAPH, text, first, last, self.outline.path))
            self.term = None

    def finish(self) -> list[Block]:
        """Close the document and return its blocks."""
        self.boundary()
        if self.stack:
            self.close_to(self.stack[0][0])
        self.flush_term()
        return self.blocks


def html_document(markup: str) -> Document:
    """An HTML page as blocks, with heading paths and source lines."""
    parser = BlockParser()
    parser.replay(guarded(markup))
    return titled(parser.finish())


def html_plain(markup: str) -> str:
    """The visible text of an HTML page, one block per line, headings as ``# Title``.

    Code is fenced with ``` lines, table rows are their cells joined by `` | `` after
    their table's header row, and a description list's terms and values are
    ``key: value`` lines.
    """
    lines: list[str] = []
    header: tuple[str, ...] = ()
    for block in html_document(markup):
        if block.kind is BlockKind.HEADING:
            lines.append("#" * block.level + " " + block.text)
        elif block.kind is BlockKind.CODE:
            lines += [FENCE, block.text, FENCE]
        elif block.kind is BlockKind.ROW and block.header and block.header != header:
            lines += [" | ".join(block.header), block.text]
        else:
            lines.append(block.text)
        header = block.header if block.kind is BlockKind.ROW else ()
    return "\n".join(lines)
