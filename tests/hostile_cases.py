"""Builders for hostile seeds: each makes one awkward thing inside a seeds folder."""

from __future__ import annotations

import io
import os
import socket
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Builder = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    """A hostile seed and what a careful reader must make of it."""

    build: Builder
    kinds: frozenset[str]
    says: str = ""  # a word that must appear in the row's evidence or problems


CASES: dict[str, Case] = {}


def case(
    name: str, kinds: frozenset[str] | set[str], says: str = ""
) -> Callable[[Builder], Builder]:
    def register(build: Builder) -> Builder:
        CASES[name] = Case(build, frozenset(kinds), says)
        return build

    return register


def remove_tree(top: Path) -> None:
    """Delete a tree without recursion (shutil.rmtree recurses once per level)."""
    stack: list[tuple[str, bool]] = [(str(top), False)]
    while stack:
        path, emptied = stack.pop()
        if emptied:
            os.rmdir(path)  # noqa: PTH106
            continue
        stack.append((path, True))
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, False))
                else:
                    os.unlink(entry.path)  # noqa: PTH108


def put(root: Path, name: str, data: bytes) -> None:
    (root / name).write_bytes(data)


PROSE = (
    "The market hall has three cold rooms. Every morning the staff read the "
    "thermometers and write the figures on a sheet by the door. "
) * 4

# --- binary kinds -------------------------------------------------------------
for _name, _data in {
    "png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "elf": b"\x7fELF\x02\x01\x01" + b"\x00" * 500,
    "gzip": b"\x1f\x8b\x08\x00" + os.urandom(300),
    "jpeg": b"\xff\xd8\xff\xe0" + os.urandom(300),
    "sqlite": b"SQLite format 3\x00" + b"\x00" * 500,
    "random": bytes((i * 7919 + 13) % 256 for i in range(4096)),
    "zip-not-docx": b"PK\x03\x04" + b"\x00" * 200,
}.items():
    case(f"binary-{_name}", {"binary"})(lambda root, n=_name, d=_data: put(root, f"blob.{n}", d))


@case("empty-file", {"empty"})
def _empty(root: Path) -> None:
    put(root, "empty.txt", b"")


@case("whitespace-only", {"empty"})
def _blank(root: Path) -> None:
    put(root, "blank.md", b"  \n\t\n   \n")


@case("nul-only", {"binary"})
def _nuls(root: Path) -> None:
    put(root, "nuls.txt", b"\x00" * 1000)


@case("nul-in-text", {"binary"}, "binary content")
def _nul_mid(root: Path) -> None:
    put(root, "mixed.txt", PROSE.encode() + b"\x00" + PROSE.encode())


# --- encodings ----------------------------------------------------------------
for _label, _codec, _bom in [
    ("utf16-le-bom", "utf-16-le", b"\xff\xfe"),
    ("utf16-be-bom", "utf-16-be", b"\xfe\xff"),
    ("utf16-le-nobom", "utf-16-le", b""),
    ("utf16-be-nobom", "utf-16-be", b""),
    ("utf8-bom", "utf-8", b"\xef\xbb\xbf"),
    ("utf32-bom", "utf-32", b""),
]:
    case(_label, {"prose"}, "")(
        lambda root, c=_codec, b=_bom: put(root, "note.txt", b + PROSE.encode(c))
    )

CHINESE = "系统必须在两秒内返回结果。输入是订单文件，输出是每日报告。" * 8
for _label, _codec, _text, _kind in [
    ("gb18030", "gb18030", CHINESE, "spec"),  # "the system must return..."
    ("shift-jis", "shift_jis", "システムは毎朝温度を記録し、報告書を作成します。" * 8, "prose"),
    ("euc-kr", "euc-kr", "시스템은 매일 아침 온도를 기록하고 보고서를 만듭니다. " * 8, "prose"),
    ("koi8-r", "koi8-r", "Система записывает температуру каждое утро и пишет отчёт. " * 8, "prose"),
    (
        "cp1252",
        "cp1252",
        "The café’s “cold room” costs 40 € a month — naïve pricing. " * 6,
        "prose",
    ),
    ("latin1-short", "latin-1", "Café crème à la française.", "prose"),
    ("latin1-long", "latin-1", "Le système doit réagir très vite à côté du marché. " * 30, "spec"),
]:
    case(f"enc-{_label}", {_kind})(
        lambda root, c=_codec, t=_text: put(root, "enc.txt", t.encode(c))
    )


