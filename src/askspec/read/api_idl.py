"""Protocol Buffers definitions read as API blocks, from a line-by-line token stream.

Each line, cut to :data:`MAX_LINE` characters, is split into tokens by one anchored
pattern matched at a position (so each character is read once); comments are dropped
and string literals become one ``"`` token, so braces inside them do not count. The
tokens are grouped into statements ended by ``;``, ``{`` or ``}``, and a stack of open
blocks (a depth counter with names) says which message a field belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from askspec.read.api_tree import TreeError, check_size
from askspec.read.blocks import Block, BlockKind, Document

#: Lines are read up to this many characters; the rest of a longer line is ignored.
MAX_LINE = 4096
#: A statement keeps at most this many tokens.
MAX_STATEMENT = 64
#: One token at a position: spaces, a name (dots allowed), a number, a comment or
#: block-string opener, or any one character.
TOKEN = re.compile(r'\s+|[A-Za-z_][\w.]*|\d[\w.]*|"""|//|/\*|\.\.\.|.')
#: The rest of a quoted string after its opening quote (escapes allowed).
DOUBLE_QUOTED = re.compile(r'(?:[^"\\]|\\.)*"?')
SINGLE_QUOTED = re.compile(r"(?:[^'\\]|\\.)*'?")
STRING = '"'

Token = tuple[int, str]


@dataclass(frozen=True)
class Syntax:
    """How a language writes comments and long strings."""

    line_comment: str
    block_open: str
    block_close: str
    block_is_string: bool


PROTO = Syntax("//", "/*", "*/", block_is_string=False)
GRAPHQL = Syntax("#", '"""', '"""', block_is_string=True)


def tokens(text: str, syntax: Syntax) -> Iterator[Token]:
    """The tokens of text with their 1-based lines, comments dropped, strings as ``"``."""
    in_block = False
    for number, whole in enumerate(text.splitlines(), start=1):
        line, pos = whole[:MAX_LINE], 0
        while pos < len(line):
            if in_block:
                end = line.find(syntax.block_close, pos)
                if end < 0:
                    break
                pos, in_block = end + len(syntax.block_close), False
                continue
            found = TOKEN.match(line, pos)
            assert found is not None  # the last alternative takes any one character
            word, pos = found.group(), found.end()
            if word == syntax.line_comment:
                break
            if word == syntax.block_open:
                in_block = True
                if syntax.block_is_string:
                    yield number, STRING
            elif word in {'"', "'"}:
                quoted = DOUBLE_QUOTED if word == '"' else SINGLE_QUOTED
                rest = quoted.match(line, pos)
                pos = rest.end() if rest else len(line)
                yield number, STRING
            elif not word.isspace() and word != ",":
                yield number, word


def statements(stream: Iterator[Token]) -> Iterator[tuple[list[Token], str, int]]:
    """Statements with the token that ended them (``;``, ``{`` or ``}``) and its line."""
    current: list[Token] = []
    for line, word in stream:
        if word in {";", "{", "}"}:
            yield current, word, line
            current = []
        elif len(current) < MAX_STATEMENT:
            current.append((line, word))
    if current:
        yield current, "", current[-1][0]


@dataclass
class Scope:
    """An open ``{`` block: what it declares, where it starts and what it holds."""

    kind: str
    name: str
    first: int
    names: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Rpc:
    """An rpc: its name, request and response (``stream`` kept) and its lines."""

    name: str
    request: str
    response: str
    service: str
    first: int
    last: int


def rpc_parts(words: list[str]) -> tuple[str, str, str] | None:
    """``rpc Name ( stream? Req ) returns ( stream? Resp )`` as (name, request, response)."""
    if len(words) < 8 or words[2] != "(" or ")" not in words[3:]:
        return None
    close = words.index(")", 3)
    request = " ".join(words[3:close])
    rest = words[close + 1 :]
    if len(rest) < 4 or rest[0] != "returns" or rest[1] != "(" or ")" not in rest[2:]:
        return None
    return words[1], request, " ".join(rest[2 : rest.index(")", 2)])


def field_name(words: list[str]) -> str:
    """The name a field or enum value declares: the word before its ``=``."""
    if "=" not in words or words[0] in {"option", "reserved", "extensions"}:
        return ""
    at = words.index("=")
    return words[at - 1] if at > 0 else ""


