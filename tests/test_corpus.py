"""The annotated corpus's manifest: well formed, wide enough, and split by source."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType

import pytest

BUILD = Path(__file__).resolve().parents[1] / "bench" / "corpus" / "build.py"


def load_build() -> ModuleType:
    """Import bench/corpus/build.py, which is not part of the package."""
    spec = importlib.util.spec_from_file_location("corpus_build", BUILD)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build = load_build()
ROWS = build.load()
GROUPS = {
    "design-doc", "reference", "standard-policy", "rfq-sow", "readme-modelcard",
    "hardware-page", "api-definition", "api-reference", "notes-threads", "news-blog",
    "tutorial-faq", "notebook", "code", "build-manifest", "data", "office-pdf", "legacy",
}  # fmt: skip


def test_ids_are_unique() -> None:
    ids = Counter(row["id"] for row in ROWS)
    assert [i for i, n in ids.items() if n > 1] == []


@pytest.mark.parametrize("row", ROWS, ids=[str(r["id"]) for r in ROWS])
def test_row_is_well_formed(row: dict[str, object]) -> None:
    source = build.parse_source(row["source"])
    assert row["split"] == build.split_of(source)
    assert row["kind"] in build.KINDS
    assert row["group"] in GROUPS
    assert isinstance(row["lang"], str) and 2 <= len(row["lang"]) <= 5
    assert isinstance(row["notes"], str) and row["notes"]
    areas = row["areas"]
    if areas is None:
        return
    assert isinstance(areas, dict) and sorted(areas) == sorted(build.AREAS)
    for area in areas.values():
        assert area["status"] in build.STATUSES
        ranges = area["ranges"] + area.get("also", [])
        assert all(len(r) == 2 and 1 <= r[0] <= r[1] for r in ranges), ranges
        assert len(area["ranges"]) <= 5
        if area["status"] == "missing":
            assert area["ranges"] == []


def test_corpus_is_wide_enough() -> None:
    sources = {build.parse_source(row["source"]).key for row in ROWS}
    assert len(ROWS) >= 150
    assert len(sources) >= 40
    groups = Counter(row["group"] for row in ROWS)
    assert {g: n for g, n in groups.items() if n < 5 and g != "legacy"} == {}
    languages = Counter(row["lang"] for row in ROWS)
    assert sum(n for lang, n in languages.items() if lang != "en") >= 0.2 * len(ROWS)
    assert {"zh"} <= set(languages) and len(set(languages) - {"en", "zh"}) >= 2


def test_held_out_is_a_third_by_source() -> None:
    by_source: dict[str, set[str]] = defaultdict(set)
    for row in ROWS:
        by_source[build.parse_source(row["source"]).key].add(str(row["split"]))
    assert all(len(splits) == 1 for splits in by_source.values())
    held_sources = sum(1 for s in by_source.values() if s == {"held-out"})
    held_docs = sum(1 for row in ROWS if row["split"] == "held-out")
    assert held_sources * 3 >= len(by_source)
    assert held_docs * 3 >= len(ROWS)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("python/peps@" + "a" * 40 + ":peps/pep-0008.rst", "python/peps"),
        ("deb:debian-policy==4.6.2.0:usr/share/doc/x.html", "deb:debian-policy"),
        ("pypi:python-docx==1.1.2:python_docx-1.1.2/README.md", "pypi:python-docx"),
        ("npm:left-pad==1.3.0:package/README.md", "npm:left-pad"),
    ],
)
def test_sources_parse(text: str, key: str) -> None:
    assert build.parse_source(text).key == key


@pytest.mark.parametrize("text", ["python/peps@abc:x", "pypi:name:member", "no-at-sign:x"])
def test_bad_sources_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="bad"):
        build.parse_source(text)
