"""The document readers themselves, run in this process so every branch is measured."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from askspec.read import documents as docs
from askspec.read import office
from askspec.read.documents import DocumentError, child_main, docx_text, pdf_text
from hostile_cases import WORD_XML, docx, pdf_with_content, pdf_with_text


def test_pdf_text_reads_pages(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(pdf_with_content(b"BT /F1 12 Tf 10 10 Td (hello world) Tj ET", pages=2))
    got = pdf_text(path)
    assert got.problems == ()
    assert isinstance(got.text, str)


def test_pdf_text_stops_once_it_holds_the_characters_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(pdf_with_text([f"page {n} says the service answers" for n in range(6)]))
    whole = pdf_text(path).text
    head = pdf_text(path, chars=40).text
    assert "page 5" in whole
    assert "page 1" in head and "page 2" not in head
    assert whole.startswith(head)


def test_pdf_text_reads_on_past_blank_pages_for_its_characters(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(pdf_with_text(["", "", "only the third page has words"]))
    assert "third page" in pdf_text(path, chars=1).text


def test_a_pdf_page_that_breaks_the_reader_is_named_and_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PageObject

    path = tmp_path / "a.pdf"
    path.write_bytes(pdf_with_text(["first page", "second page", "third page"]))
    extract = PageObject.extract_text

    def breaks_on_second(page: PageObject, *args: object, **kwargs: object) -> str:
        text = extract(page, *args, **kwargs)  # type: ignore[arg-type]
        if "second" in text:
            raise KeyError("/Font")
        return text

    monkeypatch.setattr(PageObject, "extract_text", breaks_on_second)
    got = pdf_text(path)
    assert got.problems == ("PDF page 2 could not be read (KeyError)",)
    assert "first page" in got.text and "third page" in got.text
    assert "second" not in got.text


def test_pdf_with_too_many_pages_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docs, "MAX_PAGES", 2)
    path = tmp_path / "a.pdf"
    path.write_bytes(pdf_with_content(b"", pages=5))
    assert pdf_text(path).problems == ("PDF has 5 pages: read the first 2",)


def test_docx_paragraphs_and_headings(tmp_path: Path) -> None:
    body = WORD_XML.format("The system MUST log in &amp; out").encode()
    heading = b'<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Inputs</w:t></w:r></w:p>'
    path = tmp_path / "a.docx"
    path.write_bytes(docx({"word/document.xml": body.replace(b"<w:body>", b"<w:body>" + heading)}))
    text = docx_text(path).text
    assert "The system MUST log in & out" in text
    assert "## Inputs" in text or "Inputs" in text


@pytest.mark.parametrize(
    ("parts", "declared", "reason"),
    [
        ({"other.xml": b"<x/>"}, None, "not a DOCX"),
        ({"word/document.xml": b"x" * 100}, {"word/document.xml": 2**31}, "inflates to"),
    ],
)
def test_docx_refusals(
    tmp_path: Path, parts: dict[str, bytes], declared: dict[str, int] | None, reason: str
) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(docx(parts, declared))
    with pytest.raises(DocumentError, match=reason):
        docx_text(path)


def test_docx_with_too_many_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(office, "MAX_ZIP_ENTRIES", 2)
    path = tmp_path / "a.docx"
    path.write_bytes(docx({"word/document.xml": b"<x/>", "a": b"", "b": b""}))
    with pytest.raises(DocumentError, match="parts; not opened"):
        docx_text(path)


@pytest.mark.parametrize(
    ("kind", "content", "key", "expected"),
    [
        ("docx", docx({"word/document.xml": WORD_XML.format("hello").encode()}), "text", "hello"),
        ("docx", b"not a zip", "error", "DOCX could not be parsed (BadZipFile)"),
        ("docx", docx({"x.xml": b""}), "error", "zip archive without word/document.xml"),
        ("pdf", b"%PDF-1.4 garbage", "error", "PDF could not be parsed"),
    ],
)
def test_child_main_answers_with_one_json_object(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    content: bytes,
    key: str,
    expected: str,
) -> None:
    monkeypatch.setattr(docs, "limit_resources", lambda: None)  # would cap this test process
    path = tmp_path / f"a.{kind}"
    path.write_bytes(content)
    assert child_main([kind, str(path)]) == 0
    reply = json.loads(capsys.readouterr().out)
    assert expected in reply[key]


def test_child_reports_memory_exhaustion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def explode(path: Path) -> docs.Extracted:
        raise MemoryError

    monkeypatch.setattr(docs, "limit_resources", lambda: None)
    monkeypatch.setattr(docs, "office_extracted", lambda kind, path: explode(path))
    (tmp_path / "x.docx").write_bytes(b"PK")
    child_main(["docx", str(tmp_path / "x.docx")])
    assert "needs more than" in json.loads(capsys.readouterr().out)["error"]


def test_extract_refuses_large_files_before_starting_a_child(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="larger than"):
        docs.extract(tmp_path / "x.pdf", "pdf", docs.MAX_FILE_BYTES + 1)


def test_extract_stops_a_slow_child(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(docx({"word/document.xml": WORD_XML.format("x").encode()}))
    with pytest.raises(DocumentError, match="took over"):
        docs.extract(path, "docx", path.stat().st_size, timeout=0.0001)


@pytest.mark.parametrize("forked", [True, False], ids=["fork", "new-interpreter"])
def test_both_ways_to_start_the_reader_give_the_same_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forked: bool
) -> None:
    monkeypatch.setattr(docs, "can_fork", lambda: forked)
    path = tmp_path / "a.pdf"
    path.write_bytes(pdf_with_text(["first page words", "second page words"]))
    got = docs.extract(path, "pdf", path.stat().st_size)
    assert got == pdf_text(path)
    assert "second page words" in got.text
    head = docs.extract(path, "pdf", path.stat().st_size, chars=5)
    assert "first page" in head.text and "second" not in head.text


def test_a_forked_reader_that_hangs_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The child is a copy of this process, so what is patched here runs there.
    monkeypatch.setattr(docs, "reply_for", lambda *args: time.sleep(60))
    children: list[int] = []
    fork = os.fork

    def recorded() -> int:
        pid = fork()
        children.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recorded)
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    started = time.monotonic()
    with pytest.raises(DocumentError, match=r"took over 0.3 s; stopped"):
        docs.extract(tmp_path / "a.pdf", "pdf", 10, timeout=0.3)
    assert time.monotonic() - started < 10
    (child,) = children
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # killed and reaped, not left running or a zombie


def test_a_forked_reader_that_dies_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docs, "reply_for", lambda *args: os._exit(3))
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(DocumentError, match="PDF reader ran out of memory or crashed"):
        docs.extract(tmp_path / "a.pdf", "pdf", 10)


def test_no_fork_while_another_thread_runs() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not docs.can_fork()
    finally:
        release.set()
        other.join()
    assert docs.can_fork()
