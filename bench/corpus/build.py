"""Fetch the documents of the real-document corpus into a git-ignored folder.

    python bench/corpus/build.py --repos DIR [--cache DIR] [--out DIR]

Each line of ``documents.jsonl`` names a document by its source: a file of a public
repository at a pinned commit (read from a local bare copy under ``--repos``) or a
member of a registry package at a pinned version (downloaded once into ``--cache``).
Every document is written unchanged to ``OUT/<id>/<its file name>``, so each is a
one-document seeds folder. The manifest and its labels are committed; the documents
are not.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "documents.jsonl"
DOCS = HERE / "docs"
AREAS = ("inputs", "outputs", "hardware", "performance")
KINDS = ("prose", "code", "spec", "data")
STATUSES = ("stated", "vague", "missing")
#: A source is held out when the first hex digit of the SHA-256 of SALT, a colon and
#: its name is below HELD_OUT_BELOW. The salt was chosen once, before any rule was tuned
#: on the corpus: of the first 3,000, the one that gives every group the largest share
#: of held-out documents (at least a quarter), with a third to 45% of documents held out.
SALT = 130
HELD_OUT_BELOW = 6


@dataclass(frozen=True)
class Source:
    """Where one document comes from: a repository file or a package member."""

    scheme: str  # "git", "deb", "pypi" or "npm"
    name: str  # OWNER/REPO or the package name
    version: str  # the commit or the package version
    member: str  # the path inside the repository or the archive

    @property
    def key(self) -> str:
        """The source's name for splitting: OWNER/REPO or scheme:NAME."""
        return self.name if self.scheme == "git" else f"{self.scheme}:{self.name}"


def parse_source(text: str) -> Source:
    """Read a manifest ``source`` string."""
    scheme, sep, rest = text.partition(":")
    if sep and scheme in ("deb", "pypi", "npm"):
        spec, _, member = rest.partition(":")
        name, _, version = spec.partition("==")
        if not (name and version and member):
            raise ValueError(f"bad package source: {text!r}")
        return Source(scheme, name, version, member)
    repo, _, rest = text.partition("@")
    commit, _, path = rest.partition(":")
    if repo.count("/") != 1 or len(commit) != 40 or not path:
        raise ValueError(f"bad repository source: {text!r}")
    return Source("git", repo, commit, path)


def split_of(source: Source) -> str:
    """The split a source belongs to, decided by its name alone."""
    digit = int(hashlib.sha256(f"{SALT}:{source.key}".encode()).hexdigest()[0], 16)
    return "held-out" if digit < HELD_OUT_BELOW else "dev"


def load(path: Path = MANIFEST) -> list[dict[str, object]]:
    """The manifest's rows, in file order."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def document_path(docs: Path, row: dict[str, object]) -> Path:
    """Where the builder writes a row's document."""
    source = parse_source(str(row["source"]))
    return docs / str(row["id"]) / PurePosixPath(source.member).name


def git_dir(repos: Path, name: str) -> Path:
    """The git directory of OWNER/REPO under repos: ``OWNER+REPO``, or its ``repo/``."""
    base = repos / name.replace("/", "+")
    for candidate in (base / "repo", base / "repo" / ".git", base, base / ".git"):
        if (candidate / "HEAD").is_file():
            return candidate
    raise LookupError(f"no local copy of {name} under {repos}")


def from_git(repos: Path, source: Source) -> bytes:
    """A file of a repository at its pinned commit."""
    done = subprocess.run(
        ["git", "--git-dir", str(git_dir(repos, source.name)), "cat-file", "blob",
         f"{source.version}:{source.member}"],
        capture_output=True, check=False,
    )  # fmt: skip
    if done.returncode:
        raise LookupError(f"{source.name}@{source.version[:10]}: {done.stderr.decode().strip()}")
    return done.stdout


def download(source: Source, cache: Path) -> list[Path]:
    """The package's archives in the cache, downloading them on first use."""
    folder = cache / source.scheme / f"{source.name}=={source.version}"
    if not folder.is_dir() or not any(folder.iterdir()):
        folder.mkdir(parents=True, exist_ok=True)
        if source.scheme == "deb":
            command = ["apt-get", "download", "-q", f"{source.name}={source.version}"]
        elif source.scheme == "npm":
            command = ["npm", "pack", "-q", f"{source.name}@{source.version}"]
        else:
            pip = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", "."]
            spec = f"{source.name}=={source.version}"
            # The sdist first, since it carries docs and tests; the wheel when there is none.
            command = [*pip, "--no-binary", ":all:", spec]
            if subprocess.run(command, cwd=folder, check=False, capture_output=True).returncode:
                command = [*pip, spec]
        subprocess.run(command, cwd=folder, check=False, capture_output=True)
    return sorted(p for p in folder.iterdir() if p.is_file())


def members(archive: Path) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of each regular member of a .deb, tarball or zip archive."""
    if archive.suffix == ".deb":
        tar = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(archive)],
                             capture_output=True, check=True).stdout  # fmt: skip
        with tarfile.open(fileobj=io.BytesIO(tar)) as tf:
            yield from _tar_members(tf)
    elif zipfile.is_zipfile(archive):
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                if not info.is_dir():
                    yield info.filename, zf.read(info)
    else:
        with tarfile.open(archive) as tf:
            yield from _tar_members(tf)


def _tar_members(tf: tarfile.TarFile) -> Iterator[tuple[str, bytes]]:
    for info in tf:
        if info.isfile():
            handle = tf.extractfile(info)
            if handle is not None:
                yield info.name.removeprefix("./"), handle.read()


def from_package(cache: Path, source: Source) -> bytes:
    """A member of a Debian, PyPI or npm package at its pinned version."""
    wanted = source.member.removeprefix("./")
    for archive in download(source, cache):
        for name, data in members(archive):
            if name == wanted:
                return data
    raise LookupError(f"{source.key}=={source.version}: no member {wanted}")


def fetch(row: dict[str, object], repos: Path, cache: Path) -> bytes:
    """The bytes of a row's document."""
    source = parse_source(str(row["source"]))
    if source.scheme == "git":
        return from_git(repos, source)
    return from_package(cache, source)


def build(rows: list[dict[str, object]], repos: Path, cache: Path, docs: Path) -> list[str]:
    """Write every row's document under docs; return the problems, one line each."""
    problems = []
    for row in rows:
        target = document_path(docs, row)
        try:
            data = fetch(row, repos, cache)
        except (LookupError, OSError, subprocess.CalledProcessError, tarfile.TarError) as exc:
            problems.append(f"{row['id']}: {exc}")
            continue
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return problems


def main() -> int:
    """Build the corpus folder and say what could not be fetched."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repos", type=Path, required=True, help="folder of bare git copies")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "askspec-corpus-cache"
    )
    parser.add_argument("--out", type=Path, default=DOCS)
    args = parser.parse_args()
    rows = load()
    problems = build(rows, args.repos, args.cache, args.out)
    print(f"{len(rows) - len(problems)} of {len(rows)} documents in {args.out}")
    for line in problems:
        print(f"missing: {line}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
