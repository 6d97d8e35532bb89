"""What the templates are given: the request, its sections and marker, and the labels."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from askspec.i18n import _
from askspec.models import Area
from askspec.request.answer_format import (
    ANSWER_LABEL,
    PLACEHOLDER_TEXT,
    REFERENCE_LABEL,
    Marker,
    make_marker,
    placeholder,
)
from askspec.request.catalogue import AREA_TITLES
from askspec.request.model import Question, Request
from askspec.seed_groups import seed_groups


@dataclass(frozen=True)
class Section:
    """An area of the request with its questions, for the templates."""

    area: Area
    title: str
    required: bool
    questions: tuple[Question, ...]

    @property
    def heading(self) -> str:
        """``Inputs (required)``, in the language being written."""
        if self.required:
            return _("{title} (required)").format(title=self.title)
        return _("{title} (optional)").format(title=self.title)


def sections(questions: tuple[Question, ...]) -> tuple[Section, ...]:
    """Questions grouped by area, areas in catalogue order."""
    order: list[Area] = []
    for q in questions:
        if q.area not in order:
            order.append(q.area)
    return tuple(
        Section(
            area,
            _(AREA_TITLES[area]),
            any(q.required for q in questions if q.area is area),
            tuple(q for q in questions if q.area is area),
        )
        for area in order
    )


def request_marker(request: Request, doc: str = "") -> Marker:
    """The marker naming the request and its questions, embedded in every deliverable."""
    ids = (q.id for q in request.questions)
    return make_marker(request.id, request.version, ids, doc, request.seeds_digest)


def context(request: Request, **extra: Any) -> dict[str, Any]:
    """The template context: everything comes in here, nothing is read from outside."""
    return {
        "request": request,
        "project": request.project,
        "date": request.date,
        "version": request.version,
        "seeds": request.scan.files,
        "seed_groups": seed_groups(request.scan.files),
        "counts": request.scan.counts(),
        "sections": sections(request.questions),
        "questions": request.questions,
        "marker": str(request_marker(request)),
        "lang": request.lang,
        "answer_label": _(ANSWER_LABEL),
        "placeholder": placeholder(),
        "plain_answer_label": _(ANSWER_LABEL),
        "plain_placeholder": _(PLACEHOLDER_TEXT),
        "required_word": _("required"),
        "reference_label": _(REFERENCE_LABEL),
        **extra,
    }
