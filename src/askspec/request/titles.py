"""What to call a file in a sentence: its title, and small helpers for plain English."""

from __future__ import annotations

import re
from collections.abc import Sequence

from askspec.i18n import _
from askspec.models import Kind, SeedFile
from askspec.read.text import suffix_of

#: A title longer than this is cut: a first "heading" that long is a sentence.
TITLE_LIMIT = 70
#: Blanks and comment lines are taken possessively: retrying them cost quadratic time.
DOCSTRING = re.compile(r'^(?:\s++|#[^\n]*+\n)*+[rRuU]?("""|\'\'\')[ \t]*+(.+?)(?:\1|\n)', re.S)


def join(items: Sequence[str], word: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``; word is "and" or "or", in the request's language."""
    if len(items) <= 1:
        return "".join(items)
    # Translators: the separator between the items of a list, as in "a, b and c".
    head = _(", ").join(items[:-1])
    if word == "or":
        return _("{items} or {last}").format(items=head, last=items[-1])
    return _("{items} and {last}").format(items=head, last=items[-1])


def quoted(text: str) -> str:
    """Text from a seed (a title, a heading, a line) in the quotation marks of the language."""
    return _("“{text}”").format(text=text)


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
    if seed.title is not None:
        return seed.title
    if not seed.text.strip() or seed.kind in {Kind.BINARY, Kind.EMPTY, Kind.UNREADABLE}:
        return ""
    if seed.kind is Kind.CODE:
        return clip(docstring(seed.text)) if seed.path.endswith(".py") else ""
    from askspec.extract.documents import document_of

    return clip(document_of(seed).title)


def base_name(path: str) -> str:
    """The file's name without its folders."""
    return path.rsplit("/", 1)[-1]


def format_name(path: str) -> str:
    """A file's extension as a format's name: ``rfq.PDF`` gives ``PDF``; none gives ""."""
    return suffix_of(path)[1:].upper()


def stem(path: str) -> str:
    """The file's name without folders and extension."""
    name = base_name(path)
    return name.rsplit(".", 1)[0] if "." in name[1:] else name


def named(seed: SeedFile, title: str) -> str:
    """``Objectives.md (“Reporting objectives”)``, or the name alone without a title."""
    name = base_name(seed.path)
    if not title or title.lower() in {name.lower(), stem(seed.path).lower()}:
        return name
    return _("{name} ({title})").format(name=name, title=quoted(title))
