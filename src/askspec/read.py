"""Turn a file's bytes into text: bounded reads, encodings, and light format readers."""

from __future__ import annotations

import codecs
import json
import os
from html.parser import HTMLParser
from pathlib import Path

from askspec.models import Text

#: Files up to this size are read whole; larger ones are sampled head and tail.
WHOLE_LIMIT = 1 << 20
HEAD_BYTES = 768 << 10
TAIL_BYTES = 256 << 10
#: How much of the text charset detection looks at.
DETECT_SAMPLE = 64 << 10

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Byte prefixes of formats that are binary whatever their name says.
BINARY_MAGIC = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x7fELF",
    b"%PDF-",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"MZ",
    b"\xca\xfe\xba\xbe",
    b"OggS",
    b"RIFF",
    b"ID3",
    b"SQLite format 3",
)


class Binary(Exception):
    """The bytes are not text; the message says why."""


def read_sample(path: Path, size: int) -> tuple[bytes, bool]:
    """Read the whole file, or its head and tail when it is large; say whether sampled."""
    with path.open("rb") as fh:
        if size <= WHOLE_LIMIT:
            return fh.read(WHOLE_LIMIT + 1), False
        head = fh.read(HEAD_BYTES)
        fh.seek(max(size - TAIL_BYTES, HEAD_BYTES), os.SEEK_SET)
        tail = fh.read(TAIL_BYTES)
    return head + b"\n" + tail, True


def looks_utf16(data: bytes) -> str | None:
    """Name the UTF-16 byte order of BOM-less text where every other byte is NUL."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.8 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.8 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode(data: bytes, sampled: bool = False) -> tuple[str, str]:
    """Decode bytes to text: BOM, then strict UTF-8, then detection; raise Binary if none fits."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    utf16 = looks_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    if any(data.startswith(magic) for magic in BINARY_MAGIC) or b"\x00" in data[:8192]:
        raise Binary("binary content (NUL bytes or a binary format signature)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        # A sample may cut a multi-byte character at its end; that is still UTF-8.
        if sampled or exc.start >= len(data) - 3:
            try:
                return data[: exc.start].decode("utf-8") + data[exc.start :].decode(
                    "utf-8", errors="replace"
                ), "utf-8"
            except UnicodeDecodeError:
                pass
    return detect(data)


def detect(data: bytes) -> tuple[str, str]:
    """Guess a legacy encoding with charset-normalizer; fall back to cp1252/Latin-1."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:DETECT_SAMPLE]).best()
    if best is not None and best.encoding:
        name = str(best.encoding)
        if name in {"ascii", "utf_8"}:
            name = "cp1252"
        try:
            return data.decode(name, errors="replace"), name.replace("_", "-")
        except LookupError:
            pass
    control = sum(1 for b in data[:DETECT_SAMPLE] if b < 9 or 13 < b < 32)
    if control > 0.05 * min(len(data), DETECT_SAMPLE):
        raise Binary("binary content (no text encoding fits)")
    return data.decode("cp1252", errors="replace"), "cp1252"


class _VisibleText(HTMLParser):
    """Collect the text a browser would show: no script, style or head metadata."""

    HIDDEN = frozenset({"script", "style", "template", "noscript", "head"})
    BLOCK = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and not self.hidden:
            self.parts.append("#" * int(tag[1]) + " ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """The visible text of an HTML document, one block per line."""
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def notebook_text(raw: str) -> tuple[str, str]:
    """The cells of a Jupyter notebook as text, and 'notebook-code' or 'notebook-markdown'."""
    doc = json.loads(raw)
    cells = doc.get("cells", []) if isinstance(doc, dict) else []
    parts: list[str] = []
    code = prose = 0
    for cell in cells:
        if not isinstance(cell, dict):
            continue
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else str(source)
        if cell.get("cell_type") == "code":
            code += len(text)
        else:
            prose += len(text)
        parts.append(text)
    return "\n\n".join(parts), "notebook-code" if code >= prose else "notebook-markdown"


def read_text(path: Path, size: int) -> Text:
    """Read a file as text, within fixed bounds; raise Binary when it is not text."""
    data, sampled = read_sample(path, size)
    text, encoding = decode(data, sampled)
    problems: tuple[str, ...] = ()
    if sampled:
        problems = (f"large file ({size} bytes): read the first and last parts only",)
    suffix = path.suffix.lower()
    if suffix in {".html", ".htm", ".xhtml"}:
        return Text(html_text(text), encoding, "html", sampled, problems)
    if suffix == ".ipynb" and not sampled:
        try:
            body, fmt = notebook_text(text)
        except (ValueError, TypeError):
            return Text(text, encoding, "text", sampled, ("not a valid notebook",))
        return Text(body, encoding, fmt, sampled, problems)
    return Text(text, encoding, "text", sampled, problems)
