"""Shared helpers for the benchmarks: timed runs with peak memory, and a tree of real files.

Every figure comes from a fresh process, so imports, start-up and page faults count as a
user would see them. Memory is reported two ways: the peak RSS of the largest single
process (from ``wait4``) and the peak of the summed PSS of the whole process tree, sampled
while it runs, so worker processes are counted without counting shared pages twice.
"""

from __future__ import annotations

import compileall
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

#: Where the real material for the scale tree comes from, with a short name for each.
SOURCES = (
    ("stdlib", Path(sysconfig.get_paths()["stdlib"])),
    ("doc", Path("/usr/share/doc")),
    ("include", Path("/usr/include")),
)
SKIPPED = frozenset({"__pycache__", "site-packages", "node_modules"})
SAMPLE_SECONDS = 0.02


@dataclass(frozen=True)
class Run:
    """One finished command: wall seconds, exit code and peak memory in MB."""

    wall: float
    code: int
    max_rss_mb: float
    tree_mb: float


def askspec_command() -> list[str]:
    """The installed ``askspec`` script beside this Python, as a user would run it.

    askspec's modules are compiled to bytecode first, as pip does when it installs a
    package: an editable install under PYTHONDONTWRITEBYTECODE would otherwise compile
    them again at every start, which a user's install does not.
    """
    spec = importlib.util.find_spec("askspec")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            compileall.compile_dir(folder, quiet=1)
    script = Path(sys.executable).parent / "askspec"
    return [str(script)] if script.exists() else [sys.executable, "-m", "askspec"]


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _tree_kb(pid: int) -> int:
    """Summed PSS (else RSS) of pid and its descendants, in kB; 0 when it is gone."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(_children(current))
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
        except OSError:
            continue
        for line in rollup.splitlines():
            if line.startswith("Pss:"):
                total += int(line.split()[1])
                break
    return total


def run(cmd: Sequence[str], stdout: int | None = subprocess.DEVNULL, sample: bool = True) -> Run:
    """Run cmd once in a fresh process and measure wall time and peak memory.

    Sampling the memory of the process tree reads /proc every few milliseconds, which
    takes CPU from the command; without sample, only the largest process's peak RSS
    (from wait4) is measured and the wall time is undisturbed.
    """
    peak = [0]
    done = threading.Event()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL)

    def sampling() -> None:
        while not done.wait(SAMPLE_SECONDS):
            peak[0] = max(peak[0], _tree_kb(proc.pid))

    sampler = threading.Thread(target=sampling, daemon=True)
    if sample:
        sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    if sample:
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kB on Linux; a process that ends between samples still has its own.
    rss_mb = usage.ru_maxrss / 1024
    return Run(wall, proc.returncode, rss_mb, max(peak[0] / 1024, rss_mb))


def median_runs(
    commands: Mapping[str, Sequence[str]], repeats: int, check: bool = True
) -> dict[str, Run]:
    """Each command's median wall time over repeats timed runs, and its peak memory.

    This is the one way the benchmarks time a command against its baseline: put both in
    commands, askspec's first, and every round runs each of them once, in turn (askspec,
    baseline, askspec, baseline, ...), so a change in the machine's speed hits them alike.
    A first round with the process tree sampled gives the memory figures and warms the
    page cache and bytecode for every command before any timed run. With check, a
    command that fails stops the benchmark; without it, the returned code is the
    sampled run's.
    """
    sampled = {name: run(cmd) for name, cmd in commands.items()}
    walls: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, cmd in commands.items():
            timed = run(cmd, sample=False)
            if check and timed.code != 0:
                raise SystemExit(f"command failed with exit code {timed.code}: {' '.join(cmd)}")
            walls[name].append(timed.wall)
    return {
        name: Run(statistics.median(walls[name]), s.code, s.max_rss_mb, s.tree_mb)
        for name, s in sampled.items()
    }


def load() -> str:
    """The 1-minute load average and core count, for reading the figures fairly."""
    return f"load {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"


def _real_files(root: Path) -> Iterator[Path]:
    """Regular, readable, non-hidden files under root, in sorted order."""
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED and not d.startswith("."))
        for name in sorted(names):
            path = Path(folder) / name
            if not name.startswith(".") and path.is_file() and not path.is_symlink():
                yield path


def build_tree(dest: Path, count: int) -> list[Path]:
    """Copy count real files from this machine into dest, mixing the sources evenly.

    The tree is kept between runs (a marker file records its size), so repeated
    benchmarks measure the scan rather than the copy.
    """
    marker = dest / ".complete"
    if marker.exists() and marker.read_text() == str(count):
        return sorted(p for p in dest.rglob("*") if p.is_file() and p != marker)
    shutil.rmtree(dest, ignore_errors=True)
    streams = [_tagged(name, root) for name, root in SOURCES if root.is_dir()]
    copied: list[Path] = []
    while streams and len(copied) < count:
        for stream in list(streams):
            item = next(stream, None)
            if item is None:
                streams.remove(stream)
                continue
            name, root, path = item
            target = dest / name / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                shutil.copyfile(path, target)
            except OSError:
                continue
            copied.append(target)
            if len(copied) >= count:
                break
    marker.write_text(str(count))
    return sorted(copied)


def _tagged(name: str, root: Path) -> Iterator[tuple[str, Path, Path]]:
    for path in _real_files(root):
        yield name, root, path


def megabytes(paths: Sequence[Path]) -> float:
    """Total size of paths in MB."""
    return sum(p.stat().st_size for p in paths) / 1e6
