"""Benchmark: ``askspec scan --json`` on ~10,000 real files and on one 2 GB file.

Baselines measured in the same run, over the same files:
  * ``file --mime-type`` (libmagic, one process, names read from a list);
  * a plain Python loop that reads every byte of every file.

Run:  python bench/scan_scale.py [--files 10000] [--repeats 3] [--tree DIR] [--no-big]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from benchlib import Run, askspec_command, build_tree, load, median_runs, megabytes

READ_ALL = (
    "import sys\n"
    "for name in open(sys.argv[1], encoding='utf-8').read().splitlines():\n"
    "    with open(name, 'rb') as fh:\n"
    "        while fh.read(1 << 20):\n"
    "            pass\n"
)
#: The library alone, serial and with worker processes, to show what the pool buys.
LIBRARY_SCAN = (
    "from askspec.scan import iter_scan\n"
    "for _ in iter_scan({target!r}, keep_text=False, workers={workers}):\n"
    "    pass\n"
)
BIG_BYTES = 2 << 30
TARGET_MB = 200.0
TARGET_BIG_SECONDS = 5.0


def row(label: str, r: Run, files: int, mb: float, base: Run | None) -> str:
    """One table line: time, rates, memory and the ratio to the baseline."""
    ratio = f"{r.wall / base.wall:6.2f}x" if base else "      -"
    return (
        f"{label:<26} {r.wall:7.3f} s {files / r.wall:9.0f} files/s {mb / r.wall:8.1f} MB/s "
        f"{r.max_rss_mb:7.1f} MB {r.tree_mb:7.1f} MB  {ratio}"
    )


def header() -> str:
    """Column names matching row()."""
    return (
        f"{'command':<26} {'wall':>9} {'rate':>15} {'throughput':>13} "
        f"{'max RSS':>10} {'tree PSS':>10}  vs file"
    )


def compare(
    label: str, target: Path, listing: Path, files: int, repeats: int
) -> tuple[Run, Run | None]:
    """Time the commands over the same files; print the table; return ours and file's."""
    mb = megabytes([target]) if target.is_file() else megabytes(_listed(listing))
    print(f"\n{label}: {files} files, {mb:.1f} MB, median of {repeats} runs, {load()}")
    print(header())
    commands = {"python read every byte": [sys.executable, "-c", READ_ALL, str(listing)]}
    if shutil.which("file"):
        commands["file --mime-type"] = ["file", "--mime-type", "-f", str(listing)]
    commands["askspec scan --json"] = [*askspec_command(), "scan", "--json", str(target)]
    for workers in (1, 2) if files > 1 else ():
        code = LIBRARY_SCAN.format(target=str(target), workers=workers)
        name = f"library scan, {workers} process{'es' if workers > 1 else ''}"
        commands[name] = [sys.executable, "-c", code]
    runs = median_runs(commands, repeats)
    base = runs.get("file --mime-type")
    if base is None:
        print("file --mime-type           (not installed: apt-get install -y file)")
    for name, result in sorted(runs.items(), key=lambda item: item[0] != "file --mime-type"):
        print(row(name, result, files, mb, base))
    ours = runs["askspec scan --json"]
    return ours, base


def _listed(listing: Path) -> list[Path]:
    return [Path(line) for line in listing.read_text(encoding="utf-8").splitlines()]


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
        ours, file_run = compare("tree", args.tree, listing, len(files), args.repeats)
        print("\ntargets")
        if file_run:
            ratio = ours.wall / file_run.wall
            print(verdict(ratio <= 0.5, f"tree scan {ratio:.2f}x of file --mime-type (<= 0.5x)"))
        print(verdict(ours.tree_mb < TARGET_MB, f"tree scan memory {ours.tree_mb:.0f} MB (< 200)"))
        if not args.no_big:
            big = Path(tmp) / "big" / "huge.txt"
            big.parent.mkdir()
            make_big_file(big, files[0])
            big_list = Path(tmp) / "big.txt"
            big_list.write_text(f"{big}\n", encoding="utf-8")
            one, _ = compare("one 2 GB sparse file", big.parent, big_list, 1, args.repeats)
            print("\ntargets")
            print(verdict(one.wall < TARGET_BIG_SECONDS, f"2 GB file in {one.wall:.2f} s (< 5)"))
            print(verdict(one.tree_mb < TARGET_MB, f"2 GB file memory {one.tree_mb:.0f} MB"))


if __name__ == "__main__":
    main()
