"""Building regular expressions from tables of words (alternations grouped by first
letter, prefix trees, which the regex engine enters only where the text goes on), and
the substring tests that decide whether a pattern is worth running."""

from __future__ import annotations

import re

# --- building patterns ----------------------------------------------------------


def first_letter_groups(alternatives: list[str]) -> dict[str, list[str]]:
    """Literal-led branches grouped by first letter (the rest of each), order kept within."""
    groups: dict[str, list[str]] = {}
    for branch in alternatives:
        groups.setdefault(branch[0], []).append(branch[1:])
    return groups


def by_first_letter(alternatives: list[str]) -> str:
    """An alternation of literal-led branches grouped by first letter, order kept within.

    Every branch starts with a literal character, so the regex engine skips to those
    characters; at each, only the branches that can start there are tried. The first
    branch to match is the same as in the plain alternation: branches that start with
    other characters cannot match there.
    """
    groups = first_letter_groups(alternatives)
    return "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items())


def prefix_tree(words: list[str], tail: str) -> str:
    """Literal words, each followed by tail, as an alternation of their shared prefixes.

    At each letter the regex engine enters only the branch that goes on with the
    text's next letter, where a flat alternation entered every word that starts with
    the letters read so far ("devra", "devront", "deve" and more after each "de"). Words
    are grouped by first letter, order kept within, as by_first_letter does. A word
    that another goes on from ends in a branch of the tail alone, which may now come
    after the longer word: the tail must rule one of them out (a word boundary does,
    when the longer word goes on with a letter).
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word[1:])  # "" for a word that ended
    branches = []
    for first, rests in groups.items():
        if not first:
            branches.append(tail)
        elif len(rests) == 1:
            branches.append(re.escape(first + rests[0]) + tail)
        else:
            branches.append(f"{re.escape(first)}(?:{prefix_tree(rests, tail)})")
    return "|".join(branches)


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
