"""The text of office documents: DOCX, ODT, XLSX, ODS and PPTX, as plain lines.

Each format is a zip archive of XML parts. The parts are read with bounded sizes and
parsed by defusedxml, which refuses entity declarations and external references, so
neither a billion-laughs part nor one that points at a local file can do harm. The
text keeps the structure a reader sees: headings as ``# Title`` lines, table and
sheet rows as cells joined by `` | ``, each slide under a heading of its own.

These functions run inside the bounded child process of :mod:`askspec.read.documents`.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, TypeAlias
from xml.etree.ElementTree import Element

from defusedxml import ElementTree

MAX_INFLATED = 32 << 20
MAX_ZIP_ENTRIES = 5000
MAX_ROWS = 5000
MAX_CELLS = 200
#: A repeated cell or row of a sheet stands for at most this many copies: ODS marks
#: the empty rest of a sheet as one cell repeated a million times.
MAX_REPEAT = 50
SLIDE = re.compile(r"ppt/slides/slide(\d{1,5})\.xml")
SHEET = re.compile(r"xl/worksheets/sheet(\d{1,5})\.xml")


#: A document to read: a path, or a binary file open at its start.
Source: TypeAlias = "Path | BinaryIO"


class OfficeError(Exception):
    """An office document could not be read; the message says why in plain words."""


def local(tag: str) -> str:
    """An XML tag without its namespace."""
    return tag.rpartition("}")[2]


def parts(path: Source, kind: str) -> dict[str, bytes]:
    """Every XML part of an archive, refusing archives whose sizes are out of bounds."""
    found: dict[str, bytes] = {}
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise OfficeError(f"{kind} holds {len(infos)} parts; not opened")
        total = 0
        for info in infos:
            if not info.filename.endswith(".xml"):
                continue
            # Declared sizes are checked before inflating; the bounded read below also
            # holds if they lie, since zipfile stops at the declared size.
            total += info.file_size
            if total > MAX_INFLATED:
                raise OfficeError(f"{kind} inflates to over {MAX_INFLATED >> 20} MB; not opened")
            with archive.open(info) as stream:
                data = stream.read(MAX_INFLATED + 1)
            if len(data) > MAX_INFLATED:
                raise OfficeError(f"{kind} part larger than declared; not opened")
            found[info.filename] = data
    return found


def parse(data: bytes, kind: str) -> Element:
    """Parse one XML part; entity declarations and external references are refused."""
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise OfficeError(f"{kind} part is not well-formed XML ({exc})") from None


def texts(element: Element) -> str:
    """The text of every ``t`` element under an OOXML element, in order."""
    pieces = []
    for node in element.iter():
        name = local(node.tag)
        if name == "t" and node.text:
            pieces.append(node.text)
        elif name in ("tab", "br", "cr"):
            pieces.append(" ")
    return " ".join("".join(pieces).split())


def row_line(cells: list[str]) -> str:
    """A table or sheet row as one line; empty cells at the end are left out."""
    while cells and not cells[-1]:
        cells.pop()
    return " | ".join(cells[:MAX_CELLS])


# --- word processors --------------------------------------------------------------


def docx_lines(path: Source) -> list[str]:
    """The paragraphs and table rows of a DOCX; heading styles become ``#`` lines."""
    xml = parts(path, "DOCX")
    if "word/document.xml" not in xml:
        raise OfficeError("zip archive without word/document.xml; not a DOCX")
    body = parse(xml["word/document.xml"], "DOCX")
    return list(docx_blocks(body))


def docx_blocks(element: Element) -> Iterator[str]:
    """Lines of the body's paragraphs and tables, in document order."""
    for child in element:
        name = local(child.tag)
        if name == "p":
            yield docx_paragraph(child)
        elif name == "tbl":
            for row in child.iter():
                if local(row.tag) == "tr":
                    cells = [texts(cell) for cell in row if local(cell.tag) == "tc"]
                    yield row_line(cells)
        else:
            yield from docx_blocks(child)


def docx_paragraph(paragraph: Element) -> str:
    """One paragraph, as ``# Title`` when its style is a heading or the title."""
    text = texts(paragraph)
    for node in paragraph.iter():
        if local(node.tag) == "pStyle":
            style = next((v for k, v in node.attrib.items() if local(k) == "val"), "")
            level = heading_level(style)
            if level and text:
                return "#" * level + " " + text
    return text


def heading_level(style: str) -> int:
    """The heading level a paragraph style names (Heading2, Title, berschrift1...), or 0."""
    lowered = style.lower()
    if lowered in ("title", "titel", "titre", "titulo", "título"):
        return 1
    for word in ("heading", "berschrift", "titre", "titulo", "título", "kop"):
        if lowered.startswith(word) or lowered.endswith(word) or word in lowered:
            digits = "".join(ch for ch in style if ch.isdigit())
            return min(6, int(digits)) if digits else 1
    return 0


def odt_lines(path: Source) -> list[str]:
    """The headings, paragraphs, list items and table rows of an ODT."""
    xml = parts(path, "ODT")
    if "content.xml" not in xml:
        raise OfficeError("zip archive without content.xml; not an OpenDocument file")
    return list(odf_blocks(parse(xml["content.xml"], "ODT")))


