"""Each readable seed as a document of blocks, read by the reader for its format.

Formats whose markup the scan flattened (HTML, reStructuredText, notebooks) are read
again from their source, so that a quote cites the line of the file itself. PDF and
office documents are read from their extracted text, whose lines they cite.
"""

from __future__ import annotations

from collections.abc import Callable

from askspec.models import SeedFile
from askspec.read.blocks import Document
from askspec.read.extracted_blocks import extracted_document
from askspec.read.html_blocks import html_document
from askspec.read.mail_blocks import mail_document
from askspec.read.markdown_blocks import markdown_document
from askspec.read.notebook_blocks import notebook_document
from askspec.read.plain_blocks import plain_document
from askspec.read.rst_blocks import rst_document

#: Readers of a seed's source, by the format the scan found.
FROM_SOURCE: dict[str, Callable[[str], Document]] = {
    "html": html_document,
    "rst": rst_document,
    "notebook-code": notebook_document,
    "notebook-markdown": notebook_document,
}
#: Formats read from their extracted text.
EXTRACTED = frozenset({"pdf", "docx", "odt", "xlsx", "ods", "pptx"})


def document_of(seed: SeedFile) -> Document:
    """The blocks of a seed, with its title."""
    return document_and_lines(seed)[0]


def document_and_lines(seed: SeedFile) -> tuple[Document, list[str]]:
    """The blocks of a seed, and the lines their line numbers count."""
    if seed.format in FROM_SOURCE and seed.source:
        return FROM_SOURCE[seed.format](seed.source), seed.source.splitlines()
    lines = seed.text.splitlines()
    if seed.format in EXTRACTED:
        return extracted_document(seed.text), lines
    if seed.path.lower().endswith(".eml"):
        return mail_document(seed.text.encode("utf-8", "surrogateescape")), lines
    if seed.format == "markdown":
        return markdown_document(seed.text), lines
    return plain_document(seed.text), lines
