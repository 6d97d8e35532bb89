"""Walk a seeds folder safely and turn every file into a classified SeedFile."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import chain, islice
from pathlib import Path
from typing import Protocol, TypeVar, runtime_checkable

from askspec.classify import ANALYSED_CHARS, classify
from askspec.errors import SeedsError
from askspec.models import Kind, ScanResult, SeedFile, Skipped, Verdict
from askspec.read.folder import Entry, Output, display_name, open_entry, walk
from askspec.read.text import (
    DOCUMENT_SUFFIXES,
    Binary,
    Changed,
    OwnOutput,
    Unreadable,
    read_text,
)
from askspec.workers import ordered_map, worker_count

log = logging.getLogger(__name__)


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


@runtime_checkable
class PhasedProgress(Protocol):
    """A progress hook that also shows phases, and wants the walk counted first."""

    @property
    def wants_total(self) -> bool:
        """True when the walk should be finished first to give a total."""

    def phase(self, name: str, total: int | None = None) -> None:
        """A new phase begins (walking, reading), with its total when known."""

    def __call__(self, done: int, path: str) -> None:
        """done files of the phase are finished, the last being path."""


def scan_entry(entry: Entry, budget: int | None = None) -> SeedFile | Skipped:
    """Read and classify one walked entry; failures become a row, never an exception.

    With a budget, costly documents are read only as far as classification looks
    (see read_text), so the verdict is the same and the row's text is partial.
    askspec's own outputs are not rows: they come back as Skipped.
    """
    if entry.skip:
        return Skipped(entry.rel, entry.skip)
    if entry.problem:
        return _unreadable(entry, entry.problem)
    if entry.size == 0:  # nothing to read, so nothing to open
        return SeedFile(entry.rel, 0, Verdict(Kind.EMPTY, 1.0, ("0 bytes",)))
    try:
        fd = open_entry(entry)
    except Changed as exc:
        return _unreadable(entry, str(exc))
    except OSError as exc:
        return _unreadable(entry, f"cannot read: {exc.strerror or exc}")
    try:
        text = read_text(entry.path, entry.size, budget, fd)
    except OwnOutput as exc:
        return Skipped(entry.rel, str(exc))
    except Binary as exc:
        return SeedFile(entry.rel, entry.size, Verdict(Kind.BINARY, 0.95, (str(exc),)))
    except Unreadable as exc:
        return _unreadable(entry, str(exc))
    except OSError as exc:
        return _unreadable(entry, f"cannot read: {exc.strerror or exc}")
    finally:
        os.close(fd)
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
        text.source,
    )


def _unreadable(entry: Entry, reason: str) -> SeedFile:
    log.info("%s: %s", entry.rel, reason)
    verdict = Verdict(Kind.UNREADABLE, 1.0, (reason,))
    return SeedFile(entry.rel, entry.size, verdict, problems=(reason,))


def keep_row(row: SeedFile) -> SeedFile:
    """The row as scanned, text and all."""
    return row


def drop_text(row: SeedFile) -> SeedFile:
    """The row without its text, for callers that need only the verdicts."""
    return replace(row, text="", source="") if row.text or row.source else row


def scan_chunk(job: tuple[list[Entry], Finish[T], int | None]) -> list[tuple[str, T | Skipped]]:
    """Scan a batch of entries and finish each row; runs in a worker process."""
    entries, finish, budget = job
    return [_finished(scan_entry(entry, budget), finish) for entry in entries]


def _finished(row: SeedFile | Skipped, finish: Finish[T]) -> tuple[str, T | Skipped]:
    return (row.path, row if isinstance(row, Skipped) else finish(row))


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


def _entries(seeds: str | os.PathLike[str], out: Output = None) -> Iterator[Entry]:
    root = Path(seeds)
    if not root.exists():
        raise SeedsError("no such file or folder", path=root)
    if root.is_file():
        # The file the user named, links and all; it is opened as the walk saw it.
        st = root.stat()
        real = os.path.realpath(root)
        entry = Entry(display_name(root.name), str(root), st.st_size, dev=st.st_dev, ino=st.st_ino)
        return iter([replace(entry, root=real) if root.is_symlink() else entry])
    if root.is_dir():
        return walk(root, out)
    raise SeedsError("not a folder or a regular file", path=root)


def counted(entries: Iterator[Entry], progress: PhasedProgress) -> Iterator[Entry]:
    """The walk finished first, so progress can show a total and the time left."""
    progress.phase("walking")
    found: list[Entry] = []
    for entry in entries:
        found.append(entry)
        progress(len(found), entry.rel)
    progress.phase("reading", len(found))
    return iter(found)


def map_scan(
    seeds: str | os.PathLike[str],
    finish: Finish[T],
    progress: ProgressHook | None = None,
    workers: int | None = None,
    budget: int | None = None,
    out: Output = None,
    skipped: list[Skipped] | None = None,
) -> Iterator[T]:
    """Scan seeds and yield ``finish(row)`` for every file, in sorted order.

    Folders of at least PARALLEL_MIN_FILES files' work (see weight) are read,
    classified and finished in worker processes, so finish runs where the whole text
    is and only its result travels back; finish must be a module-level function.
    Results stream out as they are ready. ``progress(done, path)`` is called after
    each file; a PhasedProgress that wants a total has the walk counted first. A
    budget (in characters) lets costly documents be read only in part; see
    scan_entry. askspec's own outputs (the folder out, and any file that carries
    askspec's marker) are left out, and added to skipped when it is given.
    """
    entries = _entries(seeds, out)
    if isinstance(progress, PhasedProgress) and progress.wants_total:
        entries = counted(entries, progress)
    workers = worker_count() if workers is None else workers
    head = list(islice(entries, PARALLEL_MIN_FILES))
    rest = chain(head, entries)
    rows: Iterator[tuple[str, T | Skipped]]
    if workers > 1 and sum(map(weight, head)) >= PARALLEL_MIN_FILES:
        jobs = ((batch, finish, budget) for batch in _batches(rest))
        rows = ordered_map(scan_chunk, jobs, workers)
    else:
        rows = (_finished(scan_entry(e, budget), finish) for e in rest)
    for done, (path, result) in enumerate(rows, start=1):
        if progress is not None:
            progress(done, path)
        if isinstance(result, Skipped):
            if skipped is not None:
                skipped.append(result)
            continue
        yield result


def iter_scan(
    seeds: str | os.PathLike[str],
    progress: ProgressHook | None = None,
    keep_text: bool = True,
    workers: int | None = None,
    skipped: list[Skipped] | None = None,
) -> Iterator[SeedFile]:
    """Scan a seeds folder (or one file), yielding each classified file in sorted order.

    Without keep_text, rows carry no text, so memory does not grow with the folder
    when the caller does not keep the rows. askspec's own outputs go to skipped.
    """
    if keep_text:
        return map_scan(seeds, keep_row, progress, workers, skipped=skipped)
    return map_scan(seeds, drop_text, progress, workers, ANALYSED_CHARS, skipped=skipped)


def json_row(row: SeedFile) -> tuple[Kind, str]:
    """The row's kind and its JSON object, indented by two (encoded where it was read)."""
    return row.kind, json.dumps(row.to_json(), ensure_ascii=False, indent=2)


def iter_scan_json(
    seeds: str | os.PathLike[str],
    progress: ProgressHook | None = None,
    skipped: list[Skipped] | None = None,
) -> Iterator[tuple[Kind, str]]:
    """Scan seeds for ``scan --json``: each file's kind and JSON object, in sorted order."""
    return map_scan(seeds, json_row, progress, budget=ANALYSED_CHARS, skipped=skipped)


def scan(
    seeds: str | os.PathLike[str],
    progress: ProgressHook | None = None,
    keep_text: bool = True,
    workers: int | None = None,
) -> ScanResult:
    """Scan a seeds folder (or a single file) and classify everything in it."""
    skipped: list[Skipped] = []
    files = tuple(iter_scan(seeds, progress, keep_text, workers, skipped))
    return ScanResult(root=str(Path(seeds)), files=files, skipped=tuple(skipped))
