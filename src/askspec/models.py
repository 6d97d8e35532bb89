"""The values that flow through askspec: plain, frozen, easy to serialise."""

from __future__ import annotations

import enum
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
