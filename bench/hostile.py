"""Benchmark: scan, generate and check on 1 MiB single-line hostile inputs.

Each input is one line of 1 MiB made of one repeated unit (digits, spaces, ``<``,
``*``, ``[``, backticks, ``|``, repeated words, a requirement sentence that ends in a
million digits), the shapes that drive a backtracking pattern into quadratic time.
``check`` reads a real request whose first answer is that line. The baseline is the
same command on 1 MiB of ordinary English prose, measured in the same run, so the
ratio shows what the hostile shape costs. Each run must finish within 5 s and 300 MB;
the table marks any that does not.

    python bench/hostile.py [--repeats 3] [--size BYTES]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchlib import askspec_command, load, run

SECONDS_LIMIT = 5.0
MB_LIMIT = 300.0
#: (name, repeated unit, suffix of the seed file).
SHAPES = (
    ("digits", "1", ".md"),
    ("spaces", " ", ".md"),
    ("less-than", "<", ".html"),
    ("less-than-md", "<", ".md"),
    ("stars", "*", ".md"),
    ("brackets", "[", ".md"),
    ("backticks", "`", ".md"),
    ("pipes", "|", ".md"),
    ("words", "must handle the system ", ".txt"),
    ("numbers-units", "1 ms 2 GB ", ".txt"),
    ("ids", "IN-1 ", ".md"),
)
PROSE = (
    "The harbour was quiet in the early morning, and the boats rocked gently at their "
    "moorings while the gulls argued over the scraps the fishermen had left behind. "
)


def line_of(unit: str, size: int) -> str:
    """One line of size characters made of unit."""
    return (unit * (size // len(unit) + 1))[:size] + "\n"


def request_text(root: Path) -> str:
    """A real request.md, generated from the shipped example seeds."""
    seeds = Path(__file__).resolve().parents[1] / "examples" / "seeds"
    subprocess.run([*askspec_command(), "generate", str(seeds), "-o", str(root / "request")],
                   check=True, capture_output=True)  # fmt: skip
    return (root / "request" / "request.md").read_text(encoding="utf-8")


def inputs(root: Path, size: int) -> dict[str, Path]:
    """Per shape, and for the ordinary prose, a folder under root with the one-line seed
    and, beside it in answers/, a real request whose first answer is that line."""
    request = request_text(root)
    folders = {}
    shapes = (*SHAPES, ("requirement", "", ".md"), ("ordinary prose", PROSE, ".txt"))
    for name, unit, suffix in shapes:
        folder = root / name
        folder.mkdir()
        if name == "requirement":
            text = "The system must handle " + "1" * size + " requests.\n"
        else:
            text = line_of(unit, size)
        (folder / f"seed{suffix}").write_text(text, encoding="utf-8")
        answered = request.replace("_Write your answer here._", text.rstrip("\n"), 1)
        (root / f"{name}.answers.md").write_text(answered, encoding="utf-8")
        folders[name] = folder
    return folders


def commands(folder: Path, out: Path) -> dict[str, list[str]]:
    """The three commands on one seeds folder."""
    answers = folder.with_name(f"{folder.name}.answers.md")
    # A run that hangs is killed after a minute and shows as exit code 137.
    askspec = ["timeout", "-s", "KILL", "60", *askspec_command()]
    return {
        "scan": [*askspec, "scan", str(folder), "--json"],
        "generate": [*askspec, "generate", str(folder), "-o", str(out), "--force"],
        "check": [*askspec, "check", str(answers), "--json"],
    }


def measure(cmd: list[str], repeats: int) -> tuple[float, float, int]:
    """Median wall seconds of untouched runs, the peak MB of one sampled run, exit code."""
    walls = [run(cmd, sample=False).wall for _ in range(repeats)]
    sampled = run(cmd)
    return statistics.median(walls), sampled.tree_mb, sampled.code


def main() -> int:
    """Time every shape against the ordinary prose and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="timed runs; the median counts")
    parser.add_argument("--size", type=int, default=1 << 20, help="bytes per input line")
    args = parser.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        folders = inputs(Path(tmp), args.size)
        out = Path(tmp) / "out"
        baseline = {
            name: measure(cmd, args.repeats)
            for name, cmd in commands(folders.pop("ordinary prose"), out).items()
        }
        print(f"{args.size // 1024} KiB single-line inputs, median of {args.repeats}, {load()}")
        print("ordinary prose: " + ", ".join(
            f"{name} {wall:.2f} s {mb:.0f} MB" for name, (wall, mb, _) in baseline.items()
        ))  # fmt: skip
        print(f"{'input':<16}{'command':<10}{'seconds':>8}{'MB':>6}{'exit':>5}{'x prose':>9}")
        for shape, folder in folders.items():
            for name, cmd in commands(folder, out).items():
                wall, mb, code = measure(cmd, args.repeats)
                over = wall > SECONDS_LIMIT or mb > MB_LIMIT or code not in (0, 1, 3)
                failures += over
                ratio = wall / baseline[name][0]
                flag = "  OVER" if over else ""
                print(f"{shape:<16}{name:<10}{wall:8.2f}{mb:6.0f}{code:5d}{ratio:9.2f}{flag}")
    print(f"limits: {SECONDS_LIMIT} s and {MB_LIMIT:.0f} MB per run; {failures} over")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
