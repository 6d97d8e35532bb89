"""The golden requests quote what a careful reader would, and nothing twice."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

GOLDEN = Path(__file__).parent / "golden"
EXPECT: dict[str, dict[str, Any]] = yaml.safe_load(
    (GOLDEN / "expectations.yaml").read_text(encoding="utf-8")
)
CASES = [(name, area) for name, areas in EXPECT.items() for area in areas]


def evidence(name: str, area: str) -> tuple[str, list[dict[str, Any]]]:
    request = json.loads((GOLDEN / name / "request.json").read_text(encoding="utf-8"))
    found = request["areas"][area]
    return found["status"], found["evidence"]


@pytest.mark.parametrize(("name", "area"), CASES, ids=[f"{n}-{a}" for n, a in CASES])
def test_golden_quotes_what_must_be_quoted(name: str, area: str) -> None:
    want = EXPECT[name][area]
    status, quotes = evidence(name, area)
    assert status == want["status"]
    cited = {f"{q['path']}:{q['line']}": q["quote"] for q in quotes}
    for where, piece in want["must"]:
        assert where in cited, f"{where} not cited under {area}: {sorted(cited)}"
        assert piece in cited[where]
    for text in want["must_not"]:
        assert not any(text in where or text in quote for where, quote in cited.items())


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_golden_quotes_nothing_twice_and_no_fragments(name: str) -> None:
    for area in EXPECT[name]:
        _, quotes = evidence(name, area)
        texts = [" ".join(q["quote"].split()) for q in quotes]
        for i, text in enumerate(texts):
            assert not any(text in other or other in text for other in texts[:i]), text
            if not q_is_code(quotes[i]["path"]):
                assert not text[:1].islower(), f"starts mid-sentence: {text}"


def q_is_code(path: str) -> bool:
    return path.endswith((".py", ".js", ".go", ".rs", ".sh"))
