"""Building regular expressions from tables of words (alternations grouped by first
letter), and the substring tests that decide whether a pattern is worth running."""

from __future__ import annotations

# --- building patterns ----------------------------------------------------------


def by_first_letter(alternatives: list[str]) -> str:
    """An alternation of literal-led branches grouped by first letter, order kept within.

    Every branch starts with a literal character, so the regex engine skips to those
    characters; at each, only the branches that can start there are tried. The first
    branch to match is the same as in the plain alternation: branches that start with
    other characters cannot match there.
    """
    groups: dict[str, list[str]] = {}
    for branch in alternatives:
        groups.setdefault(branch[0], []).append(branch[1:])
    return "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items())


def has_any(text: str, literals: tuple[str, ...]) -> bool:
    """True when one of the literals is in the text (a substring test costs far less than
    a multi-line regex pass, so passes that need a literal run only when it is there)."""
    return any(map(text.__contains__, literals))
