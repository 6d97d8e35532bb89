"""Answers read back from every deliverable: render, fill in, check, compare."""

from __future__ import annotations

import json
import re
import time
from dataclasses import replace
from datetime import date
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from askspec.answers.assessment import answer_is_vague, assess
from askspec.answers.check import (
    check_answers,
    read_answers,
    read_document,
    with_answers,
)
from askspec.answers.mail import read_reply
from askspec.answers.markdown import read_markdown
from askspec.answers.markdown_outline import spans
from askspec.answers.reading import Answer, Reading
from askspec.errors import AnswersError
from askspec.generate import Options, build_request, render_outputs
from askspec.models import Area, Fact, Status
from askspec.request.answer_format import (
    PLACEHOLDER,
    find_marker,
    is_open,
    make_marker,
    normalize,
    without_placeholders,
)
from askspec.request.issue_form import issue_form_data
from askspec.request.model import Request
from askspec.request.render import make_env, render_template
from askspec.request.template_context import context
from askspec.scan import scan
from conftest import fill_request

FIXTURES = Path(__file__).parent / "fixtures" / "answers"
EXAMPLE_SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"
ENV = make_env()
EXAMPLE = build_request(scan(EXAMPLE_SEEDS), Options(date=date(2024, 3, 1)), EXAMPLE_SEEDS)
IDS = tuple(q.id for q in EXAMPLE.questions)
ANSWERS = {
    "IN-1": "CSV exports from the probe logger, one file per probe per day.",
    "OUT-2": "The lab manager gets an email; the dashboard polls the API.",
    "HW-1": "A Raspberry Pi in each lab.",
    "PERF-1": "p99 alert latency under 5 s after a reading arrives.",
    "PERF-2": "As many as we need.",
}


def render(request: Request, name: str = "request.md.j2") -> str:
    return render_template(ENV, name, context(request))


def issue_body(form: dict[str, Any], answers: dict[str, str]) -> str:
    """The body GitHub writes for an issue created from the form: ``### label`` then the value."""
    parts = []
    for field in form["body"]:
        if field["type"] == "markdown":
            continue
        attributes = field["attributes"]
        qid = attributes["label"].split()[0]
        value = answers.get(qid) or attributes.get("value") or "_No response_"
        parts.append(f"### {attributes['label']}\n\n{value}")
    return "\n\n".join(parts)


def reply_text(request_text: str, answers: dict[str, str]) -> str:
    """A reply quoting the request with ``>`` and answering under each **Answer:** line."""
    lines = ["Hi, answers below.", "", "On Fri, 1 Mar 2024, askspec wrote:"]
    current = None
    for line in request_text.replace("\r\n", "\n").split("\n"):
        if heading := re.match(r"(?:### )?([A-Z]{2,5}-[0-9]{1,3}) [-—] ", line):
            current = heading.group(1)
        lines.append(f"> {line}".rstrip())
        if line in {"**Answer:**", "Answer:"} and current in answers:
            lines += ["", answers[current], ""]
    return "\n".join([*lines, "", "Regards,", "Dana", "-- ", "Dana, lab manager", ""])


def as_message(text: str, cte: str) -> bytes:
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"], msg["To"], msg["Subject"] = "dana@example.org", "q@example.com", "Re: questions"
    msg.set_content(text, subtype="plain", charset="utf-8", cte=cte)
    msg.add_alternative("<p>see the text part</p>", subtype="html", charset="utf-8")
    return msg.as_bytes()


def expected(answers: dict[str, str]) -> dict[str, str]:
    return {q: answers[q] for q in IDS if q in answers}


# -- measurable ---------------------------------------------------------------------------

VAGUE_CASES = [
    ("PERF-1", "p99 latency under 200 ms at 500 requests/s", False),
    ("PERF-1", "200ms", False),
    ("PERF-3", "under 300 EUR per month", False),
    ("PERF-3", "€300 a month", False),
    ("PERF-2", "99.9% of the time", False),
    ("PERF-2", "1 million orders per day", False),
    ("PERF-2", "1,000,000 rows/day", False),
    ("PERF-1", "fast", True),
    ("PERF-1", "as fast as possible", True),
    ("PERF-1", "p99 should be good", True),
    ("HW-1", "One 4-core VM with 8 GB RAM", False),
    ("HW-1", "Raspberry Pi 4", False),
    ("HW-2", "Python 3.11 on Debian 12", False),
    ("HW-1", "x86 servers", True),
    ("HW-1", "a small server", True),
    ("IN-1", "some files", False),
    ("PERF-1", "", False),
]


