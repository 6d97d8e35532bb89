"""The command line: exit codes, stdout and stderr, asserted separately."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from askspec import __version__
from askspec.cli import app
from conftest import EXAMPLE_SEEDS

runner = CliRunner()


def test_version() -> None:
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0, r.output
    assert r.stdout.strip() == f"askspec {__version__}"


def test_no_arguments_shows_help() -> None:
    r = runner.invoke(app, [])
    assert "scan" in r.output and "generate" in r.output and "templates" in r.output


@pytest.mark.parametrize("command", ["scan", "generate", "templates"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    r = runner.invoke(app, [command, "--help"])
    assert r.exit_code == 0, r.output
    assert "Example" in r.stdout or command == "templates"


def test_scan_json_contract() -> None:
    r = runner.invoke(app, ["scan", str(EXAMPLE_SEEDS), "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert [f["path"] for f in data["files"]] == sorted(f["path"] for f in data["files"])
    for row in data["files"]:
        assert set(row) >= {
            "path",
            "kind",
            "confidence",
            "evidence",
            "encoding",
            "size",
            "problems",
        }
        assert row["kind"] in {"prose", "code", "spec", "data", "empty", "binary", "unreadable"}
        assert 0 <= row["confidence"] <= 1
        assert row["evidence"] and all(isinstance(e, str) for e in row["evidence"])


def test_scan_table_on_terminal() -> None:
    r = runner.invoke(app, ["scan", str(EXAMPLE_SEEDS)])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0].split()[:3] == ["FILE", "KIND", "CONF"]
    assert any(line.startswith("probe_logger.py") and " code " in line for line in lines)
    assert "3 files" in r.stderr


def test_scan_missing_folder_is_one_line_error(tmp_path: Path) -> None:
    r = runner.invoke(app, ["scan", str(tmp_path / "nope")])
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.strip() == f"error: {tmp_path / 'nope'}: no such file or folder"


def test_generate_then_refuse_with_exit_4(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["generate", str(EXAMPLE_SEEDS), "-o", str(out), "--date", "2026-01-15"]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    assert len(r.stdout.splitlines()) == 7
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    r = runner.invoke(app, args)
    assert r.exit_code == 4
    assert r.stdout == ""
    assert "refusing to overwrite" in r.stderr and "request.md" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert before == {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    r = runner.invoke(app, [*args, "--force"])
    assert r.exit_code == 0, r.output


def test_generate_bad_date_is_usage_error(tmp_path: Path) -> None:
    r = runner.invoke(app, ["generate", str(EXAMPLE_SEEDS), "-o", str(tmp_path), "--date", "soon"])
    assert r.exit_code == 2
    assert "--date must be YYYY-MM-DD" in r.stderr


def test_generate_bad_address_names_the_field(tmp_path: Path) -> None:
    r = runner.invoke(
        app, ["generate", str(EXAMPLE_SEEDS), "-o", str(tmp_path / "o"), "--to", "not an address"]
    )
    assert r.exit_code == 1
    assert r.stderr.startswith("error: To is not")
    assert not (tmp_path / "o").exists()


def test_generate_json_lists_written_files(tmp_path: Path) -> None:
    r = runner.invoke(app, ["generate", str(EXAMPLE_SEEDS), "-o", str(tmp_path / "o"), "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert len(data["written"]) == 7 and len(data["request"]) == 12


def test_source_date_epoch_sets_the_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    r = runner.invoke(app, ["generate", str(EXAMPLE_SEEDS), "-o", str(tmp_path / "o")])
    assert r.exit_code == 0, r.output
    assert "Prepared on 2023-11-14" in (tmp_path / "o" / "request.md").read_text("utf-8")


def test_templates_list_show_copy(tmp_path: Path) -> None:
    r = runner.invoke(app, ["templates", "list"])
    assert r.exit_code == 0, r.output
    names = r.stdout.split()
    assert {
        "request.md.j2",
        "request.html.j2",
        "request.eml.j2",
        "checklist.md.j2",
        "issue-form.yml.j2",
        "_partials/question.md.j2",
    } <= set(names)
    r = runner.invoke(app, ["templates", "show", "checklist.md.j2"])
    assert r.exit_code == 0 and "- [ ]" in r.stdout
    r = runner.invoke(app, ["templates", "copy", str(tmp_path / "t")])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "t" / "_partials" / "question.md.j2").is_file()
    r = runner.invoke(app, ["templates", "copy", str(tmp_path / "t")])
    assert r.exit_code == 4
    r = runner.invoke(app, ["templates", "list", "--templates", str(tmp_path / "t")])
    assert "request.md.j2  (overridden by" in r.stdout


def test_templates_show_unknown_name() -> None:
    r = runner.invoke(app, ["templates", "show", "nope.j2"])
    assert r.exit_code == 1
    assert "no template named 'nope.j2'" in r.stderr


def test_override_replaces_a_template_by_name(tmp_path: Path) -> None:
    custom = tmp_path / "t"
    custom.mkdir()
    (custom / "checklist.md.j2").write_text(
        '{% extends "builtin/checklist.md.j2" %}\n', encoding="utf-8"
    )
    (custom / "request.md.j2").write_text("# {{ project | md }} only\n", encoding="utf-8")
    out = tmp_path / "o"
    r = runner.invoke(
        app,
        [
            "generate",
            str(EXAMPLE_SEEDS),
            "-o",
            str(out),
            "--templates",
            str(custom),
            "--project",
            "P",
        ],
    )
    assert r.exit_code == 0, r.output
    assert (out / "request.md").read_text("utf-8") == "# P only\n"
    assert "- [ ] IN-1" in (out / "CHECKLIST.md").read_text("utf-8")


def test_broken_template_names_file_and_line(tmp_path: Path) -> None:
    custom = tmp_path / "t"
    custom.mkdir()
    (custom / "request.md.j2").write_text("line one\n{{ nothing_here }}\n", encoding="utf-8")
    r = runner.invoke(
        app, ["generate", str(EXAMPLE_SEEDS), "-o", str(tmp_path / "o"), "--templates", str(custom)]
    )
    assert r.exit_code == 1
    assert "request.md.j2:2:" in r.stderr and "nothing_here" in r.stderr
    assert "Traceback" not in r.stderr
    assert not (tmp_path / "o").exists()


def test_python_dash_m_runs_the_cli() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "askspec", "--version"], capture_output=True, text=True, check=False
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"askspec {__version__}"


def test_usage_error_exits_2_through_main() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "askspec", "scan"], capture_output=True, text=True, check=False
    )
    assert r.returncode == 2
    assert "Missing argument" in r.stderr


def fail_with(exc: BaseException) -> object:
    def run(*args: object, **kwargs: object) -> None:
        raise exc

    return run


def test_a_bug_is_one_error_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ASKSPEC_DEBUG", raising=False)
    monkeypatch.setattr("askspec.generate.generate", fail_with(RuntimeError("index out of step")))
    r = runner.invoke(app, ["generate", str(EXAMPLE_SEEDS), "-o", str(tmp_path / "out")])
    assert r.exit_code == 1, r.output
    assert r.stderr == "error: internal error: RuntimeError: index out of step\n"
    # ASKSPEC_DEBUG=1 lets the exception through, so its traceback can be seen.
    monkeypatch.setenv("ASKSPEC_DEBUG", "1")
    r = runner.invoke(app, ["generate", str(EXAMPLE_SEEDS), "-o", str(tmp_path / "out")])
    assert isinstance(r.exception, RuntimeError)


def test_ctrl_c_exits_130_with_one_word(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("askspec.generate.generate", fail_with(KeyboardInterrupt()))
    r = runner.invoke(app, ["generate", str(EXAMPLE_SEEDS), "-o", str(tmp_path / "out")])
    assert r.exit_code == 130, r.output
    assert r.stderr == "interrupted\n"
