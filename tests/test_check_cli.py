"""``askspec check`` and ``generate --answers`` from the command line."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from askspec.cli import app
from conftest import fill_request

EXAMPLE_SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"
FIXTURES = Path(__file__).parent / "fixtures" / "answers"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def out(tmp_path: Path, runner: CliRunner) -> Path:
    """A generated request for the example seeds."""
    target = tmp_path / "out"
    r = runner.invoke(
        app, ["generate", str(EXAMPLE_SEEDS), "-o", str(target), "--date", "2024-03-01"]
    )
    assert r.exit_code == 0, r.output
    return target


def required_ids(out: Path) -> list[str]:
    data = json.loads((out / "request.json").read_text("utf-8"))
    return [q["id"] for q in data["questions"] if q["required"]]


def test_blank_request_is_open_exit_3(runner: CliRunner, out: Path) -> None:
    r = runner.invoke(app, ["check", str(out / "request.md")])
    assert r.exit_code == 3, r.output
    assert "open (required): CTX-1," in r.stdout
    assert r.stdout.rstrip().endswith("incomplete")
    assert r.stderr == ""


def test_complete_request_exit_0_json(runner: CliRunner, out: Path) -> None:
    answers = {qid: f"{qid}: 200 ms at 50 requests/s" for qid in required_ids(out)}
    path = out / "request.md"
    path.write_text(fill_request(path.read_text("utf-8"), answers), "utf-8")
    r = runner.invoke(app, ["check", str(path), "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["complete"] is True
    assert data["answered"] == answers
    assert data["open"] == ["USER-1", "ACC-1", "CON-1", "NG-1"]
    assert data["vague"] == []
    assert all(data["sources"][q].startswith(f"{path}:") for q in answers)


def test_vague_answers_are_named(runner: CliRunner, out: Path) -> None:
    path = out / "request.md"
    path.write_text(fill_request(path.read_text("utf-8"), {"PERF-1": "fast"}), "utf-8")
    r = runner.invoke(app, ["check", str(path)])
    assert r.exit_code == 3
    assert "vague (no number with a unit): PERF-1" in r.stdout


def test_stdin(runner: CliRunner, out: Path) -> None:
    text = fill_request((out / "request.md").read_text("utf-8"), {"IN-1": "CSV files"})
    r = runner.invoke(app, ["check", "-", "--json"], input=text)
    assert r.exit_code == 3, r.output
    assert json.loads(r.stdout)["answered"] == {"IN-1": "CSV files"}
    assert json.loads(r.stdout)["sources"] == {
        "IN-1": f"-:{text.split(chr(10)).index('CSV files') + 1}"
    }


def test_fixtures_together_later_file_wins(runner: CliRunner) -> None:
    files = [str(FIXTURES / n) for n in ("issue-body-crlf.md", "reply-inline.eml")]
    r = runner.invoke(app, ["check", *files, "--json"])
    assert r.exit_code == 3, r.output
    data = json.loads(r.stdout)
    assert data["request"] == {
        "id": "7ca257aedc97",
        "version": "0.1.0",
        "seeds": "0123456789abcdef",
        "questions": ["IN-1", "IN-2", "PERF-1", "PERF-2"],
    }
    assert data["answered"]["IN-1"].startswith("Temperature readings")
    assert data["open"] == ["IN-2"]


def test_missing_file_is_error_1(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.md"
    r = runner.invoke(app, ["check", str(missing)])
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.startswith(f"error: {missing}: cannot read")


def test_file_without_questions_is_error_1(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n", "utf-8")
    r = runner.invoke(app, ["check", str(path)])
    assert r.exit_code == 1
    assert r.stderr.strip() == f"error: {path}: no askspec questions found"


def test_check_needs_a_file(runner: CliRunner) -> None:
    r = runner.invoke(app, ["check"])
    assert r.exit_code == 2


def test_generate_with_answers_puts_them_back(runner: CliRunner, out: Path, tmp_path: Path) -> None:
    # Typed into request.md the heading would be one; carried in answers.json it is text.
    answer = "One VM, 4 cores, 8 GB\n### IN-2 — not a question\n```"
    filled = tmp_path / "answers.json"
    filled.write_text(json.dumps({"answered": {"HW-1": answer}, "open": []}), "utf-8")
    again = tmp_path / "round2"
    r = runner.invoke(
        app,
        [
            "generate",
            str(EXAMPLE_SEEDS),
            "-o",
            str(again),
            "--date",
            "2024-03-01",
            "--answers",
            str(filled),
        ],
    )
    assert r.exit_code == 0, r.output
    assert str(again / "answers.json") in r.stdout
    saved = json.loads((again / "answers.json").read_text("utf-8"))
    assert saved["answered"] == {"HW-1": answer}
    assert "HW-1" not in saved["open"] and "IN-2" in saved["open"]
    assert "> ### IN-2 — not a question" in (again / "request.md").read_text("utf-8")
    assert "- [x] HW-1 " in (again / "CHECKLIST.md").read_text("utf-8")
    r = runner.invoke(app, ["check", str(again / "request.md"), "--json"])
    assert r.exit_code == 3, r.output
    checked = json.loads(r.stdout)
    assert checked["answered"] == saved["answered"] and checked["open"] == saved["open"]


def test_generate_with_unreadable_answers_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "out"
    r = runner.invoke(
        app,
        ["generate", str(EXAMPLE_SEEDS), "-o", str(target), "--answers", str(tmp_path / "x.md")],
    )
    assert r.exit_code == 1
    assert r.stderr.startswith(f"error: {tmp_path / 'x.md'}: cannot read")
    assert not target.exists()


@pytest.mark.slow
def test_issue_form_with_marker_and_earlier_answers_is_valid(
    runner: CliRunner, tmp_path: Path
) -> None:
    import subprocess
    import sys

    target = tmp_path / "out"
    reply = str(FIXTURES / "reply-inline.eml")
    r = runner.invoke(app, ["generate", str(EXAMPLE_SEEDS), "-o", str(target), "--answers", reply])
    assert r.exit_code == 0, r.output
    form = target / ".github" / "ISSUE_TEMPLATE" / "spec-request.yml"
    assert "value: An alert within 5 s" in form.read_text("utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-issue-forms",
            str(form),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


# -- what check verifies ------------------------------------------------------------------


def one_error_line(r: Result, path: Path | str, *words: str) -> None:
    """A failure is one line on stderr, ``error: PATH: reason``, exit 1, nothing on stdout."""
    assert r.exit_code == 1, r.output
    assert r.stdout == ""
    assert r.stderr.startswith(f"error: {path}: "), r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, r.stderr
    for word in words:
        assert word in r.stderr, r.stderr


def cut_marker(text: str, keep: list[str]) -> str:
    """The document with its marker's question list cut down to ``keep``."""
    return re.sub(r"questions=[^ ]+", "questions=" + ",".join(keep), text, count=1)


