"""What a file's name says: document, data and interface tags, extensions identify does
not know, build and dependency files, and the keys and delimiters of structured data."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from askspec.read.text import suffix_of

# --- names --------------------------------------------------------------------

#: identify tags for files that hold documents rather than code.
DOCUMENT_TAGS = frozenset({"markdown", "rst", "plain-text", "asciidoc", "tex", "html", "jupyter"})
#: identify tags for structured data; these are data unless they define an interface.
DATA_TAGS = frozenset({"json", "yaml", "toml", "csv", "tsv", "xml", "ini", "jsonnet", "json5"})
#: identify tags for interface-definition languages: specs by nature.
SPEC_TAGS = frozenset({"proto", "graphql", "gherkin", "wsdl", "xsd", "thrift", "avro-schema"})
#: Extensions identify does not know, and what they are.
EXTRA_EXTENSIONS = {
    ".gql": "spec",
    ".graphqls": "spec",
    ".feature": "spec",
    ".avsc": "spec",
    ".thrift": "spec",
    ".wsdl": "spec",
    ".xsd": "spec",
    ".raml": "spec",
    ".apib": "spec",
    ".smithy": "spec",
    ".jsonl": "data",
    ".ndjson": "data",
}
#: Pygments lexers (by first alias) of formats that are not programming languages:
#: documents, data, logs, patches, settings and grammars. An extension that identify
#: does not know gets no language from one of these (see view.file_tags).
NOT_CODE_LEXERS = frozenset(
    {"text", "markdown", "restructuredtext", "tex", "groff", "org", "tid", "email", "todotxt",
     "json", "yaml", "toml", "xml", "html", "csv", "turtle", "sgf", "pot", "irc", "kmsg", "tap",
     "wdiff", "dpatch", "diff", "zone", "debian.sources", "registry", "pkgconfig", "desktop",
     "nestedtext", "systemd", "ini", "abnf", "bnf", "peg", "jsgf", "shexc"}
)  # fmt: skip

# --- structured files -----------------------------------------------------------

#: Build files are code (they are run by a build tool), whatever their syntax.
BUILD_FILES = frozenset(
    {
        "package.json", "pyproject.toml", "cargo.toml", "setup.cfg", "tsconfig.json",
        "composer.json", "pom.xml", "build.gradle", "go.mod", "gemfile", "pipfile",
        "meson.build", "cmakelists.txt", "makefile", "dockerfile", "justfile", "tox.ini",
        "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "package.swift",
        "podfile", "mix.exs", "deno.json", "environment.yml", "environment.yaml",
        "constraints.txt", "setup.py", "build.sbt", "project.clj", "rebar.config",
        "dune-project", "stack.yaml", "cabal.project", "vcpkg.json", "conanfile.txt",
        # Lock files: dependency manifests written by the tool, read by the build.
        "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "cargo.lock", "gemfile.lock",
        "composer.lock", "pipfile.lock", "poetry.lock", "uv.lock", "go.sum", "podfile.lock",
        "mix.lock", "packages.lock.json", "bun.lock", "flake.lock",
    }
)  # fmt: skip
#: Names that start a pip requirements file (requirements.txt, requirements-dev.in...).
REQUIREMENTS_FILE = re.compile(r"requirements(?:[-_.][\w.-]{0,40})?\.(?:txt|in)")
#: Top-level keys that make a JSON or YAML document an interface definition.
SCHEMA_KEYS = (
    ("openapi", "OpenAPI definition"),
    ("swagger", "Swagger definition"),
    ("asyncapi", "AsyncAPI definition"),
    ("discoveryVersion", "API discovery document"),
    ("$schema", "JSON Schema"),
    ("$defs", "JSON Schema"),
    ("definitions", "JSON Schema"),
)
#: Keys of a JSON Schema object (one of them alongside "type" makes a schema).
SCHEMA_WORDS = frozenset(
    {"properties", "items", "required", "additionalProperties", "oneOf", "anyOf", "allOf",
     "enum", "$ref", "patternProperties"}
)  # fmt: skip
DELIMITERS = ((",", "CSV"), ("\t", "TSV"), (";", "semicolon-separated"), ("|", "pipe-separated"))


@lru_cache(maxsize=64)
def file_tags(name: str) -> frozenset[str]:
    """identify's tags for a file name (cached: each file asks two or three times).

    A name identify does not know gets the language Pygments names for its extension,
    if that is a programming language (Tcl, Awk, COBOL... are not in identify's table).
    """
    from identify.identify import tags_from_filename

    tags = frozenset(tags_from_filename(name))
    suffix = suffix_of(name)
    if tags or suffix in EXTRA_EXTENSIONS:
        return tags
    language = pygments_languages().get(suffix)
    return frozenset({language, "text"}) if language else tags


@cache
def pygments_languages() -> dict[str, str]:
    """Extension to programming language, from Pygments' table of lexers.

    Built once per process from the table alone, without importing any lexer. An
    extension that lexers of two languages claim is left out, and so are formats that
    are not code (rules.NOT_CODE_LEXERS).
    """
    from pygments.lexers import get_all_lexers

    claims: dict[str, set[str]] = {}
    for name, aliases, patterns, _ in get_all_lexers(plugins=False):
        language = aliases[0] if aliases else name.lower()
        for pattern in patterns:
            if pattern.startswith("*.") and not any(c in pattern[2:] for c in "*?["):
                claims.setdefault(pattern[1:].lower(), set()).add(language)
    return {
        suffix: min(languages)
        for suffix, languages in claims.items()
        if len(languages) == 1 and not languages & NOT_CODE_LEXERS
    }


#: Tags that say what a file holds without naming a language.
NOT_LANGUAGE_TAGS = frozenset({"text", "executable", "non-executable", "binary"})


#: Tags of languages that are not programming languages.
NOT_CODE_TAGS = DOCUMENT_TAGS | DATA_TAGS | SPEC_TAGS


@lru_cache(maxsize=64)
def is_code_name(tags: frozenset[str]) -> bool:
    """True when a file's tags (see file_tags) name a programming language.

    Cached like file_tags: each text asks three or four times, about a few sets of tags.
    """
    language = tags - NOT_LANGUAGE_TAGS
    return bool(language) and not language & NOT_CODE_TAGS
