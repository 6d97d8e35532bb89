"""SMTP settings: flags over env over config files; passwords only from safe places."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from askspec.config.files import user_config_path
from askspec.config.password import resolve_password, run_password_command
from askspec.config.smtp import SmtpSettings, load_settings
from askspec.errors import MailError, UsageError


def write_user_config(home: Path, body: str, mode: int = 0o600) -> Path:
    """$XDG_CONFIG_HOME/askspec/config.toml with the given mode."""
    path = user_config_path({"XDG_CONFIG_HOME": str(home / ".config")})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    path.chmod(mode)
    return path


def env_for(home: Path, **values: str) -> dict[str, str]:
    """An environment with the private XDG folder and ASKSPEC_SMTP_<KEY> values."""
    env = {"XDG_CONFIG_HOME": str(home / ".config")}
    env.update({f"ASKSPEC_SMTP_{k.upper()}": v for k, v in values.items()})
    return env


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A current directory with no pyproject.toml yet."""
    folder = tmp_path / "project"
    folder.mkdir()
    return folder


def test_defaults_when_nothing_is_set(private_home: Path, project: Path) -> None:
    settings = load_settings({}, env_for(private_home), project)
    assert (settings.host, settings.user, settings.security) == ("", "", "starttls")
    assert settings.effective_port == 587
    assert settings.cafile is None


@pytest.mark.parametrize(("security", "port"), [("starttls", 587), ("ssl", 465), ("none", 25)])
def test_default_port_follows_security(
    private_home: Path, project: Path, security: str, port: int
) -> None:
    settings = load_settings({}, env_for(private_home, security=security), project)
    assert settings.effective_port == port


def test_flags_over_env_over_project_over_user_config(private_home: Path, project: Path) -> None:
    write_user_config(
        private_home, '[smtp]\nhost = "user.example"\nport = 1\nuser = "u"\ntimeout = 9\n'
    )
    (project / "pyproject.toml").write_text(
        '[tool.askspec.smtp]\nhost = "project.example"\nport = 2\nsecurity = "ssl"\n'
    )
    env = env_for(private_home, port="3", security="none")
    settings = load_settings({"port": "4", "host": None}, env, project)
    assert settings.host == "project.example"
    assert settings.port == 4
    assert settings.security == "none"
    assert settings.user == "u"
    assert settings.timeout == 9
    assert settings.sources["port"] == "--smtp-port"
    assert settings.sources["security"] == "ASKSPEC_SMTP_SECURITY"
    assert settings.sources["host"] == str(project / "pyproject.toml")


def test_sender_from_the_user_config_and_the_environment(private_home: Path, project: Path) -> None:
    path = write_user_config(private_home, '[smtp]\nfrom = " Me <me@example.com> "\n')
    settings = load_settings({}, env_for(private_home), project)
    assert (settings.sender, settings.sources["from"]) == ("Me <me@example.com>", str(path))
    settings = load_settings({}, env_for(private_home, **{"from": "ops@example.com"}), project)
    assert (settings.sender, settings.sources["from"]) == ("ops@example.com", "ASKSPEC_SMTP_FROM")


def test_a_sender_that_is_not_text_is_refused(private_home: Path, project: Path) -> None:
    path = write_user_config(private_home, "[smtp]\nfrom = 5\n")
    with pytest.raises(UsageError, match=f"SMTP setting from in {path} must be a string"):
        load_settings({}, env_for(private_home), project)


def test_relative_cafile_is_relative_to_its_config_file(private_home: Path, project: Path) -> None:
    path = write_user_config(private_home, '[smtp]\ncafile = "ca.pem"\n')
    settings = load_settings({}, env_for(private_home), project)
    assert settings.cafile == path.parent / "ca.pem"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"security": "tls"}, "must be one of starttls, ssl, none"),
        ({"port": "smtp"}, "port from ASKSPEC_SMTP_PORT must be a number"),
        ({"port": "70000"}, "out of range"),
        ({"timeout": "0"}, "out of range"),
    ],
)
def test_bad_values_are_usage_errors(
    private_home: Path, project: Path, values: dict[str, str], message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        load_settings({}, env_for(private_home, **values), project)


def test_unknown_key_is_refused_naming_the_file(private_home: Path, project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.askspec.smtp]\nhots = "typo"\n')
    with pytest.raises(MailError, match="unknown SMTP setting.*hots") as caught:
        load_settings({}, env_for(private_home), project)
    assert caught.value.path == str(project / "pyproject.toml")


def test_broken_toml_is_reported(private_home: Path, project: Path) -> None:
    write_user_config(private_home, "[smtp\n")
    with pytest.raises(MailError, match="not valid TOML"):
        load_settings({}, env_for(private_home), project)


@pytest.mark.parametrize("key", ["password", "password_command", "allow_plaintext_auth"])
def test_project_file_may_not_hold_secrets(private_home: Path, project: Path, key: str) -> None:
    (project / "pyproject.toml").write_text(f"[tool.askspec.smtp]\n{key} = true\n")
    with pytest.raises(MailError, match=f"{key} is read only from the user config file"):
        load_settings({}, env_for(private_home), project)


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o620])
def test_password_in_a_readable_user_config_is_refused(
    private_home: Path, project: Path, mode: int
) -> None:
    write_user_config(private_home, '[smtp]\nuser = "u"\npassword = "pw"\n', mode=mode)
    with pytest.raises(MailError, match="others can read or change it.*chmod 600"):
        load_settings({}, env_for(private_home), project)


