"""The HTML request opens in a real browser: headless Chromium loads it and we read its DOM."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from askspec.generate import Options, generate
from conftest import EXAMPLE_SEEDS

BROWSER = next(
    (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium on this machine")


def dump_dom(page: Path, profile: Path) -> str:
    assert BROWSER is not None
    r = subprocess.run(
        [BROWSER, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert r.returncode == 0, r.stderr[-1000:]
    return r.stdout


def test_request_html_loads_with_every_question(make_tree, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seeds = make_tree(
        {
            "spec.md": "# Inputs\n\nThe system MUST read <script>document.title="
            "'pwned'</script> CSV files.\n",
            "story.txt": "Once upon a time a shop sold fish. " * 20,
        }
    )
    result = generate(
        seeds, tmp_path / "out", Options(project="Fish & <Chips>", date=date(2026, 1, 1))
    )
    dom = dump_dom(tmp_path / "out" / "request.html", tmp_path / "profile")
    assert "<title>Request for details: Fish &amp; &lt;Chips&gt;</title>" in dom
    assert dom.count("<h3>") == len(result.request.questions)
    assert "pwned" not in dom.split("</title>")[0]
    assert "<script" not in dom
    assert "askspec:request id=" in dom


def test_example_request_renders_table_and_headings(tmp_path: Path) -> None:
    generate(EXAMPLE_SEEDS, tmp_path / "out", Options(date=date(2026, 1, 1)))
    dom = dump_dom(tmp_path / "out" / "request.html", tmp_path / "profile")
    assert "<table>" in dom and "<code>probe_logger.py</code>" in dom
    assert "&lt;!-- askspec" not in dom
