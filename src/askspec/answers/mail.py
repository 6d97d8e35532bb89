"""Read a reply email: the quoted request gives the questions, the unquoted text the answers."""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from askspec.answers.markdown import check_length, read_markdown
from askspec.answers.markdown_outline import outline
from askspec.answers.reading import Answer, Reading
from askspec.errors import AnswersError
from askspec.request.answer_format import (
    is_open,
    normalize_newlines,
    strip_quote,
    without_placeholders,
)

#: Header names that tell a message from a Markdown file that starts with ``key: value``.
MAIL_HEADERS = frozenset(
    {"from", "to", "subject", "date", "message-id", "mime-version", "received", "return-path"}
)
_HEADER_LINE = re.compile(rb"[A-Za-z][A-Za-z0-9-]*:")
#: An mbox separator: a line starting with "From " at the start or after a blank line.
_MBOX_FROM = re.compile(rb"(?:\A|(?<=\n\n))From [^\n]*\n")
SIGNATURE = "-- "
#: A line that answers a question by its ID, as people write above a quoted request:
#: ``IN-1: CSV files`` or ``PERF-2 - 200 ms``.
#: Anchored at a line's start and never giving back blanks, it stays linear on any line.
ID_LINE = re.compile(
    r"^[ \t]*+\**+([A-Z]{2,5}-[0-9]{1,3})\**+[ \t]*+(?::|[-–—])[ \t]*+(.*)", re.MULTILINE
)


def looks_like_mail(name: str, data: bytes) -> bool:
    """True for .eml/.mbox files and for content that starts with mail headers."""
    if name.lower().endswith((".eml", ".mbox")) or data.startswith(b"From "):
        return True
    head = data.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0].split(b"\n")
    names = set()
    for line in head:
        if line[:1] in {b" ", b"\t"}:
            continue
        match = _HEADER_LINE.match(line)
        if match is None:
            return False
        names.add(match.group().rstrip(b":").decode("ascii").lower())
    return bool(names & MAIL_HEADERS)


def messages(data: bytes) -> list[EmailMessage]:
    """The messages in a single .eml or an mbox file."""
    chunks = [data]
    if data.startswith(b"From "):
        chunks = [c for c in _MBOX_FROM.split(data) if c.strip()]
    parser = BytesParser(policy=policy.default)
    return [parser.parsebytes(chunk) for chunk in chunks]


def plain_text(message: EmailMessage, path: str) -> str:
    """The decoded text/plain body (multipart, quoted-printable and base64 handled)."""
    part = message.get_body(preferencelist=("plain",))
    if part is None:
        raise AnswersError("the message has no text/plain part to read answers from", path)
    try:
        content = part.get_content()
    except (LookupError, ValueError) as exc:  # ValueError: a charset holding NUL, bad base64
        raise AnswersError(f"cannot decode the message text: {exc}", path) from exc
    return str(content)


def read_mail(path: str, data: bytes) -> list[Reading]:
    """One reading per message in the file."""
    found = messages(data)
    if not found:
        raise AnswersError("no message found", path)
    names = [path] if len(found) == 1 else [f"{path}#{n}" for n in range(1, len(found) + 1)]
    texts = [plain_text(m, path) for m in found]
    check_length(path, "".join(texts))
    return [read_reply(name, text) for name, text in zip(names, texts, strict=True)]


def written_under(lines: list[str], quoted: list[bool], start: int, stop: int) -> tuple[str, int]:
    """The unquoted text between two lines, up to a signature; with its first line number."""
    own: list[str] = []
    first = start
    for n in range(start, stop):
        if quoted[n]:
            continue
        if lines[n].rstrip("\n") == SIGNATURE:
            break
        if not own and lines[n].strip():
            first = n
        own.append(lines[n])
    return without_placeholders("\n".join(own)), first


def id_lines(
    lines: list[str], quoted: list[bool], stop: int, asked: tuple[str, ...]
) -> dict[str, tuple[str, int]]:
    """Answers written as ``ID: text`` in the unquoted lines before stop (top-posting).

    An answer runs on over the lines that follow it up to a blank line, the next ID,
    a quoted line or the signature. Only IDs the quoted request asks count.
    """
    found: dict[str, tuple[str, int]] = {}
    known = frozenset(asked)
    current: str | None = None
    for n in range(stop):
        line = lines[n]
        if quoted[n] or line == SIGNATURE:
            if line == SIGNATURE:
                break
            current = None
            continue
        match = ID_LINE.fullmatch(line)
        if match and match.group(1) in known:
            current = match.group(1)
            found[current] = (match.group(2), n)
        elif current and line.strip():
            text, first = found[current]
            found[current] = (f"{text}\n{line}", first)
        else:
            current = None
    return {qid: (without_placeholders(text), n) for qid, (text, n) in found.items()}


def read_reply(path: str, text: str) -> Reading:
    """Answers from a reply that quotes the request with ``>`` and answers under each question.

    The quoted lines, with one ``>`` removed, are parsed as the request itself;
    answers written back in an earlier round count unless new text replaces them.
    Lines such as ``IN-1: CSV files`` above the quoted request answer by ID, where
    nothing is written under the question itself. A message whose questions are not
    quoted is read as a filled request.
    """
    text = normalize_newlines(text)
    # Questions at the top level mean the request was pasted or edited, not quoted:
    # its evidence quotes start with ">" too, but its headings are not inside a quote.
    if outline(text).spans:
        return read_markdown(path, text)
    lines = text.split("\n")
    quoted = [line.startswith(">") for line in lines]
    # Unquoted lines become blank, so nothing the sender typed can reshape the request.
    doc = "\n".join(strip_quote(ln) if q else "" for ln, q in zip(lines, quoted, strict=True))
    earlier = read_markdown(path, doc)
    answers = {a.id: a for a in earlier.answers}
    spans = outline(doc).spans
    written: dict[str, Answer] = {}
    for span in spans:
        own, first = written_under(lines, quoted, span.body, span.stop)
        if not is_open(own):
            written[span.id] = Answer(span.id, own, path, first + 1)
    top = spans[0].heading if spans else len(lines)
    for qid, (own, first) in id_lines(lines, quoted, top, earlier.asked).items():
        if qid not in written and not is_open(own):
            answers[qid] = Answer(qid, own, path, first + 1)
    answers.update(written)
    return Reading(path, earlier.marker, earlier.asked, tuple(answers.values()))
