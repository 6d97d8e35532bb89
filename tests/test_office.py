"""Office documents: sheets, slides and word-processor files read as lines, safely."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from askspec.models import Kind
from askspec.read import office
from askspec.read.office import OfficeError, office_text
from askspec.scan import scan

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
P = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
OFFICE = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
TEXT = 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
TABLE = 'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'


def zipped(parts: dict[str, str]) -> bytes:
    """A zip archive holding the parts, as office files are."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx(body: str) -> bytes:
    return zipped({"word/document.xml": f"<w:document {W}><w:body>{body}</w:body></w:document>"})


def wp(text: str, style: str = "") -> str:
    pstyle = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{pstyle}<w:r><w:t>{text}</w:t></w:r></w:p>"


def xlsx(rows: list[list[str]], sheet: str = "Prices") -> bytes:
    strings = sorted({cell for row in rows for cell in row})
    index = {cell: n for n, cell in enumerate(strings)}
    shared = "".join(f"<si><t>{cell}</t></si>" for cell in strings)
    body = "".join(
        "<row>" + "".join(f'<c t="s"><v>{index[cell]}</v></c>' for cell in row) + "</row>"
        for row in rows
    )
    return zipped({
        "xl/workbook.xml": f'<workbook {S}><sheets><sheet name="{sheet}"/></sheets></workbook>',
        "xl/sharedStrings.xml": f"<sst {S}>{shared}</sst>",
        "xl/worksheets/sheet1.xml": f"<worksheet {S}><sheetData>{body}</sheetData></worksheet>",
    })  # fmt: skip


def pptx(slides: list[list[str]]) -> bytes:
    parts = {}
    for number, paragraphs in enumerate(slides, start=1):
        body = "".join(f"<a:p><a:r><a:t>{text}</a:t></a:r></a:p>" for text in paragraphs)
        parts[f"ppt/slides/slide{number}.xml"] = (
            f"<p:sld {P} {A}><p:txBody>{body}</p:txBody></p:sld>"
        )
    return zipped(parts)


def odf(body: str, kind: str = "text") -> bytes:
    return zipped({
        "mimetype": f"application/vnd.oasis.opendocument.{kind}",
        "content.xml": f"<office:document-content {OFFICE} {TEXT} {TABLE}><office:body>"
        f"{body}</office:body></office:document-content>",
    })  # fmt: skip


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_docx_headings_paragraphs_and_table_rows(tmp_path: Path) -> None:
    table = (
        "<w:tbl><w:tr><w:tc>" + wp("Item") + "</w:tc><w:tc>" + wp("Due") + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + wp("Data migration") + "</w:tc><w:tc>" + wp("Week 6") + "</w:tc></w:tr>"
        "</w:tbl>"
    )
    path = write(
        tmp_path, "sow.docx", docx(wp("Deliverables", "Heading2") + wp("As below.") + table)
    )
    assert office_text("docx", path).splitlines() == [
        "## Deliverables", "As below.", "Item | Due", "Data migration | Week 6",
    ]  # fmt: skip


def test_xlsx_rows_under_their_sheet(tmp_path: Path) -> None:
    path = write(tmp_path, "p.xlsx", xlsx([["Labour category", "Hourly rate"], ["Designer", "95"]]))
    assert office_text("xlsx", path).splitlines() == [
        "# Prices", "Labour category | Hourly rate", "Designer | 95",
    ]  # fmt: skip


def test_ods_repeated_cells_are_capped(tmp_path: Path) -> None:
    row = (
        "<table:table-row><table:table-cell><text:p>a</text:p></table:table-cell>"
        '<table:table-cell table:number-columns-repeated="1000000"/></table:table-row>'
    )
    path = write(tmp_path, "s.ods", odf(f'<table:table table:name="Sheet1">{row}</table:table>'))
    assert office_text("ods", path).splitlines() == ["# Sheet1", "a"]


def test_pptx_slides_in_order(tmp_path: Path) -> None:
    path = write(tmp_path, "deck.pptx", pptx([["Roadmap", "Pilot in June"], ["Risks"]]))
    assert office_text("pptx", path).splitlines() == [
        "# Slide 1", "Roadmap", "Pilot in June", "# Slide 2", "Risks",
    ]  # fmt: skip


