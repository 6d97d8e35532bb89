"""Markdown read as blocks, from markdown-it-py's token stream and its source maps."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from askspec.read.blocks import LABEL_WORDS, Block, BlockKind, Document, Outline, titled

LINE_CUT = 10_000
#: A tag inside an HTML block: bounded, and stopped by the next "<".
TAG = re.compile(r"<[^<>]{0,2000}>")
#: An HTML block that is one heading element, ``<h3 id="x">How do I ...?</h3>``: the
#: level, and what the element holds (its own tags are dropped later).
HTML_HEADING = re.compile(
    r"\s{0,40}<h([1-6])(?:\s[^<>]{0,500})?>((?:[^<>]|<(?!/h)[^<>]{0,200}>){0,2000})</h\1>\s{0,40}",
    re.IGNORECASE,
)
#: ``key: value`` in front matter; applied to one line.
FRONT_FIELD = re.compile(r"([A-Za-z][\w .-]{0,40}):[ \t]*(.*)")
#: A paragraph that is only a label and a colon ("Request parameters:", "输入："): it
#: titles the list or table that follows it, as a heading would. A sentence that ends
#: in a colon ("If memory is short, load the small model:") holds a comma or stop.
LABEL_ONLY = re.compile(r"([^\W\d][^:：\n,.;，。；、]{0,40}?)\s?[:：]")
#: Containers a paragraph can sit in, and the kind its blocks then take.
CONTAINERS = {"list_item_open": BlockKind.ITEM, "blockquote_open": BlockKind.QUOTE}


@cache
def parser() -> MarkdownIt:
    """CommonMark with GitHub's tables and front matter."""
    return MarkdownIt("commonmark", {"html": True}).enable("table").use(front_matter_plugin)


def inline_text(token: Token) -> str:
    """The plain text of an inline token: markup dropped, code and link text kept."""
    pieces = []
    for child in token.children or ():
        if child.type == "text":
            pieces.append(child.content)
        elif child.type == "code_inline":
            pieces.append(f"`{child.content}`")
        elif child.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
        elif child.type == "image":
            pieces.append(child.content)
        elif child.type == "html_inline":  # a tag is no text; a line break parts words
            pieces.append(" " if child.content[:3].lower() == "<br" else "")
    return " ".join("".join(pieces).split())


def lead_label(token: Token) -> str:
    """The words in bold that open an inline token's text, followed by more text, as a
    heading of its own (``**Input** Models take text only.``, ``**Latency:** 20 ms``).

    A plain "Word: text" is no label: in prose it is as often a reply ("Response: ...")
    or a scene ("Background: ...") as a title.
    """
    # The parser puts an empty text piece before a paragraph's opening emphasis.
    children = [c for c in token.children or () if c.type != "text" or c.content]
    if not children or children[0].type != "strong_open":
        return ""
    pieces: list[str] = []
    for index, child in enumerate(children[1:], start=1):
        if child.type == "strong_close":
            label = "".join(pieces).strip().rstrip(":：").strip()
            told = any(c.content.strip(" :：") for c in children[index + 1 :])
            return label if told and 0 < len(label.split()) <= LABEL_WORDS else ""
        if child.type not in ("text", "code_inline"):
            return ""
        pieces.append(child.content)
    return ""


def label_only(text: str) -> str:
    """The label of a paragraph that is nothing but a short label and a colon."""
    match = LABEL_ONLY.fullmatch(text[:80])
    if match and len(match.group(1).split()) <= LABEL_WORDS:
        return match.group(1).strip()
    return ""


def only_links(token: Token) -> bool:
    """Whether an inline token's text is all inside links, with at most punctuation
    between them (``[Install](install.md) · [FAQ](faq.md)``)."""
    depth = links = 0
    for child in token.children or ():
        if child.type == "link_open":
            depth, links = depth + 1, links + 1
        elif child.type == "link_close":
            depth -= 1
        elif not depth and outside_link(child):
            return False
    return links > 0


def outside_link(child: Token) -> bool:
    """Whether a piece of inline text outside any link is more than punctuation."""
    if child.type in ("code_inline", "image"):
        return True
    return child.type == "text" and any(c.isalnum() for c in child.content)


def plain_line(line: str) -> str:
    """One line of Markdown as the text a reader sees: emphasis, links and inline HTML
    dropped (``**From:** Ann<br>`` reads ``From: Ann``)."""
    tokens = parser().parseInline(line)
    return inline_text(tokens[0]) if tokens else " ".join(line.split())


def lines_of(token: Token, fallback: int) -> tuple[int, int]:
    """The 1-based first and last source line of a block token."""
    if token.map:
        start, end = token.map
        return start + 1, max(start + 1, end)
    return fallback, fallback


