"""Reading the files check is given: capped reads, text decoding, answers.json and request.json.

Nothing read here is trusted: sizes are capped before anything is parsed, every
question ID must have the shape generate gives it, and a request's ID must match
the questions it is said to ask.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from askspec.answers.reading import Answer, Reading
from askspec.errors import AnswersError
from askspec.read import encodings
from askspec.request.answer_format import Marker, is_question_id, normalize

STDIN = "-"
STDIN_NAME = "<stdin>"
#: The most check reads from one file; a filled request is tens of kilobytes.
MAX_INPUT = 4 << 20


def shown_name(name: str) -> str:
    """How a file is named in messages: standard input as ``<stdin>``."""
    return STDIN_NAME if name == STDIN else name


def read_capped(name: str, stdin: bytes | None = None) -> bytes:
    """A file's bytes, or ``stdin`` for ``-``; refused above MAX_INPUT.

    At most MAX_INPUT + 1 bytes are read, so a device or a FIFO that never ends
    (``/dev/zero``) is refused as too large instead of filling memory.
    """
    if name == STDIN:
        data = stdin or b""
    else:
        try:
            with Path(name).open("rb") as handle:
                data = handle.read(MAX_INPUT + 1)
        except OSError as exc:
            raise AnswersError(f"cannot read: {exc.strerror or exc}", name) from exc
    if len(data) > MAX_INPUT:
        limit = f"{MAX_INPUT >> 20} MiB"
        raise AnswersError(f"too large to be a filled request (over {limit})", shown_name(name))
    return data


def decode(path: str, data: bytes) -> str:
    """Text from bytes, decoded as seeds are, but a broken byte-order-marked file is refused."""
    try:
        return encodings.decode(data, strict=True)[0]
    except encodings.Binary as exc:
        raise AnswersError("not a text file", path) from exc


def question_id(value: object, path: str) -> str:
    """A question ID read from a file, or an error naming what was found instead."""
    if not isinstance(value, str) or not is_question_id(value):
        raise AnswersError(f"{value!r} is not a question ID", path)
    return value


def texts(data: object, path: str, key: str) -> dict[str, str]:
    """A JSON object of question ID to answer text, every key and value checked."""
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise AnswersError(f"not an askspec answers file: {key!r} is not an object", path)
    found: dict[str, str] = {}
    for qid, value in data.items():
        if not isinstance(value, str):
            raise AnswersError(f"not an askspec answers file: {key}[{qid!r}] is not text", path)
        found[question_id(qid, path)] = value
    return found


def json_object(path: str, text: str, what: str) -> dict[str, Any]:
    """The top-level object of a JSON file, or a one-line error."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise AnswersError(f"not {what}: {exc}", path) from exc
    if not isinstance(data, dict):
        raise AnswersError(f"not {what}: not a JSON object", path)
    return data


def request_marker(data: object, path: str) -> Marker | None:
    """The ``request`` an answers file names, verified; None when it names no questions."""
    if data is None:
        return None
    if not isinstance(data, Mapping):
        raise AnswersError("not an askspec answers file: 'request' is not an object", path)
    if "questions" not in data:
        return None
    asked = data["questions"]
    if not isinstance(asked, list) or not all(isinstance(q, str) for q in asked):
        raise AnswersError("not an askspec answers file: 'questions' is not a list of IDs", path)
    fields = [data.get(k, "") for k in ("id", "version", "seeds")]
    if not all(isinstance(v, str) for v in fields):
        raise AnswersError("not an askspec answers file: the request's fields are not text", path)
    marker = Marker(fields[0], fields[1], tuple(asked), seeds=fields[2])
    problem = marker.problem("the answers file's request")
    if problem:
        raise AnswersError(problem, path)
    return marker


def read_json(path: str, text: str) -> Reading:
    """An answers.json written by generate (or ``check --json`` output).

    One that does not name its request and questions is marked ``bare``: it can be
    read only against a request given some other way.
    """
    data = json_object(path, text, "an askspec answers file")
    if "answered" not in data:
        raise AnswersError("not an askspec answers file: it has no 'answered' object", path)
    answered = texts(data["answered"], path, "answered")
    retired = texts(data.get("retired"), path, "retired")
    sources = data.get("sources")
    sources = sources if isinstance(sources, Mapping) else {}
    marker = request_marker(data.get("request"), path)
    if marker is not None:
        known = set(marker.questions)
        stray = next((q for q in answered if q not in known), None)
        if stray is not None:
            raise AnswersError(f"answers {stray}, which its request does not ask", path)
    answers = []
    for qid, value in {**answered, **retired}.items():
        where, _, line = str(sources.get(qid, path)).rpartition(":")
        ok = where and line.isdigit() and len(line) < 10
        src, num = (where, int(line)) if ok else (path, None)
        answers.append(Answer(qid, normalize(value), src, num))
    asked = marker.questions if marker is not None else tuple(answered)
    return Reading(path, marker, asked, tuple(answers), bare=marker is None)


@dataclass(frozen=True)
class Asked:
    """What a request asks, read from its request.json: the marker and the required IDs."""

    path: str
    marker: Marker
    required: frozenset[str]


def request_question(item: object, path: str) -> tuple[str, bool]:
    """One entry of request.json's question list: its ID and whether it is required."""
    if not isinstance(item, Mapping) or not isinstance(item.get("required"), bool):
        raise AnswersError("not an askspec request.json: a question has no 'required' flag", path)
    return question_id(item.get("id"), path), bool(item["required"])


def load_request(path: str | Path) -> Asked:
    """The questions of the request in a request.json written by generate, verified."""
    name = str(path)
    data = json_object(name, decode(name, read_capped(name)), "an askspec request.json")
    questions = data.get("questions")
    if not isinstance(questions, list):
        raise AnswersError("not an askspec request.json: it has no 'questions' list", name)
    rows = [request_question(item, name) for item in questions]
    fields = [data.get(k, "") for k in ("id", "askspec", "seeds_digest")]
    if not all(isinstance(v, str) for v in fields):
        raise AnswersError("not an askspec request.json: its id is not text", name)
    marker = Marker(fields[0], fields[1], tuple(q for q, _ in rows), seeds=fields[2])
    problem = marker.problem("the request")
    if problem:
        raise AnswersError(problem, name)
    return Asked(name, marker, frozenset(q for q, required in rows if required))


def verify(reading: Reading, against: Asked | None) -> None:
    """Refuse a document whose marker does not match its own ID or the request given."""
    marker = reading.marker
    if marker is None:
        return
    if against is not None and marker.id == against.marker.id:
        if marker.questions != against.marker.questions:
            raise AnswersError(
                f"the askspec marker's question list differs from {against.path} "
                "(it was edited or cut)",
                reading.path,
            )
        return
    problem = marker.problem()
    if problem:
        raise AnswersError(problem, reading.path)


def one_request(readings: Sequence[Reading], against: Asked | None) -> None:
    """Refuse answers to different requests read as one (``--merge`` allows it)."""
    first = (against.path, against.marker.id) if against is not None else None
    for reading in readings:
        if reading.marker is None:
            continue
        if first is None:
            first = (reading.path, reading.marker.id)
        elif reading.marker.id != first[1]:
            raise AnswersError(
                f"answers request {reading.marker.id}, but {first[0]} is request {first[1]}; "
                "pass --merge to combine answers to different requests",
                reading.path,
            )
