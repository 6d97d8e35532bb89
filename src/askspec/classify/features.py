"""Count what the classifier's checks look at, in a few whole-text regex passes.

Each count is one compiled pattern run over the text in C; there is no Python loop
over lines, which keeps classification near the cost of reading the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain
from typing import NamedTuple

from askspec.classify import rules as m
from askspec.models import Kind
from askspec.read.text import suffix_of

HEAD_CHARS = 8192
#: Every section title a check looks at; the checks tell the kinds apart.
SPEC = m.SPEC_HEADINGS | m.DESIGN_SECTIONS | m.FRAME_SECTIONS | m.CONTRACT_SECTIONS
M = re.MULTILINE

#: Line patterns start with the newline before the line, not ^: the regex engine scans
#: for a literal quickly, where ^ in MULTILINE mode is tried at every character. Texts
#: are searched with a newline put in front (see lined), so the first line counts too.
#: The indent is possessive: nothing a line pattern looks for next starts with a blank,
#: so retrying an indented line that fails with fewer blanks would only repeat the work.
NL = "\n[ \t]*+"
#: Quoted code: Markdown fences (the reST, HTML and notebook readers emit them too), to
#: the closing fence or the end. A line pattern, searched in a lined text: ^ was tried at
#: every character. The lines inside are taken whole, each that does not close the
#: fence, where a lazy run tried the closing at every character.
FENCED = re.compile(
    NL + r"(```|~~~)[^\n]*\n(?:(?![ \t]*+\1)[^\n]*+\n)*+(?:[ \t]*+\1[^\n]*+|[^\n]*+\Z)"
)


def through_closing(closing: str) -> str:
    """A pattern for text up to and through the first closing, or to the end without one.

    The run is possessive: characters that cannot start the closing, or one that does
    but is not followed by the rest of it. A lazy run tried the closing after every
    character, which the regex engine does one step at a time; this run stops only
    where a closing starts.
    """
    first, rest = re.escape(closing[0]), re.escape(closing[1:])
    return f"(?:[^{first}]++|{first}(?!{rest}))*+(?:{first}{rest})?+"


#: Block comments and docstrings that start a line: prose inside code. Each runs to its
#: first closing, or to the end when it is not closed. Every branch starts with a
#: literal or a set, which the regex engine rules out at a glance (an optional prefix
#: in front made it enter the branch and back out on every line).
DOCSTRING = "|".join(quote + through_closing(quote) for quote in ('"""', "'''"))
BLOCK_COMMENT = re.compile(
    NL + f"(?:{DOCSTRING}|[rRbBuU](?:{DOCSTRING})|/\\*{through_closing('*/')}|"
    r"=(?:pod|head\d|begin|item|over)\b(?:[\s\S]*?^=cut\b|[\s\S]*)|"
    r"#\[(=*)\[(?:[\s\S]*?\]\1\]|[\s\S]*)|--\[(=*)\[(?:[\s\S]*?\]\2\]|[\s\S]*))",
    M,
)
#: Where a block comment can start: one pass over the line starts rules most texts
#: out, where a search per opening literal would read the whole text each time.
BLOCK_OPEN = re.compile(
    NL + r"(?:\"\"\"|'''|[rRbBuU](?:\"\"\"|''')|/\*|=(?:pod|head\d|begin|item|over)\b|"
    r"#\[=*\[|--\[=*\[)"
)
#: Whole comment lines; removing the newline before each keeps the one after it.
#: COMMENT_LINE includes "#", so hash comments go in the same pass.
COMMENT = re.compile(m.COMMENT_LINE.pattern.replace(r"^\s*", NL) + r".*", M)
#: In code, also lines that start with a comment character only code uses this way
#: (elsewhere they open headings or quotes). This one pass removes what COMMENT and
#: then a pass for those characters would: each match starts a line, and the comment
#: branches are tried first.
CODE_COMMENT = re.compile(
    NL + "(?:" + m.COMMENT_LINE.pattern.removeprefix(r"^\s*") + r"|[\"!;%]).*", M
)
#: Literals the fence pattern needs: without one, the pass is skipped.
FENCE_HINTS = ("```", "~~~")
#: The same shapes as CODE_SHAPES, with the keyword shapes' branches grouped by first
#: letter: the engine tries only the keywords that start with a line's first letter,
#: where each shape tried all of its own, and the first branch to match is the same.
KEYWORD_LEAD = m.by_first_letter(
    [keyword + follow for keywords, follow in m.CODE_KEYWORD_SHAPES for keyword in keywords]
)
#: One pattern for every text: leaving out shapes a text holds no characters for saved
#: less per text than compiling each such variant (about 9 ms) cost a process.
CODE_WHOLE = re.compile(NL + r"(?:" + "|".join([KEYWORD_LEAD, *m.CODE_OTHER_SHAPES]) + r").*", M)
#: The line is looked at, not taken: each match is the newline alone, a string Python
#: keeps one copy of, where taking the line up to its first character made one per line.
NONBLANK = re.compile(r"\n(?=[ \t]*+\S)")
#: The code symbols as bytes, to count them all in one pass over the encoded text.
SYMBOL_BYTES = "".join(sorted(m.CODE_SYMBOLS)).encode()
#: Lines this short may be headings even without markup ("Inputs:", "SYNOPSIS").
HEADING_MAX = 60
HEADING_MARKS = " \t#*=_:：-"
NUMBERING = re.compile(
    r"^(?:(?:\d+\.)*\d+\.?\s+|[ivx]+\.\s+|[a-z]\.\d[\d.]*\s+"
    # CJK numbering: 一、 二. 3、 （四） 第五章
    r"|[一二三四五六七八九十\d]{1,3}[、.．]\s*|[(（][一二三四五六七八九十\d]{1,3}[)）]\s*"
    r"|第[一二三四五六七八九十\d]{1,3}[章节部分條条]\s*)"
)
#: Punctuation of code and sentences: no heading mark, numbering or title holds it.
NOT_IN_HEADINGS = '()[]{}<>;,/\\"!?+%@&|$^~`'
#: A short line without that punctuation, in a text whose lines end only in newlines.
HEADING_CANDIDATE = re.compile(
    f"\n([^\n{re.escape(NOT_IN_HEADINGS)}]{{1,{HEADING_MAX}}}+)(?![^\n])"
)
#: Line ends besides the newline that splitlines knows in ASCII text, and in any text.
OTHER_LINE_ENDS = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e")
OTHER_LINE_ENDS_UNICODE = (*OTHER_LINE_ENDS, "\x85", "\u2028", "\u2029")
#: A ``key: value`` line, searched in a lined text (a match stays on its line). The key
#: is possessive: it may take blanks before the colon that a lazy key left to the
#: blanks after it, which the stripped key does not show, and the engine no longer
#: tries the colon after every character of the key.
CARD_PAIR = re.compile(NL + r"([^\W\d][\w .-]{0,30}+|[\u4e00-\u9fff]{1,6})[ \t]*[:：][ \t]*\S")
#: The character after an identifier is looked at, not taken: it may be the newline
#: that the next line's match starts with. The optional bullet and bracket, and the run
#: of capitals, are spelled as alternatives led by a set or a literal, which the regex
#: engine rules a line out by at a glance, where it entered the optional group and run.
REQUIREMENT_ID = re.compile(
    m.REQUIREMENT_ID.pattern.replace(r"^\s*", NL)
    .replace(r"(?:[-*]\s*)?\[?", r"(?:[-*]\s*|)(?:\[|)")
    .replace("[A-Z]{1,5}", "[A-Z][A-Z]{0,4}")
    .removesuffix(r"[\s:.)]")
    + r"(?=[\s:.)])"
)
#: Searched in a lined text, like the other line patterns (a match stays on its line).
EARS = re.compile(m.EARS.pattern.replace(r"^\s*", NL))
#: The same heads grouped by first letter; each ends in an ASCII colon, so a text
#: without one is not searched.
GHERKIN_HEAD = re.compile(NL + "(?:" + m.by_first_letter(list(m.GHERKIN_HEADS)) + r")\s*:")
GHERKIN_STEP = re.compile(m.GHERKIN_STEP.pattern.replace(r"^\s*", r"^[ \t]*"), M)