@pytest.mark.parametrize(("qid", "text", "vague"), VAGUE_CASES)
def test_answer_is_vague(qid: str, text: str, vague: bool) -> None:
    assert answer_is_vague(qid, text) is vague


LONG_RUNS = ["8" * 8000, "1" + " " * 8000 + "x", "1." * 4000, "1 - " * 2000, "RAM " + "9" * 8000]


@pytest.mark.parametrize("text", LONG_RUNS, ids=["digits", "spaces", "dots", "dashes", "ram"])
@pytest.mark.parametrize("qid", ["HW-1", "PERF-1"])
def test_long_runs_are_judged_in_linear_time(qid: str, text: str) -> None:
    started = time.monotonic()
    assert answer_is_vague(qid, text)
    assert time.monotonic() - started < 1


# -- marker and format --------------------------------------------------------------------


def test_marker_survives_a_mail_client_rewrapping_it() -> None:
    marker = make_marker("0123abcd", "0.1.0", ["IN-1", "IN-2", "PERF-1"])
    wrapped = str(marker).replace("IN-2,", "IN-2,\n ")
    assert find_marker(wrapped) == marker
    assert find_marker(marker.comment()) == marker


def test_marker_with_a_bad_id_is_refused() -> None:
    marker = find_marker("askspec:request id=<x> version=1")
    assert marker is not None and "malformed" in (marker.problem() or "")
    assert find_marker("no marker here") is None


MARKER_PROBLEMS = [
    ("questions", IDS[:2], "do not match its id"),
    ("questions", (*IDS, "IN-99"), "do not match its id"),
    ("questions", ("IN-1", "ZZ-1\n### OUT-1"), "not a question ID"),
    ("questions", ("in-1",), "not a question ID"),
    ("questions", ("IN-1", "IN-1"), "twice"),
    ("questions", (), "lists no questions"),
    ("seeds", "", "no seeds digest"),
    ("seeds", "0" * 16, "do not match its id"),
    ("id", "0" * 12, "do not match its id"),
    ("id", "\x1b]0;pwned\x07", "malformed"),
]


@pytest.mark.parametrize(("field", "value", "problem"), MARKER_PROBLEMS)
def test_a_marker_whose_id_does_not_match_its_contents_is_untrusted(
    field: str, value: object, problem: str
) -> None:
    marker = make_marker(EXAMPLE.id, EXAMPLE.version, IDS, seeds=EXAMPLE.seeds_digest)
    assert marker.problem() is None
    assert problem in (replace(marker, **{field: value}).problem() or "")


def test_request_id_follows_its_questions_and_seeds() -> None:
    fewer = replace(EXAMPLE, questions=EXAMPLE.questions[:2])
    assert fewer.id != EXAMPLE.id
    assert replace(EXAMPLE, seeds_digest="0" * 16).id != EXAMPLE.id
    assert EXAMPLE.to_json()["seeds_digest"] == EXAMPLE.seeds_digest


def test_every_deliverable_carries_the_marker() -> None:
    files = render_outputs(EXAMPLE, Options(date=date(2024, 3, 1)))
    mail = message_from_bytes(files["request.eml"], policy=policy.default)
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    expected_marker = make_marker(EXAMPLE.id, EXAMPLE.version, IDS, seeds=EXAMPLE.seeds_digest)
    for doc in (files["request.md"].decode(), files["CHECKLIST.md"].decode(), text):
        assert find_marker(doc) == expected_marker
    form = files[".github/ISSUE_TEMPLATE/spec-request.yml"].decode()
    assert f"id={EXAMPLE.id}" in form and "doc=issue" in form


def test_spans_find_each_question_in_linear_time() -> None:
    count = 20_000
    heads: list[tuple[int, int, str | None]] = [(4 * n, 4 * n + 1, "IN-1") for n in range(count)]
    labels = [(4 * n + 2, 4 * n + 3, "") for n in range(count)]
    started = time.monotonic()
    found = spans(heads, [h[0] for h in heads], labels, 4 * count)
    assert time.monotonic() - started < 1
    assert [(s.stop, s.label) for s in found[:2]] == [(4, 2), (8, 6)]
    assert found[-1].stop == 4 * count


def test_headings_with_ids_of_another_shape_are_not_questions() -> None:
    text = "### IN-1000 — x\n\n**Answer:** a\n\n### ABCDEF-1 — x\n\n### IN-1 — x\n\n**Answer:** b\n"
    reading = read_markdown("r.md", text)
    assert reading.asked == ("IN-1",)
    assert [(a.id, a.text) for a in reading.answers] == [("IN-1", "b")]


