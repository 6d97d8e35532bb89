"""A Jupyter notebook read as blocks: its Markdown cells' blocks and its code cells.

Line numbers are lines of the ``.ipynb`` file. nbformat writes a cell's source as a
JSON list with one string per line, each on a line of its own after the
``"source": [`` line; the reader finds that line by scanning the raw text forward,
cell by cell. When a cell's source is not laid out that way (a notebook written on
one line, or a source given as one string), every block of the cell gets the line
of its ``"source"`` key; when even that key cannot be found, the line of the
previous cell.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from askspec.read.blocks import Block, BlockKind, Document, Outline, titled

SOURCE_KEY = '"source":'


def notebook_document(source: str) -> Document:
    """A notebook's cells as blocks, with heading paths and lines of the JSON file."""
    try:
        notebook = json.loads(source)
    except ValueError:
        return Document(problems=("not a valid notebook",))
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        return Document(problems=("not a valid notebook",))
    return titled(notebook_blocks(cells, language(notebook), source.splitlines()))


def language(notebook: dict[str, Any]) -> str:
    """The language of the notebook's code cells, as its metadata names it."""
    meta = notebook.get("metadata")
    meta = meta if isinstance(meta, dict) else {}
    for key, inner in (("language_info", "name"), ("kernelspec", "language")):
        found = meta.get(key)
        if isinstance(found, dict) and isinstance(found.get(inner), str):
            return str(found[inner])
    return ""


def notebook_blocks(cells: list[Any], lang: str, raw: list[str]) -> Iterator[Block]:
    """The blocks of every cell, under one heading path for the whole notebook."""
    outline = Outline()
    key = -1
    for cell in cells:
        if not isinstance(cell, dict):
            continue
        text, lines = cell_source(cell.get("source", ""))
        key = source_line(raw, key + 1, key)
        line_of = placement(raw, key, len(lines))
        if cell.get("cell_type") == "code" and text.strip():
            last = line_of(max(1, len(lines)))
            yield Block(
                BlockKind.CODE, text.rstrip("\n"), line_of(1), last, outline.path, lang=lang
            )
        elif cell.get("cell_type") == "markdown":
            for block in markdown_blocks(text):
                first, last = line_of(block.first), line_of(block.last)
                if block.kind is BlockKind.HEADING:
                    parents = outline.enter(block.level, block.text)
                    yield replace(block, first=first, last=last, section=parents)
                else:
                    yield replace(block, first=first, last=last, section=outline.path)


def cell_source(source: object) -> tuple[str, list[str]]:
    """A cell's source as one text and as the list nbformat stores."""
    if isinstance(source, list):
        parts = [str(part) for part in source]
        return "".join(parts), parts
    return str(source), [str(source)]


def source_line(raw: list[str], start: int, previous: int) -> int:
    """The index of the next raw line holding a ``"source"`` key, else previous."""
    for index in range(start, len(raw)):
        if raw[index].lstrip().startswith(SOURCE_KEY):
            return index
    return max(previous, 0)


def placement(raw: list[str], key: int, count: int) -> Callable[[int], int]:
    """A map from a cell's 1-based source line to the file's line (see the module)."""
    head = raw[key].strip() if key < len(raw) else ""
    body = raw[key + 1 : key + 1 + count]
    one_per_line = (
        head.endswith("[") and len(body) == count and all(x.lstrip()[:1] == '"' for x in body)
    )
    if one_per_line:
        return lambda line: key + 1 + min(max(line, 1), count)
    return lambda line: key + 1


def markdown_blocks(text: str) -> Iterator[Block]:
    """A Markdown cell's blocks, with lines of the cell."""
    try:
        from askspec.read.markdown_blocks import markdown_document
    except ImportError:  # the Markdown reader is optional here: read the cell simply
        yield from simple_markdown(text)
        return
    yield from markdown_document(text)


def simple_markdown(text: str) -> Iterator[Block]:
    """``#`` lines as headings and every other line as a paragraph."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        hashes = len(stripped) - len(stripped.lstrip("#"))
        if 1 <= hashes <= 6 and stripped[hashes : hashes + 1] == " ":
            title = stripped[hashes:].strip()
            yield Block(BlockKind.HEADING, title, number, number, level=hashes)
        elif stripped:
            yield Block(BlockKind.PARAGRAPH, stripped, number, number)
