"""Find what the seeds already state about each area, with file and line."""

from __future__ import annotations

import re
from collections.abc import Iterable

from askspec.models import Area, Fact, Kind, SeedFile

#: Design-card keys and the area each one states.
CARD_KEYS: dict[str, Area] = {
    "input": Area.INPUTS,
    "inputs": Area.INPUTS,
    "output": Area.OUTPUTS,
    "outputs": Area.OUTPUTS,
    "hardware": Area.HARDWARE,
    "platform": Area.HARDWARE,
    "performance": Area.PERFORMANCE,
    "latency": Area.PERFORMANCE,
    "throughput": Area.PERFORMANCE,
}

CARD_LINE = re.compile(r"^\s*([A-Za-z][\w -]{0,30}):\s+(\S.*)$")
QUOTE_LIMIT = 200


def quote(text: str) -> str:
    """A line shortened to one quotable line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_LIMIT else flat[: QUOTE_LIMIT - 1] + "…"


def card_facts(seed: SeedFile) -> list[Fact]:
    """Facts from ``key: value`` lines whose key names an area."""
    facts = []
    for number, line in enumerate(seed.text.splitlines(), start=1):
        match = CARD_LINE.match(line)
        if match and (area := CARD_KEYS.get(match.group(1).strip().lower())):
            facts.append(Fact(area, seed.path, number, quote(line)))
    return facts


def extract(files: Iterable[SeedFile]) -> tuple[Fact, ...]:
    """Every fact the readable seeds state, in file and line order."""
    facts: list[Fact] = []
    for seed in files:
        if seed.kind in {Kind.PROSE, Kind.CODE, Kind.SPEC} and seed.text:
            facts.extend(card_facts(seed))
    return tuple(facts)
