"""The MIME message: structure, encodings, headers that cannot be injected."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest

from askspec.errors import MailError
from askspec.mail.message import (
    Attachment,
    Envelope,
    build_message,
    clean_body,
    intended_headers,
    parse_address,
    verify_headers,
)
from askspec.request.render import markdown_html

DAY = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
TEXT = "Hello Zoë,\n\n- [ ] IN-1 What goes in?\n- [x] OUT-1 What comes out?\n"
HTML = str(markdown_html(TEXT))
ENVELOPE = Envelope(
    "Questions about Café: inputs", "Jörg Müller <jorg@example.com>", ("a@example.com",)
)


def parsed(msg: EmailMessage) -> EmailMessage:
    """The message as a receiver reads it."""
    back = message_from_bytes(msg.as_bytes(), policy=policy.default)
    assert isinstance(back, EmailMessage)
    return back


def test_alternative_plain_first_html_last_with_boxes_as_characters() -> None:
    msg = parsed(build_message(ENVELOPE, TEXT, HTML, date=DAY))
    assert msg.get_content_type() == "multipart/alternative"
    plain, html = msg.iter_parts()
    assert plain.get_content_type() == "text/plain"
    assert html.get_content_type() == "text/html"
    assert "Zoë" in plain.get_content()
    body = html.get_content()
    assert "<input" not in body
    assert body.count("☐") + body.count("☑") == 2 and "☑" in body


def test_non_ascii_headers_are_encoded_and_survive() -> None:
    raw = build_message(ENVELOPE, TEXT, HTML, date=DAY).as_bytes()
    assert raw.isascii(), "7-bit encodings only, so any server accepts the bytes"
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert b"=?utf-8?" in head
    msg = parsed(build_message(ENVELOPE, TEXT, HTML, date=DAY))
    assert msg["Subject"] == "Questions about Café: inputs"
    assert msg["From"].addresses[0].display_name == "Jörg Müller"


def test_draft_is_deterministic_and_marked_unsent() -> None:
    first = build_message(ENVELOPE, TEXT, HTML, date=DAY)
    second = build_message(ENVELOPE, TEXT, HTML, date=DAY)
    assert first.as_bytes() == second.as_bytes()
    assert first["X-Unsent"] == "1"
    assert first["Date"] == "Mon, 06 May 2024 07:08:09 +0000"
    assert first["Message-ID"].endswith("@example.com>")


def test_real_send_has_unique_id_current_date_and_no_unsent_mark() -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    one = build_message(ENVELOPE, TEXT, HTML, draft=False, unique_id=True)
    two = build_message(ENVELOPE, TEXT, HTML, draft=False, unique_id=True)
    assert one["Message-ID"] != two["Message-ID"]
    assert one["Message-ID"].endswith("@example.com>")
    assert "X-Unsent" not in one
    assert one["Date"].datetime >= before


def test_attachments_wrap_the_alternative_in_mixed() -> None:
    files = [Attachment("request.md", "# Request\n\n- [ ] IN-1\n", "markdown")]
    msg = parsed(build_message(ENVELOPE, TEXT, HTML, date=DAY, attachments=files))
    assert msg.get_content_type() == "multipart/mixed"
    alternative, attached = msg.iter_parts()
    assert alternative.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in alternative.iter_parts()] == ["text/plain", "text/html"]
    assert attached.get_filename() == "request.md"
    assert attached.get_content_type() == "text/markdown"
    assert attached.get_content().replace("\r\n", "\n") == "# Request\n\n- [ ] IN-1\n"


INJECTIONS = [
    Envelope("Hi\r\nBcc: evil@example.com", "me@example.com", ("a@example.com",)),
    Envelope("Hi\nX-Evil: 1", "me@example.com", ("a@example.com",)),
    Envelope("Hi\x00", "me@example.com", ("a@example.com",)),
    Envelope("Hi\u2028there", "me@example.com", ("a@example.com",)),
    Envelope("Hi", "me@example.com", ("a@example.com\r\nBcc: evil@example.com",)),
    Envelope("Hi", "Me\n <me@example.com>", ("a@example.com",)),
    Envelope("Hi", "me@example.com", ("a@example.com",), ("c@example.com\rBcc: e@x.org",)),
    # Encoded words decode to control characters inside the parser: checked after parsing.
    Envelope("Hi", "=?utf-8?q?Evil=1BName?= <me@example.com>", ("a@example.com",)),
    Envelope("Hi", "=?utf-8?q?Evil=0D=0ABcc:_e@x.org?= <me@example.com>", ("a@example.com",)),
]


@pytest.mark.hostile
@pytest.mark.parametrize("envelope", INJECTIONS)
def test_header_injection_is_refused(envelope: Envelope) -> None:
    with pytest.raises(MailError, match="control character|not a .*valid address"):
        build_message(envelope, TEXT, HTML, date=DAY)


@pytest.mark.hostile
def test_encoded_word_in_subject_cannot_smuggle_a_different_subject() -> None:
    # The literal text would be decoded by a receiver into something else; refuse it.
    envelope = Envelope("=?utf-8?q?Other=0ABcc:_e@x.org?=", "me@example.com", ("a@example.com",))
    with pytest.raises(MailError, match="Subject header did not survive encoding"):
        build_message(envelope, TEXT, HTML, date=DAY)


@pytest.mark.parametrize(
    "value",
    [
        "plain",
        "a@b",
        "a@-b.com",
        "a@b..com",
        "a@example.com, b@example.com",
        "jörg@example.com",
        "<>",
        "",
    ],
)
def test_invalid_addresses_are_refused(value: str) -> None:
    with pytest.raises(MailError):
        parse_address(value, "To")


def test_international_domain_becomes_punycode() -> None:
    address = parse_address("Zoë <zoe@exämple.com>", "To")
    assert address.domain == "xn--exmple-cua.com"
    assert address.display_name == "Zoë"


def test_body_control_characters_are_replaced() -> None:
    assert clean_body("a\x00b\x1b[31mc\r\nd\re\tf") == "a\ufffdb\ufffd[31mc\nd\ne\tf"


def test_verify_headers_catches_a_header_that_was_added() -> None:
    msg = build_message(ENVELOPE, TEXT, HTML, date=DAY)
    wanted = intended_headers(ENVELOPE, DAY, True, False, TEXT + ENVELOPE.subject)
    msg["Bcc"] = "evil@example.com"
    with pytest.raises(MailError, match="appears|unexpected headers: bcc"):
        verify_headers(msg, wanted)


def test_verify_headers_catches_a_changed_recipient() -> None:
    msg = build_message(ENVELOPE, TEXT, HTML, date=DAY)
    wanted = intended_headers(ENVELOPE, DAY, True, False, TEXT + ENVELOPE.subject)
    del msg["To"]
    msg["To"] = "other@example.com"
    with pytest.raises(MailError, match="To header did not survive"):
        verify_headers(msg, wanted)


def test_an_unaddressed_draft_has_no_from_or_to() -> None:
    msg = build_message(Envelope("Hi"), TEXT, HTML, date=DAY)
    assert msg["To"] is None and msg["From"] is None
    assert msg["Message-ID"].endswith("@askspec.invalid>")
