"""What extraction leaves unread: files about no system, and text past its limit."""

from __future__ import annotations

import pytest

from askspec.extract import FACT_TEXT_LIMIT, extract
from askspec.models import Area, Kind, SeedFile, Verdict

STATED = "The service reads GPX files from the upload folder.\n"


def seed(path: str, text: str, kind: Kind = Kind.SPEC) -> SeedFile:
    return SeedFile(path, len(text), Verdict(kind, 0.9, ("test",)), "utf-8", "markdown",
                    text=text)  # fmt: skip


@pytest.mark.parametrize(
    "name",
    ["CHANGELOG.md", "changelog_v20.md", "LICENSE", "LICENSE-MIT", "COPYING", "copyright",
     "NEWS.rst", "HISTORY.md", "AUTHORS", "CONTRIBUTING.md", "CODE_OF_CONDUCT.md"],
)  # fmt: skip
def test_licences_changelogs_and_lists_of_people_state_no_facts(name: str) -> None:
    assert extract([seed(f"docs/{name}", STATED)]) == ()


@pytest.mark.parametrize(
    "name", ["changes-to-billing.md", "news-reader-spec.md", "history.py", "licensing-service.md"]
)
def test_a_name_that_only_contains_such_a_word_is_read(name: str) -> None:
    kind = Kind.CODE if name.endswith(".py") else Kind.SPEC
    text = STATED if kind is Kind.SPEC else "import sys\ndata = open(sys.argv[1]).read()\n"
    assert [f.area for f in extract([seed(name, text, kind)])][:1] == [Area.INPUTS]


def test_facts_past_the_limit_are_not_read() -> None:
    filler = "Nothing here says what the service does.\n\n" * (FACT_TEXT_LIMIT // 40)
    early = extract([seed("spec.md", STATED + "\n" + filler)])
    late = extract([seed("spec.md", filler + "\n" + STATED)])
    assert [f.line for f in early if f.area is Area.INPUTS] == [1]
    assert not [f for f in late if f.area is Area.INPUTS]


@pytest.mark.parametrize(
    ("name", "line", "hardware"),
    [
        ("query.sql", "SELECT name FROM employees e", False),
        ("Dockerfile", "FROM python:3.12-slim AS build", False),
        ("run.sh", "cat README.md > /dev/stderr", False),
        ("run.sh", "make 2>/dev/null || true", False),
        ("run.sh", "head -c 16 /dev/urandom | base64", False),
        ("run.sh", "exec 3</dev/fd/0", False),
        ("run.sh", "export CUDA_HOME=/usr/local/CUDA", True),
        ("flash.sh", "dd if=image.bin of=/dev/sdb bs=4M", True),
        ("main.py", "multiprocessing.freeze_support()", False),
        ("logger.py", 'port = serial.Serial("/dev/ttyUSB0", 9600)', True),
        ("camera.sh", "ffmpeg -f v4l2 -i /dev/video0 frame.jpg", True),
        ("train.py", 'device = torch.device("cuda")', True),
    ],
)
def test_code_names_hardware_only_by_devices_and_accelerators(
    name: str, line: str, hardware: bool
) -> None:
    facts = extract([seed(name, line + "\n", Kind.CODE)])
    assert any(f.area is Area.HARDWARE for f in facts) is hardware, facts


def test_a_paragraph_is_quoted_without_the_rule_label_in_front_of_it() -> None:
    text = "# Uploads\n\nr[uploads.size]\nThe service reads CSV files of at most 10 MB.\n"
    facts = [f for f in extract([seed("uploads.md", text)]) if f.area is Area.INPUTS]
    assert [(f.line, f.quote) for f in facts] == [
        (4, "The service reads CSV files of at most 10 MB.")
    ]
