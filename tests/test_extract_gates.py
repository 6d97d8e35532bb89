"""The fast paths of extraction give what the plain line-by-line matching gives.

Gates may let lines through that the patterns then reject, never hold back a line
that a pattern matches; the whole-text comment finder and the digit-free shortcut of
parse_targets must agree with the plain loops they replaced.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from askspec.extract import rules as r
from askspec.extract.code import (
    COMMENT,
    DOCSTRING,
    fold,
    is_comment_line,
)
from askspec.extract.phrases import phrase_hits, speaks_about
from askspec.measure import (
    _costs,
    _counts,
    _durations,
    _Finder,
    _rates,
    _sizes,
    _speedups,
    parse_targets,
)
from askspec.models import Area, Target

ROOT = Path(__file__).resolve().parent.parent

#: Lines written to hit the edges: case, word boundaries, Chinese, odd letters.
TRICKY = """\
The tool READS THE CSV FILES every night and ſcans uploaded images.
İnput is a JSON document; INPUTS ARE validated.
It Sends An E-Mail report and EXPORTS charts to the dashboard.
Runs on a Raspberry Pi 4 with 4GB RAM, or in the cloud on a VM.
Deployed to two servers; works on laptops too. Plugged into the USB port of a PC.
Must work offline, air-gapped, on-prem or on premises; no internet, no network, LAN only.
Needs Wi-Fi or WiFi or 4G/5G/LTE; the firewall limits bandwidth. plan language 4gb
Ubuntu 22.04, Windows 11, Windows Server, on Windows, macOS, iOS, scenarios, ratios.
Signed builds for Windows and Mac OS X; OS X 10.9 too. Windowsill, windows of the hall.
p99 latency under 200 ms at 500 requests/s; 1,000 RPS; QPS 30; https://x.test/tps
Start-up time must stay under 2 s; startup time; start up time 3 minutes.
The report should be fast; the response time should stay low; throughput goal 10k rows/day.
Would like it quick. Has to answer within seconds. At most 3 minutes; no more than 1 GB.
Kelvin: 300 K; the dock is ſmall; ıt runs.
系统读取 CSV 文件并生成报表，通过邮件发送给经理。
部署在工控机上，内存 8GB，操作系统为 Ubuntu，必须离线运行，内网带宽有限。
每秒处理 100 条请求，延迟不超过 200 毫秒，响应时间要求 1 秒以内，QPS 500。
once a day, twice per hour; must run once a week.
"""

CODE = '''\
#!/usr/bin/env python3
"""Reads sensor.csv and prints a report."""
import argparse, sys, json, csv, smtplib, multiprocessing
# read the input file
parser = argparse.ArgumentParser(); parser.add_argument("path")
data = json.load(open(sys.argv[1]))
rows = csv.DictReader(open("in.csv", newline=""))
with open("out.txt", "w") as out: out.write("x")
print(json.dumps(data)); sys.stdout.write("ok")
device = torch.device("cuda"); port = serial.Serial("/dev/ttyUSB0")
@app.get("/items")
app.post('/items', handler)
echo "done"
  -- a comment in SQL
--
  * a star line
;; lisp comment
x = \'\'\'one\'\'\'; y = """two
three""" ; z = 1
  # include me
#include <stdio.h>
std::cin >> x; std::cout << y; printf("%d", x); scanf("%d", &x);
fmt.Println(os.Args); http.HandleFunc("/", h); w.Write(b)
CUDA_VISIBLE_DEVICES=0 GPIO.setup(4) gpiozero RPi num_workers=4 os.cpu_count()
'''


def repo_lines() -> Iterator[str]:
    """Every line of the project's own sources, tests and examples: code and prose."""
    for path in sorted((ROOT / "src").rglob("*.py")):
        yield from path.read_text(encoding="utf-8").splitlines()
    for folder in ("tests", "examples"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in {".py", ".md", ".yaml", ".txt"} and path.is_file():
                yield from path.read_text(encoding="utf-8").splitlines()


SAMPLE_LINES = [*TRICKY.splitlines(), *CODE.splitlines(), *repo_lines()]


def all_characters() -> Iterator[str]:
    return (chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)


def test_fold_keeps_offsets_and_turns_every_case_of_a_letter_into_it() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    for char in all_characters():
        folded = fold(char)
        assert len(folded) == 1, hex(ord(char))
        if letter.fullmatch(char):
            assert re.fullmatch(folded, char, re.IGNORECASE) and folded.isascii(), hex(ord(char))


def test_gate_characters_outside_ascii_have_no_other_case() -> None:
    words = [r.INPUT_GATE, r.OUTPUT_GATE, r.HARDWARE_GATE, r.PERFORMANCE_GATE]
    chars = {char for gate in words for char in gate.any.pattern if not char.isascii()}
    either = re.compile("[" + "".join(sorted(chars)) + "]", re.IGNORECASE)
    for char in all_characters():
        if either.fullmatch(char):
            assert char in chars and fold(char) == char


@pytest.mark.parametrize(("area", "gate"), r.PHRASE_GATES)
def test_phrase_gate_lets_through_every_line_that_speaks_about_its_area(
    area: Area, gate: r.Gate
) -> None:
    spoken = [line for line in SAMPLE_LINES if speaks_about(area, line)]
    assert len(spoken) >= 10
    assert [line for line in spoken if not gate.on(fold(line)).search(fold(line))] == []
    assert [line for line in spoken if not gate.any.search(fold(line))] == []


def plain_phrase_hits(lines: list[str]) -> list[tuple[Area, int, str]]:
    """Every area's phrases tried on every line, with no gate."""
    return [
        (area, i + 1, line)
        for i, line in enumerate(lines)
        for area, _ in r.PHRASE_GATES
        if speaks_about(area, line)
    ]


def plain_comments(lines: list[str]) -> list[bool]:
    flags: list[bool] = []
    inside = False
    for line in lines:
        marks = len(DOCSTRING.findall(line))
        flags.append(inside or marks > 0 or bool(COMMENT.match(line)))
        if marks % 2:
            inside = not inside
    return flags


TEXTS = [TRICKY, CODE, CODE + '"""\nnever closed\n  # x', "\n".join(SAMPLE_LINES)]


@pytest.mark.parametrize("text", TEXTS)
def test_gated_hits_are_the_plain_hits(text: str) -> None:
    lines = text.splitlines()
    assert list(phrase_hits(lines)) == plain_phrase_hits(lines)
    assert is_comment_line(lines) == plain_comments(lines)
    odd = list(range(1, len(lines), 2))
    assert list(phrase_hits(lines, odd)) == [h for h in plain_phrase_hits(lines) if h[1] % 2 == 0]


def plain_targets(text: str) -> tuple[Target, ...]:
    finder = _Finder(text)
    for step in (_costs, _rates, _durations, _speedups, _sizes, _counts):
        step(finder)
    return tuple(finder.found)


def test_targets_without_digits_are_found_as_before() -> None:
    for line in SAMPLE_LINES:
        assert parse_targets(line) == plain_targets(line), line
