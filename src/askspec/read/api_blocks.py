"""API definitions read as blocks: one per operation, message or schema.

OpenAPI 3.x, Swagger 2.0 and AsyncAPI 2.x/3.x in JSON or YAML (``api_openapi``, over
the line-keeping trees of ``api_tree`` and ``api_json``), protobuf (``api_idl``) and GraphQL schema
definitions (``api_graphql``). :func:`api_document` picks the reader by a file's name
and content and answers None for a file that is no API definition, so a caller can
fall back to reading it as text.
"""

from __future__ import annotations

from askspec.read.api_graphql import graphql_document
from askspec.read.api_idl import proto_document
from askspec.read.api_openapi import NOT_A_SPEC, SPEC_KEYS, openapi_document
from askspec.read.blocks import BlockKind, Document

__all__ = ["api_document", "graphql_document", "openapi_document", "proto_document"]

GRAPHQL_SUFFIXES = (".graphql", ".gql", ".graphqls")
#: How far into a JSON file the top-level spec key is looked for.
JSON_HEAD = 64 << 10


def spec_format(text: str) -> str:
    """``json`` or ``yaml`` when text names an OpenAPI/Swagger/AsyncAPI version, else ``""``."""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        window = head[:JSON_HEAD]
        return "json" if any(f'"{key}"' in window for key in SPEC_KEYS) else ""
    for line in text.splitlines():
        if ":" in line and line.split(":", 1)[0].strip("'\"") in SPEC_KEYS:
            return "yaml"
    return ""


def is_api(document: Document) -> bool:
    """True when a document holds at least one API block, or says why it was refused."""
    return bool(document.problems) or any(b.kind is BlockKind.API for b in document)


def api_document(name: str, text: str) -> Document | None:
    """The API blocks of a file, by its name and content; None when it is no API definition."""
    lower = name.lower()
    if lower.endswith(".proto"):
        document = proto_document(text)
    elif lower.endswith(GRAPHQL_SUFFIXES):
        document = graphql_document(text)
    elif fmt := spec_format(text):
        document = openapi_document(text, "json" if fmt == "json" else "yaml")
        return None if document.problems == (NOT_A_SPEC,) else document
    else:
        return None
    return document if is_api(document) else None
