"""How a long core step says how far it is, without knowing who shows it.

A core function that can take more than a second on a big input (receiving a returned
transcript, accepting it, writing exports) takes an optional ``progress`` callback and calls
it with the steps done and the steps in all as it goes. The command line draws a bar from it
on a terminal (``cli.progress_bar``); the core never draws, prints or imports a UI.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[float, float], None]
"""``progress(done, total)``: ``done`` of ``total`` steps finished (``0 <= done <= total``)."""


def tell(progress: Progress | None, done: float, total: float) -> None:
    """Report ``done`` of ``total`` when someone listens."""
    if progress is not None:
        progress(done, total)
