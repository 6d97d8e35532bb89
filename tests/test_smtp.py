"""smtp.py against a real aiosmtpd server on 127.0.0.1: TLS, AUTH, refusals and failures."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from askspec.config.smtp import SmtpSettings
from askspec.errors import MailError
from askspec.mail.smtp import connected, send
from smtp_server import HOST, PASSWORD, USER, Server, StartServer

DATA = b"Subject: hi\r\nFrom: a@example.com\r\nTo: b@example.com\r\n\r\nline\r\n.dot line\r\n"
SENDER = "a@example.com"


def settings_for(server: Server, security: str, **changes: object) -> SmtpSettings:
    """Settings pointing at the test server, trusting its CA."""
    values: dict[str, object] = {
        "host": HOST,
        "port": server.port,
        "user": USER,
        "security": security,
        "cafile": server.certs.ca,
        "timeout": 5.0,
    }
    values.update(changes)
    return SmtpSettings(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_delivers_exact_bytes_over_tls_and_authenticated(
    smtp_server: StartServer, mode: str
) -> None:
    server = smtp_server(mode)
    delivery = send(settings_for(server, mode), PASSWORD, SENDER, ["b@example.com"], DATA)
    assert delivery.accepted == ("b@example.com",)
    assert delivery.refused == {}
    [got] = server.messages
    # smtplib dot-stuffs ".dot line" and the server undoes it: the bytes arrive unchanged.
    assert got.data == DATA
    assert got.tls is True
    assert got.login == USER.encode()
    assert got.mail_from == SENDER
    assert got.rcpt_tos == ("b@example.com",)


def test_clear_text_server_without_login(smtp_server: StartServer) -> None:
    server = smtp_server("none", auth=False)
    send(settings_for(server, "none", user=""), "", SENDER, ["b@example.com"], DATA)
    [got] = server.messages
    assert got.tls is False
    assert got.login is None


def test_untrusted_certificate_is_refused(smtp_server: StartServer) -> None:
    server = smtp_server("starttls")
    with pytest.raises(MailError, match="TLS certificate not trusted") as caught:
        send(settings_for(server, "starttls", cafile=None), PASSWORD, SENDER, ["b@x.org"], DATA)
    assert f"{HOST}:{server.port}" in str(caught.value)
    assert server.messages == []


def test_starttls_demanded_from_a_server_without_it(smtp_server: StartServer) -> None:
    server = smtp_server("none", auth=False)
    with pytest.raises(MailError, match="does not offer STARTTLS"):
        send(settings_for(server, "starttls", user=""), "", SENDER, ["b@x.org"], DATA)
    assert server.messages == []


def test_refused_login_names_user_and_never_the_password(smtp_server: StartServer) -> None:
    server = smtp_server("starttls")
    wrong = "wrong-" + PASSWORD
    with pytest.raises(MailError) as caught:
        send(settings_for(server, "starttls"), wrong, SENDER, ["b@example.com"], DATA)
    message = str(caught.value)
    assert message.startswith(f"SMTP {HOST}:{server.port}: login refused for {USER}: 535")
    assert wrong not in message
    assert server.messages == []


def test_some_recipients_refused_are_reported(smtp_server: StartServer) -> None:
    server = smtp_server("starttls", refuse={"gone@example.com"})
    rcpts = ["b@example.com", "gone@example.com"]
    delivery = send(settings_for(server, "starttls"), PASSWORD, SENDER, rcpts, DATA)
    assert delivery.accepted == ("b@example.com",)
    assert delivery.refused == {"gone@example.com": "550 5.1.1 mailbox unavailable"}
    assert [m.rcpt_tos for m in server.messages] == [("b@example.com",)]


def test_every_recipient_refused_is_an_error(smtp_server: StartServer) -> None:
    server = smtp_server("starttls", refuse={"gone@example.com"})
    with pytest.raises(MailError, match=r"every recipient refused: gone@example.com \(550"):
        send(settings_for(server, "starttls"), PASSWORD, SENDER, ["gone@example.com"], DATA)
    assert server.messages == []


def free_port() -> int:
    """A port nothing listens on: bound, read, then closed."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
    return port


def test_closed_port_is_one_clear_line() -> None:
    port = free_port()
    settings = SmtpSettings(host=HOST, port=port, security="none")
    with pytest.raises(MailError) as caught:
        send(settings, "", SENDER, ["b@example.com"], DATA)
    assert str(caught.value) == (
        f"SMTP {HOST}:{port}: connection refused (is the server running on that port?)"
    )


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never says a word."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        sock.listen(1)
        yield sock.getsockname()[1]


def test_silent_server_times_out(silent_port: int) -> None:
    settings = SmtpSettings(host=HOST, port=silent_port, security="none", timeout=0.3)
    with pytest.raises(MailError, match=rf"^SMTP {HOST}:{silent_port}: timed out after 0.3 s$"):
        send(settings, "", SENDER, ["b@example.com"], DATA)


def test_missing_host_is_refused_before_any_connection() -> None:
    with pytest.raises(MailError, match="no SMTP server"):
        send(SmtpSettings(), "", SENDER, ["b@example.com"], DATA)


