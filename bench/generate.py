"""Benchmark: the full ``generate`` against ``scan`` alone, on the examples and a big tree.

The baseline is ``askspec scan --json`` over the same seeds, timed in turns with
``generate`` in one run, so the ratio says how much planning, rendering and writing add
on top of the scan. A second table splits one in-process run into its phases.

Run:  python bench/generate.py [--files 10000] [--repeats 3] [--tree DIR]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchlib import askspec_command, build_tree, load, median_runs

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "seeds"


def compare(label: str, seeds: Path, out: Path, repeats: int) -> None:
    """Time generate and scan --json on the same seeds, in turns, as fresh processes."""
    generate = [*askspec_command(), "generate", str(seeds), "-o", str(out), "--force"]
    runs = median_runs(
        {
            "askspec generate": [*generate, "--date", "2026-01-01"],
            "askspec scan --json": [*askspec_command(), "scan", "--json", str(seeds)],
        },
        repeats,
    )
    gen, scan = runs["askspec generate"], runs["askspec scan --json"]
    print(f"\n{label}: {seeds}, median of {repeats} runs, in turns, {load()}")
    print(f"  {'askspec scan --json':<22} {scan.wall:7.3f} s  {scan.tree_mb:6.1f} MB   base")
    ratio = gen.wall / scan.wall
    print(f"  {'askspec generate':<22} {gen.wall:7.3f} s  {gen.tree_mb:6.1f} MB  {ratio:5.2f}x")
    share = max(0.0, gen.wall - scan.wall) / gen.wall
    print(f"  everything after the scan: {share:.0%} of generate's wall time")


def phases(seeds: Path, out: Path) -> None:
    """One in-process generate split into scan+extract, planning, rendering and writing."""
    from askspec.generate import Options, build_request, render_outputs, scan_with_facts
    from askspec.output import write_outputs

    options = Options()
    marks = [("start", time.perf_counter())]
    result, facts = scan_with_facts(seeds)
    marks.append(("scan + extract", time.perf_counter()))
    request = build_request(result, options, seeds, facts)
    marks.append(("plan questions", time.perf_counter()))
    files = render_outputs(request, options)
    marks.append(("render", time.perf_counter()))
    write_outputs(out, files, force=True)
    marks.append(("write", time.perf_counter()))
    total = marks[-1][1] - marks[0][1]
    print(f"  phases of one in-process run ({len(result.files)} files, {total:.3f} s):")
    for (_, before), (name, after) in zip(marks, marks[1:], strict=False):
        took = after - before
        print(f"    {name:<16} {took:7.3f} s  {took / total:5.1%}")


def main() -> None:
    """Run both comparisons and the phase split."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--tree", type=Path, default=Path(tempfile.gettempdir()) / "askspec-tree")
    args = parser.parse_args()
    build_tree(args.tree, args.files)
    with tempfile.TemporaryDirectory(prefix="askspec-bench-") as tmp:
        for label, seeds in (("examples", EXAMPLES), ("tree", args.tree)):
            out = Path(tmp) / label
            compare(label, seeds, out, args.repeats)
            phases(seeds, out)


if __name__ == "__main__":
    main()
