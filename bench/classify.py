"""Measure the classifier on a labelled corpus of real files, and its speed against file(1).

The corpus is built at run time from material on this machine and from a few
packages fetched with apt-get and pip; nothing of it is committed. Each source has
one label (prose, code or spec) given by what the source is, not by askspec.

    python bench/classify.py [--corpus DIR] [--per-source N]

Prints macro-F1 over prose/code/spec, a confusion matrix, code-vs-non-code
accuracy, calibration by confidence band, the worst misses, files/s and MB/s of
``askspec scan --json`` and the wall time of ``file --mime-type`` on the same files.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import stat
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections import Counter
from pathlib import Path

from benchlib import askspec_command, load, median_runs

CACHE = Path(tempfile.gettempdir()) / "askspec-bench-cache"
LABELS = ("prose", "code", "spec")
SITE = Path(sysconfig.get_paths()["purelib"])
STDLIB = Path(sysconfig.get_paths()["stdlib"])
DEBS = ("debian-history", "debian-faq", "debian-faq-de", "debian-faq-fr", "debian-faq-it",
        "debian-faq-zh-cn", "debian-policy", "cucumber")  # fmt: skip

#: (label, source name, where, suffix). "deb:" is inside the extracted Debian packages,
#: "pip:" inside the extracted pip downloads; a suffix of "" means no dot in the name.
SOURCES: tuple[tuple[str, str, str, str], ...] = (
    ("code", "python", str(STDLIB), ".py"),
    ("code", "c", "/usr/include", ".h"),
    ("code", "c++", "/usr/include", ".hpp"),
    ("code", "perl", "/usr/share/perl", ".pm"),
    ("code", "shell", "/usr", ".sh"),
    ("code", "script-no-extension", "/usr/bin", ""),
    ("code", "javascript", "/usr", ".js"),
    ("code", "php", "/usr", ".php"),
    ("code", "tcl", "/usr", ".tcl"),
    ("code", "sql", "/usr", ".sql"),
    ("code", "cmake", "/usr", ".cmake"),
    ("code", "vim", "/usr/share/vim", ".vim"),
    ("code", "fortran", "/usr", ".f90"),
    ("code", "go", "/usr", ".go"),
    ("code", "cython", "/usr", ".pyx"),
    ("spec", "json-schema", f"{SITE}/check_jsonschema/builtin_schemas/vendor", ".json"),
    ("spec", "json-schema", f"{SITE}/jsonschema_specifications/schemas", ".json"),
    ("spec", "protobuf", "pip:", ".proto"),
    ("spec", "gherkin", "deb:usr/share/doc/cucumber", ".feature"),
    ("spec", "standard-policy", "deb:usr/share/doc/debian-policy/policy.html/_sources", ".txt"),
    ("spec", "api-discovery", "/usr/lib/google-cloud-sdk/platform/bq/discovery_next", ".json"),
    ("prose", "history-multilingual", "deb:usr/share/doc/debian-history/docs", ".html"),
    *(
        ("prose", "faq-multilingual", f"deb:usr/share/doc/debian/FAQ{lang}", ".html")
        for lang in ("", "/de", "/fr", "/it", "/zh-cn")
    ),
)  # fmt: skip


def fetch_packages() -> tuple[Path, Path]:
    """Download and unpack the Debian and pip packages the corpus uses (cached)."""
    debs, pips = CACHE / "deb", CACHE / "pip"
    if not debs.exists():
        download = CACHE / "download"
        download.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", "-q", *DEBS], cwd=download, check=False)
        for deb in sorted(download.glob("*.deb")):
            subprocess.run(["dpkg-deb", "-x", str(deb), str(debs)], check=True)
        subprocess.run(["gzip", "-dfr", str(debs / "usr/share/doc")], check=False)
    if not pips.exists():
        wheels = CACHE / "wheels"
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", str(wheels),
             "googleapis-common-protos"],
            check=False,
        )  # fmt: skip
        for wheel in sorted(wheels.glob("*.whl")):
            shutil.unpack_archive(wheel, pips / wheel.stem, "zip")
    return debs, pips


def index_files(roots: list[Path]) -> dict[str, list[Path]]:
    """Every regular file of 200 B to 1 MB under the roots, by suffix, in sorted order."""
    found: dict[str, list[Path]] = {}
    for root in roots:
        for folder, dirs, names in os.walk(root):
            dirs.sort()
            for name in sorted(names):
                path = Path(folder, name)
                try:
                    st = path.lstat()
                except OSError:
                    continue
                if stat.S_ISREG(st.st_mode) and 200 <= st.st_size <= 1 << 20:
                    suffix = path.suffix.lower() if "." in name else ""
                    found.setdefault(suffix, []).append(path)
    return found


def candidates(index: dict[str, list[Path]], where: str, suffix: str) -> list[Path]:
    """Files of a source: under its folder, with its suffix."""
    prefix = where.replace("deb:", f"{CACHE / 'deb'}/").replace("pip:", f"{CACHE / 'pip'}/")
    prefix = prefix.rstrip("/") + "/"
    return [p for p in index.get(suffix, []) if str(p).startswith(prefix)]


def is_script(path: Path) -> bool:
    """A text script with a shebang (for /usr/bin, which also holds binaries)."""
    with path.open("rb") as fh:
        return fh.read(2) == b"#!"


def build_corpus(root: Path, per_source: int) -> dict[str, str]:
    """Copy an evenly spread sample of each source under root; return path -> label."""
    debs, pips = fetch_packages()
    if root.exists():
        shutil.rmtree(root)
    index = index_files([Path("/usr"), STDLIB, SITE, debs, pips])
    labels: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for label, source, where, suffix in SOURCES:
        found = candidates(index, where, suffix)
        if source == "script-no-extension":
            found = [p for p in found if "." not in p.name and is_script(p)]
        step = max(1, len(found) // per_source)
        for path in found[::step][:per_source]:
            rel = f"{source}/{counts[source]:03d}-{path.name}"
            counts[source] += 1
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, root / rel)
            labels[rel] = label
    return labels


def timed(command: list[str]) -> tuple[float, bytes]:
    """Run a command; return its wall time and stdout."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - start, done.stdout


