"""A progress bar on standard error for command-line steps that can take more than a second.

Drawn only when standard error is a terminal: never in a pipe, a log file or the output
tests capture with click's ``CliRunner``. It is transient (gone when the step ends), so
what the command prints stays as it was. The core reports through ``interviewer.progress``
callbacks; rich is imported here only, when a bar is drawn.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from interviewer.progress import Progress


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # closed or a stream without isatty
        return False


@contextmanager
def progress_bar(label: str) -> Iterator[Progress | None]:
    """A callback drawing ``label`` and a bar on stderr, or None when stderr is no terminal."""
    stream = sys.stderr
    if not _is_terminal(stream):
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        SpinnerColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.progress import Progress as Bar

    with Bar(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        console=Console(file=stream, force_terminal=True),  # decided above
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)

        def update(done: float, total: float) -> None:
            bar.update(task, completed=done, total=total or None)

        yield update
