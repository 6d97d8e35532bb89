"""Markdown and plain text read as blocks: kinds, heading paths, table headers, lines."""

from __future__ import annotations

import pytest

from askspec.read.blocks import Block, BlockKind, Outline
from askspec.read.markdown_blocks import markdown_document
from askspec.read.plain_blocks import plain_document

H, P, IT, Q, R, C, F = (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.ITEM, BlockKind.QUOTE,
                       BlockKind.ROW, BlockKind.CODE, BlockKind.FIELD)  # fmt: skip


def shape(blocks: list[Block]) -> list[tuple[str, str, int, int, str]]:
    return [(b.kind.value, b.text, b.first, b.last, b.path) for b in blocks]


MODEL_CARD = """\
---
title: Tiny speech model
license: MIT
---
# Tiny speech model

A small model that turns speech into text.

## Hardware

| Size | Parameters | Required VRAM | Relative speed |
|------|-----------:|---------------|----------------|
| tiny | 39 M | ~1 GB | ~32x |
| base | 74 M | ~1 GB | ~16x |

## Usage

- Install it with pip
- Run `transcribe audio.flac`

> Accuracy drops on noisy audio.

```bash
transcribe --model base audio.flac
```
"""


def test_markdown_model_card() -> None:
    doc = markdown_document(MODEL_CARD)
    assert doc.title == "Tiny speech model"
    assert shape(list(doc)) == [
        ("field", "title: Tiny speech model", 2, 2, ""),
        ("field", "license: MIT", 3, 3, ""),
        ("heading", "Tiny speech model", 5, 5, ""),
        ("paragraph", "A small model that turns speech into text.", 7, 7, "Tiny speech model"),
        ("heading", "Hardware", 9, 9, "Tiny speech model"),
        ("row", "tiny | 39 M | ~1 GB | ~32x", 13, 13, "Tiny speech model > Hardware"),
        ("row", "base | 74 M | ~1 GB | ~16x", 14, 14, "Tiny speech model > Hardware"),
        ("heading", "Usage", 16, 16, "Tiny speech model"),
        ("item", "Install it with pip", 18, 18, "Tiny speech model > Usage"),
        ("item", "Run `transcribe audio.flac`", 19, 19, "Tiny speech model > Usage"),
        ("quote", "Accuracy drops on noisy audio.", 21, 21, "Tiny speech model > Usage"),
        ("code", "transcribe --model base audio.flac", 23, 25, "Tiny speech model > Usage"),
    ]
    row = next(b for b in doc if b.kind is R)
    assert row.header == ("Size", "Parameters", "Required VRAM", "Relative speed")
    assert (
        row.row_text() == "Size: tiny; Parameters: 39 M; Required VRAM: ~1 GB; Relative speed: ~32x"
    )


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("# Tender\n\n## Scope\n\nThe contractor builds the portal.\n", [H, H, P]),
        ("1. Book a slot\n2. Get a reminder\n", [IT, IT]),
        ("<p align='center'><b>Parcel API</b></p>\n", [P]),
        ("Plain words only.", [P]),
        ("", []),
    ],
    ids=["tender", "ordered-list", "html-block", "one-paragraph", "empty"],
)
def test_markdown_kinds(text: str, kinds: list[BlockKind]) -> None:
    assert [b.kind for b in markdown_document(text)] == kinds


def test_markdown_headings_nest_and_unnest() -> None:
    doc = markdown_document("# A\n## B\n### C\ntext\n## D\nmore\n")
    assert [(b.text, b.path) for b in doc if b.kind is P] == [
        ("text", "A > B > C"),
        ("more", "A > D"),
    ]


PLAIN_SPEC = """\
Title: Cold chain gateway
Status: Draft

GATEWAY REQUIREMENTS

1. Inputs

Readings arrive over MQTT from each
freezer, once a minute.

2.1 Limits

- at most 500 sensors
- alert within 60 s

Board       RAM     Storage
Pi 4        4 GB    32 GB
Pi 5        8 GB    64 GB

Outputs
-------
A daily PDF report.
"""


