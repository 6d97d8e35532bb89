"""Imports go one way, down the flow: read, classify, extract, request, mail; the
answers read back; the command line on top. Read from the source with ``ast``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
#: Each part of the package, from the bottom up. A module may import from its own
#: layer and the layers below it, never from one above.
LAYERS: tuple[tuple[str, ...], ...] = (
    # The ground: data types, errors, messages, settings and small shared tools.
    ("__init__", "models", "errors", "i18n", "measure", "config", "output", "progress",
     "workers", "seed_groups"),
    ("read",),
    ("classify",),
    ("scan",),
    ("extract",),
    ("request",),
    ("answers",),
    ("mail",),
    ("generate",),
    ("cli", "__main__"),
)  # fmt: skip
#: No module is longer than this many lines: each can be read in one sitting.
MODULE_LINES = 300


def part_of(module: str) -> str:
    """The part a dotted module name belongs to: ``askspec.read.text`` is ``read``."""
    parts = module.split(".")
    if len(parts) == 1 or (parts[1].startswith("__") and parts[1] != "__main__"):
        return "__init__"  # the package itself, or a name it defines (__version__)
    return parts[1]


def layer(module: str) -> int:
    part = part_of(module)
    for index, parts in enumerate(LAYERS):
        if part in parts:
            return index
    raise AssertionError(f"{module} belongs to no layer: add its part to LAYERS")


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted((SRC / "askspec").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found.append((".".join(parts), path))
    return found


def imported(path: Path) -> set[str]:
    """The askspec modules a source file imports, wherever the import stands."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "askspec":
                names.update(f"askspec.{alias.name}" for alias in node.names)
            elif node.module.startswith("askspec."):
                names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("askspec."))
    return names


MODULES = modules()


@pytest.mark.parametrize(("name", "path"), MODULES, ids=[name for name, _ in MODULES])
def test_imports_go_down_the_flow(name: str, path: Path) -> None:
    if name == "askspec":  # the package's lazy public API names every part by string
        return
    upward = sorted(m for m in imported(path) if layer(m) > layer(name))
    assert not upward, f"{name} imports from above it: {upward}"


@pytest.mark.parametrize(("name", "path"), MODULES, ids=[name for name, _ in MODULES])
def test_no_module_is_over_the_line_limit(name: str, path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MODULE_LINES, f"{name} has {lines} lines"


def test_an_upward_import_is_caught(tmp_path: Path) -> None:
    source = tmp_path / "bad.py"
    source.write_text("def f():\n    from askspec.cli.app import app\n    return app\n")
    assert imported(source) == {"askspec.cli.app"}
    assert layer("askspec.cli.app") > layer("askspec.read.text")
