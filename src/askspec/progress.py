"""A progress line for long scans: on stderr, on a terminal only, after a moment."""

from __future__ import annotations

import time
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

#: A scan quicker than this shows nothing; a line that flashes by is noise.
DELAY_SECONDS = 0.5
#: How often the line is redrawn at most; the hook is called once per file.
REFRESH_SECONDS = 0.1


class ScanProgress:
    """A progress hook for scan: counts files and shows them on stderr once it is slow.

    Rich is imported only when the line is first shown, so quick commands and
    non-terminal runs never pay for it. Use as a context manager so the line is cleared.
    """

    def __init__(self, enabled: bool, console: Console | None = None) -> None:
        self.enabled = enabled
        self.console = console
        self.started = time.monotonic()
        self.shown = 0.0
        self.progress: Progress | None = None
        self.task: TaskID | None = None

    def __call__(self, done: int, path: str) -> None:
        """Record that done files are finished, the last being path."""
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.shown < REFRESH_SECONDS or now - self.started < DELAY_SECONDS:
            return
        self.shown = now
        rate = done / max(now - self.started, 1e-9)
        description = f"{rate:,.0f} files/s {path}"
        if self.progress is None or self.task is None:
            self._start(done, description)
        else:
            self.progress.update(self.task, completed=done, description=description)

    def _start(self, done: int, description: str) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn
        from rich.table import Column

        console = self.console or Console(stderr=True)
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("scanned {task.completed:,.0f} files"),
            TextColumn(
                "{task.description}",
                markup=False,
                table_column=Column(no_wrap=True, overflow="ellipsis"),
            ),
            console=console,
            transient=True,
        )
        self.task = self.progress.add_task(description, total=None, completed=done)
        self.progress.start()

    def __enter__(self) -> ScanProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None
