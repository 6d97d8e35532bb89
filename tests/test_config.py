"""SMTP settings: flags over env over config files; passwords only from safe places."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from askspec.config import (
    SmtpSettings,
    load_settings,
    resolve_password,
    run_password_command,
    user_config_path,
)
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


@pytest.mark.parametrize("key", ["password", "password_command"])
def test_project_file_may_not_hold_secrets(private_home: Path, project: Path, key: str) -> None:
    (project / "pyproject.toml").write_text(f'[tool.askspec.smtp]\n{key} = "x"\n')
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


def test_password_order_env_then_config_then_command_then_prompt() -> None:
    prompted: list[str] = []

    def prompt(text: str) -> str:
        prompted.append(text)
        return "typed"

    command = f"{sys.executable} -c \"print('from-command')\""
    full = SmtpSettings(host="h", user="u", password_command=command, config_password="cfg")
    env = {"ASKSPEC_SMTP_PASSWORD": "from-env"}
    assert resolve_password(full, env, prompt) == "from-env"
    assert resolve_password(full, {}, prompt) == "cfg"
    no_config = SmtpSettings(host="h", user="u", password_command=command)
    assert resolve_password(no_config, {}, prompt) == "from-command"
    assert resolve_password(SmtpSettings(host="h", user="u"), {}, prompt) == "typed"
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
