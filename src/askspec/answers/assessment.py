"""Sort a reading's answers against the questions asked: answered, open and vague.

``CheckResult`` says which questions a set of documents asks and how each stands;
``assess`` makes one from a reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from askspec.answers.reading import Answer, Reading
from askspec.measure import hardware_specific, measurable
from askspec.models import Area
from askspec.request.answer_format import Marker
from askspec.request.catalogue import ENTRIES, catalogue_ids

#: Areas whose answers must be measurable or, for hardware, name the machine exactly.
MEASURED_AREAS = frozenset({Area.HARDWARE, Area.PERFORMANCE})
#: Hardware questions answered by naming things, not by a number.
NAMED_NOT_MEASURED = frozenset({"HW-2"})
#: Questions raised by the seeds as a whole (OBS-1...) come before the catalogue's.
FIRST = "OBS-"


def wants_number(qid: str) -> bool:
    """True for questions whose answer should be a measurable value."""
    entry = ENTRIES.get(qid)
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
    entry = ENTRIES.get(qid)
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


def states_quantity(text: str) -> bool:
    """True when text holds any number with a unit or currency: "200ms", "99.9%", "€300".

    Looser than measurable(): right for an answer, where the question names the metric.
    """
    for match in _QUANTITY.finditer(text):
        unit = (match.group("unit") or "").lower()
        if match.group("cur") or unit in _UNITS or unit.startswith("°"):
            return True
    return False
