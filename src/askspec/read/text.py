"""Turn a file into text: bounded reads, askspec's own outputs told apart, light format readers.

The bytes are decoded in :mod:`askspec.read.encodings`; PDF and office documents are
read in :mod:`askspec.read.documents`.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from typing import BinaryIO, TypeAlias

from askspec.models import Text
from askspec.read.encodings import ZIP_MAGIC, decode
from askspec.read.encodings import Binary as Binary  # read_text raises it; callers catch it here
from askspec.read.markup import html_text, looks_rst, notebook_text, rst_text

#: Files up to this size are read whole; larger ones are sampled head and tail.
WHOLE_LIMIT = 1 << 20
HEAD_BYTES = 768 << 10
TAIL_BYTES = 256 << 10


#: A file to read: the walk hands over strings, callers may pass a Path.
FilePath: TypeAlias = "str | os.PathLike[str]"


def read_at_most(fh: BinaryIO, limit: int) -> bytes:
    """Up to limit bytes, fewer only at the end of the file.

    An unbuffered read may return less than asked (some file systems do), so reads go
    on until the limit or the end; on a local file the first read has it all.
    """
    chunks = []
    while limit > 0 and (chunk := fh.read(limit)):
        chunks.append(chunk)
        limit -= len(chunk)
    return b"".join(chunks)


def read_sample(fh: BinaryIO, size: int) -> tuple[bytes, bool]:
    """Read the whole file, or its head and tail when it is large; say whether sampled."""
    # Unbuffered, and asking for the size the walk saw: a read of WHOLE_LIMIT bytes
    # would allocate (and the buffered reader copy) a megabyte for every small file.
    if size <= WHOLE_LIMIT:
        data = read_at_most(fh, size + 1)  # a byte more tells a file that grew
        if len(data) > size:
            data += read_at_most(fh, WHOLE_LIMIT - size)
        return data, False
    head = read_at_most(fh, HEAD_BYTES)
    fh.seek(max(size - TAIL_BYTES, HEAD_BYTES), os.SEEK_SET)
    tail = read_at_most(fh, TAIL_BYTES)
    return head + b"\n" + tail, True


class Changed(Exception):
    """The file at a path is no longer the one the walk listed; the message says how."""


#: Open for reading, never through a link in the last name, and never wait: a FIFO
#: swapped in after the walk would block an ordinary open forever.
READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
CHANGED = "changed while reading"


def open_seed(path: FilePath, dev: int = 0, ino: int = 0, dir_fd: int | None = None) -> int:
    """Open a file without following a link in its last name; raise Changed if it is not
    the file the walk saw (its device and inode, when given) or not a regular file.
    """
    try:
        fd = os.open(path, READ_FLAGS, dir_fd=dir_fd)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK):
            raise Changed(f"{CHANGED}: it is now a link; not followed") from None
        raise
    st = os.fstat(fd)
    if (dev or ino) and (st.st_dev, st.st_ino) != (dev, ino):
        os.close(fd)
        raise Changed(f"{CHANGED}: it was replaced by another file; not read")
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise Changed(f"{CHANGED}: it is no longer a regular file; not read")
    return fd


MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mdx"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
#: Office formats by the folder or mimetype their zip archive starts with.
OFFICE_SUFFIXES = {".docx": "docx", ".docm": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx",
                   ".pptx": "pptx", ".odt": "odt", ".ods": "ods"}  # fmt: skip
OFFICE_MARKS = ((b"word/", "docx"), (b"xl/", "xlsx"), (b"ppt/", "pptx"),
                (b"opendocument.text", "odt"), (b"opendocument.spreadsheet", "ods"))  # fmt: skip
#: Names of documents whose text a separate reader extracts (see document_kind).
DOCUMENT_SUFFIXES = (".pdf", *OFFICE_SUFFIXES)
#: Markup characters per character of text wanted, when a page is read only in part.
HTML_HEAD_FACTOR = 8


class OwnOutput(Exception):
    """The file is one of askspec's own deliverables, which are never read as seeds."""


#: The marker comment every deliverable carries on a line of its own: the request,
#: the checklist, the page and the email's text (quoted-printable keeps the line's
#: start), and the issue form as the value of its reference field.
OUTPUT_MARKER = b"<!-- askspec:request id="
#: What may come before the marker on its line.
OUTPUT_MARKER_LEADS = frozenset({b"", b"value:"})
#: How request.json starts (the same indent and first key every time).
REQUEST_JSON_START = b'{\n  "askspec": "'
#: How scan.json starts: its files, each row's first keys in askspec's order and indent.
SCAN_JSON_START = re.compile(
    rb'\{\n  "files": (?:\[\],|\[\n    \{\n      "path": [^\n]*\n      "kind": )'
)


