"""The classifier over a table of tricky cases, plus its scoring rules."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from askspec.classify.counts import count_sentences, count_stories, modal_counts
from askspec.classify.document_rules import (
    SPEC_HEADINGS,
)
from askspec.classify.features import (
    BLOCK_COMMENT,
    REQUIREMENT_ID,
    Signal,
    card_keys,
    count_symbols,
    make_view,
    remove_statements,
    strip_quoted,
)
from askspec.classify.headings import (
    HEADING_MARKS,
    NOT_IN_HEADINGS,
    spec_headings,
)
from askspec.classify.name_rules import (
    file_tags,
)
from askspec.classify.structured import delimited_verdict
from askspec.classify.verdict import (
    QUICK_CHARS,
    api_signals,
    classify,
    combine,
    confidence,
    quick_verdict,
)
from askspec.classify.wording import (
    API_PATTERNS,
    MODAL,
    MODAL_CJK,
    MODAL_WORDS,
    RFC2119,
    STANDARD,
    USER_STORY,
)
from askspec.models import Kind

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "classify.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case_table(case: dict[str, Any]) -> None:
    verdict = classify(case["name"], case["text"], case.get("fmt", "text"))
    assert verdict.kind == Kind(case["kind"]), verdict
    assert any(case["evidence"].lower() in why.lower() for why in verdict.evidence), verdict
    # The scan shows the confidence as a share: never above certain, never nothing.
    assert 0 < verdict.confidence <= 1, verdict


@pytest.mark.parametrize(
    ("name", "tags"),
    [
        ("widget.tcl", {"tcl", "text"}),  # a language identify does not know
        ("report.AWK", {"awk", "text"}),
        ("setup.inf", set()),  # claimed by two languages (INI and Inform 6)
        ("web.socket", set()),  # a settings format, not code
        ("model.smithy", set()),  # an interface definition, whatever Pygments says
        ("notes.unknownext", set()),
        ("tool.py", {"python", "text"}),  # identify's own tags come first
    ],
)
def test_names_identify_does_not_know_take_the_language_pygments_names(
    name: str, tags: set[str]
) -> None:
    assert file_tags(name) == tags


def test_content_beats_a_misleading_extension() -> None:
    essay = "We walked to the harbour and talked about the storm until it was dark.\n" * 5
    assert classify("story.py", essay).kind is Kind.PROSE
    script = "import os\nfor name in os.listdir('.'):\n    print(name)\n"
    assert classify("notes.txt", script).kind is Kind.CODE


def test_evidence_names_the_other_kind_of_a_mixed_file() -> None:
    verdict = classify(
        "spec.md",
        "# Requirements\n\nThe service MUST answer in 200 ms and MUST log errors.\n\n"
        "```python\nclient.get('/probes')\n```\n",
    )
    assert verdict.kind is Kind.SPEC
    assert any(why.startswith("also prose") for why in verdict.evidence)


def test_no_signal_is_prose_with_low_confidence() -> None:
    verdict = classify("x", "ok")
    assert verdict.kind is Kind.PROSE
    assert verdict.confidence < 0.5


def test_combine_orders_evidence_by_weight() -> None:
    verdict = combine(
        [
            Signal(Kind.SPEC, 1.0, "weak"),
            Signal(Kind.SPEC, 4.0, "strong"),
            Signal(Kind.CODE, 0.5, "x"),
        ]
    )
    assert verdict.evidence[:2] == ("strong", "weak")
    assert verdict.evidence[2] == "also code: x"


def test_confidence_grows_with_margin() -> None:
    assert confidence(6.0, 0.0) > confidence(6.0, 4.0) > confidence(1.0, 0.9)
    assert 0.34 <= confidence(0.1, 0.1) <= confidence(20.0, 0.0) <= 0.99


def test_large_json_that_does_not_parse_is_still_data() -> None:
    verdict = classify("big.json", '[{"a": 1},\n{"a": 2},\n... cut ...')
    assert verdict.kind is Kind.DATA


def test_build_files_are_code() -> None:
    assert classify("package.json", '{"name": "x", "version": "1.0.0"}').kind is Kind.CODE


def test_a_large_source_file_is_settled_on_its_head() -> None:
    body = "".join(f"def step_{n}(value):\n    return value + {n}\n\n" for n in range(400))
    head = body[: body.rfind("\n", 0, QUICK_CHARS) + 1]
    verdict = classify("steps.py", body)
    assert len(body) > QUICK_CHARS and verdict.kind is Kind.CODE
    assert verdict == classify("steps.py", head)


def test_a_script_with_long_usage_text_below_its_code_is_code() -> None:
    copy = 'if [ -f "$dir/{n}" ]; then\n    cp "$dir/{n}" "$out/"\nfi\n'
    code = "#!/bin/sh\nset -e\n" + "".join(copy.format(n=n) for n in range(45))
    rule = "The tool shall install each menu file. The user must name a vendor prefix.\n"
    usage = "usage() {\ncat << EOF\n" + rule * 40 + "EOF\n}\n"
    assert len(code) > QUICK_CHARS
    verdict = classify("install-menu", code + usage)
    assert verdict.kind is Kind.CODE and verdict.confidence >= 0.95


def test_a_large_source_file_that_is_not_dense_code_is_read_further() -> None:
    essay = "We walked to the harbour and talked about the storm until it was dark.\n" * 200
    assert len(essay) > QUICK_CHARS
    assert quick_verdict("story.py", essay, "text") is None
    assert classify("story.py", essay).kind is Kind.PROSE


#: Texts, whether their name says delimited rows, and the rows found, or None.
DELIMITED_CASES = [
    ("csv", "a,b,c\n1,2,3\n4,5,6\n7,8,9\n10,11,12\n", False, "CSV rows of equal width (5 read)"),
    ("semicolons", "id;name;price\n1;tea;2.50\n2;cake;3.10\n3;milk;0.90\n4;bread;1.20\n", False,
     "semicolon-separated rows of equal width (5 read)"),
    ("tabs-and-blank-lines", "a\tb\n\n  c\td  \ne\tf\ng\th\ni\tj\n", False,
     "TSV rows of equal width (5 read)"),
    ("statements", "a;\nb;\nc;\nd;\ne;\nf;\n", False, None),
    ("statements-named", "a;\nb;\nc;\nd;\ne;\nf;\n", True,
     "semicolon-separated rows of equal width (6 read)"),
    ("code", "x = 1;\ny = 2;\nz = 3; w = 4;\nv;\nu;\n", True, None),
    ("uneven-pipes", "one | two\nthree | four\nfive, six | seven\n| a | b |\nc | d\n", True, None),
    ("prose", "Prose, with commas, here.\nAnd here, too.\nNone\nA, b\nC, d\n", True, None),
    ("lone-commas", ",\n,\n,\n,\n,\n", False, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "named", "found"),
    [case[1:] for case in DELIMITED_CASES],
    ids=[c[0] for c in DELIMITED_CASES],
)
def test_delimited_rows_are_found(text: str, named: bool, found: str | None) -> None:
    verdict = delimited_verdict(text, named)
    assert (verdict.evidence[0] if verdict else None) == found


API_EXAMPLES = [
    ("openapi: 3.0.0\ninfo:\n  title: Pets\n", "OpenAPI definition"),
    ('swagger: "2.0"\ninfo:\n  title: Pets\n', "Swagger definition"),
    ("asyncapi: 2.6.0\ninfo:\n  title: Events\n", "AsyncAPI definition"),
    ('  "$schema": "https://json-schema.org/draft/2020-12/schema",\n', "JSON Schema"),
    ('// pets\nsyntax = "proto3";\n', "protobuf definition"),
    ("message Pet {\n  string name = 1;\n}\n", "protobuf definition"),
    ("type Query {\n  pet(id: ID!): Pet\n}\n", "GraphQL schema"),
    ("  input PetInput {\n    name: String!\n  }\n", "GraphQL schema"),
    ('<?xml version="1.0"?>\n<wsdl:definitions name="Pets">\n', "WSDL definition"),
    ('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n', "XML Schema"),
    ("#%RAML 1.0\ntitle: Pets\n", "RAML definition"),
    ("FORMAT: 1A\n# Pets API\n", "API Blueprint"),
    ('  "kind": "discovery#restDescription",\n  "discoveryVersion": "v1",\n', "API discovery"),
    ("namespace java pets\n\nstruct Pet {\n  1: string name\n}\n", "Thrift definition"),
]


@pytest.mark.parametrize(("text", "what"), API_EXAMPLES, ids=[w for _, w in API_EXAMPLES])
def test_every_interface_marker_is_found(text: str, what: str) -> None:
    verdict = classify("api.txt", text)
    assert verdict.kind is Kind.SPEC, verdict
    assert what in verdict.evidence[0], verdict


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("a = f(x);\n", 4),
        ("int main(void) { return a[0] < b; }", 8),
        ('<p class="x">Hi &amp; bye</p>', 7),
        ("ls -l | grep $USER && echo @home", 5),
        ("We walked to the harbour, then home.", 0),
        ("é€😀 {x} naïve", 2),
        ("\udcff[a]", 2),
        ("\\frac{a}{b} \\leq (c)", 8),
    ],
    ids=["empty", "python", "c", "html", "shell", "prose", "non-ascii", "surrogate", "latex"],
)
def test_code_symbols_are_counted(text: str, count: int) -> None:
    assert count_symbols(text) == count


#: Lines of many languages that read as statements...
STATEMENT_LINES = [
    "def main(argv):", "class Seed(Base):", "    return run(argv)", "    pass",
    "#include <stdio.h>", "int main(void) {", '    printf("hi");', "}", "});", "  ]",
    '  echo "$x"', "fi", "exit 1", "SELECT name FROM seeds;", "CREATE TABLE t (id int);",
    "const total = items.length;", "x.y-z = 1", "z  += 2", "obj.call(a, (b))", "  b);",
    "@Override", "$count = 0;", "(defun square (x) (* x x))", "for x in items:",
    "  elseif (a) {", "  else if (b)", "c {  ", "d;\t", "Note: see section 3;",
]  # fmt: skip
#: ...and lines that do not: prose, wrapped prose that starts with a keyword, markup.
PROSE_LINES = [
    "The system shall", "return an error when", "else if the user", "end of the story.",
    "We walked to the harbour.", "- item one", "## Heading", "key: value", "w\t=", "f(a,",
    "The price (in euros) is 12.", "import this and that", "g(x)) + 1", "a; b",
]  # fmt: skip


@pytest.mark.parametrize("line", STATEMENT_LINES)
def test_lines_of_code_read_as_statements(line: str) -> None:
    assert remove_statements(f"\n{line}\n")[1] == 1


@pytest.mark.parametrize("line", PROSE_LINES)
def test_lines_of_prose_do_not_read_as_statements(line: str) -> None:
    assert remove_statements(f"\n{line}\n")[1] == 0


#: Texts of many kinds, the requirement modals counted in each (not said by a person,
#: weak ones left out) and those with a system or its part as subject.
MODAL_CASES = [
    ("spec", "The system must log every request. The service shall retry twice. "
     "Each client should cache.", 2, 3),
    ("recipe", "You must preheat the oven. We will need two eggs; you should whisk them.", 0, 0),
    ("lease", "The tenant shall pay the rent monthly. The landlord must repair the roof.", 2, 0),
    ("novel", "She knew she must leave before dawn; he will follow, they said.", 0, 0),
    ("german", "Das System muss jeden Zugriff protokollieren. Die Anwendung soll Fehler "
     "melden. Du darfst gehen.", 2, 2),
    ("french", "Le système doit chiffrer les données. L'application devra répondre en 2 s. "
     "Vous devez lire.", 2, 2),
    ("spanish", "El sistema debe validar la entrada. La aplicación deberá guardar el registro.",
     2, 2),
    ("italian-portuguese", "Il sistema deve salvare i dati e dovrà inviarli. O sistema deverá "
     "responder; a aplicação deve gravar.", 4, 3),
    ("dutch-polish", "Het systeem moet inloggen en zal loggen. System musi działać; aplikacje "
     "muszą być szybkie.", 3, 1),
    ("russian", "Система должна хранить журнал. Сервер должен отвечать за 1 с.", 2, 1),
    ("chinese", "系统必须记录所有请求。软件应当支持导出。用户需要登录。接口应返回错误码。", 2, 3),
    ("japanese", "システムはログを保存しなければならない。サーバはものとする。", 2, 0),
    ("inside-words", "mustard, dmust, shall_, xwill; a must-have; 必须须; devem deverá; dient te",
     6, 0),
    ("code-comments", "def f():\n    # the caller must hold the lock\n    return g()  # this "
     "will never fail\n", 1, 0),
    ("phrases", "The API has to answer in 200 ms and the server needs to log. The file is "
     "required to exist.", 3, 3),
    ("dashes-and-quotes", "Das System muss – so „sagt“ er – loggen.", 1, 1),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "required", "system"),
    [case[1:] for case in MODAL_CASES],
    ids=[c[0] for c in MODAL_CASES],
)
def test_requirement_modals_are_counted_by_who_says_them(
    text: str, required: int, system: int
) -> None:
    assert modal_counts(text.lower()) == (required, system)


@pytest.mark.parametrize("text", [case[1] for case in MODAL_CASES], ids=[c[0] for c in MODAL_CASES])
def test_modals_grouped_by_first_letter_are_found_as_by_one_alternation(text: str) -> None:
    plain = re.compile("|".join([rf"{word}\b" for word in MODAL_WORDS] + list(MODAL_CJK)))
    low = text.lower()
    assert [m.span() for m in MODAL.finditer(low)] == [m.span() for m in plain.finditer(low)]


#: Texts in several languages and the user stories counted in each.
STORY_CASES = [
    ("english", "As a user, I want to export my seeds so that I can back them up.\n"
     "As an admin I need audit logs.", 2),
    ("would-like", "As a shopper, I would like to save my cart.", 1),
    ("german", "Als Nutzer möchte ich meine Daten exportieren. Als Admin will ich Logs sehen.", 2),
    ("french", "En tant que client, je veux payer en ligne. En tant qu'admin, je souhaite "
     "exporter.", 1),
    ("spanish", "Como usuario quiero pagar con tarjeta. Como gerente necesito informes.", 2),
    ("italian", "Come utente voglio salvare il carrello. Come amministratore vorrei esportare.", 2),
    ("chinese", "作为用户，我想要导出数据。作为管理员我需要日志。", 2),
    ("inside-words", "alas, as ancient texts go, i would like; income quiero; became i want", 0),
    ("has-a", "He has a way with words, I want to say. Has an idea, I need it.", 0),
    ("report", "The committee met in Bonn. Als Ergebnis wurde nichts beschlossen.", 0),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "count"), [case[1:] for case in STORY_CASES], ids=[c[0] for c in STORY_CASES]
)
def test_user_stories_are_counted_in_every_language(text: str, count: int) -> None:
    assert count_stories(text.lower()) == count


@pytest.mark.parametrize("text", [case[1] for case in STORY_CASES], ids=[c[0] for c in STORY_CASES])
def test_user_stories_match_as_with_a_leading_word_boundary(text: str) -> None:
    plain = re.compile(
        USER_STORY.pattern.replace("a(?<=\\ba)", "\\ba")
        .replace("e(?<=\\be)", "\\be")
        .replace("c(?<=\\bc)", "\\bc")
    )
    assert plain.pattern != USER_STORY.pattern
    low = text.lower()
    assert USER_STORY.findall(low) == plain.findall(low)


#: Texts and the section names their headings give, in several languages and markups.
HEADING_CASES = [
    ("markdown", "# Requirements\n\nThe tool reads files.\n\n## 2.1 Inputs\n- a path\n\nOUTPUTS:\n",
     {"inputs", "outputs", "requirements"}),
    ("code-and-markup", "def f(x):\n    return x  # Scope\n\nv. Design\n  Non-Goals  \n== API ==\n",
     {"api", "design", "non-goals"}),
    ("punctuation-and-long-lines",
     "Requirements (draft)\nInputs, outputs\n" + "x" * 70 + "\nSynopsis\n\n", {"synopsis"}),
    ("other-line-ends", "requirements\r\nInputs\rOutputs\x0cDesign\n",
     {"design", "inputs", "outputs", "requirements"}),
    ("german-french-chinese", "Anforderungen\n1. Eingaben\nCritères d'acceptation\n需求\n",
     {"anforderungen", "critères d'acceptation", "eingaben", "需求"}),
    ("non-ascii-lengths",
     "Überblick über das System\n## Schnittstellen ##\n  功能需求  \n2.3 Entrées\n" + "é" * 61,
     {"entrées", "schnittstellen", "功能需求"}),
    ("unicode-line-ends", "Anforderungen\u2028Eingaben\x85Ausgaben\u2029需求\r\n性能\n",
     {"anforderungen", "ausgaben", "eingaben", "性能", "需求"}),
    ("inside-titles", "## Alternatives we considered\n二、设计方案\n第三章 需求\n",
     {"alternatives", "设计方案", "需求"}),
    ("letter", "Dear Anna,\nthanks for the photos.\nSee you soon\n", set()),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "names"), [case[1:] for case in HEADING_CASES], ids=[c[0] for c in HEADING_CASES]
)
def test_section_names_are_read_from_short_lines(text: str, names: set[str]) -> None:
    assert spec_headings("\n" + text) == names


def test_no_heading_holds_the_punctuation_skipped_when_looking_for_headings() -> None:
    assert not set(NOT_IN_HEADINGS) & set("".join(SPEC_HEADINGS) + HEADING_MARKS)


#: Texts and the wording of a standard found in each, or None.
STANDARD_CASES = [
    ("rfc", "Network Working Group\nRequest for Comments: 2119\nCategory: Best Current Practice",
     "Request for Comments:"),
    ("draft", "Internet-Draft                                     Expires: May 2025",
     "Internet-Draft"),
    ("memo", "Status of This Memo\n\n   This memo provides information.", "Status of This Memo"),
    ("references", "9. Normative References\n[RFC2119] Bradner, S.", "Normative References"),
    ("conformance", "Section 3 lists the conformance requirements.", "conformance requirements"),
    ("conforming", "All conforming implementations must accept it.", "conforming implementations"),
    ("nonconforming", "Nonconforming implementations are common.", None),
    ("iso", "The C language is defined by ISO/IEC 9899:2018.", "ISO/IEC 9"),
    ("spec-defines", "This specification defines a wire format.", "This specification defines"),
    ("doc-specifies", "In short, this document specifies the rules.", "this document specifies"),
    ("key-words", "Key words for use in RFCs to Indicate Requirement Levels",
     "Key words for use in RFCs"),
    ("german", "2 Normative Verweise\nDie folgenden Dokumente", "Normative Verweise"),
    ("french", "Références normatives : ISO 8601", "Références normatives"),
    ("spanish", "Referencias normativas y bibliografía", "Referencias normativas"),
    ("chinese", "二、规范性引用文件", "规范性引用文件"),
    ("readme", "This document describes how to install the tool. It is short.", None),
    ("essay", "This standard of living was new to them; the draft was late.", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "found"), [case[1:] for case in STANDARD_CASES], ids=[c[0] for c in STANDARD_CASES]
)
def test_the_wording_of_a_standard_is_found(text: str, found: str | None) -> None:
    match = STANDARD.search(text)
    assert (match.group(0) if match else None) == found


#: Texts and the RFC 2119 keywords found in them: upper case and whole words only.
RFC2119_CASES = [
    ("protocol", "The client MUST NOT retry; servers SHOULD log and MAY cache. It is REQUIRED.",
     ["MUST NOT", "SHOULD", "REQUIRED"]),
    ("inside-words", "NOT RECOMMENDED, RECOMMENDED and SHALL NOT; SHALLOW MUSTARD XMUST _SHALL "
     "MUST_", ["NOT RECOMMENDED", "RECOMMENDED", "SHALL NOT"]),
    ("mixed-scripts", "Le client MUST (voir RFC 2119) — 必须 SHOULD。SHALL",
     ["MUST", "SHOULD", "SHALL"]),
    ("markdown", "Implementations **MUST** reject it; a server SHOULD NOT cache (see *REQUIRED*).",
     ["MUST", "SHOULD NOT", "REQUIRED"]),
    ("prose", "You must be kidding. Should we go? It is required reading.", []),
    ("code", "#define MUST_HAVE 1\nif (SHOULD_RETRY) { REQUIRED_FIELDS++; }", []),
    ("headline", "ALL CAPS HEADLINE: MAYOR SAYS CITY MUST ACT", ["MUST"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "keywords"), [case[1:] for case in RFC2119_CASES], ids=[c[0] for c in RFC2119_CASES]
)
def test_rfc2119_keywords_are_whole_upper_case_words(text: str, keywords: list[str]) -> None:
    assert RFC2119.findall(text) == keywords


#: Code with block comments and docstrings, and what is left of it without them.
BLOCK_CASES = [
    ("python-docstring",
     'def f():\n    """Doc "quoted" and ""twice"".\n    More."""\n    return 1\n',
     "\ndef f():\n\n    return 1\n"),
    ("python-prefixes",
     "x = 1\n  r'''raw ''doc'' ' ''''\nb\"\"\"bytes\"\"\"\nu'''open to the end\n",
     "\nx = 1\n'\n\n"),
    ("c", "/* one */ int x;\n/** two\n * stars ** and / slashes */\n  /* unclosed *\n/",
     "\n int x;\n\n"),
    ("perl-pod", "=pod\n\nText\n\n=cut\ncode();\n=item x\n", "\n\ncode();\n"),
    ("lua-cmake", "--[[ lua ]] x\n--[==[ long ]] ]==] y\n#[[ cmake ]]\n#[=[ open\n",
     "\n x\n y\n\n"),
    ("prose", 'plain text\nwith no "comments" at all\n"""\n',
     '\nplain text\nwith no "comments" at all\n'),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "left"), [case[1:] for case in BLOCK_CASES], ids=[c[0] for c in BLOCK_CASES]
)
def test_block_comments_are_removed_to_their_closing_or_the_end(text: str, left: str) -> None:
    assert BLOCK_COMMENT.sub("\n", "\n" + text) == left


