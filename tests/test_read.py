"""Readers: encodings, markup, notebooks, PDF/DOCX out of process, bounds on hostile input."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from askspec.models import Kind
from askspec.read import documents as docs
from askspec.read import office
from askspec.read import text as read
from askspec.read.encodings import Binary, decode
from askspec.read.text import Unreadable, read_text
from askspec.scan import scan
from hostile_cases import pdf_with_text

Tree = Callable[..., Path]


def one(folder: Path) -> Path:
    return next(p for p in folder.iterdir())


@pytest.mark.parametrize(
    ("data", "encoding", "expected"),
    [
        ("Größe und Maße".encode("utf-16"), "utf-16", "Größe und Maße"),
        ("plain text in utf-16".encode("utf-16-le"), "utf-16-le", "plain text in utf-16"),
        ("plain text in utf-16".encode("utf-16-be"), "utf-16-be", "plain text in utf-16"),
        ("café".encode("utf-8-sig"), "utf-8-sig", "café"),
        ("naïve café".encode(), "utf-8", "naïve café"),
        ("Le café était très bon.".encode("latin-1"), "cp1252", "Le café était très bon."),
        ("Größe".encode("latin-1"), "cp1252", "Größe"),
        ("Ça va? Très bien.".encode("cp1252"), "cp1252", "Ça va? Très bien."),
    ],
)
def test_decode_encodings(data: bytes, encoding: str, expected: str) -> None:
    text, found = decode(data)
    assert (text.lstrip("\ufeff"), found) == (expected, encoding)


def test_decode_gb18030_chinese() -> None:
    source = "系统必须在两秒内返回结果。输入：传感器数据。输出：报警信息。" * 3
    text, encoding = decode(source.encode("gb18030"))
    assert text == source
    assert encoding == "gb18030"


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n\x00\x00", b"\x7fELF\x02\x01", b"abc\x00def", b"GIF89a\x01\x00\x00"]
)
def test_binary_content_is_refused(data: bytes) -> None:
    with pytest.raises(Binary):
        decode(data)


def test_text_that_starts_like_a_signature_is_text() -> None:
    assert decode(b"MZ notes: the plan for Monday.\n")[0].startswith("MZ notes")


def test_html_head_starts_as_the_whole_page_text_does() -> None:
    para = "<p>The pipeline reads <b>orders</b> &amp; returns invoices.</p>\n"
    script = "<script>var x = '<p>not text</p>';" + " " * 500 + "</script>"
    page = "<html><body>" + (para * 40 + script) * 30 + "</body></html>"
    whole = read.html_text(page)
    # Budgets whose cut (8 characters of markup each) falls in a paragraph, in a tag
    # and inside the script.
    for budget in (10, 200, 1000, 330, 380):
        head = read.html_head(page, budget)
        assert whole.startswith(head) and len(head) >= budget
        assert len(head) < len(whole)
    assert read.html_head(page, len(whole)) == whole  # too short to cut: read whole


def test_html_keeps_visible_text_only(make_tree: Tree) -> None:
    page = (
        "<html><head><title>t</title><style>p{color:red}</style></head><body>"
        "<h2>Inputs</h2><p>Readings &amp; alarms</p><script>alert('x')</script>"
        "<pre>x = 1</pre></body></html>"
    )
    got = read_text(one(make_tree({"a.html": page})), len(page))
    assert got.format == "html"
    assert got.text.splitlines() == ["## Inputs", "Readings & alarms", "```", "x = 1", "```"]


@pytest.mark.parametrize("pre", ["", "<PRE>  a  b  \r\n  c</pre>"])
def test_html_blocks_in_any_case_start_lines(pre: str) -> None:
    page = "<P>One\t two </P><Div>three</DIV><bR>four<Section>\u2028 five\r\n\n<span>six</span>"
    lines = ["One two", "three", "four", "five", "six"]
    inside = ["```", "  a  b", "  c", "```"] if pre else []
    assert read.html_text(page + pre).splitlines() == lines + inside


def test_rst_titles_become_headings_and_literals_fenced(make_tree: Tree) -> None:
    source = "Requirements\n============\n\nExample::\n\n    run --fast\n\nDone.\n"
    got = read_text(one(make_tree({"a.rst": source})), len(source))
    assert got.format == "rst"
    assert "# Requirements" in got.text.splitlines()
    assert "```\n    run --fast" in got.text


def notebook(cells: list[tuple[str, str]]) -> str:
    return json.dumps({"cells": [{"cell_type": t, "source": [s]} for t, s in cells]})


def test_notebook_tells_code_from_markdown(make_tree: Tree) -> None:
    code = notebook(
        [("markdown", "# Load"), ("code", "import pandas as pd\ndf = pd.read_csv('a')")]
    )
    prose = notebook([("markdown", "A long explanation of the method. " * 5), ("code", "x = 1")])
    folder = make_tree({"code.ipynb": code, "prose.ipynb": prose})
    assert read_text(folder / "code.ipynb", len(code)).format == "notebook-code"
    got = read_text(folder / "prose.ipynb", len(prose))
    assert got.format == "notebook-markdown"
    assert "```\nx = 1\n```" in got.text


def test_broken_notebook_is_read_as_text(make_tree: Tree) -> None:
    got = read_text(one(make_tree({"x.ipynb": "{not json"})), 9)
    assert got.problems == ("not a valid notebook",)


def test_huge_file_is_sampled_head_and_tail(
    make_tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read, "WHOLE_LIMIT", 1000)
    monkeypatch.setattr(read, "HEAD_BYTES", 100)
    monkeypatch.setattr(read, "TAIL_BYTES", 100)
    body = "HEAD" + "x" * 5000 + "TAIL"
    got = read_text(one(make_tree({"big.txt": body})), len(body))
    assert got.sampled
    assert got.text.startswith("HEAD") and got.text.endswith("TAIL")
    assert len(got.text) < 300
    assert "read the first and last parts only" in got.problems[0]


@pytest.mark.parametrize("listed", [0, 5, 19, 100])
def test_file_read_whole_whatever_size_the_walk_saw(make_tree: Tree, listed: int) -> None:
    # The size comes from the listing; a file that grew or shrank since is read whole.
    path = one(make_tree({"notes.txt": "grown since listed\n"}))
    with path.open("rb", buffering=0) as fh:
        assert read.read_sample(fh, listed) == (b"grown since listed\n", False)


def test_short_reads_are_read_on_to_the_end() -> None:
    # Some file systems return less than an unbuffered read asks for.
    class Trickle(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self.data = io.BytesIO(data)

        def read(self, size: int = -1) -> bytes:
            return self.data.read(min(size, 3))

    body = b"a note about the harbour\n" * 3
    assert read.read_at_most(Trickle(body), 1000) == body
    assert read.read_at_most(Trickle(body), 10) == body[:10]


def test_file_that_grew_past_the_limit_is_cut_at_it(
    make_tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read, "WHOLE_LIMIT", 10)
    with one(make_tree({"log.txt": "x" * 50})).open("rb", buffering=0) as fh:
        data, sampled = read.read_sample(fh, 3)
    assert (data, sampled) == (b"x" * 11, False)


def docx_bytes(paragraphs: str, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="x"><w:body>{paragraphs}</w:body></w:document>',
        )
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def para(text: str, style: str = "") -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"


def test_docx_paragraphs_and_headings(make_tree: Tree) -> None:
    data = docx_bytes(para("Inputs", "Heading1") + para("The system MUST accept CSV &amp; JSON."))
    path = one(make_tree({"req.docx": data}))
    got = read_text(path, len(data))
    assert got.format == "docx"
    assert got.text.splitlines() == ["# Inputs", "The system MUST accept CSV & JSON."]


def test_docx_with_an_oversized_text_part_is_refused(
    make_tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = docx_bytes(para("x" * 5000))
    path = one(make_tree({"bomb.docx": data}))
    monkeypatch.setattr(office, "MAX_INFLATED", 1000)
    with pytest.raises(docs.DocumentError, match="inflates to"):
        docs.docx_text(path)


def test_zip_that_is_not_a_docx_is_binary(make_tree: Tree) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    path = one(make_tree({"a.zip": buffer.getvalue()}))
    with pytest.raises(Binary):
        read_text(path, len(buffer.getvalue()))


@pytest.mark.slow
def test_pdf_text_is_extracted_in_a_child(make_tree: Tree) -> None:
    data = pdf_with_text(["The service MUST answer within 200 ms."])
    got = read_text(one(make_tree({"spec.pdf": data})), len(data))
    assert got.format == "pdf"
    assert "MUST answer within 200 ms" in got.text


@pytest.mark.slow
def test_with_a_budget_a_pdf_is_read_only_as_far_as_needed(make_tree: Tree) -> None:
    data = pdf_with_text([f"Page {n} of the design notes." for n in range(8)])
    path = one(make_tree({"notes.pdf": data}))
    whole, head = read_text(path, len(data)), read_text(path, len(data), budget=50)
    assert "Page 7" in whole.text and "Page 7" not in head.text
    assert whole.text.startswith(head.text) and len(head.text) >= 50
    assert (head.format, head.problems) == (whole.format, whole.problems)


def test_pdf_is_read_by_the_base_install(make_tree: Tree) -> None:
    data = pdf_with_text(["The quarterly report is due in March."])
    got = read_text(one(make_tree({"a.pdf": data})), len(data))
    assert "quarterly report" in got.text and got.format == "pdf"


def test_oversized_pdf_is_not_opened(make_tree: Tree, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docs, "MAX_FILE_BYTES", 10)
    data = pdf_with_text(["hello"])
    with pytest.raises(Unreadable, match="larger than"):
        read_text(one(make_tree({"a.pdf": data})), len(data))


@pytest.mark.slow
@pytest.mark.hostile
def test_hostile_documents_cost_one_row_and_the_scan_goes_on(
    make_tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_tree(
        {
            "broken.pdf": b"%PDF-1.7\n1 0 obj << /Kids [1 0 R] >> garbage",
            "bomb.docx": docx_bytes(para("x" * 200_000)),
            "notes.md": "We met on Monday and talked about the harbour lights.\n",
        }
    )
    monkeypatch.setattr(office, "MAX_INFLATED", 50_000)  # read by the parent only
    rows = {f.path: f for f in scan(folder).files}
    assert rows["notes.md"].kind is Kind.PROSE
    assert rows["broken.pdf"].kind is Kind.UNREADABLE
    assert rows["broken.pdf"].problems
    assert rows["bomb.docx"].kind in {Kind.UNREADABLE, Kind.PROSE}


@pytest.mark.slow
@pytest.mark.hostile
def test_slow_extraction_is_stopped(make_tree: Tree, monkeypatch: pytest.MonkeyPatch) -> None:
    data = pdf_with_text(["hello"])
    path = one(make_tree({"a.pdf": data}))
    with pytest.raises(docs.DocumentError, match="took over"):
        docs.extract(path, "pdf", len(data), timeout=0.001)


def test_sampled_utf8_survives_a_cut_character_but_latin1_does_not() -> None:
    cut = "é".encode()[:1]
    assert decode("Größe ".encode() * 50 + cut + b"\nend", sampled=True)[1] == "utf-8"
    assert decode("Größe ".encode("latin-1") * 50, sampled=True)[1] != "utf-8"


@pytest.mark.parametrize(
    "name", ["a.MD", ".bashrc", "file.", "a.tar.gz", "noext", "dir.d/file", "..", "x.y.", "a..b"]
)
def test_suffix_is_the_one_pathlib_gives(name: str) -> None:
    assert read.suffix_of(name) == Path(name).suffix.lower()


@pytest.mark.parametrize(
    ("data", "own"),
    [
        (b"<!-- askspec:request id=0123456789ab version=0.1.0 -->\n# Request\n", True),
        (b"<html>\n<head>\n<!-- askspec:request id=0123456789ab version=1 -->\n", True),
        (b"  value: <!-- askspec:request id=0123456789ab version=1 questions=IN-1\n", True),
        (b"Hello,\n\n<!-- askspec:request id=3D0123456789ab version=3D1 -->\n", True),
        (b'{\n  "askspec": "0.1.0",\n  "id": "0123456789ab"\n}\n', True),
        # A reply quoting the request, and prose that mentions the marker, are seeds.
        (b"Thanks!\n> <!-- askspec:request id=0123456789ab version=1 -->\n", False),
        (b"Every deliverable carries `<!-- askspec:request id=... -->`.\n", False),
        (b'{\n  "files": [],\n  "counts": {}\n}\n', True),
        (b'{\n  "files": [\n    {\n      "path": "a.md",\n      "kind": "prose",', True),
        (b'{"askspec": "mentioned"}\n', False),
        (b'{\n  "files": [\n    "a.md"\n  ]\n}\n', False),
    ],
)
def test_own_outputs_are_told_by_their_marker(data: bytes, own: bool) -> None:
    assert read.is_own_output(data) is own
