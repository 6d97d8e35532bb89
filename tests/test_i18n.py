"""Requests in every shipped language: complete catalogs, the language chosen, round trips."""

from __future__ import annotations

import email
import re
from collections.abc import Callable
from datetime import date
from email import policy
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from askspec.answers.check import check_answers
from askspec.cli import app
from askspec.errors import UsageError
from askspec.generate import Options, generate
from askspec.i18n import languages, locale_folder, resolve, shipped, speaking
from askspec.request.language import Prevailing, choose, prevailing
from conftest import EXAMPLE_SEEDS, ROOT

LANGS = list(languages())
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|%%|\{[a-z_]+\}")
DAY = date(2026, 1, 15)
#: Answers every question accepts as complete and measurable, in each language.
ANSWERS = {
    "en": "One 4-core server with 8 GB RAM; p95 under 200 ms at 50 requests/s.",
    "zh-CN": "一台 4 核服务器，8 GB 内存；每秒 50 个请求时 p95 低于 200 ms。",
    "ja": "4 コアのサーバー 1 台、メモリ 8 GB。毎秒 50 リクエストで p95 が 200 ms 未満。",
    "de": "Ein Server mit 4 Kernen und 8 GB RAM; p95 unter 200 ms bei 50 Anfragen/s.",
    "fr": "Un serveur à 4 cœurs avec 8 GB de RAM ; p95 sous 200 ms à 50 requêtes/s.",
    "es": "Un servidor de 4 núcleos con 8 GB de RAM; p95 por debajo de 200 ms con 50 peticiones/s.",
}
#: Seeds written in each language, for the automatic choice.
SEEDS = {
    "zh-CN": "# 订单跟踪系统\n\n我们希望建设一个系统，记录每个订单的状态，并在订单延误时"
    "通知客户。系统必须每天处理约两万个订单，报告必须每周生成一次。\n",
    "ja": "# 注文管理システム\n\n各注文の状態を記録し、遅れが出たときに顧客へ知らせる"
    "システムを作りたいと考えています。毎日およそ二万件の注文を処理する必要があります。\n",
    "de": "# Auftragsverfolgung\n\nWir wollen ein System, das den Stand jedes Auftrags "
    "festhält und die Kunden informiert, wenn sich eine Lieferung verspätet. Es muss "
    "jeden Tag etwa zwanzigtausend Aufträge verarbeiten, und der Bericht soll wöchentlich "
    "erstellt werden.\n",
    "fr": "# Suivi des commandes\n\nNous voulons un système qui enregistre l'état de chaque "
    "commande et qui prévient les clients quand une livraison est en retard. Il doit "
    "traiter chaque jour environ vingt mille commandes, et le rapport doit être produit "
    "chaque semaine par le service.\n",
    "es": "# Seguimiento de pedidos\n\nQueremos un sistema que registre el estado de cada "
    "pedido y que avise a los clientes cuando una entrega se retrase. Debe procesar cada "
    "día unos veinte mil pedidos, y el informe se debe generar cada semana para el equipo.\n",
}


def source_messages() -> set[str | tuple[str, str]]:
    """Every message the code and templates mark, extracted as babel.cfg says."""
    method_map = [
        ("src/askspec/**.py", "python"),
        ("templates/**.j2", "jinja2"),
    ]
    options = {
        "templates/**.j2": {
            "trimmed": "true",
            "trim_blocks": "true",
            "lstrip_blocks": "true",
            "newstyle_gettext": "true",
        }
    }
    keywords = {"_": None, "N_": None, "ngettext": (1, 2), "gettext": None}
    found: set[str | tuple[str, str]] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT),
        method_map,
        options,
        keywords=keywords,
        directory_filter=lambda path: "__pycache__" not in path and "/." not in path,
    ):
        found.add(message)
    return found


@pytest.fixture(scope="module")
def marked() -> set[str | tuple[str, str]]:
    return source_messages()


def catalog(lang: str):  # type: ignore[no-untyped-def]
    path = locale_folder().joinpath(languages()[lang].catalog_path)
    with path.open("rb") as fh:
        return read_po(fh)


