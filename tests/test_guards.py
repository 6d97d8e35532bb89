"""The safety guards themselves: each refuses what it exists to refuse."""

from __future__ import annotations

import email
import os
from datetime import UTC, datetime
from email import policy
from pathlib import Path

import pytest

from askspec.errors import MailError, SeedsError
from askspec.mail.message import (
    Envelope,
    build_message,
    intended_headers,
    parse_address,
    verify_headers,
)
from askspec.output import TEMP_PREFIX, write_outputs
from askspec.read.folder import Entry
from askspec.scan import scan, scan_chunk


def test_interrupt_while_writing_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync
    calls: list[int] = []

    def interrupted(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_outputs(tmp_path, {"a.txt": b"A", "b.txt": b"B", "c.txt": b"C"})
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "value",
    [
        "a@exa_mple.com",
        "a@-bad.example.com",
        "a@localhost",
        "a@" + "x" * 70 + ".com",
        "a@\u2603\u0300.com.",
    ],
)
def test_bad_domains_are_refused(value: str) -> None:
    with pytest.raises(MailError, match="invalid domain|not a"):
        parse_address(value, "To")


def built() -> tuple[object, object]:
    envelope = Envelope("Subject", "a@example.org", ("b@example.org",))
    # One fixed date for both, so that a second ticking over between them changes nothing.
    when = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
    msg = build_message(envelope, "text", "<p>html</p>", date=when)
    wanted = intended_headers(envelope, when, True, False, "text" + "Subject")
    return msg, wanted


def test_a_duplicated_header_is_caught() -> None:
    msg, wanted = built()
    # The modern policy refuses a second Subject; an old-style copy of the message does not.
    raw = email.message_from_bytes(msg.as_bytes(), policy=policy.compat32)  # type: ignore[attr-defined]
    raw["Subject"] = "Second"
    with pytest.raises(MailError, match="appears 2 times"):
        verify_headers(raw, wanted)  # type: ignore[arg-type]


def test_an_unexpected_header_is_caught() -> None:
    msg, wanted = built()
    msg["Bcc"] = "spy@example.org"  # type: ignore[index]
    with pytest.raises(MailError, match="unexpected headers: bcc"):
        verify_headers(msg, wanted)  # type: ignore[arg-type]


def test_a_changed_structure_is_caught() -> None:
    msg, wanted = built()
    html = msg.get_payload()[1]  # type: ignore[attr-defined]
    msg.set_payload([html, msg.get_payload()[0]])  # type: ignore[attr-defined]
    with pytest.raises(MailError, match="not text/plain then text/html"):
        verify_headers(msg, wanted)  # type: ignore[arg-type]


def test_seeds_that_are_neither_file_nor_folder(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(SeedsError, match="not a folder or a regular file"):
        scan(fifo)


def test_scan_chunk_finishes_each_row(tmp_path: Path) -> None:
    spec = (
        "# Requirements\n\n- REQ-1: The system MUST log every reading.\n"
        "- REQ-2: The system SHALL send an alert within 10 minutes.\n"
    )
    (tmp_path / "a.md").write_text(spec, encoding="utf-8")
    entry = Entry("a.md", str(tmp_path / "a.md"), (tmp_path / "a.md").stat().st_size)
    assert scan_chunk(([entry], lambda row: row.kind.value, None)) == [("a.md", "spec")]


def test_no_temporary_file_survives_a_failed_run(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"keep")
    with pytest.raises(Exception, match="refusing to overwrite"):
        write_outputs(tmp_path, {"a.txt": b"new"})
    assert not list(tmp_path.glob(TEMP_PREFIX + "*"))
