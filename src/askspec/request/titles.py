"""What to call a file in a sentence: its title, and small helpers for plain English."""

from __future__ import annotations

import re
from collections.abc import Sequence

from askspec.models import Kind, SeedFile

#: A title longer than this is cut: a first "heading" that long is a sentence.
TITLE_LIMIT = 70
#: Blanks and comment lines are taken possessively: retrying them cost quadratic time.
DOCSTRING = re.compile(r'^(?:\s++|#[^\n]*+\n)*+[rRuU]?("""|\'\'\')[ \t]*+(.+?)(?:\1|\n)', re.S)


def join(items: Sequence[str], word: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def plural(count: int, one: str, many: str = "") -> str:
    """``1 file``, ``2 files``."""
    return f"{count} {one if count == 1 else many or one + 's'}"


def clip(text: str, limit: int = TITLE_LIMIT) -> str:
    """One line, cut at a word with an ellipsis when it is too long."""
    flat = " ".join(text.split()).strip(" #*_=-:").rstrip(".")
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def docstring(text: str) -> str:
    """The first line of a Python module's docstring, if it has one.

    Read with a pattern, not the syntax tree: the text is the file's head, which may
    not parse, and parsing every module of a large folder cost seconds.
    """
    match = DOCSTRING.match(text)
    return match.group(2).strip() if match else ""


def title_of(seed: SeedFile) -> str:
    """The title a reader would name the file by: first heading, title field or docstring."""
    if not seed.text.strip() or seed.kind in {Kind.BINARY, Kind.EMPTY, Kind.UNREADABLE}:
        return ""
    if seed.kind is Kind.CODE:
        return clip(docstring(seed.text)) if seed.path.endswith(".py") else ""
    from askspec.extract.documents import document_of

    return clip(document_of(seed).title)


def base_name(path: str) -> str:
    """The file's name without its folders."""
    return path.rsplit("/", 1)[-1]


def stem(path: str) -> str:
    """The file's name without folders and extension."""
    name = base_name(path)
    return name.rsplit(".", 1)[0] if "." in name[1:] else name


def named(seed: SeedFile, title: str) -> str:
    """``Objectives.md (“Reporting objectives”)``, or the name alone without a title."""
    name = base_name(seed.path)
    if not title or title.lower() in {name.lower(), stem(seed.path).lower()}:
        return name
    return f"{name} (“{title}”)"
