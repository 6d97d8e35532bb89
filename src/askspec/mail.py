"""Build the request as a standards-conformant MIME message; nothing here sends it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from askspec.errors import MailError

#: Shown when no address was given, so the draft is visibly incomplete.
PLACEHOLDER_TO = "stakeholder@example.invalid"
PLACEHOLDER_FROM = "askspec@example.invalid"
CONTROL = {chr(c) for c in range(32)} | {"\x7f", "\u2028", "\u2029", "\x85"}


@dataclass(frozen=True)
class Envelope:
    """Who the message is from and to, and what it is called."""

    subject: str
    sender: str = ""
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()


def clean_header(value: str, what: str) -> str:
    """Refuse any control character in a header value: no header can be injected."""
    if any(ch in CONTROL for ch in value):
        raise MailError(f"{what} contains a line break or control character: {value!r}")
    return value


def parse_address(value: str, what: str) -> Address:
    """An address from ``user@host`` or ``Name <user@host>``, validated."""
    from email.headerregistry import HeaderRegistry

    clean_header(value, what)
    try:
        header = HeaderRegistry()("to", value)
        addresses = header.addresses  # type: ignore[attr-defined]
    except (IndexError, ValueError, TypeError) as exc:
        raise MailError(f"{what} is not a valid address: {value!r}") from exc
    if len(addresses) != 1 or header.defects:
        raise MailError(f"{what} is not a single valid address: {value!r}")
    address: Address = addresses[0]
    if not address.username or "." not in address.domain:
        raise MailError(f"{what} is not a valid address: {value!r}")
    return address


def message_id(body: str, domain: str) -> str:
    """A Message-ID derived from the content, so the same request gives the same bytes."""
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:24]
    return f"<{digest}@{domain}>"


def build_message(
    envelope: Envelope, text: str, html: str, date: datetime | None = None, draft: bool = True
) -> EmailMessage:
    """multipart/alternative: text/plain first, text/html last; headers checked after building."""
    sender = parse_address(envelope.sender or PLACEHOLDER_FROM, "From")
    to = [parse_address(a, "To") for a in envelope.to or (PLACEHOLDER_TO,)]
    cc = [parse_address(a, "Cc") for a in envelope.cc]
    subject = clean_header(envelope.subject, "Subject")
    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = subject
    msg["From"] = sender
    msg["To"] = to
    if cc:
        msg["Cc"] = cc
    when = date or datetime.now(UTC)
    msg["Date"] = format_datetime(when if when.tzinfo else when.replace(tzinfo=UTC))
    msg["Message-ID"] = message_id(text + subject, sender.domain)
    msg["MIME-Version"] = "1.0"
    if draft:
        msg["X-Unsent"] = "1"
    msg.set_content(text, subtype="plain", charset="utf-8")
    msg.add_alternative(html, subtype="html", charset="utf-8")
    # A boundary derived from the content keeps the bytes reproducible; a hash of the
    # parts cannot occur inside them by accident.
    msg.set_boundary("askspec-" + hashlib.sha256((text + html).encode("utf-8")).hexdigest()[:32])
    verify_headers(msg, subject, [str(a) for a in to], [str(a) for a in cc])
    return msg


def verify_headers(msg: EmailMessage, subject: str, to: list[str], cc: list[str]) -> None:
    """Parse the message back and compare its headers with what was intended."""
    from email import message_from_bytes

    parsed = message_from_bytes(msg.as_bytes(), policy=policy.default)
    expected = {"subject": subject, "to": ", ".join(to)}
    if cc:
        expected["cc"] = ", ".join(cc)
    for name, value in expected.items():
        got = str(parsed.get(name, ""))
        if " ".join(got.split()) != " ".join(value.split()):
            raise MailError(f"{name.title()} header did not survive encoding: {got!r}")
    known = {k.lower() for k in msg}
    extra = {k.lower() for k in parsed} - known - {"content-type"}
    if extra:
        raise MailError(f"message grew unexpected headers: {', '.join(sorted(extra))}")