def test_bad_ca_file_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "ca.pem"
    bad.write_text("not a certificate\n")
    settings = SmtpSettings(host=HOST, port=free_port(), cafile=bad)
    with pytest.raises(MailError, match="cannot load the CA file"):
        send(settings, "", SENDER, ["b@example.com"], DATA)


def test_debug_output_stays_off_and_password_never_logged(
    smtp_server: StartServer, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    server = smtp_server("starttls")
    caplog.set_level(logging.DEBUG)
    with connected(settings_for(server, "starttls"), PASSWORD) as client:
        # smtplib's debug output would print the AUTH exchange, password included.
        assert client.debuglevel == 0
        client.sendmail(SENDER, ["b@example.com"], DATA)
    out, err = capfd.readouterr()
    assert PASSWORD not in out + err + caplog.text
    assert len(server.messages) == 1


@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_non_ascii_password_logs_in_with_utf8_auth_plain(
    smtp_server: StartServer, mode: str
) -> None:
    password = "Pässwörd-ĳ-密码"
    server = smtp_server(mode, password=password)
    send(settings_for(server, mode), password, SENDER, ["b@example.com"], DATA)
    assert server.logins == [(USER.encode(), password.encode())]
    assert len(server.messages) == 1


def test_non_ascii_password_refused_by_the_server_is_one_clear_line(
    smtp_server: StartServer,
) -> None:
    server = smtp_server("starttls")
    with pytest.raises(MailError) as caught:
        send(settings_for(server, "starttls"), "Pässwörd", SENDER, ["b@example.com"], DATA)
    assert str(caught.value).startswith(f"SMTP {HOST}:{server.port}: login refused for {USER}")
    assert "Pässwörd" not in str(caught.value)


def test_non_ascii_password_without_auth_plain_is_one_clear_line(
    smtp_server: StartServer,
) -> None:
    server = smtp_server("starttls", without=("PLAIN",))
    with pytest.raises(MailError, match="non-ASCII characters, which need AUTH PLAIN") as caught:
        send(settings_for(server, "starttls"), "Pässwörd", SENDER, ["b@example.com"], DATA)
    assert "\n" not in str(caught.value)
    assert (server.logins, server.messages) == ([], [])


def test_clear_text_login_is_refused_unless_allowed(smtp_server: StartServer) -> None:
    server = smtp_server("none")
    with pytest.raises(MailError, match="refusing to send the password for mailer .* clear text"):
        send(settings_for(server, "none"), PASSWORD, SENDER, ["b@example.com"], DATA)
    assert (server.greetings, server.logins) == ([], [])
    send(settings_for(server, "none", plaintext_auth=True), PASSWORD, SENDER, ["b@x.org"], DATA)
    assert server.logins == [(USER.encode(), PASSWORD.encode())]


class Scripted:
    """A one-connection server that greets, then answers each command with the next reply,
    and hangs up when the replies run out: the refusals real servers give, on cue."""

    def __init__(self, greeting: bytes, replies: list[bytes]) -> None:
        import threading

        self.sock = socket.socket()
        self.sock.bind((HOST, 0))
        self.sock.listen(1)
        self.port: int = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self.serve, args=(greeting, replies), daemon=True)
        self.thread.start()

    def serve(self, greeting: bytes, replies: list[bytes]) -> None:
        conn, _ = self.sock.accept()
        with conn, conn.makefile("rb") as lines:
            conn.sendall(greeting)
            for reply in replies:
                if not lines.readline():
                    return
                conn.sendall(reply)

    def close(self) -> None:
        self.thread.join(timeout=5)
        self.sock.close()


EHLO = b"250-smtp.example.test\r\n250 8BITMIME\r\n"


@pytest.mark.parametrize(
    ("greeting", "replies", "security", "cause"),
    [
        (
            b"220 smtp.example.test\r\n",
            [EHLO, b"553-5.7.1 sender refused\r\n553 5.7.1 by policy\r\n"],
            "none",
            "sender a@example.com refused: 553 5.7.1 sender refused 5.7.1 by policy",
        ),
        (
            b"554 5.3.2 no service today\r\n",
            [],
            "none",
            "server refused: 554 5.3.2 no service today",
        ),
        (b"220 smtp.example.test\r\n", [], "none", "server closed the connection"),
        (b"220 smtp.example.test\r\n", [], "ssl", "TLS failed ("),
    ],
)
def test_a_server_refusing_or_hanging_up_is_one_clear_line(
    greeting: bytes, replies: list[bytes], security: str, cause: str
) -> None:
    server = Scripted(greeting, replies)
    try:
        settings = SmtpSettings(host=HOST, port=server.port, security=security, timeout=5.0)
        with pytest.raises(MailError) as caught:
            send(settings, "", SENDER, ["b@example.com"], DATA)
    finally:
        server.close()
    assert str(caught.value).startswith(f"SMTP {HOST}:{server.port}: {cause}"), caught.value
    assert "\n" not in str(caught.value)
