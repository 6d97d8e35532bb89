"""The email command's job: build the message, save it, and send it only when asked."""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from askspec.config.password import clear_text_warning, resolve_password
from askspec.config.smtp import ENV_PREFIX, SmtpSettings, load_settings
from askspec.errors import MailError, UsageError
from askspec.generate import REQUEST_EML, Options, build_request, scan_with_facts, subject_for
from askspec.i18n import speaking
from askspec.mail.message import Attachment, Envelope, build_message, parse_address
from askspec.mail.smtp import Delivery, send
from askspec.output import write_outputs
from askspec.request.render import Documents, make_env, render_documents

log = logging.getLogger(__name__)

#: --attach choices: the file name and MIME subtype each attaches as.
ATTACHABLE = {
    "md": ("request.md", "markdown"),
    "html": ("request.html", "html"),
    "checklist": ("CHECKLIST.md", "markdown"),
}


@dataclass(frozen=True)
class EmailJob:
    """What the email command was asked to do."""

    seeds: Path
    out: Path
    options: Options
    attach: tuple[str, ...] = ()
    send: bool = False
    force: bool = False
    #: --smtp-* flags by setting name; None where not given.
    smtp: Mapping[str, object | None] = field(default_factory=dict)


@dataclass(frozen=True)
class EmailResult:
    """What was saved, what would be or was sent, and what the server said."""

    path: Path
    subject: str
    sender: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    size: int
    attachments: tuple[str, ...]
    settings: SmtpSettings
    warnings: tuple[str, ...] = ()
    delivery: Delivery | None = None


def attachments_for(docs: Documents, names: tuple[str, ...]) -> list[Attachment]:
    """The requested deliverables as attachments, each once, in the order asked."""
    texts = {"md": docs.request_md, "html": docs.request_html, "checklist": docs.checklist_md}
    chosen: list[Attachment] = []
    for name in dict.fromkeys(names):
        if name not in ATTACHABLE:
            raise UsageError(f"--attach takes {', '.join(ATTACHABLE)}, not {name!r}")
        filename, subtype = ATTACHABLE[name]
        chosen.append(Attachment(filename, texts[name], subtype))
    return chosen


def eml_path(out: Path) -> Path:
    """OUT itself, or request.eml inside it when OUT is a folder."""
    return out / REQUEST_EML if out.is_dir() else out


def warnings_for(settings: SmtpSettings) -> tuple[str, ...]:
    """What the user should know before a password travels."""
    if settings.security != "none" or not settings.user:
        return ()
    if settings.plaintext_auth:
        return (clear_text_warning(settings),)
    return (f"security is none: --send will refuse to log in as {settings.user} without TLS",)


def compose(job: EmailJob) -> EmailMessage:
    """Scan, plan and render the seeds into the message to save (and maybe send)."""
    result, facts = scan_with_facts(job.seeds)
    request = build_request(result, job.options, job.seeds, facts)
    with speaking(request.lang, job.options.templates):
        docs = render_documents(request, make_env(job.options.templates), job.options.sender)
    envelope = Envelope(subject_for(request), job.options.sender, job.options.to, job.options.cc)
    # A sent copy is not a draft: it carries the send time, a unique ID and no X-Unsent,
    # so the saved file and the delivered message are the same bytes.
    return build_message(
        envelope,
        docs.email_text,
        docs.email_html,
        draft=not job.send,
        attachments=attachments_for(docs, job.attach),
        unique_id=job.send,
    )


