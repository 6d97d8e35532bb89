"""The shapes of code and of prose: statement lines, comments, the shebang, code
symbols, and where a sentence ends."""

from __future__ import annotations

import re

# --- code ---------------------------------------------------------------------

#: Shapes of a statement line that start with a keyword: the keywords (or short
#: keyword-led patterns), and what must follow any of them. Each wants a bracket,
#: operator or line end where wrapped prose would go on with words.
CODE_KEYWORD_SHAPES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("def", "fn", "func", "function", "sub", "proc", "defp?", "method"), r"\s+[\w.$:!]+\s*[({<:]"),
    (("class", "struct", "enum", "trait", "interface", "impl", "module", "namespace", "package",
      "object", "union"), r"\s+[\w.:<>]+\s*(?:[({:;<]|extends\b|implements\b|where\b|$)"),
    (("import", "from", "using", "use", "require", "include", "export", "extern", "library"),
     r"\s+[\w.@'\"/:{*<-]+(?:\s+import\b|\s+as\b|\s*[;({]|\s*$)"),
    (("return", "yield", "raise", "throw", "await", "break", "continue", "pass", "next"),
     r"\b(?:\s*;?\s*$|.*[;(){}\[\]])"),
    (("let", "const", "var", "val", "my", "our", "local", "static", "declare", "readonly", "auto",
      "int", "char", "float", "double", "bool", "void", "unsigned", "long", "string", "final",
      "mut"), r"\s+[\w$*&\[\]<>, :]+\s*(?:=|;|\()"),
    (("fi", "done", "esac", "then", "else", "endif", "end", "endfunction", "endwhile", "endfor",
      "begin", "elif", "try", "finally", "except"), r"\s*[;:]?\s*$"),
    ((r"echo\s+\S", r"printf\s*[(\"']", r"print\s*[(\"']", r"set\s+(?:-\w|\w+\s*=)", r"exit\s+\d"),
     ""),
    (("if", "elif", "while", "for", "with", "except", "elsif", "unless"),
     r"\s+(?=.*(?:[=<>()\[\]._]|\bin\b|\bnot\b))[^:]{1,80}:\s*$"),
    (("if", "for", "foreach", "while", "switch", "catch", "elseif", r"else\s+if"), r"\s*\("),
    (("SELECT", "INSERT INTO", "UPDATE", "DELETE FROM", "CREATE (?:TABLE|INDEX|VIEW|FUNCTION|OR)",
      "DROP", "ALTER TABLE", "GRANT"), r"\b"),
    (("#", "%"), r"\s*(?:include|define|ifn?def|if|endif|pragma|import)\b"),
)  # fmt: skip
#: The other shapes of a statement line, tried after the keyword shapes.
CODE_OTHER_SHAPES = (
    r"[}\])]+[;,]?[ \t]*$",  # closing brackets
    r".*[;{][ \t]*$",  # a line ending in ; or {
    r"[\w.$\[\]'\"-]+\s*(?:[-+*/%|&^.]|\?\?|\|\||:)?=(?![=>])\s*\S",  # an assignment
    r"[\w.$:>-]+\((?:[^()]|\([^()]*\))*\)\s*[;,{]?\s*$",  # a call
    r"@\w+",
    r"<\?php|\$\w+\s*=",
    r"\((?:defun|define|let|setq|require|use-package|lambda|ns|defn)\b",
)
#: Shapes of a statement line, any of which makes a line read as code (features.CODE_WHOLE
#: is them all in one pattern).
CODE_SHAPES = (
    *(f"(?:{'|'.join(words)}){follow}" for words, follow in CODE_KEYWORD_SHAPES),
    *CODE_OTHER_SHAPES,
)
#: What opens a comment line (neither code nor prose), after its indentation.
COMMENT_OPENERS = r"(?://|/\*|\*/|--\s|;;|#|(?i:rem)\s|::\s|\"\s|dnl\s|%\s)"
SHEBANG = re.compile(r"^#!\s*(?:/\S*/)?(?:env\s+(?:-\S+\s+)*)?([\w.+-]+)")
#: Characters that are frequent in code and rare in prose.
CODE_SYMBOLS = frozenset("{}[]()<>=;$@\\|&")

# --- prose ----------------------------------------------------------------------

#: A sentence ends at a full stop, exclamation or question mark where the next one
#: starts with a capital or at a line end, and at the marks of scripts without spaces
#: wherever they stand.
SENTENCE_END = re.compile(
    r"[.!?](?=[\"”»)]?(?:[ \t]+[\"“(]?[^\W\d_a-z]|[ \t]*$))|[。！？]", re.MULTILINE
)
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
