"""Walk a seeds folder safely and turn every file into a classified SeedFile."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from askspec.classify import classify
from askspec.errors import SeedsError
from askspec.models import Kind, ScanResult, SeedFile, Verdict
from askspec.read import Binary, Unreadable, read_text

log = logging.getLogger(__name__)

#: Folders that hold tooling, not seeds; hidden folders are skipped as well.
SKIPPED_DIRS = frozenset({"__pycache__", "node_modules"})


@dataclass(frozen=True)
class Entry:
    """A path found by the walk: a regular file to read, or a reason it cannot be."""

    rel: str
    path: Path
    size: int = 0
    problem: str = ""


def display_name(name: str) -> str:
    """A file name as valid, single-line text: undecodable bytes and controls escaped."""
    raw = os.fsencode(name)
    text = raw.decode("utf-8", errors="backslashreplace")
    return "".join(
        ch
        if ch.isprintable() and ch not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
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
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                names = sorted(entry.name for entry in it)
        except OSError as exc:
            yield Entry(
                prefix.rstrip("/") or ".",
                Path(folder),
                0,
                f"cannot list folder: {exc.strerror or exc}",
            )
            continue
        subdirs: list[tuple[str, str]] = []
        for name in names:
            if _skipped(name):
                continue
            full = os.path.join(folder, name)
            rel = prefix + display_name(name)
            found = _inspect(full, rel, real_root)
            if isinstance(found, Entry):
                yield found
            else:
                subdirs.append((full, rel + "/"))
        stack.extend(reversed(subdirs))


def _inspect(full: str, rel: str, real_root: str) -> Entry | str:
    """An Entry for a file or problem, or the path back when it is a folder to enter."""
    try:
        if os.path.islink(full):
            target = os.path.realpath(full)
            if not _within(target, real_root):
                return Entry(
                    rel, Path(full), 0, "link points outside the seeds folder; not followed"
                )
        st = os.stat(full)
    except OSError as exc:
        reason = "broken link" if os.path.islink(full) else (exc.strerror or str(exc))
        return Entry(rel, Path(full), 0, f"cannot read: {reason}")
    if stat.S_ISDIR(st.st_mode):
        return full
    if not stat.S_ISREG(st.st_mode):
        return Entry(rel, Path(full), 0, f"{_kind_of(st.st_mode)}; not read")
    return Entry(rel, Path(full), st.st_size)


def scan_entry(entry: Entry) -> SeedFile:
    """Read and classify one walked entry; failures become a row, never an exception."""
    if entry.problem:
        verdict = Verdict(Kind.UNREADABLE, 1.0, (entry.problem,))
        return SeedFile(entry.rel, entry.size, verdict, problems=(entry.problem,))
    if entry.size == 0:
        return SeedFile(entry.rel, 0, Verdict(Kind.EMPTY, 1.0, ("0 bytes",)))
    try:
        text = read_text(entry.path, entry.size)
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
    verdict = classify(entry.path.name, text.text, text.format)
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


def scan(seeds: str | os.PathLike[str]) -> ScanResult:
    """Scan a seeds folder (or a single file) and classify everything in it."""
    root = Path(seeds)
    if not root.exists():
        raise SeedsError("no such file or folder", path=root)
    if root.is_file():
        st = root.stat()
        files: tuple[SeedFile, ...] = (
            scan_entry(Entry(display_name(root.name), root, st.st_size)),
        )
    elif root.is_dir():
        files = tuple(scan_entry(entry) for entry in walk(root))
    else:
        raise SeedsError("not a folder or a regular file", path=root)
    return ScanResult(root=str(root), files=files)