def markdown_document(text: str) -> Document:
    """A Markdown text as blocks, with heading paths and source lines.

    Lines longer than LINE_CUT are read up to it: the parser spends tens of
    microseconds on each character of a run such as a megabyte of ``[``, and no
    sentence a reader would quote is that long.
    """
    lines = text.splitlines()
    if any(len(line) > LINE_CUT for line in lines):
        text = "\n".join(line[:LINE_CUT] for line in lines)
    return titled(Walker(parser().parse(text)).blocks())


class Walker:
    """Walks the token stream once, keeping the heading path and the open containers."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.outline = Outline()
        self.containers: list[BlockKind] = []
        self.header: tuple[str, ...] = ()
        self.row: list[str] = []
        self.row_lines = (0, 0)
        self.line = 1
        #: The label of the last paragraph that was only a label, for the list or table
        #: after it; the next paragraph or heading ends it.
        self.lead = ""

    def blocks(self) -> Iterator[Block]:
        """Every block, in source order."""
        handlers = {
            "front_matter": self.front_matter,
            "heading_open": self.heading,
            "paragraph_open": self.paragraph,
            "fence": self.code,
            "code_block": self.code,
            "html_block": self.html,
            "tr_close": self.row_end,
        }
        for index, token in enumerate(self.tokens):
            if token.map:
                self.line = token.map[0] + 1
            self.track(token, index)
            if handler := handlers.get(token.type):
                yield from handler(token, index)

    def track(self, token: Token, index: int) -> None:
        """Follow the containers and table rows that blocks take their shape from."""
        kind = token.type
        if kind in CONTAINERS:
            self.containers.append(CONTAINERS[kind])
        elif kind in ("list_item_close", "blockquote_close") and self.containers:
            self.containers.pop()
        elif kind == "tr_open":
            self.row, self.row_lines = [], lines_of(token, self.line)
        elif kind in ("th_open", "td_open"):
            self.row.append(inline_text(self.tokens[index + 1]))
        elif kind == "table_close":
            self.header = ()

    def heading(self, token: Token, index: int) -> Iterator[Block]:
        """A heading, entered into the outline."""
        level = int(token.tag[1])
        yield self.entered(level, inline_text(self.tokens[index + 1]), token)

    def entered(self, level: int, title: str, token: Token) -> Block:
        """A heading block, entered into the outline; it ends a lead label's reach."""
        first, end = lines_of(token, self.line)
        self.lead = ""
        parents = self.outline.enter(level, title)
        return Block(BlockKind.HEADING, title, first, end, parents, level=level)

    def paragraph(self, token: Token, index: int) -> Iterator[Block]:
        """A paragraph, or an item or quote when a container holds it; one that is only
        links is a list of links."""
        inline = self.tokens[index + 1]
        if text := inline_text(inline):
            kind = self.containers[-1] if self.containers else BlockKind.PARAGRAPH
            if only_links(inline):
                kind = BlockKind.LINKS
            first, last = lines_of(token, self.line)
            label = lead_label(inline)
            if not self.containers:  # a paragraph of its own ends the last label's reach
                self.lead = label_only(text)
            label = label or self.lead
            yield Block(kind, text, first, last, self.outline.path, label=label)

    def code(self, token: Token, index: int) -> Iterator[Block]:
        """A fenced or indented code block."""
        lang = token.info.split()[0] if token.info.strip() else ""
        text = token.content.rstrip("\n")
        yield Block(BlockKind.CODE, text, *lines_of(token, self.line), self.outline.path, lang=lang)

    def html(self, token: Token, index: int) -> Iterator[Block]:
        """An HTML block's text, its tags dropped; a comment is not text. A block that is
        one heading element is a heading, as READMEs and FAQs write them."""
        if token.content.lstrip().startswith("<!--"):
            return
        heading = HTML_HEADING.fullmatch(token.content[:3000])
        if heading and (title := " ".join(TAG.sub(" ", heading.group(2)).split())):
            yield self.entered(int(heading.group(1)), title, token)
            return
        if flat := " ".join(TAG.sub(" ", token.content).split()):
            yield Block(BlockKind.PARAGRAPH, flat, *lines_of(token, self.line), self.outline.path)

    def row_end(self, token: Token, index: int) -> Iterator[Block]:
        """A table row with its header; the header row itself is kept, not yielded."""
        cells = tuple(self.row)
        if self.tokens[index + 1].type == "thead_close":
            self.header = cells
            return
        text = " | ".join(cells)
        yield Block(BlockKind.ROW, text, *self.row_lines, self.outline.path, cells, self.header,
                    label=self.lead)  # fmt: skip

    def front_matter(self, token: Token, index: int) -> Iterator[Block]:
        """The ``key: value`` lines of YAML front matter as field blocks."""
        base = token.map[0] + 2 if token.map else 2  # the line after the opening ---
        for offset, line in enumerate(token.content.splitlines()):
            match = FRONT_FIELD.fullmatch(line[:500])
            if match and match.group(2).strip():
                key, value = match.group(1).strip(), match.group(2).strip().strip("\"'")
                number = base + offset
                yield Block(BlockKind.FIELD, f"{key}: {value}", number, number, cells=(key, value))
