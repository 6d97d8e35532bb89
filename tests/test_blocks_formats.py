"""The block readers of HTML, reStructuredText, notebooks, extracted text and e-mail."""

from __future__ import annotations

import json
import time

import pytest

from askspec.read.blocks import Block, BlockKind
from askspec.read.extracted_blocks import extracted_document
from askspec.read.html_blocks import html_document, html_plain
from askspec.read.mail_blocks import mail_document
from askspec.read.markup import html_text
from askspec.read.notebook_blocks import notebook_document
from askspec.read.rst_blocks import rst_document

H, P, LI, Q, R, C, F = (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.ITEM, BlockKind.QUOTE,
                       BlockKind.ROW, BlockKind.CODE, BlockKind.FIELD)  # fmt: skip


def shape(blocks: object) -> list[tuple[BlockKind, str, int, int]]:
    """Each block's kind, text and first and last line."""
    return [(b.kind, b.text, b.first, b.last) for b in blocks]  # type: ignore[attr-defined]


def find(blocks: object, text: str) -> Block:
    """The block whose text is text."""
    return next(b for b in blocks if b.text == text)  # type: ignore[attr-defined]


# --- HTML ------------------------------------------------------------------------------

HTML_CASES = [
    (  # a clinic booking page, saved from a browser
        "<!doctype html>\n<html><head><title>Book</title>\n<style>p{}</style></head>\n"
        "<body><nav><a href='/'>Home</a></nav>\n<header><p>Clinic logo</p></header>\n"
        "<main><h1>Booking</h1>\n<p>Patients book <a title='x > y'>online</a>\nor by phone.</p>\n"
        "</main><footer>Privacy</footer></body></html>",
        [(H, "Booking", 6, 6), (P, "Patients book online or by phone.", 7, 8)],
    ),
    (  # a warehouse API reference
        "<h2>Endpoints</h2>\n<table>\n<tr><th>Method</th><th>Path</th></tr>\n"
        "<tr><td>GET</td><td>/stock</td></tr>\n</table>\n<pre><code class='language-json'>\n"
        '{"sku": 1}\n</code></pre>',
        [(H, "Endpoints", 1, 1), (R, "GET | /stock", 4, 4), (C, '{"sku": 1}', 7, 7)],
    ),
    (  # a model card
        "<h1>Model card</h1><dl>\n<dt>Parameters</dt><dd>7B</dd>\n<dt>Licence</dt>\n"
        "<dd>Apache-2.0</dd></dl><blockquote>Not for medical use.</blockquote>",
        [
            (H, "Model card", 1, 1),
            (F, "Parameters: 7B", 2, 2),
            (F, "Licence: Apache-2.0", 3, 4),
            (Q, "Not for medical use.", 4, 4),
        ],
    ),
    (  # a municipal tender, with a list and hidden parts
        "<div role='navigation'>Menu</div><h3>Lots</h3><ul>\n<li>Road repair\n<li>Lighting</ul>"
        "<script>var a = '<p>x</p>';</script><!-- <p>draft</p> --><template><p>t</p></template>",
        [(H, "Lots", 1, 1), (LI, "Road repair", 2, 2), (LI, "Lighting", 3, 3)],
    ),
    (  # a ferry's fares pasted without their <table>: a stray cell, an empty row, and
        # closing tags for tables never opened
        "<h1>Ferry fares</h1>\n<td>stray cell</td>\n<tr><td>Adult</td><td>4 EUR</td></tr>\n"
        "<tr><td></td><td> </td></tr>\n<tr><td>Child</td><td>2 EUR</td></tr>\n"
        "</table></table>\n<p>Fares change in May.</p>\n",
        [
            (H, "Ferry fares", 1, 1),
            (P, "stray cell", 2, 2),
            (R, "Child | 2 EUR", 5, 5),
            (P, "Fares change in May.", 7, 7),
        ],
    ),  # fmt: skip
    (  # a bike-share page cut off mid-list, its head never closed, terms without
        # descriptions, a stray closing tag and a preformatted block with blank edges
        "<html><head><title>Bike share</title><body>\n<h1>Bike share docks</h1>\n"
        "<p>Docks report <em>every</em> <span> </span> minute.</p>\n</div>\n"
        "<dl><dt>Dock capacity</dt><dt>Battery</dt><dd>12 V</dd><dt>Spare</dt></dl>\n"
        "<pre>\n\nstation_id,bikes\n  \n\n</pre>\n<ul><li>Unclosed item\n",
        [
            (H, "Bike share docks", 2, 2),
            (P, "Docks report every minute.", 3, 3),
            (P, "Dock capacity", 5, 5),
            (F, "Battery: 12 V", 5, 5),
            (P, "Spare", 5, 5),
            (C, "station_id,bikes", 8, 8),
            (LI, "Unclosed item", 12, 12),
        ],
    ),  # fmt: skip
    (  # a game server's requirements, in an article with its own header
        "<article><header><h2>Server</h2></header><p>RAM: 16 GB</p>"
        "<noscript>Enable JS</noscript><svg><text>icon</text></svg></article>",
        [(H, "Server", 1, 1), (P, "RAM: 16 GB", 1, 1)],
    ),
]