def test_marker_with_a_cut_question_list_is_refused(runner: CliRunner, out: Path) -> None:
    path = out / "request.md"
    keep = ["CTX-1", "IN-1"]
    filled = fill_request(path.read_text("utf-8"), {q: "CSV, 200 ms" for q in keep})
    path.write_text(cut_marker(filled, keep), "utf-8")
    r = runner.invoke(app, ["check", str(path)])
    one_error_line(r, path, "do not match its id", "edited or cut")
    r = runner.invoke(app, ["check", str(path), "--request", str(out / "request.json")])
    one_error_line(r, path, "question list differs from", "request.json")


def test_check_against_the_request_uses_its_questions_and_required_flags(
    runner: CliRunner, out: Path
) -> None:
    path = out / "request.md"
    answers = {qid: "200 ms at 50 requests/s" for qid in required_ids(out)}
    path.write_text(fill_request(path.read_text("utf-8"), answers), "utf-8")
    request = out / "request.json"
    r = runner.invoke(app, ["check", str(path), "--request", str(request), "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["request"]["id"] == json.loads(request.read_text("utf-8"))["id"]
    # The request decides what is required: make an optional question required.
    raw = json.loads(request.read_text("utf-8"))
    for q in raw["questions"]:
        q["required"] = q["required"] or q["id"] == "NG-1"
    request.write_text(json.dumps(raw), "utf-8")
    r = runner.invoke(app, ["check", str(path), "--request", str(request)])
    assert r.exit_code == 3, r.output
    assert "open (required): NG-1" in r.stdout


def test_request_json_whose_id_does_not_match_its_questions_is_refused(
    runner: CliRunner, out: Path
) -> None:
    request = out / "request.json"
    raw = json.loads(request.read_text("utf-8"))
    raw["questions"] = raw["questions"][:2]
    request.write_text(json.dumps(raw), "utf-8")
    r = runner.invoke(app, ["check", str(out / "request.md"), "--request", str(request)])
    one_error_line(r, request, "do not match its id")


def test_answers_file_without_its_request_needs_request(
    runner: CliRunner, out: Path, tmp_path: Path
) -> None:
    bare = tmp_path / "answers.json"
    bare.write_text(json.dumps({"answered": {"IN-1": "x"}}), "utf-8")
    r = runner.invoke(app, ["check", str(bare)])
    one_error_line(r, bare, "pass --request")
    r = runner.invoke(app, ["check", str(bare), "--request", str(out / "request.json")])
    assert r.exit_code == 3, r.output
    assert "open (required): CTX-1," in r.stdout and "IN-1," not in r.stdout


def test_answers_file_with_a_cut_question_list_is_refused(
    runner: CliRunner, out: Path, tmp_path: Path
) -> None:
    request = json.loads((out / "request.json").read_text("utf-8"))
    forged = {
        "request": {
            "id": request["id"],
            "version": request["askspec"],
            "seeds": request["seeds_digest"],
            "questions": ["IN-1"],
        },
        "answered": {"IN-1": "x"},
    }
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(forged), "utf-8")
    r = runner.invoke(app, ["check", str(path)])
    one_error_line(r, path, "do not match its id")


def test_answers_json_written_by_generate_names_its_request(
    runner: CliRunner, out: Path, tmp_path: Path
) -> None:
    path = out / "request.md"
    path.write_text(fill_request(path.read_text("utf-8"), {"IN-1": "CSV files"}), "utf-8")
    again = tmp_path / "round2"
    args = ["generate", str(EXAMPLE_SEEDS), "-o", str(again), "--date", "2024-03-01"]
    r = runner.invoke(app, [*args, "--answers", str(path)])
    assert r.exit_code == 0, r.output
    saved = json.loads((again / "answers.json").read_text("utf-8"))
    request = json.loads((again / "request.json").read_text("utf-8"))
    assert saved["request"]["id"] == request["id"]
    assert saved["request"]["questions"] == [q["id"] for q in request["questions"]]
    r = runner.invoke(app, ["check", str(again / "answers.json"), "--json"])
    assert r.exit_code == 3, r.output
    assert json.loads(r.stdout)["answered"] == {"IN-1": "CSV files"}


def test_answers_to_two_requests_are_refused_without_merge(
    runner: CliRunner, out: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    args = ["generate", str(EXAMPLE_SEEDS), "-o", str(other), "--project", "Other"]
    assert runner.invoke(app, args).exit_code == 0
    first, second = out / "request.md", other / "request.md"
    r = runner.invoke(app, ["check", str(first), str(second)])
    one_error_line(r, second, "pass --merge", str(first))
    r = runner.invoke(app, ["check", str(first), str(second), "--merge"])
    assert r.exit_code == 3, r.output
    assert r.stdout.startswith("requests ") and "(merged)" in r.stdout
    r = runner.invoke(app, ["check", str(second), "--request", str(out / "request.json")])
    one_error_line(r, second, "pass --merge")


FORGED_ID = "ZZ-1\n\n### OUT-1 — forged\n\n**Answer:**\n\nforged out"


def test_forged_id_in_answers_never_becomes_a_heading(
    runner: CliRunner, out: Path, tmp_path: Path
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"answered": {FORGED_ID: "x"}}), "utf-8")
    again = tmp_path / "round2"
    r = runner.invoke(
        app, ["generate", str(EXAMPLE_SEEDS), "-o", str(again), "--answers", str(path)]
    )
    one_error_line(r, path, "is not a question ID", "\\n")
    assert not again.exists()
    r = runner.invoke(app, ["check", str(path), "--request", str(out / "request.json")])
    one_error_line(r, path, "is not a question ID")


