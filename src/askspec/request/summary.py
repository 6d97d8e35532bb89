"""The request's opening: one plain sentence per file or group, naming files by their titles.

The stakeholder should see at a glance that someone read what they sent: each file
by its title and what it is, versions of one document together, and how much of
the four areas the files already cover.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from askspec.extract import rules as r
from askspec.extract.code import OPENAPI
from askspec.i18n import N_, _, ngettext
from askspec.models import Kind, SeedFile, Status
from askspec.request.model import AreaFinding, Observation
from askspec.request.titles import base_name, clip, format_name, join, named, quoted

#: Build and dependency files, by name, and the language they belong to.
BUILD_FILES = {
    "pyproject.toml": "Python",
    "setup.py": "Python",
    "setup.cfg": "Python",
    "requirements.txt": "Python",
    "package.json": "JavaScript",
    "cargo.toml": "Rust",
    "go.mod": "Go",
    "pom.xml": "Java",
    "build.gradle": "Java",
    "gemfile": "Ruby",
    "makefile": "",
    "dockerfile": "",
    "cmakelists.txt": "C or C++",
}
LANGUAGES = {
    "python": "Python",
    "javascript": "JavaScript",
    "ts": "TypeScript",
    "tsx": "TypeScript",
    "go": "Go",
    "rust": "Rust",
    "c": "C",
    "c++": "C++",
    "java": "Java",
    "ruby": "Ruby",
    "shell": "shell",
    "php": "PHP",
    "kotlin": "Kotlin",
    "swift": "Swift",
    "sql": "SQL",
    "r": "R",
    "jupyter": "Jupyter",
}
#: Han, kana and hangul: scripts written without spaces between words.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
PROCESS_FILES = frozenset({"procfile", "app.yaml", "fly.toml", "render.yaml"})
GENERIC_TAGS = {"text", "executable", "non-executable", "header", "file", "binary", "plain-text"}
#: Files described one by one up to this many; beyond it, by kind.
ONE_BY_ONE = 6
SHOWN = 3
AREA_WORDS = {"inputs": N_("inputs"), "outputs": N_("outputs"), "hardware": N_("hardware"),
              "performance": N_("performance targets")}  # fmt: skip


def code_language(seed: SeedFile) -> str:
    """The programming language of a code seed, from its name or its first line."""
    from identify.identify import tags_from_filename, tags_from_interpreter

    tags = set(tags_from_filename(base_name(seed.path)))
    if seed.text.startswith("#!"):
        first = seed.text.splitlines()[0][2:].split()
        tags |= set(tags_from_interpreter(first[-1])) if first else set()
    for tag in sorted(tags - GENERIC_TAGS):
        if tag in LANGUAGES:
            return LANGUAGES[tag]
    return ""


def what_code(seed: SeedFile) -> str:
    """``a Python program``, ``the build file of a Python project``."""
    name = base_name(seed.path).lower()
    if name in BUILD_FILES:
        lang = BUILD_FILES[name]
        if lang:
            return _("the build file of a {language} project").format(language=lang)
        return _("a build file")
    lang = code_language(seed)
    return _("a {language} program").format(language=lang) if lang else _("program code")


def what_spec(seed: SeedFile) -> str:
    """``an API definition``, ``a design card``, ``a specification covering a, b and c``."""
    lines = seed.text.splitlines()
    if OPENAPI.search("\n".join(lines[:60])):
        return _("an API definition")
    sections = [m.group(1).strip() for line in lines[1:] if (m := r.ATX.match(line))]
    if not sections and sum(1 for line in lines if r.CARD.match(line)) >= 3:
        return _("a design card")
    if not sections:
        return _("a specification")
    covers = join([s.lower() for s in sections[:4]])
    return _("a specification covering {sections}").format(sections=covers)


def what(seed: SeedFile) -> str:
    """What one file is, as the complement of ``X is …``."""
    if base_name(seed.path).lower() in PROCESS_FILES:
        return _("the process file of an app for a hosting platform")
    if seed.kind is Kind.CODE:
        return what_code(seed)
    if seed.kind is Kind.SPEC:
        return what_spec(seed)
    if seed.kind is Kind.DATA:
        ext = format_name(seed.path)
        return _("{format} data").format(format=ext) if ext else _("data")
    return _("a text") if long_text(seed) else _("a short note")


def long_text(seed: SeedFile) -> bool:
    """A text rather than a short note: over 60 words, two CJK characters counting as one."""
    return len(seed.text.split()) + len(CJK.findall(seed.text)) // 2 > 60


def sentence(seed: SeedFile, title: str) -> str:
    """``notes.md (“Visit notes”) is a text.``; an untitled text by its opening words."""
    name = named(seed, title)
    if not title and seed.kind is Kind.PROSE:
        opening = next((line for line in seed.text.splitlines() if line.strip()), "")
        if opening:
            begins = quoted(clip(opening, 60))
            if long_text(seed):
                return _("{file} is a text that begins {opening}.").format(
                    file=name, opening=begins
                )
            return _("{file} is a short note that begins {opening}.").format(
                file=name, opening=begins
            )
    return _("{file} is {what}.").format(file=name, what=what(seed))


KIND_PLURALS = {Kind.PROSE: N_("texts"), Kind.CODE: N_("program code"),
                Kind.SPEC: N_("specifications"), Kind.DATA: N_("data")}  # fmt: skip


def group_sentence(kind: Kind, files: Sequence[tuple[SeedFile, str]]) -> str:
    """Many files of one kind: a few named by title, the rest counted."""
    shown = [named(f, t) for f, t in files[:SHOWN]]
    if len(files) > SHOWN:
        more = len(files) - SHOWN
        shown.append(ngettext("{count} more file", "{count} more files", more).format(count=more))
    return ngettext("{files} is {kind}.", "{files} are {kind}.", len(files)).format(
        files=join(shown), kind=_(KIND_PLURALS[kind])
    )


def coverage(findings: Iterable[AreaFinding], count: int) -> str:
    """One sentence on what the files state, state vaguely, or leave out."""
    by_status: dict[Status, list[str]] = {s: [] for s in Status}
    for finding in findings:
        by_status[finding.status].append(_(AREA_WORDS[finding.area.value]))
    stated = join(by_status[Status.STATED])
    vague = join(by_status[Status.VAGUE])
    missing = join(by_status[Status.MISSING], "or")
    # One whole sentence for each combination: clauses joined by code read badly in
    # languages that do not join verb phrases with "and".
    if not stated and not vague:
        return ngettext(
            "It says nothing yet about inputs, outputs, hardware or performance targets.",
            "They say nothing yet about inputs, outputs, hardware or performance targets.",
            count,
        )
    if not stated:
        if not missing:
            return ngettext(
                "It mentions {vague} only vaguely.", "They mention {vague} only vaguely.", count
            ).format(vague=vague)
        return ngettext(
            "It mentions {vague} only vaguely and says nothing about {missing}.",
            "They mention {vague} only vaguely and say nothing about {missing}.",
            count,
        ).format(vague=vague, missing=missing)
    if vague and missing:
        return ngettext(
            "It states the {stated}, but mentions {vague} only vaguely and says nothing "
            "about {missing}.",
            "They state the {stated}, but mention {vague} only vaguely and say nothing "
            "about {missing}.",
            count,
        ).format(stated=stated, vague=vague, missing=missing)
    if vague:
        return ngettext(
            "It states the {stated}, but mentions {vague} only vaguely.",
            "They state the {stated}, but mention {vague} only vaguely.",
            count,
        ).format(stated=stated, vague=vague)
    if missing:
        return ngettext(
            "It states the {stated}, but says nothing about {missing}.",
            "They state the {stated}, but say nothing about {missing}.",
            count,
        ).format(stated=stated, missing=missing)
    return ngettext("It states the {stated}.", "They state the {stated}.", count).format(
        stated=stated
    )


def describe(
    files: Sequence[SeedFile],
    titles: Sequence[str],
    findings: Iterable[AreaFinding],
    observations: Sequence[Observation] = (),
) -> tuple[str, ...]:
    """The opening sentences: files by title and what they are, then what they state."""
    grouped = {p for o in observations if o.kind == "versions" for p in o.files}
    read = [
        (f, t)
        for f, t in zip(files, titles, strict=True)
        if f.text.strip() and f.kind in KIND_PLURALS
    ]
    if not read:
        return (_("None of the files could be read."),)
    # Versions of one document are said together by their observation, above the summary.
    sentences: list[str] = []
    if not any(o.kind == "unreadable" for o in observations):
        sentences.append(counts_sentence(len(files), len(read)))
    single = [(f, t) for f, t in read if f.path not in grouped]
    if len(single) <= ONE_BY_ONE:
        sentences.extend(sentence(f, t) for f, t in single)
    else:
        for kind in KIND_PLURALS:
            if mine := [(f, t) for f, t in single if f.kind is kind]:
                sentences.append(group_sentence(kind, mine))
    return (*sentences, coverage(findings, len(read)))


def counts_sentence(total: int, read: int) -> str:
    """``We read all 3 files.`` or ``We read 7 of 9 files.``"""
    if total == read:
        if total <= 2:
            return (
                _("We read the file you sent.") if total == 1 else _("We read both files you sent.")
            )
        return ngettext(
            "We read all {count} file you sent.", "We read all {count} files you sent.", total
        ).format(count=total)
    return ngettext(
        "We read {read} of the {count} file you sent.",
        "We read {read} of the {count} files you sent.",
        total,
    ).format(read=read, count=total)
