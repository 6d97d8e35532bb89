"""Benchmark: how quickly askspec starts, against importing what the same command loads.

Run:  python bench/startup.py [--repeats 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import askspec_command, load

TARGET_RATIO = 1.5


def wall(cmd: list[str]) -> float:
    """Seconds for one run of cmd in a fresh process."""
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def imported(args: list[str]) -> list[str]:
    """The askspec modules a command imports, to show what start-up pays for."""
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['askspec', *{args!r}]\n"
        "try:\n"
        "    runpy.run_module('askspec', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'askspec', 'rich', 'charset_normalizer', 'identify', 'markdown_it', 'yaml'})),"
        " file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    return done.stderr.split()


def main() -> None:
    """Time each command, interleaved so load changes hit all of them alike."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as empty:
        run_all(args.repeats, empty)


def run_all(repeats: int, empty: str) -> None:
    """Time the commands; a scan of an empty folder shows a whole command's fixed cost."""
    seeds = Path(__file__).resolve().parents[1] / "examples" / "seeds"
    out = Path(empty) / "out"
    commands = {
        # --version loads typer and askspec's CLI, never jinja2: typer is its baseline.
        "python -c 'import typer'": [sys.executable, "-c", "import typer"],
        "askspec --version": [*askspec_command(), "--version"],
        "askspec --help": [*askspec_command(), "--help"],
        "askspec scan --json EMPTY": [*askspec_command(), "scan", "--json", empty],
        "askspec generate EXAMPLES": [
            *askspec_command(),
            "generate",
            str(seeds),
            "-o",
            str(out),
            "--force",
            "--date",
            "2026-01-01",
        ],  # fmt: skip
        "python -c pass": [sys.executable, "-c", "pass"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for cmd in commands.values():
        wall(cmd)  # warm the page cache and .pyc files
    for _ in range(repeats):
        for name, cmd in commands.items():
            times[name].append(wall(cmd))
    base = statistics.median(times["python -c 'import typer'"])
    print(f"start-up, median of {repeats} runs, {load()}")
    for name, values in times.items():
        median, fastest = statistics.median(values), min(values)
        ratio = median / base
        print(f"  {name:<34} {median * 1e3:7.1f} ms  {ratio:5.2f}x  (min {fastest * 1e3:.1f} ms)")
    version = statistics.median(times["askspec --version"]) / base
    mark = "met" if version <= TARGET_RATIO else "MISSED"
    print(f"\ntargets\n  [{mark}] askspec --version {version:.2f}x of importing typer (<= 1.5x)")
    print("\nmodules loaded by --version:", " ".join(imported(["--version"])) or "(none)")


if __name__ == "__main__":
    main()
