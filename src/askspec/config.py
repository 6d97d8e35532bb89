"""SMTP settings from flags, the environment and config files: flags over env over config."""

from __future__ import annotations

import os
import shlex
import stat
import subprocess
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from askspec.errors import MailError, UsageError

SECURITY = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
DEFAULT_TIMEOUT = 30.0
ENV_PREFIX = "ASKSPEC_SMTP_"
PASSWORD_ENV = ENV_PREFIX + "PASSWORD"
#: The settings that flags, env and both config files may give ("from" is the sender).
KEYS = ("host", "port", "user", "security", "cafile", "timeout", "from")
#: Only the user's own config file may hold these: a project's pyproject.toml is shared
#: with everyone who clones it, and a password_command there would run their code.
USER_ONLY_KEYS = ("password", "password_command")
PASSWORD_COMMAND_TIMEOUT = 60.0


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to deliver; the password is never part of it."""

    host: str = ""
    port: int = 0
    user: str = ""
    security: str = "starttls"
    cafile: Path | None = None
    timeout: float = DEFAULT_TIMEOUT
    password_command: str = ""
    #: The sender address to use when --from is not given.
    sender: str = ""
    #: Where each setting came from ("--smtp-host", "ASKSPEC_SMTP_HOST", a file), for the preview.
    sources: Mapping[str, str] = field(default_factory=dict, compare=False)
    #: A password from a private user config file; kept out of repr and comparisons.
    config_password: str = field(default="", repr=False, compare=False)

    @property
    def effective_port(self) -> int:
        """The port to connect to: as set, else the usual one for the security mode."""
        return self.port or DEFAULT_PORTS[self.security]

    @property
    def server(self) -> str:
        """``host:port`` for messages."""
        return f"{self.host}:{self.effective_port}"


def user_config_path(env: Mapping[str, str]) -> Path:
    """$XDG_CONFIG_HOME/askspec/config.toml, with the XDG default of ~/.config."""
    base = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME") or Path.home()) / ".config")
    return Path(base) / "askspec" / "config.toml"


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise MailError(f"not valid TOML: {exc}", path=path) from exc
    except OSError as exc:
        raise MailError(f"cannot read: {exc.strerror or exc}", path=path) from exc


def _table(data: dict[str, Any], keys: tuple[str, ...], path: Path) -> dict[str, Any]:
    node: Any = data
    for key in keys:
        node = node.get(key, {}) if isinstance(node, dict) else {}
    if not isinstance(node, dict):
        raise MailError(f"[{'.'.join(keys)}] must be a table", path=path)
    allowed = set(KEYS) | set(USER_ONLY_KEYS)
    if unknown := sorted(set(node) - allowed):
        raise MailError(f"unknown SMTP setting(s): {', '.join(unknown)}", path=path)
    return node


def _check_private(path: Path, table: dict[str, Any], user_file: bool) -> None:
    """Refuse secrets in a file others can read, and any secret in a project file."""
    secrets = [key for key in USER_ONLY_KEYS if key in table]
    if not secrets:
        return
    if not user_file:
        raise MailError(
            f"{secrets[0]} is read only from the user config file, never from a project's "
            "pyproject.toml",
            path=path,
        )
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise MailError(
            f"holds {secrets[0]} but others can read or change it (mode {stat.S_IMODE(mode):o}); "
            f"run: chmod 600 {shlex.quote(str(path))}",
            path=path,
        )


def config_layers(cwd: Path, env: Mapping[str, str]) -> list[tuple[Path, dict[str, Any]]]:
    """The config tables that apply, lowest priority first: user file, then pyproject.toml."""
    layers: list[tuple[Path, dict[str, Any]]] = []
    user = user_config_path(env)
    if user.is_file():
        table = _table(_read_toml(user), ("smtp",), user)
        _check_private(user, table, user_file=True)
        layers.append((user, table))
    project = cwd / "pyproject.toml"
    if project.is_file():
        table = _table(_read_toml(project), ("tool", "askspec", "smtp"), project)
        _check_private(project, table, user_file=False)
        layers.append((project, table))
    return layers


def _merge(
    flags: Mapping[str, object | None], env: Mapping[str, str], cwd: Path
) -> tuple[dict[str, object], dict[str, str]]:
    """Every setting with the name of the place it came from; later layers win."""
    values: dict[str, object] = {}
    sources: dict[str, str] = {}
    for path, table in config_layers(cwd, env):
        for key, value in table.items():
            # A relative CA file is relative to the config file that names it.
            if key == "cafile" and isinstance(value, str):
                value = str(path.parent / Path(value).expanduser())
            values[key], sources[key] = value, str(path)
    for key in KEYS:
        if value := env.get(ENV_PREFIX + key.upper(), "").strip():
            values[key], sources[key] = value, ENV_PREFIX + key.upper()
    for key, value in flags.items():
        if value not in (None, ""):
            values[key], sources[key] = value, "--smtp-" + key
    return values, sources


def _number(value: object, key: str, where: str, kind: Callable[[str], Any]) -> Any:
    try:
        number = kind(str(value).strip())
    except ValueError:
        raise UsageError(f"SMTP {key} from {where} must be a number, not {value!r}") from None
    if number <= 0 or (key == "port" and number > 65535):
        raise UsageError(f"SMTP {key} from {where} is out of range: {value!r}")
    return number


def load_settings(
    flags: Mapping[str, object | None] | None = None,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> SmtpSettings:
    """The SMTP settings: ``--smtp-*`` flags over ASKSPEC_SMTP_* over config files."""
    env = os.environ if env is None else env
    values, sources = _merge(flags or {}, env, cwd or Path.cwd())
    security = str(values.get("security", "starttls")).strip().lower()
    if security not in SECURITY:
        where = sources.get("security", "")
        raise UsageError(f"SMTP security from {where} must be one of {', '.join(SECURITY)}")
    for key in ("host", "user", "password_command", "from"):
        if not isinstance(values.get(key, ""), str):
            raise UsageError(f"SMTP setting {key} in {sources[key]} must be a string")
    cafile = values.get("cafile")
    return SmtpSettings(
        host=str(values.get("host", "")).strip(),
        port=_number(values["port"], "port", sources["port"], int) if "port" in values else 0,
        user=str(values.get("user", "")),
        security=security,
        cafile=Path(str(cafile)).expanduser() if cafile else None,
        timeout=_number(values["timeout"], "timeout", sources["timeout"], float)
        if "timeout" in values
        else DEFAULT_TIMEOUT,
        password_command=str(values.get("password_command", "")),
        sender=str(values.get("from", "")).strip(),
        sources=sources,
        config_password=str(values.get("password", "")),
    )


def run_password_command(command: str) -> str:
    """The first line a password command prints; its output is never logged or shown."""
    try:
        done = subprocess.run(  # noqa: S603 - the user's own config file names the command
            shlex.split(command),
            capture_output=True,
            text=True,
            timeout=PASSWORD_COMMAND_TIMEOUT,
            check=False,
        )
    except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
        raise MailError(f"password_command could not run: {type(exc).__name__}") from None
    if done.returncode != 0:
        raise MailError(f"password_command failed with exit code {done.returncode}")
    password = done.stdout.splitlines()[0] if done.stdout else ""
    if not password:
        raise MailError("password_command printed no password")
    return password


def resolve_password(
    settings: SmtpSettings,
    env: Mapping[str, str] | None = None,
    prompt: Callable[[str], str] | None = None,
) -> str:
    """The password for settings.user: env, private config, password_command, then prompt."""
    env = os.environ if env is None else env
    if not settings.user:
        return ""
    if password := env.get(PASSWORD_ENV, ""):
        return password
    if settings.config_password:
        return settings.config_password
    if settings.password_command:
        return run_password_command(settings.password_command)
    if prompt is not None:
        try:
            return prompt(f"SMTP password for {settings.user} at {settings.server}: ")
        except EOFError:
            raise MailError(f"no SMTP password entered for {settings.user}") from None
    raise MailError(
        f"no SMTP password for {settings.user}: set {PASSWORD_ENV}, add password_command "
        f"to {user_config_path(env)}, or run on a terminal to be asked"
    )