@pytest.mark.parametrize(("markup", "expected"), HTML_CASES)
def test_html_blocks(markup: str, expected: list[tuple[BlockKind, str, int, int]]) -> None:
    assert shape(html_document(markup)) == expected


def test_html_rows_keep_their_header_and_path() -> None:
    page = (
        "<h1>Tender</h1><h2>Prices</h2><table><tr><td>Lot</td><td>EUR</td></tr>"
        "<tr><td>A</td><td>100</td></tr></table><table><tr><th>Size</th><td>7B</td></tr></table>"
    )
    doc = html_document(page)
    row = find(doc, "A | 100")
    assert row.header == ("Lot", "EUR") and row.cells == ("A", "100")
    assert row.section == ("Tender", "Prices") and row.row_text() == "Lot: A; EUR: 100"
    assert find(doc, "Size | 7B").header == ()  # a row header is no table header
    assert doc.title == "Tender"


def test_html_plain_is_the_page_as_lines() -> None:
    page = "<h2>Inputs</h2><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr>"
    page += "</table><dl><dt>k</dt><dd>v</dd></dl><pre>  x\n</pre>"
    assert html_plain(page).splitlines() == ["## Inputs", "a | b", "1 | 2", "k: v", "```", "  x",
                                             "```"]  # fmt: skip
    assert html_text(page) == html_plain(page)


def test_html_head_is_closed_before_the_body_when_its_end_tag_is_left_out() -> None:
    assert html_plain("<html><head><title>x</title><body><p>Shown</p>") == "Shown"


@pytest.mark.parametrize(
    "markup",
    ["<" * (1 << 20), "<a" * (1 << 19), "<a b='" * (1 << 17), "<div>" * (1 << 17),
     "<!--" * (1 << 18), "<script>" * (1 << 17), "<ul><li>" * (1 << 16), "</" * (1 << 19)],
    ids=["lt", "open-tag", "open-quote", "nested", "comment", "script", "nested-list", "end"],
)  # fmt: skip
def test_html_is_bounded_on_hostile_input(markup: str) -> None:
    start = time.perf_counter()
    html_document(markup)
    assert time.perf_counter() - start < 10


def test_html_text_left_unclosed_is_text() -> None:
    assert html_plain("<p>a < b</p><p>then x<y") == "a < b\nthen x<y"


# --- extracted PDF and office text -------------------------------------------------------

EXTRACTED_CASES = [
    (  # a PDF tender: wrapped lines joined, pages apart
        "The council invites bids for road\nrepair in the north-\nern district.\n\nPage two text.",
        [(P, "The council invites bids for road repair in the northern district.", 1, 3),
         (P, "Page two text.", 5, 5)],
    ),
    (  # a DOCX model card: headings and one paragraph a line
        "# Model card\n## Training\nTrained on 2T tokens.\nEvaluated on MMLU.",
        [(H, "Model card", 1, 1), (H, "Training", 2, 2), (P, "Trained on 2T tokens.", 3, 3),
         (P, "Evaluated on MMLU.", 4, 4)],
    ),
    (  # an XLSX of warehouse bins
        "# Bins\nBin | Capacity\nA1 | 40\nA2 | 35",
        [(H, "Bins", 1, 1), (R, "A1 | 40", 3, 3), (R, "A2 | 35", 4, 4)],
    ),
    (  # a PPTX deck for a game server
        "# Slide 1\nPlayers\n- 64 per match\n- 20 Hz tick",
        [(H, "Slide 1", 1, 1), (P, "Players", 2, 2), (LI, "64 per match", 3, 3),
         (LI, "20 Hz tick", 4, 4)],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), EXTRACTED_CASES)
def test_extracted_blocks(text: str, expected: list[tuple[BlockKind, str, int, int]]) -> None:
    assert shape(extracted_document(text)) == expected


def test_extracted_rows_keep_the_first_row_as_header() -> None:
    doc = extracted_document("# Clinic\n## Rooms\nRoom | Beds\n101 | 2\n\nLone | row")
    assert find(doc, "101 | 2").header == ("Room", "Beds")
    assert find(doc, "101 | 2").section == ("Clinic", "Rooms")
    assert find(doc, "Lone | row").header == ()


# --- reStructuredText --------------------------------------------------------------------

