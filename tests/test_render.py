"""Templates: one environment, escaping of seed text, errors with template and line."""

from __future__ import annotations

import email
import subprocess
import sys
from datetime import date
from email import policy
from pathlib import Path

import jinja2
import pytest
import yaml
from markdown_it import MarkdownIt

from askspec.errors import TemplateError
from askspec.generate import Options, build_request, render_outputs
from askspec.request.filters import md_code, md_inline
from askspec.request.render import (
    builtin_templates,
    make_env,
    markdown_html,
    render_template,
    template_source,
)
from askspec.scan import scan
from pagecode import without_page_code

HOSTILE = (
    "<script>alert(1)</script> {{ 7*7 }} {% if true %}x{% endif %} "
    "### IN-9 | **b** [l](javascript:x)"
)


def outputs_for(make_tree, text: str, name: str = "notes.md") -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    seeds = make_tree({name: text})
    options = Options(project="P", date=date(2026, 1, 1))
    return render_outputs(build_request(scan(seeds), options, seeds), options)


def test_every_shipped_template_loads() -> None:
    env = make_env()
    for name in builtin_templates():
        env.get_template(name)


def test_autoescape_is_on_for_html_templates_only() -> None:
    env = make_env()
    assert env.autoescape("request.html.j2") is True  # type: ignore[operator]
    assert env.autoescape("request.md.j2") is False  # type: ignore[operator]


@pytest.mark.parametrize(
    "text",
    [
        "# Heading",
        "- item",
        "1. item",
        "+ x",
        "a | b",
        "<b>x</b>",
        "*em* _em_ `code`",
        "[link](http://x)",
        "![i](x.png)",
        "line\nbreak\n### IN-1",
        "&lt; entity",
        "\\ backslash",
    ],
)
def test_md_inline_renders_literally(text: str) -> None:
    html = MarkdownIt("commonmark", {"html": False}).render(md_inline(text))
    flat = " ".join(text.split())
    expected = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert html == f"<p>{expected}</p>\n"


@pytest.mark.parametrize("text", ["plain", "a`b", "``x``", "`edge`", "x ``` y"])
def test_md_code_keeps_backticks_inside(text: str) -> None:
    tokens = MarkdownIt("commonmark").parseInline(md_code(text))[0].children
    assert tokens is not None
    assert [t.content for t in tokens if t.type == "code_inline"] == [text]


def test_markdown_html_drops_raw_html_and_js_links() -> None:
    html = str(markdown_html("<script>x</script>\n\n[a](javascript:alert(1))\n\n- [x] done\n"))
    assert "<script>" not in html
    assert 'href="javascript' not in html
    assert 'type="checkbox"' in html


def test_seed_text_is_data_in_every_output(make_tree) -> None:  # type: ignore[no-untyped-def]
    name = "{{ 7*7 }}<img src=x onerror=alert(1)>.md"
    out = outputs_for(make_tree, HOSTILE, name=name)
    out["request.html"] = without_page_code(out["request.html"].decode()).encode()
    for output, data in out.items():
        # Message-ID and MIME boundary are hashes of the content and may hold any digits.
        lines = [
            line
            for line in data.splitlines()
            if not line.lower().startswith(b"message-id:")
            and b"askspec-" not in line
            and b"=_askspec_" not in line
        ]
        assert b"49" not in b"\n".join(lines), output
    msg = email.message_from_bytes(out["request.eml"], policy=policy.default)
    html_part = msg.get_body(("html",))
    assert html_part is not None
    pages = {
        "request.html": out["request.html"].decode(),  # its own code is taken out above
        "email html": html_part.get_content(),
        "request.md": str(markdown_html(out["request.md"].decode())),
        "CHECKLIST.md": str(markdown_html(out["CHECKLIST.md"].decode())),
    }
    for where, html in pages.items():
        assert "<script" not in html and "<img" not in html, where
    md = out["request.md"].decode()
    assert "\n### IN-9" not in md
    assert md.count("`{{ 7*7 }}<img src=x onerror=alert(1)>.md`") == 1


def test_template_syntax_error_names_template_and_line(tmp_path: Path) -> None:
    (tmp_path / "request.md.j2").write_text("ok\n{% if %}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        render_template(make_env(tmp_path), "request.md.j2", {})
    assert info.value.line == 2
    assert info.value.path is not None and info.value.path.endswith("request.md.j2")


def test_user_template_cannot_reach_python_internals(tmp_path: Path) -> None:
    (tmp_path / "evil.j2").write_text(
        "{{ ''.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8"
    )
    with pytest.raises(TemplateError) as info:
        render_template(make_env(tmp_path), "evil.j2", {})
    assert "unsafe" in str(info.value) or "not safely" in str(info.value)


def test_override_can_extend_builtin(tmp_path: Path) -> None:
    (tmp_path / "checklist.md.j2").write_text(
        'X\n{% include "builtin/checklist.md.j2" %}', encoding="utf-8"
    )
    source, where = template_source("checklist.md.j2", tmp_path)
    assert source.startswith("X\n") and where.endswith("checklist.md.j2")
    assert template_source("checklist.md.j2")[0].startswith("<!--")


@pytest.mark.parametrize("name", ["../etc/passwd", "/abs.j2", "a/../../b.j2", ""])
def test_builtin_loader_refuses_paths_outside(name: str) -> None:
    with pytest.raises(jinja2.TemplateNotFound):
        make_env().get_template(f"builtin/{name}")


def test_html_is_a_complete_page(make_tree) -> None:  # type: ignore[no-untyped-def]
    html = outputs_for(make_tree, "Some notes about a shop.")["request.html"].decode()
    assert html.startswith("<!DOCTYPE html>")
    assert "<title>Request for details: P</title>" in html
    assert "@media print" in html
    assert html.rstrip().endswith("</html>")


def test_templates_never_read_the_clock() -> None:
    for name in builtin_templates():
        source = template_source(name)[0]
        assert "now(" not in source and "environ" not in source, name


def test_rendering_needs_no_network_or_clock(tmp_path: Path) -> None:
    code = (
        "import socket, time\n"
        "socket.socket = None\n"
        "from datetime import date\n"
        "from askspec.generate import Options, generate\n"
        f"generate({str(Path(__file__).parent.parent / 'examples' / 'seeds')!r}, "
        f"{str(tmp_path / 'o')!r}, Options(date=date(2026, 1, 1)))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr


def test_runaway_template_output_is_capped(tmp_path: Path) -> None:
    (tmp_path / "big.j2").write_text(
        "{% for i in range(100000) %}{% for j in range(100000) %}xxxxxxxxxx{% endfor %}"
        "{% endfor %}",
        encoding="utf-8",
    )
    with pytest.raises(TemplateError) as info:
        render_template(make_env(tmp_path), "big.j2", {})
    assert "refusing to render more" in str(info.value)
    assert info.value.path is not None and info.value.path.endswith("big.j2")


def test_yaml_filter_keeps_line_separators_as_data() -> None:
    # Found by the property tests: PyYAML wrote NEL raw and read it back as a space.
    from askspec.request.filters import to_yaml

    for value in ({"label": "a\x85b"}, ["\u2028"], "x\u2029y", {"zh": "输入\x85"}):
        assert yaml.safe_load(to_yaml(value)) == value
    assert "输入" in to_yaml({"zh": "输入"})
