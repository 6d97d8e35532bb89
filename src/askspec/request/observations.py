"""Judge the seeds as a whole before asking: is there a system, one subject or several,
which version counts, does the thing exist already, what could not be read, which language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from askspec.i18n import AUTO, DEFAULT, _, language_name, languages, ngettext
from askspec.models import Kind, SeedFile
from askspec.request import signals
from askspec.request.kinds import tally
from askspec.request.language import Choice, choose, prevailing
from askspec.request.model import Observation
from askspec.request.subjects import Subject, subjects, terms
from askspec.request.titles import base_name, clip, join, quoted
from askspec.request.versions import Versions, same_document_groups

READ = frozenset({Kind.PROSE, Kind.CODE, Kind.SPEC, Kind.DATA})
DOCUMENTS = frozenset({Kind.PROSE, Kind.SPEC})
#: A group with fewer distinct words than this is too slight to count as a subject.
SUBJECT_WORDS = 30
#: This many words pointing at a kind of software mean the text is about a system.
SYSTEM_WORDS = 4
IMAGE = re.compile(r"\.(?:png|jpe?g|gif|bmp|tiff?|webp|heic|svg)$", re.IGNORECASE)


@dataclass(frozen=True)
class Seeds:
    """The files with the titles a reader would name them by."""

    files: tuple[SeedFile, ...]
    titles: tuple[str, ...]

    def read(self) -> list[int]:
        """Indexes of the files whose text was read."""
        return [i for i, f in enumerate(self.files) if f.kind in READ and f.text.strip()]


def why_unread(seed: SeedFile) -> str:
    """Why a file could not be read, in words for the person who sent it."""
    problem = " ".join(seed.problems).lower()
    if seed.kind is Kind.EMPTY:
        return _("it is empty")
    if "encrypt" in problem or "password" in problem:
        return _("it is protected by a password")
    if seed.kind is Kind.BINARY:
        return _("it is an image") if IMAGE.search(seed.path) else _("it is not a text document")
    if "permission" in problem or "denied" in problem:
        return _("we had no permission to open it")
    if "changed while" in problem:
        return _("it changed while we were reading it")
    return _("its content could not be read")


def unreadable(seeds: Seeds) -> Observation | None:
    """Files that could not be read, and why."""
    skipped = [f for f in seeds.files if f.kind not in READ or not f.text.strip()]
    if not skipped:
        return None
    reasons = join([f"{base_name(f.path)}: {why_unread(f)}" for f in skipped], "and")
    read, total = len(seeds.files) - len(skipped), len(seeds.files)
    detail = ngettext(
        "We read {read} of {total} file;", "We read {read} of {total} files;", total
    ).format(read=read, total=total)
    detail += " " + ngettext(
        "{count} file could not be read ({reasons}).",
        "{count} files could not be read ({reasons}).",
        len(skipped),
    ).format(count=len(skipped), reasons=reasons)
    return Observation("unreadable", tuple(f.path for f in skipped), detail)


def version_groups(seeds: Seeds) -> list[Versions]:
    """Files that are versions or copies of one document (see request.versions).

    Files are joined when they share a name, a name or title without version marks,
    or most of their text; candidates are found through indexes of those, so a large
    folder costs time in proportion to its size, not to the number of pairs.
    """
    groups = same_document_groups(seeds.files, seeds.titles)
    return [
        Versions(tuple(seeds.files[i] for i in g), tuple(seeds.titles[i] for i in g))
        for g in groups
    ]


def subject_name(seeds: Seeds, members: Sequence[int], subject: Subject) -> str:
    """A subject's name: its one file's title, else its most telling word as written."""
    titled = [seeds.titles[i] for i in members if seeds.titles[i]]
    if len(members) == 1 and titled:
        return titled[0]
    for word in subject.words:
        text = " ".join(seeds.files[i].text[:4000] for i in members)
        found = re.search(rf"\b{re.escape(word)}\w*", text, re.IGNORECASE)
        if found:
            return found.group(0)
    return titled[0] if titled else base_name(seeds.files[members[0]].path)


def several_subjects(seeds: Seeds, versions: list[Versions]) -> Observation | None:
    """Files about unrelated products or systems, named subject by subject."""
    docs = [i for i in seeds.read() if seeds.files[i].kind in DOCUMENTS]
    bags = [terms(seeds.files[i].text, seeds.titles[i]) for i in docs]
    paths = [seeds.files[i].path for i in docs]
    tied = [
        (paths.index(a.path), paths.index(b.path))
        for group in versions
        for a, b in zip(group.files, group.files[1:], strict=False)
        if a.path in paths and b.path in paths
    ]
    found = [
        s
        for s in subjects(bags, tied)
        if len({w for m in s.members for w in bags[m]}) >= SUBJECT_WORDS
    ]
    if len(found) < 2:
        return None
    parts: list[str] = []
    files: list[str] = []
    names: list[str] = []
    for subject in found:
        members = [docs[m] for m in subject.members]
        name = clip(subject_name(seeds, members, subject), 50)
        listed = join([base_name(seeds.files[i].path) for i in members])
        parts.append(_("{name} ({files})").format(name=quoted(name), files=listed))
        names.append(quoted(name))
        files.extend(seeds.files[i].path for i in members)
    detail = ngettext(
        "The files are about {count} different subject: {subjects}.",
        "The files are about {count} different subjects: {subjects}.",
        len(found),
    ).format(count=len(found), subjects=join(parts))
    question = _("Which of these subjects is this project about: {subjects}, or all of them?")
    question = question.format(subjects=join(names, "or"))
    return Observation("several-subjects", tuple(files), detail, question)


def settled(seeds: Seeds) -> Observation | None:
    """The seeds say the thing exists already: implemented, released, stable, in production."""
    for i in seeds.read():
        seed = seeds.files[i]
        if seed.kind not in DOCUMENTS:
            continue
        found = signals.first_match(signals.SETTLED, seed.text) or signals.first_match(
            signals.STATUS, seed.text
        )
        if found:
            line, text = found
            detail = _("{file} says the work exists already: {quote} (line {line}).").format(
                file=base_name(seed.path), quote=quoted(clip(text, 90)), line=line
            )
            question = _("Your files say this exists already: what is the work now?")
            return Observation("settled", (seed.path,), detail, question)
    return None


def no_system(seeds: Seeds) -> Observation | None:
    """Only prose that wants nothing built: news, stories and the like."""
    read = [seeds.files[i] for i in seeds.read()]
    if not read or any(f.kind is not Kind.PROSE for f in read):
        return None
    if any(signals.WANTED.search(f.text[: signals.SAMPLE]) for f in read):
        return None
    if sum(tally(read).values()) >= SYSTEM_WORDS:
        return None  # documentation of software: a system is there, if not yet a request
    detail = ngettext(
        "The file we read is narrative text; it describes no software system.",
        "The {count} files we read are narrative text; they describe no software system.",
        len(read),
    ).format(count=len(read))
    question = _("What do you want built, and what should it do for whom?")
    return Observation("no-system", tuple(f.path for f in read), detail, question)


def written_code(choice: Choice) -> str:
    """The detected-language code of the language the request is written in."""
    return languages()[choice.code].detect


def language(seeds: Seeds, choice: Choice | None = None) -> Observation | None:
    """The language the request is written in, when it or the seeds' is not English."""
    docs = [i for i in seeds.read() if seeds.files[i].kind in DOCUMENTS]
    if choice is None:
        choice = choose(AUTO, prevailing(seeds.files[i].text for i in docs))
    if choice.code == DEFAULT and choice.detected in {"", DEFAULT}:
        return None
    paths = tuple(seeds.files[i].path for i in docs)
    seeds_in, written_in = language_name(choice.detected), language_name(written_code(choice))
    if choice.code == DEFAULT:
        detail = _("The files you sent are mostly in {language}.").format(language=seeds_in)
    elif not choice.asked:
        detail = _(
            "The files you sent are mostly in {language}, so this request is written in "
            "{language} too."
        ).format(language=written_in)
    elif choice.detected and choice.detected != written_code(choice):
        detail = _(
            "The files you sent are mostly in {seeds}; this request is written in {language}."
        ).format(seeds=seeds_in, language=written_in)
    else:
        detail = _("This request is written in {language}.").format(language=written_in)
    return Observation("language", paths, detail)


#: How many groups of versions the request asks about.
MAX_VERSIONS = 3


def judge(seeds: Seeds, choice: Choice | None = None) -> tuple[Observation, ...]:
    """Every observation on the seeds as a whole, in the order the request says them.

    choice is the language the request is written in; by default the seeds' own.
    """
    versions = version_groups(seeds)
    found: list[Observation | None] = [no_system(seeds), several_subjects(seeds, versions)]
    # A few groups are a question each; a folder with many (a tree of sources full of
    # README and __init__ files) would bury the request under them.
    found.extend(
        Observation("versions", tuple(f.path for f in v.files), v.detail(), v.question())
        for v in versions[:MAX_VERSIONS]
    )
    found.extend([settled(seeds), unreadable(seeds), language(seeds, choice)])
    return tuple(o for o in found if o is not None)
