"""Walk a seeds folder safely and turn every file into a classified SeedFile."""

from __future__ import annotations

import json
import logging
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain, islice
from pathlib import Path
from typing import TypeVar

from askspec.classify import ANALYSED_CHARS, classify
from askspec.errors import SeedsError
from askspec.models import Kind, ScanResult, SeedFile, Verdict
from askspec.read import DOCUMENT_SUFFIXES, Binary, Unreadable, read_text
from askspec.workers import ordered_map, worker_count

log = logging.getLogger(__name__)

#: Folders that hold tooling, not seeds; hidden folders are skipped as well.
SKIPPED_DIRS = frozenset({"__pycache__", "node_modules"})

#: Below this much work (in files), starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 100
#: Files per task sent to a worker: large enough that the cost of handing out tasks and
#: taking back results (about half a millisecond each) stays small, small enough that
#: both workers stay busy to the end.
CHUNK_FILES = 64
#: A PDF or DOCX costs at least as much to read as this many ordinary files (its text
#: is extracted in a child process), so four documents fill a task and a folder of
#: them is worth the workers.
DOCUMENT_WEIGHT = 16
#: Bytes read per task at most (about): with the tasks in flight, this bounds the text
#: held in memory ahead of the consumer when rows keep their text.
CHUNK_BYTES = 4 << 20
#: The most any one file contributes to a read (larger files are sampled).
READ_CAP = 1 << 20

T = TypeVar("T")
#: What to do with each row where it was scanned (in a worker for large folders).
Finish = Callable[[SeedFile], T]
#: Called after each file with the number of files done and the file's path.
ProgressHook = Callable[[int, str], None]


@dataclass(frozen=True)
class Entry:
    """A path found by the walk: a regular file to read, or a reason it cannot be."""

    rel: str
    #: The path to open, a plain string: cheaper to make and to send to a worker.
    path: str
    size: int = 0
    problem: str = ""


BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def display_name(name: str) -> str:
    """A file name as valid, single-line text: undecodable bytes and controls escaped."""
    if name.isascii() and name.isprintable():
        return name  # the common case, checked in C, so large trees pay nothing here
    raw = os.fsencode(name)
    text = raw.decode("utf-8", errors="backslashreplace")
    return "".join(
        ch
        if ch.isprintable() and ch not in BIDI_CONTROLS
        else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _skipped(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_DIRS


def _kind_of(mode: int) -> str:
    for test, what in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return what
    return "not a regular file"


def _listing(folder: str, seen: set[tuple[int, int]]) -> list[os.DirEntry[str]] | None:
    """A folder's entries sorted by name, or None when it was already entered."""
    st = os.stat(folder)
    if (st.st_dev, st.st_ino) in seen:
        return None
    seen.add((st.st_dev, st.st_ino))
    with os.scandir(folder) as it:
        return sorted(it, key=lambda item: item.name)


def walk(root: Path) -> Iterator[Entry]:
    """Yield every file under root in sorted order, without recursion or leaving root.

    Links are followed only when they stay inside root, and each folder is entered once,
    so loops end. FIFOs and devices are reported, never opened.
    """
    real_root = os.path.realpath(root)
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[str, str]] = [(str(root), "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            items = _listing(folder, seen)
        except OSError as exc:
            reason = f"cannot list folder: {exc.strerror or exc}"
            yield Entry(prefix.rstrip("/") or ".", folder, 0, reason)
            continue
        subdirs: list[tuple[str, str]] = []
        for item in items or ():
            if _skipped(item.name):
                continue
            rel = prefix + display_name(item.name)
            found = _inspect(item, rel, real_root)
            if isinstance(found, Entry):
                yield found
            else:
                subdirs.append((found, rel + "/"))
        stack.extend(reversed(subdirs))


def _inspect(item: os.DirEntry[str], rel: str, real_root: str) -> Entry | str:
    """An Entry for a file or problem, or the path back when it is a folder to enter."""
    # DirEntry answers is_symlink from the listing and caches stat: one syscall per file.
    try:
        if item.is_symlink() and not _within(os.path.realpath(item.path), real_root):
            return Entry(rel, item.path, 0, "link points outside the seeds folder; not followed")
        st = item.stat()
    except OSError as exc:
        reason = "broken link" if item.is_symlink() else (exc.strerror or str(exc))
        return Entry(rel, item.path, 0, f"cannot read: {reason}")
    if stat.S_ISDIR(st.st_mode):
        return item.path
    if not stat.S_ISREG(st.st_mode):
        return Entry(rel, item.path, 0, f"{_kind_of(st.st_mode)}; not read")
    return Entry(rel, item.path, st.st_size)


def scan_entry(entry: Entry, budget: int | None = None) -> SeedFile:
    """Read and classify one walked entry; failures become a row, never an exception.

    With a budget, costly documents are read only as far as classification looks
    (see read_text), so the verdict is the same and the row's text is partial.
    """
    if entry.problem:
        verdict = Verdict(Kind.UNREADABLE, 1.0, (entry.problem,))
        return SeedFile(entry.rel, entry.size, verdict, problems=(entry.problem,))
    if entry.size == 0:
        return SeedFile(entry.rel, 0, Verdict(Kind.EMPTY, 1.0, ("0 bytes",)))
    try:
        text = read_text(entry.path, entry.size, budget)
    except Binary as exc:
        return SeedFile(entry.rel, entry.size, Verdict(Kind.BINARY, 0.95, (str(exc),)))
    except Unreadable as exc:
        return SeedFile(
            entry.rel, entry.size, Verdict(Kind.UNREADABLE, 1.0, (str(exc),)), problems=(str(exc),)
        )
    except OSError as exc:
        reason = f"cannot read: {exc.strerror or exc}"
        log.info("%s: %s", entry.rel, reason)
        return SeedFile(
            entry.rel, entry.size, Verdict(Kind.UNREADABLE, 1.0, (reason,)), problems=(reason,)
        )
    verdict = classify(os.path.basename(entry.path), text.text, text.format)
    return SeedFile(
        entry.rel,
        entry.size,
        verdict,
        text.encoding,
        text.format,
        text.sampled,
        text.problems,
        text.text,
    )


def keep_row(row: SeedFile) -> SeedFile:
    """The row as scanned, text and all."""
    return row


def drop_text(row: SeedFile) -> SeedFile:
    """The row without its text, for callers that need only the verdicts."""
    return replace(row, text="") if row.text else row


def scan_chunk(job: tuple[list[Entry], Finish[T], int | None]) -> list[tuple[str, T]]:
    """Scan a batch of entries and finish each row; runs in a worker process."""
    entries, finish, budget = job
    rows = (scan_entry(entry, budget) for entry in entries)
    return [(row.path, finish(row)) for row in rows]


def weight(entry: Entry) -> int:
    """How much work an entry is, in ordinary files (guessed from its name)."""
    return DOCUMENT_WEIGHT if entry.path.lower().endswith(DOCUMENT_SUFFIXES) else 1


def _batches(entries: Iterable[Entry]) -> Iterator[list[Entry]]:
    """Chunks of at most CHUNK_FILES files' work and about CHUNK_BYTES of reading."""
    batch: list[Entry] = []
    work, budget = 0, CHUNK_BYTES
    for entry in entries:
        batch.append(entry)
        work += weight(entry)
        budget -= min(entry.size, READ_CAP)
        if work >= CHUNK_FILES or budget <= 0:
            yield batch
            batch, work, budget = [], 0, CHUNK_BYTES
    if batch:
        yield batch


def _entries(seeds: str | os.PathLike[str]) -> Iterator[Entry]:
    root = Path(seeds)
    if not root.exists():
        raise SeedsError("no such file or folder", path=root)
    if root.is_file():
        return iter([Entry(display_name(root.name), str(root), root.stat().st_size)])
    if root.is_dir():
        return walk(root)
    raise SeedsError("not a folder or a regular file", path=root)


def map_scan(
    seeds: str | os.PathLike[str],
    finish: Finish[T],
    progress: ProgressHook | None = None,
    workers: int | None = None,
    budget: int | None = None,
) -> Iterator[T]:
    """Scan seeds and yield ``finish(row)`` for every file, in sorted order.

    Folders of at least PARALLEL_MIN_FILES files' work (see weight) are read,
    classified and finished in worker processes, so finish runs where the whole text
    is and only its result travels back; finish must be a module-level function.
    Results stream out as they are ready. ``progress(done, path)`` is called after
    each file. A budget (in characters) lets costly documents be read only in part;
    see scan_entry.
    """
    entries = _entries(seeds)
    workers = worker_count() if workers is None else workers
    head = list(islice(entries, PARALLEL_MIN_FILES))
    rest = chain(head, entries)
    if workers > 1 and sum(map(weight, head)) >= PARALLEL_MIN_FILES:
        jobs = ((batch, finish, budget) for batch in _batches(rest))
        rows = ordered_map(scan_chunk, jobs, workers)
    else:
        rows = ((row.path, finish(row)) for row in (scan_entry(e, budget) for e in rest))
    for done, (path, result) in enumerate(rows, start=1):
        if progress is not None:
            progress(done, path)
        yield result


def iter_scan(
    seeds: str | os.PathLike[str],
    progress: ProgressHook | None = None,
    keep_text: bool = True,
    workers: int | None = None,
) -> Iterator[SeedFile]:
    """Scan a seeds folder (or one file), yielding each classified file in sorted order.

    Without keep_text, rows carry no text, so memory does not grow with the folder
    when the caller does not keep the rows.
    """
    if keep_text:
        return map_scan(seeds, keep_row, progress, workers)
    return map_scan(seeds, drop_text, progress, workers, budget=ANALYSED_CHARS)


#: One encoder for every value of every row (json.dumps with options makes one per call).
ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def json_row(row: SeedFile) -> tuple[Kind, str]:
    """The row's kind and its JSON object, indented by two (encoded where it was read).

    The text is json.dumps(..., indent=2)'s, which lays an indented object out in
    Python, value by value; a row is flat (scalars and lists of strings), so it is laid
    out here with the encoder's C code for each value, in about half the time.
    """
    fields = []
    for key, value in row.to_json().items():
        if isinstance(value, list):
            items = ",\n    ".join(map(ENCODE, value))
            text = f"[\n    {items}\n  ]" if value else "[]"
        else:
            text = ENCODE(value)
        fields.append(f"  {ENCODE(key)}: {text}")
    return row.kind, "{\n" + ",\n".join(fields) + "\n}"


def iter_scan_json(
    seeds: str | os.PathLike[str], progress: ProgressHook | None = None
) -> Iterator[tuple[Kind, str]]:
    """Scan seeds for ``scan --json``: each file's kind and JSON object, in sorted order."""
    return map_scan(seeds, json_row, progress, budget=ANALYSED_CHARS)


def scan(
    seeds: str | os.PathLike[str],
    progress: ProgressHook | None = None,
    keep_text: bool = True,
    workers: int | None = None,
) -> ScanResult:
    """Scan a seeds folder (or a single file) and classify everything in it."""
    files = tuple(iter_scan(seeds, progress, keep_text, workers))
    return ScanResult(root=str(Path(seeds)), files=files)
