"""The questions for these seeds: observations first, then the catalogue for this kind."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from askspec.i18n import N_, _
from askspec.models import Area, Fact, Kind, SeedFile
from askspec.request.kinds import system_kind
from askspec.request.language import Choice
from askspec.request.model import Observation, Question
from askspec.request.observations import Seeds, judge
from askspec.request.questions import plan
from askspec.request.titles import title_of

#: Asked where the seeds describe no system: what is wanted comes first, then these.
CORE = ("IN-1", "OUT-1", "HW-1", "PERF-1")
OBSERVATION_PREFIX = "OBS"
#: Questions an observation makes moot: a settled spec has no drafts to sort out, and
#: "what is wanted" replaces "what should come out of the text".
REPLACED = {"settled": {"CTX-4"}, "no-system": {"CTX-1"}}
#: An example answer to each observation's question.
EXAMPLES = {
    "no-system": N_(
        "A web tool where the team enters the figures each week and gets a summary by email."
    ),
    "several-subjects": N_("Only the first; the other file was sent by mistake."),
    "versions": N_("The final version governs; the draft is out of date."),
    "settled": N_("It works; the work now is to add an export and keep it maintained."),
}


def observation_questions(observations: Sequence[Observation]) -> tuple[Question, ...]:
    """One question per observation that needs an answer, numbered OBS-1, OBS-2..."""
    asking = [o for o in observations if o.question]
    return tuple(
        Question(
            f"{OBSERVATION_PREFIX}-{n}",
            Area.CONTEXT,
            o.question,
            o.detail,
            _(EXAMPLES[o.kind]) if o.kind in EXAMPLES else "",
            True,
        )
        for n, o in enumerate(asking, start=1)
    )


@dataclass(frozen=True)
class Judged:
    """What the seeds are as a whole and the questions that follow from it."""

    titles: tuple[str, ...]
    observations: tuple[Observation, ...]
    system: str
    questions: tuple[Question, ...]


def judged_plan(
    files: Sequence[SeedFile],
    kinds: Iterable[Kind],
    facts: Sequence[Fact],
    language: Choice | None = None,
) -> Judged:
    """Judge the files, then plan: observation questions first, the rest for this system.

    language is the one the request is written in (by default the seeds' own).
    """
    titles = tuple(title_of(f) for f in files)
    observations = judge(Seeds(tuple(files), titles), language)
    if any(f.measurable for f in facts):
        # Text that states a concrete input, output, machine or target describes a
        # system, however it reads: its facts are asked about, not dropped.
        observations = tuple(o for o in observations if o.kind != "no-system")
    found = {o.kind for o in observations}
    kind = system_kind(files)
    system = kind.value if kind else ""
    # Narrative with no system in it states no inputs or targets, whatever its words say.
    questions = plan(kinds, () if "no-system" in found else facts, system)
    dropped = set().union(*(REPLACED.get(k, set()) for k in found))
    kept = [q for q in questions if q.id not in dropped]
    if "no-system" in found:
        kept = [q for q in kept if q.id in CORE]
    return Judged(titles, observations, system, (*observation_questions(observations), *kept))
