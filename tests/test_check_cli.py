"""``askspec check`` and ``generate --answers`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from askspec.cli import app
from conftest import fill_request

EXAMPLE_SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"
FIXTURES = Path(__file__).parent / "fixtures" / "answers"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def out(tmp_path: Path, runner: CliRunner) -> Path:
    """A generated request for the example seeds."""
    target = tmp_path / "out"
    r = runner.invoke(
        app, ["generate", str(EXAMPLE_SEEDS), "-o", str(target), "--date", "2024-03-01"]
    )
    assert r.exit_code == 0, r.output
    return target


def required_ids(out: Path) -> list[str]:
    data = json.loads((out / "request.json").read_text("utf-8"))
    return [q["id"] for q in data["questions"] if q["required"]]


def test_blank_request_is_open_exit_3(runner: CliRunner, out: Path) -> None:
    r = runner.invoke(app, ["check", str(out / "request.md")])
    assert r.exit_code == 3, r.output
    assert "open (required): CTX-1," in r.stdout
    assert r.stdout.rstrip().endswith("incomplete")
    assert r.stderr == ""


def test_complete_request_exit_0_json(runner: CliRunner, out: Path) -> None:
    answers = {qid: f"{qid}: 200 ms at 50 requests/s" for qid in required_ids(out)}
    path = out / "request.md"
    path.write_text(fill_request(path.read_text("utf-8"), answers), "utf-8")
    r = runner.invoke(app, ["check", str(path), "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["complete"] is True
    assert data["answered"] == answers
    assert data["open"] == ["USER-1", "ACC-1", "CON-1", "NG-1"]
    assert data["vague"] == []
    assert all(data["sources"][q].startswith(f"{path}:") for q in answers)


def test_vague_answers_are_named(runner: CliRunner, out: Path) -> None:
    path = out / "request.md"
    path.write_text(fill_request(path.read_text("utf-8"), {"PERF-1": "fast"}), "utf-8")
    r = runner.invoke(app, ["check", str(path)])
    assert r.exit_code == 3
    assert "vague (no number with a unit): PERF-1" in r.stdout


def test_stdin(runner: CliRunner, out: Path) -> None:
    text = fill_request((out / "request.md").read_text("utf-8"), {"IN-1": "CSV files"})
    r = runner.invoke(app, ["check", "-", "--json"], input=text)
    assert r.exit_code == 3, r.output
    assert json.loads(r.stdout)["answered"] == {"IN-1": "CSV files"}
    assert json.loads(r.stdout)["sources"] == {
        "IN-1": f"-:{text.split(chr(10)).index('CSV files') + 1}"
    }


def test_fixtures_together_later_file_wins(runner: CliRunner) -> None:
    files = [str(FIXTURES / n) for n in ("issue-body-crlf.md", "reply-inline.eml")]
    r = runner.invoke(app, ["check", *files, "--json"])
    assert r.exit_code == 3, r.output
    data = json.loads(r.stdout)
    assert data["request"] == {"id": "0123456789ab", "version": "0.1.0"}
    assert data["answered"]["IN-1"].startswith("Temperature readings")
    assert data["open"] == ["IN-2"]


def test_missing_file_is_error_1(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.md"
    r = runner.invoke(app, ["check", str(missing)])
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.startswith(f"error: {missing}: cannot read")


def test_file_without_questions_is_error_1(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n", "utf-8")
    r = runner.invoke(app, ["check", str(path)])
    assert r.exit_code == 1
    assert r.stderr.strip() == f"error: {path}: no askspec questions found"


def test_check_needs_a_file(runner: CliRunner) -> None:
    r = runner.invoke(app, ["check"])
    assert r.exit_code == 2


def test_generate_with_answers_puts_them_back(runner: CliRunner, out: Path, tmp_path: Path) -> None:
    # Typed into request.md the heading would be one; carried in answers.json it is text.
    answer = "One VM, 4 cores, 8 GB\n### IN-2 — not a question\n```"
    filled = tmp_path / "answers.json"
    filled.write_text(json.dumps({"answered": {"HW-1": answer}, "open": []}), "utf-8")
    again = tmp_path / "round2"
    r = runner.invoke(
        app,
        [
            "generate",
            str(EXAMPLE_SEEDS),
            "-o",
            str(again),
            "--date",
            "2024-03-01",
            "--answers",
            str(filled),
        ],
    )
    assert r.exit_code == 0, r.output
    assert str(again / "answers.json") in r.stdout
    saved = json.loads((again / "answers.json").read_text("utf-8"))
    assert saved["answered"] == {"HW-1": answer}
    assert "HW-1" not in saved["open"] and "IN-2" in saved["open"]
    assert "> ### IN-2 — not a question" in (again / "request.md").read_text("utf-8")
    assert "- [x] HW-1 " in (again / "CHECKLIST.md").read_text("utf-8")
    r = runner.invoke(app, ["check", str(again / "request.md"), "--json"])
    assert r.exit_code == 3, r.output
    checked = json.loads(r.stdout)
    assert checked["answered"] == saved["answered"] and checked["open"] == saved["open"]


def test_generate_with_unreadable_answers_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "out"
    r = runner.invoke(
        app,
        ["generate", str(EXAMPLE_SEEDS), "-o", str(target), "--answers", str(tmp_path / "x.md")],
    )
    assert r.exit_code == 1
    assert r.stderr.startswith(f"error: {tmp_path / 'x.md'}: cannot read")
    assert not target.exists()


@pytest.mark.slow
def test_issue_form_with_marker_and_earlier_answers_is_valid(
    runner: CliRunner, tmp_path: Path
) -> None:
    import subprocess
    import sys

    target = tmp_path / "out"
    reply = str(FIXTURES / "reply-inline.eml")
    r = runner.invoke(app, ["generate", str(EXAMPLE_SEEDS), "-o", str(target), "--answers", reply])
    assert r.exit_code == 0, r.output
    form = target / ".github" / "ISSUE_TEMPLATE" / "spec-request.yml"
    assert "value: An alert within 5 s" in form.read_text("utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-issue-forms",
            str(form),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
