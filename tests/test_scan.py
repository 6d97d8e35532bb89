"""The walk and the scan: order, links, loops, special files, serial and parallel alike."""

from __future__ import annotations

import gc
import io
import json
import multiprocessing
import os
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from askspec import scan as scan_module
from askspec import workers
from askspec.classify import verdict as classify_module
from askspec.cli import app
from askspec.errors import SeedsError
from askspec.models import Kind
from askspec.progress import ScanProgress
from askspec.read import folder as folder_module
from askspec.read.folder import Entry, display_name, walk
from askspec.scan import iter_scan, scan
from conftest import EXAMPLE_SEEDS, Tree
from hostile_cases import pdf_with_text

MakeTree = Callable[[Tree], Path]

MIXED: Tree = {
    "b.md": "# Notes\n\nThe system must log every order. It shall keep them a year.\n",
    "a.py": "import os\n\ndef main():\n    return os.getcwd()\n",
    "empty.txt": "",
    "blob.bin": b"\x00\x01\x02binary",
    "sub": {"z.txt": "plain words in a short sentence that ends here.\n", "y.json": "[1, 2]"},
    ".hidden": {"secret.md": "never read"},
    "__pycache__": {"x.pyc": b"\x00"},
}


def paths(root: Path) -> list[str]:
    return [entry.rel for entry in walk(root)]


def test_walk_is_sorted_and_skips_hidden_and_tool_folders(make_tree: MakeTree) -> None:
    root = make_tree(MIXED)
    assert paths(root) == ["a.py", "b.md", "blob.bin", "empty.txt", "sub/y.json", "sub/z.txt"]


def test_link_loop_ends_and_each_folder_is_entered_once(make_tree: MakeTree) -> None:
    root = make_tree({"d": {"f.txt": "text"}})
    (root / "d" / "loop").symlink_to(root, target_is_directory=True)
    (root / "z-alias").symlink_to(root / "d", target_is_directory=True)
    assert paths(root) == ["d/f.txt"]


def test_links_outside_and_broken_links_are_rows_with_a_problem(
    make_tree: MakeTree, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("private", encoding="utf-8")
    root = make_tree({"in.txt": "inside"})
    (root / "out.txt").symlink_to(outside)
    (root / "gone.txt").symlink_to(root / "missing")
    (root / "alias.txt").symlink_to(root / "in.txt")
    rows = {f.path: f for f in scan(root).files}
    assert rows["out.txt"].kind is Kind.UNREADABLE
    assert "outside the seeds folder" in rows["out.txt"].problems[0]
    assert rows["gone.txt"].problems == ("cannot read: broken link",)
    assert rows["alias.txt"].kind is rows["in.txt"].kind is Kind.PROSE


def test_fifo_is_reported_not_opened(make_tree: MakeTree) -> None:
    root = make_tree({"a.txt": "text"})
    os.mkfifo(root / "pipe")
    rows = {f.path: f for f in scan(root).files}
    assert rows["pipe"].problems == ("a FIFO; not read",)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_unlistable_folder_is_a_row(make_tree: MakeTree) -> None:
    root = make_tree({"locked": {"f.txt": "x"}, "ok.txt": "fine"})
    (root / "locked").chmod(0)
    try:
        rows = {f.path: f for f in scan(root).files}
    finally:
        (root / "locked").chmod(0o755)
    assert rows["locked"].kind is Kind.UNREADABLE


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain.md", "plain.md"),
        ("tab\there", "tab\\there"),
        ("evil\u202etxt.md", "evil\\u202etxt.md"),
        ("caf\xe9.md", "caf\xe9.md"),
    ],
)
def test_display_name_escapes_controls_only(raw: str, shown: str) -> None:
    assert display_name(raw) == shown


def test_undecodable_name_is_escaped_in_the_row(make_tree: MakeTree) -> None:
    root = make_tree({})
    (root / os.fsdecode(b"bad\xff.txt")).write_bytes(b"hello there")
    assert [f.path for f in scan(root).files] == ["bad\\xff.txt"]


def varied_tree(make_tree: MakeTree) -> Path:
    """91 files over 7 folders, mixing code, prose-and-spec and one binary."""
    folders: dict[str, dict[str, str | bytes]] = {}
    for i in range(90):
        name = f"f{i:03}.md" if i % 3 == 0 else f"f{i:03}.py"
        folders.setdefault(f"d{i % 7}", {})[name] = MIXED["b.md" if i % 3 == 0 else "a.py"]
    folders["d0"]["z.bin"] = b"\x00binary"
    return make_tree(folders)


