"""What every command shares: argument types, error reporting and JSON output."""

from __future__ import annotations

import contextlib
import json
import os
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


@contextlib.contextmanager
def reported() -> Iterator[None]:
    """The one place where errors become a line on stderr and an exit code."""
    try:
        yield
    except AskspecError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except Exception as exc:  # a bug, still reported on one line; ASKSPEC_DEBUG shows more
        if os.environ.get("ASKSPEC_DEBUG"):
            raise
        typer.echo(f"error: internal error: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(1) from None


def emit_json(data: Any) -> None:
    """One JSON object on stdout."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