#: Documents quoting code, what is left of each without its fences, and the lines fenced.
FENCE_CASES = [
    ("markdown", "Intro\n```python\nx = 1\n```\nAfter\n", "Intro\n\nAfter\n", 2),
    ("tildes-inside-backticks",
     "```\nfirst line fence\n  ```  \n~~~\n```\nnot closed by backticks\n~~~ end\ntail",
     "\n\ntail", 5),
    ("unclosed", "Text\n   ~~~~\ninside ``` a line\n ~~~\n\n```\nunclosed to the end",
     "Text\n\n\n", 3),
    ("empty-fences", "```\n```\n```js\n\n```", "\n", 3),
    ("inline-code", "no fence here, only `code` and ~tilde~\n",
     "no fence here, only `code` and ~tilde~\n", 0),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "left", "lines"), [case[1:] for case in FENCE_CASES], ids=[c[0] for c in FENCE_CASES]
)
def test_fences_are_removed_to_their_closing_or_the_end(text: str, left: str, lines: int) -> None:
    outline, _, fenced = strip_quoted(text, codeish=False)
    assert (outline[1:], fenced) == (left, lines)


#: Texts and the keys of their ``key: value`` lines, as a design card's are read.
CARD_KEY_CASES = [
    ("card", "Title: Pets API\nVersion: 1.2\nOwner: Team Blue\nGoal: list pets by owner\n",
     ("title", "version", "owner", "goal")),
    ("blanks", "Kind: service\nInputs : files\nthirty-chars-long-key-abcdefgh   : v\n",
     ("kind", "inputs", "thirty-chars-long-key-abcdefgh")),
    ("chinese-and-long-keys",
     "a" * 32 + ": too long\n  Scope:\tall\n输入：文本\n输出: x\nx. y - z:  w\n",
     ("scope", "输入", "输出", "x. y - z")),
    ("no-values", "key:\nkey :   \n1st: no\n_under: yes\n", ("_under",)),
    ("code", 'x = {"a": 1}\nurl = "http://x"\n  self.y: int = 3\n', ("self.y",)),
    ("prose", "We met at 10:30 and left.\nNote: bring tea\n", ("we met at 10", "note")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "keys"), [case[1:] for case in CARD_KEY_CASES], ids=[c[0] for c in CARD_KEY_CASES]
)
def test_card_keys_are_read_from_key_value_lines(text: str, keys: tuple[str, ...]) -> None:
    assert card_keys(text) == keys


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ('One. Two! Three? "Four." Five (six). seven.\nEnd.\n3.14 and e.g. this', 6),
        ("Der Satz endet. Über alles! „Zitat.“ Fin. «Oui!» Là?\t\nÉté.", 4),
        ("第一句。第二句！第三句？ Mixed. Text。", 5),
        ("He said “Go.” Then ”Stop!” and “Wait?”\n“Run.” “ X. (Y.) «Z!» now.”\t", 4),
        ("See fig. 3 and p. 12. Version 2.0 is out.", 2),
        ("def f():\n    return x.y  # done.\n", 1),
        ("Ist das so? Ja. Nein!", 3),
        ("no ends here", 0),
        ("", 0),
    ],
    ids=["english", "german-french", "chinese", "quotes", "abbreviations", "code", "short", "none",
         "empty"],
)  # fmt: skip
def test_sentence_ends_are_counted(text: str, count: int) -> None:
    assert count_sentences(text) == count


