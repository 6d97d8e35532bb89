"""The atomic writer: all or nothing, never overwriting without force, no stray files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from askspec.errors import OutputError, OverwriteRefused
from askspec.output import TEMP_PREFIX, safe_relpath, write_outputs


def test_writes_nested_files(tmp_path: Path) -> None:
    written = write_outputs(tmp_path / "o", {"a.txt": b"A", "x/y/b.txt": b"B"})
    assert [p.read_bytes() for p in written] == [b"A", b"B"]


def test_files_get_normal_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        (path,) = write_outputs(tmp_path, {"a.txt": b"A"})
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_refuses_and_names_every_existing_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"old")
    (tmp_path / "b.txt").write_bytes(b"old")
    with pytest.raises(OverwriteRefused) as info:
        write_outputs(tmp_path, {"a.txt": b"new", "b.txt": b"new", "c.txt": b"new"})
    assert info.value.existing == ["a.txt", "b.txt"]
    assert info.value.exit_code == 4
    assert not (tmp_path / "c.txt").exists()
    assert (tmp_path / "a.txt").read_bytes() == b"old"


def test_a_failure_halfway_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_replace = os.replace
    calls = []

    def failing_replace(source: str, target: str, **fds: int) -> None:
        calls.append(target)
        if len(calls) == 1:
            raise OSError(28, "No space left on device", target)
        real_replace(source, target, **fds)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OutputError) as info:
        write_outputs(tmp_path, {"a.txt": b"A", "b.txt": b"B"})
    assert str(info.value) == f"cannot write to {tmp_path}/: no space left on device"
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_write_error_is_reported_with_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(tmp_path / "o"))

    monkeypatch.setattr(Path, "mkdir", denied)
    with pytest.raises(OutputError) as info:
        write_outputs(tmp_path / "o", {"a.txt": b"A"})
    assert str(info.value) == f"cannot write to {tmp_path / 'o'}/: permission denied"


def test_stale_temporary_files_are_cleaned(tmp_path: Path) -> None:
    stale = tmp_path / f"{TEMP_PREFIX}abc"
    stale.write_bytes(b"half")
    write_outputs(tmp_path, {"a.txt": b"A"})
    assert not stale.exists()


@pytest.mark.parametrize("name", ["../x", "/etc/passwd", "a/../../x", "", "./a"])
def test_unsafe_names_are_refused(name: str, tmp_path: Path) -> None:
    with pytest.raises(OutputError):
        safe_relpath(name)
    with pytest.raises(OutputError):
        write_outputs(tmp_path, {name: b"x"})


ISSUE_FORM = ".github/ISSUE_TEMPLATE/spec-request.yml"


@pytest.mark.parametrize("linked", [".github", ".github/ISSUE_TEMPLATE"])
@pytest.mark.parametrize("force", [False, True])
def test_a_linked_folder_inside_out_is_never_written_through(
    tmp_path: Path, linked: str, force: bool
) -> None:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "ISSUE_TEMPLATE").mkdir(parents=True)
    out = tmp_path / "out"
    (out / linked).parent.mkdir(parents=True, exist_ok=True)
    target = elsewhere if linked == ".github" else elsewhere / "ISSUE_TEMPLATE"
    (out / linked).symlink_to(target, target_is_directory=True)
    with pytest.raises(OutputError) as info:
        write_outputs(out, {"request.md": b"R", ISSUE_FORM: b"F"}, force=force)
    assert str(info.value) == f"{out / linked}: is a link; askspec does not write through links"
    assert info.value.exit_code == 1
    assert [p.name for p in elsewhere.rglob("*")] == ["ISSUE_TEMPLATE"]
    assert not (out / "request.md").exists()


def test_cli_refuses_a_linked_github_folder_in_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from askspec.cli import app
    from conftest import EXAMPLE_SEEDS

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / ".github").symlink_to(elsewhere, target_is_directory=True)
    for extra in ([], ["--force"]):
        r = CliRunner().invoke(app, ["generate", str(EXAMPLE_SEEDS), "-o", str(out), *extra])
        assert r.exit_code == 1, r.output
        assert r.stderr == (
            f"error: {out / '.github'}: is a link; askspec does not write through links\n"
        )
    assert list(elsewhere.iterdir()) == []


def test_force_replaces_a_linked_output_file_not_its_target(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"keep")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt").symlink_to(victim)
    with pytest.raises(OverwriteRefused):
        write_outputs(out, {"a.txt": b"new"})
    write_outputs(out, {"a.txt": b"new"}, force=True)
    assert victim.read_bytes() == b"keep"
    assert not (out / "a.txt").is_symlink()
    assert (out / "a.txt").read_bytes() == b"new"
