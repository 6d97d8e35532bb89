"""The command line: parse options, call the library once, print, and exit with a code.

The email command's options are in :mod:`askspec.cli.email_command`, the templates
commands in :mod:`askspec.cli.templates`; both join the app here.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Iterable
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from askspec import __version__
from askspec.cli.common import Lang, Seeds, TemplatesDir, emit_json, reported, visible
from askspec.cli.dates import parse_date
from askspec.cli.email_command import email
from askspec.cli.templates import templates_app
from askspec.errors import EXIT_OK, EXIT_OPEN

if TYPE_CHECKING:
    from askspec.models import Kind, Skipped

app = typer.Typer(
    help="Turn a folder of seeds into a request for inputs, outputs, hardware and performance.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.add_typer(templates_app, name="templates")


def emit_scan_json(rows: Iterable[tuple[Kind, str]], skipped: list[Skipped]) -> None:
    """Print the ``scan --json`` object row by row, exactly as json.dumps(indent=2) would.

    Each row comes as its kind and its JSON object, already encoded where it was read;
    skipped is filled while the rows are read, and printed last when it is not empty.
    """
    from askspec.models import Kind

    it = iter(rows)
    first = next(it, None)  # errors about the seeds surface before any output
    counts: dict[Kind, int] = {}
    sys.stdout.write('{\n  "files": [')
    for n, (kind, body) in enumerate(chain([] if first is None else [first], it)):
        counts[kind] = counts.get(kind, 0) + 1
        sys.stdout.write(("," if n else "") + "\n    " + body.replace("\n", "\n    "))
    closing = "\n  ]" if counts else "]"
    ordered = {k.value: counts[k] for k in Kind if k in counts}
    tally = json.dumps(ordered, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    sys.stdout.write(f'{closing},\n  "counts": {tally}')
    if skipped:
        left_out = [s.to_json() for s in skipped]
        listed = json.dumps(left_out, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        sys.stdout.write(f',\n  "skipped": {listed}')
    sys.stdout.write("\n}\n")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"askspec {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """askspec reads a seeds folder and asks the stakeholder for what is still missing."""


@app.command()
def scan(
    seeds: Seeds,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Classify every file in SEEDS as prose, code, spec, data, empty, binary or unreadable.

    Example: askspec scan examples/seeds --json
    """
    from askspec.classify import ANALYSED_CHARS
    from askspec.config.language import language_setting
    from askspec.models import ScanResult
    from askspec.progress import ScanProgress
    from askspec.request.language import choose, language_row, tally_languages
    from askspec.request.terminal import print_scan
    from askspec.scan import iter_scan_json, map_scan

    # Rows stream straight to stdout with --json; no file's text is kept.
    skipped: list[Skipped] = []
    with reported(), ScanProgress(enabled=not as_json and sys.stderr.isatty()) as progress:
        if as_json:
            emit_scan_json(iter_scan_json(seeds, progress=progress, skipped=skipped), skipped)
            return
        lang = language_setting(None)
        rows = list(map_scan(seeds, language_row, progress, budget=ANALYSED_CHARS, skipped=skipped))
    files = [row for row, _ in rows]
    table = [
        (f.path, f.kind.value, f"{f.verdict.confidence:.2f}", "; ".join(f.verdict.evidence[:2]))
        for f in files
    ]
    print_scan(table)
    counts = ", ".join(f"{n} {k}" for k, n in ScanResult("", tuple(files)).counts().items())
    typer.echo(f"{len(table)} files: {counts or 'no files'}", err=True)
    typer.echo(choose(lang, tally_languages(found for _, found in rows)).line(), err=True)
    if skipped:
        names = ", ".join(s.path for s in skipped[:3]) + (", …" if len(skipped) > 3 else "")
        typer.echo(f"skipped {len(skipped)} of askspec's own outputs: {names}", err=True)


