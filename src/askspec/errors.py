"""The one error hierarchy; the CLI maps it to exit codes in one place."""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_OPEN = 3
EXIT_REFUSED = 4
EXIT_INTERRUPTED = 130


class AskspecError(Exception):
    """An expected failure, reported as one line: ``PATH:LINE: message``."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class UsageError(AskspecError):
    """The command line asks for something that cannot be done."""

    exit_code = EXIT_USAGE


class SeedsError(AskspecError):
    """The seeds folder itself cannot be used."""


class TemplateError(AskspecError):
    """A template failed to load or render."""


class OverwriteRefused(AskspecError):
    """Outputs exist and ``--force`` was not given; nothing was written."""

    exit_code = EXIT_REFUSED

    def __init__(self, out: Path, existing: list[str]):
        names = ", ".join(existing)
        super().__init__(f"refusing to overwrite {names} (use --force)", path=out)
        self.existing = existing


class OutputError(AskspecError):
    """An output could not be written."""


class MailError(AskspecError):
    """A message could not be built or delivered."""


class AnswersError(AskspecError):
    """A filled request or checklist could not be read."""