#: Texts, the Gherkin headings in each and its lines that are not blank.
LINE_CASES = [
    ("english", "Feature: export\n  Scenario Outline : rows\n  Scenario Outlinex: no\nExamples:\n",
     3, 4),
    ("other-languages", "Funktionalität: x\nSzenario:\n\tFonctionnalité :\nScénario: y\n"
     "Escenario:z\n功能：\n场景:\n", 6, 7),
    ("blank-lines", "Background: b\n\n   \n\t\nCaracterística: s\nFeatures: no\n", 2, 3),
    ("notes", "Note: a feature list\nFeature flags: on\n  feature: lower case\n", 0, 3),
    ("empty", "", 0, 0),
    ("only-newlines", "\n\n", 0, 0),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "heads", "lines"), [case[1:] for case in LINE_CASES], ids=[c[0] for c in LINE_CASES]
)
def test_gherkin_headings_and_lines_are_counted(text: str, heads: int, lines: int) -> None:
    view = make_view("notes.txt", text, "text")
    assert (view.gherkin_heads, view.lines) == (heads, lines)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("FR-001: export\n- REQ12 logs\n* [NFR-3] fast\n  R1: short\nSR-1.2.3) nested\n", 5),
        ("ABCDEF-1 too long\nAB_12 ok\n[US7] story\nThe R2 robot\n-UC4.\nreq-1 lower\n", 3),
        ("Hardware notes\nR2D2 is a robot\nCSV-export works\n", 0),
    ],
)
def test_numbered_requirements_are_counted_at_line_starts(text: str, count: int) -> None:
    assert len(REQUIREMENT_ID.findall("\n" + text)) == count


