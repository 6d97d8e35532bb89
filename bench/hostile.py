"""Benchmark: scan, generate and check on 1 MiB single-line hostile inputs.

Each input is one line of 1 MiB made of one repeated unit (digits, spaces, ``<``,
``*``, ``[``, backticks, ``|``, repeated words, a requirement sentence that ends in a
million digits), the shapes that drive a backtracking pattern into quadratic time.
``check`` reads a real request whose first answer is that line. The baseline is the
same command on 1 MiB of ordinary English prose, timed in turns with each shape (shape,
prose, shape, prose, ...), so the ratio shows what the hostile shape costs. Each run
must finish within 5 s and 300 MB; the table marks any that does not.

    python bench/hostile.py [--repeats 3] [--size BYTES]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from benchlib import Run, askspec_command, load, median_runs

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


def measure(folder: Path, prose: Path, out: Path, repeats: int) -> dict[str, Run]:
    """Each command on folder and on the ordinary prose, in turns; runs by "shape command"
    and "prose command"."""
    shape, ordinary = commands(folder, out), commands(prose, out)
    timed = {}
    for name in shape:
        timed[f"shape {name}"] = shape[name]
        timed[f"prose {name}"] = ordinary[name]
    return median_runs(timed, repeats, check=False)


def table_row(shape: str, name: str, r: Run, base: Run) -> tuple[str, bool]:
    """One table line for a shape and command, and whether it went over a limit."""
    over = r.wall > SECONDS_LIMIT or r.tree_mb > MB_LIMIT or r.code not in (0, 1, 3)
    text = (
        f"{shape:<16}{name:<10}{r.wall:8.2f}{r.tree_mb:6.0f}{r.code:5d}"
        f"{base.wall:9.2f}{r.wall / base.wall:9.2f}{'  OVER' if over else ''}"
    )
    return text, over


def main() -> int:
    """Time every shape beside the ordinary prose and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="timed runs; the median counts")
    parser.add_argument("--size", type=int, default=1 << 20, help="bytes per input line")
    args = parser.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        folders = inputs(Path(tmp), args.size)
        prose = folders.pop("ordinary prose")
        out = Path(tmp) / "out"
        print(f"{args.size // 1024} KiB single-line inputs, median of {args.repeats}, in turns")
        head = f"{'seconds':>8}{'MB':>6}{'exit':>5}{'prose s':>9}{'x prose':>9}"
        print(f"{'input':<16}{'command':<10}{head}")
        for shape, folder in folders.items():
            runs = measure(folder, prose, out, args.repeats)
            for name in ("scan", "generate", "check"):
                text, over = table_row(shape, name, runs[f"shape {name}"], runs[f"prose {name}"])
                print(text)
                failures += over
    print(f"{load()} at the end")
    print(f"limits: {SECONDS_LIMIT} s and {MB_LIMIT:.0f} MB per run; {failures} over")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