def test_plain_text_spec() -> None:
    doc = plain_document(PLAIN_SPEC)
    assert doc.title == "Cold chain gateway"
    assert shape(list(doc)) == [
        ("field", "Title: Cold chain gateway", 1, 1, ""),
        ("field", "Status: Draft", 2, 2, ""),
        ("heading", "GATEWAY REQUIREMENTS", 4, 4, ""),
        ("heading", "1. Inputs", 6, 6, ""),
        (
            "paragraph",
            "Readings arrive over MQTT from each freezer, once a minute.",
            8,
            9,
            "1. Inputs",
        ),
        ("heading", "2.1 Limits", 11, 11, "1. Inputs"),
        ("item", "at most 500 sensors", 13, 13, "1. Inputs > 2.1 Limits"),
        ("item", "alert within 60 s", 14, 14, "1. Inputs > 2.1 Limits"),
        ("row", "Pi 4 | 4 GB | 32 GB", 17, 17, "1. Inputs > 2.1 Limits"),
        ("row", "Pi 5 | 8 GB | 64 GB", 18, 18, "1. Inputs > 2.1 Limits"),
        ("heading", "Outputs", 20, 21, "1. Inputs"),
        ("paragraph", "A daily PDF report.", 22, 22, "1. Inputs > Outputs"),
    ]
    rows = [b for b in plain_document(PLAIN_SPEC) if b.kind is R]
    assert rows[0].header == ("Board", "RAM", "Storage")


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("| Item | Price |\n|---|---|\n| Hosting | 40 |\n| Support | 90 |\n", [R, R]),
        ("Dear Ana,\n\nThanks for the call. We will send the quote on Monday.\n", [P, P]),
        ("The sentence ends here.\n", [P]),
        ("Note: this is not a header\nbecause it wraps on.\n", [P]),
    ],
    ids=["piped-table", "letter", "sentence", "colon-in-prose"],
)
def test_plain_kinds(text: str, kinds: list[BlockKind]) -> None:
    assert [b.kind for b in plain_document(text)] == kinds


def test_outline_keeps_parents_only() -> None:
    outline = Outline()
    assert outline.enter(1, "A") == ()
    assert outline.enter(2, "B") == ("A",)
    assert outline.enter(2, "C") == ("A",)
    assert outline.path == ("A", "C")
    assert outline.enter(1, "D") == ()


def test_field_block_keeps_key_and_value() -> None:
    field = next(iter(markdown_document("---\nstatus: accepted\n---\n# ADR\n")))
    assert (field.kind, field.cells) == (F, ("status", "accepted"))
    assert [b.kind for b in markdown_document("```\nx\n```\n")] == [C]
    assert [b.kind for b in markdown_document("> one\n>\n> two\n")] == [Q, Q]


def test_markdown_images_comments_html_and_empty_front_matter_fields() -> None:
    text = (
        "---\ntitle: Orchard sensors\nowner:\n---\n\n"
        "# Orchard sensors\n\n"
        "<!-- draft: do not send yet -->\n\n"
        "![frost map](frost.png) shows where the sensors go.\n\n"
        "[Wiring](wiring.md) ![diagram](wiring.png)\n\n"
        '<div class="note">Sensors report <b>every 10 minutes</b></div>\n'
    )
    blocks = [(b.kind, b.text, b.first) for b in markdown_document(text)]
    assert blocks == [
        (BlockKind.FIELD, "title: Orchard sensors", 2),
        (BlockKind.HEADING, "Orchard sensors", 6),
        (BlockKind.PARAGRAPH, "frost map shows where the sensors go.", 10),
        (BlockKind.PARAGRAPH, "Wiring diagram", 12),
        (BlockKind.PARAGRAPH, "Sensors report every 10 minutes", 14),
    ]


def test_inline_html_tags_leave_no_gaps_but_line_breaks_part_words() -> None:
    from askspec.read.markdown_blocks import markdown_document

    (block,) = markdown_document("The <b>kiosk</b>. It prints <i>receipts</i><br>nightly.\n")
    assert block.text == "The kiosk. It prints receipts nightly."


def test_a_field_with_no_value_is_never_quoted() -> None:
    from askspec.extract.relevance import relevance, skipped
    from askspec.read.rst_blocks import rst_document

    blocks = {b.text: b for b in rst_document(":Hardware:\n:Memory: 4 GB of RAM\n")}
    assert set(blocks) == {"Hardware:", "Memory: 4 GB of RAM"}
    assert skipped(blocks["Hardware:"])
    assert [r.area.value for r in relevance(blocks["Memory: 4 GB of RAM"])] == ["hardware"]