@app.command()
def generate(
    seeds: Seeds,
    out: Annotated[Path, typer.Option("-o", "--out", help="Folder to write the outputs to.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing outputs.")] = False,
    to: Annotated[list[str] | None, typer.Option("--to", help="Recipient (repeatable).")] = None,
    sender: Annotated[str, typer.Option("--from", help="Sender address.")] = "",
    project: Annotated[str, typer.Option("--project", help="Project name (default: folder).")] = "",
    templates: TemplatesDir = None,
    day: Annotated[
        str | None,
        typer.Option("--date", help="Date on the request, YYYY-MM-DD.", show_default="today"),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print what was written as JSON.")
    ] = False,
    answers: Annotated[
        list[Path] | None,
        typer.Option(
            "--answers",
            help="Earlier answers to put back (request.md, CHECKLIST.md, issue body, reply "
            ".eml, answers.json); repeatable, later files win.",
            dir_okay=False,
        ),
    ] = None,
    merge: Annotated[
        bool,
        typer.Option("--merge", help="Combine --answers given to different requests."),
    ] = False,
    lang: Lang = None,
) -> None:
    """Write the request (.md, .html), the email (.eml), the checklist and the issue form.

    Outputs in OUT: request.md, request.html, request.eml, CHECKLIST.md,
    .github/ISSUE_TEMPLATE/spec-request.yml, request.json, scan.json.
    Nothing is sent and nothing is overwritten without --force.

    Example: askspec generate examples/seeds -o out --project "Order tracker"
    """
    from askspec.config.language import language_setting
    from askspec.generate import Options
    from askspec.generate import generate as run_generate
    from askspec.progress import EXTRACTING, RENDERING, ScanProgress

    show = not as_json and sys.stderr.isatty()
    with reported(), ScanProgress(show, reading=EXTRACTING, after=RENDERING) as progress:
        options = Options(
            lang=language_setting(lang),
            project=project,
            date=parse_date(day),
            sender=sender,
            to=tuple(to or ()),
            templates=templates,
            answers=tuple(answers or ()),
            merge_answers=merge,
        )
        result = run_generate(seeds, out, options, force=force, progress=progress)
    written = [str(p) for p in result.written]
    if as_json:
        emit_json({"request": result.request.id, "written": written})
        return
    for path in written:
        typer.echo(path)
    open_required = sum(1 for q in result.request.questions if q.required)
    count = len(result.request.scan.files)
    typer.echo(
        f"{len(result.request.questions)} questions ({open_required} required) "
        f"for {count} seed file{'' if count == 1 else 's'}",
        err=True,
    )
    typer.echo(f"language: {result.request.lang} ({result.request.lang_reason})", err=True)
    if report := result.answers_report():
        typer.echo(report, err=True)
    if not to:
        typer.echo("request.eml has no recipient: pass --to ADDR to address it", err=True)


@app.command()
def check(
    files: Annotated[
        list[str],
        typer.Argument(
            help="Filled request.md, CHECKLIST.md, issue body, reply .eml/mbox, answers.json, "
            "or - for standard input.",
            show_default=False,
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    request: Annotated[
        Path | None,
        typer.Option(
            "--request",
            help="The request.json generate wrote: check against its questions.",
            dir_okay=False,
        ),
    ] = None,
    merge: Annotated[
        bool, typer.Option("--merge", help="Combine answers to different requests.")
    ] = False,
) -> None:
    """Read the answers back and say which questions are still open.

    Exit 0 when every required question is answered, 3 when some are open, 1 on error.
    Later files win where two answer the same question. Each file's marker must match
    its request ID; files answering different requests are refused without --merge.

    Example: askspec check out/request.md reply.eml --request out/request.json --json
    """
    from askspec.answers.check import check_answers
    from askspec.answers.files import MAX_INPUT

    # One byte over the cap is enough to refuse; a pipe that never ends is not read on.
    stdin = sys.stdin.buffer.read(MAX_INPUT + 1) if "-" in files else None
    with reported():
        result = check_answers(files, stdin=stdin, request=request, merge_requests=merge)
    if as_json:
        emit_json(result.to_json())
    else:
        for line in result.summary_lines():
            typer.echo(visible(line))
    raise typer.Exit(EXIT_OK if result.complete else EXIT_OPEN)


# The email command's options fill a module of their own; it is listed after check.
app.command()(email)


def main() -> None:
    """Entry point. Typer maps usage errors to exit 2 and Ctrl-C to exit 130."""
    try:
        app(prog_name="askspec")
    finally:
        # The process ends here: frozen objects are left out of the collections made
        # on the way out, which otherwise walk every object still alive.
        gc.freeze()