def f1_scores(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """Per-label F1 over (truth, predicted) pairs."""
    scores = {}
    for label in LABELS:
        tp = sum(1 for t, p in pairs if t == label and p == label)
        fp = sum(1 for t, p in pairs if t != label and p == label)
        fn = sum(1 for t, p in pairs if t == label and p != label)
        scores[label] = 2 * tp / max(1, 2 * tp + fp + fn)
    return scores


def report(rows: list[dict[str, object]], labels: dict[str, str]) -> None:
    """Print accuracy figures for scan rows against the labels."""
    pairs = [(labels[str(r["path"])], str(r["kind"])) for r in rows if str(r["path"]) in labels]
    f1 = f1_scores(pairs)
    print(f"files: {len(pairs)}  by label: {dict(Counter(t for t, _ in pairs))}")
    print(
        f"macro-F1: {sum(f1.values()) / 3:.3f}  " + "  ".join(f"{k} {v:.3f}" for k, v in f1.items())
    )
    code_ok = sum(1 for t, p in pairs if (t == "code") == (p == "code"))
    print(f"code vs non-code: {code_ok / len(pairs):.2%}")
    kinds = sorted({p for _, p in pairs} | set(LABELS))
    print("confusion (rows truth, columns verdict):")
    print(" " * 8 + "".join(f"{k:>11}" for k in kinds))
    for t in LABELS:
        print(f"{t:>8}" + "".join(f"{sum(1 for x in pairs if x == (t, k)):>11}" for k in kinds))
    print("calibration (confidence band: verdicts, share right):")
    for low, high in ((0.0, 0.6), (0.6, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01)):
        band = [
            r for r in rows if low <= float(str(r["confidence"])) < high and r["path"] in labels
        ]
        if band:
            right = sum(1 for r in band if labels[str(r["path"])] == r["kind"])
            print(f"  {low:.2f}-{min(high, 1):.2f}: {len(band):5d}  {right / len(band):.2%}")
    misses = [r for r in rows if r["path"] in labels and labels[str(r["path"])] != r["kind"]]
    misses.sort(key=lambda r: -float(str(r["confidence"])))
    print("worst misses:")
    for r in misses[:15]:
        print(
            f"  {labels[str(r['path'])]} -> {r['kind']} {r['confidence']} {r['path']}: "
            f"{'; '.join(map(str, r['evidence']))[:110]}"
        )  # type: ignore[call-overload]


def main() -> None:
    """Build the corpus, scan it, time file(1), print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CACHE / "corpus")
    parser.add_argument("--per-source", type=int, default=80)
    parser.add_argument("--repeats", type=int, default=5, help="timed runs; the median counts")
    args = parser.parse_args()
    labels = build_corpus(args.corpus, args.per_source)
    print("sources:", dict(Counter(rel.split("/")[0] for rel in labels)))
    files = sorted(str(args.corpus / rel) for rel in labels)
    size = sum(Path(f).stat().st_size for f in files)
    scan_command = [*askspec_command(), "scan", str(args.corpus), "--json"]
    _, out = timed(scan_command)
    report(json.loads(out)["files"], labels)
    print(f"speed: median of {args.repeats} runs each, {load()}")
    runs = median_runs(
        {"askspec": scan_command, "file": ["file", "--mime-type", *files]}, args.repeats
    )
    scan_time, file_time = runs["askspec"].wall, runs["file"].wall
    print(f"askspec scan --json: {scan_time:.2f} s, {len(files) / scan_time:.0f} files/s, "
          f"{size / scan_time / 1e6:.1f} MB/s")  # fmt: skip
    print(
        f"file --mime-type:    {file_time:.2f} s  (ratio askspec/file {scan_time / file_time:.2f})"
    )


if __name__ == "__main__":
    main()
