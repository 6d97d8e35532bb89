"""The CLI given arbitrary bytes as names, dates, addresses and settings: a one-line
error or a result, never a traceback or an internal error.

ASKSPEC_FUZZ_EXAMPLES raises the number of examples for a longer run.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from askspec.cli import app

SCALE = int(os.environ.get("ASKSPEC_FUZZ_EXAMPLES", "0"))
runner = CliRunner()


def examples(default: int) -> settings:
    return settings(
        max_examples=SCALE or default,
        deadline=None,
        derandomize=not SCALE,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


def clean(output: str, code: int, allowed: tuple[int, ...]) -> None:
    """A handled outcome: an allowed exit code, no traceback, no internal error."""
    assert code in allowed, output
    assert "Traceback" not in output and "internal error" not in output, output
    errors = [line for line in output.splitlines() if line.startswith("error:")]
    assert len(errors) <= 1, output


#: File names: any bytes but the separator and NUL, as a file system allows them.
names = st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\0" not in b)
names = names.filter(lambda b: b not in (b".", b".."))


@examples(25)
@given(name=names)
def test_any_file_name_scans_and_generates(name: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp, "seeds")
        seeds.mkdir()
        Path(os.fsdecode(bytes(seeds) + b"/" + name)).write_text("A note about a clinic.\n")
        result = runner.invoke(app, ["scan", str(seeds), "--json"])
        clean(result.output, result.exit_code, (0,))
        out = Path(tmp, "out")
        result = runner.invoke(
            app, ["generate", str(seeds), "-o", str(out), "--date", "2026-02-03"]
        )
        clean(result.output, result.exit_code, (0,))
        for written in out.rglob("*"):
            if written.is_file():
                written.read_bytes().decode("utf-8")  # every output stays valid UTF-8


@examples(40)
@given(date=st.text(max_size=30), epoch=st.text(max_size=30))
def test_any_date_or_epoch_is_used_or_refused(date: str, epoch: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp, "seeds")
        seeds.mkdir()
        (seeds / "a.md").write_text("A note.\n")
        args = ["generate", str(seeds), "-o", str(Path(tmp, "out"))]
        env = {"SOURCE_DATE_EPOCH": epoch.replace("\0", "")}
        result = runner.invoke(app, [*args, "--date", date] if date else args, env=env)
        clean(result.output, result.exit_code, (0, 2))


@examples(40)
@given(to=st.text(max_size=60), sender=st.text(max_size=60), port=st.text(max_size=12))
def test_any_address_or_setting_is_used_or_refused(to: str, sender: str, port: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp, "seeds")
        seeds.mkdir()
        (seeds / "a.md").write_text("A note.\n")
        env = {
            "ASKSPEC_SMTP_PORT": port.replace("\0", ""),
            "XDG_CONFIG_HOME": tmp,
            "HOME": tmp,
        }
        args = ["email", str(seeds), "-o", str(Path(tmp, "r.eml"))]
        args += [f"--to={to}", f"--from={sender}"]
        result = runner.invoke(app, args, env=env)
        clean(result.output, result.exit_code, (0, 1, 2))
