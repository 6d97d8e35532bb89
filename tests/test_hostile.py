"""Hostile seeds: every case ends as a row with a reason, never a traceback; outputs stay clean."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from askspec.cli import app
from askspec.scan import scan
from hostile_cases import CASES, PROSE, remove_tree

pytestmark = [pytest.mark.hostile, pytest.mark.timeout(120)]
runner = CliRunner()


@pytest.fixture
def tmp_path() -> Iterator[Path]:
    """A folder outside pytest's own temporary tree, removed here without recursion.

    pytest clears old temporary folders with a recursive delete that fails on the
    1,500-level tree, so these cases never leave anything for it to find.
    """
    top = Path(tempfile.mkdtemp(prefix="askspec-hostile-"))
    try:
        yield top
    finally:
        remove_tree(top)


def seeds_with(tmp_path: Path, name: str) -> Path:
    root = tmp_path / "seeds"
    root.mkdir()
    (root / "anchor.md").write_text("# Anchor\n\n" + PROSE, encoding="utf-8")
    CASES[name].build(root)
    return root


def assert_clean_text(data: bytes, where: str) -> None:
    text = data.decode("utf-8")  # raises if any output is not valid UTF-8
    assert "\udcff" not in text and "\u202e" not in text, where


@pytest.mark.parametrize("name", sorted(CASES))
def test_scan_reports_every_case(name: str, tmp_path: Path) -> None:
    root = seeds_with(tmp_path, name)
    r = runner.invoke(app, ["scan", str(root), "--json"])
    assert r.exit_code == 0, r.output
    assert "Traceback" not in r.output
    rows = json.loads(r.stdout)["files"]
    assert rows[0]["path"] == "anchor.md" or any(row["path"] == "anchor.md" for row in rows)
    others = [row for row in rows if row["path"] != "anchor.md"]
    assert others, "the hostile entry produced no row"
    expected = CASES[name]
    for row in others:
        assert row["kind"] in expected.kinds, row
        assert "\n" not in row["path"] and "\r" not in row["path"], row
        if expected.says:
            said = " ".join(row["evidence"] + row["problems"]).lower()
            assert expected.says.lower() in said, row
        if row["kind"] == "unreadable":
            assert row["problems"], row


@pytest.mark.parametrize("name", sorted(CASES))
def test_generate_survives_every_case(name: str, tmp_path: Path) -> None:
    root = seeds_with(tmp_path, name)
    out = tmp_path / "out"
    r = runner.invoke(app, ["generate", str(root), "-o", str(out), "--date", "2026-01-01"])
    assert r.exit_code == 0, r.output
    files = [p for p in out.rglob("*") if p.is_file()]
    assert len(files) == 7
    for path in files:
        assert_clean_text(path.read_bytes(), path.name)
    table = [
        line
        for line in (out / "request.md").read_text("utf-8").splitlines()
        if line.startswith("| `")
    ]
    assert len(table) == len(scan(root).files)


def test_scan_table_prints_one_name_per_line(tmp_path: Path) -> None:
    root = seeds_with(tmp_path, "name-newline")
    r = runner.invoke(app, ["scan", str(root)])
    assert r.exit_code == 0, r.output
    assert len(r.stdout.splitlines()) == 1 + len(scan(root).files)


def test_unreadable_file_is_reported_and_scan_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = seeds_with(tmp_path, "enc-cp1252")

    real_open = os.open

    def deny(path: str, *args: Any, **kwargs: Any) -> Any:
        if Path(path).name == "enc.txt":
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, *args, **kwargs)

    # The reader opens files by name (as root, a real permission error cannot happen).
    with monkeypatch.context() as patched:
        patched.setattr(os, "open", deny)
        rows = {f.path: f for f in scan(root).files}
    assert rows["enc.txt"].kind.value == "unreadable"
    assert "Permission denied" in rows["enc.txt"].problems[0]
    assert rows["anchor.md"].kind.value in {"prose", "spec"}


def test_unlistable_folder_is_reported_and_scan_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = seeds_with(tmp_path, "link-loop-parent")
    real_open = os.open

    def deny(path: str, *args: Any, **kwargs: Any) -> Any:
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(os, "open", deny)
        rows = {f.path: f for f in scan(root).files}
    assert rows["sub"].kind.value == "unreadable"
    assert "Permission denied" in rows["sub"].problems[0]
    assert "anchor.md" in rows


def test_every_case_names_the_one_kind_it_must_get() -> None:
    loose = sorted(name for name, case in CASES.items() if len(case.kinds) != 1)
    assert not loose, f"cases that accept more than one kind: {loose}"
    unread = [n for n, c in CASES.items() if c.kinds == {"unreadable"} and not c.says]
    assert not unread, f"unreadable cases that name no reason: {unread}"
