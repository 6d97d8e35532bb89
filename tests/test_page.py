"""The request page: its content policy, one box per question, request.md inside it."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from askspec.generate import Options, build_request, render_outputs
from askspec.request.page import content_policy, filled, mail_address, script_json, wrappable
from askspec.scan import scan
from conftest import GOLDEN

PAGE = (GOLDEN / "example" / "request.html").read_text(encoding="utf-8")
REQUEST = json.loads((GOLDEN / "example" / "request.json").read_text(encoding="utf-8"))
FIXED = Options(project="P", date=date(2026, 1, 1), sender="Ana <ana@example.com>")


def page_for(make_tree: Callable[..., Path], tree: dict[str, str], **kw: object) -> str:
    seeds = make_tree(tree)
    options = Options(**{**FIXED.__dict__, **kw})  # type: ignore[arg-type]
    request = build_request(scan(seeds), options, seeds)
    return render_outputs(request, options)["request.html"].decode()


def page_data(page: str) -> dict[str, object]:
    found = re.search(r'<script type="application/json" id="askspec-data">(.*?)</script>', page)
    assert found is not None
    data: dict[str, object] = json.loads(found.group(1))
    return data


def test_golden_page_has_a_policy_matching_its_own_code() -> None:
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', PAGE)
    assert meta is not None
    policy = html.unescape(meta.group(1))
    assert policy.startswith("default-src 'none';")
    for tag in ("style", "script"):
        body = re.search(f"<{tag}>(.*?)</{tag}>", PAGE, re.DOTALL)
        assert body is not None
        digest = base64.b64encode(hashlib.sha256(body.group(1).encode()).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_golden_page_has_a_labelled_box_per_question() -> None:
    ids = [q["id"] for q in REQUEST["questions"]]
    assert re.findall(r'<textarea id="answer-([^"]+)" name="\1"', PAGE) == ids
    assert re.findall(r'<label for="answer-([^"]+)">', PAGE) == ids
    required = [q["id"] for q in REQUEST["questions"] if q["required"]]
    assert re.findall(r'name="([^"]+)" rows="4" data-question="\1" data-required', PAGE) == required
    assert 'id="download-answers"' in PAGE and 'id="mail-answers"' in PAGE


def test_golden_page_reaches_for_nothing_outside_itself() -> None:
    assert not re.search(r"https?://|//[a-z]", PAGE.replace("http-equiv", ""))
    assert not re.search(r"<(link|img|iframe|object|embed)\b|@import|url\(", PAGE)
    assert "word-break: break-all" not in PAGE


def test_golden_page_carries_request_md_byte_for_byte() -> None:
    data = page_data(PAGE)
    md = (GOLDEN / "example" / "request.md").read_text(encoding="utf-8")
    parts, slots = data["parts"], data["slots"]
    assert isinstance(parts, list) and isinstance(slots, list)
    out = parts[0] + "".join(data["placeholder"] + p for p in parts[1:])  # type: ignore[operator]
    assert out == md
    assert slots == [q["id"] for q in REQUEST["questions"]]
    assert str(data["marker"]).startswith("<!-- askspec:request id=" + REQUEST["id"])


def test_seed_text_is_escaped_data_in_the_page(make_tree) -> None:  # type: ignore[no-untyped-def]
    hostile = "# Inputs\n\nThe app MUST read </script><script>alert(1)</script> {{ 7*7 }} files.\n"
    page = page_for(make_tree, {"a</script>.md": hostile})
    assert page.count("<script") == 2 and page.count("</script>") == 2
    assert "alert(1)</script>" not in page and "49 files" not in page
    assert "\\u003c/script\\u003e" in page  # in the data block, as JSON escapes
    assert page_data(page)["to"] == "ana@example.com"


def test_page_is_deterministic(make_tree) -> None:  # type: ignore[no-untyped-def]
    tree = {"notes.md": "A shop sells fish.", "spec.md": "# Outputs\n\nIt MUST print a bill.\n"}
    assert page_for(make_tree, tree) == page_for(make_tree, tree)


def test_a_template_that_hides_answers_gives_a_read_only_page(make_tree, tmp_path) -> None:  # type: ignore[no-untyped-def]
    custom = tmp_path / "tpl"
    custom.mkdir()
    (custom / "request.md.j2").write_text(
        "<!-- {{ marker }} -->\n{% for q in questions %}\n### {{ q.id }}\n{% endfor %}\n"
    )
    page = page_for(make_tree, {"n.md": "A note."}, templates=custom)
    assert "<textarea" not in page and "<script" not in page
    assert "script-src 'none'" in html.unescape(page)


def test_filled_quotes_answers_and_keeps_placeholders() -> None:
    from askspec.models import Area
    from askspec.request.model import Question

    qs = [Question(i, Area.INPUTS, "t", "g", "e", True) for i in ("IN-1", "IN-2")]
    text = filled(["a\n", "\nb\n", "\nc"], qs, {"IN-1": "  x \r\n\r\n# y\n\n"})
    assert text == "a\n>   x\n>\n> # y\nb\n_Write your answer here._\nc"


def test_file_names_wrap_only_at_separators() -> None:
    got = wrappable("<p>a-b</p><code>src/app_main.py</code>")
    assert got == "<p>a-b</p><code>src/<wbr>app_<wbr>main.<wbr>py</code>"


def test_helpers_refuse_what_could_break_out() -> None:
    assert (
        str(script_json({"x": "</script><!--&"}))
        == '{"x": "\\u003c/script\\u003e\\u003c!--\\u0026"}'
    )
    assert mail_address("Ana <ana@example.com>") == "ana@example.com"
    assert mail_address("bad address?x=1") == ""
    assert "style-src 'none'" in content_policy("<p>no code</p>")
