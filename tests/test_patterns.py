"""Every regular expression askspec applies to seed or answer text runs in linear time.

Each module-level pattern of the package is run over adversarial strings of 100 KB:
long runs of digits, spaces, ``<``, ``*``, ``[``, backticks, repeated words and the
like, the shapes that make a backtracking engine try every start against every end.
The runs happen in a child process, so a pattern that never finishes fails the test
by name instead of hanging the suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

SIZE = 100_000
LIMIT_SECONDS = 1.0

#: The child: import every module, find each compiled pattern, time finditer over
#: each adversarial string, print one JSON line per pattern as soon as it is done.
CHILD = textwrap.dedent(
    """
    import importlib, json, pkgutil, re, sys, time
    import askspec
    SIZE = int(sys.argv[1])
    UNITS = ["1", " ", "<", "*", "[", "`", "must ", "the system ", "a1 ", "|", "-", ".",
             "\\t", "\\n", "#", "_", "(", "{", ":", "=", "1 ms ", "p99 ", "IN-1 ", "&#",
             "<a ", "<!--", "**Answer:**\\n", "x" * 40 + "\\n", "1.", "1,", "。", "必须"]
    texts = [(u, (u * (SIZE // len(u) + 1))[:SIZE]) for u in UNITS]
    texts += [("digits after words", "The system must handle " + "1" * SIZE)]
    seen = set()
    for info in sorted(pkgutil.walk_packages(askspec.__path__, "askspec."), key=lambda i: i.name):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in sorted(vars(module).items()):
            if not isinstance(value, re.Pattern) or id(value) in seen:
                continue
            seen.add(id(value))
            if isinstance(value.pattern, bytes):
                continue
            where = f"{info.name}.{name}"
            print(json.dumps({"start": where}), flush=True)
            worst, unit = 0.0, ""
            for label, text in texts:
                began = time.perf_counter()
                for _ in value.finditer(text):
                    pass
                took = time.perf_counter() - began
                if took > worst:
                    worst, unit = took, label
            print(json.dumps({"pattern": where, "seconds": worst, "unit": unit}), flush=True)
    """
)


@pytest.mark.slow
def test_every_pattern_is_linear_on_adversarial_text() -> None:
    started: list[str] = []
    timings: dict[str, tuple[float, str]] = {}
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(SIZE)],
            capture_output=True, text=True, timeout=240, check=False,
        )  # fmt: skip
        output = done.stdout
        assert done.returncode == 0, done.stderr[-2000:]
    except subprocess.TimeoutExpired as exc:
        output = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
    for line in output.splitlines():
        row = json.loads(line)
        if "start" in row:
            started.append(row["start"])
        else:
            timings[row["pattern"]] = (row["seconds"], row["unit"])
    hung = [name for name in started if name not in timings]
    assert hung == [], f"never finished on adversarial text: {hung}"
    slow = {k: v for k, v in timings.items() if v[0] > LIMIT_SECONDS}
    assert slow == {}, f"over {LIMIT_SECONDS} s on {SIZE // 1000} KB: {slow}"
    assert len(timings) > 50  # the walk really found the package's patterns
