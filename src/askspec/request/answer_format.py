"""How answers and the request marker are written into the deliverables.

Rendering writes with these functions and ``answers`` reads with them, so the
format of a marker, a placeholder and a written-back answer has one definition.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from askspec.i18n import N_, _, in_every_language
from askspec.request.model import request_id

MARKER_TAG = "askspec:request"
#: The label of the issue form's marker field; GitHub puts it in the body as a ### heading.
MARKER_LABEL = N_("askspec reference")
#: The label before the emailed text's marker line, which a reply keeps.
REFERENCE_LABEL = N_("Reference:")
#: How the emailed text starts its marker line in English.
PLAIN_MARKER = "Reference: " + MARKER_TAG + " "
#: The label each answer goes under: bold in the request, plain in the emailed text.
ANSWER_LABEL = N_("Answer:")
#: What the request shows under an open question's label (emphasised in Markdown).
PLACEHOLDER_TEXT = N_("Write your answer here.")
#: The English placeholder as request.md shows it.
PLACEHOLDER = f"_{PLACEHOLDER_TEXT}_"
#: The words (emphasis and final stop aside) that mean "no answer yet": the shipped
#: placeholders and what people leave in their place.
PLACEHOLDER_WORDS = frozenset(
    {"write your answer here", "no response", "tbd", "tba", "todo", "to do", "?", "??", "-", "--",
     "n/a", "…", "..."}
)  # fmt: skip
#: A question ID such as IN-1 or PERF-2: two to five capitals, a dash, one to three digits.
QUESTION_ID = re.compile(r"[A-Z]{2,5}-[0-9]{1,3}")
#: A request ID and a seeds digest, as generate writes them.
REQUEST_ID = re.compile(r"[0-9a-f]{12}")
SEEDS_DIGEST = re.compile(r"[0-9a-f]{16}")
_MARKER_VALUE = re.compile(r"[\w.+-]{1,40}", re.ASCII)


@dataclass(frozen=True)
class Marker:
    """Which request a document belongs to and which questions it asked."""

    id: str
    version: str
    questions: tuple[str, ...] = ()
    doc: str = ""
    #: The seeds' digest; with the questions it gives the ID, so the two can be checked.
    seeds: str = ""

    def __str__(self) -> str:
        parts = [MARKER_TAG, f"id={self.id}", f"version={self.version}"]
        if self.seeds:
            parts.append(f"seeds={self.seeds}")
        if self.questions:
            parts.append("questions=" + ",".join(self.questions))
        if self.doc:
            parts.append(f"doc={self.doc}")
        return " ".join(parts)

    def comment(self) -> str:
        """The marker as an HTML comment: invisible where Markdown is rendered."""
        return f"<!-- {self} -->"

    def problem(self, what: str = "the askspec marker") -> str | None:
        """Why the marker cannot be trusted, or None when its ID matches its contents."""
        if not REQUEST_ID.fullmatch(self.id) or not _MARKER_VALUE.fullmatch(self.version):
            return f"{what} is malformed: its id or version is not one askspec writes"
        bad = next((q for q in self.questions if not is_question_id(q)), None)
        if bad is not None:
            return f"{what} names {bad!r}, which is not a question ID"
        if not self.questions:
            return f"{what} lists no questions"
        if len(set(self.questions)) != len(self.questions):
            return f"{what} lists a question twice"
        if not SEEDS_DIGEST.fullmatch(self.seeds):
            return (
                f"{what} has no seeds digest to verify its questions with "
                "(written by an older askspec, or edited)"
            )
        if request_id(self.seeds, self.questions) != self.id:
            return (
                f"{what} lists questions that do not match its id {self.id} "
                "(the list was edited or cut)"
            )
        return None


def make_marker(
    request_id: str, version: str, questions: Iterable[str], doc: str = "", seeds: str = ""
) -> Marker:
    """The marker for a request and the IDs of the questions it asks."""
    return Marker(request_id, version, tuple(questions), doc, seeds)


def find_marker(text: str) -> Marker | None:
    """The marker in a block of text, or None; copes with lines re-wrapped by mail clients.

    The fields are returned as found; ``Marker.problem`` says whether they can be trusted.
    """
    at = text.find(MARKER_TAG)
    if at < 0:
        return None
    # A client that re-wraps a long line may break the question list after a comma.
    rest = re.sub(r",\s+", ",", text[at + len(MARKER_TAG) :])
    fields: dict[str, str] = {}
    for word in rest.split():
        key, eq, value = word.partition("=")
        if not eq:
            break
        fields.setdefault(key, value)
    questions = tuple(q for q in fields.get("questions", "").split(",") if q)
    return Marker(
        fields.get("id", ""),
        fields.get("version", ""),
        questions,
        fields.get("doc", ""),
        fields.get("seeds", ""),
    )


def is_question_id(word: str) -> bool:
    """True for words shaped like a question ID."""
    return QUESTION_ID.fullmatch(word) is not None


def leading_id(text: str) -> str | None:
    """The question ID a heading or checklist item starts with, if any."""
    words = text.split(maxsplit=1)
    return words[0] if words and is_question_id(words[0]) else None


def normalize(text: str) -> str:
    """Answer text in the form it is stored and compared in.

    Line breaks and NUL are mapped the way the Markdown parser maps them, trailing
    blanks are dropped from each line and blank lines from both ends.
    """
    lines = [line.rstrip() for line in normalize_newlines(text).split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def placeholder() -> str:
    """The placeholder in the language being written, as request.md shows it."""
    return f"_{_(PLACEHOLDER_TEXT)}_"


def _bare(text: str) -> str:
    """Text without blanks at its ends, emphasis, final stops and case: how labels compare."""
    return " ".join(text.split()).strip("_* ").rstrip(".。").lower()


@cache
def _localized_placeholders() -> frozenset[str]:
    return frozenset(_bare(text) for text in in_every_language(PLACEHOLDER_TEXT))


@cache
def answer_labels() -> frozenset[str]:
    """The answer label in every shipped language, without its colon: ``answer``, ``回答``..."""
    return frozenset(_label_word(label) for label in in_every_language(ANSWER_LABEL))


def _label_word(label: str) -> str:
    return " ".join(label.split()).rstrip(":：").strip().lower()


def is_answer_label(text: str) -> bool:
    """True for an answer label in any shipped language, with or without its colon."""
    return _label_word(text) in answer_labels()


@cache
def marker_labels() -> frozenset[str]:
    """The issue form's marker field label in every shipped language."""
    return in_every_language(MARKER_LABEL)


