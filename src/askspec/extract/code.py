"""Facts that code and API definitions state plainly: argv, open(), routes, print, responses.

Only plain statements count: a call to ``open`` for reading is an input, ``print`` an
output. What a program computes in between is not guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from askspec.models import Area

Hit = tuple[Area, int, str]

#: Statement patterns per area; a line may match several areas.
CODE_PATTERNS: tuple[tuple[Area, re.Pattern[str]], ...] = (
    (
        Area.INPUTS,
        re.compile(
            r"\bargv\b|\bargparse\b|add_argument\(|\bclick\.(?:argument|option)\b|"
            r"\btyper\.(?:Argument|Option)\b|process\.argv|os\.Args|\bflag\.(?:String|Int|Bool)\(|"
            r"\bgetopt\b|sys\.stdin|\binput\(|std::cin|\bscanf\(|os\.Stdin|"
            r"\bread_text\(|\bread_bytes\(|\bjson\.load\(|\byaml\.safe_load\(|\bread_(?:csv|excel|json|parquet)\(|"
            r"csv\.(?:reader|DictReader)\(|fs\.readFile|ReadFile\(|"
            r"@\w+\.(?:get|post|put|patch|delete|route|websocket)\(|"
            r"\b(?:app|router)\.(?:get|post|put|patch|delete)\(\s*['\"]/|HandleFunc\(|"
            r"@(?:Get|Post|Put|Delete|Request)Mapping|\brequests\.get\(|urlopen\(|\bfetch\("
        ),
    ),
    (
        Area.OUTPUTS,
        re.compile(
            r"\bprint\(|console\.log\(|fmt\.Print|System\.out\.print|\bprintf\(|std::cout|"
            r"^\s*echo\s|sys\.stdout|sys\.stderr|csv\.(?:writer|DictWriter)\(|\.writerows?\(|"
            r"\bwrite_text\(|\bwrite_bytes\(|\bjson\.dump\(|\.to_(?:csv|json|excel|parquet)\(|"
            r"savefig\(|fs\.writeFile|WriteFile\(|jsonify\(|\bres\.(?:json|send)\(|"
            r"JSONResponse\(|HttpResponse\(|render_template\(|\bw\.Write\(|smtplib|send_mail\(|"
            r"sendmail\(|\brequests\.post\("
        ),
    ),
    (
        Area.HARDWARE,
        re.compile(
            r"\bcuda\b|torch\.device\(|\bGPIO\b|\bRPi\b|gpiozero|serial\.Serial\(|/dev/\w+|"
            r"cpu_count\(|\bnum_workers\b|\bmultiprocessing\b",
            re.IGNORECASE,
        ),
    ),
)
#: Per area, a pattern every match of its CODE_PATTERNS entry contains, and whether it
#: is searched in the folded text (for patterns that ignore case). A line the gate
#: misses cannot match, so most lines are never searched with the slow patterns.
CODE_GATES: tuple[tuple[Area, re.Pattern[str], bool], ...] = (
    (
        Area.INPUTS,
        re.compile(
            r"argv|argparse|add_argument\(|click\.|typer\.|os\.Args|flag\.|getopt|stdin|Stdin|"
            r"input\(|std::cin|scanf\(|read_|json\.load\(|yaml\.safe_load\(|csv\.|readFile|"
            r"ReadFile\(|@|app\.|router\.|HandleFunc\(|Mapping|requests\.get\(|urlopen\(|fetch\("
        ),
        False,
    ),
    (
        Area.OUTPUTS,
        re.compile(
            r"print\(|console\.log\(|fmt\.Print|System\.out\.print|printf\(|std::cout|echo|"
            r"stdout|stderr|csv\.|\.writer|write_|json\.dump\(|\.to_|savefig\(|writeFile|"
            r"WriteFile\(|jsonify\(|res\.|Response\(|render_template\(|w\.Write\(|smtplib|"
            r"send_mail\(|sendmail\(|requests\.post\("
        ),
        False,
    ),
    (
        Area.HARDWARE,
        re.compile(
            r"cuda|torch\.device\(|gpio|rpi|serial\.serial\(|/dev/|cpu_count\(|num_workers|"
            r"multiprocessing"
        ),
        True,
    ),
)
OPEN_GATE = re.compile(r"open\(")
#: ``open(...)`` reads unless its mode writes or appends.
OPEN = re.compile(r"\bf?open\(([^)]*)\)")
WRITE_MODE = re.compile(r"['\"][rwxab+t]*[wax][rwxab+t]*['\"]")
COMMENT = re.compile(r"^\s*(?:#(?![!]|include)|//|/\*|\*|--\s|;;)")
DOCSTRING = re.compile(r"\"\"\"|'''")


#: COMMENT at the start of every line of ``"\\n".join(lines)``: the blanks before the
#: marker and the blank after "--" stay within the line.
COMMENTS = re.compile(r"^[^\S\n]*(?:#(?![!]|include)|//|/\*|\*|--(?!\n)\s|;;)", re.MULTILINE)


def is_comment_line(lines: list[str]) -> list[bool]:
    """For each line, whether it is a comment or inside a docstring, where prose lives."""
    text = "\n".join(lines)
    flags = [False] * len(lines)
    for index in gated(COMMENTS, text):
        flags[index] = True
    # Docstring quotes are rare: find their lines once, then mark what lies between.
    marks: dict[int, int] = {}
    for index in match_lines(DOCSTRING, text):
        marks[index] = marks.get(index, 0) + 1
    inside_from = -1
    for index in sorted(marks):
        flags[index] = True
        if marks[index] % 2 and inside_from < 0:
            inside_from = index + 1
        elif marks[index] % 2:
            flags[inside_from:index] = [True] * (index - inside_from)
            inside_from = -1
    if inside_from >= 0:
        flags[inside_from:] = [True] * (len(flags) - inside_from)
    return flags


#: Characters that match an ASCII letter when case is ignored but that lower() does not
#: turn into it; "İ" also because lower() makes two characters of it.
_FOLD = {"İ": "i", "ı": "i", "ſ": "s", "K": "k"}


def fold(text: str) -> str:
    """Text in lower case, one character for one, so offsets stay the same.

    A lower-case gate searched in it finds every place where the gate's words appear
    in any case, as a pattern compiled with re.IGNORECASE would.
    """
    if not text.isascii():
        for char, letter in _FOLD.items():
            if char in text:
                text = text.replace(char, letter)
    return text.lower()


def match_lines(pattern: re.Pattern[str], text: str) -> Iterator[int]:
    """The 0-based line index of each match in text, counting line ends as it goes."""
    line = at = 0
    for match in pattern.finditer(text):
        line += text.count("\n", at, match.start())
        at = match.start()
        yield line


def gated(gate: re.Pattern[str], text: str) -> set[int]:
    """The 0-based indexes of the lines in which the gate matches.

    Gates never match across a line end, so every match lies in one line.
    """
    return set(match_lines(gate, text))


def open_area(line: str) -> Area | None:
    """The area an ``open(...)`` call on this line serves, if there is one."""
    match = OPEN.search(line)
    if not match:
        return None
    return Area.OUTPUTS if WRITE_MODE.search(match.group(1)) else Area.INPUTS


#: Each area's place in Area, for sorting without walking the enum every time.
ORDER = {area: index for index, area in enumerate(Area)}


def code_hits(lines: list[str]) -> Iterator[Hit]:
    """Statements that read input, write output or touch hardware, in line order."""
    comments = is_comment_line(lines)
    text = "\n".join(lines)
    folded = fold(text)
    checks = [
        (area, pattern, gated(gate, folded if fold_case else text))
        for (area, pattern), (_, gate, fold_case) in zip(CODE_PATTERNS, CODE_GATES, strict=True)
    ]
    opens = gated(OPEN_GATE, text)
    for index in sorted(opens.union(*(found for _, _, found in checks))):
        if comments[index]:
            continue
        line = lines[index]
        found = {area for area, pattern, at in checks if index in at and pattern.search(line)}
        if index in opens and (area := open_area(line)):
            found.add(area)
        for area in sorted(found, key=ORDER.__getitem__):
            yield area, index + 1, line


# --- API definitions ----------------------------------------------------------

OPENAPI = re.compile(r"^[ \t]*[\"']?(?:openapi|swagger)[\"']?[ \t]*:", re.MULTILINE)
API_KEY = re.compile(r"^(\s*)[\"']?(requestBody|parameters|responses)[\"']?\s*:")
PATH_KEY = re.compile(r"^\s*[\"']?(/[^\"':\s]*)[\"']?\s*:")
METHOD_KEY = re.compile(r"^\s*[\"']?(get|post|put|patch|delete|head|options)[\"']?\s*:", re.I)
MEDIA = re.compile(r"[\"']?([a-z]+/[\w.+-]+)[\"']?\s*:")
REF = re.compile(r"\$ref[\"']?\s*:\s*[\"']?#/[\w/]*/([\w.-]+)")
NAME = re.compile(r"^[ \t]*+-?[ \t]*+[\"']?name[\"']?[ \t]*+:[ \t]*+[\"']?([\w.-]+)")
STATUS = re.compile(r"^\s*[\"']?(\d{3}|default)[\"']?\s*:")
RPC = re.compile(r"^\s*rpc\s+(\w+)\s*\(\s*(?:stream\s+)?([\w.]+)\s*\)\s*returns\s*\(")
GRAPHQL_ROOT = re.compile(r"^\s*(?:extend\s+)?type\s+(Query|Mutation|Subscription)\b")
GRAPHQL_FIELD = re.compile(r"^\s*(\w+)\s*(\([^)]*\))?\s*:\s*([\[\]\w!]+)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _block(lines: list[str], index: int) -> list[str]:
    """The lines nested under the key on line ``index``, by indentation."""
    base = _indent(lines[index])
    block: list[str] = []
    for line in lines[index + 1 : index + 60]:
        if line.strip() and _indent(line) <= base:
            break
        block.append(line)
    return block


def _describe(key: str, block: list[str]) -> str:
    """A short account of a requestBody, parameters or responses block."""
    media = sorted({m.group(1) for line in block if (m := MEDIA.match(line.strip()))})
    refs = sorted({m.group(1) for line in block for m in REF.finditer(line)})
    parts: list[str] = []
    if key == "parameters":
        parts.append(", ".join(dict.fromkeys(m.group(1) for ln in block if (m := NAME.match(ln)))))
    if key == "responses":
        parts.append(", ".join(m.group(1) for ln in block if (m := STATUS.match(ln))))
    parts += [", ".join(media), ", ".join(refs)]
    return "; ".join(part for part in parts if part)


def openapi_hits(lines: list[str]) -> Iterator[Hit]:
    """Request bodies and parameters as inputs, responses as outputs, per operation."""
    path = method = ""
    for index, line in enumerate(lines):
        if match := PATH_KEY.match(line):
            path, method = match.group(1), ""
        elif match := METHOD_KEY.match(line):
            method = match.group(1).upper()
        elif (match := API_KEY.match(line)) and path:
            key = match.group(2)
            area = Area.OUTPUTS if key == "responses" else Area.INPUTS
            label = {"requestBody": "request body", "parameters": "parameters"}.get(key, key)
            detail = _describe(key, _block(lines, index))
            yield area, index + 1, f"{method} {path} {label}: {detail}".replace("  ", " ")


def schema_hits(lines: list[str]) -> Iterator[Hit]:
    """protobuf rpcs and GraphQL root fields: arguments in, result out."""
    root = False
    for index, line in enumerate(lines):
        if RPC.match(line):
            yield Area.INPUTS, index + 1, line
            yield Area.OUTPUTS, index + 1, line
        elif GRAPHQL_ROOT.match(line):
            root = True
        elif root and line.strip().startswith("}"):
            root = False
        elif root and (match := GRAPHQL_FIELD.match(line)):
            if match.group(2):
                yield Area.INPUTS, index + 1, line
            yield Area.OUTPUTS, index + 1, line


def api_hits(lines: list[str]) -> list[Hit]:
    """Hits from an OpenAPI, protobuf or GraphQL definition; none for other text."""
    if OPENAPI.search("\n".join(lines[:60])):
        return list(openapi_hits(lines))
    return list(schema_hits(lines))
