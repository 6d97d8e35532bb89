"""Decide whether a text is prose, code or a spec: tables of markers plus pure scoring."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from askspec.models import Kind, Verdict

# --- tables -----------------------------------------------------------------

#: identify tags for files that hold documents rather than code.
DOCUMENT_TAGS = frozenset({"markdown", "rst", "plain-text", "asciidoc", "tex", "html", "jupyter"})
#: identify tags for structured data; these are data unless they define an interface.
DATA_TAGS = frozenset({"json", "yaml", "toml", "csv", "tsv", "xml", "ini", "jsonnet"})
#: identify tags for interface-definition languages: specs by nature.
SPEC_TAGS = frozenset({"proto", "graphql", "gherkin", "wsdl"})
#: Extensions identify does not know.
EXTRA_EXTENSIONS = {".gql": "spec", ".feature": "spec", ".avsc": "spec", ".thrift": "spec"}

#: Markers of interface definitions, matched against the first lines of a file.
API_MARKERS: tuple[tuple[str, str], ...] = (
    (r"^\s*[\"']?openapi[\"']?\s*:\s*[\"']?3", "OpenAPI definition"),
    (r"^\s*[\"']?swagger[\"']?\s*:\s*[\"']?2", "Swagger definition"),
    (r"^\s*[\"']?asyncapi[\"']?\s*:", "AsyncAPI definition"),
    (r"[\"']\$schema[\"']\s*:\s*[\"'][^\"']*json-schema", "JSON Schema"),
    (r"^\s*\$schema\s*:\s*[\"']?[^\s\"']*json-schema", "JSON Schema"),
    (r"^\s*syntax\s*=\s*\"proto[23]\"", "protobuf definition"),
    (r"^\s*(type\s+(Query|Mutation|Subscription)|schema)\s*\{", "GraphQL schema"),
    (r"<(wsdl:)?definitions\b", "WSDL definition"),
    (r"^\s*Feature:\s", "Gherkin feature"),
)

RFC2119 = re.compile(
    r"\b(MUST(?: NOT)?|SHALL(?: NOT)?|SHOULD(?: NOT)?|REQUIRED|RECOMMENDED|MAY|OPTIONAL)\b"
)
REQUIREMENT_WORDS = re.compile(r"\b(must|shall|required to|needs to|has to)\b", re.IGNORECASE)
CJK_REQUIREMENT = re.compile(r"必须|应当|应该|需求|要求|不得")
REQUIREMENT_ID = re.compile(r"^\s*(?:[-*]\s*)?(?:[A-Z]{1,5}-\d{1,4}|\d+\.\d+(?:\.\d+)*)[\s:.)]")
SPEC_HEADING = re.compile(
    r"^\s*(?:#{1,6}\s*|\d+(?:\.\d+)*\.?\s+)?(requirements?|inputs?|outputs?|interface|"
    r"acceptance criteria|scope|constraints|non-goals|performance|hardware|api|"
    r"functional requirements|user stories|输入|输出|需求|性能|硬件|接口)\b\s*:?\s*$",
    re.IGNORECASE,
)
USER_STORY = re.compile(r"\bas an? .{1,60}\bI want\b", re.IGNORECASE)
EARS = re.compile(r"\b(when|while|if)\b.{1,80}\bthe \w+ shall\b", re.IGNORECASE)
CARD_LINE = re.compile(r"^[A-Za-z][\w .-]{0,30}:\s+\S")
CARD_KEYS = frozenset(
    {
        "kind",
        "inputs",
        "input",
        "outputs",
        "output",
        "shape",
        "used-by",
        "packages",
        "goal",
        "hardware",
        "performance",
        "users",
        "constraints",
        "scope",
        "name",
        "purpose",
        "top-level",
    }
)

CODE_LINE = re.compile(
    r"^\s*(def |class |import |from \S+ import |return\b|#include|function\b|const |let |var |"
    r"public |private |package |fn |func |impl |use |struct |if \(|for \(|while \(|"
    r"}\s*$|[{}();]\s*$|@\w+)"
)
SENTENCE_END = re.compile(r"[.!?。！？\"”]\s*$")
WORD = re.compile(r"[^\W\d_]+")

# --- signals ----------------------------------------------------------------


@dataclass(frozen=True)
class Signal:
    """One piece of evidence: which kind it points to, how strongly, and why in words."""

    kind: Kind
    weight: float
    why: str


def name_signals(name: str) -> list[Signal]:
    """What the file name and extension say."""
    from identify.identify import tags_from_filename

    lower = name.lower()
    suffix = lower[lower.rfind(".") :] if "." in lower else ""
    if EXTRA_EXTENSIONS.get(suffix) == "spec":
        return [Signal(Kind.SPEC, 3.0, f"interface definition file ({suffix})")]
    tags = tags_from_filename(name)
    if tags & SPEC_TAGS:
        return [Signal(Kind.SPEC, 3.0, f"interface definition file ({min(tags & SPEC_TAGS)})")]
    if tags & DOCUMENT_TAGS or not tags or "binary" in tags:
        return []
    if tags & DATA_TAGS:
        return [Signal(Kind.DATA, 1.0, f"data file name ({min(tags & DATA_TAGS)})")]
    language = sorted(tags - {"text", "executable", "non-executable", "header"})
    if language:
        return [Signal(Kind.CODE, 2.0, f"source file name ({language[0]})")]
    return []


def shebang_signals(lines: list[str]) -> list[Signal]:
    """A ``#!`` first line makes a script, executable or not."""
    if lines and lines[0].startswith("#!"):
        interpreter = lines[0][2:].strip().split("/")[-1].split(" ")[-1] or "script"
        return [Signal(Kind.CODE, 3.0, f"shebang ({interpreter[:20]})")]
    return []


