"""Verdicts for files whose syntax settles the question: JSON, YAML and delimited rows.

Such files parse or they do not; what remains is whether they define an interface
(a spec) or hold records (data).
"""

from __future__ import annotations

import json
from typing import Any

from askspec.classify import document_rules, name_rules
from askspec.classify.name_rules import file_tags, is_code_name
from askspec.models import Kind, Verdict

#: YAML above this size is judged by its name and head, not parsed (PyYAML is slow).
YAML_PARSE_LIMIT = 256 << 10


#: How many lines the JSON Lines and delimited-rows checks read.
ROWS_READ = 50


def head_lines(text: str, count: int) -> list[str]:
    """The first count lines of a text."""
    return text.splitlines()[:count]


def schema_kind(doc: Any) -> str | None:
    """Name the interface definition a parsed JSON/YAML document is, if it is one."""
    if not isinstance(doc, dict):
        return None
    for key, what in name_rules.SCHEMA_KEYS:
        if key in doc:
            return what
    if "type" in doc and name_rules.SCHEMA_WORDS & doc.keys():
        return "JSON Schema"
    if doc.get("type") == "record" and "fields" in doc:
        return "Avro schema"
    return None


def describe(doc: Any, syntax: str) -> str:
    """Evidence for a data document: its syntax and size in records or keys."""
    if isinstance(doc, list):
        return f"parses as {syntax} data: {len(doc)} records"
    if isinstance(doc, dict):
        return f"parses as {syntax} data: {len(doc)} top-level keys"
    return f"parses as a {syntax} value"


def parsed_verdict(doc: Any, syntax: str) -> Verdict:
    """Spec when the document defines an interface, data otherwise."""
    if what := schema_kind(doc):
        return Verdict(Kind.SPEC, 0.97, (what, f"parses as {syntax}"))
    return Verdict(Kind.DATA, 0.95, (describe(doc, syntax),))


def json_verdict(text: str, tags: frozenset[str]) -> Verdict | None:
    """JSON, JSON Lines, or a large JSON file that was sampled."""
    try:
        return parsed_verdict(json.loads(text), "JSON")
    except (ValueError, RecursionError):  # deep nesting is hostile, not data
        pass
    rows = [line for line in head_lines(text, ROWS_READ) if line.strip()]
    try:
        if len(rows) >= 2 and all(isinstance(json.loads(row), dict | list) for row in rows):
            return Verdict(Kind.DATA, 0.95, (f"JSON Lines: {len(rows)} records read",))
    except (ValueError, RecursionError):
        pass
    if "json" in tags:
        return Verdict(Kind.DATA, 0.7, ("JSON file name; the content did not parse whole",))
    return None


def yaml_verdict(text: str) -> Verdict | None:
    """YAML data, an API definition in YAML, or None for a design card or a failure."""
    import yaml

    if len(text) > YAML_PARSE_LIMIT:
        return None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        doc = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, RecursionError):
        return None
    if isinstance(doc, dict) and sum(str(k).lower() in document_rules.CARD_KEYS for k in doc) >= 2:
        return None  # a design card: scored with the other spec evidence
    if isinstance(doc, dict | list) and doc:
        return parsed_verdict(doc, "YAML")
    return None


def delimited_verdict(text: str, named: bool) -> Verdict | None:
    """Rows of equal width split by a common delimiter (not statements ending in one)."""
    rows = [row for row in map(str.strip, head_lines(text, ROWS_READ)) if row]
    if len(rows) < (2 if named else 5):
        return None
    for sep, what in name_rules.DELIMITERS:
        if not named and sum(row.endswith(sep) for row in rows) > len(rows) / 2:
            continue  # statements that end in the delimiter
        widths = {row.count(sep) for row in rows}
        if len(widths) == 1 and widths.pop() >= 1:
            return Verdict(Kind.DATA, 0.95, (f"{what} rows of equal width ({len(rows)} read)",))
    return None


def structured_verdict(name: str, text: str, fmt: str) -> Verdict | None:
    """A verdict from syntax alone, or None when the content needs scoring."""
    if fmt != "text":
        return None
    lower = name.lower()
    if lower in name_rules.BUILD_FILES or name_rules.REQUIREMENTS_FILE.fullmatch(lower):
        return Verdict(Kind.CODE, 0.95, (f"dependency or build manifest ({name})",))
    tags = file_tags(name)
    if text.lstrip()[:1] in ("{", "[") and (found := json_verdict(text, tags)):
        return found
    if "yaml" in tags and (found := yaml_verdict(text)):
        return found
    if is_code_name(tags):
        return None
    return delimited_verdict(text, bool(tags & {"csv", "tsv"}))
