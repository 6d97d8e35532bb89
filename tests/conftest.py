"""Shared fixtures: trees built from dicts, a private HOME, and the example seeds."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_SEEDS = ROOT / "examples" / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden"

#: A real SMTP server on 127.0.0.1 for the mail tests (fixtures certs and smtp_server).
pytest_plugins = ["smtp_server"]

Tree = Mapping[str, "str | bytes | Tree"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        help="Rewrite golden files from the current output (review the diff).",
    )


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the real home or picks up SMTP settings from the machine."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    for name in ("SOURCE_DATE_EPOCH", "ASKSPEC_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    for name in [n for n in os.environ if n.startswith("ASKSPEC_SMTP_")]:
        monkeypatch.delenv(name)
    return home


def write_tree(root: Path, tree: Tree) -> Path:
    """Create files and folders under root from a nested dict of str/bytes contents."""
    root.mkdir(parents=True, exist_ok=True)
    for name, content in tree.items():
        path = root / name
        if isinstance(content, Mapping):
            write_tree(path, content)
        elif isinstance(content, bytes):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def make_tree(tmp_path: Path) -> Callable[[Tree], Path]:
    """Build a seeds folder from a dict: ``make_tree({"a.md": "text", "sub": {...}})``."""

    def build(tree: Tree, name: str = "seeds") -> Path:
        return write_tree(tmp_path / name, tree)

    return build


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files."""
    return bool(request.config.getoption("--regen-golden"))


def fill_request(text: str, answers: dict[str, str]) -> str:
    """What a person does: replace the placeholder under each question with an answer."""
    from askspec.request.answer_format import PLACEHOLDER

    out, current = [], None
    for line in text.split("\n"):
        if line.startswith("### "):
            current = line.split()[1]
        out.append(answers[current] if line == PLACEHOLDER and current in answers else line)
    return "\n".join(out)
