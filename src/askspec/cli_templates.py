"""``askspec templates``: list, show and copy the shipped templates."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from askspec.cli_common import TemplatesDir, reported

templates_app = typer.Typer(help="See, show and copy the shipped templates.", no_args_is_help=True)


@templates_app.command("list")
def templates_list(templates: TemplatesDir = None) -> None:
    """List the shipped templates; with --templates, mark the ones a folder overrides.

    Example: askspec templates list --templates my-templates
    """
    from askspec.render import builtin_templates

    with reported():
        names = builtin_templates()
    for name in names:
        override = templates / name if templates is not None else None
        if override is not None and override.is_file():
            typer.echo(f"{name}  (overridden by {override})")
        else:
            typer.echo(name)


@templates_app.command("show")
def templates_show(
    name: Annotated[str, typer.Argument(help="Template name, e.g. request.md.j2.")],
    templates: TemplatesDir = None,
) -> None:
    """Print a template's source (the override when --templates has one).

    Example: askspec templates show request.md.j2
    """
    from askspec.render import template_source

    with reported():
        source, _ = template_source(name, templates)
    sys.stdout.write(source)


@templates_app.command("copy")
def templates_copy(
    folder: Annotated[Path, typer.Argument(help="Folder to copy the templates into.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
) -> None:
    """Copy the shipped templates into FOLDER to customise them; use with --templates.

    Example: askspec templates copy my-templates
             askspec generate seeds -o out --templates my-templates
    """
    from askspec.output import write_outputs
    from askspec.render import builtin_templates, template_source

    with reported():
        files = {name: template_source(name)[0].encode("utf-8") for name in builtin_templates()}
        written = write_outputs(folder, files, force=force)
    for path in written:
        typer.echo(str(path))
