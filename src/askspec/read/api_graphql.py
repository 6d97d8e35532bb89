"""GraphQL schema definitions (SDL) read as API blocks.

The root types' fields are operations (``Query.user(id) -> User``: arguments in, return
type out), one block each; every other ``type``, ``input``, ``interface`` and ``enum``
is one block naming its fields or values. The tokens come from the same line-by-line
reader as protobuf's (comments dropped, descriptions as one string token), and the
walk moves forward through them once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from askspec.read.api_idl import GRAPHQL, STRING, Token, long_lines, tokens
from askspec.read.api_tree import TreeError, check_size
from askspec.read.blocks import Block, BlockKind, Document

DEFINITIONS = frozenset({"type", "input", "interface", "enum", "union", "schema", "scalar"})
ROOTS = {"query": "Query", "mutation": "Mutation", "subscription": "Subscription"}
OPENERS = {"(": ")", "[": "]", "{": "}"}


@dataclass
class Field:
    """A field of a type: its arguments, its type and its lines."""

    name: str
    args: list[str]
    type: str
    first: int
    last: int


@dataclass
class Definition:
    """A type, input, interface, enum or union with its fields and lines."""

    kind: str
    name: str
    first: int
    last: int
    fields: list[Field] = field(default_factory=list)


def is_name(word: str) -> bool:
    """True for a GraphQL name token."""
    return bool(word) and (word[0].isalpha() or word[0] == "_")


class GraphqlReader:
    """Walks the tokens of a schema once, collecting its definitions."""

    def __init__(self, found: list[Token]) -> None:
        self.toks = found
        self.i = 0
        self.definitions: list[Definition] = []
        self.roots = dict(ROOTS)

    def peek(self, ahead: int = 0) -> str:
        """The token ahead of the position, or an empty string past the end."""
        at = self.i + ahead
        return self.toks[at][1] if at < len(self.toks) else ""

    def line(self, ahead: int = 0) -> int:
        """The line of the token ahead of the position (the last line past the end)."""
        at = min(self.i + ahead, len(self.toks) - 1)
        return self.toks[at][0] if at >= 0 else 0

    def run(self) -> list[Definition]:
        """Read every definition; skip what is not one (queries, directives, strings)."""
        while self.i < len(self.toks):
            word = self.peek()
            if word in {"type", "input", "interface", "enum"}:
                self.definition()
            elif word == "schema" and self.peek(1) == "{":
                self.schema()
            elif word == "union" and is_name(self.peek(1)):
                self.union()
            elif word in OPENERS:
                self.skip_balanced()
            else:
                self.i += 1
        return self.definitions

    def skip_balanced(self) -> int:
        """Move past a bracketed group at the position; the line of its closing bracket."""
        stack: list[str] = []
        while self.i < len(self.toks):
            word = self.peek()
            if word in OPENERS:
                stack.append(OPENERS[word])
            elif stack and word == stack[-1]:
                stack.pop()
            self.i += 1
            if not stack:
                break
        return self.line(-1)

    def skip_directives(self) -> None:
        """Move past ``@name(args)`` directives."""
        while self.peek() == "@":
            self.i += 2
            if self.peek() == "(":
                self.skip_balanced()

    def definition(self) -> None:
        """``type Name implements A & B @dir { fields }`` (or input, interface, enum)."""
        kind, first = self.peek(), self.line()
        self.i += 1
        name = self.peek() if is_name(self.peek()) else ""
        self.i += 1
        while self.peek() not in {"{", STRING, ""} | DEFINITIONS:
            self.i += 1
            if self.peek() == "(":
                self.skip_balanced()
        found = Definition(kind, name, first, self.line(-1))
        if self.peek() == "{":
            self.i += 1
            self.body(found)
        self.definitions.append(found)

    def body(self, into: Definition) -> None:
        """The fields or enum values up to the closing brace."""
        while self.i < len(self.toks) and self.peek() != "}":
            word, first = self.peek(), self.line()
            self.i += 1
            if not is_name(word):
                continue
            args = self.arguments() if self.peek() == "(" else []
            kind = ""
            if self.peek() == ":":
                self.i += 1
                kind = self.type_ref()
            last = self.line(-1)
            self.skip_directives()
            into.fields.append(Field(word, args, kind, first, last))
        into.last = self.line()
        self.i += 1

    def arguments(self) -> list[str]:
        """The names of the arguments in the parentheses at the position."""
        names: list[str] = []
        depth = 0
        while self.i < len(self.toks):
            word = self.peek()
            if word in OPENERS:
                depth += 1
            elif word in OPENERS.values():
                depth -= 1
            elif depth == 1 and is_name(word) and self.peek(1) == ":" and self.peek(-1) != "@":
                names.append(word)
            self.i += 1
            if depth == 0:
                break
        return names

    def type_ref(self) -> str:
        """A type as written: ``User``, ``[Product!]!``."""
        parts: list[str] = []
        opened = 0
        while self.peek() == "[":
            parts.append("[")
            opened += 1
            self.i += 1
        if is_name(self.peek()):
            parts.append(self.peek())
            self.i += 1
        for closer in ["!"] + ["]", "!"] * opened:
            if self.peek() == closer:
                parts.append(closer)
                self.i += 1
        return "".join(parts)

    def schema(self) -> None:
        """``schema { query: RootQuery }``: which types are the roots."""
        self.i += 2
        while self.i < len(self.toks) and self.peek() != "}":
            if self.peek() in ROOTS and self.peek(1) == ":":
                self.roots[self.peek()] = self.peek(2)
                self.i += 2
            self.i += 1

    def union(self) -> None:
        """``union SearchResult = Product | Review``."""
        first = self.line()
        found = Definition("union", self.peek(1), first, first)
        self.i += 2
        self.skip_directives()
        if self.peek() == "=":
            self.i += 1
            while is_name(self.peek()) or self.peek() == "|":
                if self.peek() != "|":
                    found.fields.append(Field(self.peek(), [], "", self.line(), self.line()))
                found.last = self.line()
                self.i += 1
        self.definitions.append(found)


def field_block(root: str, item: Field) -> Block:
    """``Query.user(id) -> User``."""
    args = f"({', '.join(item.args)})" if item.args else ""
    text = f"{root}.{item.name}{args} -> {item.type}" if item.type else f"{root}.{item.name}{args}"
    return Block(BlockKind.API, text, item.first, item.last, (root,), (root, item.name, item.type))


def definition_blocks(found: Definition, roots: set[str]) -> list[Block]:
    """A root type's fields one by one, or one block naming another definition's fields."""
    if found.kind == "type" and found.name in roots:
        return [field_block(found.name, item) for item in found.fields]
    names = ", ".join(item.name for item in found.fields)
    text = f"{found.kind} {found.name}: {names}" if names else f"{found.kind} {found.name}"
    return [Block(BlockKind.API, text, found.first, found.last, cells=(found.kind, found.name))]


def graphql_document(text: str) -> Document:
    """A GraphQL schema's operations and types as API blocks, in source order."""
    try:
        check_size(text)
    except TreeError as exc:
        return Document(problems=(str(exc),))
    reader = GraphqlReader(list(tokens(text, GRAPHQL)))
    found = reader.run()
    roots = set(reader.roots.values())
    blocks = [block for item in found for block in definition_blocks(item, roots)]
    blocks.sort(key=lambda block: (block.first, block.last))
    problems = ("lines over 4096 characters were read in part",) if long_lines(text) else ()
    return Document(tuple(blocks), "", problems)