def code_signals(lines: list[str]) -> list[Signal]:
    """Syntax density: lines that look like statements, braces and keywords."""
    content = [line for line in lines if line.strip()]
    if not content:
        return []
    hits = sum(1 for line in content if CODE_LINE.match(line))
    share = hits / len(content)
    if share < 0.15:
        return []
    return [Signal(Kind.CODE, 4.0 * share, f"{share:.0%} of lines look like code")]


def api_signals(lines: list[str]) -> list[Signal]:
    """Markers of OpenAPI, JSON Schema, protobuf, GraphQL, WSDL and Gherkin."""
    head = "\n".join(lines[:60])
    for pattern, what in API_MARKERS:
        if re.search(pattern, head, re.MULTILINE | re.IGNORECASE):
            return [Signal(Kind.SPEC, 5.0, what)]
    return []


def requirement_signals(text: str, lines: list[str]) -> list[Signal]:
    """RFC 2119 keywords, numbered requirements, spec headings, user stories, EARS."""
    found: list[Signal] = []
    rfc = len(RFC2119.findall(text))
    if rfc:
        found.append(Signal(Kind.SPEC, min(4.0, 0.8 * rfc), f"{rfc} RFC 2119 keywords"))
    else:
        soft = len(REQUIREMENT_WORDS.findall(text)) + len(CJK_REQUIREMENT.findall(text))
        if soft >= 2:
            found.append(Signal(Kind.SPEC, min(2.5, 0.4 * soft), f"{soft} requirement words"))
    numbered = sum(1 for line in lines if REQUIREMENT_ID.match(line))
    if numbered >= 2:
        found.append(Signal(Kind.SPEC, min(3.0, 0.5 * numbered), f"{numbered} numbered items"))
    headings = sorted({m.group(1).title() for line in lines if (m := SPEC_HEADING.match(line))})
    if headings:
        shown = "/".join(headings[:4])
        found.append(Signal(Kind.SPEC, min(3.5, 1.2 * len(headings)), f"headings {shown}"))
    stories = len(USER_STORY.findall(text)) + len(EARS.findall(text))
    if stories:
        found.append(Signal(Kind.SPEC, min(3.0, 1.5 * stories), f"{stories} user stories or EARS"))
    return found


def card_signals(lines: list[str]) -> list[Signal]:
    """A design card: most lines are ``key: value`` with keys a card would use."""
    content = [line for line in lines if line.strip()]
    if len(content) < 3 or len(content) > 200:
        return []
    pairs = [line.split(":", 1)[0].strip().lower() for line in content if CARD_LINE.match(line)]
    if len(pairs) < 0.6 * len(content):
        return []
    known = sum(1 for key in pairs if key in CARD_KEYS)
    if known < 2:
        return []
    return [Signal(Kind.SPEC, 3.0 + 0.3 * known, f"design card: {len(pairs)} key: value lines")]


