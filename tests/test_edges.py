"""Edge cases of the readers, the answer parser and the address guard, one behaviour each."""

from __future__ import annotations

import pytest

from askspec.answers.markdown import read_markdown
from askspec.errors import MailError
from askspec.mail.message import parse_address
from askspec.read import encodings as read
from askspec.read.folder import _kind_of
from askspec.read.markup import notebook_text, rst_text


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("jürgen@example.org", "not a single valid address"),
        ('""@example.org', "needs an ASCII user part"),
        ('Ana <""@example.org>', "needs an ASCII user part"),
    ],
)
def test_user_parts_that_cannot_be_sent_are_refused(value: str, reason: str) -> None:
    with pytest.raises(MailError, match=reason):
        parse_address(value, "To")


class _Guess:
    def __init__(self, encoding: str) -> None:
        self.encoding = encoding


@pytest.mark.parametrize(
    ("guess", "expected"), [("ascii", "cp1252"), ("utf_8", "cp1252"), ("no-such-codec", "cp1252")]
)
def test_detection_guesses_are_checked(
    guess: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import charset_normalizer

    class Matches:
        def best(self) -> _Guess:
            return _Guess(guess)

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: Matches())
    data = "Prix : 40 \u20ac, d\u00e9j\u00e0 pay\u00e9 ; merci beaucoup. ".encode("cp1252") * 3
    text, encoding = read.detect(data)
    assert encoding == expected
    assert "merci" in text


def test_mode_that_is_no_known_file_type() -> None:
    assert _kind_of(0) == "not a regular file"


def test_rst_literal_block_at_the_end_is_closed() -> None:
    out = rst_text("Title\n=====\n\nExample::\n\n    run --fast\n")
    assert out.rstrip().endswith("```")
    assert out.count("```") == 2


@pytest.mark.parametrize("raw", ['{"cells": 3}', "[1, 2]", '{"nbformat": 4}'])
def test_json_without_cells_is_not_a_notebook(raw: str) -> None:
    with pytest.raises(ValueError):
        notebook_text(raw)


def test_notebook_skips_cells_that_are_not_objects() -> None:
    text, fmt = notebook_text('{"cells": [1, {"cell_type": "code", "source": ["x = 1"]}]}')
    assert "x = 1" in text and fmt == "notebook-code"


def test_answer_parser_edges() -> None:
    text = "\n".join(
        [
            "### IN-1 — What enters?",
            "",
            "**Note:** not an answer line",
            "",
            "### IN-2 — How much?",
            "",
            "**Answer:** 20,000 rows a day",
            "",
            "### IN-2 — How much, again?",
            "",
            "**Answer:** peaks of 5 uploads a minute",
            "",
            "- [x] no question here",
            "",
        ]
    )
    reading = read_markdown("filled.md", text)
    answers = {a.id: a.text for a in reading.answers}
    assert "IN-1" not in answers
    # A question shown twice keeps both answers; a list item without an ID stays answer text.
    assert answers["IN-2"] == (
        "20,000 rows a day\n\npeaks of 5 uploads a minute\n\n- [x] no question here"
    )
    assert reading.asked[:2] == ("IN-1", "IN-2")
