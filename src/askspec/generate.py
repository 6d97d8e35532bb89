"""The whole job: scan the seeds, plan the questions, render, and write every deliverable."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from askspec import __version__
from askspec.extract import extract
from askspec.intro import describe
from askspec.mail import Envelope, build_message
from askspec.models import Request, ScanResult
from askspec.output import write_outputs
from askspec.questions import area_findings, plan
from askspec.render import make_env, render_documents
from askspec.scan import scan

REQUEST_MD = "request.md"
REQUEST_HTML = "request.html"
REQUEST_EML = "request.eml"
CHECKLIST_MD = "CHECKLIST.md"
ISSUE_FORM = ".github/ISSUE_TEMPLATE/spec-request.yml"
REQUEST_JSON = "request.json"
SCAN_JSON = "scan.json"
ANSWERS_JSON = "answers.json"
OUTPUT_NAMES = (
    REQUEST_MD,
    REQUEST_HTML,
    REQUEST_EML,
    CHECKLIST_MD,
    ISSUE_FORM,
    REQUEST_JSON,
    SCAN_JSON,
)


@dataclass(frozen=True)
class Options:
    """How to build the request: names, addresses, date and template folder."""

    project: str = ""
    date: date | None = None
    sender: str = ""
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    templates: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    #: Earlier answers (filled request, checklist, issue body, reply email, answers.json).
    answers: tuple[Path, ...] = ()


def to_json_bytes(data: Any) -> bytes:
    """JSON as the outputs write it: sorted by construction, indented, newline at the end."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def request_id(project: str, result: ScanResult) -> str:
    """A short ID that stays the same for the same project and seeds."""
    digest = hashlib.sha256(project.encode("utf-8"))
    for f in result.files:
        digest.update(f"\0{f.path}\0{f.kind}\0{f.size}".encode())
    return digest.hexdigest()[:12]


def project_name(seeds: Path, given: str) -> str:
    """The project's name: as given, else the seeds folder's name."""
    return given.strip() or seeds.resolve().name or "project"


def build_request(result: ScanResult, options: Options, seeds: Path) -> Request:
    """Plan the questions for a scan and wrap everything the templates need."""
    facts = extract(result.files)
    areas = area_findings(facts)
    project = project_name(seeds, options.project)
    day = options.date or datetime.now(UTC).date()
    return Request(
        id=request_id(project, result),
        project=project,
        date=day.isoformat(),
        version=__version__,
        scan=result,
        questions=plan(result.kinds(), facts),
        summary=describe(result.files, areas),
        facts=facts,
        areas=areas,
    )


def subject_for(request: Request) -> str:
    """The email subject: the project name, flattened to one line."""
    name = " ".join(request.project.split())
    return f"Questions about {name}: inputs, outputs, hardware, performance"


def render_outputs(request: Request, options: Options) -> dict[str, bytes]:
    """Every deliverable as bytes, keyed by its name under the output folder."""
    docs = render_documents(request, make_env(options.templates))
    day = datetime.fromisoformat(request.date).replace(tzinfo=UTC)
    envelope = Envelope(subject_for(request), options.sender, options.to, options.cc)
    message = build_message(envelope, docs.email_text, docs.email_html, date=day)
    return {
        REQUEST_MD: docs.request_md.encode("utf-8"),
        REQUEST_HTML: docs.request_html.encode("utf-8"),
        REQUEST_EML: message.as_bytes(),
        CHECKLIST_MD: docs.checklist_md.encode("utf-8"),
        ISSUE_FORM: docs.issue_form.encode("utf-8"),
        REQUEST_JSON: to_json_bytes(request.to_json()),
        SCAN_JSON: to_json_bytes(request.scan.to_json()),
    }


def answered_request(request: Request, answers: tuple[Path, ...]) -> tuple[Request, bytes]:
    """The request with earlier answers put back, and answers.json saying what is still open."""
    from askspec.answers import read_answers, with_answers

    request, result = with_answers(request, read_answers(answers))
    return request, to_json_bytes(result.to_json())


@dataclass(frozen=True)
class Generated:
    """What generate wrote, and the request it wrote."""

    request: Request
    written: tuple[Path, ...]


def generate(
    seeds: str | Path, out: str | Path, options: Options | None = None, force: bool = False
) -> Generated:
    """Scan seeds, render every deliverable in memory, then write them all atomically."""
    options = options or Options()
    seeds, out = Path(seeds), Path(out)
    request = build_request(scan(seeds), options, seeds)
    extra: dict[str, bytes] = {}
    if options.answers:
        request, extra[ANSWERS_JSON] = answered_request(request, options.answers)
    files = {**render_outputs(request, options), **extra}
    written = write_outputs(out, files, force=force)
    return Generated(request, tuple(written))
