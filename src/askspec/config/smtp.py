"""SMTP settings from flags, the environment and config files: flags over env over config."""

from __future__ import annotations

import dataclasses
import os
import shlex
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from askspec.config.files import read_toml, user_config_path
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
#: Only the user's own config file may allow a password to travel without TLS.
PLAINTEXT_KEY = "allow_plaintext_auth"
#: The settings that decide which server receives a password (and which one TLS trusts).
DESTINATION_KEYS = ("host", "security", "port", "cafile")

#: One layer of settings: each setting's value and where it came from.
Layer = dict[str, tuple[object, str]]


@dataclass(frozen=True)
class Destination:
    """Where a password would go: the server, its port, how it is secured and trusted."""

    host: str
    port: int
    security: str
    cafile: Path | None


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
    #: The user config file, named in errors about the password.
    user_config: Path | None = None
    #: The destination each password source names on its own, by source
    #: (ASKSPEC_SMTP_PASSWORD, or the user config file's path).
    homes: Mapping[str, Destination] = field(default_factory=dict, compare=False)
    #: True only when the user config says security = "none" and allow_plaintext_auth = true.
    plaintext_auth: bool = False

    @property
    def effective_port(self) -> int:
        """The port to connect to: as set, else the usual one for the security mode."""
        return self.port or DEFAULT_PORTS[self.security]

    @property
    def server(self) -> str:
        """``host:port`` for messages."""
        return f"{self.host}:{self.effective_port}"

    @property
    def destination(self) -> Destination:
        """Where a password goes with these settings."""
        return Destination(self.host.lower(), self.effective_port, self.security, self.cafile)


def _table(data: dict[str, Any], keys: tuple[str, ...], path: Path) -> dict[str, Any]:
    node: Any = data
    for key in keys:
        node = node.get(key, {}) if isinstance(node, dict) else {}
    if not isinstance(node, dict):
        raise MailError(f"[{'.'.join(keys)}] must be a table", path=path)
    allowed = {*KEYS, *USER_ONLY_KEYS, PLAINTEXT_KEY}
    if unknown := sorted(set(node) - allowed):
        raise MailError(f"unknown SMTP setting(s): {', '.join(unknown)}", path=path)
    return node


def _check_private(path: Path, table: dict[str, Any], user_file: bool) -> None:
    """Refuse secrets in a file others can read, and any secret in a project file."""
    if not user_file and (found := [k for k in (*USER_ONLY_KEYS, PLAINTEXT_KEY) if k in table]):
        raise MailError(
            f"{found[0]} is read only from the user config file, never from a project's "
            "pyproject.toml",
            path=path,
        )
    secrets = [key for key in USER_ONLY_KEYS if key in table]
    if not secrets:
        return
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
        table = _table(read_toml(user), ("smtp",), user)
        _check_private(user, table, user_file=True)
        layers.append((user, table))
    project = cwd / "pyproject.toml"
    if project.is_file():
        table = _table(read_toml(project), ("tool", "askspec", "smtp"), project)
        _check_private(project, table, user_file=False)
        layers.append((project, table))
    return layers


def _file_layer(path: Path, table: dict[str, Any]) -> Layer:
    """A config file's settings; a relative CA file is relative to the file that names it."""
    layer: Layer = {}
    for key, value in table.items():
        if key == "cafile" and isinstance(value, str):
            value = str(path.parent / Path(value).expanduser())
        layer[key] = (value, str(path))
    return layer


def _env_layer(env: Mapping[str, str]) -> Layer:
    names = {key: ENV_PREFIX + key.upper() for key in KEYS}
    return {k: (v, names[k]) for k in KEYS if (v := env.get(names[k], "").strip())}


def _flag_layer(flags: Mapping[str, object | None]) -> Layer:
    return {k: (v, "--smtp-" + k) for k, v in flags.items() if v not in (None, "")}


def _merge(*layers: Layer) -> tuple[dict[str, object], dict[str, str]]:
    """Every setting with the name of the place it came from; later layers win."""
    values: dict[str, object] = {}
    sources: dict[str, str] = {}
    for layer in layers:
        for key, (value, where) in layer.items():
            values[key], sources[key] = value, where
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
    files = config_layers(cwd or Path.cwd(), env)
    own = _env_layer(env) | _flag_layer(flags or {})
    settings = _build(*_merge(*(_file_layer(path, table) for path, table in files), own))
    user = user_config_path(env)
    mine = next((table for path, table in files if path == user), {})
    homes: dict[str, Destination] = {}
    if env.get(PASSWORD_ENV):
        homes[PASSWORD_ENV] = _build(*_merge(own)).destination
    if any(key in mine for key in USER_ONLY_KEYS):
        homes[str(user)] = _build(*_merge(_file_layer(user, mine))).destination
    allowed = mine.get(PLAINTEXT_KEY, False)
    if not isinstance(allowed, bool):
        raise UsageError(f"SMTP setting {PLAINTEXT_KEY} in {user} must be true or false")
    plaintext = allowed and str(mine.get("security", "")).strip().lower() == "none"
    return dataclasses.replace(settings, user_config=user, homes=homes, plaintext_auth=plaintext)


def _build(values: dict[str, object], sources: dict[str, str]) -> SmtpSettings:
    """Settings from merged values, each checked and named by where it came from."""
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
