"""The plan that picks questions from the catalogue, each with its status and evidence."""

from __future__ import annotations

from collections.abc import Iterable

from askspec.i18n import _
from askspec.models import REQUIRED_AREAS, Fact, Kind, Status
from askspec.request.catalogue import CATALOGUE, HINTS, Entry
from askspec.request.model import AreaFinding, Question

#: Facts quoted per question or area: enough to show the seeds were read.
EVIDENCE_LIMIT = 5


def area_status(facts: Iterable[Fact]) -> Status:
    """Stated when some fact is measurable, vague when only unmeasurable ones, else missing."""
    found = list(facts)
    if not found:
        return Status.MISSING
    return Status.STATED if any(f.measurable for f in found) else Status.VAGUE


def evidence(facts: Iterable[Fact]) -> tuple[Fact, ...]:
    """The facts to quote, a few only: measurable first, the most telling next, then
    taking turns between files, which keeps one chatty file from hiding what the spec
    says. The chosen ones are quoted in file order."""
    turn: dict[str, int] = {}
    keyed = []
    for index, fact in enumerate(facts):
        turn[fact.path] = turn.get(fact.path, -1) + 1
        keyed.append(((not fact.measurable, -fact.weight, turn[fact.path], index), fact))
    keyed.sort(key=lambda pair: pair[0])
    chosen = sorted(keyed[:EVIDENCE_LIMIT], key=lambda pair: pair[0][3])
    return tuple(fact for _, fact in chosen)


def answers(entry: Entry, fact: Fact) -> bool:
    """Whether a fact speaks to this catalogue entry."""
    if fact.area is not entry.area:
        return False
    return entry.topics is None or bool(set(fact.topics or ("",)) & entry.topics)


def area_findings(facts: Iterable[Fact]) -> tuple[AreaFinding, ...]:
    """Status and evidence for each required area, in the order of the request."""
    found = list(facts)
    result = []
    for area in REQUIRED_AREAS:
        mine = [f for f in found if f.area is area]
        result.append(AreaFinding(area, area_status(mine), evidence(mine)))
    return tuple(result)


def ask(entry: Entry, facts: Iterable[Fact], system: str = "") -> Question:
    """The question for one catalogue entry, with its own status and evidence.

    The guidance, example and hint are those for the kind of system when it has its own.
    """
    from askspec.request.tailored import tailoring

    mine = [fact for fact in facts if answers(entry, fact)]
    guidance, example, hint = tailoring(
        system, entry.id, (entry.guidance, entry.example, entry.hint or HINTS.get(entry.area, ""))
    )
    return Question(
        entry.id,
        entry.area,
        _(entry.title),
        _(guidance),
        _(example),
        entry.required,
        status=area_status(mine),
        evidence=evidence(mine),
        hint=_(hint) if hint else "",
    )


def asked_for(entry: Entry, present: frozenset[Kind], system: str) -> bool:
    """Whether an entry is asked for seeds of these kinds pointing at this kind of system."""
    if entry.systems and system not in entry.systems:
        return False
    return not entry.when or bool(entry.when & present)


def plan(
    kinds: Iterable[Kind], facts: Iterable[Fact] = (), system: str = ""
) -> tuple[Question, ...]:
    """The questions for seeds of these kinds, each carrying what the seeds already say."""
    present = frozenset(kinds)
    found = list(facts)
    return tuple(
        ask(entry, found, system) for entry in CATALOGUE if asked_for(entry, present, system)
    )
