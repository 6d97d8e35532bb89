"""Render the request's documents from Jinja2 templates: one environment, data in, text out."""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from unicodedata import east_asian_width

import jinja2
import yaml
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from askspec.errors import TemplateError
from askspec.i18n import N_, _, ngettext
from askspec.models import Area, Question, Request
from askspec.request.answer_format import (
    ANSWER_LABEL,
    MARKER_LABEL,
    PLACEHOLDER_TEXT,
    REFERENCE_LABEL,
    Marker,
    make_marker,
    placeholder,
    quote_answer,
)
from askspec.request.catalogue import AREA_TITLES
from askspec.seed_groups import seed_groups

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
#: Characters that could start Markdown syntax inside a line.
MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|!&~#{}])")
MD_LINE_START = re.compile(r"^(\d*)([-+=.)])")


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


def md_inline(value: object) -> str:
    """Seed text made safe for one line of Markdown: flattened, every marker escaped."""
    flat = " ".join(str(value).split())
    escaped = MD_SPECIAL.sub(r"\\\1", flat)
    return MD_LINE_START.sub(r"\1\\\2", escaped)


def md_cell(value: object) -> str:
    """Markdown made safe for a table cell: a ``|`` would end the cell, even in code."""
    return str(value).replace("|", "\\|")


def plain_line(value: object) -> str:
    """Seed text as one line of plain text (for the emailed text, which is not Markdown)."""
    return " ".join(str(value).split())


def md_code(value: object) -> str:
    """Seed text as an inline code span that no backtick inside can close."""
    flat = " ".join(str(value).split())
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def to_yaml(value: Any) -> str:
    """Dump data as YAML safely: seed text stays a string value, never YAML syntax."""
    readable = yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100)
    # PyYAML writes NEL and the Unicode line separators raw, and YAML reads them back as
    # line breaks; where that changes the data, escape everything that is not ASCII.
    if yaml.safe_load(readable) == value:
        return readable
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=False, width=100)


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


#: The kinds of file as the request names them.
KIND_NAMES = {
    "prose": N_("prose"),
    "code": N_("code"),
    "spec": N_("spec"),
    "data": N_("data"),
    "empty": N_("empty"),
    "binary": N_("binary"),
    "unreadable": N_("unreadable"),
}


def kind_name(kind: object) -> str:
    """A kind of file (``prose``, ``spec``...) in the language being written."""
    name = str(kind)
    return _(KIND_NAMES[name]) if name in KIND_NAMES else name


def evidence_text(evidence: object) -> str:
    """A classifier's evidence in the language being written (see request.evidence)."""
    from askspec.request.evidence import translated

    return translated(str(evidence))


def text_width(value: object) -> int:
    """Columns a line takes on a terminal: wide (CJK) characters count twice."""
    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in str(value))


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
class Section:
    """An area of the request with its questions, for the templates."""

    area: Area
    title: str
    required: bool
    questions: tuple[Question, ...]

    @property
    def heading(self) -> str:
        """``Inputs (required)``, in the language being written."""
        if self.required:
            return _("{title} (required)").format(title=self.title)
        return _("{title} (optional)").format(title=self.title)


def sections(questions: tuple[Question, ...]) -> tuple[Section, ...]:
    """Questions grouped by area, areas in catalogue order."""
    order: list[Area] = []
    for q in questions:
        if q.area not in order:
            order.append(q.area)
    return tuple(
        Section(
            area,
            _(AREA_TITLES[area]),
            any(q.required for q in questions if q.area is area),
            tuple(q for q in questions if q.area is area),
        )
        for area in order
    )


def request_marker(request: Request, doc: str = "") -> Marker:
    """The marker naming the request and its questions, embedded in every deliverable."""
    ids = (q.id for q in request.questions)
    return make_marker(request.id, request.version, ids, doc, request.seeds_digest)


def context(request: Request, **extra: Any) -> dict[str, Any]:
    """The template context: everything comes in here, nothing is read from outside."""
    return {
        "request": request,
        "project": request.project,
        "date": request.date,
        "version": request.version,
        "seeds": request.scan.files,
        "seed_groups": seed_groups(request.scan.files),
        "counts": request.scan.counts(),
        "sections": sections(request.questions),
        "questions": request.questions,
        "marker": str(request_marker(request)),
        "lang": request.lang,
        "answer_label": _(ANSWER_LABEL),
        "placeholder": placeholder(),
        "plain_answer_label": _(ANSWER_LABEL),
        "plain_placeholder": _(PLACEHOLDER_TEXT),
        "required_word": _("required"),
        "reference_label": _(REFERENCE_LABEL),
        **extra,
    }


@dataclass(frozen=True)
class Documents:
    """The rendered texts, before they become files or a message."""

    request_md: str
    request_html: str
    email_text: str
    email_html: str
    checklist_md: str
    issue_form: str


def issue_form_data(request: Request) -> dict[str, Any]:
    """The GitHub issue form as data: one field per question, required areas required."""
    body: list[dict[str, Any]] = [
        {
            "type": "markdown",
            "attributes": {
                "value": _(
                    "askspec request {id} for {project}. Please answer each question; a "
                    "performance target is a number with a unit, a load and a way to measure it."
                ).format(id=request.id, project=request.project)
            },
        },
    ]
    for q in request.questions:
        description = _("{guidance} Example: {example}").format(
            guidance=q.guidance, example=q.example
        )
        if q.evidence:
            # GitHub renders a description as Markdown: seed text is escaped.
            cited = "; ".join(f"{md_inline(f'{f.path}:{f.line}')}: {md_inline(f.quote)}"
                              for f in q.evidence[:3])  # fmt: skip
            description += " " + _("The seeds say: {quotes}. Confirm or correct.").format(
                quotes=cited
            )
        body.append(
            {
                "type": "textarea",
                "id": q.id.lower(),
                "attributes": {
                    "label": f"{q.id} — {q.title}",
                    "description": description,
                    # An earlier answer comes pre-filled, ready to confirm or correct.
                    **({"value": q.answer} if q.answer else {}),
                },
                "validations": {"required": q.required},
            }
        )
    body.append(
        {
            # A one-line input: GitHub copies its value into the issue body, unlike markdown.
            "type": "input",
            "id": "askspec-request",
            "attributes": {
                "label": _(MARKER_LABEL),
                "description": _(
                    "Leave this as it is: it tells askspec which request and questions this "
                    "issue answers."
                ),
                "value": request_marker(request, "issue").comment(),
            },
            "validations": {"required": False},
        }
    )
    title = _("Spec request: {project}").format(project=request.project)[:200]
    return {
        "name": title,
        "description": _(
            "Answer askspec's questions about inputs, outputs, hardware and performance targets."
        ),
        "title": title,
        "labels": ["spec-request"],
        "body": body,
    }


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
