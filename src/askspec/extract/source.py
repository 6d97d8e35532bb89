"""Facts of source files: their interface, and what their comments say.

Python is read through its syntax tree (:mod:`askspec.extract.python_code`); other
languages by their clearest statement patterns (:mod:`askspec.extract.code`). Each
fact is one line of the file, quoted as it stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from askspec.extract import rules as r
from askspec.extract.code import (
    DECLARED,
    ORDER,
    PRINTED,
    USED,
    CodeHit,
    code_hits,
    is_comment_line,
)
from askspec.extract.phrases import phrase_hits, topics
from askspec.extract.python_code import python_hits
from askspec.measure import hardware_specific, parse_targets
from askspec.models import Area, Fact, SeedFile

QUOTE_LIMIT = 200
#: Lines cited per area from one code file, the most telling first: a script prints
#: many times, and its options say more than its prints.
CODE_LIMIT = 3
#: List markers, comment markers and docstring quotes around a cited line.
BULLET = re.compile(r"^\s*(?:[-*+>]\s+|#+\s*|//+\s*|\"\"\"|\'\'\')+")
TRAILER = re.compile(r"(?<![ \t])[ \t]*+(?:\"\"\"|\'\'\'|\*/)[ \t]*+$")
#: Lines of code that are never facts: imports, includes, and a call opened alone.
NOT_INTERFACE = re.compile(
    r"\s{0,40}(?:import\s|from\s[\w.]{1,80}\s+import\s|#\s{0,4}include\b|using\s|"
    r"use\s|require\s|(?:const|let|var)\s+\w{1,40}\s*=\s*require\(|package\s)|"
    r"\s{0,40}(?:print|console\.log|printf|puts|echo)\s{0,4}\(?\s{0,4}$"
)


def quote(text: str) -> str:
    """A line shortened to one quotable line, comment and list markers dropped."""
    flat = " ".join(TRAILER.sub("", BULLET.sub("", text)).split())
    return flat if len(flat) <= QUOTE_LIMIT else flat[: QUOTE_LIMIT - 1] + "…"


#: The signal a code fact shows in request.json: what chose its line.
TIER_SIGNALS = {DECLARED: "interface", USED: "statement", PRINTED: "print"}


def source_hits(lines: list[str], name: str = "") -> Iterator[tuple[Area, int, str, str]]:
    """Hits in source code, each with the signal that chose it: the interface a program
    declares, its statements that read, write or print, and phrasing in its comments
    and docstrings."""
    comments = [index for index, is_comment in enumerate(is_comment_line(lines)) if is_comment]
    for area, number, line in phrase_hits(lines, comments):
        yield area, number, line, "comment"
    found = python_hits("\n".join(lines)) if name.endswith((".py", ".pyw")) else None
    if found is None:
        statements: Iterable[CodeHit] = code_hits(lines)
    else:  # the tree gives the interface; the machine still shows in its calls
        hardware = code_hits(lines, (Area.HARDWARE, Area.PERFORMANCE))
        interface = [(area, number, lines[number - 1], tier) for area, number, tier in found]
        statements = [*interface, *hardware]
    chosen: dict[Area, list[CodeHit]] = {}
    for hit in sorted(statements, key=lambda hit: (hit[3], hit[1])):
        area, _, line, _ = hit
        picked = chosen.setdefault(area, [])
        if len(picked) < CODE_LIMIT and not NOT_INTERFACE.match(line[:300]):
            picked.append(hit)
    kept = [hit for picked in chosen.values() for hit in picked]
    for area, number, line, tier in sorted(kept, key=lambda hit: (hit[1], ORDER[hit[0]])):
        yield area, number, line, TIER_SIGNALS[tier]


def make_fact(area: Area, path: str, number: int, line: str, signal: str) -> Fact:
    """A fact from one line: quoted, judged measurable or vague, tagged and parsed."""
    text = quote(line)
    value = r.CARD.match(line)
    placeholder = bool(r.PLACEHOLDER.match(value.group(2) if value else text))
    targets = parse_targets(text) if area in {Area.HARDWARE, Area.PERFORMANCE} else ()
    if area is Area.HARDWARE:  # a statement names its device or platform outright
        measurable = signal != "comment" or hardware_specific(text)
    elif area is Area.PERFORMANCE:
        measurable = bool(targets)
    else:
        measurable = True
    return Fact(
        area,
        path,
        number,
        text,
        measurable and not placeholder,
        topics(area, text),
        targets,
        signals=(signal,),
    )


#: A call that opens brackets on its line is read on until they close, up to this many
#: lines: ``parser.add_argument(`` alone says nothing, the whole call does. Braces open
#: a body, not more of the call, and are not followed.
STATEMENT_LINES = 12


def statement(lines: list[str], number: int) -> tuple[str, int]:
    """The statement that starts on a line, with the lines it runs on to while the
    brackets it opens stay open (quotes are not parsed: a bracket in a string counts),
    and the number of its last line."""
    depth = 0
    taken: list[str] = []
    for line in lines[number - 1 : number - 1 + STATEMENT_LINES]:
        cut = line[:500].strip()
        if taken and cut.startswith("{"):
            break  # the body of what the statement declared
        taken.append(cut)
        depth += cut.count("(") + cut.count("[") - cut.count(")") - cut.count("]")
        if depth <= 0 or cut.endswith("{"):
            break
    text = " ".join(" ".join(taken).split()).replace("( ", "(").replace(" )", ")")
    return text, number + len(taken) - 1


def source_facts(seed: SeedFile) -> list[Fact]:
    """Every fact a source file states, one per area and statement, in line order; a
    line inside a statement already quoted for its area is not quoted again."""
    lines = seed.text.splitlines()
    seen: dict[tuple[int, Area], Fact] = {}
    quoted_to: dict[Area, int] = {}
    for area, number, line, signal in source_hits(lines, seed.path):
        if (number, area) in seen or not line.strip() or number <= quoted_to.get(area, 0):
            continue
        text, last = (line, number) if signal == "comment" else statement(lines, number)
        quoted_to[area] = last
        seen[number, area] = make_fact(area, seed.path, number, text, signal)
    return [seen[key] for key in sorted(seen, key=lambda k: (k[0], ORDER[k[1]]))]
