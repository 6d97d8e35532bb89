"""The whole job: scan the seeds, plan the questions, render, and write every deliverable."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from askspec import __version__
from askspec.extract import extract
from askspec.i18n import AUTO, _, speaking
from askspec.mail.message import Envelope, build_message
from askspec.models import Fact, Kind, ScanResult, SeedFile, Skipped
from askspec.output import write_outputs
from askspec.read.folder import display_name
from askspec.request.language import Prevailing, choose, prevailing
from askspec.request.model import Request
from askspec.request.planning import judged_plan
from askspec.request.questions import area_findings
from askspec.request.render import make_env, render_documents
from askspec.request.summary import describe
from askspec.request.titles import title_of
from askspec.scan import ProgressHook, map_scan

if TYPE_CHECKING:
    from askspec.answers.check import CheckResult

REQUEST_MD = "request.md"
REQUEST_HTML = "request.html"
REQUEST_EML = "request.eml"
CHECKLIST_MD = "CHECKLIST.md"
ISSUE_FORM = ".github/ISSUE_TEMPLATE/spec-request.yml"
REQUEST_JSON = "request.json"
SCAN_JSON = "scan.json"
#: Characters of each seed's text kept after extraction, for the introduction's titles,
#: opening lines and key terms; the rest is dropped so memory stays flat on big folders.
KEPT_TEXT = 16 << 10
ANSWERS_JSON = "answers.json"
#: The kinds whose text tells the stakeholder's language: what they wrote, not code.
WRITTEN = frozenset({Kind.PROSE, Kind.SPEC})
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
    #: Combine earlier answers to different requests instead of refusing them.
    merge_answers: bool = False
    #: The language to write in: a code from locale/languages.toml, or "auto" for the
    #: seeds' prevailing language.
    lang: str = AUTO


def to_json_bytes(data: Any) -> bytes:
    """JSON as the outputs write it: sorted by construction, indented, newline at the end."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def seeds_digest(project: str, result: ScanResult) -> str:
    """A digest that stays the same for the same project and seeds; part of the request ID."""
    digest = hashlib.sha256(project.encode("utf-8"))
    for f in result.files:
        digest.update(f"\0{f.path}\0{f.kind}\0{f.size}".encode())
    return digest.hexdigest()[:16]


def project_name(seeds: Path, given: str) -> str:
    """The project's name: as given, else the seeds folder's name."""
    # A folder name may hold bytes that are not UTF-8, or controls: shown escaped.
    return given.strip() or display_name(seeds.resolve().name) or "project"


def with_facts(seed: SeedFile) -> tuple[SeedFile, tuple[Fact, ...]]:
    """A file's facts, taken from its whole text, and the row with only its head kept.

    The title is taken here too, from the head as planning would read it: where the
    file was read, in a worker process on large folders, rather than one file after
    another once the scan is done (3 s of generate's 70 on 10,000 files).
    """
    facts = extract((seed,))
    kept = replace(seed, text=seed.text[:KEPT_TEXT], source="") if seed.text else seed
    return replace(kept, title=title_of(kept)), facts


def scan_with_facts(
    seeds: Path, progress: ProgressHook | None = None, out: Path | None = None
) -> tuple[ScanResult, tuple[Fact, ...]]:
    """Scan and extract in one pass; each file's text is cut to its head once read.

    Extraction runs where the file was scanned (a worker process on large folders), so
    the whole text never travels between processes and memory grows by at most
    KEPT_TEXT per file; the introduction reads only that head. The output folder out
    and askspec's earlier outputs are not read as seeds.
    """
    files: list[SeedFile] = []
    facts: list[Fact] = []
    skipped: list[Skipped] = []
    for seed, found in map_scan(seeds, with_facts, progress, out=out, skipped=skipped):
        files.append(seed)
        facts.extend(found)
    return ScanResult(str(seeds), tuple(files), tuple(skipped)), tuple(facts)


def build_request(
    result: ScanResult, options: Options, seeds: Path, facts: tuple[Fact, ...] | None = None
) -> Request:
    """Plan the questions for a scan and wrap everything the templates need."""
    facts = extract(result.files) if facts is None else facts
    choice = choose(options.lang, seeds_language(result.files))
    with speaking(choice.code, options.templates):
        judged = judged_plan(result.files, result.kinds(), facts, choice)
        no_system = any(o.kind == "no-system" for o in judged.observations)
        areas = area_findings(() if no_system else facts)
        summary = describe(result.files, judged.titles, areas, judged.observations)
    project = project_name(seeds, options.project)
    day = options.date or datetime.now(UTC).date()
    return Request(
        seeds_digest=seeds_digest(project, result),
        project=project,
        date=day.isoformat(),
        version=__version__,
        scan=result,
        questions=judged.questions,
        summary=summary,
        facts=facts,
        areas=areas,
        observations=judged.observations,
        system=judged.system,
        lang=choice.code,
        lang_reason=choice.reason,
    )


def seeds_language(files: Iterable[SeedFile]) -> Prevailing:
    """The language most of the seeds' prose and specs are in (code is left out)."""
    return prevailing(f.text for f in files if f.kind in WRITTEN and f.text.strip())


def subject_for(request: Request) -> str:
    """The email subject: the project name, flattened to one line."""
    name = " ".join(request.project.split())
    with speaking(request.lang):
        return _("Questions about {project}: inputs, outputs, hardware, performance").format(
            project=name
        )


def render_outputs(request: Request, options: Options) -> dict[str, bytes]:
    """Every deliverable as bytes, keyed by its name under the output folder."""
    with speaking(request.lang, options.templates):
        docs = render_documents(request, make_env(options.templates), options.sender)
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


def answered_request(request: Request, options: Options) -> tuple[Request, CheckResult]:
    """The request with earlier answers put back, and answers.json saying what is still open.

    An answers file that names no request is read against this one, whose questions
    it is put back under.
    """
    from askspec.answers.check import read_answers, with_answers

    reading = read_answers(options.answers, merge_requests=options.merge_answers, bare_ok=True)
    with speaking(request.lang, options.templates):
        return with_answers(request, reading)


@dataclass(frozen=True)
class Generated:
    """What generate wrote, and the request it wrote."""

    request: Request
    written: tuple[Path, ...]
    #: What the earlier answers carried over and what is still open; None without --answers.
    answers: CheckResult | None = None

    def answers_report(self) -> str:
        """``carried over 5 answers; still open: IN-2, HW-1 (HW-1 is vague)``, or ""."""
        found = self.answers
        if found is None:
            return ""
        count = len(found.answered)
        line = f"carried over {count} answer{'' if count == 1 else 's'}"
        line += f"; still open: {', '.join(found.open)}" if found.open else "; none is open"
        if found.vague:
            line += f"; vague: {', '.join(found.vague)}"
        return line


def generate(
    seeds: str | Path,
    out: str | Path,
    options: Options | None = None,
    force: bool = False,
    progress: ProgressHook | None = None,
) -> Generated:
    """Scan seeds, render every deliverable in memory, then write them all atomically."""
    options = options or Options()
    seeds, out = Path(seeds), Path(out)
    result, facts = scan_with_facts(seeds, progress, out)
    request = build_request(result, options, seeds, facts)
    extra: dict[str, bytes] = {}
    carried: CheckResult | None = None
    if options.answers:
        request, carried = answered_request(request, options)
        extra[ANSWERS_JSON] = to_json_bytes(carried.to_json())
    files = {**render_outputs(request, options), **extra}
    written = write_outputs(out, files, force=force)
    return Generated(request, tuple(written), carried)
