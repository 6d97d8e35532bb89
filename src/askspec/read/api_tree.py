"""YAML and JSON read as a tree of nodes that know their source lines, within limits.

API definitions are quoted by line, so each node keeps the first and last line it was
written on, and each mapping the line of every key. YAML is read from PyYAML's event
stream with its safe loader (the events ``yaml.compose`` builds its nodes from, with the
same start and end marks) because composing is recursive: a deep document would stop on
Python's recursion limit, and an alias graph is easier to bound while it is built. JSON
is read by ``api_json``'s scanner, which builds the same nodes. Both refuse a document over
:data:`MAX_BYTES`, nested deeper than :data:`MAX_DEPTH`, or (YAML) whose aliases
expand to more than :data:`MAX_NODES` nodes; a refusal is a :class:`TreeError` whose
message says why in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import yaml

MAX_BYTES = 2 << 20
MAX_DEPTH = 200
MAX_NODES = 500_000


class TreeError(Exception):
    """A document was refused or could not be parsed; the message says why."""


@dataclass(eq=False, slots=True)
class Node:
    """A scalar, mapping or sequence with the lines it spans (1-based)."""

    first: int
    last: int
    text: str = ""
    pairs: dict[str, Node] | None = None
    key_lines: dict[str, int] = field(default_factory=dict)
    items: list[Node] | None = None
    size: int = 1

    def get(self, key: str) -> Node | None:
        """The value under key, if this is a mapping holding it."""
        return self.pairs.get(key) if self.pairs is not None else None

    def scalar(self, key: str) -> str:
        """The scalar text under key, or an empty string."""
        found = self.get(key)
        return found.text if found is not None and found.pairs is None else ""

    def entries(self) -> list[tuple[str, Node]]:
        """A mapping's keys and values in source order (nothing for other nodes)."""
        return list(self.pairs.items()) if self.pairs is not None else []

    def span(self, key: str) -> tuple[int, int]:
        """The lines from key's line to the end of its value."""
        first = self.key_lines.get(key, self.first)
        value = self.get(key)
        return first, max(first, value.last if value is not None else first)


def check_size(text: str) -> None:
    """Refuse text over the byte limit."""
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise TreeError(f"larger than {MAX_BYTES >> 20} MB; not read as an API definition")


# --- YAML ------------------------------------------------------------------------


def yaml_tree(text: str) -> Node:
    """The first YAML document of text as a node tree; TreeError when refused."""
    check_size(text)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    builder = _YamlBuilder()
    try:
        for event in yaml.parse(text, Loader=loader):
            if builder.feed(event):
                break
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise TreeError(f"YAML could not be parsed{where}") from None
    if builder.root is None:
        raise TreeError("YAML document is empty")
    return builder.root


class _Mark(Protocol):
    """Where a YAML event starts or ends (0-based line and column)."""

    line: int
    column: int


def _line(mark: _Mark | None, end: bool = False) -> int:
    """A mark's 1-based line; an end mark at a line's start belongs to the line before."""
    if mark is None:
        return 0
    if end and mark.column == 0 and mark.line > 0:
        return mark.line
    return mark.line + 1


class _YamlBuilder:
    """Builds nodes from YAML events with an explicit stack, counting alias expansion."""

    def __init__(self) -> None:
        self.root: Node | None = None
        self.stack: list[Node] = []
        self.pending: list[str | None] = []  # the key each open mapping waits to fill
        self.flows: list[bool] = []  # whether each open collection is in brackets
        self.anchors: dict[str, Node] = {}
        self.expanded = 0

    def feed(self, event: yaml.Event) -> bool:
        """Take one event; True once the first document is complete."""
        if isinstance(event, yaml.AliasEvent):
            self.alias(event)
        elif isinstance(event, yaml.ScalarEvent):
            node = Node(_line(event.start_mark), _line(event.end_mark, end=True), event.value)
            self.add(node, event.anchor)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self.open(event)
        elif isinstance(event, yaml.CollectionEndEvent):
            self.close(event)
        return isinstance(event, yaml.DocumentEndEvent) and self.root is not None

    def open(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        """Start a mapping or sequence."""
        if len(self.stack) >= MAX_DEPTH:
            raise TreeError(f"nested deeper than {MAX_DEPTH} levels; not read")
        line = _line(event.start_mark)
        is_map = isinstance(event, yaml.MappingStartEvent)
        node = Node(line, line, pairs={} if is_map else None, items=None if is_map else [])
        node.size = 0  # an open node: an alias to it would be a cycle
        self.add(node, event.anchor)
        self.stack.append(node)
        self.pending.append(None)
        self.flows.append(bool(event.flow_style))

    def close(self, event: yaml.CollectionEndEvent) -> None:
        """Finish the innermost mapping or sequence."""
        node = self.stack.pop()
        self.pending.pop()
        children = list(node.pairs.values()) if node.pairs is not None else node.items or []
        node.size = 1 + sum(child.size for child in children)
        ends = [child.last for child in children] + list(node.key_lines.values())
        # A bracket's mark is exact; a block collection's end mark is where the next
        # token starts, often lines later, so it ends with its last child instead.
        if self.flows.pop():
            ends.append(_line(event.start_mark))
        node.last = max([node.first, *ends])

    def alias(self, event: yaml.AliasEvent) -> None:
        """Reuse an anchored node, refusing cycles and expansion past the cap."""
        node = self.anchors.get(event.anchor or "")
        if node is None:
            raise TreeError(f"YAML alias *{event.anchor} names no anchor")
        if node.size == 0:
            raise TreeError(f"YAML alias *{event.anchor} refers to itself")
        self.expanded += node.size
        if self.expanded > MAX_NODES:
            raise TreeError(f"YAML aliases expand beyond {MAX_NODES} nodes; not read")
        self.add(node, None)

    def add(self, node: Node, anchor: str | None) -> None:
        """Place a node in its parent: as a key, a mapping value or an item."""
        if anchor:
            self.anchors[anchor] = node
        if not self.stack:
            self.root = self.root or node
            return
        parent = self.stack[-1]
        if parent.items is not None:
            parent.items.append(node)
        elif self.pending[-1] is None:
            key = node.text if node.pairs is None and node.items is None else ""
            parent.key_lines[key] = node.first
            self.pending[-1] = key
        else:
            assert parent.pairs is not None
            parent.pairs[self.pending[-1]] = node
            self.pending[-1] = None
