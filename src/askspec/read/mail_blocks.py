"""An e-mail message (``.eml``) read as blocks: its header fields and its body's text.

Subject, From, To, Cc and Date are field blocks (addresses are contact data, never
prose). The body is the first text/plain part, or the first HTML part read by the
HTML reader when there is no plain one; quoted lines are quotes, and a signature
after the ``-- `` line is dropped. Lines are those of the message file; a body sent
base64 or quoted-printable has no lines of its own there, so its blocks span the
lines of the encoded part. Patterns are applied to lines cut to LINE_CUT characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser, BytesParser

from askspec.read.blocks import Block, BlockKind, Document, titled
from askspec.read.html_blocks import html_document

LINE_CUT = 1000
MAX_DEPTH = 50
HEADERS = ("Subject", "From", "To", "Cc", "Date")
BOUNDARY = re.compile(r"""boundary=(?:"([^"]{1,200})"|([^\s;"]{1,200}))""", re.IGNORECASE)
BULLET = re.compile(r"[ \t]{0,8}(?:[-*+•]|\d{1,3}[.)])[ \t]+(\S.*)")
SIGNATURE = "-- "


def mail_document(data: bytes) -> Document:
    """A message's header fields and body as blocks, with lines of the message file."""
    text = data.decode("utf-8", "replace")
    lines = text.splitlines()
    if nesting(lines) > MAX_DEPTH:
        head = BytesHeaderParser(policy=policy.default).parsebytes(data)
        problem = f"message nested deeper than {MAX_DEPTH} multipart levels: body not read"
        return titled(sorted(header_fields(head, lines), key=lambda b: b.first), (problem,))
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except RecursionError:  # a guard beside nesting(), which should have refused it
        return Document(problems=(f"message nested deeper than {MAX_DEPTH} levels",))
    blocks = sorted(header_fields(message, lines), key=lambda b: b.first)
    blocks += body_blocks(message, text)
    return titled(blocks)


def nesting(lines: list[str]) -> int:
    """How deep the message's multipart boundaries nest, read from its lines."""
    open_boundaries: list[str] = []
    deepest = 0
    for line in lines:
        cut = line[:LINE_CUT]
        if cut.startswith("--") and cut.rstrip().endswith("--"):
            closing = cut.rstrip()[2:-2]
            if closing in open_boundaries:
                del open_boundaries[open_boundaries.index(closing) :]
        elif found := BOUNDARY.search(cut):
            open_boundaries.append(found.group(1) or found.group(2))
            deepest = max(deepest, len(open_boundaries))
    return deepest


def header_fields(message: Message, lines: list[str]) -> Iterator[Block]:
    """Subject, From, To, Cc and Date as fields, at the lines their headers take."""
    for name in HEADERS:
        value = message.get(name)
        if value is None or not str(value).strip():
            continue
        first, last = header_lines(lines, name)
        value = " ".join(str(value).split())
        yield Block(BlockKind.FIELD, f"{name}: {value}", first, last, cells=(name, value))


def header_lines(lines: list[str], name: str) -> tuple[int, int]:
    """The first and last line of a top-level header, its folded lines included."""
    prefix = name.lower() + ":"
    for index, line in enumerate(lines):
        if not line.strip():
            break
        if line[: len(prefix)].lower() == prefix:
            end = index + 1
            while end < len(lines) and lines[end][:1] in (" ", "\t") and lines[end].strip():
                end += 1
            return index + 1, end
    return 1, 1


def body_part(message: EmailMessage) -> EmailMessage | None:
    """The text/plain part, else the text/html part, outside attachments."""
    for wanted in ("plain", "html"):
        found = message.get_body(preferencelist=(wanted,))
        if isinstance(found, EmailMessage):
            return found
    return None


def body_blocks(message: EmailMessage, text: str) -> list[Block]:
    """The body's blocks, placed at the lines of the message file."""
    part = body_part(message)
    if part is None:
        return []
    content = str(part.get_content())
    encoded = str(part.get_payload())
    offset = text.find(encoded) if encoded.strip() else -1
    base = text.count("\n", 0, offset) if offset >= 0 else 0
    span = encoded.count("\n") + 1
    if part.get_content_subtype() == "html":
        read = list(html_document(content))
    else:
        read = list(plain_body(content.splitlines()))
    verbatim = offset >= 0 and part.get("Content-Transfer-Encoding", "7bit").lower() in (
        "7bit", "8bit", "binary"
    )  # fmt: skip
    if verbatim:
        return [replace(b, first=b.first + base, last=b.last + base) for b in read]
    return [replace(b, first=base + 1, last=base + span) for b in read]


def plain_body(lines: list[str]) -> Iterator[Block]:
    """Paragraphs, items and quotes of a plain-text body, up to its signature."""
    run: list[str] = []
    start = 0
    for number, line in enumerate([*lines, ""], start=1):
        if line == SIGNATURE:
            break
        if run and (not line.strip() or is_quote(line) != is_quote(run[0]) or is_item(line)):
            yield run_block(run, start)
            run = []
        if line.strip():
            start = number if not run else start
            run.append(line[:LINE_CUT])
    if run:
        yield run_block(run, start)


def is_quote(line: str) -> bool:
    """True for a quoted line of a reply."""
    return line.lstrip().startswith(">")


def is_item(line: str) -> bool:
    """True for a line that starts a list item."""
    return bool(BULLET.match(line[:LINE_CUT]))


def run_block(run: list[str], first: int) -> Block:
    """A run of lines as one paragraph, item or quote."""
    last = first + len(run) - 1
    if is_quote(run[0]):
        text = " ".join(line.lstrip().lstrip(">").strip() for line in run)
        return Block(BlockKind.QUOTE, " ".join(text.split()), first, last)
    text = " ".join(" ".join(run).split())
    if item := BULLET.match(run[0]):
        text = " ".join((item.group(1) + " " + " ".join(run[1:])).split())
        return Block(BlockKind.ITEM, text, first, last)
    return Block(BlockKind.PARAGRAPH, text, first, last)
