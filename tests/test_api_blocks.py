"""API definitions read as blocks: exact texts, lines, refusals and linear patterns."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from askspec.read import api_blocks, api_graphql, api_idl, api_json, api_schema, api_tree
from askspec.read.api_blocks import api_document, graphql_document, openapi_document, proto_document
from askspec.read.api_json import json_tree
from askspec.read.api_tree import MAX_DEPTH, TreeError, yaml_tree
from askspec.read.blocks import Block, BlockKind, Document

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "api"
CORPUS = Path(__file__).resolve().parent.parent / "bench" / "corpus"


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def rows(document: Document) -> list[tuple[str, str, int, int]]:
    return [(block.kind.value, block.text, block.first, block.last) for block in document]


def api_texts(document: Document) -> list[str]:
    return [block.text for block in document if block.kind is BlockKind.API]


def by_text(document: Document, text: str) -> Block:
    return next(block for block in document if block.text == text)


def test_parcel_tracking_openapi_yaml() -> None:
    document = openapi_document(read("parcel-tracking.yaml"), "yaml")
    assert document.problems == ()
    assert document.title == "Parcel Tracking API"
    assert rows(document) == [
        ("paragraph", "Parcel Tracking API: Track parcels from pickup to delivery. "
         "Carriers push scan events; shippers read the status.", 2, 7),
        ("field", "servers: https://api.parcels.example/v2, https://sandbox.parcels.example/v2",
         8, 10),
        ("api", "POST /parcels: Idempotency-Key, recipient, street, postcode, weightGrams, "
         "service -> 201 (trackingNumber, status, eta), 422 (code, detail)", 15, 32),
        ("api", "GET /parcels/{trackingNumber}: trackingNumber, lang "
         "-> 200 (trackingNumber, status, eta), 404", 40, 57),
        ("api", "GET /parcels/{trackingNumber}/events -> 200 (at, location, kind)", 59, 69),
        ("api", "schema Address: recipient, street, postcode", 98, 103),
        ("api", "schema Parcel: trackingNumber, status, eta", 104, 109),
        ("api", "schema ScanEvent: at, location, kind", 110, 114),
    ]  # fmt: skip
    post = by_text(document, api_texts(document)[0])
    assert post.cells == ("POST", "/parcels", "Register a parcel")
    assert post.section == ("parcels",)
    events = by_text(document, api_texts(document)[2])
    assert events.section == ("/parcels/{trackingNumber}/events",)
    lines = read("parcel-tracking.yaml").splitlines()
    assert lines[post.first - 1] == "    post:"
    assert lines[post.last - 1].strip() == "$ref: '#/components/responses/Invalid'"


def test_chat_notification_swagger_json() -> None:
    document = openapi_document(read("chat-notify.json"), "json")
    assert document.problems == ()
    assert rows(document) == [
        ("paragraph", "Chat Notifications: Push a notification to a chat room.", 3, 3),
        ("field", "servers: https://notify.chat.example/v1", 4, 4),
        ("api", "POST /message: title, message, priority -> 200 (id, time), 400", 9, 21),
        ("api", "PUT /rooms/{room}/mute: room, minutes -> 204", 24, 30),
        ("api", "schema Message: title, message, priority", 34, 41),
        ("api", "schema Receipt: id, time", 42, 44),
    ]
    mute = by_text(document, "PUT /rooms/{room}/mute: room, minutes -> 204")
    assert mute.cells == ("PUT", "/rooms/{room}/mute", "")
    assert mute.section == ("/rooms/{room}/mute",)


def test_iot_telemetry_asyncapi_2() -> None:
    document = openapi_document(read("greenhouse-telemetry.yaml"), "yaml")
    assert rows(document) == [
        ("paragraph", "Greenhouse Telemetry: Sensors report climate readings; "
         "the controller sends setpoints.", 2, 4),
        ("field", "servers: broker: mqtts://mqtt.greenhouse.example:8883", 5, 8),
        ("api", "subscribe greenhouse/{house}/climate: "
         "Climate (sensorId, temperatureC, humidityPct)", 14, 18),
        ("api", "publish greenhouse/{house}/setpoint: "
         "Setpoint (temperatureC, until), Reset (reason)", 20, 31),
        ("api", "message Climate: sensorId, temperatureC, humidityPct", 34, 43),
        ("api", "message Setpoint: temperatureC, until", 44, 47),
        ("api", "schema Setpoint: temperatureC, until", 49, 53),
    ]  # fmt: skip
    climate = next(b for b in document if b.text.startswith("subscribe"))
    assert climate.cells == (
        "subscribe",
        "greenhouse/{house}/climate",
        "Climate readings, one a minute per sensor",
    )
    setpoint = next(b for b in document if b.text.startswith("publish"))
    assert setpoint.section == ("control",)


ASYNCAPI_3 = """{
  "asyncapi": "3.0.0",
  "info": {"title": "Door Sensors"},
  "channels": {
    "doors": {
      "address": "site/{site}/doors",
      "messages": {"opened": {"$ref": "#/components/messages/DoorOpened"}}
    }
  },
  "operations": {
    "onDoorOpened": {
      "action": "receive",
      "channel": {"$ref": "#/channels/doors"},
      "summary": "A door was opened"
    }
  },
  "components": {
    "messages": {
      "DoorOpened": {
        "payload": {"schemaFormat": "application/vnd.aai.asyncapi+json;version=3.0.0",
                    "schema": {"properties": {"doorId": {}, "at": {}}}}
      }
    }
  }
}
"""


def test_asyncapi_3_json_operation_takes_its_channel_messages() -> None:
    document = openapi_document(ASYNCAPI_3, "json")
    assert rows(document) == [
        ("paragraph", "Door Sensors", 3, 3),
        ("api", "receive site/{site}/doors: opened (doorId, at)", 11, 15),
        ("api", "message DoorOpened: doorId, at", 19, 22),
    ]
    operation = document.blocks[1]
    assert operation.cells == ("receive", "site/{site}/doors", "A door was opened")


def test_library_catalogue_proto() -> None:
    document = proto_document(read("library-catalogue.proto"))
    assert document.title == "service Catalogue"
    assert rows(document) == [
        ("heading", "service Catalogue", 9, 9),
        ("api", "rpc GetBook(GetBookRequest: isbn) -> Book (isbn, title, authors, copies)", 11, 11),
        ("api", "rpc SearchBooks(SearchRequest: query, page_size, author, year, labels) "
         "-> stream Book (isbn, title, authors, copies)", 13, 18),
        ("api", "rpc Lend(LendRequest: barcode, member_id) -> Loan (barcode, due)", 20, 20),
        ("api", "message GetBookRequest: isbn", 23, 25),
        ("api", "message SearchRequest: query, page_size, author, year, labels", 27, 35),
        ("api", "message Book: isbn, title, authors, copies", 37, 46),
        ("api", "message Book.Copy: barcode, available", 38, 41),
        ("api", "message LendRequest: barcode, member_id", 48, 48),
        ("api", "message Loan: barcode, due", 50, 53),
        ("api", "enum Format: FORMAT_UNSPECIFIED, HARDCOVER, EBOOK", 55, 59),
    ]  # fmt: skip
    rpc = document.blocks[1]
    assert rpc.section == ("Catalogue",)
    assert rpc.cells == ("rpc", "GetBook")


def test_shop_graphql_schema() -> None:
    document = graphql_document(read("shop.graphql"))
    assert rows(document) == [
        ("api", "Query.product(id) -> Product", 13, 13),
        ("api", "Query.products(category, first, filter) -> [Product!]!", 14, 18),
        ("api", "Query.me -> Customer", 19, 19),
        ("api", "Mutation.addToCart(productId, quantity) -> Cart!", 23, 23),
        ("api", "Mutation.checkout(input) -> Order", 24, 24),
        ("api", "Subscription.orderShipped(orderId) -> Order", 28, 28),
        ("api", "type Product: id, name, price, category", 31, 36),
        ("api", "input CheckoutInput: cartId, shippingAddress, paymentToken", 38, 42),
        ("api", "enum Category: BOOKS, TOYS, GARDEN", 44, 48),
        ("api", "union SearchResult: Product, Customer", 50, 50),
    ]
    product = document.blocks[0]
    assert product.section == ("Query",)
    assert product.cells == ("Query", "product", "Product")


def test_graphql_schema_block_renames_the_roots() -> None:
    text = "schema { query: Root }\ntype Root {\n  ping: String\n}\ntype Query { x: Int }\n"
    assert api_texts(graphql_document(text)) == ["Root.ping -> String", "type Query: x"]


@pytest.mark.parametrize(
    "name", ["parcel-tracking.yaml", "chat-notify.json", "greenhouse-telemetry.yaml"]
)
def test_examples_never_reach_a_block(name: str) -> None:
    text = read(name)
    assert "EXAMPLE" in text  # the definition does carry example values
    document = api_document(name, text)
    assert document is not None and len(document) > 3
    for block in document:
        assert "EXAMPLE" not in block.text and not any("EXAMPLE" in c for c in block.cells)
        assert "1234567" not in block.text


@pytest.mark.parametrize(
    ("name", "text", "first_text"),
    [
        ("parcel-tracking.yaml", read("parcel-tracking.yaml"), "Parcel Tracking API: Track"),
        ("openapi.txt", read("chat-notify.json"), "Chat Notifications: Push"),
        ("telemetry.yml", read("greenhouse-telemetry.yaml"), "Greenhouse Telemetry: Sensors"),
        ("catalogue.PROTO", read("library-catalogue.proto"), "service Catalogue"),
        ("shop.gql", read("shop.graphql"), "Query.product(id) -> Product"),
        ("shop.graphqls", read("shop.graphql"), "Query.product(id) -> Product"),
        ("quoted.yaml", "'openapi': 3.1.0\npaths:\n  /a:\n    get: {}\n", "GET /a"),
    ],
)
def test_api_document_picks_the_reader(name: str, text: str, first_text: str) -> None:
    document = api_document(name, text)
    assert document is not None
    assert document.blocks[0].text.startswith(first_text)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("notes.md", "# Notes\n\nopenapi is a format we might use.\n"),
        ("package.json", '{"name": "shop", "version": "1.0.0"}'),
        ("config.yaml", "server:\n  openapi: true\n"),
        ("query.graphql", "query { products { id name } }\n"),
        ("empty.proto", 'syntax = "proto3";\npackage x;\n'),
        ("data.json", '{"items": [1, 2], "note": "openapi"}'),
        ("spec-ish.json", '{"info": {"openapi": "3.0.0"}}'),
        ("list.yaml", "- openapi\n- swagger\n"),
    ],
)
def test_api_document_is_none_for_other_files(name: str, text: str) -> None:
    assert api_document(name, text) is None


def billion_laughs(levels: int = 10) -> str:
    lines = ["openapi: 3.0.0", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def test_yaml_bomb_is_refused_quickly() -> None:
    began = time.perf_counter()
    document = api_document("bomb.yaml", billion_laughs())
    assert document is not None and document.blocks == ()
    assert document.problems == ("YAML aliases expand beyond 500000 nodes; not read",)
    assert time.perf_counter() - began < 2


def test_yaml_recursive_alias_is_refused() -> None:
    with pytest.raises(TreeError, match="refers to itself"):
        yaml_tree("openapi: 3.0.0\nloop: &x [1, *x]\n")


def test_small_aliases_are_read() -> None:
    text = "base: &b {type: string}\nuse: *b\n"
    tree = yaml_tree(text)
    assert tree.get("use") is tree.get("base")
    assert tree.span("use") == (2, 2)


@pytest.mark.parametrize(
    "text",
    [
        '{"openapi": "3.0.0", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"openapi": "3.0.0", "x": ' + '{"a": ' * 100_000 + "1" + "}" * 100_000 + "}",
    ],
    ids=["arrays", "objects"],
)
def test_deep_json_is_refused_without_recursion_error(text: str) -> None:
    document = api_document("deep.json", text)
    assert document is not None
    assert document.problems == (f"nested deeper than {MAX_DEPTH} levels; not read",)


@pytest.mark.parametrize(
    "text",
    [
        "openapi: 3.0.0\nx: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "openapi: 3.0.0\n" + "".join(" " * i + f"k{i}:\n" for i in range(600)) + " " * 600 + "v\n",
    ],
    ids=["flow", "block"],
)
def test_deep_yaml_is_refused(text: str) -> None:
    document = api_document("deep.yaml", text)
    assert document is not None and document.blocks == ()
    (problem,) = document.problems
    assert "nested deeper than" in problem or "could not be parsed" in problem


def test_oversized_definitions_are_refused() -> None:
    big = "openapi: 3.0.0\n" + "# padding\n" * 300_000
    for document in (
        api_document("big.yaml", big),
        proto_document("//" + "x" * (3 << 20)),
        graphql_document("#" + "x" * (3 << 20)),
    ):
        assert document is not None
        assert document.problems == ("larger than 2 MB; not read as an API definition",)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"openapi": "3.0.0", "info": {', "JSON ends before its value is complete"),
        ('{"openapi": "3.0.0"}\n{}', "JSON has extra data at line 2"),
        ('{"openapi": "3.0.0",\n 1: 2}', "JSON object key is not a string at line 2"),
        ('{"openapi": "3.0.0",\n "a": [1}', "JSON has an unexpected '}' at line 2"),
        ('{"openapi": "3.0.0", "a": "\\q"}', "JSON has a broken string at line 1"),
        ('{"openapi": "3.0.0", "a": "open', "JSON has an unterminated string at line 1"),
        ('{"openapi": "3.0.0", "a": nope}', "JSON has an unexpected value at line 1"),
    ],
)
def test_broken_json_says_where(text: str, problem: str) -> None:
    assert openapi_document(text, "json").problems == (problem,)


def test_broken_yaml_says_where() -> None:
    document = openapi_document("openapi: 3.0.0\npaths: [\n", "yaml")
    assert document.problems and document.problems[0].startswith("YAML could not be parsed")


def test_json_tree_lines_match_json() -> None:
    text = '{\n  "a": [1, 2.5e3, true, null],\n  "b": {"c": "x\\"y"},\n  "d": -0.5\n}\n'
    tree = json_tree(text)
    assert tree.span("a") == (2, 2) and tree.span("b") == (3, 3) and tree.span("d") == (4, 4)
    assert tree.get("b").scalar("c") == json.loads(text)["b"]["c"]  # type: ignore[union-attr]
    assert (tree.first, tree.last) == (1, 5)


def test_ref_cycles_stop() -> None:
    text = (
        "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n"
        "          $ref: '#/components/responses/A'\n"
        "components:\n  responses:\n    A: {$ref: '#/components/responses/B'}\n"
        "    B: {$ref: '#/components/responses/A'}\n"
    )
    assert api_texts(openapi_document(text, "yaml")) == ["GET /a -> 200"]


def test_long_name_lists_are_cut() -> None:
    props = ", ".join(f"p{i}: {{}}" for i in range(50))
    text = f"openapi: 3.0.0\ncomponents:\n  schemas:\n    Big: {{properties: {{{props}}}}}\n"
    (block,) = openapi_document(text, "yaml").blocks
    assert block.text.endswith("p38, p39, 10 more")


MODULES = [api_blocks, api_graphql, api_idl, api_json, api_schema, api_tree]
UNITS = ["1", " ", '"', "'", "\\", '\\"', "/*", "//", "#", '"""', "{", "[", "a.", "a1", "-1e", "."]


