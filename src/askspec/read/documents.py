"""Extract the text of PDF and DOCX files in a child process with hard limits.

Document parsers are large and their inputs may be hostile (decompression bombs,
page trees that loop, files that take minutes). The parent refuses files over a
size cap, and the child runs under memory, CPU and output limits and a wall-clock
timeout, so one bad document costs one row in the scan, never the run. The child
is forked with the reader already imported where that is safe, else a new
interpreter.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MAX_FILE_BYTES = 64 << 20
MAX_PAGES = 300
MAX_INFLATED = 32 << 20
MAX_ZIP_ENTRIES = 5000
MAX_CHARS = 1 << 20
TIME_LIMIT = 20.0
MEMORY_LIMIT = 1 << 30

#: How the parent names a descriptor it hands a new interpreter, in place of a path.
FD_PREFIX = "fd:"


class DocumentError(Exception):
    """A document could not be read; the message says why in plain words."""


@dataclass(frozen=True)
class Extracted:
    """The text of a document and what was left out."""

    text: str
    problems: tuple[str, ...] = ()


def extract(
    source: int | str | os.PathLike[str],
    kind: str,
    size: int,
    timeout: float = TIME_LIMIT,
    chars: int | None = None,
) -> Extracted:
    """Extract a document's text in a bounded child process; raise DocumentError.

    source is an open descriptor (the child reads that very file, so nothing swapped
    in at its path since is read) or a path. With chars, extraction may stop once the
    text holds that many characters (and some that are not blank): the text is then
    the whole text's first part.
    """
    if size > MAX_FILE_BYTES:
        raise DocumentError(f"{kind.upper()} larger than {MAX_FILE_BYTES >> 20} MB; not opened")
    if not isinstance(source, int):
        try:
            with Path(source).open("rb") as fh:
                return extract(fh.fileno(), kind, size, timeout, chars)
        except OSError as exc:
            raise DocumentError(f"cannot read: {exc.strerror or exc}") from None
    run = in_fork if can_fork() else in_subprocess
    try:
        out, code = run(kind, source, chars, timeout)
    except TimeoutError:
        raise DocumentError(f"{kind.upper()} extraction took over {timeout:g} s; stopped") from None
    try:
        reply = json.loads(out)
    except ValueError:
        reason = "ran out of memory or crashed" if code else "gave no answer"
        raise DocumentError(f"{kind.upper()} reader {reason}") from None
    if "error" in reply:
        raise DocumentError(str(reply["error"]))
    return Extracted(str(reply["text"]), tuple(map(str, reply.get("problems", []))))


def can_fork() -> bool:
    """True where a forked child can read the document.

    A fork starts at once with the reader already imported, where a new interpreter
    takes a tenth of a second to start. It is unsafe once another thread runs (that
    thread may hold a lock the child then waits on forever), so then a new
    interpreter is started instead.
    """
    return hasattr(os, "fork") and threading.active_count() == 1


def in_subprocess(kind: str, fd: int, chars: int | None, timeout: float) -> tuple[bytes, int]:
    """Run the reader in a new interpreter, handing it the open file; its output and exit code."""
    command = [sys.executable, "-m", "askspec.read.documents", kind, f"{FD_PREFIX}{fd}"]
    if chars is not None:
        command.append(str(chars))
    try:
        done = subprocess.run(
            command, capture_output=True, timeout=timeout, check=False, pass_fds=(fd,)
        )
    except subprocess.TimeoutExpired:
        raise TimeoutError from None
    return done.stdout, done.returncode


def in_fork(kind: str, fd: int, chars: int | None, timeout: float) -> tuple[bytes, int]:
    """Run the reader in a forked child under the same limits; its output and exit code."""
    if kind == "pdf":
        import pypdf  # noqa: F401 - loaded once here, so that every child starts with it

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer on the pipe, and never return into the caller
        code = 1
        try:
            os.close(read_end)
            limit_resources()
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(json.dumps(reply_for(kind, fd, chars)).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    try:
        out = read_until(read_end, time.monotonic() + timeout)
    except BaseException:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    finally:
        os.close(read_end)
    return out, os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def read_until(fd: int, deadline: float) -> bytes:
    """Everything written to a pipe until it closes; TimeoutError at the deadline."""
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise TimeoutError
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


# --- in the child ------------------------------------------------------------


def limit_resources() -> None:
    """Cap this process's memory, CPU time and file writes (where the OS allows)."""
    try:
        import resource
    except ImportError:  # not on this platform; the parent's timeout still applies
        return
    for limit, value in (
        (resource.RLIMIT_AS, MEMORY_LIMIT),
        (resource.RLIMIT_CPU, int(TIME_LIMIT) + 1),
        (resource.RLIMIT_FSIZE, 0),
    ):
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(limit, (value, value))


