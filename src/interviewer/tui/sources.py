"""Where the TUI gets protocols: the protocol loader and library, with one-line errors.

No Textual here, so the CLI can use it without importing the app. The loader (and with it
pydantic) is imported only when a protocol is really loaded, not to find one by file name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from interviewer import debug_log, paths
from interviewer.i18n.errors import TranslatableError, TranslatableValueError

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


def load_protocol(path: Path | str) -> InterviewProtocol:
    """Load and validate a protocol file; ProtocolLoadError with one line on failure."""
    from interviewer.protocol_loader import load_protocol as load_checked

    try:
        return load_checked(Path(path).expanduser())
    except Exception as exc:  # the loader's ProtocolError, OSError, ...
        debug_log.record(exc, "sources: load_protocol")
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ProtocolLoadError(first) from None


def find_protocol(name_or_path: str) -> Path:
    """A protocol file by path, file name or id (ProtocolLoadError when not found).

    A path or a file name in the search folders is answered without importing the loader
    (start-up time); ids are looked up by the library, which loads every protocol.
    """
    candidate = Path(name_or_path).expanduser()
    if candidate.is_file():
        return candidate
    for file in paths.iter_protocol_files(paths.protocol_search_dirs()):
        if name_or_path in (file.stem, file.name):
            return file
    from interviewer.protocol_library import find_protocol as find_by_id

    try:
        return Path(find_by_id(name_or_path))
    except TranslatableError as exc:  # the library's ProtocolNotFound: keep its key
        if exc.keyed:
            raise ProtocolLoadError(exc.message_key, **exc.values) from None
        raise ProtocolLoadError(str(exc).strip().splitlines()[0]) from None
    except Exception as exc:
        debug_log.record(exc, "sources: find_protocol")
        raise ProtocolLoadError(str(exc).strip().splitlines()[0]) from None


def list_protocols() -> list[ProtocolChoice]:
    """Every protocol in the search folders (./protocols, user config, bundled)."""
    from interviewer.protocol_library import list_protocols as list_all

    return [ProtocolChoice(Path(e.path), e.id, e.title, e.language, e.error) for e in list_all()]