@pytest.mark.parametrize("other_thread", [False, True], ids=["fork", "forkserver"])
def test_parallel_scan_equals_serial_scan(
    make_tree: MakeTree, monkeypatch: pytest.MonkeyPatch, other_thread: bool
) -> None:
    root = varied_tree(make_tree)
    monkeypatch.setattr(scan_module, "PARALLEL_MIN_FILES", 10)
    monkeypatch.setattr(scan_module, "CHUNK_FILES", 4)
    pools: list[int] = []
    real_map = scan_module.ordered_map

    def counted(func: Any, batches: Iterable[Any], workers: int) -> Iterator[Any]:
        pools.append(workers)
        return real_map(func, batches, workers)

    monkeypatch.setattr(scan_module, "ordered_map", counted)
    serial = scan(root, workers=1)
    # A running thread (as a progress display would be) makes the pool avoid plain fork.
    stop = threading.Event()
    waiter = threading.Thread(target=stop.wait)
    if other_thread:
        waiter.start()
    try:
        parallel = scan(root, workers=2)
    finally:
        stop.set()
        if other_thread:
            waiter.join()
    assert pools == [2]
    assert parallel == serial
    assert [f.text for f in parallel.files] == [f.text for f in serial.files]
    assert len(serial.files) == 91
    assert serial.kinds() >= {Kind.CODE, Kind.BINARY}


def test_stopping_early_shuts_the_pool_down(
    make_tree: MakeTree, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = varied_tree(make_tree)
    monkeypatch.setattr(scan_module, "PARALLEL_MIN_FILES", 10)
    monkeypatch.setattr(scan_module, "CHUNK_FILES", 4)
    rows = iter_scan(root, workers=2)
    first = next(rows)
    rows.close()
    assert first.path == "d0/f000.md"
    assert threading.active_count() == 1


def test_progress_is_called_once_per_file_in_order(make_tree: MakeTree) -> None:
    root = make_tree(MIXED)
    seen: list[tuple[int, str]] = []
    rows = list(iter_scan(root, progress=lambda done, path: seen.append((done, path))))
    assert seen == [(n, f.path) for n, f in enumerate(rows, start=1)]


def test_keep_text_false_drops_the_text_but_not_the_verdict(make_tree: MakeTree) -> None:
    root = make_tree(MIXED)
    kept, dropped = scan(root), scan(root, keep_text=False)
    assert dropped == kept
    assert all(f.text == "" for f in dropped.files)
    assert any(f.text for f in kept.files)


@pytest.mark.slow
@pytest.mark.parametrize("analysed", [200, None], ids=["small-budget", "real-budget"])
def test_reading_only_what_classification_needs_keeps_every_row(
    make_tree: MakeTree, monkeypatch: pytest.MonkeyPatch, analysed: int | None
) -> None:
    if analysed is not None:  # a small window, so that short documents are cut too
        monkeypatch.setattr(classify_module, "ANALYSED_CHARS", analysed)
        monkeypatch.setattr(scan_module, "ANALYSED_CHARS", analysed)
    pages = [f"The service MUST answer request {n} within 200 ms." for n in range(40)]
    tree: Tree = {
        **MIXED,
        "manual.pdf": pdf_with_text(pages),
        "page.html": "<html><body>"
        + "<h2>Outputs</h2><p>The report SHALL list every order.</p><script>x()</script>" * 4000
        + "</body></html>",
        "story.htm": "<p>Once upon a time a miller lived by the river.</p>" * 30,
    }
    root = make_tree(tree)
    kept, dropped = scan(root), scan(root, keep_text=False)
    assert dropped == kept
    assert {f.kind for f in kept.files} >= {Kind.SPEC, Kind.PROSE, Kind.CODE}


def test_single_file_and_missing_path(tmp_path: Path) -> None:
    one = tmp_path / "note.md"
    one.write_text("Just a note about the weather today, nothing more to it.\n", encoding="utf-8")
    assert [f.path for f in scan(one).files] == ["note.md"]
    with pytest.raises(SeedsError):
        list(iter_scan(tmp_path / "nope"))


@pytest.mark.parametrize("tree", [MIXED, {}], ids=["mixed", "empty"])
def test_streamed_json_is_byte_identical_to_json_dumps(make_tree: MakeTree, tree: Tree) -> None:
    root = make_tree(tree)
    r = CliRunner().invoke(app, ["scan", str(root), "--json"])
    assert r.exit_code == 0, r.output
    expected = json.dumps(scan(root).to_json(), ensure_ascii=False, indent=2) + "\n"
    assert r.stdout == expected


def test_streamed_json_on_examples_has_no_partial_output_on_error(tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["scan", str(EXAMPLE_SEEDS), "--json"])
    assert json.loads(r.stdout)["counts"]
    missing = CliRunner().invoke(app, ["scan", str(tmp_path / "nope"), "--json"])
    assert missing.exit_code == 1
    assert missing.stdout == ""


def test_progress_shows_only_when_enabled_and_slow() -> None:
    from rich.console import Console

    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=80)
    with ScanProgress(enabled=False, console=console) as quiet:
        quiet.started -= 10
        quiet(5, "a.md")
    assert quiet.progress is None
    with ScanProgress(enabled=True, console=console) as fast:
        fast(1, "a.md")  # within the first moment: nothing shown yet
        assert fast.progress is None
        fast.started -= 10
        fast(2, "b.md")
        assert fast.progress is not None
        assert fast.progress.tasks[0].completed == 2
    assert fast.progress is None