def pdf_text(path: Path | BinaryIO, chars: int = MAX_CHARS) -> Extracted:
    """The text of a PDF's first pages, page by page, until it holds chars characters.

    A page whose text cannot be had is left out and named in the problems, so one
    broken page does not cost the rest of the document.
    """
    import logging

    from pypdf import PdfReader

    logging.disable(logging.WARNING)  # pypdf logs every malformed object it skips
    reader = PdfReader(path, strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise DocumentError("PDF is encrypted")
    count = len(reader.pages)
    problems = [f"PDF has {count} pages: read the first {MAX_PAGES}"] if count > MAX_PAGES else []
    parts: list[str] = []
    total = 0
    blank = True
    for number, page in enumerate(reader.pages[:MAX_PAGES], start=1):
        try:
            text = page.extract_text() or ""
        except MemoryError:
            raise
        except Exception as exc:  # a hostile page may break the parser anywhere
            problems.append(f"PDF page {number} could not be read ({type(exc).__name__})")
            text = ""
        parts.append(text)
        total += len(text) + 2
        blank = blank and not text.strip()
        if total > MAX_CHARS:
            problems.append(f"PDF text over {MAX_CHARS} characters: cut")
            break
        if total >= chars and not blank:
            break
    return Extracted("\n\n".join(parts)[:MAX_CHARS], tuple(problems))


def docx_text(path: Path | BinaryIO) -> Extracted:
    """The paragraphs and table rows of a DOCX, headings as ``# Title``."""
    return office_extracted("docx", path)


def office_extracted(kind: str, path: Path | BinaryIO) -> Extracted:
    """The text of an office document, as :mod:`askspec.office` reads it."""
    from askspec.read.office import OfficeError, office_text

    try:
        return Extracted(office_text(kind, path)[:MAX_CHARS])
    except OfficeError as exc:
        raise DocumentError(str(exc)) from None


@contextlib.contextmanager
def opened(source: int | Path) -> Iterator[BinaryIO]:
    """The document as a file read from its start: a path, or a descriptor handed over."""
    if isinstance(source, Path):
        with source.open("rb") as fh:
            yield fh
        return
    with os.fdopen(os.dup(source), "rb") as fh:
        fh.seek(0)
        yield fh


def reply_for(kind: str, source: int | Path, chars: int | None) -> dict[str, object]:
    """Extract one document; the answer for the parent, as a JSON-ready object."""
    try:
        with opened(source) as fh:
            got = pdf_text(fh, chars or MAX_CHARS) if kind == "pdf" else office_extracted(kind, fh)
    except DocumentError as exc:
        return {"error": str(exc)}
    except MemoryError:
        return {"error": f"{kind.upper()} needs more than {MEMORY_LIMIT >> 20} MB to read"}
    except Exception as exc:  # a hostile file may break the parser anywhere
        return {"error": f"{kind.upper()} could not be parsed ({type(exc).__name__})"}
    return {"text": got.text, "problems": list(got.problems)}


def child_main(argv: list[str]) -> int:
    """Run in a new interpreter: extract one document and answer with one JSON object."""
    limit_resources()
    chars = int(argv[2]) if len(argv) > 2 else None
    where = argv[1]
    source = int(where[len(FD_PREFIX) :]) if where.startswith(FD_PREFIX) else Path(where)
    sys.stdout.write(json.dumps(reply_for(argv[0], source, chars)))
    return 0


if __name__ == "__main__":
    raise SystemExit(child_main(sys.argv[1:]))
