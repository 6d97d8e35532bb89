"""askspec's config files: the user's own, where it lives, and how a file is read."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from askspec.errors import MailError


def user_config_path(env: Mapping[str, str]) -> Path:
    """$XDG_CONFIG_HOME/askspec/config.toml, with the XDG default of ~/.config."""
    base = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME") or Path.home()) / ".config")
    return Path(base) / "askspec" / "config.toml"


def read_toml(path: Path) -> dict[str, Any]:
    """The file's tables; a MailError names the file when it cannot be read or parsed."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise MailError(f"not valid TOML: {exc}", path=path) from exc
    except OSError as exc:
        raise MailError(f"cannot read: {exc.strerror or exc}", path=path) from exc
