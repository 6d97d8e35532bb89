"""What a document answers: the answers one reader found, with where each was read."""

from __future__ import annotations

from dataclasses import dataclass

from askspec.request.answer_format import Marker


@dataclass(frozen=True)
class Answer:
    """One answer and where it was read (``text`` is empty for a bare checklist tick)."""

    id: str
    text: str
    path: str
    line: int | None = None

    @property
    def source(self) -> str:
        """``path:line``, or the path alone when there is no line."""
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Reading:
    """What one document says: its marker, the questions it shows and their answers."""

    path: str
    marker: Marker | None
    asked: tuple[str, ...]
    answers: tuple[Answer, ...]
    #: True for an answers file that does not say which request and questions it answers.
    bare: bool = False
