"""Measure the classifier on real documents, and its speed against file(1).

Two corpora:

- the annotated real documents of ``bench/corpus/documents.jsonl``, fetched by
  ``bench/corpus/build.py``, scored on the dev and the held-out split, per group and
  per language (the worst misses are listed for dev only);
- the legacy corpus, built at run time from this machine's files and a few Debian and
  pip packages, one label per source (code in 15 languages, JSON Schema, protobuf,
  Gherkin, Debian Policy; Debian's FAQ and history as prose).

    python bench/classify.py [--docs DIR] [--corpus DIR] [--per-source N] [--repeats N]
                             [--no-legacy]

Prints macro-F1 over the kinds present, per-class F1, a confusion matrix,
code-vs-non-code accuracy, calibration by confidence band, and the files/s of
``askspec scan --json`` against ``file --mime-type`` on the same files, timed in turns.
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

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus"))
from build import DOCS, document_path  # noqa: E402
from build import load as load_manifest  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "askspec-bench-cache"
KINDS = ("prose", "code", "spec", "data")
SITE = Path(sysconfig.get_paths()["purelib"])
STDLIB = Path(sysconfig.get_paths()["stdlib"])
SAMPLED_OVER = 1 << 20
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


def f1_scores(pairs: list[tuple[str, str]], labels: tuple[str, ...]) -> dict[str, float]:
    """Per-label F1 over (truth, predicted) pairs."""
    scores = {}
    for label in labels:
        tp = sum(1 for t, p in pairs if t == label and p == label)
        fp = sum(1 for t, p in pairs if t != label and p == label)
        fn = sum(1 for t, p in pairs if t == label and p != label)
        scores[label] = 2 * tp / max(1, 2 * tp + fp + fn)
    return scores


def report(
    rows: list[dict[str, object]],
    labels: dict[str, str],
    misses: bool = True,
    groups: dict[str, dict[str, str]] | None = None,
) -> None:
    """Print accuracy figures for scan rows against the labels.

    groups maps a table name ("group", "lang") to path -> value, for per-value accuracy.
    """
    rows = [r for r in rows if str(r["path"]) in labels]
    pairs = [(labels[str(r["path"])], str(r["kind"])) for r in rows]
    classes = tuple(k for k in KINDS if any(t == k for t, _ in pairs))
    f1 = f1_scores(pairs, classes)
    print(f"files: {len(pairs)}  by label: {dict(Counter(t for t, _ in pairs))}")
    print(
        f"macro-F1: {sum(f1.values()) / max(1, len(f1)):.3f}  "
        + "  ".join(f"{k} {v:.3f}" for k, v in f1.items())
    )
    code_ok = sum(1 for t, p in pairs if (t == "code") == (p == "code"))
    print(f"code vs non-code: {code_ok / max(1, len(pairs)):.2%}")
    kinds = sorted({p for _, p in pairs} | set(classes))
    print("confusion (rows truth, columns verdict):")
    print(" " * 8 + "".join(f"{k:>11}" for k in kinds))
    for t in classes:
        print(f"{t:>8}" + "".join(f"{sum(1 for x in pairs if x == (t, k)):>11}" for k in kinds))
    print("calibration (confidence band: verdicts, share right):")
    for low, high in ((0.0, 0.6), (0.6, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01)):
        band = [r for r in rows if low <= float(str(r["confidence"])) < high]
        if band:
            right = sum(1 for r in band if labels[str(r["path"])] == r["kind"])
            print(f"  {low:.2f}-{min(high, 1):.2f}: {len(band):5d}  {right / len(band):.2%}")
    for table, values in (groups or {}).items():
        print(f"by {table} (files, share right):")
        for value in sorted(set(values.values())):
            band = [r for r in rows if values.get(str(r["path"])) == value]
            if band:
                right = sum(1 for r in band if labels[str(r["path"])] == r["kind"])
                print(f"  {value:<18}{len(band):5d}  {right / len(band):.2%}")
    if not misses:
        return
    wrong = [r for r in rows if labels[str(r["path"])] != r["kind"]]
    wrong.sort(key=lambda r: -float(str(r["confidence"])))
    print("worst misses:")
    for r in wrong[:15]:
        print(
            f"  {labels[str(r['path'])]} -> {r['kind']} {r['confidence']} {r['path']}: "
            f"{'; '.join(map(str, r['evidence']))[:110]}"
        )  # type: ignore[call-overload]


def real_corpus(docs: Path) -> list[str]:
    """Scan the annotated corpus and print its figures per split; return its files."""
    manifest = {}
    for row in load_manifest():
        path = document_path(docs, row)
        if path.is_file():
            manifest[path.relative_to(docs).as_posix()] = row
    if not manifest:
        print(f"no annotated documents under {docs}: run bench/corpus/build.py first")
        return []
    _, out = timed([*askspec_command(), "scan", str(docs), "--json"])
    rows = json.loads(out)["files"]
    for split in ("dev", "held-out"):
        chosen = {p: r for p, r in manifest.items() if r["split"] == split}
        print(f"\n== real documents, {split} ==")
        report(
            rows,
            {p: str(r["kind"]) for p, r in chosen.items()},
            misses=split == "dev",
            groups={k: {p: str(r[k]) for p, r in chosen.items()} for k in ("group", "lang")},
        )
    return sorted(str(docs / p) for p in manifest)


def speed(name: str, root: Path, files: list[str], repeats: int) -> None:
    """Time scan --json on root against file(1) on the same files, in turns.

    The rate is in files per second: askspec samples a file over 1 MiB (head and tail)
    and reads a PDF's or DOCX's text only in part, so bytes per second would count
    bytes it never read.
    """
    sizes = [Path(f).stat().st_size for f in files]
    sampled = sum(size > SAMPLED_OVER for size in sizes)
    runs = median_runs(
        {
            "askspec": [*askspec_command(), "scan", str(root), "--json"],
            "file": ["file", "--mime-type", *files],
        },
        repeats,
    )
    scan_time, file_time = runs["askspec"].wall, runs["file"].wall
    print(f"{name}: {len(files)} files, {sum(sizes) / 1e6:.1f} MB ({sampled} over 1 MiB, which "
          f"askspec samples), median of {repeats} runs each, in turns, {load()}")  # fmt: skip
    print(f"  askspec scan --json: {scan_time:.2f} s, {len(files) / scan_time:.0f} files/s")
    ratio = scan_time / file_time
    print(f"  file --mime-type:    {file_time:.2f} s, {len(files) / file_time:.0f} files/s  "
          f"(ratio askspec/file {ratio:.2f})")  # fmt: skip


def main() -> None:
    """Score the annotated corpus and the legacy one, then time both against file(1)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=DOCS, help="where build.py wrote them")
    parser.add_argument("--corpus", type=Path, default=CACHE / "corpus")
    parser.add_argument("--per-source", type=int, default=80)
    parser.add_argument("--repeats", type=int, default=5, help="timed runs; the median counts")
    parser.add_argument("--no-legacy", action="store_true", help="skip the legacy corpus")
    args = parser.parse_args()
    real_files = real_corpus(args.docs)
    legacy_files: list[str] = []
    if not args.no_legacy:
        labels = build_corpus(args.corpus, args.per_source)
        print("\n== legacy corpus (group legacy, dev) ==")
        print("sources:", dict(Counter(rel.split("/")[0] for rel in labels)))
        legacy_files = sorted(str(args.corpus / rel) for rel in labels)
        _, out = timed([*askspec_command(), "scan", str(args.corpus), "--json"])
        report(json.loads(out)["files"], labels)
    print()
    if real_files:
        speed("real documents", args.docs, real_files, args.repeats)
    if legacy_files:
        speed("legacy corpus", args.corpus, legacy_files, args.repeats)


if __name__ == "__main__":
    main()
