"""Phrasing that speaks about an area in passing, and which questions a statement answers.

"reads CSV files" speaks about inputs and "must answer in 200 ms" about performance,
wherever they stand: in a paragraph, a list item or a comment of a source file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from askspec.extract import rules as r
from askspec.extract.code import fold, gated
from askspec.measure import parse_targets
from askspec.models import Area

Hit = tuple[Area, int, str]


def speaks_about(area: Area, line: str) -> bool:
    """Whether a sentence speaks about one of the four phrase areas in passing."""
    if area is Area.INPUTS:
        return any(p.search(line) for p in r.INPUT_PHRASES)
    if area is Area.OUTPUTS:
        return any(p.search(line) for p in r.OUTPUT_PHRASES)
    if area is Area.HARDWARE:
        return any(p.search(line) for p in (r.HARDWARE_STRONG, r.HARDWARE_WEAK, r.OS, r.NETWORK))
    # "fast" or "10 minutes" in a story is no target; a wish or a metric name makes it one.
    line = r.CONTRACT_PERFORMANCE.sub(" ", line)
    return bool(
        (r.WISH.search(line) or r.PERF_METRIC.search(line))
        and (r.PERF_WORDS.search(line) or parse_targets(line))
    )


def phrase_hits(lines: list[str], only: Iterable[int] | None = None) -> Iterator[Hit]:
    """Phrase hits on every line, or on the given 0-based line indexes only.

    Each area's gate, searched once over the whole text, picks the lines worth
    matching; the others cannot speak about the area.
    """
    if only is not None:
        # A gate never matches across a line end, so the lines asked about are searched
        # alone: in code they are the comments, a few lines of many. On the 10,000-file
        # bench tree this takes 5 s (a seventh) off extracting from code.
        chosen = list(only)
        for area, number, line in phrase_hits([lines[i] for i in chosen]):
            yield area, chosen[number - 1] + 1, line
        return
    folded = fold("\n".join(lines))
    checks = [(area, gated(gate.on(folded), folded)) for area, gate in r.PHRASE_GATES]
    candidates = set().union(*(found for _, found in checks))
    for index in sorted(candidates):
        line = lines[index]
        for area, found in checks:
            if index in found and speaks_about(area, line):
                yield area, index + 1, line


def topics(area: Area, text: str) -> tuple[str, ...]:
    """Which questions of its area a statement answers: volume, delivery, os, network..."""
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
