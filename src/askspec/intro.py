"""The request's introduction: a few sentences saying what the seeds are and what they state.

The stakeholder should see at a glance that the seeds were read: prose by its own key
terms, code by its language and what it does, a spec by what it specifies.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from askspec.extract import rules as r
from askspec.extract.code import OPENAPI, is_comment_line
from askspec.models import AreaFinding, Kind, SeedFile, Status

_COMMON_WORDS = """about above after again against also although among another because been before
    being below between both could does doing down during each either every from further
    have having here hers herself himself into itself just least less made make many more
    most much must myself never next nobody none only other ought ours ourselves over same
    shall should since some still such than that their theirs them themselves then there
    these they this those through under until upon very want were what when where whether
    which while whom whose will with within without would your yours yourself yourselves
    already around away back behind came come even ever first gets going good gone great
    last like long looks nothing once said says seem something takes twice uses well went
    always asked asks told tells know knows need needs used using year years time times day
    days week weeks morning evening night"""
STOPWORDS = frozenset(_COMMON_WORDS.split())
WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
CJK_STOP = set("的了是在和有我你他她它们这那也就都而及与或一不个要会上下中为以对从到把被说着过很")
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
    "shell": "shell script",
    "php": "PHP",
    "kotlin": "Kotlin",
    "swift": "Swift",
    "sql": "SQL",
    "r": "R",
    "jupyter": "Jupyter notebook",
}
DEFINITION = re.compile(r"^\s*(?:async\s+)?(?:def|class|function|func|fn)\s+(\w+)")
GENERIC_TAGS = {"text", "executable", "non-executable", "header", "file", "binary"}
NAMED = 2
OPENING_LIMIT = 80


def key_terms(texts: str | Iterable[str], limit: int = 4) -> list[str]:
    """The words the texts use most, common words left out, plurals folded into singulars.

    Counted text by text and match by match, so many large seeds never become one
    string or one list of words in memory.
    """
    counts: Counter[str] = Counter()
    for text in [texts] if isinstance(texts, str) else texts:
        counts.update(w.group(0).lower().strip("'-") for w in WORD.finditer(text))
        for run in CJK_RUN.finditer(text):
            pairs = (run.group(0)[i : i + 2] for i in range(len(run.group(0)) - 1))
            counts.update(pair for pair in pairs if not set(pair) & CJK_STOP)
    for word in list(counts):
        if word.endswith("s") and word[:-1] in counts:
            counts[word[:-1]] += counts.pop(word)
    ranked = [w for w, n in counts.most_common() if n >= 2 and w not in STOPWORDS]
    return ranked[:limit]


def title(text: str) -> str:
    """The first heading of a document, if it has one near the top."""
    for line in text.splitlines()[:10]:
        if match := r.ATX.match(line):
            return match.group(1).strip()
    return ""


def join(items: Sequence[str], word: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def named(files: Sequence[SeedFile]) -> str:
    """A few file names, the rest counted."""
    names = [f.path for f in files[:NAMED]]
    if len(files) > NAMED:
        names.append(f"{len(files) - NAMED} more")
    return join(names)


def language(seed: SeedFile) -> str:
    """The programming language of a code seed, from its name or its first line."""
    from identify.identify import tags_from_filename, tags_from_interpreter

    tags = set(tags_from_filename(seed.path.rsplit("/", 1)[-1]))
    if seed.text.startswith("#!"):
        first = seed.text.splitlines()[0][2:].split()
        tags |= set(tags_from_interpreter(first[-1])) if first else set()
    for tag in sorted(tags - GENERIC_TAGS):
        return LANGUAGES.get(tag, tag)
    return "code"


def gist(seed: SeedFile) -> str:
    """What a code seed does at a glance: its first comment line, else what it defines."""
    lines = seed.text.splitlines()[:80]
    for line, comment in zip(lines, is_comment_line(lines), strict=True):
        text = line.strip().strip("#/*\"' ").strip()
        if comment and not line.startswith("#!") and len(text.split()) >= 3:
            return f"“{text.rstrip('.')}”"
    names = [m.group(1) for line in lines if (m := DEFINITION.match(line))]
    return f"defining {join(names[:3])}" if names else ""


def prose_sentence(files: Sequence[SeedFile]) -> str:
    """Prose: what the text is about, in its own key terms."""
    terms = key_terms(f.text for f in files)
    heading = title(files[0].text) if len(files) == 1 else ""
    # A short note repeats no word; its opening line then says what it is about.
    opening = next((line.strip(" #") for line in files[0].text.splitlines() if line.strip()), "")
    if len(opening) > OPENING_LIMIT:
        opening = opening[: OPENING_LIMIT - 1].rstrip() + "…"
    about = f"is about {join(terms)}" if terms else f"begins “{opening.rstrip('.')}”"
    label = f" (“{heading}”)" if heading else ""
    return f"The prose {named(files)}{label} {about}."


def code_sentence(files: Sequence[SeedFile]) -> str:
    """Code: the language and what it does."""
    languages = sorted({language(f) for f in files})
    what = gist(files[0]) if len(files) == 1 else ""
    suffix = f": {what}" if what.startswith("“") else f", {what}" if what else ""
    return f"The code {named(files)} is {join(languages)}{suffix}."


def spec_sentence(files: Sequence[SeedFile]) -> str:
    """A spec: what it specifies, from its title and section headings."""
    first = files[0]
    lines = first.text.splitlines()
    if OPENAPI.search("\n".join(lines[:60])):
        return f"The spec {named(files)} is an OpenAPI definition."
    heading = title(first.text)
    sections = [m.group(1).strip().lower() for line in lines[1:] if (m := r.ATX.match(line))]
    keys = [m.group(1).strip().lower() for line in lines if (m := r.CARD.match(line))]
    label = f" (“{heading}”)" if heading and len(files) == 1 else ""
    if sections:
        covers = f"specifies {join(sections[:5])}"
    elif len(keys) >= 3:
        covers = f"is a design card with {join(keys[:5])}"
    else:
        covers = "states requirements"
    return f"The spec {named(files)}{label} {covers}."


def coverage(findings: Iterable[AreaFinding]) -> str:
    """One sentence on what the seeds state, state vaguely, or leave out."""
    by_status: dict[Status, list[str]] = {s: [] for s in Status}
    for finding in findings:
        by_status[finding.status].append(finding.area.value)
    if not by_status[Status.STATED] and not by_status[Status.VAGUE]:
        return "They say nothing yet about inputs, outputs, hardware or performance."
    stated = by_status[Status.STATED]
    rest = []
    if by_status[Status.VAGUE]:
        rest.append(f"mention {join(by_status[Status.VAGUE])} only vaguely")
    if by_status[Status.MISSING]:
        rest.append(f"say nothing about {join(by_status[Status.MISSING], 'or')}")
    if not stated:
        return f"They {join(rest)}."
    tail = f", but {join(rest)}" if rest else ""
    return f"They state the {join(stated)}{tail}."


def describe(files: Iterable[SeedFile], findings: Iterable[AreaFinding]) -> tuple[str, ...]:
    """The introduction: what each kind of seed read is, then what they state.

    One sentence per kind, prose and code sharing one when all three are there, so the
    introduction is two or three sentences long.
    """
    readable = [f for f in files if f.text.strip()]
    builders = (
        (Kind.PROSE, prose_sentence),
        (Kind.CODE, code_sentence),
        (Kind.SPEC, spec_sentence),
    )
    sentences = [
        build(group)
        for kind, build in builders
        if (group := [f for f in readable if f.kind is kind])
    ]
    if not sentences:
        return ("None of the files could be read as prose, code or a spec.",)
    if len(sentences) == len(builders):
        # Three sentences at most: with every kind present, prose and code share one.
        prose, code, spec = sentences
        sentences = [f"{prose[:-1]}; {code[0].lower()}{code[1:]}", spec]
    return (*sentences, coverage(findings))
