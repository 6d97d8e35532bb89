"""Write errors name the path the user gave and the reason, never a temporary file."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from askspec.cli import app
from askspec.output import TEMP_PREFIX
from conftest import EXAMPLE_SEEDS

runner = CliRunner()


def generate_into(out: str) -> tuple[int, str]:
    r = runner.invoke(app, ["generate", str(EXAMPLE_SEEDS), "-o", out, "--date", "2026-01-01"])
    return r.exit_code, r.stderr


def test_an_output_folder_that_is_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("out").mkdir()
    Path("out/request.md").write_text("mine", encoding="utf-8")
    code, err = generate_into("out/request.md")
    assert (code, err) == (1, "error: out/request.md is a file, not a folder\n")
    code, err = generate_into("out/request.md/deeper")
    assert (code, err) == (1, "error: out/request.md is a file, not a folder\n")
    assert Path("out/request.md").read_text(encoding="utf-8") == "mine"


def test_a_read_only_file_system(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    real_open = os.open

    def read_only(path: str, flags: int, *args: object, **kw: object) -> int:
        if str(path).startswith(TEMP_PREFIX):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), path)
        return real_open(path, flags, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only)
    code, err = generate_into("out")
    assert (code, err) == (1, "error: cannot write to out/: read-only file system\n")


def test_a_folder_that_cannot_be_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)

    def read_only(*args: object, **kw: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), "out")

    monkeypatch.setattr(Path, "mkdir", read_only)
    code, err = generate_into("out")
    assert (code, err) == (1, "error: cannot write to out/: read-only file system\n")


def test_a_failed_rename_names_the_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)

    def broken(source: str, target: str, **kw: object) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO), source, None, target)

    monkeypatch.setattr(os, "replace", broken)
    code, err = generate_into("out")
    assert (code, err) == (1, "error: cannot write to out/request.md: input/output error\n")
    assert not [p for p in Path("out").iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_an_error_without_words_still_hides_the_temporary_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    def wordless(source: str, target: str, **kw: object) -> None:
        raise OSError(f"{source} -> {target}")

    monkeypatch.setattr(os, "replace", wordless)
    code, err = generate_into("out")
    assert code == 1 and TEMP_PREFIX not in err
    assert err.startswith("error: cannot write to out/request.md: ")


def test_a_file_where_an_output_folder_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("out").mkdir()
    Path("out/.github").write_text("not a folder", encoding="utf-8")
    for extra in ([], ["--force"]):
        r = runner.invoke(app, ["generate", str(EXAMPLE_SEEDS), "-o", "out", *extra])
        assert (r.exit_code, r.stderr) == (1, "error: out/.github is a file, not a folder\n")
    assert Path("out/.github").read_text(encoding="utf-8") == "not a folder"
    assert not Path("out/request.md").exists()


def test_an_empty_output_folder_made_beforehand_is_filled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("out").mkdir()
    code, err = generate_into("out")
    assert code == 0, err
    assert Path("out/.github/ISSUE_TEMPLATE/spec-request.yml").is_file()
