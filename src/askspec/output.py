"""Write outputs safely: refuse to overwrite, write atomically, leave nothing half-written.

Every folder and file inside the output folder is reached one name at a time from an
open descriptor of the folder above it, never following a link, so a link planted
inside the output folder (``OUT/.github`` pointing elsewhere) cannot redirect a write.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path

from askspec.errors import OutputError, OverwriteRefused

TEMP_PREFIX = ".askspec-tmp-"
#: Failures that concern the folder rather than the one file being written.
FOLDER_ERRORS = frozenset(
    {errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT, errno.EMFILE}
)
#: Open a folder, never through a link in its last name.
DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
#: Create a new temporary file, never through a link.
NEW_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


def reason(exc: OSError) -> str:
    """Why a write failed, in words: never str(exc), which may name a temporary file."""
    text = exc.strerror or "input/output error"
    return text[:1].lower() + text[1:]


def not_a_folder(out: Path) -> Path | None:
    """The first existing path on the way to out that is not a folder, if any."""
    for path in (out, *out.parents):
        if path.is_symlink() or path.exists():
            return None if path.is_dir() else path
    return None


def cannot_write(where: Path, exc: OSError, folder: bool) -> OutputError:
    """The error for a failed write, naming the user's path and the reason."""
    if exc.errno in (errno.EEXIST, errno.ENOTDIR) and (blocker := not_a_folder(where)):
        return OutputError(f"{blocker} is a file, not a folder")
    shown = f"{where}/" if folder else str(where)
    return OutputError(f"cannot write to {shown}: {reason(exc)}")


def safe_relpath(name: str) -> Path:
    """An output name as a path that cannot leave the output folder."""
    path = Path(name)
    if path.is_absolute() or any(part in {"", ".", ".."} for part in name.split("/")):
        raise OutputError(f"unsafe output name: {name!r}")
    return path


class Folders:
    """Open descriptors of the folders inside the output folder, reached without links."""

    def __init__(self, out: Path, root_fd: int) -> None:
        self.out = out
        self.fds: dict[tuple[str, ...], int] = {(): root_fd}

    def get(self, parts: tuple[str, ...], create: bool) -> int | None:
        """The folder out/parts, made when create is set; None when it does not exist."""
        if parts in self.fds:
            return self.fds[parts]
        parent = self.get(parts[:-1], create)
        if parent is None:
            return None
        name = parts[-1]
        try:
            fd = os.open(name, DIR_FLAGS, dir_fd=parent)
        except FileNotFoundError:
            if not create:
                return None
            try:
                os.mkdir(name, dir_fd=parent)
                fd = os.open(name, DIR_FLAGS, dir_fd=parent)
            except OSError as exc:
                raise self.refusal(parts, exc) from exc
        except OSError as exc:
            raise self.refusal(parts, exc) from exc
        self.fds[parts] = fd
        return fd

    def refusal(self, parts: tuple[str, ...], exc: OSError) -> OutputError:
        """The error for a folder that cannot be entered, naming the user's path."""
        where = self.out.joinpath(*parts)
        with contextlib.suppress(OSError):
            mode = os.lstat(parts[-1], dir_fd=self.fds[parts[:-1]]).st_mode
            if stat.S_ISLNK(mode):
                return OutputError("is a link; askspec does not write through links", path=where)
            if not stat.S_ISDIR(mode):
                return OutputError(f"{where} is a file, not a folder")
        if exc.errno in (errno.ELOOP, errno.EMLINK):
            return OutputError("is a link; askspec does not write through links", path=where)
        return cannot_write(where, exc, folder=True)

    def make(self, parts: tuple[str, ...]) -> int:
        """The folder out/parts, made if missing."""
        fd = self.get(parts, create=True)
        assert fd is not None  # get only answers None when it may not create
        return fd

    def close(self) -> None:
        """Close every descriptor opened, the output folder's too."""
        for fd in self.fds.values():
            with contextlib.suppress(OSError):
                os.close(fd)


@contextlib.contextmanager
def output_folders(out: Path, create: bool) -> Iterator[Folders | None]:
    """The output folder's descriptors; None when it does not exist and create is off."""
    try:
        if create:
            out.mkdir(parents=True, exist_ok=True)
        root_fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as exc:
        if create:
            raise cannot_write(out, exc, folder=True) from None
        yield None
        return
    except OSError as exc:
        raise cannot_write(out, exc, folder=True) from exc
    folders = Folders(out, root_fd)
    try:
        yield folders
    finally:
        folders.close()


def _split(name: str) -> tuple[tuple[str, ...], str]:
    parts = tuple(name.split("/"))
    return parts[:-1], parts[-1]


def existing(out: Path, names: list[str]) -> list[str]:
    """The output names that already exist in out (a link counts; it is not followed).

    A folder on the way that is a link is refused here, before anything is written.
    """
    found = []
    with output_folders(out, create=False) as folders:
        if folders is None:
            return []
        for name in names:
            parents, base = _split(name)
            fd = folders.get(parents, create=False)
            if fd is not None:
                with contextlib.suppress(FileNotFoundError):
                    os.lstat(base, dir_fd=fd)
                    found.append(name)
    return found


def clean_stale(folder_fd: int) -> None:
    """Remove temporary files a killed run left behind."""
    for name in os.listdir(folder_fd):
        if name.startswith(TEMP_PREFIX):
            with contextlib.suppress(OSError):
                os.unlink(name, dir_fd=folder_fd)


def _stage(fd: int, data: bytes) -> str:
    """Write data to a new temporary file in the folder fd; its name."""
    while True:
        name = TEMP_PREFIX + secrets.token_hex(6)
        try:
            # The mode is 0o666 less the umask, as for any file the user creates.
            out = os.open(name, NEW_FILE_FLAGS, 0o666, dir_fd=fd)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(out, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name, dir_fd=fd)
        raise
    return name


def write_outputs(out: Path, files: Mapping[str, bytes], force: bool = False) -> list[Path]:
    """Write every file or none: all go to temporary files first, then are renamed in place.

    No folder or file inside out is reached through a link, with or without force.
    """
    names = list(files)
    for name in names:
        safe_relpath(name)
    if not force and (clash := existing(out, names)):
        raise OverwriteRefused(out, clash)
    with output_folders(out, create=True) as folders:
        assert folders is not None
        _write_all(folders, files)
    return [out / name for name in names]


def _write_all(folders: Folders, files: Mapping[str, bytes]) -> None:
    staged: list[tuple[int, str, str]] = []
    current = ""
    try:
        fds = {name: folders.make(_split(name)[0]) for name in files}
        for fd in set(fds.values()):
            clean_stale(fd)
        for name, data in files.items():
            current = name
            staged.append((fds[name], _stage(fds[name], data), name))
        for fd, tmp, name in staged:
            current = name
            os.replace(tmp, _split(name)[1], src_dir_fd=fd, dst_dir_fd=fd)
    except OSError as exc:
        _unstage(staged)
        where = folders.out / current if current else folders.out
        if exc.errno in FOLDER_ERRORS or not current:
            # The folder refuses any new file: name it, not the file or a temporary one.
            raise cannot_write(where.parent if current else where, exc, folder=True) from exc
        raise cannot_write(where, exc, folder=False) from exc
    except BaseException:
        _unstage(staged)
        raise


def _unstage(staged: list[tuple[int, str, str]]) -> None:
    for fd, tmp, _ in staged:
        with contextlib.suppress(OSError):
            os.unlink(tmp, dir_fd=fd)
