"""Facts from API definitions: each operation's inputs and outputs, quoted exactly.

The readers in :mod:`askspec.read.api_blocks` give one block per operation, such as
``POST /message: title, message, priority -> 200 (id, time), 400``. Its request
parameters and body fields are the operation's inputs, its responses or events its
outputs. Schemas and messages on their own are the vocabulary operations use, not
facts; example values never reach a block.
"""

from __future__ import annotations

from askspec.models import Area, Fact, SeedFile
from askspec.read.blocks import Block, BlockKind, Document

#: Definitions that are not operations: what operations are made of.
NOT_OPERATIONS = frozenset(
    {"schema", "message", "type", "interface", "enum", "input", "union", "scalar", "servers"}
)
#: AsyncAPI operations by the way their messages go, seen from the application.
RECEIVED = frozenset({"receive", "publish"})  # 2.x "publish": the client publishes to it
SENT = frozenset({"send", "subscribe"})
#: Operations outweigh anything a document's prose says.
WEIGHT = 4.0
ARROW = " -> "


def operation_facts(path: str, block: Block) -> list[Fact]:
    """An operation's inputs and outputs as facts of their areas."""
    verb = block.cells[0] if block.cells else ""
    name = block.text.partition(":")[0]
    if verb in RECEIVED:
        return [Fact(Area.INPUTS, path, block.first, block.text, weight=WEIGHT,
                     signals=("operation",))]  # fmt: skip
    if verb in SENT:
        return [Fact(Area.OUTPUTS, path, block.first, block.text, weight=WEIGHT,
                     signals=("operation",))]  # fmt: skip
    given, arrow, returned = block.text.partition(ARROW)
    facts = [Fact(Area.INPUTS, path, block.first, given, weight=WEIGHT, signals=("operation",))]
    if arrow:
        head = name if ":" in given else given
        facts.append(Fact(Area.OUTPUTS, path, block.first, f"{head}{ARROW}{returned}",
                          weight=WEIGHT, signals=("operation",)))  # fmt: skip
    return facts


def api_facts(seed: SeedFile, document: Document) -> list[Fact]:
    """Every operation's facts, in the definition's order."""
    facts: list[Fact] = []
    for block in document:
        if block.kind is BlockKind.API and block.cells and block.cells[0] not in NOT_OPERATIONS:
            facts.extend(operation_facts(seed.path, block))
    return facts