@pytest.mark.timeout(120)
def test_module_patterns_are_linear_on_adversarial_text() -> None:
    patterns = [v for m in MODULES for v in vars(m).values() if isinstance(v, re.Pattern)]
    assert len(patterns) >= 5
    for unit in UNITS:
        text = (unit * (100_000 // len(unit) + 1))[:100_000]
        for pattern in patterns:
            began = time.perf_counter()
            for _ in pattern.finditer(text):
                pass
            took = time.perf_counter() - began
            assert took < 1.0, (pattern.pattern, unit, took)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("unit", UNITS)
def test_readers_are_linear_on_adversarial_text(unit: str) -> None:
    line = (unit * (100_000 // len(unit) + 1))[:100_000]
    for text in (line, "\n".join([line[:4000]] * 25)):
        began = time.perf_counter()
        proto_document(text)
        graphql_document(text)
        openapi_document('{"openapi": ' + json.dumps(text) + "}", "json")
        # Under 1 s alone, 3 s under coverage on a busy core; quadratic would be minutes.
        assert time.perf_counter() - began < 6, unit


def dev_definitions() -> list[tuple[str, Path]]:
    listing = CORPUS / "documents.jsonl"
    if not listing.exists():
        return []
    found = []
    for line in listing.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry["split"] != "dev" or entry["group"] != "api-definition":
            continue
        folder = CORPUS / "docs" / entry["id"]
        files = sorted(folder.iterdir()) if folder.is_dir() else []
        found += [(entry["id"], path) for path in files[:1]]
    return found


EXPECTED_IN_CORPUS = {
    "d-asyncapi-streetlights-mqtt": "send smartylighting/streetlights/1/0/action/"
    "{streetlightId}/dim: dimLight (percentage, sentAt)",
    "d-grpc-route-guide-proto": "rpc RouteChat(stream RouteNote: location, message) "
    "-> stream RouteNote (location, message)",
    "d-ollama-openapi": "GET /api/version -> 200 (version)",
}


@pytest.mark.parametrize(
    ("ident", "path"),
    dev_definitions() or [pytest.param("", Path(), marks=pytest.mark.skip("corpus not built"))],
)
def test_real_dev_definitions_read_as_operations(ident: str, path: Path) -> None:
    document = api_document(path.name, path.read_text(encoding="utf-8"))
    assert document is not None and document.problems == ()
    operations = [b for b in document if b.kind is BlockKind.API]
    assert operations
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert all(1 <= b.first <= b.last <= lines for b in document)
    if ident in EXPECTED_IN_CORPUS:
        assert EXPECTED_IN_CORPUS[ident] in [b.text for b in operations]


def test_openapi_odd_but_valid_corners_of_a_seed_bank_api() -> None:
    """A Swagger body without properties, an external reference, a vendor extension among
    the responses, a media type that is not JSON, a path that is not an object, and a
    schema that names only its type."""
    text = """\
swagger: "2.0"
info:
  title: Seed bank
  version: "1"
paths:
  /broken: 3
  /seeds:
    post:
      parameters:
        - in: body
          name: packet
          schema:
            type: string
        - $ref: "shared.yaml#/parameters/Lot"
      responses:
        "201":
          description: stored
        x-rate-limited:
          description: vendor note
  /seeds/{id}/label:
    get:
      responses:
        "200":
          content:
            application/pdf:
              schema:
                type: object
                properties:
                  page: {type: integer}
definitions:
  Germination:
    type: number
"""
    assert api_texts(openapi_document(text, "yaml")) == [
        "POST /seeds: packet -> 201",
        "GET /seeds/{id}/label -> 200 (page)",
        "schema Germination (number)",
    ]


def test_proto_lines_that_are_not_rpcs_or_fields_are_passed_over() -> None:
    """Options, reserved numbers, a stray ``=`` and rpcs written wrong give no blocks of
    their own; streams are named as such."""
    text = """\
syntax = "proto3";
option java_package = "org.example.tides";

service Tides {
  rpc Forecast(stream Reading) returns (stream Tide);
  rpc Broken(Reading) (Tide);
  rpc Short();
}

message Reading {
  reserved 2;
  = 5;
  double level = 1;
}
"""
    assert rows(proto_document(text)) == [
        ("heading", "service Tides", 4, 4),
        ("api", "rpc Forecast(stream Reading: level) -> stream Tide", 5, 5),
        ("api", "message Reading: level", 10, 14),
    ]
