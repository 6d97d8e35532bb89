"""What a person sees on a terminal: coloured errors and warnings, a scan table that fits.

Colour is used only when the stream is a terminal and ``NO_COLOR`` is not set (see
no-color.org), and never with ``TERM=dumb``; otherwise every line is plain text.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TextIO

#: ANSI colours for each kind of file in the scan table.
KIND_CODES = {
    "spec": "\x1b[32m",
    "code": "\x1b[36m",
    "prose": "\x1b[35m",
    "data": "\x1b[33m",
    "empty": "\x1b[2m",
    "binary": "\x1b[2m",
    "unreadable": "\x1b[31m",
}
#: ANSI codes for the prefix of an error or a warning line.
PREFIX_CODES = {"error:": "\x1b[1;31m", "warning:": "\x1b[1;33m"}
RESET = "\x1b[0m"
#: The columns beside the path: kind, confidence, and the least room evidence gets.
KIND_WIDTH, CONF_WIDTH, MIN_EVIDENCE = 10, 4, 16
GAPS = 6
ELLIPSIS = "…"


def colour_on(stream: TextIO) -> bool:
    """True when stream is a terminal that should get colour."""
    if "NO_COLOR" in os.environ or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def styled(line: str, stream: TextIO) -> str:
    """An ``error:`` or ``warning:`` line with its prefix coloured, where colour is on."""
    for prefix, code in PREFIX_CODES.items():
        if line.startswith(prefix) and colour_on(stream):
            return f"{code}{prefix}{RESET}{line[len(prefix) :]}"
    return line


def cut_middle(text: str, width: int) -> str:
    """text cut in the middle to at most width characters, keeping both ends."""
    if len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    head = (width - 1) // 2
    tail = width - 1 - head
    return text[:head] + ELLIPSIS + text[len(text) - tail :]


def path_width(paths: Sequence[str], width: int) -> int:
    """How wide the path column may be so that the table fits width columns."""
    room = width - KIND_WIDTH - CONF_WIDTH - MIN_EVIDENCE - GAPS
    longest = max([len(p) for p in paths] + [4])
    return max(12, min(longest, room))


def fitted_lines(rows: Sequence[tuple[str, str, str, str]], width: int, colour: bool) -> list[str]:
    """The scan table in width columns: paths cut in the middle, evidence cut at the end."""
    wide = path_width([r[0] for r in rows], width)
    room = max(MIN_EVIDENCE, width - wide - KIND_WIDTH - CONF_WIDTH - GAPS)
    lines = [f"{'FILE':<{wide}}  {'KIND':<{KIND_WIDTH}}  CONF  EVIDENCE"]
    for path, kind, conf, why in rows:
        shown = f"{kind:<{KIND_WIDTH}}"
        if colour and kind in KIND_CODES:
            shown = f"{KIND_CODES[kind]}{kind}{RESET}{shown[len(kind) :]}"
        evidence = why if len(why) <= room else why[: room - 1] + ELLIPSIS
        lines.append(f"{cut_middle(path, wide):<{wide}}  {shown}  {conf:>{CONF_WIDTH}}  {evidence}")
    return lines


def print_scan(rows: Sequence[tuple[str, str, str, str]]) -> None:
    """The scan table: fitted to a terminal and coloured there, full plain lines elsewhere."""
    import shutil
    import sys

    import typer

    if sys.stdout.isatty():
        width = shutil.get_terminal_size().columns
        lines = fitted_lines(rows, width, colour_on(sys.stdout))
    else:
        wide = max([len(r[0]) for r in rows] + [4])
        lines = [f"{'FILE':<{wide}}  {'KIND':<10}  CONF  EVIDENCE"]
        lines += [f"{p:<{wide}}  {k:<10}  {c}  {w}" for p, k, c, w in rows]
    for line in lines:
        typer.echo(line, color=True)
