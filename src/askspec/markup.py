"""Turn marked-up text into plain lines a classifier can read: HTML, reST and notebooks.

Every reader keeps headings as ``# Title`` lines and code as fenced blocks, so that
classification sees one shape whatever the source format was.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

FENCE = "```"
#: Characters reStructuredText uses to underline (and overline) section titles.
RST_ADORNMENT = re.compile(r"^([=\-~^\"'`#*+:.<>_])\1{2,}\s*$")
RST_LITERAL = re.compile(r"^\s*\.\. (?:code-block|code|sourcecode|literalinclude)::|::\s*$")


class _VisibleText(HTMLParser):
    """Collect the text a browser would show: no script, style or head metadata."""

    HIDDEN = frozenset({"script", "style", "template", "noscript", "head", "svg"})
    HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
    BLOCK = (
        frozenset(
            {"p", "div", "br", "li", "tr", "td", "th", "dt", "dd", "section", "article", "table"}
        )
        | HEADINGS
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif self.hidden:
            return
        elif tag == "pre":
            self.parts.append(f"\n{FENCE}\n")
        elif tag in self.BLOCK:
            self.parts.append("\n")
            if tag in self.HEADINGS:
                self.parts.append("#" * int(tag[1]) + " ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif self.hidden:
            return
        elif tag == "pre":
            self.parts.append(f"\n{FENCE}\n")
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """The visible text of an HTML document, one block per line, ``<pre>`` fenced."""
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    lines: list[str] = []
    in_pre = False
    for line in "".join(parser.parts).splitlines():
        if line.strip() == FENCE:
            in_pre = not in_pre
            lines.append(FENCE)
        elif in_pre:
            lines.append(line.rstrip())
        elif flat := " ".join(line.split()):
            lines.append(flat)
    return "\n".join(lines)


def rst_text(source: str) -> str:
    """reStructuredText with titles as ``# Title`` lines and literal blocks fenced."""
    lines = source.splitlines()
    out: list[str] = []
    literal_indent: int | None = None
    pending_literal = False
    for index, line in enumerate(lines):
        indent = len(line) - len(line.lstrip())
        if literal_indent is not None:
            if not line.strip() or indent >= literal_indent:
                out.append(line)
                continue
            out.append(FENCE)
            literal_indent = None
        if pending_literal and line.strip() and indent > 0:
            out.append(FENCE)
            out.append(line)
            literal_indent, pending_literal = indent, False
            continue
        if RST_ADORNMENT.match(line):
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if line.strip() and RST_ADORNMENT.match(following) and len(following) >= len(line.strip()):
            out.append("# " + line.strip())
            continue
        if line.strip():
            pending_literal = bool(RST_LITERAL.search(line))
        out.append(line)
    if literal_indent is not None:
        out.append(FENCE)
    return "\n".join(out)


def notebook_text(raw: str) -> tuple[str, str]:
    """A Jupyter notebook's cells as text (code cells fenced) and its format name.

    The format is ``notebook-code`` when code cells hold most of the text, else
    ``notebook-markdown``. Raises ValueError when the JSON is not a notebook.
    """
    doc = json.loads(raw)
    cells = doc.get("cells") if isinstance(doc, dict) else None
    if not isinstance(cells, list):
        raise ValueError("no cells")
    parts: list[str] = []
    code = prose = 0
    for cell in cells:
        if not isinstance(cell, dict):
            continue
        source = cell.get("source", "")
        text = "".join(map(str, source)) if isinstance(source, list) else str(source)
        if cell.get("cell_type") == "code":
            code += len(text)
            parts.append(f"{FENCE}\n{text}\n{FENCE}")
        else:
            prose += len(text)
            parts.append(text)
    return "\n\n".join(parts), "notebook-code" if code >= prose else "notebook-markdown"
