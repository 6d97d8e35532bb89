"""Read answers back from every deliverable and say what is still open.

``check_answers`` reads filled requests, checklists, issue bodies, reply emails
and earlier answers.json files; ``with_answers`` puts answers back into a new
request. Everything that flows back into askspec passes through here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from askspec.answer_format import Marker, is_open, normalize
from askspec.answers_mail import looks_like_mail, read_mail
from askspec.answers_markdown import Answer, Reading, read_markdown
from askspec.errors import AnswersError
from askspec.measure import hardware_specific, measurable, states_quantity
from askspec.models import Area, Question, Request
from askspec.questions import CATALOGUE, catalogue_ids

__all__ = [
    "Answer",
    "CheckResult",
    "answer_is_vague",
    "check_answers",
    "read_answers",
    "with_answers",
]

STDIN = "-"
_ENTRIES = {entry.id: entry for entry in CATALOGUE}
#: Areas whose answers must be measurable or, for hardware, name the machine exactly.
MEASURED_AREAS = frozenset({Area.HARDWARE, Area.PERFORMANCE})
RETIRED_TITLE = "A question this request no longer asks"


def wants_number(qid: str) -> bool:
    """True for questions whose answer should be a measurable value."""
    entry = _ENTRIES.get(qid)
    return entry is not None and entry.area in MEASURED_AREAS


def answer_is_vague(qid: str, text: str) -> bool:
    """An answer to a hardware or performance question that pins nothing down.

    The question gives the metric, so any number with a unit answers it; hardware may
    also be pinned down by a model or version ("Raspberry Pi 4", "Debian 12").
    """
    if not text or not wants_number(qid):
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
    seen = tuple(dict.fromkeys(ids))
    rank = {qid: n for n, qid in enumerate(catalogue_ids())}
    return tuple(sorted(seen, key=lambda q: (rank.get(q, len(rank)), seen.index(q))))


@dataclass(frozen=True)
class CheckResult:
    """Which questions a set of documents asks, which are answered, open and vague."""

    request: Marker | None
    questions: tuple[str, ...]
    answered: tuple[Answer, ...]
    open: tuple[str, ...]
    vague: tuple[str, ...]
    retired: tuple[Answer, ...] = ()

    @property
    def open_required(self) -> tuple[str, ...]:
        """Open questions that must be answered."""
        return tuple(q for q in self.open if is_required(q))

    @property
    def complete(self) -> bool:
        """True when every required question has an answer."""
        return not self.open_required

    def summary_lines(self) -> list[str]:
        """A short human summary naming the open questions."""
        name = f"request {self.request.id}" if self.request else "request (no marker found)"
        lines = [f"{name}: {len(self.answered)} of {len(self.questions)} questions answered"]
        for label, ids in (
            ("open (required)", self.open_required),
            ("open (optional)", tuple(q for q in self.open if not is_required(q))),
            ("vague (no number with a unit)", self.vague),
            ("answers to questions not asked", tuple(a.id for a in self.retired)),
        ):
            if ids:
                lines.append(f"{label}: {', '.join(ids)}")
        lines.append("complete" if self.complete else "incomplete")
        return lines

    def to_json(self) -> dict[str, Any]:
        """The object printed by ``check --json`` and written to answers.json."""
        marker = self.request
        return {
            "complete": self.complete,
            "request": None if marker is None else {"id": marker.id, "version": marker.version},
            "answered": {a.id: a.text for a in self.answered},
            "open": list(self.open),
            "open_required": list(self.open_required),
            "vague": list(self.vague),
            "sources": {a.id: a.source for a in (*self.answered, *self.retired)},
            "retired": {a.id: a.text for a in self.retired},
        }


def assess(reading: Reading, asked: Sequence[str] | None = None) -> CheckResult:
    """Sort a reading's answers against the questions asked (by default, the reading's own)."""
    questions = in_order(reading.asked if asked is None else asked)
    by_id = {a.id: a for a in reading.answers}
    answered = tuple(by_id[q] for q in questions if q in by_id)
    vague = tuple(a.id for a in answered if answer_is_vague(a.id, a.text))
    retired_ids = in_order(q for q in by_id if q not in questions)
    return CheckResult(
        request=reading.marker,
        questions=questions,
        answered=answered,
        open=tuple(q for q in questions if q not in by_id),
        vague=vague,
        retired=tuple(by_id[q] for q in retired_ids),
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


def decode(path: str, data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else the best guess."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or b"\0" in data:
        raise AnswersError("not a text file", path)
    return str(best)


def read_json(path: str, text: str) -> Reading:
    """An answers.json written by generate (or ``check --json`` output)."""
    try:
        data = json.loads(text)
        answered, retired = dict(data["answered"]), dict(data.get("retired") or {})
        sources = dict(data.get("sources") or {})
        asked = [*answered, *list(data.get("open") or [])]
    except (ValueError, KeyError, TypeError) as exc:
        raise AnswersError(f"not an askspec answers file: {exc}", path) from exc
    request = data.get("request") or {}
    marker = Marker(str(request["id"]), str(request["version"]), tuple(asked)) if request else None
    answers = []
    for qid, value in {**answered, **retired}.items():
        where, _, line = str(sources.get(qid, path)).rpartition(":")
        src, num = (where, int(line)) if where and line.isdigit() else (path, None)
        answers.append(Answer(str(qid), normalize(str(value)), src, num))
    return Reading(path, marker, in_order(str(q) for q in asked), tuple(answers))


def read_document(path: str, data: bytes) -> list[Reading]:
    """What one file says, whatever deliverable it is."""
    if looks_like_mail(path, data):
        return read_mail(path, data)
    text = decode(path, data)
    if text.lstrip().startswith("{"):
        return [read_json(path, text)]
    return [read_markdown(path, text)]


def read_answers(files: Sequence[str | Path], stdin: bytes | None = None) -> Reading:
    """Every file's answers merged, later files winning; ``-`` reads ``stdin``."""
    if not files:
        raise AnswersError("no files to read answers from")
    readings: list[Reading] = []
    for file in files:
        name = str(file)
        if name == STDIN:
            data = stdin if stdin is not None else b""
        else:
            try:
                data = Path(name).read_bytes()
            except OSError as exc:
                raise AnswersError(f"cannot read: {exc.strerror or exc}", name) from exc
        found = read_document(name, data)
        if not any(r.asked or r.answers for r in found):
            raise AnswersError("no askspec questions found", "<stdin>" if name == STDIN else name)
        readings.extend(found)
    return merge(readings)


def check_answers(files: Sequence[str | Path], stdin: bytes | None = None) -> CheckResult:
    """Read filled deliverables and say which questions are answered, open and vague."""
    return assess(read_answers(files, stdin))


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
    given = {a.id: a for a in reading.answers if not is_open(a.text)}
    asked = [q.id for q in request.questions]
    questions = tuple(
        replace(q, answer=given[q.id].text) if q.id in given else q for q in request.questions
    )
    result = assess(replace(reading, answers=tuple(given.values())), asked)
    retired = tuple(retired_question(a) for a in result.retired)
    marker = Marker(request.id, request.version, tuple(asked))
    return replace(request, questions=questions, retired=retired), replace(result, request=marker)