def is_own_output(data: bytes) -> bool:
    """True for a file askspec wrote: its marker starts a line, or it is request.json
    or scan.json (told by the layout askspec writes them in).

    A marker quoted in a reply (after ``>``) or mentioned in prose does not count.
    """
    if data.startswith(REQUEST_JSON_START) or SCAN_JSON_START.match(data):
        return True
    at = data.find(OUTPUT_MARKER)
    while at >= 0:
        line = data.rfind(b"\n", 0, at) + 1
        if data[line:at].strip() in OUTPUT_MARKER_LEADS:
            return True
        at = data.find(OUTPUT_MARKER, at + len(OUTPUT_MARKER))
    return False


class Unreadable(Exception):
    """The file is a document whose text could not be had; the message says why."""


def document_kind(data: bytes, suffix: str) -> str | None:
    """Name the format of a document read by a separate reader, or None."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if not data.startswith(ZIP_MAGIC):
        return None
    if suffix in OFFICE_SUFFIXES:
        return OFFICE_SUFFIXES[suffix]
    head = data[:4096]
    return next((kind for mark, kind in OFFICE_MARKS if mark in head), None)


def read_document(fd: int, kind: str, size: int, budget: int | None = None) -> Text:
    """Text from an open PDF or office file, read out of process; raise Unreadable."""
    from askspec.read.documents import DocumentError, extract

    try:
        got = extract(fd, kind, size, chars=budget)
    except DocumentError as exc:
        raise Unreadable(str(exc)) from None
    return Text(got.text, None, kind, False, got.problems)


def html_head(markup: str, budget: int) -> str:
    """The first part of a page's visible text, at least budget characters of it.

    The text of a page's first part is the first part of the page's text, except for
    its last line, which the cut may have split: that line is dropped. A page too
    short to give budget characters that way is read whole.
    """
    cut = HTML_HEAD_FACTOR * budget
    if len(markup) > cut:
        text = html_text(markup[:cut])
        head = text[: text.rfind("\n") + 1]
        if len(head) >= budget and head.strip():
            return head
    return html_text(markup)


def markup(
    text: str, suffix: str, sampled: bool, budget: int | None = None
) -> tuple[str, str, tuple[str, ...]]:
    """Bring a marked-up text to plain lines; return the text, format and problems."""
    doctype = text.lstrip()[:15].lower() == "<!doctype html>"
    if suffix in HTML_SUFFIXES or (suffix == "" and doctype):
        return (html_text(text) if budget is None else html_head(text, budget)), "html", ()
    if suffix == ".rst" or (suffix == ".txt" and looks_rst(text)):
        return rst_text(text), "rst", ()
    if suffix in MARKDOWN_SUFFIXES:
        return text, "markdown", ()
    if suffix == ".ipynb" and not sampled:
        try:
            body, fmt = notebook_text(text)
        except (ValueError, TypeError):
            return text, "text", ("not a valid notebook",)
        return body, fmt, ()
    return text, "text", ()


def suffix_of(path: FilePath) -> str:
    """The file name's extension in lower case, as ``Path.suffix`` would give it."""
    name = os.path.basename(os.fspath(path))
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def read_text(path: FilePath, size: int, budget: int | None = None, fd: int | None = None) -> Text:
    """Read a file as text, within fixed bounds; raise Binary, Unreadable or OwnOutput.

    fd is the file already opened (see open_seed), path then only names it; without
    fd the path is opened here, never through a link. With a budget, documents and
    pages whose text is costly to extract yield only their first part, of at least
    budget characters; the text's start is the same.
    """
    if fd is None:
        fd = open_seed(path)
        try:
            return read_text(path, size, budget, fd)
        finally:
            os.close(fd)
    with open(fd, "rb", buffering=0, closefd=False) as fh:
        data, sampled = read_sample(fh, size)
    if is_own_output(data):
        raise OwnOutput("askspec's own output (it carries askspec's marker); not read")
    suffix = suffix_of(path)
    if kind := document_kind(data, suffix):
        return read_document(fd, kind, size, budget)
    text, encoding = decode(data, sampled)
    body, fmt, problems = markup(text, suffix, sampled, budget)
    if sampled:
        problems = (f"large file ({size} bytes): read the first and last parts only", *problems)
    # The source is kept only when the text is whole: a scan that reads a page in part
    # never needs its blocks.
    source = text if body is not text and budget is None else ""
    return Text(body, encoding, fmt, sampled, problems, source)