@pytest.mark.parametrize(
    "sizes",
    [[10] * 100, [3 << 20] * 5, [0, 1 << 30, 5, 5], []],
    ids=["many-small", "few-large", "one-huge", "none"],
)
@pytest.mark.parametrize("suffix", [".md", ".pdf"])
def test_batches_keep_order_and_bound_files_and_bytes(sizes: list[int], suffix: str) -> None:
    entries = [Entry(f"f{i}", f"f{i}{suffix}", size) for i, size in enumerate(sizes)]
    batches = list(scan_module._batches(entries))
    assert [e for batch in batches for e in batch] == entries
    for batch in batches:
        assert sum(map(scan_module.weight, batch[:-1])) < scan_module.CHUNK_FILES
        capped = [min(e.size, scan_module.READ_CAP) for e in batch]
        assert sum(capped[:-1]) < scan_module.CHUNK_BYTES


def test_documents_weigh_more_when_choosing_workers_and_tasks(
    make_tree: MakeTree, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = pdf_with_text(["The service MUST answer within 200 ms."])
    root = make_tree({f"d{n:02}.pdf": pdf for n in range(13)})
    pools: list[int] = []
    real_map = scan_module.ordered_map

    def counted(func: Any, batches: Iterable[Any], workers: int) -> Iterator[Any]:
        jobs = list(batches)
        pools.append(len(jobs))
        return real_map(func, jobs, workers)

    monkeypatch.setattr(scan_module, "ordered_map", counted)
    rows = scan(root, workers=2).files
    assert pools == [4]  # 13 documents of weight 16: 208 files' work, in tasks of 4 at most
    assert len(rows) == 13 and all(f.format == "pdf" and not f.problems for f in rows)


@pytest.mark.parametrize("min_files", [1000, 1], ids=["serial", "parallel"])
def test_streamed_extraction_finds_the_same_facts_and_keeps_only_heads(
    make_tree: MakeTree, monkeypatch: pytest.MonkeyPatch, min_files: int
) -> None:
    from askspec.extract import extract
    from askspec.generate import KEPT_TEXT, scan_with_facts

    long_tail = "\n".join(f"Line {n} of a long note about nothing much." for n in range(2000))
    root = make_tree(
        {
            "card.md": "kind: service\ninputs: CSV orders\noutputs: a daily report\n",
            "long.md": long_tail + "\nlatency: p99 under 200 ms at 500 requests/s\n",
        }
    )
    whole = scan(root, workers=1)
    monkeypatch.setattr(scan_module, "PARALLEL_MIN_FILES", min_files)
    result, facts = scan_with_facts(root)
    assert facts == extract(whole.files)
    assert any(f.path == "long.md" for f in facts)  # found past the kept head
    assert result == whole
    assert max(len(f.text) for f in result.files) == KEPT_TEXT


def freeze_count(_: int) -> list[int]:
    return [gc.get_freeze_count()]


def test_objects_are_frozen_only_while_the_pool_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "_context", lambda: multiprocessing.get_context("fork"))
    assert gc.get_freeze_count() == 0
    counts = list(workers.ordered_map(freeze_count, [1, 2, 3], 2))
    # Forked workers hold what the caller had frozen; the caller is thawed afterwards.
    assert len(counts) == 3 and min(counts) > 0
    assert gc.get_freeze_count() == 0


