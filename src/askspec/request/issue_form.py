"""The GitHub issue form as data: one field per question, and the request's marker."""

from __future__ import annotations

from typing import Any

from askspec.i18n import _
from askspec.request.answer_format import MARKER_LABEL
from askspec.request.filters import md_inline
from askspec.request.model import Request
from askspec.request.template_context import request_marker


def issue_form_data(request: Request) -> dict[str, Any]:
    """The GitHub issue form as data: one field per question, required areas required."""
    body: list[dict[str, Any]] = [
        {
            "type": "markdown",
            "attributes": {
                "value": _(
                    "askspec request {id} for {project}. Please answer each question; a "
                    "performance target is a number with a unit, a load and a way to measure it."
                ).format(id=request.id, project=request.project)
            },
        },
    ]
    for q in request.questions:
        description = _("{guidance} Example: {example}").format(
            guidance=q.guidance, example=q.example
        )
        if q.evidence:
            # GitHub renders a description as Markdown: seed text is escaped.
            cited = "; ".join(f"{md_inline(f'{f.path}:{f.line}')}: {md_inline(f.quote)}"
                              for f in q.evidence[:3])  # fmt: skip
            description += " " + _("The seeds say: {quotes}. Confirm or correct.").format(
                quotes=cited
            )
        body.append(
            {
                "type": "textarea",
                "id": q.id.lower(),
                "attributes": {
                    "label": f"{q.id} — {q.title}",
                    "description": description,
                    # An earlier answer comes pre-filled, ready to confirm or correct.
                    **({"value": q.answer} if q.answer else {}),
                },
                "validations": {"required": q.required},
            }
        )
    body.append(
        {
            # A one-line input: GitHub copies its value into the issue body, unlike markdown.
            "type": "input",
            "id": "askspec-request",
            "attributes": {
                "label": _(MARKER_LABEL),
                "description": _(
                    "Leave this as it is: it tells askspec which request and questions this "
                    "issue answers."
                ),
                "value": request_marker(request, "issue").comment(),
            },
            "validations": {"required": False},
        }
    )
    title = _("Spec request: {project}").format(project=request.project)[:200]
    return {
        "name": title,
        "description": _(
            "Answer askspec's questions about inputs, outputs, hardware and performance targets."
        ),
        "title": title,
        "labels": ["spec-request"],
        "body": body,
    }
