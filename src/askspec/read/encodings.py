"""Bytes to text: byte-order marks, binary signatures and charset detection."""

from __future__ import annotations

import codecs
import re

#: How a zip archive starts; office documents are zips.
ZIP_MAGIC = b"PK\x03\x04"
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
    b"\xff\xd8\xff",
    ZIP_MAGIC,
    b"\x7fELF",
    b"\x1f\x8b",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"\xca\xfe\xba\xbe",
)
#: Signatures made of plain letters: binary only when control bytes follow.
ASCII_MAGIC = (b"GIF8", b"BZh", b"MZ", b"OggS", b"RIFF", b"ID3", b"SQLite format 3")
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
#: Text shorter than this is where charset detectors guess wildly.
SHORT_TEXT = 4096
#: Runs of non-ASCII bytes.
HIGH_BYTE_RUN = re.compile(rb"[\x80-\xff]+")


class Binary(Exception):
    """The bytes are not text; the message says why."""


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


def decode(data: bytes, sampled: bool = False, strict: bool = False) -> tuple[str, str]:
    """Decode bytes to text: BOM, then strict UTF-8, then detection; raise Binary if none fits.

    Seeds are read leniently: a broken character in a byte-order-marked file becomes
    U+FFFD. With ``strict``, as for a file the user filled in, it makes the file Binary.
    """
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name, errors="strict" if strict else "replace"), name
            except UnicodeDecodeError as exc:
                raise Binary(f"not valid {name} text") from exc
    utf16 = looks_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    if looks_binary(data):
        raise Binary("binary content (NUL bytes or a binary format signature)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # A sample is cut at the seam between head and tail, which may split a
        # character or two; more errors than that mean another encoding.
        if sampled:
            text = data.decode("utf-8", errors="replace")
            if text.count("\ufffd") <= 4:
                return text, "utf-8"
    return detect(data)


def looks_binary(data: bytes) -> bool:
    """True for a known binary signature or NUL bytes near the start."""
    head = data[:8192]
    if b"\x00" in head or any(head.startswith(magic) for magic in BINARY_MAGIC):
        return True
    return any(head.startswith(m) for m in ASCII_MAGIC) and bool(CONTROL_BYTES.search(head[:512]))


def looks_western(data: bytes) -> bool:
    """True when the bytes read as Latin-1/cp1252 text: lone accented letters among ASCII.

    Short texts defeat statistical detectors, but Western European text has a tell:
    non-ASCII bytes come one at a time inside words, where Cyrillic, Greek and CJK
    encodings put them in runs.
    """
    runs = HIGH_BYTE_RUN.findall(data[:DETECT_SAMPLE])
    if not runs or sum(len(run) > 2 for run in runs) > 0.1 * len(runs):
        return False
    decoded = b"".join(runs).decode("cp1252", errors="replace")
    return all(ch.isalpha() or ch in "€‚„…†‡‰‹›‘’“”•–—™©®°±²³µ·¹º»«¼½¾¿¡§¶×÷" for ch in decoded)


def detect(data: bytes) -> tuple[str, str]:
    """Guess a legacy encoding: cp1252 for short Western text, else charset-normalizer."""
    if len(data) < SHORT_TEXT and looks_western(data):
        return data.decode("cp1252", errors="replace"), "cp1252"
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
    if len(CONTROL_BYTES.findall(data[:DETECT_SAMPLE])) > 0.05 * min(len(data), DETECT_SAMPLE):
        raise Binary("binary content (no text encoding fits)")
    return data.decode("cp1252", errors="replace"), "cp1252"
