"""A progress bar for long scans and generates: on stderr, on a terminal only, after a moment.

It shows the phase (walking, then reading and classifying, extracting for generate,
then rendering), files done of the total, the percentage and the time left.
"""

from __future__ import annotations

import time
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

#: A scan quicker than this shows nothing; a bar that flashes by is noise.
DELAY_SECONDS = 0.5
#: How often the bar is redrawn at most; the hook is called once per file.
REFRESH_SECONDS = 0.1
WALKING = "walking"
READING = "reading, classifying"
EXTRACTING = "reading, classifying, extracting"
RENDERING = "rendering"


class ScanProgress:
    """A progress hook for scan and generate: counts files, shows a bar once it is slow.

    ``phase(name, total)`` starts a phase; calling the hook with ``(done, path)`` says
    done files of the phase are finished. The scan walks the whole tree first when
    ``wants_total`` is set, so the bar has a total. After the last file the phase
    becomes ``after`` (rendering, for generate). Rich is imported only when the bar
    is first shown, so quick commands and non-terminal runs never pay for it. Use as
    a context manager so the bar is cleared.
    """

    def __init__(
        self,
        enabled: bool,
        console: Console | None = None,
        reading: str = READING,
        after: str = "",
    ) -> None:
        self.enabled = enabled
        self.console = console
        self.reading = reading
        self.after = after
        self.started = time.monotonic()
        self.shown = 0.0
        self.name = WALKING
        self.total: int | None = None
        self.done = 0
        self.path = ""
        self.progress: Progress | None = None
        self.task: TaskID | None = None

    @property
    def wants_total(self) -> bool:
        """True when a bar may be shown, so the walk should be counted first."""
        return self.enabled

    def phase(self, name: str, total: int | None = None) -> None:
        """Start a phase; a reading phase is shown with this command's own words."""
        self.name = self.reading if name == "reading" else name
        self.total, self.done = total, 0
        self._draw(force=True)

    def __call__(self, done: int, path: str) -> None:
        """Record that done files of the phase are finished, the last being path."""
        self.done, self.path = done, path
        if self.after and self.total is not None and done >= self.total:
            self.name, self.path = self.after, ""
            self._draw(force=True)
            return
        self._draw()

    def _draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < DELAY_SECONDS or (not force and now - self.shown < REFRESH_SECONDS):
            return
        self.shown = now
        if self.progress is None or self.task is None:
            self._start()
        assert self.progress is not None and self.task is not None
        self.progress.update(
            self.task,
            total=self.total,
            completed=self.done,
            phase=self.name,
            description=self.path,
        )

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.table import Column

        console = self.console or Console(stderr=True)
        self.progress = Progress(
            TextColumn("{task.fields[phase]}", style="bold"),
            BarColumn(bar_width=24),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TimeRemainingColumn(),
            TextColumn(
                "{task.description}",
                markup=False,
                table_column=Column(no_wrap=True, overflow="ellipsis", ratio=1),
            ),
            console=console,
            transient=True,
            expand=True,
        )
        self.task = self.progress.add_task("", total=self.total, phase=self.name)
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
