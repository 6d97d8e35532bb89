"""The request page in a real browser: Debian's Chromium, driven through Playwright.

A test that finds no browser is skipped on a developer's machine and fails in CI
(where the environment variable CI is set), so CI never passes without running them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from typer.testing import CliRunner

from askspec.cli import app
from askspec.generate import Generated, Options, generate
from conftest import EXAMPLE_SEEDS

FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
BROWSER = next(
    (
        found
        for name in ("/usr/bin/chromium", "chromium", "chromium-browser")
        if (found := shutil.which(name))
    ),
    None,
)
DAY = date(2026, 1, 1)


def missing(reason: str) -> None:
    """Fail in CI, skip elsewhere."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser tests")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Chromium for the module, the one installed on the machine."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright is not installed")
    if BROWSER is None:
        missing("no Chromium on this machine")
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=BROWSER, args=FLAGS)
        yield launched
        launched.close()


Page = object
Opener = Callable[..., "Page"]


@pytest.fixture
def open_page(browser) -> Iterator[Opener]:  # type: ignore[no-untyped-def]
    """Open a file in a fresh context; any script error or CSP violation fails the test."""
    contexts = []
    problems: list[str] = []

    def opener(path: Path, width: int = 1000) -> Page:
        ctx = browser.new_context(accept_downloads=True, viewport={"width": width, "height": 800})
        contexts.append(ctx)
        page = ctx.new_page()
        page.on("pageerror", lambda exc: problems.append(str(exc)))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.goto(path.as_uri())
        return page

    yield opener
    for ctx in contexts:
        ctx.close()
    assert problems == []


def made(seeds: Path, out: Path, **options: object) -> Generated:
    return generate(seeds, out, Options(date=DAY, **options))  # type: ignore[arg-type]


def test_page_shows_every_question_and_seed_text_as_text(make_tree, tmp_path, open_page) -> None:  # type: ignore[no-untyped-def]
    seeds = make_tree(
        {
            "spec.md": "# Inputs\n\nThe system MUST read <script>document.title="
            "'pwned'</script> CSV files.\n",
            "story.txt": "Once upon a time a shop sold fish. " * 20,
        }
    )
    result = made(seeds, tmp_path / "out", project="Fish & <Chips>")
    page = open_page(tmp_path / "out" / "request.html")
    assert page.title() == "Request for details: Fish & <Chips>"
    assert page.locator("main h3").count() == len(result.request.questions)
    assert page.locator("textarea").count() == len(result.request.questions)
    for q in result.request.questions:
        label = page.locator(f"label[for='answer-{q.id}']")
        assert label.count() == 1 and q.id in label.inner_text()
    assert page.locator("script").count() == 2  # the page's data and its own code


def test_answers_are_kept_across_a_reload(tmp_path, open_page) -> None:  # type: ignore[no-untyped-def]
    made(EXAMPLE_SEEDS, tmp_path / "out")
    page = open_page(tmp_path / "out" / "request.html")
    page.fill("textarea[name='IN-1']", "CSV lines from\nthree probes")
    page.locator("textarea[name='OUT-1']").press_sequentially("An email alert")
    # The page saves on every input event; wait until the last one is stored, so that a
    # slow machine does not reload while the typing is still being dispatched.
    page.wait_for_function(
        "() => localStorage.length === 1 && "
        "localStorage.getItem(localStorage.key(0)).includes('An email alert')"
    )
    page.reload()
    assert page.input_value("textarea[name='IN-1']") == "CSV lines from\nthree probes"
    assert page.input_value("textarea[name='OUT-1']") == "An email alert"


def test_live_count_follows_the_answers(tmp_path, open_page) -> None:  # type: ignore[no-untyped-def]
    result = made(EXAMPLE_SEEDS, tmp_path / "out")
    questions = result.request.questions
    total, required = len(questions), sum(q.required for q in questions)
    page = open_page(tmp_path / "out" / "request.html")
    count = page.locator("#answer-count")
    assert count.inner_text() == f"0 of {total} answered — {required} required still open"
    first_required = next(q for q in questions if q.required)
    page.fill(f"textarea[name='{first_required.id}']", "Yes")
    assert count.inner_text() == f"1 of {total} answered — {required - 1} required still open"
    page.fill(f"textarea[name='{first_required.id}']", "_Write your answer here._")
    assert count.inner_text().startswith("0 of")
    assert count.get_attribute("role") == "status"


def test_download_is_request_md_that_check_accepts(tmp_path, open_page) -> None:  # type: ignore[no-untyped-def]
    result = made(EXAMPLE_SEEDS, tmp_path / "out")
    page = open_page(tmp_path / "out" / "request.html")
    with page.expect_download() as untouched:
        page.click("#download-answers")
    saved = tmp_path / "untouched.md"
    untouched.value.save_as(saved)
    assert saved.read_bytes() == (tmp_path / "out" / "request.md").read_bytes()
    for q in result.request.questions:
        if q.required:
            page.fill(f"textarea[name='{q.id}']", f"Answer to {q.id}\n\n## not a heading")
    assert page.locator("#answer-count").inner_text().endswith("all required answered")
    with page.expect_download() as download:
        page.focus("#download-answers")  # a real button: Enter presses it
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == "request.md"
    filled = tmp_path / "filled.md"
    download.value.save_as(filled)
    r = CliRunner().invoke(app, ["check", str(filled), "--json"])
    assert r.exit_code == 0, r.output
    assert '"IN-1": "Answer to IN-1\\n\\n## not a heading"' in r.stdout


