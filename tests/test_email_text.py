"""The emailed template reads as an email: plain text that check still reads, inline-styled HTML."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from typer.testing import CliRunner

import judge_seeds as seeds
from askspec.answers.check import check_answers
from askspec.cli import app
from askspec.generate import Options, build_request, render_outputs
from askspec.mail.body import WIDTH, email_html, resolve_variables, wrap_text
from askspec.scan import scan

Build = Callable[..., Path]
FOLDERS = {
    "two-products": seeds.TWO_PRODUCTS,
    "draft-and-final": seeds.DRAFT_AND_FINAL,
    "news": seeds.NEWS,
    "model": seeds.MODEL_REPO,
}
OPTIONS = Options(project="Records 02-tdrs-rfq", date=date(2026, 1, 5), to=("ana@example.com",))


def message(make_tree: Build, tree: dict[str, str]) -> EmailMessage:
    folder = make_tree(tree)
    files = render_outputs(build_request(scan(folder), OPTIONS, folder), OPTIONS)
    msg = message_from_bytes(files["request.eml"], policy=policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def body(msg: EmailMessage, kind: str) -> str:
    part = msg.get_body((kind,))
    assert part is not None
    return str(part.get_content())


@pytest.mark.parametrize("name", sorted(FOLDERS))
def test_the_text_part_is_plain_text_wrapped_for_mail(make_tree: Build, name: str) -> None:
    text = body(message(make_tree, FOLDERS[name]), "plain")
    for mark in ("\\-", "\\*", "\\_", "**", "##", "<!--", "-->"):
        assert mark not in text, mark
    long = [ln for ln in text.splitlines() if len(ln) > 78 and "://" not in ln]
    assert long == []
    assert "Records 02-tdrs-rfq" in text


@pytest.mark.parametrize("name", sorted(FOLDERS))
def test_the_html_part_has_inline_styles_and_no_form(make_tree: Build, name: str) -> None:
    html = body(message(make_tree, FOLDERS[name]), "html")
    assert "<style" not in html and "var(--" not in html
    assert not re.search(r"<(input|form|button|textarea|select)\b", html)
    assert 'style="' in html


def test_the_first_lines_say_the_observations_then_the_files(make_tree: Build) -> None:
    text = body(message(make_tree, seeds.DRAFT_AND_FINAL), "plain")
    head = text.split("What we ask", 1)[0]
    assert "- rfq-draft.md and rfq-final.md are versions of" in head
    assert "OBS-1 Which version governs" in text


def test_check_reads_the_reference_and_answers_of_a_reply(make_tree: Build, tmp_path: Path) -> None:
    text = body(message(make_tree, seeds.NEWS), "plain")
    quoted = "\n".join(f"> {line}" if line else ">" for line in text.splitlines())
    reply = EmailMessage()
    reply["From"], reply["To"], reply["Subject"] = "ana@example.com", "q@example.org", "Re: q"
    reply.set_content(f"OBS-1: A tool that files the weekly figures.\nIN-1: TBD\n\n{quoted}\n")
    path = tmp_path / "reply.eml"
    path.write_bytes(reply.as_bytes())
    result = check_answers([path])
    assert result.request is not None and result.request.problem() is None
    assert {a.id: a.text for a in result.answered} == {
        "OBS-1": "A tool that files the weekly figures."
    }
    assert result.open[0] == "IN-1"


def test_wrapping_keeps_prefixes_and_never_starts_a_line_with_markup() -> None:
    line = "> " + " ".join(["word"] * 30) + " ``` # - 1. " + " ".join(["more"] * 20)
    wrapped = wrap_text(line).split("\n")
    assert all(piece.startswith("> ") for piece in wrapped)
    assert all(len(piece) <= WIDTH for piece in wrapped)
    assert not any(re.match(r"> (```|#|- |1\.)", piece) for piece in wrapped)
    url = "see https://example.com/" + "a" * 100
    assert url.split()[-1] in wrap_text(url).split("\n")[-1]


def test_css_variables_are_resolved_before_inlining() -> None:
    css = ":root { color-scheme: light; --ink: #123; } p { color: var(--ink); }"
    assert "var(" not in resolve_variables(css) and "#123" in resolve_variables(css)
    html = f"<html><head><style>{css}</style></head><body><p>x</p><input type=checkbox></body>"
    out = email_html(html.replace("type=checkbox", 'type="checkbox"'))
    assert "color: #123" in out and "<input" not in out and "☐" in out


def test_without_an_address_the_eml_has_no_recipient_and_send_refuses(tmp_path: Path) -> None:
    from conftest import EXAMPLE_SEEDS

    runner = CliRunner()
    r = runner.invoke(app, ["generate", str(EXAMPLE_SEEDS), "-o", str(tmp_path / "g")])
    assert r.exit_code == 0, r.output
    assert "request.eml has no recipient" in r.stderr
    r = runner.invoke(app, ["email", str(EXAMPLE_SEEDS), "-o", str(tmp_path / "e")])
    assert r.exit_code == 0, r.output
    assert "has no recipient" in r.stderr and "To: (none)" in r.stdout
    r = runner.invoke(
        app, ["email", str(EXAMPLE_SEEDS), "-o", str(tmp_path / "s"), "--from", "a@b.org", "--send"]
    )
    assert r.exit_code == 2, r.output
    assert "--send needs a recipient" in r.stderr
