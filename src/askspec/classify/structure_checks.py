"""Checks that read how a document is built: a design's sections and header, a
contract's wording, labelled rules, grammar productions and HTTP operations, tables of
fields, defined terms, rules stated as instructions, paired examples, design cards.

Each is a pure function from a :class:`View` to the signals it finds, as in verdict.py.
"""

from __future__ import annotations

from askspec.classify import document_rules, reference_rules
from askspec.classify.features import HEAD_CHARS, Signal, View, is_card_sized
from askspec.models import Kind

#: How many lines at the top of a text a proposal's header may take.
HEADER_LINES = 40
#: Only this much of a line is looked at for fields and table cells.
LINE_CUT = 300
#: How many lines are looked at for labelled rules and HTTP operations: they show in a
#: document's first screens, and reading every line cost a third of classification.
RULE_LINES = 120


def design_signals(view: View) -> list[Signal]:
    """Design documents, proposals and decision records: their sections and header."""
    found: list[Signal] = []
    design = sorted(h for h in view.headings if h in document_rules.DESIGN_SECTIONS)
    frame = [h for h in view.headings if h in document_rules.FRAME_SECTIONS]
    if len(design) >= 2 or (design and len(frame) >= 2):
        shown = "/".join(h.title() if h.isascii() else h for h in design[:4])
        weight = min(7.0, 1.5 + 1.2 * len(design) + 0.4 * len(frame))
        found.append(Signal(Kind.SPEC, weight, f"sections {shown}"))
    fields = {
        match.group(1).strip().lower()
        for line in view.head.splitlines()[:HEADER_LINES]
        if (match := document_rules.FIELD_LINE.match(line[:LINE_CUT]))
    } & document_rules.PROPOSAL_FIELDS
    if len(fields) >= 2:
        shown = "/".join(sorted(f.title() for f in fields)[:4])
        found.append(Signal(Kind.SPEC, min(4.5, 1.5 + 0.8 * len(fields)), f"header {shown}"))
    return found


#: Quotes, emphasis and stops around a title's words.
TITLE_MARKS = "\"'*_`.:"


def title_genre(head: str) -> str:
    """The genre a document's title gives it ("policy" for "Gifts Policy"), or ""."""
    match = document_rules.TITLE_LINE.search("\n" + head)
    if not match:
        return ""
    words = match.group(1).lower().split()
    while words and document_rules.TITLE_TAIL_WORD.fullmatch(words[-1].strip(TITLE_MARKS)):
        words.pop()
    words = [bare for word in words if (bare := word.strip(TITLE_MARKS))]
    title = " ".join(words)
    if len(words) > document_rules.TITLE_WORDS:
        return ""
    genres = document_rules.TITLE_GENRES
    for size in (4, 3, 2, 1):
        if len(words) <= size:
            continue
        last, first = " ".join(words[-size:]), " ".join(words[:size])
        if last in genres and words[-size - 1] not in document_rules.TITLE_ABOUT:
            return last  # "Patient Records Retention Policy"
        if first in genres and words[size] in document_rules.TITLE_JOINS:
            return first  # "Specification of the log format"
    if not title.isascii():  # a script without spaces: the genre closes the title
        return next((g for g in genres if title.endswith(g) and title != g), "")
    return ""


def title_signals(view: View) -> list[Signal]:
    """A title that names the document a policy, a standard or a specification."""
    genre = title_genre(view.head)
    if not genre:
        return []
    return [Signal(Kind.SPEC, 4.0, f"title names its genre ({genre})")]


def contract_signals(view: View) -> list[Signal]:
    """Requests for quotation, statements of work and tenders: their wording."""
    low = view.prose_text.lower()
    words = {word.strip(".,;:()[]\"'") for word in low.split()}
    terms = (words & document_rules.CONTRACT_WORDS) | {
        p for p in document_rules.CONTRACT_PHRASES if p in low
    }
    if len(terms) < 4:
        return []
    shown = ", ".join(sorted(terms)[:3])
    return [Signal(Kind.SPEC, min(6.0, 1.0 + 0.8 * len(terms)), f"contract wording ({shown}...)")]


def line_signals(view: View) -> list[Signal]:
    """Rules labelled with their obligation, grammar productions and HTTP operations,
    in the first lines."""
    found: list[Signal] = []
    lined_head = "\n" + view.head
    first_lines = "\n".join(lined_head.split("\n", RULE_LINES + 1)[: RULE_LINES + 1])
    rules = len(document_rules.RULE_LABEL.findall(first_lines))
    if rules >= 3:
        why = f"{rules} rules marked with their obligation"
        found.append(Signal(Kind.SPEC, min(6.0, 1.0 + 0.8 * rules), why))
    lined = "\n" + view.text
    labelled = len(reference_rules.PARAGRAPH_LABEL.findall(lined))
    if labelled >= 3:
        why = f"{labelled} paragraphs labelled with rule names"
        found.append(Signal(Kind.SPEC, min(6.0, 2.0 + 0.5 * labelled), why))
    named = {"".join(m) for m in document_rules.RULE_ID_HEADING.findall(lined)}
    if len(named) >= 3:
        why = f"{len(named)} rules titled with their identifiers"
        found.append(Signal(Kind.SPEC, min(5.0, 1.5 + 0.7 * len(named)), why))
    # Productions follow a reference's opening prose: the whole head is looked at.
    grammar = len(reference_rules.GRAMMAR_LINE.findall(lined_head))
    if grammar >= 2:
        found.append(Signal(Kind.SPEC, min(5.0, 1.5 + grammar), f"{grammar} grammar productions"))
    operations = {
        operation.strip(" \t>#*`-")
        for operation in reference_rules.HTTP_OPERATION.findall(first_lines)
    }
    if len(operations) >= 2:
        why = f"{len(operations)} HTTP operations"
        found.append(Signal(Kind.SPEC, min(6.0, 2.0 * len(operations)), why))
    return found