def test_top_posted_lines_with_ids_of_another_shape_do_not_answer() -> None:
    quoted = reply_text(render(EXAMPLE, "request.eml.j2"), {})
    reading = read_reply("reply.eml", "IN-01: no\nin-1: no\nIN-1 : yes\n\n" + quoted)
    assert {a.id: a.text for a in reading.answers} == {"IN-1": "yes"}


def test_with_answers_refuses_a_forged_id() -> None:
    forged = "ZZ-1\n\n### OUT-1 — forged"
    reading = Reading("answers.json", None, (), (Answer(forged, "x", "answers.json"),))
    with pytest.raises(AnswersError, match="not a question ID"):
        with_answers(EXAMPLE, reading)


# -- round trips --------------------------------------------------------------------------


def test_blank_request_is_all_open() -> None:
    result = assess(read_markdown("request.md", render(EXAMPLE)))
    assert result.questions == IDS
    assert result.open == IDS and not result.answered and not result.complete


def test_request_round_trip() -> None:
    filled = fill_request(render(EXAMPLE), ANSWERS)
    result = assess(read_markdown("request.md", filled))
    assert {a.id: a.text for a in result.answered} == expected(ANSWERS)
    assert result.open == tuple(q for q in IDS if q not in ANSWERS)
    assert result.vague == ("HW-1", "PERF-2")
    line = filled.split("\n").index(ANSWERS["IN-1"]) + 1
    assert result.answered[0].source == f"request.md:{line}"


def test_answer_on_the_label_line_and_without_blank_line() -> None:
    text = render(EXAMPLE).replace(
        f"**Answer:**\n\n{PLACEHOLDER}", "**Answer:** 200 ms p99\nat 50 req/s", 1
    )
    result = assess(read_markdown("request.md", text))
    assert {a.id: a.text for a in result.answered} == {IDS[0]: "200 ms p99\nat 50 req/s"}


def test_request_without_marker_falls_back_to_catalogue_ids() -> None:
    text = render(EXAMPLE)
    without = "\n".join(ln for ln in text.split("\n") if "askspec:request" not in ln)
    result = assess(read_markdown("request.md", fill_request(without, ANSWERS)))
    assert result.request is None
    assert result.questions == IDS
    assert {a.id: a.text for a in result.answered} == expected(ANSWERS)


def test_marker_names_questions_whose_heading_was_deleted() -> None:
    text = render(EXAMPLE).replace("### IN-2 — ", "### ", 1)
    result = assess(read_markdown("request.md", text))
    assert "IN-2" in result.open and result.questions == IDS


def test_checklist_round_trip_with_lower_and_upper_x() -> None:
    text = render(EXAMPLE, "checklist.md.j2")
    text = text.replace("- [ ] IN-1 ", "- [x] IN-1 ").replace("- [ ] HW-1 ", "- [X] HW-1 ")
    result = assess(read_markdown("CHECKLIST.md", text))
    assert [a.id for a in result.answered] == ["IN-1", "HW-1"]
    assert result.questions == IDS and len(result.open) == len(IDS) - 2
    assert result.vague == ()  # a tick carries no value to judge


def test_checklist_fixture_keeps_notes() -> None:
    result = check_answers([FIXTURES / "checklist-ticked.md"])
    assert {a.id: a.text for a in result.answered} == {
        "IN-1": "",
        "OUT-1": "agreed in the kick-off call",
    }
    assert result.open == ("IN-2", "HW-1") and result.request is None


def test_issue_body_round_trip() -> None:
    form = issue_form_data(EXAMPLE)
    result = assess(read_markdown("issue", issue_body(form, ANSWERS)))
    assert result.request is not None and result.request.doc == "issue"
    assert result.questions == IDS
    assert {a.id: a.text for a in result.answered} == expected(ANSWERS)


def test_issue_body_with_crlf_no_marker_and_emptied_marker_field() -> None:
    result = check_answers([FIXTURES / "issue-body-crlf.md"])
    assert result.questions == ("IN-1", "HW-1", "PERF-1", "PERF-2")
    assert {a.id: a.text for a in result.answered} == {
        "IN-1": "CSV exports from the probe logger, one file per probe and day",
        "HW-1": "something small",
        "PERF-2": "about 3 readings per second per probe",
    }
    assert result.open == ("PERF-1",) and result.vague == ("HW-1",)


