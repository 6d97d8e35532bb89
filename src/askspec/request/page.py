"""The fillable request page: request.md cut at each answer, boxes to type in, a strict CSP.

The page carries request.md as parts around the answers, so a browser can put the
typed answers back and save a file that is request.md byte for byte, answers filled.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass, replace
from email.utils import parseaddr
from typing import Any

import jinja2
from markupsafe import Markup

from askspec.i18n import _, in_every_language, ngettext
from askspec.request.answer_format import (
    ANSWER_LABEL,
    PLACEHOLDER_TEXT,
    is_open,
    normalize,
    placeholder,
    quote_answer,
)
from askspec.request.filters import md_inline
from askspec.request.model import Question, Request
from askspec.request.render import markdown_html, render_template, without_marker
from askspec.request.template_context import context

PAGE_TEMPLATE = "request.html.j2"
#: A plain address a mailto: link can carry; anything else leaves the link unaddressed.
PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9.-]{1,255}")
#: Characters after which a file name may wrap: folders, extensions, words.
WRAP_AFTER = re.compile(r"([/._-])")
INLINE_CODE = re.compile(r"<code>([^<]*)</code>")
STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)
SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


@dataclass(frozen=True)
class Chunk:
    """A stretch of the request as HTML, and the question whose answer box follows it."""

    html: Markup
    question: Question | None


def filled(parts: list[str], questions: list[Question], answers: dict[str, str]) -> str:
    """request.md from its parts with each answer quoted, or the placeholder when open."""
    out = [parts[0]]
    empty = placeholder()
    for q, part in zip(questions, parts[1:], strict=True):
        text = normalize(answers.get(q.id, ""))
        out.append((quote_answer(text) if text else empty) + part)
    return "".join(out)


def split_request(
    env: jinja2.Environment, request: Request, request_md: str
) -> tuple[list[str], list[Question]] | None:
    """request.md cut where each answer goes, and the questions in that order.

    The request is rendered once more with a mark in place of each answer; the mark
    holds a digest of the document, so no seed text can imitate it. None when the
    parts do not give request.md back (a custom template that shows answers its way).
    """
    token = hashlib.sha256(request_md.encode("utf-8")).hexdigest()[:16]
    marked = replace(
        request,
        questions=tuple(
            replace(q, answer=f"\ue000{token}:{q.id}\ue000") for q in request.questions
        ),
    )
    text = render_template(env, "request.md.j2", context(marked))
    pieces = re.split(f"^> \ue000{token}:([^\ue000\n]+)\ue000$", text, flags=re.MULTILINE)
    parts, ids = pieces[0::2], pieces[1::2]
    by_id = {q.id: q for q in request.questions}
    if sorted(ids) != sorted(by_id) or len(set(ids)) != len(ids):
        return None
    order = [by_id[i] for i in ids]
    if filled(parts, order, {q.id: q.answer for q in order}) != request_md:
        return None
    return parts, order


def wrappable(html: str) -> str:
    """Inline code with a wrap point after each / . - and _, so file names break there."""
    return INLINE_CODE.sub(
        lambda m: "<code>" + WRAP_AFTER.sub(r"\1<wbr>", m.group(1)) + "</code>", html
    )


def chunks(parts: list[str], order: list[Question]) -> list[Chunk]:
    """The page's body: each part as HTML, followed by the box for its question."""
    found: list[Chunk] = []
    answer_line = f"**{_(ANSWER_LABEL)}**\n\n"
    for n, part in enumerate(parts):
        question = order[n] if n < len(order) else None
        source = part.removesuffix(answer_line) if question else part
        html = wrappable(str(markdown_html(without_marker(source))))
        found.append(Chunk(Markup(html), question))  # noqa: S704 - escaped by markdown_html
    return found


def script_json(data: Any) -> Markup:
    """Data for a ``<script type="application/json">`` block that no text can close."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # noqa: S704 - every character that could end the block is escaped


def mail_address(sender: str) -> str:
    """The sender's bare address for a mailto: link, or empty when there is none."""
    address = parseaddr(sender)[1]
    return address if PLAIN_ADDRESS.fullmatch(address) else ""


def page_data(
    request: Request, parts: list[str], order: list[Question], sender: str
) -> dict[str, Any]:
    """What the page's script needs: request.md's parts and the answers' order."""
    marker = context(request)["marker"]
    return {
        "id": request.id,
        "file": "request.md",
        "parts": parts,
        "slots": [q.id for q in order],
        "placeholder": placeholder(),
        "marker": f"<!-- {marker} -->",
        "titles": {q.id: md_inline(q.title) for q in order},
        "to": mail_address(sender),
        "subject": _("Answers: {project}").format(project=" ".join(request.project.split())),
        "label": f"**{_(ANSWER_LABEL)}**",
        "open_words": open_words(),
        "tally": {
            "answered": [answered_words(n, len(order)) for n in range(len(order) + 1)],
            "open": [open_words_count(n) for n in range(len(order) + 1)],
        },
    }


def open_words() -> list[str]:
    """What the page's script takes for "no answer yet": the placeholders, lower case."""
    words = {"write your answer here", "no response"}
    for text in in_every_language(PLACEHOLDER_TEXT):
        bare = text.lower()
        words |= {bare, bare.rstrip(".。")}
    return sorted(words)


def answered_words(done: int, total: int) -> str:
    """``7 of 15 answered``."""
    return _("{done} of {total} answered").format(done=done, total=total)


def open_words_count(count: int) -> str:
    """``3 required still open``, or ``all required answered``."""
    if not count:
        return _("all required answered")
    return ngettext("{count} required still open", "{count} required still open", count).format(
        count=count
    )


def tally(questions: tuple[Question, ...]) -> str:
    """The count the page shows: answered of all, and required still open."""
    answered = sum(1 for q in questions if not is_open(q.answer))
    open_required = sum(1 for q in questions if q.required and is_open(q.answer))
    return f"{answered_words(answered, len(questions))} — {open_words_count(open_required)}"


def content_policy(html: str) -> str:
    """A policy allowing only the page's own inline style and script, by their hashes."""

    def hashes(found: list[str]) -> str:
        digests = (base64.b64encode(hashlib.sha256(s.encode()).digest()) for s in found)
        return " ".join(f"'sha256-{d.decode()}'" for d in digests) or "'none'"

    styles, scripts = hashes(STYLE.findall(html)), hashes(SCRIPT.findall(html))
    return (
        f"default-src 'none'; style-src {styles}; script-src {scripts}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def render_page(
    env: jinja2.Environment, request: Request, page: dict[str, Any], request_md: str, sender: str
) -> str:
    """request.html: the request with a box per answer, saved as typed, downloadable."""
    split = split_request(env, request, request_md)
    if split is None:
        body = [Chunk(Markup(wrappable(str(page["body"]))), None)]  # noqa: S704
        data: dict[str, Any] = {"id": request.id, "parts": [], "slots": []}
    else:
        body, data = chunks(*split), page_data(request, *split, sender)
    ctx = {
        **page,
        "chunks": body,
        "fillable": split is not None,
        "data": script_json(data),
        "tally": tally(request.questions),
        "required_mark": Markup('<span class="required">{}</span>').format(_("required")),
        "mail_to": data.get("to", ""),
    }
    draft = render_template(env, PAGE_TEMPLATE, {**ctx, "csp": ""})
    return render_template(env, PAGE_TEMPLATE, {**ctx, "csp": content_policy(draft)})
