"""Which files share a subject: TF-IDF vectors of content words and titles, and their overlap.

Two files about one product share distinctive words (its name, its parts); two files
about different products share only the words every document uses. Files are linked
when their vectors overlap enough, and each connected group is a subject.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

WORD = re.compile(r"[^\W\d_][\w-]{2,}")
CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]+")
#: Words every document uses; they say nothing about which subject it is on.
_COMMON_WORDS = """the and for are but not you all any can had her was one our out has have him his
    how     its may new now old see two way who did get let put say she too use that with this from
    they will would there their what about which when make like time just know take into
    year your some could them than then look only come over also back after work first well
    even want because these give most should must shall been were more other such each
    where here both being does doing done very many much same through between under while
    within without about above below using used uses use page section table figure note
    notes see also following example examples version versions draft final document
    documents file files system systems data information service services user users
    support supported required requirements requirement need needs include includes
    including based provide provides available value values number set default type
    types name names list lists run runs running new more less http https www com org"""
COMMON = frozenset(_COMMON_WORDS.split())
#: Words of a title count this many times.
TITLE_WEIGHT = 3
#: Below this cosine overlap two files are taken to be on different subjects.
LINKED = 0.12
#: The most files compared pairwise; above it the folder is not split into subjects.
MAX_FILES = 60
SAMPLE = 12_000


def singular(word: str) -> str:
    """A plural folded into its singular, roughly: ``models`` to ``model``."""
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def terms(text: str, title: str = "") -> Counter[str]:
    """Content words of a text (CJK as character pairs), title words counted extra."""
    found: Counter[str] = Counter()
    for source, weight in ((text[:SAMPLE], 1), (title, TITLE_WEIGHT)):
        for word in WORD.findall(source.lower()):
            if word not in COMMON:
                found[singular(word)] += weight
        for run in CJK.findall(source):
            found.update({run[i : i + 2]: weight for i in range(len(run) - 1)})
    return found


def vectors(bags: Sequence[Counter[str]]) -> list[dict[str, float]]:
    """TF-IDF vectors (smoothed IDF, log TF), normalised to length one."""
    count = len(bags)
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    result = []
    for bag in bags:
        vec = {
            w: (1 + math.log(n)) * (math.log((1 + count) / (1 + df[w])) + 1) for w, n in bag.items()
        }
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        result.append({w: v / norm for w, v in vec.items()})
    return result


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """The overlap of two unit vectors."""
    small, large = (a, b) if len(a) < len(b) else (b, a)
    return sum(v * large.get(w, 0.0) for w, v in small.items())


@dataclass(frozen=True)
class Subject:
    """A group of files on one subject, and the words that set it apart."""

    members: tuple[int, ...]
    words: tuple[str, ...]


def components(count: int, linked: list[tuple[int, int]]) -> list[list[int]]:
    """Connected groups of items 0..count-1, each sorted, in order of their first item."""
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in linked:
        parent[root(a)] = root(b)
    groups: dict[int, list[int]] = {}
    for i in range(count):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values())


def distinctive(
    vecs: list[dict[str, float]], group: list[int], others: set[str]
) -> tuple[str, ...]:
    """The words weighing most in a group that the other groups do not use."""
    weight: Counter[str] = Counter()
    for i in group:
        weight.update({w: v for w, v in vecs[i].items() if w not in others})
    return tuple(w for w, _ in weight.most_common(3))


def subjects(bags: Sequence[Counter[str]], tied: Sequence[tuple[int, int]] = ()) -> list[Subject]:
    """The subjects of the files whose term bags are given; tied pairs are always together."""
    if not 2 <= len(bags) <= MAX_FILES:
        return [Subject(tuple(range(len(bags))), ())]
    vecs = vectors(bags)
    pairs = [
        (a, b)
        for a in range(len(bags))
        for b in range(a + 1, len(bags))
        if cosine(vecs[a], vecs[b]) >= LINKED
    ]
    groups = components(len(bags), [*pairs, *tied])
    found = []
    for group in groups:
        others = {w for i in range(len(bags)) if i not in group for w in bags[i]}
        found.append(Subject(tuple(group), distinctive(vecs, group, others)))
    return found
