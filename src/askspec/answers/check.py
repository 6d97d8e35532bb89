"""Read answers back from every deliverable and say what is still open.

``check_answers`` reads filled requests, checklists, issue bodies, reply emails
and earlier answers.json files; ``with_answers`` puts answers back into a new
request. Everything that flows back into askspec passes through here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

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
from askspec.measure import hardware_specific, measurable, states_quantity
from askspec.models import Area, Question, Request
from askspec.request.answer_format import Marker, is_open, is_question_id
from askspec.request.catalogue import CATALOGUE, catalogue_ids

__all__ = [
    "Answer",
    "CheckResult",
    "answer_is_vague",
    "check_answers",
    "read_answers",
    "with_answers",
]

_ENTRIES = {entry.id: entry for entry in CATALOGUE}
#: Areas whose answers must be measurable or, for hardware, name the machine exactly.
MEASURED_AREAS = frozenset({Area.HARDWARE, Area.PERFORMANCE})
RETIRED_TITLE = "A question this request no longer asks"
#: Hardware questions answered by naming things, not by a number.
NAMED_NOT_MEASURED = frozenset({"HW-2"})
#: Questions raised by the seeds as a whole (OBS-1...) come before the catalogue's.
FIRST = "OBS-"


def wants_number(qid: str) -> bool:
    """True for questions whose answer should be a measurable value."""
    entry = _ENTRIES.get(qid)
    return entry is not None and entry.area in MEASURED_AREAS


def answer_is_vague(qid: str, text: str) -> bool:
    """An answer to a hardware or performance question that pins nothing down.

    The question gives the metric, so any number with a unit answers it; hardware may
    also be pinned down by a model or version ("Raspberry Pi 4", "Debian 12").
    """
    # An operating system or a network is named, not measured: "Linux, any distro" is an answer.
    if not text or not wants_number(qid) or qid in NAMED_NOT_MEASURED:
        return False
    if qid.startswith("HW-"):
        return not hardware_specific(text)
    return not (measurable(text) or states_quantity(text))


def is_required(qid: str) -> bool:
    """Whether a question must be answered; IDs the catalogue does not know count as required."""
    entry = _ENTRIES.get(qid)
    return entry.required if entry is not None else True


def in_order(ids: Iterable[str]) -> tuple[str, ...]:
    """IDs without repeats, in catalogue order, unknown IDs after in the order first seen."""
    first = {qid: n for n, qid in enumerate(dict.fromkeys(ids))}
    rank = {qid: n for n, qid in enumerate(catalogue_ids())}
    return tuple(
        sorted(first, key=lambda q: (not q.startswith(FIRST), rank.get(q, len(rank)), first[q]))
    )


@dataclass(frozen=True)
class CheckResult:
    """Which questions a set of documents asks, which are answered, open and vague."""

    request: Marker | None
    questions: tuple[str, ...]
    answered: tuple[Answer, ...]
    open: tuple[str, ...]
    vague: tuple[str, ...]
    retired: tuple[Answer, ...] = ()
    #: The required questions as the request says; None means the catalogue decides.
    required: frozenset[str] | None = None
    #: Every request the documents answer, when ``--merge`` combined several.
    merged: tuple[str, ...] = ()

    def is_required(self, qid: str) -> bool:
        """Whether this request requires an answer to a question."""
        return qid in self.required if self.required is not None else is_required(qid)

    @property
    def open_required(self) -> tuple[str, ...]:
        """Open questions that must be answered."""
        return tuple(q for q in self.open if self.is_required(q))

    @property
    def complete(self) -> bool:
        """True when every required question has an answer."""
        return not self.open_required

    def summary_lines(self) -> list[str]:
        """A short human summary naming the open questions."""
        if len(self.merged) > 1:
            name = f"requests {', '.join(self.merged)} (merged)"
        elif self.request is None:
            name = "request (no marker found, questions not verified: pass --request)"
        else:
            name = f"request {self.request.id}"
        lines = [f"{name}: {len(self.answered)} of {len(self.questions)} questions answered"]
        for label, ids in (
            ("open (required)", self.open_required),
            ("open (optional)", tuple(q for q in self.open if not self.is_required(q))),
            ("vague (no number with a unit)", self.vague),
            ("answers to questions not asked", tuple(a.id for a in self.retired)),
        ):
            if ids:
                lines.append(f"{label}: {', '.join(ids)}")
        lines.append("complete" if self.complete else "incomplete")
        return lines

    def to_json(self) -> dict[str, Any]:
        """The object printed by ``check --json`` and written to answers.json.

        ``request`` names the request and its questions, so the file can be verified
        when it is read back; it is null when the documents named no single request.
        """
        marker = self.request
        request: dict[str, Any] | None = None
        if marker is not None and len(self.merged) < 2:
            request = {"id": marker.id, "version": marker.version}
            if marker.seeds:
                request |= {"seeds": marker.seeds, "questions": list(marker.questions)}
        return {
            "complete": self.complete,
            "request": request,
            "answered": {a.id: a.text for a in self.answered},
            "open": list(self.open),
            "open_required": list(self.open_required),
            "vague": list(self.vague),
            "sources": {a.id: a.source for a in (*self.answered, *self.retired)},
            "retired": {a.id: a.text for a in self.retired},
        }


def assess(
    reading: Reading, asked: Sequence[str] | None = None, required: frozenset[str] | None = None
) -> CheckResult:
    """Sort a reading's answers against the questions asked (by default, the reading's own)."""
    questions = in_order(reading.asked if asked is None else asked)
    known = set(questions)
    by_id = {a.id: a for a in reading.answers}
    answered = tuple(by_id[q] for q in questions if q in by_id)
    vague = tuple(a.id for a in answered if answer_is_vague(a.id, a.text))
    retired_ids = in_order(q for q in by_id if q not in known)
    return CheckResult(
        request=reading.marker,
        questions=questions,
        answered=answered,
        open=tuple(q for q in questions if q not in by_id),
        vague=vague,
        retired=tuple(by_id[q] for q in retired_ids),
        required=required,
    )


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
    entry = _ENTRIES.get(answer.id)
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
