"""The language requests are written in: --lang, the environment, or a config file."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from askspec.config.files import read_toml, user_config_path
from askspec.errors import UsageError

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
        node: Any = read_toml(path)
        for key in keys:
            node = node.get(key, {}) if isinstance(node, dict) else {}
        setting = node.get("lang") if isinstance(node, dict) else None
        if setting is None:
            continue
        if not isinstance(setting, str):
            raise UsageError(f"lang in {path} must be a string, not {setting!r}")
        return resolve(setting, f"lang in {path}")
    return AUTO
