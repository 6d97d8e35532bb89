"""The seeds judged as a whole: observations, the first questions, the kind of system."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import judge_seeds as seeds
from askspec.generate import Options, build_request
from askspec.models import Status
from askspec.request.model import Request
from askspec.scan import scan

Build = Callable[..., Path]


def judged(make_tree: Build, tree: dict[str, str | bytes], lang: str = "en") -> Request:
    folder = make_tree(tree)
    return build_request(scan(folder), Options(date=date(2026, 1, 5), lang=lang), folder)


def kinds(request: Request) -> list[str]:
    return [o.kind for o in request.observations]


def ids(request: Request) -> list[str]:
    return [q.id for q in request.questions]


def test_two_products_are_named_with_their_files_and_asked_about_first(make_tree: Build) -> None:
    request = judged(make_tree, seeds.TWO_PRODUCTS)
    (subjects,) = [o for o in request.observations if o.kind == "several-subjects"]
    assert subjects.files == ("lyra-prerequisites.md", "orion-hardware.md")
    assert "2 different subjects" in subjects.detail
    assert "“Installing Lyra Inference Server” (lyra-prerequisites.md)" in subjects.detail
    assert "“Orion Edge Kit hardware guide” (orion-hardware.md)" in subjects.detail
    first = request.questions[0]
    assert first.id == "OBS-1" and first.title.startswith("Which of these subjects")
    assert "no-system" not in kinds(request)


def test_draft_and_final_ask_which_governs_and_say_where_they_differ(make_tree: Build) -> None:
    request = judged(make_tree, seeds.DRAFT_AND_FINAL)
    assert kinds(request) == ["versions"]
    (versions,) = request.observations
    assert versions.files == ("rfq-draft.md", "rfq-final.md")
    assert "they differ under “Data migration”" in versions.detail
    assert request.questions[0].title == (
        "Which version governs: the DRAFT MD (rfq-draft.md) or the FINAL MD (rfq-final.md)?"
    )


def test_a_copy_that_could_not_be_read_is_still_a_version(make_tree: Build) -> None:
    tree = {**seeds.DRAFT_AND_FINAL, "rfq-final.pdf": b"%PDF-1.7 not really a pdf\x00\x01"}
    request = judged(make_tree, tree)
    (versions,) = [o for o in request.observations if o.kind == "versions"]
    assert "rfq-final.pdf" in versions.files
    assert "rfq-final.pdf could not be read to compare" in versions.detail
    (unread,) = [o for o in request.observations if o.kind == "unreadable"]
    assert unread.detail.startswith("We read 2 of 3 files; 1 file could not be read (rfq-final.pdf")


def test_news_alone_asks_what_is_wanted_and_a_short_core(make_tree: Build) -> None:
    request = judged(make_tree, seeds.NEWS)
    assert kinds(request) == ["no-system"]
    assert ids(request) == ["OBS-1", "IN-1", "OUT-1", "HW-1", "PERF-1"]
    assert request.questions[0].title == "What do you want built, and what should it do for whom?"
    assert all(q.status is Status.MISSING and not q.evidence for q in request.questions)
    shops = " ".join(f"{q.guidance} {q.example}" for q in request.questions).lower()
    assert "shop" not in shops and "order" not in shops


def test_a_settled_proposal_asks_what_the_work_is_and_not_for_drafts(make_tree: Build) -> None:
    request = judged(make_tree, seeds.SETTLED)
    assert kinds(request) == ["settled"]
    assert "implemented and stable" in request.observations[0].detail
    assert request.questions[0].title == "Your files say this exists already: what is the work now?"
    assert "CTX-4" not in ids(request)


def test_german_seeds_are_said_to_be_in_german(make_tree: Build) -> None:
    request = judged(make_tree, seeds.GERMAN)
    assert [o.detail for o in request.observations] == ["The files you sent are mostly in German."]
    assert not any(q.id.startswith("OBS") for q in request.questions)


def test_german_seeds_get_a_german_request_by_default(make_tree: Build) -> None:
    request = judged(make_tree, seeds.GERMAN, lang="auto")
    assert request.lang == "de"
    assert [o.kind for o in request.observations] == ["language"]
    assert "Deutsch" in request.observations[0].detail


def test_files_that_could_not_be_read_are_counted_truly(make_tree: Build) -> None:
    tree = {**seeds.DEVICE, "photo.png": b"\x89PNG\r\n\x1a\n" + bytes(200), "empty.txt": ""}
    request = judged(make_tree, tree)
    (unread,) = [o for o in request.observations if o.kind == "unreadable"]
    assert unread.detail == (
        "We read 1 of 3 files; 2 files could not be read "
        "(empty.txt: it is empty and photo.png: it is an image)."
    )
    assert not any(line.startswith("We read") for line in request.summary)


@pytest.mark.parametrize(
    ("tree", "system", "asked", "words", "not_words"),
    [
        (seeds.MODEL_REPO, "ml-model", "PERF-4", ("HW-1", "inference"), ("HW-1", "CPU cores")),
        (seeds.PAAS_APP, "paas", "HW-1", ("HW-1", "instance size"), ("HW-1", "CPU cores")),
        (seeds.DEVICE, "device", "HW-3", ("HW-3", "power"), ("HW-1", "CPU cores")),
    ],
)
def test_questions_follow_the_kind_of_system(
    make_tree: Build,
    tree: dict[str, str],
    system: str,
    asked: str,
    words: tuple[str, str],
    not_words: tuple[str, str],
) -> None:
    request = judged(make_tree, tree)
    assert request.system == system
    by_id = {q.id: q for q in request.questions}
    assert asked in by_id
    qid, word = words
    assert word in f"{by_id[qid].guidance} {by_id[qid].example} {by_id[qid].hint}"
    qid, word = not_words
    assert word not in f"{by_id[qid].guidance} {by_id[qid].example} {by_id[qid].hint}"


def test_a_hardware_hint_is_its_own_question_s(make_tree: Build) -> None:
    request = judged(make_tree, seeds.PAAS_APP)
    by_id = {q.id: q for q in request.questions}
    assert by_id["HW-1"].hint != by_id["HW-2"].hint


def test_observations_are_in_request_json(make_tree: Build) -> None:
    data = judged(make_tree, seeds.DRAFT_AND_FINAL).to_json()
    assert data["observations"] == [
        {
            "kind": "versions",
            "files": ["rfq-draft.md", "rfq-final.md"],
            "detail": "rfq-draft.md and rfq-final.md are versions of “Request for quotation: "
            "records migration”; they differ under “Data migration”.",
        }
    ]


def test_one_project_is_not_split_into_subjects(make_tree: Build) -> None:
    from conftest import EXAMPLE_SEEDS

    request = build_request(scan(EXAMPLE_SEEDS), Options(), EXAMPLE_SEEDS)
    assert request.observations == ()


def test_prose_that_states_a_machine_is_no_narrative_without_a_system(make_tree: Build) -> None:
    page = (
        "# Running the photo kiosk\n\n"
        "The kiosk software runs on a Raspberry Pi 4 with 4 GB of RAM and a 32 GB card. "
        "Older boards with 1 GB of memory are too slow to print a photo strip.\n"
    )
    request = judged(make_tree, {"kiosk-hardware.md": page})
    assert "no-system" not in kinds(request)
    hardware = next(f for f in request.areas if f.area.value == "hardware")
    assert hardware.status is Status.STATED and hardware.evidence


def test_many_groups_of_copies_ask_only_a_few_questions(make_tree: Build) -> None:
    names = ["billing", "shipping", "returns", "catalogue", "search", "accounts"]
    tree = {
        f"{side}/{name}.md": f"# {name.title()} service\n\nHow the {name} service is run.\n"
        for side in ("draft", "final")
        for name in names
    }
    request = judged(make_tree, tree)
    asked = [q for q in request.questions if q.id.startswith("OBS-")]
    assert 1 <= len(asked) <= 4
    assert len([o for o in request.observations if o.kind == "versions"]) == 3


def test_the_summary_says_what_each_build_file_and_definition_is(make_tree: Build) -> None:
    tree = {
        "go.mod": "module example.com/ferry\n\ngo 1.22\n\nrequire github.com/lib/pq v1.10.9\n",
        "Makefile": "all:\n\tcc -o tally tally.c\n",
        "ferry.yaml": (
            "openapi: 3.0.3\ninfo:\n  title: Ferry\n  version: '1'\npaths:\n  /crossings:\n"
            "    get:\n      responses:\n        '200':\n          description: ok\n"
        ),
        "fly.toml": 'app = "ferry-board"\nprimary_region = "arn"\n\n[http_service]\n'
        "internal_port = 8080\n",
    }
    summary = judged(make_tree, tree).summary
    assert "go.mod is the build file of a Go project." in summary
    assert "Makefile is a build file." in summary
    assert "ferry.yaml is an API definition." in summary
    assert "fly.toml is the process file of an app for a hosting platform." in summary


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Система повинна читати файли з датчиків і надсилати звіт щодня. Її користувачі — "
         "це інженери, які працюють на станції.", "uk"),
        ("Система должна читать файлы с датчиков и отправлять отчёт каждый день. Её "
         "пользователи — это инженеры, которые работают на станции.", "ru"),
        ("42", ""),
    ],
)  # fmt: skip
def test_ukrainian_is_told_from_russian(text: str, code: str) -> None:
    from askspec.request.language import text_language

    assert text_language(text) == code


def test_a_password_protected_pdf_is_said_to_be_protected(make_tree: Build) -> None:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("harbour")
    pdf = io.BytesIO()
    writer.write(pdf)
    tree = {"minutes.pdf": pdf.getvalue(), **seeds.DEVICE}
    (unread,) = [o for o in judged(make_tree, tree).observations if o.kind == "unreadable"]
    assert "(minutes.pdf: it is protected by a password)" in unread.detail


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("**Status**: implemented", "Status: implemented"),
        ("- **Status**: released", "Status: released"),
        ("> *State*: stable", "State: stable"),
        ("## Status: final", "Status: final"),
    ],
)
def test_the_line_that_settles_a_seed_is_shown_without_its_markup(line: str, shown: str) -> None:
    from askspec.request import signals

    text = "# Proposal\n\nSome words.\n\n" + line + "\n"
    assert signals.first_match(signals.STATUS, text) == (5, shown)
