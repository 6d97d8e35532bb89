"""Versions and copies of one document: a draft and a final, a .md and its .pdf.

Files are versions of each other when their names or titles are the same once words
like "draft", "final", "v2" and dates are taken out, or when most of the text of one
is in the other. Where both were read, the sections whose text differs are named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from askspec.i18n import _
from askspec.models import Kind, SeedFile
from askspec.request.titles import base_name, format_name, join, quoted, stem

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


#: A run of words shared by more files than this is boilerplate, not a copy's sign.
COMMON_SHINGLE = 8
#: The kinds of file whose text can make them copies of one another.
TEXT_KINDS = frozenset({Kind.PROSE, Kind.SPEC})
#: Slots of the table that tells runs one text holds from runs several may hold (8 MB).
RUN_SLOTS = 1 << 23


def same_document_groups(files: Sequence[SeedFile], titles: Sequence[str]) -> list[list[int]]:
    """Indexes of files that are versions or copies of one document, in groups of two or
    more: same name, same name or title without version marks, or most text shared."""
    parent = list(range(len(files)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(members: Sequence[int]) -> None:
        for other in members[1:]:
            parent[root(other)] = root(members[0])

    buckets: dict[tuple[str, str], list[int]] = {}
    for i, (seed, title) in enumerate(zip(files, titles, strict=True)):
        name = stem(seed.path)
        for kind, value in (("stem", name.lower()), ("name", key(name)), ("title", key(title))):
            if kind == "stem" or len(value) >= MIN_KEY:
                buckets.setdefault((kind, value), []).append(i)
    for members in buckets.values():
        union(members)
    # Copies are told by their text among documents only: code shares its licence
    # headers and boilerplate, which made this the slowest step on large folders.
    texts = [s.text if s.kind in TEXT_KINDS else "" for s in files]
    for a, b in shared_text_pairs(texts):
        union([a, b])
    grouped: dict[int, list[int]] = {}
    for i in range(len(files)):
        grouped.setdefault(root(i), []).append(i)
    return [g for g in grouped.values() if len(g) > 1]


def shared_text_pairs(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs of texts most of whose word runs one finds in the other, through an index of
    the runs (runs in more than COMMON_SHINGLE texts are left out)."""
    counts, holders = shared_runs(texts)
    shared: dict[tuple[int, int], int] = {}
    for members in holders.values():
        if 1 < len(members) <= COMMON_SHINGLE:
            for x, a in enumerate(members):
                for b in members[x + 1 :]:
                    shared[a, b] = shared.get((a, b), 0) + 1
    pairs = []
    for (a, b), count in shared.items():
        small = min(counts[a], counts[b])
        if small >= 20 and count >= CONTAINED * small:
            pairs.append((a, b))
    return pairs


def shared_runs(texts: Sequence[str]) -> tuple[list[int], dict[int, list[int]]]:
    """How many word runs each text holds, and the texts that hold each run more than
    one may hold.

    Most runs are in one text only, and cannot make a pair: a first pass marks each
    run's slot in a table, and a second pass, taking each text's runs again, indexes
    only the runs whose slot more than one text marked. On the 10,000-file bench tree
    the sets of runs and a full index took 280 MB. The table and the index of shared
    runs take about 55 MB; keeping each text's runs between the passes took 13 MB more,
    at the top of generate's memory, and taking them again costs 0.4 s.
    """
    counts: list[int] = []
    marked = bytearray(RUN_SLOTS)  # how many texts marked a slot: 0, 1, or 2 for more
    for text in texts:
        runs = shingles(text)
        counts.append(len(runs))
        for run in runs:
            slot = run % RUN_SLOTS
            if marked[slot] < 2:
                marked[slot] += 1
    holders: dict[int, list[int]] = {}
    for i, text in enumerate(texts):
        for run in shingles(text):
            if marked[run % RUN_SLOTS] == 2:
                holders.setdefault(run, []).append(i)
    return counts, holders


def label(seed: SeedFile, title: str) -> str:
    """How to point at one version: ``the DRAFT PDF (rfq-draft.pdf)``, else its name."""
    state = STATE.search(f"{stem(seed.path)} {title}")
    ext = format_name(seed.path)
    if state and ext:
        return _("the {state} {format} ({file})").format(
            state=state.group(1).upper(), format=ext, file=base_name(seed.path)
        )
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
        names = join([base_name(f.path) for f in self.files])
        if title:
            sentence = _("{files} are versions of {title}").format(files=names, title=quoted(title))
        else:
            sentence = _("{files} are versions of one document").format(files=names)
        unread = [base_name(f.path) for f in self.files if not f.text.strip()]
        diff = differences(self.files)
        if diff:
            headings = join([quoted(h) for h in diff[:3]])
            sentence += _("; they differ under {headings}").format(headings=headings)
        elif not unread and len({" ".join(f.text.split()) for f in self.files}) == 1:
            sentence += _("; they read the same")
        if unread:
            sentence += _("; {files} could not be read to compare").format(files=join(unread))
        # Translators: the full stop that ends a sentence built from the parts above.
        return _("{sentence}.").format(sentence=sentence)

    def question(self) -> str:
        """Which version governs."""
        labels = [label(f, t) for f, t in zip(self.files, self.titles, strict=True)]
        return _("Which version governs: {versions}?").format(versions=join(labels, "or"))