@cache
def reference_labels() -> frozenset[str]:
    """The label before the emailed text's marker line, in every shipped language."""
    return frozenset(label.strip() for label in in_every_language(REFERENCE_LABEL))


def starts_with_marker_line(text: str) -> bool:
    """True for a paragraph that is the emailed text's marker line, in any language."""
    head, tag, _rest = text.partition(MARKER_TAG + " ")
    return bool(tag) and len(head) <= 40 and head.strip() in reference_labels()


def names_placeholder(text: str) -> bool:
    """True when text is one of the shipped placeholders, emphasis and final stop aside."""
    bare = _bare(text)
    return bare in PLACEHOLDER_WORDS or bare in _localized_placeholders()


def is_open(text: str) -> bool:
    """True when an answer is empty or only a placeholder."""
    return not text.strip() or names_placeholder(text)


def without_placeholders(text: str) -> str:
    """An answer with leftover placeholder lines (and the shipped placeholder) taken out."""
    kept = [line for line in _without_placeholder(text).split("\n") if not _placeholder_line(line)]
    return normalize("\n".join(kept))


def _without_placeholder(text: str) -> str:
    """Text with the shipped placeholder, in any language, taken out where it appears."""
    if "_" not in text:
        return text
    for words in in_every_language(PLACEHOLDER_TEXT):
        text = text.replace(f"_{words}_", "")
    return text


def _placeholder_line(line: str) -> bool:
    """A line that is only a placeholder, quote markers aside."""
    bare = line.lstrip("> ").strip()
    return bool(bare) and names_placeholder(bare)


def normalize_newlines(text: str) -> str:
    """Line breaks and NUL mapped the way the Markdown parser maps them, so lines agree."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")


def quote_answer(text: str) -> str:
    """An answer written back under **Answer:** as a block quote.

    Every line starts with ``>``, so nothing in the answer (a heading, an open
    code fence, an HTML comment) can reach the document's top level: the quote
    closes at the blank line that follows it.
    """
    return "\n".join(f"> {line}" if line else ">" for line in normalize(text).split("\n"))


def unquote_answer(lines: list[str]) -> list[str] | None:
    """Lines with one quote level removed, or None when they are not all quoted."""
    body = [line for line in lines if line.strip()]
    if not body or not all(line.startswith(">") for line in body):
        return None
    return [strip_quote(line) for line in lines]


def strip_quote(line: str) -> str:
    """One line with one ``>`` (and the space after it) removed."""
    if line.startswith("> "):
        return line[2:]
    return line[1:] if line.startswith(">") else line
