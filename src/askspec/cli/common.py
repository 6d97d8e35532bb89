"""What every command shares: argument types, error reporting and JSON output."""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from askspec.errors import EXIT_INTERRUPTED, AskspecError

Seeds = Annotated[
    Path, typer.Argument(help="The seeds folder (or a single file).", show_default=False)
]
TemplatesDir = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        help="A folder whose templates replace the shipped ones by name.",
        file_okay=False,
    ),
]

Lang = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Language to write in: auto (the seeds' prevailing one) or a code such as de or "
        "zh-CN; else ASKSPEC_LANG, else lang in the config file. An unknown code lists them.",
        show_default=False,
    ),
]


#: Characters a terminal acts on rather than shows: C0 and C1 controls (escape sequences
#: start with ESC or CSI), DEL, and the bidirectional overrides that reorder a line.
_UNSHOWN = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: The same characters apart from C0, which json.dumps escapes already.
_UNSHOWN_IN_JSON = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Text safe to print on a terminal: control characters shown as ``\\x1b``, never sent."""
    return _UNSHOWN.sub(_escaped, text)


def echo_err(line: str) -> None:
    """One line on stderr; an ``error:`` or ``warning:`` prefix is coloured on a terminal."""
    from askspec.request.terminal import styled

    typer.echo(styled(line, sys.stderr), err=True)


@contextlib.contextmanager
def reported() -> Iterator[None]:
    """The one place where errors become a line on stderr and an exit code."""
    try:
        yield
    except AskspecError as exc:
        echo_err(visible(f"error: {exc}"))
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except Exception as exc:  # a bug, still reported on one line; ASKSPEC_DEBUG shows more
        if os.environ.get("ASKSPEC_DEBUG"):
            raise
        echo_err(visible(f"error: internal error: {type(exc).__name__}: {exc}"))
        raise typer.Exit(1) from None


def emit_json(data: Any) -> None:
    """One JSON object on stdout; characters a terminal would act on are \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    typer.echo(_UNSHOWN_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