def test_malformed_ids_in_documents_are_not_questions(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "request.md"
    path.write_text(
        "### ABCDEF-1 — too long\n\n**Answer:** x\n\n### IN-1000 — too long\n\n"
        "**Answer:** x\n\n- [x] in-1 lower case\n",
        "utf-8",
    )
    r = runner.invoke(app, ["check", str(path)])
    one_error_line(r, path, "no askspec questions found")


ESCAPES = "\x1b[2J\x1b]0;title\x07\x1b]8;;x\x1b\\\x9b31m\u202e"
RAW = {"\x1b", "\x07", "\x9b", "\u202e"}


def test_escape_sequences_never_reach_the_terminal(
    runner: CliRunner, out: Path, tmp_path: Path
) -> None:
    path = tmp_path / f"a{ESCAPES}.md"
    path.write_text("# Notes\n", "utf-8")
    r = runner.invoke(app, ["check", str(path)])
    assert r.exit_code == 1
    assert not set(r.stderr) & RAW, repr(r.stderr)
    assert "\\x1b[2J" in r.stderr and "\\x9b" in r.stderr and "\\u202e" in r.stderr
    marker = (out / "request.md").read_text("utf-8")
    forged = tmp_path / "forged.md"
    forged.write_text(cut_marker(marker, [f"IN-1{ESCAPES}"]), "utf-8")
    r = runner.invoke(app, ["check", str(forged)])
    assert r.exit_code == 1 and not set(r.stderr) & RAW, repr(r.stderr)
    answered = out / "request.md"
    answered.write_text(fill_request(marker, {"IN-1": f"CSV {ESCAPES}"}), "utf-8")
    r = runner.invoke(app, ["check", str(answered), "--json"])
    assert r.exit_code == 3, r.output
    assert not set(r.stdout) & RAW, repr(r.stdout)
    assert json.loads(r.stdout)["answered"]["IN-1"] == f"CSV {ESCAPES}"


# -- huge and hostile input ---------------------------------------------------------------


def test_input_over_the_cap_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    from askspec.answers.files import MAX_INPUT

    path = tmp_path / "huge.md"
    path.write_bytes(b"### IN-1\n\n" * (MAX_INPUT // 10 + 1))
    r = runner.invoke(app, ["check", str(path)])
    one_error_line(r, path, "too large")
    r = runner.invoke(app, ["check", "-"], input=path.read_bytes())
    one_error_line(r, "<stdin>", "too large")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_is_refused_after_reading_at_most_the_cap(runner: CliRunner) -> None:
    r = runner.invoke(app, ["check", "/dev/zero"])
    one_error_line(r, "/dev/zero", "too large")


def test_hundred_thousand_headings_take_seconds(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "many.md"
    letters = "ABCDEFGHIJ"
    heads = [f"### {a}{b}-{{n}} — q\n\n**Answer:** x\n\n" for a in letters for b in letters]
    path.write_text("".join(h.format(n=n) for h in heads for n in range(1000)), "utf-8")
    started = time.monotonic()
    r = runner.invoke(app, ["check", str(path)])
    assert time.monotonic() - started < 5
    one_error_line(r, path, "too many lines")


def test_long_digit_runs_are_judged_in_linear_time(runner: CliRunner, out: Path) -> None:
    path = out / "request.md"
    digits = {q: "8" * 8000 for q in ("HW-1", "HW-2", "PERF-1", "PERF-2", "PERF-3")}
    path.write_text(fill_request(path.read_text("utf-8"), digits), "utf-8")
    started = time.monotonic()
    r = runner.invoke(app, ["check", str(path)])
    assert time.monotonic() - started < 5
    assert r.exit_code == 3, r.output
    # HW-2 names an operating system and a network: it is answered by words, not numbers.
    assert "vague (no number with a unit): HW-1, PERF-1, PERF-2, PERF-3" in r.stdout


def nested_multipart(depth: int) -> bytes:
    head = "From: a@example.org\nSubject: Re\nMIME-Version: 1.0\n"
    part = 'Content-Type: multipart/mixed; boundary="b{n}"\n\n--b{n}\n'
    opening = "".join(part.format(n=n) for n in range(depth))
    closing = "".join(f"\n--b{n}--\n" for n in reversed(range(depth)))
    return (head + opening + "Content-Type: text/plain\n\n### IN-1 — x\n" + closing).encode()


MALFORMED = [
    ("answers.json", b"[1, 2]", "not a JSON object"),
    ("answers.json", b'{"answered": [1]}', "is not an object"),
    ("answers.json", b'{"answered": {"IN-1": 5}}', "is not text"),
    ("answers.json", b'{"answered": {}, "request": "x"}', "is not an object"),
    ("answers.json", b'{"answered": {}, "request": {"questions": 5}}', "not a list"),
    (
        "answers.json",
        b'{"answered": {"IN-1": "x"}, "sources": {"IN-1": ":99999999999"}, "retired": null}',
        "pass --request",
    ),
    ("answers.json", b'{"request": {}}', "it has no 'answered' object"),
    (
        "reply.eml",
        b"From: a@example.org\nContent-Type: text/html\n\n<h3>IN-1 - x</h3>\n",
        "no text/plain part",
    ),
    (
        "answers.json",
        b'{"answered": {}, "request": {"questions": ["IN-1"], "id": 7}}',
        "the request's fields are not text",
    ),
    ("answers.json", b'{"answered": {"IN-1": "x"}, "request": {}}', "pass --request"),
    ("answers.json", b"{" + b'"a": [' * 100_000, "not an askspec answers file"),
    ("answers.json", b'{"answered": {"IN-1": "x"', "not an askspec answers file"),
    ("answers.json", b"\xff\xfe\x00", "not a text file"),
    ("deep.eml", nested_multipart(1000), "nested too deeply"),
    (
        "nul.eml",
        b'From: a@example.org\nMIME-Version: 1.0\nContent-Type: text/plain; charset="utf\x00-8"'
        b"\n\n### IN-1 - x\n",
        "cannot decode",
    ),
]


@pytest.mark.parametrize(("name", "data", "reason"), MALFORMED)
def test_malformed_input_is_one_error_line(
    runner: CliRunner, tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    r = runner.invoke(app, ["check", str(path)])
    one_error_line(r, path, reason)


def test_answer_to_a_question_its_request_does_not_ask_is_refused(
    runner: CliRunner, out: Path, tmp_path: Path
) -> None:
    request = json.loads((out / "request.json").read_text("utf-8"))
    answers = {
        "request": {
            "id": request["id"],
            "version": request["askspec"],
            "seeds": request["seeds_digest"],
            "questions": [q["id"] for q in request["questions"]],
        },
        "answered": {"IN-1": "CSV files", "IN-99": "an answer to nothing"},
    }
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), "utf-8")
    r = runner.invoke(app, ["check", str(path)])
    one_error_line(r, path, "answers IN-99, which its request does not ask")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"questions": None}, "it has no 'questions' list"),
        ({"questions": [{"id": "IN-1"}]}, "a question has no 'required' flag"),
        ({"id": 42}, "its id is not text"),
    ],
)
def test_malformed_request_json_is_one_error_line(
    runner: CliRunner, out: Path, change: dict[str, object], reason: str
) -> None:
    request = out / "request.json"
    raw = json.loads(request.read_text("utf-8"))
    request.write_text(json.dumps({**raw, **change}), "utf-8")
    r = runner.invoke(app, ["check", str(out / "request.md"), "--request", str(request)])
    one_error_line(r, request, reason)


