"""Planning: each question gets its own status and evidence from the facts of its area."""

from __future__ import annotations

from askspec.models import Area, Fact, Kind, Status
from askspec.request.catalogue import CATALOGUE, HINTS, catalogue_ids
from askspec.request.questions import (
    EVIDENCE_LIMIT,
    area_findings,
    area_status,
    evidence,
    plan,
)


def fact(area: Area, line: int, measurable: bool = True, *topics: str, path: str = "a.md") -> Fact:
    return Fact(area, path, line, f"line {line}", measurable, topics)


def by_id(facts: list[Fact], kinds: tuple[Kind, ...] = (Kind.SPEC,)) -> dict[str, object]:
    return {q.id: q for q in plan(kinds, facts)}


def test_ids_are_unique_and_every_required_area_has_questions() -> None:
    ids = catalogue_ids()
    assert len(ids) == len(set(ids))
    for area in (Area.INPUTS, Area.OUTPUTS, Area.HARDWARE, Area.PERFORMANCE):
        assert any(e.area is area and e.required for e in CATALOGUE)
        assert HINTS[area]


def test_area_status() -> None:
    assert area_status([]) is Status.MISSING
    assert area_status([fact(Area.HARDWARE, 1, False)]) is Status.VAGUE
    assert area_status([fact(Area.HARDWARE, 1, False), fact(Area.HARDWARE, 2)]) is Status.STATED


def test_no_facts_every_question_missing_and_plainly_asked() -> None:
    questions = plan([Kind.PROSE])
    assert {q.status for q in questions} == {Status.MISSING}
    assert all(q.evidence == () and q.example for q in questions)


def test_facts_go_to_the_questions_they_answer() -> None:
    facts = [
        fact(Area.INPUTS, 1),
        fact(Area.INPUTS, 2, True, "volume"),
        fact(Area.HARDWARE, 3, True, "os"),
        fact(Area.PERFORMANCE, 4, False),
        fact(Area.PERFORMANCE, 5, True, "throughput"),
        fact(Area.PERFORMANCE, 6, True, "memory"),
    ]
    questions = {q.id: q for q in plan([Kind.SPEC], facts)}
    lines = {qid: [f.line for f in q.evidence] for qid, q in questions.items()}
    assert lines["IN-1"] == [1, 2]
    assert lines["IN-2"] == [2]
    assert lines["IN-3"] == []
    assert lines["HW-1"] == [] and lines["HW-2"] == [3]
    assert lines["PERF-1"] == [4] and questions["PERF-1"].status is Status.VAGUE
    assert lines["PERF-2"] == [5] and questions["PERF-2"].status is Status.STATED
    assert lines["PERF-3"] == [6]
    assert questions["IN-3"].status is Status.MISSING
    assert questions["PERF-1"].hint == HINTS[Area.PERFORMANCE]


def test_evidence_is_bounded_measurable_first_and_shared_between_files() -> None:
    noisy = [fact(Area.OUTPUTS, n, path="tool.py") for n in range(1, 20)]
    spec = [fact(Area.OUTPUTS, 40, path="spec.md"), fact(Area.OUTPUTS, 41, False, path="x.md")]
    chosen = evidence(noisy + spec)
    assert len(chosen) == EVIDENCE_LIMIT
    assert ("spec.md", 40) in [(f.path, f.line) for f in chosen]
    assert ("x.md", 41) not in [(f.path, f.line) for f in chosen]


def test_area_findings_cover_the_four_required_areas_in_order() -> None:
    findings = area_findings([fact(Area.OUTPUTS, 2), fact(Area.HARDWARE, 3, False)])
    assert [(f.area, f.status) for f in findings] == [
        (Area.INPUTS, Status.MISSING),
        (Area.OUTPUTS, Status.STATED),
        (Area.HARDWARE, Status.VAGUE),
        (Area.PERFORMANCE, Status.MISSING),
    ]
    assert findings[1].to_json() == {
        "status": "stated",
        "evidence": [{"path": "a.md", "line": 2, "quote": "line 2"}],
    }


def test_questions_follow_the_kinds() -> None:
    assert "CTX-1" in by_id([], (Kind.PROSE,)) and "CTX-2" not in by_id([], (Kind.PROSE,))
    assert "CTX-2" in by_id([], (Kind.CODE,)) and "CTX-4" in by_id([], (Kind.SPEC,))
