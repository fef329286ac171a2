"""The TUI's edge of ``interviewer.protocol``: its one lookup and loader, errors in one line.

The lookup and the loader are the package's own; here their errors become a
``ProtocolLoadError`` the screens (and ``interviewer run``) show as one line. No Textual
here, so the CLI can use it without importing the app. The loader (and with it pydantic) is
imported only when a protocol is really loaded, not to find one by path or file name.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from interviewer import debug_log
from interviewer.i18n.errors import TranslatableError, TranslatableValueError
from interviewer.protocol.library import find_protocol as lookup

if TYPE_CHECKING:  # imported when loading: pydantic is not needed to find a protocol
    from interviewer.domain.protocol import InterviewProtocol


class ProtocolLoadError(TranslatableValueError):
    """A protocol file that cannot be used, with a one-line reason.

    A keyed error of the library (a protocol not found) keeps its key and values, so the CLI
    and the TUI say it in the interface language; the loader's reports stay literal lines.
    """


@dataclass(frozen=True)
class ProtocolChoice:
    """A protocol found on disk, for the home screen (``error`` set when it does not load)."""

    path: Path
    id: str
    title: str
    language: str
    error: str | None = None


@contextmanager
def _one_line(where: str) -> Iterator[None]:
    """The TUI edge of the protocol lookup and loader: any error as a ProtocolLoadError.

    A keyed error (a protocol not found) keeps its key and values; anything else becomes its
    first line (the loader's ``ProtocolError`` says the first problem and how many more).
    """
    try:
        yield
    except Exception as exc:  # the loader's ProtocolError, the library's ProtocolNotFound, ...
        if isinstance(exc, TranslatableError) and exc.keyed:
            raise ProtocolLoadError(exc.message_key, **exc.values) from None
        debug_log.record(exc, f"sources: {where}")
        raise ProtocolLoadError(_first_line(exc)) from None


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def load_protocol(path: Path | str) -> InterviewProtocol:
    """``interviewer.protocol.load_protocol``, with a ProtocolLoadError of one line."""
    from interviewer.protocol.loader import load_protocol as load

    with _one_line("load_protocol"):
        return load(Path(path).expanduser())


def find_protocol(name_or_path: str) -> Path:
    """``interviewer.protocol.find_protocol`` (a path, file stem or name, or id), with a
    ProtocolLoadError (the library's key kept) when not found."""
    with _one_line("find_protocol"):
        return lookup(name_or_path)


def list_protocols() -> list[ProtocolChoice]:
    """Every protocol in the search folders (./protocols, user config, bundled)."""
    from interviewer.protocol.library import list_protocols as list_all  # loads them all

    return [ProtocolChoice(Path(e.path), e.id, e.title, e.language, e.error) for e in list_all()]
