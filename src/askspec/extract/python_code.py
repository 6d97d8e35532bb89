"""A Python program's interface, read from its syntax tree: what it takes and gives.

Command-line options (argparse, click, typer), ``sys.argv``, standard input, files
opened for reading, environment variables and HTTP routes are inputs; files opened
for writing, what is written or printed to standard output and what routes return are
outputs (``sys.stdout.flush()`` writes nothing). Statements in
between, imports and bare ``print(`` lines are not facts.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from askspec.extract.code import DECLARED, PRINTED, USED
from askspec.models import Area

#: An area, a line, and how telling the line is (extract.code's tiers).
Hit = tuple[Area, int, int]
#: Sources larger than this are not parsed (the line-based reading still applies).
MAX_SOURCE = 1 << 20
#: A file mode: "r", "w", "rb", "a+", "xt"...
OPEN_MODE = re.compile(r"[rwxabt+U]{1,4}")
ROUTE_METHODS = frozenset(
    {"get", "post", "put", "patch", "delete", "route", "websocket", "api_route"}
)
OPTION_DECORATORS = frozenset({"option", "argument", "command"})
#: Keywords of a route's decorator that declare what it answers with.
RESPONSE_KEYWORDS = frozenset(
    {"response_model", "response_class", "response_description", "responses", "status_code"}
)
READERS = frozenset({"read_text", "read_bytes", "read_csv", "read_json", "read_excel",
                     "read_parquet", "load", "safe_load", "reader", "DictReader"})  # fmt: skip
WRITERS = frozenset({"write_text", "write_bytes", "to_csv", "to_json", "to_excel",
                     "to_parquet", "dump", "writer", "DictWriter", "savefig"})  # fmt: skip


def dotted(node: ast.AST) -> str:
    """``a.b.c`` for a name or attribute chain, else an empty string."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr}" if base else node.attr
    if isinstance(node, ast.Call):  # Path("x").open(...): the receiver is a call's result
        return dotted(node.func)
    return ""


def open_area(call: ast.Call) -> Area:
    """Inputs for a file opened to read, outputs for one opened to write or append.

    The mode is the ``mode=`` keyword, or the first of the first two arguments that reads
    as a mode: open()'s second, a path's open() method's first ("w", "rb", "a+").
    """
    given = [k.value for k in call.keywords if k.arg == "mode"] or call.args[:2]
    modes = [
        str(a.value)
        for a in given
        if isinstance(a, ast.Constant) and OPEN_MODE.fullmatch(str(a.value))
    ]
    written = bool(modes) and any(c in modes[0] for c in "wax")
    return Area.OUTPUTS if written else Area.INPUTS


def call_hits(call: ast.Call) -> Iterator[Hit]:
    """What one call says about the interface."""
    name = dotted(call.func)
    last = name.rpartition(".")[2]
    if last == "add_argument" or name in ("typer.Option", "typer.Argument"):
        yield Area.INPUTS, call.lineno, DECLARED
    elif name in ("open", "io.open") or last == "open" and "." in name:
        yield open_area(call), call.lineno, USED
    elif name in ("os.getenv", "os.environ.get") or last in READERS and "." in name:
        yield Area.INPUTS, call.lineno, USED
    elif last in WRITERS and "." in name or name in ("sys.stdout.write", "sys.stderr.write"):
        yield Area.OUTPUTS, call.lineno, USED
    elif name == "input":
        yield Area.INPUTS, call.lineno, USED
    elif name == "print" and call.args:  # what a program prints is its output
        yield Area.OUTPUTS, call.lineno, PRINTED
    elif any(dotted(arg) == "sys.stdout" for arg in passed(call)):
        yield Area.OUTPUTS, call.lineno, USED  # csv.writer(sys.stdout): it writes there


def passed(call: ast.Call) -> list[ast.expr]:
    """The values a call is given, positional and named."""
    return [*call.args, *(keyword.value for keyword in call.keywords)]


def decorator_hits(node: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[Hit]:
    """Routes and command-line options declared by decorators; a route's declared
    response, and each value its handler returns, are outputs."""
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        name = dotted(target)
        last = name.rpartition(".")[2]
        route = last in ROUTE_METHODS and isinstance(decorator, ast.Call) and decorator.args
        option = last in OPTION_DECORATORS and name.startswith(("click.", "typer."))
        if route or option:
            yield Area.INPUTS, decorator.lineno, DECLARED
        if route and isinstance(decorator, ast.Call):
            if any(keyword.arg in RESPONSE_KEYWORDS for keyword in decorator.keywords):
                yield Area.OUTPUTS, decorator.lineno, DECLARED
            yield from ((Area.OUTPUTS, line, DECLARED) for line in returned(node))


def returned(node: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[int]:
    """The lines where a function returns a value, outside the functions it defines."""
    todo: list[ast.AST] = list(node.body)
    while todo:
        child = todo.pop()
        if isinstance(child, ast.Return) and child.value is not None:
            yield child.lineno
        elif not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            todo.extend(ast.iter_child_nodes(child))


def takes_input(node: ast.Attribute | ast.Subscript) -> bool:
    """``sys.argv``, ``sys.stdin`` or ``os.environ[...]``."""
    if isinstance(node, ast.Attribute):
        return dotted(node) in ("sys.argv", "sys.stdin")
    return isinstance(node, ast.Subscript) and dotted(node.value) == "os.environ"


def python_hits(source: str) -> list[Hit] | None:
    """Every interface line of a Python source, or None when it does not parse."""
    if len(source) > MAX_SOURCE:
        return None
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    hits: list[Hit] = []
    try:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                hits.extend(call_hits(node))
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                hits.extend(decorator_hits(node))
            elif isinstance(node, ast.Attribute | ast.Subscript) and takes_input(node):
                hits.append((Area.INPUTS, node.lineno, USED))
    except RecursionError:
        return None
    return sorted(set(hits), key=lambda hit: (hit[1], hit[0].value, hit[2]))
