"""``askspec email``: its options, and the one call to the job in :mod:`askspec.cli.email`.

The job builds the message and sends it; it is imported when the command runs, so
``--version`` and ``--help`` stay fast.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import Annotated

import typer

from askspec.cli.common import Lang, Seeds, TemplatesDir, echo_err, emit_json, reported
from askspec.errors import EXIT_ERROR

Recipients = Annotated[
    list[str] | None, typer.Option("--to", help="Recipient (repeatable; --send needs one).")
]
SmtpFlag = Annotated[str | None, typer.Option(help="Overrides ASKSPEC_SMTP_* and config.")]


def email(
    seeds: Seeds,
    to: Recipients = None,
    cc: Annotated[list[str] | None, typer.Option("--cc", help="Copy to (repeatable).")] = None,
    sender: Annotated[
        str, typer.Option("--from", help="Sender address (else from the SMTP settings).")
    ] = "",
    out: Annotated[Path, typer.Option("-o", "--out", help="The .eml file (or folder).")] = Path(
        "request.eml"
    ),
    send: Annotated[bool, typer.Option("--send", help="Deliver over SMTP.")] = False,
    attach: Annotated[
        list[str] | None, typer.Option("--attach", help="Attach md, html or checklist.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the .eml.")] = False,
    project: Annotated[str, typer.Option("--project", help="Project name (default: folder).")] = "",
    templates: TemplatesDir = None,
    smtp_host: SmtpFlag = None,
    smtp_port: SmtpFlag = None,
    smtp_user: SmtpFlag = None,
    smtp_security: Annotated[
        str | None, typer.Option(help="starttls (default), ssl or none.")
    ] = None,
    smtp_cafile: SmtpFlag = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print what was saved and sent as JSON.")
    ] = False,
    lang: Lang = None,
) -> None:
    """Write the request as an email (.eml); send it over SMTP only with --send.

    SMTP settings: --smtp-* flags, then ASKSPEC_SMTP_HOST/PORT/USER/SECURITY/CAFILE/FROM,
    then [tool.askspec.smtp] in ./pyproject.toml or [smtp] in
    $XDG_CONFIG_HOME/askspec/config.toml. The password comes from ASKSPEC_SMTP_PASSWORD,
    password_command in the user config, or a prompt on a terminal; never from a flag.

    Example: askspec email seeds --to ana@example.com --from me@example.com --send
    """
    from askspec.cli.email import EmailJob, email_json, email_report
    from askspec.cli.email import email as run_email
    from askspec.config.language import language_setting
    from askspec.generate import Options

    with reported():
        language = language_setting(lang)
    options = Options(
        project=project,
        sender=sender,
        to=tuple(to or ()),
        cc=tuple(cc or ()),
        templates=templates,
        lang=language,
    )
    smtp = {"host": smtp_host, "port": smtp_port, "user": smtp_user}
    smtp |= {"security": smtp_security, "cafile": smtp_cafile}
    job = EmailJob(seeds, out, options, tuple(attach or ()), send, force, smtp)
    prompt = getpass.getpass if sys.stdin.isatty() else None
    with reported():
        result = run_email(job, prompt=prompt, warn=lambda w: echo_err(f"warning: {w}"))
    lines, problems = email_report(result)
    if as_json:
        emit_json(email_json(result))
    else:
        for line in lines:
            typer.echo(line)
    for line in problems:
        echo_err(line)
    if result.delivery is not None and result.delivery.refused:
        raise typer.Exit(EXIT_ERROR)
