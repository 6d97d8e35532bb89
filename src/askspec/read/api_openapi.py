"""OpenAPI 3.x, Swagger 2.0 and AsyncAPI 2.x/3.x documents read as API blocks.

One block per operation (``POST /message: title, priority -> 200 (id, time), 400``),
per AsyncAPI channel operation, and per component schema or message; the info title
and description as a paragraph and the servers as a field. Each block spans the lines
of its entry in the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from askspec.read.api_json import json_tree
from askspec.read.api_schema import (
    first_tag,
    listed,
    operation_inputs,
    operation_outputs,
    operation_text,
    properties,
    ref_name,
    resolved,
    schema_text,
    summary,
)
from askspec.read.api_tree import Node, TreeError, yaml_tree
from askspec.read.blocks import Block, BlockKind, Document

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
ASYNC_VERBS = ("publish", "subscribe")
SPEC_KEYS = ("openapi", "swagger", "asyncapi")
NOT_A_SPEC = "not an API definition: no top-level openapi, swagger or asyncapi key"
#: How many entries of a map (paths, channels, schemas) are read.
MAX_ENTRIES = 5000


def openapi_document(text: str, fmt: Literal["json", "yaml"]) -> Document:
    """An OpenAPI, Swagger or AsyncAPI definition as blocks; problems say what was refused."""
    try:
        root = json_tree(text) if fmt == "json" else yaml_tree(text)
    except TreeError as exc:
        return Document(problems=(str(exc),))
    if root.pairs is None or not any(root.get(key) is not None for key in SPEC_KEYS):
        return Document(problems=(NOT_A_SPEC,))
    blocks = [*info_blocks(root), *server_blocks(root)]
    if root.get("asyncapi") is not None:
        blocks += [*async_v2_blocks(root), *async_v3_blocks(root)]
        blocks += component_blocks(root, "messages", "message")
    else:
        blocks += [*path_blocks(root, "paths"), *path_blocks(root, "webhooks")]
    blocks += component_blocks(root, "schemas", "schema")
    blocks.sort(key=lambda block: (block.first, block.last))
    title = " ".join((root.get("info") or Node(0, 0)).scalar("title").split())
    return Document(tuple(blocks), title)


def info_blocks(root: Node) -> Iterator[Block]:
    """The info title and description as one paragraph."""
    info = root.get("info")
    if info is None:
        return
    parts = [" ".join(info.scalar(key).split())[:2000] for key in ("title", "description")]
    text = ": ".join(part for part in parts if part)
    if text:
        first, last = root.span("info")
        yield Block(BlockKind.PARAGRAPH, text, first, last)


def server_blocks(root: Node) -> Iterator[Block]:
    """The servers (or Swagger's host, base path and schemes) as one field."""
    found = root.get("servers")
    if found is not None:
        pairs = found.entries() + [("", item) for item in found.items or []]
        urls = [server_url(name, server) for name, server in pairs[:50]]
        first, last = root.span("servers")
    elif root.scalar("host"):
        schemes = [item.text for item in (root.get("schemes") or Node(0, 0)).items or []]
        base = f"{root.scalar('host')}{root.scalar('basePath')}"
        urls = [f"{scheme}://{base}" for scheme in schemes] or [base]
        first, last = root.span("host")
    else:
        return
    shown = ", ".join(url for url in urls if url)
    if shown:
        yield Block(BlockKind.FIELD, f"servers: {shown}", first, last, cells=("servers", shown))


def server_url(name: str, server: Node) -> str:
    """``https://api.example.com/v1``, or ``production: mqtt://broker:1883``."""
    url = server.scalar("url") or server.scalar("host") + server.scalar("pathname")
    protocol = server.scalar("protocol")
    if protocol and url and "://" not in url:
        url = f"{protocol}://{url}"
    return f"{name}: {url}" if name and url else url


def path_blocks(root: Node, key: str) -> Iterator[Block]:
    """One block per operation of the paths (or webhooks) map."""
    paths = root.get(key)
    for path, item in (paths.entries() if paths is not None else [])[:MAX_ENTRIES]:
        path_item = resolved(root, item)
        if path_item is None or path_item.pairs is None:
            continue
        for method in METHODS:
            operation = path_item.get(method)
            if operation is None or operation.pairs is None:
                continue
            head = f"{method.upper()} {path}"
            inputs = operation_inputs(root, path_item, operation)
            text = operation_text(head, inputs, operation_outputs(root, operation))
            first, last = path_item.span(method)
            cells = (method.upper(), path, summary(operation))
            yield Block(BlockKind.API, text, first, last, (first_tag(operation) or path,), cells)


def message_text(root: Node, key: str, message: Node | None) -> str:
    """``lightMeasured (lumens, sentAt)``; a message without a name gives its names alone."""
    target = resolved(root, message)
    if target is None:
        return ""
    label = target.scalar("name") or key or ref_name(message)
    names = properties(root, target.get("payload"))
    if not label:
        return listed(names)
    return f"{label} ({listed(names)})" if names else label


def messages_of(root: Node, holder: Node) -> list[str]:
    """The messages of an operation or channel: one, a oneOf list, a list or a map."""
    found = holder.get("messages") or holder.get("message")
    if found is None:
        return []
    target = resolved(root, found)
    if target is not None and target.get("oneOf") is not None:
        target = target.get("oneOf")
    if target is None:
        return []
    if target.items is not None:
        pairs = [("", item) for item in target.items]
    elif target.get("payload") is not None or target.get("name") is not None:
        pairs = [("", found)]
    else:
        pairs = target.entries()
    texts = [message_text(root, key, message) for key, message in pairs[:50]]
    return [text for text in texts if text]


def async_block(head: str, where: tuple[int, int], operation: Node, messages: list[str]) -> Block:
    """One AsyncAPI operation block: ``send lights/on: turnOn (command, sentAt)``."""
    action, address = head.split(" ", 1)
    text = f"{head}: {', '.join(messages)}" if messages else head
    cells = (action, address, summary(operation))
    return Block(BlockKind.API, text, where[0], where[1], (first_tag(operation) or address,), cells)


def async_v2_blocks(root: Node) -> Iterator[Block]:
    """AsyncAPI 2.x: each channel's publish and subscribe operations."""
    channels = root.get("channels")
    for address, channel in (channels.entries() if channels is not None else [])[:MAX_ENTRIES]:
        for verb in ASYNC_VERBS:
            operation = channel.get(verb)
            if operation is not None and operation.pairs is not None:
                messages = messages_of(root, operation)
                yield async_block(f"{verb} {address}", channel.span(verb), operation, messages)


def async_v3_blocks(root: Node) -> Iterator[Block]:
    """AsyncAPI 3.x: each operation, with its channel's address and its messages."""
    operations = root.get("operations")
    if operations is None:
        return
    for name, operation in operations.entries()[:MAX_ENTRIES]:
        if operation.pairs is None:
            continue
        channel = resolved(root, operation.get("channel"))
        address = ""
        if channel is not None:
            address = channel.scalar("address") or ref_name(operation.get("channel"))
        messages = messages_of(root, operation)
        if not messages and channel is not None:
            messages = messages_of(root, channel)
        head = f"{operation.scalar('action') or 'operation'} {address or name}"
        yield async_block(head, operations.span(name), operation, messages)


def component_blocks(root: Node, group: str, kind: str) -> Iterator[Block]:
    """One block per component schema or message (Swagger's definitions for schemas)."""
    components = root.get("components")
    holder = components.get(group) if components is not None else None
    if holder is None and group == "schemas":
        holder = root.get("definitions")
    if holder is None:
        return
    for name, value in holder.entries()[:MAX_ENTRIES]:
        if kind == "message":
            target = resolved(root, value)
            names = properties(root, target.get("payload")) if target is not None else []
            text = f"message {name}: {listed(names)}" if names else f"message {name}"
        else:
            text = schema_text(root, kind, name, value)
        first, last = holder.span(name)
        yield Block(BlockKind.API, text, first, last, (group,), (kind, name))
