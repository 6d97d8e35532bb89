"""Facts that code and API definitions state plainly: argv, open(), routes, print, responses.

Only plain statements count: a call to ``open`` for reading is an input, ``print`` an
output. What a program computes in between is not guessed at.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate
from typing import Any

import re2

from askspec.models import Area

#: A compiled RE2 pattern (the binding has no type information).
Pattern = Any

Hit = tuple[Area, int, str]
#: How telling a line of code is, most telling first: what a program declares of its
#: interface (options, flags, routes, responses), what it reads and writes, and what it
#: prints or logs. A file's few quotes per area go to the most telling lines.
DECLARED, USED, PRINTED = 0, 1, 2
#: The tier of each named group of the statement patterns below; None: no hit.
TIERS = {"declared": DECLARED, "used": USED, "printed": PRINTED, "ignored": None}
CodeHit = tuple[Area, int, str, int]

#: Statement patterns per area, each run once over a file's whole text; a line may
#: match several areas. A pattern's named groups give the tier of what they find
#: (TIERS); a pattern without them finds lines that are used, and what the group
#: ``ignored`` finds is no hit: it takes its text before a shorter branch can match
#: inside it, as a look-behind would. Imports and bare print lines are dropped later
#: (see extract.source.NOT_INTERFACE).
#:
#: They run on RE2, whose automaton tries every branch at once in one pass over the
#: text: on the source files of the 10,000-file bench tree (74 MB) the inputs pattern
#: takes 0.4 s, against 21 s on Python's backtracking re, and case is ignored at no
#: cost. RE2 has no look-arounds, and its \w and \b are ASCII, as identifiers mostly are.
CODE_PATTERNS: tuple[tuple[Area, Pattern], ...] = (
    (
        Area.INPUTS,
        re2.compile(
            r"(?m)(?P<declared>\b(?:"
            # command lines: option parsers in several languages
            r"click\.(?:argument|option)\b|typer\.(?:Argument|Option)\b|"
            r"flag\.(?:String|Int|Bool|Duration|Float64|Var|Uint)\w{0,8}\(|getopts?\b|"
            # HTTP routes
            r"(?:app|router|server)\.(?:get|post|put|patch|delete)\(\s{0,4}['\"]/|"
            r"Map(?:Get|Post|Put|Patch|Delete)\()|"
            r"^[ \t]{0,8}(?:get|post|put|patch|delete)\s{1,4}['\"]/|"
            r"add_argument\(|add_options\(|#\[(?:arg|command|clap)\(|"
            r"Flags\(\)\.(?:String|Bool|Int|Uint|Float|Duration|Count|Var)\w{0,10}\(|"
            r"@\w{1,20}\.(?:get|post|put|patch|delete|route|websocket)\(|HandleFunc\(|"
            r"@(?:Get|Post|Put|Patch|Delete|Request)Mapping|"
            r"@(?:Path|Query|Request|Form)(?:Variable|Param|Body))|"
            r"(?P<used>\b(?:"
            # the command line, standard input, and reading files or data
            r"argv\b|ARGV\b|input\(|scanf\(|readLine\(|read_text\(|read_bytes\(|json\.load\(|"
            r"yaml\.safe_load\(|read_(?:csv|excel|json|parquet)\(|"
            # request data
            r"input\$\w|req\.(?:body|query|params)|"
            r"request\.(?:args|form|json|files)|requests\.get\(|fetch\()|"
            r"^[ \t]{0,12}read\s{1,4}-?\w|"
            r"^[ \t]{0,4}(?:ENV|ARG|EXPOSE|VOLUME)\s|"
            r"\$[1-9@*]|\$\{[1-9]|process\.argv|os\.Args|std::env::args|"
            r"sys\.stdin|std::cin|os\.Stdin|io::stdin\(|Console\.ReadLine|Scanner\(System\.in\)|"
            r"csv\.(?:reader|DictReader)\(|fs\.readFile|ReadFile\(|"
            r"File\.(?:ReadAll\w{0,8}|open)\(|fopen\(|\$_(?:GET|POST|REQUEST|FILES)|"
            r"urlopen\(|"
            # a shell test for a file the script then reads: [ -f "Gemfile" ]
            r"\[\[?\s{1,4}-[fer]\s{1,4}[\"']?[\w./$~{-]|"
            # data a SQL script loads
            r"LOAD\s{1,4}DATA\b|^[ \t]{0,8}source\s{1,4}[\w./-]{1,80}\.(?:sql|dump)\b|"
            # .NET configuration: Configuration["Key"], GetSection(...), BindConfiguration(...)
            r"Configuration\[|GetSection\(|BindConfiguration\(|"
            # environment and container settings
            r"os\.environ|os\.getenv|process\.env\.|os\.Getenv|std::env::var|getenv\(|ENV\[)",
        ),
    ),
    (
        Area.OUTPUTS,
        re2.compile(
            # what a route answers with
            r"(?m)(?P<declared>\b(?:res\.(?:json|send|status|render)\(|c\.JSON\(|w\.Write\(|"
            r"output\$\w{1,40}\s{0,4}<-|render\w{0,20}\(|json\s{0,4}\()|"
            r"jsonify\(|JSONResponse\(|HttpResponse\(|render_template\(|"
            r"Results\.(?:Ok|Json|Created|NoContent|NotFound|BadRequest)\()|"
            r"(?P<used>\b(?:write_text\(|write_bytes\(|json\.dump\(|requests\.post\()|"
            r"sys\.stdout|io::stdout\(|csv\.(?:writer|DictWriter)\(|\.writerows?\(|"
            r"\.to_(?:csv|json|excel|parquet)\(|savefig\(|fs\.writeFile|WriteFile\(|"
            r"smtplib|send_mail\(|sendmail\(|"
            # a command told where to write: "go build -o bin/app", "curl --output x.json";
            r"\s-o\s{1,4}[\w/$.{~-]|--output[= ]|"
            # what a script creates in a database
            r"^[ \t]{0,8}CREATE\s{1,4}(?:OR\s{1,4}REPLACE\s{1,4})?(?:TABLE|VIEW)\b)|"
            r"(?P<printed>\b(?:print\(|printf\(|println!|eprintln!|puts\s|"
            r"log(?:ger)?\.(?:info|warn|warning|error)\()|"
            r"^[ \t]{0,12}echo\s|"
            r"console\.log\(|fmt\.(?:Print|Fprint)|System\.out\.print|std::cout|sys\.stderr)|"
            # the shell's "set -o pipefail" sets an option
            r"(?P<ignored>\bset\s-o\s)",
        ),
    ),
    # Hardware and performance are found in any case.
    (
        Area.HARDWARE,
        re2.compile(
            r"(?mi)\b(?:cuda\b|gpio\b|rpi\b|num_workers\b)|"
            r"torch\.device\(|gpiozero|serial\.serial\(|gpu|cpu|"
            # the platform a program checks for or is built for
            r"\bgoos\b|\bgoarch\b|sys\.platform|platform\.(?:system|machine)\(|"
            r"os\.name\s{0,4}==|process\.platform|uname\s{1,4}-[sm]|sys\.info\(|\.platform\$os|"
            r"operating system ::|target_(?:os|arch)\b|_win32|__linux__|__apple__|"
            r"--platform[= ]|"
            # A device file names hardware; /dev/null and the standard streams do not.
            r"(?P<ignored>/dev/(?:(?:null|zero|std(?:in|out|err)|u?random|tty|shm)\b|fd/))|"
            r"/dev/\w",
        ),
    ),
    (
        Area.PERFORMANCE,
        re2.compile(
            # a limit and its value, set or told in a usage text ("-t  Timeout ... is 20")
            r"(?mi)\b(?:timeout|rate[ _]?limit|max_?connections|permit_?limit|qps|rps)\w{0,12}"
            r"[^\n\d]{0,80}\d|\d{1,9}\s{0,4}\*\s{0,4}time\.(?:second|millisecond)|"
            r"timespan\.from(?:seconds|milliseconds)\(\d",
        ),
    ),
)
#: Lines are read up to this many characters where a line is read alone.
LINE_CUT = 300
CODE_AREAS = (Area.INPUTS, Area.OUTPUTS, Area.HARDWARE, Area.PERFORMANCE)
OPEN_CALL = re2.compile(r"\bf?open\(")
#: ``open(...)`` reads unless its mode writes or appends.
OPEN = re.compile(r"\bf?open\(([^)]*)\)")
WRITE_MODE = re.compile(r"['\"][rwxab+t]*[wax][rwxab+t]*['\"]")
COMMENT = re.compile(r"^\s*(?:#(?![!]|include)|//|/\*|\*|--\s|;;)")
DOCSTRING = re.compile(r"\"\"\"|'''")


#: COMMENT at the start of every line of ``"\\n".join(lines)``: the blanks before the
#: marker and the blank after "--" stay within the line. It stays on Python's re: it
#: matches on most lines of a commented source, and each match costs more in RE2's
#: binding than the search saves.
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


def code_hits(lines: list[str], areas: Iterable[Area] = CODE_AREAS) -> Iterator[CodeHit]:
    """Statements that read input, write output, touch hardware or set a limit, each
    with its tier (the most telling one where several patterns find a line).

    Each pattern runs once over the whole text, and each match is placed on its line: a
    search per line cost ten times as much on large sources.
    """
    comments = is_comment_line(lines)
    text = "\n".join(lines)
    starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    found: dict[tuple[int, Area], int] = {}
    for area, pattern in CODE_PATTERNS:
        if area in areas:
            for match in pattern.finditer(text):
                tier = TIERS.get(match.lastgroup or "", USED)
                if tier is not None:
                    key = (bisect_right(starts, match.start()) - 1, area)
                    found[key] = min(tier, found.get(key, tier))
    if Area.INPUTS in areas or Area.OUTPUTS in areas:
        for index in {bisect_right(starts, at.start()) - 1 for at in OPEN_CALL.finditer(text)}:
            opened = open_area(lines[index][:LINE_CUT])
            if opened and opened in areas:
                found.setdefault((index, opened), USED)
    for (index, area), tier in sorted(found.items(), key=lambda hit: (hit[0][0], ORDER[hit[0][1]])):
        if not comments[index]:
            yield area, index + 1, lines[index], tier


#: A line that opens an OpenAPI or Swagger definition (the request's summary names such
#: files by it).
OPENAPI = re.compile(r"^[ \t]*[\"']?(?:openapi|swagger)[\"']?[ \t]*:", re.MULTILINE)