LABELLED = [
    ("**Input** Leaf photos taken in the field.\n", "Input"),
    ("- **Latency:** under 80 ms at the 99th percentile\n", "Latency"),
    ("**Eingabe** Messwerte der Pegel.\n", "Eingabe"),
    ("**输入**：货车的称重记录\n", "输入"),
    ("Inputs: a spreadsheet of orders.\n", ""),  # plain "Word:" is as often a reply
    ("**Alone in bold**\n", ""),
    ("**A whole sentence set in bold for emphasis here** and more.\n", ""),
    ("The **input** is mid-sentence.\n", ""),
    ("**[Docs](docs.md)** for more.\n", ""),
]


@pytest.mark.parametrize(("text", "label"), LABELLED)
def test_bold_words_opening_a_paragraph_are_its_label(text: str, label: str) -> None:
    (block,) = markdown_document(text)
    assert block.label == label


@pytest.mark.parametrize(("text", "label"), LABELLED[:3])
def test_html_reads_the_same_labels_as_markdown(text: str, label: str) -> None:
    from askspec.read.html_blocks import html_document
    from askspec.read.markdown_blocks import parser

    (block,) = html_document(parser().render(text))
    assert block.label == label


def test_a_label_names_the_area_of_its_paragraph_and_titles_the_quote() -> None:
    from askspec.extract.relevance import quote_of, relevance, skipped

    doc = markdown_document(
        "# Leaf disease model\n\n**Input** Models take leaf photos only.\n\n"
        "**Licence** The weights are free to use for research on photos.\n"
    )
    photo, licence = doc.blocks[1:]
    assert [r.area.value for r in relevance(photo)] == ["inputs"]
    assert "heading" in next(relevance(photo)).signals
    assert quote_of(photo, next(relevance(photo)).area) == "Input: Models take leaf photos only."
    assert skipped(licence)  # a label that names a skipped section skips its paragraph


def test_a_paragraph_that_is_only_a_label_titles_the_list_or_table_after_it() -> None:
    from askspec.extract.relevance import relevance, skipped

    doc = markdown_document(
        "# Tide gauge RPC\n\nRequest parameters:\n\n"
        "| Key | Type |\n|--|--|\n| `station` | string |\n\n"
        "Response parameters:\n\n- a `readings` array\n\n"
        "Response parameters: none\n\n"
        "If the gauge is offline, read the cached file:\n\n- `cache.json`\n\n"
        "## Errors\n\n- `busy`\n"
    )
    labels = {b.text: b.label for b in doc.blocks}
    assert labels["`station` | string"] == "Request parameters"
    assert labels["a `readings` array"] == "Response parameters"
    assert labels["`cache.json`"] == ""  # a sentence ending in a colon is no label
    assert labels["`busy`"] == ""  # a heading ends a label's reach
    assert skipped(next(b for b in doc.blocks if b.text == "Request parameters:"))
    row = next(b for b in doc.blocks if b.kind is BlockKind.ROW)
    assert [r.area.value for r in relevance(row)] == ["inputs"]


def test_an_html_block_that_is_one_heading_element_is_a_heading() -> None:
    doc = markdown_document(
        "# Field notes FAQ\n\n"
        '<h3 name="ports">\nWhich <code>serial</code> ports does the logger read?\n</h3>\n\n'
        "It reads /dev/ttyUSB0 at 9600 baud.\n\n"
        '<h2 align="center"><img src="logo.png"></h2>\n\n'
        "<p>Not a heading.</p>\n"
    )
    question = "Which serial ports does the logger read?"
    assert [(b.kind, b.text, b.level) for b in doc.blocks[1:3]] == [
        (H, question, 3), (P, "It reads /dev/ttyUSB0 at 9600 baud.", 0)
    ]  # fmt: skip
    assert doc.blocks[2].section == ("Field notes FAQ", question)
    assert [b.kind for b in doc.blocks[3:]] == [P]  # an image heading holds no title