def test_password_in_a_private_user_config_is_used_and_never_shown(
    private_home: Path, project: Path
) -> None:
    write_user_config(private_home, '[smtp]\nuser = "u"\npassword = "pw-in-file"\n')
    settings = load_settings({}, env_for(private_home), project)
    assert "pw-in-file" not in repr(settings)
    assert resolve_password(settings, env_for(private_home)) == "pw-in-file"


# Where a password may go: only where its own source points.

CONFIG_WITH_PASSWORD = '[smtp]\nhost = "mail.example"\nport = 587\nuser = "u"\npassword = "pw"\n'


@pytest.mark.parametrize(
    ("flags", "env", "planted", "refusal"),
    [
        ({}, {}, "port = 2525", "{project} sets port to 2525"),
        ({}, {}, 'host = "evil.example"', "{project} sets host to evil.example"),
        ({}, {}, 'security = "ssl"', "{project} sets security to ssl"),
        ({}, {}, 'cafile = "ca.pem"', "{project} sets cafile to {folder}/ca.pem"),
        ({}, {"port": "25"}, "", "ASKSPEC_SMTP_PORT sets port to 25"),
        ({"host": "evil.example"}, {}, "", "--smtp-host sets host to evil.example"),
    ],
)
def test_the_config_password_stays_with_the_config_server(
    private_home: Path,
    project: Path,
    flags: dict[str, str],
    env: dict[str, str],
    planted: str,
    refusal: str,
) -> None:
    config = write_user_config(private_home, CONFIG_WITH_PASSWORD)
    (project / "pyproject.toml").write_text(f"[tool.askspec.smtp]\n{planted}\n")
    settings = load_settings(flags, env_for(private_home, **env), project)
    expected = refusal.format(project=project / "pyproject.toml", folder=project)
    with pytest.raises(MailError, match=re.escape(expected)) as caught:
        resolve_password(settings, env_for(private_home, **env))
    assert f"but the password from {config} may only use the" in str(caught.value)


@pytest.mark.parametrize(
    "flags", [{}, {"host": "MAIL.example", "port": "587"}, {"security": "starttls"}]
)
def test_flags_that_repeat_the_config_server_are_allowed(
    private_home: Path, project: Path, flags: dict[str, str]
) -> None:
    write_user_config(private_home, CONFIG_WITH_PASSWORD)
    (project / "pyproject.toml").write_text('[tool.askspec.smtp]\nport = 587\nfrom = "a@b.c"\n')
    settings = load_settings(flags, env_for(private_home), project)
    assert resolve_password(settings, env_for(private_home)) == "pw"


@pytest.mark.parametrize(
    ("config", "planted", "refusal"),
    [
        ("", 'host = "evil.example"', "{project} sets host to evil.example"),
        ("", "port = 2525", "{project} sets port to 2525"),
        ("", 'security = "none"', "{project} sets security to none"),
        ("[smtp]\nport = 2525\n", "", "{config} sets port to 2525"),
        ('[smtp]\ncafile = "ca.pem"\n', "", "{config} sets cafile to"),
    ],
)
def test_the_environment_password_stays_with_the_environment_server(
    private_home: Path, project: Path, config: str, planted: str, refusal: str
) -> None:
    path = write_user_config(private_home, config)
    (project / "pyproject.toml").write_text(f"[tool.askspec.smtp]\n{planted}\n")
    env = env_for(private_home, user="u", password="pw")
    if "host" not in planted:
        env["ASKSPEC_SMTP_HOST"] = "mail.example"
    settings = load_settings({}, env, project)
    expected = refusal.format(project=project / "pyproject.toml", config=path)
    with pytest.raises(MailError, match=re.escape(expected)):
        resolve_password(settings, env)


