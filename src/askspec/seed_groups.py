"""The seeds summarised by folder and kind, for a request with too many files to list."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from askspec.models import Kind, SeedFile

#: Above this many seed files, the request shows folders and kinds, not every file.
LIST_LIMIT = 200
#: How the files at the top of the seeds folder are named in the summary.
TOP = "."


@dataclass(frozen=True)
class SeedGroup:
    """How many files of one kind lie in one top-level folder of the seeds."""

    folder: str
    kind: Kind
    count: int


def seed_groups(files: Sequence[SeedFile], limit: int = LIST_LIMIT) -> tuple[SeedGroup, ...]:
    """Files counted by top-level folder and kind; empty when there are limit or fewer."""
    if len(files) <= limit:
        return ()
    order = list(Kind)
    counts = Counter(
        (f.path.split("/", 1)[0] + "/" if "/" in f.path else TOP, f.kind) for f in files
    )
    keys = sorted(counts, key=lambda k: (k[0] == TOP, k[0], order.index(k[1])))
    return tuple(SeedGroup(folder, kind, counts[folder, kind]) for folder, kind in keys)