API_SAMPLES = [
    'openapi: "3.0.0"\ninfo: x\n',
    '{\n  "swagger": "2.0",\n  "$schema": "http://json-schema.org/x"\n}\n',
    'syntax = "proto3";\nmessage A {\n  // c\n  string a = 1;\n}\n',
    "message Ping {\n  repeated int32 ids = 2;\n}\n",
    "type Query {\n  seeds: [Seed!]\n}\ninput Seed {\n  name: String\n}\n",
    "extend type Seed {\n  x: Int\n}\n  interface Node {\n  id: ID!\n}\n",
    '<wsdl:definitions name="x">\n<xs:schema>\n<xsd:schema>\n',
    "#%RAML 1.0\n",
    "FORMAT: 1A\n",
    '{"discoveryVersion": "v1"}\n',
    "namespace java a.b\n\nstruct Seed {\n  1: string name\n}\n",
    "namespace App;\nclass Seed {}\n<p>definitions and :schema here</p>\n",
    "Plain prose: the type of a message, with a schema.\n",
]


@pytest.mark.parametrize("text", API_SAMPLES)
def test_api_markers_are_those_of_every_pattern(text: str) -> None:
    view = make_view("x.txt", text, "text")
    found = [what for pattern, what, _ in API_PATTERNS if pattern.search("\n" + view.head)][:1]
    assert [signal.why for signal in api_signals(view)] == found
