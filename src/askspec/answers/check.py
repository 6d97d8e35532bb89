"""Read answers back from every deliverable and say what is still open.

``check_answers`` reads filled requests, checklists, issue bodies, reply emails
and earlier answers.json files; ``with_answers`` puts answers back into a new
request. Everything that flows back into askspec passes through here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from askspec.answers.assessment import CheckResult, assess, in_order
from askspec.answers.files import (
    Asked,
    decode,
    load_request,
    one_request,
    read_capped,
    read_json,
    shown_name,
    verify,
)
from askspec.answers.mail import looks_like_mail, read_mail
from askspec.answers.markdown import read_markdown
from askspec.answers.reading import Answer, Reading
from askspec.errors import AnswersError
from askspec.models import Area
from askspec.request.answer_format import Marker, is_open, is_question_id
from askspec.request.catalogue import ENTRIES
from askspec.request.model import Question, Request

__all__ = [
    "Answer",
    "CheckResult",
    "check_answers",
    "read_answers",
    "with_answers",
]

RETIRED_TITLE = "A question this request no longer asks"


def merge(readings: Sequence[Reading]) -> Reading:
    """Several documents as one: a later answer replaces an earlier one unless it has no text."""
    by_id: dict[str, Answer] = {}
    for reading in readings:
        for answer in reading.answers:
            prev = by_id.get(answer.id)
            if prev is None or answer.text or not prev.text:
                by_id[answer.id] = answer
    markers = [r.marker for r in readings if r.marker is not None]
    asked = in_order(q for r in readings for q in r.asked)
    path = readings[-1].path if readings else ""
    return Reading(path, markers[-1] if markers else None, asked, tuple(by_id.values()))


def read_document(path: str, data: bytes) -> list[Reading]:
    """What one file says, whatever deliverable it is."""
    try:
        if looks_like_mail(path, data):
            return read_mail(path, data)
        text = decode(path, data)
        if path.lower().endswith(".json") or text.lstrip().startswith("{"):
            return [read_json(path, text)]
        return [read_markdown(path, text)]
    except RecursionError:
        raise AnswersError("nested too deeply to read", path) from None


def read_answers(
    files: Sequence[str | Path],
    stdin: bytes | None = None,
    *,
    against: Asked | None = None,
    merge_requests: bool = False,
    bare_ok: bool = False,
) -> Reading:
    """Every file's answers merged, later files winning; ``-`` reads ``stdin``."""
    return merge(read_all(files, stdin, against, merge_requests, bare_ok))


def read_all(
    files: Sequence[str | Path],
    stdin: bytes | None,
    against: Asked | None,
    merge_requests: bool,
    bare_ok: bool,
) -> list[Reading]:
    """What every file says, each document verified.

    Each document's marker must match its ID (or the request ``against``); answers to
    different requests are refused unless ``merge_requests``; an answers file naming no
    request is refused unless it is read ``against`` one or ``bare_ok``.
    """
    if not files:
        raise AnswersError("no files to read answers from")
    readings: list[Reading] = []
    for file in files:
        name = str(file)
        found = read_document(name, read_capped(name, stdin))
        if not any(r.asked or r.answers for r in found):
            raise AnswersError("no askspec questions found", shown_name(name))
        for reading in found:
            verify(reading, against)
            if reading.bare and against is None and not bare_ok:
                raise AnswersError(
                    "the answers file does not say which request it answers; "
                    "pass --request OUT/request.json to check it against the request",
                    shown_name(name),
                )
        readings.extend(found)
    if not merge_requests:
        one_request(readings, against)
    return readings


def check_answers(
    files: Sequence[str | Path],
    stdin: bytes | None = None,
    request: str | Path | None = None,
    merge_requests: bool = False,
) -> CheckResult:
    """Read filled deliverables and say which questions are answered, open and vague.

    With ``request`` (a request.json), the questions and which are required come from
    it, and every document must answer that request.
    """
    against = load_request(request) if request is not None else None
    readings = read_all(files, stdin, against, merge_requests, bare_ok=False)
    merged = tuple(dict.fromkeys(r.marker.id for r in readings if r.marker is not None))
    reading = merge(readings)
    if against is None:
        return replace(assess(reading), merged=merged)
    result = assess(reading, against.marker.questions, against.required)
    return replace(result, request=against.marker, merged=merged)


def retired_question(answer: Answer) -> Question:
    """An answer whose question is no longer asked, as a question to show it under."""
    entry = ENTRIES.get(answer.id)
    if entry is None:
        return Question(answer.id, Area.CONTEXT, RETIRED_TITLE, "", "", False, answer=answer.text)
    return Question(
        entry.id, entry.area, entry.title, entry.guidance, entry.example, False, answer=answer.text
    )


def with_answers(request: Request, reading: Reading) -> tuple[Request, CheckResult]:
    """The request with earlier answers under their questions, and what is still open.

    Answers to questions the request no longer asks are kept in ``Request.retired``.
    Ticks without text are not answers here: the new request still asks for the words.
    """
    bad = next((a for a in reading.answers if not is_question_id(a.id)), None)
    if bad is not None:  # readers check IDs; this keeps a forged one out of every deliverable
        raise AnswersError(f"{bad.id!r} is not a question ID", bad.path)
    given = {a.id: a for a in reading.answers if not is_open(a.text)}
    asked = [q.id for q in request.questions]
    questions = tuple(
        replace(q, answer=given[q.id].text) if q.id in given else q for q in request.questions
    )
    result = assess(replace(reading, answers=tuple(given.values())), asked)
    retired = tuple(retired_question(a) for a in result.retired)
    marker = Marker(request.id, request.version, tuple(asked), seeds=request.seeds_digest)
    done = replace(request, questions=questions, retired=retired, vague=frozenset(result.vague))
    return done, replace(result, request=marker)
