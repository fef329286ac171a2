"""The debug log: full tracebacks for a maintainer, written only when asked for.

With ``INTERVIEWER_DEBUG=1`` (or ``interviewer --debug``) every record of the
``interviewer`` loggers, and every error a broad handler turns into one line on screen,
goes to ``debug.log`` in the cache folder (folder 0700, file 0600). Without it nothing is
written: an interview leaves no trace outside the data folder.

What is written never holds note text. A traceback is written as its frames (file, line,
function, the line of code) and the error's type; the error's message is left out,
because messages of other libraries can quote their input (a pydantic error quotes the
value it refused, which may be a note). For the program's own keyed errors the message key
is written instead, which names the problem without the data.
"""

from __future__ import annotations

import io
import logging
import os
import traceback
from pathlib import Path
from types import TracebackType

from interviewer import paths

DEBUG_ENV = "INTERVIEWER_DEBUG"
LOG_FILE_NAME = "debug.log"
LOGGER_NAME = "interviewer"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

log = logging.getLogger(LOGGER_NAME)


def enabled() -> bool:
    """True when the user asked for the debug log (``INTERVIEWER_DEBUG`` set, not ``0``)."""
    return os.environ.get(DEBUG_ENV, "").strip() not in ("", "0")


def log_path() -> Path:
    """Where the debug log goes: ``debug.log`` in the user's cache folder."""
    return paths.cache_dir() / LOG_FILE_NAME


def describe_error(error: BaseException) -> str:
    """The error's type, and for the program's keyed errors the key: never its message."""
    name = type(error).__qualname__
    if getattr(error, "keyed", False):  # a literal (unkeyed) line may quote data: left out
        return f"{name} [{getattr(error, 'message_key', '')}]"
    return name


def innermost_own_frame(error: BaseException) -> traceback.FrameSummary | None:
    """The innermost frame of the traceback that is in this package, not in a library.

    A crash inside Textual (``widget.py in _compose``) is caused by the code that called
    it; that call is what a maintainer needs to find first."""
    package = Path(__file__).resolve().parent
    frames = traceback.extract_tb(error.__traceback__)
    for frame in reversed(frames):
        try:
            Path(frame.filename).resolve().relative_to(package)
        except ValueError:
            continue
        return frame
    return frames[-1] if frames else None


class DataFreeFormatter(logging.Formatter):
    """Formats tracebacks as frames and error types only (see the module docstring)."""

    def formatException(self, ei: ExcInfo | tuple[None, None, None]) -> str:
        error = ei[1]
        if error is None:
            return ""
        lines: list[str] = []
        chain: list[BaseException] = []
        current: BaseException | None = error
        while current is not None and current not in chain:
            chain.append(current)
            current = current.__cause__ or current.__context__
        for number, link in enumerate(reversed(chain)):
            if number:
                lines.append("which led to:")
            lines.append("Traceback (most recent call last):")
            for frame in traceback.extract_tb(link.__traceback__):
                lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
                if frame.line:
                    lines.append(f"    {frame.line.strip()}")
            lines.append(describe_error(link))
        return "\n".join(lines)


class PrivateFileHandler(logging.FileHandler):
    """A file handler whose file is created 0600 in a 0700 folder (never wider)."""

    def _open(self) -> io.TextIOWrapper:
        target = Path(self.baseFilename)
        paths.ensure_private_dir(target.parent)
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.fchmod(descriptor, 0o600)
        return os.fdopen(descriptor, "a", encoding="utf-8")


_handler: PrivateFileHandler | None = None


def configure(*, force: bool = False) -> Path | None:
    """Attach the debug log when it is asked for (or ``force``); return its path, else None.

    Called once at start-up by the command line; safe to call again."""
    global _handler
    if not (force or enabled()):
        return None
    if _handler is None:
        handler = PrivateFileHandler(log_path(), delay=True)
        handler.setFormatter(
            DataFreeFormatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s")
        )
        log.addHandler(handler)
        log.setLevel(logging.DEBUG)
        _handler = handler
    return Path(_handler.baseFilename)


def detach() -> None:
    """Remove the debug log handler (tests, and a program that configured it twice)."""
    global _handler
    if _handler is not None:
        log.removeHandler(_handler)
        _handler.close()
        _handler = None


def record(error: BaseException, where: str) -> None:
    """Log an error a broad handler caught and reported in one line (no-op unless enabled).

    ``where`` names the handler, so the maintainer knows which one-line message it was."""
    log.error("handled in %s: %s", where, describe_error(error), exc_info=error)