def test_prefilled_answers_come_back_unchanged(tmp_path, open_page) -> None:  # type: ignore[no-untyped-def]
    answers = tmp_path / "answers.md"
    made(EXAMPLE_SEEDS, tmp_path / "first")
    text = (tmp_path / "first" / "request.md").read_text("utf-8")
    answers.write_text(text.replace("_Write your answer here._", "Probe CSV, <b>raw</b>", 1))
    made(EXAMPLE_SEEDS, tmp_path / "out", answers=(answers,))
    page = open_page(tmp_path / "out" / "request.html")
    box = page.locator("textarea").first
    assert box.input_value() == "Probe CSV, <b>raw</b>"
    with page.expect_download() as download:
        page.click("#download-answers")
    saved = tmp_path / "again.md"
    download.value.save_as(saved)
    assert saved.read_bytes() == (tmp_path / "out" / "request.md").read_bytes()


def test_mail_link_is_addressed_and_check_reads_its_body(tmp_path, open_page) -> None:  # type: ignore[no-untyped-def]
    made(EXAMPLE_SEEDS, tmp_path / "out", sender="Ana Müller <ana@example.com>")
    page = open_page(tmp_path / "out" / "request.html")
    page.fill("textarea[name='IN-1']", "CSV files")
    link = urlsplit(page.get_attribute("#mail-answers", "href") or "")
    assert (link.scheme, link.path) == ("mailto", "ana@example.com")
    query = parse_qs(link.query)
    assert query["subject"] == ["Answers: seeds"]
    body = tmp_path / "reply.txt"
    body.write_text(query["body"][0], encoding="utf-8")
    r = CliRunner().invoke(app, ["check", str(body), "--json"])
    assert r.exit_code == 3, r.output
    assert '"IN-1": "CSV files"' in r.stdout


def test_phone_width_has_no_sideways_overflow(make_tree, tmp_path, open_page) -> None:  # type: ignore[no-untyped-def]
    long_name = "customer-orders_2024.quarterly/export-pipeline_v2.configuration-notes.md"
    folder, name = long_name.split("/")
    seeds = make_tree({folder: {name: "# Inputs\n\nThe service MUST read orders.\n"}})
    made(seeds, tmp_path / "out")
    page = open_page(tmp_path / "out" / "request.html", width=390)
    sizes = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert sizes[0] <= sizes[1], sizes
    cell = page.locator("td code").first
    assert cell.inner_html().count("<wbr>") >= 8
    word_break = cell.evaluate("e => getComputedStyle(e).wordBreak")
    assert word_break != "break-all"


def test_print_shows_answers_or_lines_to_write_on(tmp_path, open_page) -> None:  # type: ignore[no-untyped-def]
    made(EXAMPLE_SEEDS, tmp_path / "out")
    page = open_page(tmp_path / "out" / "request.html")
    page.fill("textarea[name='IN-1']", "CSV files")
    page.emulate_media(media="print")
    answered = page.locator(".answer", has=page.locator("textarea[name='IN-1']"))
    blank = page.locator(".answer", has=page.locator("textarea[name='OUT-1']"))
    assert not page.locator("textarea").first.is_visible()
    assert not page.locator("#download-answers").is_visible()
    assert answered.locator(".print-copy").inner_text() == "CSV files"
    assert not answered.locator(".print-lines").is_visible()
    assert blank.locator(".print-lines").is_visible()
    assert blank.locator(".print-lines span").count() == 5


def test_example_page_keeps_its_table_and_headings(tmp_path, open_page) -> None:  # type: ignore[no-untyped-def]
    made(EXAMPLE_SEEDS, tmp_path / "out")
    page = open_page(tmp_path / "out" / "request.html")
    assert page.locator("table").count() >= 1
    assert "probe_logger.py" in page.locator("td code").all_inner_texts()
    assert "askspec" not in page.locator("main").inner_text().split("\n")[0]


def test_a_chinese_page_shows_chinese_glyphs_and_wraps_at_phone_width(  # type: ignore[no-untyped-def]
    make_tree, tmp_path, open_page
) -> None:
    seeds = make_tree(
        {
            "需求.md": "# 订单跟踪系统需求\n\n我们希望建设一个系统，记录每个订单的状态，"
            "并在订单延误时通知客户。系统必须每天处理约两万个订单，每周生成一次报告。" * 3
        }
    )
    made(seeds, tmp_path / "out")
    page = open_page(tmp_path / "out" / "request.html", width=390)
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    assert "需求详情询问" in page.locator("h1").inner_text()
    # Two different characters drawn as glyphs look different; a missing font draws
    # both as the same empty box ("tofu"). Each is full width: about one em.
    sizes = []
    shots = []
    for n, char in enumerate("中丁"):
        page.evaluate(
            "([id, text]) => { const s = document.createElement('span'); s.id = id;"
            " s.textContent = text; s.style.fontSize = '48px'; s.style.display = 'inline-block';"
            " document.querySelector('main').prepend(s); }",
            [f"glyph{n}", char],
        )
        box = page.locator(f"#glyph{n}").bounding_box()
        sizes.append(box["width"])
        shots.append(page.locator(f"#glyph{n}").screenshot())
    assert all(40 <= w <= 56 for w in sizes), sizes
    assert shots[0] != shots[1], "CJK characters render as identical boxes: no CJK font"
    # Long lines of Chinese (no spaces) still wrap inside a phone's width.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