@dataclass(frozen=True)
class Signal:
    """One piece of evidence: which kind it points to, how strongly, and why in words."""

    kind: Kind
    weight: float
    why: str


class View(NamedTuple):
    """What a text holds, counted once: the checks read these numbers.

    A named tuple rather than a frozen dataclass: one is built per text, and a tuple
    is built several times faster than a frozen instance, which sets each field apart.
    """

    name: str
    fmt: str
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


@lru_cache(maxsize=64)
def file_tags(name: str) -> frozenset[str]:
    """identify's tags for a file name (cached: each file asks two or three times).

    A name identify does not know gets the language Pygments names for its extension,
    if that is a programming language (Tcl, Awk, COBOL... are not in identify's table).
    """
    from identify.identify import tags_from_filename

    tags = frozenset(tags_from_filename(name))
    suffix = suffix_of(name)
    if tags or suffix in m.EXTRA_EXTENSIONS:
        return tags
    language = pygments_languages().get(suffix)
    return frozenset({language, "text"}) if language else tags


@cache
def pygments_languages() -> dict[str, str]:
    """Extension to programming language, from Pygments' table of lexers.

    Built once per process from the table alone, without importing any lexer. An
    extension that lexers of two languages claim is left out, and so are formats that
    are not code (rules.NOT_CODE_LEXERS).
    """
    from pygments.lexers import get_all_lexers

    claims: dict[str, set[str]] = {}
    for name, aliases, patterns, _ in get_all_lexers(plugins=False):
        language = aliases[0] if aliases else name.lower()
        for pattern in patterns:
            if pattern.startswith("*.") and not any(c in pattern[2:] for c in "*?["):
                claims.setdefault(pattern[1:].lower(), set()).add(language)
    return {
        suffix: min(languages)
        for suffix, languages in claims.items()
        if len(languages) == 1 and not languages & m.NOT_CODE_LEXERS
    }


