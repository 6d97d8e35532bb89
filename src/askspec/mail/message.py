"""Build the request as a standards-conformant MIME message; nothing here sends it."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.headerregistry import Address, HeaderRegistry
from email.message import EmailMessage, Message
from email.utils import format_datetime, make_msgid

from askspec.errors import MailError
from askspec.mail.body import email_html, wrap_text

#: The domain of a draft's Message-ID when no sender was given; a draft without From
#: or To has no address anyone could send it to, so mail clients ask for one.
DRAFT_DOMAIN = "askspec.invalid"
CONTROL = {chr(c) for c in range(32)} | {"\x7f", "\u2028", "\u2029", "\x85"}
#: Control characters a text body may keep; the rest are replaced (NUL and ESC have no
#: place in mail, and some clients act on terminal escapes).
BODY_KEEPS = {"\n", "\t"}
DOMAIN_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
#: 7-bit transfer encodings only (quoted-printable or base64 for non-ASCII text), so the
#: saved bytes are exactly the bytes every SMTP server accepts, 8BITMIME or not.
MAIL_POLICY = policy.SMTP.clone(cte_type="7bit")


@dataclass(frozen=True)
class Envelope:
    """Who the message is from and to, and what it is called."""

    subject: str
    sender: str = ""
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()


@dataclass(frozen=True)
class Attachment:
    """A text file attached to the message, e.g. request.md."""

    filename: str
    content: str
    subtype: str = "plain"


def clean_header(value: str, what: str) -> str:
    """Refuse any control character in a header value: no header can be injected."""
    if any(ch in CONTROL for ch in value):
        raise MailError(f"{what} contains a line break or control character: {value!r}")
    return value


def clean_body(text: str) -> str:
    """Body text with line breaks normalised and other control characters replaced."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join("\ufffd" if ch in CONTROL and ch not in BODY_KEEPS else ch for ch in text)


def _ascii_domain(domain: str, what: str, value: str) -> str:
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise MailError(f"{what} has an invalid domain: {value!r}") from None
    labels = ascii_domain.split(".")
    if len(labels) < 2 or not all(DOMAIN_LABEL.match(label) for label in labels):
        raise MailError(f"{what} has an invalid domain: {value!r}")
    return ascii_domain


def parse_address(value: str, what: str) -> Address:
    """An address from ``user@host`` or ``Name <user@host>``, validated.

    The parser is the one the message is serialised with, so what passes here is what
    the message will say. No DNS lookups: a check must not touch the network.
    """
    clean_header(value, what)
    try:
        header = HeaderRegistry()("to", value)
        addresses = header.addresses  # type: ignore[attr-defined]
    except (IndexError, ValueError, TypeError) as exc:
        raise MailError(f"{what} is not a valid address: {value!r}") from exc
    if len(addresses) != 1 or header.defects:
        raise MailError(f"{what} is not a single valid address: {value!r}")
    address: Address = addresses[0]
    # Encoded words (=?utf-8?q?...?=) are decoded by the parser: check what they became.
    clean_header(address.display_name, f"{what} name")
    if not address.username or not address.username.isascii():
        raise MailError(f"{what} needs an ASCII user part: {value!r}")
    domain = _ascii_domain(address.domain, what, value)
    return Address(address.display_name, address.username, domain)


def message_id(body: str, domain: str) -> str:
    """A Message-ID derived from the content, so the same request gives the same bytes."""
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:24]
    return f"<{digest}@{domain}>"


@dataclass(frozen=True)
class Headers:
    """The headers a message is meant to carry, checked again after serialising."""

    subject: str
    sender: Address | None
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    date: str
    message_id: str
    draft: bool

    def expected(self) -> dict[str, str]:
        """Header name (lower case) to intended value."""
        found = {
            "subject": self.subject,
            "date": self.date,
            "message-id": self.message_id,
            "mime-version": "1.0",
        }
        if self.sender is not None:
            found["from"] = str(self.sender)
        if self.to:
            found["to"] = ", ".join(str(a) for a in self.to)
        if self.cc:
            found["cc"] = ", ".join(str(a) for a in self.cc)
        if self.draft:
            found["x-unsent"] = "1"
        return found


