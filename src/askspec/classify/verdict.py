"""Decide whether a text is prose, code, spec or data: evidence from the rule tables, scored.

Every check is a pure function from a :class:`View` of the text to a list of
:class:`Signal`; the verdict sums them per kind. Content outweighs names, so a
Python file that holds an essay is prose, and a script without extension is code.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from askspec.classify import document_rules, name_rules, wording
from askspec.classify.features import HEAD_CHARS, Signal, View, make_view
from askspec.classify.name_rules import file_tags, is_code_name
from askspec.classify.pattern_building import has_any
from askspec.classify.structure_checks import (
    card_signals,
    contract_signals,
    design_signals,
    directive_signals,
    example_signals,
    line_signals,
    reference_signals,
    title_signals,
)
from askspec.classify.structured import structured_verdict
from askspec.models import Kind, Verdict
from askspec.read.text import suffix_of

__all__ = ["Signal", "classify", "combine"]

#: Formats read as sheets of rows.
SHEET_FORMATS = ("xlsx", "ods")
#: How much of a text the line-level checks read; verdicts settle well before this.
ANALYSED_CHARS = 16 << 10
#: A file whose name or shebang says code is judged on this much of its head first
#: (about fifty lines, enough to tell code; with twice as much, a long docstring or usage
#: text below the code sometimes outweighed it)...
QUICK_CHARS = 2 << 10
#: ...and that verdict stands when it is code this surely: dense code at the top of a
#: source file does not turn into a spec further down, so reading on only costs time.
QUICK_CONFIDENCE = 0.95


def name_signals(view: View) -> list[Signal]:
    """What the file name and extension say."""
    suffix = suffix_of(view.name)
    extra = name_rules.EXTRA_EXTENSIONS.get(suffix)
    if extra == "spec":
        return [Signal(Kind.SPEC, 3.0, f"interface definition file ({suffix})")]
    if extra == "data":
        return [Signal(Kind.DATA, 2.0, f"data file name ({suffix})")]
    tags = view.tags
    if tags & name_rules.SPEC_TAGS:
        return [
            Signal(
                Kind.SPEC, 3.0, f"interface definition file ({min(tags & name_rules.SPEC_TAGS)})"
            )
        ]
    if tags & name_rules.DOCUMENT_TAGS or not tags or "binary" in tags:
        return []
    if tags & name_rules.DATA_TAGS:
        return [Signal(Kind.DATA, 1.0, f"data file name ({min(tags & name_rules.DATA_TAGS)})")]
    language = sorted(tags - {"text", "executable", "non-executable", "header"})
    if language:
        return [Signal(Kind.CODE, 2.0, f"source file name ({language[0]})")]
    return []


def format_signals(view: View) -> list[Signal]:
    """What the reader found: a shebang, or a notebook of mostly code."""
    found = []
    if view.interpreter:
        found.append(Signal(Kind.CODE, 3.0, f"shebang ({view.interpreter})"))
    if view.fmt == "notebook-code":
        found.append(Signal(Kind.CODE, 3.0, "notebook of mostly code cells"))
    return found


def code_signals(view: View) -> list[Signal]:
    """Syntax density: statement-shaped lines and code symbols outside quoted blocks."""
    if not view.lines:
        return []
    share = view.code_lines / view.lines
    symbols = view.symbol_share
    # Punctuation alone is weak (templates and maths use it too) unless the name or a
    # shebang already says code, as for minified scripts on one long line.
    codeish = view.interpreter or is_code_name(view.tags)
    if share < 0.2 and (symbols < 0.05 or (share < 0.1 and not codeish)):
        return []
    weight = 5.0 * share + min(2.0, 20 * max(0.0, symbols - 0.02))
    return [Signal(Kind.CODE, weight, f"{share:.0%} of lines read as statements")]


def api_signals(view: View) -> list[Signal]:
    """Signs of OpenAPI, JSON Schema, protobuf, GraphQL, WSDL and other IDLs."""
    head = view.head
    lined_head = "\n" + head
    for pattern, what, needs in wording.API_PATTERNS:
        if has_any(head, needs) and pattern.search(lined_head):
            return [Signal(Kind.SPEC, 8.0, what)]
    return []


def requirement_signals(view: View) -> list[Signal]:
    """RFC 2119 keywords, requirement modals and requirements with a system as subject."""
    found: list[Signal] = []
    prose = view.prose_text
    keywords = wording.RFC2119.findall(prose)
    if keywords:
        shown = ", ".join(sorted(set(keywords))[:3])
        weight = min(5.0, 0.6 + 0.5 * len(keywords))
        found.append(Signal(Kind.SPEC, weight, f"{len(keywords)} RFC 2119 keywords ({shown})"))
    if view.system_modals:
        n = view.system_modals
        found.append(
            Signal(Kind.SPEC, min(4.0, 1.2 * n), f"{n} requirements on the system or its parts")
        )
    density = view.modals / max(1, view.sentences)
    if view.modals >= 3 and density >= 0.08:
        why = f"{view.modals} requirement words in {view.sentences} sentences"
        found.append(Signal(Kind.SPEC, min(3.5, 10.0 * density), why))
    return found


def structure_signals(view: View) -> list[Signal]:
    """Numbered requirements, spec headings, user stories, EARS, Gherkin and standards."""
    found: list[Signal] = []
    if view.requirement_ids >= 2:
        n = view.requirement_ids
        found.append(Signal(Kind.SPEC, min(5.0, 1.3 * n), f"{n} numbered requirements"))
    headings = sorted({h for h in view.headings if h in document_rules.SPEC_HEADINGS})
    if headings:
        shown = "/".join(h.title() for h in headings[:4])
        found.append(Signal(Kind.SPEC, min(4.5, 1.5 * len(headings)), f"headings {shown}"))
    stories = view.stories
    if stories:
        found.append(Signal(Kind.SPEC, min(5.0, 2.0 * stories), f"{stories} user stories or EARS"))
    if view.gherkin_heads and view.gherkin_steps >= 2:
        found.append(Signal(Kind.SPEC, 6.0, f"Gherkin feature ({view.gherkin_steps} steps)"))
    head = view.prose_text[:HEAD_CHARS]
    if wording.STANDARD.search(head):
        found.append(Signal(Kind.SPEC, 3.0, "wording of a standard"))
    return found


def prose_signals(view: View) -> list[Signal]:
    """Narrative text: sentences of ordinary length; quoted code is mentioned, not counted."""
    if view.words < 12 and not view.sentences:
        return []
    share = view.prose_lines / max(1, view.lines)
    # Words without sentences are lists, tables or keywords, not narrative.
    flow = min(1.0, 18 * view.sentences / max(18, view.words))
    weight = 0.3 + flow * (1.5 + 1.5 * share + min(1.0, view.words / 800))
    why = f"{view.sentences} sentences, {view.words} words"
    found = [Signal(Kind.PROSE, weight, why)]
    if view.fenced:
        found.append(Signal(Kind.PROSE, 0.1, f"quotes {view.fenced} lines of code"))
    return found


Check = Callable[[View], list[Signal]]

#: Checks that read how a document is built: its sections, header, wording, rules and
#: examples. A file that its name or shebang marks as code is read without them: its
#: comments are no document's structure, and a scan of a source tree costs a quarter
#: less (measured: 1.10 s to 0.83 s, one process, on the benchmark's legacy corpus).
DOCUMENT_CHECKS: tuple[Check, ...] = (
    design_signals,
    title_signals,
    contract_signals,
    line_signals,
    reference_signals,
    directive_signals,
    example_signals,
    card_signals,
)
#: Checks that read any text.
TEXT_CHECKS: tuple[Check, ...] = (
    name_signals,
    format_signals,
    api_signals,
    code_signals,
    requirement_signals,
    structure_signals,
)
#: Every check, in order, the prose check last; adding one is adding a row.
CHECKS: tuple[Check, ...] = (*TEXT_CHECKS, *DOCUMENT_CHECKS, prose_signals)
#: The checks of a file that its name or shebang marks as code.
SOURCE_CHECKS: tuple[Check, ...] = (*TEXT_CHECKS, prose_signals)


#: Each kind's place in the enumeration, which breaks ties between equal scores.
KIND_RANK = {kind: rank for rank, kind in enumerate(Kind)}


def confidence(best: float, rest: float) -> float:
    """Map the winning score and the rest to a probability-like confidence."""
    margin = best - rest
    sure = 1.0 / (1.0 + math.exp(-1.1 * (margin - 0.8)))
    strength = min(1.0, best / 4.0)
    return max(0.34, min(0.99, 0.34 + 0.65 * sure * strength))


def combine(signals: Iterable[Signal]) -> Verdict:
    """Sum the weights per kind; the heaviest wins, its margin sets the confidence."""
    ordered = sorted(signals, key=lambda s: -s.weight)
    scores: dict[Kind, float] = {}
    for signal in ordered:
        scores[signal.kind] = scores.get(signal.kind, 0.0) + signal.weight
    if not scores:
        return Verdict(Kind.PROSE, 0.34, ("no strong signal; treated as prose",))
    best = max(scores, key=lambda k: (scores[k], -KIND_RANK[k]))
    runner_up = max((v for k, v in scores.items() if k is not best), default=0.0)
    evidence = tuple(s.why for s in ordered if s.kind is best) + tuple(
        f"also {s.kind.value}: {s.why}" for s in ordered if s.kind is not best
    )
    return Verdict(best, round(confidence(scores[best], runner_up), 2), evidence[:6])


def score(name: str, text: str, fmt: str) -> Verdict:
    """Run the checks over the text and combine their signals."""
    view = make_view(name, text, fmt)
    source = view.interpreter or (fmt == "text" and is_code_name(view.tags))
    return combine(
        signal for check in (SOURCE_CHECKS if source else CHECKS) for signal in check(view)
    )


def quick_verdict(name: str, text: str, fmt: str) -> Verdict | None:
    """Code settled on the head of a file that its name or shebang says is code."""
    if len(text) <= QUICK_CHARS or fmt != "text":
        return None
    if not (text.startswith("#!") or is_code_name(file_tags(name))):
        return None
    # Cut at a line end so the last line counted is whole.
    head = text[: text.rfind("\n", 0, QUICK_CHARS) + 1] or text[:QUICK_CHARS]
    verdict = score(name, head, fmt)
    if verdict.kind is Kind.CODE and verdict.confidence >= QUICK_CONFIDENCE:
        return verdict
    return None


def sheet_verdict(name: str, text: str, fmt: str) -> Verdict:
    """A spreadsheet is data, unless its rows state requirements (a requirements or
    pricing matrix with requirement wording): then it is a spec."""
    verdict = score(name, text[:ANALYSED_CHARS], fmt)
    if verdict.kind is Kind.SPEC:
        return verdict
    lines = text.splitlines()
    sheets = sum(1 for line in lines if line.startswith("# "))
    rows = sum(1 for line in lines if line.strip()) - sheets
    why = f"spreadsheet: {rows} rows in {sheets} sheet{'s' if sheets != 1 else ''}"
    return Verdict(Kind.DATA, 0.9, (why,))


def classify(name: str, text: str, fmt: str = "text") -> Verdict:
    """Classify a decoded text by its file name, format and content."""
    if not text or text.isspace():  # stops at the first other character; strip copies
        return Verdict(Kind.EMPTY, 1.0, ("no text",))
    if fmt in SHEET_FORMATS:
        return sheet_verdict(name, text, fmt)
    if found := structured_verdict(name, text, fmt):
        return found
    if found := quick_verdict(name, text, fmt):
        return found
    return score(name, text[:ANALYSED_CHARS], fmt)
