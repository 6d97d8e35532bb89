"""The whole job on the example seeds: seven files, golden bytes, determinism, no overwrite."""

from __future__ import annotations

import email
import json
from datetime import date
from email import policy
from pathlib import Path

import pytest
import yaml

from askspec.errors import OverwriteRefused
from askspec.generate import OUTPUT_NAMES, Options, build_request, generate, render_outputs
from askspec.scan import scan
from conftest import EXAMPLE_SEEDS, GOLDEN, ROOT

FIXED = Options(
    project="Cold-room monitor",
    date=date(2026, 1, 15),
    sender="Ana Analyst <ana@example.org>",
    to=("owner@example.com",),
)


def rendered(seeds: Path = EXAMPLE_SEEDS, options: Options = FIXED) -> dict[str, bytes]:
    return render_outputs(build_request(scan(seeds), options, seeds), options)


def test_generate_writes_exactly_the_seven_outputs(tmp_path: Path) -> None:
    result = generate(EXAMPLE_SEEDS, tmp_path / "out", FIXED)
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in result.written)
    assert written == sorted(OUTPUT_NAMES)
    on_disk = sorted(
        p.relative_to(tmp_path / "out").as_posix()
        for p in (tmp_path / "out").rglob("*")
        if p.is_file()
    )
    assert on_disk == sorted(OUTPUT_NAMES)


@pytest.mark.parametrize("name", OUTPUT_NAMES)
def test_outputs_match_golden(name: str, regen_golden: bool) -> None:
    golden = GOLDEN / "example" / name
    got = rendered()[name]
    if regen_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(got)
    assert golden.exists(), f"no golden file {golden}; run pytest --regen-golden and review"
    assert got == golden.read_bytes(), f"{name} differs from its golden file"


def test_same_seeds_give_same_bytes() -> None:
    assert rendered() == rendered()


def test_date_changes_only_dated_outputs() -> None:
    later = Options(**{**FIXED.__dict__, "date": date(2027, 2, 1)})
    first, second = rendered(), rendered(options=later)
    assert first["scan.json"] == second["scan.json"]
    assert first["request.md"] != second["request.md"]
    assert b"2027-02-01" in second["request.md"]


def test_second_generate_refuses_and_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate(EXAMPLE_SEEDS, out, FIXED)
    (out / "request.md").write_text("edited by hand", encoding="utf-8")
    with pytest.raises(OverwriteRefused) as info:
        generate(EXAMPLE_SEEDS, out, FIXED)
    assert "request.md" in info.value.existing
    assert (out / "request.md").read_text(encoding="utf-8") == "edited by hand"
    assert not list(out.rglob(".askspec-tmp-*"))


def test_force_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate(EXAMPLE_SEEDS, out, FIXED)
    (out / "request.md").write_text("edited by hand", encoding="utf-8")
    generate(EXAMPLE_SEEDS, out, FIXED, force=True)
    assert (out / "request.md").read_text(encoding="utf-8").startswith("<!-- askspec:request")


def test_request_json_lists_questions_and_seeds() -> None:
    data = json.loads(rendered()["request.json"])
    assert data["project"] == "Cold-room monitor"
    assert {s["path"]: s["kind"] for s in data["seeds"]} == {
        "alert-spec.md": "spec",
        "field-notes.md": "prose",
        "probe_logger.py": "code",
    }
    ids = [q["id"] for q in data["questions"]]
    for prefix in ("IN-", "OUT-", "HW-", "PERF-"):
        assert any(i.startswith(prefix) for i in ids)
    assert all(
        q["required"]
        for q in data["questions"]
        if q["id"].split("-")[0] in {"IN", "OUT", "HW", "PERF"}
    )
    assert len(ids) == len(set(ids))


def test_scan_json_matches_scan() -> None:
    data = json.loads(rendered()["scan.json"])
    assert data == json.loads(json.dumps(scan(EXAMPLE_SEEDS).to_json()))


def test_eml_is_multipart_alternative_with_headers() -> None:
    msg = email.message_from_bytes(rendered()["request.eml"], policy=policy.default)
    assert msg.get_content_type() == "multipart/alternative"
    parts = [p.get_content_type() for p in msg.iter_parts()]
    assert parts == ["text/plain", "text/html"]
    assert msg["To"] == "owner@example.com"
    assert msg["From"].addresses[0].display_name == "Ana Analyst"
    assert "Cold-room monitor" in msg["Subject"]
    assert msg["Date"] and msg["Message-ID"]
    assert msg["X-Unsent"] == "1"
    required = [q for q in json.loads(rendered()["request.json"])["questions"] if q["required"]]
    html = msg.get_body(("html",))
    assert html is not None
    assert "<input" not in html.get_content() and "var(--" not in html.get_content()
    text = msg.get_body(("plain",))
    assert text is not None
    glance = [q["id"] for q in required if f"\n- {q['id']} " in text.get_content()]
    assert glance == [q["id"] for q in required]


def test_eml_without_addresses_has_no_sendable_placeholder() -> None:
    options = Options(project="p", date=date(2026, 1, 1))
    msg = email.message_from_bytes(rendered(options=options)["request.eml"], policy=policy.default)
    assert msg["To"] is None and msg["From"] is None
    assert msg["X-Unsent"] == "1"


def test_issue_form_is_yaml_with_one_field_per_question() -> None:
    out = rendered()
    form = yaml.safe_load(out[".github/ISSUE_TEMPLATE/spec-request.yml"])
    questions = json.loads(out["request.json"])["questions"]
    fields = [f for f in form["body"] if f["type"] == "textarea"]
    assert [f["id"] for f in fields] == [q["id"].lower() for q in questions]
    assert [f["validations"]["required"] for f in fields] == [q["required"] for q in questions]


def test_checklist_has_one_open_item_per_question() -> None:
    out = rendered()
    questions = json.loads(out["request.json"])["questions"]
    items = [line for line in out["CHECKLIST.md"].decode().splitlines() if line.startswith("- [")]
    assert [line.split()[3] for line in items] == [q["id"] for q in questions]
    assert all(line.startswith("- [ ] ") for line in items)


def test_mission_seeds_article_is_prose_and_card_is_spec(tmp_path: Path) -> None:
    seeds = ROOT.parent / "shared" / "examples" / "mission-seeds"
    if not seeds.is_dir():
        pytest.skip("shared mission seeds not beside the repository")
    result = generate(seeds, tmp_path / "out", Options(date=date(2026, 1, 1)))
    kinds = {f.path: f.kind.value for f in result.request.scan.files}
    assert kinds["design-card.txt"] == "spec"
    assert [k for p, k in kinds.items() if p != "design-card.txt"] == ["prose"]
    assert len(result.written) == len(OUTPUT_NAMES)
