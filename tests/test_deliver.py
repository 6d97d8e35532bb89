"""`askspec email` end to end against a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import sys
from collections.abc import Callable
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from askspec.cli import app
from askspec.cli.email import EmailJob, email, email_report
from askspec.generate import Options
from smtp_server import HOST, PASSWORD, USER, Server, StartServer

SEEDS = {"notes.md": "# Notes\n\nThe service must accept CSV uploads from Zoë's team.\n"}
TO = "Ana Müller <ana@example.com>"
SENDER = "Me <me@example.com>"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder: settings are read from ./pyproject.toml."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def seeds(make_tree: Callable[..., Path]) -> Path:
    """A one-file seeds folder."""
    return make_tree(SEEDS)


def run(args: list[str], env: dict[str, str] | None = None) -> Result:
    """Invoke the CLI the way a user would, with stdout and stderr kept apart."""
    return CliRunner().invoke(app, ["email", *args], env=env)


def sent_args(seeds: Path, *extra: str) -> list[str]:
    """A --send command line with one To and one Cc."""
    return [str(seeds), "--to", TO, "--cc", "bo@example.com", "--from", SENDER, *extra]


def toml_table(name: str, values: dict[str, object]) -> str:
    """A TOML table; JSON's strings, numbers and booleans are TOML's too."""
    lines = [f"{key} = {json.dumps(value)}\n" for key, value in values.items() if value is not None]
    return f"[{name}]\n" + "".join(lines)


def own_table(server: Server, security: str = "starttls", **values: object) -> str:
    """The user's [smtp] table: the server, its CA, the user and the password."""
    own: dict[str, object] = {"host": HOST, "port": server.port, "security": security}
    own |= {"cafile": str(server.certs.ca), "timeout": 5, "user": USER, "password": PASSWORD}
    return toml_table("smtp", own | values)


def write_user_config(home: Path, text: str) -> Path:
    """The user's private config file (mode 600)."""
    path = home / ".config" / "askspec" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return path


def plant(folder: Path, **values: object) -> Path:
    """A project's pyproject.toml with [tool.askspec.smtp] settings, as an attacker would."""
    path = folder / "pyproject.toml"
    path.write_text(toml_table("tool.askspec.smtp", values), encoding="utf-8")
    return path


def assert_untouched(*servers: Server) -> None:
    """No server was even greeted, so no AUTH and no password reached it."""
    for server in servers:
        assert (server.greetings, server.logins, server.messages) == ([], [], [])


def test_without_send_writes_a_draft_and_touches_no_server(
    seeds: Path, smtp_server: StartServer, in_tmp: Path
) -> None:
    server = smtp_server()
    r = run([str(seeds), "--to", TO], env=server.env("starttls"))
    assert r.exit_code == 0, r.output
    saved = (in_tmp / "request.eml").read_bytes()
    assert b"\r\nX-Unsent: 1\r\n" in saved
    assert server.messages == []
    assert f"wrote request.eml ({len(saved)} bytes)" in r.stdout
    assert f"To: {TO}" in r.stdout
    assert f"Server: {HOST}:{server.port} (starttls, user {USER})" in r.stdout
    assert r.stdout.rstrip().endswith("not sent: add --send to deliver it")
    assert r.stderr == ""


