"""What a person sees on a terminal: progress, colours, a table that fits, completion."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from askspec.cli import app
from askspec.progress import EXTRACTING, RENDERING, ScanProgress
from askspec.request.terminal import cut_middle, fitted_lines, styled
from askspec.scan import iter_scan
from conftest import EXAMPLE_SEEDS

runner = CliRunner()
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


class Phases:
    """A progress hook that records what the scan tells it."""

    wants_total = True

    def __init__(self) -> None:
        self.seen: list[tuple[str, int | None]] = []
        self.calls: list[int] = []

    def phase(self, name: str, total: int | None = None) -> None:
        self.seen.append((name, total))

    def __call__(self, done: int, path: str) -> None:
        self.calls.append(done)


def test_the_walk_is_counted_first_when_a_total_is_wanted(make_tree: Callable[..., Path]) -> None:
    root = make_tree({f"d{i}/f{i}.md": "x" for i in range(5)})
    hook = Phases()
    assert len(list(iter_scan(root, progress=hook))) == 5
    assert hook.seen == [("walking", None), ("reading", 5)]
    assert hook.calls == [1, 2, 3, 4, 5, 1, 2, 3, 4, 5]


def test_the_bar_shows_phase_total_and_time_left() -> None:
    from rich.console import Console

    console = Console(file=Tty(), force_terminal=True, width=120)
    with ScanProgress(True, console, reading=EXTRACTING, after=RENDERING) as bar:
        bar.started -= 10
        bar.phase("walking")
        bar(3000, "a/b.md")
        bar.phase("reading", 3000)
        bar.shown = 0.0  # past the redraw interval
        bar(1500, "a/c.md")
        assert bar.progress is not None
        task = bar.progress.tasks[0]
        assert (task.total, task.completed, task.fields["phase"]) == (3000, 1500, EXTRACTING)
        assert [type(c).__name__ for c in bar.progress.columns][1:5] == [
            "BarColumn",
            "MofNCompleteColumn",
            "TaskProgressColumn",
            "TimeRemainingColumn",
        ]
        bar(3000, "z.md")  # the last file: the phase after the files begins at once
        assert bar.progress.tasks[0].fields["phase"] == RENDERING
    assert bar.progress is None


def test_no_bar_when_disabled_even_if_slow() -> None:
    bar = ScanProgress(False)
    bar.started -= 10
    bar.phase("reading", 10)
    bar(5, "a.md")
    assert bar.progress is None and not bar.wants_total


def test_errors_and_warnings_are_coloured_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert styled("error: out: bad", Tty()) == "\x1b[1;31merror:\x1b[0m out: bad"
    assert styled("warning: w", Tty()).startswith("\x1b[1;33mwarning:")
    assert styled("error: out: bad", io.StringIO()) == "error: out: bad"
    assert styled("plain line", Tty()) == "plain line"
    monkeypatch.setenv("NO_COLOR", "1")
    assert styled("error: out: bad", Tty()) == "error: out: bad"


def test_cli_errors_stay_plain_off_a_terminal(tmp_path: Path) -> None:
    r = runner.invoke(app, ["scan", str(tmp_path / "nope")])
    assert r.exit_code == 1
    assert r.stderr == f"error: {tmp_path / 'nope'}: no such file or folder\n"


def test_paths_are_cut_in_the_middle() -> None:
    path = "customers/2024/quarterly-exports/region-north/orders-000123.csv"
    cut = cut_middle(path, 30)
    assert len(cut) == 30 and cut.startswith("customers/2024") and cut.endswith("000123.csv")
    assert "…" in cut and cut_middle("short.md", 30) == "short.md"


@pytest.mark.parametrize("width", [60, 80, 140])
def test_the_scan_table_fits_the_terminal(width: int) -> None:
    rows = [
        ("a/" * 40 + "orders-000123.csv", "data", "0.90", "CSV with a header row; 12 columns"),
        ("spec.md", "spec", "0.99", "4 numbered requirements; headings Inputs/Outputs"),
    ]
    lines = fitted_lines(rows, width, colour=True)
    assert all(len(ANSI.sub("", line)) <= width for line in lines), lines
    assert "000123.csv  " in lines[1] and "\x1b[33mdata\x1b[0m" in lines[1]
    assert "\x1b" not in "".join(fitted_lines(rows, width, colour=False))


def test_scan_off_a_terminal_prints_full_plain_rows() -> None:
    r = runner.invoke(app, ["scan", str(EXAMPLE_SEEDS)])
    assert r.exit_code == 0, r.output
    assert "\x1b" not in r.stdout and "…" not in r.stdout
    assert r.stdout.splitlines()[0].split() == ["FILE", "KIND", "CONF", "EVIDENCE"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_is_shown_and_installed(
    shell: str, private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Typer's switch for naming the shell instead of detecting the one running the tests.
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    shown = runner.invoke(app, ["--show-completion", shell], prog_name="askspec")
    assert shown.exit_code == 0, shown.output
    assert "_ASKSPEC_COMPLETE" in shown.stdout
    installed = runner.invoke(app, ["--install-completion", shell], prog_name="askspec")
    assert installed.exit_code == 0, installed.output
    assert f"{shell} completion installed" in installed.stdout
    written = [p for p in private_home.rglob("*") if p.is_file()]
    assert any("askspec" in p.read_text(encoding="utf-8") for p in written)


def test_completion_completes_commands() -> None:
    env = {
        **os.environ,
        "_ASKSPEC_COMPLETE": "complete_bash",
        "COMP_WORDS": "askspec sc",
        "COMP_CWORD": "1",
    }
    r = subprocess.run(
        [sys.executable, "-m", "askspec"], env=env, capture_output=True, text=True, check=False
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["scan"]
