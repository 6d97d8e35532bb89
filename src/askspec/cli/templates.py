"""``askspec templates``: list, show and copy the shipped templates."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from askspec.cli.common import Lang, TemplatesDir, reported

templates_app = typer.Typer(help="See, show and copy the shipped templates.", no_args_is_help=True)


@templates_app.command("list")
def templates_list(templates: TemplatesDir = None, lang: Lang = None) -> None:
    """List the shipped templates; with --templates, mark the ones a folder overrides.

    With --lang, the language's message catalog is listed too: the templates' words
    in that language, which a --templates folder may replace as well.

    Example: askspec templates list --templates my-templates --lang de
    """
    from askspec.request.render import builtin_templates, catalog_names

    with reported():
        names = builtin_templates() + catalog_names(lang)
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
    lang: Lang = None,
) -> None:
    """Print a template's source (the override when --templates has one).

    With --lang, NAME may also be the language's catalog, as listed by
    ``askspec templates list --lang``.

    Example: askspec templates show request.md.j2
             askspec templates show locale/de/LC_MESSAGES/askspec.po --lang de
    """
    from askspec.request.render import template_source

    with reported():
        source, _ = template_source(name, templates, lang)
    sys.stdout.write(source)


@templates_app.command("copy")
def templates_copy(
    folder: Annotated[Path, typer.Argument(help="Folder to copy the templates into.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
    lang: Lang = None,
) -> None:
    """Copy the shipped templates into FOLDER to customise them; use with --templates.

    With --lang, the language's catalog is copied too, to change the words it uses.

    Example: askspec templates copy my-templates --lang fr
             askspec generate seeds -o out --templates my-templates --lang fr
    """
    from askspec.output import write_outputs
    from askspec.request.render import builtin_templates, catalog_names, template_source

    with reported():
        names = builtin_templates() + catalog_names(lang)
        files = {name: template_source(name, None, lang)[0].encode("utf-8") for name in names}
        written = write_outputs(folder, files, force=force)
    for path in written:
        typer.echo(str(path))