def test_odt_headings_and_spaces(tmp_path: Path) -> None:
    body = '<text:h text:outline-level="2">Scope</text:h><text:p>Two<text:s/>words</text:p>'
    path = write(tmp_path, "a.odt", odf(body))
    assert office_text("odt", path).splitlines() == ["## Scope", "Two words"]


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    path = write(tmp_path, "bomb.docx", zipped({"word/document.xml": laughs}))
    with pytest.raises(Exception, match="(?i)entit"):
        office_text("docx", path)


def test_archive_inflating_past_the_cap_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(office, "MAX_INFLATED", 100)
    path = write(tmp_path, "big.xlsx", xlsx([["x" * 200]]))
    with pytest.raises(OfficeError, match="inflates to over"):
        office_text("xlsx", path)


def test_a_folder_of_office_files_gets_true_kinds(tmp_path: Path) -> None:
    """A PDF, a sheet, slides and a requirements file, from the base install."""
    from hostile_cases import pdf_with_text

    write(tmp_path, "brief.pdf", pdf_with_text(["We want a booking page for the clinic."]))
    write(tmp_path, "prices.xlsx", xlsx([["Item", "Price"], ["Hosting", "40"], ["Support", "90"]]))
    write(tmp_path, "kickoff.pptx", pptx([["Kick-off", "Meet the team and agree the plan."]]))
    write(tmp_path, "requirements.txt", b"flask>=3\nrequests==2.32.0\n")
    kinds = {f.path: f.kind for f in scan(tmp_path).files}
    assert kinds == {
        "brief.pdf": Kind.PROSE,
        "prices.xlsx": Kind.DATA,
        "kickoff.pptx": Kind.PROSE,
        "requirements.txt": Kind.CODE,
    }
    problems = [p for f in scan(tmp_path).files for p in f.problems]
    assert not any("pip install" in p for p in problems)


def test_docx_title_style_tabs_breaks_and_plain_styles(tmp_path: Path) -> None:
    body = (
        wp("Library loans", "Title")
        + wp("Overview", "berschrift1")
        + wp("Quoted text", "Quote")
        + "<w:p><w:r><w:t>Due</w:t><w:tab/><w:t>14 days</w:t>"
        + "<w:br/><w:t>renewable</w:t></w:r></w:p>"
    )
    path = write(tmp_path, "loans.docx", docx(body))
    assert office_text("docx", path).splitlines() == [
        "# Library loans", "# Overview", "Quoted text", "Due 14 days renewable",
    ]  # fmt: skip


def test_odt_table_rows_as_lines(tmp_path: Path) -> None:
    cell = "<table:table-cell><text:p>{}</text:p></table:table-cell>"
    rows = "".join(
        "<table:table-row>" + cell.format(a) + cell.format(b) + "</table:table-row>"
        for a, b in (("Route", "Stops"), ("Harbour loop", "12"))
    )
    path = write(tmp_path, "buses.odt", odf(f"<table:table>{rows}</table:table>"))
    assert office_text("odt", path).splitlines() == ["Route | Stops", "Harbour loop | 12"]


def test_xlsx_inline_strings_numbers_and_unnamed_sheets(tmp_path: Path) -> None:
    row = '<row><c t="inlineStr"><is><t>Seedlings</t></is></c><c><v> 240 </v></c></row>'
    data = zipped(
        {"xl/worksheets/sheet1.xml": f"<worksheet {S}><sheetData>{row}</sheetData></worksheet>"}
    )
    path = write(tmp_path, "nursery.xlsx", data)
    assert office_text("xlsx", path).splitlines() == ["# Sheet 1", "Seedlings | 240"]


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("odt", "without content.xml"),
        ("ods", "without content.xml"),
        ("pptx", "without slides"),
    ],
)
def test_an_archive_of_the_wrong_kind_is_named(tmp_path: Path, kind: str, reason: str) -> None:
    path = write(tmp_path, f"renamed.{kind}", zipped({"readme.txt": "just a zip"}))
    with pytest.raises(OfficeError, match=reason):
        office_text(kind, path)


def test_broken_xml_inside_an_archive_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "cut.docx", zipped({"word/document.xml": f"<w:document {W}><w:body>"}))
    with pytest.raises(OfficeError, match="not well-formed XML"):
        office_text("docx", path)
