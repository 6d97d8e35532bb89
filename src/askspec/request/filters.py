"""The Jinja filters: seed text made safe as Markdown, YAML and plain text, and the
classifier's words (kinds of file, evidence) in the language being written."""

from __future__ import annotations

import re
from typing import Any
from unicodedata import east_asian_width

import yaml

from askspec.i18n import N_, _

#: Characters that could start Markdown syntax inside a line.
MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|!&~#{}])")
MD_LINE_START = re.compile(r"^(\d*)([-+=.)])")


def md_inline(value: object) -> str:
    """Seed text made safe for one line of Markdown: flattened, every marker escaped."""
    flat = " ".join(str(value).split())
    escaped = MD_SPECIAL.sub(r"\\\1", flat)
    return MD_LINE_START.sub(r"\1\\\2", escaped)


def md_cell(value: object) -> str:
    """Markdown made safe for a table cell: a ``|`` would end the cell, even in code."""
    return str(value).replace("|", "\\|")


def plain_line(value: object) -> str:
    """Seed text as one line of plain text (for the emailed text, which is not Markdown)."""
    return " ".join(str(value).split())


def md_code(value: object) -> str:
    """Seed text as an inline code span that no backtick inside can close."""
    flat = " ".join(str(value).split())
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def to_yaml(value: Any) -> str:
    """Dump data as YAML safely: seed text stays a string value, never YAML syntax."""
    readable = yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100)
    # PyYAML writes NEL and the Unicode line separators raw, and YAML reads them back as
    # line breaks; where that changes the data, escape everything that is not ASCII.
    if yaml.safe_load(readable) == value:
        return readable
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=False, width=100)


#: The kinds of file as the request names them.
KIND_NAMES = {
    "prose": N_("prose"),
    "code": N_("code"),
    "spec": N_("spec"),
    "data": N_("data"),
    "empty": N_("empty"),
    "binary": N_("binary"),
    "unreadable": N_("unreadable"),
}


def kind_name(kind: object) -> str:
    """A kind of file (``prose``, ``spec``...) in the language being written."""
    name = str(kind)
    return _(KIND_NAMES[name]) if name in KIND_NAMES else name


def evidence_text(evidence: object) -> str:
    """A classifier's evidence in the language being written (see request.evidence)."""
    from askspec.request.evidence import translated

    return translated(str(evidence))


def text_width(value: object) -> int:
    """Columns a line takes on a terminal: wide (CJK) characters count twice."""
    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in str(value))