def prose_signals(lines: list[str]) -> list[Signal]:
    """Narrative text: sentences of ordinary length ending in punctuation."""
    content = [line.strip() for line in lines if line.strip()]
    if not content:
        return []
    words = sum(len(WORD.findall(line)) for line in content)
    sentences = sum(1 for line in content if SENTENCE_END.search(line) and len(line) > 40)
    if words < 20 and not sentences:
        return []
    share = sentences / len(content)
    weight = 1.0 + 2.5 * share + min(1.5, words / 1000)
    return [Signal(Kind.PROSE, weight, f"{words} words, {share:.0%} of lines are sentences")]


def data_signals(text: str) -> list[Signal]:
    """JSON that parses and defines nothing, or delimited rows of equal width."""
    stripped = text.lstrip()
    if stripped[:1] in "[{":
        try:
            json.loads(text)
        except (ValueError, RecursionError):  # deep nesting is hostile, not data
            return []
        return [Signal(Kind.DATA, 3.0, "parses as JSON data")]
    rows = [line for line in text.splitlines()[:50] if line.strip()]
    for sep, name in ((",", "CSV"), ("\t", "TSV"), (";", "semicolon-separated")):
        counts = {line.count(sep) for line in rows}
        if len(rows) >= 3 and len(counts) == 1 and counts.pop() >= 1:
            return [Signal(Kind.DATA, 3.0, f"{name} rows of equal width")]
    return []


SignalFn = Callable[[str, list[str]], list[Signal]]

#: Every content check, in order; adding one is adding a row.
CONTENT_CHECKS: tuple[SignalFn, ...] = (
    lambda text, lines: shebang_signals(lines),
    lambda text, lines: api_signals(lines),
    lambda text, lines: code_signals(lines),
    requirement_signals,
    lambda text, lines: card_signals(lines),
    lambda text, lines: prose_signals(lines),
    lambda text, lines: data_signals(text),
)

# --- verdict ----------------------------------------------------------------


def combine(signals: Iterable[Signal]) -> Verdict:
    """Sum the weights per kind; the heaviest wins, with the margin as confidence."""
    scores: dict[Kind, float] = {}
    ordered = sorted(signals, key=lambda s: -s.weight)
    for signal in ordered:
        scores[signal.kind] = scores.get(signal.kind, 0.0) + signal.weight
    if not scores:
        return Verdict(Kind.PROSE, 0.3, ("no strong signal; treated as prose",))
    best = max(scores, key=lambda k: (scores[k], -list(Kind).index(k)))
    total = sum(scores.values())
    confidence = 0.5 + 0.49 * (scores[best] / total) * min(1.0, scores[best] / 4.0)
    evidence = tuple(s.why for s in ordered if s.kind is best) + tuple(
        f"against: {s.why}" for s in ordered if s.kind is not best
    )
    return Verdict(best, round(confidence, 2), evidence[:6])


def classify(name: str, text: str, fmt: str = "text") -> Verdict:
    """Classify a decoded text by its file name, format and content."""
    if not text.strip():
        return Verdict(Kind.EMPTY, 1.0, ("no text",))
    lines = text.splitlines()[:2000]
    signals = name_signals(name)
    if fmt == "notebook-code":
        signals.append(Signal(Kind.CODE, 3.0, "notebook of mostly code cells"))
    for check in CONTENT_CHECKS:
        signals.extend(check(text, lines))
    return combine(signals)


@lru_cache(maxsize=1)
def kinds_described() -> dict[str, str]:
    """A short description of each kind, for help texts."""
    return {
        Kind.PROSE: "narrative text that states no requirements",
        Kind.CODE: "source code, scripts and build files",
        Kind.SPEC: "requirements, design cards, API and interface definitions",
        Kind.DATA: "CSV, JSON or YAML data",
        Kind.EMPTY: "no content",
        Kind.BINARY: "not text",
        Kind.UNREADABLE: "could not be read",
    }
