"""The classifier's evidence in the stakeholder's language.

The classifier writes its evidence in English for ``scan`` (``4 numbered requirements``);
the request's table of seeds shows it to the stakeholder, so each form it takes is
matched here and written again from the catalog. What it quotes (headings, names,
keywords) stays as found. A form not in the table is shown as it is.
"""

from __future__ import annotations

import re

from askspec.i18n import N_, _

#: Each form of evidence: a pattern over the whole text, and the message its groups fill.
FORMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), message)
    for pattern, message in (
        (r"interface definition file \((?P<name>.*)\)", N_("interface definition file ({name})")),
        (r"data file name \((?P<name>.*)\)", N_("data file name ({name})")),
        (r"source file name \((?P<name>.*)\)", N_("source file name ({name})")),
        (r"shebang \((?P<name>.*)\)", N_("shebang ({name})")),
        (r"notebook of mostly code cells", N_("notebook of mostly code cells")),
        (r"(?P<share>\d+%) of lines read as statements", N_("{share} of lines read as statements")),
        (r"(?P<n>\d+) RFC 2119 keywords \((?P<words>.*)\)", N_("{n} RFC 2119 keywords ({words})")),
        (
            r"(?P<n>\d+) requirements on the system or its parts",
            N_("{n} requirements on the system or its parts"),
        ),
        (
            r"(?P<n>\d+) requirement words in (?P<m>\d+) sentences",
            N_("{n} requirement words in {m} sentences"),
        ),
        (r"(?P<n>\d+) numbered requirements", N_("{n} numbered requirements")),
        (r"headings (?P<names>.*)", N_("headings {names}")),
        (r"(?P<n>\d+) user stories or EARS", N_("{n} user stories or EARS")),
        (r"Gherkin feature \((?P<n>\d+) steps\)", N_("Gherkin feature ({n} steps)")),
        (r"wording of a standard", N_("wording of a standard")),
        (r"sections (?P<names>.*)", N_("sections {names}")),
        (r"header (?P<names>.*)", N_("header {names}")),
        (r"contract wording \((?P<words>.*)\.\.\.\)", N_("contract wording ({words}...)")),
        (
            r"(?P<n>\d+) rules marked with their obligation",
            N_("{n} rules marked with their obligation"),
        ),
        (r"(?P<n>\d+) grammar productions", N_("{n} grammar productions")),
        (r"(?P<n>\d+) HTTP operations", N_("{n} HTTP operations")),
        (r"1 table of fields and their types", N_("1 table of fields and their types")),
        (
            r"(?P<n>\d+) tables of fields and their types",
            N_("{n} tables of fields and their types"),
        ),
        (
            r"(?P<n>\d+) defined terms, (?P<m>\d+) statements of what is allowed",
            N_("{n} defined terms, {m} statements of what is allowed"),
        ),
        (
            r"(?P<n>\d+) rules stated as instructions in (?P<m>\d+) sentences",
            N_("{n} rules stated as instructions in {m} sentences"),
        ),
        (r"(?P<n>\d+) pairs of good and bad examples", N_("{n} pairs of good and bad examples")),
        (r"design card: (?P<n>\d+) key: value lines", N_("design card: {n} key: value lines")),
        (r"(?P<n>\d+) sentences, (?P<m>\d+) words", N_("{n} sentences, {m} words")),
        (r"quotes (?P<n>\d+) lines of code", N_("quotes {n} lines of code")),
        (r"no strong signal; treated as prose", N_("no strong signal; treated as prose")),
        (r"spreadsheet: (?P<n>\d+) rows in 1 sheet", N_("spreadsheet: {n} rows in 1 sheet")),
        (
            r"spreadsheet: (?P<n>\d+) rows in (?P<m>\d+) sheets",
            N_("spreadsheet: {n} rows in {m} sheets"),
        ),
        (
            r"parses as (?P<syntax>\S+) data: (?P<n>\d+) records",
            N_("parses as {syntax} data: {n} records"),
        ),
        (
            r"parses as (?P<syntax>\S+) data: (?P<n>\d+) top-level keys",
            N_("parses as {syntax} data: {n} top-level keys"),
        ),
        (r"parses as a (?P<syntax>\S+) value", N_("parses as a {syntax} value")),
        (r"JSON Lines: (?P<n>\d+) records read", N_("JSON Lines: {n} records read")),
        (
            r"(?P<what>\S+) rows of equal width \((?P<n>\d+) read\)",
            N_("{what} rows of equal width ({n} read)"),
        ),
        (
            r"dependency or build manifest \((?P<name>.*)\)",
            N_("dependency or build manifest ({name})"),
        ),
        (r"no text", N_("no text")),
        (r"0 bytes", N_("0 bytes")),
    )
)


def translated(evidence: str) -> str:
    """The evidence in the language being written; unknown forms as they are."""
    for pattern, message in FORMS:
        found = pattern.fullmatch(evidence)
        if found:
            return _(message).format(**found.groupdict())
    return evidence