@case("invalid-utf8", {"prose"})
def _bad_utf8(root: Path) -> None:
    put(root, "bad.txt", PROSE.encode()[:100] + b"\xc3\x28\xa0\xa1\xff" + PROSE.encode()[:100])


# --- size and shape -----------------------------------------------------------
@case("sparse-5gb", {"binary"}, "binary content")
def _sparse(root: Path) -> None:
    with (root / "huge.log").open("wb") as fh:
        fh.write(PROSE.encode())
        fh.truncate(5 * 1024**3)


@case("one-line-100mb", {"prose"}, "large file")
def _one_line(root: Path) -> None:
    chunk = b"word " * 200_000
    with (root / "line.txt").open("wb") as fh:
        for _ in range(100):
            fh.write(chunk)


for _label, _text in {
    "md-deep-quotes": ">" * 20_000 + " x\n",
    "md-deep-lists": "".join("  " * i + "- x\n" for i in range(2000)),
    "md-brackets": "[" * 50_000 + "x" + "]" * 50_000 + "\n",
    "md-emphasis": "*_" * 50_000 + "\n",
    "md-backticks": "`" * 30_000 + " x " + "`" * 29_999 + "\n",
    "md-links": "[a](" * 20_000 + "\n",
    "md-tables": "|" * 10_000 + "\n" + "|-" * 5_000 + "\n",
    "md-headings": "#" * 10_000 + " title\n" * 500,
}.items():
    # Markup that defeats a parser still reads as text with no strong signal: prose.
    case(_label, {"prose"})(lambda root, t=_text: put(root, "weird.md", t.encode()))


