"""The wheel carries the templates and renders alone; the issue form passes the schema."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from datetime import date
from pathlib import Path

import pytest

from askspec.generate import ISSUE_FORM, Options, generate
from askspec.i18n import languages
from conftest import EXAMPLE_SEEDS, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    (found,) = dist.glob("askspec-*.whl")
    return found


@pytest.mark.slow
def test_wheel_ships_every_template(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        p.relative_to(ROOT / "templates").as_posix() for p in (ROOT / "templates").rglob("*.j2")
    }
    assert shipped
    assert {f"askspec/templates/{n}" for n in shipped} <= names
    assert "askspec/py.typed" in names
    assert "askspec/locale/languages.toml" in names
    for lang in languages().values():
        assert f"askspec/locale/{lang.catalog_path}" in names


@pytest.mark.slow
def test_wheel_renders_in_a_clean_venv(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--quiet",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    # Dependencies come from this environment; askspec itself only from the wheel
    # (the editable install here is a .pth hook, which PYTHONPATH does not load).
    environ = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"]}
    out = tmp_path / "out"
    r = subprocess.run(
        [str(python), "-m", "askspec", "generate", str(EXAMPLE_SEEDS), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
        env=environ,
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    where = subprocess.run(
        [str(python), "-c", "import askspec; print(askspec.__file__)"],
        capture_output=True,
        text=True,
        env=environ,
        cwd=tmp_path,
        check=False,
    ).stdout
    assert str(env_dir) in where
    assert (out / "request.md").read_text("utf-8").startswith("<!-- askspec:request")
    # The catalogs travel in the wheel: a request in another language renders from it.
    r = subprocess.run(
        [str(python), "-m", "askspec", "generate", str(EXAMPLE_SEEDS), "-o", str(out / "ja"),
         "--lang", "ja"],
        capture_output=True, text=True, check=False, env=environ, cwd=tmp_path,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "## 入力（必須）" in (out / "ja" / "request.md").read_text("utf-8")


def check_issue_form(path: Path) -> subprocess.CompletedProcess[str]:
    """Validate an issue form against GitHub's schema, as shipped by check-jsonschema."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-issue-forms",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("lang", ["en", "zh-CN", "fr"])
def test_issue_form_passes_github_schema(lang: str, tmp_path: Path) -> None:
    result = generate(EXAMPLE_SEEDS, tmp_path / "o", Options(date=date(2026, 1, 1), lang=lang))
    assert result.written
    r = check_issue_form(tmp_path / "o" / ISSUE_FORM)
    assert r.returncode == 0, r.stdout + r.stderr


def test_schema_check_catches_a_broken_form(tmp_path: Path) -> None:
    broken = tmp_path / "form.yml"
    broken.write_text("name: x\nbody:\n- type: textarea\n  id: a b\n", encoding="utf-8")
    r = check_issue_form(broken)
    assert r.returncode != 0


def test_every_subpackage_is_listed_for_the_wheel() -> None:
    """A folder of modules under src/askspec that pyproject.toml does not list would be
    missing from the wheel, though an editable install finds it."""
    import tomllib

    root = Path(__file__).resolve().parent.parent
    listed = set(
        tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        "askspec." + init.parent.relative_to(root / "src" / "askspec").as_posix().replace("/", ".")
        for init in (root / "src" / "askspec").rglob("__init__.py")
        if init.parent != root / "src" / "askspec"
    }
    assert found <= listed
