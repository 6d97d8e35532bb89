"""The values that flow through askspec: plain, frozen, easy to serialise."""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


class Kind(enum.StrEnum):
    """What a seed file is."""

    PROSE = "prose"
    CODE = "code"
    SPEC = "spec"
    DATA = "data"
    EMPTY = "empty"
    BINARY = "binary"
    UNREADABLE = "unreadable"


class Area(enum.StrEnum):
    """A section of the request; the first four are required."""

    CONTEXT = "context"
    INPUTS = "inputs"
    OUTPUTS = "outputs"
    HARDWARE = "hardware"
    PERFORMANCE = "performance"
    USERS = "users"
    ACCEPTANCE = "acceptance"
    CONSTRAINTS = "constraints"
    NON_GOALS = "non-goals"


REQUIRED_AREAS = (Area.INPUTS, Area.OUTPUTS, Area.HARDWARE, Area.PERFORMANCE)


class Status(enum.StrEnum):
    """How much the seeds already say about an area or question."""

    STATED = "stated"
    VAGUE = "vague"
    MISSING = "missing"


@dataclass(frozen=True)
class Verdict:
    """A classification: a kind, how sure, and the evidence, most telling first."""

    kind: Kind
    confidence: float
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Text:
    """What a reader got out of a file."""

    text: str
    encoding: str | None = None
    format: str = "text"
    sampled: bool = False
    problems: tuple[str, ...] = ()
    #: The decoded file before its markup was flattened (HTML, reStructuredText,
    #: notebooks), for the block readers; empty when it is the text itself.
    source: str = ""


@dataclass(frozen=True)
class SeedFile:
    """One scanned file: where it is, what it is, and what was read from it."""

    path: str
    size: int
    verdict: Verdict
    encoding: str | None = None
    format: str = "text"
    sampled: bool = False
    problems: tuple[str, ...] = ()
    text: str = field(default="", repr=False, compare=False)
    #: The decoded file before its markup was flattened; empty when it is the text.
    source: str = field(default="", repr=False, compare=False)
    #: The title a reader would name the file by (see request.titles.title_of), when it
    #: was taken where the file was read; None when it is still to be taken.
    title: str | None = field(default=None, repr=False, compare=False)

    @property
    def kind(self) -> Kind:
        """The verdict's kind."""
        return self.verdict.kind

    def to_json(self) -> dict[str, Any]:
        """The row of ``scan --json``."""
        return {
            "path": self.path,
            "kind": self.verdict.kind.value,
            "confidence": round(self.verdict.confidence, 2),
            "evidence": list(self.verdict.evidence),
            "encoding": self.encoding,
            "size": self.size,
            "problems": list(self.problems),
            "format": self.format,
            "sampled": self.sampled,
        }


@dataclass(frozen=True)
class Skipped:
    """A path the scan left out on purpose (askspec's own output), and why."""

    path: str
    reason: str

    def to_json(self) -> dict[str, str]:
        """One entry of the scan's ``skipped`` list."""
        return {"path": self.path, "reason": self.reason}


@dataclass(frozen=True)
class ScanResult:
    """Every file found under a seeds folder, in sorted order."""

    root: str
    files: tuple[SeedFile, ...]
    #: askspec's own outputs found under the folder, which are not read as seeds.
    skipped: tuple[Skipped, ...] = ()

    def counts(self) -> dict[str, int]:
        """How many files of each kind, in Kind order, zeros left out."""
        found = [f.kind for f in self.files]
        return {k.value: found.count(k) for k in Kind if k in found}

    def kinds(self) -> frozenset[Kind]:
        """The kinds present."""
        return frozenset(f.kind for f in self.files)

    def to_json(self) -> dict[str, Any]:
        """The object printed by ``scan --json`` and written to scan.json.

        ``skipped`` is there only when the scan left something out.
        """
        data: dict[str, Any] = {"files": [f.to_json() for f in self.files], "counts": self.counts()}
        if self.skipped:
            data["skipped"] = [s.to_json() for s in self.skipped]
        return data


@dataclass(frozen=True)
class Target:
    """One measurable statement: what is measured, how much, in what unit, and when."""

    metric: str
    value: float
    unit: str
    percentile: str = ""
    condition: str = ""

    def to_json(self) -> dict[str, Any]:
        """The target as data; empty percentile and condition are left out."""
        data: dict[str, Any] = {"metric": self.metric, "value": self.value, "unit": self.unit}
        if self.percentile:
            data["percentile"] = self.percentile
        if self.condition:
            data["condition"] = self.condition
        return data


@dataclass(frozen=True)
class Fact:
    """Something a seed already states about an area, with where it says it.

    ``topics`` narrow the fact down within its area (``volume``, ``latency``, ``os``...)
    so that each question gets the facts that answer it; ``targets`` are the
    measurable values parsed out of the quote.
    """

    area: Area
    path: str
    line: int
    quote: str
    measurable: bool = True
    topics: tuple[str, ...] = ()
    targets: tuple[Target, ...] = ()
    #: How strongly the quoted block speaks about the area; the strongest are quoted first.
    weight: float = 1.0
    #: What tied the block to the area: heading, header, field, words, units.
    signals: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The evidence entry in request.json."""
        data: dict[str, Any] = {"path": self.path, "line": self.line, "quote": self.quote}
        if self.targets:
            data["targets"] = [t.to_json() for t in self.targets]
        if self.signals:
            data["signals"] = list(self.signals)
        return data


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
