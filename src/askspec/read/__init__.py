"""Files to text and document blocks: bounded reads, encodings, one reader per format.

``text`` reads a file's bytes within bounds and ``encodings`` decodes them; ``markup``
flattens HTML, reStructuredText and notebooks; ``documents`` runs the PDF and office
readers in a bounded child process, and ``office`` reads the office formats there.
"""

from __future__ import annotations

from askspec.read.encodings import Binary, decode
from askspec.read.text import DOCUMENT_SUFFIXES, FilePath, Unreadable, read_text, suffix_of

__all__ = [
    "DOCUMENT_SUFFIXES",
    "Binary",
    "FilePath",
    "Unreadable",
    "decode",
    "read_text",
    "suffix_of",
]
