"""What check needs from a Markdown document, from markdown-it's token stream.

Question headings, **Answer:** paragraphs, placeholders, checklist items and the
marker. Only top-level tokens count: a heading inside a block quote, a list or a code
block is part of an answer, never a question. Line numbers are 0-based here, as in
``Token.map``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from askspec.i18n import in_every_language
from askspec.request.answer_format import (
    ANSWER_LABEL,
    MARKER_TAG,
    Marker,
    find_marker,
    is_answer_label,
    leading_id,
    marker_labels,
    names_placeholder,
    starts_with_marker_line,
)

#: CommonMark keeps ``<!-- ... -->`` an html_block, which is where markers live.
#: The block structure is parsed whole, inline markup only where check reads it.
_MD = MarkdownIt("commonmark").disable("inline")
_INLINE = MarkdownIt("commonmark")
#: Inline markup is parsed from at most this many characters of a block: enough for a
#: question ID, a checklist item or an **Answer:** label, and one huge line cannot
#: become millions of tokens.
_INLINE_PREFIX = 4096
#: A paragraph longer than this is an answer, never a placeholder to recognise.
_SHORT = 256
#: A label at a paragraph's start: a few words and a colon (``Answer:``, ``Réponse :``).
PLAIN_LABEL = re.compile(r"([^:：\n]{1,30})[:：]")


@dataclass(frozen=True)
class Span:
    """One question in a document: heading, optional **Answer:** paragraph, end."""

    id: str
    heading: int
    body: int
    stop: int
    label: int | None = None
    answer: int | None = None
    inline_rest: str = ""


@dataclass(frozen=True)
class Task:
    """A checklist item that names a question."""

    id: str
    line: int
    checked: bool
    text: str


@dataclass
class Outline:
    """What check needs from a Markdown document."""

    marker: Marker | None = None
    spans: list[Span] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    placeholders: set[int] = field(default_factory=set)
    has_labels: bool = False

    def issue_body(self) -> bool:
        """True for an issue body: its marker says so, or it has no **Answer:** lines."""
        return self.marker.doc == "issue" if self.marker else not self.has_labels


def parsed(inline: Token) -> Token:
    """The inline token with the markup of its first characters parsed into children."""
    if not inline.children and inline.content:
        head = inline.content[:_INLINE_PREFIX]
        inline.children = _INLINE.parseInline(head)[0].children
    return inline


def plain(inline: Token) -> str:
    """The visible text of an inline token: escapes resolved, markup dropped."""
    if not inline.children:
        return inline.content
    return "".join(c.content for c in inline.children if c.type in {"text", "code_inline"})


def answer_rest(inline: Token) -> str | None:
    """For a paragraph starting with bold ``Answer:``, the text after it; else None."""
    kids = [c for c in inline.children or () if not (c.type == "text" and not c.content)]
    if not kids or kids[0].type == "text":
        return plain_answer_rest(inline.content)
    if len(kids) < 3 or kids[0].type != "strong_open" or kids[2].type != "strong_close":
        return None
    if not is_answer_label(kids[1].content):
        return None
    raw, mark = inline.content.lstrip(), kids[0].markup
    end = raw.find(mark, len(mark))
    rest = raw[end + len(mark) :] if end >= 0 else ""
    return rest[1:] if rest.startswith(":") else rest


def plain_answer_rest(content: str) -> str | None:
    """For a paragraph starting with a plain ``Answer:`` (the emailed text), the rest.

    The label is matched as written, in any shipped language (``Antwort:``, ``回答：``).
    """
    found = PLAIN_LABEL.match(content)
    if found is None or found.group(1).strip() not in plain_labels():
        return None
    return content[found.end() :]


@cache
def plain_labels() -> frozenset[str]:
    """The plain answer label without its colon, as written, in every shipped language."""
    return frozenset(
        " ".join(label.split()).rstrip(":：").strip() for label in in_every_language(ANSWER_LABEL)
    )


def task_of(tokens: list[Token], i: int) -> Task | None:
    """The top-level checklist item whose inline token is tokens[i], if it names a question."""
    inline = tokens[i]
    if i < 2 or tokens[i - 1].type != "paragraph_open" or tokens[i - 2].type != "list_item_open":
        return None
    box = inline.content[:4]
    if tokens[i - 2].level != 1 or box not in {"[ ] ", "[x] ", "[X] "} or inline.map is None:
        return None
    long = len(inline.content) > _INLINE_PREFIX
    rest = inline.content[4:] if long else plain(parsed(inline))[4:]
    qid = leading_id(rest)
    if qid is None:
        return None
    return Task(qid, inline.map[0], box != "[ ] ", rest[len(qid) :].strip())


def outline(text: str) -> Outline:
    """Headings, **Answer:** paragraphs, placeholders, the marker and tasks of a document."""
    tokens = _MD.parse(text)
    found = Outline()
    heads: list[tuple[int, int, str | None]] = []  # (start, end, question ID)
    stops: list[int] = []
    labels: list[tuple[int, int, str]] = []  # (start, end, text after the label)
    for i, tok in enumerate(tokens):
        if tok.type == "inline" and (task := task_of(tokens, i)):
            found.tasks.append(task)
        if tok.level != 0 or tok.map is None:
            continue
        start, end = tok.map
        if tok.type == "heading_open":
            title = plain(parsed(tokens[i + 1]))
            qid = leading_id(title)
            heads.append((start, end, qid))
            # The marker field's heading ends the answer above even when the field was emptied.
            if qid or tok.tag in {"h1", "h2"} or title.strip() in marker_labels():
                stops.append(start)
        elif tok.type == "html_block" and MARKER_TAG in tok.content:
            # Seed text is escaped and can never form an HTML block, so it cannot fake this.
            found.marker = found.marker or find_marker(tok.content)
            # The issue form's marker field arrives under a ### heading of its own.
            stops.append(heads[-1][0] if heads and heads[-1][1] == start else start)
        elif tok.type == "paragraph_open" and starts_with_marker_line(tokens[i + 1].content):
            # The emailed text keeps the marker as a plain line; the last such line counts.
            found.marker = find_marker(tokens[i + 1].content) or found.marker
            stops.append(start)
        elif tok.type == "paragraph_open":
            inline = parsed(tokens[i + 1])
            rest = answer_rest(inline)
            if rest is not None:
                labels.append((start, end, rest))
            elif len(inline.content) <= _SHORT and names_placeholder(plain(inline)):
                found.placeholders.update(range(start, end))
    found.has_labels = bool(labels)
    found.spans = spans(heads, sorted(set(stops)), labels, text.count("\n") + 1)
    return found


def spans(
    heads: list[tuple[int, int, str | None]],
    stops: list[int],
    labels: list[tuple[int, int, str]],
    total: int,
) -> list[Span]:
    """One span per question heading, from the heading to the next stop.

    Stops and labels are sorted by line, so each is found by bisection: a document
    with a hundred thousand headings is read in linear time.
    """
    label_lines = [a[0] for a in labels]
    result: list[Span] = []
    for start, end, qid in heads:
        if qid is None:
            continue
        at = bisect_right(stops, start)
        stop = stops[at] if at < len(stops) else total
        n = bisect_left(label_lines, end)
        label = labels[n] if n < len(labels) and labels[n][0] < stop else None
        if label is None:
            result.append(Span(qid, start, end, stop))
        else:
            result.append(Span(qid, start, end, stop, label[0], label[1], label[2]))
    return result
