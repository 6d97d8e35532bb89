"""Find what the seeds already state about each area, with file and line.

Pure functions over the text that scan read: headings and design-card keys name an
area outright; phrasing ("reads CSV files", "must answer in 200 ms") names it in
passing; code and API definitions are read by :mod:`askspec.extract.code`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from askspec.extract import rules as r
from askspec.extract.code import (
    ORDER,
    api_hits,
    code_hits,
    fold,
    gated,
    is_comment_line,
)
from askspec.extract.python_code import python_hits
from askspec.measure import hardware_specific, parse_targets
from askspec.models import Area, Fact, Kind, SeedFile

QUOTE_LIMIT = 200
#: Lines cited from one section: enough to show it was read, few enough to stay readable.
SECTION_LIMIT = 6
#: Lines cited per area from one code file: a script prints many times, once is enough.
CODE_LIMIT = 3
READ_KINDS = frozenset({Kind.PROSE, Kind.CODE, Kind.SPEC})
Hit = tuple[Area, int, str]
#: List markers, comment markers and docstring quotes around a cited line.
BULLET = re.compile(r"^\s*(?:[-*+>]\s+|#+\s*|//+\s*|\"\"\"|\'\'\')+")
TRAILER = re.compile(r"(?<![ \t])[ \t]*+(?:\"\"\"|\'\'\'|\*/)[ \t]*+$")


def quote(text: str) -> str:
    """A line shortened to one quotable line, list markers dropped."""
    flat = " ".join(TRAILER.sub("", BULLET.sub("", text)).split())
    return flat if len(flat) <= QUOTE_LIMIT else flat[: QUOTE_LIMIT - 1] + "…"


def areas_named(title: str) -> tuple[Area, ...]:
    """The areas a heading or card key names ("Inputs", "输入", "Hardware and OS")."""
    text = " ".join(title.strip(" :：*#").split())
    if not text or len(text.split()) > 6 or len(text) > 40:
        return ()
    return tuple(area for area, pattern in r.HEADING_AREAS if pattern.search(text))


def heading(lines: list[str], index: int) -> str | None:
    """The heading text when line ``index`` is a heading or a lone label, else None."""
    line = lines[index]
    if not line.strip():
        return None
    for pattern in (r.ATX, r.BOLD, r.LABEL):
        if match := pattern.match(line):
            return match.group(1)
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if r.UNDERLINE.match(following) and not r.UNDERLINE.match(line):
        return line.strip()
    match = r.NUMBERED.match(line)
    if match and len(match.group(1).split()) <= 5 and not match.group(1).rstrip().endswith("."):
        return match.group(1)
    return None


def section_hits(lines: list[str]) -> Iterator[Hit]:
    """Lines under a heading or label that names an area, a few per section."""
    current: tuple[Area, ...] = ()
    cited = 0
    for index, line in enumerate(lines):
        title = heading(lines, index)
        if title is not None:
            current, cited = areas_named(title), 0
            continue
        if not current or not line.strip() or r.UNDERLINE.match(line) or cited >= SECTION_LIMIT:
            continue
        cited += 1
        for area in current:
            yield area, index + 1, line


def card_hits(lines: list[str]) -> Iterator[Hit]:
    """``key: value`` lines whose key names an area (``inputs:``, ``latency:``, ``内存：``)."""
    for index, line in enumerate(lines):
        match = r.CARD.match(line)
        if match:
            for area in areas_named(match.group(1)):
                yield area, index + 1, line


def speaks_about(area: Area, line: str) -> bool:
    """Whether a sentence speaks about one of the four phrase areas in passing."""
    if area is Area.INPUTS:
        return any(p.search(line) for p in r.INPUT_PHRASES)
    if area is Area.OUTPUTS:
        return any(p.search(line) for p in r.OUTPUT_PHRASES)
    if area is Area.HARDWARE:
        return any(p.search(line) for p in (r.HARDWARE_STRONG, r.HARDWARE_WEAK, r.OS, r.NETWORK))
    # "fast" or "10 minutes" in a story is no target; a wish or a metric name makes it one.
    return bool(
        (r.WISH.search(line) or r.PERF_METRIC.search(line))
        and (r.PERF_WORDS.search(line) or parse_targets(line))
    )


def phrase_hits(lines: list[str], only: Iterable[int] | None = None) -> Iterator[Hit]:
    """Phrase hits on every line, or on the given 0-based line indexes only.

    Each area's gate, searched once over the whole text, picks the lines worth
    matching; the others cannot speak about the area.
    """
    folded = fold("\n".join(lines))
    checks = [(area, gated(gate.on(folded), folded)) for area, gate in r.PHRASE_GATES]
    candidates = set().union(*(found for _, found in checks))
    indexes = sorted(candidates) if only is None else [i for i in only if i in candidates]
    for index in indexes:
        line = lines[index]
        for area, found in checks:
            if index in found and speaks_about(area, line):
                yield area, index + 1, line


def text_hits(lines: list[str]) -> Iterator[Hit]:
    """Every hit in a document: sections, card keys, then phrasing."""
    yield from section_hits(lines)
    yield from card_hits(lines)
    yield from phrase_hits(lines)


#: Lines of code that are never facts: imports, includes, and a call opened alone.
NOT_INTERFACE = re.compile(
    r"\s{0,40}(?:import\s|from\s[\w.]{1,80}\s+import\s|#\s{0,4}include\b|using\s|"
    r"use\s|require\s|(?:const|let|var)\s+\w{1,40}\s*=\s*require\(|package\s)|"
    r"\s{0,40}(?:print|console\.log|printf|puts|echo)\s{0,4}\(?\s{0,4}$"
)


def source_hits(lines: list[str], name: str = "") -> Iterator[Hit]:
    """Hits in source code: its interface, plus phrasing in comments and docstrings.

    Python is read through its syntax tree (:mod:`askspec.extract.python_code`);
    other languages by their clearest statement patterns.
    """
    comments = [index for index, is_comment in enumerate(is_comment_line(lines)) if is_comment]
    yield from phrase_hits(lines, comments)
    found = python_hits("\n".join(lines)) if name.endswith((".py", ".pyw")) else None
    if found is None:
        statements: Iterable[Hit] = code_hits(lines)
    else:  # the tree gives the interface; the machine still shows in its calls
        hardware = list(code_hits(lines, (Area.HARDWARE,)))
        interface = [(area, number, lines[number - 1]) for area, number in found]
        statements = sorted([*interface, *hardware], key=lambda hit: hit[1])
    cited: dict[Area, int] = {}
    for area, number, line in statements:
        if NOT_INTERFACE.match(line[:300]) or cited.get(area, 0) >= CODE_LIMIT:
            continue
        cited[area] = cited.get(area, 0) + 1
        yield area, number, line


def topics(area: Area, text: str) -> tuple[str, ...]:
    """Which questions of its area a line answers: volume, delivery, os, network..."""
    found: list[str] = []
    if area is Area.PERFORMANCE:
        found = [t.metric for t in parse_targets(text)]
    elif area is Area.HARDWARE:
        found = [name for name, p in (("os", r.OS), ("network", r.NETWORK)) if p.search(text)]
        if r.MACHINE.search(text) or not found:
            found.insert(0, "machine")
    else:
        checks = (("volume", r.VOLUME), ("invalid", r.INVALID), ("delivery", r.DELIVERY))
        found = [name for name, p in checks if p.search(text)]
    return tuple(dict.fromkeys(found))


def make_fact(area: Area, path: str, number: int, line: str) -> Fact:
    """A fact from one line: quoted, judged measurable or vague, tagged and parsed."""
    text = quote(line)
    value = r.CARD.match(line)
    placeholder = bool(r.PLACEHOLDER.match(value.group(2) if value else text))
    targets = parse_targets(text) if area in {Area.HARDWARE, Area.PERFORMANCE} else ()
    if area is Area.HARDWARE:
        measurable = hardware_specific(text)
    elif area is Area.PERFORMANCE:
        measurable = bool(targets)
    else:
        measurable = True
    return Fact(
        area, path, number, text, measurable and not placeholder, topics(area, text), targets
    )


SENTENCE_END = re.compile(r"[.!?。！？:;；：]\s*$")
NEW_ITEM = re.compile(r"^\s*(?:[-*+>#|]|\d+[.)]|[A-Z]{1,5}-\d)")


def sentence(lines: list[str], index: int, extra: int = 2) -> str:
    """A line with the lines that finish its sentence, so a wrapped statement reads whole."""
    text = lines[index]
    for follow in lines[index + 1 : index + 1 + extra]:
        if SENTENCE_END.search(text) or not follow.strip() or NEW_ITEM.match(follow):
            break
        text += " " + follow.strip()
    return text


def seed_facts(seed: SeedFile) -> list[Fact]:
    """Every fact one seed states, one per area and line, in line order."""
    lines = seed.text.splitlines()
    api = api_hits(lines) if seed.kind is Kind.SPEC else []
    if seed.kind is Kind.CODE:
        hits: Iterable[Hit] = source_hits(lines, seed.path)
    elif api:
        # Headings and keys of an API definition are its structure, not statements.
        hits = [*api, *phrase_hits(lines)]
    else:
        hits = text_hits(lines)
    seen: dict[tuple[int, Area], Fact] = {}
    for area, number, line in hits:
        if (number, area) not in seen and line.strip():
            # API summaries and code lines stand alone; prose wraps across lines.
            whole = sentence(lines, number - 1) if line == lines[number - 1] and not api else line
            if seed.kind is Kind.CODE:
                whole = line
            seen[number, area] = make_fact(area, seed.path, number, whole)
    return [seen[key] for key in sorted(seen, key=lambda k: (k[0], ORDER[k[1]]))]


def extract(files: Iterable[SeedFile]) -> tuple[Fact, ...]:
    """Every fact the readable seeds state, in file and line order."""
    facts: list[Fact] = []
    for seed in files:
        if seed.kind in READ_KINDS and seed.text:
            facts.extend(seed_facts(seed))
    return tuple(facts)
