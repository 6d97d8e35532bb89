"""Benchmark: how quickly askspec commands start, against importing what they load.

Each askspec command is run once with ``PYTHONPROFILEIMPORTTIME`` to list every module
it imports. Its baseline is a fresh ``python -c`` that imports the modules of other
packages among them (and with them whatever of the standard library they need): the
interpreter start-up and the imports the command cannot do without. So ``--version``
and ``--help`` (which load typer, never jinja2) are measured against importing typer,
and a whole ``generate`` on ``examples/seeds`` against importing typer, jinja2, babel,
markdown-it, yaml, lxml and the rest of what it loads. The ratio is what askspec's own
modules, the standard library modules only askspec asks for, and its work add. Command
and baseline are timed in turns in one run; ``python -c pass`` is shown for the bare
interpreter.

Run:  python bench/startup.py [--repeats 15]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchlib import askspec_command, load, median_runs

TARGET_RATIO = 1.5
#: The baseline: import the modules named on the command line.
IMPORT_ALL = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)"
SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


def loaded_modules(cmd: list[str]) -> list[str]:
    """The modules of other packages than askspec and the standard library that cmd
    imports, in the order it imports them."""
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    names = []
    for line in done.stderr.splitlines():
        fields = line.removeprefix("import time:").split("|")
        if len(fields) == 3 and fields[0].strip().isdigit():
            name = fields[2].strip()
            if package(name) not in {None, "askspec", "sitecustomize"}:
                names.append(name)
    return [name for name in dict.fromkeys(names) if importable(name)]


def package(module: str) -> str | None:
    """The top-level package of module, or None for the standard library."""
    top = module.split(".")[0]
    return None if top in sys.stdlib_module_names or top.startswith("_") else top


def importable(name: str) -> bool:
    """Whether name can be imported here: the list also holds probes that failed."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def commands(empty: str, out: str) -> dict[str, list[str]]:
    """The askspec commands measured, by label."""
    askspec = askspec_command()
    return {
        "askspec --version": [*askspec, "--version"],
        "askspec --help": [*askspec, "--help"],
        "askspec scan --json EMPTY": [*askspec, "scan", "--json", empty],
        "askspec generate examples/seeds": [
            *askspec, "generate", str(SEEDS), "-o", out, "--force", "--date", "2026-01-01",
        ],
    }  # fmt: skip


def main() -> None:
    """Time each command and its baseline in turns, then print them side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty"
        empty.mkdir()
        ours = commands(str(empty), str(Path(tmp) / "out"))
        timed: dict[str, list[str]] = {"python -c pass": [sys.executable, "-c", "pass"]}
        loads: dict[str, list[str]] = {}
        for label, cmd in ours.items():
            loads[label] = loaded_modules(cmd)
            timed[label] = cmd
            timed[f"{label} base"] = [sys.executable, "-c", IMPORT_ALL, *loads[label]]
        runs = median_runs(timed, args.repeats)
    print(f"start-up, median of {args.repeats} runs, in turns, {load()}")
    print(f"  python -c pass {runs['python -c pass'].wall * 1e3:25.1f} ms")
    print(f"  {'command':<33}{'askspec':>9}{'baseline':>11}{'ratio':>8}  baseline imports")
    for label in ours:
        mine, base = runs[label].wall, runs[f"{label} base"].wall
        packages = sorted({str(package(m)) for m in loads[label]})
        what = f"{len(loads[label])} modules of {', '.join(packages)}"
        print(f"  {label:<33}{mine * 1e3:6.1f} ms{base * 1e3:8.1f} ms{mine / base:7.2f}x  {what}")
    version = runs["askspec --version"].wall / runs["askspec --version base"].wall
    mark = "met" if version <= TARGET_RATIO else "MISSED"
    print(f"\ntargets\n  [{mark}] askspec --version {version:.2f}x of importing typer (<= 1.5x)")


if __name__ == "__main__":
    main()
