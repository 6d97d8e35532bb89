"""Deliver saved message bytes over SMTP with verified TLS; every failure is one clear line."""

from __future__ import annotations

import base64
import contextlib
import logging
import smtplib
import socket
import ssl
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from askspec.config.password import check_plaintext
from askspec.config.smtp import SmtpSettings
from askspec.errors import MailError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Delivery:
    """Who the server accepted and who it refused, with the server's reason."""

    server: str
    accepted: tuple[str, ...]
    refused: dict[str, str] = field(default_factory=dict)


def tls_context(settings: SmtpSettings) -> ssl.SSLContext:
    """Always a verifying context: smtplib's own default accepts any certificate."""
    try:
        return ssl.create_default_context(cafile=str(settings.cafile) if settings.cafile else None)
    except (OSError, ssl.SSLError) as exc:
        raise MailError(f"cannot load the CA file: {exc}", path=settings.cafile) from exc


def _reply(code: int, text: bytes | str) -> str:
    """A server reply on one line: its text may hold line breaks or control characters."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    flat = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return f"{code} {flat}".strip()


def _redact(message: str, secret: str) -> str:
    return message.replace(secret, "***") if secret else message


def _cause(exc: BaseException, settings: SmtpSettings) -> str:
    """What went wrong, in words a user can act on."""
    # smtplib reports a read that timed out as a disconnect; the timeout is the cause.
    if isinstance(exc, TimeoutError) or isinstance(exc.__context__, TimeoutError):
        return f"timed out after {settings.timeout:g} s"
    if isinstance(exc, smtplib.SMTPException):
        return _smtp_cause(exc, settings)
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"TLS certificate not trusted ({exc.verify_message}); set cafile for a private CA"
    if isinstance(exc, ssl.SSLError):
        return f"TLS failed ({exc.reason or exc})"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused (is the server running on that port?)"
    if isinstance(exc, socket.gaierror):
        return f"cannot resolve the host name ({exc.strerror})"
    if isinstance(exc, OSError):
        return f"cannot connect ({exc.strerror or exc})"
    return f"{type(exc).__name__}: {exc}"


def _smtp_cause(exc: smtplib.SMTPException, settings: SmtpSettings) -> str:
    """The server's refusal, with its code and text on one line."""
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return f"login refused for {settings.user}: {_reply(exc.smtp_code, exc.smtp_error)}"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        refused = ", ".join(f"{r} ({_reply(*v)})" for r, v in exc.recipients.items())
        return f"every recipient refused: {refused}"
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return f"sender {exc.sender} refused: {_reply(exc.smtp_code, exc.smtp_error)}"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"server refused: {_reply(exc.smtp_code, exc.smtp_error)}"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return "server closed the connection"
    return str(exc) or type(exc).__name__


@contextlib.contextmanager
def connected(settings: SmtpSettings, password: str) -> Iterator[smtplib.SMTP]:
    """An open, secured and authenticated session; failures become one-line MailErrors."""
    if not settings.host:
        raise MailError("no SMTP server: set --smtp-host, ASKSPEC_SMTP_HOST or host in config")
    if password:
        check_plaintext(settings)
    context = tls_context(settings)
    host, port, timeout = settings.host, settings.effective_port, settings.timeout
    try:
        if settings.security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            client = smtplib.SMTP(host, port, timeout=timeout)
        # Never set_debuglevel: smtplib's debug output prints the AUTH exchange.
        with client:
            client.ehlo()
            if settings.security == "starttls":
                if not client.has_extn("starttls"):
                    raise smtplib.SMTPNotSupportedError(
                        "server does not offer STARTTLS; set security to ssl, or none"
                    )
                client.starttls(context=context)
                client.ehlo()
            if settings.user:
                _login(client, settings, password)
            yield client
    except MailError:
        raise
    except (smtplib.SMTPException, OSError) as exc:
        cause = _redact(_cause(exc, settings), password)
        raise MailError(f"SMTP {settings.server}: {cause}") from None


def _login(client: smtplib.SMTP, settings: SmtpSettings, password: str) -> None:
    """Log in; smtplib sends only ASCII, so other text goes as UTF-8 over AUTH PLAIN."""
    if (settings.user + password).isascii():
        client.login(settings.user, password)
        return
    if "PLAIN" not in client.esmtp_features.get("auth", "").upper().split():
        raise MailError(
            f"SMTP {settings.server}: the user name or password holds non-ASCII characters, "
            "which need AUTH PLAIN, and the server does not offer it"
        )
    try:
        secret = f"\0{settings.user}\0{password}".encode()
    except UnicodeEncodeError:
        raise MailError("the SMTP user name or password is not valid text") from None
    code, reply = client.docmd("AUTH", "PLAIN " + base64.b64encode(secret).decode("ascii"))
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def send(
    settings: SmtpSettings, password: str, sender: str, recipients: Sequence[str], data: bytes
) -> Delivery:
    """Send data exactly as given (smtplib only dot-stuffs it) to the envelope recipients."""
    options = [] if data.isascii() else ["BODY=8BITMIME"]
    with connected(settings, password) as client:
        log.info("sending %d bytes to %s via %s", len(data), len(recipients), settings.server)
        refused = client.sendmail(sender, list(recipients), data, mail_options=options)
    reasons = {r: _reply(code, text) for r, (code, text) in refused.items()}
    accepted = tuple(r for r in recipients if r not in refused)
    return Delivery(settings.server, accepted, reasons)