def test_objects_a_caller_froze_are_left_as_they_were() -> None:
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        list(workers.ordered_map(freeze_count, [1, 2], 2))
        assert gc.get_freeze_count() == before
    finally:
        gc.unfreeze()


# --- a file swapped after the walk ---------------------------------------------------

SECRET = "TOPSECRET-7f3a: the production database password"
NOTES = "# Notes\n\nThe probe logs a reading every minute. The office reads the sheet.\n"


def swap_after_walk(monkeypatch: pytest.MonkeyPatch, swap: Callable[[], None]) -> None:
    """Run swap once the walk has listed everything, before any file is opened."""
    real_walk = scan_module.walk

    def walk_then_swap(*args: Any, **kwargs: Any) -> Iterator[Entry]:
        yield from real_walk(*args, **kwargs)
        swap()

    monkeypatch.setattr(scan_module, "walk", walk_then_swap)


def outputs_text(out: Path) -> str:
    return "".join(p.read_bytes().decode("utf-8", "replace") for p in out.rglob("*") if p.is_file())


def generated_rows(seeds: Path, out: Path) -> dict[str, dict[str, Any]]:
    from askspec.generate import Options, generate

    generate(seeds, out, Options(project="P"))
    scanned = json.loads((out / "scan.json").read_text("utf-8"))
    return {row["path"]: row for row in scanned["files"]}


def outside_secret(tmp_path: Path) -> Path:
    secret = tmp_path / "private" / "notes.md"
    secret.parent.mkdir()
    secret.write_text(NOTES + SECRET + "\n", encoding="utf-8")
    return secret


