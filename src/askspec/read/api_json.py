"""JSON read as a tree of line-keeping nodes by a small scanner, within limits.

The ``json`` module keeps no positions, so this scanner reads the text one token at a
time with an explicit stack (no recursion, so deep nesting is refused by
:data:`~askspec.read.api_tree.MAX_DEPTH` rather than by Python's recursion limit),
counting newlines as it moves forward: linear in the text. Each string is found by
its closing quote and decoded by ``json.loads``, which also checks it.
"""

from __future__ import annotations

import json
import re

from askspec.read.api_tree import MAX_DEPTH, Node, TreeError, check_size

#: A JSON literal or number: a bounded run of the characters they are made of.
JSON_SCALAR = re.compile(r"[-+.0-9A-Za-z]{1,400}")
#: JSON whitespace between tokens (one greedy run of a single class).
JSON_SPACE = re.compile(r"[ \t\r\n]*")


def json_tree(text: str) -> Node:
    """The JSON document of text as a node tree; TreeError when refused or invalid."""
    check_size(text)
    return _JsonScanner(text).run()


class _JsonScanner:
    """Reads JSON token by token with an explicit stack, counting lines as it goes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.counted = 0
        self.root: Node | None = None
        self.stack: list[Node] = []
        self.pending: list[str | None] = []

    def line_at(self, pos: int) -> int:
        """The line of pos; positions are asked in increasing order, so this is linear."""
        self.line += self.text.count("\n", self.counted, pos)
        self.counted = pos
        return self.line

    def run(self) -> Node:
        """Scan the whole text; the root node."""
        text = self.text
        while True:
            self.pos = self.skip_space(self.pos)
            if self.pos >= len(text):
                break
            if self.root is not None and not self.stack:
                raise TreeError(f"JSON has extra data at line {self.line_at(self.pos)}")
            char = text[self.pos]
            if char in "{[":
                self.open(char)
            elif char in "}]":
                self.close(char)
            elif char in ",:":
                self.pos += 1
            else:
                self.scalar(char)
        if self.stack or self.root is None:
            raise TreeError("JSON ends before its value is complete")
        return self.root

    def skip_space(self, pos: int) -> int:
        """The position after the whitespace at pos."""
        found = JSON_SPACE.match(self.text, pos)
        return found.end() if found else pos

    def open(self, char: str) -> None:
        """Start an object or array."""
        if len(self.stack) >= MAX_DEPTH:
            raise TreeError(f"nested deeper than {MAX_DEPTH} levels; not read")
        line = self.line_at(self.pos)
        node = Node(
            line, line, pairs={} if char == "{" else None, items=[] if char == "[" else None
        )
        self.place(node)
        self.stack.append(node)
        self.pending.append(None)
        self.pos += 1

    def close(self, char: str) -> None:
        """Finish the innermost object or array, checking the bracket matches."""
        if not self.stack or (self.stack[-1].pairs is None) != (char == "]"):
            raise TreeError(f"JSON has an unexpected {char!r} at line {self.line_at(self.pos)}")
        node = self.stack.pop()
        self.pending.pop()
        node.last = self.line_at(self.pos)
        self.pos += 1

    def scalar(self, char: str) -> None:
        """Read a string, number or literal."""
        line = self.line_at(self.pos)
        if char == '"':
            self.place(Node(line, line, self.string(line)), key=True)
            return
        found = JSON_SCALAR.match(self.text, self.pos)
        try:
            json.loads(found.group() if found else char)
        except ValueError:
            raise TreeError(f"JSON has an unexpected value at line {line}") from None
        assert found is not None
        self.pos = found.end()
        self.place(Node(line, line, found.group()))

    def string(self, line: int) -> str:
        """Read the string at the position: find its closing quote, then decode it."""
        start, end = self.pos, self.pos
        while True:
            end = self.text.find('"', end + 1)
            if end < 0:
                raise TreeError(f"JSON has an unterminated string at line {line}")
            escapes = 0  # a quote after an odd run of backslashes is escaped
            while self.text[end - 1 - escapes] == "\\":
                escapes += 1
            if escapes % 2 == 0:
                break
        try:
            value = json.loads(self.text[start : end + 1])
        except ValueError:
            raise TreeError(f"JSON has a broken string at line {line}") from None
        self.pos = end + 1
        return str(value)

    def place(self, node: Node, key: bool = False) -> None:
        """Put a node where the document expects it: a key, a value or an item."""
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        if parent.items is not None:
            parent.items.append(node)
        elif self.pending[-1] is None:
            if not key:
                raise TreeError(f"JSON object key is not a string at line {node.first}")
            self.pending[-1] = node.text
            parent.key_lines[node.text] = node.first
        else:
            assert parent.pairs is not None
            parent.pairs[self.pending[-1]] = node
            self.pending[-1] = None