RST_CASES = [
    (  # a language-change proposal's header
        "PEP: 9999\nTitle: Typed configs\nStatus: Final\n  (accepted)\n\nBody text.",
        [(F, "PEP: 9999", 1, 1), (F, "Title: Typed configs", 2, 2),
         (F, "Status: Final (accepted)", 3, 4), (P, "Body text.", 6, 6)],
    ),
    (  # a municipal tender: overlined title first, underlined one below it
        "=======\nTender\n=======\n\n:Status: Draft\n\nLots\n----\n\n* Road\n* Light\n  bulbs",
        [(H, "Tender", 1, 3), (F, "Status: Draft", 5, 5), (H, "Lots", 7, 8), (LI, "Road", 10, 10),
         (LI, "Light bulbs", 11, 12)],
    ),
    (  # a warehouse API's literal blocks
        "Call it::\n\n    GET /stock\n\n.. code-block:: json\n   :caption: x\n\n   {\"sku\": 1}\n",
        [(P, "Call it:", 1, 1), (C, "GET /stock", 3, 3), (C, '{"sku": 1}', 8, 8)],
    ),
    (  # a beekeeper's notes: a transition, a field running on, a note directive's body
        "=========\nBeehives\n=========\n\nEach hive has a scale.\n\n----------\n\n"
        ":Sensor: HX711 load cell,\n   read every hour\n\n.. note::\n\n   Weigh at dawn.\n",
        [(H, "Beehives", 1, 3), (P, "Each hive has a scale.", 5, 5),
         (F, "Sensor: HX711 load cell, read every hour", 9, 10), (Q, "Weigh at dawn.", 14, 14)],
    ),
    (  # a clinic's notes: comments skipped, a quote kept
        ".. a comment\n   more\n\n#. Book online\n\n    Said the nurse.\n",
        [(LI, "Book online", 4, 4), (Q, "Said the nurse.", 6, 6)],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("source", "expected"), RST_CASES)
def test_rst_blocks(source: str, expected: list[tuple[BlockKind, str, int, int]]) -> None:
    assert shape(rst_document(source)) == expected


def test_rst_levels_follow_the_order_styles_appear_in() -> None:
    doc = rst_document("Model\n=====\n\nData\n----\n\nSize\n~~~~\n\nEval\n----\n")
    assert [(b.text, b.level, b.section) for b in doc] == [
        ("Model", 1, ()), ("Data", 2, ("Model",)), ("Size", 3, ("Model", "Data")),
        ("Eval", 2, ("Model",)),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "table",
    ["+------+-----+\n| Tier | RAM |\n+======+=====+\n| low  | 8   |\n|      | GB  |\n"
     "+------+-----+\n",
     "====  ===\nTier  RAM\n====  ===\nlow   8\n      GB\n====  ===\n"],
    ids=["grid", "simple"],
)  # fmt: skip
def test_rst_tables_keep_their_header(table: str) -> None:
    _, row = rst_document("Game server\n===========\n\n" + table)
    assert (row.cells, row.header, row.first, row.section) == (
        ("low", "8 GB"), ("Tier", "RAM"), 7, ("Game server",)
    )  # fmt: skip


# --- notebooks ---------------------------------------------------------------------------


def notebook(cells: list[tuple[str, list[str]]], indent: int | None = 1) -> str:
    """A notebook as nbformat writes it (indent 1), or on one line (indent None)."""
    meta = {"kernelspec": {"language": "python"}, "language_info": {"name": "python"}}
    body = [{"cell_type": kind, "metadata": {}, "source": lines} for kind, lines in cells]
    return json.dumps({"cells": body, "metadata": meta, "nbformat": 4}, indent=indent)


NOTEBOOK_CELLS = [
    ("markdown", ["# Demand forecast\n", "\n", "Predicts stock per warehouse.\n", "- daily"]),
    ("code", ["import pandas as pd\n", "df = pd.read_csv('bins.csv')"]),
    ("markdown", ["## Targets\n", "| metric | goal |\n", "|---|---|\n", "| MAPE | 8% |"]),
]


def test_notebook_blocks_carry_lines_of_the_json_file() -> None:
    source = notebook(NOTEBOOK_CELLS)
    raw = source.splitlines()
    doc = notebook_document(source)
    assert [(b.kind, b.text) for b in doc][:4] == [
        (H, "Demand forecast"), (P, "Predicts stock per warehouse."), (LI, "daily"),
        (C, "import pandas as pd\ndf = pd.read_csv('bins.csv')"),
    ]  # fmt: skip
    for block in doc:
        assert block.text.split()[0].strip("#|") in raw[block.first - 1]
    code = find(doc, "import pandas as pd\ndf = pd.read_csv('bins.csv')")
    assert (code.lang, code.last - code.first) == ("python", 1)
    row = next(b for b in doc if b.kind is R)
    assert (row.header, row.section) == (("metric", "goal"), ("Demand forecast", "Targets"))


def test_notebook_on_one_line_puts_every_block_on_it() -> None:
    doc = notebook_document(notebook(NOTEBOOK_CELLS, indent=None))
    assert {(b.first, b.last) for b in doc} == {(1, 1)} and doc.title == "Demand forecast"


def test_notebook_written_by_hand_with_string_sources_and_a_kernel_language() -> None:
    """Cells whose source is one string, a stray non-cell, and the language only in kernelspec."""
    cells = [
        {"cell_type": "markdown", "source": "# Tide tables\n\nHigh water by harbour."},
        "not a cell",
        {"cell_type": "code", "source": "tides <- read.csv('tides.csv')"},
    ]
    meta = {"kernelspec": {"language": "R"}}
    doc = notebook_document(json.dumps({"cells": cells, "metadata": meta}, indent=1))
    assert [(b.kind, b.text) for b in doc] == [
        (H, "Tide tables"), (P, "High water by harbour."), (C, "tides <- read.csv('tides.csv')"),
    ]  # fmt: skip
    assert doc.title == "Tide tables" and find(doc, "tides <- read.csv('tides.csv')").lang == "R"


def test_notebook_without_language_metadata_has_code_in_no_language() -> None:
    cells = [{"cell_type": "code", "source": ["x = 1\n"]}]
    doc = notebook_document(json.dumps({"cells": cells, "metadata": {"kernelspec": "?"}}))
    assert [(b.kind, b.lang) for b in doc] == [(C, "")]


@pytest.mark.parametrize("source", ["{", "[]", '{"cells": 3}'])
def test_a_file_that_is_no_notebook_is_a_problem(source: str) -> None:
    assert notebook_document(source).problems == ("not a valid notebook",)


# --- e-mail ------------------------------------------------------------------------------

MAIL = (
    "From: Ana Silva <ana@clinic.example>\nTo: dev@example.com\nSubject: Booking\n for the clinic\n"
    'MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b1"\n\n--b1\n'
    "Content-Type: text/plain; charset=utf-8\n\nWe need online booking\nfor 3 doctors.\n\n"
    "- SMS reminders\n\n> Can you send the specs?\n> Thanks\n\n-- \nAna, front desk\n"
    "--b1\nContent-Type: text/html\n\n<p>Other</p>\n--b1--\n"
)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_mail_blocks(newline: str) -> None:
    doc = mail_document(MAIL.replace("\n", newline).encode())
    assert shape(doc) == [
        (F, "From: Ana Silva <ana@clinic.example>", 1, 1), (F, "To: dev@example.com", 2, 2),
        (F, "Subject: Booking for the clinic", 3, 4),
        (P, "We need online booking for 3 doctors.", 11, 12), (LI, "SMS reminders", 14, 14),
        (Q, "Can you send the specs? Thanks", 16, 17),
    ]  # fmt: skip
    assert doc.title == "" and find(doc, "To: dev@example.com").cells[1] == "dev@example.com"


def test_mail_with_only_html_reads_it_as_html() -> None:
    data = b"From: a@b.example\nSubject: Tender\nContent-Type: text/html\n\n"
    data += b"<h1>Lots</h1>\n<p>Roads</p>"
    assert shape(mail_document(data))[2:] == [(H, "Lots", 5, 5), (P, "Roads", 6, 6)]


def test_mail_nested_too_deep_is_refused_with_a_problem() -> None:
    parts = "".join(
        f"--b{n}\nContent-Type: multipart/mixed; boundary=b{n + 1}\n\n" for n in range(3000)
    )
    data = f"Subject: deep\nContent-Type: multipart/mixed; boundary=b0\n\n{parts}".encode()
    doc = mail_document(data)
    assert "deeper than 50" in doc.problems[0] and shape(doc) == [(F, "Subject: deep", 1, 1)]


def test_mail_in_quoted_printable_spans_its_encoded_lines() -> None:
    data = (
        b"From: warden@hostel.example\nSubject: Room sensors\nMIME-Version: 1.0\n"
        b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        b"Each room reports its temperature every five minutes, and the caf=C3=A9 te=\n"
        b"lls us when the heating fails."
    )
    assert shape(mail_document(data))[2:] == [
        (P, "Each room reports its temperature every five minutes, and the café tells us "
         "when the heating fails.", 7, 8),
    ]  # fmt: skip


def test_mail_with_only_an_attachment_has_no_body_blocks() -> None:
    data = (
        b'Subject: Floor plan\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="x"\n\n'
        b"--x\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=plan.pdf\n"
        b"Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--x--\n"
    )
    assert shape(mail_document(data)) == [(F, "Subject: Floor plan", 1, 1)]
