"""Structure the classifier reads wherever it stands in the text it is given."""

from __future__ import annotations

from askspec.classify import classify
from askspec.classify.features import HEAD_CHARS
from askspec.models import Kind


def test_paired_examples_are_found_past_a_long_table_of_contents() -> None:
    contents = "".join(f"- [Rule number {n}](#rule-{n})\n" for n in range(400))
    pair = (
        "<table>\n<thead><tr><th>Bad</th><th>Good</th></tr></thead>\n<tbody><tr><td>\n\n"
        "```sql\nSELECT * FROM orders;\n```\n\n</td><td>\n\n"
        "```sql\nSELECT id, total FROM orders;\n```\n\n</td></tr></tbody></table>\n\n"
    )
    text = "# SQL style guide\n\n" + contents + "\n## Name the columns\n\n" + pair * 3
    assert len(contents) > HEAD_CHARS
    verdict = classify("sql-style.md", text, "markdown")
    assert verdict.kind is Kind.SPEC, verdict
    assert "3 pairs of good and bad examples" in verdict.evidence[0], verdict