@dataclass
class ProtoReader:
    """Walks the statements of a .proto file, keeping the open blocks on a stack."""

    stack: list[Scope] = field(default_factory=list)
    messages: dict[str, Scope] = field(default_factory=dict)
    rpcs: list[Rpc] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)

    def statement(self, found: list[Token], end: str, line: int) -> None:
        """Take one statement and the token that ended it."""
        words = [word for _, word in found]
        first = found[0][0] if found else line
        if end == "{":
            self.open(words, first)
        elif end == "}":
            self.close(line)
        elif words and words[0] == "rpc" and (parts := rpc_parts(words)):
            service = next((s.name for s in reversed(self.stack) if s.kind == "service"), "")
            self.rpcs.append(Rpc(*parts, service, first, line))
        elif self.stack and self.stack[-1].kind in {"message", "oneof", "enum"}:
            owner = self.owner()
            name = field_name(words)
            if owner is not None and name:
                owner.names.append(name)

    def owner(self) -> Scope | None:
        """The innermost message or enum: a oneof's fields belong to its message."""
        return next((s for s in reversed(self.stack) if s.kind in {"message", "enum"}), None)

    def open(self, words: list[str], first: int) -> None:
        """Open a block: a message, enum, service, oneof, rpc with options, or other."""
        kind = words[0] if words and words[0] in {"message", "enum", "service", "oneof"} else ""
        if words and words[0] == "rpc" and (parts := rpc_parts(words)):
            service = next((s.name for s in reversed(self.stack) if s.kind == "service"), "")
            self.rpcs.append(Rpc(*parts, service, first, first))
            kind = "rpc"
        name = words[1] if kind and len(words) > 1 else ""
        if kind in {"message", "enum"}:
            outer = self.owner()
            name = f"{outer.name}.{name}" if outer is not None and outer.kind == "message" else name
        self.stack.append(Scope(kind, name, first))
        if kind == "service":
            self.blocks.append(Block(BlockKind.HEADING, f"service {name}", first, first, level=1))

    def close(self, line: int) -> None:
        """Close the innermost block, making a message's or enum's block."""
        if not self.stack:
            return
        scope = self.stack.pop()
        if scope.kind == "rpc" and self.rpcs:
            last = self.rpcs[-1]
            self.rpcs[-1] = Rpc(
                last.name, last.request, last.response, last.service, last.first, line
            )
        elif scope.kind in {"message", "enum"}:
            self.messages[scope.name] = scope
            text = f"{scope.kind} {scope.name}"
            text = f"{text}: {', '.join(scope.names)}" if scope.names else text
            block = Block(BlockKind.API, text, scope.first, line, cells=(scope.kind, scope.name))
            self.blocks.append(block)

    def fields_of(self, type_name: str) -> list[str]:
        """The field names of a message named in an rpc, by full or last dotted name."""
        bare = type_name.removeprefix("stream ").lstrip(".")
        scope = self.messages.get(bare)
        if scope is None:
            tail = bare.rsplit(".", 1)[-1]
            scope = next(
                (s for n, s in self.messages.items() if n.rsplit(".", 1)[-1] == tail), None
            )
        return scope.names if scope is not None else []

    def rpc_block(self, rpc: Rpc) -> Block:
        """``rpc GetFeature(Point: latitude, longitude) -> Feature (name, location)``."""
        inputs, outputs = self.fields_of(rpc.request), self.fields_of(rpc.response)
        request = f"{rpc.request}: {', '.join(inputs)}" if inputs else rpc.request
        response = f"{rpc.response} ({', '.join(outputs)})" if outputs else rpc.response
        text = f"rpc {rpc.name}({request}) -> {response}"
        section = (rpc.service,) if rpc.service else ()
        return Block(BlockKind.API, text, rpc.first, rpc.last, section, ("rpc", rpc.name))


def proto_document(text: str) -> Document:
    """A .proto file's services, rpcs, messages and enums as blocks, in source order."""
    try:
        check_size(text)
    except TreeError as exc:
        return Document(problems=(str(exc),))
    reader = ProtoReader()
    for found, end, line in statements(tokens(text, PROTO)):
        reader.statement(found, end, line)
    blocks = reader.blocks + [reader.rpc_block(rpc) for rpc in reader.rpcs]
    blocks.sort(key=lambda block: (block.first, block.last))
    problems = ("lines over 4096 characters were read in part",) if long_lines(text) else ()
    title = next((b.text for b in blocks if b.kind is BlockKind.HEADING), "")
    return Document(tuple(blocks), title, problems)


def long_lines(text: str) -> bool:
    """True when some line is longer than MAX_LINE (and so was read in part)."""
    return any(len(line) > MAX_LINE for line in text.splitlines())
