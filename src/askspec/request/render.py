"""Render the request's documents from Jinja2 templates: one environment, data in, text out.

The filters the templates use are in :mod:`askspec.request.filters`, the context they
are given in :mod:`askspec.request.template_context`.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from askspec.errors import TemplateError
from askspec.i18n import _, ngettext
from askspec.request.answer_format import quote_answer
from askspec.request.filters import (
    evidence_text,
    kind_name,
    md_cell,
    md_code,
    md_inline,
    plain_line,
    text_width,
    to_yaml,
)
from askspec.request.issue_form import issue_form_data
from askspec.request.model import Request
from askspec.request.template_context import context

#: The shipped templates, by name; a user's --templates folder may replace any of them.
TEMPLATE_NAMES = (
    "request.md.j2",
    "request.html.j2",
    "request.eml.j2",
    "email.html.j2",
    "checklist.md.j2",
    "issue-form.yml.j2",
)
BUILTIN_PREFIX = "builtin"
#: The most one template may produce, in characters.
OUTPUT_LIMIT = 16 << 20


def _builtin_source(name: str) -> tuple[str, str, Callable[[], bool]]:
    parts = name.split("/")
    if any(part in {"", ".", ".."} for part in parts):
        raise jinja2.TemplateNotFound(name)
    node = resources.files("askspec.templates")
    for part in parts:
        node = node.joinpath(part)
    if not node.is_file():
        raise jinja2.TemplateNotFound(name)
    return node.read_text(encoding="utf-8"), f"templates/{name}", lambda: True


def builtin_loader() -> jinja2.BaseLoader:
    """A loader for the templates shipped in the askspec.templates package."""
    return jinja2.FunctionLoader(_builtin_source)


def make_env(templates: Path | None = None) -> jinja2.Environment:
    """The one Jinja environment: sandboxed, strict, HTML autoescaped, user folder first."""
    builtin = builtin_loader()
    loaders: list[jinja2.BaseLoader] = []
    if templates is not None:
        loaders.append(jinja2.FileSystemLoader(str(templates)))
    loaders.append(jinja2.PrefixLoader({BUILTIN_PREFIX: builtin}))
    loaders.append(builtin)
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "htm", "xml", "html.j2"), default_for_string=False
        ),
    )
    env.filters.update(md=md_inline, code=md_code, cell=md_cell, yaml=to_yaml, answer=quote_answer)
    env.filters.update(plain=plain_line, kind=kind_name, evidence=evidence_text, width=text_width)
    # Messages come from the catalog of the language being written (see i18n.speaking);
    # a {% trans %} block is one message with its blanks and line breaks collapsed.
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=_, ngettext=ngettext, newstyle=True
    )
    return env


def _template_line(exc: BaseException) -> tuple[str | None, int | None]:
    """The template file and line where rendering failed, from Jinja's rewritten traceback."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            return frame.filename, frame.lineno
    return None, None


def _bounded(template: jinja2.Template, context: dict[str, Any]) -> str:
    """Render chunk by chunk and stop once the output passes OUTPUT_LIMIT characters.

    A template loop can multiply its output far beyond memory; this stops it early.
    """
    chunks: list[str] = []
    size = 0
    for chunk in template.generate(context):
        size += len(chunk)
        if size > OUTPUT_LIMIT:
            raise TemplateError(
                f"output passes {OUTPUT_LIMIT // (1 << 20)} MiB; refusing to render more",
                template.filename or template.name,
            )
        chunks.append(chunk)
    return "".join(chunks)


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render one template; any failure becomes a TemplateError naming template and line."""
    try:
        return _bounded(env.get_template(name), context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            exc.message or "syntax error", exc.filename or exc.name or name, exc.lineno
        ) from exc
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template not found: {exc.name}", name) from exc
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError) as exc:
        path, line = _template_line(exc)
        raise TemplateError(str(exc), path or name, line) from exc


def without_marker(text: str) -> str:
    """The Markdown without its marker comment lines, which raw-HTML-off would show as text."""
    lines = text.split("\n")
    kept = [ln for ln in lines if not (ln.startswith("<!-- askspec:") and ln.endswith("-->"))]
    return "\n".join(kept)


def markdown_html(text: str) -> Markup:
    """Markdown to HTML the way GitHub shows it: tables, task lists, no raw HTML."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.tasklists import tasklists_plugin

    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    md.use(tasklists_plugin)
    return Markup(md.render(text))  # noqa: S704 - raw HTML is disabled, so this is escaped


@dataclass(frozen=True)
class Documents:
    """The rendered texts, before they become files or a message."""

    request_md: str
    request_html: str
    email_text: str
    email_html: str
    checklist_md: str
    issue_form: str


def render_documents(request: Request, env: jinja2.Environment, sender: str = "") -> Documents:
    """Render every document of the request; sender addresses the page's mail button."""
    from askspec.request.page import render_page  # the page builds on this module's helpers

    ctx = context(request)
    request_md = render_template(env, "request.md.j2", ctx)
    email_text = render_template(env, "request.eml.j2", ctx)
    page = {**ctx, "title": _("Request for details: {project}").format(project=request.project)}
    body = markdown_html(without_marker(request_md))
    request_html = render_page(env, request, {**page, "body": body}, request_md, sender)
    # The email's HTML part has no form and no script: mail clients show neither.
    email_html = render_template(
        env, "email.html.j2", {**page, "body": markdown_html(without_marker(email_text))}
    )
    checklist = render_template(env, "checklist.md.j2", ctx)
    form = render_template(env, "issue-form.yml.j2", {**ctx, "form": issue_form_data(request)})
    return Documents(request_md, request_html, email_text, email_html, checklist, form)


def builtin_templates() -> list[str]:
    """The names of every shipped template, partials included, sorted."""
    found: list[str] = []
    pending = [("", resources.files("askspec.templates"))]
    while pending:
        prefix, node = pending.pop()
        for child in node.iterdir():
            if (
                child.is_dir()
                and not child.name.startswith(("_", "."))
                or child.name == "_partials"
            ):
                pending.append((f"{prefix}{child.name}/", child))
            elif child.name.endswith(".j2"):
                found.append(prefix + child.name)
    return sorted(found)


def catalog_names(lang: str | None) -> list[str]:
    """The catalog of a language (``--lang``) as a name beside the templates; none for auto."""
    from askspec.i18n import AUTO, languages, resolve

    code = resolve(lang) if lang else AUTO
    if code == AUTO:
        return []
    return [f"locale/{languages()[code].catalog_path}"]


def template_source(
    name: str, templates: Path | None = None, lang: str | None = None
) -> tuple[str, str]:
    """A template's source and where it comes from: the user's folder or the shipped set.

    With lang, name may also be that language's catalog (see catalog_names).
    """
    if name in catalog_names(lang):
        from askspec.i18n import locale_folder

        own = templates / name if templates is not None else None
        if own is not None and own.is_file():
            return own.read_text(encoding="utf-8"), str(own)
        shipped = locale_folder().joinpath(name.removeprefix("locale/"))
        return shipped.read_text(encoding="utf-8"), name
    env = make_env(templates)
    assert env.loader is not None
    try:
        source, filename, _ = env.loader.get_source(env, name)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"no template named {name!r}; see 'askspec templates list'") from exc
    return source, filename or name
