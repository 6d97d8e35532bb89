"""The request as a value: what each area's findings are, the observations about the
folder, the questions with their status and evidence, and the request that holds them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from askspec.models import Area, Fact, ScanResult, Status


@dataclass(frozen=True)
class AreaFinding:
    """What the seeds say about one required area as a whole."""

    area: Area
    status: Status
    evidence: tuple[Fact, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The area's entry under ``areas`` in request.json."""
        return {"status": self.status.value, "evidence": [f.to_json() for f in self.evidence]}


@dataclass(frozen=True)
class Observation:
    """Something true of the seeds as a whole: no system, several subjects, versions..."""

    kind: str
    files: tuple[str, ...]
    detail: str
    #: The question this observation raises, first in line; empty when it needs no answer.
    question: str = ""

    def to_json(self) -> dict[str, Any]:
        """The observation's entry in request.json."""
        return {"kind": self.kind, "files": list(self.files), "detail": self.detail}


@dataclass(frozen=True)
class Question:
    """One question of the request, with a stable ID."""

    id: str
    area: Area
    title: str
    guidance: str
    example: str
    required: bool
    status: Status = Status.MISSING
    evidence: tuple[Fact, ...] = ()
    answer: str = ""
    hint: str = ""

    def to_json(self) -> dict[str, Any]:
        """The question as it appears in request.json."""
        return {
            "id": self.id,
            "area": self.area.value,
            "text": self.title,
            "guidance": self.guidance,
            "example": self.example,
            "required": self.required,
            "status": self.status.value,
            "evidence": [f.to_json() for f in self.evidence],
        }


def request_id(seeds_digest: str, question_ids: Iterable[str]) -> str:
    """A request's ID, derived from what it is: its seeds' digest and the questions it asks.

    Anyone holding a marker (or answers.json) can recompute it, so a question list
    cut or edited after the request was made no longer matches the ID beside it.
    """
    digest = hashlib.sha256(f"askspec-request\0{seeds_digest}\0".encode())
    digest.update(",".join(question_ids).encode("utf-8"))
    return digest.hexdigest()[:12]


@dataclass(frozen=True)
class Request:
    """Everything the templates need: the project, the seeds and the questions."""

    #: A digest of the project name and the seeds (path, kind and size of each file).
    seeds_digest: str
    project: str
    date: str
    version: str
    scan: ScanResult
    questions: tuple[Question, ...]
    summary: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    areas: tuple[AreaFinding, ...] = ()
    #: Earlier answers to questions these seeds no longer raise, kept so none is lost.
    retired: tuple[Question, ...] = ()
    #: What the seeds are as a whole, said at the top of the request.
    observations: tuple[Observation, ...] = ()
    #: The kind of system the seeds point at (``web-service``, ``ml-model``...), or "".
    system: str = ""
    #: Answers that are there but pin nothing down, by question ID.
    vague: frozenset[str] = frozenset()
    #: The language the request is written in (a code of locale/languages.toml), and why.
    lang: str = "en"
    lang_reason: str = ""

    @property
    def id(self) -> str:
        """The request's ID: its seeds' digest and its question IDs, hashed."""
        return request_id(self.seeds_digest, (q.id for q in self.questions))

    def to_json(self) -> dict[str, Any]:
        """request.json: the request as data."""
        return {
            "askspec": self.version,
            "id": self.id,
            "seeds_digest": self.seeds_digest,
            "project": self.project,
            "date": self.date,
            "summary": list(self.summary),
            "observations": [o.to_json() for o in self.observations],
            "system": self.system,
            "areas": {a.area.value: a.to_json() for a in self.areas},
            "seeds": [
                {
                    "path": f.path,
                    "kind": f.kind.value,
                    "confidence": round(f.verdict.confidence, 2),
                    "why": f.verdict.evidence[0] if f.verdict.evidence else "",
                }
                for f in self.scan.files
            ],
            "questions": [q.to_json() for q in self.questions],
        }
