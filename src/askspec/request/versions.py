"""Versions and copies of one document: a draft and a final, a .md and its .pdf.

Files are versions of each other when their names or titles are the same once words
like "draft", "final", "v2" and dates are taken out, or when most of the text of one
is in the other. Where both were read, the sections whose text differs are named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from askspec.models import SeedFile
from askspec.request.titles import base_name, join, stem

#: Words that mark a version rather than name a document (several languages).
MARKS = re.compile(
    r"\b(?:draft|final|v\d+(?:\.\d+)*|version|rev(?:ision)?\s*\d*|copy|old|new|latest|"
    r"signed|clean|redline|tracked|entwurf|endfassung|brouillon|définitif|borrador|"
    r"\d{4}[-_.]?\d{2}[-_.]?\d{2}|\d+)\b",
    re.IGNORECASE,
)
STATE = re.compile(r"\b(draft|final|entwurf|brouillon|borrador)\b", re.IGNORECASE)
SEPARATORS = re.compile(r"[\W_]+")
SHINGLE = 5
#: Share of the smaller file's word runs found in the larger one for a copy.
CONTAINED = 0.6
MIN_KEY = 3


def key(name: str) -> str:
    """A name or title with version marks, separators and case taken out."""
    spaced = SEPARATORS.sub(" ", name)
    return " ".join(MARKS.sub(" ", spaced).lower().split())


def shingles(text: str) -> set[int]:
    """Hashes of every run of SHINGLE words, for a cheap near-duplicate test."""
    words = re.findall(r"\w+", text.lower())
    return {hash(tuple(words[i : i + SHINGLE])) for i in range(max(0, len(words) - SHINGLE + 1))}


def contained(a: set[int], b: set[int]) -> bool:
    """Most of the smaller set is in the larger one."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small) >= 20 and len(small & large) >= CONTAINED * len(small)


def same_document(a: tuple[SeedFile, str, set[int]], b: tuple[SeedFile, str, set[int]]) -> bool:
    """Whether two files are versions or copies of one document."""
    (fa, ta, sa), (fb, tb, sb) = a, b
    if stem(fa.path).lower() == stem(fb.path).lower():
        return True  # one document saved in two formats: notes.md and notes.pdf
    names = key(stem(fa.path)), key(stem(fb.path))
    if len(names[0]) >= MIN_KEY and names[0] == names[1]:
        return True
    titles = key(ta), key(tb)
    if len(titles[0]) >= MIN_KEY and titles[0] == titles[1]:
        return True
    return contained(sa, sb)


def label(seed: SeedFile, title: str) -> str:
    """How to point at one version: ``the DRAFT PDF (rfq-draft.pdf)``, else its name."""
    state = STATE.search(f"{stem(seed.path)} {title}")
    ext = seed.path.rsplit(".", 1)[-1].upper() if "." in base_name(seed.path) else ""
    if state and ext:
        return f"the {state.group(1).upper()} {ext} ({base_name(seed.path)})"
    return base_name(seed.path)


def section_texts(seed: SeedFile) -> dict[str, str]:
    """The text under each heading of a document, keyed by its heading."""
    from askspec.extract.documents import document_of
    from askspec.read.blocks import BlockKind

    found: dict[str, list[str]] = {}
    for block in document_of(seed):
        if block.kind is BlockKind.HEADING:
            continue
        found.setdefault(block.section[-1] if block.section else "", []).append(
            " ".join(block.text.split()).lower()
        )
    return {heading: " ".join(texts) for heading, texts in found.items()}


def differences(files: Sequence[SeedFile]) -> list[str]:
    """Headings whose text is not the same in every version that was read."""
    read = [section_texts(f) for f in files if f.text.strip()]
    if len(read) < 2:
        return []
    headings = [h for h in dict.fromkeys(h for r in read for h in r) if h]
    shared = [h for h in headings if all(h in r for r in read)]
    return [h for h in shared if len({r[h] for r in read}) > 1]


@dataclass(frozen=True)
class Versions:
    """Files that are versions of one document."""

    files: tuple[SeedFile, ...]
    titles: tuple[str, ...]

    def detail(self) -> str:
        """One plain sentence: which files, and how they differ where they do."""
        title = next((t for t in self.titles if t), "")
        what = f"versions of “{title}”" if title else "versions of one document"
        names = join([base_name(f.path) for f in self.files])
        sentence = f"{names} are {what}"
        unread = [base_name(f.path) for f in self.files if not f.text.strip()]
        diff = differences(self.files)
        if diff:
            sentence += f"; they differ under {join([f'“{h}”' for h in diff[:3]])}"
        elif not unread and len({" ".join(f.text.split()) for f in self.files}) == 1:
            sentence += "; they read the same"
        if unread:
            sentence += f"; {join(unread)} could not be read to compare"
        return sentence + "."

    def question(self) -> str:
        """Which version governs."""
        labels = [label(f, t) for f, t in zip(self.files, self.titles, strict=True)]
        return f"Which version governs: {join(labels, 'or')}?"
