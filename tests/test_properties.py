"""Properties over arbitrary seed text: it stays data in every output and adds no structure.

ASKSPEC_FUZZ_EXAMPLES raises the number of examples for a longer run.
"""

from __future__ import annotations

import email
import json
import os
from datetime import date
from email import policy
from html.parser import HTMLParser
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from askspec.classify import classify
from askspec.errors import MailError
from askspec.generate import Options, build_request, render_outputs
from askspec.mail.message import Envelope, build_message
from askspec.models import Kind, ScanResult, SeedFile, Verdict
from askspec.read import decode
from askspec.request.filters import md_inline, to_yaml
from askspec.request.questions import plan
from askspec.scan import json_row
from pagecode import without_page_code

SCALE = int(os.environ.get("ASKSPEC_FUZZ_EXAMPLES", "0"))


def examples(default: int) -> settings:
    return settings(
        max_examples=SCALE or default,
        deadline=None,
        derandomize=not SCALE,
        suppress_health_check=[HealthCheck.too_slow],
    )


SENTINEL = "{{ 'evalu' ~ 'ated' }}{% set x = 1 %}{# c #}"
MARKUP = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "### IN-9 — injected",
        "\n## Inputs\n",
        "- [ ] PERF-9 fake",
        "key: value\nbody: x",
        "**Answer:** yes",
        "<!-- askspec:request id=1 -->",
        "`",
        "|",
        "\\",
        "&amp;",
        "\u202e",
        "name: x\n- type: textarea",
        "${{ secrets }}",
        SENTINEL,
        "\r\n",
        "\x00",
        "\x1b[31m",
    ]
)
SEED_TEXT = st.lists(st.one_of(st.text(max_size=60), MARKUP), max_size=12).map("".join)
SEED_NAME = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="/\x00"),
    min_size=1,
    max_size=40,
)

SAFE_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "h1",
    "h2",
    "h3",
    "p",
    "em",
    "strong",
    "code",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "blockquote",
    "ul",
    "ol",
    "li",
    "input",
    "hr",
    "br",
    "pre",
    "a",
    # The request page's answer boxes and buttons.
    "div",
    "span",
    "label",
    "textarea",
    "button",
    "noscript",
    "wbr",
}


class TagCheck(HTMLParser):
    """Collects every tag and attribute a browser would see."""

    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in SAFE_TAGS:
            self.bad.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.bad.append(f"{tag} {name}={value}")


def seeds_of(texts: list[tuple[str, str]]) -> ScanResult:
    files = tuple(
        SeedFile(
            name, len(text.encode("utf-8", "replace")), classify(name, text), "utf-8", text=text
        )
        for name, text in texts
    )
    return ScanResult("seeds", files)


def outputs(texts: list[tuple[str, str]]) -> tuple[dict[str, bytes], list[str]]:
    result = seeds_of(texts)
    options = Options(project="Fuzz", date=date(2026, 1, 1))
    request = build_request(result, options, Path("seeds"))
    return render_outputs(request, options), [q.id for q in request.questions]


def headings(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [
        tokens[i + 1].content.split(" ")[0]
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h3"
    ]


@examples(100)
@given(
    st.lists(
        st.tuples(SEED_NAME, SEED_TEXT), min_size=1, max_size=3, unique_by=lambda pair: pair[0]
    )
)
def test_seed_text_adds_no_structure_and_stays_data(texts: list[tuple[str, str]]) -> None:
    out, ids = outputs(texts)
    for name, data in out.items():
        assert b"evaluated" not in data, name
    assert headings(out["request.md"].decode()) == ids
    checklist = [
        line.split()[3]
        for line in out["CHECKLIST.md"].decode().splitlines()
        if line.startswith("- [ ] ")
    ]
    assert checklist == ids
    form = yaml.safe_load(out[".github/ISSUE_TEMPLATE/spec-request.yml"])
    assert set(form) == {"name", "description", "title", "labels", "body"}
    assert [f["id"] for f in form["body"] if f["type"] == "textarea"] == [i.lower() for i in ids]
    msg = email.message_from_bytes(out["request.eml"], policy=policy.default)
    html_part = msg.get_body(("html",))
    assert html_part is not None
    for page in (without_page_code(out["request.html"].decode()), html_part.get_content()):
        check = TagCheck()
        check.feed(page)
        assert check.bad == []


@examples(1000)
@given(SEED_TEXT)
def test_md_inline_is_one_plain_paragraph(text: str) -> None:
    tokens = MarkdownIt("commonmark", {"html": False}).parse(md_inline(text))
    types = [t.type for t in tokens]
    assert types in ([], ["paragraph_open", "inline", "paragraph_close"])
    for token in tokens:
        for child in token.children or []:
            assert child.type in {"text", "softbreak"}, child.type


@examples(300)
@given(
    st.recursive(
        st.text() | st.integers() | st.booleans(),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=12,
    )
)
def test_yaml_filter_round_trips(value: object) -> None:
    assert yaml.safe_load(to_yaml(value)) == value


@examples(1000)
@given(st.text(max_size=80), st.text(max_size=30))
def test_no_header_can_be_injected(subject: str, name: str) -> None:
    envelope = Envelope(subject, f'"{name}" <a@example.org>'.replace("\\", ""), ("b@example.org",))
    try:
        msg = build_message(envelope, "body", "<p>body</p>")
    except MailError:
        return
    parsed = email.message_from_bytes(msg.as_bytes(), policy=policy.default)
    assert sorted(k.lower() for k in parsed) == sorted(
        ["subject", "from", "to", "date", "message-id", "mime-version", "x-unsent", "content-type"]
    )
    assert " ".join(str(parsed["Subject"]).split()) == " ".join(subject.split())


@examples(1000)
@given(st.binary(max_size=2048), st.sampled_from(["a.txt", "a.md", "a.py", "a.json", "x"]))
def test_decode_and_classify_never_crash(data: bytes, name: str) -> None:
    from askspec.read import Binary

    try:
        text, encoding = decode(data)
    except Binary:
        return
    assert isinstance(text, str) and encoding
    verdict = classify(name, text)
    assert 0.0 <= verdict.confidence <= 1.0
    assert verdict.evidence


@examples(300)
@given(st.frozensets(st.sampled_from(["prose", "code", "spec", "data", "empty"])))
def test_question_ids_are_unique_and_stable(kinds: frozenset[str]) -> None:
    from askspec.models import Kind

    first = [q.id for q in plan(frozenset(Kind(k) for k in kinds))]
    assert len(first) == len(set(first))
    assert first == [q.id for q in plan(frozenset(Kind(k) for k in kinds))]


@examples(300)
@given(
    path=st.text(min_size=1),
    size=st.integers(min_value=0, max_value=2**53),
    kind=st.sampled_from(Kind),
    confidence=st.floats(min_value=0, max_value=1),
    evidence=st.lists(st.text(), max_size=4),
    encoding=st.none() | st.text(max_size=12),
    sampled=st.booleans(),
    problems=st.lists(st.text(), max_size=3),
)
def test_scan_rows_are_laid_out_as_json_dumps_would(
    path: str,
    size: int,
    kind: Kind,
    confidence: float,
    evidence: list[str],
    encoding: str | None,
    sampled: bool,
    problems: list[str],
) -> None:
    verdict = Verdict(kind, confidence, tuple(evidence))
    row = SeedFile(path, size, verdict, encoding, "text", sampled, tuple(problems))
    expected = json.dumps(row.to_json(), ensure_ascii=False, indent=2)
    assert json_row(row) == (kind, expected)
