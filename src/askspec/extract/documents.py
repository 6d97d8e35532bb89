"""Each readable seed as a document of blocks, read by the reader for its format."""

from __future__ import annotations

from askspec.models import SeedFile
from askspec.read.blocks import Document
from askspec.read.markdown_blocks import markdown_document
from askspec.read.plain_blocks import plain_document

#: Formats whose flattened text is Markdown-shaped: ``# Title`` headings, fenced code,
#: `` | `` rows (see read.markup and read.office).
FLATTENED = frozenset({"html", "rst", "notebook", "notebook-code", "pdf", "docx", "odt",
                       "xlsx", "ods", "pptx"})  # fmt: skip


def document_of(seed: SeedFile) -> Document:
    """The blocks of a seed's text, by its format."""
    if seed.format == "markdown" or seed.format in FLATTENED:
        return markdown_document(seed.text)
    return plain_document(seed.text)