#: Tags that say what a file holds without naming a language.
NOT_LANGUAGE_TAGS = frozenset({"text", "executable", "non-executable", "binary"})
#: Tags of languages that are not programming languages.
NOT_CODE_TAGS = m.DOCUMENT_TAGS | m.DATA_TAGS | m.SPEC_TAGS


@lru_cache(maxsize=64)
def is_code_name(tags: frozenset[str]) -> bool:
    """True when a file's tags (see file_tags) name a programming language.

    Cached like file_tags: each text asks three or four times, about a few sets of tags.
    """
    language = tags - NOT_LANGUAGE_TAGS
    return bool(language) and not language & NOT_CODE_TAGS


def has_any(text: str, literals: tuple[str, ...]) -> bool:
    """True when one of the literals is in the text (a substring test costs far less than
    a multi-line regex pass, so passes that need a literal run only when it is there)."""
    return any(map(text.__contains__, literals))


def has_any_led(text: str, literals: tuple[str, ...]) -> bool:
    """has_any, looking first for each literal's first character (literals not empty).

    One character is found with memchr, several times faster than a string whose
    search the text's frequent characters slow down: literals led by a character most
    texts lack (a backtick, a dollar) are ruled out that way in most texts.
    """
    return any(literal[0] in text and literal in text for literal in literals)


def count_symbols(text: str) -> int:
    """How many code symbols the text holds."""
    # Deleting bytes is one C pass (fifteen counts were fifteen); the symbols are ASCII,
    # and UTF-8 encodes every other character without ASCII bytes, so none is miscounted.
    data = text.encode("utf-8", "surrogatepass")
    return len(data) - len(data.translate(None, SYMBOL_BYTES))


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
    if has_any_led(text, FENCE_HINTS):
        body = FENCED.sub(drop_fence, body)
    unfenced = body
    if opened := BLOCK_OPEN.search(body):
        # No match can start before the first opening, so only the rest is searched.
        start = opened.start()
        body = body[:start] + BLOCK_COMMENT.sub("\n", body[start:])
    body = (CODE_COMMENT if codeish else COMMENT).sub("", body)
    return (body if codeish else unfenced), body, fenced


def remove_statements(lined: str) -> tuple[str, int]:
    """A lined text without its statement lines, and how many lines were removed."""
    return CODE_WHOLE.subn("\n", lined)


def spec_headings(lined: str) -> frozenset[str]:
    """Short lines whose title, without numbering and markup, is a spec heading.

    The text is lined (a newline in front), as strip_quoted gives it.
    """
    other_ends = OTHER_LINE_ENDS if lined.isascii() else OTHER_LINE_ENDS_UNICODE
    if not has_any(lined, other_ends):
        # One regex pass finds the short lines, less those no heading can be; a loop
        # over every line, in Python, cost several times as much. The pattern counts
        # characters, as len does, so it serves text in any script.
        lines = HEADING_CANDIDATE.findall(lined)
    else:
        lines = [line for line in lined[1:].splitlines() if len(line) <= HEADING_MAX]
    # Each distinct short line is looked at once (code repeats many: braces, "end").
    short = {line.strip(HEADING_MARKS) for line in lines}
    found = set()
    for line in short:
        title = line.lower()
        if title[:1].isnumeric() or title[:1] in "(（第" or title[:2] in {"i.", "v.", "x."}:
            title = NUMBERING.sub("", title).strip(HEADING_MARKS)
        found |= section_names(title)
    return frozenset(found)


#: A title of this many words or fewer is read for the section names it holds.
TITLE_WORDS = 6
#: ...and one in a script without spaces, of this many characters or fewer.
TITLE_CHARS = 16
#: Section names a longer title is read for: those of designs and contracts, whose
#: titles often go on ("Alternatives we considered"). A heading such as "Hardware
#: requirements" in a README counts only when it is a spec heading as a whole.
SECTIONS_INSIDE = m.DESIGN_SECTIONS | m.CONTRACT_SECTIONS
#: Those in scripts written without spaces, found inside a title as they are.
SECTIONS_UNSPACED = tuple(
    name for name in SECTIONS_INSIDE if not name.isascii() and " " not in name
)