@pytest.mark.parametrize("cte", ["quoted-printable", "base64", "8bit"])
def test_reply_email_round_trip(cte: str) -> None:
    files = render_outputs(EXAMPLE, Options(date=date(2024, 3, 1)))
    mail = message_from_bytes(files["request.eml"], policy=policy.default)
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    data = as_message(reply_text(text, ANSWERS), cte)
    (reading,) = read_document("reply.eml", data)
    result = assess(reading)
    assert result.request is not None and result.request.id == EXAMPLE.id
    assert {a.id: a.text for a in result.answered} == expected(ANSWERS)
    assert result.open == tuple(q for q in IDS if q not in ANSWERS)


def test_reply_fixture_from_a_mail_client() -> None:
    result = check_answers([FIXTURES / "reply-inline.eml"])
    assert result.request is not None and result.request.id == "7ca257aedc97"
    assert result.questions == ("IN-1", "IN-2", "PERF-1", "PERF-2")
    assert result.answered[0].text == (
        "Temperature readings from the probes as CSV, uploaded by the lab PC.\nÜnits are °C."
    )
    assert result.open == ("IN-2",) and result.vague == ("PERF-2",)
    assert "Dana" not in " ".join(a.text for a in result.answered)


def test_mbox_with_two_messages_later_wins() -> None:
    text = render(EXAMPLE)
    first = as_message(reply_text(text, {"IN-1": "first"}), "8bit")
    second = as_message(reply_text(text, {"IN-1": "second", "IN-2": "20 MB/day"}), "8bit")
    mbox = b"From a@b Fri Mar  1 00:00:00 2024\n" + first + b"\n"
    mbox += b"From a@b Fri Mar  1 00:00:01 2024\n" + second + b"\n"
    readings = read_document("inbox.mbox", mbox)
    assert [r.path for r in readings] == ["inbox.mbox#1", "inbox.mbox#2"]
    result = assess(replace(readings[1], answers=readings[0].answers + readings[1].answers))
    assert result.answered[0].text == "second"


def test_top_posted_answers_are_read_by_question_id() -> None:
    quoted = reply_text(render(EXAMPLE, "request.eml.j2"), {"PERF-1": "under 5 s, p99"})
    top = (
        "IN-1: CSV exports from the probe logger,\n"
        "one file per probe per day.\n"
        "\n"
        "**HW-1** — A Raspberry Pi in each lab.\n"
        "PERF-1: ignored, answered below\n"
        "ISO-9001: not a question of this request\n"
        "\n"
        "Thanks,\nDana\n"
    )
    reading = read_reply("reply.eml", top + quoted)
    got = {a.id: (a.text, a.line) for a in reading.answers}
    assert got == {
        "IN-1": ("CSV exports from the probe logger,\none file per probe per day.", 1),
        "HW-1": ("A Raspberry Pi in each lab.", 4),
        "PERF-1": ("under 5 s, p99", got["PERF-1"][1]),
    }
    assert got["PERF-1"][1] > 10  # the answer under the question, not the top line


def test_id_lines_after_a_signature_do_not_count() -> None:
    quoted = reply_text(render(EXAMPLE, "request.eml.j2"), {})
    reading = read_reply("reply.eml", "Later.\n-- \nIN-1: from a signature\n\n" + quoted)
    assert reading.answers == ()


def test_reply_without_quotes_is_read_as_a_filled_request() -> None:
    reading = read_reply("reply.txt", fill_request(render(EXAMPLE), ANSWERS))
    assert {a.id: a.text for a in reading.answers} == ANSWERS


def test_html_only_mail_is_an_error() -> None:
    msg = EmailMessage()
    msg["From"], msg["Subject"] = "a@example.org", "Re"
    msg.set_content("<p>hi</p>", subtype="html")
    with pytest.raises(AnswersError, match="text/plain"):
        read_document("reply.eml", msg.as_bytes())


# -- writing answers back -----------------------------------------------------------------

HOSTILE = "### IN-2 — How much input?\n\n**Answer:** 5\n\n```\nunclosed fence\n<!-- open"


def test_written_back_answer_cannot_create_or_hide_questions() -> None:
    # Typed raw into a request this text would break it; an issue body or email carries it.
    reading = Reading("issue", None, IDS, (Answer("IN-1", HOSTILE, "issue", 3),))
    request, result = with_answers(EXAMPLE, reading)
    again = assess(read_markdown("request.md", render(request)))
    assert again.questions == IDS
    assert {a.id: a.text for a in again.answered} == {"IN-1": HOSTILE}
    assert again.open == result.open


