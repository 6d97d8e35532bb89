"""The two bodies of the email as mail clients want them.

The text part is wrapped at 76 columns (quotes and list items keep their prefix, a
URL or other long word is never broken); the HTML part carries its CSS in ``style``
attributes, with custom properties resolved, and no form controls, because Gmail and
Outlook drop style sheets, variables and inputs.
"""

from __future__ import annotations

import re

#: Lines are wrapped to this width; RFC 5322 recommends no more than 78.
WIDTH = 76
#: Words that would start Markdown structure at the start of a line.
UNSAFE_START = re.compile(r"[#`~<>=|*+-]|\d{1,9}[.)]")
PREFIX = re.compile(r"^((?:> ?)*)((?:[-*] |\d+\. )?)")
CHECKBOX = re.compile(r"<input\b[^>]*type=\"checkbox\"[^>]*>", re.I)
CUSTOM_PROPERTY = re.compile(r"(--[\w-]{1,80})[ \t]*:[ \t]*([^;}]{1,500})")
VAR = re.compile(r"var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)")
ROOT_RULE = re.compile(r":root\s*\{[^}]*\}")
FORM_CONTROL = re.compile(
    r"<(?:input|button|select|textarea)\b[^>]*>|</?(?:form|button|select|textarea)\b[^>]*>", re.I
)


def safe_start(word: str) -> bool:
    """Whether a line may start with this word without turning into Markdown structure.

    A reply is read back through a Markdown parser; a wrapped line that began with a
    fence, a heading mark, an underline, a quote or a list marker could reshape it.
    """
    return not UNSAFE_START.match(word)


def wrap_words(words: list[str], width: int) -> list[str]:
    """Words filled greedily into lines of at most width, breaking only before safe words."""
    lines: list[list[str]] = [[]]
    size = 0
    for word in words:
        if lines[-1] and size + 1 + len(word) > width and safe_start(word):
            lines.append([])
            size = -1
        lines[-1].append(word)
        size += 1 + len(word)
    return [" ".join(line) for line in lines]


def wrap_line(line: str) -> list[str]:
    """One line wrapped at WIDTH, its quote marks and list marker carried to every piece."""
    if len(line) <= WIDTH:
        return [line]
    match = PREFIX.match(line)
    quote, bullet = (match.group(1), match.group(2)) if match else ("", "")
    words = line[len(quote) + len(bullet) :].split()
    if not words:
        return [line]
    pieces = wrap_words(words, max(WIDTH - len(quote) - len(bullet), 20))
    rest = quote + " " * len(bullet)
    return [quote + bullet + pieces[0], *(rest + piece for piece in pieces[1:])]


def wrap_text(text: str) -> str:
    """Every line of a plain-text body wrapped at WIDTH, except underlines and long words."""
    return "\n".join(piece for line in text.split("\n") for piece in wrap_line(line))


def resolve_variables(css: str) -> str:
    """CSS with every ``var(--name)`` replaced by its value from ``:root``."""
    values: dict[str, str] = {}
    for rule in ROOT_RULE.findall(css):
        values.update((name, value.strip()) for name, value in CUSTOM_PROPERTY.findall(rule))

    def value(match: re.Match[str]) -> str:
        return values.get(match.group(1), (match.group(2) or "").strip() or "inherit")

    without_root = ROOT_RULE.sub(lambda m: CUSTOM_PROPERTY.sub("", m.group(0)), css)
    return VAR.sub(value, without_root)


def email_html(html: str) -> str:
    """The HTML part with its CSS inlined, no custom properties and no form controls."""
    import css_inline

    html = re.sub(
        r"(<style[^>]*>)(.*?)(</style>)",
        lambda m: m.group(1) + resolve_variables(m.group(2)) + m.group(3),
        html,
        flags=re.S,
    )
    inlined = css_inline.inline(html)
    # A task list's boxes become the characters they show, so the ticks survive.
    boxed = CHECKBOX.sub(lambda m: "☑" if "checked" in m.group(0) else "☐", inlined)
    return FORM_CONTROL.sub("", boxed)
