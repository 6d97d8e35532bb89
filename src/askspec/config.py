"""SMTP settings from flags, the environment and config files: flags over env over config."""

from __future__ import annotations

import dataclasses
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
#: Only the user's own config file may allow a password to travel without TLS.
PLAINTEXT_KEY = "allow_plaintext_auth"
#: The settings that decide which server receives a password (and which one TLS trusts).
DESTINATION_KEYS = ("host", "security", "port", "cafile")
PASSWORD_COMMAND_TIMEOUT = 60.0

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
        table = _table(_read_toml(user), ("smtp",), user)
        _check_private(user, table, user_file=True)
        layers.append((user, table))
    project = cwd / "pyproject.toml"
    if project.is_file():
        table = _table(_read_toml(project), ("tool", "askspec", "smtp"), project)
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
    warn: Callable[[str], None] | None = None,
) -> str:
    """The password for settings.user, given out only for the server its own source names.

    It comes from ASKSPEC_SMTP_PASSWORD, else password or password_command in the user
    config, else a prompt that names the server. A password from the environment goes
    only to the host, port, security and cafile that ASKSPEC_SMTP_* and --smtp-* give;
    one from the user config only to those that file gives. Login without TLS needs the
    user config's allow_plaintext_auth. All of this is checked, and the clear-text
    warning given, before a password is read, asked for or sent.
    """
    env = os.environ if env is None else env
    if not settings.user:
        return ""
    password = env.get(PASSWORD_ENV, "")
    if password or settings.config_password or settings.password_command:
        check_destination(settings, PASSWORD_ENV if password else str(settings.user_config))
    check_plaintext(settings)
    if settings.security == "none" and warn is not None:
        warn(clear_text_warning(settings))
    if password or settings.config_password:
        return password or settings.config_password
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


def check_destination(settings: SmtpSettings, source: str) -> None:
    """Refuse when any other place moved the server away from the one source names."""
    home = settings.homes.get(source)
    if home is None:
        raise MailError(f"refusing to log in: no server is named beside the password in {source}")
    named = "that file names" if source != PASSWORD_ENV else "ASKSPEC_SMTP_* and --smtp-* name"
    actual = settings.destination
    for key in DESTINATION_KEYS:
        if (want := getattr(home, key)) != (got := getattr(actual, key)):
            where = settings.sources.get(key, "the default")
            raise MailError(
                f"refusing to log in: {where} sets {key} to {got or 'none'}, but the password "
                f"from {source} may only use the {key} {named} ({want or 'none set'})"
            )


def check_plaintext(settings: SmtpSettings) -> None:
    """Refuse a login without TLS unless the user's own config file allows it."""
    if settings.user and settings.security == "none" and not settings.plaintext_auth:
        raise MailError(
            f"refusing to send the password for {settings.user} to {settings.server} in clear "
            f'text: that needs security = "none" and {PLAINTEXT_KEY} = true in '
            f"{settings.user_config or 'the user config file'}"
        )


def clear_text_warning(settings: SmtpSettings) -> str:
    """The warning given before a password travels without TLS."""
    return (
        f"security is none: the password for {settings.user} goes to {settings.server} "
        "in clear text"
    )


#: The environment variable that picks the language requests are written in.
LANG_ENV = "ASKSPEC_LANG"


def language_setting(
    flag: str | None, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> str:
    """The language to write in: --lang, else ASKSPEC_LANG, else ``lang`` in the
    ``[tool.askspec]`` table of ./pyproject.toml, else ``lang`` at the top of the user
    config file, else ``auto``. The value is checked against the shipped languages."""
    from askspec.i18n import AUTO, resolve

    env = os.environ if env is None else env
    if flag:
        return resolve(flag, "--lang")
    if value := env.get(LANG_ENV, "").strip():
        return resolve(value, LANG_ENV)
    project = (cwd or Path.cwd()) / "pyproject.toml"
    for path, keys in ((project, ("tool", "askspec")), (user_config_path(env), ())):
        if not path.is_file():
            continue
        node: Any = _read_toml(path)
        for key in keys:
            node = node.get(key, {}) if isinstance(node, dict) else {}
        setting = node.get("lang") if isinstance(node, dict) else None
        if setting is None:
            continue
        if not isinstance(setting, str):
            raise UsageError(f"lang in {path} must be a string, not {setting!r}")
        return resolve(setting, f"lang in {path}")
    return AUTO
