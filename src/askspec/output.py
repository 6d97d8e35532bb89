"""Write outputs safely: refuse to overwrite, write atomically, leave nothing half-written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from askspec.errors import OutputError, OverwriteRefused

TEMP_PREFIX = ".askspec-tmp-"


def safe_relpath(name: str) -> Path:
    """An output name as a path that cannot leave the output folder."""
    path = Path(name)
    if path.is_absolute() or any(part in {"", ".", ".."} for part in name.split("/")):
        raise OutputError(f"unsafe output name: {name!r}")
    return path


def existing(out: Path, names: list[str]) -> list[str]:
    """The output names that already exist in out."""
    return [name for name in names if (out / name).exists() or (out / name).is_symlink()]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def clean_stale(folder: Path) -> None:
    """Remove temporary files a killed run left behind."""
    if folder.is_dir():
        for stale in folder.glob(TEMP_PREFIX + "*"):
            with contextlib.suppress(OSError):
                stale.unlink()


def write_outputs(out: Path, files: Mapping[str, bytes], force: bool = False) -> list[Path]:
    """Write every file or none: all go to temporary files first, then are renamed in place."""
    names = list(files)
    for name in names:
        safe_relpath(name)
    if not force and (clash := existing(out, names)):
        raise OverwriteRefused(out, clash)
    for parent in sorted({(out / name).parent for name in names}):
        clean_stale(parent)
    staged: list[tuple[Path, Path]] = []
    try:
        for name in names:
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, name_tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=target.parent)
            tmp = Path(name_tmp)
            staged.append((tmp, target))
            tmp.chmod(0o666 & ~_umask())
            with os.fdopen(fd, "wb") as fh:
                fh.write(files[name])
                fh.flush()
                os.fsync(fh.fileno())
        for tmp, target in staged:
            tmp.replace(target)
    except OSError as exc:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                tmp.unlink()
        where = exc.filename or out
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=where) from exc
    except BaseException:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    return [target for _, target in staged]
