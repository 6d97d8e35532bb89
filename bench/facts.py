"""Score the facts askspec quotes against the hand-annotated corpus, on both splits.

    python bench/corpus/build.py --repos DIR      # once: fetch the documents
    python bench/facts.py [--docs DIR] [--repeats N]

``generate`` runs on each document as a one-document seeds folder, and its
``request.json`` is compared with the labels of ``bench/corpus/documents.jsonl``:

- area-status accuracy: the status of each area against the annotated one (a document
  that describes no system is expected ``missing`` everywhere);
- quote precision: quoted lines inside an annotated range (``ranges`` or ``also``) of
  the area they are quoted under;
- fact recall: annotated ``ranges`` cited under their own area;
- duplicates: quotes of one area that repeat or contain another; fragments: quotes
  of prose and specs that start mid-sentence: where the text before them, on their
  line or the line above, does not end a sentence (a list item or a line after a
  blank one starts whole).

Each figure is given per area, per group and per language. Quotes from PDF, DOCX and
other binary documents, which have no line labels, count for status only. Last, the
wall time of ``askspec generate`` on the whole corpus against ``file --mime-type``,
timed in turns.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus"))

from benchlib import askspec_command, load, median_runs  # noqa: E402
from build import AREAS, DOCS, document_path  # noqa: E402
from build import load as load_manifest  # noqa: E402

BINARY = frozenset({".pdf", ".docx", ".xlsx", ".xls", ".pptx", ".odt", ".ods", ".odp"})
#: How a line may open a quote without being cut from a sentence: list and heading
#: markers, table pipes, quote marks, numbering.
OPENER = re.compile(r"[\s>*#|+\-\d.()\[\]`\"'“「]{0,12}")
#: What a sentence ends with, before the next one starts.
ENDS = re.compile(r"(?:[.!?:;。！？：；)\]|]|^)$")


@dataclass
class Tally:
    """Counts behind one row of figures."""

    areas: int = 0
    areas_right: int = 0
    quotes: int = 0
    quotes_on_topic: int = 0
    facts: int = 0
    facts_cited: int = 0
    duplicates: int = 0
    fragments: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        for name in ("areas", "areas_right", "quotes", "quotes_on_topic", "facts",
                     "facts_cited", "duplicates", "fragments"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self) -> str:
        """The figures as one table row."""

        def share(part: int, whole: int) -> str:
            return f"{part / whole:6.1%}" if whole else "     -"

        return (
            f"{share(self.areas_right, self.areas)} ({self.areas:3d})  "
            f"{share(self.quotes_on_topic, self.quotes)} ({self.quotes:3d})  "
            f"{share(self.facts_cited, self.facts)} ({self.facts:3d})  "
            f"{share(self.duplicates + self.fragments, self.quotes)}"
        )


def inside(line: int, ranges: Iterable[list[int]]) -> bool:
    """Whether a line number falls in one of the ranges."""
    return any(first <= line <= last for first, last in ranges)


def is_fragment(quote: str, lines: list[str], number: int) -> bool:
    """A quote that starts mid-sentence: where the text before it, on its line or the
    line above, does not end a sentence. A list item, a table row, a heading or a line
    after a blank one starts whole, whatever its case."""
    text, line = quote.strip(), lines[number - 1]
    if not text:
        return False
    opener = OPENER.match(line).end()  # type: ignore[union-attr]
    start = line.find(text[:12])
    if start > opener:  # inside its line: whole only after a sentence's end
        return not ENDS.search(line[:start].rstrip())
    if opener and line[:opener].strip():  # a list marker, a quote, a table pipe
        return False
    above = lines[number - 2].strip() if number > 1 else ""
    return bool(above) and not ENDS.search(above) and text[0].islower()


def overlaps(a: str, b: str) -> bool:
    """Whether two quotes repeat each other, one holding the other."""
    a, b = " ".join(a.split()), " ".join(b.split())
    return bool(a and b) and (a in b or b in a)


def score_area(
    expected: dict[str, object] | None,
    got: dict[str, object],
    lines: list[str] | None,
    prose: bool = True,
) -> Tally:
    """Compare one area of one document; lines is None for a binary document.

    Only quotes of prose and specs can be fragments: a line of code may start in lower
    case and still be whole.
    """
    tally = Tally(areas=1)
    want = str(expected["status"]) if expected else "missing"
    tally.areas_right = int(got.get("status") == want)
    evidence = [e for e in got.get("evidence", []) if isinstance(e, dict)]  # type: ignore[attr-defined]
    if lines is None:
        return tally
    ranges: list[list[int]] = list(expected.get("ranges", [])) if expected else []  # type: ignore[arg-type]
    also: list[list[int]] = list(expected.get("also", [])) if expected else []  # type: ignore[arg-type]
    cited = [int(e["line"]) for e in evidence]
    tally.quotes = len(evidence)
    tally.quotes_on_topic = sum(1 for n in cited if inside(n, ranges + also))
    tally.facts = len(ranges)
    tally.facts_cited = sum(1 for r in ranges if any(r[0] <= n <= r[1] for n in cited))
    quotes = [str(e.get("quote", "")) for e in evidence]
    for i, quote in enumerate(quotes):
        if any(overlaps(quote, other) for other in quotes[:i]):
            tally.duplicates += 1
        elif prose and 0 < cited[i] <= len(lines) and is_fragment(quote, lines, cited[i]):
            tally.fragments += 1
    return tally


def score_document(row: dict[str, object], path: Path, out: Path) -> dict[str, Tally]:
    """Run generate on a one-document folder; return a tally per area."""
    from askspec.generate import generate  # imported here so --help stays fast

    generate(path.parent, out, force=True)
    request = json.loads((out / "request.json").read_text(encoding="utf-8"))
    areas = row.get("areas") or {}
    lines = None
    if path.suffix.lower() not in BINARY:
        lines = path.read_bytes().decode("utf-8", "replace").splitlines()
    tallies = {}
    for area in AREAS:
        got = request["areas"].get(area, {"status": "missing", "evidence": []})
        expected = areas.get(area) if areas else None  # type: ignore[union-attr]
        tally = score_area(expected, got, lines, prose=row["kind"] != "code")
        if not tally.areas_right:
            want = areas[area]["status"] if areas else "missing"  # type: ignore[index]
            tally.misses.append(f"{row['id']} {area}: {got['status']}, labelled {want}")
        tallies[area] = tally
    return tallies


def report(split: str, results: list[tuple[dict[str, object], dict[str, Tally]]]) -> None:
    """Print the figures of one split by area, group and language."""
    head = "status (n)        precision (n)     recall (n)        dup+frag"
    by: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    for row, tallies in results:
        for area, tally in tallies.items():
            for table, key in (("all", "all"), ("area", area), ("group", str(row["group"])),
                               ("lang", str(row["lang"]))):  # fmt: skip
                by[table][key].add(tally)
    docs = len(results)
    print(f"\n== {split}: {docs} documents ==")
    for table in ("all", "area", "group", "lang"):
        print(f"{'by ' + table:<22}{head}")
        for key in sorted(by[table]):
            print(f"  {key:<20}{by[table][key].row()}")


def timing(docs: Path, repeats: int) -> None:
    """Time generate on the whole corpus against file(1) on the same files."""
    files = sorted(str(p) for p in docs.rglob("*") if p.is_file())
    with tempfile.TemporaryDirectory() as tmp:
        runs = median_runs(
            {
                "askspec": [*askspec_command(), "generate", str(docs), "-o", tmp, "--force"],
                "file": ["file", "--mime-type", *files],
            },
            repeats,
        )
    a, f = runs["askspec"].wall, runs["file"].wall
    print(f"\nspeed: median of {repeats} runs each, in turns, {load()}")
    peak = runs["askspec"].tree_mb
    print(f"askspec generate on {len(files)} files: {a:.2f} s, peak {peak:.0f} MB")
    print(f"file --mime-type:                {f:.2f} s  (ratio askspec/file {a / f:.2f})")


def main() -> int:
    """Score every document of the manifest, print both splits, then time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=DOCS, help="where build.py wrote them")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs; the median counts")
    args = parser.parse_args()
    rows = load_manifest()
    results: dict[str, list[tuple[dict[str, object], dict[str, Tally]]]] = defaultdict(list)
    missing = 0
    with tempfile.TemporaryDirectory() as tmp:
        for row in rows:
            path = document_path(args.docs, row)
            if not path.is_file():
                missing += 1
                continue
            tallies = score_document(row, path, Path(tmp) / str(row["id"]))
            results[str(row["split"])].append((row, tallies))
    if missing:
        print(f"{missing} documents are not built; run bench/corpus/build.py", file=sys.stderr)
    for split in ("dev", "held-out"):
        report(split, results[split])
    print("\nwrong statuses (dev only):")
    for _row, tallies in results["dev"]:
        for tally in tallies.values():
            for miss in tally.misses:
                print(f"  {miss}")
    timing(args.docs, args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
