"""Read a filled request, issue body or checklist: the answer under each question.

The document's outline comes from :mod:`askspec.answers.markdown_outline`, whose line
numbers are 0-based, as in ``Token.map``; an ``Answer``'s line is 1-based.
"""

from __future__ import annotations

from functools import cache

from askspec.answers.markdown_outline import Outline, Span, outline
from askspec.answers.reading import Answer, Reading
from askspec.errors import AnswersError
from askspec.i18n import in_every_language
from askspec.request.answer_format import (
    Marker,
    is_open,
    normalize,
    normalize_newlines,
    unquote_answer,
    without_placeholders,
)
from askspec.request.catalogue import CATALOGUE, catalogue_ids

#: The most lines check parses from one file. A filled request has a few hundred; the
#: parser's time grows with the number of blocks, and this many parse in about a second.
MAX_LINES = 50_000


def span_answer(span: Span, lines: list[str], shape: Outline, path: str) -> Answer | None:
    """The answer under one question, or None when it is open."""
    issue = shape.issue_body()
    if span.answer is None and not issue:
        return None
    first = span.body if span.answer is None else span.answer
    body = ["" if n in shape.placeholders else lines[n] for n in range(first, span.stop)]
    numbers = list(range(first, span.stop))
    if span.inline_rest.strip() and span.label is not None:
        body = [span.inline_rest.lstrip(), *body]
        numbers = [span.label, *numbers]
    if not issue:
        # An answer written back by generate is a block quote; take one level off.
        body = unquote_answer([line.rstrip() for line in body]) or body
    text = without_placeholders("\n".join(body))
    if is_open(text):
        return None
    line = next(n for n, b in zip(numbers, body, strict=True) if b.strip())
    return Answer(span.id, text, path, line + 1)


def ticked(shape: Outline, path: str) -> list[Answer]:
    """Answers from checked items: a tick is an answer, the text after the title a note."""
    found = []
    for task in shape.tasks:
        if task.checked:
            note = without_title(task.id, task.text).strip(" -—–:")
            found.append(Answer(task.id, normalize(note), path, task.line + 1))
    return found


@cache
def _titles() -> dict[str, tuple[str, ...]]:
    """Each catalogue question's title in every shipped language, longest first."""
    return {
        entry.id: tuple(sorted(in_every_language(entry.title), key=len, reverse=True))
        for entry in CATALOGUE
    }


def without_title(qid: str, text: str) -> str:
    """A checklist item's text after the question's title, in whichever language it is."""
    for title in _titles().get(qid, ()):
        if text.startswith(title):
            return text[len(title) :]
    return text


def check_length(path: str, text: str) -> None:
    """Refuse more lines than any filled request holds, before they are parsed."""
    lines = normalize_newlines(text).count("\n") + 1
    if lines > MAX_LINES:
        raise AnswersError(
            f"too many lines to be a filled request ({lines:,}; check reads up to {MAX_LINES:,})",
            path,
        )


def read_markdown(path: str, text: str) -> Reading:
    """What a filled request, an issue body or a checklist answers."""
    check_length(path, text)
    text = normalize_newlines(text)
    lines = text.split("\n")
    shape = outline(text)
    if shape.spans:
        found = [a for s in shape.spans if (a := span_answer(s, lines, shape, path))]
        shown = [s.id for s in shape.spans]
    else:
        found = ticked(shape, path)
        shown = [t.id for t in shape.tasks]
    return Reading(path, shape.marker, asked_ids(shape.marker, shown), joined(found))


def joined(answers: list[Answer]) -> tuple[Answer, ...]:
    """One answer per ID: a question shown twice keeps both answers, first one's source."""
    by_id: dict[str, Answer] = {}
    for answer in answers:
        if (prev := by_id.get(answer.id)) is not None:
            text = "\n\n".join(t for t in (prev.text, answer.text) if t)
            answer = Answer(prev.id, text, prev.path, prev.line)
        by_id[answer.id] = answer
    return tuple(by_id.values())


def asked_ids(marker: Marker | None, shown: list[str]) -> tuple[str, ...]:
    """The questions a document asks: its marker's list, else the catalogue IDs it shows."""
    if marker is not None and marker.questions:
        return marker.questions
    known = set(catalogue_ids())
    return tuple(dict.fromkeys(q for q in shown if q in known))
