"""Read answers back from every deliverable and say what is still open.

``check_answers`` reads filled requests, checklists, issue bodies, reply emails
and earlier answers.json files; ``with_answers`` puts answers back into a new
request. Everything that flows back into askspec passes through here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from askspec.answer_format import Marker, is_open, normalize
from askspec.answers_mail import looks_like_mail, read_mail
from askspec.answers_markdown import Answer, Reading, read_markdown
from askspec.errors import AnswersError
from askspec.models import Area, Question, Request
from askspec.questions import CATALOGUE, catalogue_ids

__all__ = ["Answer", "CheckResult", "check_answers", "measurable", "read_answers", "with_answers"]

STDIN = "-"
_ENTRIES = {entry.id: entry for entry in CATALOGUE}
#: Areas whose answers should carry a number with a unit; HW-2 asks for an OS and a place.
MEASURED_AREAS = frozenset({Area.HARDWARE, Area.PERFORMANCE})
NOT_MEASURED = frozenset({"HW-2"})
RETIRED_TITLE = "A question this request no longer asks"

#: Unit words (lower case) that make a number a measurable value.
_UNIT_WORDS = """
ns µs us ms s sec secs second seconds min mins minute minutes h hr hrs hour hours
day days week weeks month months year years
b kb mb gb tb pb kib mib gib tib byte bytes bit bits kbit mbit gbit kbps mbps gbps
hz khz mhz ghz fps rps qps tps rpm % percent pct
request requests req reqs call calls query queries row rows record records order orders
event events message messages msg msgs file files item items transaction transactions
upload uploads user users session sessions connection connections image images frame
frames page pages document documents job jobs task tasks sample samples reading readings
op ops write writes read reads token tokens px pixels
core cores cpu cpus vcpu vcpus gpu gpus thread threads node nodes machine machines
server servers vm vms instance instances disk disks
w kw watt watts v volt volts mah wh kwh km cm mm
eur usd gbp chf euro euros dollar dollars
"""
_UNITS = frozenset(_UNIT_WORDS.split())
_QUANTITY = re.compile(
    r"(?<![\w.])(?P<cur>[$€£¥])?\s?\d+(?:[.,]\d+)*"
    r"(?:\s*(?:thousand|million|billion|bn|k)\b)?\s*-?\s*(?P<unit>[^\W\d_]+|%|°[CF])?",
    re.IGNORECASE,
)


def measurable(text: str) -> bool:
    """True when text states a number with a unit: "200 ms", "8 GB", "€300", "500 requests/s"."""
    for match in _QUANTITY.finditer(text):
        unit = (match.group("unit") or "").lower()
        if match.group("cur") or unit in _UNITS or unit.startswith("°"):
            return True
    return False


def wants_number(qid: str) -> bool:
    """True for questions whose answer should be a measurable value."""
    entry = _ENTRIES.get(qid)
    return entry is not None and entry.area in MEASURED_AREAS and qid not in NOT_MEASURED


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
    vague = tuple(
        a.id for a in answered if a.text and wants_number(a.id) and not measurable(a.text)
    )
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
