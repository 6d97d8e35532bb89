"""The library's public names, as the README's Library section uses them."""

from __future__ import annotations

from pathlib import Path

import pytest

import askspec
from conftest import EXAMPLE_SEEDS


def test_readme_library_example_runs(tmp_path: Path) -> None:
    from askspec import AskspecError, check_answers
    from askspec.classify import classify
    from askspec.generate import Options, generate
    from askspec.scan import scan

    result = scan(str(EXAMPLE_SEEDS))
    assert {f.kind.value for f in result.files} >= {"prose", "code", "spec"}
    assert classify("notes.txt", "We met at the harbour and talked.").kind.value == "prose"
    generate(str(EXAMPLE_SEEDS), str(tmp_path / "out"), Options(project="Tide tables"), force=True)
    assert (tmp_path / "out" / "request.md").is_file()
    assert callable(check_answers) and issubclass(AskspecError, Exception)


def test_readme_library_example_is_the_one_tested() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Library", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    for line in (
        "from askspec.classify import classify",
        "from askspec.generate import Options, generate",
        "from askspec.scan import scan",
    ):
        assert line in block


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'scann'"):
        askspec.scann  # noqa: B018 - the lookup is the test


def test_readme_scan_json_example_is_what_the_tool_prints() -> None:
    from typer.testing import CliRunner

    from askspec.cli import app

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("### `askspec scan", 1)[1]
    command = "askspec scan --json examples/seeds/alert-spec.md"
    assert command in section.split("```json", 1)[0]
    shown = section.split("```json\n", 1)[1].split("```", 1)[0]
    printed = CliRunner().invoke(app, ["scan", "--json", str(EXAMPLE_SEEDS / "alert-spec.md")])
    assert printed.exit_code == 0, printed.output
    assert printed.stdout == shown
