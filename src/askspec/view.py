"""One pass over a text that counts what the classifier's checks look at."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from askspec import markers as m
from askspec.models import Kind

HEAD_CHARS = 8192
#: Lines this short may be headings even without markup ("Inputs:", "SYNOPSIS").
HEADING_MAX = 60
HEADING_NOISE = re.compile(
    r"^[\s#*=_]*(?:[\dIVX]+(?:\.\d+)*\.?\s+|[A-Z]\.\d[\d.]*\s+)?|[\s*:：#_=]+$"
)
CARD_PAIR = re.compile(r"^\s*([^\W\d][\w .-]{0,30}?|[\u4e00-\u9fff]{1,6})\s*[:：]\s*\S")
BLOCK_CLOSE = {'"""': '"""', "'''": "'''", "/*": "*/", "=": "=cut"}
CODE_FORMATS = frozenset({"text"})


@dataclass(frozen=True)
class Signal:
    """One piece of evidence: which kind it points to, how strongly, and why in words."""

    kind: Kind
    weight: float
    why: str


@dataclass
class View:
    """What a text holds, counted once: the checks read these numbers, not the text."""

    name: str
    fmt: str
    head: str
    tags: frozenset[str] = frozenset()
    interpreter: str = ""
    content: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)
    headings: set[str] = field(default_factory=set)
    card_keys: list[str] = field(default_factory=list)
    code_lines: int = 0
    symbols: int = 0
    chars: int = 0
    sentences: int = 0
    words: int = 0
    fenced: int = 0
    requirement_ids: int = 0
    ears: int = 0
    gherkin_heads: int = 0
    gherkin_steps: int = 0

    @property
    def symbol_share(self) -> float:
        """Share of body characters that are code punctuation."""
        return self.symbols / max(1, self.chars)

    @property
    def prose_text(self) -> str:
        """The lines that read as prose, joined: where requirement words count."""
        return "\n".join(self.prose)


def heading_of(line: str) -> str:
    """A short line as a heading title in lower case, without numbering or markup."""
    return HEADING_NOISE.sub("", line).strip().lower()


def file_tags(name: str) -> frozenset[str]:
    """identify's tags for a file name."""
    from identify.identify import tags_from_filename

    return frozenset(tags_from_filename(name))


def _count_body_line(view: View, line: str) -> None:
    """Count a line outside quoted code and comments as code or prose."""
    view.body.append(line)
    stripped = line.strip()
    view.chars += len(stripped)
    view.symbols += sum(1 for ch in stripped if ch in m.CODE_SYMBOLS)
    if m.CODE_LINE.match(line):
        view.code_lines += 1
        return
    view.prose.append(stripped)
    cjk = len(m.CJK.findall(stripped))
    view.words += len(m.WORD.findall(stripped)) + cjk // 2
    view.sentences += len(m.SENTENCE_END.findall(stripped))
    if m.EARS.match(stripped):
        view.ears += 1


def _count_structure(view: View, line: str) -> None:
    """Count what any line may show: requirement IDs, Gherkin, card pairs, headings."""
    if m.REQUIREMENT_ID.match(line):
        view.requirement_ids += 1
    if m.GHERKIN_HEAD.match(line):
        view.gherkin_heads += 1
    elif m.GHERKIN_STEP.match(line):
        view.gherkin_steps += 1
    if pair := CARD_PAIR.match(line):
        view.card_keys.append(pair.group(1).strip().lower())
    if len(line) <= HEADING_MAX:
        title = heading_of(line)
        if title in m.SPEC_HEADINGS:
            view.headings.add(title)


def _block_end(line: str) -> str | None:
    """The closing token when a line opens a block comment or docstring left open."""
    match = m.BLOCK_OPEN.match(line)
    if not match:
        return None
    token = match.group(0).strip().lstrip("rRbBuU")
    close = BLOCK_CLOSE.get(token[:3] if token[0] != "/" else "/*", "=cut")
    rest = line[match.end() :]
    return None if close in rest else close


def make_view(name: str, text: str, fmt: str) -> View:
    """Walk the text once and count everything the checks need."""
    lines = text.splitlines()
    view = View(name, fmt, text[:HEAD_CHARS], file_tags(name))
    if lines and (shebang := m.SHEBANG.match(lines[0])):
        view.interpreter = shebang.group(1)[:20]
    codeish = bool(view.interpreter) or (fmt in CODE_FORMATS and _is_code_name(view.tags))
    closing: str | None = None
    fence = False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        view.content.append(line)
        if closing is not None:
            closing = None if closing in line else closing
            continue
        if stripped.startswith(("```", "~~~")):
            fence = not fence
            continue
        if fence:
            view.fenced += 1
            continue
        _count_structure(view, line)
        if (closing := _block_end(line)) is not None or m.BLOCK_OPEN.match(line):
            continue
        if m.COMMENT_LINE.match(line) and (codeish or not stripped.startswith("#")):
            continue
        if stripped.startswith("#") and m.HEADING_LINE.match(line):
            continue
        _count_body_line(view, line)
    return view


def _is_code_name(tags: frozenset[str]) -> bool:
    """True when identify names a programming language for the file."""
    from askspec.markers import DATA_TAGS, DOCUMENT_TAGS, SPEC_TAGS

    language = tags - {"text", "executable", "non-executable", "binary"}
    return bool(language) and not language & (DOCUMENT_TAGS | DATA_TAGS | SPEC_TAGS)