def test_file_swapped_for_a_link_after_the_walk_is_not_read(
    make_tree: MakeTree, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_tree({"notes.md": NOTES, "spec.md": "# Requirements\n\nIt MUST log.\n"})
    secret = outside_secret(tmp_path)

    def swap() -> None:
        (root / "notes.md").unlink()
        (root / "notes.md").symlink_to(secret)

    swap_after_walk(monkeypatch, swap)
    rows = generated_rows(root, tmp_path / "out")
    assert SECRET not in outputs_text(tmp_path / "out")
    assert rows["notes.md"]["kind"] == "unreadable"
    assert rows["notes.md"]["problems"] == ["changed while reading: it is now a link; not followed"]


def test_accepted_link_pointed_outside_after_the_walk_is_not_read(
    make_tree: MakeTree, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_tree({"inside.md": NOTES})
    (root / "alias.md").symlink_to(root / "inside.md")
    secret = outside_secret(tmp_path)

    def swap() -> None:
        (root / "alias.md").unlink()
        (root / "alias.md").symlink_to(secret)

    swap_after_walk(monkeypatch, swap)
    rows = generated_rows(root, tmp_path / "out")
    assert SECRET not in outputs_text(tmp_path / "out")
    assert rows["alias.md"]["kind"] == "unreadable"
    assert "changed while reading: the link now points outside" in rows["alias.md"]["problems"][0]
    assert rows["inside.md"]["kind"] == "prose"


def test_folder_swapped_for_a_link_after_the_walk_is_not_read(
    make_tree: MakeTree, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_tree({"sub": {"notes.md": NOTES}})
    secret = outside_secret(tmp_path)

    def swap() -> None:
        (root / "sub").rename(tmp_path / "moved")
        (root / "sub").symlink_to(secret.parent, target_is_directory=True)

    swap_after_walk(monkeypatch, swap)
    rows = generated_rows(root, tmp_path / "out")
    assert SECRET not in outputs_text(tmp_path / "out")
    assert rows["sub/notes.md"]["kind"] == "unreadable"
    assert rows["sub/notes.md"]["problems"] == [
        "changed while reading: it was replaced by another file; not read"
    ]


def test_folder_swapped_while_it_is_listed_is_not_entered(
    make_tree: MakeTree, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The swap comes after the parent listed "sub" and before "sub" itself is opened.
    root = make_tree({"sub": {"notes.md": NOTES}})
    secret = outside_secret(tmp_path)
    real_inspect = folder_module._inspect

    def inspect_then_swap(path: str, *args: Any) -> Any:
        found = real_inspect(path, *args)
        if path.endswith("sub"):
            (root / "sub").rename(tmp_path / "moved")
            (root / "sub").symlink_to(secret.parent, target_is_directory=True)
        return found

    monkeypatch.setattr(folder_module, "_inspect", inspect_then_swap)
    rows = {f.path: f for f in scan(root).files}
    assert list(rows) == ["sub"]
    assert rows["sub"].kind is Kind.UNREADABLE
    assert rows["sub"].problems[0].startswith("changed while reading")


@pytest.mark.parametrize("forked", [True, False], ids=["fork", "new-interpreter"])
def test_document_reader_reads_the_file_opened_not_the_path(
    make_tree: MakeTree, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forked: bool
) -> None:
    from askspec.read import documents as docs
    from askspec.read import text as read_module
    from hostile_cases import docx

    body = (
        '<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>'
    )
    root = make_tree({"req.docx": docx({"word/document.xml": body.format("harbour").encode()})})
    secret = tmp_path / "secret.docx"
    secret.write_bytes(docx({"word/document.xml": body.format(SECRET).encode()}))
    real_kind = read_module.document_kind

    def kind_then_swap(data: bytes, suffix: str) -> str | None:
        (root / "req.docx").unlink()  # the child reader starts after this
        (root / "req.docx").symlink_to(secret)
        return real_kind(data, suffix)

    monkeypatch.setattr(docs, "can_fork", lambda: forked)
    monkeypatch.setattr(read_module, "document_kind", kind_then_swap)
    (row,) = scan(root).files
    assert SECRET not in row.text
    assert "harbour" in row.text


# --- askspec's own outputs are not seeds ---------------------------------------------


def test_output_folder_inside_the_seeds_is_not_read_again(tmp_path: Path) -> None:
    from askspec.generate import Options, generate

    seeds = tmp_path / "seeds"
    shutil.copytree(EXAMPLE_SEEDS, seeds)
    out = seeds / "out"
    counts = []
    for _ in range(3):
        request = generate(seeds, out, Options(project="P"), force=True).request
        counts.append(len(request.scan.files))
    assert counts == [3, 3, 3]
    scanned = json.loads((out / "scan.json").read_text("utf-8"))
    assert scanned["skipped"] == [{"path": "out", "reason": "askspec's output folder"}]


def test_outputs_anywhere_in_the_seeds_are_skipped_and_listed(tmp_path: Path) -> None:
    from askspec.generate import Options, generate

    seeds = tmp_path / "seeds"
    shutil.copytree(EXAMPLE_SEEDS, seeds)
    generate(seeds, tmp_path / "out", Options(project="P"))
    shutil.copytree(tmp_path / "out", seeds / "last-time")
    result = scan(seeds)
    assert [f.path for f in result.files] == [f.path for f in scan(EXAMPLE_SEEDS).files]
    assert [s.path for s in result.skipped] == [
        "last-time/CHECKLIST.md",
        "last-time/request.eml",
        "last-time/request.html",
        "last-time/request.json",
        "last-time/request.md",
        "last-time/scan.json",
    ]
    assert {s.reason for s in result.skipped} == {
        "askspec's own output (it carries askspec's marker); not read"
    }
    r = CliRunner().invoke(app, ["scan", str(seeds), "--json"])
    assert r.exit_code == 0, r.output
    printed = json.loads(r.stdout)
    assert printed == result.to_json() | {"skipped": printed["skipped"]}
    assert [s["path"] for s in printed["skipped"]] == [s.path for s in result.skipped]
    r = CliRunner().invoke(app, ["scan", str(seeds)])
    assert r.exit_code == 0, r.output
    assert "skipped 6 of askspec's own outputs: last-time/CHECKLIST.md" in r.stderr
    assert "last-time" not in r.stdout


def test_issue_form_outside_a_hidden_folder_is_skipped(tmp_path: Path) -> None:
    from askspec.generate import Options, generate

    generate(EXAMPLE_SEEDS, tmp_path / "out", Options(project="P"))
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(tmp_path / "out" / ".github" / "ISSUE_TEMPLATE" / "spec-request.yml", seeds)
    result = scan(seeds)
    assert (result.files, [s.path for s in result.skipped]) == ((), ["spec-request.yml"])