def test_answers_saved_in_a_legacy_encoding_are_read(runner: CliRunner, tmp_path: Path) -> None:
    answer = (
        "Les relevés de température et d'humidité des caves à fromage, exportés chaque nuit "
        "en CSV. Chaque fichier contient une ligne par sonde et par minute, avec la date, "
        "l'heure et la cave."
    )
    path = tmp_path / "reply.md"
    path.write_bytes(f"### IN-1 — Entrées\n\n{answer}\n".encode("cp1252"))  # a Windows editor
    r = runner.invoke(app, ["check", str(path), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["answered"]["IN-1"] == answer


def test_a_reply_saved_as_text_with_its_headers_is_read_as_mail(
    runner: CliRunner, tmp_path: Path
) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_bytes(
        b"From: Ana Silva <ana@clinic.example>\nSubject: Re: Request for details:\n"
        b" booking page\nContent-Type: text/plain; charset=utf-8\n"
        b"Content-Transfer-Encoding: quoted-printable\n\n"
        b"### IN-1 =E2=80=94 Inputs\n\nBookings typed in at the front desk.\n"
    )
    r = runner.invoke(app, ["check", str(reply), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["answered"] == {"IN-1": "Bookings typed in at the front desk."}


def test_notes_that_merely_start_with_a_colon_line_are_not_mail(
    runner: CliRunner, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("Note: answers below\n\n### IN-1 — Inputs\n\nScanned invoices.\n", "utf-8")
    r = runner.invoke(app, ["check", str(notes), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["answered"] == {"IN-1": "Scanned invoices."}
