"""Honest answers: placeholders are open, vague answers not ticked, carried answers counted."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from askspec.answers.assessment import answer_is_vague
from askspec.cli import app
from askspec.request.answer_format import is_open, without_placeholders
from conftest import EXAMPLE_SEEDS, fill_request


@pytest.mark.parametrize(
    "text", ["TBD", "tbd.", "TODO", "?", "-", "_Write your answer here._", "  ", "**TBD**"]
)
def test_placeholders_count_as_open(text: str) -> None:
    assert is_open(text)


def test_a_leftover_placeholder_is_dropped_from_a_real_answer() -> None:
    text = "CSV files from the partner\n\n_Write your answer here._\nTBD"
    assert without_placeholders(text) == "CSV files from the partner"
    assert without_placeholders("Costs - 5 EUR?") == "Costs - 5 EUR?"


@pytest.mark.parametrize("text", ["Linux, any distro", "any network; no internet", "Windows"])
def test_an_os_or_network_answer_is_not_vague_for_lacking_a_number(text: str) -> None:
    assert not answer_is_vague("HW-2", text)


def test_a_vague_hardware_answer_is_still_vague() -> None:
    assert answer_is_vague("HW-1", "a decent machine")


def test_generate_with_answers_reports_and_marks_vague_in_the_checklist(tmp_path: Path) -> None:
    runner = CliRunner()
    first = tmp_path / "first"
    r = runner.invoke(app, ["generate", str(EXAMPLE_SEEDS), "-o", str(first), "--to", "a@b.org"])
    assert r.exit_code == 0, r.output
    filled = tmp_path / "filled.md"
    answers = {
        "IN-1": "CSV files, one per day",
        "HW-1": "a decent machine",
        "HW-2": "Linux, any distro",
        "PERF-1": "TBD",
    }
    filled.write_text(fill_request((first / "request.md").read_text("utf-8"), answers), "utf-8")
    second = tmp_path / "second"
    r = runner.invoke(
        app, ["generate", str(EXAMPLE_SEEDS), "-o", str(second), "--answers", str(filled)]
    )
    assert r.exit_code == 0, r.output
    assert "carried over 3 answers; still open: CTX-1" in r.stderr
    assert "vague: HW-1" in r.stderr and "PERF-1" in r.stderr.split("still open:")[1]
    checklist = (second / "CHECKLIST.md").read_text("utf-8")
    assert "- [x] IN-1 " in checklist and "- [x] HW-2 " in checklist
    hw1 = next(line for line in checklist.splitlines() if " HW-1 " in line)
    assert hw1.startswith("- [ ] HW-1 ") and "answered, but vague" in hw1
