"""Over LIST_LIMIT seed files, the request lists folders and kinds; scan.json lists all."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from askspec.generate import Options, generate
from askspec.seed_groups import LIST_LIMIT


@pytest.mark.slow
def test_many_seeds_are_summarised_by_folder_and_kind(
    make_tree: Callable[..., Path], tmp_path: Path
) -> None:
    count = LIST_LIMIT + 1
    tree = {f"part-{i % 3}/n{i:03d}.md": f"A note number {i} about a shop." for i in range(count)}
    tree["top.py"] = "print('hi')\n"
    seeds = make_tree(tree)
    generate(seeds, tmp_path / "out", Options(date=date(2026, 1, 1)))
    md = (tmp_path / "out" / "request.md").read_text(encoding="utf-8")
    table = md.split("## The seeds", 1)[1].split("\n## ", 1)[0]
    assert "| Folder | Kind | Files |" in table and "`scan.json`" in table
    assert "| `part-0/` | prose | 67 |" in table
    assert table.rstrip().endswith("| `.` | code | 1 |")
    assert "n000.md" not in table
    listed = json.loads((tmp_path / "out" / "scan.json").read_text(encoding="utf-8"))
    assert len(listed["files"]) == count + 1