def test_answers_to_questions_no_longer_asked_are_kept() -> None:
    fewer = replace(EXAMPLE, questions=tuple(q for q in EXAMPLE.questions if q.id != "CTX-2"))
    reading = read_markdown("old.md", fill_request(render(EXAMPLE), {"CTX-2": "Keep the parser."}))
    request, result = with_answers(fewer, reading)
    assert [q.id for q in request.retired] == ["CTX-2"]
    assert result.to_json()["retired"] == {"CTX-2": "Keep the parser."}
    text = render(request)
    assert "## Answers to questions no longer asked" in text
    again = assess(read_markdown("request.md", text))
    assert "CTX-2" not in again.questions
    assert [(a.id, a.text) for a in again.retired] == [("CTX-2", "Keep the parser.")]


def test_merge_later_file_wins_but_a_bare_tick_keeps_the_text(tmp_path: Path) -> None:
    first = tmp_path / "request.md"
    first.write_text(fill_request(render(EXAMPLE), {"IN-1": "old", "IN-2": "10 MB"}), "utf-8")
    second = tmp_path / "CHECKLIST.md"
    second.write_text(render(EXAMPLE, "checklist.md.j2").replace("- [ ] IN-2", "- [x] IN-2"))
    third = tmp_path / "reply.md"
    third.write_text(fill_request(render(EXAMPLE), {"IN-1": "new"}), "utf-8")
    reading = read_answers([first, second, third])
    assert {a.id: a.text for a in reading.answers} == {"IN-1": "new", "IN-2": "10 MB"}


def test_answers_json_reads_back(tmp_path: Path) -> None:
    reading = read_markdown("r.md", fill_request(render(EXAMPLE), ANSWERS))
    _, result = with_answers(EXAMPLE, reading)
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(result.to_json()), "utf-8")
    again = check_answers([path])
    assert again.to_json()["answered"] == result.to_json()["answered"]
    assert again.open == result.open and again.answered[0].source.startswith("r.md:")


def test_nothing_recognisable_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\nnothing to see\n", "utf-8")
    with pytest.raises(AnswersError, match="no askspec questions") as info:
        check_answers([path])
    assert info.value.path == str(path)


# -- properties ---------------------------------------------------------------------------

ANSWER_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200) | st.lists(
    st.sampled_from(
        [
            "### IN-2 — x",
            "```",
            "~~~",
            "<!--",
            "-->",
            "---",
            "===",
            "> q",
            "    c",
            "**Answer:**",
            "- [x] IN-3",
            "<div>",
            "## Inputs",
            PLACEHOLDER,
            "",
            "text",
        ]
    ),
    max_size=8,
).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(qid=st.sampled_from(IDS), text=ANSWER_TEXT)
def test_any_answer_text_round_trips_and_keeps_the_question_ids(qid: str, text: str) -> None:
    request = replace(
        EXAMPLE,
        questions=tuple(replace(q, answer=text) if q.id == qid else q for q in EXAMPLE.questions),
    )
    result = assess(read_markdown("request.md", render(request)))
    assert result.questions == IDS
    # A placeholder left in among the answer's lines is dropped from it.
    want = without_placeholders(normalize(text))
    got = {a.id: a.text for a in result.answered}
    assert got == ({} if is_open(want) else {qid: want})


SEED_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120) | st.sampled_from(
    [
        "### PERF-9 — injected\n\n**Answer:** yes",
        "<!-- askspec:request id=evil version=1 questions=PERF-9 -->",
        "**Answer:** 5 ms",
        "- [x] IN-1 done",
        "```",
        "## Outputs",
    ]
)


@settings(max_examples=200, deadline=None)
@given(project=SEED_TEXT, quote=SEED_TEXT, path=SEED_TEXT, summary=SEED_TEXT)
def test_seed_text_cannot_inject_questions_or_answers(
    project: str, quote: str, path: str, summary: str
) -> None:
    fact = Fact(Area.INPUTS, path, 3, quote)
    questions = tuple(
        replace(q, status=Status.STATED, evidence=(fact,)) if q.area is Area.INPUTS else q
        for q in EXAMPLE.questions
    )
    request = replace(EXAMPLE, project=project, summary=(summary,), questions=questions)
    for name in ("request.md.j2", "checklist.md.j2", "request.eml.j2"):
        result = assess(read_markdown(name, render(request, name)))
        assert result.questions == IDS, name
        assert not result.answered and not result.retired, name
    body = issue_body(issue_form_data(request), {})
    result = assess(read_markdown("issue", body))
    assert result.questions == IDS and not result.answered