# --- documents ----------------------------------------------------------------
def docx(parts: dict[str, bytes], declared: dict[str, int] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        for name, data in parts.items():
            zf.writestr(name, data)
    raw = buf.getvalue()
    for name, size in (declared or {}).items():
        raw = _lie_about_size(raw, name.encode(), size)
    return raw


def _lie_about_size(raw: bytes, name: bytes, size: int) -> bytes:
    """Rewrite the uncompressed size the zip declares for one member (local and central)."""
    data = bytearray(raw)
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (at := data.find(sig, start)) != -1:
            name_at = at + (30 if sig == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                data[at + offset : at + offset + 4] = struct.pack("<I", size)
            start = at + 4
    return bytes(data)


WORD_XML = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>"
)


@case("docx-zip-bomb", {"unreadable"}, "inflates")
def _docx_bomb(root: Path) -> None:
    body = WORD_XML.format("x").encode() + b" " * (300 * 1024 * 1024)
    put(root, "bomb.docx", docx({"word/document.xml": body}))


@case("docx-lying-sizes", {"unreadable"}, "could not be parsed")
def _docx_liar(root: Path) -> None:
    body = WORD_XML.format("y" * 10).encode() + b" " * (50 * 1024 * 1024)
    put(root, "liar.docx", docx({"word/document.xml": body}, {"word/document.xml": 100}))


@case("docx-entity-bomb", {"unreadable"}, "could not be parsed")
def _docx_entities(root: Path) -> None:
    lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    for i in range(1, 10):
        lol += f'<!ENTITY lol{i} "' + f"&lol{i - 1 if i > 1 else ''};" * 10 + '">'
    lol = lol.replace("&lol0;", "&lol;") + "]>" + WORD_XML.format("&lol9;")
    put(root, "laughs.docx", docx({"word/document.xml": lol.encode()}))


@case("xml-entity-bomb", {"data"}, "xml")
def _xml_entities(root: Path) -> None:
    lol = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
    for i in range(1, 9):
        prev = "a" if i == 1 else f"a{i - 1}"
        lol += f'<!ENTITY a{i} "' + f"&{prev};" * 10 + '">'
    put(root, "laughs.xml", (lol + "]><r>&a8;</r>").encode())


@case("docx-truncated", {"unreadable"}, "could not be parsed")
def _docx_cut(root: Path) -> None:
    whole = docx({"word/document.xml": WORD_XML.format(PROSE).encode()})
    put(root, "cut.docx", whole[: len(whole) // 2])


@case("docx-not-zip", {"prose"})
def _docx_text(root: Path) -> None:
    put(root, "fake.docx", PROSE.encode())


def pdf_with_content(content: bytes, pages: int = 1, size: float = 612) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, StreamObject

    writer = PdfWriter()
    for _ in range(pages):
        page = writer.add_blank_page(size, size)
        if content:
            stream = StreamObject()
            stream._data = zlib.compress(content, 9)
            stream[NameObject("/Filter")] = NameObject("/FlateDecode")
            page[NameObject("/Contents")] = writer._add_object(stream)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def pdf_with_text(pages: list[str]) -> bytes:
    """A PDF with one line of Helvetica text per page, which pypdf extracts."""
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, StreamObject

    writer = PdfWriter()
    helvetica = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    fonts = DictionaryObject({NameObject("/F1"): writer._add_object(helvetica)})
    for line in pages:
        page = writer.add_blank_page(612, 792)
        stream = StreamObject()
        stream._data = f"BT /F1 12 Tf 72 700 Td ({line}) Tj ET".encode("latin-1")
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@case("pdf-decompression-bomb", {"empty"}, "no text")
def _pdf_bomb(root: Path) -> None:
    put(root, "bomb.pdf", pdf_with_content(b"0 0 m\n" * (40 * 1024 * 1024)))


@case("pdf-many-huge-pages", {"empty"}, "read the first 300")
def _pdf_pages(root: Path) -> None:
    put(root, "pages.pdf", pdf_with_content(b"", pages=3000, size=14_400))


@case("pdf-truncated", {"unreadable"}, "could not be parsed")
def _pdf_cut(root: Path) -> None:
    whole = pdf_with_content(b"BT /F1 12 Tf (hello) Tj ET")
    put(root, "cut.pdf", whole[: len(whole) // 2])


@case("pdf-garbage", {"unreadable"}, "could not be parsed")
def _pdf_garbage(root: Path) -> None:
    put(root, "garbage.pdf", b"%PDF-1.7\n" + bytes((i * 31) % 256 for i in range(5000)))


@case("pdf-claimed-by-text", {"prose"})
def _pdf_claim(root: Path) -> None:
    put(root, "notes.pdf", PROSE.encode())


# --- the tree -----------------------------------------------------------------
@case("tree-1500-deep", {"prose"})
def _deep(root: Path) -> None:
    # One level at a time: pathlib's mkdir(parents=True) recurses once per level.
    deep = str(root)
    for _ in range(1500):
        deep += "/d"
        os.mkdir(deep)  # noqa: PTH102
    Path(deep, "bottom.txt").write_text(PROSE, encoding="utf-8")


@case("link-loop-parent", {"prose"})
def _loop(root: Path) -> None:
    (root / "sub").mkdir()
    (root / "sub" / "a.txt").write_text(PROSE, encoding="utf-8")
    (root / "sub" / "up").symlink_to("..")


@case("link-loop-chain", {"unreadable"}, "link")
def _chain(root: Path) -> None:
    (root / "a").symlink_to("b")
    (root / "b").symlink_to("a")


@case("link-to-dev-zero", {"unreadable"}, "outside")
def _zero(root: Path) -> None:
    (root / "zero").symlink_to("/dev/zero")


@case("link-out-of-folder", {"unreadable"}, "outside")
def _out(root: Path) -> None:
    (root / "passwd").symlink_to("/etc/passwd")


@case("link-dangling", {"unreadable"}, "link")
def _dangling(root: Path) -> None:
    (root / "gone").symlink_to("nowhere-at-all")


@case("fifo", {"unreadable"}, "FIFO")
def _fifo(root: Path) -> None:
    os.mkfifo(root / "pipe")


@case("socket", {"unreadable"}, "socket")
def _socket(root: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(root / "s.sock"))
    finally:
        sock.close()


# --- names --------------------------------------------------------------------
for _label, _raw in {
    "name-newline": b"two\nlines.txt",
    "name-carriage-return": b"back\rto start.txt",
    "name-invalid-utf8": b"caf\xe9-\xff.txt",
    "name-rtl-override": "invoice\u202etxt.exe".encode(),
    "name-leading-dash": b"-rf.txt",
    "name-255-bytes": b"n" * 251 + b".txt",
    "name-tab-and-escape": b"tab\there\x1b[31m.txt",
    "name-backslash": b"back\\slash.txt",
    "name-markdown": b"# IN-9 [x](javascript:alert(1)) | ` .md",
    "name-template": b"{{ 7*7 }}{% raw %}.txt",
}.items():
    case(_label, {"prose"})(
        lambda root, r=_raw: (root / os.fsdecode(r)).write_bytes(PROSE.encode())
    )
