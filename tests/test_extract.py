"""Extraction over a case table of small seeds, targets over a table of statements."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from askspec.extract import extract
from askspec.extract.phrases import topics
from askspec.extract.source import quote
from askspec.generate import Options, build_request, render_outputs
from askspec.measure import hardware_specific, measurable, parse_targets
from askspec.models import Area, Fact, Kind, SeedFile, Status, Verdict
from askspec.read.text import markup, suffix_of
from askspec.request.model import Request
from askspec.request.questions import area_findings, evidence
from askspec.scan import scan
from conftest import GOLDEN

CASES = Path(__file__).resolve().parent / "cases"
EXTRACT_CASES: list[dict[str, Any]] = yaml.safe_load(
    (CASES / "extract.yaml").read_text(encoding="utf-8")
)
TARGET_CASES: list[dict[str, Any]] = yaml.safe_load(
    (CASES / "extract-targets.yaml").read_text(encoding="utf-8")
)


def seed(path: str, text: str, kind: Kind) -> SeedFile:
    """A seed as scan would hand it over, the kind fixed so only extraction is tested:
    read by the reader for its file name, as the scan reads it."""
    body, fmt, _ = markup(text, suffix_of(path), sampled=False)
    source = text if body is not text else ""
    return SeedFile(
        path, len(text.encode()), Verdict(kind, 1.0), format=fmt, text=body, source=source
    )


def area_facts(name: str, text: str, kind: Kind, area: Area) -> list[Fact]:
    """The facts of one area that extraction finds in one seed."""
    return [fact for fact in extract([seed(name, text, kind)]) if fact.area is area]


def facts_of(case: dict[str, Any]) -> tuple[Fact, ...]:
    return extract([seed(case["path"], case["text"], Kind(case["kind"]))])


def test_case_table_covers_every_area_in_every_kind_and_language() -> None:
    covered = set()
    for case in EXTRACT_CASES:
        chinese = any("\u4e00" <= ch <= "\u9fff" for ch in case["text"])
        for area, (status, _) in case["expect"].items():
            if status != "missing":
                covered.add((case["kind"], area, "zh" if chinese else "en"))
    wanted = {
        (kind, area.value, lang)
        for kind in ("prose", "code", "spec")
        for area in (Area.INPUTS, Area.OUTPUTS, Area.HARDWARE, Area.PERFORMANCE)
        for lang in ("en", "zh")
    }
    assert wanted - covered == set()


@pytest.mark.parametrize("case", EXTRACT_CASES, ids=[c["id"] for c in EXTRACT_CASES])
def test_extract_case(case: dict[str, Any]) -> None:
    findings = {f.area.value: f for f in area_findings(facts_of(case))}
    assert set(case["expect"]) == set(findings)
    for area, (status, line) in case["expect"].items():
        finding = findings[area]
        lines = [fact.line for fact in finding.evidence]
        assert finding.status == Status(status), f"{area}: {finding.status} {lines}"
        if line is not None:
            assert line in lines, f"{area}: line {line} not cited, got {lines}"
        assert all(fact.path == case["path"] for fact in finding.evidence)
    for area, lines in case.get("cited", {}).items():
        assert [fact.line for fact in findings[area].evidence] == lines, area


@pytest.mark.parametrize("case", TARGET_CASES, ids=[c["text"][:40] for c in TARGET_CASES])
def test_parse_targets(case: dict[str, Any]) -> None:
    got = [
        [t.metric, t.value, t.unit, t.percentile, t.condition] for t in parse_targets(case["text"])
    ]
    assert got == case["targets"]
    assert measurable(case["text"]) is bool(case["targets"])


@pytest.mark.parametrize(
    ("text", "precise", "specific"),
    [
        ("8 GB RAM", True, True),
        ("4 cores", True, True),
        ("4 核 8G 内存", True, True),
        ("Raspberry Pi 4", False, True),
        ("Ubuntu 22.04", False, True),
        ("must work offline", False, True),
        ("an NVIDIA A100", False, True),
        ("an old laptop", False, False),
        ("a small server", False, False),
        ("p99 under 80 ms", True, True),
    ],
)
def test_hardware_measurable_and_specific(text: str, precise: bool, specific: bool) -> None:
    assert measurable(text) is precise
    assert hardware_specific(text) is specific


@pytest.mark.parametrize(
    "statement",
    [
        'Path("rota.txt").open("w").write(rota)',
        'Path("rota.txt").write_text(rota)',
        'rota.sort_values("day").to_csv("rota.csv")',
    ],
)
def test_python_writing_through_a_new_path_is_an_output(statement: str) -> None:
    text = f"from pathlib import Path\n\n\ndef publish(rota: str) -> None:\n    {statement}\n"
    facts = extract([seed("rota.py", text, Kind.CODE)])
    assert [(fact.area, fact.line) for fact in facts] == [(Area.OUTPUTS, 5)]


def test_code_comment_facts_carry_targets_and_topics() -> None:
    text = (
        "import csv\n\n"
        "# Each nightly batch must finish in under 20 minutes.\n"
        "# Runs on Ubuntu 22.04 with no internet access.\n"
        "rows = list(csv.reader(open('tickets.csv')))\n"
    )
    facts = {fact.area: fact for fact in extract([seed("batch.py", text, Kind.CODE)])}
    performance, hardware = facts[Area.PERFORMANCE], facts[Area.HARDWARE]
    assert performance.line == 3
    assert performance.quote == "Each nightly batch must finish in under 20 minutes."
    assert [(t.value, t.unit) for t in performance.targets] == [(20.0, "minutes")]
    assert performance.topics == tuple(t.metric for t in performance.targets)
    assert hardware.line == 4
    assert set(hardware.topics) >= {"os", "network"}


@pytest.mark.parametrize(
    "text", ["Signed builds ship for Windows.", "Tested on Mac OS X and OS X 10.9.", "Linux only"]
)
def test_an_operating_system_named_alone_is_a_hardware_topic(text: str) -> None:
    assert topics(Area.HARDWARE, text) == ("os",)


def test_windows_of_a_building_are_no_operating_system() -> None:
    assert topics(Area.HARDWARE, "The windows of the hall face the harbour.") == ("machine",)


def test_api_operation_facts_quote_what_goes_in_and_what_comes_back() -> None:
    (case,) = [c for c in EXTRACT_CASES if c["id"] == "spec-openapi"]
    facts = facts_of(case)
    assert [(f.area, f.line, f.quote) for f in facts] == [
        (Area.INPUTS, 7, "POST /orders: body"),
        (Area.OUTPUTS, 7, "POST /orders -> 201, 400"),
    ]
    assert all(f.to_json()["signals"] == ["operation"] for f in facts)


def test_a_paragraph_is_quoted_by_its_telling_sentences_in_order() -> None:
    text = (
        "# Vineyard irrigation\n\n"
        "The estate has grown over the years and now covers four slopes. "
        "The controller reads soil moisture CSV files from twelve probes every hour. "
        "It also reads the weather service's JSON forecast each morning. "
        "Workers like the old system but want fewer manual steps.\n"
    )
    (fact,) = extract([seed("vineyard.md", text, Kind.PROSE)])
    assert (fact.area, fact.line) == (Area.INPUTS, 3)
    assert fact.quote == (
        "The controller reads soil moisture CSV files from twelve probes every hour. "
        "It also reads the weather service's JSON forecast each morning."
    )


def test_a_long_sentence_is_quoted_cut_with_an_ellipsis() -> None:
    slopes = ", ".join(f"probe {n} on the {side} slope" for n, side in enumerate(["north"] * 14))
    text = f"# Probes\n\nThe controller reads soil moisture CSV files from {slopes}.\n"
    (fact,) = extract([seed("probes.md", text, Kind.PROSE)])
    assert len(fact.quote) == 240  # the longest quote a request shows
    assert fact.quote.endswith("…") and fact.quote.startswith("The controller reads soil")


def test_asyncapi_operations_are_facts_of_the_way_their_messages_go() -> None:
    (case,) = [c for c in EXTRACT_CASES if c["id"] == "spec-asyncapi-received-and-sent"]
    facts = facts_of(case)
    assert [(f.area, f.line, f.quote) for f in facts] == [
        (Area.INPUTS, 22, "receive bays/{bayId}/status: status (occupied)"),
        (Area.OUTPUTS, 26, "send alerts: alert"),
    ]
    assert all(f.to_json()["signals"] == ["operation"] for f in facts)


def test_an_emailed_seed_is_quoted_decoded_at_its_lines() -> None:
    text = (
        "From: ana@example.org\nSubject: Bakery orders\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        "The caf=C3=A9 uploads a CSV file of tomorrow's bread orders every evening.\n"
    )
    (fact,) = extract([seed("orders.eml", text, Kind.PROSE)])
    assert (fact.area, fact.line) == (Area.INPUTS, 7)
    assert fact.quote == "The café uploads a CSV file of tomorrow's bread orders every evening."


def test_facts_keep_line_numbers_paths_and_quotes() -> None:
    text = "# Notes\n\n\nThe service reads JSON files from the inbox.\n"
    (fact,) = extract([seed("sub/notes.md", text, Kind.PROSE)])
    assert (fact.area, fact.path, fact.line) == (Area.INPUTS, "sub/notes.md", 4)
    assert fact.quote == "The service reads JSON files from the inbox."
    # request.json shows, per quote, the signals that chose it.
    assert fact.to_json() == {
        "path": "sub/notes.md",
        "line": 4,
        "quote": fact.quote,
        "signals": ["words"],
    }


def test_performance_facts_carry_parsed_targets() -> None:
    text = "## Performance\n\nSearch must answer in under 300 ms at 50 requests/s.\n"
    (fact,) = extract([seed("s.md", text, Kind.SPEC)])
    assert fact.measurable
    assert [t.to_json() for t in fact.targets] == [
        {"metric": "throughput", "value": 50.0, "unit": "requests/s"},
        {"metric": "time", "value": 300.0, "unit": "ms", "condition": "at 50 requests/s"},
    ]
    assert fact.topics == ("throughput", "time")


def test_a_link_is_no_performance_metric_but_tps_beside_chinese_is() -> None:
    text = "The old archive at https://example.org/dump is 2 GB.\n"
    assert extract([seed("a.md", text, Kind.PROSE)]) == ()
    (fact,) = extract([seed("b.md", "系统TPS达到500次/秒。\n", Kind.SPEC)])
    assert fact.area is Area.PERFORMANCE


def test_data_binary_and_empty_seeds_state_nothing() -> None:
    files = [
        seed("a.csv", "inputs,outputs\nCSV files,PDF report\n", Kind.DATA),
        seed("b.bin", "", Kind.BINARY),
        seed("c.txt", "", Kind.EMPTY),
    ]
    assert extract(files) == ()


def test_code_assignments_are_not_design_card_keys() -> None:
    text = "class Job:\n    output: str = ''\n    latency: int = 0\n"
    assert extract([seed("job.py", text, Kind.CODE)]) == ()


def test_chatty_code_is_cited_a_few_times_per_area() -> None:
    text = "".join(f"print({n})\n" for n in range(50))
    facts = extract([seed("noisy.py", text, Kind.CODE)])
    assert [f.line for f in facts] == [1, 2, 3]


def test_wrapped_list_item_is_quoted_whole_and_cited_at_its_first_line() -> None:
    text = (
        "# Backups\n\n## Outputs\n\n"
        "- REQ-2: The service MUST e-mail a report to the on-call engineer when a\n"
        "  backup has not finished by 06:00.\n"
        "- REQ-3: Each run writes a JSON summary to the audit bucket.\n"
    )
    facts = area_facts("backups.md", text, Kind.SPEC, Area.OUTPUTS)
    first = facts[0]
    assert first.line == 5
    assert first.quote == (
        "REQ-2: The service MUST e-mail a report to the on-call engineer when a backup "
        "has not finished by 06:00."
    )
    assert [f.line for f in facts] == [5, 7]


def test_a_paragraph_is_quoted_by_the_sentence_that_speaks_about_the_area() -> None:
    text = (
        "Notes from the planning call. The kiosk reads CSV price lists from a USB stick.\n"
        "Everyone agreed to meet again in March.\n"
    )
    (fact,) = extract([seed("call.txt", text, Kind.PROSE)])
    assert fact.area is Area.INPUTS
    assert fact.quote == "The kiosk reads CSV price lists from a USB stick."


def test_quote_is_one_bounded_line() -> None:
    long = "word " * 100
    assert len(quote(long)) == 200 and quote(long).endswith("…")
    assert quote('    """Reads CSV files."""') == "Reads CSV files."


# --- the request built from what was extracted ---------------------------------

GOLDEN_CASES = {"extract-en-note": "prose-en-loose-note", "extract-zh-spec": "spec-zh-headings"}
CASE_BY_ID = {c["id"]: c for c in EXTRACT_CASES}
FIXED = Options(project="Extraction", date=date(2026, 1, 15), to=("owner@example.com",), lang="en")


def request_for(make_tree: Callable[..., Path], files: dict[str, str]) -> Request:
    seeds = make_tree(files)
    return build_request(scan(seeds), FIXED, seeds)


@pytest.mark.parametrize("golden", sorted(GOLDEN_CASES))
@pytest.mark.parametrize("name", ["request.md", "request.json"])
def test_request_matches_golden(
    golden: str, name: str, make_tree: Callable[..., Path], regen_golden: bool
) -> None:
    case = CASE_BY_ID[GOLDEN_CASES[golden]]
    got = render_outputs(request_for(make_tree, {case["path"]: case["text"]}), FIXED)[name]
    path = GOLDEN / golden / name
    if regen_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(got)
    assert path.exists(), f"no golden file {path}; run pytest --regen-golden and review"
    assert got == path.read_bytes(), f"{golden}/{name} differs from its golden file"


def test_request_json_has_areas_and_per_question_status(make_tree: Callable[..., Path]) -> None:
    case = CASE_BY_ID["prose-en-loose-note"]
    data = request_for(make_tree, {case["path"]: case["text"]}).to_json()
    assert {a: v["status"] for a, v in data["areas"].items()} == {
        "inputs": "stated",
        "outputs": "stated",
        "hardware": "vague",
        "performance": "vague",
    }
    assert data["areas"]["hardware"]["evidence"] == [
        {
            "path": "note.txt",
            "line": 3,
            "quote": "It will run on the old laptop in the back room, nothing fancy.",
            "signals": ["words"],
        }
    ]
    questions = {q["id"]: q for q in data["questions"]}
    assert questions["PERF-1"]["status"] == "vague"
    assert questions["PERF-1"]["evidence"][0]["line"] == 4
    assert questions["PERF-2"] == {**questions["PERF-2"], "status": "missing", "evidence": []}


def test_news_article_leaves_all_four_areas_missing(make_tree: Callable[..., Path]) -> None:
    case = CASE_BY_ID["prose-en-news"]
    request = request_for(make_tree, {case["path"]: case["text"]})
    assert {f.status for f in request.areas} == {Status.MISSING}
    assert [o.kind for o in request.observations] == ["no-system"]
    assert request.summary[-1] == (
        "It says nothing yet about inputs, outputs, hardware or performance targets."
    )


def test_introduction_says_what_each_kind_of_seed_is(make_tree: Callable[..., Path]) -> None:
    note, card = CASE_BY_ID["prose-en-loose-note"], CASE_BY_ID["spec-en-headings"]
    code = '"""Count the lines of a log file."""\nimport sys\nprint(open(sys.argv[1]).read())\n'
    request = request_for(
        make_tree, {"count.py": code, note["path"]: note["text"], card["path"]: card["text"]}
    )
    assert request.summary == (
        "We read all 3 files you sent.",
        "count.py (“Count the lines of a log file”) is a Python program.",
        "note.txt is a short note that begins “Quick note after the call with Sam”.",
        "spec.md (“Order importer: requirements”) is a specification covering inputs, outputs, "
        "hardware and performance.",
        "They state the inputs, outputs, hardware and performance targets.",
    )


def test_seed_text_reaches_the_request_as_escaped_data(make_tree: Callable[..., Path]) -> None:
    hostile = "## Inputs\n\nUploads {{ 7 * 7 }} <script>x</script> files\n"
    docs = render_outputs(request_for(make_tree, {"s.md": hostile}), FIXED)
    md = docs["request.md"].decode()
    # Markup is shown as text: the script tag is dropped, the braces are escaped.
    assert "Uploads \\{\\{ 7 \\* 7 \\}\\} x files — `s.md:3`" in md
    assert "49" not in md
    assert "<script>x" not in docs["request.html"].decode()


def test_markup_in_quotes_is_shown_as_text(make_tree: Callable[..., Path]) -> None:
    memo = (
        "# Memo\n\n"
        "**From:** Priya Raman<br>\n"
        "**To:** Depot team\n\n"
        "The **scheduling service** is already in production at two depots.\n\n"
        "## Inputs\n\n"
        "- The planner reads *CSV* exports of the shift rota, one file per depot.\n"
    )
    rendered = render_outputs(request_for(make_tree, {"memo.md": memo}), FIXED)
    text = rendered["request.md"].decode()
    assert "shift rota" in text and "already in production" in text
    for mark in ("**From", "<br>", "**scheduling", "*CSV*", r"\*"):
        assert mark not in text, mark


def test_links_contacts_legal_text_and_changelogs_are_never_quoted() -> None:
    """A request for quotation whose title names requests: each area cites exactly the
    statements under its own section, never the link list, the empty table header, the
    contact block, the disputes clause or the changelog."""
    text = (Path(__file__).parent / "fixtures" / "rfq-never-quoted.md").read_text()
    facts = extract([seed("rfq.md", text, Kind.SPEC)])
    cited = {area: sorted(f.line for f in facts if f.area is area) for area in Area}
    assert cited[Area.INPUTS] == [8]
    assert cited[Area.OUTPUTS] == [15]
    assert cited[Area.HARDWARE] == []
    assert cited[Area.PERFORMANCE] == [19]


@pytest.mark.parametrize(
    ("statement", "area"),
    [
        ('tarfile.open("backup.tar", "w")', Area.OUTPUTS),
        ('Path("rota.txt").open("a")', Area.OUTPUTS),
        ('open("rota.txt", mode="x")', Area.OUTPUTS),
        ('open("rota.txt")', Area.INPUTS),
        ('archive.open("names.txt")', Area.INPUTS),  # a name, not a mode, comes first
        ('Path("rota.txt").open()', Area.INPUTS),
    ],
)
def test_a_file_is_an_output_when_its_mode_writes(statement: str, area: Area) -> None:
    text = f"import tarfile\nfrom pathlib import Path\n\n{statement}\n"
    facts = extract([seed("files.py", text, Kind.CODE)])
    assert [(fact.area, fact.line) for fact in facts] == [(area, 4)]


def test_memory_named_without_a_value_is_no_performance_target() -> None:
    text = (
        "# Tile cache\n\n"
        "The renderer must release the memory of a tile when the map is closed.\n\n"
        "A full redraw must use at most 300 MB of memory.\n"
    )
    facts = area_facts("cache.md", text, Kind.SPEC, Area.PERFORMANCE)
    assert [f.quote for f in facts] == ["A full redraw must use at most 300 MB of memory."]


def test_results_and_deliverables_sections_are_not_the_systems_outputs() -> None:
    text = (
        "# Route planner\n\n"
        "## Evaluation results\n\n"
        "The planner found a shorter route in 41 of 50 test towns.\n\n"
        "## Deliverables\n\n"
        "The vendor hands over the source code and an operations manual.\n\n"
        "## Output\n\n"
        "The planner writes each day's routes to a GPX file per van.\n"
    )
    facts = area_facts("plan.md", text, Kind.SPEC, Area.OUTPUTS)
    quotes = [f.quote for f in facts]
    assert quotes == ["The planner writes each day's routes to a GPX file per van."]


def test_python_timeouts_are_performance_facts() -> None:
    text = "import requests\n\ndef fetch(url):\n    return requests.get(url, timeout=5).json()\n"
    facts = area_facts("fetch.py", text, Kind.CODE, Area.PERFORMANCE)
    assert [(f.line, f.quote) for f in facts] == [(4, "return requests.get(url, timeout=5).json()")]


def test_the_story_under_motivation_is_not_quoted_by_its_words_alone() -> None:
    text = (
        "# Proposal: nightly tide tables\n\n"
        "## Motivation\n\n"
        "Harbour staff today read PDF files of tide tables and type them into the\n"
        "booking form by hand.\n\n"
        "## Detailed design\n\n"
        "The service reads CSV files of tide tables each night.\n"
    )
    facts = area_facts("tides.md", text, Kind.SPEC, Area.INPUTS)
    quotes = [f.quote for f in facts]
    assert quotes == ["The service reads CSV files of tide tables each night."]


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("build.sh", 'if [ "$(uname -s)" = "Darwin" ]; then'),
        ("app.R", 'if (.Platform$OS.type == "windows") {'),
        ("main.go", 'if runtime.GOOS == "linux" {'),
        ("Dockerfile", "RUN CGO_ENABLED=0 GOOS=linux go build -o /bin/app app.go"),
        ("run.py", 'parser.add_argument("--use_gpu", action="store_true")'),
        ("setup.py", '    "Operating System :: Microsoft :: Windows",'),
    ],
)
def test_code_names_the_platform_it_checks_for_as_hardware(name: str, line: str) -> None:
    text = f"{line}\n"
    facts = area_facts(name, text, Kind.CODE, Area.HARDWARE)
    assert [f.line for f in facts] == [1], facts


def test_a_limit_told_in_a_usage_text_is_a_performance_fact() -> None:
    text = (
        "package main\n\n"
        "var usage = `Usage: probe [options...] <url>\n"
        "  -t  Timeout for each request in seconds. Default is 20.\n"
        "`\n"
    )
    facts = area_facts("main.go", text, Kind.CODE, Area.PERFORMANCE)
    assert [f.line for f in facts] == [4]


def test_a_file_is_quoted_by_its_declared_options_before_what_it_reads_or_prints() -> None:
    text = (
        "import argparse, os\n\n"
        "home = os.getenv('SURVEY_HOME')\n"
        "cache = os.getenv('SURVEY_CACHE')\n"
        "region = os.getenv('SURVEY_REGION')\n"
        "parser = argparse.ArgumentParser()\n"
        "parser.add_argument('--plot', help='the field plot to read')\n"
        "parser.add_argument('--season', type=int)\n"
    )
    facts = area_facts("survey.py", text, Kind.CODE, Area.INPUTS)
    assert [f.line for f in facts] == [3, 7, 8]  # the options first, then in line order


def test_a_route_handler_returns_its_response_as_an_output() -> None:
    text = (
        "from fastapi import APIRouter\n\n"
        "router = APIRouter()\n\n\n"
        "@router.get('/berths/{berth}', response_description='The berth and its booking')\n"
        "def berth(berth: int) -> dict:\n"
        "    def helper():\n"
        "        return 1\n"
        "    if berth < 0:\n"
        "        return {'error': 'no such berth'}\n"
        "    return {'berth': berth}\n"
    )
    facts = extract([seed("berths.py", text, Kind.CODE)])
    assert [(f.area.value, f.line) for f in facts] == [
        ("inputs", 6), ("outputs", 6), ("outputs", 11), ("outputs", 12)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "line", "area"),
    [
        ("main.go", 'rootCmd.PersistentFlags().StringVar(&cfg, "config", "", "config file")',
         Area.INPUTS),
        ("main.cpp", 'options.add_options()("d,depth", "sounding depth")', Area.INPUTS),
        ("Gemfile", "rack_version = ENV['rack'].to_s", Area.INPUTS),
        ("main.rs", "let mut out = BufWriter::new(io::stdout().lock());", Area.OUTPUTS),
        ("schema.sql", "CREATE TABLE readings (", Area.OUTPUTS),
    ],
)  # fmt: skip
def test_flags_environment_streams_and_tables_in_other_languages(
    name: str, line: str, area: Area
) -> None:
    assert [f.line for f in area_facts(name, f"{line}\n", Kind.CODE, area)] == [1]


def test_checking_a_flag_is_not_declaring_one() -> None:
    text = 'if cmd.Flags().Changed("width") {\n'
    assert area_facts("main.go", text, Kind.CODE, Area.INPUTS) == []


def test_each_code_fact_names_the_signal_that_chose_it() -> None:
    text = (
        "# Reads the gauge readings from a CSV file.\n"
        "import argparse, sys\n"
        "parser = argparse.ArgumentParser()\n"
        "parser.add_argument('--gauge')\n"
        "rows = open(sys.argv[1]).read()\n"
        "print(rows)\n"
    )
    facts = extract([seed("gauge.py", text, Kind.CODE)])
    assert {(f.area.value, f.line, f.signals) for f in facts} == {
        ("inputs", 1, ("comment",)),
        ("inputs", 4, ("interface",)),
        ("inputs", 5, ("statement",)),
        ("outputs", 6, ("print",)),
    }


def test_a_parameter_list_under_its_heading_outweighs_sentences_that_name_options() -> None:
    sentences = "".join(f"Set the `{name}` option to tune the survey.\n\n" for name in "abcdef")
    text = (
        "# Buoy API\n\n## Overview\n\n" + sentences + "## Parameters\n\n"
        "- `station`: the buoy's station code\n"
        "- `since` (optional): the first hour to return\n"
        "- a plain item with no name\n"
    )
    facts = area_facts("buoys.md", text, Kind.SPEC, Area.INPUTS)
    entries = [f for f in facts if "entry" in f.signals]
    assert [f.line for f in entries] == [19, 20]
    assert {f.line for f in evidence(facts)} >= {19, 20}  # quoted before the sentences


def test_an_http_operation_named_alone_in_a_reference_is_an_input() -> None:
    text = (
        "# Ferry booking API\n\n## Book a crossing\n\n**POST** `/api/crossings`\n\n"
        "## List sailings\n\n```\nGET /api/sailings?port={port}\n```\n\n"
        "## Notes\n\nPOST /api/crossings is slow on Mondays, as the log shows.\n\n"
        "```\ncurl -X POST /api/crossings -d @booking.json\n```\n"
    )
    facts = area_facts("ferry.md", text, Kind.SPEC, Area.INPUTS)
    assert [(f.line, f.quote, f.signals) for f in facts] == [
        (5, "POST `/api/crossings`", ("operation",)),
        (10, "GET /api/sailings?port={port}", ("operation",)),
    ]


def test_a_statement_names_its_machine_but_a_comment_must_say_something_concrete() -> None:
    text = "# Runs on a machine in the office.\nif sys.platform == 'win32':\n    pass\n"
    facts = area_facts("tool.py", text, Kind.CODE, Area.HARDWARE)
    assert [(f.line, f.measurable) for f in facts] == [(1, False), (2, True)]


def test_japanese_speed_words_beside_a_value_are_a_performance_fact() -> None:
    text = "# 在庫検索\n\n検索のパフォーマンスは 500ミリ秒以内 を目標とする。\n"
    facts = area_facts("search.md", text, Kind.SPEC, Area.PERFORMANCE)
    assert [(f.line, f.measurable) for f in facts] == [(3, True)]


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("Dockerfile", "RUN go build -o /bin/tidegauge ./cmd/tidegauge"),
        ("fetch.sh", "curl --output readings.json https://example.org/gauges"),
        ("main.go", "  -o  Output format: csv or json."),
    ],
)
def test_a_command_told_where_to_write_is_an_output(name: str, line: str) -> None:
    assert [f.line for f in area_facts(name, f"{line}\n", Kind.CODE, Area.OUTPUTS)] == [1]


def test_a_dash_o_inside_a_word_is_no_output_flag() -> None:
    assert area_facts("run.sh", "ls -only-dirs\nset -o errexit\n", Kind.CODE, Area.OUTPUTS) == []


def test_a_call_over_several_lines_is_quoted_whole_and_its_body_is_not() -> None:
    text = (
        "import argparse\n"
        "parser = argparse.ArgumentParser()\n"
        "parser.add_argument(\n"
        "    '--station',\n"
        "    help='the gauge (a code such as [TG-4]) to read',\n"
        ")\n"
        "parser.add_argument(\n"
        "    '--since',\n"
        "    type=int,\n"
        ")\n"
    )
    facts = area_facts("gauge.py", text, Kind.CODE, Area.INPUTS)
    assert [(f.line, f.quote) for f in facts] == [
        (3, "parser.add_argument('--station', help='the gauge (a code such as [TG-4]) to read',)"),
        (7, "parser.add_argument('--since', type=int,)"),
    ]
    route = 'app.MapGet("/tides", (string port) =>\n{\n    return Results.Ok(port);\n});\n'
    (fact,) = area_facts("Tides.cs", route, Kind.CODE, Area.INPUTS)
    assert fact.quote == 'app.MapGet("/tides", (string port) =>'


def test_an_answer_that_states_nothing_is_never_quoted() -> None:
    text = (
        "# Cold chain monitor\n\n## Scalability\n\n"
        "### Will enabling the monitor add API calls?\n\nNo.\n\n"
        "### Will it raise the latency of the scanners?\n\nNone.\n\n"
        "### What latency must a scan meet?\n\nNo more than 300 ms per scan.\n"
    )
    facts = area_facts("monitor.md", text, Kind.SPEC, Area.PERFORMANCE)
    assert [f.quote for f in facts] == ["No more than 300 ms per scan."]


def test_a_line_inside_a_quoted_call_is_not_quoted_again() -> None:
    text = (
        "fs.writeFile(\n"
        "  'tides.json',\n"
        "  JSON.stringify(tides),\n"
        "  () => console.log('saved'),\n"
        ");\n"
    )
    facts = area_facts("save.js", text, Kind.CODE, Area.OUTPUTS)
    assert [f.line for f in facts] == [1]


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("deploy.sh", 'if [ -f "$CONFIG_DIR/stations.yml" ]; then'),
        ("check.sh", "[[ -r ~/.pgpass ]] || exit 1"),
        ("load.sql", "LOAD DATA INFILE 'tides.csv' INTO TABLE readings;"),
        ("restore.sql", "source sample_orders.sql ;"),
        ("Startup.cs", 'var url = Configuration["Archive:BaseUrl"];'),
        ("Program.cs", 'var limits = builder.Configuration.GetSection("Limits");'),
    ],
)
def test_files_a_script_tests_or_loads_and_settings_it_reads_are_inputs(
    name: str, line: str
) -> None:
    assert [f.line for f in area_facts(name, f"{line}\n", Kind.CODE, Area.INPUTS)] == [1]


def test_a_shell_test_on_a_string_or_a_source_of_shell_code_is_no_input() -> None:
    text = 'if [ -z "$NAME" ]; then exit 1; fi\nsource venv/bin/activate\n'
    assert area_facts("run.sh", text, Kind.CODE, Area.INPUTS) == []
