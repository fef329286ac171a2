"""``python slow_app.py SLOW_MS ARGS...``: the interviewer CLI, with every key handled
SLOW_MS late at the text editors (a slow laptop), for the pty tests and the bench."""

from __future__ import annotations

import sys
import time


def main() -> None:
    slow = float(sys.argv[1]) / 1000
    if slow > 0:
        from textual.widgets import TextArea

        original = TextArea._on_key

        async def late(self, event):  # blocks the event loop, as a busy CPU does
            time.sleep(slow)
            await original(self, event)

        TextArea._on_key = late
    sys.argv = ["interviewer", *sys.argv[2:]]
    from interviewer.cli import main as cli

    cli()


if __name__ == "__main__":
    main()
