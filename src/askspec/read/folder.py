"""Walking a seeds folder safely: every path beneath it as an entry to read, or a
reason it cannot be read (a link out of the folder, a FIFO, a loop), never following
a path that changed between the listing and the opening."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from askspec.read.text import CHANGED, Changed, open_seed

#: Folders that hold tooling, not seeds; hidden folders are skipped as well.
SKIPPED_DIRS = frozenset({"__pycache__", "node_modules"})


#: The folder askspec writes to, when there is one: never read as seeds.
Output = str | os.PathLike[str] | None


@dataclass(frozen=True)
class Entry:
    """A path found by the walk: a regular file to read, or a reason it cannot be."""

    rel: str
    #: The path to open, a plain string: cheaper to make and to send to a worker.
    path: str
    size: int = 0
    problem: str = ""
    #: The file's device and inode as the walk saw them; the file opened must match.
    dev: int = 0
    ino: int = 0
    #: For a link the walk followed: the seeds folder's real path, beneath which the
    #: link is resolved again when the file is opened.
    root: str = ""
    #: Why the scan leaves this path out on purpose (askspec's output folder).
    skip: str = ""


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


class Walk:
    """What one walk needs besides the folder: its real path, and what it leaves out."""

    def __init__(self, root: Path, out: Output = None) -> None:
        self.real_root = os.path.realpath(root)
        self.seen: set[tuple[int, int]] = set()
        self.out: tuple[int, int] | None = None
        if out is not None:
            with contextlib.suppress(OSError):
                st = os.stat(out)
                self.out = (st.st_dev, st.st_ino)


def open_beneath(root: str, link: str, directory: bool = False, dev: int = 0, ino: int = 0) -> int:
    """Open what a link points to, resolved now, one name at a time from root; raise
    Changed when it now leads outside root, through another link, or to another file.

    Each name is opened relative to the folder before it and never through a link,
    so nothing swapped in after the check can lead the open outside root.
    """
    real = os.path.realpath(link)
    if not _within(real, root):
        raise Changed(f"{CHANGED}: the link now points outside the seeds folder; not followed")
    names = [part for part in os.path.relpath(real, root).split(os.sep) if part != "."]
    fd = os.open(root, DIR_FLAGS)
    try:
        for name in names[:-1] if names else ():
            step = _open_dir(name, fd)
            os.close(fd)
            fd = step
        if directory:
            return _open_dir(names[-1], fd) if names else os.dup(fd)
        return open_seed(names[-1] if names else ".", dev, ino, dir_fd=fd)
    finally:
        os.close(fd)


#: Open a folder to list, never through a link in its last name.
DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


def _open_dir(path: str, dir_fd: int | None = None) -> int:
    try:
        return os.open(path, DIR_FLAGS, dir_fd=dir_fd)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK, errno.ENOTDIR):
            raise Changed(f"{CHANGED}: a folder on the way is now a link; not entered") from None
        raise


#: A folder to list: its path, its rows' prefix, the device and inode its parent
#: listed (0 for the seeds folder) and whether it was reached through a link.
Folder = tuple[str, str, int, int, bool]


def _listing(folder: Folder, walk: Walk) -> list[Entry | Folder] | None:
    """A folder's files and folders sorted by name, or None when it was already entered.

    The folder is opened without following a link (one the walk followed is resolved
    again beneath the seeds folder) and must be the one its parent listed; its entries
    are looked at through that open folder, so they are the ones inside it.
    """
    path, prefix, dev, ino, link = folder
    if not dev:  # the seeds folder itself, as the user named it (perhaps by a link)
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    else:
        fd = open_beneath(walk.real_root, path, directory=True) if link else _open_dir(path)
    try:
        st = os.fstat(fd)
        if dev and (st.st_dev, st.st_ino) != (dev, ino):
            raise Changed(f"{CHANGED}: the folder was replaced; not entered")
        if (st.st_dev, st.st_ino) in walk.seen:
            return None
        walk.seen.add((st.st_dev, st.st_ino))
        with os.scandir(fd) as it:
            items = sorted(it, key=lambda item: item.name)
        return [
            _inspect(os.path.join(path, item.name), item, prefix + display_name(item.name), walk)
            for item in items
            if not _skipped(item.name)
        ]
    finally:
        os.close(fd)


def walk(root: Path, out: Output = None) -> Iterator[Entry]:
    """Yield every file under root in sorted order, without recursion or leaving root.

    Links are followed only when they stay inside root, and each folder is entered once,
    so loops end. FIFOs and devices are reported, never opened. The folder out (where
    askspec writes) is not entered; it is yielded as an entry to skip.
    """
    state = Walk(root, out)
    stack: list[Folder] = [(str(root), "", 0, 0, False)]
    while stack:
        folder = stack.pop()
        try:
            found = _listing(folder, state)
        except Changed as exc:
            yield Entry(folder[1].rstrip("/") or ".", folder[0], 0, str(exc))
            continue
        except OSError as exc:
            reason = f"cannot list folder: {exc.strerror or exc}"
            yield Entry(folder[1].rstrip("/") or ".", folder[0], 0, reason)
            continue
        subdirs: list[Folder] = []
        for each in found or ():
            if isinstance(each, Entry):
                yield each
            else:
                subdirs.append(each)
        stack.extend(reversed(subdirs))


def _inspect(path: str, item: os.DirEntry[str], rel: str, walk: Walk) -> Entry | Folder:
    """An Entry for a file or problem, or the folder to enter."""
    # DirEntry answers is_symlink from the listing and caches stat: one syscall per file.
    link = item.is_symlink()
    try:
        if link and not _within(os.path.realpath(path), walk.real_root):
            return Entry(rel, path, 0, "link points outside the seeds folder; not followed")
        st = item.stat(follow_symlinks=link)
    except OSError as exc:
        reason = "broken link" if link else (exc.strerror or str(exc))
        return Entry(rel, path, 0, f"cannot read: {reason}")
    if stat.S_ISDIR(st.st_mode):
        if walk.out == (st.st_dev, st.st_ino):
            return Entry(rel, path, skip="askspec's output folder")
        return (path, rel + "/", st.st_dev, st.st_ino, link)
    if not stat.S_ISREG(st.st_mode):
        return Entry(rel, path, 0, f"{_kind_of(st.st_mode)}; not read")
    root = walk.real_root if link else ""
    return Entry(rel, path, st.st_size, dev=st.st_dev, ino=st.st_ino, root=root)


def open_entry(entry: Entry) -> int:
    """Open a walked file as it is now; raise Changed unless it is the file the walk saw.

    A plain file is opened without following a link; a link the walk followed is
    resolved again, beneath the seeds folder, at this moment rather than the walk's.
    """
    if entry.root:
        return open_beneath(entry.root, entry.path, dev=entry.dev, ino=entry.ino)
    return open_seed(entry.path, entry.dev, entry.ino)
