"""Section titles: the short lines of a text that are headings, read for the section
names of specs, designs and contracts they hold ("2. Detailed design", "二、设计方案")."""

from __future__ import annotations

import re

from askspec.classify import document_rules

#: Every section title a check looks at; the checks tell the kinds apart.
SPEC = (
    document_rules.SPEC_HEADINGS
    | document_rules.DESIGN_SECTIONS
    | document_rules.FRAME_SECTIONS
    | document_rules.CONTRACT_SECTIONS
)


#: Lines this short may be headings even without markup ("Inputs:", "SYNOPSIS").
HEADING_MAX = 60


HEADING_MARKS = " \t#*=_:：-"


NUMBERING = re.compile(
    r"^(?:(?:\d+\.)*\d+\.?\s+|[ivx]+\.\s+|[a-z]\.\d[\d.]*\s+"
    # CJK numbering: 一、 二. 3、 （四） 第五章
    r"|[一二三四五六七八九十\d]{1,3}[、.．]\s*|[(（][一二三四五六七八九十\d]{1,3}[)）]\s*"
    r"|第[一二三四五六七八九十\d]{1,3}[章节部分條条]\s*)"
)


#: Punctuation of code and sentences: a line that holds any is not read as a heading.
NOT_IN_HEADINGS = '()[]{}<>;,/\\"!?+%@&|$^~`'
NOT_IN_HEADING = re.compile(f"[{re.escape(NOT_IN_HEADINGS)}]")


#: A heading's attributes at its line's end, as Markdown dialects write them
#: (``## Syntax {#module-syntax}``): not part of the title. Bounded, one line.
HEADING_ATTRIBUTES = re.compile(r"\{[#.][^{}\n]{0,80}\}[ \t]*(?=\n|$)")


def spec_headings(lined: str) -> frozenset[str]:
    """Short lines whose title, without numbering, markup and attributes, is a spec
    heading.

    The text is lined (a newline in front), as strip_quoted gives it.
    """
    # Each distinct short line is looked at once (code repeats many: braces, "end").
    short = {
        line.strip(HEADING_MARKS)
        for line in HEADING_ATTRIBUTES.sub("", lined[1:]).splitlines()
        if len(line) <= HEADING_MAX and not NOT_IN_HEADING.search(line)
    }
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
SECTIONS_INSIDE = document_rules.DESIGN_SECTIONS | document_rules.CONTRACT_SECTIONS


#: Those in scripts written without spaces, found inside a title as they are.
SECTIONS_UNSPACED = tuple(
    name for name in SECTIONS_INSIDE if not name.isascii() and " " not in name
)


#: Every word of those section names: a title that holds none holds no name.
#: measured: looking spans up only then saves 0.3 s of 14.0 s classifying the
#: 10,000-file tree, where code's short lines are many.
SECTION_WORDS = frozenset(word for name in SECTIONS_INSIDE for word in name.split())


def section_names(title: str) -> set[str]:
    """The section names a short title holds: itself, or the longest names inside it
    ("Alternatives we considered" holds "alternatives", "二、设计方案" "设计方案")."""
    if title in SPEC:
        return {title}
    words = title.split()
    if len(words) > TITLE_WORDS:
        return set()
    if title.isascii() or " " in title:
        if SECTION_WORDS.isdisjoint(words):
            return set()
        spans = range(len(words))
        held = {" ".join(words[i:j]) for i in spans for j in range(i + 1, len(words) + 1)}
        names = held & SECTIONS_INSIDE
    elif len(title) <= TITLE_CHARS:
        names = {name for name in SECTIONS_UNSPACED if name in title}
    else:
        return set()
    # "rationale and alternatives" holds "alternatives": the longer name stands for both.
    return {name for name in names if not any(name != o and name in o for o in names)}
