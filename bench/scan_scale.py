"""Benchmark: ``askspec scan --json`` on ~10,000 real files and on one 2 GB file.

On the tree, measured in turns in one run over the same files:
  * ``askspec scan --json``, which reads files in a pool of worker processes (one per
    CPU it may run on, at most 8; ``taskset -c 0 askspec scan`` gives it one);
  * the same scan in one process: the function ``scan --json`` calls, with workers=1;
  * ``file --mime-type`` (libmagic, one process, names read from a list): the baseline;
  * a plain Python loop that reads every byte of every file.

askspec samples a file over 1 MiB: it reads its first 768 KiB and its last 256 KiB.
So the 2 GB sparse file is timed in files per second, never in bytes per second over
bytes askspec does not read; ``file`` reads only its head too, the Python loop all of it.

Run:  python bench/scan_scale.py [--files 10000] [--repeats 3] [--tree DIR] [--no-big]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from benchlib import Run, askspec_command, build_tree, load, median_runs, megabytes

from askspec.read.text import HEAD_BYTES, TAIL_BYTES, WHOLE_LIMIT
from askspec.workers import worker_count

READ_ALL = (
    "import sys\n"
    "for name in open(sys.argv[1], encoding='utf-8').read().splitlines():\n"
    "    with open(name, 'rb') as fh:\n"
    "        while fh.read(1 << 20):\n"
    "            pass\n"
)
#: What ``askspec scan --json`` does, with the number of worker processes given.
SCAN_JSON = (
    "import sys\n"
    "from askspec.classify import ANALYSED_CHARS\n"
    "from askspec.cli.app import emit_scan_json\n"
    "from askspec.scan import json_row, map_scan\n"
    "skipped = []\n"
    "rows = map_scan(sys.argv[1], json_row, workers=int(sys.argv[2]), budget=ANALYSED_CHARS,\n"
    "                skipped=skipped)\n"
    "emit_scan_json(rows, skipped)\n"
)
BIG_BYTES = 2 << 30
TARGET_MB = 200.0
TARGET_BIG_SECONDS = 5.0
BASE = "file --mime-type"
HEADER = f"{'command':<30}{'wall':>9}{'rate':>15}{'max RSS':>11}{'tree PSS':>11}  vs file"


def row(label: str, r: Run, files: int, base: Run | None, note: str = "") -> str:
    """One table line: time, files per second, memory, the ratio to file(1), a note."""
    ratio = f"{r.wall / base.wall:6.2f}x" if base else "      -"
    return (
        f"{label:<30}{r.wall:7.3f} s{files / r.wall:9.1f} files/s"
        f"{r.max_rss_mb:8.1f} MB{r.tree_mb:8.1f} MB  {ratio}  {note}"
    ).rstrip()


def measure(commands: dict[str, list[str]], listing: Path, repeats: int) -> dict[str, Run]:
    """Add the baselines over the files of listing, and time everything in turns."""
    commands = {**commands}
    if shutil.which("file"):
        commands[BASE] = ["file", "--mime-type", "-f", str(listing)]
    else:
        print(f"{BASE:<30}(not installed: apt-get install -y file)")
    commands["python read every byte"] = [sys.executable, "-c", READ_ALL, str(listing)]
    return median_runs(commands, repeats)


def tree_table(
    tree: Path, files: list[Path], listing: Path, repeats: int
) -> tuple[Run | None, Run]:
    """Time the pool, one process and the baselines on the tree; print; return file and ours."""
    mb, sampled = megabytes(files), sum(p.stat().st_size > WHOLE_LIMIT for p in files)
    workers = worker_count()
    pool, single = f"askspec scan --json, {workers} proc.", "scan --json, one process"
    runs = measure(
        {
            pool: [*askspec_command(), "scan", "--json", str(tree)],
            single: [sys.executable, "-c", SCAN_JSON, str(tree), "1"],
        },
        listing,
        repeats,
    )
    print(f"\ntree: {len(files)} files, {mb:.1f} MB ({sampled} over 1 MiB, which askspec samples)")
    print(f"median of {repeats} runs, in turns, {load()}")
    base = runs.get(BASE)
    print(HEADER)
    for name, r in runs.items():
        print(row(name, r, len(files), base, f"{mb / r.wall:6.1f} MB of files/s"))
    speedup = runs[single].wall / runs[pool].wall
    print(f"the pool of {workers} is {speedup:.2f}x as fast as one process")
    return base, runs[pool]


def big_table(tmp: Path, sample: Path, repeats: int) -> Run:
    """Time one sampled 2 GB file against file(1) and a full read; print; return ours."""
    big = tmp / "big" / "huge.txt"
    big.parent.mkdir()
    make_big_file(big, sample)
    listing = tmp / "big.txt"
    listing.write_text(f"{big}\n", encoding="utf-8")
    ours = [*askspec_command(), "scan", "--json", str(big.parent)]
    runs = measure({"askspec scan --json": ours}, listing, repeats)
    print(f"\none 2 GB sparse file, median of {repeats} runs, in turns, {load()}")
    notes = {
        "askspec scan --json": f"samples it: reads {HEAD_BYTES >> 10} KiB of head and "
        f"{TAIL_BYTES >> 10} KiB of tail",
        BASE: "reads its head",
        "python read every byte": "reads all 2 GB (mostly a hole)",
    }
    print(HEADER)
    for name, r in runs.items():
        print(row(name, r, 1, runs.get(BASE), notes[name]))
    return runs["askspec scan --json"]


def make_big_file(path: Path, sample: Path) -> None:
    """A sparse 2 GB file with real text at both ends and a hole in the middle."""
    text = sample.read_bytes()
    chunk = (text * (1 + (4 << 20) // max(1, len(text))))[: 4 << 20]
    with path.open("wb") as fh:
        fh.write(chunk)
        fh.seek(BIG_BYTES - len(chunk))
        fh.write(chunk)


def verdict(ok: bool, what: str) -> str:
    """A target line: met or missed."""
    return f"  [{'met' if ok else 'MISSED'}] {what}"


def main() -> None:
    """Build the tree, run the comparisons, print the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--tree", type=Path, default=Path(tempfile.gettempdir()) / "askspec-tree")
    parser.add_argument("--no-big", action="store_true", help="skip the 2 GB file")
    args = parser.parse_args()
    files = build_tree(args.tree, args.files)
    with tempfile.TemporaryDirectory(prefix="askspec-bench-") as tmp:
        listing = Path(tmp) / "files.txt"
        listing.write_text("".join(f"{p}\n" for p in files), encoding="utf-8")
        file_run, ours = tree_table(args.tree, files, listing, args.repeats)
        big = None if args.no_big else big_table(Path(tmp), files[0], args.repeats)
    print("\ntargets")
    if file_run:
        ratio = ours.wall / file_run.wall
        print(verdict(ratio <= 0.5, f"tree scan {ratio:.2f}x of file --mime-type (<= 0.5x)"))
    print(verdict(ours.tree_mb < TARGET_MB, f"tree scan memory {ours.tree_mb:.0f} MB (< 200)"))
    if big:
        print(verdict(big.wall < TARGET_BIG_SECONDS, f"2 GB file in {big.wall:.2f} s (< 5)"))
        print(verdict(big.tree_mb < TARGET_MB, f"2 GB file memory {big.tree_mb:.0f} MB (< 200)"))


if __name__ == "__main__":
    main()