def field_tables(head: str) -> int:
    """Tables whose header names each row's field and its type or whether it is needed."""
    count = 0
    in_table = False
    for line in head.splitlines():
        cells = line[:LINE_CUT].strip().strip("|").split("|")
        if len(cells) < 2:
            in_table = False
            continue
        if in_table:
            continue
        in_table = True  # the first row of a run of rows is its header
        names = {cell.strip(" \t*`_").lower() for cell in cells}
        named = names & reference_rules.FIELD_NAME_COLUMNS
        if named and names & reference_rules.FIELD_TYPE_COLUMNS:
            count += 1
    return count


def reference_signals(view: View) -> list[Signal]:
    """References and standards: tables of fields, defined terms and statements of what
    is an error, undefined or allowed."""
    found: list[Signal] = []
    tables = field_tables(view.head)
    if tables:
        why = f"{tables} table{'s' if tables > 1 else ''} of fields and their types"
        found.append(Signal(Kind.SPEC, min(5.0, 2.5 + 1.0 * tables), why))
    labels = [
        label
        for found in reference_rules.ENTRY_LABEL_LINE.findall("\n" + view.text)
        if (label := found.lower()) in reference_rules.ENTRY_LABELS
    ]
    core = sum(label in reference_rules.ENTRY_CORE_LABELS for label in labels)
    if core >= 2 and len(set(labels)) >= 3:
        shown = "/".join(sorted(set(labels))[:3])
        why = f"{len(labels)} labels of documented entries ({shown})"
        found.append(Signal(Kind.SPEC, min(5.0, 2.0 + 0.5 * len(labels)), why))
    calls = set(reference_rules.CALL_HEADING.findall("\n" + view.text))
    if len(calls) >= 3:
        shown = ", ".join(f"{name}()" for name in sorted(calls)[:3])
        why = f"{len(calls)} headings name functions or methods ({shown}...)"
        found.append(Signal(Kind.SPEC, min(5.0, 1.5 + 0.5 * len(calls)), why))
    terms = len(reference_rules.DEFINED_TERM.findall(view.prose_text[:HEAD_CHARS]))
    low = view.prose_text.lower()
    rules = sum(low.count(phrase) for phrase in reference_rules.NORMATIVE_PHRASES)
    if terms + rules >= 2:
        parts = [f"{terms} defined terms"] if terms else []
        parts += [f"{rules} statements of what is allowed"] if rules else []
        why = ", ".join(parts)
        found.append(Signal(Kind.SPEC, min(4.0, 1.0 + 0.8 * (terms + rules)), why))
    return found


def directive_signals(view: View) -> list[Signal]:
    """Standing rules stated as instructions: a style guide's or a policy's register."""
    low = view.prose_text.lower()
    rules = len(document_rules.DIRECTIVE.findall("\n" + low))
    if not low.isascii():
        rules += sum(low.count(word) for word in document_rules.DIRECTIVE_CJK)
    share = rules / max(1, view.sentences)
    if rules < 4 or share < 0.15:
        return []
    why = f"{rules} rules stated as instructions in {view.sentences} sentences"
    return [Signal(Kind.SPEC, min(4.5, 1.0 + 8.0 * share), why)]


#: Lines longer than this are not example labels.
LABEL_CHARS = 80


def example_signals(view: View) -> list[Signal]:
    """Examples marked as ones to follow and ones to avoid: a style guide's pairs."""
    good = bad = 0
    # The whole text read: a long guide's pairs often start after its contents.
    lined = "\n" + view.text
    for match in document_rules.EXAMPLE_LABEL_START.finditer(lined):
        start = match.start() + 1
        end = lined.find("\n", start)
        line = lined[start : len(lined) if end < 0 else end]
        if len(line) > LABEL_CHARS:
            continue
        words = set(document_rules.EXAMPLE_WRAPPING.sub(" ", line.lower()).split())
        if words and words <= document_rules.EXAMPLE_LABEL_WORDS:  # "// bad", "Bad | Good"
            good += not words.isdisjoint(document_rules.EXAMPLE_GOOD)
            bad += not words.isdisjoint(document_rules.EXAMPLE_BAD)
    pairs = min(good, bad)
    if pairs < 2:
        return []
    why = f"{pairs} pairs of good and bad examples"
    return [Signal(Kind.SPEC, min(5.0, 2.0 + 0.75 * pairs), why)]


def card_signals(view: View) -> list[Signal]:
    """A design card: most lines are ``key: value``, with keys a card would use, or one
    such key and a value that describes the system in a sentence."""
    if not is_card_sized(len(view.card_keys), view.lines):
        return []
    known = sum(1 for key in view.card_keys if key in document_rules.CARD_KEYS)
    if known < 2 and not (known and describes(view)):
        return []
    pairs = len(view.card_keys)
    return [Signal(Kind.SPEC, 3.0 + 0.4 * known, f"design card: {pairs} key: value lines")]


def describes(view: View) -> bool:
    """Whether a ``key: value`` line's value is a sentence of eight words or more."""
    for line in view.head.splitlines()[:HEADER_LINES]:
        _, colon, value = line[:LINE_CUT].partition(":")
        if colon and len(value.split()) >= 8:
            return True
    return False