def test_extraction_finds_the_templates_and_the_catalogue(marked: set[object]) -> None:
    assert "What data or requests enter the system?" in marked  # catalogue.py
    assert "Your files already say:" in marked  # a partial
    assert "Download answers (request.md)" in marked  # the page
    assert len(marked) > 250


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_translates_every_marked_message(lang: str, marked: set[object]) -> None:
    found = catalog(lang)
    missing = [m for m in marked if found.get(m) is None]
    assert not missing, f"{lang} lacks {len(missing)} messages, e.g. {missing[:3]}"
    for message in found:
        if not message.id:
            continue
        assert not message.fuzzy, f"{lang}: fuzzy entry {message.id!r}"
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{lang}: empty translation of {message.id!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_the_placeholders(lang: str) -> None:
    for message in catalog(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            got = set(PLACEHOLDER.findall(text))
            # A plural's singular form may spell out its number ("the file you sent").
            allowed = wanted - {"{count}"} if len(ids) > 1 else wanted
            assert allowed <= got <= wanted, f"{lang}: {ids[0]!r} -> {text!r}"


def test_the_english_catalog_repeats_the_messages() -> None:
    for message in catalog("en"):
        if message.id:
            assert message.string == message.id


def test_pot_template_is_current(marked: set[object]) -> None:
    with locale_folder().joinpath("askspec.pot").open("rb") as fh:
        template = {m.id for m in read_po(fh) if m.id}
    assert template == marked, "run pybabel extract (see README, Languages)"


def test_a_broken_catalog_in_a_templates_folder_is_one_line(tmp_path: Path) -> None:
    own = tmp_path / "tpl" / "locale" / "de" / "LC_MESSAGES" / "askspec.po"
    own.parent.mkdir(parents=True)
    own.write_text("garbage here\n", encoding="utf-8")
    r = CliRunner().invoke(
        app,
        ["generate", str(EXAMPLE_SEEDS), "-o", str(tmp_path / "out"), "--lang", "de",
         "--templates", str(tmp_path / "tpl")],
    )  # fmt: skip
    assert r.exit_code == 1
    assert "askspec.po" in r.stderr and "not a readable gettext catalog" in r.stderr
    assert "Traceback" not in r.output


def test_a_templates_folder_catalog_replaces_words(tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["templates", "copy", str(tmp_path / "tpl"), "--lang", "de"])
    assert r.exit_code == 0, r.output
    own = tmp_path / "tpl" / "locale" / "de" / "LC_MESSAGES" / "askspec.po"
    text = own.read_text(encoding="utf-8")
    own.write_text(text.replace('msgstr "Antwort:"', 'msgstr "Ihre Antwort:"'), encoding="utf-8")
    options = Options(date=DAY, lang="de", templates=tmp_path / "tpl")
    generate(EXAMPLE_SEEDS, tmp_path / "out", options)
    request = (tmp_path / "out" / "request.md").read_text(encoding="utf-8")
    assert "**Ihre Antwort:**" in request and "Beispiel für eine gute Antwort" in request


# --- the language chosen ----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"), [("auto", "auto"), ("DE", "de"), ("zh_cn", "zh-CN"), (" ja ", "ja")]
)
def test_lang_values_are_read_loosely(value: str, code: str) -> None:
    assert resolve(value) == code


def test_an_unknown_lang_lists_the_supported_ones(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="'xx' is not a language"):
        resolve("xx")
    r = CliRunner().invoke(
        app, ["generate", str(EXAMPLE_SEEDS), "-o", str(tmp_path), "--lang", "xx"]
    )
    assert r.exit_code == 2
    assert r.stderr.strip() == (
        "error: --lang: 'xx' is not a language askspec writes; use auto, en, zh-CN, ja, de, fr, es"
    )


def test_code_does_not_count_and_long_texts_weigh_more() -> None:
    found = prevailing(["Wir wollen ein System, das die Daten der Kunden speichert. " * 20,
                        "The system and the data of the customer, in short."])  # fmt: skip
    assert found.code == "de" and found.share > 0.9
    assert choose("auto", found).line().startswith("language: de (")


@pytest.mark.parametrize(
    ("found", "code", "reason"),
    [
        (Prevailing(), "en", "no prose or spec text"),
        (Prevailing("de", 0.45, 900), "en", "no language has most of the text"),
        (Prevailing("ko", 0.9, 900), "en", "90% of prose/spec text is Korean"),
        (Prevailing("zh", 0.82, 900), "zh-CN", "82% of prose/spec text"),
    ],
)
def test_the_choice_says_why(found: Prevailing, code: str, reason: str) -> None:
    choice = choose("auto", found)
    assert choice.code == code and reason in choice.reason


@pytest.mark.parametrize("lang", sorted(SEEDS))
def test_seeds_in_a_language_get_a_request_in_it_without_a_flag(
    lang: str, make_tree: Callable[..., Path], tmp_path: Path
) -> None:
    seeds = make_tree({"notes.md": SEEDS[lang], "tool.py": "import sys\nprint(sys.argv)\n" * 30})
    r = CliRunner().invoke(app, ["generate", str(seeds), "-o", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    assert f"language: {lang} (" in r.stderr
    page = (tmp_path / "out" / "request.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in page
    with speaking(lang):
        heading = shipped(lang).gettext("Inputs")
    assert f"## {heading}" in (tmp_path / "out" / "request.md").read_text(encoding="utf-8")


def test_config_file_and_environment_pick_the_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_home: Path
) -> None:
    config = private_home / ".config" / "askspec" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('lang = "fr"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["generate", str(EXAMPLE_SEEDS), "-o", "a"])
    assert "language: fr (as asked)" in r.stderr, r.output
    (tmp_path / "pyproject.toml").write_text('[tool.askspec]\nlang = "es"\n', encoding="utf-8")
    r = CliRunner().invoke(app, ["generate", str(EXAMPLE_SEEDS), "-o", "b"])
    assert "language: es (as asked)" in r.stderr, r.output
    monkeypatch.setenv("ASKSPEC_LANG", "ja")
    r = CliRunner().invoke(app, ["generate", str(EXAMPLE_SEEDS), "-o", "c"])
    assert "language: ja (as asked)" in r.stderr, r.output
    r = CliRunner().invoke(app, ["generate", str(EXAMPLE_SEEDS), "-o", "d", "--lang", "de"])
    assert "language: de (as asked)" in r.stderr, r.output
    (tmp_path / "pyproject.toml").write_text("[tool.askspec]\nlang = 3\n", encoding="utf-8")
    monkeypatch.delenv("ASKSPEC_LANG")
    r = CliRunner().invoke(app, ["generate", str(EXAMPLE_SEEDS), "-o", "e"])
    assert r.exit_code == 2 and "must be a string" in r.stderr


def test_scan_says_the_language(make_tree: Callable[..., Path]) -> None:
    seeds = make_tree({"spec.md": SEEDS["zh-CN"], "a.py": "x = 1\n" * 200})
    r = CliRunner().invoke(app, ["scan", str(seeds)])
    assert r.exit_code == 0, r.output
    assert "language: zh-CN (100% of prose/spec text)" in r.stderr


# --- every language round-trips ----------------------------------------------------


def fill(text: str, lang: str) -> str:
    """Replace each placeholder line with an answer, as a stakeholder does."""
    with speaking(lang):
        from askspec.request.answer_format import placeholder

        blank = placeholder()
    assert blank in text
    return text.replace(blank, ANSWERS[lang])


@pytest.mark.parametrize("lang", LANGS)
def test_a_request_filled_in_its_language_reads_back_complete(lang: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate(EXAMPLE_SEEDS, out, Options(date=DAY, lang=lang))
    filled = tmp_path / "filled.md"
    filled.write_text(fill((out / "request.md").read_text(encoding="utf-8"), lang), "utf-8")
    result = check_answers([filled], request=out / "request.json")
    assert result.complete and not result.open and not result.vague, result.summary_lines()
    again = generate(EXAMPLE_SEEDS, tmp_path / "again", Options(date=DAY, lang=lang,
                                                                answers=(filled,)))  # fmt: skip
    assert again.answers is not None and not again.answers.open
    request = (tmp_path / "again" / "request.md").read_text(encoding="utf-8")
    assert f"> {ANSWERS[lang]}" in request


@pytest.mark.parametrize("lang", LANGS)
def test_a_reply_email_in_its_language_reads_back(lang: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate(EXAMPLE_SEEDS, out, Options(date=DAY, lang=lang))
    sent = email.message_from_bytes((out / "request.eml").read_bytes(), policy=policy.default)
    body = sent.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    with speaking(lang):
        blank = shipped(lang).gettext("Write your answer here.")
    quoted = "\n".join(f"> {line}" if line else ">" for line in body.split("\n"))
    reply = quoted.replace(f"> {blank}", ANSWERS[lang])
    message = (
        f"From: a@example.com\nSubject: Re\nContent-Type: text/plain; charset=utf-8\n\n{reply}"
    )
    (tmp_path / "reply.eml").write_bytes(message.encode("utf-8"))
    result = check_answers([tmp_path / "reply.eml"], request=out / "request.json")
    assert result.complete, result.summary_lines()


@pytest.mark.parametrize("lang", LANGS)
def test_the_issue_form_and_checklist_speak_the_language(lang: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate(EXAMPLE_SEEDS, out, Options(date=DAY, lang=lang))
    form = (out / ".github" / "ISSUE_TEMPLATE" / "spec-request.yml").read_text(encoding="utf-8")
    label = shipped(lang).gettext("askspec reference")
    assert f"label: {label}" in form
    # GitHub writes each field's label as a heading and its value under it.
    body = "\n\n".join(f"### IN-{n} — x\n\n{ANSWERS[lang]}" for n in (1, 2))
    marker = re.search(r"value: '?(<!-- askspec:request[^>]*-->)", form)
    assert marker is not None
    issue = tmp_path / "issue.md"
    issue.write_text(f"{body}\n\n### {label}\n\n{marker.group(1)}\n", encoding="utf-8")
    result = check_answers([issue])
    assert {a.id for a in result.answered} == {"IN-1", "IN-2"}
    checklist = (out / "CHECKLIST.md").read_text(encoding="utf-8")
    ticked = checklist.replace("- [ ] IN-1", "- [x] IN-1")
    (tmp_path / "CHECKLIST.md").write_text(ticked, encoding="utf-8")
    read = check_answers([tmp_path / "CHECKLIST.md"])
    (answer,) = [a for a in read.answered if a.id == "IN-1"]
    assert answer.text == ""  # the title, in any language, is not taken for a note


def test_german_request_on_english_seeds_has_no_english_sentence(tmp_path: Path) -> None:
    generate(EXAMPLE_SEEDS, tmp_path / "out", Options(date=DAY, lang="de"))
    text = (tmp_path / "out" / "request.md").read_text(encoding="utf-8")
    english = re.compile(r"\b(the|and|your|please|what|which|answer|files?|you)\b", re.I)
    for line in text.split("\n"):
        # Quotes from the seeds, their names and titles stay as written.
        bare = re.sub(r"“[^”]*”|„[^“]*“|`[^`]*`|^> .*|^<!--.*", "", line)
        assert not english.search(bare), line


def test_html_page_and_email_carry_the_language(tmp_path: Path) -> None:
    generate(EXAMPLE_SEEDS, tmp_path / "out", Options(date=DAY, lang="ja"))
    page = (tmp_path / "out" / "request.html").read_text(encoding="utf-8")
    assert '<html lang="ja">' in page and "回答をダウンロード" in page
    sent = email.message_from_bytes((tmp_path / "out" / "request.eml").read_bytes(),
                                    policy=policy.default)  # fmt: skip
    assert sent["Subject"].startswith("seeds についての質問")
    html = sent.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert '<html lang="ja"' in html