def test_a_document_titled_like_a_skipped_section_is_still_read() -> None:
    from askspec.extract.relevance import relevance

    faq = markdown_document("# FAQ\n\n## Memory\n\nThe importer needs 16 GB of RAM.\n")
    notes = markdown_document("# Bridge sensors\n\n## FAQ\n\nThe importer needs 16 GB of RAM.\n")
    assert [r.area.value for r in relevance(faq.blocks[-1], faq.title)][:1] == ["hardware"]
    assert list(relevance(notes.blocks[-1], notes.title)) == []


@pytest.mark.parametrize(
    "text",
    ["- Exporting a season of river readings is now 3 times faster.\n",
     "- `Ledger.load` が従来と比較して 1.5 倍程度高速になりました。\n"],
)  # fmt: skip
def test_a_speed_told_as_a_ratio_is_about_performance(text: str) -> None:
    from askspec.extract.relevance import relevance

    (block,) = markdown_document(text)
    assert "performance" in [r.area.value for r in relevance(block)]


@pytest.mark.parametrize(
    ("title", "areas"),
    [("请求格式与响应格式", ["inputs", "outputs"]), ("输入数据说明", ["inputs"]),
     ("出力形式", ["outputs"]), ("返回首页", [])],
)  # fmt: skip
def test_a_chinese_or_japanese_title_word_may_run_on_into_what_it_is_about(
    title: str, areas: list[str]
) -> None:
    from askspec.extract.relevance import titled_area
    from askspec.models import Area

    four = (Area.INPUTS, Area.OUTPUTS, Area.HARDWARE, Area.PERFORMANCE)
    assert [a.value for a in four if titled_area(title, a)] == areas


def test_performance_in_a_contracts_sense_is_not_the_systems_speed() -> None:
    from askspec.extract.relevance import relevance

    doc = markdown_document(
        "# Statement of work\n\n## Period of Performance\n\n"
        "The period of performance is twelve months from award.\n\n"
        "## Quality\n\nThe vendor's performance must stay within the agreed budget.\n\n"
        "## Speed\n\nThe search page must answer within 2 seconds.\n"
    )
    areas = [[r.area.value for r in relevance(b, doc.title)] for b in doc.blocks]
    assert "performance" not in areas[2] + areas[4]
    assert areas[6][:1] == ["performance"]


def test_an_example_is_quoted_only_where_its_section_names_the_area() -> None:
    from askspec.extract.relevance import quote_of, relevance

    doc = markdown_document(
        "# Sensor gateway\n\n## Design\n\n"
        "For example, the gateway must answer quickly when the dashboard polls it.\n\n"
        "For example, a poll from the dashboard must be answered quickly. Every poll "
        "must be answered within 200 ms.\n\n"
        "## Performance\n\nFor example, a batch of 500 readings takes 2 s at most.\n"
    )
    design_example, paragraph, heading_example = doc.blocks[2], doc.blocks[3], doc.blocks[5]
    assert list(relevance(design_example, doc.title)) == []
    assert [r.area.value for r in relevance(heading_example, doc.title)][:1] == ["performance"]
    quote = quote_of(paragraph, next(relevance(paragraph, doc.title)).area)
    assert quote == "Every poll must be answered within 200 ms."


@pytest.mark.parametrize(
    ("text", "stated"),
    [("量化后仅需6GB显存即可运行。\n", True), ("The importer needs 16 GB of RAM.\n", True),
     ("包含非可变类型的静态项可以放在只读内存中。\n", False),
     ("page size 过大导致内存溢出\n", False)],
)  # fmt: skip
def test_memory_is_stated_by_a_size_not_by_the_word(text: str, stated: bool) -> None:
    from askspec.extract.relevance import measurable
    from askspec.models import Area

    assert measurable(Area.HARDWARE, text) is stated


def test_a_pull_request_is_no_input_of_the_system() -> None:
    from askspec.extract.relevance import relevance

    doc = markdown_document(
        "# Tide tables\n\n## Process\n\n"
        "Reviewers accept the change by merging the pull request.\n\n"
        "The service accepts upload requests with one CSV file each.\n"
    )
    assert list(relevance(doc.blocks[2], doc.title)) == []
    assert [r.area.value for r in relevance(doc.blocks[3], doc.title)][:1] == ["inputs"]
