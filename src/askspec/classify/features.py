"""Count what the classifier's checks look at, in a few whole-text regex passes.

Each count is one compiled pattern run over the text in C; there is no Python loop
over lines, which keeps classification near the cost of reading the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from askspec.classify import code_rules, wording
from askspec.classify.counts import count_cjk, count_sentences, count_stories, modal_counts
from askspec.classify.headings import spec_headings
from askspec.classify.name_rules import file_tags, is_code_name
from askspec.models import Kind

HEAD_CHARS = 8192
M = re.MULTILINE

#: Line patterns start with the newline before the line, not ^: the regex engine scans
#: for a literal quickly, where ^ in MULTILINE mode is tried at every character. Texts
#: are searched with a newline put in front (see lined), so the first line counts too.
#: measured: saves 10% of classify time on the legacy corpus and documents.
#: The indent is possessive: nothing a line pattern looks for next starts with a blank,
#: so retrying an indented line that fails with fewer blanks would only repeat the work.
#: measured: saves 5% of classify time on the legacy corpus and documents.
NL = "\n[ \t]*+"
#: Quoted code: Markdown fences (the reST, HTML and notebook readers emit them too), to
#: the closing fence or the end.
FENCED = re.compile(NL + r"(```|~~~)[^\n]*\n[\s\S]*?(?:^[ \t]*\1[^\n]*|\Z)", M)


#: Block comments and docstrings that start a line: prose inside code. Each runs to its
#: first closing, or to the end when it is not closed.
BLOCK_COMMENT = re.compile(
    NL + r"(?:[rRbBuU]?\"\"\"(?:[\s\S]*?\"\"\"|[\s\S]*)|[rRbBuU]?'''(?:[\s\S]*?'''|[\s\S]*)|"
    r"/\*(?:[\s\S]*?\*/|[\s\S]*)|=(?:pod|head\d|begin|item|over)\b(?:[\s\S]*?^=cut\b|[\s\S]*)|"
    r"(?:#|--)\[(=*)\[(?:[\s\S]*?\]\1\]|[\s\S]*))",
    M,
)
#: Whole comment lines; removing the newline before each keeps the one after it.
#: The openers include "#", so hash comments go in the same pass.
COMMENT = re.compile(NL + code_rules.COMMENT_OPENERS + r".*", M)
#: In code, also lines that start with a comment character only code uses this way
#: (elsewhere they open headings or quotes). This one pass removes what COMMENT and
#: then a pass for those characters would: each match starts a line, and the comment
#: branches are tried first.
CODE_COMMENT = re.compile(NL + "(?:" + code_rules.COMMENT_OPENERS + r"|[\"!;%]).*", M)
#: A statement line, taken whole.
CODE_WHOLE = re.compile(NL + r"(?:" + "|".join(code_rules.CODE_SHAPES) + r").*", M)
#: The start of a line that is not blank.
NONBLANK = re.compile(NL + r"\S")
#: A ``key: value`` line, searched in a lined text.
#: The key's run is possessive: a colon cannot stand inside it, so giving back never helps.
#: measured: saves 0.3 s of 14.0 s classifying the 10,000-file tree.
CARD_PAIR = re.compile(NL + r"([^\W\d][\w .-]{0,30}+|[\u4e00-\u9fff]{1,6}+)[ \t]*[:：][ \t]*\S")
#: Searched in a lined text, like the other line patterns (a match stays on its line).
REQUIREMENT_ID = re.compile(NL + wording.REQUIREMENT_ID_BODY)
EARS = re.compile(NL + wording.EARS_BODY)
#: A Gherkin heading, searched in a lined text.
GHERKIN_HEAD = re.compile(NL + "(?:" + "|".join(wording.GHERKIN_HEADS) + r")\s*:")
GHERKIN_STEP = re.compile(r"^[ \t]*" + wording.GHERKIN_STEP_BODY, M)


@dataclass(frozen=True)
class Signal:
    """One piece of evidence: which kind it points to, how strongly, and why in words."""

    kind: Kind
    weight: float
    why: str


@dataclass(frozen=True)
class View:
    """What a text holds, counted once: the checks read these numbers."""

    name: str
    fmt: str
    #: The text read, and its first HEAD_CHARS characters.
    text: str
    head: str
    tags: frozenset[str]
    interpreter: str
    prose_text: str
    lines: int
    code_lines: int
    prose_lines: int
    symbol_share: float
    sentences: int
    words: int
    fenced: int
    headings: frozenset[str]
    card_keys: tuple[str, ...]
    requirement_ids: int
    modals: int
    system_modals: int
    stories: int
    gherkin_heads: int
    gherkin_steps: int


def count_symbols(text: str) -> int:
    """How many code symbols the text holds."""
    return sum(map(text.count, code_rules.CODE_SYMBOLS))


def strip_quoted(text: str, codeish: bool) -> tuple[str, str, int]:
    """The text without fenced code, and the body without comments; fenced line count.

    Both texts are lined (a newline in front), as the line patterns search them: the
    text is copied once to put the newline in, and not again to take it off.
    """
    fenced = 0

    def drop_fence(match: re.Match[str]) -> str:
        nonlocal fenced
        fenced += match.group(0).count("\n") - 1  # less the newline before the fence
        return "\n"

    body = "\n" + text  # lined, for the line patterns
    body = FENCED.sub(drop_fence, body)
    unfenced = body
    body = BLOCK_COMMENT.sub("\n", body)
    body = (CODE_COMMENT if codeish else COMMENT).sub("", body)
    return (body if codeish else unfenced), body, fenced


def remove_statements(lined: str) -> tuple[str, int]:
    """A lined text without its statement lines, and how many lines were removed."""
    return CODE_WHOLE.subn("\n", lined)


def is_card_sized(pairs: int, lines: int) -> bool:
    """True when enough of the lines are ``key: value`` pairs for a design card."""
    return pairs >= 3 and pairs >= 0.6 * max(1, lines)


def card_keys(body: str) -> tuple[str, ...]:
    """Keys of ``key: value`` lines."""
    return tuple(key.strip().lower() for key in CARD_PAIR.findall("\n" + body))


def make_view(name: str, text: str, fmt: str) -> View:
    """Count everything the checks need."""
    tags = file_tags(name)
    shebang = code_rules.SHEBANG.match(text)
    interpreter = shebang.group(1)[:20] if shebang else ""
    codeish = bool(interpreter) or (fmt == "text" and is_code_name(tags))
    outline, lined, fenced = strip_quoted(text, codeish)
    body = lined[1:]
    lined_prose, code_lines = remove_statements(lined)
    prose = lined_prose[1:]
    low = prose.lower()
    modals, system_modals = modal_counts(low)
    lines = len(NONBLANK.findall(lined))
    symbols = count_symbols(body)
    chars = len(body) - body.count(" ") - body.count("\n")
    # Steps count only under a Gherkin heading, so they are looked for only then.
    gherkin_heads = len(GHERKIN_HEAD.findall(lined))
    return View(
        name=name,
        fmt=fmt,
        text=text,
        head=text[:HEAD_CHARS],
        tags=tags,
        interpreter=interpreter,
        prose_text=prose,
        lines=lines,
        code_lines=code_lines,
        prose_lines=max(0, lines - code_lines),
        symbol_share=symbols / max(1, chars),
        sentences=count_sentences(prose),
        words=len(prose.split()) + count_cjk(prose) // 2,
        fenced=fenced,
        headings=spec_headings(outline),
        card_keys=card_keys(body),
        requirement_ids=len(REQUIREMENT_ID.findall(lined_prose)),
        modals=modals,
        system_modals=system_modals,
        stories=len(EARS.findall("\n" + low)) + count_stories(low),
        gherkin_heads=gherkin_heads,
        gherkin_steps=len(GHERKIN_STEP.findall(body)) if gherkin_heads else 0,
    )
