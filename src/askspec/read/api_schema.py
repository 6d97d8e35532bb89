"""What an OpenAPI, Swagger or AsyncAPI operation takes and gives, by name.

An operation's inputs are the names of its path, query and header parameters and of
its request body's top-level properties; its outputs are its response codes, each with
its body's top-level property names, or a message's payload property names. Local
``$ref``s are followed a bounded number of hops, and a schema is read one level deep:
the properties of its ``allOf``/``oneOf``/``anyOf`` parts and of its array items are
merged in (parts of parts up to :data:`MAX_NESTING`), nested objects' properties are
not listed. Example values are never read, so they cannot reach a block.
"""

from __future__ import annotations

from askspec.read.api_tree import Node

#: How many ``$ref`` hops are followed before giving up (a cycle stops here too).
MAX_HOPS = 8
#: How many names a block lists before it says how many more there are.
MAX_NAMES = 40
#: How many composed parts (allOf, oneOf, anyOf) of a schema are read.
MAX_PARTS = 16
#: How deeply parts and array items are followed to find the top-level properties.
MAX_NESTING = 3
INPUT_PLACES = frozenset({"path", "query", "header", "formData"})
PREFERRED_MEDIA = ("application/json", "application/x-www-form-urlencoded", "multipart/form-data")


def pointer(root: Node, ref: str) -> Node | None:
    """The node a local ``#/a/b`` reference names, or None."""
    if not ref.startswith("#/"):
        return None
    node: Node | None = root
    for part in ref[2:].split("/"):
        key = part.replace("~1", "/").replace("~0", "~")
        if node is None:
            return None
        if node.items is not None:
            node = node.items[int(key)] if key.isdigit() and int(key) < len(node.items) else None
        else:
            node = node.get(key)
    return node


def resolved(root: Node, node: Node | None) -> Node | None:
    """The node with its local ``$ref`` chain followed, at most MAX_HOPS hops."""
    for _ in range(MAX_HOPS):
        if node is None or node.get("$ref") is None:
            return node
        node = pointer(root, node.scalar("$ref"))
    return None


def ref_name(node: Node | None) -> str:
    """The last part of a node's ``$ref``, or an empty string."""
    ref = node.scalar("$ref") if node is not None else ""
    return ref.rsplit("/", 1)[-1]


def merge(names: list[str], more: list[str]) -> None:
    """Add the names not yet present, in order."""
    names.extend(name for name in more if name not in names)


def listed(names: list[str]) -> str:
    """Names joined by commas, cut to MAX_NAMES with a count of the rest."""
    shown = names[:MAX_NAMES]
    if len(names) > MAX_NAMES:
        shown.append(f"{len(names) - MAX_NAMES} more")
    return ", ".join(shown)


def own_names(schema: Node) -> list[str]:
    """The keys of a schema's own ``properties``."""
    found = schema.get("properties")
    return [key for key, _ in found.entries()] if found is not None else []


def properties(root: Node, schema: Node | None, depth: int = MAX_NESTING) -> list[str]:
    """A schema's top-level property names, with those of its parts and array items."""
    target = resolved(root, schema)
    if target is None or depth <= 0:
        return []
    if target.scalar("schemaFormat") and target.get("schema") is not None:
        target = resolved(root, target.get("schema"))  # an AsyncAPI multi-format schema
        if target is None:
            return []
    names = own_names(target)
    for word in ("allOf", "oneOf", "anyOf"):
        parts = target.get(word)
        for part in (parts.items or [] if parts is not None else [])[:MAX_PARTS]:
            merge(names, properties(root, part, depth - 1))
    if not names and target.get("items") is not None:
        names = properties(root, target.get("items"), depth - 1)
    return names


def media_schema(root: Node, holder: Node | None) -> Node | None:
    """The schema of a request body or response: its JSON content, else the first."""
    holder = resolved(root, holder)
    if holder is None:
        return None
    if holder.get("schema") is not None:  # Swagger 2.0 responses
        return holder.get("schema")
    content = holder.get("content")
    if content is None:
        return None
    for media in PREFERRED_MEDIA:
        chosen = content.get(media)
        if chosen is not None:
            return chosen.get("schema")
    media_types = [value for _, value in content.entries() if value.get("schema") is not None]
    return media_types[0].get("schema") if media_types else None


def parameter_names(root: Node, *lists: Node | None) -> tuple[list[str], list[str]]:
    """Names of the input parameters of several lists, and of a Swagger body's properties."""
    names: list[str] = []
    body: list[str] = []
    for found in lists:
        for item in (found.items if found is not None and found.items is not None else [])[:200]:
            param = resolved(root, item)
            if param is None:
                continue
            if param.scalar("in") in INPUT_PLACES and param.scalar("name"):
                merge(names, [param.scalar("name")])
            elif param.scalar("in") == "body":
                merge(
                    body, properties(root, param.get("schema")) or [param.scalar("name") or "body"]
                )
    return names, body


def operation_inputs(root: Node, path_item: Node, operation: Node) -> list[str]:
    """An operation's parameter names then its body's property names."""
    names, body = parameter_names(root, path_item.get("parameters"), operation.get("parameters"))
    request = operation.get("requestBody")
    if request is not None:
        merge(body, properties(root, media_schema(root, request)) or ["body"])
    merge(names, body)
    return names


def operation_outputs(root: Node, operation: Node) -> list[str]:
    """An operation's response codes, each with its body's property names."""
    outputs: list[str] = []
    responses = resolved(root, operation.get("responses"))
    for code, response in (responses.entries() if responses is not None else [])[:100]:
        if code.startswith("x-"):
            continue
        names = properties(root, media_schema(root, response))
        outputs.append(f"{code} ({listed(names)})" if names else code)
    return outputs


def operation_text(head: str, inputs: list[str], outputs: list[str]) -> str:
    """``POST /message: title, message -> 200 (id, time), 400``."""
    text = f"{head}: {listed(inputs)}" if inputs else head
    return f"{text} -> {', '.join(outputs)}" if outputs else text


def first_tag(operation: Node) -> str:
    """The first tag of an operation: a string (OpenAPI) or a named object (AsyncAPI)."""
    tags = operation.get("tags")
    first = tags.items[0] if tags is not None and tags.items else None
    if first is None:
        return ""
    return first.scalar("name") if first.pairs is not None else first.text


def summary(node: Node) -> str:
    """An operation's summary, else the first line of its description."""
    text = node.scalar("summary") or node.scalar("description")
    return " ".join(text.strip().split("\n", 1)[0].split())[:300]


def schema_text(root: Node, kind: str, name: str, schema: Node) -> str:
    """``schema Parcel: id, status`` or ``schema Status (string)``."""
    names = properties(root, schema)
    if names:
        return f"{kind} {name}: {listed(names)}"
    target = resolved(root, schema)
    kind_of = target.scalar("type") if target is not None else ""
    return f"{kind} {name} ({kind_of})" if kind_of else f"{kind} {name}"