def test_without_send_no_connection_is_even_attempted(
    seeds: Path, smtp_server: StartServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the network was touched without --send")

    env = smtp_server().env("starttls")  # started first: starting it connects once
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    r = run([str(seeds), "--to", TO, "--from", SENDER], env=env)
    assert r.exit_code == 0, r.output
    monkeypatch.undo()  # before the server's teardown, which connects to stop it


def test_send_delivers_exactly_the_saved_bytes_once(
    seeds: Path, smtp_server: StartServer, in_tmp: Path
) -> None:
    server = smtp_server()
    r = run(sent_args(seeds, "--send"), env=server.env("starttls"))
    assert r.exit_code == 0, r.output
    saved = (in_tmp / "request.eml").read_bytes()
    [got] = server.messages
    assert got.data == saved
    assert got.rcpt_tos == ("ana@example.com", "bo@example.com")
    assert got.mail_from == "me@example.com"
    assert (got.tls, got.login) == (True, USER.encode())
    assert b"X-Unsent" not in saved
    assert f"sent via {HOST}:{server.port} to ana@example.com, bo@example.com" in r.stdout
    assert PASSWORD not in r.stdout + r.stderr
    assert PASSWORD.encode() not in saved
    assert r.stderr == ""


def test_second_send_refuses_to_overwrite_the_sent_copy(
    seeds: Path, smtp_server: StartServer
) -> None:
    server = smtp_server()
    assert run(sent_args(seeds, "--send"), env=server.env("starttls")).exit_code == 0
    r = run(sent_args(seeds, "--send"), env=server.env("starttls"))
    assert r.exit_code == 4
    assert "refusing to overwrite request.eml (use --force)" in r.stderr
    assert len(server.messages) == 1


def test_json_says_what_was_saved_and_who_accepted_it(
    seeds: Path, smtp_server: StartServer, in_tmp: Path
) -> None:
    server = smtp_server()
    draft = run([str(seeds), "--to", TO, "--json"], env=server.env("starttls"))
    assert draft.exit_code == 0, draft.output
    report = json.loads(draft.stdout)
    saved = in_tmp / "request.eml"
    assert (report["path"], report["size"]) == ("request.eml", saved.stat().st_size)
    assert (report["sent"], report["accepted"], report["to"]) == (False, [], [TO])
    assert report["server"] == f"{HOST}:{server.port}"
    r = run(sent_args(seeds, "--send", "--force", "--json"), env=server.env("starttls"))
    assert r.exit_code == 0, r.output
    report = json.loads(r.stdout)
    assert report["sent"] is True
    assert sorted(report["accepted"]) == ["ana@example.com", "bo@example.com"]
    assert report["from"] == SENDER and report["refused"] == {}
    assert report["size"] == saved.stat().st_size == len(server.messages[0].data)


def test_send_needs_a_sender(seeds: Path, smtp_server: StartServer, in_tmp: Path) -> None:
    server = smtp_server()
    r = run([str(seeds), "--to", TO, "--send"], env=server.env("starttls"))
    assert r.exit_code == 2
    assert r.stderr == (
        "error: --send needs a sender address: --from, ASKSPEC_SMTP_FROM or from in the config\n"
    )
    assert not (in_tmp / "request.eml").exists()


def test_the_sender_may_come_from_the_settings(
    seeds: Path, smtp_server: StartServer, in_tmp: Path
) -> None:
    server = smtp_server()
    settings = '[tool.askspec.smtp]\nfrom = "Team <team@example.com>"\n'
    (in_tmp / "pyproject.toml").write_text(settings, encoding="utf-8")
    r = run([str(seeds), "--to", TO, "--send"], env=server.env("starttls"))
    assert r.exit_code == 0, r.output
    assert "From: Team <team@example.com>" in r.stdout
    assert server.messages[0].mail_from == "team@example.com"
    env = server.env("starttls") | {"ASKSPEC_SMTP_FROM": "env@example.com"}
    r = run([str(seeds), "--to", TO, "--send", "--force"], env=env)
    assert server.messages[1].mail_from == "env@example.com"
    r = run([*sent_args(seeds, "--send", "--force")], env=env)
    assert server.messages[2].mail_from == "me@example.com"


def test_a_bad_sender_in_the_settings_is_a_clear_error(seeds: Path, in_tmp: Path) -> None:
    r = run([str(seeds), "--to", TO], env={"ASKSPEC_SMTP_FROM": "not an address"})
    assert r.exit_code == 1
    assert r.stderr == (
        "error: from in ASKSPEC_SMTP_FROM is not a single valid address: 'not an address'\n"
    )
    assert not (in_tmp / "request.eml").exists()


def test_send_needs_a_server(seeds: Path, in_tmp: Path) -> None:
    r = run(sent_args(seeds, "--send"))
    assert r.exit_code == 2
    assert "--send needs an SMTP server" in r.stderr


@pytest.mark.hostile
@pytest.mark.parametrize(
    "args",
    [
        ["--to", "ana@example.com\r\nBcc: evil@example.org"],
        ["--to", "ana@example.com", "--cc", "bo@example.com\nBcc: evil@example.org"],
        ["--to", "ana@example.com", "--from", "Me\r\nBcc: evil@example.org <me@example.com>"],
        ["--to", "ana@example.com", "--project", "Tracker\x1b[2J"],
    ],
)
def test_injection_is_refused_and_nothing_is_written_or_sent(
    seeds: Path, smtp_server: StartServer, in_tmp: Path, args: list[str]
) -> None:
    server = smtp_server()
    full = [str(seeds), "--from", "me@example.com", *args, "--send"]
    r = run(full, env=server.env("starttls"))
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("error: ")
    assert "control character" in r.stderr
    assert r.stderr.count("\n") == 1
    assert "Traceback" not in r.output
    assert server.messages == []
    assert not (in_tmp / "request.eml").exists()


def closed_port_env(server: Server) -> dict[str, str]:
    """The server's settings with a port nothing listens on."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port = sock.getsockname()[1]
    return server.env("starttls") | {"ASKSPEC_SMTP_PORT": str(port)}


def test_closed_port_is_one_line_and_keeps_the_eml(
    seeds: Path, smtp_server: StartServer, in_tmp: Path
) -> None:
    env = closed_port_env(smtp_server())
    r = run(sent_args(seeds, "--send"), env=env)
    assert r.exit_code == 1
    port = env["ASKSPEC_SMTP_PORT"]
    assert r.stderr == (
        f"error: SMTP {HOST}:{port}: connection refused (is the server running on that port?)"
        "; not sent, the message is saved in request.eml\n"
    )
    assert (in_tmp / "request.eml").is_file()
    assert r.stdout == ""


def test_untrusted_certificate_fails_and_keeps_the_eml(
    seeds: Path, smtp_server: StartServer, in_tmp: Path
) -> None:
    server = smtp_server()
    env = server.env("starttls")
    del env["ASKSPEC_SMTP_CAFILE"]
    r = run(sent_args(seeds, "--send"), env=env)
    assert r.exit_code == 1
    assert f"SMTP {HOST}:{server.port}: TLS certificate not trusted" in r.stderr
    assert server.messages == []
    assert (in_tmp / "request.eml").is_file()


def test_refused_login_never_shows_the_password(seeds: Path, smtp_server: StartServer) -> None:
    server = smtp_server()
    env = server.env("starttls") | {"ASKSPEC_SMTP_PASSWORD": "not-the-Pa55word"}
    r = run(sent_args(seeds, "--send"), env=env)
    assert r.exit_code == 1
    assert f"login refused for {USER}: 535" in r.stderr
    assert "not-the-Pa55word" not in r.stdout + r.stderr
    assert server.messages == []


def test_refused_recipient_is_reported_beside_the_accepted(
    seeds: Path, smtp_server: StartServer
) -> None:
    server = smtp_server(refuse={"bo@example.com"})
    r = run(sent_args(seeds, "--send"), env=server.env("starttls"))
    assert r.exit_code == 1
    assert f"sent via {HOST}:{server.port} to ana@example.com\n" in r.stdout
    assert r.stderr == (
        f"error: {HOST}:{server.port} refused bo@example.com: 550 5.1.1 mailbox unavailable\n"
    )
    assert [m.rcpt_tos for m in server.messages] == [("ana@example.com",)]


def test_no_password_without_a_terminal_is_a_clear_error(
    seeds: Path, smtp_server: StartServer
) -> None:
    server = smtp_server()
    env = server.env("starttls")
    del env["ASKSPEC_SMTP_PASSWORD"]
    r = run(sent_args(seeds, "--send"), env=env)
    assert r.exit_code == 1
    assert "no SMTP password for mailer: set ASKSPEC_SMTP_PASSWORD" in r.stderr
    assert server.messages == []


def test_password_command_from_the_user_config(
    seeds: Path, smtp_server: StartServer, private_home: Path
) -> None:
    server = smtp_server()
    command = f"{sys.executable} -c \"print('{PASSWORD}')\""
    write_user_config(private_home, own_table(server, password=None, password_command=command))
    r = run(sent_args(seeds, "--send"))
    assert r.exit_code == 0, r.output
    assert len(server.messages) == 1
    assert server.logins == [(USER.encode(), PASSWORD.encode())]
    assert PASSWORD not in r.stdout + r.stderr


def test_clear_text_login_allowed_by_the_user_config_warns(
    seeds: Path, smtp_server: StartServer, private_home: Path
) -> None:
    server = smtp_server("none")
    write_user_config(private_home, own_table(server, "none", allow_plaintext_auth=True))
    r = run(sent_args(seeds, "--send"))
    assert r.exit_code == 0, r.output
    assert r.stderr == (
        f"warning: security is none: the password for {USER} goes to {HOST}:{server.port} "
        "in clear text\n"
    )
    assert server.messages[0].tls is False
    assert server.logins == [(USER.encode(), PASSWORD.encode())]


def test_flags_override_the_environment(seeds: Path, smtp_server: StartServer) -> None:
    server = smtp_server("ssl")
    env = server.env("starttls") | {"ASKSPEC_SMTP_PORT": "1"}
    r = run(
        sent_args(seeds, "--send", "--smtp-security", "ssl", "--smtp-port", str(server.port)),
        env=env,
    )
    assert r.exit_code == 0, r.output
    assert server.messages[0].tls is True


def test_attachments_and_task_list_checkboxes_arrive(
    seeds: Path, smtp_server: StartServer, in_tmp: Path
) -> None:
    templates = in_tmp / "tpl"
    templates.mkdir()
    (templates / "request.eml.j2").write_text("Please tick:\n\n- [ ] IN-1 inputs\n- [x] done\n")
    server = smtp_server()
    args = sent_args(seeds, "--send", "--attach", "md", "--attach", "checklist")
    r = run([*args, "--templates", str(templates), "-o", str(in_tmp)], env=server.env("starttls"))
    assert r.exit_code == 0, r.output
    assert "Attachments: request.md, CHECKLIST.md" in r.stdout
    msg = message_from_bytes(server.messages[0].data, policy=policy.default)
    assert msg.get_content_type() == "multipart/mixed"
    html = msg.get_body(("html",))
    assert html is not None
    # Mail clients drop form controls: the boxes arrive as the characters they show.
    body = html.get_content()
    assert "<input" not in body and body.count("☐") == 1 and body.count("☑") == 1
    names = [part.get_filename() for part in msg.iter_attachments()]
    assert names == ["request.md", "CHECKLIST.md"]


def test_unknown_attachment_is_a_usage_error(seeds: Path) -> None:
    r = run([str(seeds), "--to", TO, "--attach", "pdf"])
    assert r.exit_code == 2
    assert "--attach takes md, html, checklist, not 'pdf'" in r.stderr


def test_help_offers_no_password_flag() -> None:
    r = CliRunner().invoke(app, ["email", "--help"])
    assert r.exit_code == 0
    assert "--send" in r.stdout
    assert "--password" not in r.stdout


# A project's pyproject.toml is whatever the folder's author put there: it may not send
# the user's password anywhere else, nor in clear text.


def test_planted_port_and_clear_text_never_get_the_config_password(
    seeds: Path, smtp_server: StartServer, in_tmp: Path, private_home: Path
) -> None:
    own, attacker = smtp_server(), smtp_server("none")
    config = write_user_config(private_home, own_table(own))
    planted = plant(in_tmp, port=attacker.port, security="none")
    r = run(sent_args(seeds, "--send"))
    assert r.exit_code == 1, r.output
    assert r.stderr == (
        f"error: refusing to log in: {planted} sets security to none, but the password from "
        f"{config} may only use the security that file names (starttls); not sent, the "
        "message is saved in request.eml\n"
    )
    assert_untouched(own, attacker)


def test_planted_host_never_gets_the_config_password(
    seeds: Path, smtp_server: StartServer, in_tmp: Path, private_home: Path
) -> None:
    own, attacker = smtp_server(), smtp_server()
    write_user_config(private_home, own_table(own, host="localhost"))
    planted = plant(in_tmp, host=HOST, port=attacker.port)
    r = run(sent_args(seeds, "--send"))
    assert r.exit_code == 1, r.output
    assert f"{planted} sets host to {HOST}, but the password from" in r.stderr
    assert r.stderr.count("\n") == 1
    assert_untouched(own, attacker)


def test_planted_settings_never_get_the_environment_password(
    seeds: Path, smtp_server: StartServer, in_tmp: Path
) -> None:
    attacker = smtp_server("none")
    planted = plant(in_tmp, port=attacker.port, security="none")
    env = {"ASKSPEC_SMTP_HOST": HOST, "ASKSPEC_SMTP_USER": USER}
    r = run(sent_args(seeds, "--send"), env=env | {"ASKSPEC_SMTP_PASSWORD": PASSWORD})
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith(
        f"error: refusing to log in: {planted} sets security to none, but the password from "
        "ASKSPEC_SMTP_PASSWORD may only use the security ASKSPEC_SMTP_* and --smtp-* name "
        "(starttls)"
    )
    assert_untouched(attacker)


def test_planted_port_never_runs_the_password_command(
    seeds: Path, smtp_server: StartServer, in_tmp: Path, private_home: Path
) -> None:
    own, attacker = smtp_server(), smtp_server("none", auth=True)
    ran = in_tmp / "ran"
    command = f"{sys.executable} -c \"open({str(ran)!r}, 'w'); print('{PASSWORD}')\""
    write_user_config(private_home, own_table(own, password=None, password_command=command))
    planted = plant(in_tmp, port=attacker.port)
    r = run(sent_args(seeds, "--send"))
    assert r.exit_code == 1, r.output
    assert f"{planted} sets port to {attacker.port}" in r.stderr
    assert not ran.exists()
    assert_untouched(own, attacker)


def test_planted_ca_file_is_refused(
    seeds: Path, smtp_server: StartServer, in_tmp: Path, private_home: Path
) -> None:
    own = smtp_server()
    write_user_config(private_home, own_table(own))
    planted = plant(in_tmp, cafile="attacker-ca.pem")
    r = run(sent_args(seeds, "--send"))
    assert r.exit_code == 1, r.output
    assert f"{planted} sets cafile to {in_tmp / 'attacker-ca.pem'}" in r.stderr
    assert_untouched(own)


def test_a_project_file_may_still_name_the_sender(
    seeds: Path, smtp_server: StartServer, in_tmp: Path, private_home: Path
) -> None:
    own = smtp_server()
    write_user_config(private_home, own_table(own))
    plant(in_tmp, **{"from": "Team <team@example.com>", "timeout": 9})
    r = run([str(seeds), "--to", TO, "--send"])
    assert r.exit_code == 0, r.output
    assert own.messages[0].mail_from == "team@example.com"


def test_a_flag_may_not_move_the_config_password(
    seeds: Path, smtp_server: StartServer, private_home: Path
) -> None:
    own, other = smtp_server(), smtp_server()
    config = write_user_config(private_home, own_table(own))
    r = run(sent_args(seeds, "--send", "--smtp-port", str(other.port)))
    assert r.exit_code == 1, r.output
    assert (
        f"--smtp-port sets port to {other.port}, but the password from {config} may only use "
        f"the port that file names ({own.port})"
    ) in r.stderr
    assert_untouched(own, other)


def test_a_flag_that_repeats_the_config_is_allowed(
    seeds: Path, smtp_server: StartServer, private_home: Path
) -> None:
    own = smtp_server()
    write_user_config(private_home, own_table(own))
    r = run(sent_args(seeds, "--send", "--smtp-port", str(own.port), "--smtp-host", HOST))
    assert r.exit_code == 0, r.output
    assert own.logins == [(USER.encode(), PASSWORD.encode())]


def test_the_user_config_alone_sends(
    seeds: Path, smtp_server: StartServer, private_home: Path
) -> None:
    own = smtp_server()
    write_user_config(private_home, own_table(own))
    r = run(sent_args(seeds, "--send"))
    assert r.exit_code == 0, r.output
    assert own.logins == [(USER.encode(), PASSWORD.encode())]
    assert len(own.messages) == 1


def test_the_environment_alone_sends(seeds: Path, smtp_server: StartServer) -> None:
    own = smtp_server()
    r = run(sent_args(seeds, "--send"), env=own.env("starttls"))
    assert r.exit_code == 0, r.output
    assert own.logins == [(USER.encode(), PASSWORD.encode())]
    assert len(own.messages) == 1


@pytest.mark.parametrize(
    ("config", "env"),
    [
        # The environment alone cannot allow it.
        ("", {"ASKSPEC_SMTP_SECURITY": "none"}),
        # Nor the user config's security = "none" without allow_plaintext_auth.
        ('[smtp]\nsecurity = "none"\n', {"ASKSPEC_SMTP_SECURITY": "none"}),
        # Nor allow_plaintext_auth without the user config's own security = "none".
        ("[smtp]\nallow_plaintext_auth = true\n", {"ASKSPEC_SMTP_SECURITY": "none"}),
    ],
)
def test_clear_text_login_is_refused_unless_the_user_config_allows_it(
    seeds: Path, smtp_server: StartServer, private_home: Path, config: str, env: dict[str, str]
) -> None:
    server = smtp_server("none")
    path = write_user_config(private_home, config)
    r = run(sent_args(seeds, "--send"), env=server.env("none") | env)
    assert r.exit_code == 1, r.output
    assert r.stderr == (
        f"error: refusing to send the password for {USER} to {HOST}:{server.port} in clear "
        f'text: that needs security = "none" and allow_plaintext_auth = true in {path}; '
        "not sent, the message is saved in request.eml\n"
    )
    assert_untouched(server)


def test_a_flag_alone_cannot_turn_off_tls_for_the_config_password(
    seeds: Path, smtp_server: StartServer, private_home: Path
) -> None:
    server = smtp_server("none")
    write_user_config(private_home, own_table(server, allow_plaintext_auth=True))
    r = run(sent_args(seeds, "--send", "--smtp-security", "none"))
    assert r.exit_code == 1, r.output
    assert "--smtp-security sets security to none" in r.stderr
    assert_untouched(server)


def test_clear_text_warning_comes_before_the_password_is_sent(
    seeds: Path, smtp_server: StartServer, private_home: Path, in_tmp: Path
) -> None:
    server = smtp_server("none")
    write_user_config(private_home, own_table(server, "none", allow_plaintext_auth=True))
    seen: list[tuple[str, int]] = []
    options = Options(sender=SENDER, to=(TO,))
    job = EmailJob(seeds, in_tmp / "request.eml", options, send=True)
    result = email(job, env={}, warn=lambda w: seen.append((w, len(server.logins))))
    assert seen == [
        (
            f"security is none: the password for {USER} goes to {result.settings.server} "
            "in clear text",
            0,
        )
    ]
    assert len(server.logins) == 1
    assert result.warnings == (seen[0][0],)
    assert email_report(result)[1] == []


def test_clear_text_warning_is_given_even_when_the_login_then_fails(
    seeds: Path, smtp_server: StartServer, private_home: Path
) -> None:
    server = smtp_server("none")
    table = own_table(server, "none", allow_plaintext_auth=True, password="wrong-Pa55word")
    write_user_config(private_home, table)
    r = run(sent_args(seeds, "--send"))
    assert r.exit_code == 1, r.output
    warning, error, end = r.stderr.split("\n")
    assert warning.startswith("warning: security is none: the password for")
    assert error.startswith(f"error: SMTP {HOST}:{server.port}: login refused for {USER}: 535")
    assert end == ""


def test_non_ascii_password_logs_in(seeds: Path, smtp_server: StartServer) -> None:
    password = "Pässwörd-ĳ-密码"
    server = smtp_server(password=password)
    env = server.env("starttls") | {"ASKSPEC_SMTP_PASSWORD": password}
    r = run(sent_args(seeds, "--send"), env=env)
    assert r.exit_code == 0, r.output
    assert server.logins == [(USER.encode(), password.encode())]


def test_non_ascii_password_without_auth_plain_is_one_clear_line(
    seeds: Path, smtp_server: StartServer
) -> None:
    server = smtp_server(without=("PLAIN",))
    env = server.env("starttls") | {"ASKSPEC_SMTP_PASSWORD": "Pässwörd"}
    r = run(sent_args(seeds, "--send"), env=env)
    assert r.exit_code == 1, r.output
    assert r.stderr == (
        f"error: SMTP {HOST}:{server.port}: the user name or password holds non-ASCII "
        "characters, which need AUTH PLAIN, and the server does not offer it; not sent, the "
        "message is saved in request.eml\n"
    )
    assert server.messages == []


def test_a_draft_says_a_clear_text_login_would_be_refused(
    seeds: Path, smtp_server: StartServer
) -> None:
    server = smtp_server("none")
    r = run([str(seeds), "--to", TO], env=server.env("none"))
    assert r.exit_code == 0, r.output
    assert r.stderr == (
        f"warning: security is none: --send will refuse to log in as {USER} without TLS\n"
    )
    assert_untouched(server)
