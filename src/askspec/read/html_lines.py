"""The visible text of an HTML page as lines, for the classifier: fast, no blocks.

The classifier needs the words and the block structure: one line per block, headings
as ``# Title``, ``<pre>`` fenced, table cells joined by `` | ``. This walks lxml's tree
once with lxml's own walk (iterwalk); reading a page as blocks
(:mod:`askspec.read.html_blocks`) costs more than twice as much, and only extraction
needs them: on 208 real pages (3.9 MB) this takes 0.24 s, the blocks 0.8 s.
"""

from __future__ import annotations

from typing import Any

import lxml.etree

from askspec.read.html_blocks import FENCE
from askspec.read.html_events import (
    BLOCK_TAGS,
    HEADINGS,
    HIDDEN,
    PARSER,
    SECTIONING,
    TEXT_LT,
    guarded,
)

CELLS = frozenset({"td", "th"})


class Lines:
    """Collects the page's lines while its tree is walked."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []
        self.code: list[str] = []
        self.pre = 0
        #: The line a ``<dt>`` just ended, which its ``<dd>`` joins as ``term: value``.
        self.term = ""

    def text(self, value: str) -> None:
        """Text: kept as is inside ``<pre>``, else split where a blank line stands."""
        value = value.replace(TEXT_LT, "<")
        if self.pre:
            self.code.append(value)
            return
        pieces = value.split("\n\n") if "\n\n" in value else (value,)
        for index, piece in enumerate(pieces):
            if index:
                self.flush()
            self.current.append(piece)

    def flush(self) -> None:
        """End the running line."""
        line = " ".join("".join(self.current).split())
        self.current = []
        if line.strip("# |"):
            self.lines.append(line)

    def start(self, tag: str) -> None:
        """An element opens: a new line for blocks, a heading mark, a cell separator,
        a description after its term."""
        if tag in CELLS:
            if "".join(self.current).strip():
                self.current.append(" | ")
            return
        if tag in BLOCK_TAGS:
            self.flush()
        if tag in HEADINGS:
            self.current.append("#" * HEADINGS[tag] + " ")
        elif tag == "dd" and self.term and self.lines and self.lines[-1] == self.term:
            self.current.append(self.lines.pop() + ": ")
        elif tag == "pre":
            self.pre += 1
        self.term = ""

    def end(self, tag: str) -> None:
        """An element closes: the line ends after a block, the fence after ``<pre>``."""
        if tag == "pre" and self.pre:
            self.pre -= 1
            if not self.pre:
                self.fence()
        elif tag in BLOCK_TAGS and tag not in CELLS:
            count = len(self.lines)
            self.flush()
            if tag == "dt" and len(self.lines) > count:
                self.term = self.lines[-1]

    def fence(self) -> None:
        """The collected ``<pre>`` text as a fenced block."""
        raw = "".join(self.code).strip("\r\n")
        self.code = []
        body = [line.rstrip() for line in raw.splitlines()]
        while body and not body[-1]:
            body.pop()
        if body:
            self.lines += [FENCE, *body, FENCE]


def hidden(element: Any, sections: int) -> bool:
    """Content a browser does not show, or the navigation of a saved page."""
    tag = element.tag
    if tag in HIDDEN or tag == "nav" or element.get("role") == "navigation":
        return True
    return tag in ("header", "footer") and not sections


def html_lines(markup: str) -> str:
    """The visible text of an HTML page, one block per line, ``<pre>`` fenced."""
    try:
        root = lxml.etree.fromstring(guarded(markup).encode("utf-8"), parser=PARSER)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return ""
    if root is None:  # an empty page
        return ""
    out = Lines()
    sections = 0
    walk = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, element in walk:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "end":
            sections -= tag in SECTIONING
            out.end(tag)
            if element.tail:
                out.text(element.tail)
        elif tag and hidden(element, sections):
            walk.skip_subtree()  # its end event still comes, with its tail
            sections += tag in SECTIONING
        else:
            sections += tag in SECTIONING
            out.start(tag)
            if element.text and tag:
                out.text(element.text)
    out.flush()
    return "\n".join(out.lines)
