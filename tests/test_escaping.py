"""Names, seed text and dates from a hostile folder stay data in every deliverable."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from askspec.cli import app

runner = CliRunner()
PIPE_NAME = "x|![](https:evil.example)|[Verify](https:evil.example)|y.md"
SEED = (
    "PARCEL LOCKERS\n\nInputs\n======\n\n"
    "Scans of the parcel [label](https://evil.example/x) as JPEG.\n"
)


def generate(seeds: Path, out: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = runner.invoke(app, ["generate", str(seeds), "-o", str(out), *args], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def test_a_pipe_in_a_file_name_stays_in_its_table_cell(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / PIPE_NAME).write_text(SEED, encoding="utf-8")
    generate(seeds, tmp_path / "out", "--date", "2026-01-05")
    md = (tmp_path / "out" / "request.md").read_text(encoding="utf-8")
    row = next(line for line in md.splitlines() if "evil.example" in line and line.startswith("|"))
    assert row.count("|") - row.count("\\|") == 5  # four cells, whatever the name holds
    html = (tmp_path / "out" / "request.html").read_text(encoding="utf-8")
    assert "<img" not in html and 'href="https:evil.example' not in html


def test_issue_form_descriptions_carry_no_live_link(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "lockers.txt").write_text(SEED, encoding="utf-8")  # plain text keeps the link
    generate(seeds, tmp_path / "out", "--date", "2026-01-05")
    form = yaml.safe_load(
        (tmp_path / "out/.github/ISSUE_TEMPLATE/spec-request.yml").read_text(encoding="utf-8")
    )
    described = [f["attributes"].get("description", "") for f in form["body"]]
    quoted = [d for d in described if "evil.example" in d]
    assert quoted, described
    assert all("[label](" not in d and "\\[label\\]" in d for d in quoted)


def test_a_folder_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    seeds = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9"))
    seeds.mkdir()
    (seeds / "notes.md").write_text("We need a booking page for the clinic.\n", encoding="utf-8")
    generate(seeds, tmp_path / "out", "--date", "2026-01-05")
    md = (tmp_path / "out" / "request.md").read_text(encoding="utf-8")
    assert "caf\\\\xe9" in md or "caf\\xe9" in md


@pytest.mark.parametrize(
    ("args", "env", "reason"),
    [
        (["--date", "0001-01-01"], None, "the year must be 1970 to 9999"),
        ([], {"SOURCE_DATE_EPOCH": "99999999999999999"}, "SOURCE_DATE_EPOCH"),
    ],
    ids=["date-year-one", "epoch-overflow"],
)
def test_dates_out_of_range_are_a_usage_error(
    tmp_path: Path, args: list[str], env: dict[str, str] | None, reason: str
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text("A note.\n", encoding="utf-8")
    result = runner.invoke(app, ["generate", str(seeds), "-o", str(tmp_path / "o"), *args], env=env)
    assert result.exit_code == 2, result.output
    assert reason in result.output and "Traceback" not in result.output
