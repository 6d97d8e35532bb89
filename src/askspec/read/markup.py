"""Turn marked-up text into plain lines a classifier can read: HTML, reST and notebooks.

Every reader keeps headings as ``# Title`` lines and code as fenced blocks, so that
classification sees one shape whatever the source format was.
"""

from __future__ import annotations

import json
import re

from askspec.read.html_lines import html_lines

FENCE = "```"
#: Characters reStructuredText uses to underline (and overline) section titles.
RST_ADORNMENT_CHARS = "=-~^\"'`#*+:.<>_"
RST_ADORNMENT = re.compile(f"^([{re.escape(RST_ADORNMENT_CHARS)}])\\1{{2,}}\\s*$")
RST_TITLE = re.compile(r"^\S[^\n]{0,78}\n([=\-~^\"'`#*+])\1{2,}[ \t]*$", re.MULTILINE)
RST_LITERAL = re.compile(r"^\s*\.\. (?:code-block|code|sourcecode|literalinclude)::|::\s*$")


def html_text(markup: str) -> str:
    """The visible text of an HTML document, one block per line, ``<pre>`` fenced."""
    return html_lines(markup)


def rst_text(source: str) -> str:
    """reStructuredText with titles as ``# Title`` lines and literal blocks fenced."""
    lines = source.splitlines()
    out: list[str] = []
    literal_indent: int | None = None
    pending_literal = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if literal_indent is not None:
            if not stripped or len(line) - len(line.lstrip()) >= literal_indent:
                out.append(line)
                continue
            out.append(FENCE)
            literal_indent = None
        if pending_literal and stripped and line[0].isspace():
            out.append(FENCE)
            out.append(line)
            literal_indent, pending_literal = len(line) - len(line.lstrip()), False
            continue
        if not stripped:
            out.append(line)
            continue
        if RST_ADORNMENT.match(line):
            continue
        # Cheap tests first: most lines are followed by text, not by an adornment.
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if (
            following
            and following[0] in RST_ADORNMENT_CHARS
            and len(following) >= len(stripped)
            and RST_ADORNMENT.match(following)
        ):
            out.append("# " + stripped)
            continue
        pending_literal = ("::" in line or ".." in line) and bool(RST_LITERAL.search(line))
        out.append(line)
    if literal_indent is not None:
        out.append(FENCE)
    return "\n".join(out)


def looks_rst(text: str) -> bool:
    """True when a plain text has reStructuredText section titles (two or more)."""
    return len(RST_TITLE.findall(text[:65536])) >= 2


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
