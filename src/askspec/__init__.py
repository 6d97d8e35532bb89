"""askspec: turn a folder of seeds into a precise request for what is still missing."""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

#: The public API, imported on first use so that ``askspec --version`` starts fast.
_EXPORTS = {
    "AskspecError": "askspec.errors",
    "Kind": "askspec.models",
    "Verdict": "askspec.models",
    "Options": "askspec.generate",
    "check_answers": "askspec.answers.check",
}
# scan, classify and generate are imported from their modules (askspec.scan.scan...):
# the package cannot also export them under its own name, since importing a submodule
# binds the submodule to that name on the package.

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'askspec' has no attribute {name!r}")
