"""The SMTP password: where it comes from, and the only server each source lets it go to."""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Callable, Mapping

from askspec.config.files import user_config_path
from askspec.config.smtp import DESTINATION_KEYS, PASSWORD_ENV, PLAINTEXT_KEY, SmtpSettings
from askspec.errors import MailError

PASSWORD_COMMAND_TIMEOUT = 60.0


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