def intended_headers(
    envelope: Envelope, date: datetime | None, draft: bool, unique_id: bool, body: str
) -> Headers:
    """Validate addresses and subject and fix Date and Message-ID before building."""
    sender = parse_address(envelope.sender, "From") if envelope.sender else None
    to = tuple(parse_address(a, "To") for a in envelope.to)
    cc = tuple(parse_address(a, "Cc") for a in envelope.cc)
    subject = clean_header(envelope.subject, "Subject")
    when = date or datetime.now(UTC)
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    # A real send needs a world-unique ID; a generated draft keeps a reproducible one.
    domain = sender.domain if sender is not None else DRAFT_DOMAIN
    msgid = make_msgid(domain=domain) if unique_id else message_id(body, domain)
    return Headers(subject, sender, to, cc, format_datetime(when), msgid, draft)


def build_message(
    envelope: Envelope,
    text: str,
    html: str,
    date: datetime | None = None,
    draft: bool = True,
    attachments: Sequence[Attachment] = (),
    unique_id: bool = False,
) -> EmailMessage:
    """multipart/alternative (text/plain first, text/html last), in multipart/mixed when
    files are attached; headers checked after building."""
    text = clean_body(wrap_text(text))
    wanted = intended_headers(envelope, date, draft, unique_id, text + envelope.subject)
    msg = EmailMessage(policy=MAIL_POLICY)
    msg["Subject"] = wanted.subject
    if wanted.sender is not None:
        msg["From"] = wanted.sender
    if wanted.to:
        msg["To"] = wanted.to
    if wanted.cc:
        msg["Cc"] = wanted.cc
    msg["Date"] = wanted.date
    msg["Message-ID"] = wanted.message_id
    msg["MIME-Version"] = "1.0"
    if draft:
        msg["X-Unsent"] = "1"
    msg.set_content(text, subtype="plain", charset="utf-8")
    msg.add_alternative(clean_body(email_html(html)), subtype="html", charset="utf-8")
    for item in attachments:
        msg.add_attachment(
            clean_body(item.content), subtype=item.subtype, charset="utf-8", filename=item.filename
        )
    set_boundaries(msg)
    verify_headers(msg, wanted)
    return msg


def set_boundaries(msg: EmailMessage) -> None:
    """MIME boundaries from a digest of the parts instead of random ones: the same request
    gives the same bytes, and no part can contain a boundary it cannot know in advance."""
    digest = hashlib.sha256()
    for part in msg.walk():
        if not part.is_multipart():  # leaf parts hold no boundary, so they hash stably
            digest.update(part.as_bytes())
    multiparts = [part for part in msg.walk() if part.is_multipart()]
    for number, part in enumerate(multiparts):
        part.set_boundary(f"=_askspec_{digest.hexdigest()[:32]}_{number}")


def _same(got: str, want: str) -> bool:
    return " ".join(got.split()) == " ".join(want.split())


def verify_headers(msg: EmailMessage, wanted: Headers) -> None:
    """Parse the serialised message back and compare headers and structure with the intent.

    Catches what the email package can still be tricked into: an encoded word that decodes
    to something else, a header that appears twice, a header nobody asked for.
    """
    parsed = message_from_bytes(msg.as_bytes(), policy=policy.default)
    for name, value in wanted.expected().items():
        values = parsed.get_all(name) or []
        if len(values) != 1:
            raise MailError(f"{name.title()} header appears {len(values)} times, not once")
        got = str(values[0])
        if not _same(got, value) or any(ch in CONTROL for ch in got):
            raise MailError(f"{name.title()} header did not survive encoding: {got!r}")
    for name in ("to", "cc"):
        got_addresses = parsed[name].addresses if parsed[name] else ()
        want_addresses = getattr(wanted, name)
        if [a.addr_spec for a in got_addresses] != [a.addr_spec for a in want_addresses]:
            raise MailError(f"{name.title()} addresses changed in encoding")
    known = set(wanted.expected()) | {"content-type", "content-transfer-encoding"}
    if extra := {k.lower() for k in parsed} - known:
        raise MailError(f"message grew unexpected headers: {', '.join(sorted(extra))}")
    _verify_structure(parsed)


def _verify_structure(parsed: Message) -> None:
    """text/plain first and text/html last inside multipart/alternative."""
    alternative = parsed
    if parsed.get_content_type() == "multipart/mixed":
        alternative = _parts(parsed)[0] if _parts(parsed) else parsed
    kinds = [part.get_content_type() for part in _parts(alternative)]
    if alternative.get_content_type() != "multipart/alternative" or kinds != [
        "text/plain",
        "text/html",
    ]:
        raise MailError(f"message structure is not text/plain then text/html: {kinds}")


def _parts(msg: Message) -> list[Message]:
    payload = msg.get_payload()
    return [p for p in payload if isinstance(p, Message)] if isinstance(payload, list) else []