def email(
    job: EmailJob,
    env: Mapping[str, str] | None = None,
    prompt: Callable[[str], str] | None = None,
    warn: Callable[[str], None] | None = None,
) -> EmailResult:
    """Write the .eml; with job.send, deliver exactly the saved bytes afterwards.

    When sending, warn hears the warnings before any password is read or sent.
    """
    env = os.environ if env is None else env
    settings = load_settings(job.smtp, env)
    if not job.options.sender and settings.sender:
        parse_address(settings.sender, f"from in {settings.sources['from']}")
        job = dataclasses.replace(
            job, options=dataclasses.replace(job.options, sender=settings.sender)
        )
    if job.send and not job.options.sender:
        raise UsageError(
            f"--send needs a sender address: --from, {ENV_PREFIX}FROM or from in the config"
        )
    if job.send and not job.options.to:
        raise UsageError("--send needs a recipient: --to ADDR")
    if job.send and not settings.host:
        raise UsageError("--send needs an SMTP server: --smtp-host, ASKSPEC_SMTP_HOST or config")
    message = compose(job)
    data = message.as_bytes()
    path = eml_path(job.out)
    write_outputs(path.parent, {path.name: data}, force=job.force)
    result = EmailResult(
        path,
        str(message["Subject"]),
        str(message["From"] or ""),
        job.options.to,
        job.options.cc,
        len(data),
        tuple(str(p.get_filename()) for p in message.iter_attachments()),
        settings,
        warnings_for(settings),
    )
    if not job.send:
        return result
    log.info("sending %s via %s", path, settings.server)
    try:
        password = resolve_password(settings, env, prompt, warn)
        sender = message["From"].addresses[0].addr_spec
        delivery = send(settings, password, sender, recipients(message), data)
    except MailError as exc:
        raise MailError(f"{exc.message}; not sent, the message is saved in {path}") from None
    return dataclasses.replace(result, delivery=delivery)


def recipients(message: EmailMessage) -> list[str]:
    """The envelope recipients: every To and Cc address, as in the saved message."""
    found: list[str] = []
    for name in ("To", "Cc"):
        header = message[name]
        if header is not None:
            found.extend(a.addr_spec for a in header.addresses)
    return list(dict.fromkeys(found))


def _server_line(settings: SmtpSettings) -> str:
    if not settings.host:
        return "Server: not set (ASKSPEC_SMTP_HOST, --smtp-host or config)"
    who = f", user {settings.user}" if settings.user else ""
    return f"Server: {settings.server} ({settings.security}{who})"


def email_json(result: EmailResult) -> dict[str, object]:
    """What ``email --json`` prints: the message saved, the server, and what it accepted."""
    settings, sent = result.settings, result.delivery
    return {
        "path": str(result.path),
        "size": result.size,
        "subject": result.subject,
        "from": result.sender,
        "to": list(result.to),
        "cc": list(result.cc),
        "attachments": list(result.attachments),
        "server": settings.server if settings.host else None,
        "security": settings.security,
        "user": settings.user or None,
        "sent": sent is not None,
        "accepted": list(sent.accepted) if sent else [],
        "refused": dict(sent.refused) if sent else {},
        "warnings": list(result.warnings),
    }


def email_report(result: EmailResult) -> tuple[list[str], list[str]]:
    """Lines for stdout (what was saved and sent) and stderr (warnings and refusals)."""
    out = [f"wrote {result.path} ({result.size} bytes)"]
    out.append(f"From: {result.sender or '(none: the mail client fills it in)'}")
    out.append(f"To: {', '.join(result.to) or '(none)'}")
    if result.cc:
        out.append(f"Cc: {', '.join(result.cc)}")
    out.append(f"Subject: {result.subject}")
    if result.attachments:
        out.append(f"Attachments: {', '.join(result.attachments)}")
    out.append(_server_line(result.settings))
    sent = result.delivery
    if sent is None:
        out.append("not sent: add --send to deliver it")
        notes = [f"warning: {w}" for w in result.warnings]
        if not result.to:
            notes.append(f"warning: {result.path.name} has no recipient: add --to ADDR")
        return out, notes
    # A send gave its warnings through email()'s warn before the password went out.
    err: list[str] = []
    if sent.accepted:
        out.append(f"sent via {sent.server} to {', '.join(sent.accepted)}")
    err.extend(f"error: {sent.server} refused {who}: {why}" for who, why in sent.refused.items())
    return out, err