def odf_blocks(element: Element) -> Iterator[str]:
    """Lines of an OpenDocument text body, in document order."""
    for child in element:
        name = local(child.tag)
        if name == "h":
            level = next((v for k, v in child.attrib.items() if local(k) == "outline-level"), "1")
            text = odf_text(child)
            yield "#" * min(6, int(level) if level.isdigit() else 1) + " " + text
        elif name == "p":
            yield odf_text(child)
        elif name == "table-row":
            yield row_line([odf_text(cell) for cell in child if local(cell.tag) == "table-cell"])
        else:
            yield from odf_blocks(child)


def odf_text(element: Element) -> str:
    """All text inside an OpenDocument element; its space and tab elements as spaces."""
    pieces: list[str] = []
    odf_pieces(element, pieces)
    return " ".join("".join(pieces).split())


def odf_pieces(element: Element, pieces: list[str]) -> None:
    """Collect an element's text, its children's and their tails, in reading order."""
    if element.text:
        pieces.append(element.text)
    for child in element:
        if local(child.tag) in ("s", "tab", "line-break"):
            pieces.append(" ")
        odf_pieces(child, pieces)
        if child.tail:
            pieces.append(child.tail)


# --- sheets -------------------------------------------------------------------------


def xlsx_lines(path: Source) -> list[str]:
    """Each sheet of an XLSX under a ``# Sheet`` heading, one line per row."""
    xml = parts(path, "XLSX")
    shared = []
    if "xl/sharedStrings.xml" in xml:
        for item in parse(xml["xl/sharedStrings.xml"], "XLSX"):
            shared.append(texts(item))
    names = sheet_names(xml)
    sheets = sorted((int(m.group(1)), name) for name in xml if (m := SHEET.fullmatch(name)))
    lines: list[str] = []
    for number, part in sheets:
        lines.append(f"# {names.get(number, f'Sheet {number}')}")
        for row in parse(xml[part], "XLSX").iter():
            if local(row.tag) == "row":
                lines.append(row_line([xlsx_cell(cell, shared) for cell in row]))
            if len(lines) > MAX_ROWS:
                return lines
    return lines


def sheet_names(xml: dict[str, bytes]) -> dict[int, str]:
    """The workbook's sheet names by their position, 1 first."""
    if "xl/workbook.xml" not in xml:
        return {}
    sheets = [s for s in parse(xml["xl/workbook.xml"], "XLSX").iter() if local(s.tag) == "sheet"]
    return {n: s.get("name", f"Sheet {n}") for n, s in enumerate(sheets, start=1)}


def xlsx_cell(cell: Element, shared: list[str]) -> str:
    """The shown value of one cell: a shared or inline string, or the stored value."""
    kind = cell.get("t", "")
    if kind == "inlineStr":
        return texts(cell)
    value = next((node.text or "" for node in cell if local(node.tag) == "v"), "")
    if kind == "s" and value.isdigit() and int(value) < len(shared):
        return shared[int(value)]
    return value.strip()


def ods_lines(path: Source) -> list[str]:
    """Each table of an ODS under a ``# Sheet`` heading, one line per row."""
    xml = parts(path, "ODS")
    if "content.xml" not in xml:
        raise OfficeError("zip archive without content.xml; not an OpenDocument file")
    lines: list[str] = []
    for table in parse(xml["content.xml"], "ODS").iter():
        if local(table.tag) != "table":
            continue
        name = next((v for k, v in table.attrib.items() if local(k) == "name"), "Sheet")
        lines.append(f"# {name}")
        for row in table.iter():
            if local(row.tag) != "table-row":
                continue
            cells: list[str] = []
            for cell in row:
                if local(cell.tag) in ("table-cell", "covered-table-cell"):
                    cells += [odf_text(cell)] * repeat(cell)
            line = row_line(cells)
            lines += [line] * (repeat(row) if line else 1)
            if len(lines) > MAX_ROWS:
                return lines
    return lines


def repeat(element: Element) -> int:
    """How many copies an ODS row or cell stands for, capped."""
    value = next((v for k, v in element.attrib.items() if local(k).endswith("-repeated")), "1")
    return min(MAX_REPEAT, int(value)) if value.isdigit() else 1


# --- slides -------------------------------------------------------------------------


def pptx_lines(path: Source) -> list[str]:
    """Each slide of a PPTX under a ``# Slide N`` heading, one line per paragraph."""
    xml = parts(path, "PPTX")
    slides = sorted((int(m.group(1)), name) for name in xml if (m := SLIDE.fullmatch(name)))
    if not slides:
        raise OfficeError("zip archive without slides; not a PPTX")
    lines: list[str] = []
    for number, part in slides:
        lines.append(f"# Slide {number}")
        for node in parse(xml[part], "PPTX").iter():
            if local(node.tag) == "p" and (text := texts(node)):
                lines.append(text)
    return lines


READERS: dict[str, Callable[[Source], list[str]]] = {
    "docx": docx_lines,
    "odt": odt_lines,
    "xlsx": xlsx_lines,
    "ods": ods_lines,
    "pptx": pptx_lines,
}


def office_text(kind: str, path: Source) -> str:
    """The text of an office document of the given kind, one line per block."""
    return "\n".join(READERS[kind](path))