def test_flags_may_point_the_environment_password(private_home: Path, project: Path) -> None:
    env = env_for(private_home, host="mail.example", user="u", password="pw")
    flags = {"host": "other.example", "port": "2525", "security": "ssl"}
    settings = load_settings(flags, env, project)
    assert resolve_password(settings, env) == "pw"


def test_settings_made_by_hand_give_out_no_password() -> None:
    settings = SmtpSettings(host="h", user="u", config_password="pw")
    with pytest.raises(MailError, match="no server is named beside the password"):
        resolve_password(settings, {})


@pytest.mark.parametrize(
    ("config", "allowed"),
    [
        ('security = "none"\nallow_plaintext_auth = true\n', True),
        ('security = "none"\nallow_plaintext_auth = false\n', False),
        ('security = "none"\n', False),
        ("allow_plaintext_auth = true\n", False),
    ],
)
def test_only_the_user_config_allows_a_clear_text_login(
    private_home: Path, project: Path, config: str, allowed: bool
) -> None:
    body = '[smtp]\nhost = "h"\nuser = "u"\npassword = "pw"\n' + config
    write_user_config(private_home, body)
    env = env_for(private_home)
    flags = {} if allowed or "security" in config else {"security": "none"}
    settings = load_settings(flags, env, project)
    warned: list[str] = []
    if allowed:
        assert resolve_password(settings, env, warn=warned.append) == "pw"
        assert warned == ["security is none: the password for u goes to h:25 in clear text"]
        return
    with pytest.raises(MailError, match="refusing to .*none"):
        resolve_password(settings, env, warn=warned.append)
    assert warned == []


def test_clear_text_warning_comes_before_the_prompt(private_home: Path, project: Path) -> None:
    write_user_config(private_home, '[smtp]\nsecurity = "none"\nallow_plaintext_auth = true\n')
    env = env_for(private_home, host="h", user="u", security="none")
    events: list[str] = []

    def prompt(text: str) -> str:
        events.append("prompt")
        return "typed"

    settings = load_settings({}, env, project)
    assert resolve_password(settings, env, prompt, warn=lambda w: events.append("warn")) == "typed"
    assert events == ["warn", "prompt"]


def test_allow_plaintext_auth_must_be_true_or_false(private_home: Path, project: Path) -> None:
    write_user_config(private_home, '[smtp]\nallow_plaintext_auth = "yes"\n')
    with pytest.raises(UsageError, match="allow_plaintext_auth in .* must be true or false"):
        load_settings({}, env_for(private_home), project)


def test_password_order_env_then_config_then_command_then_prompt(
    private_home: Path, project: Path
) -> None:
    prompted: list[str] = []

    def prompt(text: str) -> str:
        prompted.append(text)
        return "typed"

    def password(config: str, **env: str) -> str:
        write_user_config(private_home, '[smtp]\nhost = "h"\nuser = "u"\n' + config)
        full_env = env_for(private_home, **env)
        return resolve_password(load_settings({}, full_env, project), full_env, prompt)

    command = f"{sys.executable} -c \"print('from-command')\""
    command_line = f"password_command = {json.dumps(command)}\n"
    both = "password = 'cfg'\n" + command_line
    assert password(both, host="h", password="from-env") == "from-env"
    assert password(both) == "cfg"
    assert password(command_line) == "from-command"
    assert password("") == "typed"
    assert prompted == ["SMTP password for u at h:587: "]


def test_no_user_needs_no_password() -> None:
    assert resolve_password(SmtpSettings(host="h"), {"ASKSPEC_SMTP_PASSWORD": "x"}) == ""


def test_no_password_source_says_where_to_put_one() -> None:
    with pytest.raises(MailError, match="no SMTP password for u: set ASKSPEC_SMTP_PASSWORD"):
        resolve_password(SmtpSettings(host="h", user="u"), {}, prompt=None)


def test_failing_password_command_hides_its_output() -> None:
    command = f"{sys.executable} -c \"print('leaked'); raise SystemExit(3)\""
    with pytest.raises(MailError, match="exit code 3") as caught:
        run_password_command(command)
    assert "leaked" not in str(caught.value)


@pytest.mark.parametrize(
    ("command", "message"),
    [
        ("/nonexistent/askspec-pass", "could not run"),
        ('unbalanced "quote', "could not run"),
        (f'{sys.executable} -c "pass"', "printed no password"),
    ],
)
def test_broken_password_commands(command: str, message: str) -> None:
    with pytest.raises(MailError, match=message):
        run_password_command(command)


def test_prompt_ended_with_ctrl_d_is_a_clear_error() -> None:
    def closed(text: str) -> str:
        raise EOFError

    with pytest.raises(MailError, match="no SMTP password entered for u"):
        resolve_password(SmtpSettings(host="h", user="u"), {}, prompt=closed)