def section_names(title: str) -> set[str]:
    """The section names a short title holds: itself, or the longest names inside it
    ("Alternatives we considered" holds "alternatives", "二、设计方案" "设计方案")."""
    if title in SPEC:
        return {title}
    words = title.split()
    if len(words) > TITLE_WORDS:
        return set()
    if title.isascii() or " " in title:
        spans = range(len(words))
        held = {" ".join(words[i:j]) for i in spans for j in range(i + 1, len(words) + 1)}
        names = held & SECTIONS_INSIDE
    elif len(title) <= TITLE_CHARS:
        names = {name for name in SECTIONS_UNSPACED if name in title}
    else:
        return set()
    # "rationale and alternatives" holds "alternatives": the longer name stands for both.
    return {name for name in names if not any(name != o and name in o for o in names)}


def is_card_sized(pairs: int, lines: int) -> bool:
    """True when enough of the lines are ``key: value`` pairs for a design card."""
    return pairs >= 3 and pairs >= 0.6 * max(1, lines)


def card_keys(body: str, lines: int) -> tuple[str, ...]:
    """Keys of ``key: value`` lines, or none when too few lines could hold a pair."""
    # Each pair holds a colon, so counting colons (fast) rules out most texts.
    if not is_card_sized(body.count(":") + body.count("："), lines):
        return ()
    return tuple(key.strip().lower() for key in CARD_PAIR.findall("\n" + body))


def count_stories(low: str) -> int:
    """User stories in lower-cased text (only searched when a telling word is there)."""
    if not has_any(low, m.STORY_HINTS):
        return 0
    return len(m.USER_STORY.findall(low))


def count_sentences(prose: str) -> int:
    """Sentence ends (as SENTENCE_END finds them), one pass per mark the text holds."""
    count = sum(len(pattern.findall(prose)) for mark, pattern in m.SENTENCE_MARKS if mark in prose)
    if not prose.isascii() and has_any(prose, m.SENTENCE_MARKS_OTHER):
        count += sum(map(prose.count, m.SENTENCE_MARKS_OTHER))
    return count


def count_cjk(text: str) -> int:
    """Characters of scripts written without spaces between words."""
    # isascii is a flag lookup, so most texts skip the pass.
    return 0 if text.isascii() else len(m.CJK.findall(text))


def is_cjk(char: str) -> bool:
    """True for a character of a script written without spaces between words."""
    return bool(m.CJK.match(char))


def modal_counts(low: str) -> tuple[int, int]:
    """Requirement modals not said by a person, and modals with a system as subject."""
    required = system = 0
    others = not low.isascii() and has_any(low, m.MODAL_OTHER_LEADS)
    passes = (*m.MODAL_LETTERS, m.MODAL_OTHER) if others else m.MODAL_LETTERS
    # Each modal counts on its own, so the order the passes find them in does not matter.
    for match in chain.from_iterable(pattern.finditer(low) for pattern in passes):
        if match.start() and low[match.start() - 1].isalnum() and not is_cjk(match.group(0)[0]):
            continue  # inside a longer word; CJK words are written without spaces
        before = low[max(0, match.start() - 48) : match.start()]
        # The subject patterns end the text, so most modals fail a cheap endswith first.
        last = before.rstrip()
        if last.endswith(m.SYSTEM_ENDINGS) and m.SYSTEM_SUBJECT.search(before):
            system += 1
        elif last.endswith(m.PERSON_ENDINGS) and m.PERSON_SUBJECT.search(before):
            continue
        required += match.group(0) not in m.WEAK_MODALS
    return required, system


def make_view(name: str, text: str, fmt: str) -> View:
    """Count everything the checks need."""
    tags = file_tags(name)
    shebang = m.SHEBANG.match(text)
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
    gherkin_heads = len(GHERKIN_HEAD.findall(lined)) if ":" in lined else 0
    return View(
        name=name,
        fmt=fmt,
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
        card_keys=card_keys(body, lines),
        requirement_ids=len(REQUIREMENT_ID.findall(lined_prose)),
        modals=modals,
        system_modals=system_modals,
        stories=(len(EARS.findall("\n" + low)) if "shall" in low else 0) + count_stories(low),
        gherkin_heads=gherkin_heads,
        gherkin_steps=len(GHERKIN_STEP.findall(body)) if gherkin_heads else 0,
    )
